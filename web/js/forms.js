// Form fields in NL Design System markup, and showing the API's errors:
// each entry of `invalidParams` next to the field it names, plus a summary
// at the top of the form that links to every field (WCAG 3.3.1, 3.3.3).

import { h, uid, focusOn } from "./dom.js";
import { t, lang } from "./i18n.js";
import { alertBox, paragraph, button } from "./layout.js";

function describedBy(...ids) {
  const list = ids.filter(Boolean);
  return list.length ? list.join(" ") : null;
}

function wrapper(name, extraClass, ...children) {
  return h("div", { class: ["utrecht-form-field", extraClass], dataset: { field: name } }, ...children);
}

function descriptionNode(id, text) {
  return text ? h("div", { class: ["utrecht-form-field__description", "utrecht-form-field-description"], id }, text) : null;
}

/** "(optional)" after a label, unless the field is required or says not to. */
function optionalMark(o) {
  return o.required || o.noOptionalMark ? null : h("span", { class: "tm-muted" }, ` ${t("form.optional")}`);
}

/** A labelled control with its description: a text field or a select. */
function labelledField(o, id, descId, control) {
  const field = wrapper(
    o.name,
    o.wide ? "tm-field-wide" : null,
    h("div", { class: "utrecht-form-field__label" }, h("label", { class: "utrecht-form-label", for: id }, o.label, optionalMark(o))),
    descriptionNode(descId, o.description),
    h("div", { class: "utrecht-form-field__input" }, control),
  );
  if (o.list) field.dataset.list = "true";
  return field;
}

/**
 * A text field. options: name, label, value, type, required, description,
 * autocomplete, multiline, rows, inputmode, spellcheck, list (the text is
 * a list, such as "a, b, c").
 */
export function textField(o) {
  const id = o.id || uid(`veld-${o.name}`);
  const descId = o.description ? `${id}-uitleg` : null;
  const common = {
    id,
    name: o.name,
    "aria-describedby": describedBy(descId),
    required: o.required ? true : null,
    "aria-required": o.required ? "true" : null,
    autocomplete: o.autocomplete || null,
    inputmode: o.inputmode || null,
    spellcheck: o.spellcheck === false ? "false" : null,
    dir: "auto",
  };
  const input = o.multiline
    ? h("textarea", { ...common, class: ["utrecht-textarea", "utrecht-textarea--html-textarea"], rows: o.rows || 4 })
    : h("input", {
        ...common,
        type: o.type || "text",
        class: ["utrecht-textbox", "utrecht-textbox--html-input"],
      });
  if (o.value !== undefined && o.value !== null) input.value = o.value;
  return labelledField(o, id, descId, input);
}

/**
 * A date as day-month-year text (31-12-2027), which people type more easily
 * than a date picker, and whose focus stays visible. toIsoDate() turns it into
 * the API's YYYY-MM-DD; text it can't read goes to the API as it is, which
 * then reports the field.
 */
export function dateField(o) {
  return textField({ ...o, value: fromIsoDate(o.value), autocomplete: "off", spellcheck: false });
}

export function fromIsoDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso || "";
}

export function toIsoDate(text) {
  const value = (text || "").trim();
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(value);
  if (!m) return value;
  return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
}

/** A select. options: name, label, choices [{value, label}] or groups [{label, choices}], value. */
export function selectField(o) {
  const id = o.id || uid(`veld-${o.name}`);
  const descId = o.description ? `${id}-uitleg` : null;
  const option = (c) => h("option", { value: c.value, selected: String(c.value) === String(o.value ?? "") }, c.label);
  const select = h(
    "select",
    {
      id,
      name: o.name,
      class: ["utrecht-select", "utrecht-select--html-select"],
      "aria-describedby": describedBy(descId),
      required: o.required ? true : null,
      autocomplete: o.autocomplete || null,
    },
    (o.choices || []).map(option),
    (o.groups || []).map((g) => h("optgroup", { label: g.label }, g.choices.map(option))),
  );
  return labelledField(o, id, descId, select);
}

/** One checkbox. options: name, label, checked, description, value. */
export function checkboxField(o) {
  const id = o.id || uid(`veld-${o.name}`);
  const descId = o.description ? `${id}-uitleg` : null;
  const input = h("input", {
    type: "checkbox",
    id,
    name: o.name,
    value: o.value ?? "true",
    checked: o.checked,
    class: ["utrecht-checkbox", "utrecht-checkbox--html-input", "utrecht-form-field__input"],
    "aria-describedby": describedBy(descId),
  });
  const field = wrapper(
    o.group ? null : o.name,
    "utrecht-form-field--checkbox",
    h("div", { class: "utrecht-form-field__label utrecht-form-field__label--checkbox" }, h("label", { class: ["utrecht-form-label", "utrecht-form-label--checkbox"], for: id }, input, " ", o.label)),
    descriptionNode(descId, o.description),
  );
  if (o.group) delete field.dataset.field;
  return field;
}

/** A group of radio buttons or checkboxes in a fieldset. */
function choiceGroup(type, o) {
  const id = uid(`groep-${o.name}`);
  const descId = o.description ? `${id}-uitleg` : null;
  const selected = new Set((Array.isArray(o.value) ? o.value : [o.value]).filter((v) => v !== undefined && v !== null).map(String));
  const items = o.choices.map((c) => {
    const inputId = uid(`${o.name}-${c.value}`);
    const input = h("input", {
      type,
      id: inputId,
      name: o.name,
      value: c.value,
      checked: selected.has(String(c.value)),
      class: type === "radio" ? ["utrecht-radio-button", "utrecht-radio-button--html-input", "utrecht-form-field__input"] : ["utrecht-checkbox", "utrecht-checkbox--html-input", "utrecht-form-field__input"],
    });
    if (o.onChange) input.addEventListener("change", o.onChange);
    return h(
      "div",
      { class: ["utrecht-form-field", type === "radio" ? "utrecht-form-field--radio" : "utrecht-form-field--checkbox"] },
      h("div", { class: "utrecht-form-field__label" }, h("label", { class: ["utrecht-form-label", `utrecht-form-label--${type === "radio" ? "radio" : "checkbox"}`], for: inputId }, input, " ", c.label)),
    );
  });
  return h(
    "div",
    { class: ["utrecht-form-fieldset", "utrecht-form-fieldset--html-fieldset", o.wide ? "tm-field-wide" : null], dataset: { field: o.name } },
    h(
      "fieldset",
      { class: "utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset", "aria-describedby": describedBy(descId) },
      h("legend", { class: ["utrecht-form-fieldset__legend", "utrecht-form-fieldset__legend--html-legend", "utrecht-form-label"] }, o.legend, optionalMark(o)),
      o.description ? h("div", { class: "utrecht-form-field-description", id: descId }, o.description) : null,
      h("div", { class: o.columns === false ? null : "tm-checkbox-list" }, items),
    ),
  );
}

export const radioGroup = (o) => choiceGroup("radio", { ...o, required: o.required ?? true });
export const checkboxGroup = (o) => choiceGroup("checkbox", o);

/** Reads a form: text fields as trimmed strings, checkbox groups as arrays. */
export function readForm(form) {
  const out = {};
  for (const element of form.elements) {
    if (!element.name || element.disabled) continue;
    if (element.type === "checkbox") {
      const group = form.querySelectorAll(`input[type=checkbox][name="${element.name}"]`);
      if (group.length > 1 || element.closest(".utrecht-form-fieldset")) {
        out[element.name] ??= [];
        if (element.checked) out[element.name].push(element.value);
      } else {
        out[element.name] = element.checked;
      }
    } else if (element.type === "radio") {
      if (element.checked) out[element.name] = element.value;
      else out[element.name] ??= null;
    } else if (element.tagName !== "BUTTON") {
      out[element.name] = element.value.trim();
    }
  }
  return out;
}

/** Leaves out empty texts, so that the API reports a missing required field as such. */
export function omitEmpty(values) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "" && v !== undefined));
}

/** Empty text -> null (so that PATCH clears the field); otherwise the text. */
export const orNull = (text) => (text === "" || text === undefined ? null : text);

/** "a, b ,c" -> ["a", "b", "c"] */
export const splitList = (text) =>
  (text || "")
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

// The API describes each invalid field with data: a `code`, and where it
// helps, `expected` (what exactly the code is about) and `minimum` and
// `maximum` (the bounds of a length or a range). Our words come from those
// alone. Its `reason` is English prose for people: we show it only in
// English, and only where we have nothing more specific to say.

// Texts by code and `expected`.
const EXPECTED = {
  required: { note: "answerNote", localPlace: "municipality", audience: "audience", cancelReason: "cancelReason", declineReason: "declineReason", hiddenReason: "hiddenReason" },
  format: {
    email: "email",
    url: "url",
    publicUrl: "publicUrl",
    webhookUrl: "webhookUrl",
    slug: "slug",
    phone: "phone",
    dateTime: "date",
    date: "date",
    text: "controlCharacter",
    wholeNumber: "wholeNumber",
    cursor: "cursor",
    value: "emptyValue",
  },
  reference: {
    network: "network",
    stakeholder: "stakeholder",
    goal: "goal",
    member: "member",
    topic: "topic",
    municipality: "municipality",
    province: "province",
    agendaItem: "agendaItem",
  },
  consent: { shareContact: "consentContact", accessNeedsConsent: "consentAccess", needsConsent: "consentNeeds" },
  duplicate: { registration: "registeredAlready", support: "supportedAlready", pulse: "answeredAlready", report: "reportedAlready" },
  range: { registrations: "placesTaken" },
  rule: {
    parentScope: "parentScope",
    childScope: "childScope",
    goalCycle: "goalCycle",
    goalDepth: "goalDepth",
    province: "provinceOfMunicipality",
    nationalProvince: "nationalProvince",
    ownWords: "ownWords",
    accepting: "accepting",
    endsAfterStart: "endsAfterStart",
    meetingOpen: "meetingOpen",
    meetingHeld: "meetingHeld",
    agendaOpen: "agendaOpen",
    topLevelMessage: "topLevelMessage",
    houseRulesVersion: "houseRulesVersion",
    parentOrNationalNetwork: "questionTarget",
    otherNetwork: "otherNetwork",
    openQuestion: "openQuestion",
    laterStatus: "laterStatus",
    onAgenda: "onAgenda",
    raised: "questionReceived",
  },
};

// The general text of each code, for an `expected` we do not know (or
// none). Codes not listed here get the most general text.
const CODES = {
  required: "required",
  enum: "oneOf",
  format: "format",
  length: "length",
  range: "range",
  reference: "reference",
  consent: "consent",
  rule: "rule",
  weak_password: "weak_password",
};

// Codes whose general text says all there is to say, in both languages.
const COMPLETE = ["required", "enum", "weak_password"];

const bound = (value) => (Number.isInteger(value) ? value : null);

/** The text for bounds: of a length (characters) or a range (a number). */
function boundsKey(code, minimum, maximum) {
  const [min, max] = [bound(minimum), bound(maximum)];
  const keys = code === "length" ? ["lengthBetween", "lengthMin", "lengthMax"] : ["numberBetween", "numberMin", "numberMax"];
  if (min !== null && max !== null) return { key: keys[0], vars: { min, max } };
  if (min !== null) return { key: keys[1], vars: { min } };
  if (max !== null) return { key: keys[2], vars: { max } };
  return null;
}

/**
 * Our own words for one entry of invalidParams, as a key under `reasons`
 * of the language files with its values, or null when we have nothing more
 * specific than the code's general text. `list`: the field holds a list
 * (tags, or choices), whose `length` may count entries rather than
 * characters.
 */
export function reasonKey({ code, expected, minimum, maximum } = {}, { list = false } = {}) {
  const specific = EXPECTED[code]?.[expected];
  if (specific) return { key: specific, vars: { min: minimum, max: maximum } };
  if ((code === "length" && !list) || code === "range") {
    const bounded = boundsKey(code, minimum, maximum);
    if (bounded) return bounded;
  }
  if (COMPLETE.includes(code)) return { key: CODES[code], vars: {} };
  return null;
}

/**
 * Plain-language text for one entry of invalidParams (see reasonKey). With
 * nothing specific to say: in English the API's own reason, in Dutch the
 * general text of its code.
 */
export function reasonText(param, context) {
  const known = reasonKey(param, context);
  if (known) return t(`reasons.${known.key}`, known.vars);
  const reason = param?.reason;
  if (lang === "en" && reason) return reason.charAt(0).toUpperCase() + reason.slice(1) + ".";
  return t(`reasons.${CODES[param?.code] || "general"}`);
}

/** Removes every error shown in a form. */
export function clearErrors(form) {
  form.querySelectorAll(".tm-error-summary, .tm-form-alert").forEach((n) => n.remove());
  form.querySelectorAll(".utrecht-form-field-error-message[data-error]").forEach((n) => n.remove());
  form.querySelectorAll(".utrecht-form-field--invalid, .utrecht-form-fieldset--invalid").forEach((n) => n.classList.remove("utrecht-form-field--invalid", "utrecht-form-fieldset--invalid"));
  form.querySelectorAll("[aria-invalid]").forEach((input) => {
    input.removeAttribute("aria-invalid");
    const ids = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.endsWith("-fout"));
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  });
  form.querySelectorAll(".utrecht-textbox--invalid, .utrecht-select--invalid, .utrecht-textarea--invalid").forEach((n) => n.classList.remove("utrecht-textbox--invalid", "utrecht-select--invalid", "utrecht-textarea--invalid"));
}

function fieldLabel(field) {
  const legend = field.querySelector("legend");
  const labelNode = legend || field.querySelector("label");
  if (!labelNode) return field.dataset.field;
  const clone = labelNode.cloneNode(true);
  clone.querySelectorAll(".tm-muted, input").forEach((n) => n.remove());
  return clone.textContent.trim();
}

/**
 * Shows invalidParams next to their fields, with a summary that links to
 * them; focuses the summary. Returns true when there was something to show.
 * fieldMap maps API names to form field names when they differ.
 */
export function showInvalid(form, invalidParams, fieldMap = {}) {
  clearErrors(form);
  if (!invalidParams.length) return false;
  const items = [];
  const seen = new Map();
  for (const param of invalidParams) {
    const base = String(param.name).replace(/\[.*$/, "").replace(/\..*$/, "");
    const fieldName = fieldMap[base] || base;
    const field = form.querySelector(`[data-field="${CSS.escape(fieldName)}"]`);
    if (!field) {
      items.push(h("li", null, reasonText(param)));
      continue;
    }
    const input = field.querySelector("input, select, textarea");
    // An empty field that is "too short" simply needs filling in.
    const empty = input && /^(INPUT|TEXTAREA)$/.test(input.tagName) && !["checkbox", "radio"].includes(input.type) && input.value.trim() === "";
    const list = field.dataset.list === "true" || (field.classList.contains("utrecht-form-fieldset") && Boolean(field.querySelector("input[type=checkbox]")));
    const text = empty && param.code === "length" ? t("reasons.required") : reasonText(param, { list });
    let message = seen.get(field);
    if (!message) {
      const errorId = `${input?.id || uid("veld")}-fout`;
      message = h("p", { class: ["utrecht-form-field-error-message", "tm-field-error"], id: errorId, dataset: { error: "true" } });
      seen.set(field, message);
      const isGroup = field.classList.contains("utrecht-form-fieldset");
      field.classList.add(isGroup ? "utrecht-form-fieldset--invalid" : "utrecht-form-field--invalid");
      if (isGroup) {
        const fieldset = field.querySelector("fieldset");
        fieldset.querySelector("legend").after(message);
        fieldset.setAttribute("aria-describedby", describedBy(fieldset.getAttribute("aria-describedby"), errorId));
        field.querySelectorAll("input").forEach((i) => i.setAttribute("aria-invalid", "true"));
      } else {
        field.querySelector(".utrecht-form-field__input, .utrecht-form-field__label").before(message);
        if (field.classList.contains("utrecht-form-field--checkbox")) field.querySelector(".utrecht-form-field__label").after(message);
        if (input) {
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", describedBy(input.getAttribute("aria-describedby"), errorId));
          if (input.classList.contains("utrecht-textbox")) input.classList.add("utrecht-textbox--invalid");
          if (input.classList.contains("utrecht-select")) input.classList.add("utrecht-select--invalid");
          if (input.classList.contains("utrecht-textarea")) input.classList.add("utrecht-textarea--invalid");
        }
      }
      items.push(h("li", null, h("a", { href: `#${input?.id}`, on: { click: (e) => { e.preventDefault(); input?.focus(); } } }, `${fieldLabel(field)}: ${text}`)));
    }
    message.textContent = message.textContent ? `${message.textContent} ${text}` : text;
  }
  const summary = h(
    "div",
    { class: "tm-error-summary", role: "group", "aria-labelledby": "" },
    h("h2", { class: "tm-error-summary__title" }, t("form.errorSummary", { count: items.length })),
    h("ul", null, items),
  );
  const titleId = uid("foutoverzicht");
  summary.firstChild.id = titleId;
  summary.setAttribute("aria-labelledby", titleId);
  form.prepend(summary);
  focusOn(summary);
  return true;
}

/** Shows a general error (not tied to a field) at the top of a form. */
export function showFormAlert(form, kind, ...content) {
  clearErrors(form);
  const box = alertBox(kind, ...content);
  box.classList.add("tm-form-alert");
  box.setAttribute("role", "alert");
  form.prepend(box);
  return box;
}

/** Plain words for an API error that has no field list. */
export function errorText(error) {
  if (!error || error.status === undefined) return t("errors.general");
  switch (error.status) {
    case 0:
      return t("errors.offline");
    case 401:
      return t("errors.unauthorized");
    case 403:
      return t("errors.forbidden");
    case 404:
      return t("errors.notFound");
    case 409:
      return t("errors.conflict");
    case 412:
      return t("errors.stale");
    case 413:
      return t("errors.tooLarge");
    case 429:
      return t("errors.tooMany", { seconds: error.retryAfter || 60 });
    case 503:
      return t("errors.unavailable");
    default:
      return t("errors.general");
  }
}

/**
 * Wires a form: on submit, runs `action(values)`; shows field errors from a
 * 400, or a general message for other errors (409 keeps the server's own
 * detail in English when we have no better words). While busy the submit
 * button says so and can't be pressed twice.
 */
export function handleSubmit(form, action, { onConflict, fieldMap } = {}) {
  form.noValidate = true;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const submit = form.querySelector("button[type=submit]");
    if (submit?.getAttribute("aria-disabled") === "true") return;
    submit?.setAttribute("aria-disabled", "true");
    submit?.classList.add("utrecht-button--busy");
    try {
      clearErrors(form);
      await action(readForm(form), form);
    } catch (error) {
      if (error?.status === 400 && error.invalidParams.length) {
        showInvalid(form, error.invalidParams, fieldMap);
      } else if (error?.status === 412 && onConflict) {
        onConflict(error);
      } else if (error?.status !== undefined) {
        const box = showFormAlert(form, "error", paragraph(errorText(error)));
        focusOn(box);
      } else {
        console.error(error);
        const box = showFormAlert(form, "error", paragraph(t("errors.general")));
        focusOn(box);
      }
    } finally {
      submit?.removeAttribute("aria-disabled");
      submit?.classList.remove("utrecht-button--busy");
    }
  });
  return form;
}

export function submitButton(text) {
  return h("button", { type: "submit", class: ["utrecht-button", "utrecht-button--primary-action", "utrecht-button--submit"] }, text);
}

export function buttonRow(...buttons) {
  return h("div", { class: ["utrecht-button-group", "tm-actions"] }, ...buttons);
}

export { button };
