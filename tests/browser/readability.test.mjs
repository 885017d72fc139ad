// Plain Dutch (B1): every Dutch text of the web frontend is scored with the
// Flesch–Douma reading ease, the Dutch form of Flesch's formula:
//   206.835 − 0.93 × (words per sentence) − 77 × (syllables per word).
// Syllables are counted as groups of vowels (ij, ei, ou, au, ui, oe, eu, ie
// and double vowels count once). Every text of 12 words or more scores at
// least 40, and all texts of 5 words or more together at least 70
// ("makkelijk"). Words of the domain that members use every day
// (ervaringsdeskundigen, toegankelijkheid) weigh heavily in the formula;
// the threshold per text leaves room for them, the average keeps the rest
// simple. No browser or server needed.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
globalThis.themanetTexts = {};
require("../../web/i18n/nl.js");
const nl = globalThis.themanetTexts.nl;

/** Every text with its key, placeholders read as one short word. */
function texts(node, path = "") {
  return Object.entries(node).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    if (typeof value === "string") return [[at, value.replace(/\{[^}]+\}/g, "x")]];
    return value && typeof value === "object" ? texts(value, at) : [];
  });
}

const syllables = (word) =>
  (word.toLowerCase().replace(/[^a-zäëïöüéèáóú]/g, "").match(/(ij|ei|ou|au|ui|oe|eu|ie|aa|ee|oo|uu|[aeiouyäëïöüéèáóú])+/g) || []).length || 1;

/** Flesch–Douma reading ease of a text, and its number of words. */
export function readingEase(text) {
  const words = text.split(/\s+/).filter((w) => /[a-zA-Z]/.test(w));
  const sentences = Math.max(1, (text.match(/[.!?](\s|$)/g) || []).length);
  const perWord = words.reduce((n, w) => n + syllables(w), 0) / Math.max(1, words.length);
  return { ease: 206.835 - 0.93 * (words.length / sentences) - 77 * perWord, words: words.length };
}

test("the formula scores plain Dutch as easy and officialese as hard", () => {
  assert.ok(readingEase("Je doet mee. Je kiest zelf wat je deelt.").ease > 90);
  assert.ok(readingEase("De gemeentelijke beleidsvoornemens aangaande toegankelijkheidsvoorzieningen worden geëvalueerd.").ease < 0);
});

test("every Dutch text of 12 words or more reads at level B1 (Flesch–Douma at least 40)", () => {
  const hard = texts(nl)
    .map(([key, text]) => ({ key, ...readingEase(text) }))
    .filter((t) => t.words >= 12 && t.ease < 40)
    .map((t) => `${t.key}: ${t.ease.toFixed(0)}`);
  assert.deepEqual(hard, [], `texts to write more simply:\n${hard.join("\n")}`);
});

test("the Dutch texts together are easy to read (Flesch–Douma at least 70)", () => {
  const scored = texts(nl).map(([, text]) => readingEase(text)).filter((t) => t.words >= 5);
  assert.ok(scored.length > 300, `${scored.length} texts`);
  const mean = scored.reduce((n, t) => n + t.ease, 0) / scored.length;
  assert.ok(mean >= 70, `mean reading ease ${mean.toFixed(1)}`);
});
