// The accessibility statement: what we aim for, what was tested and how,
// what we know is not yet right, and how to tell us.

import { h, fill } from "../dom.js";
import { t } from "../i18n.js";
import { heading, paragraph, setTitle, link } from "../layout.js";

function list(keys) {
  return h("ul", { class: "utrecht-unordered-list" }, keys.map((k) => h("li", { class: "utrecht-unordered-list__item" }, t(k))));
}

export async function boot(main) {
  setTitle(t("a11y.title"));
  fill(
    main,
    heading(1, t("a11y.title")),
    paragraph(t("a11y.intro"), "tm-lead"),
    heading(2, t("a11y.goalTitle")),
    paragraph(t("a11y.goal")),
    heading(2, t("a11y.testedTitle")),
    paragraph(t("a11y.testedIntro")),
    list(["a11y.tested1", "a11y.tested2", "a11y.tested3", "a11y.tested4", "a11y.tested5", "a11y.tested6", "a11y.tested7", "a11y.tested8", "a11y.tested9", "a11y.tested10"]),
    paragraph(t("a11y.howTested")),
    heading(2, t("a11y.builtTitle")),
    list(["a11y.built1", "a11y.built2", "a11y.built3", "a11y.built4", "a11y.built5", "a11y.built6"]),
    heading(2, t("a11y.knownTitle")),
    list(["a11y.known1", "a11y.known2", "a11y.known3", "a11y.known4"]),
    heading(2, t("a11y.privacyTitle")),
    paragraph(t("a11y.privacy")),
    heading(2, t("a11y.contactTitle")),
    paragraph(t("a11y.contact")),
    paragraph(link("/embed/voorbeeld.html", t("a11y.embedLink"))),
    paragraph(t("a11y.updated"), "tm-small tm-muted"),
  );
}
