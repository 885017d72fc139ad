// Connections with systems in the browser: a coordinator who manages a
// municipality's profile makes an API client for it, sees the secret once
// in a box that takes the focus, the system gets a token with it, and the
// coordinator gives it a new secret and revokes it. Someone who manages no
// organisation is told how to start. Zero axe violations.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, check, signInViaPage, DEMO, BASE, apiCall, uniqueEmail, focusInfo } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser.close());

/** The system's side: client credentials traded for a token. */
async function tokenFor(clientId, secret) {
  const response = await fetch(`${BASE}/api/v1/oauth/token`, {
    method: "POST",
    headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  return { status: response.status, data: await response.json() };
}

test("a coordinator connects the municipality's system, renews its secret and revokes it", async () => {
  const page = await openPage(browser.context);
  await signInViaPage(page, DEMO.coordinator);
  await visit(page, "/mijn.html");
  await page.getByRole("link", { name: "Koppelingen met systemen van je organisatie" }).click();
  await page.getByRole("heading", { level: 1, name: "Koppelingen met systemen" }).waitFor();
  await check(page, "connections with systems");

  const name = `Zaaksysteem ${Date.now()}`;
  const form = page.getByRole("form", { name: "Nieuwe koppeling" });
  await form.getByLabel("Organisatie").selectOption({ label: "Gemeente Utrecht, team Toegankelijkheid (demo)" });
  await form.getByLabel("Naam van het systeem").fill(name);
  await form.getByLabel("Kennislinks").check();
  await form.getByRole("button", { name: "Koppeling maken" }).press("Enter");
  await page.getByRole("heading", { name: "Bewaar dit geheim nu" }).waitFor();
  assert.equal((await focusInfo(page)).text, "Bewaar dit geheim nu", "the focus is on the new secret");
  const secret = await page.getByLabel(`Geheim van ${name}`).inputValue();
  assert.match(secret, /^tms_/);
  const card = page.locator("li", { hasText: name });
  const clientId = await card.locator("code").textContent();
  await check(page, "a new connection with its secret");

  const first = await tokenFor(clientId, secret);
  assert.equal(first.status, 200);
  assert.equal(first.data.scope, "read knowledge-links:write");

  // A new secret: the old one keeps working for a day.
  await card.getByRole("button", { name: `Nieuw geheim voor ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Nieuw geheim" }).click();
  // The box of the first secret is still there: wait for the new one in it.
  await page.waitForFunction((old) => document.getElementById("geheim")?.value !== old, secret);
  const renewed = await page.getByLabel(`Geheim van ${name}`).inputValue();
  assert.notEqual(renewed, secret);
  await card.getByText(/Het vorige geheim werkt nog tot/).waitFor();
  assert.equal((await tokenFor(clientId, secret)).status, 200);
  assert.equal((await tokenFor(clientId, renewed)).status, 200);

  await card.getByRole("button", { name: `${name} intrekken` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Intrekken" }).click();
  await card.waitFor({ state: "detached" });
  assert.equal((await tokenFor(clientId, renewed)).status, 401);
  await page.close();
});

test("someone who manages no organisation is told how to start", async () => {
  const email = uniqueEmail("koppeling");
  const registered = await apiCall("POST", "/auth/register", { body: { email, password: "correct horse battery", displayName: "Kim Zonder Organisatie" } });
  assert.equal(registered.status, 201);
  // A browser of their own: the coordinator's session is in the other.
  const own = await launch();
  const page = await openPage(own.context);
  await signInViaPage(page, email, "correct horse battery");
  await visit(page, "/koppelingen.html?lang=en");
  await page.getByText("You don't manage the profile of an organisation").waitFor();
  await check(page, "connections for someone without an organisation");
  await own.close();
});

test("a coordinator adds a webhook, sends a test message and reads the log", async () => {
  // The system's receiver: a real HTTP server on a free loopback port.
  const { createServer } = await import("node:http");
  const got = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${receiver.address().port}/themanet`;

  // A browser of its own, signed in afresh: the tests above left theirs.
  const own = await launch();
  const page = await openPage(own.context);
  await signInViaPage(page, DEMO.coordinator);
  await visit(page, "/koppelingen.html");
  const name = `Meldingen ${Date.now()}`;
  const form = page.getByRole("form", { name: "Nieuwe koppeling" });
  await form.getByLabel("Organisatie").selectOption({ label: "Gemeente Utrecht, team Toegankelijkheid (demo)" });
  await form.getByLabel("Naam van het systeem").fill(name);
  await form.getByRole("button", { name: "Koppeling maken" }).click();
  await page.getByRole("link", { name: `Webhooks en logboek van ${name}` }).click();
  await page.getByRole("heading", { level: 1, name: `Webhooks van ${name}` }).waitFor();
  await check(page, "a connection's webhooks");

  const hookForm = page.getByRole("form", { name: "Webhook toevoegen" });
  await hookForm.getByLabel("Adres van het systeem").fill(url);
  await hookForm.getByLabel("Een doel of stap is bereikt").check();
  await hookForm.getByRole("button", { name: "Webhook toevoegen" }).click();
  await page.getByRole("heading", { name: "Bewaar dit geheim nu" }).waitFor();
  assert.equal((await focusInfo(page)).text, "Bewaar dit geheim nu");
  assert.match(await page.getByLabel(`Geheim voor ${url}`).inputValue(), /^whsec_/);

  const card = page.locator("li", { hasText: url });
  await card.getByRole("button", { name: `Testbericht sturen naar ${url}` }).click();
  const log = card.getByRole("table", { name: /1 poging/ });
  await log.waitFor({ timeout: 20000 });
  assert.match(await log.textContent(), /webhook\.ping/);
  assert.match(await log.textContent(), /204/);
  assert.equal(got.length, 1);
  assert.equal(JSON.parse(got[0].body).type, "webhook.ping");
  assert.match(got[0].headers["webhook-signature"], /^v1,/);
  await check(page, "a webhook's delivery log");

  // An address in a private network is refused next to its field.
  await hookForm.getByLabel("Adres van het systeem").fill("https://10.0.0.8/hook");
  await hookForm.getByRole("button", { name: "Webhook toevoegen" }).click();
  await hookForm.getByText("Dit moet een https-adres op internet zijn").first().waitFor();
  await check(page, "a refused webhook address");
  await own.close();
  receiver.close();
});
