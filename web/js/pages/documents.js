// A network's documents (`?netwerk=N`): what members shared, with what each
// is, its size and who shared it; download; share a new one (members who
// accepted the house rules) with a title, a text alternative for images,
// who may see it and what it belongs to; change or delete your own.

import { h, fill, focusOn, idParam } from "../dom.js";
import { t, label, formatDate, formatNumber } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, announce, alertBox, visuallyHidden } from "../layout.js";
import { textField, selectField, radioGroup, submitButton, handleSubmit, showFormAlert, button, buttonRow, errorText } from "../forms.js";
import { confirmDialog } from "../dialog.js";
import { badge, fact } from "../views.js";

/** The kinds of file the platform takes, for the file picker. */
const ACCEPT = ".pdf,.odt,.ods,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp,.txt,.md,.csv";

/** What a media type is, in words. */
function kindOf(mediaType) {
  const map = {
    "application/pdf": "PDF",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (XLSX)",
  };
  if (map[mediaType]) return map[mediaType];
  if (mediaType.startsWith("image/")) return t("documents.image", { kind: mediaType.slice(6).toUpperCase() });
  return t("documents.text");
}

/** A size in bytes as kB or MB. */
function sizeOf(bytes) {
  if (bytes < 1024 * 1024) return t("documents.kb", { size: formatNumber(Math.max(1, Math.round(bytes / 1024))) });
  return t("documents.mb", { size: formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10) });
}

/** Downloads a document through the API (members-only ones need the token). */
async function download(doc) {
  const result = await api.request("GET", `/documents/${doc.id}/content`, { as: "blob" });
  const url = URL.createObjectURL(result.data);
  const a = h("a", { href: url, download: doc.fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function boot(main) {
  const networkId = idParam("netwerk");
  if (!networkId) {
    const error = new Error("no network");
    error.status = 404;
    throw error;
  }
  const me = api.user();
  const [network, goals, meetings] = await Promise.all([
    api.get(`/networks/${networkId}`),
    api.getAll(`/networks/${networkId}/goals`).catch(() => []),
    api.getAll(`/networks/${networkId}/meetings`, { when: "all" }).catch(() => []),
  ]);
  setTitle(t("documents.title", { name: network.name }));
  const isMember = Boolean(network.myRole);
  const goalName = new Map(goals.map((g) => [g.id, g.title]));
  const meetingName = new Map(meetings.map((m) => [m.id, m.title]));

  const listBox = h("div", { "aria-live": "polite" });
  async function renderList(focusId) {
    const docs = await api.getAll(`/networks/${networkId}/documents`, {}, 500);
    if (!docs.length) {
      fill(listBox, paragraph(t("documents.empty")));
      return;
    }
    fill(listBox, h("ul", { class: "tm-cards", "aria-labelledby": "documenten-lijst-kop" }, docs.map(item)));
    if (focusId) focusOn(document.getElementById(focusId));
  }

  function item(doc) {
    const titleId = `document-${doc.id}`;
    const status = h("div", { "aria-live": "polite" });
    const actions = [
      button([t("documents.download"), visuallyHidden(`: ${doc.title}`)], {
        on: {
          click: async () => {
            try {
              await download(doc);
            } catch (error) {
              fill(status, paragraph(errorText(error)));
            }
          },
        },
      }, "primary-action"),
    ];
    if (doc.editable) {
      actions.push(
        button([t("documents.delete"), visuallyHidden(`: ${doc.title}`)], {
          class: "utrecht-button--danger",
          on: {
            click: async () => {
              const sure = await confirmDialog({ title: t("documents.deleteTitle"), text: t("documents.deleteText", { title: doc.title }), confirmLabel: t("documents.delete"), danger: true });
              if (!sure) return;
              try {
                await api.request("DELETE", `/documents/${doc.id}`);
              } catch (error) {
                fill(status, paragraph(errorText(error)));
                return;
              }
              announce(t("documents.deleted", { title: doc.title }));
              await renderList("documenten-lijst-kop");
            },
          },
        }),
      );
    }
    return h(
      "li",
      { class: "tm-card" },
      h("h3", { class: "utrecht-heading-3", id: titleId, tabindex: "-1" }, doc.title),
      doc.visibility === "members" ? h("p", null, badge(t("documents.membersOnly"), "active")) : null,
      doc.description ? paragraph(doc.description) : null,
      h(
        "dl",
        { class: "tm-facts" },
        fact(t("documents.kind"), `${kindOf(doc.mediaType)}, ${sizeOf(doc.sizeBytes)}`),
        fact(t("documents.altText"), doc.altText),
        fact(t("documents.sharedBy"), doc.uploadedBy),
        fact(t("documents.sharedOn"), formatDate(doc.createdAt)),
        fact(t("documents.goal"), doc.goalId ? goalName.get(doc.goalId) : null),
        fact(t("documents.meeting"), doc.meetingId ? link(`/bijeenkomst.html?id=${doc.meetingId}`, meetingName.get(doc.meetingId) || t("documents.meetingLink")) : null),
      ),
      buttonRow(...actions),
      status,
    );
  }

  let shareBox = null;
  if (!me) {
    shareBox = paragraph(link(`/inloggen.html?terug=${encodeURIComponent(location.pathname + location.search)}`, t("documents.signInToShare")));
  } else if (!isMember) {
    shareBox = paragraph(t("documents.joinToShare"), " ", link(`/netwerk.html?id=${networkId}#meedoen-kop`, t("documents.joinLink")));
  } else {
    const fileInputId = "document-bestand";
    const form = h(
      "form",
      { class: "tm-form", "aria-labelledby": "delen-kop" },
      h(
        "div",
        { class: "utrecht-form-field utrecht-form-field--text", dataset: { field: "file" } },
        h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: fileInputId }, t("documents.file"))),
        h("div", { class: "utrecht-form-field-description", id: `${fileInputId}-uitleg` }, t("documents.fileHelp")),
        h("div", { class: "utrecht-form-field__input" }, h("input", { type: "file", id: fileInputId, name: "file", accept: ACCEPT, required: true, "aria-describedby": `${fileInputId}-uitleg`, class: "tm-file-input" })),
      ),
      textField({ name: "title", label: t("documents.titleField"), required: true }),
      textField({ name: "description", label: t("documents.description"), multiline: true, rows: 3 }),
      textField({ name: "altText", label: t("documents.altTextField"), multiline: true, rows: 2, description: t("documents.altTextHelp") }),
      radioGroup({ name: "visibility", legend: t("documents.visibility"), value: "members", choices: ["members", "public"].map((v) => ({ value: v, label: t(v === "members" ? "documents.forMembers" : "documents.forEveryone") })) }),
      goals.length ? selectField({ name: "goalId", label: t("documents.goal"), value: "", choices: [{ value: "", label: t("documents.noGoal") }, ...goals.map((g) => ({ value: g.id, label: g.title }))] }) : null,
      meetings.length ? selectField({ name: "meetingId", label: t("documents.meeting"), value: "", choices: [{ value: "", label: t("documents.noMeeting") }, ...meetings.map((m) => ({ value: m.id, label: `${m.title} (${formatDate(m.startsAt)})` }))] }) : null,
      submitButton(t("documents.share")),
    );
    const fileInput = form.querySelector("input[type=file]");
    fileInput.addEventListener("change", () => {
      const file = fileInput.files[0];
      const titleInput = form.elements.title;
      if (file && !titleInput.value) titleInput.value = file.name.replace(/\.[^.]+$/, "");
    });
    handleSubmit(form, async (v) => {
      const data = new FormData();
      const file = fileInput.files[0];
      if (file) data.append("file", file, file.name);
      for (const name of ["title", "description", "altText", "visibility", "goalId", "meetingId"]) {
        if (v[name]) data.append(name, v[name]);
      }
      try {
        await api.request("POST", `/networks/${networkId}/documents`, { body: data });
      } catch (error) {
        const words = {
          403: [t("documents.acceptRules"), " ", link(`/netwerk.html?id=${networkId}#spelregels-kop`, t("documents.rulesLink"))],
          409: [t("documents.full")],
          413: [t("documents.tooLarge")],
          415: [t("documents.wrongKind")],
        }[error.status];
        if (!words) throw error;
        focusOn(showFormAlert(form, "error", paragraph(...words)));
        return;
      }
      form.reset();
      announce(t("documents.shared", { title: v.title }));
      focusOn(showFormAlert(form, "ok", paragraph(t("documents.shared", { title: v.title }))));
      await renderList();
    });
    shareBox = form;
  }

  fill(
    main,
    h("p", { class: "utrecht-paragraph" }, link(`/netwerk.html?id=${networkId}`, t("documents.back", { name: network.name }))),
    heading(1, t("documents.title", { name: network.name })),
    paragraph(t("documents.intro"), "tm-lead"),
    heading(2, t("documents.listTitle"), { id: "documenten-lijst-kop", tabindex: "-1" }),
    listBox,
    heading(2, t("documents.shareTitle"), { id: "delen-kop" }),
    shareBox,
    me ? null : alertBox("info", paragraph(t("documents.membersOnlyNote"))),
  );
  await renderList();
}
