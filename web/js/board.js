// The shared place of a network: its message board (prikbord) and its
// house rules (spelregels). Members accept the current rules, then read
// and write messages and replies; the core group pins messages and makes
// announcements public; coordinators hide messages with a reason and
// change the rules. Anyone signed in reports a message.
//
// Texts are built as nodes from the Markdown source the API keeps, with
// the same small set the API renders (paragraphs, line breaks, bold,
// italic, lists, http(s) links): nothing is ever parsed as HTML.

import { h } from "./dom.js";
import { t, formatDate } from "./i18n.js";
import * as api from "./api.js";
import { heading, paragraph, link, announce, button, alertBox, showError } from "./layout.js";
import { textField, checkboxField, submitButton, handleSubmit, buttonRow, errorText } from "./forms.js";
import { confirmDialog } from "./dialog.js";
import { badge } from "./views.js";

const ADDRESS = /^https?:\/\/[^\s<>"']+/;

/** `**bold**`, `*italic*` and links in one line, as nodes. */
function boardInline(text) {
  const nodes = [];
  let plain = "";
  const flush = () => {
    if (plain) nodes.push(...boardEmphasis(plain));
    plain = "";
  };
  let rest = text;
  while (rest) {
    const written = /^\[([^[\]]+)\]\((https?:\/\/[^\s)<>"']+)\)/.exec(rest);
    if (written) {
      flush();
      nodes.push(h("a", { href: written[2], rel: "nofollow ugc", class: ["utrecht-link", "utrecht-link--html-a"] }, ...boardEmphasis(written[1])));
      rest = rest.slice(written[0].length);
      continue;
    }
    const atWordStart = !plain || /[\s(]$/.test(plain);
    const bare = atWordStart ? ADDRESS.exec(rest) : null;
    if (bare) {
      const address = bare[0].replace(/[.,;:!?)]+$/, "");
      if (ADDRESS.test(address) && address.length > address.indexOf("//") + 2) {
        flush();
        nodes.push(h("a", { href: address, rel: "nofollow ugc", class: ["utrecht-link", "utrecht-link--html-a"] }, address));
        rest = rest.slice(address.length);
        continue;
      }
    }
    plain += rest[0];
    rest = rest.slice(1);
  }
  flush();
  return nodes;
}

/** Bold, then italic, in pairs. */
function boardEmphasis(text) {
  const out = [];
  const pattern = /\*\*(\S(?:.*?\S)?)\*\*|\*(\S(?:.*?\S)?)\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out.push(text.slice(last, match.index));
    out.push(match[1] !== undefined ? h("strong", null, match[1]) : h("em", null, match[2]));
    last = match.index + match[0].length;
  }
  out.push(text.slice(last));
  return out.filter((n) => n !== "");
}

/** The Markdown source of a message or the rules, as nodes. */
export function boardText(source) {
  const blocks = [];
  for (const block of source.replace(/\r\n/g, "\n").split("\n\n")) {
    const lines = block.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim());
    let i = 0;
    while (i < lines.length) {
      if (/^\s*- /.test(lines[i])) {
        const items = [];
        while (i < lines.length && /^\s*- /.test(lines[i])) {
          items.push(h("li", { class: "utrecht-unordered-list__item" }, ...boardInline(lines[i].replace(/^\s*- /, "").trim())));
          i += 1;
        }
        blocks.push(h("ul", { class: "utrecht-unordered-list" }, items));
      } else {
        const parts = [];
        while (i < lines.length && !/^\s*- /.test(lines[i])) {
          if (parts.length) parts.push(h("br"));
          parts.push(...boardInline(lines[i].trim()));
          i += 1;
        }
        blocks.push(h("p", { class: "utrecht-paragraph" }, parts));
      }
    }
  }
  return h("div", { class: "tm-board-text" }, blocks);
}

/**
 * What the board needs: the current house rules, and the first page of
 * messages the viewer may read (only public ones until a member accepted
 * the rules).
 */
export async function loadBoard(networkId) {
  const rules = await api.getWithTag(`/networks/${networkId}/house-rules`);
  const mustAccept = rules.data.acceptedByMe === false;
  const page = await api.get(`/networks/${networkId}/messages`, mustAccept ? { publicOnly: true } : {});
  return { rules: rules.data, rulesTag: rules.etag, mustAccept, page };
}

/** The house rules: the text, its version, accepting, and (coordinators) changing them. */
function houseRulesPart(networkId, board, { isMember, isCoordinator, rerender }) {
  const { rules, rulesTag, mustAccept } = board;
  const part = h("div", { class: "tm-panel" }, heading(3, t("board.rulesTitle"), { id: "spelregels-kop" }));
  part.append(
    boardText(rules.body),
    paragraph(
      rules.changedByName
        ? t("board.rulesVersionBy", { version: rules.version, date: formatDate(rules.changedAt), name: rules.changedByName })
        : t("board.rulesVersion", { version: rules.version, date: formatDate(rules.changedAt) }),
      "tm-small tm-muted",
    ),
  );
  if (isMember && mustAccept) {
    const accept = button(
      t("board.accept"),
      {
        on: {
          click: async () => {
            try {
              await api.request("POST", `/networks/${networkId}/house-rules/acceptance`, { body: { version: rules.version } });
              announce(t("board.accepted"));
              await rerender("prikbord-kop");
            } catch (error) {
              showError(part, error.status === 409 ? t("board.rulesChanged") : errorText(error));
            }
          },
        },
      },
      "primary-action",
    );
    part.prepend(alertBox("warning", heading(3, t("board.acceptTitle")), paragraph(t("board.acceptText"))));
    part.append(buttonRow(accept));
  } else if (isMember) {
    part.append(paragraph(t("board.acceptedAlready"), "tm-small"));
  }
  if (isCoordinator) {
    const box = h("div", { class: "tm-editor", hidden: true });
    const toggle = button(t("board.rulesEdit"), { "aria-expanded": "false" });
    toggle.addEventListener("click", () => {
      const opening = box.hidden;
      box.hidden = !opening;
      toggle.setAttribute("aria-expanded", String(opening));
      if (opening) box.querySelector("textarea")?.focus();
    });
    const form = h(
      "form",
      { "aria-label": t("board.rulesEdit") },
      textField({ name: "body", label: t("board.rulesText"), multiline: true, rows: 10, value: rules.body, required: true, description: t("board.rulesHelp") }),
      submitButton(t("board.rulesSave")),
    );
    handleSubmit(form, async (v) => {
      await api.request("PUT", `/networks/${networkId}/house-rules`, { body: { body: v.body }, ifMatch: rulesTag });
      announce(t("board.rulesSaved"));
      await rerender("spelregels-kop");
    });
    box.append(form);
    part.append(buttonRow(toggle), box);
  }
  return part;
}

/** A small form that opens under a button: report, hide, edit, reply. */
function boardToggleForm(label, form, { describedBy } = {}) {
  const box = h("div", { class: "tm-editor", hidden: true }, form);
  const toggle = button(label, { "aria-expanded": "false", "aria-describedby": describedBy });
  toggle.addEventListener("click", () => {
    const opening = box.hidden;
    box.hidden = !opening;
    toggle.setAttribute("aria-expanded", String(opening));
    if (opening) box.querySelector("input, textarea")?.focus();
  });
  return { toggle, box };
}

/** One message or reply with what the viewer may do with it. */
function boardMessage(message, { level, canWrite, isCore, isCoordinator, rerender }) {
  const titleId = `bericht-${message.id}-titel`;
  const item = h("li", { class: "tm-card tm-message", id: `bericht-${message.id}` });
  const labels = [
    message.pinned ? badge(t("board.pinned"), "active") : null,
    message.public ? badge(t("board.public")) : null,
    message.hidden ? badge(t("board.hidden")) : null,
  ].filter(Boolean);
  const who = message.authorName || t("board.someone");
  if (message.parentId === null) {
    item.append(heading(level, message.title, { id: titleId, class: "tm-card__title" }));
  } else {
    item.append(h("p", { class: "utrecht-paragraph tm-card__title", id: titleId }, h("strong", null, who)));
  }
  if (labels.length) item.append(h("p", { class: "tm-badges" }, ...labels));
  item.append(
    paragraph(message.parentId === null ? t("board.byOn", { name: who, date: formatDate(message.createdAt) }) : formatDate(message.createdAt), "tm-small tm-muted"),
    boardText(message.body),
  );
  if (message.hidden && message.hiddenReason) item.append(paragraph(t("board.hiddenBecause", { reason: message.hiddenReason }), "tm-small"));
  if (message.reportCount) item.append(paragraph(t("board.reportCount", { count: message.reportCount }), "tm-small"));

  const actions = [];
  const boxes = [];
  const patch = async (body, done, focus = `bericht-${message.id}`) => {
    await api.request("PATCH", `/messages/${message.id}`, { body });
    announce(done);
    await rerender(focus);
  };
  if (message.mayEdit) {
    const form = h(
      "form",
      { "aria-label": t("board.editFor", { title: message.title || who }) },
      message.parentId === null ? textField({ name: "title", label: t("board.titleLabel"), value: message.title, required: true }) : null,
      textField({ name: "body", label: t("board.bodyLabel"), multiline: true, rows: 5, value: message.body, required: true, description: t("board.bodyHelp") }),
      submitButton(t("board.save")),
    );
    handleSubmit(form, (v) => patch(message.parentId === null ? { title: v.title, body: v.body } : { body: v.body }, t("board.saved")));
    const { toggle, box } = boardToggleForm(t("board.edit"), form, { describedBy: titleId });
    actions.push(toggle);
    boxes.push(box);
  }
  if (message.mayDelete) {
    actions.push(
      button(t("board.delete"), {
        "aria-describedby": titleId,
        on: {
          click: async () => {
            const ok = await confirmDialog({ title: t("board.deleteTitle"), text: message.parentId === null ? t("board.deleteText") : t("board.deleteReplyText"), confirmLabel: t("board.deleteConfirm"), danger: true });
            if (!ok) return;
            try {
              await api.request("DELETE", `/messages/${message.id}`);
              announce(t("board.deleted"));
              await rerender("prikbord-kop");
            } catch (error) {
              showError(item, errorText(error));
            }
          },
        },
      }),
    );
  }
  if (isCore && message.parentId === null) {
    actions.push(
      button(message.pinned ? t("board.unpin") : t("board.pin"), {
        "aria-describedby": titleId,
        on: { click: () => patch({ pinned: !message.pinned }, message.pinned ? t("board.unpinned") : t("board.pinnedDone")).catch((e) => showError(item, errorText(e))) },
      }),
    );
  }
  if (isCoordinator) {
    if (message.hidden) {
      actions.push(
        button(t("board.show"), {
          "aria-describedby": titleId,
          on: { click: () => patch({ hidden: false }, t("board.shown")).catch((e) => showError(item, errorText(e))) },
        }),
      );
    } else {
      const form = h(
        "form",
        { "aria-label": t("board.hideFor", { title: message.title || who }) },
        textField({ name: "hiddenReason", label: t("board.hideReason"), required: true, description: t("board.hideHelp") }),
        submitButton(t("board.hideConfirm")),
      );
      handleSubmit(form, (v) => patch({ hidden: true, hiddenReason: v.hiddenReason }, t("board.hiddenDone")));
      const { toggle, box } = boardToggleForm(t("board.hide"), form, { describedBy: titleId });
      actions.push(toggle);
      boxes.push(box);
    }
  }
  if (api.isSignedIn() && !message.byMe) {
    if (message.reportedByMe) {
      item.append(paragraph(t("board.reportedAlready"), "tm-small"));
    } else {
      const form = h(
        "form",
        { "aria-label": t("board.reportFor", { title: message.title || who }) },
        textField({ name: "reason", label: t("board.reportReason"), required: true, description: t("board.reportHelp") }),
        submitButton(t("board.reportSend")),
      );
      handleSubmit(form, async (v) => {
        await api.request("POST", `/messages/${message.id}/reports`, { body: { reason: v.reason } });
        announce(t("board.reported"));
        await rerender(`bericht-${message.id}`);
      });
      const { toggle, box } = boardToggleForm(t("board.report"), form, { describedBy: titleId });
      actions.push(toggle);
      boxes.push(box);
    }
  }
  if (actions.length) item.append(buttonRow(...actions), ...boxes);
  if (message.parentId === null && canWrite) item.append(boardRepliesPart(message, { level, canWrite, isCore, isCoordinator, rerender }));
  return item;
}

/** The replies under a message, shown on request, and a reply form. */
function boardRepliesPart(message, options) {
  const listId = `bericht-${message.id}-reacties`;
  const part = h("div", { class: "tm-replies" });
  const list = h("div", { id: listId, hidden: true });
  const toggle = button(message.replyCount ? t("board.repliesShow", { count: message.replyCount }) : t("board.replyStart"), {
    "aria-expanded": "false",
    "aria-controls": listId,
    "aria-describedby": `bericht-${message.id}-titel`,
  });
  const open = async () => {
    const { items } = await api.get(`/messages/${message.id}/replies`, { pageSize: 100 });
    const form = h(
      "form",
      { "aria-label": t("board.replyFor", { title: message.title }) },
      textField({ name: "body", label: t("board.replyLabel"), multiline: true, rows: 3, required: true, description: t("board.bodyHelp") }),
      submitButton(t("board.replySend")),
    );
    handleSubmit(form, async (v) => {
      const made = await api.request("POST", `/messages/${message.id}/replies`, { body: { body: v.body } });
      announce(t("board.replied"));
      await options.rerender(`bericht-${made.data.id}`, { openReplies: message.id });
    });
    list.replaceChildren(
      items.length ? h("ul", { class: "tm-list-plain", "aria-label": t("board.repliesTo", { title: message.title }) }, items.map((r) => boardMessage(r, { ...options, level: options.level + 1 }))) : null,
      form,
    );
    list.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
  };
  toggle.addEventListener("click", async () => {
    if (!list.hidden) {
      list.hidden = true;
      toggle.setAttribute("aria-expanded", "false");
      return;
    }
    try {
      await open();
      list.querySelector("textarea")?.focus();
    } catch (error) {
      showError(part, errorText(error));
    }
  });
  part.append(buttonRow(toggle), list);
  part.openReplies = open;
  return part;
}

/**
 * The board on a network's page: the house rules, the messages (pinned
 * first, then the newest) with a "more" button, and the form for a new
 * message. `rerender(focusId, { openReplies })` draws the page again.
 */
export function boardSection(networkId, board, { isMember, isCore, isCoordinator, rerender }) {
  const canWrite = isMember && !board.mustAccept;
  const section = [heading(2, t("board.title"), { id: "prikbord-kop" }), paragraph(t("board.intro"))];
  section.push(houseRulesPart(networkId, board, { isMember, isCoordinator, rerender }));
  const options = { level: 3, canWrite, isCore, isCoordinator, rerender };
  const list = h("ul", { class: "tm-cards", "aria-labelledby": "prikbord-kop" });
  const more = h("div");
  const addPage = (page) => {
    list.append(...page.items.map((m) => boardMessage(m, options)));
    more.replaceChildren();
    if (page._links?.next) {
      more.append(
        buttonRow(
          button(t("board.more"), {
            on: {
              click: async () => {
                const count = list.children.length;
                const next = await api.getPage(page._links.next.href);
                addPage(next);
                list.children[count]?.querySelector("h3, h4, .tm-card__title")?.setAttribute("tabindex", "-1");
                list.children[count]?.querySelector("h3, h4, .tm-card__title")?.focus();
                announce(t("board.moreLoaded", { count: next.items.length }));
              },
            },
          }),
        ),
      );
    }
  };
  addPage(board.page);
  section.push(board.page.items.length ? list : paragraph(t("board.empty")), more);
  if (canWrite) {
    const form = h(
      "form",
      { "aria-labelledby": "nieuw-bericht-kop" },
      heading(3, t("board.newTitle"), { id: "nieuw-bericht-kop" }),
      textField({ name: "title", label: t("board.titleLabel"), required: true }),
      textField({ name: "body", label: t("board.bodyLabel"), multiline: true, rows: 5, required: true, description: t("board.bodyHelp") }),
      isCore ? checkboxField({ name: "public", label: t("board.publicLabel"), description: t("board.publicHelp") }) : null,
      isCore ? checkboxField({ name: "pinned", label: t("board.pinnedLabel") }) : null,
      submitButton(t("board.post")),
    );
    handleSubmit(form, async (v) => {
      const body = { title: v.title, body: v.body };
      if (isCore) Object.assign(body, { public: Boolean(v.public), pinned: Boolean(v.pinned) });
      const made = await api.request("POST", `/networks/${networkId}/messages`, { body });
      announce(t("board.posted"));
      await rerender(`bericht-${made.data.id}`);
    });
    section.push(form);
  } else if (isMember) {
    section.push(paragraph(t("board.acceptFirst")));
  } else if (!api.isSignedIn()) {
    section.push(paragraph(t("board.membersOnly")));
  }
  return h("section", { "aria-labelledby": "prikbord-kop" }, section);
}

/** After drawing again: opens the replies of a message (after a reply). */
export async function openBoardReplies(root, messageId) {
  const part = root.querySelector(`#bericht-${messageId} .tm-replies`);
  if (part?.openReplies) await part.openReplies();
}
