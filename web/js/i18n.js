// Language: Dutch (plain, B1) by default, English switchable. Every text of
// the frontend lives in one file per language: /i18n/nl.js and /i18n/en.js.
// Those files are classic scripts (not modules), so that the embed on a
// partner site can load them from another origin too.

export const LANGUAGES = ["nl", "en"];
const STORAGE_KEY = "themanet-taal";

export let lang = "nl";
let texts = {};

function choose() {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  if (LANGUAGES.includes(fromUrl)) {
    try {
      localStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      /* storage may be off: the choice then lasts for this page only */
    }
    return fromUrl;
  }
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(stored)) return stored;
  } catch {
    /* ignore */
  }
  return "nl";
}

/** Loads a classic script from this site once. */
export function loadScript(src) {
  return new Promise((resolve, reject) => {
    const existing = document.querySelector(`script[data-src="${src}"]`);
    if (existing && existing.dataset.loaded) return resolve();
    const script = document.createElement("script");
    script.src = src;
    script.dataset.src = src;
    script.addEventListener("load", () => {
      script.dataset.loaded = "true";
      resolve();
    });
    script.addEventListener("error", () => reject(new Error(`could not load ${src}`)));
    document.head.append(script);
  });
}

export async function loadLanguage(wanted) {
  const chosen = wanted || choose();
  const all = (globalThis.themanetTexts ??= {});
  if (!all[chosen]) await loadScript(`/i18n/${chosen}.js`);
  useTexts(chosen, all[chosen]);
  document.documentElement.lang = lang;
  return lang;
}

/** Speaks `language` with these texts (a language file's object). */
export function useTexts(language, dict) {
  lang = language;
  texts = dict;
}

/** Switches language and shows the same page again. */
export function setLanguage(next) {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* ignore */
  }
  const url = new URL(location.href);
  url.searchParams.set("lang", next);
  location.assign(url.pathname + url.search + url.hash);
}

function lookup(key) {
  let node = texts;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object" || !(part in node)) return undefined;
    node = node[part];
  }
  return node;
}

/** True when the language file has this text. */
export function has(key) {
  return lookup(key) !== undefined;
}

/**
 * The text for a key, with {placeholders} filled in. A text with forms
 * {one, other} picks one by vars.count.
 */
export function t(key, vars = {}) {
  let value = lookup(key);
  if (value && typeof value === "object" && "other" in value) {
    value = vars.count === 1 ? value.one : value.other;
  }
  if (typeof value !== "string") {
    console.warn(`themanet: missing text ${lang}:${key}`);
    return key;
  }
  return value.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

/** The label of a fixed value (scope, status, kind, role, ...). */
export function label(kind, value) {
  if (value === null || value === undefined) return "";
  return has(`enum.${kind}.${value}`) ? t(`enum.${kind}.${value}`) : String(value);
}

/** The values of a fixed list, in the order of the language file. */
export function values(kind) {
  return Object.keys(lookup(`enum.${kind}`) || {});
}

const locale = () => (lang === "nl" ? "nl-NL" : "en-GB");

/** A date (YYYY-MM-DD) or a time (RFC 3339) as a long date. */
export function formatDate(value) {
  if (!value) return "";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

export function formatNumber(value) {
  return new Intl.NumberFormat(locale()).format(value);
}
