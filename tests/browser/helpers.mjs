// Shared helpers for the browser tests: start Chromium the way this machine
// allows (Debian's /usr/bin/chromium, no downloads), open pages while
// recording every request, run axe, and small keyboard helpers.
//
// The server under test is at BASE_URL (set by scripts/test-browser.sh).

import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

// axe-core is put into every page and frame before the page's own scripts
// (an init script, which the page's Content-Security-Policy does not
// govern); one axe.run then checks the page with its frames. This is about
// four times faster than injecting axe again for every check.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const BASE = (process.env.BASE_URL || "http://127.0.0.1:8080").replace(/\/$/, "");
export const DEMO_PASSWORD = "demo-wachtwoord";
export const DEMO = {
  coordinator: "demo-coordinator@themanet.example",
  member: "demo-lid@themanet.example",
  admin: "demo-admin@themanet.example",
};
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts Chromium with a fresh profile. Returns { context, close }. */
export async function launch(contextOptions = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), "themanet-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ARGS,
    headless: true,
    locale: "nl-NL",
    viewport: { width: 1280, height: 900 },
    ...contextOptions,
  });
  context.setDefaultTimeout(15000);
  await context.addInitScript({ content: AXE_SOURCE });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A page that records every request it makes and every console error, so a
 * test can check that nothing went to another host. allowedOrigins: extra
 * origins a test serves itself (the partner site in the embed test).
 */
export async function openPage(context, allowedOrigins = []) {
  const page = await context.newPage();
  const allowed = new Set([new URL(BASE).origin, ...allowedOrigins]);
  page.foreignRequests = [];
  page.consoleErrors = [];
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return;
    const origin = new URL(url).origin;
    if (!allowed.has(origin)) page.foreignRequests.push(url);
  });
  page.on("console", (message) => {
    if (message.type() === "error") page.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => page.consoleErrors.push(String(error)));
  return page;
}

/** Goes to a path and waits until the page says it is ready. */
export async function visit(page, path) {
  await page.goto(BASE + path);
  await ready(page);
}

export async function ready(page) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
}

/** Runs axe on the page (or one part of it) and fails with a readable list. */
export async function expectNoAxeViolations(page, label, include) {
  await page.waitForFunction(() => typeof window.axe === "object");
  const violations = await page.evaluate(
    ({ tags, include }) =>
      window.axe
        .run(include ? { include: [[include]] } : document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }))),
    { tags: AXE_TAGS, include: include || null },
  );
  const problems = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 5).join("\n    ")}`);
  assert.equal(problems.length, 0, `axe found ${problems.length} violation(s) on ${label}:\n  ${problems.join("\n  ")}`);
}

/** No request left the server under test, and no script errors. */
export function expectClean(page, label) {
  assert.deepEqual(page.foreignRequests, [], `${label}: requests to other hosts`);
  // Left out: the browser's note on an expected 4xx answer (a visitor's
  // session check answers 401), and axe's own attempt to read a stylesheet of
  // another origin with XMLHttpRequest (themanet itself only uses fetch).
  const errors = page.consoleErrors.filter((e) => !/status of 4\d\d|Failed to load resource/.test(e) && !/XMLHttpRequest at '[^']*\.css'/.test(e));
  assert.deepEqual(errors, [], `${label}: console errors`);
}

/** Zero axe violations, no request to another host and no script errors. */
export async function check(page, label) {
  await expectNoAxeViolations(page, label);
  expectClean(page, label);
}

/**
 * A browser with one page for the tests of a `describe` block, started
 * before them (signed in as `email`, when given) and closed after them.
 * Returns an object whose `page` is set once they run.
 */
export function usePage(email) {
  const state = { browser: null, page: null };
  before(async () => {
    state.browser = await launch();
    state.page = await openPage(state.browser.context);
    if (email) await signInViaPage(state.page, email);
  });
  after(() => state.browser.close());
  return state;
}

/** Signs in through the API from inside the page (sets the refresh cookie). */
export async function signInViaPage(page, email, password = DEMO_PASSWORD) {
  await page.goto(BASE + "/inloggen.html");
  await ready(page);
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/inloggen")), page.click("form button[type=submit]")]);
  await ready(page);
}

/** Does the focused element show a visible focus indicator? */
export async function focusInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { tag: null, visible: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow && style.boxShadow !== "none";
    const rect = el.getBoundingClientRect();
    const onScreen = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute("type"),
      name: el.getAttribute("name"),
      text: (el.textContent || el.value || el.getAttribute("aria-label") || "").replace(/\s+/g, " ").trim().slice(0, 120),
      label: el.labels && el.labels[0] ? el.labels[0].textContent.replace(/\s+/g, " ").trim() : "",
      visible: (outline || shadow) && onScreen,
      onScreen,
    };
  });
}

/**
 * Presses Tab until `match(info)` is true, checking a visible focus on every
 * stop. Fails when it takes more than `max` presses (a trap or a missing
 * control).
 */
export async function tabTo(page, match, { max = 80, key = "Tab", label = "control" } = {}) {
  const seen = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(key);
    const info = await focusInfo(page);
    seen.push(`${info.tag}${info.name ? `[${info.name}]` : ""} ${info.text}`);
    if (info.tag) assert.ok(info.visible, `focus is not visible on ${JSON.stringify(info)} (on the way to ${label})`);
    if (info.tag && match(info)) return info;
  }
  assert.fail(`could not reach ${label} with ${key} in ${max} presses; went through:\n  ${seen.slice(-20).join("\n  ")}`);
}

/** A fresh, unique e-mail address for a test account. */
export function uniqueEmail(prefix = "test") {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@themanet.example`;
}

/** Calls the API directly from Node (for setting up a conflict, say). */
export async function apiCall(method, path, { token, body, ifMatch } = {}) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = method === "PATCH" ? "application/merge-patch+json" : "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  const response = await fetch(`${BASE}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, data: text ? JSON.parse(text) : null, etag: response.headers.get("etag") };
}

export async function apiToken(email, password = DEMO_PASSWORD) {
  const result = await apiCall("POST", "/auth/login", { body: { email, password } });
  assert.equal(result.status, 200, `sign in as ${email}`);
  return result.data.accessToken;
}
