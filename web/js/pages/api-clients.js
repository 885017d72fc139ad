// Connections with systems (`koppelingen`): whoever manages an
// organisation's or municipality's profile makes API clients for it, so
// the organisation's system signs in as itself. A new secret is shown once,
// in a box that takes the focus; a client gets a new secret (the old one
// keeps working for a day) or is revoked.

import { h, fill, focusOn } from "../dom.js";
import { t, formatDate } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, requireSignIn, announce, alertBox, button } from "../layout.js";
import { textField, selectField, checkboxGroup, submitButton, handleSubmit, buttonRow } from "../forms.js";
import { confirmDialog } from "../dialog.js";
import { badge, fact, myOrganisations } from "../views.js";

/** The write scopes a client can be given (`read` it always has). */
const WRITE_SCOPES = ["networks:write", "goals:write", "knowledge-links:write", "meetings:write"];

/** The box that shows a new secret, once. */
function secretBox(client) {
  const box = alertBox(
    "warning",
    heading(3, t("apiClients.secretTitle"), { id: "geheim-kop", tabindex: "-1" }),
    paragraph(t("apiClients.secretText")),
    h(
      "p",
      null,
      h("label", { class: "utrecht-form-label", for: "geheim" }, t("apiClients.secretLabel", { name: client.name })),
      h("input", { id: "geheim", class: ["utrecht-textbox", "utrecht-textbox--html-input", "tm-code"], readonly: true, value: client.clientSecret, autocomplete: "off", spellcheck: "false" }),
    ),
  );
  return box;
}

export async function boot(main) {
  if (!api.isSignedIn()) {
    requireSignIn();
    return;
  }
  setTitle(t("apiClients.title"));
  const intro = [heading(1, t("apiClients.title")), paragraph(t("apiClients.intro"), "tm-lead")];
  const organisations = await myOrganisations();
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  if (!organisations.length) {
    fill(main, ...intro, alertBox("info", paragraph(t("apiClients.notAllowed"))));
    return;
  }
  const secret = h("div");
  const list = h("div");

  function clientItem(client) {
    const scopes = client.scopes.filter((s) => s !== "read");
    return h(
      "li",
      { class: "tm-card", dataset: { clientId: client.id } },
      heading(3, client.name),
      h(
        "dl",
        { class: "tm-facts" },
        fact(t("apiClients.organisation"), names.get(client.stakeholderId) ?? String(client.stakeholderId)),
        fact(t("apiClients.clientId"), h("code", null, client.clientId)),
        fact(t("apiClients.scopes"), scopes.length ? scopes.map((s) => badge(t(`apiClients.scope.${s}`))) : t("apiClients.readOnly")),
        fact(t("apiClients.lastUsed"), client.lastUsedAt ? formatDate(client.lastUsedAt) : t("apiClients.never")),
      ),
      client.previousSecretExpiresAt ? paragraph(t("apiClients.previousUntil", { date: formatDate(client.previousSecretExpiresAt) })) : null,
      paragraph(link(`/koppeling.html?id=${client.id}`, t("apiClients.webhooksLink", { name: client.name }))),
      buttonRow(
        button(t("apiClients.rotate"), {
          "aria-label": t("apiClients.rotateLabel", { name: client.name }),
          on: {
            click: async () => {
              const sure = await confirmDialog({ title: t("apiClients.rotateTitle"), text: t("apiClients.rotateText"), confirmLabel: t("apiClients.rotate") });
              if (!sure) return;
              const fresh = await api.request("POST", `/api-clients/${client.id}/secret`, { body: {} });
              await render();
              showSecret(fresh.data);
              announce(t("apiClients.rotated", { name: client.name }));
            },
          },
        }),
        button(t("apiClients.revoke"), {
          "aria-label": t("apiClients.revokeLabel", { name: client.name }),
          on: {
            click: async () => {
              const sure = await confirmDialog({ title: t("apiClients.revokeTitle"), text: t("apiClients.revokeText", { name: client.name }), confirmLabel: t("apiClients.revoke"), danger: true });
              if (!sure) return;
              await api.request("DELETE", `/api-clients/${client.id}`);
              fill(secret);
              await render();
              focusOn(document.getElementById("koppelingen-kop"));
              announce(t("apiClients.revoked", { name: client.name }));
            },
          },
        }),
      ),
    );
  }

  function showSecret(client) {
    fill(secret, secretBox(client));
    focusOn(document.getElementById("geheim-kop"));
  }

  async function render() {
    const clients = await api.getAll("/api-clients", {}, 200);
    fill(list, clients.length ? h("ul", { class: "tm-cards" }, clients.map(clientItem)) : paragraph(t("apiClients.none")));
  }

  const form = h(
    "form",
    { class: "tm-form", "aria-labelledby": "maken-kop" },
    heading(2, t("apiClients.makeTitle"), { id: "maken-kop" }),
    selectField({
      name: "stakeholderId",
      label: t("apiClients.organisation"),
      required: true,
      noOptionalMark: true,
      value: organisations.length === 1 ? String(organisations[0].id) : "",
      choices: [{ value: "", label: t("find.choose") }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))],
    }),
    textField({ name: "name", label: t("apiClients.name"), required: true, description: t("apiClients.nameHelp") }),
    checkboxGroup({ name: "scopes", label: t("apiClients.scopes"), description: t("apiClients.scopesHelp"), choices: WRITE_SCOPES.map((s) => ({ value: s, label: t(`apiClients.scope.${s}`) })) }),
    buttonRow(submitButton(t("apiClients.make"))),
  );
  handleSubmit(form, async (v) => {
    const made = await api.request("POST", "/api-clients", { body: { stakeholderId: v.stakeholderId ? Number(v.stakeholderId) : undefined, name: v.name || undefined, scopes: ["read", ...(v.scopes ?? [])] } });
    form.reset();
    await render();
    showSecret(made.data);
    announce(t("apiClients.made", { name: made.data.name }));
  });

  fill(
    main,
    ...intro,
    secret,
    heading(2, t("apiClients.listTitle"), { id: "koppelingen-kop", tabindex: "-1" }),
    list,
    form,
    paragraph(link("/api/v1/docs/", t("apiClients.docsLink"))),
  );
  await render();
}
