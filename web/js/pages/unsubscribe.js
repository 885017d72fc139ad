// Unsubscribing from notices with the key from a mail's footer (after
// `#key=`): one button, no sign-in.

import { h, fill, focusOn } from "../dom.js";
import { t } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, alertBox } from "../layout.js";
import { button, buttonRow, errorText } from "../forms.js";

export async function boot(main) {
  setTitle(t("unsubscribe.title"));
  const fragment = new URLSearchParams(location.hash.slice(1));
  const key = fragment.get("key") || "";
  const networkId = fragment.get("networkId");
  const result = h("div", { tabindex: "-1" });
  if (!/^[0-9a-f]{48}$/.test(key)) {
    fill(main, heading(1, t("unsubscribe.title")), alertBox("error", paragraph(t("unsubscribe.badKey"))));
    return;
  }
  const go = button(
    t(networkId ? "unsubscribe.network" : "unsubscribe.all"),
    {
      on: {
        click: async () => {
          try {
            await api.request("POST", `/unsubscribe/${key}`, { query: networkId ? { networkId } : {} });
            go.disabled = true;
            fill(result, alertBox("ok", paragraph(t("unsubscribe.done"))), paragraph(link("/mijn.html#berichten-kop", t("unsubscribe.settings"))));
          } catch (error) {
            fill(result, alertBox("error", paragraph(error.status === 404 ? t("unsubscribe.badKey") : errorText(error))));
          }
          focusOn(result);
        },
      },
    },
    "primary-action",
  );
  fill(main, heading(1, t("unsubscribe.title")), paragraph(t(networkId ? "unsubscribe.introNetwork" : "unsubscribe.introAll")), buttonRow(go), result);
}
