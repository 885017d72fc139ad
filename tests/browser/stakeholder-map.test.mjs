// A network's stakeholder map in the browser: the rings drawn by the
// server beside a table with the same facts, who the network still looks
// for, the drawing saved as a file, the balance signal on the map itself,
// and a coordinator adding and removing an open seat by keyboard. Zero axe
// violations; no request to another host.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, check, signInViaPage, DEMO, apiCall, uniqueEmail } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

test("a visitor sees who is at the table and who is still sought", async () => {
  const museums = (await apiCall("GET", "/networks?q=toegankelijke%20musea%20utrecht")).data.items[0];
  const map = (await apiCall("GET", `/networks/${museums.id}/stakeholder-map`)).data;
  const page = await openPage(browser.context);
  await visit(page, `/netwerk.html?id=${museums.id}`);
  await page.getByRole("link", { name: /Bekijk de stakeholdersmap/ }).click();
  await page.locator("svg.tm-rings").waitFor();
  assert.equal(await page.locator("svg.tm-rings g.tm-rings-cell").count(), 24);
  assert.equal(await page.locator("svg.tm-rings g.tm-rings-seat").count(), map.openSeats.length);
  const table = page.getByRole("table", { name: `${map.members} leden, per soort en rol` });
  assert.equal(await table.locator("tbody tr").count(), 8, "a row per kind");
  const seats = page.locator("section, div").filter({ has: page.getByRole("heading", { name: "Wie zoeken we nog?" }) }).last();
  await seats.getByText("Iemand die doof is en Nederlandse Gebarentaal spreekt").waitFor();
  await check(page, "a stakeholder map");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Kaart opslaan als SVG" }).click()]);
  assert.equal(download.suggestedFilename(), `stakeholdersmap-${museums.id}.svg`);
  await page.close();
});

test("the balance signal shows when no experience expert is in the core group", async () => {
  const email = uniqueEmail("tafel");
  const registered = await apiCall("POST", "/auth/register", { body: { email, password: "correct horse battery", displayName: "Pim Professional", kind: "professional" } });
  assert.equal(registered.status, 201);
  const token = registered.data.accessToken;
  const network = await apiCall("POST", "/networks", { token, body: { name: `Werk in Zwolle ${Date.now()}`, theme: "Werk voor iedereen", scope: "local", municipalityCode: "GM0193" } });
  assert.equal(network.status, 201);
  const page = await openPage(browser.context);
  await visit(page, `/tafel.html?netwerk=${network.data.id}`);
  // Nobody at the table speaks from experience: the one warning says so.
  await page.getByRole("heading", { name: "Nog geen ervaringsdeskundige aan tafel" }).waitFor();
  assert.match(await page.locator("svg.tm-rings g.tm-rings-warning").textContent(), /Niets over ons zonder ons/);
  await check(page, "a stakeholder map out of balance");
  await page.close();
});

test("a coordinator adds an open seat and removes it when it is filled", async () => {
  const page = await openPage(browser.context);
  await signInViaPage(page, DEMO.coordinator);
  const nig = (await apiCall("GET", "/networks?q=netwerk%20inclusieve%20gemeenten")).data.items[0];
  await visit(page, `/tafel.html?netwerk=${nig.id}`);
  const description = `Een jobcoach uit Zwolle ${Date.now()}`;
  const form = page.getByRole("form", { name: "Open plek toevoegen" });
  await form.getByLabel("Wie zoek je?").fill(description);
  await form.getByLabel("Soort").selectOption("professional");
  await form.getByLabel("Rol aan tafel").selectOption("member");
  await form.getByRole("button", { name: "Open plek toevoegen" }).press("Enter");
  const card = page.locator("li", { hasText: description });
  await card.waitFor();
  await page.locator("svg.tm-rings g.tm-rings-seat title", { hasText: description }).waitFor({ state: "attached" });
  await check(page, "a stakeholder map with a new open seat");
  await card.getByRole("button", { name: `Open plek weghalen: ${description}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Weghalen" }).click();
  await card.waitFor({ state: "detached" });
  const seats = (await apiCall("GET", `/networks/${nig.id}/open-seats`)).data.items;
  assert.ok(!seats.some((s) => s.description === description));
  await page.close();
});
