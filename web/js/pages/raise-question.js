// Raising a question to the level above (`?netwerk=N`), or changing one
// before it is received (`?vraag=ID`): to the network's parent or a
// national network, with the question, why it goes beyond the network's
// own level, what was tried and links.

import { h, fill, idParam } from "../dom.js";
import { t } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, flashNext, requireSignIn } from "../layout.js";
import { textField, selectField, submitButton, handleSubmit, showInvalid } from "../forms.js";

const FIELDS = ["title", "question", "beyond", "tried"];

export async function boot(main) {
  if (!api.isSignedIn()) return requireSignIn();
  const questionId = idParam("vraag");
  let question = null;
  let etag = null;
  if (questionId) ({ data: question, etag } = await api.getWithTag(`/questions/${questionId}`));
  const networkId = question ? question.raisedBy.id : idParam("netwerk");
  if (!networkId) {
    const error = new Error("no network");
    error.status = 404;
    throw error;
  }
  const [network, national] = await Promise.all([api.get(`/networks/${networkId}`), api.getAll("/networks", { scope: "national" }, 500).catch(() => [])]);
  const pageTitle = question ? t("questions.editPageTitle") : t("questions.raiseTitle", { name: network.name });
  setTitle(pageTitle);

  const targets = [];
  if (network.parent) targets.push({ value: network.parent.id, label: t("questions.toParent", { name: network.parent.name }) });
  for (const n of national) if (n.id !== network.id && n.id !== network.parent?.id) targets.push({ value: n.id, label: n.name });

  const form = h(
    "form",
    { class: "tm-form", "aria-labelledby": "vraag-formulier-kop" },
    question
      ? paragraph(t("questions.raisedToFixed", { name: question.raisedTo.name }))
      : selectField({ name: "toNetworkId", label: t("questions.toField"), description: t("questions.toHelp"), required: true, choices: [{ value: "", label: t("questions.choose") }, ...targets], value: "" }),
    textField({ name: "title", label: t("questions.titleField"), required: true, value: question?.title }),
    textField({ name: "question", label: t("questions.questionField"), required: true, multiline: true, rows: 5, value: question?.question }),
    textField({ name: "beyond", label: t("questions.beyondField"), required: true, multiline: true, rows: 4, description: t("questions.beyondHelp"), value: question?.beyond }),
    textField({ name: "tried", label: t("questions.triedField"), multiline: true, rows: 3, value: question?.tried }),
    textField({ name: "links", label: t("questions.linksField"), multiline: true, rows: 3, description: t("questions.linksHelp"), value: question?.links.join("\n") }),
    submitButton(question ? t("questions.save") : t("questions.raise")),
  );
  // Every link's error shows at the one field that holds them.
  const fieldMap = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`links[${i}]`, "links"]));
  handleSubmit(
    form,
    async (v) => {
      const body = Object.fromEntries(FIELDS.map((name) => [name, v[name]]));
      body.links = v.links.split("\n").map((l) => l.trim()).filter(Boolean);
      let result;
      try {
        if (question) {
          result = await api.request("PATCH", `/questions/${question.id}`, { body, ifMatch: etag });
        } else {
          body.toNetworkId = v.toNetworkId ? Number(v.toNetworkId) : null;
          result = await api.request("POST", `/networks/${networkId}/questions`, { body });
        }
      } catch (error) {
        if (error.status === 409) return showInvalid(form, error.invalidParams, fieldMap);
        throw error;
      }
      flashNext(question ? "questions.saved" : "questions.raised", { title: result.data.title });
      location.assign(`/vraag.html?id=${result.data.id}`);
    },
    { fieldMap },
  );

  fill(
    main,
    h("p", { class: "utrecht-paragraph" }, link(question ? `/vraag.html?id=${question.id}` : `/netwerk.html?id=${networkId}`, question ? t("questions.backToQuestion") : t("documents.back", { name: network.name }))),
    heading(1, pageTitle, { id: "vraag-formulier-kop" }),
    paragraph(t("questions.raiseIntro"), "tm-lead"),
    form,
  );
}
