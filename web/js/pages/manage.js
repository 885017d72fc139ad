// Coordinate a network: edit it, manage members and roles, and add, edit,
// reorder and complete goals and their small steps. The API decides who may
// do what; this page only hides what someone can't do anyway.

import { h, fill, focusOn, idParam, params } from "../dom.js";
import { t, label, values } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, alertBox, announce, button, requireSignIn, flashNext, visuallyHidden, showError } from "../layout.js";
import { textField, dateField, toIsoDate, selectField, checkboxField, radioGroup, submitButton, handleSubmit, buttonRow, errorText, orNull, showFormAlert, splitList } from "../forms.js";
import { confirmDialog, conflictDialog } from "../dialog.js";
import { goalTree, childrenOf, celebration, badge, EXPERT_KINDS, CORE_ROLES } from "../views.js";
import { endorsementControls } from "../endorse.js";
import { networkFields } from "../network-form.js";
import { suggestTalents } from "../talents.js";
import { articleNames, articleField, articleNumbers } from "../articles.js";

export async function boot(main) {
  if (!api.isSignedIn()) {
    requireSignIn();
    return;
  }
  const id = idParam();
  if (!id) {
    const error = new Error("no id");
    error.status = 404;
    throw error;
  }
  const me = api.user();
  let { data: network, etag: networkTag } = await api.getWithTag(`/networks/${id}`);
  const myRole = network.myRole || null;
  const isCoordinator = myRole === "coordinator" || Boolean(me?.isAdmin);
  const isCore = CORE_ROLES.includes(myRole) || Boolean(me?.isAdmin);
  const isMember = Boolean(myRole);
  setTitle(t("manage.title", { name: network.name }));

  const title = heading(1, t("manage.title", { name: network.name }), { id: "beheer-kop" });
  if (!isCore) {
    fill(main, title, alertBox("info", paragraph(t("manage.notAllowed"))), paragraph(link(`/netwerk.html?id=${id}`, t("manage.toNetwork"))));
    return;
  }

  let members = [];
  let goals = [];
  const articles = await articleNames();

  // ======================================================================
  // Goals and steps
  // ======================================================================
  const goalsBox = h("div");
  const goalStatusChoices = () => values("goalStatus").map((s) => ({ value: s, label: label("goalStatus", s) }));

  function goalForm({ value = {}, submitLabel, titleText }) {
    const form = h(
      "form",
      { "aria-label": titleText },
      textField({ name: "title", label: t("goals.fieldTitle"), required: true, value: value.title, description: t("goals.fieldTitleHelp") }),
      textField({ name: "description", label: t("goals.fieldDescription"), multiline: true, rows: 3, value: value.description }),
      dateField({ name: "targetDate", label: t("goals.fieldTarget"), value: value.targetDate, description: t("goals.fieldTargetHelp") }),
      selectField({ name: "status", label: t("goals.fieldStatus"), value: value.status || "proposed", noOptionalMark: true, choices: goalStatusChoices() }),
      textField({ name: "neededTalents", label: t("goals.fieldTalents"), value: (value.neededTalents || []).join(", "), description: t("goals.fieldTalentsHelp") }),
      articleField(articles, value.articles || []),
      buttonRow(submitButton(submitLabel)),
    );
    suggestTalents(form.elements.neededTalents);
    return form;
  }

  function goalBody(v) {
    return { title: v.title, description: orNull(v.description), targetDate: toIsoDate(v.targetDate), status: v.status, neededTalents: splitList(v.neededTalents), articles: articleNumbers(v.articles) };
  }

  /** Reads a goal again; when someone changed it since we showed it, explains and offers a reload. */
  async function fresh(goal) {
    const current = await api.getWithTag(`/goals/${goal.id}`);
    if (current.data.updatedAt !== goal.updatedAt) {
      if (await conflictDialog()) await renderGoals({ focusGoal: goal.id });
      return null;
    }
    return current;
  }

  async function onStale(goal) {
    if (await conflictDialog()) await renderGoals({ focusGoal: goal.id });
  }

  function focusGoalControl(goalId, action) {
    const item = goalsBox.querySelector(`li[data-goal-id="${goalId}"]`);
    if (!item) return;
    const control = action ? item.querySelector(`:scope > .tm-goal-actions [data-action="${action}"]`) : null;
    focusOn(control || item.querySelector(":scope > h3, :scope > h4, :scope > h5, :scope > h6"));
  }

  function openEditor(slot, form, trigger) {
    const cancel = button(t("dialog.cancel"), {
      on: {
        click: () => {
          slot.hidden = true;
          slot.replaceChildren();
          trigger.setAttribute("aria-expanded", "false");
          trigger.focus();
        },
      },
    });
    form.querySelector(".tm-actions").append(cancel);
    fill(slot, form);
    slot.hidden = false;
    trigger.setAttribute("aria-expanded", "true");
    focusOn(form.querySelector("input"));
  }

  function goalActions(goal, depth) {
    const siblings = childrenOf(goals, goal.parentId ?? null);
    const index = siblings.findIndex((g) => g.id === goal.id);
    const slot = h("div", { class: "tm-editor", hidden: true });
    const name = `: ${goal.title}`;
    const buttons = [];

    if (goal.status !== "achieved") {
      buttons.push(
        button([t("goals.markAchieved"), visuallyHidden(name)], {
          dataset: { action: "achieve" },
          on: {
            click: async () => {
              try {
                const current = await fresh(goal);
                if (!current) return;
                await api.request("PATCH", `/goals/${goal.id}`, { ifMatch: current.etag, body: { status: "achieved" } });
                await renderGoals({ focusGoal: goal.id });
                announce(t("goals.achievedAnnounce", { title: goal.title }));
              } catch (error) {
                if (error.status === 412) return onStale(goal);
                announce(errorText(error));
              }
            },
          },
        }, "primary-action"),
      );
    }
    if (depth < 2) {
      const addStep = button([t("goals.addStep"), visuallyHidden(name)], { "aria-expanded": "false", dataset: { action: "add-step" } });
      addStep.addEventListener("click", () => {
        if (!slot.hidden) return slot.querySelector("input")?.focus();
        const form = goalForm({ submitLabel: t("goals.saveStep"), titleText: t("goals.newStepFor", { title: goal.title }) });
        handleSubmit(form, async (v) => {
          const kids = childrenOf(goals, goal.id);
          const position = kids.length ? Math.max(...kids.map((k) => k.position)) + 1 : 0;
          const result = await api.request("POST", `/networks/${id}/goals`, { body: { ...goalBody(v), parentId: goal.id, position } });
          await renderGoals({ focusGoal: result.data.id });
          announce(t("goals.stepAdded", { title: result.data.title }));
        });
        openEditor(slot, form, addStep);
      });
      buttons.push(addStep);
    }
    const edit = button([t("goals.edit"), visuallyHidden(name)], { "aria-expanded": "false", dataset: { action: "edit" } });
    edit.addEventListener("click", async () => {
      if (!slot.hidden) return slot.querySelector("input")?.focus();
      let current;
      try {
        current = await fresh(goal);
      } catch (error) {
        announce(errorText(error));
        return;
      }
      if (!current) return;
      const form = goalForm({ value: current.data, submitLabel: t("goals.save"), titleText: t("goals.editTitle", { title: goal.title }) });
      handleSubmit(
        form,
        async (v) => {
          await api.request("PATCH", `/goals/${goal.id}`, { ifMatch: current.etag, body: goalBody(v) });
          await renderGoals({ focusGoal: goal.id });
          announce(t("goals.saved"));
        },
        { onConflict: () => onStale(goal) },
      );
      openEditor(slot, form, edit);
    });
    buttons.push(edit);

    const move = async (delta) => {
      const order = [...siblings];
      const [moved] = order.splice(index, 1);
      order.splice(index + delta, 0, moved);
      try {
        for (let i = 0; i < order.length; i += 1) {
          if (order[i].position === i) continue;
          const current = await fresh(order[i]);
          if (!current) return;
          await api.request("PATCH", `/goals/${order[i].id}`, { ifMatch: current.etag, body: { position: i } });
        }
      } catch (error) {
        if (error.status === 412) return onStale(goal);
        announce(errorText(error));
        return;
      }
      const target = index + delta;
      const action = target === 0 ? "down" : target === order.length - 1 ? "up" : delta < 0 ? "up" : "down";
      await renderGoals({ focusGoal: goal.id, action });
      announce(t("goals.moved", { title: goal.title, position: target + 1, total: order.length }));
    };
    if (index > 0) buttons.push(button([t("goals.up"), visuallyHidden(name)], { dataset: { action: "up" }, on: { click: () => move(-1) } }));
    if (index < siblings.length - 1) buttons.push(button([t("goals.down"), visuallyHidden(name)], { dataset: { action: "down" }, on: { click: () => move(1) } }));
    buttons.push(
      button([t("goals.delete"), visuallyHidden(name)], {
        class: "utrecht-button--danger",
        dataset: { action: "delete" },
        on: {
          click: async () => {
            const ok = await confirmDialog({ title: t("goals.deleteTitle"), text: t("goals.deleteText", { title: goal.title }), confirmLabel: t("goals.delete"), danger: true });
            if (!ok) return;
            try {
              const current = await fresh(goal);
              if (!current) return;
              await api.request("DELETE", `/goals/${goal.id}`, { ifMatch: current.etag });
              await renderGoals({ focusId: "doelen-kop" });
              announce(t("goals.deleted", { title: goal.title }));
            } catch (error) {
              if (error.status === 412) return onStale(goal);
              announce(errorText(error));
            }
          },
        },
      }),
    );
    if (goal.parentId || goal.neededTalents?.length) {
      buttons.push(link(`/matchcentrum.html?doel=${goal.id}`, [t("goals.matches"), visuallyHidden(name)]));
    }
    return h(
      "div",
      { class: "tm-goal-actions" },
      h("div", { class: "tm-actions" }, buttons),
      slot,
      endorsementControls(goal, { canEndorse: isMember, onSaved: () => renderGoals({ focusGoal: goal.id }) }),
    );
  }

  const newGoalToggle = button(t("goals.addGoal"), { "aria-expanded": "false", dataset: { action: "add-goal" } }, "primary-action");
  const newGoalSlot = h("div", { class: "tm-editor", hidden: true });
  newGoalToggle.addEventListener("click", () => {
    if (!newGoalSlot.hidden) return newGoalSlot.querySelector("input")?.focus();
    const form = goalForm({ submitLabel: t("goals.saveGoal"), titleText: t("goals.newGoal") });
    handleSubmit(form, async (v) => {
      const top = childrenOf(goals, null);
      const position = top.length ? Math.max(...top.map((g) => g.position)) + 1 : 0;
      const result = await api.request("POST", `/networks/${id}/goals`, { body: { ...goalBody(v), parentId: null, position } });
      newGoalSlot.hidden = true;
      newGoalSlot.replaceChildren();
      newGoalToggle.setAttribute("aria-expanded", "false");
      await renderGoals({ focusGoal: result.data.id });
      announce(t("goals.goalAdded", { title: result.data.title }));
    });
    openEditor(newGoalSlot, form, newGoalToggle);
  });

  const goalsList = h("div");
  async function renderGoals({ focusGoal, action, focusId } = {}) {
    goals = await api.getAll(`/networks/${id}/goals`);
    fill(goalsList, celebration(goals), goals.length ? goalTree(goals, { level: 3, idPrefix: "beheer-doel", articles, actions: goalActions }) : paragraph(t("goals.noneYet")));
    if (focusGoal) focusGoalControl(focusGoal, action);
    if (focusId) focusOn(document.getElementById(focusId));
  }
  fill(
    goalsBox,
    heading(2, t("manage.goalsTitle"), { id: "doelen-kop" }),
    h("div", { class: "tm-tip" }, paragraph(t("manage.goalsTip"))),
    buttonRow(newGoalToggle),
    newGoalSlot,
    goalsList,
  );

  // ======================================================================
  // Members and roles
  // ======================================================================
  const membersBox = h("div");
  const roleChoices = () => values("role").map((r) => ({ value: r, label: label("role", r) }));

  function memberItem(m) {
    const nameId = `lid-${m.stakeholderId}`;
    const item = h(
      "li",
      { class: "tm-member-admin", dataset: { stakeholderId: m.stakeholderId } },
      h("h3", { class: "tm-step__title", id: nameId, tabindex: "-1" }, m.name),
      paragraph([label("kind", m.kind), m.organisation ? `, ${m.organisation}` : "", " ", badge(label("role", m.role), CORE_ROLES.includes(m.role) ? "active" : "neutral")]),
      m.commitment ? h("p", { class: "tm-quote" }, m.commitment) : null,
    );
    if (!isCoordinator) return item;
    const roleForm = h(
      "form",
      { class: "tm-inline-form", "aria-label": t("manage.roleOf", { name: m.name }) },
      selectField({ name: "role", label: t("manage.roleOf", { name: m.name }), value: m.role, noOptionalMark: true, choices: roleChoices() }),
      h("button", { type: "submit", class: ["utrecht-button", "utrecht-button--secondary-action"] }, t("manage.saveRole"), visuallyHidden(`: ${m.name}`)),
    );
    handleSubmit(roleForm, async (v) => {
      try {
        await api.request("PATCH", `/networks/${id}/members/${m.stakeholderId}`, { body: { role: v.role } });
      } catch (error) {
        if (error.status === 409) {
          focusOn(showFormAlert(roleForm, "error", paragraph(t("manage.lastCoordinator"))));
          return;
        }
        throw error;
      }
      await renderMembers({ focusId: nameId });
      announce(t("manage.roleSaved", { name: m.name, role: label("role", v.role) }));
    });
    const remove = button([t("manage.remove"), visuallyHidden(`: ${m.name}`)], {
      class: "utrecht-button--danger",
      on: {
        click: async () => {
          const ok = await confirmDialog({ title: t("manage.removeTitle"), text: t("manage.removeText", { name: m.name }), confirmLabel: t("manage.remove"), danger: true });
          if (!ok) return;
          try {
            await api.request("DELETE", `/networks/${id}/members/${m.stakeholderId}`);
            await renderMembers({ focusId: "leden-beheer-kop" });
            announce(t("manage.removed", { name: m.name }));
          } catch (error) {
            showError(item, error.status === 409 ? t("manage.lastCoordinator") : errorText(error));
          }
        },
      },
    });
    item.append(roleForm, buttonRow(remove));
    return item;
  }

  function addExistingForm() {
    const results = h("div");
    const search = h(
      "form",
      { class: "tm-inline-form", role: "search", "aria-label": t("manage.searchPeople") },
      textField({ name: "q", label: t("manage.searchPeople"), type: "search", noOptionalMark: true }),
      h("button", { type: "submit", class: ["utrecht-button", "utrecht-button--secondary-action"] }, t("find.submit")),
    );
    handleSubmit(search, async (v) => {
      const page = await api.get("/stakeholders", { q: v.q || undefined, pageSize: 10 });
      const present = new Set(members.map((m) => m.stakeholderId));
      const candidates = page.items.filter((s) => !present.has(s.id));
      if (!candidates.length) {
        fill(results, h("p", { class: "utrecht-paragraph", role: "status" }, t("manage.nobodyFound")));
        return;
      }
      const form = h(
        "form",
        { "aria-label": t("manage.addTitle") },
        radioGroup({
          name: "stakeholderId",
          legend: t("manage.choosePerson"),
          value: String(candidates[0].id),
          columns: false,
          choices: candidates.map((s) => ({ value: String(s.id), label: `${s.name} (${label("kind", s.kind)}${s.organisation ? `, ${s.organisation}` : ""})` })),
        }),
        selectField({ name: "role", label: t("manage.role"), value: "member", noOptionalMark: true, choices: roleChoices() }),
        submitButton(t("manage.add")),
      );
      handleSubmit(form, async (values_) => {
        // A person with an account is invited and joins by accepting (202);
        // an organisation is added at once (201).
        const result = await api.request("POST", `/networks/${id}/members`, { body: { stakeholderId: Number(values_.stakeholderId), role: values_.role } });
        if (result.status === 202) {
          await renderMembers({ focusId: "uitnodigingen-beheer-kop" });
          announce(t("manage.invited", { name: result.data.name }));
          return;
        }
        await renderMembers({ focusId: `lid-${result.data.stakeholderId}` });
        announce(t("manage.added", { name: result.data.name }));
      });
      fill(results, h("p", { class: "utrecht-paragraph", role: "status" }, t("manage.found", { count: candidates.length })), form);
    });
    return h("div", { class: "tm-panel" }, heading(3, t("manage.addTitle")), paragraph(t("manage.addIntro")), search, results);
  }

  function addNewForm() {
    const form = h(
      "form",
      { "aria-labelledby": "nieuw-lid-kop" },
      textField({ name: "name", label: t("profile.name"), required: true }),
      selectField({ name: "kind", label: t("manage.newKind"), value: "experience_expert", noOptionalMark: true, choices: values("kind").map((k) => ({ value: k, label: label("kind", k) })) }),
      textField({ name: "organisation", label: t("profile.organisation") }),
      checkboxField({ name: "listed", label: t("manage.newListed"), description: t("manage.newListedHelp") }),
      selectField({ name: "role", label: t("manage.role"), value: "member", noOptionalMark: true, choices: roleChoices() }),
      submitButton(t("manage.addNew")),
    );
    handleSubmit(form, async (v) => {
      const created = await api.request("POST", "/stakeholders", { body: { name: v.name || undefined, kind: v.kind, organisation: orNull(v.organisation), listed: v.listed } });
      await api.request("POST", `/networks/${id}/members`, { body: { stakeholderId: created.data.id, role: v.role } });
      await renderMembers({ focusId: `lid-${created.data.id}` });
      announce(t("manage.added", { name: created.data.name }));
    });
    return h("div", { class: "tm-panel" }, heading(3, t("manage.newTitle"), { id: "nieuw-lid-kop" }), paragraph(t("manage.newIntro")), form);
  }

  function invitationItem(invitation) {
    const status = badge(t(`manage.invitationStatus.${invitation.status}`), invitation.status === "declined" ? "neutral" : "active");
    const item = h("li", null, h("strong", null, invitation.name), " · ", label("role", invitation.role), " · ", status);
    if (invitation.status !== "pending") return item;
    const withdraw = button([t("manage.withdraw"), visuallyHidden(`: ${invitation.name}`)], {
      on: {
        click: async () => {
          try {
            await api.request("DELETE", `/invitations/${invitation.id}`);
          } catch (error) {
            showError(item, errorText(error));
            return;
          }
          await renderMembers({ focusId: "uitnodigingen-beheer-kop" });
          announce(t("manage.withdrawn", { name: invitation.name }));
        },
      },
    }, "subtle");
    item.append(" ", withdraw);
    return item;
  }

  async function renderMembers({ focusId } = {}) {
    members = await api.getAll(`/networks/${id}/members`);
    const invitations = isCoordinator ? await api.getAll(`/networks/${id}/invitations`) : [];
    const core = members.filter((m) => CORE_ROLES.includes(m.role));
    const expertsInCore = core.filter((m) => EXPERT_KINDS.includes(m.kind)).length;
    const order = values("role");
    members.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name, "nl"));
    const inviteUrl = `${location.origin}/netwerk.html?id=${id}`;
    fill(
      membersBox,
      heading(2, t("manage.membersTitle"), { id: "leden-beheer-kop" }),
      expertsInCore
        ? paragraph(t("members.expertsInCore", { count: expertsInCore }))
        : alertBox("warning", heading(3, t("members.noExpertsInCoreTitle")), paragraph(t("manage.noExpertsInCore"))),
      h("div", { class: "tm-tip" }, paragraph(t("manage.coreTip"))),
      h("ul", { class: "tm-list-plain", "aria-labelledby": "leden-beheer-kop" }, members.map(memberItem)),
      invitations.length ? heading(3, t("manage.invitationsTitle"), { id: "uitnodigingen-beheer-kop", tabindex: "-1" }) : null,
      invitations.length ? paragraph(t("manage.invitationsIntro")) : null,
      invitations.length ? h("ul", { class: "tm-list-plain", "aria-labelledby": "uitnodigingen-beheer-kop" }, invitations.map(invitationItem)) : null,
      heading(3, t("manage.inviteTitle")),
      paragraph(t("manage.inviteText")),
      h("p", { class: "tm-code" }, inviteUrl),
      isCoordinator ? addExistingForm() : null,
      isCoordinator ? addNewForm() : null,
    );
    if (focusId) focusOn(document.getElementById(focusId) || document.getElementById("leden-beheer-kop"));
  }

  // ======================================================================
  // The network itself (coordinators)
  // ======================================================================
  const detailsBox = h("div");
  async function renderDetails(moveFocus) {
    const { fieldsets, toBody } = await networkFields(network, { editing: true });
    const form = h("form", { "aria-labelledby": "gegevens-kop" }, fieldsets, submitButton(t("manage.saveNetwork")));
    handleSubmit(
      form,
      async (v) => {
        const result = await api.request("PATCH", `/networks/${id}`, { ifMatch: networkTag, body: toBody(v) });
        network = result.data;
        networkTag = result.etag;
        await renderDetails(false);
        focusOn(showFormAlert(detailsBox.querySelector("form"), "ok", paragraph(t("manage.networkSaved"))));
      },
      {
        onConflict: async () => {
          if (await conflictDialog()) {
            const again = await api.getWithTag(`/networks/${id}`);
            network = again.data;
            networkTag = again.etag;
            await renderDetails(true);
          }
        },
      },
    );
    const remove = button(t("manage.deleteNetwork"), {
      class: "utrecht-button--danger",
      on: {
        click: async () => {
          const ok = await confirmDialog({ title: t("manage.deleteNetworkTitle"), text: t("manage.deleteNetworkText", { name: network.name }), confirmLabel: t("manage.deleteNetwork"), danger: true });
          if (!ok) return;
          try {
            await api.request("DELETE", `/networks/${id}`, { ifMatch: networkTag });
            flashNext("manage.networkDeleted", { name: network.name });
            location.assign("/");
          } catch (error) {
            if (error.status === 412) {
              if (await conflictDialog()) location.reload();
              return;
            }
            showError(remove, errorText(error), "after");
          }
        },
      },
    });
    fill(detailsBox, heading(2, t("manage.detailsTitle"), { id: "gegevens-kop" }), form, heading(3, t("manage.deleteNetworkHeading")), paragraph(t("manage.deleteNetworkIntro")), buttonRow(remove));
    if (moveFocus) focusOn(form.querySelector("input"));
  }

  // ======================================================================
  const started = params().get("start") === "1";
  const nextSteps = started
    ? h(
        "div",
        { class: "tm-panel" },
        heading(2, t("manage.nextTitle")),
        h(
          "ol",
          { class: "tm-guide" },
          h("li", null, link("#leden-beheer-kop", t("manage.next1"))),
          h("li", null, link("#leden-beheer-kop", t("manage.next2"))),
          h("li", null, link("#doelen-kop", t("manage.next3"))),
        ),
      )
    : null;

  fill(
    main,
    h("p", { class: "utrecht-paragraph" }, link(`/netwerk.html?id=${id}`, t("manage.toNetwork"))),
    title,
    paragraph(t("manage.intro", { role: label("role", myRole || "coordinator") }), "tm-lead"),
    nextSteps,
    h(
      "nav",
      { class: "tm-section-nav", "aria-label": t("manage.sectionsLabel") },
      h(
        "ul",
        null,
        h("li", null, link("#doelen-kop", t("manage.goalsTitle"))),
        h("li", null, link("#leden-beheer-kop", t("manage.membersTitle"))),
        isCoordinator ? h("li", null, link("#gegevens-kop", t("manage.detailsTitle"))) : null,
      ),
    ),
    goalsBox,
    membersBox,
    isCoordinator ? detailsBox : null,
  );
  await Promise.all([renderGoals(), renderMembers(), isCoordinator ? renderDetails(false) : null]);
  if (location.hash) focusOn(document.getElementById(location.hash.slice(1)));
}
