#!/usr/bin/env bash
# Puts the third-party front-end code that the web frontend uses into
# web/vendor/ (gitignored): NL Design System component CSS from the Utrecht
# component library (EUPL-1.2), installed from npm at the versions pinned in
# package-lock.json. Third-party code is never committed; this script runs
# before the server starts (scripts/run.sh) and before the browser tests.
#
# Runs `npm ci` when the pinned packages are missing or at another version.
# Without Node.js/npm the site still works, with our own basic styles only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "web-vendor: Node.js/npm not found; the web pages will use basic styles only (install Node.js for the NL Design System styles)" >&2
  exit 0
fi

# The NL Design System components the pages use (one npm package each).
export WEB_VENDOR_COMPONENTS="document skip-link heading-1 heading-2 heading-3 heading-4 paragraph link
  button button-group form-field form-label form-field-description
  form-field-error-message form-fieldset textbox textarea select checkbox
  radio-button alert alert-dialog status-badge data-badge unordered-list
  ordered-list data-list separator"

# Exit 0: installed at the pinned versions; 1: (re)install needed.
check='
  const fs = require("fs");
  const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
  for (const c of process.env.WEB_VENDOR_COMPONENTS.split(/\s+/).filter(Boolean)) {
    const name = "@utrecht/" + c + "-css";
    const want = lock.packages["node_modules/" + name];
    if (!want) { console.error("web-vendor: " + name + " is not in package-lock.json"); process.exit(2); }
    let have;
    try { have = JSON.parse(fs.readFileSync("node_modules/" + name + "/package.json", "utf8")).version; }
    catch { process.exit(1); }
    if (have !== want.version) process.exit(1);
  }
'
if ! node -e "$check"; then
  echo "web-vendor: installing the front-end packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  node -e "$check" || { echo "web-vendor: the packages in package-lock.json did not install" >&2; exit 1; }
fi

node -e '
  const fs = require("fs");
  const path = require("path");
  const components = process.env.WEB_VENDOR_COMPONENTS.split(/\s+/).filter(Boolean);
  const tmp = fs.mkdtempSync("web/.vendor.");
  try {
    let css = "/* NL Design System components from the Utrecht component library.\n" +
      " * Licence: EUPL-1.2 (see LICENSE-utrecht.md). Copied from npm by\n" +
      " * scripts/web-vendor.sh; do not edit or commit. */\n";
    for (const c of components) {
      const dir = path.join("node_modules/@utrecht", c + "-css");
      const version = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
      const min = path.join(dir, "dist/index.min.css");
      const file = fs.existsSync(min) ? min : path.join(dir, "dist/index.css");
      css += "\n/* @utrecht/" + c + "-css " + version + " */\n" + fs.readFileSync(file, "utf8") + "\n";
    }
    fs.writeFileSync(path.join(tmp, "nl-design-system.css"), css);
    fs.copyFileSync("node_modules/@utrecht/button-css/LICENSE.md", path.join(tmp, "LICENSE-utrecht.md"));
    fs.chmodSync(tmp, 0o755);
    fs.rmSync("web/vendor", { recursive: true, force: true });
    fs.renameSync(tmp, "web/vendor");
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  console.log("web-vendor: web/vendor/nl-design-system.css ready (" + components.length + " components)");
'
