// Every page is valid HTML, as the browser has built it (the pages are
// drawn by their modules, so the shell alone says little): each page and
// state below is serialised after it is ready and checked with the W3C Nu
// HTML Checker (vnu-jar from npm, run with the machine's Java). Zero
// errors; the checker's messages are printed when there are some.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openPage, visit, signInViaPage, DEMO } from "./helpers.mjs";

const VISITOR = [
  "/",
  "/?q=zzzzgeenresultaat",
  "/netwerk.html?id=1",
  "/netwerk.html?id=3",
  "/kennis.html",
  "/agenda.html",
  "/vragen.html",
  "/kaart.html",
  "/tafel.html?netwerk=3",
  "/vraag.html?id=1",
  "/api/v1/networks/3/report.html",
  "/api/v1/networks/3/report.html?lang=en",
  "/bijeenkomst.html?id=1",
  "/bijeenkomst.html?id=2",
  "/documenten.html?netwerk=3",
  "/inloggen.html",
  "/registreren.html",
  "/wachtwoord-vergeten.html",
  "/wachtwoord-herstellen.html",
  "/afmelden.html",
  "/netwerk-starten.html",
  "/toegankelijkheid",
  "/embed/voorbeeld.html",
  "/embed/?municipality=GM0344",
  "/?lang=en",
];
const SIGNED_IN = [
  "/mijn.html",
  "/netwerk.html?id=3",
  "/netwerk-beheren.html?id=3",
  "/bijeenkomst-plannen.html?netwerk=3",
  "/bijeenkomst.html?id=4",
  "/documenten.html?netwerk=3",
  "/vraag.html?id=2",
  "/vraag-stellen.html?netwerk=3",
  "/tafel.html?netwerk=1",
  "/netwerk-starten.html",
  "/talenten.html",
  "/ervaringsdeskundigen.html",
  "/matchcentrum.html?doel=5",
];

let folder;
const files = [];

before(() => {
  folder = mkdtempSync(join(tmpdir(), "themanet-vnu-"));
});
after(() => rmSync(folder, { recursive: true, force: true }));

async function keep(page, path, who) {
  await visit(page, path);
  // The page says its language, and so does every part in the other one
  // (the language switch, the no-script note).
  const langs = await page.evaluate(() => ({
    page: document.documentElement.lang,
    switch: document.querySelector(".tm-header__button[lang]")?.lang,
  }));
  assert.ok(["nl", "en"].includes(langs.page), `${path}: the page's language is ${langs.page}`);
  if (!path.startsWith("/embed/?")) {
    assert.ok(langs.switch && langs.switch !== langs.page, `${path}: the language switch is marked as ${langs.switch}`);
  }
  const name = `${files.length + 1}-${who}-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "start"}.html`;
  const file = join(folder, name);
  writeFileSync(file, await page.content());
  files.push({ file, path, who });
}

test("every page, for a visitor and signed in, is valid HTML", async () => {
  const visitor = await launch();
  const signed = await launch();
  try {
    const page = await openPage(visitor.context);
    for (const path of VISITOR) await keep(page, path, "visitor");
    const coordinator = await openPage(signed.context);
    await signInViaPage(coordinator, DEMO.coordinator);
    for (const path of SIGNED_IN) await keep(coordinator, path, "coordinator");
  } finally {
    await visitor.close();
    await signed.close();
  }
  const jar = new URL("../../node_modules/vnu-jar/build/dist/vnu.jar", import.meta.url).pathname;
  let report;
  try {
    execFileSync("java", ["-jar", jar, "--format", "json", "--errors-only", ...files.map((f) => f.file)], { stdio: ["ignore", "pipe", "pipe"] });
    report = { messages: [] };
  } catch (error) {
    // vnu exits 1 when it found errors; its report is on standard error.
    const text = String(error.stderr || "");
    try {
      report = JSON.parse(text);
    } catch {
      assert.fail(`the HTML checker did not run: ${error.message}\n${text.slice(0, 2000)}`);
    }
  }
  const errors = report.messages.filter((m) => m.type === "error");
  const where = (url) => files.find((f) => url.endsWith(f.file.split("/").pop()));
  const lines = errors.map((m) => {
    const f = where(m.url || "");
    return `${f ? `${f.who} ${f.path}` : m.url}: line ${m.lastLine}: ${m.message} [${(m.extract || "").replace(/\s+/g, " ").slice(0, 160)}]`;
  });
  assert.equal(errors.length, 0, `HTML errors on ${files.length} pages:\n${lines.join("\n")}`);
  assert.ok(files.length >= VISITOR.length + SIGNED_IN.length);
});
