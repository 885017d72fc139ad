// Reflow (WCAG 1.4.10): at 320 CSS pixels wide, and at 1280 pixels with
// 400% zoom (a 320 x 256 CSS pixel viewport at device scale 4, which is what
// Chromium's zoom does to the layout), no page scrolls sideways.

import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, visit, DEMO, signInViaPage, expectClean } from "./helpers.mjs";

const VISITOR = ["/", "/netwerk.html?id=3", "/netwerk.html?id=1", "/kennis.html", "/inloggen.html", "/registreren.html", "/netwerk-starten.html", "/toegankelijkheid", "/embed/voorbeeld.html", "/embed/?municipality=GM0344", "/agenda.html", "/vragen.html", "/vraag.html?id=1", "/api/v1/networks/3/report.html", "/kaart.html", "/tafel.html?netwerk=3", "/bijeenkomst.html?id=1", "/bijeenkomst.html?id=2", "/wachtwoord-vergeten.html", "/afmelden.html", "/?lang=en", "/?lang=nl"];
const SIGNED_IN = ["/mijn.html", "/netwerk.html?id=3", "/netwerk-beheren.html?id=3", "/netwerk-starten.html", "/bijeenkomst-plannen.html?netwerk=3", "/bijeenkomst.html?id=4", "/postvak.html", "/talenten.html", "/ervaringsdeskundigen.html", "/matchcentrum.html?doel=5", "/vraag.html?id=2", "/vraag-stellen.html?netwerk=3", "/tafel.html?netwerk=1", "/koppelingen.html", "/koppeling.html?id=1"];

async function expectNoSidewaysScroll(page, label) {
  const result = await page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > root.clientWidth + 1 && getComputedStyle(el).position !== "fixed" && !el.closest(".tm-visually-hidden, .themanet-embed__visually-hidden, .utrecht-skip-link");
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  assert.ok(result.scrollWidth <= result.clientWidth, `${label}: page is ${result.scrollWidth}px wide in a ${result.clientWidth}px viewport; too wide: ${result.wide.join(", ")}`);
  assert.deepEqual(result.wide, [], `${label}: elements stick out`);
}

for (const [name, options] of [
  ["320 px wide", { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 }],
  ["1280 px at 400% zoom", { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 }],
]) {
  describe(`reflow at ${name}`, () => {
    let browser;
    let page;
    before(async () => {
      browser = await launch(options);
      page = await openPage(browser.context);
    });
    after(() => browser.close());

    test("visitor pages", async () => {
      for (const path of VISITOR) {
        await visit(page, path);
        await expectNoSidewaysScroll(page, `${path} at ${name}`);
      }
    });

    test("signed-in pages, with forms and errors open", async () => {
      await signInViaPage(page, DEMO.coordinator);
      for (const path of SIGNED_IN) {
        await visit(page, path);
        await expectNoSidewaysScroll(page, `${path} at ${name}`);
      }
      await visit(page, "/netwerk-beheren.html?id=3");
      await page.click("button[data-action=add-goal]");
      await page.click("text=Doel opslaan");
      await page.waitForSelector(".tm-error-summary");
      await expectNoSidewaysScroll(page, `goal form with errors at ${name}`);
      await page.locator("li[data-goal-id] >> button[data-action=delete]").first().click();
      await page.waitForSelector("dialog[open]");
      await expectNoSidewaysScroll(page, `dialog at ${name}`);
      const dialog = await page.$eval("dialog[open]", (d) => {
        const r = d.getBoundingClientRect();
        return { left: r.left, right: r.right, width: innerWidth };
      });
      assert.ok(dialog.left >= 0 && dialog.right <= dialog.width, `the dialog fits the screen at ${name}`);
      await page.keyboard.press("Escape");
      expectClean(page, `reflow ${name}`);
    });
  });
}
