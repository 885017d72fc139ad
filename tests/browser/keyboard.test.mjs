// A keyboard-only walk: sign up, start a network, add a goal with two
// steps, mark one achieved. Only Tab, Shift+Tab, Enter, Space, arrow keys
// and typing; no mouse, no clicks from the test. At every Tab stop the focus
// must be visible, and every control must be reachable (no trap).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, BASE, ready, tabTo, focusInfo, uniqueEmail, expectClean, expectNoAxeViolations } from "./helpers.mjs";

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await openPage(browser.context);
});

after(async () => {
  await browser.close();
});

const has = (text) => (info) => info.text.includes(text) || info.label.includes(text);

test("keyboard only: sign up, start a network, add a goal with two steps, mark one achieved", async () => {
  const stamp = Date.now();
  const networkName = `Toetsenbordnetwerk ${stamp}`;
  const goalTitle = `Alle bibliotheken toegankelijk ${stamp}`;
  const step1 = `Schouw in de centrale bibliotheek ${stamp}`;
  const step2 = `Voorleesuur met gebarentolk ${stamp}`;

  await page.goto(`${BASE}/`);
  await ready(page);

  // The skip link is the first stop, and it is visible when focused.
  const skip = await tabTo(page, has("Naar de inhoud"), { max: 1, label: "skip link" });
  assert.equal(skip.tag, "a");

  // --- Sign up --------------------------------------------------------------
  await tabTo(page, has("Account maken"), { label: "sign-up link" });
  await Promise.all([page.waitForURL(/registreren\.html/), page.keyboard.press("Enter")]);
  await ready(page);
  await tabTo(page, (i) => i.name === "displayName", { label: "name field" });
  await page.keyboard.type("Toetsenbord Tester");
  await page.keyboard.press("Tab");
  assert.equal((await focusInfo(page)).name, "email");
  await page.keyboard.type(uniqueEmail("toetsenbord"));
  await page.keyboard.press("Tab");
  assert.equal((await focusInfo(page)).name, "password");
  await page.keyboard.type("een lange zin als wachtwoord");
  // The radio group of kinds is one stop; the arrow keys change the choice.
  await page.keyboard.press("Tab");
  const kind = await focusInfo(page);
  assert.equal(kind.name, "kind");
  assert.ok(kind.visible, "focus visible on the kind radio group");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await tabTo(page, has("Account maken"), { label: "create account button" });
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/registreren")), page.keyboard.press("Enter")]);
  await ready(page);
  assert.match(await page.textContent("header"), /Ingelogd als Toetsenbord Tester/);

  // --- Start a network ------------------------------------------------------
  await tabTo(page, has("Netwerk starten"), { label: "start link in the menu" });
  await Promise.all([page.waitForURL(/netwerk-starten\.html/), page.keyboard.press("Enter")]);
  await ready(page);
  await tabTo(page, (i) => i.name === "name", { label: "network name" });
  await page.keyboard.type(networkName);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Bibliotheken in Utrecht waar iedereen welkom is");
  // Topics: tick the first one with Space.
  await page.keyboard.press("Tab");
  const topic = await focusInfo(page);
  assert.equal(topic.name, "topics");
  await page.keyboard.press("Space");
  // Scope: "local" is chosen; go to the municipality and type its name.
  await tabTo(page, (i) => i.name === "municipalityCode", { label: "municipality" });
  await page.keyboard.type("Utrecht");
  assert.equal(await page.$eval("select[name=municipalityCode]", (s) => s.value), "GM0344");
  await tabTo(page, (i) => i.name === "ambition", { label: "ambition" });
  await page.keyboard.type("Over een jaar zijn alle bibliotheken in Utrecht goed te bezoeken.");
  await tabTo(page, (i) => i.tag === "button" && has("Netwerk starten")(i), { label: "start network button" });
  await Promise.all([page.waitForURL(/netwerk-beheren\.html\?id=\d+/), page.keyboard.press("Enter")]);
  await ready(page);
  assert.match(await page.textContent("h1"), new RegExp(networkName));

  // --- A goal with two steps --------------------------------------------------
  await tabTo(page, has("Nieuw doel toevoegen"), { label: "add goal" });
  await page.keyboard.press("Enter");
  assert.equal((await focusInfo(page)).name, "title", "focus moves into the new goal form");
  await page.keyboard.type(goalTitle);
  await tabTo(page, has("Doel opslaan"), { label: "save goal" });
  await page.keyboard.press("Enter");
  await page.waitForFunction((title) => document.activeElement?.textContent === title, goalTitle);

  for (const step of [step1, step2]) {
    // The goal's own "add step" button comes before its steps: search backwards.
    await tabTo(page, (i) => i.text.startsWith("Stap toevoegen") && i.text.includes(goalTitle), { key: "Shift+Tab", label: "add step" });
    await page.keyboard.press("Enter");
    assert.equal((await focusInfo(page)).name, "title", "focus moves into the new step form");
    await page.keyboard.type(step);
    await tabTo(page, has("Stap opslaan"), { label: "save step" });
    await page.keyboard.press("Enter");
    await page.waitForFunction((title) => document.activeElement?.textContent === title, step);
  }

  // --- Mark the first step achieved -------------------------------------------------
  await tabTo(page, (i) => i.text.startsWith("Behaald!") && i.text.includes(step1), { key: "Shift+Tab", label: "mark step 1 achieved" });
  await page.keyboard.press("Enter");
  await page.waitForFunction((title) => document.activeElement?.textContent === title, step1);
  const stepText = await page.evaluate((title) => {
    const heading = [...document.querySelectorAll("h4")].find((h) => h.textContent === title);
    return heading.closest("li").textContent;
  }, step1);
  assert.match(stepText, /Behaald op/);
  assert.match(await page.textContent("main"), /1 van 2 stappen behaald/);
  await expectNoAxeViolations(page, "manage page after the keyboard walk");

  // --- No trap: from here Tab runs through the rest of the page and leaves it. ---
  await tabTo(page, has("API voor gemeenten"), { max: 200, label: "the last link of the footer" });
  await page.keyboard.press("Tab");
  const after = await focusInfo(page);
  assert.ok(after.tag === null || after.text.includes("Naar de inhoud"), `focus leaves the page after the footer (now on ${after.tag} ${after.text})`);

  // --- A dialog keeps focus while open, and Escape gives it back. ----------------
  await tabTo(page, (i) => i.text.startsWith("Verwijderen") && i.text.includes(step2), { key: "Shift+Tab", max: 200, label: "delete step 2" });
  await page.keyboard.press("Enter");
  await page.waitForSelector("dialog[open]");
  assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest("dialog"))), true, "focus moves into the dialog");
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press("Tab");
    const inDialog = await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")) || document.activeElement === document.body);
    assert.ok(inDialog, "Tab stays in the open dialog");
  }
  await page.keyboard.press("Escape");
  await page.waitForSelector("dialog[open]", { state: "detached" });
  const back = await focusInfo(page);
  assert.ok(back.text.startsWith("Verwijderen") && back.text.includes(step2), "focus returns to the button that opened the dialog");

  expectClean(page, "keyboard walk");
});

test("keyboard only: register for a meeting with what you need, with consent", async () => {
  const all = await (await fetch(`${BASE}/api/v1/meetings?format=online`)).json();
  const meeting = all.items[0];
  assert.ok(meeting, "an online demo meeting");
  await page.goto(`${BASE}/bijeenkomst.html?id=${meeting.id}`);
  await ready(page);
  await tabTo(page, (i) => i.name === "accessNeeds" && i.label.includes("Live ondertiteling"), { max: 120, label: "the captions need" });
  await page.keyboard.press("Space");
  await tabTo(page, (i) => i.name === "needsConsent", { label: "the consent" });
  await page.keyboard.press("Space");
  await tabTo(page, has("Aanmelden"), { label: "the register button" });
  await page.keyboard.press("Enter");
  await page.waitForSelector("text=Je bent aangemeld. Er is een plek voor jou.");
  assert.match(await page.textContent("main"), /Wat je nodig hebt: Live ondertiteling/);
  await expectNoAxeViolations(page, "registered by keyboard");
  expectClean(page, "registering by keyboard");
});
