// The fields of a network, grouped in the steps the seeds advise: a
// concrete theme, where, what the theme needs, an ambition, how you work
// together. Used to start a network and to edit one.

import { h } from "./dom.js";
import { t, label, values, lang } from "./i18n.js";
import * as api from "./api.js";
import { paragraph } from "./layout.js";
import { textField, selectField, radioGroup, checkboxGroup, orNull } from "./forms.js";
import { municipalityGroups, provinceChoices } from "./views.js";
import { articleNames, articleField, articleNumbers } from "./articles.js";

function step(number, total, title, tip, ...fields) {
  return h(
    "fieldset",
    { class: "tm-step-fieldset" },
    h("legend", null, t("start.stepOf", { number, total }), " ", title),
    tip ? h("div", { class: "tm-tip" }, paragraph(tip)) : null,
    ...fields,
  );
}

/**
 * Builds the fieldsets. value: an existing network (when editing).
 * Returns { fieldsets, toBody(values) }.
 */
export async function networkFields(value = {}, { editing = false } = {}) {
  const [municipalities, topics, regional, national, articles] = await Promise.all([
    api.municipalities().catch(() => []),
    api.topics().catch(() => []),
    api.getAll("/networks", { scope: "regional" }, 300).catch(() => []),
    api.getAll("/networks", { scope: "national" }, 300).catch(() => []),
    articleNames(),
  ]);
  const scope = value.scope || "local";
  const parents = [...national, ...regional].filter((n) => n.id !== value.id);
  const total = editing ? 6 : 5;

  const municipalityField = selectField({
    name: "municipalityCode",
    label: t("start.municipality"),
    value: value.municipalityCode || "",
    description: t("start.municipalityHelp"),
    choices: [{ value: "", label: t("find.choose") }],
    groups: municipalityGroups(municipalities),
  });
  const regionField = textField({ name: "region", label: t("start.region"), value: value.region, description: t("start.regionHelp") });
  const provinceField = selectField({
    name: "provinceCode",
    label: t("start.province"),
    value: value.provinceCode || "",
    description: t("start.provinceHelp"),
    choices: [{ value: "", label: t("start.noProvince") }, ...provinceChoices(municipalities)],
  });
  const showPlace = (s) => {
    municipalityField.hidden = s !== "local";
    regionField.hidden = s === "national";
    provinceField.hidden = s !== "regional";
  };
  showPlace(scope);

  const fieldsets = [
    step(
      1,
      total,
      t("start.step1"),
      t("start.tip1"),
      textField({ name: "name", label: t("start.name"), required: true, value: value.name, description: t("start.nameHelp") }),
      textField({ name: "theme", label: t("start.theme"), required: true, value: value.theme, description: t("start.themeHelp") }),
      topics.length
        ? checkboxGroup({
            name: "topics",
            legend: t("start.topics"),
            value: value.topics || [],
            choices: topics.map((tp) => ({ value: tp.slug, label: lang === "en" ? tp.nameEn : tp.nameNl })),
          })
        : null,
      articleField(articles, value.articles || []),
    ),
    step(
      2,
      total,
      t("start.step2"),
      t("start.tip2"),
      radioGroup({
        name: "scope",
        legend: t("start.scope"),
        value: scope,
        columns: false,
        choices: values("scope").map((s) => ({ value: s, label: t(`start.scopeChoice.${s}`) })),
        onChange: (event) => showPlace(event.target.value),
      }),
      municipalityField,
      regionField,
      provinceField,
      selectField({
        name: "parentId",
        label: t("start.parent"),
        value: value.parentId ? String(value.parentId) : "",
        description: t("start.parentHelp"),
        choices: [{ value: "", label: t("start.noParent") }, ...parents.map((n) => ({ value: String(n.id), label: `${n.name} (${label("scope", n.scope)})` }))],
      }),
    ),
    step(
      3,
      total,
      t("start.step3"),
      t("start.tip3"),
      textField({ name: "needs", label: t("start.needs"), multiline: true, value: value.needs, description: t("start.needsHelp") }),
      textField({ name: "description", label: t("start.description"), multiline: true, value: value.description, description: t("start.descriptionHelp") }),
    ),
    step(
      4,
      total,
      t("start.step4"),
      t("start.tip4"),
      textField({ name: "ambition", label: t("start.ambition"), multiline: true, value: value.ambition, description: t("start.ambitionHelp") }),
    ),
    step(
      5,
      total,
      t("start.step5"),
      t("start.tip5"),
      textField({ name: "communication", label: t("start.communication"), multiline: true, rows: 3, value: value.communication, description: t("start.communicationHelp") }),
      textField({ name: "contact", label: t("start.contact"), value: value.contact, description: t("start.contactHelp") }),
      radioGroup({
        name: "visibility",
        legend: t("start.visibility"),
        value: value.visibility || "public",
        columns: false,
        choices: values("visibility").map((v) => ({ value: v, label: t(`start.visibilityChoice.${v}`) })),
      }),
    ),
    editing
      ? step(
          6,
          total,
          t("start.step6"),
          null,
          selectField({
            name: "status",
            label: t("start.status"),
            value: value.status,
            noOptionalMark: true,
            choices: values("networkStatus").map((s) => ({ value: s, label: label("networkStatus", s) })),
          }),
        )
      : null,
  ];

  function toBody(v) {
    const body = {
      name: editing ? v.name : v.name || undefined,
      theme: editing ? v.theme : v.theme || undefined,
      topics: v.topics || [],
      articles: articleNumbers(v.articles),
      scope: v.scope || undefined,
      municipalityCode: v.scope === "local" ? orNull(v.municipalityCode) : null,
      region: v.scope === "national" ? null : orNull(v.region),
      // A local network's province follows from its municipality.
      provinceCode: v.scope === "regional" ? orNull(v.provinceCode) : null,
      parentId: v.parentId ? Number(v.parentId) : null,
      needs: orNull(v.needs),
      description: orNull(v.description),
      ambition: orNull(v.ambition),
      communication: orNull(v.communication),
      contact: orNull(v.contact),
      visibility: v.visibility || undefined,
    };
    if (editing) body.status = v.status;
    return body;
  }

  return { fieldsets, toBody };
}
