// The articles of the UN Convention on the rights of persons with
// disabilities, as networks, goals and knowledge links are tagged with
// them: names in the page's language, choices for filters and forms, and
// the tags that link to the networks working on an article.

import { h } from "./dom.js";
import { t } from "./i18n.js";
import * as api from "./api.js";
import { checkboxGroup } from "./forms.js";

const lang = () => document.documentElement.lang;

/** Article number -> "9 Toegankelijkheid", loaded once per page. */
export async function articleNames() {
  try {
    const list = await api.articles();
    return new Map(list.map((a) => [a.number, `${a.number} ${lang() === "en" ? a.titleEn : a.titleNl}`]));
  } catch {
    return new Map();
  }
}

/** The articles as choices of a select or a group of checkboxes. */
export function articleChoices(names) {
  return [...names].map(([value, text]) => ({ value: String(value), label: text }));
}

/** A select's choices: every article, after "all". */
export function articleFilterChoices(names) {
  return [{ value: "", label: t("find.all") }, ...articleChoices(names)];
}

/**
 * The checkboxes of a form's `articles` field, folded away behind a
 * summary that says how many are chosen (33 boxes would stand between a
 * keyboard user and the form's button); open when some are chosen.
 */
export function articleField(names, value = []) {
  if (!names.size) return null;
  const summary = h("summary", null, t("articles.choose", { count: value.length }));
  const group = checkboxGroup({
    name: "articles",
    legend: t("articles.legend"),
    description: t("articles.help"),
    value: value.map(String),
    choices: articleChoices(names),
    onChange: () => {
      summary.textContent = t("articles.choose", { count: group.querySelectorAll("input:checked").length });
    },
  });
  return h("details", { class: "tm-articles-field", open: value.length > 0 }, summary, group);
}

/** A form's checked articles, as the API takes them. */
export const articleNumbers = (checked) => (checked || []).map(Number);

/**
 * A list of articles, each a link to the networks working on it; null
 * when there are none.
 */
export function articleTags(numbers, names) {
  if (!numbers?.length) return null;
  return h(
    "ul",
    { class: "tm-badges tm-articles" },
    numbers.map((n) =>
      h(
        "li",
        null,
        h("a", { class: ["utrecht-data-badge", "tm-tag--article"], href: `/?article=${n}`, "aria-label": t("articles.tagLabel", { name: names.get(n) || String(n) }) }, t("articles.tag", { name: names.get(n) || String(n) })),
      ),
    ),
  );
}
