#!/usr/bin/env bash
# Lint the committed OpenAPI documents against the Dutch API Design Rules (ADR)
# with Spectral (pinned in package.json).
#
#   openapi/openapi.json      (OpenAPI 3.1)    ADR 2.2
#   openapi/openapi-3.0.json  (OpenAPI 3.0.3)  ADR 2.2 and ADR 2.1 (2.1 needs 3.0.x)
#
# Rulesets: the copies committed in openapi/adr/ (source, version and licence
# in its README), never a download: the lint needs no network once Spectral
# is installed, and checks against the same rules every time.
#
# Prints Spectral's findings with its error/warning summary; exits non-zero
# when any document has an error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RULESET_22="openapi/adr/adr-ruleset-2.2.yaml"
RULESET_21="openapi/adr/adr-ruleset-2.1.yaml"
for f in "$RULESET_22" "$RULESET_21"; do
  [[ -f "$f" ]] || { echo "lint-openapi: $f is missing" >&2; exit 2; }
done

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
lint "$RULESET_21" openapi/openapi-3.0.json "ADR 2.1"

if [[ $failed -ne 0 ]]; then
  echo "lint-openapi: FAILED (errors above)" >&2
  exit 1
fi
echo "lint-openapi: all documents pass (no errors)"
