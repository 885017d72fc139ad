// The national agenda: questions that networks raised to the level above
// them, most supported first, by status, municipality and topic.

import { h, fill, paramValues, pushParams } from "../dom.js";
import { t, label, values, lang } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, setTitle } from "../layout.js";
import { selectField, submitButton, readForm } from "../forms.js";
import { municipalityGroups, resultList } from "../views.js";
import { questionCard } from "../questions.js";

const FILTERS = ["status", "municipality", "topic"];

export async function boot(main) {
  setTitle(t("questions.title"));
  const [municipalities, topicList] = await Promise.all([api.municipalities().catch(() => []), api.topics().catch(() => [])]);
  const state = paramValues(FILTERS);
  const form = h(
    "form",
    { class: "tm-filters", role: "search", "aria-label": t("questions.filtersLabel") },
    selectField({
      name: "status",
      label: t("questions.status"),
      choices: [{ value: "", label: t("questions.open") }, { value: "all", label: t("questions.all") }, ...values("questionStatus").map((v) => ({ value: v, label: label("questionStatus", v) }))],
      value: state.status || "",
    }),
    selectField({ name: "municipality", label: t("questions.municipality"), choices: [{ value: "", label: t("agenda.anywhere") }], groups: municipalityGroups(municipalities), value: state.municipality || "" }),
    selectField({ name: "topic", label: t("questions.topic"), choices: [{ value: "", label: t("agenda.anyTopic") }, ...topicList.map((tp) => ({ value: tp.slug, label: lang === "en" ? tp.nameEn : tp.nameNl }))], value: state.topic || "" }),
    submitButton(t("questions.show")),
  );
  const results = h("section", { "aria-labelledby": "vragen-resultaten" });
  const list = resultList({
    labelledBy: "vragen-resultaten",
    item: (q) => questionCard(q),
    counted: (count, more) => (count ? t(more ? "questions.countMore" : "questions.count", { count }) : t("questions.none")),
    failed: () => t("errors.general"),
    moreLabel: t("questions.more"),
  });
  fill(results, heading(2, t("questions.resultsTitle"), { id: "vragen-resultaten" }), ...list.nodes);

  async function show(push) {
    const v = readForm(form);
    const status = v.status === "all" || v.status === "" ? undefined : v.status;
    const query = {
      open: v.status === "" ? "true" : undefined,
      status,
      municipality: v.municipality || undefined,
      topic: v.topic || undefined,
    };
    if (push) pushParams({ status: v.status || undefined, municipality: query.municipality, topic: query.topic });
    await list.show("/questions", query);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show(true);
  });
  fill(main, heading(1, t("questions.title")), paragraph(t("questions.intro"), "tm-lead"), paragraph(t("questions.howTo")), form, results);
  await show(false);
}
