// Every page and state has zero axe violations for WCAG 2.0, 2.1 and 2.2 A
// and AA: pages for visitors, forms with errors, signed-in pages, open
// forms and dialogs, a 412 conflict, English. And no page asks anything of
// another host.

import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, ready, BASE, DEMO, check, signInViaPage, uniqueEmail, apiCall, apiToken } from "./helpers.mjs";

describe("visitor pages", () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch();
    page = await openPage(browser.context);
  });
  after(() => browser.close());

  const pages = [
    ["/", "start page"],
    ["/?scope=local&status=active", "start page with filters"],
    ["/?q=zzzzgeenresultaat", "start page without results"],
    ["/netwerk.html?id=3", "network page"],
    ["/netwerk.html?id=999999", "network that does not exist"],
    ["/kennis.html", "knowledge platform"],
    ["/kennis.html?audience=municipalities&source=all", "knowledge for municipalities"],
    ["/inloggen.html", "sign in"],
    ["/registreren.html", "sign up"],
    ["/wachtwoord-vergeten.html", "forgot password"],
    ["/wachtwoord-herstellen.html", "new password without a link"],
    ["/afmelden.html", "unsubscribe without a key"],
    ["/wachtwoord-vergeten.html?lang=en", "forgot password in English"],
    ["/netwerk-starten.html", "start a network (signed out)"],
    ["/toegankelijkheid", "accessibility statement"],
    ["/embed/voorbeeld.html", "embed instructions with live examples"],
    ["/?lang=en", "start page in English"],
    ["/netwerk.html?id=3&lang=en", "network page in English"],
    ["/kennis.html?lang=en", "knowledge platform in English"],
    ["/agenda.html?format=online", "agenda of online meetings"],
    ["/vragen.html", "questions from networks"],
    ["/kaart.html", "map of municipalities"],
    ["/kaart.html?article=30", "map of article 30"],
    ["/tafel.html?netwerk=3", "a stakeholder map"],
    ["/tafel.html?netwerk=1&lang=en", "a stakeholder map in English"],
    ["/kaart.html?measure=goals_achieved&lang=en", "map by goals achieved in English"],
    ["/vragen.html?status=all&lang=en", "all questions in English"],
    ["/vraag.html?id=1", "an answered question"],
    ["/vraag.html?id=999999", "a question that does not exist"],
    ["/api/v1/networks/3/report.html", "a network's progress report"],
    ["/api/v1/networks/3/report.html?lang=en", "a network's progress report in English"],
    ["/toegankelijkheid?lang=en", "accessibility statement in English"],
    ["/?lang=nl", "back to Dutch"],
  ];
  for (const [path, label] of pages) {
    test(label, async () => {
      await visit(page, path);
      await check(page, label);
    });
  }

  test("the accessibility statement is at /toegankelijkheid and says what was tested", async () => {
    await visit(page, "/toegankelijkheid");
    const text = await page.textContent("main");
    assert.match(text, /WCAG 2\.1/);
    assert.match(text, /axe-core/);
    assert.match(text, /320 pixels/);
  });

  test("embed in an iframe page", async () => {
    await visit(page, "/embed/?municipality=GM0344");
    assert.ok((await page.locator(".themanet-embed li").count()) > 0, "the embed lists networks");
    await check(page, "embed iframe page");
  });

  test("my municipality: choose one and see its networks", async () => {
    await visit(page, "/");
    await page.selectOption("select[name=myMunicipality]", "GM0344");
    await page.click("text=Toon netwerken");
    await page.waitForSelector("#mijn-gemeente-kop:has-text('Utrecht')");
    await check(page, "start page with my municipality");
  });

  test("a page that needs an account sends you to sign in", async () => {
    await page.goto(`${BASE}/mijn.html`);
    await page.waitForURL(/inloggen\.html\?terug=%2Fmijn\.html&nodig=1/);
    await ready(page);
    await check(page, "sign in, needed first");
  });

  test("sign in with empty fields shows each error next to its field", async () => {
    await visit(page, "/inloggen.html");
    await page.click("form button[type=submit]");
    await page.waitForSelector(".tm-error-summary");
    assert.equal(await page.locator("[data-field=email] .utrecht-form-field-error-message").count(), 1);
    assert.equal(await page.locator("[data-field=password] .utrecht-form-field-error-message").count(), 1);
    assert.equal(await page.getAttribute("input[name=email]", "aria-invalid"), "true");
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains("tm-error-summary")), true, "focus on the summary");
    await check(page, "sign in with errors");
  });

  test("sign in with a wrong password explains it", async () => {
    await visit(page, "/inloggen.html");
    await page.fill("input[name=email]", DEMO.member);
    await page.fill("input[name=password]", "niet-het-goede-wachtwoord");
    await page.click("form button[type=submit]");
    await page.waitForSelector(".tm-form-alert");
    assert.match(await page.textContent(".tm-form-alert"), /klopt niet/);
    await check(page, "sign in with a wrong password");
  });

  test("sign up with invalid fields shows every error at once, in Dutch", async () => {
    await visit(page, "/registreren.html");
    await page.fill("input[name=email]", "geen-adres");
    await page.fill("input[name=password]", "kort");
    await page.click("form button[type=submit]");
    await page.waitForSelector(".tm-error-summary");
    const summary = await page.textContent(".tm-error-summary");
    assert.match(summary, /Je naam: Vul dit in\./);
    assert.match(summary, /E-mailadres: Vul een e-mailadres in/);
    assert.match(summary, /Wachtwoord: Gebruik minstens 8 tekens\./);
    await check(page, "sign up with errors");
  });

  test("sign up with a much-used password says why, in Dutch", async () => {
    await visit(page, "/registreren.html");
    await page.fill("input[name=displayName]", "Sanne de Vries");
    await page.fill("input[name=email]", `sanne-${Date.now()}@example.org`);
    await page.fill("input[name=password]", "wachtwoord");
    await page.click("form button[type=submit]");
    await page.waitForSelector(".tm-error-summary");
    const summary = await page.textContent(".tm-error-summary");
    assert.match(summary, /Wachtwoord: Dit wachtwoord wordt heel vaak gebruikt\. Kies een ander/);
    assert.doesNotMatch(summary, /Je naam|E-mailadres/);
  });

  test("sign up with invalid fields, in English", async () => {
    await visit(page, "/registreren.html?lang=en");
    await page.click("form button[type=submit]");
    await page.waitForSelector(".tm-error-summary");
    assert.match(await page.textContent(".tm-error-summary"), /Your name: Fill this in\./);
    await check(page, "sign up with errors in English");
    await visit(page, "/?lang=nl");
  });
});

describe("a new volunteer joins a network", () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch();
    page = await openPage(browser.context);
  });
  after(() => browser.close());

  test("sign up, join with a commitment, see it on the network page, leave again", async () => {
    await visit(page, "/registreren.html?terug=%2Fnetwerk.html%3Fid%3D3");
    await page.fill("input[name=displayName]", "Nieuwe Vrijwilliger");
    await page.fill("input[name=email]", uniqueEmail("lid"));
    await page.fill("input[name=password]", "een lang en sterk wachtwoord");
    await Promise.all([page.waitForURL(/netwerk\.html\?id=3/), page.click("form button[type=submit]")]);
    await ready(page);
    await check(page, "network page, signed in, with the join form");
    await page.fill("textarea[name=commitment]", "Ik ben slechtziend en wil graag meedenken.");
    await page.click("text=Ik doe mee");
    await page.waitForSelector("text=Je doet mee met dit netwerk");
    await check(page, "network page as a new member");

    // React to a goal (endorsement form open), then see the reactions.
    await page.locator("button:has-text('Reageren')").first().click();
    await page.waitForSelector("form:has(input[name=stance])");
    await check(page, "endorsement form open");
    await page.locator("form:has(input[name=stance]) label:has-text('Ik heb een zorg')").click();
    await page.fill("textarea[name=comment]", "Let ook op mensen met een hulphond.");
    await page.click("text=Reactie geven");
    // The page draws itself anew and puts the focus back on the goal.
    await page.waitForFunction(() => /^doel-/.test(document.activeElement?.id || ""));
    await page.waitForSelector("button:has-text('Bekijk')");
    await page.locator("button:has-text('Bekijk')").first().click();
    await page.waitForSelector(".tm-panel ul[aria-label^='Reacties op']");
    await check(page, "reactions shown");

    // Leave: the confirm dialog.
    await page.click("text=Stoppen met dit netwerk");
    await page.waitForSelector("dialog[open]");
    await check(page, "leave dialog");
    await page.click("dialog button[data-value=ok]");
    await page.waitForSelector("text=Doe mee!");

    // My themanet: profile form, with an error.
    await visit(page, "/mijn.html");
    await check(page, "my themanet");
    await page.fill("input[name=email]", "geen-adres");
    await page.fill("input[name=phone]", "bel me");
    await page.click("text=Profiel opslaan");
    await page.waitForSelector(".tm-error-summary");
    assert.ok((await page.locator("[data-field=email] .utrecht-form-field-error-message").count()) === 1);
    await check(page, "profile with errors");
    // Contact details and access needs are kept only with consent.
    await page.fill("input[name=email]", "vrijwilliger@example.org");
    await page.fill("input[name=phone]", "");
    await page.fill("textarea[name=accessNeeds]", "Een gebarentolk bij bijeenkomsten.");
    await page.click("text=Profiel opslaan");
    await page.waitForSelector(".tm-error-summary");
    // Which consent each needs comes from the API's `expected`.
    assert.match(await page.textContent("[data-field=email] .utrecht-form-field-error-message"), /alleen met je toestemming\. Zet het vakje ‘Bewaar mijn contactgegevens’ aan/);
    assert.match(await page.textContent("[data-field=accessNeeds] .utrecht-form-field-error-message"), /alleen met je toestemming\. Zet het vakje ‘Bewaar wat ik nodig heb’ aan/);
    await check(page, "profile without consent");
    await page.check("input[name=shareContact]");
    await page.check("input[name=accessNeedsConsent]");
    await page.fill("input[name=talents]", "schrijven, ICT");
    await page.locator("label:has-text('Nederlandse Gebarentaal')").click();
    await page.click("text=Profiel opslaan");
    await page.waitForSelector("text=Je profiel is opgeslagen.");
    // Talents are tags: the API keeps them in lower case, sorted.
    assert.equal(await page.inputValue("input[name=talents]"), "ict, schrijven");
    assert.equal(await page.inputValue("input[name=email]"), "vrijwilliger@example.org");
    await check(page, "profile saved");

    // Withdrawing consent erases what was kept.
    await page.uncheck("input[name=shareContact]");
    await page.click("text=Profiel opslaan");
    await page.waitForSelector("text=Je profiel is opgeslagen.");
    assert.equal(await page.inputValue("input[name=email]"), "");

    // My data as a file (right of access).
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Download mijn gegevens")]);
    assert.equal(download.suggestedFilename(), "themanet-mijn-gegevens.json");
    const data = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
    assert.equal(data.account.displayName, "Nieuwe Vrijwilliger");
    await check(page, "my data downloaded");

    // Delete account: the dialog.
    await page.click("text=Mijn account verwijderen");
    await page.waitForSelector("dialog[open]");
    await check(page, "delete account dialog");
    await page.keyboard.press("Escape");
  });
});

describe("coordinator pages", () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch();
    page = await openPage(browser.context);
    await signInViaPage(page, DEMO.coordinator);
  });
  after(() => browser.close());

  test("my themanet lists my networks with my role", async () => {
    await visit(page, "/mijn.html");
    await page.waitForSelector("text=Jouw rol: Netwerkregisseur");
    await check(page, "my themanet, coordinator");
  });

  test("network page as coordinator", async () => {
    await visit(page, "/netwerk.html?id=3");
    await check(page, "network page, coordinator");
  });

  test("start a network: empty form shows errors", async () => {
    await visit(page, "/netwerk-starten.html");
    await check(page, "start a network");
    await page.click("form button[type=submit]");
    await page.waitForSelector(".tm-error-summary");
    for (const field of ["name", "theme", "municipalityCode"]) {
      assert.equal(await page.locator(`[data-field=${field}] .utrecht-form-field-error-message`).count(), 1, `error next to ${field}`);
    }
    // A local network needs a municipality, or a region for a place abroad.
    assert.match(await page.textContent("[data-field=municipalityCode] .utrecht-form-field-error-message"), /Kies een gemeente\. Ligt de plek buiten Nederland\? Vul dan een regio in\./);
    await check(page, "start a network with errors");
  });

  test("start a network: a name that is too short says how long it must be, in Dutch", async () => {
    await visit(page, "/netwerk-starten.html");
    await page.fill("input[name=name]", "Ab");
    await page.click("form button[type=submit]");
    await page.waitForSelector(".tm-error-summary");
    // From the API's minimum and maximum, not from its English reason.
    assert.equal(await page.textContent("[data-field=name] .utrecht-form-field-error-message"), "Gebruik 3 tot 120 tekens.");
    assert.match(await page.textContent(".tm-error-summary"), /Naam van het netwerk: Gebruik 3 tot 120 tekens\./);
    await check(page, "start a network with a name that is too short");
  });

  test("manage: goals, forms and dialogs", async () => {
    await visit(page, "/netwerk-beheren.html?id=3");
    await check(page, "manage page");
    await page.click("button[data-action=add-goal]");
    await page.click("text=Doel opslaan");
    await page.waitForSelector(".tm-error-summary");
    await check(page, "new goal form with errors");
    await page.locator("li[data-goal-id] >> button[data-action=edit]").first().click();
    await page.waitForSelector("form[aria-label$='wijzigen']");
    await page.fill("form[aria-label$='wijzigen'] input[name=targetDate]", "31-13-2027");
    await page.click("form[aria-label$='wijzigen'] button[type=submit]");
    await page.waitForSelector("form[aria-label$='wijzigen'] .tm-error-summary");
    await check(page, "edit goal form with errors");
    await page.locator("li[data-goal-id] >> button[data-action=delete]").first().click();
    await page.waitForSelector("dialog[open]");
    await check(page, "delete goal dialog");
    await page.keyboard.press("Escape");
  });

  test("manage: members, search and add", async () => {
    await visit(page, "/netwerk-beheren.html?id=3");
    await page.fill("input[name=q]", "a");
    await page.click("form[role=search] button[type=submit]");
    await page.locator("input[name=stakeholderId]").or(page.getByText("Niemand gevonden")).first().waitFor();
    await check(page, "search for people to add");
    await page.click("text=Uit het netwerk halen >> nth=1");
    await page.waitForSelector("dialog[open]");
    await check(page, "remove member dialog");
    await page.keyboard.press("Escape");
  });

  test("a 412 conflict is explained, and the newest version can be loaded", async () => {
    await visit(page, "/netwerk-beheren.html?id=3");
    const form = page.locator("form[aria-labelledby=gegevens-kop]");
    await form.locator("textarea[name=description]").fill("Mijn wijziging in de browser.");

    // Meanwhile someone else changes the network.
    const token = await apiToken(DEMO.coordinator);
    const current = await apiCall("GET", "/networks/3", { token });
    const newer = `Iemand anders schreef dit om ${Date.now()}.`;
    const changed = await apiCall("PATCH", "/networks/3", { token, ifMatch: current.etag, body: { description: newer } });
    assert.equal(changed.status, 200);

    await form.locator("button[type=submit]").click();
    await page.waitForSelector("dialog[open]");
    assert.match(await page.textContent("dialog"), /Iemand anders was je voor/);
    await check(page, "conflict dialog");
    await page.click("dialog button[data-value=reload]");
    await page.waitForSelector("dialog[open]", { state: "detached" });
    await page.waitForFunction((text) => document.querySelector("form[aria-labelledby=gegevens-kop] textarea[name=description]")?.value === text, newer);
    await check(page, "after loading the newest version");
  });

  test("manage: details form with errors", async () => {
    await visit(page, "/netwerk-beheren.html?id=3");
    const form = page.locator("form[aria-labelledby=gegevens-kop]");
    await form.locator("input[name=name]").fill("");
    await form.locator("input[name=theme]").fill("x");
    await form.locator("button[type=submit]").click();
    await page.waitForSelector("form[aria-labelledby=gegevens-kop] .tm-error-summary");
    await check(page, "network details with errors");
  });
});

describe("admin pages", () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch();
    page = await openPage(browser.context);
    await signInViaPage(page, DEMO.admin);
  });
  after(() => browser.close());

  test("knowledge platform: add, edit and delete links", async () => {
    await visit(page, "/kennis.html");
    await check(page, "knowledge platform, admin");
    const add = page.locator("section[aria-labelledby=toevoegen-kop] form");
    await add.locator("input[name=url]").fill("ftp://niet-goed");
    await add.locator("button[type=submit]").click();
    await page.waitForSelector("section[aria-labelledby=toevoegen-kop] .tm-error-summary");
    await check(page, "add link with errors");
    await page.locator("[data-link-id] button:has-text('Wijzigen')").first().click();
    await page.waitForSelector("li.tm-editor form");
    await check(page, "edit link form");
    await page.locator("li.tm-editor button:has-text('Annuleren')").click();
    await page.locator("[data-link-id] button:has-text('Verwijderen')").first().click();
    await page.waitForSelector("dialog[open]");
    await check(page, "delete link dialog");
    await page.keyboard.press("Escape");
  });

  test("a knowledge link goes through the visit endpoint and is counted", async () => {
    await visit(page, "/kennis.html?source=all");
    const link = page.locator("[data-link-id] h3 a").first();
    const href = await link.getAttribute("href");
    assert.match(href, /\/api\/v1\/knowledge-links\/\d+\/visit$/);
    const id = href.match(/knowledge-links\/(\d+)/)[1];
    const before = (await apiCall("GET", `/knowledge-links/${id}`)).data.clicks;
    // Follow the redirect without leaving the test's own hosts: ask for it from Node.
    const response = await fetch(href.startsWith("http") ? href : BASE + href, { redirect: "manual" });
    assert.equal(response.status, 302);
    const afterClicks = (await apiCall("GET", `/knowledge-links/${id}`)).data.clicks;
    assert.equal(afterClicks, before + 1);
  });
});

describe("member and core group pages", () => {
  let browser;
  let page;
  before(async () => {
    browser = await launch();
    page = await openPage(browser.context);
  });
  after(() => browser.close());

  test("a members-only network does not exist for visitors, and shows for its members", async () => {
    await visit(page, "/netwerk.html?id=5");
    assert.match(await page.textContent("h1"), /Netwerk niet gevonden/);
    await check(page, "members-only network, visitor");
    await signInViaPage(page, DEMO.member);
    await visit(page, "/netwerk.html?id=5");
    assert.match(await page.textContent("h1"), /Ervaringskring Emmen/);
    assert.match(await page.textContent("main"), /Alleen voor leden/);
    await check(page, "members-only network, member");
  });

  test("the core group manages goals, not roles or the network itself", async () => {
    await visit(page, "/netwerk-beheren.html?id=2");
    assert.ok(await page.isVisible("button[data-action=add-goal]"), "core group adds goals");
    assert.equal(await page.locator("select[name=role]").count(), 0, "no role forms");
    assert.equal(await page.locator("#gegevens-kop").count(), 0, "no network details form");
    await check(page, "manage page, core group");
  });

  test("an ordinary member can't manage", async () => {
    await visit(page, "/netwerk-beheren.html?id=1");
    assert.match(await page.textContent("main"), /Alleen de kerngroep en de netwerkregisseur/);
    await check(page, "manage page, not allowed");
    await visit(page, "/mijn.html");
    for (const name of ["Netwerk Inclusieve Gemeenten", "Inclusief Drenthe", "Ervaringskring Emmen"]) assert.match(await page.textContent("main"), new RegExp(name));
  });
});
