import { launch, openPage, visit, signInViaPage, DEMO, focusInfo } from "./helpers.mjs";
const { context, close } = await launch();
const page = await openPage(context);
await signInViaPage(page, DEMO.coordinator);
await visit(page, "/netwerk-beheren.html?id=3");
await page.focus("button[data-action=add-goal]");
await page.keyboard.press("Enter");
await page.keyboard.type("abc");
for (let i=0;i<5;i++) {
await page.keyboard.press("Tab");
console.log(await page.evaluate(() => { const e=document.activeElement; const s = getComputedStyle(e); return [e.tagName, e.name, s.outlineStyle, s.outlineWidth, s.boxShadow, e.matches(":focus-visible"), e.matches(":focus")]; }));
}
await close();
