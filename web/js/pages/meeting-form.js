// Plan a meeting (`?netwerk=N`) or change or cancel one (`?id=M`): what
// kind, when (on the clocks of the meeting's place), where and how, what
// the venue offers so that everyone can take part, and the places.

import { h, fill, focusOn, idParam } from "../dom.js";
import { t, label, values } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, requireSignIn, flashNext } from "../layout.js";
import { textField, dateField, toIsoDate, selectField, checkboxGroup, radioGroup, submitButton, handleSubmit, orNull } from "../forms.js";
import { conflictDialog } from "../dialog.js";
import { municipalityGroups } from "../views.js";
import { zonedToIso, isoToZoned } from "../meetings.js";

export async function boot(main) {
  if (!api.isSignedIn()) {
    requireSignIn();
    return;
  }
  const meetingId = idParam();
  const stored = meetingId ? await api.getWithTag(`/meetings/${meetingId}`) : null;
  const meeting = stored?.data || null;
  const networkId = meeting ? meeting.networkId : idParam("netwerk");
  if (!networkId) {
    const error = new Error("no network");
    error.status = 404;
    throw error;
  }
  const [network, municipalities] = await Promise.all([api.get(`/networks/${networkId}`), api.municipalities().catch(() => [])]);
  const zone = meeting?.timeZone || "Europe/Amsterdam";
  const start = meeting ? isoToZoned(meeting.startsAt, zone) : { date: "", time: "" };
  const end = meeting ? isoToZoned(meeting.endsAt, zone) : { date: "", time: "" };
  const titleText = meeting ? t("meetingForm.editTitle", { title: meeting.title }) : t("meetingForm.planTitle", { name: network.name });
  setTitle(titleText);
  const choice = (kind) => values(kind).map((v) => ({ value: v, label: label(kind, v) }));

  const form = h(
    "form",
    { class: "tm-form", "aria-labelledby": "plannen-kop" },
    textField({ name: "title", label: t("meetingForm.title"), required: true, value: meeting?.title }),
    radioGroup({ name: "kind", legend: t("meetingForm.kind"), choices: choice("meetingKind"), value: meeting?.kind || (meeting ? null : "network_meeting") }),
    dateField({ name: "date", label: t("meetingForm.date"), required: true, value: start.date, description: t("meetingForm.dateHelp") }),
    textField({ name: "startTime", label: t("meetingForm.startTime"), required: true, value: start.time, description: t("meetingForm.timeHelp"), inputmode: "numeric", autocomplete: "off" }),
    textField({ name: "endTime", label: t("meetingForm.endTime"), required: true, value: end.time, inputmode: "numeric", autocomplete: "off" }),
    selectField({ name: "timeZone", label: t("meetingForm.timeZone"), choices: values("timeZone").map((z) => ({ value: z, label: label("timeZone", z) })), value: zone }),
    radioGroup({ name: "format", legend: t("meetingForm.format"), choices: choice("meetingFormat"), value: meeting?.format || "in_person" }),
    textField({ name: "venueName", label: t("meetingForm.venueName"), value: meeting?.venueName, description: t("meetingForm.venueHelp") }),
    textField({ name: "venueAddress", label: t("meetingForm.venueAddress"), value: meeting?.venueAddress, autocomplete: "address-line1" }),
    selectField({ name: "municipalityCode", label: t("meetingForm.municipality"), choices: [{ value: "", label: t("meetingForm.noMunicipality") }], groups: municipalityGroups(municipalities), value: meeting ? meeting.municipalityCode || "" : network.municipalityCode || "" }),
    textField({ name: "onlineUrl", label: t("meetingForm.onlineUrl"), type: "url", value: meeting?.onlineUrl, description: t("meetingForm.onlineUrlHelp"), spellcheck: false }),
    checkboxGroup({ name: "accessFeatures", legend: t("meetingForm.features"), description: t("meetingForm.featuresHelp"), choices: choice("accessFeature"), value: meeting?.accessFeatures || [], wide: true }),
    textField({ name: "accessNote", label: t("meetingForm.accessNote"), multiline: true, rows: 3, value: meeting?.accessNote, description: t("meetingForm.accessNoteHelp") }),
    textField({ name: "description", label: t("meetingForm.description"), multiline: true, rows: 5, value: meeting?.description }),
    textField({ name: "capacity", label: t("meetingForm.capacity"), inputmode: "numeric", value: meeting?.capacity ?? "", description: t("meetingForm.capacityHelp") }),
    radioGroup({ name: "visibility", legend: t("meetingForm.visibility"), choices: choice("visibility"), value: meeting?.visibility || "public" }),
    meeting ? radioGroup({ name: "status", legend: t("meetingForm.status"), choices: choice("meetingStatus"), value: meeting.status }) : null,
    meeting ? textField({ name: "cancelReason", label: t("meetingForm.cancelReason"), multiline: true, rows: 2, value: meeting.cancelReason, description: t("meetingForm.cancelReasonHelp") }) : null,
    submitButton(meeting ? t("meetingForm.save") : t("meetingForm.plan")),
  );

  handleSubmit(
    form,
    async (v) => {
      const date = toIsoDate(v.date);
      const body = {
        title: v.title,
        kind: v.kind,
        format: v.format,
        startsAt: zonedToIso(date, v.startTime, v.timeZone),
        endsAt: zonedToIso(date, v.endTime, v.timeZone),
        timeZone: v.timeZone,
        venueName: orNull(v.venueName),
        venueAddress: orNull(v.venueAddress),
        municipalityCode: orNull(v.municipalityCode),
        onlineUrl: orNull(v.onlineUrl),
        accessFeatures: v.accessFeatures,
        accessNote: orNull(v.accessNote),
        description: orNull(v.description),
        capacity: v.capacity === "" ? null : /^\d+$/.test(v.capacity) ? Number(v.capacity) : v.capacity,
        visibility: v.visibility,
      };
      if (meeting) {
        body.status = v.status;
        body.cancelReason = orNull(v.cancelReason);
        await api.request("PATCH", `/meetings/${meeting.id}`, { body, ifMatch: stored.etag });
        flashNext("meetingForm.saved");
        location.assign(`/bijeenkomst.html?id=${meeting.id}`);
      } else {
        if (!body.kind) delete body.kind;
        const r = await api.request("POST", `/networks/${networkId}/meetings`, { body });
        flashNext("meetingForm.planned");
        location.assign(`/bijeenkomst.html?id=${r.data.id}`);
      }
    },
    {
      fieldMap: { startsAt: "startTime", endsAt: "endTime" },
      onConflict: async () => {
        if (await conflictDialog()) location.reload();
      },
    },
  );

  fill(
    main,
    h("p", { class: "utrecht-paragraph" }, link(meeting ? `/bijeenkomst.html?id=${meeting.id}` : `/netwerk.html?id=${network.id}`, meeting ? t("meetingForm.backToMeeting") : t("meeting.back", { name: network.name }))),
    heading(1, titleText, { id: "plannen-kop" }),
    paragraph(t("meetingForm.intro")),
    form,
  );
  focusOn(main.querySelector("h1"));
}
