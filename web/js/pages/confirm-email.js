// Confirming an e-mail address: the link in the mail opens this page, which
// sends its token (after `#token=`) at once.

import { h, fill, focusOn } from "../dom.js";
import { t } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, alertBox } from "../layout.js";
import { errorText } from "../forms.js";

export async function boot(main) {
  setTitle(t("confirmEmail.title"));
  const token = new URLSearchParams(location.hash.slice(1)).get("token") || "";
  const result = h("div", { tabindex: "-1" });
  fill(main, heading(1, t("confirmEmail.title")), result);
  if (!token) {
    fill(result, alertBox("error", paragraph(t("confirmEmail.noToken"))));
    return;
  }
  try {
    await api.request("POST", "/auth/email-verification/confirm", { body: { token } });
    history.replaceState(null, "", location.pathname);
    fill(result, alertBox("ok", paragraph(t("confirmEmail.done"))), paragraph(link(api.isSignedIn() ? "/mijn.html#berichten-kop" : "/inloggen.html", t(api.isSignedIn() ? "confirmEmail.settings" : "confirmEmail.signIn"))));
  } catch (error) {
    const bad = error.status === 400;
    fill(result, alertBox("error", paragraph(bad ? t("confirmEmail.badToken") : errorText(error))), paragraph(link("/mijn.html#berichten-kop", t("confirmEmail.again"))));
  }
  focusOn(result);
}
