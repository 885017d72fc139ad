// A meeting: when and where, what the venue offers, the description;
// registering with what you need (only with your consent), the waiting
// list, cancelling; adding it to your calendar. Organisers see the needs
// counted, who comes, and download the attendance list.

import { h, fill, focusOn, idParam } from "../dom.js";
import { t, label, values } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, alertBox, announce, button, showError } from "../layout.js";
import { textField, checkboxField, checkboxGroup, submitButton, handleSubmit, buttonRow, errorText } from "../forms.js";
import { confirmDialog } from "../dialog.js";
import { badge, CORE_ROLES } from "../views.js";
import { whenText, whereText, featureList, placesText, meetingStatusBadge } from "../meetings.js";
import { agendaSection, outcomeSection, pulseSection } from "../meeting-agenda.js";

/** Registering, or your registration and cancelling it. */
function registration(meeting, mine, rerender) {
  const box = h("section", { class: "tm-panel", "aria-labelledby": "aanmelden-kop" }, heading(2, t("meeting.registerTitle"), { id: "aanmelden-kop" }));
  const back = encodeURIComponent(location.pathname + location.search);
  if (meeting.status === "cancelled") {
    box.append(paragraph(t("meeting.cancelledNoRegistering")));
    return box;
  }
  if (new Date(meeting.startsAt) <= new Date()) {
    box.append(paragraph(t("meeting.begun")));
    return box;
  }
  if (!api.isSignedIn()) {
    box.append(paragraph(t("meeting.signInToRegister")), paragraph(link(`/inloggen.html?terug=${back}`, t("layout.signIn")), " · ", link(`/registreren.html?terug=${back}`, t("layout.register"))));
    return box;
  }
  if (mine) {
    box.append(
      paragraph(mine.status === "registered" ? t("meeting.youHavePlace") : t("meeting.youWait", { position: mine.waitingPosition })),
      mine.accessNeeds?.length || mine.accessNote ? paragraph(t("meeting.yourNeeds"), " ", [...(mine.accessNeeds || []).map((n) => label("accessFeature", n)), mine.accessNote].filter(Boolean).join(", ")) : null,
    );
    const cancel = button(t("meeting.cancelRegistration"), {
      on: {
        click: async () => {
          const ok = await confirmDialog({ title: t("meeting.cancelTitle"), text: t("meeting.cancelText"), confirmLabel: t("meeting.cancelConfirm"), danger: true });
          if (!ok) return;
          try {
            await api.request("DELETE", `/meetings/${meeting.id}/registrations/${mine.stakeholderId}`);
            announce(t("meeting.cancelled"));
            await rerender("aanmelden-kop");
          } catch (error) {
            showError(box, errorText(error));
          }
        },
      },
    });
    box.append(buttonRow(cancel));
    return box;
  }
  if (!api.user()?.stakeholderId) {
    box.append(paragraph(t("network.noProfile")), paragraph(link("/mijn.html", t("network.toProfile"))));
    return box;
  }
  const full = meeting.capacity !== null && meeting.registeredCount >= meeting.capacity;
  box.append(paragraph(full ? t("meeting.fullIntro") : t("meeting.registerIntro")));
  const form = h(
    "form",
    { "aria-label": t("meeting.registerTitle") },
    checkboxGroup({ name: "accessNeeds", legend: t("meeting.needsLegend"), description: t("meeting.needsHelp"), choices: values("accessFeature").map((v) => ({ value: v, label: label("accessFeature", v) })) }),
    textField({ name: "accessNote", label: t("meeting.needsNote"), multiline: true, rows: 2 }),
    checkboxField({ name: "needsConsent", label: t("meeting.needsConsent"), description: t("meeting.needsConsentHelp") }),
    checkboxField({ name: "shareNameWithNeeds", label: t("meeting.shareName") }),
    submitButton(full ? t("meeting.joinWaitingList") : t("meeting.register")),
  );
  handleSubmit(form, async (v) => {
    const body = { needsConsent: v.needsConsent, shareNameWithNeeds: v.shareNameWithNeeds };
    if (v.accessNeeds.length) body.accessNeeds = v.accessNeeds;
    if (v.accessNote) body.accessNote = v.accessNote;
    const r = await api.request("POST", `/meetings/${meeting.id}/registrations`, { body });
    announce(r.data.status === "registered" ? t("meeting.registeredNow") : t("meeting.waitingNow", { position: r.data.waitingPosition }));
    await rerender("aanmelden-kop");
  });
  box.append(form);
  return box;
}

/** For organisers: the needs counted, who comes, the attendance list. */
async function organiserSection(meeting) {
  const section = [heading(2, t("meeting.organiseTitle"), { id: "organiseren-kop" })];
  section.push(paragraph(link(`/bijeenkomst-plannen.html?id=${meeting.id}`, t("meeting.edit"))));
  const counts = Object.entries(meeting.needCounts || {});
  section.push(heading(3, t("meeting.needsTitle")));
  section.push(
    counts.length
      ? h("ul", { class: "utrecht-unordered-list" }, counts.map(([need, count]) => h("li", { class: "utrecht-unordered-list__item" }, t("meeting.needCount", { count, need: label("accessFeature", need) }))))
      : paragraph(t("meeting.noNeeds")),
  );
  const people = await api.getAll(`/meetings/${meeting.id}/registrations`);
  section.push(heading(3, t("meeting.peopleTitle", { count: people.length })));
  if (people.length) {
    section.push(
      h(
        "table",
        { class: ["utrecht-table", "tm-table"] },
        h("caption", { class: "utrecht-table__caption" }, t("meeting.peopleCaption")),
        h("thead", { class: "utrecht-table__header" }, h("tr", { class: "utrecht-table__row" }, [t("meeting.colName"), t("meeting.colStatus"), t("meeting.colNeeds")].map((c) => h("th", { class: "utrecht-table__header-cell", scope: "col" }, c)))),
        h(
          "tbody",
          { class: "utrecht-table__body" },
          people.map((p) =>
            h(
              "tr",
              { class: "utrecht-table__row" },
              h("th", { class: "utrecht-table__header-cell", scope: "row" }, p.name),
              h("td", { class: "utrecht-table__cell" }, p.status === "waiting" ? t("meeting.waitingAt", { position: p.waitingPosition }) : label("registrationStatus", p.status)),
              h("td", { class: "utrecht-table__cell" }, p.accessNeeds ? [...p.accessNeeds.map((n) => label("accessFeature", n)), p.accessNote].filter(Boolean).join(", ") || t("meeting.nothing") : t("meeting.notShared")),
            ),
          ),
        ),
      ),
    );
    const download = button(t("meeting.downloadList"), {
      on: {
        click: async () => {
          const r = await api.request("GET", `/meetings/${meeting.id}/attendance.csv`, { as: "text" });
          const url = URL.createObjectURL(new Blob([r.data], { type: "text/csv;charset=utf-8" }));
          const a = h("a", { href: url, download: `aanwezigen-${meeting.id}.csv` });
          document.body.append(a);
          a.click();
          a.remove();
          URL.revokeObjectURL(url);
          announce(t("meeting.downloaded"));
        },
      },
    });
    section.push(buttonRow(download));
  }
  return section;
}

export async function boot(main) {
  const id = idParam();
  if (!id) {
    const error = new Error("no id");
    error.status = 404;
    throw error;
  }

  async function render(focusTarget) {
    const meeting = (await api.getWithTag(`/meetings/${id}`)).data;
    const network = await api.get(`/networks/${meeting.networkId}`);
    const me = api.user();
    const organiser = CORE_ROLES.includes(network.myRole) || Boolean(me?.isAdmin);
    const mine = meeting.myRegistration && me?.stakeholderId ? await api.get(`/meetings/${id}/registrations/${me.stakeholderId}`) : null;
    const isMember = Boolean(network.myRole);
    const [agenda, outcomes, pulse] = await Promise.all([
      agendaSection(meeting, { isMember, organiser, rerender: render }),
      outcomeSection(meeting, { organiser, networkId: network.id, rerender: render }),
      pulseSection(meeting, { organiser, rerender: render }),
    ]);
    setTitle(meeting.title);
    const title = heading(1, meeting.title, { id: "bijeenkomst-kop" });
    const online =
      meeting.format !== "in_person"
        ? meeting.onlineUrl
          ? paragraph(t("meeting.joinOnline"), " ", link(meeting.onlineUrl, meeting.onlineUrl, { rel: "noopener" }))
          : meeting.hasOnlineUrl
            ? paragraph(t("meeting.linkAfterRegistering"))
            : null
        : null;
    fill(
      main,
      h("p", { class: "utrecht-paragraph" }, link(`/netwerk.html?id=${network.id}`, t("meeting.back", { name: network.name }))),
      title,
      paragraph(whenText(meeting), "tm-lead"),
      h(
        "ul",
        { class: "tm-badges", "aria-label": t("meetings.labels") },
        h("li", null, badge(label("meetingKind", meeting.kind))),
        h("li", null, badge(label("meetingFormat", meeting.format))),
        h("li", null, meetingStatusBadge(meeting)),
        meeting.visibility === "members" ? h("li", null, badge(t("network.membersOnly"), "active")) : null,
      ),
      meeting.status === "cancelled" ? alertBox("warning", heading(2, t("meeting.cancelledTitle")), paragraph(meeting.cancelReason)) : null,
      heading(2, t("meeting.whereTitle")),
      paragraph(whereText(meeting)),
      online,
      paragraph(placesText(meeting)),
      meeting.description ? [heading(2, t("meeting.aboutTitle")), paragraph(meeting.description)] : null,
      heading(2, t("meeting.accessTitle"), { id: "toegankelijkheid-kop" }),
      meeting.accessFeatures.length ? featureList(meeting.accessFeatures, { "aria-labelledby": "toegankelijkheid-kop" }) : paragraph(t("meeting.noFeatures")),
      meeting.accessNote ? paragraph(meeting.accessNote) : null,
      registration(meeting, mine, render),
      agenda,
      outcomes,
      pulse,
      heading(2, t("meeting.calendarTitle")),
      paragraph(link(`/api/v1/meetings/${id}/calendar.ics`, t("meeting.addToCalendar"), { download: `bijeenkomst-${id}.ics` })),
      paragraph(link(`/api/v1/networks/${network.id}/calendar.ics`, t("meeting.subscribeNetwork", { name: network.name })), "tm-small"),
      organiser ? await organiserSection(meeting) : null,
    );
    if (focusTarget) focusOn(document.getElementById(focusTarget) || title);
  }
  await render(null);
}
