// One raised question (`?id=N`): what it asks and why it goes beyond the
// raising network, where it stands, the networks that support it and every
// step on its timeline. The core group of another network adds its
// support; the receiving network's core group moves it on and answers it;
// the raising network changes or withdraws it until it is received.

import { h, fill, focusOn, idParam } from "../dom.js";
import { t, label, formatDate } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, announce, alertBox, flashNext, visuallyHidden, button } from "../layout.js";
import { textField, selectField, submitButton, handleSubmit, showInvalid, buttonRow, errorText } from "../forms.js";
import { confirmDialog } from "../dialog.js";
import { questionStatusBadge } from "../questions.js";
import { whenText } from "../meetings.js";
import { fact } from "../views.js";

const CORE_ROLES = ["coordinator", "core_group"];
const ORDER = ["raised", "received", "on_agenda", "in_progress", "answered", "declined"];

/** One step of the timeline in words. */
function stepText(e) {
  const network = e.network ? e.network.name : t("questions.someNetwork");
  if (e.kind === "raised") return t("questions.stepRaised", { network });
  if (e.kind === "supported") return t("questions.stepSupported", { network });
  if (e.kind === "support_withdrawn") return t("questions.stepUnsupported", { network });
  return t("questions.stepMoved", { network, status: label("questionStatus", e.status) });
}

/** The agenda items of the receiving network's coming meetings. */
async function agendaChoices(networkId) {
  const meetings = (await api.get(`/networks/${networkId}/meetings`, { pageSize: 10 }).catch(() => ({ items: [] }))).items;
  const groups = await Promise.all(
    meetings.map(async (m) => {
      const items = (await api.get(`/meetings/${m.id}/agenda-items`).catch(() => ({ items: [] }))).items;
      return { label: `${m.title}, ${whenText(m)}`, choices: items.map((i) => ({ value: i.id, label: i.title })) };
    }),
  );
  return groups.filter((g) => g.choices.length);
}

export async function boot(main) {
  const id = idParam();
  if (!id) {
    const error = new Error("no id");
    error.status = 404;
    throw error;
  }
  const me = api.user();
  const mine = me ? await api.getAll("/networks", { member: "me" }, 500).catch(() => []) : [];

  async function render(focusTarget) {
    let found;
    try {
      found = await api.getWithTag(`/questions/${id}`);
    } catch (error) {
      if (error.status !== 404) throw error;
      // A question between members-only networks exists only for their members.
      const title = heading(1, t("questions.notFoundTitle"));
      const here = encodeURIComponent(location.pathname + location.search);
      fill(main, title, paragraph(t(api.isSignedIn() ? "questions.notFound" : "questions.notFoundSignIn")), paragraph(api.isSignedIn() ? link("/vragen.html", t("questions.back")) : link(`/inloggen.html?terug=${here}`, t("layout.signIn"))));
      setTitle(t("questions.notFoundTitle"));
      return;
    }
    const { data: q, etag } = found;
    setTitle(q.title);
    const status = h("div", { "aria-live": "polite" });

    // --- What it asks -----------------------------------------------------
    const about = [
      h(
        "dl",
        { class: "tm-facts" },
        fact(t("questions.raisedBy"), link(`/netwerk.html?id=${q.raisedBy.id}`, q.raisedBy.name)),
        fact(t("questions.raisedTo"), link(`/netwerk.html?id=${q.raisedTo.id}`, q.raisedTo.name)),
        fact(t("questions.raisedDate"), formatDate(q.createdAt)),
        fact(t("questions.supportTitle"), t("questions.supportCount", { count: q.supportCount })),
      ),
      heading(2, t("questions.questionField")),
      paragraph(q.question),
      heading(2, t("questions.beyondField")),
      paragraph(q.beyond),
      q.tried ? [heading(2, t("questions.triedField")), paragraph(q.tried)] : null,
      q.links.length ? [heading(2, t("questions.linksTitle")), h("ul", { class: "utrecht-unordered-list" }, q.links.map((l) => h("li", { class: "utrecht-unordered-list__item" }, link(l, l))))] : null,
    ];
    const ended = q.status === "answered" || q.status === "declined";
    const answer = ended ? [heading(2, t(q.status === "answered" ? "questions.answerTitle" : "questions.declinedTitle"), { id: "antwoord-kop" }), alertBox(q.status === "answered" ? "ok" : "warning", paragraph(q.answer))] : null;

    // --- Support ------------------------------------------------------------
    const supportSection = [heading(2, t("questions.supportTitle"), { id: "steun-kop" })];
    supportSection.push(
      q.supportedBy.length
        ? h(
            "ul",
            { class: "utrecht-unordered-list", "aria-labelledby": "steun-kop" },
            q.supportedBy.map((s) => {
              const speaksFor = mine.some((n) => n.id === s.network.id && CORE_ROLES.includes(n.myRole));
              return h(
                "li",
                { class: "utrecht-unordered-list__item" },
                link(`/netwerk.html?id=${s.network.id}`, s.network.name),
                s.note ? `: "${s.note}"` : null,
                speaksFor && !ended
                  ? [" ", button([t("questions.unsupport"), visuallyHidden(`: ${s.network.name}`)], { on: { click: () => unsupport(s.network) } })]
                  : null,
              );
            }),
          )
        : paragraph(t("questions.noSupport")),
    );
    const supported = new Set(q.supportedBy.map((s) => s.network.id));
    const canSupport = mine.filter((n) => CORE_ROLES.includes(n.myRole) && n.id !== q.raisedBy.id && n.id !== q.raisedTo.id && !supported.has(n.id));
    if (!ended && canSupport.length) {
      const form = h(
        "form",
        { class: "tm-form", "aria-labelledby": "steunen-kop" },
        heading(3, t("questions.supportFormTitle"), { id: "steunen-kop" }),
        paragraph(t("questions.supportHelp")),
        selectField({ name: "networkId", label: t("questions.supportAs"), choices: canSupport.map((n) => ({ value: n.id, label: n.name })), value: canSupport[0].id }),
        textField({ name: "note", label: t("questions.supportNote"), multiline: true, rows: 3, description: t("questions.supportNoteHelp") }),
        submitButton(t("questions.support")),
      );
      handleSubmit(form, async (v) => {
        try {
          await api.request("POST", `/questions/${id}/supports`, { body: { networkId: Number(v.networkId), note: v.note } });
        } catch (error) {
          if (error.status === 409) return showInvalid(form, error.invalidParams);
          throw error;
        }
        announce(t("questions.supported"));
        await render("steun-kop");
      });
      supportSection.push(form);
    }

    async function unsupport(network) {
      try {
        await api.request("DELETE", `/questions/${id}/supports/${network.id}`);
      } catch (error) {
        fill(status, paragraph(errorText(error)));
        return;
      }
      announce(t("questions.unsupported", { network: network.name }));
      await render("steun-kop");
    }

    // --- Timeline -----------------------------------------------------------
    const timeline = [
      heading(2, t("questions.timelineTitle"), { id: "tijdlijn-kop" }),
      h(
        "ol",
        { class: ["utrecht-ordered-list", "tm-timeline"], "aria-labelledby": "tijdlijn-kop" },
        q.timeline.map((e) => h("li", { class: "utrecht-ordered-list__item" }, h("strong", null, formatDate(e.at)), ": ", stepText(e), e.note ? h("p", { class: "utrecht-paragraph" }, e.note) : null)),
      ),
    ];

    // --- Moving it on (the receiving network) -------------------------------
    let moveSection = null;
    if (q.mayMove) {
      const next = ORDER.slice(ORDER.indexOf(q.status) + 1);
      const agenda = await agendaChoices(q.raisedTo.id);
      const form = h(
        "form",
        { class: "tm-form", "aria-labelledby": "verder-kop" },
        heading(2, t("questions.moveTitle"), { id: "verder-kop" }),
        paragraph(t("questions.moveHelp")),
        selectField({ name: "status", label: t("questions.nextStatus"), choices: next.map((s) => ({ value: s, label: label("questionStatus", s) })), value: next[0] }),
        textField({ name: "note", label: t("questions.moveNote"), multiline: true, rows: 4, description: t("questions.moveNoteHelp") }),
        agenda.length ? selectField({ name: "agendaItemId", label: t("questions.agendaItem"), description: t("questions.agendaItemHelp"), choices: [{ value: "", label: t("questions.noAgendaItem") }], groups: agenda, value: "" }) : null,
        submitButton(t("questions.move")),
      );
      handleSubmit(form, async (v) => {
        const body = { status: v.status, note: v.note };
        if (v.agendaItemId && v.status === "on_agenda") body.agendaItemId = Number(v.agendaItemId);
        try {
          await api.request("POST", `/questions/${id}/steps`, { body, ifMatch: etag });
        } catch (error) {
          if (error.status === 409) return showInvalid(form, error.invalidParams);
          throw error;
        }
        announce(t("questions.moved", { status: label("questionStatus", v.status) }));
        await render("tijdlijn-kop");
      });
      moveSection = form;
    }

    // --- Changing or withdrawing it (the raising network) -------------------
    let editSection = null;
    if (q.mayEdit) {
      const withdraw = button(t("questions.withdraw"), {
        class: "utrecht-button--danger",
        on: {
          click: async () => {
            const sure = await confirmDialog({ title: t("questions.withdrawTitle"), text: t("questions.withdrawText", { title: q.title }), confirmLabel: t("questions.withdraw"), danger: true });
            if (!sure) return;
            try {
              await api.request("DELETE", `/questions/${id}`, { ifMatch: etag });
            } catch (error) {
              fill(status, paragraph(errorText(error)));
              return;
            }
            flashNext("questions.withdrawn", { title: q.title });
            location.assign(`/netwerk.html?id=${q.raisedBy.id}`);
          },
        },
      });
      editSection = [
        heading(2, t("questions.editTitle")),
        paragraph(t("questions.editHelp")),
        buttonRow(h("a", { class: ["utrecht-button-link", "utrecht-button-link--html-a", "utrecht-button", "utrecht-button--secondary-action"], href: `/vraag-stellen.html?vraag=${id}` }, t("questions.edit")), withdraw),
      ];
    }

    const title = heading(1, q.title, { id: "vraag-kop", tabindex: "-1" });
    fill(
      main,
      h("p", { class: "utrecht-paragraph" }, link("/vragen.html", t("questions.back"))),
      title,
      h("p", { class: "utrecht-paragraph" }, questionStatusBadge(q.status)),
      status,
      answer,
      about,
      supportSection,
      timeline,
      moveSection,
      editSection,
    );
    if (focusTarget) focusOn(document.getElementById(focusTarget) || title);
  }

  await render(null);
}
