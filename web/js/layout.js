// The frame of every page: skip link, header with language switch and
// account, main navigation, footer, and one polite live region for
// announcements. Pages put their content into `main`.

import { h, fill, focusOn } from "./dom.js";
import { t, lang, setLanguage } from "./i18n.js";
import * as api from "./api.js";

let liveRegion;

/** Says something to screen-reader users without moving focus. */
export function announce(message) {
  if (!liveRegion) return;
  liveRegion.textContent = "";
  // A new text node in a fresh task, so that repeated messages are read too.
  setTimeout(() => {
    liveRegion.textContent = message;
  }, 50);
}

const FLASH_KEY = "themanet-melding";

/** A message to show at the top of the next page (e.g. after a redirect). */
export function flashNext(key, vars = {}) {
  try {
    sessionStorage.setItem(FLASH_KEY, JSON.stringify({ key, vars }));
  } catch {
    /* no storage: no message */
  }
}

function takeFlash() {
  try {
    const raw = sessionStorage.getItem(FLASH_KEY);
    sessionStorage.removeItem(FLASH_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/** An NL Design System alert: kind is info, ok, warning or error. */
export function alertBox(kind, ...content) {
  return h(
    "div",
    { class: ["utrecht-alert", `utrecht-alert--${kind}`] },
    h("div", { class: "utrecht-alert__content" }, h("div", { class: "utrecht-alert__message" }, ...content)),
  );
}

/**
 * A paragraph of text and nodes. A last argument like "tm-lead" or
 * "tm-small tm-muted" is taken as extra class names, not as text.
 */
export function paragraph(...parts) {
  let extraClass = null;
  const last = parts[parts.length - 1];
  if (parts.length > 1 && typeof last === "string" && /^tm-[\w-]+( tm-[\w-]+)*$/.test(last)) extraClass = parts.pop();
  return h("p", { class: ["utrecht-paragraph", extraClass] }, ...parts);
}

export function heading(level, text, props = {}) {
  return h(`h${level}`, { ...props, class: [`utrecht-heading-${level}`, props.class] }, text);
}

export function link(href, text, props = {}) {
  return h("a", { ...props, href, class: ["utrecht-link", "utrecht-link--html-a", props.class] }, text);
}

/** Text for screen readers only (a button's full name, say). */
export function visuallyHidden(text) {
  return h("span", { class: "tm-visually-hidden" }, text);
}

/**
 * An error in plain words where something was tried: put into `node` (or
 * after it, with position "after"), read out at once and focused.
 */
export function showError(node, text, position = "append") {
  const box = alertBox("error", paragraph(text));
  box.setAttribute("role", "alert");
  node[position](box);
  focusOn(box);
  return box;
}

export function button(text, props = {}, appearance = "secondary-action") {
  return h(
    "button",
    { type: "button", ...props, class: ["utrecht-button", `utrecht-button--${appearance}`, props.class] },
    text,
  );
}

const NAV = [
  { key: "nav.find", href: "/", page: "find" },
  { key: "nav.agenda", href: "/agenda.html", page: "agenda" },
  { key: "nav.questions", href: "/vragen.html", page: "questions" },
  { key: "nav.map", href: "/kaart.html", page: "map" },
  { key: "nav.knowledge", href: "/kennis.html", page: "knowledge" },
  { key: "nav.start", href: "/netwerk-starten.html", page: "start" },
  { key: "nav.talents", href: "/talenten.html", page: "talents", signedIn: true },
  { key: "nav.mine", href: "/mijn.html", page: "mine", signedIn: true },
];

function accountTools(page) {
  const me = api.user();
  const other = lang === "nl" ? "en" : "nl";
  const language = h(
    "button",
    {
      type: "button",
      class: "tm-header__button",
      lang: other,
      on: { click: () => setLanguage(other) },
    },
    t("layout.otherLanguage"),
  );
  const here = location.pathname + location.search;
  if (api.isSignedIn()) {
    return [
      h("span", { class: "tm-header__user" }, t("layout.signedInAs", { name: me?.displayName || "" })),
      h(
        "button",
        {
          type: "button",
          class: "tm-header__button",
          on: {
            click: async () => {
              await api.signOut();
              flashNext("layout.signedOut");
              location.assign("/");
            },
          },
        },
        t("layout.signOut"),
      ),
      language,
    ];
  }
  return [
    page === "signin" ? null : h("a", { href: `/inloggen.html?terug=${encodeURIComponent(here)}` }, t("layout.signIn")),
    page === "register" ? null : h("a", { href: `/registreren.html?terug=${encodeURIComponent(here)}` }, t("layout.register")),
    language,
  ];
}

/**
 * Builds the frame. `page` names the current page (for aria-current).
 * Returns { main } where the page puts its content.
 */
export function renderLayout(page) {
  const body = document.body;
  body.classList.add("utrecht-document");
  document.documentElement.classList.add("themanet-theme");

  const skip = h("a", { class: ["utrecht-skip-link", "utrecht-skip-link--visible-on-focus"], href: "#inhoud" }, t("layout.skip"));

  const header = h(
    "header",
    { class: "tm-header" },
    h(
      "div",
      { class: ["tm-container", "tm-header__bar"] },
      h("a", { class: "tm-logo", href: "/" }, "themanet", h("span", { class: "tm-logo__tagline" }, t("layout.tagline"))),
      h("div", { class: "tm-header__tools" }, accountTools(page)),
    ),
    h(
      "nav",
      { class: "tm-nav", "aria-label": t("layout.navLabel") },
      h(
        "div",
        { class: "tm-container" },
        h(
          "ul",
          { class: "tm-nav__list" },
          NAV.filter((item) => !item.signedIn || api.isSignedIn()).map((item) =>
            h(
              "li",
              null,
              h("a", { class: "tm-nav__link", href: item.href, "aria-current": item.page === page ? "page" : null }, t(item.key)),
            ),
          ),
        ),
      ),
    ),
  );

  // Pages fill `content`; a message carried over from the previous page
  // (flashNext) stays above it.
  const content = h("div", { class: "tm-content" });
  const main = h("main", { id: "inhoud", class: ["tm-main", "tm-container"], tabindex: "-1" }, content);

  liveRegion = h("div", { class: "tm-visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });

  const footer = h(
    "footer",
    { class: "tm-footer" },
    h(
      "div",
      { class: "tm-container" },
      h("h2", { class: "tm-visually-hidden" }, t("layout.footerTitle")),
      h(
        "ul",
        { class: "tm-footer__list" },
        h("li", null, link("/toegankelijkheid", t("layout.accessibility"))),
        h("li", null, link("/embed/voorbeeld.html", t("layout.embed"))),
        h("li", null, link("/api/v1/docs/", t("layout.api"))),
      ),
      paragraph(t("layout.footerText"), "tm-small"),
    ),
  );

  for (const node of [...body.children]) if (node.tagName !== "NOSCRIPT" && node.tagName !== "SCRIPT") node.remove();
  body.prepend(skip, header, main, footer, liveRegion);

  const flash = takeFlash();
  if (flash) {
    const box = alertBox("ok", paragraph(t(flash.key, flash.vars)));
    box.setAttribute("role", "status");
    main.prepend(box);
  }
  return { main: content };
}

/** Shows that a page could not be loaded, with the reason in plain words. */
export function pageError(main, error) {
  const status = error?.status;
  const key = status === 404 ? "errors.notFound" : status === 0 ? "errors.offline" : status === 403 ? "errors.forbidden" : "errors.general";
  const title = heading(1, t(`${key}Title`));
  fill(main, title, alertBox("error", paragraph(t(key))), paragraph(link("/", t("errors.backHome"))));
  document.title = `${t(`${key}Title`)} | themanet`;
  focusOn(title);
}

export function setTitle(text) {
  document.title = `${text} | themanet`;
}

/** Sends someone who must sign in first to the sign-in page, and back. */
export function requireSignIn() {
  const here = location.pathname + location.search;
  location.replace(`/inloggen.html?terug=${encodeURIComponent(here)}&nodig=1`);
}
