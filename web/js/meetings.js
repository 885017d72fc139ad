// Meetings as every page shows them: when (in the meeting's own time zone),
// where, how, what the venue offers (in words, not only icons) and the
// places left; and the turn of a date and a time typed in a time zone into
// the API's RFC 3339.

import { h } from "./dom.js";
import { t, label, lang } from "./i18n.js";
import { badge } from "./views.js";

const locale = () => (lang === "nl" ? "nl-NL" : "en-GB");

/** "donderdag 14 januari 2027, 19.00 – 21.00" in the meeting's time zone. */
export function whenText(meeting) {
  const zone = meeting.timeZone || "Europe/Amsterdam";
  const start = new Date(meeting.startsAt);
  const end = new Date(meeting.endsAt);
  const day = new Intl.DateTimeFormat(locale(), { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: zone });
  const time = new Intl.DateTimeFormat(locale(), { hour: "2-digit", minute: "2-digit", timeZone: zone });
  const sameDay = day.format(start) === day.format(end);
  const text = sameDay
    ? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`
    : `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
  return zone === "Europe/Amsterdam" ? text : `${text} (${label("timeZone", zone)})`;
}

/** Where: the venue and its address, online, or both. */
export function whereText(meeting) {
  const place = [meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ");
  if (meeting.format === "online") return t("meetings.online");
  if (meeting.format === "hybrid") return place ? t("meetings.hybridAt", { place }) : t("meetings.hybrid");
  return place || t("meetings.placeFollows");
}

/** The accessibility features as a list of words. */
export function featureList(features, props = {}) {
  if (!features || !features.length) return null;
  return h("ul", { class: ["utrecht-unordered-list", "tm-features"], ...props }, features.map((f) => h("li", { class: "utrecht-unordered-list__item" }, label("accessFeature", f))));
}

/** Places left, the waiting list, or cancelled. */
export function placesText(meeting) {
  if (meeting.status === "cancelled") return t("meetings.cancelledBecause", { reason: meeting.cancelReason });
  if (meeting.capacity === null || meeting.capacity === undefined) return t("meetings.registered", { count: meeting.registeredCount });
  const left = Math.max(0, meeting.capacity - meeting.registeredCount);
  return left > 0 ? t("meetings.placesLeft", { count: left }) : t("meetings.full", { count: meeting.waitingCount });
}

export function meetingStatusBadge(meeting) {
  const variant = { planned: "active", cancelled: "warning", held: "neutral" }[meeting.status] || "neutral";
  return badge(label("meetingStatus", meeting.status), variant);
}

/** A card in a list of meetings. */
export function meetingCard(meeting, { level = 3, showNetwork = false } = {}) {
  const cancelled = meeting.status === "cancelled";
  return h(
    "li",
    { class: ["tm-card", cancelled ? "tm-card--cancelled" : null] },
    h(`h${level}`, { class: "tm-card__title" }, h("a", { class: "utrecht-link utrecht-link--html-a", href: `/bijeenkomst.html?id=${meeting.id}` }, meeting.title)),
    h("p", null, h("strong", null, whenText(meeting))),
    h("p", null, whereText(meeting)),
    showNetwork ? h("p", { class: "tm-small tm-muted" }, t("meetings.ofNetwork", { name: meeting.networkName })) : null,
    h(
      "ul",
      { class: "tm-badges", "aria-label": t("meetings.labels") },
      h("li", null, badge(label("meetingKind", meeting.kind))),
      h("li", null, meetingStatusBadge(meeting)),
      meeting.myRegistration ? h("li", null, badge(label("registrationStatus", meeting.myRegistration), "active")) : null,
      meeting.visibility === "members" ? h("li", null, badge(t("network.membersOnly"), "active")) : null,
    ),
    meeting.accessFeatures.length ? h("p", { class: "tm-small" }, t("meetings.offers"), " ", meeting.accessFeatures.map((f) => label("accessFeature", f)).join(", ")) : null,
    h("p", { class: "tm-small tm-muted" }, placesText(meeting)),
  );
}

/** The offset of a time zone at a moment, in minutes (Amsterdam in winter: 60). */
function offsetAt(date, zone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - date.getTime()) / 60000);
}

/**
 * A date (YYYY-MM-DD) and a time (HH:MM) on the clocks of a time zone, as
 * RFC 3339 in UTC; what it can't read it returns as typed, so the API names
 * the field.
 */
export function zonedToIso(isoDate, time, zone) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate || "");
  const tm = /^(\d{1,2})[:.](\d{2})$/.exec((time || "").trim());
  if (!d || !tm) return `${isoDate || ""}T${time || ""}`;
  const wall = Date.UTC(+d[1], +d[2] - 1, +d[3], +tm[1], +tm[2]);
  let guess = wall - offsetAt(new Date(wall), zone) * 60000;
  guess = wall - offsetAt(new Date(guess), zone) * 60000;
  return new Date(guess).toISOString().replace(".000Z", "Z");
}

/** An RFC 3339 time as the date (YYYY-MM-DD) and time (HH:MM) of a zone. */
export function isoToZoned(iso, zone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
