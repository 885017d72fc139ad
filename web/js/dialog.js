// Modal dialogs with the native <dialog> element: the rest of the page is
// inert while it is open, Escape closes it, and focus goes back to where it
// was. Used to confirm a step that can't be undone, and to explain a
// conflict (412: someone else changed the same thing first).

import { h, uid, focusOn } from "./dom.js";
import { t } from "./i18n.js";
import { paragraph } from "./layout.js";

/**
 * Opens a dialog. options: title, body (nodes), actions [{label, value,
 * appearance}], kind ("warning" or null). Resolves to the value of the
 * chosen action, or null when closed with Escape.
 */
export function openDialog({ title, body = [], actions, kind = null }) {
  return new Promise((resolve) => {
    const before = document.activeElement;
    const titleId = uid("dialoog-titel");
    const bodyId = uid("dialoog-tekst");
    const dialog = h(
      "dialog",
      {
        class: ["tm-dialog", kind ? `tm-dialog--${kind}` : null],
        "aria-labelledby": titleId,
        "aria-describedby": bodyId,
      },
      h("h2", { class: ["utrecht-heading-2", "tm-dialog__title"], id: titleId }, title),
      h("div", { id: bodyId }, body),
      h(
        "div",
        { class: ["utrecht-button-group", "tm-actions"] },
        actions.map((action) =>
          h(
            "button",
            {
              type: "button",
              class: ["utrecht-button", `utrecht-button--${action.appearance || "secondary-action"}`, action.danger ? "utrecht-button--danger" : null],
              dataset: { value: action.value },
              on: { click: () => close(action.value) },
            },
            action.label,
          ),
        ),
      ),
    );
    let done = false;
    function close(value) {
      if (done) return;
      done = true;
      dialog.close();
      dialog.remove();
      if (before && document.contains(before)) before.focus();
      resolve(value);
    }
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(null);
    });
    document.body.append(dialog);
    dialog.showModal();
    // Start on the first button that does not destroy anything.
    const first = dialog.querySelector("button[data-value='cancel'], button");
    focusOn(first);
  });
}

/** Asks to confirm; resolves true when confirmed. */
export async function confirmDialog({ title, text, confirmLabel, danger = false }) {
  const value = await openDialog({
    title,
    body: [paragraph(text)],
    kind: danger ? "warning" : null,
    actions: [
      { label: t("dialog.cancel"), value: "cancel" },
      { label: confirmLabel, value: "ok", appearance: "primary-action", danger },
    ],
  });
  return value === "ok";
}

/**
 * Explains a 412 (someone else changed it first) and offers to load the
 * new version. Resolves true when the person wants to reload.
 */
export async function conflictDialog() {
  const value = await openDialog({
    title: t("conflict.title"),
    kind: "warning",
    body: [paragraph(t("conflict.text")), paragraph(t("conflict.hint"))],
    actions: [
      { label: t("conflict.keep"), value: "cancel" },
      { label: t("conflict.reload"), value: "reload", appearance: "primary-action" },
    ],
  });
  return value === "reload";
}
