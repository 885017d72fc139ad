// Talents in the browser: a member sees where they are needed and offers
// help with the keyboard ("Ik help mee"); the core group sees who fits a
// step and why, and accepts an offer; a coordinator finds experience
// experts (never their contact details) and asks one for contact; someone
// who may not search is told who may; the profile takes time and
// findability, with the error next to the field. Every state has zero axe
// violations, in Dutch and in English, and fits 320 px.

import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, check, signInViaPage, apiCall, uniqueEmail, DEMO } from "./helpers.mjs";

/** The page does not scroll sideways at the viewport it has. */
async function fits(page, label) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  assert.ok(scrollWidth <= clientWidth, `${label}: ${scrollWidth}px wide in ${clientWidth}px`);
}

describe("a member", () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch();
    page = await openPage(browser.context);
    await signInViaPage(page, DEMO.member);
  });
  after(() => browser.close());

  test("sees where they are needed and offers help with the keyboard", async () => {
    await visit(page, "/talenten.html");
    await page.getByRole("heading", { level: 1, name: "Waar ben ik nodig?" }).waitFor();
    await page.getByRole("heading", { name: "Landkaart van inclusieve gemeenten" }).waitFor();
    assert.ok(await page.getByText("Je helpt mee").isVisible(), "an accepted offer says so");
    await check(page, "where am I needed");
    const help = page.getByRole("button", { name: /Ik help mee\s*: Vervoer naar bijeenkomsten regelen/ });
    await help.focus();
    await page.keyboard.press("Enter");
    await page.getByText("Je hulp is aangeboden").first().waitFor();
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, "Vervoer naar bijeenkomsten regelen", "focus goes to the step's heading");
    await check(page, "after offering help");
  });

  test("states time and findability in the profile", async () => {
    await visit(page, "/mijn.html");
    const form = page.locator("form", { has: page.getByLabel("Uren per maand") });
    await form.getByLabel("Uren per maand").fill("500");
    await form.getByRole("button", { name: "Profiel opslaan" }).click();
    await form.locator("[data-field=hoursPerMonth] [id$=fout], [data-field=hoursPerMonth] .utrecht-form-field-error-message").first().waitFor();
    await check(page, "profile with an error in the time");
    await form.getByLabel("Uren per maand").fill("6");
    await form.getByLabel("Organisaties en gemeenten mogen mij vinden").check();
    await form.getByRole("button", { name: "Profiel opslaan" }).click();
    await page.getByText("Je profiel is opgeslagen", { exact: false }).first().waitFor();
  });

  test("in English", async () => {
    await visit(page, "/talenten.html?lang=en");
    await page.getByRole("heading", { level: 1, name: "Where am I needed?" }).waitFor();
    await check(page, "where am I needed, in English");
    await visit(page, "/talenten.html?lang=nl");
  });
});

describe("the core group and a coordinator", () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch();
    page = await openPage(browser.context);
    await signInViaPage(page, DEMO.coordinator);
  });
  after(() => browser.close());

  test("see who fits a step and why, and accept an offer", async () => {
    await visit(page, "/matchcentrum.html?doel=5");
    await page.getByRole("heading", { level: 1, name: /Wie kan helpen bij/ }).waitFor();
    assert.ok(await page.getByRole("list", { name: "Waarom Henk Bedenksel past" }).isVisible());
    await check(page, "matchcentrum");
    const accept = page.getByRole("button", { name: /Aannemen\s*: Henk Bedenksel/ });
    await accept.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: /Aannemen\s*: Henk Bedenksel/ }).waitFor({ state: "detached" });
    assert.ok(await page.getByText("Je helpt mee").first().isVisible());
    await check(page, "matchcentrum after accepting");
  });

  test("find experts without contact details and ask one for contact", async () => {
    await visit(page, "/ervaringsdeskundigen.html");
    await page.getByRole("heading", { level: 1, name: "Ervaringsdeskundigen zoeken" }).waitFor();
    await page.locator("form[role=search] input[name=talent]").fill("schrijven");
    await page.getByRole("button", { name: "Zoeken", exact: true }).click();
    await page.getByText("1 persoon gevonden.").waitFor();
    assert.equal(await page.locator("a[href^=mailto]").count(), 0, "no contact details in the search");
    await check(page, "experts found");
    await page.getByRole("button", { name: /Contact vragen\s*: Fatma Verzonnen/ }).click();
    await page.getByRole("button", { name: "Verzoek sturen" }).click();
    await page.locator("[data-field=message] [id$=fout], [data-field=message] .utrecht-form-field-error-message").first().waitFor();
    await check(page, "contact request with an error");
    await page.getByLabel("Je bericht").fill("Wij zoeken iemand die meeleest met onze folder.");
    await page.getByRole("button", { name: "Verzoek sturen" }).click();
    await page.getByText("Je verzoek aan Fatma Verzonnen is verstuurd.").first().waitFor();
    await check(page, "contact request sent");
    await visit(page, "/talenten.html");
    await page.getByRole("heading", { name: "Jouw verzoek aan Fatma Verzonnen" }).waitFor();
    await check(page, "my requests");
  });

  test("fit 320 px", async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ["/talenten.html", "/ervaringsdeskundigen.html", "/matchcentrum.html?doel=5"]) {
      await visit(page, path);
      await fits(page, path);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe("someone who acts for nobody", () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch();
    page = await openPage(browser.context);
    const email = uniqueEmail("talenten");
    const password = "een lange zin als wachtwoord";
    const registered = await apiCall("POST", "/auth/register", { body: { email, password, displayName: "Nora Nieuw" } });
    assert.equal(registered.status, 201);
    await signInViaPage(page, email, password);
  });
  after(() => browser.close());

  test("is told who may search for experts", async () => {
    await visit(page, "/ervaringsdeskundigen.html");
    await page.getByText("Zoeken kan voor coördinatoren").waitFor();
    await check(page, "experts for someone who may not search");
  });

  test("is told where to state their talents", async () => {
    await visit(page, "/talenten.html");
    await page.getByText("Er zijn nu geen open stappen").waitFor();
    await check(page, "nobody needs me yet");
  });
});
