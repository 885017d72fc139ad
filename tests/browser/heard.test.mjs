// Heard, not only seen: journeys walked with a virtual screen reader (see
// screen-reader.mjs), by the commands a blind visitor gives, asserting
// what must be heard, and keeping the whole transcript in
// tests/browser/transcripts/ for a reviewer to read.
//
// The journeys use a network of their own, made through the API, so that
// what is said does not depend on what other tests do meanwhile.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, apiCall, apiToken, uniqueEmail, signInViaPage, BASE, DEMO } from "./helpers.mjs";
import { offerReader, startReader, stopReader, perform, nextUntil, act, spoken, forget, transcript, settled } from "./screen-reader.mjs";

const PASSWORD = "een lange zin als wachtwoord";
let browser;
let network;
let coordinator;
let token;

before(async () => {
  browser = await launch();
  coordinator = uniqueEmail("hoorbaar");
  const registered = await apiCall("POST", "/auth/register", { body: { email: coordinator, password: PASSWORD, displayName: "Hanna Hoorbaar" } });
  assert.equal(registered.status, 201);
  token = registered.data.accessToken;
  const made = await apiCall("POST", "/networks", {
    token,
    body: {
      name: `Hoorbare bibliotheken ${Date.now()}`,
      theme: "Bibliotheken waar iedereen welkom is",
      ambition: "Over een jaar zijn alle bibliotheken in Zeewolde goed te bezoeken, ook voor wie niet of slecht ziet.",
      scope: "local",
      municipalityCode: "GM0050",
    },
  });
  assert.equal(made.status, 201, JSON.stringify(made.data));
  network = made.data;
  const goal = await apiCall("POST", `/networks/${network.id}/goals`, { token, body: { title: "Een voorleeshoek met braille en luisterboeken", status: "agreed" } });
  assert.equal(goal.status, 201, JSON.stringify(goal.data));
  for (const [title, status] of [["Luisterboeken kiezen met ervaringsdeskundigen", "achieved"], ["Braillebordjes bij de kasten", "agreed"]]) {
    const step = await apiCall("POST", `/networks/${network.id}/goals`, { token, body: { title, status, parentId: goal.data.id } });
    assert.equal(step.status, 201, JSON.stringify(step.data));
  }
});
const others = [];
after(() => Promise.all([browser.close(), ...others.map((b) => b.close())]));

/** A page in a browser of its own, for a journey that signs in. */
async function ownPage() {
  const own = await launch();
  others.push(own);
  return openPage(own.context);
}

/** The network's name varies per run: a transcript says "[netwerk]". */
const plain = (phrases) => phrases.map((p) => p.replaceAll(network.name, "[netwerk]"));

test("a network by ear: its name, its ambition, its goals with their progress", async () => {
  const page = await openPage(browser.context);
  await offerReader(page);
  await visit(page, `/netwerk.html?id=${network.id}`);
  await startReader(page);
  await perform(page, "moveToNextHeading");
  assert.match(await spoken(page).then((s) => s.at(-1)), /^heading, Hoorbare bibliotheken \d+, level 1$/);
  // The ambition, under "Over dit netwerk".
  await nextUntil(page, /^heading, Over dit netwerk, level 2$/);
  await nextUntil(page, /ook voor wie niet of slecht ziet/);
  // The goals: the goal, its progress, and each step with where it stands.
  await nextUntil(page, /^heading, Doelen en stappen, level 2$/);
  await nextUntil(page, /^heading, Een voorleeshoek met braille en luisterboeken, level 3$/);
  await nextUntil(page, /1 van de 2 stappen|1 of 2 steps|1 van 2/);
  await nextUntil(page, /Luisterboeken kiezen met ervaringsdeskundigen/);
  await nextUntil(page, /Behaald/);
  const heard = plain(await spoken(page));
  transcript("network-by-ear", heard);
  await page.close();
});

test("a form with two mistakes: the summary is heard first, then each field says what is wrong", async () => {
  const page = await openPage(browser.context);
  await offerReader(page);
  await visit(page, "/registreren.html");
  await startReader(page);
  await nextUntil(page, /^textbox, Je naam, Deze naam zien andere deelnemers\., required$/);
  await page.fill("input[name=displayName]", "Hanna");
  await page.fill("input[name=email]", "geen-adres");
  await page.fill("input[name=password]", "kort");
  await page.click("form button[type=submit]");
  await page.locator(".tm-error-summary").waitFor();
  await forget(page);
  // The focus went to the summary: the reader goes on from there.
  await nextUntil(page, /^heading, Er zijn 2 dingen niet goed ingevuld, level 2$/);
  await nextUntil(page, /^link, E-mailadres: Vul een e-mailadres in/);
  await nextUntil(page, /^link, Wachtwoord: Gebruik minstens 8 tekens\.$/);
  await nextUntil(page, /^textbox, E-mailadres, geen-adres, .*Vul een e-mailadres in, zoals naam@voorbeeld\.nl\., invalid, required$/);
  // A password field has no role of its own in ARIA: the virtual reader
  // names it by its label and description (real readers say "protected").
  await nextUntil(page, /^Wachtwoord, .*Gebruik minstens 8 tekens\.$/);
  const heard = await spoken(page);
  assert.ok(!heard.some((p) => /^textbox, Je naam.*invalid/.test(p)), "the name was filled in: no error there");
  transcript("form-with-mistakes", heard);
  await page.close();
});

test("a forgotten password: the reader hears that the mail is on its way", async () => {
  const page = await openPage(browser.context);
  await offerReader(page);
  await visit(page, "/wachtwoord-vergeten.html");
  await startReader(page);
  await nextUntil(page, /^textbox, E-mailadres/);
  await page.fill("input[name=email]", "iemand@themanet.example");
  await nextUntil(page, /^button, Stuur mij een link$/);
  await act(page);
  await page.getByText("Als er een account is met iemand@themanet.example").waitFor();
  await forget(page);
  await startReader(page);
  await nextUntil(page, /Als er een account is met iemand@themanet\.example/);
  transcript("forgot-password", await spoken(page));
  await page.close();
});

test("a coordinator marks a step achieved and hears the celebration", async () => {
  const page = await ownPage();
  await offerReader(page);
  await signInViaPage(page, coordinator, PASSWORD);
  await visit(page, `/netwerk-beheren.html?id=${network.id}`);
  await startReader(page);
  await nextUntil(page, /^heading, Braillebordjes bij de kasten, level 4$/);
  await nextUntil(page, /^button, Behaald! ?: Braillebordjes bij de kasten$/);
  await forget(page);
  await act(page);
  await page.getByText("Gefeliciteerd! Braillebordjes bij de kasten is behaald.").first().waitFor({ state: "attached" });
  // The live region is read out: the reader says it without moving.
  await page.waitForTimeout(300);
  const heard = await spoken(page);
  assert.ok(
    heard.some((p) => p.includes("Gefeliciteerd! Braillebordjes bij de kasten is behaald.")),
    `the celebration is heard; the reader said: ${heard.join(" | ")}`,
  );
  transcript("step-achieved", settled(heard));
  await page.close();
});

test("a newcomer joins the network and reacts to a goal, and hears both confirmed", async () => {
  const email = uniqueEmail("nieuwkomer");
  assert.equal((await apiCall("POST", "/auth/register", { body: { email, password: PASSWORD, displayName: "Nico Nieuw" } })).status, 201);
  const page = await ownPage();
  await offerReader(page);
  await signInViaPage(page, email, PASSWORD);
  await visit(page, `/netwerk.html?id=${network.id}`);
  await startReader(page);
  await nextUntil(page, /^heading, Meedoen, level 2$/);
  await nextUntil(page, /^checkbox, Ik ga akkoord met de spelregels van dit netwerk/);
  await act(page);
  await nextUntil(page, /^button, Ik doe mee$/);
  await forget(page);
  await act(page);
  await page.getByText(/Welkom! Je doet nu mee met/).first().waitFor({ state: "attached" });
  await page.waitForTimeout(300);
  const joined = plain(await spoken(page));
  assert.ok(joined.some((p) => p.includes("Welkom! Je doet nu mee met [netwerk].")), `joining is heard: ${joined.join(" | ")}`);

  // React to the goal: from the top of the page again, to its heading and
  // its button.
  await stopReader(page);
  await startReader(page);
  await nextUntil(page, /^heading, Een voorleeshoek met braille en luisterboeken, level 3$/);
  await nextUntil(page, /^button, Reageren/);
  await act(page);
  await nextUntil(page, /^radio, Ik steun dit/);
  await act(page);
  await nextUntil(page, /^textbox, Toelichting/);
  await page.keyboard.type("Luisterboeken helpen mijn moeder.");
  await nextUntil(page, /^button, Reactie geven/);
  await forget(page);
  await act(page);
  await page.getByText("Bedankt! Je reactie is opgeslagen.").first().waitFor({ state: "attached" });
  await page.waitForTimeout(300);
  const reacted = await spoken(page);
  assert.ok(reacted.some((p) => p.includes("Bedankt! Je reactie is opgeslagen.")), `the reaction is heard: ${reacted.join(" | ")}`);
  transcript("join-and-react", [...settled(joined), "---", ...settled(plain(reacted))]);
  await page.close();
});

test("a meeting by ear: when, where, and what the venue offers", async () => {
  const page = await openPage(browser.context);
  await offerReader(page);
  const all = await apiCall("GET", "/meetings?when=all&pageSize=100");
  const meeting = all.data.items.find((m) => m.title === "Warm startmoment Inclusief Drenthe");
  await visit(page, `/bijeenkomst.html?id=${meeting.id}`);
  await startReader(page);
  await perform(page, "moveToNextHeading");
  await nextUntil(page, /^\w+dag \d{1,2} \w+ \d{4}, 19:00 – 22:00$/);
  await nextUntil(page, /^heading, Waar en hoe, level 2$/);
  await nextUntil(page, /^Bibliotheek Assen, Collegeplein 1, Assen$/);
  await nextUntil(page, /^heading, Toegankelijkheid, level 2$/);
  await nextUntil(page, /^Ringleiding$/);
  await nextUntil(page, /^Gebarentolk \(NGT of VGT\)$/);
  await nextUntil(page, /^end of list, Toegankelijkheid$/);
  // The day moves with the demo data, and other journeys take places.
  const heard = (await spoken(page)).map((p) =>
    p.replace(/^\w+dag \d{1,2} \w+ \d{4}, /, "[dag], ").replace(/^Nog \d+ plek(ken)? vrij$/, "Nog [n] plekken vrij"),
  );
  transcript("meeting-by-ear", heard);
  await page.close();
});

test("the list on a partner's page: its heading, how many, and each network as a link", async () => {
  const page = await openPage(browser.context);
  await offerReader(page);
  await visit(page, "/embed/voorbeeld.html");
  await page.locator(".themanet-embed li").first().waitFor();
  await startReader(page);
  await nextUntil(page, /^region, Themanetwerken$/);
  await nextUntil(page, /^heading, Themanetwerken, level 3$/);
  await nextUntil(page, /^\d+ themanetwerk(en)?$/);
  await nextUntil(page, /^link, Toegankelijke musea Utrecht$/);
  await nextUntil(page, /^link, Alle themanetwerken op themanet$/);
  await nextUntil(page, /^end of region, Themanetwerken$/);
  // Other journeys may start networks in Utrecht meanwhile: the transcript
  // keeps the list's frame, not its items.
  const heard = await spoken(page);
  const from = heard.indexOf("region, Themanetwerken");
  const frame = [];
  let inList = false;
  for (const p of heard.slice(from)) {
    if (p === "list") {
      inList = true;
      frame.push("list", "[the networks, each a link with its theme, scope and status]");
    } else if (p === "end of list") {
      inList = false;
      frame.push(p);
    } else if (!inList) {
      frame.push(p.replace(/^\d+ themanetwerk(en)?$/, "[n] themanetwerken"));
    }
  }
  transcript("embed-on-a-partner-page", frame);
  await page.close();
});

test("a network's board and documents by ear: an announcement, and a file with what it is", async () => {
  const posted = await apiCall("POST", `/networks/${network.id}/messages`, {
    token,
    body: { title: "Voorleesmiddag op 14 maart", body: "Iedereen is welkom. Er is een **ringleiding**.", public: true },
  });
  assert.equal(posted.status, 201, JSON.stringify(posted.data));
  const form = new FormData();
  form.append("title", "Verslag van de schouw");
  form.append("visibility", "public");
  form.append("file", new Blob(["De ingang is drempelvrij. De kasten zijn laag genoeg."], { type: "text/plain" }), "verslag.txt");
  const shared = await fetch(`${BASE}/api/v1/networks/${network.id}/documents`, { method: "POST", headers: { Authorization: `Bearer ${token}` }, body: form });
  assert.equal(shared.status, 201, await shared.text());

  const page = await openPage(browser.context);
  await offerReader(page);
  await visit(page, `/netwerk.html?id=${network.id}`);
  await startReader(page);
  await nextUntil(page, /^heading, Prikbord, level 2$/);
  await nextUntil(page, /^heading, Voorleesmiddag op 14 maart, level 3$/);
  await nextUntil(page, /^ringleiding$/);
  const board = await spoken(page);
  await nextUntil(page, /^link, Documenten van dit netwerk$/);
  // Activating the link leaves the page (and the reader with it).
  await Promise.all([page.waitForURL(/documenten\.html/), act(page).catch(() => {})]);
  await page.locator("[data-ready=true]").waitFor();
  await startReader(page);
  await nextUntil(page, /^heading, Verslag van de schouw, level 3$/);
  await nextUntil(page, /^Tekst, 1 kB$/);
  await nextUntil(page, /^button, Downloaden ?: Verslag van de schouw$/);
  const documents = await spoken(page);
  const from = (phrases, first) => phrases.slice(phrases.findIndex((p) => first.test(p)));
  const dated = (p) => p.replace(/\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/g, "[datum]");
  transcript(
    "board-and-documents",
    [...from(board, /^heading, Prikbord, level 2$/), "---", ...plain(from(documents, /^heading, Gedeelde documenten, level 2$/))].map(dated),
  );
  await page.close();
});


test("a raised question by ear: where it stands, who asks whom, and every step", async () => {
  const networks = (await apiCall("GET", "/networks?scope=national&pageSize=100")).data.items;
  const national = networks.find((n) => /Inclusieve Gemeenten/.test(n.name));
  const raised = await apiCall("POST", `/networks/${network.id}/questions`, {
    token,
    body: {
      toNetworkId: national.id,
      title: "Luisterboeken in elke bibliotheek",
      question: "Kan er één landelijke regeling komen voor luisterboeken in bibliotheken?",
      beyond: "Elke bibliotheek koopt nu zelf in. Kleine bibliotheken kunnen dat niet betalen.",
    },
  });
  assert.equal(raised.status, 201, JSON.stringify(raised.data));
  const nationalToken = await apiToken(DEMO.coordinator);
  const moved = await apiCall("POST", `/questions/${raised.data.id}/steps`, { token: nationalToken, body: { status: "received", note: "We nemen dit mee naar ons overleg." } });
  assert.equal(moved.status, 200, JSON.stringify(moved.data));

  const page = await openPage(browser.context);
  await offerReader(page);
  await visit(page, `/vraag.html?id=${raised.data.id}`);
  await startReader(page);
  await nextUntil(page, /^heading, Luisterboeken in elke bibliotheek, level 1$/);
  await nextUntil(page, /^Ontvangen$/);
  await nextUntil(page, /^Gesteld door$/);
  await nextUntil(page, /^heading, Wat er gebeurde, level 2$/);
  await nextUntil(page, /^We nemen dit mee naar ons overleg\.$/);
  const heard = await spoken(page);
  const from = heard.slice(heard.findIndex((p) => /^heading, Luisterboeken/.test(p)));
  const dated = (p) => p.replace(/\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/g, "[datum]");
  transcript("question-by-ear", plain(from).map(dated));
  await page.close();
});

test("the map by ear: a municipality named with its figure, and the table beside it", async () => {
  const page = await openPage(browser.context);
  await offerReader(page);
  await visit(page, "/kaart.html");
  await page.locator("svg.tm-map").waitFor();
  await startReader(page);
  await nextUntil(page, /^heading, Kaart van inclusieve gemeenten, level 1$/);
  await nextUntil(page, /^In \d+ gemeenten? is een themanetwerk actief\.$/);
  await nextUntil(page, /^link, Utrecht: \d+ actie(f netwerk|ve netwerken)$/, 2000);
  const map = await spoken(page);
  await nextUntil(page, /^heading, Cijfers per gemeente, level 2$/, 2000);
  await nextUntil(page, /^table, \d+ gemeenten? met een netwerk/);
  await nextUntil(page, /^link, Utrecht$/);
  const table = await spoken(page);
  const start = (phrases, first) => phrases.slice(phrases.findIndex((p) => first.test(p)));
  // Other journeys add networks meanwhile: the transcript keeps the words,
  // not the figures, and the table up to its header row.
  const figures = (p) => p.replace(/\d+/g, "[n]").replace(/\[n\] gemeente\b/g, "[n] gemeenten").replace(/\[n\] actief netwerk\b/g, "[n] actieve netwerken");
  const head = start(map, /^heading, Kaart/).slice(0, 12);
  const tableHead = start(table, /^heading, Cijfers per gemeente/);
  const header = tableHead.slice(0, tableHead.indexOf("end of rowgroup") + 1);
  transcript("map-by-ear", [...head, "...", ...map.slice(-1), "---", ...header].map(figures));
  await page.close();
});
