// The message board (prikbord) and the house rules (spelregels) on a
// network's page: a visitor reads the public announcement only; a member
// accepts the rules, then posts a message (first with errors) and replies
// to it; a coordinator sees how to change the rules. Zero axe violations
// at every step.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, DEMO, signInViaPage, check, apiCall, uniqueEmail } from "./helpers.mjs";

let visitor;
let member;
let coordinator;

before(async () => {
  visitor = await launch();
  member = await launch();
  coordinator = await launch();
});
after(async () => {
  await visitor.close();
  await member.close();
  await coordinator.close();
});

/** The id of the demo network with this name. */
async function networkId(name) {
  const all = await apiCall("GET", "/networks?pageSize=100");
  const found = all.data.items.find((n) => n.name === name);
  assert.ok(found, `demo network ${name}`);
  return found.id;
}

test("a visitor reads the public announcement and the house rules, nothing more", async () => {
  const page = await openPage(visitor.context);
  const id = await networkId("Netwerk Inclusieve Gemeenten");
  await visit(page, `/netwerk.html?id=${id}`);
  await page.waitForSelector("#prikbord-kop");
  const text = await page.textContent("main");
  assert.match(text, /Welkom op het prikbord/);
  assert.match(text, /Bovenaan/);
  assert.doesNotMatch(text, /Voorbeeld gezocht/, "members-only messages stay with the members");
  assert.match(text, /Wat we in het netwerk delen, blijft in het netwerk/);
  assert.match(text, /Versie 2/);
  // The text is built from the Markdown: a list, bold, no markup characters.
  assert.ok(await page.locator("#spelregels-kop ~ .tm-board-text ul li").count() >= 4);
  assert.equal(await page.locator(".tm-board-text strong:has-text('spelregels')").count(), 1);
  await check(page, "network page with its board, for a visitor");
  await visit(page, `/netwerk.html?id=${id}&lang=en`);
  assert.match(await page.textContent("main"), /Message board/);
  await check(page, "network page with its board, in English");
  await visit(page, `/netwerk.html?id=${id}&lang=nl`);
});

test("a member accepts the house rules, posts a message and replies", async () => {
  const page = await openPage(member.context);
  // Daan (the demo member) has not yet accepted the rules of Inclusief Drenthe.
  await signInViaPage(page, DEMO.member);
  const id = await networkId("Inclusief Drenthe");
  await visit(page, `/netwerk.html?id=${id}`);
  await page.waitForSelector("#spelregels-kop");
  const accept = page.locator("button:has-text('Ik ga akkoord met de spelregels')");
  if (await accept.count()) {
    assert.doesNotMatch(await page.textContent("main"), /Samen reizen naar de netwerkavond/);
    await check(page, "house rules to accept");
    await accept.click();
    await page.waitForSelector("text=Je bent akkoord met deze spelregels.");
  }
  assert.match(await page.textContent("main"), /Samen reizen naar de netwerkavond/);

  const form = page.locator("form[aria-labelledby=nieuw-bericht-kop]");
  await form.locator("button[type=submit]").click();
  await page.waitForSelector("form[aria-labelledby=nieuw-bericht-kop] .tm-error-summary");
  assert.equal(await form.locator("input[name=title]").getAttribute("aria-invalid"), "true");
  await check(page, "a new message with errors");

  const title = `Wie weet een toegankelijke zaal? ${Date.now()}`;
  await form.locator("input[name=title]").fill(title);
  await form.locator("textarea[name=body]").fill("Graag **drempelvrij**.\n\n- met een ringleiding\n- dichtbij het station\n\n<script>alert(1)</script>");
  await form.locator("button[type=submit]").click();
  const card = page.locator("li.tm-message", { hasText: title });
  await card.waitFor();
  assert.equal(await card.locator("strong:has-text('drempelvrij')").count(), 1);
  assert.equal(await card.locator("ul li").count(), 2);
  assert.match(await card.textContent(), /<script>alert\(1\)<\/script>/, "markup stays text");
  assert.equal(await page.evaluate(() => document.activeElement?.closest("li.tm-message") !== null), true, "focus on the new message");
  await check(page, "a message posted");

  await card.locator("button:has-text('Reageren')").first().click();
  const reply = card.locator("form[aria-label^='Reageren op']");
  await reply.locator("textarea[name=body]").fill("Het gemeentehuis van Emmen heeft een ringleiding.");
  await reply.locator("button[type=submit]").click();
  await page.waitForSelector("li.tm-message li.tm-message:has-text('Het gemeentehuis van Emmen heeft een ringleiding.')");
  await check(page, "a reply posted");
});

test("joining with the house rules accepted opens the members' messages at once", async () => {
  const email = uniqueEmail("prikbord");
  const password = "een lange zin als wachtwoord";
  const registered = await apiCall("POST", "/auth/register", { body: { email, password, displayName: `Nieuw lid ${Date.now()}` } });
  assert.equal(registered.status, 201);
  const page = await openPage(visitor.context);
  await signInViaPage(page, email, password);
  const id = await networkId("Netwerk Inclusieve Gemeenten");
  await visit(page, `/netwerk.html?id=${id}`);
  await page.waitForSelector("input[name=acceptRules]");
  await page.check("input[name=acceptRules]");
  await page.click("form[aria-label='Meedoen met dit netwerk'] button[type=submit]");
  await page.waitForSelector("text=Voorbeeld gezocht");
  assert.match(await page.textContent("main"), /Je bent akkoord met deze spelregels\./);
  await check(page, "a new member's board");
});

test("a coordinator may change the house rules", async () => {
  const page = await openPage(coordinator.context);
  await signInViaPage(page, DEMO.coordinator);
  const id = await networkId("Netwerk Inclusieve Gemeenten");
  await visit(page, `/netwerk.html?id=${id}`);
  await page.waitForSelector("#prikbord-kop");
  assert.match(await page.textContent("main"), /Voorbeeld gezocht/);
  await page.click("button:has-text('Spelregels aanpassen')");
  assert.equal(await page.getAttribute("button:has-text('Spelregels aanpassen')", "aria-expanded"), "true");
  assert.match(await page.inputValue("form[aria-label='Spelregels aanpassen'] textarea"), /Noem in een bericht geen namen/);
  await check(page, "a coordinator changing the house rules");
});
