// Where am I needed ("waar ben ik nodig"): the open steps that need a
// talent I offer, with "Ik help mee" on the steps of my own networks; and
// the contact requests I received and sent, which I accept or decline
// (contact details appear only once a request is accepted).

import { h, fill, focusOn } from "../dom.js";
import { t, formatDate } from "../i18n.js";
import * as api from "../api.js";
import { heading, paragraph, link, setTitle, requireSignIn, announce, visuallyHidden, alertBox } from "../layout.js";
import { button, buttonRow, errorText } from "../forms.js";
import { badge, fact } from "../views.js";
import { talentBadges } from "../talents.js";

export async function boot(main) {
  const me = api.user();
  if (!me) {
    requireSignIn();
    return;
  }
  setTitle(t("talents.title"));

  // --- Where am I needed --------------------------------------------------
  const needsBox = h("div", { "aria-live": "polite" });
  async function renderNeeds(focusId) {
    const needs = await api.getAll("/me/matches", {}, 200);
    if (!needs.length) {
      fill(needsBox, paragraph(t("talents.noNeeds"), " ", link("/mijn.html#profiel-kop", t("talents.toProfile"))));
      return;
    }
    fill(needsBox, h("ul", { class: "tm-cards", "aria-labelledby": "nodig-kop" }, needs.map(need)));
    if (focusId) focusOn(document.getElementById(focusId));
  }

  function need(n) {
    const titleId = `nodig-${n.goalId}`;
    const status = h("div", { "aria-live": "polite" });
    let action = null;
    if (n.offer) {
      action = paragraph(badge(t(`talents.offer.${n.offer}`), n.offer === "accepted" ? "active" : "neutral"));
    } else if (n.ownNetwork) {
      action = buttonRow(
        button([t("talents.help"), visuallyHidden(`: ${n.title}`)], {
          on: {
            click: async () => {
              try {
                await api.request("POST", `/goals/${n.goalId}/helpers`, { body: {} });
              } catch (error) {
                fill(status, paragraph(errorText(error)));
                return;
              }
              announce(t("talents.helpSent", { title: n.title }));
              await renderNeeds(titleId);
            },
          },
        }, "primary-action"),
      );
    } else {
      action = paragraph(t("talents.joinFirst"), " ", link(`/netwerk.html?id=${n.networkId}#meedoen-kop`, t("talents.joinLink", { name: n.networkName })));
    }
    return h(
      "li",
      { class: "tm-card" },
      h("h3", { class: "utrecht-heading-3", id: titleId, tabindex: "-1" }, n.title),
      paragraph(t("talents.inNetwork"), " ", link(`/netwerk.html?id=${n.networkId}#doelen-kop`, n.networkName)),
      paragraph(t("talents.matching")),
      talentBadges(n.matchingTalents, t("talents.matchingLabel", { title: n.title })),
      action,
      status,
    );
  }

  // --- Contact requests -----------------------------------------------------
  const requestsBox = h("div", { "aria-live": "polite" });
  async function renderRequests(focusId) {
    const requests = await api.getAll("/me/contact-requests", {}, 200);
    if (!requests.length) {
      fill(requestsBox, paragraph(t("talents.noRequests")));
      return;
    }
    fill(requestsBox, h("ul", { class: "tm-cards", "aria-labelledby": "verzoeken-kop" }, requests.map(request)));
    if (focusId) focusOn(document.getElementById(focusId));
  }

  function request(r) {
    const titleId = `verzoek-${r.id}`;
    const status = h("div", { "aria-live": "polite" });
    const received = r.direction === "received";
    const other = received ? r.from : r.to;
    const answer = (value) =>
      button([t(`talents.${value}`), visuallyHidden(`: ${other.name}`)], {
        on: {
          click: async () => {
            try {
              await api.request("PATCH", `/contact-requests/${r.id}`, { body: { status: value } });
            } catch (error) {
              fill(status, paragraph(errorText(error)));
              return;
            }
            announce(t(`talents.${value}Done`, { name: other.name }));
            await renderRequests(titleId);
          },
        },
      }, value === "accept" ? "primary-action" : "secondary-action");
    const contact = r.contact
      ? h(
          "dl",
          { class: "tm-facts" },
          r.contact.email ? fact(t("talents.email"), h("a", { class: "utrecht-link utrecht-link--html-a", href: `mailto:${r.contact.email}` }, r.contact.email)) : null,
          fact(t("talents.phone"), r.contact.phone),
        )
      : null;
    return h(
      "li",
      { class: "tm-card" },
      h("h3", { class: "utrecht-heading-3", id: titleId, tabindex: "-1" }, t(received ? "talents.from" : "talents.to", { name: other.name })),
      paragraph(badge(t(`talents.request.${r.status}`), r.status === "accepted" ? "active" : "neutral"), " ", h("span", { class: "tm-small tm-muted" }, formatDate(r.createdAt))),
      h("p", { class: "tm-quote" }, r.message),
      contact,
      r.status === "accepted" && !contact ? paragraph(t("talents.noContactShared")) : null,
      received && r.status === "pending" ? h("div", null, paragraph(t("talents.answerHelp")), buttonRow(answer("accept"), answer("decline"))) : null,
      status,
    );
  }

  fill(
    main,
    heading(1, t("talents.title")),
    paragraph(t("talents.intro"), "tm-lead"),
    heading(2, t("talents.needsTitle"), { id: "nodig-kop", tabindex: "-1" }),
    paragraph(t("talents.needsIntro")),
    needsBox,
    heading(2, t("talents.requestsTitle"), { id: "verzoeken-kop", tabindex: "-1" }),
    paragraph(t("talents.requestsIntro")),
    requestsBox,
    alertBox("info", paragraph(t("talents.expertsNote"), " ", link("/ervaringsdeskundigen.html", t("talents.expertsLink")))),
  );
  await Promise.all([renderNeeds(), renderRequests()]);
}
