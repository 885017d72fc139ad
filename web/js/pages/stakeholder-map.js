// A network's stakeholder map (`?netwerk=N`): who is at the table by role
// and kind, drawn by the server as rings and given as a table with the
// same facts; the balance signal ("niets over ons zonder ons"); who the
// core group still looks for ("wie zoeken we nog"), which the core group
// adds and removes; the drawing to download for a report.

import { h, fill, focusOn, idParam } from "../dom.js";
import { t, label, values, lang } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, announce, alertBox, button } from "../layout.js";
import { textField, selectField, submitButton, handleSubmit, buttonRow } from "../forms.js";
import { confirmDialog } from "../dialog.js";
import { CORE_ROLES } from "../views.js";

/** The rings, from the inside out, with the roles each holds. */
const RINGS = [
  { key: "core", roles: ["coordinator", "core_group"] },
  { key: "members", roles: ["member"] },
  { key: "partners", roles: ["partner"] },
];

/** Saves the drawing as a file (a members-only network's needs the token). */
async function saveDrawing(networkId) {
  const result = await api.request("GET", `/networks/${networkId}/stakeholder-map.svg`, { query: { lang, download: "true" }, as: "blob" });
  const url = URL.createObjectURL(result.data);
  const a = h("a", { href: url, download: `stakeholdersmap-${networkId}.svg`, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The table: a row per kind, a column per ring, names where they may show. */
function tableOf(map) {
  const cell = (kind, ring) => {
    const places = map.places.filter((p) => p.kind === kind && ring.roles.includes(p.role));
    const count = places.reduce((sum, p) => sum + p.count, 0);
    const names = places.flatMap((p) => p.named.map((n) => n.name));
    const seats = map.openSeats.filter((s) => s.kind === kind && ring.roles.includes(s.role)).length;
    return h(
      "td",
      { class: "utrecht-table__cell" },
      String(count),
      names.length ? h("span", { class: "tm-small" }, ` (${names.join(", ")})`) : null,
      seats ? h("span", { class: "tm-small" }, " · ", t("table.seatsInCell", { count: seats })) : null,
    );
  };
  return h(
    "table",
    { class: ["utrecht-table", "tm-table"] },
    h("caption", { class: "utrecht-table__caption" }, t("table.caption", { count: map.members })),
    h(
      "thead",
      { class: "utrecht-table__header" },
      h("tr", { class: "utrecht-table__row" }, h("th", { class: "utrecht-table__header-cell", scope: "col" }, t("table.kind")), RINGS.map((r) => h("th", { class: "utrecht-table__header-cell", scope: "col" }, t(`table.ring.${r.key}`)))),
    ),
    h(
      "tbody",
      { class: "utrecht-table__body" },
      values("kind").map((kind) => h("tr", { class: "utrecht-table__row" }, h("th", { class: "utrecht-table__header-cell", scope: "row" }, label("kindPlural", kind)), RINGS.map((r) => cell(kind, r)))),
    ),
  );
}

export async function boot(main) {
  const networkId = idParam("netwerk");
  if (!networkId) {
    const error = new Error("no network");
    error.status = 404;
    throw error;
  }
  const network = await api.get(`/networks/${networkId}`);
  const isCore = CORE_ROLES.includes(network.myRole) || Boolean(api.user()?.isAdmin);
  const title = t("table.title", { name: network.name });
  setTitle(title);

  const drawing = h("div", { class: "tm-map-box" });
  const signals = h("div");
  const tableBox = h("div", { class: "tm-table-box" });
  const seatsBox = h("div");

  async function render(focusTarget) {
    const [map, svg] = await Promise.all([
      api.get(`/networks/${networkId}/stakeholder-map`),
      api.request("GET", `/networks/${networkId}/stakeholder-map.svg`, { query: { lang }, as: "text" }),
    ]);
    drawing.innerHTML = svg.data;
    fill(
      signals,
      map.signals.map((s) => alertBox("warning", heading(2, t(`table.signal.${s}.title`)), paragraph(t(`table.signal.${s}.text`)))),
      map.signals.length ? null : paragraph(t("table.balanced", { count: map.experienceExpertsInCoreGroup })),
    );
    fill(tableBox, tableOf(map));
    const seatItems = map.openSeats.map((s) =>
      h(
        "li",
        { class: "tm-card", dataset: { seatId: s.id } },
        h("p", null, h("strong", null, s.description)),
        h("p", { class: "tm-small" }, t("table.seatFor", { kind: label("kind", s.kind), role: label("role", s.role) })),
        isCore
          ? button(t("table.removeSeat"), {
              "aria-label": t("table.removeSeatLabel", { description: s.description }),
              on: {
                click: async () => {
                  const sure = await confirmDialog({ title: t("table.removeTitle"), text: t("table.removeText", { description: s.description }), confirmLabel: t("table.removeSeat") });
                  if (!sure) return;
                  await api.request("DELETE", `/open-seats/${s.id}`);
                  await render("zoeken-kop");
                  announce(t("table.removed", { description: s.description }));
                },
              },
            })
          : null,
      ),
    );
    fill(
      seatsBox,
      heading(2, t("table.seatsTitle"), { id: "zoeken-kop", tabindex: "-1" }),
      seatItems.length ? h("ul", { class: "tm-cards" }, seatItems) : paragraph(t("table.noSeats")),
      isCore ? seatForm() : null,
    );
    if (focusTarget) focusOn(document.getElementById(focusTarget));
  }

  function seatForm() {
    const form = h(
      "form",
      { "aria-labelledby": "plek-kop" },
      heading(3, t("table.addTitle"), { id: "plek-kop" }),
      textField({ name: "description", label: t("table.description"), required: true, description: t("table.descriptionHelp") }),
      selectField({ name: "kind", label: t("table.seatKind"), required: true, noOptionalMark: true, choices: [{ value: "", label: t("find.choose") }, ...values("kind").map((k) => ({ value: k, label: label("kind", k) }))] }),
      selectField({ name: "role", label: t("table.seatRole"), required: true, noOptionalMark: true, value: "core_group", choices: [{ value: "", label: t("find.choose") }, ...values("role").map((r) => ({ value: r, label: label("role", r) }))] }),
      buttonRow(submitButton(t("table.add"))),
    );
    handleSubmit(form, async (v) => {
      await api.request("POST", `/networks/${networkId}/open-seats`, { body: { description: v.description, kind: v.kind || undefined, role: v.role || undefined } });
      await render("zoeken-kop");
      announce(t("table.added", { description: v.description }));
    });
    return form;
  }

  fill(
    main,
    heading(1, title),
    paragraph(t("table.intro"), "tm-lead"),
    signals,
    h("figure", { class: "tm-map-figure" }, drawing, h("figcaption", null, t("table.figcaption"))),
    buttonRow(button(t("table.download"), { on: { click: () => saveDrawing(networkId) } })),
    heading(2, t("table.tableTitle"), { id: "tafel-kop" }),
    tableBox,
    seatsBox,
    paragraph(link(`/netwerk.html?id=${networkId}`, t("table.back", { name: network.name }))),
  );
  await render();
}
