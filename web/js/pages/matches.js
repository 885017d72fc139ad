// The matchcentrum of a step (`?doel=N`), for the network's core group:
// the talents the step needs, the members who offer them (best first, each
// with why), and the offers of help ("Ik help mee") to accept or decline.

import { h, fill, focusOn, idParam } from "../dom.js";
import { t } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, requireSignIn, announce, alertBox, visuallyHidden } from "../layout.js";
import { button, buttonRow, errorText } from "../forms.js";
import { badge } from "../views.js";
import { availabilityText, talentBadges } from "../talents.js";

export async function boot(main) {
  const goalId = idParam("doel");
  if (!goalId) {
    const error = new Error("no goal");
    error.status = 404;
    throw error;
  }
  if (!api.user()) {
    requireSignIn();
    return;
  }
  const goal = await api.get(`/goals/${goalId}`);
  const network = await api.get(`/networks/${goal.networkId}`);
  setTitle(t("matches.title", { title: goal.title }));
  const back = h("p", { class: "utrecht-paragraph" }, link(`/netwerk-beheren.html?id=${network.id}#doelen-kop`, t("matches.back", { name: network.name })));
  const top = [back, heading(1, t("matches.title", { title: goal.title })), paragraph(t("matches.intro"), "tm-lead")];
  let matches;
  try {
    matches = await api.getAll(`/goals/${goalId}/matches`, {}, 200);
  } catch (error) {
    if (error.status !== 403) throw error;
    fill(main, ...top, alertBox("info", paragraph(t("matches.coreOnly"))));
    return;
  }
  const needs = goal.neededTalents.length
    ? talentBadges(goal.neededTalents, t("matches.needsLabel"))
    : paragraph(t("matches.noNeeds"), " ", link(`/netwerk-beheren.html?id=${network.id}#doelen-kop`, t("matches.addNeeds")));

  function reasons(m) {
    const items = [t("matches.talents", { list: m.matchingTalents.join(", ") })];
    if (m.sameMunicipality) items.push(t("matches.sameMunicipality"));
    else if (m.sameProvince) items.push(t("matches.sameProvince"));
    const time = availabilityText(m.availability);
    if (time) items.push(time);
    items.push(t("matches.carried", { count: m.carriedSteps }));
    return h("ul", { class: "utrecht-unordered-list", "aria-label": t("matches.why", { name: m.name }) }, items.map((text) => h("li", null, text)));
  }

  const matchList = matches.length
    ? h(
        "ol",
        { class: "tm-cards", "aria-labelledby": "kandidaten-kop" },
        matches.map((m) =>
          h(
            "li",
            { class: "tm-card" },
            h("h3", { class: "utrecht-heading-3" }, m.name),
            m.offer ? paragraph(badge(t(`talents.offer.${m.offer}`), m.offer === "accepted" ? "active" : "neutral")) : null,
            reasons(m),
          ),
        ),
      )
    : paragraph(t("matches.none"));

  const offersBox = h("div", { "aria-live": "polite" });
  async function renderOffers(focusId) {
    const { items } = await api.get(`/goals/${goalId}/helpers`);
    if (!items.length) {
      fill(offersBox, paragraph(t("matches.noOffers")));
      return;
    }
    fill(offersBox, h("ul", { class: "tm-cards", "aria-labelledby": "aanbod-kop" }, items.map(offer)));
    if (focusId) focusOn(document.getElementById(focusId));
  }

  function offer(o) {
    const name = o.name || t("matches.someone");
    const titleId = `aanbod-${o.stakeholderId}`;
    const status = h("div", { "aria-live": "polite" });
    const answer = (value) =>
      button([t(`matches.${value}`), visuallyHidden(`: ${name}`)], {
        on: {
          click: async () => {
            try {
              await api.request("PATCH", `/goals/${goalId}/helpers/${o.stakeholderId}`, { body: { status: value } });
            } catch (error) {
              fill(status, paragraph(errorText(error)));
              return;
            }
            announce(t(`matches.${value}Done`, { name }));
            await renderOffers(titleId);
          },
        },
      }, value === "accepted" ? "primary-action" : "secondary-action");
    return h(
      "li",
      { class: "tm-card" },
      h("h3", { class: "utrecht-heading-3", id: titleId, tabindex: "-1" }, name),
      paragraph(badge(t(`talents.offer.${o.status}`), o.status === "accepted" ? "active" : "neutral")),
      o.message ? h("p", { class: "tm-quote" }, o.message) : null,
      o.status === "offered" ? buttonRow(answer("accepted"), answer("declined")) : null,
      status,
    );
  }

  fill(
    main,
    ...top,
    heading(2, t("matches.needsTitle")),
    needs,
    heading(2, t("matches.offersTitle"), { id: "aanbod-kop", tabindex: "-1" }),
    offersBox,
    heading(2, t("matches.candidatesTitle"), { id: "kandidaten-kop" }),
    paragraph(t("matches.order")),
    matchList,
  );
  await renderOffers();
}
