// Questions between networks in the browser: a visitor reads the national
// agenda and an answered question with its timeline; a coordinator raises a
// question for the museum network (helped with what is missing), moves it
// on as the national network and answers it, and supports another network's
// question; all by keyboard where it counts, with zero axe violations.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, ready, check, signInViaPage, DEMO, apiCall, apiToken, tabTo } from "./helpers.mjs";

let browser;
let coordinator;
let answered;
let open;
before(async () => {
  browser = await launch();
  coordinator = await launch();
  const all = (await apiCall("GET", "/questions?pageSize=100")).data.items;
  answered = all.find((q) => q.status === "answered");
  open = all.find((q) => /Stembureaus/.test(q.title));
  assert.ok(answered && open, "the demo's questions");
});
after(async () => {
  await browser.close();
  await coordinator.close();
});

test("a visitor reads the national agenda and an answer", async () => {
  const page = await openPage(browser.context);
  await visit(page, "/vragen.html");
  await page.getByRole("heading", { name: open.title }).waitFor();
  assert.equal(await page.getByRole("heading", { name: answered.title }).count(), 0, "open questions first");
  await check(page, "the national agenda");
  await page.getByLabel("Hoe ver is de vraag").selectOption("all");
  await page.getByRole("button", { name: "Vragen tonen" }).click();
  await page.getByRole("heading", { name: answered.title }).waitFor();
  await page.getByRole("link", { name: answered.title }).click();
  await page.waitForURL(/vraag\.html/);
  await ready(page);
  await page.getByRole("heading", { name: "Het antwoord" }).waitFor();
  const steps = page.getByRole("list", { name: "Wat er gebeurde" }).getByRole("listitem");
  assert.equal(await steps.count(), answered.timeline.length);
  assert.match(await steps.last().textContent(), /Beantwoord/);
  await check(page, "an answered question");
  await page.close();
});

test("a coordinator raises a question, and answers it as the national network", async () => {
  const page = await openPage(coordinator.context);
  await signInViaPage(page, DEMO.coordinator);
  const networks = (await apiCall("GET", "/networks?pageSize=100")).data.items;
  const musea = networks.find((n) => /musea/i.test(n.name));
  await visit(page, `/vraag-stellen.html?netwerk=${musea.id}`);
  await check(page, "the form to raise a question");
  const form = page.locator("form[aria-labelledby=vraag-formulier-kop]");
  // Sent half filled in: every missing field is named, with its message.
  await form.getByLabel("Korte titel").fill("Gidsen in gebarentaal");
  await form.getByRole("button", { name: "Vraag stellen" }).click();
  await page.locator(".tm-error-summary").waitFor();
  for (const field of ["Aan welk netwerk?", "De vraag", "Waarom kan ons netwerk dit niet alleen?"]) {
    assert.ok(await page.locator(".tm-error-summary").getByRole("link", { name: new RegExp(field.replace("?", "\\?")) }).count(), `the summary names ${field}`);
  }
  await check(page, "raise form with errors");
  // By keyboard: choose the network, write the question, send it.
  const national = networks.find((n) => n.scope === "national");
  await form.getByLabel("Aan welk netwerk?").selectOption(String(national.id));
  await form.getByLabel("De vraag").fill("Kunnen musea samen gidsen in Nederlandse Gebarentaal opleiden?");
  await form.getByLabel("Waarom kan ons netwerk dit niet alleen?").fill("Er zijn te weinig gidsen in het hele land. Eén museum kan dit niet betalen.");
  await form.getByLabel("Links").fill("https://example.org/gidsen");
  await form.getByRole("button", { name: "Vraag stellen" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/vraag\.html\?id=\d+/);
  await ready(page);
  await page.getByText("Je vraag ‘Gidsen in gebarentaal’ is gesteld.").waitFor();
  await check(page, "a raised question for its coordinator");

  // As the national network's coordinator: answer without words, then with.
  const move = page.locator("form[aria-labelledby=verder-kop]");
  await move.getByLabel("Nieuwe stand").selectOption("answered");
  await move.getByRole("button", { name: "Opslaan" }).click();
  await move.locator("[data-field=note] .utrecht-form-field-error-message").waitFor();
  await check(page, "answering without an answer");
  await move.getByLabel("Toelichting").fill("We zoeken samen met de dovenorganisaties naar geld voor een opleiding.");
  await tabTo(page, (info) => info.tag === "button" && /Opslaan/.test(info.text), { label: "the save button" });
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Het antwoord" }).waitFor();
  await page.close();
});

test("a coordinator supports another network's question, and takes it back", async () => {
  // Still signed in from the test before.
  const page = await openPage(coordinator.context);
  await visit(page, `/vraag.html?id=${open.id}`);
  const form = page.locator("form[aria-labelledby=steunen-kop]");
  await form.getByLabel("Wat wil je erbij zeggen?").fill("Ook musea zijn soms stembureau.");
  await form.getByRole("button", { name: "Steunen" }).click();
  const supporters = page.getByRole("list", { name: "Steun" });
  await supporters.getByText("Ook musea zijn soms stembureau.").waitFor();
  await check(page, "a supported question");
  await page.getByRole("button", { name: /Steun intrekken/ }).click();
  await supporters.getByText("Ook musea zijn soms stembureau.").waitFor({ state: "detached" });
  await page.getByRole("list", { name: "Wat er gebeurde" }).getByText(/steunt de vraag niet meer/).waitFor();
  const token = await apiToken(DEMO.coordinator);
  assert.equal((await apiCall("GET", `/questions/${open.id}`, { token })).data.supportCount, open.supportCount);
  await page.close();
});
