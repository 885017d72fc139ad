// The parts of a meeting page that the members make together: the agenda
// (proposals, support, what the core group accepted or declined and why),
// the outcomes afterwards (which may become goals), and the inclusion
// pulse ("Kon je goed meedoen?", "Voelde je je gehoord?").

import { h } from "./dom.js";
import { t, formatNumber } from "./i18n.js";
import * as api from "./api.js";
import { heading, paragraph, link, announce, button, showError } from "./layout.js";
import { textField, checkboxField, radioGroup, submitButton, handleSubmit, buttonRow, errorText, orNull } from "./forms.js";

const started = (meeting) => new Date(meeting.startsAt) <= new Date();
const open = (meeting) => meeting.status !== "cancelled" && new Date(meeting.endsAt) > new Date();

/** One accepted item, in the agenda's order. */
function acceptedItem(item, { organiser, meeting, rerender }) {
  const minutes = item.minutesPlanned ? ` (${t("meetingAgenda.minutes", { count: item.minutesPlanned })})` : "";
  const li = h(
    "li",
    { id: `punt-${item.id}` },
    h("strong", null, item.title), minutes,
    item.description ? paragraph(item.description) : null,
    item.notes ? paragraph(h("strong", null, t("meetingAgenda.notes")), " ", item.notes) : null,
  );
  if (organiser && started(meeting)) {
    const form = h(
      "form",
      { "aria-label": t("meetingAgenda.notesFor", { title: item.title }) },
      textField({ name: "notes", label: t("meetingAgenda.notesLabel", { title: item.title }), multiline: true, rows: 3, value: item.notes }),
      submitButton(t("meetingAgenda.saveNotes")),
    );
    handleSubmit(form, async (v) => {
      await api.request("PATCH", `/agenda-items/${item.id}`, { body: { notes: orNull(v.notes) } });
      announce(t("meetingAgenda.notesSaved"));
      await rerender(`punt-${item.id}`);
    });
    li.append(form);
  }
  return li;
}

/** A proposal: its support, and what members and the core group can do. */
function proposal(item, { isMember, organiser, acceptedCount, rerender }) {
  const li = h(
    "li",
    { class: "tm-card", id: `voorstel-${item.id}` },
    h("h4", { class: "tm-card__title", id: `voorstel-${item.id}-titel` }, item.title),
    item.description ? paragraph(item.description) : null,
    paragraph(
      t("meetingAgenda.supportCount", { count: item.supportCount }),
      item.minutesAsked ? ` · ${t("meetingAgenda.minutesAsked", { count: item.minutesAsked })}` : "",
      "tm-small",
    ),
  );
  const actions = [];
  if (isMember) {
    actions.push(
      button(item.supportedByMe ? t("meetingAgenda.withdraw") : t("meetingAgenda.support"), {
        "aria-describedby": `voorstel-${item.id}-titel`,
        on: {
          click: async () => {
            try {
              await api.request(item.supportedByMe ? "DELETE" : "POST", `/agenda-items/${item.id}/support`);
              announce(item.supportedByMe ? t("meetingAgenda.withdrawn") : t("meetingAgenda.supported"));
              await rerender(`voorstel-${item.id}`);
            } catch (error) {
              showError(li, errorText(error));
            }
          },
        },
      }),
    );
  }
  if (organiser) {
    actions.push(
      button(t("meetingAgenda.accept"), {
        on: {
          click: async () => {
            await api.request("PATCH", `/agenda-items/${item.id}`, { body: { status: "accepted", position: acceptedCount + 1, minutesPlanned: item.minutesAsked ?? null } });
            announce(t("meetingAgenda.accepted", { title: item.title }));
            await rerender("agenda-kop");
          },
        },
      }),
    );
    const decline = h(
      "form",
      { "aria-label": t("meetingAgenda.declineFor", { title: item.title }) },
      textField({ name: "declineReason", label: t("meetingAgenda.declineReason"), description: t("meetingAgenda.declineHelp") }),
      submitButton(t("meetingAgenda.decline")),
    );
    handleSubmit(decline, async (v) => {
      await api.request("PATCH", `/agenda-items/${item.id}`, { body: { status: "declined", declineReason: v.declineReason } });
      announce(t("meetingAgenda.declined", { title: item.title }));
      await rerender("agenda-kop");
    });
    li.append(buttonRow(...actions), decline);
    return li;
  }
  if (actions.length) li.append(buttonRow(...actions));
  return li;
}

/** The agenda: what is on it, the proposals, what was declined and why. */
export async function agendaSection(meeting, { isMember, organiser, rerender }) {
  const { items } = await api.get(`/meetings/${meeting.id}/agenda-items`);
  const accepted = items.filter((i) => i.status === "accepted");
  const proposals = items.filter((i) => i.status === "proposed");
  const declined = items.filter((i) => i.status === "declined");
  const section = [heading(2, t("meetingAgenda.title"), { id: "agenda-kop" })];
  section.push(
    accepted.length
      ? h("ol", { class: "utrecht-ordered-list tm-agenda" }, accepted.map((i) => acceptedItem(i, { organiser, meeting, rerender })))
      : paragraph(t("meetingAgenda.empty")),
  );
  if (proposals.length) {
    section.push(
      heading(3, t("meetingAgenda.proposalsTitle"), { id: "voorstellen-kop" }),
      paragraph(t("meetingAgenda.proposalsIntro")),
      h("ul", { class: "tm-cards", "aria-labelledby": "voorstellen-kop" }, proposals.map((i) => proposal(i, { isMember, organiser, acceptedCount: accepted.length, rerender }))),
    );
  }
  if (declined.length) {
    section.push(
      heading(3, t("meetingAgenda.declinedTitle"), { id: "afgewezen-kop" }),
      h("ul", { class: "utrecht-unordered-list", "aria-labelledby": "afgewezen-kop" }, declined.map((i) => h("li", { class: "utrecht-unordered-list__item" }, h("strong", null, i.title), ": ", i.declineReason))),
    );
  }
  if (isMember && open(meeting)) {
    const form = h(
      "form",
      { "aria-label": t("meetingAgenda.proposeTitle") },
      heading(3, t("meetingAgenda.proposeTitle")),
      textField({ name: "title", label: t("meetingAgenda.itemTitle"), required: true }),
      textField({ name: "description", label: t("meetingAgenda.itemDescription"), multiline: true, rows: 3 }),
      textField({ name: "minutesAsked", label: t("meetingAgenda.minutesAskedLabel"), inputmode: "numeric", description: t("meetingAgenda.minutesAskedHelp") }),
      submitButton(t("meetingAgenda.propose")),
    );
    handleSubmit(form, async (v) => {
      const body = { title: v.title };
      if (v.description) body.description = v.description;
      if (v.minutesAsked) body.minutesAsked = /^\d+$/.test(v.minutesAsked) ? Number(v.minutesAsked) : v.minutesAsked;
      await api.request("POST", `/meetings/${meeting.id}/agenda-items`, { body });
      announce(t("meetingAgenda.proposed"));
      await rerender("voorstellen-kop");
    });
    section.push(form);
  }
  return section;
}

/** What the meeting decided, and (organisers) a new outcome, maybe a goal. */
export async function outcomeSection(meeting, { organiser, networkId, rerender }) {
  if (!started(meeting)) return null;
  const { items } = await api.get(`/meetings/${meeting.id}/outcomes`);
  const section = [heading(2, t("outcomes.title"), { id: "uitkomsten-kop" })];
  section.push(
    items.length
      ? h(
          "ul",
          { class: "utrecht-unordered-list", "aria-labelledby": "uitkomsten-kop" },
          items.map((o) => h("li", { class: "utrecht-unordered-list__item" }, o.text, o.goalId ? [" ", link(`/netwerk.html?id=${networkId}#doel-${o.goalId}`, t("outcomes.becameGoal"))] : null)),
        )
      : paragraph(t("outcomes.none")),
  );
  if (organiser) {
    const form = h(
      "form",
      { "aria-label": t("outcomes.addTitle") },
      heading(3, t("outcomes.addTitle")),
      textField({ name: "text", label: t("outcomes.text"), required: true, multiline: true, rows: 3 }),
      checkboxField({ name: "makeGoal", label: t("outcomes.makeGoal") }),
      textField({ name: "goalTitle", label: t("outcomes.goalTitle"), description: t("outcomes.goalTitleHelp") }),
      submitButton(t("outcomes.add")),
    );
    handleSubmit(
      form,
      async (v) => {
        const body = { text: v.text };
        if (v.makeGoal) body.goal = { title: v.goalTitle };
        await api.request("POST", `/meetings/${meeting.id}/outcomes`, { body });
        announce(v.makeGoal ? t("outcomes.addedGoal") : t("outcomes.added"));
        await rerender("uitkomsten-kop");
      },
      { fieldMap: { "goal.title": "goalTitle", goal: "goalTitle" } },
    );
    section.push(form);
  }
  return section;
}

const SCALE = [1, 2, 3, 4, 5];

/** The pulse: the form for people who had a place, the counts for organisers. */
export async function pulseSection(meeting, { organiser, rerender }) {
  if (!started(meeting) || meeting.status === "cancelled") return null;
  const section = [heading(2, t("pulse.title"), { id: "pols-kop" })];
  if (meeting.myRegistration === "registered") {
    const form = h(
      "form",
      { "aria-label": t("pulse.title") },
      paragraph(t("pulse.intro")),
      radioGroup({ name: "tookPart", legend: t("pulse.tookPart"), choices: SCALE.map((n) => ({ value: String(n), label: t(`pulse.scale${n}`) })), columns: false }),
      radioGroup({ name: "heard", legend: t("pulse.heard"), choices: SCALE.map((n) => ({ value: String(n), label: t(`pulse.scale${n}`) })), columns: false }),
      textField({ name: "comment", label: t("pulse.comment"), multiline: true, rows: 3, description: t("pulse.commentHelp") }),
      submitButton(t("pulse.send")),
    );
    handleSubmit(form, async (v) => {
      const body = { tookPart: v.tookPart ? Number(v.tookPart) : null, heard: v.heard ? Number(v.heard) : null };
      if (v.comment) body.comment = v.comment;
      try {
        await api.request("POST", `/meetings/${meeting.id}/pulse`, { body });
      } catch (error) {
        if (error.status !== 409) throw error;
      }
      form.replaceWith(paragraph(t("pulse.thanks")));
      announce(t("pulse.thanks"));
    });
    section.push(form);
  }
  if (organiser) {
    const pulse = await api.get(`/meetings/${meeting.id}/pulse`);
    if (!pulse.enough) {
      section.push(paragraph(t("pulse.notEnough", { count: pulse.minimum })));
    } else {
      const row = (key, scale) => h("li", { class: "utrecht-unordered-list__item" }, t(key, { average: formatNumber(scale.average) }));
      section.push(
        paragraph(t("pulse.answers", { count: pulse.answers })),
        h("ul", { class: "utrecht-unordered-list" }, row("pulse.tookPartAverage", pulse.tookPart), row("pulse.heardAverage", pulse.heard)),
        pulse.comments.length ? [heading(3, t("pulse.commentsTitle")), h("ul", { class: "utrecht-unordered-list" }, pulse.comments.map((c) => h("li", { class: "utrecht-unordered-list__item" }, c)))] : null,
      );
    }
  }
  return section.length > 1 ? section : null;
}

/** The trend of the pulse over a network's meetings, for its page. */
export async function pulseTrend(networkId) {
  const { items } = await api.get(`/networks/${networkId}/pulse`);
  if (!items.length) return null;
  return [
    heading(3, t("pulse.trendTitle"), { id: "pols-trend-kop" }),
    paragraph(t("pulse.trendIntro"), "tm-small"),
    h(
      "ul",
      { class: "utrecht-unordered-list", "aria-labelledby": "pols-trend-kop" },
      items.map((i) => h("li", { class: "utrecht-unordered-list__item" }, t("pulse.trendItem", { title: i.title, tookPart: formatNumber(i.tookPartAverage), heard: formatNumber(i.heardAverage), count: i.answers }))),
    ),
  ];
}
