// The form for a knowledge link, used on the network page and on the
// knowledge platform.

import { h } from "./dom.js";
import { t, label, values } from "./i18n.js";
import { textField, checkboxGroup, selectField, submitButton } from "./forms.js";
import { articleField, articleNumbers } from "./articles.js";

/**
 * A web address as it is sent: with https:// in front when it was typed
 * without a scheme ("voorbeeld.nl/pagina", "voorbeeld.nl:8080/x"). Other
 * schemes stay, so that the API can refuse them.
 */
export function withScheme(text) {
  const url = (text || "").trim();
  if (!url || /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(url)) return url;
  return `https://${url.replace(/^\/+/, "")}`;
}

/**
 * The API body of a link from the form's values. The address field then
 * shows the address as it is sent.
 */
export function linkBody(form, v) {
  const url = withScheme(v.url);
  const field = form.elements.namedItem("url");
  if (field && field.value !== url) field.value = url;
  return { url, title: v.title, summary: v.summary || null, audiences: v.audiences, topics: v.topics, articles: v.articles ? articleNumbers(v.articles) : undefined, language: v.language };
}

/** The fields of a knowledge link (shared with the knowledge page). */
export function linkForm({ value = {}, topicsList = null, articles = null, submitLabel } = {}) {
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
    articles ? articleField(articles, value.articles || []) : null,
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

