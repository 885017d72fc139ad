// The map of inclusive municipalities in the browser: drawn from the
// platform's own data (no request to another host), every municipality a
// keyboard stop with its name and figure that leads to its networks, the
// measure chosen by radio buttons, and a sortable table with the same
// figures; zero axe violations, and it reflows at 320 pixels.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, ready, check, apiCall } from "./helpers.mjs";

let browser;
let figures;
before(async () => {
  browser = await launch();
  figures = (await apiCall("GET", "/map/municipalities")).data;
});
after(() => browser.close());

test("the map: every municipality a named link, the same figures in the table", async () => {
  const page = await openPage(browser.context);
  await visit(page, "/kaart.html");
  await page.locator("svg.tm-map").waitFor();
  assert.equal(await page.locator("svg.tm-map a").count(), figures.items.length, "every municipality is on the map");
  await check(page, "the map of municipalities");
  // Utrecht's name and figure, as a screen reader gets it.
  const utrecht = page.locator('svg.tm-map a[href="/?municipality=GM0344"]');
  assert.equal(await utrecht.evaluate((a) => a.querySelector("title").textContent), "Utrecht: 1 actief netwerk");
  // By keyboard: focus the municipality and press Enter.
  await utrecht.focus();
  await Promise.all([page.waitForURL(/municipality=GM0344/), page.keyboard.press("Enter")]);
  await ready(page);
  await page.close();
});

test("the measure changes the map, and the table sorts", async () => {
  const page = await openPage(browser.context);
  await visit(page, "/kaart.html");
  await page.getByLabel("Ervaringsdeskundigen die meedoen").check();
  await page.locator("svg.tm-map title#kaart-titel", { hasText: "ervaringsdeskundigen" }).waitFor({ state: "attached" });
  const gent = page.locator('svg.tm-map a[href="/?municipality=44021"] title');
  assert.match(await gent.textContent(), /^Gent: 1 ervaringsdeskundige doet mee$/);
  const table = page.getByRole("table");
  const withNetwork = figures.items.filter((m) => m.networks > 0).length;
  assert.equal(await table.locator("tbody tr").count(), withNetwork);
  await page.getByRole("button", { name: "Gemeente" }).click();
  assert.equal(await page.locator("th[aria-sort]").getAttribute("aria-sort"), "ascending");
  const names = await table.locator("tbody th").allTextContents();
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, "nl")));
  await page.getByLabel("Ook gemeenten zonder netwerk tonen").check();
  assert.equal(await table.locator("tbody tr").count(), figures.items.length);
  await check(page, "the map by experience experts, the whole table");
  await page.close();
});
