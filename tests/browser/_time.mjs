import { launch, openPage, visit, expectNoAxeViolations } from "./helpers.mjs";
const { context, close } = await launch();
const page = await openPage(context);
for (const p of ["/", "/netwerk.html?id=3", "/kennis.html", "/inloggen.html", "/toegankelijkheid"]) {
  let t0 = Date.now(); await visit(page, p); const t1 = Date.now();
  await expectNoAxeViolations(page, p); const t2 = Date.now();
  console.log(p, "visit", t1 - t0, "axe", t2 - t1);
}
await close();
