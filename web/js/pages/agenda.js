// The agenda: upcoming meetings of every network you may see, by
// municipality, topic, format and what the venue offers.

import { h, fill, paramValues, pushParams } from "../dom.js";
import { t, label, values, lang } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, setTitle } from "../layout.js";
import { selectField, checkboxGroup, submitButton, readForm } from "../forms.js";
import { municipalityGroups, resultList } from "../views.js";
import { meetingCard } from "../meetings.js";

const FILTERS = ["municipality", "topic", "format", "accessFeatures"];

export async function boot(main) {
  setTitle(t("agenda.title"));
  const [municipalities, topicList] = await Promise.all([api.municipalities().catch(() => []), api.topics().catch(() => [])]);
  const state = paramValues(FILTERS);
  const features = (state.accessFeatures || "").split(",").filter(Boolean);
  const form = h(
    "form",
    { class: "tm-filters", role: "search", "aria-label": t("agenda.filtersLabel") },
    selectField({ name: "municipality", label: t("agenda.municipality"), choices: [{ value: "", label: t("agenda.anywhere") }], groups: municipalityGroups(municipalities), value: state.municipality || "" }),
    selectField({ name: "topic", label: t("agenda.topic"), choices: [{ value: "", label: t("agenda.anyTopic") }, ...topicList.map((tp) => ({ value: tp.slug, label: lang === "en" ? tp.nameEn : tp.nameNl }))], value: state.topic || "" }),
    selectField({ name: "format", label: t("agenda.format"), choices: [{ value: "", label: t("agenda.anyFormat") }, ...values("meetingFormat").map((v) => ({ value: v, label: label("meetingFormat", v) }))], value: state.format || "" }),
    checkboxGroup({ name: "accessFeatures", legend: t("agenda.features"), description: t("agenda.featuresHelp"), choices: values("accessFeature").map((v) => ({ value: v, label: label("accessFeature", v) })), value: features, wide: true }),
    submitButton(t("agenda.show")),
  );
  const results = h("section", { "aria-labelledby": "agenda-resultaten" });

  const list = resultList({
    labelledBy: "agenda-resultaten",
    item: (m) => meetingCard(m, { showNetwork: true }),
    counted: (count, more) => (count ? t(more ? "agenda.countMore" : "agenda.count", { count }) : t("agenda.none")),
    failed: () => t("errors.general"),
    moreLabel: t("agenda.more"),
  });
  fill(results, heading(2, t("agenda.resultsTitle"), { id: "agenda-resultaten" }), ...list.nodes);

  async function show(push) {
    const v = readForm(form);
    const query = {
      municipality: v.municipality || undefined,
      topic: v.topic || undefined,
      format: v.format || undefined,
      accessFeatures: v.accessFeatures.length ? v.accessFeatures.join(",") : undefined,
    };
    if (push) pushParams(query);
    await list.show("/meetings", query);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show(true);
  });
  fill(main, heading(1, t("agenda.title")), paragraph(t("agenda.intro"), "tm-lead"), form, results);
  await show(false);
}
