// A forgotten password: the address, and a link by mail. The answer is the
// same whether or not an account has the address.

import { h, fill, focusOn } from "../dom.js";
import { t } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, alertBox } from "../layout.js";
import { textField, submitButton, handleSubmit } from "../forms.js";

export async function boot(main) {
  setTitle(t("forgot.title"));
  const form = h(
    "form",
    { "aria-labelledby": "vergeten-kop" },
    textField({ name: "email", label: t("account.email"), type: "email", autocomplete: "username", required: true, spellcheck: false }),
    submitButton(t("forgot.submit")),
  );
  const done = h("div");
  handleSubmit(form, async (v) => {
    await api.request("POST", "/auth/password-reset", { body: { email: v.email || undefined } });
    form.hidden = true;
    fill(done, alertBox("ok", paragraph(t("forgot.sent", { email: v.email })), paragraph(t("forgot.sentHelp"))));
    focusOn(done.firstChild);
  });
  fill(
    main,
    heading(1, t("forgot.title"), { id: "vergeten-kop" }),
    paragraph(t("forgot.intro")),
    form,
    done,
    paragraph(link("/inloggen.html", t("forgot.back"))),
  );
}
