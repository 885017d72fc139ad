// Talents, shared by the profile, the goal form, the matchcentrum and the
// talents pages: suggestions while typing (a <datalist> fed by GET
// /talents), and how availability and talents are shown.

import { h, fill } from "./dom.js";
import { t } from "./i18n.js";
import * as api from "./api.js";
import { badge } from "./views.js";

let datalists = 0;

/**
 * Gives a text input for a comma-separated list of talents suggestions
 * while typing: the known talents (most used first) that match the last
 * word typed, offered as the whole list with that talent at its end, so a
 * chosen suggestion keeps what was typed before it.
 */
export function suggestTalents(input) {
  datalists += 1;
  const list = h("datalist", { id: `talenten-suggesties-${datalists}` });
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  input.after(list);
  let asked = "";
  let timer = null;
  const load = async () => {
    const value = input.value;
    const cut = value.lastIndexOf(",");
    const before = cut >= 0 ? `${value.slice(0, cut + 1).trimEnd()} ` : "";
    const typed = value.slice(cut + 1).trim();
    if (typed.length < 2 || typed === asked) return;
    asked = typed;
    try {
      const page = await api.getPage("/talents", { q: typed, pageSize: 8 });
      fill(list, page.items.map((item) => h("option", { value: `${before}${item.name}` })));
    } catch {
      fill(list);
    }
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(load, 200);
  });
  return list;
}

/** How much time someone has, in words; null when they did not say. */
export function availabilityText(a) {
  if (!a) return null;
  if (a.hoursPerMonth) return t("talents.hoursPerMonth", { count: a.hoursPerMonth });
  return a.occasional ? t("talents.occasional") : null;
}

/** A list of talents as badges, named for screen readers by `label`. */
export function talentBadges(list, label) {
  return h("ul", { class: "tm-badges", "aria-label": label }, (list || []).map((name) => h("li", null, badge(name))));
}
