// Documents in the browser: a visitor sees a network's public documents; a
// member shares a file (its title taken from the file's name), is told
// next to the field that an image needs a text alternative and that a file
// which is not what its name says is refused, and deletes what they shared.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, signInViaPage, check, apiCall, uniqueEmail } from "./helpers.mjs";

const PASSWORD = "een lange zin als wachtwoord";
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c63f80f00000101010018dd8db00000000049454e44ae426082", "hex");
let browser;
let musea;
let email;

before(async () => {
  browser = await launch();
  const networks = await apiCall("GET", "/networks?pageSize=100");
  musea = networks.data.items.find((n) => /musea/i.test(n.name));
  assert.ok(musea, "the demo's museums network");
  email = uniqueEmail("documenten");
  const registered = await apiCall("POST", "/auth/register", { body: { email, password: PASSWORD, displayName: "Dirk Deler" } });
  assert.equal(registered.status, 201);
  const token = registered.data.accessToken;
  assert.equal((await apiCall("POST", `/networks/${musea.id}/members`, { token, body: {} })).status, 201);
  const rules = await apiCall("GET", `/networks/${musea.id}/house-rules`, { token });
  assert.equal((await apiCall("POST", `/networks/${musea.id}/house-rules/acceptance`, { token, body: { version: rules.data.version } })).status, 200);
});
after(() => browser.close());

test("a visitor sees the public documents", async () => {
  const page = await openPage(browser.context);
  await visit(page, `/documenten.html?netwerk=${musea.id}`);
  await page.getByRole("heading", { name: "Schouwformulier" }).waitFor();
  assert.ok(await page.getByRole("button", { name: /Downloaden\s*: Schouwformulier/ }).isVisible());
  await check(page, "documents for a visitor");
  await page.close();
});

test("a member shares, is helped with mistakes, and deletes", async () => {
  const page = await openPage(browser.context);
  await signInViaPage(page, email, PASSWORD);
  await visit(page, `/documenten.html?netwerk=${musea.id}`);
  const form = page.locator("form[aria-labelledby=delen-kop]");
  await check(page, "documents with the share form");

  // An image without words for what it shows.
  await form.locator("input[type=file]").setInputFiles({ name: "ingang.png", mimeType: "image/png", buffer: PNG });
  assert.equal(await form.getByLabel("Titel").inputValue(), "ingang", "the title comes from the file's name");
  await form.getByRole("button", { name: "Document delen" }).click();
  await form.locator("[data-field=altText] .utrecht-form-field-error-message, [data-field=altText] [id$=fout]").first().waitFor();
  await check(page, "share form: an image needs a text alternative");

  // A web page called a text file.
  await form.locator("input[type=file]").setInputFiles({ name: "notities.txt", mimeType: "text/plain", buffer: Buffer.from("<!DOCTYPE html><script>alert(1)</script>") });
  await form.getByLabel("Titel").fill("Notities");
  await form.getByRole("button", { name: "Document delen" }).click();
  await page.getByText("Dit soort bestand kan niet.").waitFor();

  // A real text file.
  await form.locator("input[type=file]").setInputFiles({ name: "verslag.txt", mimeType: "text/plain", buffer: Buffer.from("Verslag van de schouw: de ingang is drempelvrij.\n") });
  await form.getByLabel("Titel").fill("Verslag van de schouw");
  await form.getByRole("button", { name: "Document delen" }).click();
  await page.getByRole("heading", { name: "Verslag van de schouw" }).waitFor();
  await check(page, "documents after sharing");

  // Delete it again, through the confirmation dialog.
  await page.getByRole("button", { name: /Verwijderen\s*: Verslag van de schouw/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Verwijderen" }).click();
  await page.getByRole("heading", { name: "Verslag van de schouw" }).waitFor({ state: "detached" });
  await page.close();
});
