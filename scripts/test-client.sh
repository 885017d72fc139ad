#!/usr/bin/env bash
# A generated client against the real server: what a municipality's
# developer gets from the committed spec.
#
# 1. Installs openapi-python-client (PyPI, pinned below) into
#    target/client-venv.
# 2. Generates a Python client from openapi/openapi.json, the committed
#    document, into a work folder.
# 3. For each backend: starts the debug binary ($THEMANET_BIN, default
#    target/debug/themanet) on a free port with a fresh database and the demo
#    data, and runs tests/client/integration.py with the generated client
#    against it: anonymous reads page by page, signing in, a network created,
#    changed with If-Match and deleted, a goal, a refused change read as a
#    problem, an API client and its token, and the deletion feed.
# 4. Ends with "client: N checks passed (sqlite postgres)".
#
# Environment: THEMANET_BIN, TEST_DATABASE_URL (PostgreSQL server),
# CLIENT_BACKENDS ("sqlite postgres").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

GENERATOR_VERSION=0.29.1
BACKENDS="${CLIENT_BACKENDS:-sqlite postgres}"

source scripts/server.sh
need_binary client

venv=target/client-venv
source scripts/venv.sh
pinned_venv "$venv" openapi-python-client "$GENERATOR_VERSION"

work="$(mktemp -d /tmp/themanet-client.XXXXXX)"
cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

# The generator formats with ruff, which it brings along in the venv.
(cd "$work" && PATH="$root/$venv/bin:$PATH" "$root/$venv/bin/openapi-python-client" generate \
  --path "$root/openapi/openapi.json" --meta none --output-path "$work/themanet_api_client") >"$work/generate.log" 2>&1 || {
  cat "$work/generate.log" >&2
  echo "client: generating the client failed" >&2
  exit 1
}

total=0
for backend in $BACKENDS; do
  start_server "$backend" "$work/$backend" RATE_LIMIT_WRITES=0
  if ! out="$(PYTHONPATH="$work" "$venv/bin/python" tests/client/integration.py "$base/api/v1" 2>&1)"; then
    echo "$out"
    echo "--- server log (last 40 lines)"
    tail -n 40 "$work/$backend/server.log"
    echo "client: $backend: the generated client's integration failed" >&2
    exit 1
  fi
  echo "client: $backend: $out"
  total=$((total + $(sed -nE 's/^([0-9]+) checks passed.*/\1/p' <<<"$out")))
  stop_server
done
echo "client: $total checks passed ($BACKENDS)"
