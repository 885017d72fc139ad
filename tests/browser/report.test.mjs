// A network's progress report in the browser: a visitor follows the link on
// the network's page to the printable page; it has zero axe violations,
// reflows at 320 px, works without JavaScript (the period chosen with its
// form, and a period that does not work said on a page with the form
// again), and printed shows no navigation and no form. A coordinator opens
// the same link signed in and sees the report as a member.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, ready, check, signInViaPage, DEMO, BASE } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser.close();
});

test("a visitor opens this year's report from the network's page", async () => {
  const page = await openPage(browser.context);
  await visit(page, "/netwerk.html?id=3");
  await page.getByRole("heading", { name: "Voortgangsrapport" }).waitFor();
  await page.getByRole("link", { name: "Voortgangsrapport van dit jaar" }).click();
  await page.waitForURL(/\/api\/v1\/networks\/3\/report\.html/);
  await ready(page);
  await page.getByRole("heading", { level: 1, name: /Voortgangsrapport van/ }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "nl");
  for (const name of ["In het kort", "Doelen en stappen", "Bijeenkomsten", "Wie doet mee", "Vragen"]) {
    await page.getByRole("heading", { level: 2, name, exact: true }).waitFor();
  }
  // Every table has a caption; the demo network achieved something this year.
  const tables = await page.locator("table").count();
  assert.ok(tables >= 3, `${tables} tables`);
  assert.equal(await page.locator("table > caption").count(), tables);
  const figures = page.getByRole("table", { name: "De cijfers van deze periode" });
  assert.ok(await figures.getByRole("row").count() > 5);
  assert.match(await page.textContent("main"), /alleen wat openbaar is/);
  await check(page, "the progress report");

  // Printed: the content only.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("nav").isVisible(), false, "no navigation on paper");
  assert.equal(await page.locator("form").isVisible(), false, "no form on paper");
  assert.equal(await page.getByRole("heading", { level: 1 }).isVisible(), true);
  await page.emulateMedia({ media: "screen" });

  // Back to the network, and the CSV link names the file.
  const csv = await page.getByRole("link", { name: /Download als CSV/ }).getAttribute("href");
  const answer = await page.request.get(new URL(csv, page.url()).href);
  assert.equal(answer.status(), 200);
  assert.match(answer.headers()["content-disposition"], /attachment; filename="voortgang-/);
  await page.getByRole("link", { name: "Terug naar het netwerk" }).click();
  await page.waitForURL(/netwerk\.html\?id=3/);
  await page.close();
});

test("without JavaScript the period is chosen with the form", async () => {
  const noScript = await launch({ javaScriptEnabled: false });
  try {
    const page = await openPage(noScript.context);
    await page.goto(`${BASE}/api/v1/networks/3/report.html`);
    const year = new Date().getFullYear();
    await page.getByLabel("Van (eerste dag)").fill(`${year - 1}-01-01`);
    await page.getByLabel("Tot en met (laatste dag)").fill(`${year - 1}-12-31`);
    await Promise.all([page.waitForURL(/from=/), page.getByRole("button", { name: "Toon het rapport" }).click()]);
    assert.match(page.url(), new RegExp(`from=${year - 1}-01-01&to=${year - 1}-12-31&lang=nl`));
    assert.match(await page.textContent(".tm-lead"), new RegExp(`1 januari ${year - 1} tot en met 31 december ${year - 1}`));
    await page.getByRole("link", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: /Progress report of/ }).waitFor();
  } finally {
    await noScript.close();
  }
});

test("a period that does not work is said on a page, with the form again", async () => {
  const page = await openPage(browser.context);
  const year = new Date().getFullYear();
  // The last day before the first: what the form sends when the days are
  // swapped.
  const answer = await page.goto(`${BASE}/api/v1/networks/3/report.html?from=${year}-05-01&to=${year}-04-30&lang=nl`);
  assert.equal(answer.status(), 400);
  await page.getByRole("heading", { level: 1, name: "Deze periode kan niet" }).waitFor();
  assert.match(await page.textContent("main"), /De eerste dag moet op of voor de laatste dag liggen/);
  assert.equal(await page.getByLabel("Van (eerste dag)").inputValue(), `${year}-05-01`);
  await check(page, "the page for a period that does not work");
  // Put right, the report shows.
  await page.getByLabel("Tot en met (laatste dag)").fill(`${year}-05-31`);
  await Promise.all([page.waitForURL(/to=.*-05-31/), page.getByRole("button", { name: "Toon het rapport" }).click()]);
  await page.getByRole("heading", { level: 1, name: /Voortgangsrapport van/ }).waitFor();
  await page.close();
});

test("the report reflows at 320 px", async () => {
  const narrow = await launch({ viewport: { width: 320, height: 640 } });
  try {
    const page = await openPage(narrow.context);
    await visit(page, "/api/v1/networks/3/report.html");
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    assert.ok(scrollWidth <= clientWidth, `${scrollWidth}px wide in ${clientWidth}px`);
  } finally {
    await narrow.close();
  }
});

test("a coordinator opens the report as a member", async () => {
  const signed = await launch();
  try {
    const page = await openPage(signed.context);
    await signInViaPage(page, DEMO.coordinator);
    await visit(page, "/netwerk.html?id=3");
    await page.getByRole("link", { name: "Voortgangsrapport van dit jaar" }).click();
    await page.waitForURL(/report\.html/);
    await ready(page);
    assert.doesNotMatch(await page.textContent("main"), /alleen wat openbaar is/);
    await check(page, "the progress report for a member");
  } finally {
    await signed.close();
  }
});
