// My themanet: my invitations and networks, my profile (talents, languages,
// who sees what, contact consent), my account (name, password) and leaving
// the platform.

import { h, fill, focusOn } from "../dom.js";
import { t, label, values } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, requireSignIn, flashNext, announce, visuallyHidden, showError } from "../layout.js";
import { textField, selectField, checkboxField, checkboxGroup, radioGroup, submitButton, handleSubmit, orNull, splitList, showFormAlert, button, buttonRow, errorText } from "../forms.js";
import { conflictDialog, confirmDialog } from "../dialog.js";
import { suggestTalents } from "../talents.js";
import { networkCard, badge, municipalityGroups, CORE_ROLES } from "../views.js";
import { meetingCard } from "../meetings.js";
import { preferencesSection } from "../preferences.js";

/** The networks I take part in, by name. */
async function myNetworks() {
  const mine = await api.getAll("/networks", { member: "me" }, 500);
  return mine.sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

/** The kinds of profile field whose audience the person chooses. */
const VISIBLE_FIELDS = ["organisation", "expertise", "talents", "languages", "municipalityCode"];

/** A value kept only with consent: without it, what was stored is cleared. */
function keptOnlyWith(consent, value, stored) {
  const text = orNull(value);
  if (consent || text === null) return text;
  return text === (stored ?? null) ? null : text;
}

export async function boot(main) {
  if (!api.isSignedIn()) {
    requireSignIn();
    return;
  }
  setTitle(t("mine.title"));
  const me = api.user();
  const municipalities = await api.municipalities().catch(() => []);
  const names = new Map(municipalities.map((m) => [m.code, m.name]));

  // --- Invitations ----------------------------------------------------------
  // A person joins a network only by their own act: here they accept or
  // decline what coordinators asked.
  const invitationsBox = h("div");
  async function renderInvitations() {
    const open = await api.getAll("/me/invitations", { status: "pending" });
    if (!open.length) {
      fill(invitationsBox);
      return;
    }
    fill(
      invitationsBox,
      heading(3, t("mine.invitationsTitle"), { id: "uitnodigingen-kop", tabindex: "-1" }),
      paragraph(t("mine.invitationsIntro")),
      h("ul", { class: "tm-list-plain", "aria-labelledby": "uitnodigingen-kop" }, open.map(invitationItem)),
    );
  }
  function invitationItem(invitation) {
    const titleId = `uitnodiging-${invitation.id}`;
    const form = h(
      "form",
      { "aria-labelledby": titleId },
      textField({ name: "commitment", label: t("mine.invitationCommitment"), multiline: true, rows: 2, description: t("mine.invitationCommitmentHelp") }),
    );
    const answer = async (status) => {
      const body = { status };
      const commitment = form.querySelector("textarea").value.trim();
      if (status === "accepted" && commitment) body.commitment = commitment;
      try {
        await api.request("PATCH", `/invitations/${invitation.id}`, { body });
      } catch (error) {
        focusOn(showFormAlert(form, "error", paragraph(errorText(error))));
        return;
      }
      await Promise.all([renderInvitations(), renderNetworks()]);
      const said = t(status === "accepted" ? "mine.invitationAccepted" : "mine.invitationDeclined", { network: invitation.networkName });
      announce(said);
      focusOn(document.getElementById(status === "accepted" ? "netwerken-kop" : "uitnodigingen-kop") || document.getElementById("netwerken-kop"));
    };
    form.append(
      buttonRow(
        button([t("mine.accept"), visuallyHidden(`: ${invitation.networkName}`)], { on: { click: () => answer("accepted") } }, "primary-action"),
        button([t("mine.decline"), visuallyHidden(`: ${invitation.networkName}`)], { on: { click: () => answer("declined") } }),
      ),
    );
    return h(
      "li",
      { class: "tm-panel" },
      h("h4", { class: "utrecht-heading-4", id: titleId }, link(`/netwerk.html?id=${invitation.networkId}`, invitation.networkName)),
      paragraph(t(invitation.invitedBy ? "mine.invitedBy" : "mine.invited", { name: invitation.invitedBy, role: label("role", invitation.role) })),
      invitation.message ? h("p", { class: "tm-quote" }, invitation.message) : null,
      form,
    );
  }

  // --- My networks --------------------------------------------------------
  const networksBox = h("div", null, paragraph(t("mine.loadingNetworks")));
  const renderNetworks = () => myNetworks()
    .then((list) => {
      if (!list.length) {
        fill(networksBox, paragraph(t("mine.noNetworks")), paragraph(link("/", t("mine.findLink")), " · ", link("/netwerk-starten.html", t("mine.startLink"))));
        return;
      }
      fill(
        networksBox,
        h(
          "ul",
          { class: "tm-cards" },
          list.map((n) => {
            const card = networkCard(n, { names });
            card.append(h("p", null, badge(t("mine.yourRole", { role: label("role", n.myRole) }), "active")));
            if (CORE_ROLES.includes(n.myRole)) card.append(h("p", null, link(`/netwerk-beheren.html?id=${n.id}`, t("network.manage"))));
            return card;
          }),
        ),
      );
    })
    .catch((error) => fill(networksBox, paragraph(errorText(error))));
  const networksDone = Promise.all([renderNetworks(), renderInvitations().catch((error) => fill(invitationsBox, paragraph(errorText(error))))]);

  // --- My profile -----------------------------------------------------------
  const profileBox = h("div");
  async function renderProfile(moveFocus) {
    if (!me?.stakeholderId) {
      fill(profileBox, paragraph(t("mine.noProfile")));
      return;
    }
    const { data: profile, etag } = await api.getWithTag(`/stakeholders/${me.stakeholderId}`);
    const form = h(
      "form",
      { "aria-labelledby": "profiel-kop" },
      textField({ name: "name", label: t("profile.name"), required: true, value: profile.name, autocomplete: "name" }),
      radioGroup({ name: "kind", legend: t("account.kind"), value: profile.kind, choices: values("kind").map((k) => ({ value: k, label: label("kind", k) })) }),
      textField({ name: "organisation", label: t("profile.organisation"), value: profile.organisation, autocomplete: "organization" }),
      textField({ name: "expertise", label: t("profile.expertise"), multiline: true, rows: 3, value: profile.expertise, description: t("profile.expertiseHelp") }),
      textField({ name: "talents", label: t("profile.talents"), value: profile.talents.join(", "), description: t("profile.talentsHelp"), list: true }),
      checkboxGroup({ name: "languages", legend: t("profile.languages"), value: profile.languages, choices: values("language").map((l) => ({ value: l, label: label("language", l) })) }),
      selectField({ name: "municipalityCode", label: t("profile.municipality"), value: profile.municipalityCode || "", description: t("profile.municipalityHelp"), choices: [{ value: "", label: t("profile.noMunicipality") }], groups: municipalityGroups(municipalities) }),
      h(
        "fieldset",
        { class: "tm-step-fieldset" },
        h("legend", null, t("profile.timeTitle")),
        paragraph(t("profile.timeIntro")),
        textField({ name: "hoursPerMonth", label: t("profile.hoursPerMonth"), type: "number", inputmode: "numeric", value: profile.availability?.hoursPerMonth ?? "", description: t("profile.hoursPerMonthHelp") }),
        checkboxField({ name: "occasional", label: t("profile.occasional"), checked: Boolean(profile.availability?.occasional) }),
        checkboxField({ name: "findable", label: t("profile.findable"), checked: Boolean(profile.findable), description: t("profile.findableHelp") }),
      ),
      h(
        "fieldset",
        { class: "tm-step-fieldset" },
        h("legend", null, t("profile.visibilityTitle")),
        paragraph(t("profile.visibilityIntro")),
        VISIBLE_FIELDS.map((field) =>
          radioGroup({
            name: `visibility-${field}`,
            legend: t(`profile.visibilityOf.${field}`),
            value: profile.visibility?.[field] || "nobody",
            choices: ["public", "platform", "networks", "nobody"].map((v) => ({ value: v, label: t(`profile.visibilityChoice.${v}`) })),
          }),
        ),
      ),
      h(
        "fieldset",
        { class: "tm-step-fieldset" },
        h("legend", null, t("profile.contactTitle")),
        paragraph(t("profile.contactIntro")),
        checkboxField({ name: "listed", label: t("profile.listed"), checked: profile.listed, description: t("profile.listedHelp") }),
        checkboxField({ name: "shareContact", label: t("profile.shareContact"), checked: profile.shareContact, description: t("profile.shareContactHelp") }),
        textField({ name: "email", label: t("profile.email"), type: "email", value: profile.contact?.email, autocomplete: "email", description: t("profile.contactNeedsConsent") }),
        textField({ name: "phone", label: t("profile.phone"), type: "tel", value: profile.contact?.phone, autocomplete: "tel", description: t("profile.contactNeedsConsent") }),
      ),
      h(
        "fieldset",
        { class: "tm-step-fieldset" },
        h("legend", null, t("profile.accessTitle")),
        paragraph(t("profile.accessIntro")),
        checkboxField({ name: "accessNeedsConsent", label: t("profile.accessConsent"), checked: profile.accessNeedsConsent, description: t("profile.accessConsentHelp") }),
        textField({ name: "accessNeeds", label: t("profile.accessNeeds"), multiline: true, rows: 3, value: profile.accessNeeds, description: t("profile.accessNeedsHelp") }),
      ),
      submitButton(t("profile.save")),
    );
    handleSubmit(
      form,
      async (v) => {
        await api.request("PATCH", `/stakeholders/${me.stakeholderId}`, {
          ifMatch: etag,
          body: {
            name: v.name,
            kind: v.kind,
            organisation: orNull(v.organisation),
            expertise: orNull(v.expertise),
            talents: splitList(v.talents),
            languages: v.languages,
            municipalityCode: orNull(v.municipalityCode),
            // Withdrawing consent erases what was kept: the stored values go
            // back as null. New text without consent is sent as typed, and the
            // API explains next to the field that it needs consent.
            email: keptOnlyWith(v.shareContact, v.email, profile.contact?.email),
            phone: keptOnlyWith(v.shareContact, v.phone, profile.contact?.phone),
            listed: v.listed,
            shareContact: v.shareContact,
            accessNeeds: keptOnlyWith(v.accessNeedsConsent, v.accessNeeds, profile.accessNeeds),
            accessNeedsConsent: v.accessNeedsConsent,
            visibility: Object.fromEntries(VISIBLE_FIELDS.map((field) => [field, v[`visibility-${field}`]])),
            availability: v.hoursPerMonth || v.occasional ? { hoursPerMonth: v.hoursPerMonth ? Number(v.hoursPerMonth) : null, occasional: Boolean(v.occasional) } : null,
            findable: Boolean(v.findable),
          },
        });
        await renderProfile(false);
        const done = showFormAlert(profileBox.querySelector("form"), "ok", paragraph(t("profile.saved")));
        focusOn(done);
      },
      {
        onConflict: async () => {
          if (await conflictDialog()) await renderProfile(true);
        },
        fieldMap: { availability: "hoursPerMonth" },
      },
    );
    fill(profileBox, form);
    suggestTalents(form.elements.talents);
    if (moveFocus) focusOn(form.querySelector("input"));
  }

  // --- My account -----------------------------------------------------------
  const accountBox = h("div");
  async function renderAccount() {
    const { data: account, etag } = await api.getWithTag("/me");
    const nameForm = h(
      "form",
      { "aria-label": t("mine.nameForm") },
      paragraph(t("mine.emailIs", { email: account.email })),
      textField({ name: "displayName", label: t("account.displayName"), required: true, value: account.displayName, autocomplete: "name", description: t("account.displayNameHelp") }),
      submitButton(t("mine.saveName")),
    );
    handleSubmit(
      nameForm,
      async (v) => {
        const result = await api.request("PATCH", "/me", { ifMatch: etag, body: { displayName: v.displayName } });
        api.updateUser({ ...api.user(), ...result.data });
        await renderAccount();
        focusOn(showFormAlert(accountBox.querySelector("form"), "ok", paragraph(t("mine.nameSaved"))));
      },
      {
        onConflict: async () => {
          if (await conflictDialog()) await renderAccount();
        },
      },
    );
    const passwordForm = h(
      "form",
      { "aria-labelledby": "wachtwoord-kop" },
      heading(3, t("mine.passwordTitle"), { id: "wachtwoord-kop" }),
      textField({ name: "currentPassword", label: t("mine.currentPassword"), type: "password", autocomplete: "current-password", required: true }),
      textField({ name: "newPassword", label: t("mine.newPassword"), type: "password", autocomplete: "new-password", required: true, description: t("account.passwordHelp") }),
      submitButton(t("mine.changePassword")),
    );
    handleSubmit(passwordForm, async (v) => {
      try {
        const result = await api.request("POST", "/me/password", { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
        api.adoptTokens(result.data);
      } catch (error) {
        if (error.status === 403) {
          focusOn(showFormAlert(passwordForm, "error", paragraph(t("mine.wrongPassword"))));
          return;
        }
        throw error;
      }
      passwordForm.reset();
      focusOn(showFormAlert(passwordForm, "ok", paragraph(t("mine.passwordChanged"))));
    });
    const remove = button(t("mine.delete"), {
      class: "utrecht-button--danger",
      on: {
        click: async () => {
          const ok = await confirmDialog({ title: t("mine.deleteTitle"), text: t("mine.deleteText"), confirmLabel: t("mine.deleteConfirm"), danger: true });
          if (!ok) return;
          try {
            await api.request("DELETE", "/me");
            await api.signOut();
            flashNext("mine.deleted");
            location.assign("/");
          } catch (error) {
            showError(remove, error.status === 409 ? t("mine.deleteBlocked") : errorText(error), "after");
          }
        },
      },
    });
    // The right of access (AVG): everything themanet keeps about me, as a file.
    const exportStatus = h("div", { role: "status" });
    const download = button(t("mine.exportButton"), {
      on: {
        click: async () => {
          try {
            const result = await api.request("GET", "/me/export");
            const blob = new Blob([JSON.stringify(result.data, null, 2)], { type: "application/json" });
            const fileLink = h("a", { class: "utrecht-link utrecht-link--html-a", href: URL.createObjectURL(blob), download: "themanet-mijn-gegevens.json" }, t("mine.exportLink"));
            fill(exportStatus, paragraph(t("mine.exportReady"), " ", fileLink));
            fileLink.click();
          } catch (error) {
            fill(exportStatus, paragraph(errorText(error)));
          }
        },
      },
    });
    fill(
      accountBox,
      nameForm,
      passwordForm,
      heading(3, t("mine.exportTitle")),
      paragraph(t("mine.exportIntro")),
      buttonRow(download),
      exportStatus,
      heading(3, t("mine.deleteHeading")),
      paragraph(t("mine.deleteIntro")),
      buttonRow(remove),
    );
  }

  // My meetings: the coming ones I registered for, and all of them in my
  // own calendar app, at a secret address shown once.
  const myMeetings = await api.get("/meetings", { registrant: "me", pageSize: 20 }).catch(() => ({ items: [] }));
  const calendarBox = h(
    "div",
    null,
    myMeetings.items.length
      ? h("ul", { class: "tm-cards", "aria-labelledby": "agenda-kop" }, myMeetings.items.map((m) => meetingCard(m, { showNetwork: true })))
      : paragraph(t("mine.noMeetings"), " ", link("/agenda.html", t("mine.toAgenda"))),
    paragraph(t("mine.calendarIntro")),
  );
  const calendarStatus = h("div", { role: "status" });
  const makeFeed = button(t("mine.calendarMake"), {
    on: {
      click: async () => {
        try {
          const r = await api.request("POST", "/me/calendar-feed", { body: {} });
          const id = "agenda-link";
          fill(
            calendarStatus,
            h("label", { class: "utrecht-form-label", for: id }, t("mine.calendarLink")),
            h("input", { id, class: ["utrecht-textbox", "utrecht-textbox--html-input"], readonly: true, value: r.data.url, spellcheck: "false" }),
            paragraph(t("mine.calendarOnce"), "tm-small"),
          );
          announce(t("mine.calendarMade"));
          focusOn(document.getElementById(id));
        } catch (error) {
          fill(calendarStatus, paragraph(errorText(error)));
        }
      },
    },
  });
  calendarBox.append(buttonRow(makeFeed), calendarStatus);

  // --- Mail and contact ------------------------------------------------------
  const preferences = preferencesSection();

  fill(
    main,
    heading(1, t("mine.title")),
    paragraph(t("mine.hello", { name: me?.displayName || "" }), "tm-lead"),
    heading(2, t("mine.networksTitle"), { id: "netwerken-kop", tabindex: "-1" }),
    invitationsBox,
    networksBox,
    heading(2, t("mine.profileTitle"), { id: "profiel-kop" }),
    paragraph(t("mine.profileIntro"), " ", link("/talenten.html", t("mine.talentsLink"))),
    profileBox,
    heading(2, t("mine.calendarTitle"), { id: "agenda-kop" }),
    calendarBox,
    preferences.title,
    preferences.box,
    heading(2, t("mine.accountTitle")),
    me?.isAdmin ? paragraph(link("/postvak.html", t("mine.outboxLink"))) : null,
    paragraph(link("/koppelingen.html", t("mine.apiClientsLink"))),
    accountBox,
  );
  await Promise.all([renderProfile(false), renderAccount(), preferences.render(), networksDone]);
}
