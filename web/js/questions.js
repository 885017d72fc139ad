// Raised questions as every page shows them: a card in a list (title, who
// raised it to whom, where it stands, how many networks support it), the
// status in words, and a network's own questions on its page.

import { h } from "./dom.js";
import { t, label, formatDate } from "./i18n.js";
import * as api from "./api.js";
import { heading, paragraph, link } from "./layout.js";
import { badge } from "./views.js";

const STATUS_BADGE = { raised: "neutral", received: "neutral", on_agenda: "active", in_progress: "warning", answered: "success", declined: "inactive" };

/** Where a question stands, as a badge with words. */
export function questionStatusBadge(status) {
  return badge(label("questionStatus", status), STATUS_BADGE[status]);
}

/** A card in a list of questions. */
export function questionCard(q, { level = 3 } = {}) {
  const titleId = `vraag-${q.id}`;
  return h(
    "li",
    { class: "tm-card" },
    h(`h${level}`, { class: `utrecht-heading-${level}`, id: titleId }, link(`/vraag.html?id=${q.id}`, q.title)),
    h("p", { class: "utrecht-paragraph" }, questionStatusBadge(q.status)),
    paragraph(t("questions.fromTo", { from: q.raisedBy.name, to: q.raisedTo.name })),
    paragraph(t("questions.supportCount", { count: q.supportCount }), " · ", t("questions.raisedOn", { date: formatDate(q.createdAt) }), "tm-small"),
  );
}

/** A network's questions, those it raised and those raised to it (none
 * when they cannot be read). */
export function loadQuestions(networkId) {
  return api
    .get(`/networks/${networkId}/questions`, { pageSize: 10 })
    .then((page) => page.items)
    .catch(() => []);
}

/** The part of a network's page about its questions (`items`, from
 * loadQuestions), and for its core group the way to raise one. */
export function questionSection(network, items, { isCore }) {
  const headingId = "vragen-kop";
  const section = [heading(2, t("questions.networkTitle"), { id: headingId })];
  section.push(
    items.length
      ? h("ul", { class: "tm-cards", "aria-labelledby": headingId }, items.map((q) => questionCard(q)))
      : paragraph(t("questions.networkNone")),
  );
  const more = [link("/vragen.html", t("questions.allLink"))];
  if (isCore && network.scope !== "national") more.push(" · ", link(`/vraag-stellen.html?netwerk=${network.id}`, t("questions.raiseLink")));
  section.push(paragraph(...more));
  return section;
}
