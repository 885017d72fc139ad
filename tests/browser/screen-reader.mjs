// A virtual screen reader in the test browser: @guidepup/virtual-screen-reader
// (its browser build, served to the page from this site's own address so
// the Content-Security-Policy stays as it is) walks a page by the commands
// a screen-reader user gives (next item, next heading, activate) and keeps
// what it would say. Journeys keep that as a transcript under
// tests/browser/transcripts/, which a reviewer reads as a blind visitor
// hears the page; UPDATE_TRANSCRIPTS=1 writes them anew.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const BUNDLE = new URL("../../node_modules/@guidepup/virtual-screen-reader/lib/esm/index.browser.js", import.meta.url);
const ADDRESS = "/__tests__/virtual-screen-reader.js";

/** Lets the page load the reader (call once per page, before visiting). */
export async function offerReader(page) {
  await page.route(`**${ADDRESS}`, (route) => route.fulfill({ body: readFileSync(BUNDLE), contentType: "text/javascript" }));
}

/** Starts the reader on the page's body. */
export async function startReader(page) {
  await page.evaluate(async (address) => {
    const { virtual } = await import(address);
    window.themanetReader = virtual;
    await virtual.start({ container: document.body });
  }, ADDRESS);
}

export const stopReader = (page) => page.evaluate(() => window.themanetReader.stop());

/** Gives the reader a named command (`moveToNextHeading`, ...) `times` times. */
export async function perform(page, command, times = 1) {
  await page.evaluate(
    async ({ command, times }) => {
      const reader = window.themanetReader;
      for (let i = 0; i < times; i += 1) await reader.perform(reader.commands[command]);
    },
    { command, times },
  );
}

/** Moves to the next item `times` times. */
export async function next(page, times = 1) {
  await page.evaluate(async (times) => {
    for (let i = 0; i < times; i += 1) await window.themanetReader.next();
  }, times);
}

/**
 * Moves on by items until the reader says something matching `pattern`
 * (at once when that is what it said last: the focus may have brought it
 * there).
 */
export async function nextUntil(page, pattern, max = 200) {
  const now = await lastSaid(page);
  if (pattern.test(now)) return now;
  for (let i = 0; i < max; i += 1) {
    await next(page);
    const said = await lastSaid(page);
    if (pattern.test(said)) return said;
    if (said === "end of document") break;
  }
  assert.fail(`the reader never said ${pattern}; last: ${(await spoken(page)).slice(-10).join(" | ")}`);
}

/** Activates the item the reader is on (Enter on a link or button). */
export const act = (page) => page.evaluate(() => window.themanetReader.act());

export const lastSaid = (page) => page.evaluate(() => window.themanetReader.lastSpokenPhrase());

/** Everything the reader said since it started. */
export const spoken = (page) => page.evaluate(() => window.themanetReader.spokenPhraseLog());

/** Forgets what was said so far (a journey keeps its own part). */
export const forget = (page) => page.evaluate(() => window.themanetReader.clearSpokenPhraseLog());

/**
 * What an action made the reader say, in an order that does not depend on
 * timing: where the focus went and what it read, then what live regions
 * announced meanwhile (a reader says those as they come, before or after
 * the focus moves). The journeys assert the announcements themselves.
 */
export function settled(phrases) {
  const live = (p) => /^(polite|assertive): /.test(p);
  // A button is said "disabled" while its request runs, or not, when the
  // answer comes before the reader looks again: left out.
  const busy = (p) => /^button, .*, disabled$/.test(p);
  return [...phrases.filter((p) => !live(p) && !busy(p)), "(announced)", ...phrases.filter(live)];
}

/**
 * Compares what was said with the kept transcript `name`, one phrase a
 * line; writes it with UPDATE_TRANSCRIPTS=1 (or when there is none yet).
 */
export function transcript(name, phrases) {
  const file = new URL(`./transcripts/${name}.txt`, import.meta.url);
  // A live region emptied before its next message is announced empty, or
  // not, as the timing falls: such blanks are left out.
  const text = `${phrases.filter((p) => !/^(polite|assertive): ?$/.test(p)).join("\n")}\n`;
  if (process.env.UPDATE_TRANSCRIPTS === "1" || !existsSync(file)) {
    writeFileSync(file, text);
    return;
  }
  assert.equal(text, readFileSync(file, "utf8"), `what the screen reader says changed (${name}); read it, and if it is right run with UPDATE_TRANSCRIPTS=1`);
}
