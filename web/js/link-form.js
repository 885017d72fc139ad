// The form for a knowledge link, used on the network page and on the
// knowledge platform.

import { h } from "./dom.js";
import { t, label, values } from "./i18n.js";
import { textField, checkboxGroup, selectField, submitButton } from "./forms.js";

/** The fields of a knowledge link (shared with the knowledge page). */
export function linkForm({ value = {}, topicsList = null, submitLabel } = {}) {
  const form = h(
    "form",
    null,
    textField({ name: "url", label: t("knowledge.url"), type: "url", required: true, value: value.url, description: t("knowledge.urlHelp"), spellcheck: false }),
    textField({ name: "title", label: t("knowledge.linkTitle"), required: true, value: value.title }),
    textField({ name: "summary", label: t("knowledge.summary"), multiline: true, rows: 3, value: value.summary, description: t("knowledge.summaryHelp") }),
    checkboxGroup({
      name: "audiences",
      legend: t("knowledge.audiences"),
      value: value.audiences || [],
      choices: values("audience").map((a) => ({ value: a, label: label("audience", a) })),
    }),
    topicsList
      ? checkboxGroup({ name: "topics", legend: t("knowledge.topics"), value: value.topics || [], choices: topicsList })
      : null,
    selectField({
      name: "language",
      label: t("knowledge.language"),
      value: value.language || "nl",
      noOptionalMark: true,
      choices: values("language").map((l) => ({ value: l, label: label("language", l) })),
    }),
    submitButton(submitLabel || t("knowledge.add")),
  );
  return form;
}

