// The embed on a partner site: a page served from another origin (a small
// static server on another port) with one script tag, and an iframe. The
// list renders, follows the host page's font size, is accessible, links
// back to themanet, and without JavaScript a plain link remains.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { launch, openPage, BASE, expectNoAxeViolations, expectClean, ready } from "./helpers.mjs";

let partner;
let partnerOrigin;

function partnerPage() {
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Gemeente Voorbeeld: meedoen in Utrecht</title>
  <link rel="icon" href="data:,">
  <style>
    html { font-size: 125%; font-family: Georgia, serif; }
    body { margin: 1rem; }
  </style>
</head>
<body>
  <header><p>Gemeente Voorbeeld (een partnersite)</p></header>
  <main>
    <h1>Meedoen in Utrecht</h1>
    <p>Hieronder staan de themanetwerken in onze gemeente.</p>
    <div id="lijst">
      <a href="${BASE}/?municipality=GM0344" data-themanet-fallback>Themanetwerken in Utrecht</a>
      <script src="${BASE}/embed/netwerken.js" data-municipality="GM0344" async></script>
    </div>
    <h2>Bijeenkomsten in Assen</h2>
    <div id="agenda">
      <a href="${BASE}/agenda.html?municipality=GM0106" data-themanet-fallback>Bijeenkomsten in Assen</a>
      <script src="${BASE}/embed/netwerken.js" data-show="meetings" data-municipality="GM0106" data-heading-level="3" async></script>
    </div>
    <div id="kaart">
      <a href="${BASE}/kaart.html" data-themanet-fallback>Kaart van inclusieve gemeenten</a>
      <script src="${BASE}/embed/netwerken.js" data-show="map" data-measure="experience_experts" data-heading-level="2" async></script>
    </div>
    <div id="tafel">
      <a href="${BASE}/tafel.html?netwerk=3" data-themanet-fallback>Wie zit aan tafel bij de musea?</a>
      <script src="${BASE}/embed/netwerken.js" data-show="table" data-network="3" data-heading-level="2" async></script>
    </div>
    <h2>Alle landelijke netwerken</h2>
    <iframe src="${BASE}/embed/?scope=national&amp;lang=nl" title="Landelijke themanetwerken" width="100%" height="300"></iframe>
  </main>
</body>
</html>`;
}

before(async () => {
  partner = createServer((request, response) => {
    if (request.url === "/partner.html") {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(partnerPage());
    } else {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("niet gevonden");
    }
  });
  await new Promise((resolve) => partner.listen(0, "127.0.0.1", resolve));
  partnerOrigin = `http://127.0.0.1:${partner.address().port}`;
  assert.notEqual(partnerOrigin, new URL(BASE).origin);
});

after(() => new Promise((resolve) => partner.close(resolve)));

test("the script embed on another origin renders, follows the font size and links back", async () => {
  const browser = await launch();
  try {
    const page = await openPage(browser.context, [partnerOrigin]);
    await page.goto(`${partnerOrigin}/partner.html`);
    await page.waitForSelector("#lijst .themanet-embed[data-ready]");
    const items = page.locator("#lijst .themanet-embed li");
    assert.ok((await items.count()) > 0, "the list shows networks in Utrecht");
    assert.equal(await page.locator("#lijst [data-themanet-fallback]").count(), 0, "the fallback link made way for the list");
    assert.match(await page.textContent("#lijst .themanet-embed"), /Toegankelijke musea Utrecht/);

    // Follows the host page's font size (125% = 20px) and font.
    const font = await page.$eval("#lijst .themanet-embed__link", (a) => getComputedStyle(a).fontSize);
    assert.equal(font, "20px");

    // The iframe version shows the national networks.
    const frame = page.frameLocator("iframe");
    await frame.locator(".themanet-embed[data-ready]").waitFor();
    assert.match(await frame.locator(".themanet-embed").textContent(), /Netwerk Inclusieve Gemeenten/);

    await expectNoAxeViolations(page, "partner page with the embed and the iframe");

    // Every link goes back to themanet.
    const hrefs = await page.$$eval("#lijst .themanet-embed a", (links) => links.map((a) => a.href));
    for (const href of hrefs) assert.ok(href.startsWith(`${BASE}/`), `${href} links back to themanet`);
    const first = page.locator("#lijst .themanet-embed__link").first();
    const name = (await first.textContent()).trim();
    await Promise.all([page.waitForURL(`${BASE}/netwerk.html?id=*`), first.click()]);
    await ready(page);
    assert.equal((await page.textContent("h1")).trim(), name);
    expectClean(page, "partner page and the network page it links to");
  } finally {
    await browser.close();
  }
});

test("the same script lists a municipality's coming meetings, with what the venue offers", async () => {
  const browser = await launch();
  try {
    const page = await openPage(browser.context, [partnerOrigin]);
    await page.goto(`${partnerOrigin}/partner.html`);
    await page.waitForSelector("#agenda .themanet-embed[data-ready]");
    const text = await page.textContent("#agenda .themanet-embed");
    assert.match(text, /Bijeenkomsten/);
    assert.match(text, /Warm startmoment Inclusief Drenthe/);
    assert.match(text, /Bibliotheek Assen/);
    assert.match(text, /Ringleiding/);
    await expectNoAxeViolations(page, "partner page with the meetings embed", "#agenda");
    const first = page.locator("#agenda .themanet-embed__link").first();
    await Promise.all([page.waitForURL(`${BASE}/bijeenkomst.html?id=*`), first.click()]);
    await ready(page);
    assert.match(await page.textContent("h1"), /Warm startmoment/);
  } finally {
    await browser.close();
  }
});

test("without JavaScript the partner page keeps a plain link to themanet", async () => {
  const browser = await launch({ javaScriptEnabled: false });
  try {
    const page = await openPage(browser.context, [partnerOrigin]);
    await page.goto(`${partnerOrigin}/partner.html`);
    const href = await page.getAttribute("#lijst a[data-themanet-fallback]", "href");
    assert.equal(href, `${BASE}/?municipality=GM0344`);
    assert.deepEqual(page.foreignRequests, []);
  } finally {
    await browser.close();
  }
});

test("the embed answers with a useful text when the API can't be reached", async () => {
  const browser = await launch();
  try {
    const page = await openPage(browser.context, [partnerOrigin]);
    await page.route(`${BASE}/api/v1/networks*`, (route) => route.fulfill({ status: 503, body: "" }));
    await page.goto(`${partnerOrigin}/partner.html`);
    await page.waitForSelector("#lijst .themanet-embed[data-ready]");
    assert.match(await page.textContent("#lijst .themanet-embed"), /konden niet worden geladen/);
    assert.equal(await page.getAttribute("#lijst .themanet-embed__more a", "href"), `${BASE}/?municipality=GM0344`);
    await expectNoAxeViolations(page, "partner page with an embed that failed", "#lijst");
  } finally {
    await browser.close();
  }
});

test("the same script shows the map, its municipalities leading back to themanet", async () => {
  const browser = await launch();
  try {
    const page = await openPage(browser.context, [partnerOrigin]);
    await page.goto(`${partnerOrigin}/partner.html`);
    await page.waitForSelector("#kaart .themanet-embed[data-ready]");
    const links = page.locator("#kaart svg a");
    assert.equal(await links.count(), 342 + 285 + 19, "every municipality");
    const utrecht = page.locator(`#kaart svg a[href="${BASE}/?municipality=GM0344"]`);
    assert.match(await utrecht.locator("title").textContent(), /^Utrecht: \d+ ervaringsdeskundigen? doe[nt]? mee$/);
    assert.equal(await page.getByRole("heading", { name: "Kaart van inclusieve gemeenten" }).count(), 1);
    await expectNoAxeViolations(page, "partner page with the map embed", "#kaart");
    await utrecht.focus();
    await Promise.all([page.waitForURL(`${BASE}/?municipality=GM0344`), page.keyboard.press("Enter")]);
    await ready(page);
  } finally {
    await browser.close();
  }
});

test("a network's stakeholder map embeds by script and by iframe", async () => {
  const browser = await launch();
  try {
    const page = await openPage(browser.context, [partnerOrigin]);
    await page.goto(`${partnerOrigin}/partner.html`);
    const table = page.locator("#tafel .themanet-embed[data-ready]");
    await table.waitFor();
    assert.equal(await table.getByRole("heading", { level: 2 }).textContent(), "Wie zit aan tafel?");
    assert.equal(await table.locator("svg.tm-rings g.tm-rings-cell").count(), 24);
    assert.equal(await table.getByRole("link", { name: "Dezelfde gegevens in een tabel, op themanet" }).getAttribute("href"), `${BASE}/tafel.html?netwerk=3#tafel-kop`);
    const frame = await openPage(browser.context);
    await frame.goto(`${BASE}/embed/?show=table&network=3&lang=en`);
    await frame.waitForSelector(".themanet-embed[data-ready]");
    assert.equal(await frame.title(), "Who is at the table? | themanet");
    assert.match(await frame.locator("svg.tm-rings title").first().textContent(), /^Who is at the table of Toegankelijke musea Utrecht\?$/);
    await expectNoAxeViolations(frame, "the stakeholder map in an iframe");
    expectClean(frame, "the stakeholder map in an iframe");
  } finally {
    await browser.close();
  }
});

test("the iframe shows the map too, its links opening themanet in the whole window", async () => {
  const browser = await launch();
  try {
    const page = await openPage(browser.context);
    await page.goto(`${BASE}/embed/?show=map&measure=goals_achieved&lang=en`);
    await page.waitForSelector(".themanet-embed[data-ready]");
    assert.equal(await page.title(), "Map of inclusive municipalities | themanet");
    const utrecht = page.locator(`svg a[href="${BASE}/?municipality=GM0344"]`);
    assert.equal(await utrecht.getAttribute("target"), "_top");
    assert.match(await utrecht.locator("title").textContent(), /^Utrecht: \d+ goals? achieved$/);
    await expectNoAxeViolations(page, "the map in an iframe");
    expectClean(page, "the map in an iframe");
  } finally {
    await browser.close();
  }
});
