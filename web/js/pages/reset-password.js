// A new password, with the token of the link in the mail (after `#token=`:
// the part of an address that never reaches a server's log).

import { h, fill, focusOn } from "../dom.js";
import { t } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, alertBox } from "../layout.js";
import { textField, checkboxField, submitButton, handleSubmit, showFormAlert } from "../forms.js";

/** A value from the address's fragment (`#token=...&key=...`). */
function fragment(name) {
  return new URLSearchParams(location.hash.slice(1)).get(name) || "";
}

export async function boot(main) {
  setTitle(t("reset.title"));
  const token = fragment("token");
  if (!token) {
    fill(main, heading(1, t("reset.title")), alertBox("error", paragraph(t("reset.noToken"))), paragraph(link("/wachtwoord-vergeten.html", t("reset.again"))));
    return;
  }
  const form = h(
    "form",
    { "aria-labelledby": "herstellen-kop" },
    textField({ name: "password", label: t("reset.password"), type: "password", autocomplete: "new-password", required: true, description: t("account.passwordHelp") }),
    checkboxField({ name: "showPassword", label: t("account.showPassword") }),
    submitButton(t("reset.submit")),
  );
  const show = form.querySelector("input[name=showPassword]");
  show.addEventListener("change", () => {
    form.elements.password.type = show.checked ? "text" : "password";
  });
  const done = h("div");
  handleSubmit(form, async (v) => {
    try {
      await api.request("POST", "/auth/password-reset/confirm", { body: { token, password: v.password || undefined } });
    } catch (error) {
      if (error.status === 400 && (error.problem?.invalidParams || []).some((p) => p.name === "token")) {
        focusOn(showFormAlert(form, "error", paragraph(t("reset.badToken")), paragraph(link("/wachtwoord-vergeten.html", t("reset.again")))));
        return;
      }
      throw error;
    }
    history.replaceState(null, "", location.pathname);
    form.hidden = true;
    fill(done, alertBox("ok", paragraph(t("reset.done")), paragraph(link("/inloggen.html", t("reset.signIn")))));
    focusOn(done.firstChild);
  });
  fill(main, heading(1, t("reset.title"), { id: "herstellen-kop" }), paragraph(t("reset.intro")), form, done);
}
