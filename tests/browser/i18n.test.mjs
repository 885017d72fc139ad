// Every text lives in web/i18n/nl.js and web/i18n/en.js: both files have
// the same keys, and every key the code asks for exists.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

const web = new URL("../../web/", import.meta.url).pathname;

function load(lang) {
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(join(web, "i18n", `${lang}.js`), "utf8"), sandbox);
  return sandbox.themanetTexts[lang];
}

function keys(node, prefix = "") {
  return Object.entries(node).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".js") ? [path] : [];
  });
}

const nl = load("nl");
const en = load("en");

test("Dutch and English have the same texts", () => {
  const a = keys(nl).sort();
  const b = keys(en).sort();
  assert.deepEqual(a.filter((k) => !b.includes(k)), [], "only in nl.js");
  assert.deepEqual(b.filter((k) => !a.includes(k)), [], "only in en.js");
});

test("every text the code asks for exists", () => {
  const missing = [];
  const has = (dict, key) => key.split(".").reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined), dict) !== undefined;
  for (const file of files(join(web, "js"))) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/\bt\("([a-zA-Z0-9_.]+)"/g)) {
      for (const [lang, dict] of [["nl", nl], ["en", en]]) if (!has(dict, match[1])) missing.push(`${lang}:${match[1]} (${file.slice(web.length)})`);
    }
    for (const match of source.matchAll(/\b(?:label|values)\("([a-zA-Z]+)"/g)) {
      for (const [lang, dict] of [["nl", nl], ["en", en]]) if (!dict.enum[match[1]]) missing.push(`${lang}:enum.${match[1]} (${file.slice(web.length)})`);
    }
  }
  assert.deepEqual(missing, []);
});

test("the fixed value lists match the API's", () => {
  const spec = JSON.parse(readFileSync(new URL("../../openapi/openapi.json", import.meta.url), "utf8"));
  const api = spec.components.schemas;
  const wire = (name) => api[name].enum.map((v) => v.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase());
  for (const [ours, theirs] of [["scope", "Scope"], ["networkStatus", "NetworkStatus"], ["visibility", "Visibility"], ["goalStatus", "GoalStatus"], ["kind", "StakeholderKind"], ["role", "Role"], ["stance", "Stance"], ["audience", "Audience"]]) {
    assert.deepEqual(Object.keys(nl.enum[ours]).sort(), wire(theirs).sort(), `enum.${ours}`);
  }
});

test("the error codes the forms know are the API's", () => {
  const spec = JSON.parse(readFileSync(new URL("../../openapi/openapi.json", import.meta.url), "utf8"));
  const codes = spec.components.schemas.InvalidParamCode.enum;
  const source = readFileSync(join(web, "js", "forms.js"), "utf8");
  const table = /const CODES = \{([\s\S]*?)\};/.exec(source);
  assert.ok(table, "forms.js has its CODES table");
  const used = [...table[1].matchAll(/^\s*([a-zA-Z]+):/gm), ...source.matchAll(/code === "([a-zA-Z]+)"/g)].map((m) => m[1]);
  assert.ok(used.length >= 5, `found ${used}`);
  assert.deepEqual(used.filter((c) => !codes.includes(c)), [], "codes the API does not have");
});

test("no HTML page carries text of its own beyond the no-script note, nor inline script or style", () => {
  const pages = [...readdirSync(web).filter((n) => n.endsWith(".html")), "toegankelijkheid/index.html", "embed/voorbeeld.html", "embed/index.html"].map((n) => join(web, n));
  for (const page of pages) {
    const html = readFileSync(page, "utf8").replace(/<noscript>[\s\S]*?<\/noscript>/, "");
    const body = html.slice(html.indexOf("<body"));
    const text = body.replace(/<[^>]+>/g, "").trim();
    // The iframe page's no-JS link is the brand name only.
    assert.ok(text === "" || text === "themanet", `${page} has text outside the language files: ${text}`);
    assert.doesNotMatch(html, /style=|<style/i, `${page} has inline styles`);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, `${page} has an inline script`);
  }
});
