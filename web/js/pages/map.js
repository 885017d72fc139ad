// The map of inclusive municipalities: the Netherlands, Flanders and
// Brussels, each municipality shaded by the measure the visitor picks
// (drawn by the server, so the embed and a report show the same), each a
// link to its networks; beside it, a sortable table with the same figures
// and a summary in words. A visitor can narrow it to the networks that
// work on one article of the UN Convention.

import { h, fill, focusOn, paramValues, pushParams } from "../dom.js";
import { t, label, values, formatNumber, lang } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, announce, visuallyHidden } from "../layout.js";
import { radioGroup, checkboxField, selectField } from "../forms.js";
import { articleNames, articleFilterChoices } from "../articles.js";

const COLUMNS = [
  { key: "name", text: "map.colName" },
  { key: "provinceName", text: "map.colProvince" },
  { key: "activeNetworks", text: "map.colActive", number: true },
  { key: "goalsAchieved", text: "map.colGoals", number: true },
  { key: "experienceExperts", text: "map.colExperts", number: true },
];

export async function boot(main) {
  setTitle(t("map.title"));
  const state = paramValues(["measure", "article"]);
  let measure = values("mapMeasure").includes(state.measure) ? state.measure : "active_networks";
  const articles = await articleNames();
  let article = articles.has(Number(state.article)) ? state.article : "";
  const only = () => (article ? { article } : {});
  let figures = await api.get("/map/municipalities", only());

  // --- The map ---------------------------------------------------------------
  const drawing = h("div", { class: "tm-map-box" });
  async function draw() {
    const r = await api.request("GET", "/map/municipalities.svg", { query: { measure, lang, ...only() }, as: "text" });
    drawing.innerHTML = r.data;
  }
  const choice = radioGroup({
    name: "measure",
    legend: t("map.measure"),
    value: measure,
    choices: values("mapMeasure").map((v) => ({ value: v, label: label("mapMeasure", v) })),
    onChange: async (event) => {
      measure = event.target.value;
      pushParams({ measure, article });
      await draw();
      announce(t("map.shown", { measure: label("mapMeasure", measure) }));
    },
  });

  const summary = h("p", { class: "utrecht-paragraph tm-lead" });
  const summarise = () => {
    const counts = { count: figures.municipalitiesWithActiveNetwork, networks: formatNumber(figures.activeNetworks) };
    summary.textContent = article ? t("map.summaryArticle", { ...counts, article: articles.get(Number(article)) }) : t("map.summary", counts);
  };
  const articleChoice = selectField({ name: "article", label: t("articles.filter"), value: article, noOptionalMark: true, description: t("map.articleHelp"), choices: articleFilterChoices(articles) });
  articleChoice.querySelector("select").addEventListener("change", async (event) => {
    article = event.target.value;
    pushParams({ measure, article });
    figures = await api.get("/map/municipalities", only());
    summarise();
    renderTable();
    await draw();
    announce(summary.textContent);
  });

  // --- The table -------------------------------------------------------------
  let sortKey = "activeNetworks";
  let descending = true;
  const tableBox = h("div", { class: "tm-table-box" });
  const all = checkboxField({ name: "all", label: t("map.showAll"), description: t("map.showAllHelp") });
  all.querySelector("input").addEventListener("change", () => renderTable());
  function renderTable(focusKey) {
    const showAll = all.querySelector("input").checked;
    const rows = figures.items.filter((m) => showAll || m.networks > 0);
    const compare = (a, b) => {
      const x = a[sortKey];
      const y = b[sortKey];
      const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "nl");
      return (descending ? -order : order) || a.name.localeCompare(b.name, "nl");
    };
    rows.sort(compare);
    const headerCell = (c) =>
      h(
        "th",
        { class: "utrecht-table__header-cell", scope: "col", "aria-sort": c.key === sortKey ? (descending ? "descending" : "ascending") : null },
        h(
          "button",
          {
            type: "button",
            class: "tm-sort",
            dataset: { key: c.key },
            on: {
              click: () => {
                descending = c.key === sortKey ? !descending : Boolean(c.number);
                sortKey = c.key;
                renderTable(c.key);
                announce(t(descending ? "map.sortedDown" : "map.sortedUp", { column: t(c.text) }));
              },
            },
          },
          t(c.text),
          c.key === sortKey ? h("span", { "aria-hidden": "true" }, descending ? " ▼" : " ▲") : null,
        ),
      );
    const place = (m) => (m.country === "BE" ? `${m.provinceName} (${t("place.belgium")})` : m.provinceName);
    fill(
      tableBox,
      h(
        "table",
        { class: ["utrecht-table", "tm-table"] },
        h("caption", { class: "utrecht-table__caption" }, t(showAll ? "map.captionAll" : "map.caption", { count: rows.length })),
        h("thead", { class: "utrecht-table__header" }, h("tr", { class: "utrecht-table__row" }, COLUMNS.map(headerCell))),
        h(
          "tbody",
          { class: "utrecht-table__body" },
          rows.map((m) =>
            h(
              "tr",
              { class: "utrecht-table__row" },
              h("th", { class: "utrecht-table__header-cell", scope: "row" }, link(`/?municipality=${m.code}`, m.name)),
              h("td", { class: "utrecht-table__cell" }, place(m)),
              h("td", { class: "utrecht-table__cell" }, formatNumber(m.activeNetworks)),
              h("td", { class: "utrecht-table__cell" }, formatNumber(m.goalsAchieved)),
              h("td", { class: "utrecht-table__cell" }, formatNumber(m.experienceExperts)),
            ),
          ),
        ),
      ),
    );
    if (focusKey) focusOn(tableBox.querySelector(`button[data-key="${focusKey}"]`));
  }

  fill(
    main,
    heading(1, t("map.title")),
    summary,
    paragraph(t("map.intro")),
    paragraph(link("#tabel-kop", t("map.toTable")), visuallyHidden(" "), " ", t("map.toTableHelp"), "tm-small"),
    choice,
    articleChoice,
    h("figure", { class: "tm-map-figure" }, drawing, h("figcaption", null, t("map.caption2"))),
    heading(2, t("map.tableTitle"), { id: "tabel-kop", tabindex: "-1" }),
    all,
    tableBox,
    paragraph(t("map.api"), " ", link("/api/v1/map/municipalities", "/api/v1/map/municipalities"), "tm-small"),
  );
  summarise();
  renderTable();
  await draw();
}
