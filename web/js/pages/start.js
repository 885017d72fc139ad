// Start a network, guided by the seeds' steps: a concrete theme, what the
// theme needs, an ambition with small steps; then invite members and form a
// core group (on the manage page).

import { h, fill, params } from "../dom.js";
import { t } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, flashNext } from "../layout.js";
import { submitButton, handleSubmit } from "../forms.js";
import { networkFields } from "../network-form.js";

export async function boot(main) {
  setTitle(t("start.title"));
  const title = heading(1, t("start.title"), { id: "starten-kop" });
  const guide = h(
    "ol",
    { class: "tm-guide", "aria-label": t("start.guideLabel") },
    ["guide1", "guide2", "guide3", "guide4", "guide5"].map((k) => h("li", null, t(`start.${k}`))),
  );
  if (!api.isSignedIn()) {
    const back = encodeURIComponent(location.pathname + location.search);
    fill(
      main,
      title,
      paragraph(t("start.intro"), "tm-lead"),
      guide,
      paragraph(t("start.signInFirst")),
      paragraph(link(`/inloggen.html?terug=${back}`, t("layout.signIn")), " · ", link(`/registreren.html?terug=${back}`, t("layout.register"))),
    );
    return;
  }
  // From "start one in your municipality" on the start page.
  const municipalityCode = params().get("municipality") || undefined;
  const { fieldsets, toBody } = await networkFields({ municipalityCode }, { editing: false });
  const form = h("form", { "aria-labelledby": "starten-kop" }, fieldsets, submitButton(t("start.submit")));
  handleSubmit(form, async (v) => {
    const result = await api.request("POST", "/networks", { body: toBody(v) });
    flashNext("start.started", { name: result.data.name });
    location.assign(`/netwerk-beheren.html?id=${result.data.id}&start=1`);
  });
  fill(main, title, paragraph(t("start.intro"), "tm-lead"), guide, paragraph(t("start.formIntro")), form);
}
