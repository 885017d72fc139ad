// Sign in. The access token stays in memory; the server sets the HttpOnly
// refresh cookie that keeps the session across pages (see js/api.js).

import { h, fill, focusOn, params, safeReturnPath } from "../dom.js";
import { t } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, alertBox, flashNext } from "../layout.js";
import { textField, submitButton, handleSubmit, showFormAlert, checkboxField } from "../forms.js";

export async function boot(main) {
  setTitle(t("signin.title"));
  const back = safeReturnPath(params().get("terug"), "/mijn.html");
  if (api.isSignedIn()) {
    fill(main, heading(1, t("signin.title")), paragraph(t("signin.already", { name: api.user()?.displayName || "" })), paragraph(link(back, t("signin.continue"))));
    return;
  }
  const form = h(
    "form",
    { "aria-labelledby": "inloggen-kop" },
    textField({ name: "email", label: t("account.email"), type: "email", autocomplete: "username", required: true, spellcheck: false }),
    textField({ name: "password", label: t("account.password"), type: "password", autocomplete: "current-password", required: true }),
    checkboxField({ name: "showPassword", label: t("account.showPassword") }),
    submitButton(t("signin.submit")),
  );
  const show = form.querySelector("input[name=showPassword]");
  show.addEventListener("change", () => {
    form.elements.password.type = show.checked ? "text" : "password";
  });
  handleSubmit(form, async (v) => {
    try {
      await api.signIn(v.email || undefined, v.password || undefined);
    } catch (error) {
      if (error.status === 401) {
        focusOn(showFormAlert(form, "error", paragraph(t("signin.wrong"))));
        return;
      }
      throw error;
    }
    flashNext("signin.welcome", { name: api.user()?.displayName || "" });
    location.assign(back);
  });
  fill(
    main,
    heading(1, t("signin.title"), { id: "inloggen-kop" }),
    params().get("nodig") ? alertBox("info", paragraph(t("signin.needed"))) : null,
    paragraph(t("signin.intro")),
    form,
    paragraph(link("/wachtwoord-vergeten.html", t("signin.forgotLink"))),
    paragraph(t("signin.noAccount"), " ", link(`/registreren.html?terug=${encodeURIComponent(back)}`, t("signin.registerLink"))),
  );
}
