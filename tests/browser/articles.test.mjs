// The UN Convention's articles as a shared language, in the browser: a
// network shows the articles it works on, each a link to every network
// that works on it; the start page, the knowledge page and the map filter
// by one; a coordinator tags a goal. Zero axe violations on each.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, ready, check, signInViaPage, DEMO, apiCall } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

const museums = async () => (await apiCall("GET", "/networks?q=toegankelijke%20musea%20utrecht")).data.items[0];

test("a network's articles lead to the networks that work on them", async () => {
  const network = await museums();
  assert.deepEqual(network.articles, [9, 30]);
  const page = await openPage(browser.context);
  await visit(page, `/netwerk.html?id=${network.id}`);
  const tag = page.locator("dl.tm-facts").getByRole("link", { name: /^Artikel 30 Deelname aan het culturele leven/ });
  await tag.waitFor();
  await check(page, "a network with its articles");
  await Promise.all([page.waitForURL(/article=30/), tag.click()]);
  await ready(page);
  assert.equal(await page.getByLabel("Artikel van het VN-verdrag").inputValue(), "30");
  const expected = (await apiCall("GET", "/networks?article=30&pageSize=12")).data.items.map((n) => n.name);
  assert.ok(expected.includes(network.name));
  await page.getByRole("heading", { name: network.name }).first().waitFor();
  await check(page, "networks filtered by an article");
  await page.close();
});

test("the map and the knowledge page filter by an article", async () => {
  const page = await openPage(browser.context);
  await visit(page, "/kaart.html");
  await page.locator("svg.tm-map").waitFor();
  await page.getByLabel("Artikel van het VN-verdrag").selectOption("30");
  await page.locator("svg.tm-map title#kaart-titel", { hasText: "artikel 30" }).waitFor({ state: "attached" });
  const figures = (await apiCall("GET", "/map/municipalities?article=30")).data;
  const rows = figures.items.filter((m) => m.networks > 0).length;
  assert.equal(await page.getByRole("table").locator("tbody tr").count(), rows);
  assert.match(await page.locator(".tm-lead").textContent(), /artikel 30 Deelname/);
  assert.match(page.url(), /article=30/);
  await check(page, "the map of article 30");

  await visit(page, "/kennis.html?article=9&source=all");
  const links = (await apiCall("GET", "/knowledge-links?article=9&pageSize=100")).data.items;
  assert.ok(links.length > 0);
  await page.getByRole("link", { name: links[0].title }).waitFor();
  assert.equal(await page.getByLabel("Artikel van het VN-verdrag").inputValue(), "9");
  await check(page, "knowledge about article 9");
  await page.close();
});

test("a coordinator tags a goal with an article", async () => {
  const page = await openPage(browser.context);
  await signInViaPage(page, DEMO.coordinator);
  const nig = (await apiCall("GET", "/networks?q=netwerk%20inclusieve%20gemeenten")).data.items[0];
  await visit(page, `/netwerk-beheren.html?id=${nig.id}`);
  await page.getByRole("button", { name: "Nieuw doel toevoegen" }).click();
  const form = page.getByRole("form", { name: "Nieuw doel" });
  const title = `Een inclusieve school in elke gemeente (${Date.now()})`;
  await form.getByLabel("Wat wil je bereiken?").fill(title);
  await form.getByText("Artikelen van het VN-verdrag: 0 gekozen").click();
  await form.getByRole("checkbox", { name: "24 Onderwijs" }).check();
  await form.getByText("Artikelen van het VN-verdrag: 1 gekozen").waitFor();
  await check(page, "the goal form with the articles");
  await form.getByRole("button", { name: "Doel opslaan" }).click();
  const goal = page.locator("li.tm-goal", { has: page.getByRole("heading", { name: title }) });
  await goal.getByRole("link", { name: /^Artikel 24 Onderwijs/ }).waitFor();
  const goals = (await apiCall("GET", `/networks/${nig.id}/goals?article=24`)).data.items;
  assert.ok(goals.some((g) => g.title === title));
  assert.ok(goals.every((g) => g.articles.includes(24)));
  await page.close();
});
