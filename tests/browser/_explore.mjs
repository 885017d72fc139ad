import { launch, openPage, BASE, visit, signInViaPage, DEMO, AXE_TAGS } from "./helpers.mjs";
import { AxeBuilder } from "@axe-core/playwright";
const paths = process.argv.slice(2);
const who = process.env.WHO;
const { context, close } = await launch({ viewport: { width: Number(process.env.W || 1280), height: 900 } });
const page = await openPage(context);
if (who) await signInViaPage(page, DEMO[who]);
for (const p of paths) {
  try { await visit(page, p); } catch (e) { console.log(p, "NOT READY", e.message.slice(0,200)); }
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  console.log(p, "violations:", r.violations.length);
  for (const v of r.violations) console.log("  ", v.id, v.help, v.nodes.map(n => n.target.join(" ")).slice(0,3));
  if (process.env.SHOT) await page.screenshot({ path: `/tmp/shot-${p.replace(/[^a-z0-9]/gi, "_")}.png`, fullPage: true });
}
console.log("foreign:", page.foreignRequests, "errors:", page.consoleErrors);
await close();
