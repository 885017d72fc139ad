// One connection with a system (`koppeling.html?id=N`): its webhooks, the
// events each hears of, a test event, and the delivery log with every try;
// a webhook switched off after failing is switched on again here. The
// secret of a new webhook is shown once, in a box that takes the focus.

import { h, fill, focusOn, idParam } from "../dom.js";
import { t, formatDate } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, requireSignIn, announce, alertBox, button } from "../layout.js";
import { textField, checkboxGroup, submitButton, handleSubmit, buttonRow } from "../forms.js";
import { confirmDialog } from "../dialog.js";
import { badge } from "../views.js";

/** The events a webhook can hear of, as the API names them. */
const EVENTS = ["network.created", "network.updated", "network.deleted", "goal.created", "goal.achieved", "meeting.planned", "meeting.cancelled", "knowledge_link.added", "question.status_changed"];

/** The delivery log of one webhook, as a table (newest try first). */
function logTable(tries) {
  const cell = (text) => h("td", { class: "utrecht-table__cell" }, text);
  return h(
    "table",
    { class: ["utrecht-table", "tm-table"] },
    h("caption", { class: "utrecht-table__caption" }, t("webhooks.logCaption", { count: tries.length })),
    h(
      "thead",
      { class: "utrecht-table__header" },
      h("tr", { class: "utrecht-table__row" }, ["when", "event", "attempt", "answer", "duration", "next"].map((k) => h("th", { class: "utrecht-table__header-cell", scope: "col" }, t(`webhooks.col.${k}`)))),
    ),
    h(
      "tbody",
      { class: "utrecht-table__body" },
      tries.map((x) =>
        h(
          "tr",
          { class: "utrecht-table__row" },
          cell(formatDate(x.at)),
          cell(x.eventType),
          cell(String(x.attempt)),
          cell(x.statusCode ? String(x.statusCode) : x.error ?? t("webhooks.noAnswer")),
          cell(`${x.durationMs} ms`),
          cell(x.nextAttemptAt ? formatDate(x.nextAttemptAt) : t(`webhooks.status.${x.deliveryStatus}`)),
        ),
      ),
    ),
  );
}

export async function boot(main) {
  if (!api.isSignedIn()) {
    requireSignIn();
    return;
  }
  const clientId = idParam("id");
  if (!clientId) {
    const error = new Error("no client");
    error.status = 404;
    throw error;
  }
  const client = await api.get(`/api-clients/${clientId}`);
  const title = t("webhooks.title", { name: client.name });
  setTitle(title);
  const secret = h("div");
  const list = h("div");

  function webhookItem(hook) {
    const log = h("div", { "aria-live": "polite" });
    const showLog = async () => {
      const tries = await api.getAll(`/webhooks/${hook.id}/deliveries`, {}, 100);
      fill(log, tries.length ? logTable(tries) : paragraph(t("webhooks.noTries")));
      return tries.length;
    };
    const details = h("details", { class: "tm-panel" }, h("summary", null, t("webhooks.log")), log);
    details.addEventListener("toggle", () => {
      if (details.open) showLog();
    });
    return h(
      "li",
      { class: "tm-card", dataset: { webhookId: hook.id } },
      heading(3, hook.url),
      paragraph(hook.active ? badge(t("webhooks.active")) : badge(t("webhooks.off"), "warning"), " ", hook.events.join(", ")),
      hook.failingSince && hook.active ? alertBox("warning", paragraph(t("webhooks.failing", { date: formatDate(hook.failingSince) }))) : null,
      hook.disabledAt ? alertBox("warning", paragraph(t("webhooks.switchedOff", { date: formatDate(hook.disabledAt) }))) : null,
      buttonRow(
        button(t("webhooks.ping"), {
          "aria-label": t("webhooks.pingLabel", { url: hook.url }),
          on: {
            click: async () => {
              await api.request("POST", `/webhooks/${hook.id}/ping`);
              announce(t("webhooks.pinged"));
              details.open = true;
              // The log shows the try as soon as it is there (within seconds).
              const before = await showLog();
              for (let i = 0; i < 10; i += 1) {
                await new Promise((resolve) => setTimeout(resolve, 1000));
                if ((await showLog()) > before) break;
              }
            },
          },
        }),
        hook.active
          ? null
          : button(t("webhooks.switchOn"), {
              "aria-label": t("webhooks.switchOnLabel", { url: hook.url }),
              on: {
                click: async () => {
                  const { etag } = await api.getWithTag(`/webhooks/${hook.id}`);
                  await api.request("PATCH", `/webhooks/${hook.id}`, { body: { active: true }, ifMatch: etag });
                  await render();
                  announce(t("webhooks.switchedOn"));
                },
              },
            }),
        button(t("webhooks.remove"), {
          "aria-label": t("webhooks.removeLabel", { url: hook.url }),
          on: {
            click: async () => {
              const sure = await confirmDialog({ title: t("webhooks.removeTitle"), text: t("webhooks.removeText", { url: hook.url }), confirmLabel: t("webhooks.remove"), danger: true });
              if (!sure) return;
              await api.request("DELETE", `/webhooks/${hook.id}`);
              fill(secret);
              await render();
              focusOn(document.getElementById("webhooks-kop"));
              announce(t("webhooks.removed"));
            },
          },
        }),
      ),
      details,
    );
  }

  async function render() {
    const hooks = await api.getAll(`/api-clients/${clientId}/webhooks`, {}, 100);
    fill(list, hooks.length ? h("ul", { class: "tm-cards" }, hooks.map(webhookItem)) : paragraph(t("webhooks.none")));
  }

  const form = h(
    "form",
    { class: "tm-form", "aria-labelledby": "webhook-kop" },
    heading(2, t("webhooks.addTitle"), { id: "webhook-kop" }),
    textField({ name: "url", label: t("webhooks.url"), required: true, type: "url", description: t("webhooks.urlHelp") }),
    checkboxGroup({ name: "events", label: t("webhooks.events"), choices: EVENTS.map((e) => ({ value: e, label: t(`webhooks.event.${e.replace(".", "_")}`) })) }),
    textField({ name: "municipality", label: t("webhooks.municipality"), description: t("webhooks.municipalityHelp") }),
    buttonRow(submitButton(t("webhooks.add"))),
  );
  handleSubmit(form, async (v) => {
    const made = await api.request("POST", `/api-clients/${clientId}/webhooks`, { body: { url: v.url || undefined, events: v.events ?? [], municipality: v.municipality || null } });
    form.reset();
    await render();
    fill(
      secret,
      alertBox(
        "warning",
        heading(3, t("webhooks.secretTitle"), { id: "webhook-geheim-kop", tabindex: "-1" }),
        paragraph(t("webhooks.secretText")),
        h(
          "p",
          null,
          h("label", { class: "utrecht-form-label", for: "webhook-geheim" }, t("webhooks.secretLabel", { url: made.data.url })),
          h("input", { id: "webhook-geheim", class: ["utrecht-textbox", "utrecht-textbox--html-input", "tm-code"], readonly: true, value: made.data.secret, autocomplete: "off", spellcheck: "false" }),
        ),
      ),
    );
    focusOn(document.getElementById("webhook-geheim-kop"));
    announce(t("webhooks.added"));
  });

  fill(
    main,
    heading(1, title),
    paragraph(t("webhooks.intro"), "tm-lead"),
    secret,
    heading(2, t("webhooks.listTitle"), { id: "webhooks-kop", tabindex: "-1" }),
    list,
    form,
    paragraph(link("/koppelingen.html", t("webhooks.back"))),
  );
  await render();
}
