// Mail in the browser. The test server has no SMTP server, so mail waits in
// the outbox, where the admin reads it (as a newcomer would): a forgotten
// password from the request to signing in with the new one, confirming an
// address by its link, unsubscribing by the key from a notice, the
// settings under Mijn themanet, and the outbox page.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, DEMO, signInViaPage, check, apiCall, apiToken, uniqueEmail, tabTo } from "./helpers.mjs";

const PASSWORD = "een lange zin als wachtwoord";
let admin;
const browsers = [];

before(async () => {
  admin = await apiToken(DEMO.admin);
});
after(() => Promise.all(browsers.map((b) => b.close())));

/** A page in a browser of its own (its own session cookie). */
async function freshPage() {
  const browser = await launch();
  browsers.push(browser);
  return openPage(browser.context);
}

/** The newest mail of a kind to an address, as the admin reads it. */
async function mailTo(email, kind) {
  const list = await apiCall("GET", `/admin/outbox?kind=${kind}&pageSize=100`, { token: admin });
  assert.equal(list.status, 200);
  const found = list.data.items.find((m) => m.recipient === email);
  assert.ok(found, `a ${kind} mail to ${email}`);
  const one = await apiCall("GET", `/admin/outbox/${found.id}`, { token: admin });
  return one.data;
}

const after_ = (text, marker) => text.slice(text.indexOf(marker) + marker.length).match(/^[A-Za-z0-9_-]+/)[0];

test("a forgotten password: ask, follow the mail's link, choose a new one, sign in", async () => {
  const email = uniqueEmail("vergeten");
  assert.equal((await apiCall("POST", "/auth/register", { body: { email, password: PASSWORD, displayName: "Vera Vergeten" } })).status, 201);
  const page = await freshPage();
  await visit(page, "/inloggen.html");
  await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
  await page.waitForURL(/wachtwoord-vergeten/);
  await page.locator("[data-ready=true]").waitFor();
  await check(page, "forgot password");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een link" }).click();
  await page.getByText(`Als er een account is met ${email}`).waitFor();
  await check(page, "forgot password: sent");

  const mail = await mailTo(email, "password_reset");
  assert.equal(mail.subject, "Nieuw wachtwoord kiezen");
  const token = after_(mail.text, "#token=");
  await visit(page, `/wachtwoord-herstellen.html#token=${token}`);
  await check(page, "choose a new password");
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("kort");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await page.locator(".utrecht-form-field-error-message, [role=alert]").first().waitFor();
  await check(page, "choose a new password: too short");
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("een heel nieuw lang wachtwoord");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await page.getByText("Je nieuwe wachtwoord is opgeslagen").waitFor();
  assert.equal(new URL(page.url()).hash, "", "the token leaves the address bar");
  await check(page, "choose a new password: done");
  // The link works once. (A new document: the address differs only after `#`.)
  await page.goto("about:blank");
  await visit(page, `/wachtwoord-herstellen.html#token=${token}`);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("nog een ander lang wachtwoord");
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  await page.getByText("Deze link werkt niet meer").waitFor();
  await signInViaPage(page, email, "een heel nieuw lang wachtwoord");
  assert.match(page.url(), /mijn\.html/);
  await page.close();
});

test("an address is confirmed by the link in its mail", async () => {
  const email = uniqueEmail("bevestig");
  assert.equal((await apiCall("POST", "/auth/register", { body: { email, password: PASSWORD, displayName: "Bram Bevestig", language: "en" } })).status, 201);
  const mail = await mailTo(email, "verification");
  assert.equal(mail.subject, "Confirm your e-mail address");
  const page = await freshPage();
  await visit(page, `/e-mail-bevestigen.html#token=${after_(mail.text, "#token=")}`);
  await page.getByText("Je e-mailadres is bevestigd").waitFor();
  await check(page, "address confirmed");
  await page.goto("about:blank");
  await visit(page, "/e-mail-bevestigen.html#token=onbekend");
  await page.getByText("Deze link werkt niet meer").waitFor();
  await check(page, "address link that does not work");
  await page.close();
});

test("one click in a notice's footer stops that network's notices", async () => {
  // The demo announces the kick-off in Drenthe to Daan, who hears of news at once.
  const mail = await mailTo(DEMO.member, "notice");
  const footer = mail.text.match(/afmelden\.html#key=([0-9a-f]{48})&networkId=(\d+)/);
  assert.ok(footer, "the notice links to the unsubscribe page");
  const page = await freshPage();
  await visit(page, `/afmelden.html#key=${footer[1]}&networkId=${footer[2]}`);
  await check(page, "unsubscribe");
  await page.getByRole("button", { name: "Geen berichten meer over dit netwerk" }).click();
  await page.getByText("Je bent afgemeld").waitFor();
  await check(page, "unsubscribed");
  const token = await apiToken(DEMO.member);
  const prefs = await apiCall("GET", "/me/preferences", { token });
  assert.equal(prefs.data.networks.find((n) => n.networkId === Number(footer[2])).notices, "never");
  // Back on: the setting under Mijn themanet.
  await signInViaPage(page, DEMO.member);
  await visit(page, "/mijn.html#berichten-kop");
  const section = page.locator("form[aria-labelledby=berichten-kop]");
  await section.waitFor();
  await check(page, "mail and contact settings");
  await section.getByLabel(prefs.data.networks.find((n) => n.networkId === Number(footer[2])).networkName).selectOption("");
  await section.getByLabel("Telefoon").check();
  await section.getByRole("button", { name: "Opslaan" }).click();
  await page.getByText("Je instellingen zijn opgeslagen.").first().waitFor();
  const saved = await apiCall("GET", "/me/preferences", { token });
  assert.equal(saved.data.networks.find((n) => n.networkId === Number(footer[2])).notices, null);
  assert.equal(saved.data.contactChannel, "phone");
  await page.close();
});

test("the admin reads the outbox; others may not", async () => {
  const page = await freshPage();
  await signInViaPage(page, DEMO.admin);
  await visit(page, "/mijn.html");
  await page.getByRole("link", { name: /Postvak uit/ }).click();
  await page.waitForURL(/postvak/);
  await page.locator("[data-ready=true]").waitFor();
  const first = page.locator("details").first();
  await first.locator("summary").click();
  await first.locator("pre").waitFor();
  await check(page, "outbox with a mail open");
  await page.getByLabel("Toon").selectOption("sent");
  await page.getByText(/Er is hier geen mail|mail/).first().waitFor();
  await page.close();
  const member = await freshPage();
  await signInViaPage(member, DEMO.coordinator);
  await visit(member, "/postvak.html");
  await member.getByText("Alleen beheerders van het platform").waitFor();
  await check(member, "outbox refused");
  await member.close();
});

test("by keyboard alone: from signing in to asking for a new password", async () => {
  const page = await freshPage();
  await visit(page, "/inloggen.html");
  await tabTo(page, (i) => i.tag === "a" && i.text === "Wachtwoord vergeten?", { label: "forgot password link" });
  await Promise.all([page.waitForURL(/wachtwoord-vergeten/), page.keyboard.press("Enter")]);
  await page.locator("[data-ready=true]").waitFor();
  await tabTo(page, (i) => i.name === "email", { label: "e-mail field" });
  await page.keyboard.type("niemand@themanet.example");
  await page.keyboard.press("Enter");
  await page.getByText("Als er een account is met niemand@themanet.example").waitFor();
  // The message takes the focus, so a screen reader reads it at once.
  const focused = await page.evaluate(() => document.activeElement?.textContent || "");
  assert.match(focused, /Als er een account is/);
});
