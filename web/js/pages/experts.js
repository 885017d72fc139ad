// Experience experts (`ervaringsdeskundigen`): coordinators and people who
// act for an organisation or municipality find the people who chose to be
// findable, by talent and municipality, and ask one for contact with a
// message. The search never shows contact details: they come only when the
// person accepts.

import { h, fill, focusOn } from "../dom.js";
import { t, formatNumber } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, requireSignIn, announce, alertBox, visuallyHidden } from "../layout.js";
import { textField, selectField, submitButton, handleSubmit, button, buttonRow } from "../forms.js";
import { municipalityGroups, myOrganisations } from "../views.js";
import { suggestTalents, availabilityText, talentBadges } from "../talents.js";

export async function boot(main) {
  const me = api.user();
  if (!me) {
    requireSignIn();
    return;
  }
  setTitle(t("experts.title"));
  const intro = [heading(1, t("experts.title")), paragraph(t("experts.intro"), "tm-lead")];
  // Who may search: the API says (403 for others).
  try {
    await api.getPage("/experts", { pageSize: 1 });
  } catch (error) {
    if (error.status !== 403) throw error;
    fill(main, ...intro, alertBox("info", paragraph(t("experts.notAllowed"))), paragraph(link("/talenten.html", t("experts.toTalents"))));
    return;
  }
  const [municipalities, organisations] = await Promise.all([
    api.getAll("/municipalities", {}, 1000),
    myOrganisations(),
  ]);
  const names = new Map(municipalities.map((m) => [m.code, m.name]));

  const results = h("div", { "aria-live": "polite" });
  const search = h(
    "form",
    { class: "tm-form", role: "search", "aria-labelledby": "zoeken-kop" },
    textField({ name: "talent", label: t("experts.talent"), description: t("experts.talentHelp") }),
    selectField({ name: "municipality", label: t("experts.municipality"), value: "", choices: [{ value: "", label: t("experts.anywhere") }], groups: municipalityGroups(municipalities) }),
    submitButton(t("experts.search")),
  );
  suggestTalents(search.elements.talent);

  function expert(e) {
    const titleId = `deskundige-${e.stakeholderId}`;
    const slot = h("div", { class: "tm-editor", hidden: true });
    const ask = button([t("experts.ask"), visuallyHidden(`: ${e.name}`)], { "aria-expanded": "false" }, "primary-action");
    ask.addEventListener("click", () => {
      if (!slot.hidden) return slot.querySelector("textarea")?.focus();
      const form = h(
        "form",
        { "aria-label": t("experts.askTitle", { name: e.name }) },
        organisations.length
          ? selectField({ name: "onBehalfOf", label: t("experts.onBehalfOf"), value: String(organisations[0].id), noOptionalMark: true, choices: [...organisations.map((o) => ({ value: String(o.id), label: o.name })), { value: "", label: t("experts.myself") }] })
          : null,
        textField({ name: "message", label: t("experts.message"), multiline: true, rows: 4, required: true, description: t("experts.messageHelp") }),
        buttonRow(submitButton(t("experts.send"))),
      );
      handleSubmit(form, async (v) => {
        const body = { stakeholderId: e.stakeholderId, message: v.message };
        if (v.onBehalfOf) body.onBehalfOf = Number(v.onBehalfOf);
        await api.request("POST", "/contact-requests", { body });
        announce(t("experts.sent", { name: e.name }));
        fill(slot, alertBox("ok", paragraph(t("experts.sent", { name: e.name }), " ", link("/talenten.html#verzoeken-kop", t("experts.toRequests")))));
        ask.remove();
        focusOn(slot.querySelector(".utrecht-alert") || slot);
      });
      fill(slot, form);
      slot.hidden = false;
      ask.setAttribute("aria-expanded", "true");
      form.querySelector("textarea")?.focus();
    });
    const time = availabilityText(e.availability);
    return h(
      "li",
      { class: "tm-card" },
      h("h3", { class: "utrecht-heading-3", id: titleId }, e.name),
      talentBadges(e.talents, t("experts.talentsOf", { name: e.name })),
      e.municipalityCode ? paragraph(t("experts.livesIn", { place: names.get(e.municipalityCode) || e.municipalityCode })) : null,
      time ? paragraph(time) : null,
      buttonRow(ask),
      slot,
    );
  }

  async function run(query) {
    const page = await api.getPage("/experts", { ...query, pageSize: 50 });
    const count = h("p", { class: "utrecht-paragraph", id: "deskundigen-aantal", tabindex: "-1" }, t("experts.found", { count: page.items.length, number: formatNumber(page.items.length) }));
    fill(results, count, page.items.length ? h("ul", { class: "tm-cards", "aria-labelledby": "resultaten-kop" }, page.items.map(expert)) : null);
    return count;
  }

  handleSubmit(search, async (v) => {
    const query = {};
    if (v.talent) query.talent = v.talent.trim();
    if (v.municipality) query.municipality = v.municipality;
    const count = await run(query);
    focusOn(count);
  });

  fill(
    main,
    ...intro,
    alertBox("info", paragraph(t("experts.privacy"))),
    heading(2, t("experts.searchTitle"), { id: "zoeken-kop" }),
    search,
    heading(2, t("experts.resultsTitle"), { id: "resultaten-kop" }),
    results,
  );
  await run({});
}
