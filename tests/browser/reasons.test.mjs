// The words for an invalid field come from the API's data (`code`,
// `expected`, `minimum`, `maximum`), never from its English `reason`; the
// reason is shown only in English, where we have nothing more specific.
// Runs without a browser or a server: node --test tests/browser/reasons.test.mjs

import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

import { useTexts } from "../../web/js/i18n.js";
import { reasonKey, reasonText } from "../../web/js/forms.js";

const texts = {};
for (const lang of ["nl", "en"]) {
  const sandbox = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(new URL(`../../web/i18n/${lang}.js`, import.meta.url), "utf8"), sandbox);
  texts[lang] = sandbox.themanetTexts[lang];
}
const speak = (lang) => useTexts(lang, texts[lang]);
beforeEach(() => speak("nl"));

test("a too-short network name: the bounds come from minimum and maximum", () => {
  const param = { name: "name", code: "length", reason: "must have 3 to 120 characters", minimum: 3, maximum: 120 };
  assert.equal(reasonText(param), "Gebruik 3 tot 120 tekens.");
  speak("en");
  assert.equal(reasonText(param), "Use 3 to 120 characters.");
});

test("the reason's prose is not read: other words, the same text", () => {
  // Each reason would have matched one of the old patterns over the prose.
  assert.equal(reasonText({ code: "length", minimum: 8, maximum: 40, reason: "must be an e-mail address" }), "Gebruik 8 tot 40 tekens.");
  assert.equal(reasonText({ code: "length", minimum: 8, reason: "must have 1 to 100 characters" }), "Gebruik minstens 8 tekens.");
  assert.equal(reasonKey({ code: "format", reason: "must be an e-mail address" }), null);
  assert.equal(reasonKey({ code: "reference", reason: "is not a CBS municipality code (see GET /municipalities)" }), null);
  assert.equal(reasonText({ code: "format", reason: "must be an e-mail address" }), "Dit heeft niet de goede vorm.");
});

test("lengths and ranges by the bounds that are given", () => {
  assert.equal(reasonText({ code: "length", minimum: 8 }), "Gebruik minstens 8 tekens.");
  assert.equal(reasonText({ code: "length", maximum: 2000 }), "Gebruik niet meer dan 2000 tekens.");
  assert.equal(reasonText({ code: "range", minimum: 1, maximum: 100 }), "Kies een getal van 1 tot 100.");
  assert.equal(reasonText({ code: "range", minimum: 0 }), "Kies een getal van 0 of meer.");
  assert.equal(reasonText({ code: "range", maximum: 100000 }), "Kies een getal van 100000 of minder.");
  // Bounds that are not whole numbers are no bounds.
  assert.equal(reasonText({ code: "length", minimum: "3", maximum: null }), "Dit is te kort of te lang.");
});

test("a list's length may count entries: no word on characters", () => {
  const param = { code: "length", maximum: 20, reason: "has more than 20 entries" };
  assert.equal(reasonText(param, { list: true }), "Dit is te kort of te lang.");
  speak("en");
  assert.equal(reasonText(param, { list: true }), "Has more than 20 entries.");
});

// Every `expected` the API gives, with the words we show for it in Dutch.
const EXPECTED = [
  ["required", "localPlace", "Kies een gemeente. Ligt de plek buiten Nederland? Vul dan een regio in."],
  ["required", "audience", "Kies minstens één groep voor wie het is."],
  ["format", "email", "Vul een e-mailadres in, zoals naam@voorbeeld.nl."],
  ["format", "url", "Vul een volledig webadres in, zoals https://voorbeeld.nl/pagina."],
  ["format", "publicUrl", "Dit moet het adres van een openbare website zijn."],
  ["format", "slug", "Gebruik 3 tot 60 kleine letters, cijfers en streepjes."],
  ["format", "phone", "Vul een telefoonnummer in, zoals +31 30 123 45 67."],
  ["format", "dateTime", "Vul een datum in."],
  ["format", "date", "Vul een datum in."],
  ["format", "text", "Hier staat een onzichtbaar teken in dat niet mag. Typ de tekst opnieuw."],
  ["format", "wholeNumber", "Vul een heel getal in, zoals 12."],
  ["format", "cursor", "Deze lijst is veranderd. Begin opnieuw bij de eerste pagina."],
  ["format", "value", "Dit is leeg. Vul iets in, of laat het weg."],
  ["reference", "network", "Kies een netwerk dat je kunt zien."],
  ["reference", "stakeholder", "Deze persoon of organisatie bestaat niet."],
  ["reference", "goal", "Kies een doel van dit netwerk."],
  ["reference", "member", "Deze persoon is geen lid van dit netwerk."],
  ["reference", "topic", "Kies een onderwerp uit de lijst."],
  ["reference", "municipality", "Kies een gemeente. Ligt de plek buiten Nederland? Vul dan een regio in."],
  ["reference", "province", "Kies een provincie uit de lijst."],
  ["consent", "shareContact", "Dit bewaren we alleen met je toestemming. Zet het vakje ‘Bewaar mijn contactgegevens’ aan, of maak dit veld leeg."],
  ["consent", "accessNeedsConsent", "Dit bewaren we alleen met je toestemming. Zet het vakje ‘Bewaar wat ik nodig heb’ aan, of maak dit veld leeg."],
  ["rule", "parentScope", "Het grotere netwerk moet verder reiken dan dit netwerk (lokaal, dan regionaal, dan landelijk)."],
  ["rule", "childScope", "Dit netwerk moet verder reiken dan de kleinere netwerken eronder."],
  ["rule", "goalCycle", "Een doel kan geen stap van zichzelf zijn. Kies een ander doel erboven."],
  ["rule", "goalDepth", "Er staan te veel stappen onder elkaar. Kies een doel dat hoger staat."],
  ["rule", "province", "Kies de provincie van de gemeente, of laat de provincie leeg."],
  ["rule", "nationalProvince", "Een landelijk netwerk hoort niet bij één provincie. Laat de provincie leeg."],
  ["rule", "ownWords", "Waarom iemand meedoet, schrijft die persoon zelf als die de uitnodiging aanneemt. Laat dit veld leeg."],
  ["rule", "accepting", "Dit schrijf je alleen als je ja zegt op de uitnodiging."],
  ["rule", "topLevelMessage", "Dit kan alleen bij een bericht, niet bij een reactie."],
  ["rule", "houseRulesVersion", "De spelregels zijn veranderd. Lees ze opnieuw en ga akkoord met de nieuwste versie."],
  ["required", "hiddenReason", "Schrijf kort op waarom je dit bericht verbergt."],
  ["duplicate", "report", "Je hebt dit bericht al gemeld."],
];

test("every expected value has its own words, in Dutch and in English", () => {
  const english = new Set();
  for (const [code, expected, dutch] of EXPECTED) {
    const param = { code, expected, reason: "anything at all" };
    speak("nl");
    assert.equal(reasonText(param), dutch, `${code} ${expected}`);
    speak("en");
    const text = reasonText(param);
    assert.ok(!text.startsWith("reasons.") && text !== "Anything at all.", `${code} ${expected} in English: ${text}`);
    english.add(`${reasonKey(param).key}:${text}`);
  }
  // Keys shared by two expected values (dates, municipalities) say the same.
  assert.equal(new Set([...english].map((k) => k.split(":")[0])).size, english.size);
});

test("the codes that say it all, in both languages, whatever the reason", () => {
  for (const [lang, required, oneOf, weak] of [
    ["nl", "Vul dit in.", "Kies een van de mogelijkheden.", /^Dit wachtwoord wordt heel vaak gebruikt\./],
    ["en", "Fill this in.", "Choose one of the options.", /^This password is one of the most used\./],
  ]) {
    speak(lang);
    assert.equal(reasonText({ code: "required", reason: "is required" }), required);
    assert.equal(reasonText({ code: "enum", reason: "must be one of: a, b", allowed: ["a", "b"] }), oneOf);
    assert.match(reasonText({ code: "weak_password", reason: "is one of the most used passwords" }), weak);
  }
});

test("unknown: the code's general text in Dutch, the API's reason in English", () => {
  const cases = [
    [{ code: "format", expected: "somethingNew", reason: "must be a colour" }, "Dit heeft niet de goede vorm.", "Must be a colour."],
    [{ code: "reference", reason: "is not a meeting" }, "Dit bestaat niet, of je kunt het niet zien.", "Is not a meeting."],
    [{ code: "consent", expected: "newConsent", reason: "needs consent" }, "Dit bewaren we alleen met je toestemming.", "Needs consent."],
    [{ code: "rule", expected: "newRule", reason: "breaks a rule" }, "Dit kan zo niet. Kijk of het past bij de andere gegevens.", "Breaks a rule."],
    [{ code: "length", reason: "is too long" }, "Dit is te kort of te lang.", "Is too long."],
    [{ code: "type", reason: "has the wrong type: string" }, "Dit is niet goed ingevuld.", "Has the wrong type: string."],
    [{ code: "somethingNew", reason: "is odd" }, "Dit is niet goed ingevuld.", "Is odd."],
  ];
  for (const [param, dutch, english] of cases) {
    speak("nl");
    assert.equal(reasonText(param), dutch);
    speak("en");
    assert.equal(reasonText(param), english);
  }
  // Without a reason, English too has the general text.
  assert.equal(reasonText({ code: "format" }), "This is not in the right form.");
});

test("the codes of this mapping are the API's", () => {
  const spec = JSON.parse(readFileSync(new URL("../../openapi/openapi.json", import.meta.url), "utf8"));
  const codes = spec.components.schemas.InvalidParamCode.enum;
  for (const code of new Set(EXPECTED.map(([c]) => c))) assert.ok(codes.includes(code), code);
});
