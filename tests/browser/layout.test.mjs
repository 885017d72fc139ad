// One layout for every page, and shared helpers written once.
//
// A page is an HTML shell that names its module (<html data-page="find">)
// and loads /js/app.js, its only script; the module, web/js/pages/find.js,
// exports boot(main) and nothing else, and does nothing when it is
// imported. Pieces that several pages use live in web/js/, once: no two
// modules declare a top-level function of the same name.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const web = new URL("../../web/", import.meta.url).pathname;
const pagesDir = join(web, "js", "pages");

function files(dir, suffix) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "vendor" ? [] : files(path, suffix);
    return path.endsWith(suffix) ? [path] : [];
  });
}

// The iframe embed (/embed/) is no page of the site: it is the list that
// partner sites frame, and loads the embed script.
const shells = files(web, ".html").filter((path) => relative(web, path) !== join("embed", "index.html"));
const modules = readdirSync(pagesDir).filter((name) => name.endsWith(".js"));

function pageOf(shell) {
  const html = readFileSync(shell, "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  return { name: /<html\b[^>]*\bdata-page="([^"]+)"/.exec(html)?.[1], scripts };
}

test("every page shell names its module and loads only /js/app.js", () => {
  assert.ok(shells.length >= 10, `found ${shells.length} shells`);
  for (const shell of shells) {
    const { name, scripts } = pageOf(shell);
    const where = relative(web, shell);
    assert.ok(name, `${where}: <html data-page="..."> names no page module`);
    assert.ok(modules.includes(`${name}.js`), `${where}: no module js/pages/${name}.js`);
    assert.deepEqual(scripts, ['<script type="module" src="/js/app.js">'], `${where}: loads another script`);
  }
});

test("every page module has a shell, and exports boot(main) only", async () => {
  const named = shells.map((shell) => pageOf(shell).name);
  for (const file of modules) {
    const name = file.replace(/\.js$/, "");
    assert.equal(named.filter((n) => n === name).length, 1, `js/pages/${file}: not named by exactly one shell`);
    // Importing it must not touch the page: there is no document here.
    const module = await import(join(pagesDir, file));
    assert.deepEqual(Object.keys(module), ["boot"], `js/pages/${file} exports`);
    assert.equal(typeof module.boot, "function");
    assert.equal(module.boot.length, 1, `js/pages/${file}: boot(main)`);
  }
});

test("shared helpers are written once", () => {
  const declared = new Map();
  for (const file of files(join(web, "js"), ".js")) {
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^(?:export )?(?:async )?function (\w+)/gm)) {
      if (match[1] === "boot" && file.startsWith(pagesDir)) continue;
      declared.set(match[1], [...(declared.get(match[1]) || []), relative(web, file)]);
    }
  }
  const twice = [...declared].filter(([, where]) => where.length > 1).map(([name, where]) => `${name}: ${where.join(", ")}`);
  assert.deepEqual(twice, []);
});
