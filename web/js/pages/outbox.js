// The outbox, for platform admins: every mail the platform wrote. Without
// SMTP settings mail waits here, so what would be sent can be read.

import { h, fill } from "../dom.js";
import { t, label, formatDate } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, setTitle, requireSignIn, alertBox } from "../layout.js";
import { selectField, errorText } from "../forms.js";
import { fact } from "../views.js";

const STATUSES = ["waiting", "sent", "failed"];

export async function boot(main) {
  if (!api.isSignedIn()) {
    requireSignIn();
    return;
  }
  setTitle(t("outbox.title"));
  if (!api.user()?.isAdmin) {
    fill(main, heading(1, t("outbox.title")), alertBox("error", paragraph(t("outbox.adminsOnly"))));
    return;
  }
  const list = h("div", { "aria-live": "polite" });
  const filter = selectField({
    name: "status",
    label: t("outbox.status"),
    value: "waiting",
    choices: [{ value: "", label: t("outbox.all") }, ...STATUSES.map((s) => ({ value: s, label: label("mailStatus", s) }))],
  });
  const select = filter.querySelector("select");
  async function render() {
    try {
      const mails = await api.getAll("/admin/outbox", select.value ? { status: select.value } : {}, 200);
      if (!mails.length) {
        fill(list, paragraph(t("outbox.empty")));
        return;
      }
      fill(
        list,
        paragraph(t("outbox.count", { count: mails.length })),
        h("ul", { class: "tm-list-plain" }, mails.map(mailItem)),
      );
    } catch (error) {
      fill(list, paragraph(errorText(error)));
    }
  }
  function mailItem(mail) {
    const body = h("div");
    const details = h(
      "details",
      { class: "tm-panel" },
      h("summary", null, `${mail.subject} · ${mail.recipient}`),
      h(
        "dl",
        { class: "tm-facts" },
        fact(t("outbox.kind"), label("mailKind", mail.kind)),
        fact(t("outbox.status"), label("mailStatus", mail.status)),
        fact(t("outbox.written"), formatDate(mail.createdAt)),
        fact(t("outbox.attempts"), String(mail.attempts)),
        mail.lastError ? fact(t("outbox.lastError"), mail.lastError) : null,
      ),
      body,
    );
    details.addEventListener("toggle", async () => {
      if (!details.open || body.childElementCount) return;
      try {
        const full = await api.get(`/admin/outbox/${mail.id}`);
        fill(body, full.text ? h("pre", { class: "tm-mail-text" }, full.text) : paragraph(t("outbox.noText")));
      } catch (error) {
        fill(body, paragraph(errorText(error)));
      }
    });
    return h("li", null, details);
  }
  select.addEventListener("change", render);
  fill(main, heading(1, t("outbox.title")), paragraph(t("outbox.intro")), filter, list);
  await render();
}
