// Pieces that several pages show: a network card, badges, a list of
// results that grows a page at a time, the goal tree with progress, a
// knowledge link.

import { h, uid, focusOn } from "./dom.js";
import { t, label, formatDate, formatNumber, lang } from "./i18n.js";
import * as api from "./api.js";
import { button } from "./layout.js";
import { articleTags } from "./articles.js";

/** Kinds of stakeholder who speak from experience. */
export const EXPERT_KINDS = ["experience_expert", "un_ambassador"];
/** Roles of the core group: they prepare content and process. */
export const CORE_ROLES = ["coordinator", "core_group"];

const STATUS_BADGE = { active: "success", forming: "neutral", paused: "warning", closed: "inactive" };

/** One term and its value in a list of facts (`<dl class="tm-facts">`);
 * nothing when there is no value. */
export function fact(term, value) {
  if (value == null || value === "" || (Array.isArray(value) && value.length === 0)) return null;
  return h("div", null, h("dt", null, term), h("dd", null, value));
}

export function badge(text, variant = "neutral") {
  return h("span", { class: ["utrecht-status-badge", `utrecht-status-badge--${variant}`] }, text);
}

export function dataBadge(text) {
  return h("span", { class: "utrecht-data-badge" }, text);
}

/** The kinds of stakeholder that are organisations, not people. */
export const ORGANISATION_KINDS = ["municipality", "interest_organisation", "company", "knowledge_institution"];

/** The organisations whose profile the signed-in person manages (all, for admins). */
export async function myOrganisations() {
  try {
    const list = await api.getAll("/stakeholders", {}, 200);
    return list.filter((s) => s.canEdit && !s.hasAccount && ORGANISATION_KINDS.includes(s.kind));
  } catch {
    return [];
  }
}

/** Municipality code -> name, loaded once per page. */
export async function municipalityNames() {
  try {
    const list = await api.municipalities();
    return new Map(list.map((m) => [m.code, m.name]));
  } catch {
    return new Map();
  }
}

export async function topicNames() {
  try {
    const list = await api.topics();
    return new Map(list.map((topic) => [topic.slug, lang === "en" ? topic.nameEn : topic.nameNl]));
  } catch {
    return new Map();
  }
}

/** Municipalities as select groups, one per province, sorted by name. */
export function municipalityGroups(list) {
  const byProvince = new Map();
  for (const m of list) {
    if (!byProvince.has(m.provinceCode)) byProvince.set(m.provinceCode, { label: provinceLabel(m), choices: [] });
    byProvince.get(m.provinceCode).choices.push({ value: m.code, label: m.name });
  }
  return [...byProvince.values()]
    .sort((a, b) => a.label.localeCompare(b.label, "nl"))
    .map(({ label, choices }) => ({ label, choices: choices.sort((a, b) => a.label.localeCompare(b.label, "nl")) }));
}

/** A province's name, with the country for Belgian ones (there is a
 * Limburg on both sides of the border). */
export function provinceLabel(m) {
  return m.country === "BE" ? `${m.provinceName} (${t("place.belgium")})` : m.provinceName;
}

/** The provinces of the municipality list, as select choices sorted by name. */
export function provinceChoices(list) {
  const names = new Map(list.map((m) => [m.provinceCode, provinceLabel(m)]));
  return [...names.entries()].map(([value, text]) => ({ value, label: text })).sort((a, b) => a.label.localeCompare(b.label, "nl"));
}

export function placeOf(network, names) {
  if (network.municipalityCode) return names.get(network.municipalityCode) || network.municipalityCode;
  return network.region || "";
}

/**
 * Results that grow a page at a time: a status line (read out) that says
 * how many are shown, the list, and a button that loads the next page by
 * the API's own `next` link and moves focus to its first result.
 * options: labelledBy (the heading's id), item(row) draws one result,
 * counted(count, more) and failed(error) give the status line, moreLabel.
 * Returns { nodes, list, show(path, query) }; show() starts a new list.
 */
export function resultList({ labelledBy, item, counted, failed, moreLabel }) {
  const status = h("p", { class: "utrecht-paragraph", role: "status", "aria-live": "polite" });
  const list = h("ul", { class: "tm-cards", "aria-labelledby": labelledBy });
  const more = button(moreLabel, { hidden: true });
  let next = null;

  async function load(path, query, append) {
    status.textContent = t("find.searching");
    try {
      const page = await api.getPage(path, query);
      const before = list.children.length;
      if (!append) list.replaceChildren();
      page.items.forEach((row) => list.append(item(row)));
      next = page._links.next ? page._links.next.href : null;
      more.hidden = !next;
      status.textContent = counted(list.children.length, Boolean(next));
      if (append) focusOn(list.children[before]?.querySelector("a"));
    } catch (error) {
      status.textContent = failed(error);
    }
  }

  more.addEventListener("click", () => next && load(next, undefined, true));
  return { nodes: [status, list, more], list, show: (path, query) => load(path, query, false) };
}

/** A card in a list of networks. */
export function networkCard(network, { names = new Map(), level = 3 } = {}) {
  const place = placeOf(network, names);
  return h(
    "li",
    { class: "tm-card" },
    h(`h${level}`, { class: "tm-card__title" }, h("a", { class: "utrecht-link utrecht-link--html-a", href: `/netwerk.html?id=${network.id}` }, network.name)),
    h("p", null, network.theme),
    h(
      "ul",
      { class: "tm-badges", "aria-label": t("network.labels") },
      h("li", null, badge(label("scope", network.scope), "neutral")),
      h("li", null, badge(label("networkStatus", network.status), STATUS_BADGE[network.status])),
      network.visibility === "members" ? h("li", null, badge(t("network.membersOnly"), "active")) : null,
    ),
    place ? h("p", { class: "tm-small tm-muted" }, t("network.place", { place })) : null,
  );
}

export function networkStatusBadge(status) {
  return badge(label("networkStatus", status), STATUS_BADGE[status]);
}

const GOAL_BADGE = { proposed: "neutral", agreed: "active", in_progress: "warning", achieved: "success", dropped: "inactive" };

export function goalStatusBadge(status) {
  return badge(label("goalStatus", status), GOAL_BADGE[status]);
}

export function sortGoals(goals) {
  return [...goals].sort((a, b) => a.position - b.position || a.id - b.id);
}

export function childrenOf(goals, parentId) {
  return sortGoals(goals.filter((g) => (g.parentId ?? null) === parentId));
}

/** Achieved and counted steps below a goal (all levels; dropped ones don't count). */
export function progressOf(goals, goalId) {
  let achieved = 0;
  let total = 0;
  const walk = (id) => {
    for (const step of goals.filter((g) => g.parentId === id)) {
      if (step.status !== "dropped") {
        total += 1;
        if (step.status === "achieved") achieved += 1;
      }
      walk(step.id);
    }
  };
  walk(goalId);
  return { achieved, total };
}

export function progressBar(achieved, total) {
  const id = uid("voortgang");
  return h(
    "div",
    { class: "tm-progress" },
    h("progress", { max: String(total), value: String(achieved), "aria-labelledby": id }),
    h("span", { id }, t("goals.progress", { achieved, total, count: total })),
  );
}

/**
 * The goals of a network as a tree: goals with their small steps.
 * options.actions(goal, depth) returns extra nodes (buttons) per goal.
 * options.level: heading level of the top goals.
 * options.articles: article number -> name, to show each goal's articles.
 */
export function goalTree(goals, { actions, level = 3, idPrefix = "doel", articles = null } = {}) {
  const render = (goal, depth) => {
    const achieved = goal.status === "achieved";
    const children = childrenOf(goals, goal.id);
    const headingLevel = Math.min(level + depth, 6);
    const titleId = `${idPrefix}-${goal.id}`;
    const meta = h(
      "div",
      { class: "tm-goal__meta" },
      goalStatusBadge(goal.status),
      achieved && goal.achievedAt ? h("span", { class: "tm-achieved" }, t("goals.achievedOn", { date: formatDate(goal.achievedAt) })) : null,
      !achieved && goal.targetDate ? h("span", null, t("goals.target", { date: formatDate(goal.targetDate) })) : null,
      goal.supportCount || goal.concernCount
        ? h("span", { class: "tm-small" }, t("goals.endorsementCounts", { support: formatNumber(goal.supportCount), concern: formatNumber(goal.concernCount) }))
        : null,
      goal.neededTalents?.length ? h("span", { class: "tm-small" }, t("goals.needs", { list: goal.neededTalents.join(", ") })) : null,
      goal.helperIds?.length ? h("span", { class: "tm-small" }, t("goals.helpers", { count: goal.helperIds.length })) : null,
    );
    const progress = progressOf(goals, goal.id);
    return h(
      "li",
      {
        class: [depth === 0 ? "tm-goal" : "tm-step", achieved && depth === 0 ? "tm-goal--achieved" : null],
        dataset: { goalId: goal.id },
      },
      h(`h${headingLevel}`, { class: depth === 0 ? "tm-goal__title" : "tm-step__title", id: titleId, tabindex: "-1" }, goal.title),
      meta,
      goal.description ? h("p", { class: "utrecht-paragraph tm-goal__description" }, goal.description) : null,
      articles ? articleTags(goal.articles, articles) : null,
      progress.total ? progressBar(progress.achieved, progress.total) : null,
      actions ? actions(goal, depth) : null,
      children.length
        ? h("ul", { class: "tm-steps", "aria-label": t("goals.stepsOf", { title: goal.title }) }, children.map((c) => render(c, depth + 1)))
        : null,
    );
  };
  const top = childrenOf(goals, null);
  return h("ul", { class: "tm-goals" }, top.map((g) => render(g, 0)));
}

/** A celebration of the steps achieved so far, or null. */
export function celebration(goals) {
  const achieved = goals.filter((g) => g.status === "achieved");
  if (!achieved.length) return null;
  const latest = [...achieved].sort((a, b) => String(b.achievedAt || "").localeCompare(String(a.achievedAt || "")))[0];
  return h(
    "div",
    { class: "tm-celebrate" },
    h("p", { class: "utrecht-paragraph" }, h("strong", null, t("goals.celebrate", { count: achieved.length }))),
    h("p", { class: "utrecht-paragraph" }, t("goals.latest", { title: latest.title })),
  );
}

/** Host name of a link, shown so people know where they go. */
export function hostOf(url) {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return "";
  }
}

/**
 * One kind of tag of a card (audiences or topics): a visible name before
 * the list, and a shape of its own, so that the two kinds differ in more
 * than colour.
 */
function tagGroup(kind, name, texts) {
  if (!texts.length) return null;
  const id = uid(`tags-${kind}`);
  return h(
    "div",
    { class: "tm-tags" },
    h("span", { class: "tm-tags__name", id }, name),
    h("ul", { class: "tm-badges", "aria-labelledby": id }, texts.map((text) => h("li", null, h("span", { class: ["utrecht-data-badge", `tm-tag--${kind}`] }, text)))),
  );
}

/** A knowledge link: the click goes through visitUrl, which counts it. */
export function knowledgeItem(item, { level = 3, topics = new Map(), articles = new Map(), actions } = {}) {
  return h(
    "li",
    { class: "tm-card", dataset: { linkId: item.id } },
    h(
      `h${level}`,
      { class: "tm-card__title" },
      h("a", { class: "utrecht-link utrecht-link--html-a", href: item.visitUrl, hreflang: item.language || null, rel: "noopener" }, item.title),
    ),
    h("p", { class: "tm-small tm-muted" }, t("knowledge.goesTo", { host: hostOf(item.url) })),
    item.summary ? h("p", null, item.summary) : null,
    tagGroup("audience", t("knowledge.audiencesLabel"), item.audiences.map((a) => label("audience", a))),
    tagGroup("topic", t("knowledge.topicsLabel"), item.topics.map((s) => topics.get(s) || s)),
    tagGroup("article", t("articles.facts"), (item.articles || []).map((n) => articles.get(n) || String(n))),
    h("p", { class: "tm-small tm-muted" }, label("language", item.language), " · ", t("knowledge.clicks", { count: item.clicks, n: formatNumber(item.clicks) })),
    actions ? actions(item) : null,
  );
}
