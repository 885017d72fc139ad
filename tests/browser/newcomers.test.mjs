// What a newcomer meets first: a municipality without a network of its
// own, the knowledge platform's audience pages, tags and search, a web
// address typed without https://, and the form for adding someone else.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { visit, DEMO, check, usePage, signInViaPage, apiCall, apiToken } from "./helpers.mjs";

describe("a visitor in a municipality without a network", () => {
  const session = usePage();

  test("Zwolle shows the networks of Overijssel and the national ones, and how to start one", async () => {
    const { page } = session;
    await visit(page, "/");
    await page.selectOption("select[name=myMunicipality]", "GM0193");
    await page.click("text=Toon netwerken");
    await page.waitForSelector("#mijn-gemeente-kop:has-text('Zwolle')");
    await page.waitForSelector("#zelf-starten-kop");
    const mine = page.locator("section[aria-labelledby=mijn-gemeente-kop]");
    const text = await mine.textContent();
    assert.match(text, /Er is nog geen netwerk in Zwolle/);
    assert.match(await mine.locator("#regionaal-kop").textContent(), /Overijssel/);
    assert.match(text, /Inclusief Overijssel/, "the regional network of the province");
    assert.doesNotMatch(text, /Inclusief Drenthe/, "not another province's");
    assert.match(await mine.locator("#landelijk-kop").textContent(), /heel Nederland/);
    assert.match(text, /Netwerk Inclusieve Gemeenten/, "the national network");
    // No link to a list that is empty; a link to start one here.
    assert.equal(await mine.locator("a:has-text('Alle netwerken in Zwolle')").count(), 0);
    const start = mine.locator("a:has-text('Start een netwerk in Zwolle')");
    assert.match(await start.getAttribute("href"), /netwerk-starten\.html\?municipality=GM0193$/);
    await check(page, "start page, a municipality without a network");

    // Starting one there: the form knows the municipality.
    await signInViaPage(page, DEMO.coordinator);
    await visit(page, "/netwerk-starten.html?municipality=GM0193");
    assert.equal(await page.inputValue("select[name=municipalityCode]"), "GM0193");
    // A regional network chooses its province.
    await page.locator("label:has-text('Regionaal')").click();
    assert.ok(await page.isVisible("select[name=provinceCode]"), "the province field shows for a regional network");
    await check(page, "start a regional network");
  });

  test("in English", async () => {
    const { page } = session;
    await visit(page, "/?lang=en");
    await page.selectOption("select[name=myMunicipality]", "GM0193");
    await page.click("text=Show networks");
    await page.waitForSelector("#zelf-starten-kop");
    assert.match(await page.textContent("section[aria-labelledby=mijn-gemeente-kop]"), /There is no network in Zwolle yet/);
    await check(page, "start page, a municipality without a network, English");
    await visit(page, "/?lang=nl");
  });
});

describe("the knowledge platform for a newcomer", () => {
  const session = usePage();

  test("an audience's page includes the links for everyone", async () => {
    const { page } = session;
    await visit(page, "/kennis.html?audience=employers");
    await page.waitForSelector("[data-link-id]");
    const text = await page.textContent("main");
    assert.match(text, /UWV voor werkgevers/, "a link for employers");
    assert.match(text, /VN-verdrag werkt/, "a link for everyone");
    await check(page, "knowledge for employers");
  });

  test("who a link is for and its topics are told apart by name and shape", async () => {
    const { page } = session;
    await visit(page, "/kennis.html");
    const card = page.locator("[data-link-id]:has-text('College voor de Rechten van de Mens')");
    const groups = card.locator(".tm-tags");
    assert.equal(await groups.count(), 2);
    assert.equal((await groups.nth(0).locator(".tm-tags__name").textContent()).trim(), "Voor wie:");
    assert.equal((await groups.nth(1).locator(".tm-tags__name").textContent()).trim(), "Onderwerpen:");
    // Each list is named by its visible name.
    const named = await card.evaluate((el) => [...el.querySelectorAll(".tm-tags ul")].map((ul) => document.getElementById(ul.getAttribute("aria-labelledby"))?.textContent));
    assert.deepEqual(named, ["Voor wie:", "Onderwerpen:"]);
    assert.match(await groups.nth(1).textContent(), /Werk/);
    const shape = (locator) => locator.evaluate((el) => ({ radius: getComputedStyle(el).borderTopLeftRadius, border: getComputedStyle(el).borderTopStyle }));
    const audience = await shape(groups.nth(0).locator(".utrecht-data-badge").first());
    const topic = await shape(groups.nth(1).locator(".utrecht-data-badge").first());
    assert.notDeepEqual(audience, topic, "the two kinds of tag differ in shape");
    await check(page, "knowledge cards with their tags");
  });

  test("searching a topic's name finds its links", async () => {
    const { page } = session;
    await visit(page, "/kennis.html?q=werk");
    await page.waitForSelector("[data-link-id]");
    assert.match(await page.textContent("main"), /College voor de Rechten van de Mens/, "its topic is Werk");
    await check(page, "knowledge search for a topic");
  });
});

describe("a web address typed without https://", () => {
  const session = usePage(DEMO.admin);

  test("gets https:// in front, in the field and in what is stored, and the form says so", async () => {
    const { page } = session;
    const typed = `voorbeeld.org/zonder-https-${Date.now()}`;
    await visit(page, "/kennis.html");
    const add = page.locator("section[aria-labelledby=toevoegen-kop] form");
    // A title is missing: the form stays, and its address field shows what was sent.
    await add.locator("input[name=url]").fill(typed);
    await add.locator("button[type=submit]").click();
    await page.waitForSelector("section[aria-labelledby=toevoegen-kop] .tm-error-summary");
    assert.equal(await add.locator("input[name=url]").inputValue(), `https://${typed}`);
    assert.equal(await add.locator("[data-field=url] .utrecht-form-field-error-message").count(), 0, "the address is fine now");
    assert.equal(await add.locator("[data-field=title] .utrecht-form-field-error-message").count(), 1);

    await add.locator("input[name=title]").fill("Een link zonder https");
    await add.locator("label:has-text('Iedereen')").click();
    await add.locator("button[type=submit]").click();
    await page.waitForSelector("section[aria-labelledby=toevoegen-kop] .utrecht-alert--ok");
    const confirmation = await page.textContent("section[aria-labelledby=toevoegen-kop] .utrecht-alert--ok");
    assert.ok(confirmation.includes(`https://${typed}`), confirmation);
    await check(page, "link added without https");

    const token = await apiToken(DEMO.admin);
    const found = await apiCall("GET", `/knowledge-links?q=${encodeURIComponent("zonder https")}`, { token });
    const stored = found.data.items.find((l) => l.url === `https://${typed}`);
    assert.ok(stored, `stored as https://${typed}: ${JSON.stringify(found.data.items.map((l) => l.url))}`);

    // Changing it, typed the same way.
    await visit(page, "/kennis.html?q=zonder%20https");
    await page.locator(`[data-link-id="${stored.id}"] button:has-text('Wijzigen')`).click();
    const edit = page.locator("li.tm-editor form");
    await edit.locator("input[name=url]").fill(`${typed}/nieuw`);
    const [request] = await Promise.all([page.waitForRequest((r) => r.method() === "PATCH"), edit.locator("button[type=submit]").click()]);
    assert.equal(JSON.parse(request.postData()).url, `https://${typed}/nieuw`);
    await page.waitForSelector("li.tm-editor", { state: "detached" });
    assert.equal((await apiCall("GET", `/knowledge-links/${stored.id}`, { token })).data.url, `https://${typed}/nieuw`);
    assert.equal((await apiCall("DELETE", `/knowledge-links/${stored.id}`, { token })).status, 204);
  });
});

describe("adding someone else to a network", () => {
  const session = usePage(DEMO.coordinator);

  test("asks what kind of participant they are, not who you are", async () => {
    const { page } = session;
    await visit(page, "/netwerk-beheren.html?id=3");
    const form = page.locator("form[aria-labelledby=nieuw-lid-kop]");
    const kind = await form.locator("[data-field=kind] label").textContent();
    assert.equal(kind.trim(), "Wat voor deelnemer voeg je toe?");
    assert.doesNotMatch(await form.textContent(), /Wie ben je/);
    await visit(page, "/netwerk-beheren.html?id=3&lang=en");
    assert.equal((await page.locator("form[aria-labelledby=nieuw-lid-kop] [data-field=kind] label").textContent()).trim(), "What kind of participant are you adding?");
    await check(page, "manage page in English");
    await visit(page, "/?lang=nl");
  });
});
