// Knowledge platform: a start page of links for experience experts,
// municipalities and employers, by audience, topic and search words. Every
// click goes through the visit endpoint, which counts it ("doorclicks").

import { h, fill, focusOn, paramValues, pushParams } from "../dom.js";
import { t, label, values, lang } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, setTitle, alertBox, announce, button } from "../layout.js";
import { textField, selectField, submitButton, readForm, handleSubmit, buttonRow, showFormAlert } from "../forms.js";
import { confirmDialog, conflictDialog } from "../dialog.js";
import { knowledgeItem, resultList } from "../views.js";
import { linkForm, linkBody } from "../link-form.js";
import { articleNames, articleFilterChoices } from "../articles.js";

const FILTERS = ["q", "audience", "topic", "article", "language", "source"];
const SHORTCUTS = ["experience_experts", "municipalities", "employers", "professionals"];

export async function boot(main) {
  setTitle(t("knowledge.title"));
  const [topicList, articles] = await Promise.all([api.topics().catch(() => []), articleNames()]);
  const topics = new Map(topicList.map((tp) => [tp.slug, lang === "en" ? tp.nameEn : tp.nameNl]));
  const topicChoices = topicList.map((tp) => ({ value: tp.slug, label: topics.get(tp.slug) }));
  const state = paramValues(FILTERS);
  const me = api.user();

  const shortcuts = h(
    "nav",
    { "aria-label": t("knowledge.shortcutsLabel"), class: "tm-section-nav" },
    h(
      "ul",
      null,
      SHORTCUTS.map((a) =>
        h("li", null, h("a", { class: "utrecht-link utrecht-link--html-a", href: `/kennis.html?audience=${a}`, "aria-current": state.audience === a ? "page" : null }, t(`knowledge.for.${a}`))),
      ),
    ),
  );

  const form = h(
    "form",
    { class: "tm-filters", role: "search", "aria-label": t("knowledge.searchLabel") },
    h(
      "div",
      { class: "tm-filters__grid" },
      textField({ name: "q", label: t("knowledge.q"), type: "search", value: state.q, wide: true, noOptionalMark: true }),
      selectField({ name: "audience", label: t("knowledge.audience"), value: state.audience, noOptionalMark: true, choices: [{ value: "", label: t("find.all") }, ...values("audience").map((a) => ({ value: a, label: label("audience", a) }))] }),
      selectField({ name: "topic", label: t("knowledge.topic"), value: state.topic, noOptionalMark: true, choices: [{ value: "", label: t("find.all") }, ...topicChoices] }),
      selectField({ name: "article", label: t("articles.filter"), value: state.article, noOptionalMark: true, choices: articleFilterChoices(articles) }),
      selectField({ name: "language", label: t("knowledge.language"), value: state.language, noOptionalMark: true, choices: [{ value: "", label: t("find.all") }, ...values("language").map((l) => ({ value: l, label: label("language", l) }))] }),
      selectField({ name: "source", label: t("knowledge.source"), value: state.source, noOptionalMark: true, choices: [{ value: "", label: t("knowledge.sourceStart") }, { value: "all", label: t("knowledge.sourceAll") }] }),
    ),
    submitButton(t("find.submit")),
  );

  function query() {
    const q = {};
    for (const k of ["q", "audience", "topic", "article", "language"]) if (state[k]) q[k] = state[k];
    if (state.source !== "all") q.network = "none";
    return q;
  }

  const actions = (item) => {
    if (!item.canEdit) return null;
    return buttonRow(
      button(t("knowledge.edit"), { on: { click: (e) => editLink(item, e.currentTarget.closest("li")) } }),
      button(t("knowledge.delete"), { class: "utrecht-button--danger", on: { click: () => deleteLink(item) } }),
    );
  };

  const shown = resultList({
    labelledBy: "links-kop",
    item: (item) => knowledgeItem(item, { level: 3, topics, articles, actions }),
    counted: (count, more) => (count ? t(more ? "knowledge.countMore" : "knowledge.count", { count }) : t("knowledge.none")),
    failed: () => t("find.failed"),
    moreLabel: t("knowledge.more"),
  });
  const results = shown.list;

  function search(push) {
    const v = readForm(form);
    for (const k of FILTERS) state[k] = v[k] || "";
    if (push) pushParams(state);
    return shown.show("/knowledge-links", { ...query(), pageSize: 12 });
  }

  async function editLink(item, card) {
    let current;
    try {
      current = await api.getWithTag(`/knowledge-links/${item.id}`);
    } catch (error) {
      announce(t("errors.general"));
      return;
    }
    const form = linkForm({ value: current.data, topicsList: topicChoices, articles, submitLabel: t("knowledge.save") });
    const cancel = button(t("dialog.cancel"), { on: { click: () => search(false) } });
    form.querySelector("button[type=submit]").after(cancel);
    handleSubmit(
      form,
      async (v) => {
        const saved = await api.request("PATCH", `/knowledge-links/${item.id}`, { ifMatch: current.etag, body: linkBody(form, v) });
        announce(t("knowledge.saved", { url: saved.data.url }));
        await search(false);
        focusOn(results.querySelector(`[data-link-id="${item.id}"] a`));
      },
      {
        onConflict: async () => {
          if (await conflictDialog()) {
            await search(false);
            const again = results.querySelector(`[data-link-id="${item.id}"]`);
            if (again) editLink(item, again);
          }
        },
      },
    );
    const box = h("li", { class: "tm-editor", dataset: { linkId: item.id } }, heading(3, t("knowledge.editTitle", { title: item.title })), form);
    card.replaceWith(box);
    focusOn(box.querySelector("input"));
  }

  async function deleteLink(item) {
    const ok = await confirmDialog({ title: t("knowledge.deleteTitle"), text: t("knowledge.deleteText", { title: item.title }), confirmLabel: t("knowledge.delete"), danger: true });
    if (!ok) return;
    try {
      const current = await api.getWithTag(`/knowledge-links/${item.id}`);
      await api.request("DELETE", `/knowledge-links/${item.id}`, { ifMatch: current.etag });
      announce(t("knowledge.deleted"));
      await search(false);
      focusOn(document.getElementById("links-kop"));
    } catch (error) {
      announce(t("errors.general"));
    }
  }

  form.noValidate = true;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search(true);
  });
  window.addEventListener("popstate", () => location.reload());

  // Platform admins keep the start page itself.
  let adminBox = null;
  if (me?.isAdmin) {
    const addForm = linkForm({ topicsList: topicChoices, articles });
    handleSubmit(addForm, async (v) => {
      const added = await api.request("POST", "/knowledge-links", { body: { ...linkBody(addForm, v), networkId: null } });
      addForm.reset();
      await search(false);
      // What was stored, with the address as the API keeps it.
      showFormAlert(addForm, "ok", paragraph(t("knowledge.added", { url: added.data.url })));
    });
    adminBox = h("section", { class: "tm-panel", "aria-labelledby": "toevoegen-kop" }, heading(2, t("knowledge.addTitle"), { id: "toevoegen-kop" }), paragraph(t("knowledge.addIntro")), addForm);
  }

  fill(
    main,
    heading(1, t("knowledge.title")),
    paragraph(t("knowledge.intro"), "tm-lead"),
    shortcuts,
    form,
    heading(2, t("knowledge.results"), { id: "links-kop" }),
    shown.nodes,
    adminBox,
    me && !me.isAdmin ? alertBox("info", paragraph(t("knowledge.membersAdd"))) : null,
  );
  await search(false);
}
