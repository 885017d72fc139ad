// Sign up: an account with a name, e-mail address and password, and what
// kind of participant you are (an experience expert by default).

import { h, fill, params, safeReturnPath, focusOn } from "../dom.js";
import { t, label, values, lang } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, flashNext } from "../layout.js";
import { textField, radioGroup, submitButton, handleSubmit, showFormAlert, omitEmpty } from "../forms.js";

export async function boot(main) {
  setTitle(t("register.title"));
  const back = safeReturnPath(params().get("terug"), "/mijn.html");
  const form = h(
    "form",
    { "aria-labelledby": "registreren-kop" },
    textField({ name: "displayName", label: t("account.displayName"), autocomplete: "name", required: true, description: t("account.displayNameHelp") }),
    textField({ name: "email", label: t("account.email"), type: "email", autocomplete: "email", required: true, spellcheck: false, description: t("account.emailHelp") }),
    textField({ name: "password", label: t("account.password"), type: "password", autocomplete: "new-password", required: true, description: t("account.passwordHelp") }),
    radioGroup({
      name: "kind",
      legend: t("account.kind"),
      description: t("account.kindHelp"),
      value: "experience_expert",
      choices: values("kind").map((k) => ({ value: k, label: label("kind", k) })),
    }),
    submitButton(t("register.submit")),
  );
  handleSubmit(form, async (v) => {
    try {
      await api.register(omitEmpty({ displayName: v.displayName, email: v.email, password: v.password, kind: v.kind || undefined, language: lang }));
    } catch (error) {
      if (error.status === 409) {
        focusOn(showFormAlert(form, "error", paragraph(t("register.exists"), " ", link(`/inloggen.html?terug=${encodeURIComponent(back)}`, t("layout.signIn")))));
        return;
      }
      throw error;
    }
    flashNext("register.welcome", { name: v.displayName });
    location.assign(back);
  });
  fill(
    main,
    heading(1, t("register.title"), { id: "registreren-kop" }),
    paragraph(t("register.intro")),
    form,
    paragraph(t("register.privacy"), "tm-small tm-muted"),
    paragraph(t("register.haveAccount"), " ", link(`/inloggen.html?terug=${encodeURIComponent(back)}`, t("layout.signIn"))),
  );
}
