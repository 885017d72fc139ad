// How a person is reached: whether their address is confirmed, the
// language of their mail, how often they hear of their networks (in general
// and per network), and how coordinators best reach them. Shown under
// "Berichten en contact" on Mijn themanet.

import { h, fill, focusOn } from "./dom.js";
import { t, label } from "./i18n.js";
import * as api from "./api.js";
import { heading, paragraph, announce } from "./layout.js";
import { selectField, radioGroup, submitButton, handleSubmit, showFormAlert, button, buttonRow, errorText } from "./forms.js";

const FREQUENCIES = ["immediate", "daily", "weekly", "never"];
const CHANNELS = ["email", "phone", "post"];
const FORMATS = ["plain", "large_print", "easy_read"];

/** The section's box and the function that (re)draws it. */
export function preferencesSection() {
  const box = h("div", null, paragraph(t("preferences.loading")));

  async function render() {
    const prefs = await api.get("/me/preferences");
    const verify = h("div", { class: "tm-panel" });
    if (prefs.emailVerified) {
      fill(verify, paragraph(t("preferences.verified")));
    } else {
      const status = h("div", { "aria-live": "polite" });
      const resend = button(t("preferences.resend"), {
        on: {
          click: async () => {
            try {
              await api.request("POST", "/auth/email-verification", { body: {} });
              fill(status, paragraph(t("preferences.resent")));
            } catch (error) {
              fill(status, paragraph(errorText(error)));
            }
          },
        },
      });
      fill(verify, paragraph(t("preferences.notVerified")), buttonRow(resend), status);
    }
    const frequencyChoices = FREQUENCIES.map((f) => ({ value: f, label: label("noticeFrequency", f) }));
    const form = h(
      "form",
      { "aria-labelledby": "berichten-kop" },
      selectField({ name: "language", label: t("preferences.language"), value: prefs.language, choices: [{ value: "nl", label: "Nederlands" }, { value: "en", label: "English" }] }),
      radioGroup({ name: "notices", legend: t("preferences.notices"), description: t("preferences.noticesHelp"), value: prefs.notices, choices: frequencyChoices }),
      prefs.networks.length
        ? h(
            "fieldset",
            { class: "tm-step-fieldset" },
            h("legend", null, t("preferences.perNetwork")),
            paragraph(t("preferences.perNetworkHelp")),
            prefs.networks.map((n) =>
              selectField({
                name: `network-${n.networkId}`,
                label: n.networkName,
                value: n.notices || "",
                choices: [{ value: "", label: t("preferences.asGeneral") }, ...frequencyChoices],
              }),
            ),
          )
        : null,
      h(
        "fieldset",
        { class: "tm-step-fieldset" },
        h("legend", null, t("preferences.reachTitle")),
        paragraph(t("preferences.reachHelp")),
        radioGroup({ name: "contactChannel", legend: t("preferences.channel"), value: prefs.contactChannel, choices: CHANNELS.map((c) => ({ value: c, label: label("contactChannel", c) })) }),
        radioGroup({ name: "contactFormat", legend: t("preferences.format"), value: prefs.contactFormat, choices: FORMATS.map((f) => ({ value: f, label: label("contactFormat", f) })) }),
      ),
      submitButton(t("preferences.save")),
    );
    handleSubmit(form, async (v) => {
      await api.request("PATCH", "/me/preferences", {
        body: {
          language: v.language,
          notices: v.notices,
          contactChannel: v.contactChannel,
          contactFormat: v.contactFormat,
          networks: prefs.networks.map((n) => ({ networkId: n.networkId, notices: v[`network-${n.networkId}`] || null })),
        },
      });
      await render();
      announce(t("preferences.saved"));
      focusOn(showFormAlert(box.querySelector("form"), "ok", paragraph(t("preferences.saved"))));
    });
    fill(box, verify, form);
  }

  return {
    box,
    title: heading(2, t("preferences.title"), { id: "berichten-kop", tabindex: "-1" }),
    render: () => render().catch((error) => fill(box, paragraph(errorText(error)))),
  };
}
