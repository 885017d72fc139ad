// Start page: find a network (search and filters), and the networks in my
// municipality.

import { h, fill, focusOn, params, paramValues, pushParams } from "../dom.js";
import { t, label, values } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, alertBox, announce } from "../layout.js";
import { textField, selectField, submitButton, readForm } from "../forms.js";
import { networkCard, municipalityGroups, resultList } from "../views.js";
import { articleNames, articleFilterChoices } from "../articles.js";

const MY_PLACE_KEY = "themanet-gemeente";
const FILTERS = ["q", "municipality", "topic", "article", "scope", "status"];

function storedPlace() {
  try {
    return localStorage.getItem(MY_PLACE_KEY) || "";
  } catch {
    return "";
  }
}

function storePlace(code) {
  try {
    if (code) localStorage.setItem(MY_PLACE_KEY, code);
    else localStorage.removeItem(MY_PLACE_KEY);
  } catch {
    /* no storage: the choice lasts for this page */
  }
}

export async function boot(main) {
  setTitle(t("find.title"));
  const [municipalities, topicList, articles] = await Promise.all([api.municipalities().catch(() => []), api.topics().catch(() => []), articleNames()]);
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  const places = new Map(municipalities.map((m) => [m.code, m]));
  const groups = municipalityGroups(municipalities);
  const topicChoices = topicList.map((tp) => ({ value: tp.slug, label: document.documentElement.lang === "en" ? tp.nameEn : tp.nameNl }));

  const state = paramValues(FILTERS);

  // --- Search -------------------------------------------------------------
  const form = h(
    "form",
    { class: "tm-filters", role: "search", "aria-label": t("find.searchLabel") },
    h(
      "div",
      { class: "tm-filters__grid" },
      textField({ name: "q", label: t("find.q"), value: state.q, type: "search", wide: true, description: t("find.qHelp"), noOptionalMark: true }),
      selectField({ name: "municipality", label: t("find.municipality"), value: state.municipality, noOptionalMark: true, choices: [{ value: "", label: t("find.all") }], groups }),
      selectField({ name: "topic", label: t("find.topic"), value: state.topic, noOptionalMark: true, choices: [{ value: "", label: t("find.all") }, ...topicChoices] }),
      selectField({ name: "article", label: t("articles.filter"), value: state.article, noOptionalMark: true, choices: articleFilterChoices(articles) }),
      selectField({ name: "scope", label: t("find.scope"), value: state.scope, noOptionalMark: true, choices: [{ value: "", label: t("find.all") }, ...values("scope").map((v) => ({ value: v, label: label("scope", v) }))] }),
      selectField({ name: "status", label: t("find.status"), value: state.status, noOptionalMark: true, choices: [{ value: "", label: t("find.all") }, ...values("networkStatus").map((v) => ({ value: v, label: label("networkStatus", v) }))] }),
    ),
    submitButton(t("find.submit")),
  );

  const results = resultList({
    labelledBy: "resultaten-kop",
    item: (n) => networkCard(n, { names }),
    counted: (count, more) => (count === 0 ? t("find.none") : t(more ? "find.countMore" : "find.count", { count })),
    failed: (error) => (error.status === 400 ? t("find.badFilter") : t("find.failed")),
    moreLabel: t("find.more"),
  });

  function search(push) {
    const values_ = readForm(form);
    for (const k of FILTERS) state[k] = values_[k] || "";
    const query = Object.fromEntries(FILTERS.filter((k) => state[k]).map((k) => [k, state[k]]));
    if (push) pushParams(state);
    return results.show("/networks", { ...query, pageSize: 12 });
  }

  form.noValidate = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search(true);
  });
  window.addEventListener("popstate", () => {
    for (const k of FILTERS) {
      const field = form.elements[k];
      if (field) field.value = params().get(k) || "";
    }
    search(false);
  });

  // --- My municipality ------------------------------------------------------
  const mine = h("section", { "aria-labelledby": "mijn-gemeente-kop", class: "tm-panel" });
  async function myPlace() {
    let code = storedPlace();
    if (api.isSignedIn() && api.user()?.stakeholderId) {
      try {
        const me = await api.get(`/stakeholders/${api.user().stakeholderId}`);
        if (me.municipalityCode) code = me.municipalityCode;
      } catch {
        /* use the stored choice */
      }
    }
    return code;
  }

  const cards = (networks, level) => h("ul", { class: "tm-cards" }, networks.map((n) => networkCard(n, { names, level })));

  // No network in the municipality yet: those of its province and the
  // national ones, and how to start one.
  async function nearby(code, place) {
    const province = places.get(code);
    const [regional, national] = await Promise.all([
      province ? api.getPage("/networks", { province: province.provinceCode, scope: "regional", pageSize: 6 }) : { items: [] },
      api.getPage("/networks", { scope: "national", pageSize: 6 }),
    ]);
    const section = (titleText, networks, id) =>
      networks.length ? [heading(3, titleText, { id }), cards(networks, 4)] : [];
    return [
      paragraph(t("find.mineNone", { place })),
      ...section(t("find.regionalIn", { province: province?.provinceName || "" }), regional.items, "regionaal-kop"),
      ...section(t("find.national"), national.items, "landelijk-kop"),
      heading(3, t("find.startHereTitle", { place }), { id: "zelf-starten-kop" }),
      paragraph(t("find.startHereText")),
      paragraph(link(`/netwerk-starten.html?municipality=${encodeURIComponent(code)}`, t("find.startHereLink", { place }))),
    ];
  }

  async function renderMine(code, moveFocus) {
    const title = heading(2, code ? t("find.mineTitleIn", { place: names.get(code) || code }) : t("find.mineTitle"), { id: "mijn-gemeente-kop" });
    const chooser = h(
      "form",
      { class: "tm-inline-form" },
      selectField({ name: "myMunicipality", label: t("find.myMunicipality"), value: code, noOptionalMark: true, choices: [{ value: "", label: t("find.choose") }], groups }),
      h("button", { type: "submit", class: ["utrecht-button", "utrecht-button--secondary-action"] }, t("find.showMine")),
    );
    chooser.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = chooser.elements.myMunicipality.value;
      storePlace(chosen);
      renderMine(chosen, true);
    });
    if (!code) {
      fill(mine, title, paragraph(t("find.mineIntro")), chooser);
      if (moveFocus) focusOn(title);
      return;
    }
    const place = names.get(code) || code;
    let content;
    try {
      const page = await api.getPage("/networks", { municipality: code, pageSize: 6 });
      content = page.items.length
        ? [cards(page.items, 3), paragraph(link(`/?municipality=${encodeURIComponent(code)}`, t("find.mineAll", { place })))]
        : await nearby(code, place);
    } catch {
      content = [paragraph(t("find.failed"))];
    }
    fill(mine, title, ...content, chooser);
    if (moveFocus) {
      focusOn(title);
      announce(title.textContent);
    }
  }

  fill(
    main,
    heading(1, t("find.title")),
    paragraph(t("find.intro"), "tm-lead"),
    form,
    heading(2, t("find.results"), { id: "resultaten-kop" }),
    results.nodes,
    mine,
    alertBox("info", heading(2, t("find.startTitle")), paragraph(t("find.startText")), paragraph(link("/netwerk-starten.html", t("find.startLink")))),
  );
  await Promise.all([search(false), myPlace().then((code) => renderMine(code, false))]);
}
