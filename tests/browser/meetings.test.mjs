// Meetings in the browser: the agenda with its filters, a meeting page with
// what the venue offers, registering with needs (only with consent) and
// cancelling, and a coordinator who plans a meeting and sees the needs
// counted and who comes.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, DEMO, signInViaPage, check, apiCall, uniqueEmail } from "./helpers.mjs";

const PASSWORD = "een lange zin als wachtwoord";
let visitor;
let person;
let coordinator;
let email;

before(async () => {
  email = uniqueEmail("bijeenkomst");
  const registered = await apiCall("POST", "/auth/register", { body: { email, password: PASSWORD, displayName: `Deelnemer ${Date.now()}` } });
  assert.equal(registered.status, 201);
  visitor = await launch();
  person = await launch();
  coordinator = await launch();
});
after(async () => {
  await visitor.close();
  await person.close();
  await coordinator.close();
});

/** The demo meeting with this title. */
async function meetingId(title) {
  const all = await apiCall("GET", "/meetings?when=all&pageSize=100");
  const found = all.data.items.find((m) => m.title === title);
  assert.ok(found, `demo meeting ${title}`);
  return found.id;
}

test("the agenda finds meetings by what the venue offers", async () => {
  const page = await openPage(visitor.context);
  await visit(page, "/agenda.html");
  await page.waitForSelector("ul[aria-labelledby=agenda-resultaten] li");
  assert.match(await page.textContent("main"), /Warm startmoment Inclusief Drenthe/);
  await check(page, "agenda");
  await page.locator("label:has-text('Stilteruimte')").click();
  await page.click("form[role=search] button[type=submit]");
  await page.waitForFunction(() => !document.querySelector("main").textContent.includes("Warm startmoment"));
  assert.match(await page.textContent("main"), /Samen op schouw in het Centraal Museum/);
  assert.match(page.url(), /accessFeatures=quiet_room/);
  await check(page, "agenda filtered by a quiet room");
  await visit(page, "/agenda.html?lang=en");
  await check(page, "agenda in English");
  await visit(page, "/agenda.html?lang=nl");
});

test("a meeting page says when, where and how accessible, in words", async () => {
  const page = await openPage(visitor.context);
  const id = await meetingId("Warm startmoment Inclusief Drenthe");
  await visit(page, `/bijeenkomst.html?id=${id}`);
  const text = await page.textContent("main");
  assert.match(text, /Bibliotheek Assen/);
  assert.match(text, /Ringleiding/);
  assert.match(text, /Gebarentolk/);
  assert.match(text, /Log in om je aan te melden/);
  assert.match(await page.getAttribute("a:has-text('Zet deze bijeenkomst in je agenda')", "href"), /calendar\.ics$/);
  await check(page, "meeting page");
  const cancelled = await meetingId("Werkplaats vervoer naar bijeenkomsten");
  await visit(page, `/bijeenkomst.html?id=${cancelled}`);
  assert.match(await page.textContent("main"), /Deze bijeenkomst gaat niet door/);
  await check(page, "cancelled meeting page");
  await visit(page, `/bijeenkomst.html?id=${id}&lang=en`);
  assert.match(await page.textContent("main"), /Induction loop/);
  await check(page, "meeting page in English");
  await visit(page, `/bijeenkomst.html?id=${id}&lang=nl`);
  await visit(page, "/netwerk.html?id=3");
  await page.waitForSelector("#bijeenkomsten-kop");
  await check(page, "network page with its meetings");
});

test("a person registers with what they need, only with consent, and cancels", async () => {
  const page = await openPage(person.context);
  await signInViaPage(page, email, PASSWORD);
  const id = await meetingId("Online netwerkbijeenkomst: de lokale inclusieagenda");
  await visit(page, `/bijeenkomst.html?id=${id}`);
  assert.match(await page.textContent("main"), /Je krijgt de link om online mee te doen als je je aanmeldt/);
  await page.locator("[data-field=accessNeeds] label:has-text('Live ondertiteling')").click();
  await page.click("form[aria-label=Aanmelden] button[type=submit]");
  await page.waitForSelector(".tm-error-summary");
  assert.equal(await page.getAttribute("input[name=needsConsent]", "aria-invalid"), "true");
  await check(page, "registering with needs but no consent");
  await page.check("input[name=needsConsent]");
  await page.click("form[aria-label=Aanmelden] button[type=submit]");
  await page.waitForSelector("text=Je bent aangemeld. Er is een plek voor jou.");
  assert.match(await page.textContent("main"), /meet\.example\.org\/inclusieagenda/);
  await check(page, "registered for a meeting");
  // My meetings, and all of them in my own calendar app, behind a secret address.
  await visit(page, "/mijn.html");
  assert.match(await page.textContent("ul[aria-labelledby=agenda-kop]"), /Online netwerkbijeenkomst/);
  await page.click("button:has-text('Maak mijn agenda-link')");
  await page.waitForSelector("#agenda-link");
  const feed = await page.inputValue("#agenda-link");
  const calendar = await (await fetch(feed)).text();
  assert.match(calendar, /^BEGIN:VCALENDAR/);
  assert.match(calendar, /SUMMARY:Online netwerkbijeenkomst: de lokale inclusieagenda/);
  await check(page, "my themanet with a calendar link");
  await visit(page, `/bijeenkomst.html?id=${id}`);
  await page.click("button:has-text('Afmelden')");
  await page.click("dialog button:has-text('Ja, afmelden')");
  await page.waitForSelector("form[aria-label=Aanmelden]");
});

test("a coordinator plans a meeting and sees who comes and what they need", async () => {
  const page = await openPage(coordinator.context);
  await signInViaPage(page, DEMO.coordinator);
  await visit(page, "/bijeenkomst-plannen.html?netwerk=3");
  await page.click("form button[type=submit]");
  await page.waitForSelector(".tm-error-summary");
  await check(page, "planning a meeting with errors");
  await page.fill("input[name=title]", "Proefrit door het Rijksmuseum");
  await page.fill("input[name=date]", "15-03-2031");
  await page.fill("input[name=startTime]", "14:00");
  await page.fill("input[name=endTime]", "12:00");
  await page.click("form button[type=submit]");
  await page.waitForSelector("[data-field=endTime] .utrecht-form-field-error-message");
  await page.fill("input[name=endTime]", "16:30");
  await page.fill("input[name=venueName]", "Rijksmuseum");
  await page.locator("[data-field=accessFeatures] label:has-text('Drempelvrije toegang')").click();
  await Promise.all([page.waitForURL(/bijeenkomst\.html\?id=\d+/), page.click("form button[type=submit]")]);
  await page.waitForSelector("#bijeenkomst-kop");
  const text = await page.textContent("main");
  assert.match(text, /zaterdag 15 maart 2031, 14:00 – 16:30/);
  assert.match(text, /Drempelvrije toegang/);
  await check(page, "a planned meeting, for its organiser");

  const schouw = await meetingId("Samen op schouw in het Centraal Museum");
  await visit(page, `/bijeenkomst.html?id=${schouw}`);
  await page.waitForSelector("#organiseren-kop");
  const organiser = await page.textContent("main");
  assert.match(organiser, /1 persoon heeft nodig: Stilteruimte/);
  assert.match(organiser, /Daan Proefmans/);
  await check(page, "a meeting with registrations, for its organiser");
});

test("members make the agenda together, and the core group sees outcomes and the pulse", async () => {
  const page = await openPage(visitor.context);
  // Daan (the demo member) is in the core group of Inclusief Drenthe.
  await signInViaPage(page, DEMO.member);
  const start = await meetingId("Warm startmoment Inclusief Drenthe");
  await visit(page, `/bijeenkomst.html?id=${start}`);
  await page.waitForSelector("#agenda-kop");
  const text = await page.textContent("main");
  assert.match(text, /Wat betekent inclusie voor jou\?/);
  assert.match(text, /Dat bespreken we in de raad van Coevorden/, "a declined proposal shows its reason");
  await check(page, "a meeting's agenda with proposals");
  await page.fill("form[aria-label='Een punt voorstellen'] input[name=title]", "Samen reizen met de regiotaxi");
  await page.fill("form[aria-label='Een punt voorstellen'] input[name=minutesAsked]", "15");
  await page.click("form[aria-label='Een punt voorstellen'] button[type=submit]");
  await page.waitForSelector("li:has-text('Samen reizen met de regiotaxi')");
  const proposal = page.locator("li.tm-card", { hasText: "Samen reizen met de regiotaxi" });
  await proposal.locator("button:has-text('Steun dit voorstel')").click();
  await page.waitForSelector("li.tm-card:has-text('Samen reizen met de regiotaxi') >> text=1 lid steunt dit");
  await check(page, "a proposal supported");

  const held = await meetingId("Netwerkavond in Emmen");
  await visit(page, `/bijeenkomst.html?id=${held}`);
  await page.waitForSelector("#pols-kop");
  const after = await page.textContent("main");
  assert.match(after, /Emmen nodigt ervaringsdeskundigen uit/, "notes per item");
  assert.match(after, /werd een doel/, "an outcome that became a goal");
  assert.match(after, /6 antwoorden/);
  assert.match(after, /Kon goed meedoen: gemiddeld 4,2 van 5/);
  const pulse = await page.evaluate(() => {
    let text = "";
    for (let node = document.getElementById("pols-kop").nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) text += node.textContent;
    return text;
  });
  assert.match(pulse, /De zaal was te warm/);
  assert.doesNotMatch(pulse, /Gerrit|Els|Daan/, "no names beside the pulse");
  await check(page, "a held meeting with notes, outcomes and the pulse, for its organisers");
});
