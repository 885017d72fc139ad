#!/usr/bin/env bash
# Browser tests of the web frontend: headless Chromium (Debian's package,
# driven by playwright-core) with axe-core against the real server with the
# demo data.
#
# 1. Installs Chromium and Java (apt, as root; Java runs the W3C HTML
#    checker, vnu-jar) and the npm packages when missing.
# 2. Copies the front-end CSS into web/vendor (scripts/web-vendor.sh).
# 3. Builds the release binary and starts it on a free port with a fresh
#    SQLite database and DEMO_DATA=on (all test browsers share one client
#    address, so the write limit is raised for this run; webhooks may go to
#    the receiver a test starts on a loopback port).
# 4. Runs `node --test tests/browser/`, prints "N passed, N failed", stops
#    the server and exits non-zero when a test failed.
#
# Environment: THEMANET_BIN=path to use a binary that is already built;
# BROWSER_TEST_KEEP=1 keeps the server log and database for a look.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# --- Chromium ---------------------------------------------------------------
if [[ ! -x /usr/bin/chromium ]]; then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "test-browser: installing Chromium (apt)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
fi

# --- Java for the HTML checker (vnu-jar, tests/browser/validity.test.mjs) ----
if ! command -v java >/dev/null 2>&1; then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "test-browser: installing Java (apt) for the W3C HTML checker"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi

# --- npm packages and vendored CSS -------------------------------------------
if [[ ! -f node_modules/playwright-core/package.json || ! -f node_modules/axe-core/axe.min.js || ! -f node_modules/vnu-jar/build/dist/vnu.jar ]]; then
  echo "test-browser: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
bash scripts/web-vendor.sh

# --- Server -----------------------------------------------------------------
if [[ -z "${THEMANET_BIN:-}" ]]; then
  source scripts/deps.sh
  echo "test-browser: building the release binary"
  cargo build --release --quiet
  THEMANET_BIN=target/release/themanet
fi

source scripts/server.sh
work="$(mktemp -d /tmp/themanet-browser.XXXXXX)"
cleanup() {
  stop_server
  if [[ "${BROWSER_TEST_KEEP:-}" == 1 ]]; then
    echo "test-browser: kept $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
start_server sqlite "$work" \
  WEB_DIR="$PWD/web" \
  RATE_LIMIT_WRITES="${RATE_LIMIT_WRITES:-1000}" \
  WEBHOOK_ALLOW_LOOPBACK=true \
  RUST_LOG="${RUST_LOG:-warn}"
echo "test-browser: server on $base"

# --- Tests ------------------------------------------------------------------
tests_started=$SECONDS
set +e
BASE_URL="$base" node --test --test-reporter=spec tests/browser/ 2>&1 | tee "$work/node-test.log"
status=${PIPESTATUS[0]}
set -e

passed=$(sed -nE 's/^ℹ pass ([0-9]+)$/\1/p' "$work/node-test.log" | tail -n 1)
failed=$(sed -nE 's/^ℹ fail ([0-9]+)$/\1/p' "$work/node-test.log" | tail -n 1)
echo "test-browser: the tests took $((SECONDS - tests_started)) s (all of this script so far: $SECONDS s)"
echo "${passed:-0} passed, ${failed:-0} failed"
if [[ $status -ne 0 ]]; then
  echo "test-browser: FAILED (server log: $work/server.log)" >&2
  BROWSER_TEST_KEEP=1
  exit "$status"
fi
