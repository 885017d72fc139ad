// Endorsements: members say whether they support a goal or have a concern,
// with a comment ("tested with everyone involved"). Each member chooses who
// reads theirs: the network's members (the default), or everyone who may see
// the goal.

import { h, fill, uid, focusOn } from "./dom.js";
import { t, label, formatDate } from "./i18n.js";
import * as api from "./api.js";
import { paragraph, announce } from "./layout.js";
import { radioGroup, textField, submitButton, handleSubmit, buttonRow, button, errorText } from "./forms.js";

/** Loads and shows the endorsements of a goal into `box`. */
async function showList(goal, box) {
  fill(box, paragraph(t("endorse.loading")));
  try {
    const items = await api.getAll(`/goals/${goal.id}/endorsements`);
    const hidden = goal.supportCount + goal.concernCount - items.length;
    const forMembers = hidden > 0 ? paragraph(t("endorse.membersOnly", { count: hidden })) : null;
    if (!items.length) {
      fill(box, forMembers || paragraph(t("endorse.none")));
      return;
    }
    fill(
      box,
      h(
        "ul",
        { class: "tm-list-plain", "aria-label": t("endorse.listLabel", { title: goal.title }) },
        items.map((e) =>
          h(
            "li",
            null,
            h("strong", null, e.name || t("endorse.anonymous")),
            " · ",
            label("stance", e.stance),
            " · ",
            h("span", { class: "tm-small tm-muted" }, formatDate(e.updatedAt)),
            " · ",
            h("span", { class: "tm-small tm-muted" }, t(`endorse.shownTo.${e.visibility}`)),
            e.comment ? h("p", { class: "tm-quote" }, e.comment) : null,
          ),
        ),
      ),
      forMembers,
    );
  } catch (error) {
    fill(box, paragraph(errorText(error)));
  }
}

/**
 * Buttons under a goal: "show reactions" for everyone, and "react" for
 * members. onSaved() runs after a new endorsement (to refresh the counts).
 */
export function endorsementControls(goal, { canEndorse, onSaved }) {
  const listBox = h("div", { class: "tm-panel", hidden: true, id: uid("reacties") });
  const formBox = h("div", { class: "tm-editor", hidden: true });
  const count = goal.supportCount + goal.concernCount;
  const showButton = count
    ? button(t("endorse.show", { count }), {
        "aria-expanded": "false",
        "aria-controls": listBox.id,
        on: {
          click: async () => {
            const open = showButton.getAttribute("aria-expanded") === "true";
            showButton.setAttribute("aria-expanded", String(!open));
            listBox.hidden = open;
            if (!open) await showList(goal, listBox);
          },
        },
      }, "subtle")
    : null;

  let reactButton = null;
  if (canEndorse) {
    reactButton = button(t("endorse.react"), {
      "aria-expanded": "false",
      on: {
        click: () => {
          const open = !formBox.hidden;
          if (open) {
            formBox.hidden = true;
            reactButton.setAttribute("aria-expanded", "false");
            return;
          }
          const titleId = uid("reageer");
          const form = h(
            "form",
            { "aria-labelledby": titleId },
            h("h4", { class: "utrecht-heading-4", id: titleId }, t("endorse.formTitle", { title: goal.title })),
            radioGroup({
              name: "stance",
              legend: t("endorse.stance"),
              value: "support",
              columns: false,
              choices: [
                { value: "support", label: t("endorse.support") },
                { value: "concern", label: t("endorse.concern") },
              ],
            }),
            textField({ name: "comment", label: t("endorse.comment"), multiline: true, rows: 3, description: t("endorse.commentHelp") }),
            radioGroup({
              name: "visibility",
              legend: t("endorse.visibility"),
              value: "members",
              columns: false,
              choices: [
                { value: "members", label: t("endorse.visibilityMembers") },
                { value: "public", label: t("endorse.visibilityPublic") },
              ],
            }),
            buttonRow(
              submitButton(t("endorse.submit")),
              button(t("dialog.cancel"), {
                on: {
                  click: () => {
                    formBox.hidden = true;
                    reactButton.setAttribute("aria-expanded", "false");
                    reactButton.focus();
                  },
                },
              }),
            ),
          );
          handleSubmit(form, async (values) => {
            await api.request("POST", `/goals/${goal.id}/endorsements`, { body: { stance: values.stance || "support", comment: values.comment, visibility: values.visibility || "members" } });
            announce(t("endorse.saved"));
            formBox.hidden = true;
            reactButton.setAttribute("aria-expanded", "false");
            if (onSaved) await onSaved(goal);
          });
          fill(formBox, form);
          formBox.hidden = false;
          reactButton.setAttribute("aria-expanded", "true");
          focusOn(form.querySelector("input"));
        },
      },
    });
  }
  if (!showButton && !reactButton) return null;
  return h("div", null, buttonRow(reactButton, showButton), formBox, listBox);
}
