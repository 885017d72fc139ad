// A person joins a network only by their own act: a coordinator invites,
// the person accepts under "Mijn netwerken". A person chooses who sees each
// part of their profile, and who reads their reaction to a goal.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, DEMO, signInViaPage, check, apiCall, uniqueEmail } from "./helpers.mjs";

const PASSWORD = "een lange zin als wachtwoord";
let coordinator;
let person;
let email;
const name = `Uitgenodigde ${Date.now()}`;

before(async () => {
  email = uniqueEmail("uitnodiging");
  const registered = await apiCall("POST", "/auth/register", { body: { email, password: PASSWORD, displayName: name } });
  assert.equal(registered.status, 201);
  const { accessToken, user } = registered.data;
  // Listed, so that a coordinator can find her.
  const listed = await apiCall("PATCH", `/stakeholders/${user.stakeholderId}`, { token: accessToken, body: { listed: true } });
  assert.equal(listed.status, 200);
  coordinator = await launch();
  person = await launch();
});
after(async () => {
  await coordinator.close();
  await person.close();
});

test("a coordinator invites, and the person accepts", async () => {
  const page = await openPage(coordinator.context);
  await signInViaPage(page, DEMO.coordinator);
  await visit(page, "/netwerk-beheren.html?id=3");
  await page.fill("input[name=q]", name);
  await page.click("form[role=search] button[type=submit]");
  await page.locator(`label:has-text("${name}")`).click();
  await page.click("form[aria-label='Iemand toevoegen die al op themanet staat'] button[type=submit]");
  // Not a member yet: an invitation that waits for her answer.
  await page.waitForSelector("#uitnodigingen-beheer-kop");
  const invited = page.locator("ul[aria-labelledby=uitnodigingen-beheer-kop] li", { hasText: name });
  assert.match(await invited.textContent(), /wacht op antwoord/);
  assert.equal(await page.locator(`ul[aria-labelledby=leden-beheer-kop] h3:has-text("${name}")`).count(), 0);
  await check(page, "manage page with an open invitation");

  const mine = await openPage(person.context);
  await signInViaPage(mine, email, PASSWORD);
  await visit(mine, "/mijn.html");
  await mine.waitForSelector("#uitnodigingen-kop");
  await check(mine, "my themanet with an invitation");
  await mine.fill("textarea[name=commitment]", "Ik ken de musea van binnen.");
  await mine.locator("button:has-text('Ja, ik doe mee')").click();
  await mine.waitForSelector("text=Jouw rol: Lid");
  assert.equal(await mine.locator("#uitnodigingen-kop").count(), 0);
  await check(mine, "my themanet after accepting");

  await visit(page, "/netwerk-beheren.html?id=3");
  await page.waitForSelector(`ul[aria-labelledby=leden-beheer-kop] h3:has-text("${name}")`);
  assert.match(await page.locator("ul[aria-labelledby=uitnodigingen-beheer-kop] li", { hasText: name }).textContent(), /doet mee/);
});

test("a person chooses who sees their talents", async () => {
  const mine = await openPage(person.context);
  await visit(mine, "/mijn.html");
  await mine.fill("input[name=talents]", "schrijven");
  const talents = mine.locator("[data-field=visibility-talents]");
  assert.ok(await talents.locator("input[value=nobody]").isChecked(), "nothing is public by default");
  await talents.locator("label:has-text('Iedereen')").click();
  await mine.click("text=Profiel opslaan");
  await mine.waitForSelector("text=Je profiel is opgeslagen.");
  await check(mine, "profile with who sees what");
  const me = await apiCall("GET", `/stakeholders?q=${encodeURIComponent(name)}`);
  const found = me.data.items.find((s) => s.name === name);
  assert.deepEqual(found.talents, ["schrijven"]);
  assert.equal(found.expertise, null);
  assert.equal(found.languages, undefined, "languages stay hidden");
  assert.equal(found.listed, undefined, "consents are never public");
});

test("a reaction is for members unless its writer makes it public", async () => {
  const mine = await openPage(person.context);
  await visit(mine, "/netwerk.html?id=3");
  await mine.locator("button:has-text('Reageren')").first().click();
  const form = mine.locator("form:has(input[name=stance])");
  assert.ok(await form.locator("input[name=visibility][value=members]").isChecked());
  await check(mine, "reaction form with who reads it");
  await form.locator("textarea[name=comment]").fill("Openbaar: goed plan.");
  await form.locator("label:has-text('Iedereen die dit doel kan zien')").click();
  await form.locator("button[type=submit]").click();
  await mine.waitForSelector("form:has(input[name=stance])", { state: "detached" });
  const goals = await apiCall("GET", "/networks/3/goals?pageSize=100");
  let shown = [];
  for (const goal of goals.data.items) {
    const reactions = await apiCall("GET", `/goals/${goal.id}/endorsements`);
    shown = shown.concat(reactions.data.items.map((e) => e.comment));
  }
  assert.ok(shown.includes("Openbaar: goed plan."), "the public reaction is public");
});
