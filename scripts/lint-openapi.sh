#!/usr/bin/env bash
# Lint the committed OpenAPI documents against the Dutch API Design Rules (ADR)
# with Spectral (pinned in package.json).
#
#   openapi/openapi.json      (OpenAPI 3.1)    ADR 2.2
#   openapi/openapi-3.0.json  (OpenAPI 3.0.3)  ADR 2.2 and ADR 2.1 (2.1 needs 3.0.x)
#
# Rulesets: ../shared/adr next to the repository when it exists (works
# offline); otherwise the official ADR 2.2 ruleset is downloaded once into
# .adr/ruleset.yaml (gitignored) and used for both documents.
#
# Prints Spectral's findings with its error/warning summary; exits non-zero
# when any document has an error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ADR_URL="https://static.developer.overheid.nl/adr/ruleset.yaml"
SHARED_ADR="../shared/adr"

if [[ -d "$SHARED_ADR" ]]; then
  RULESET_22="$SHARED_ADR/adr-ruleset-2.2.yaml"
  RULESET_21="$SHARED_ADR/adr-ruleset-2.1.yaml"
  for f in "$RULESET_22" "$RULESET_21"; do
    [[ -f "$f" ]] || { echo "lint-openapi: $f is missing" >&2; exit 2; }
  done
else
  RULESET_22=".adr/ruleset.yaml"
  RULESET_21=""
  if [[ ! -s "$RULESET_22" ]]; then
    echo "lint-openapi: downloading the ADR 2.2 ruleset from $ADR_URL"
    mkdir -p .adr
    tmp="$(mktemp .adr/ruleset.XXXXXX)"
    if command -v curl >/dev/null 2>&1; then
      curl -fsSL --retry 3 -o "$tmp" "$ADR_URL" || { rm -f "$tmp"; echo "lint-openapi: download failed" >&2; exit 2; }
    elif command -v wget >/dev/null 2>&1; then
      wget -q -O "$tmp" "$ADR_URL" || { rm -f "$tmp"; echo "lint-openapi: download failed" >&2; exit 2; }
    else
      rm -f "$tmp"; echo "lint-openapi: need curl or wget to download $ADR_URL" >&2; exit 2
    fi
    mv "$tmp" "$RULESET_22"
  fi
fi

if [[ ! -x node_modules/.bin/spectral ]]; then
  echo "lint-openapi: installing Spectral (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

for f in openapi/openapi.json openapi/openapi-3.0.json; do
  [[ -f "$f" ]] || { echo "lint-openapi: $f is missing (generate it with: cargo run -- openapi)" >&2; exit 2; }
done

failed=0
lint() { # lint RULESET FILE LABEL
  echo "== $3: $2"
  if ! node_modules/.bin/spectral lint --fail-severity=error -r "$1" "$2"; then
    failed=1
  fi
}

lint "$RULESET_22" openapi/openapi.json "ADR 2.2"
lint "$RULESET_22" openapi/openapi-3.0.json "ADR 2.2"
if [[ -n "$RULESET_21" ]]; then
  lint "$RULESET_21" openapi/openapi-3.0.json "ADR 2.1"
else
  echo "== ADR 2.1: skipped (no ../shared/adr; only the official 2.2 ruleset is downloadable)"
fi

if [[ $failed -ne 0 ]]; then
  echo "lint-openapi: FAILED (errors above)" >&2
  exit 1
fi
echo "lint-openapi: all documents pass (no errors)"
