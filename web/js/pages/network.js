// Network page: theme, ambition, status, wider and narrower networks,
// members by kind and role (with a signal when experience experts are
// missing from the core group), goals as a tree of small steps with
// progress, the network's message board and house rules, the network's
// knowledge links; join and leave.

import { h, fill, focusOn, idParam } from "../dom.js";
import { t, label, values, lang } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, alertBox, announce, button, requireSignIn, showError } from "../layout.js";
import { textField, checkboxField, submitButton, handleSubmit, buttonRow, errorText } from "../forms.js";
import { linkForm, linkBody } from "../link-form.js";
import { confirmDialog } from "../dialog.js";
import { networkStatusBadge, badge, fact, goalTree, celebration, knowledgeItem, placeOf, topicNames, EXPERT_KINDS, CORE_ROLES } from "../views.js";
import { endorsementControls } from "../endorse.js";
import { meetingCard } from "../meetings.js";
import { loadQuestions, questionSection } from "../questions.js";
import { pulseTrend } from "../meeting-agenda.js";
import { loadBoard, boardSection, openBoardReplies } from "../board.js";
import { articleNames, articleTags } from "../articles.js";

function facts(network, names, topics, articles) {
  const rows = [
    ["network.ambition", network.ambition],
    ["network.needs", network.needs],
    ["network.description", network.description],
    ["network.communication", network.communication],
    ["network.contact", network.contact],
    ["network.where", placeOf(network, names)],
    ["network.scopeLabel", label("scope", network.scope)],
    ["network.topics", network.topics.map((s) => topics.get(s) || s).join(", ")],
    ["articles.facts", articleTags(network.articles, articles)],
  ].filter(([, value]) => value);
  return h(
    "dl",
    { class: "tm-facts" },
    rows.map(([key, value]) => fact(t(key), value)),
  );
}

function memberSection(network, members, { isMember }) {
  const section = [];
  const counts = network.memberCounts || [];
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const expertsTotal = counts.filter((c) => EXPERT_KINDS.includes(c.kind)).reduce((sum, c) => sum + c.count, 0);
  const core = members.filter((m) => CORE_ROLES.includes(m.role));
  const expertsInCore = core.filter((m) => EXPERT_KINDS.includes(m.kind)).length;

  if (total > 0 && expertsTotal === 0) {
    section.push(alertBox("warning", heading(3, t("members.noExpertsTitle")), paragraph(t("members.noExperts"))));
  } else if (isMember && core.length > 0 && expertsInCore === 0) {
    section.push(alertBox("warning", heading(3, t("members.noExpertsInCoreTitle")), paragraph(t("members.noExpertsInCore"))));
  } else if (isMember && expertsInCore > 0) {
    section.push(paragraph(t("members.expertsInCore", { count: expertsInCore })));
  }

  if (total) {
    section.push(
      paragraph(
        t("members.total", { count: total }),
        " ",
        counts
          .filter((c) => c.count)
          .map((c) => `${label("kind", c.kind)}: ${c.count}`)
          .join(", "),
      ),
    );
  }
  if (!members.length) {
    section.push(paragraph(total ? t("members.noneListed") : t("members.none")));
    return section;
  }
  if (members.length < total) section.push(paragraph(t("members.someHidden", { count: total - members.length }), "tm-small tm-muted"));

  for (const kind of values("kind")) {
    const ofKind = members.filter((m) => m.kind === kind);
    if (!ofKind.length) continue;
    ofKind.sort((a, b) => CORE_ROLES.indexOf(b.role) - CORE_ROLES.indexOf(a.role) || a.name.localeCompare(b.name, "nl"));
    section.push(
      heading(3, `${label("kindPlural", kind)} (${ofKind.length})`),
      h(
        "ul",
        { class: "tm-list-plain" },
        ofKind.map((m) =>
          h(
            "li",
            { class: "tm-member" },
            h("span", null, h("span", { class: "tm-member__name" }, m.name), m.organisation ? `, ${m.organisation}` : "", " ", badge(label("role", m.role), CORE_ROLES.includes(m.role) ? "active" : "neutral")),
            m.commitment ? h("p", { class: "tm-quote" }, m.commitment) : null,
            m.contact && (m.contact.email || m.contact.phone)
              ? h(
                  "p",
                  { class: "tm-small" },
                  m.contact.email ? link(`mailto:${m.contact.email}`, m.contact.email) : null,
                  m.contact.email && m.contact.phone ? " · " : null,
                  m.contact.phone ? link(`tel:${m.contact.phone.replace(/[^+\d]/g, "")}`, m.contact.phone) : null,
                )
              : null,
          ),
        ),
      ),
    );
  }
  return section;
}

export async function boot(main) {
  const id = idParam();
  if (!id) {
    const error = new Error("no id");
    error.status = 404;
    throw error;
  }
  const [names, topics, articles] = await Promise.all([
    api.municipalities().then((l) => new Map(l.map((m) => [m.code, m.name]))).catch(() => new Map()),
    topicNames(),
    articleNames(),
  ]);

  async function render(focusTarget, { openReplies } = {}) {
    let network;
    try {
      network = (await api.getWithTag(`/networks/${id}`)).data;
    } catch (error) {
      if (error.status === 404 && !api.isSignedIn()) {
        const title = heading(1, t("network.notFoundTitle"));
        fill(main, title, paragraph(t("network.notFoundSignIn")), paragraph(link(`/inloggen.html?terug=${encodeURIComponent(location.pathname + location.search)}`, t("layout.signIn"))));
        setTitle(t("network.notFoundTitle"));
        return;
      }
      throw error;
    }
    const [members, goals, links, upcoming, past, trend, board, questionItems] = await Promise.all([
      api.getAll(`/networks/${id}/members`),
      api.getAll(`/networks/${id}/goals`),
      api.getAll("/knowledge-links", { network: id }),
      api.get(`/networks/${id}/meetings`, { pageSize: 10 }),
      api.get(`/networks/${id}/meetings`, { when: "past", pageSize: 5 }),
      pulseTrend(id),
      loadBoard(id).catch(() => null),
      loadQuestions(id),
    ]);
    const me = api.user();
    const myRole = network.myRole || null;
    const isMember = Boolean(myRole);
    const isCore = CORE_ROLES.includes(myRole) || Boolean(me?.isAdmin);
    const isCoordinator = myRole === "coordinator" || Boolean(me?.isAdmin);
    setTitle(network.name);
    const questions = questionSection(network, questionItems, { isCore });

    // --- Taking part ------------------------------------------------------
    const takePart = h("section", { class: "tm-panel", "aria-labelledby": "meedoen-kop" }, heading(2, t("network.takePartTitle"), { id: "meedoen-kop" }));
    if (!api.isSignedIn()) {
      takePart.append(paragraph(t("network.signInToJoin")), paragraph(link(`/inloggen.html?terug=${encodeURIComponent(location.pathname + location.search)}`, t("network.signInLink")), " · ", link(`/registreren.html?terug=${encodeURIComponent(location.pathname + location.search)}`, t("layout.register"))));
    } else if (isMember) {
      takePart.append(paragraph(t("network.youAre", { role: label("role", myRole) })));
      const leave = button(t("network.leave"), {
        on: {
          click: async () => {
            const ok = await confirmDialog({ title: t("network.leaveTitle"), text: t("network.leaveText", { name: network.name }), confirmLabel: t("network.leaveConfirm"), danger: true });
            if (!ok) return;
            try {
              await api.request("DELETE", `/networks/${id}/members/${me.stakeholderId}`);
              announce(t("network.left"));
              await render("meedoen-kop");
            } catch (error) {
              showError(takePart, error.status === 409 ? t("network.lastCoordinator") : errorText(error));
            }
          },
        },
      });
      takePart.append(
        buttonRow(
          isCore ? h("a", { class: ["utrecht-button-link", "utrecht-button-link--html-a", "utrecht-button", "utrecht-button--primary-action"], href: `/netwerk-beheren.html?id=${id}` }, t("network.manage")) : null,
          leave,
        ),
      );
    } else if (network.status === "closed") {
      takePart.append(paragraph(t("network.closed")));
      if (me?.isAdmin) takePart.append(paragraph(link(`/netwerk-beheren.html?id=${id}`, t("network.manage"))));
    } else if (!me?.stakeholderId) {
      takePart.append(paragraph(t("network.noProfile")), paragraph(link("/mijn.html", t("network.toProfile"))));
    } else {
      takePart.append(paragraph(t("network.joinIntro")));
      const form = h(
        "form",
        { "aria-label": t("network.joinTitle") },
        textField({ name: "commitment", label: t("network.commitment"), multiline: true, rows: 3, description: t("network.commitmentHelp") }),
        board ? checkboxField({ name: "acceptRules", label: t("network.acceptRules"), description: t("network.acceptRulesHelp") }) : null,
        submitButton(t("network.join")),
      );
      handleSubmit(form, async (v) => {
        const body = { commitment: v.commitment };
        if (v.acceptRules && board) body.acceptedHouseRulesVersion = board.rules.version;
        await api.request("POST", `/networks/${id}/members`, { body });
        announce(t("network.joined", { name: network.name }));
        await render("meedoen-kop");
      });
      takePart.append(form);
      if (me?.isAdmin) takePart.append(paragraph(link(`/netwerk-beheren.html?id=${id}`, t("network.manage"))));
    }

    // --- Wider and narrower networks ---------------------------------------
    const family = [];
    if (network.parent || (network.children && network.children.length)) {
      family.push(heading(2, t("network.familyTitle")));
      if (network.parent) {
        family.push(paragraph(t("network.partOf"), " ", link(`/netwerk.html?id=${network.parent.id}`, network.parent.name), ` (${label("scope", network.parent.scope)})`));
      }
      if (network.children && network.children.length) {
        family.push(
          paragraph(t("network.children")),
          h(
            "ul",
            { class: "utrecht-unordered-list" },
            network.children.map((c) => h("li", { class: "utrecht-unordered-list__item" }, link(`/netwerk.html?id=${c.id}`, c.name), ` (${label("scope", c.scope)})`)),
          ),
        );
      }
    }

    // --- Goals ------------------------------------------------------------
    const goalsSection = [heading(2, t("goals.title"), { id: "doelen-kop" })];
    if (!goals.length) {
      goalsSection.push(paragraph(t("goals.none")));
    } else {
      goalsSection.push(paragraph(t("goals.intro")), celebration(goals));
      goalsSection.push(
        goalTree(goals, {
          level: 3,
          articles,
          actions: (goal) => endorsementControls(goal, { canEndorse: isMember, onSaved: () => render(`doel-${goal.id}`) }),
        }),
      );
    }
    if (isCore) goalsSection.push(paragraph(link(`/netwerk-beheren.html?id=${id}#doelen-kop`, t("goals.manageLink"))));

    // --- Progress report ----------------------------------------------------
    const reportSection = [heading(2, t("network.reportTitle"), { id: "rapport-kop" }), paragraph(t("network.reportHelp"))];
    const reportUrl = `/api/v1/networks/${id}/report.html?lang=${lang}`;
    const reportLink = link(reportUrl, t("network.reportLink"), {
      on: {
        // Signed in, a pass lets the page show what you may see (members-only
        // meetings); the page itself needs no JavaScript.
        click: async (event) => {
          if (!api.isSignedIn()) return;
          event.preventDefault();
          try {
            await api.request("POST", `/networks/${id}/report-pass`);
            location.assign(reportUrl);
          } catch {
            showError(reportLink.parentElement, t("network.reportFailed"));
          }
        },
      },
    });
    reportSection.push(paragraph(reportLink));

    // --- Meetings -----------------------------------------------------------
    const meetingSection = [heading(2, t("meetings.title"), { id: "bijeenkomsten-kop" })];
    meetingSection.push(
      upcoming.items.length
        ? h("ul", { class: "tm-cards", "aria-labelledby": "bijeenkomsten-kop" }, upcoming.items.map((m) => meetingCard(m)))
        : paragraph(t("meetings.noneUpcoming")),
    );
    if (isCore) meetingSection.push(paragraph(link(`/bijeenkomst-plannen.html?netwerk=${id}`, t("meetings.plan"))));
    meetingSection.push(paragraph(link(`/api/v1/networks/${id}/calendar.ics`, t("meetings.subscribe")), " ", t("meetings.subscribeHelp"), "tm-small"));
    if (past.items.length) {
      meetingSection.push(
        heading(3, t("meetings.pastTitle"), { id: "eerder-kop" }),
        h("ul", { class: "tm-cards", "aria-labelledby": "eerder-kop" }, past.items.map((m) => meetingCard(m, { level: 4 }))),
      );
    }
    if (trend) meetingSection.push(trend);

    // --- Knowledge links --------------------------------------------------
    const linkSection = [heading(2, t("network.linksTitle"), { id: "kennis-kop" })];
    linkSection.push(links.length ? h("ul", { class: "tm-cards" }, links.map((l) => knowledgeItem(l, { level: 3, topics, articles }))) : paragraph(t("network.noLinks")));
    if (isMember || me?.isAdmin) {
      linkSection.push(
        addLinkForm(network, async (added) => {
          await render("kennis-kop");
          // What was stored, with the address as the API keeps it.
          const text = t("knowledge.added", { url: added.url });
          document.getElementById("kennis-kop")?.after(alertBox("ok", paragraph(text)));
          announce(text);
        }),
      );
    }

    const title = heading(1, network.name, { id: "netwerk-kop" });
    fill(
      main,
      h("p", { class: "utrecht-paragraph" }, link("/", t("network.back"))),
      title,
      paragraph(network.theme, "tm-lead"),
      h(
        "ul",
        { class: "tm-badges", "aria-label": t("network.labels") },
        h("li", null, badge(label("scope", network.scope))),
        h("li", null, networkStatusBadge(network.status)),
        network.visibility === "members" ? h("li", null, badge(t("network.membersOnly"), "active")) : null,
      ),
      takePart,
      heading(2, t("network.aboutTitle")),
      facts(network, names, topics, articles),
      family,
      goalsSection,
      meetingSection,
      questions,
      board ? boardSection(id, board, { isMember, isCore, isCoordinator, rerender: render }) : null,
      paragraph(link(`/documenten.html?netwerk=${id}`, t("network.documentsLink"))),
      heading(2, t("members.title"), { id: "leden-kop" }),
      memberSection(network, members, { isMember: isMember || Boolean(me?.isAdmin) }),
      paragraph(link(`/tafel.html?netwerk=${id}`, t("network.tableLink"))),
      linkSection,
      reportSection,
    );
    if (openReplies) await openBoardReplies(main, openReplies);
    if (focusTarget) focusOn(document.getElementById(focusTarget) || title);
  }

  await render(null);
}

/** Members add a knowledge link to their network. */
function addLinkForm(network, onAdded) {
  const box = h("div", { class: "tm-editor", hidden: true });
  const toggle = button(t("knowledge.addToNetwork"), { "aria-expanded": "false" });
  toggle.addEventListener("click", () => {
    if (!box.hidden) {
      box.hidden = true;
      toggle.setAttribute("aria-expanded", "false");
      return;
    }
    const form = linkForm({ network, articles });
    handleSubmit(form, async (v) => {
      const added = await api.request("POST", "/knowledge-links", { body: { ...linkBody(form, v), networkId: network.id } });
      await onAdded(added.data);
    });
    fill(box, form);
    box.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    focusOn(form.querySelector("input"));
  });
  return h("div", null, toggle, box);
}
