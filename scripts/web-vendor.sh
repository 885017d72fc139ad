#!/usr/bin/env bash
# Puts the third-party front-end code that the web frontend uses into
# web/vendor/ (gitignored): NL Design System component CSS from the Utrecht
# component library (EUPL-1.2), installed from npm at the versions pinned in
# package-lock.json. Third-party code is never committed; this script runs
# before the server starts (scripts/run.sh) and before the tests.
#
# Runs `npm ci` when the pinned packages are missing or at another version.
# Without Node.js/npm the site still works, with our own basic styles only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The NL Design System components the pages use (one npm package each).
components=(
  document skip-link heading-1 heading-2 heading-3 heading-4 paragraph link
  button button-group form-field form-label form-field-description
  form-field-error-message form-fieldset textbox textarea select checkbox
  radio-button alert alert-dialog status-badge data-badge unordered-list
  ordered-list data-list separator
)

installed_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    const names = process.argv.slice(1).map((c) => "@utrecht/" + c + "-css");
    for (const name of names) {
      const want = lock.packages["node_modules/" + name];
      if (!want) { console.error("web-vendor: " + name + " is not in package-lock.json"); process.exit(2); }
      let have;
      try { have = JSON.parse(fs.readFileSync("node_modules/" + name + "/package.json", "utf8")).version; }
      catch { process.exit(1); }
      if (have !== want.version) process.exit(1);
    }
  ' "${components[@]}"
}

if ! installed_ok; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "web-vendor: npm not found; the web pages will use basic styles only (install Node.js for the NL Design System styles)" >&2
    exit 0
  fi
  echo "web-vendor: installing the front-end packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  installed_ok || { echo "web-vendor: the packages in package-lock.json did not install" >&2; exit 1; }
fi

tmp="$(mktemp -d web/.vendor.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
out="$tmp/nl-design-system.css"
{
  echo "/* NL Design System components from the Utrecht component library."
  echo " * Licence: EUPL-1.2 (see LICENSE-utrecht.md). Copied from npm by"
  echo " * scripts/web-vendor.sh; do not edit or commit. */"
} >"$out"
for c in "${components[@]}"; do
  dir="node_modules/@utrecht/$c-css/dist"
  if [[ -f "$dir/index.min.css" ]]; then
    src="$dir/index.min.css"
  else
    src="$dir/index.css"
  fi
  version="$(node -p "require('./node_modules/@utrecht/$c-css/package.json').version")"
  printf '\n/* @utrecht/%s-css %s */\n' "$c" "$version" >>"$out"
  cat "$src" >>"$out"
  printf '\n' >>"$out"
done
cp node_modules/@utrecht/button-css/LICENSE.md "$tmp/LICENSE-utrecht.md"

rm -rf web/vendor
mv "$tmp" web/vendor
chmod 755 web/vendor
trap - EXIT
echo "web-vendor: web/vendor/nl-design-system.css ready (${#components[@]} components)"
