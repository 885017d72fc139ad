// Where the session lives: the access token only in memory, the refresh
// token in an HttpOnly cookie. Staying signed in across page loads and
// across an expired access token; signing out ends it.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, BASE, DEMO, signInViaPage, expectClean } from "./helpers.mjs";

let browser;
let page;
before(async () => {
  browser = await launch();
  page = await openPage(browser.context);
});
after(() => browser.close());

test("tokens are never in storage, readable cookies or addresses", async () => {
  const urls = [];
  page.on("request", (request) => urls.push(request.url()));
  await signInViaPage(page, DEMO.member);
  await visit(page, "/mijn.html");
  const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
  assert.doesNotMatch(stored, /eyJ|accessToken|themanet_refresh/, "no token in localStorage, sessionStorage or document.cookie");
  for (const url of urls) assert.doesNotMatch(url, /eyJ|token=/i, `no token in ${url}`);
  const cookies = await browser.context.cookies();
  const refresh = cookies.find((c) => c.name === "themanet_refresh");
  assert.ok(refresh, "the refresh cookie is set");
  assert.equal(refresh.httpOnly, true);
  assert.equal(refresh.sameSite, "Strict");
  assert.equal(refresh.path, "/api/v1/auth");
});

test("the session survives page loads", async () => {
  await visit(page, "/");
  assert.match(await page.textContent("header"), /Ingelogd als/);
  await visit(page, "/netwerk.html?id=3");
  assert.match(await page.textContent("header"), /Ingelogd als/);
});

test("an expired access token is refreshed once and the request repeated", async () => {
  let refreshes = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/v1/auth/refresh")) refreshes += 1;
  });
  // The first read of the profile answers 401, as when the token expired.
  let failed = false;
  await page.route(/\/api\/v1\/stakeholders\/\d+$/, async (route) => {
    if (!failed && route.request().headers().authorization) {
      failed = true;
      await route.fulfill({ status: 401, contentType: "application/problem+json", body: JSON.stringify({ type: "about:blank", title: "Unauthorized", status: 401, detail: "expired" }) });
    } else {
      await route.continue();
    }
  });
  await visit(page, "/mijn.html");
  await page.unroute(/\/api\/v1\/stakeholders\/\d+$/);
  assert.ok(failed, "the 401 was served");
  assert.equal(refreshes, 2, "one refresh on page load, one after the 401");
  assert.ok(await page.isVisible("form[aria-labelledby=profiel-kop]"), "the profile still shows");
  assert.match(await page.textContent("header"), /Ingelogd als/);
});

test("signing out ends the session, also after a reload", async () => {
  await visit(page, "/");
  await page.click("header button:has-text('Uitloggen')");
  await page.waitForSelector("main :text('Je bent uitgelogd')");
  await visit(page, "/");
  assert.match(await page.textContent("header"), /Inloggen/);
  assert.doesNotMatch(await page.textContent("header"), /Ingelogd als/);
  expectClean(page, "session");
});
