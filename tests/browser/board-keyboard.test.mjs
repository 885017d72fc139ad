// The message board by keyboard alone: a coordinator reaches the form for a
// new message with Tab, writes it, sends it with Enter, and the new message
// takes the focus; the focus is visible at every stop.

import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, DEMO, signInViaPage, tabTo, expectClean, expectNoAxeViolations } from "./helpers.mjs";

const browsers = [];
after(() => Promise.all(browsers.map((b) => b.close())));

test("keyboard only: post a message on the board", async () => {
  const browser = await launch();
  browsers.push(browser);
  const page = await openPage(browser.context);
  await signInViaPage(page, DEMO.coordinator);
  await visit(page, "/netwerk.html?id=1");
  await page.locator("#prikbord-kop").waitFor();
  // Start from the board's heading, as a keyboard user jumps there by link.
  await page.locator("#prikbord-kop").evaluate((heading) => {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  });
  const title = `Toetsenbordbericht ${Date.now()}`;
  await tabTo(page, (i) => i.name === "title" && i.tag === "input", { label: "the new message's subject", max: 120 });
  await page.keyboard.type(title);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Geschreven met alleen het toetsenbord.");
  await tabTo(page, (i) => i.tag === "button" && i.text === "Plaatsen", { label: "the post button" });
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: title }).waitFor();
  // The new message has the focus, and it was announced.
  const focused = await page.evaluate(() => document.activeElement?.textContent || "");
  assert.match(focused, new RegExp(title));
  await page.locator(".tm-visually-hidden[role=status]", { hasText: "Je bericht staat op het prikbord." }).waitFor({ state: "attached" });
  await expectNoAxeViolations(page, "board after posting by keyboard");
  expectClean(page, "board by keyboard");
});
