#!/usr/bin/env bash
# API fuzzing from the spec: Schemathesis (PyPI, pinned below) against the
# real server, with every phase (examples, coverage, fuzzing, stateful) and
# every check, two users for its object-level authorization check, on SQLite
# and on PostgreSQL. Zero failures is the bar.
#
# 1. Creates (or reuses) a virtualenv in target/fuzz-venv with Schemathesis.
# 2. For each backend: starts the debug binary ($THEMANET_BIN, default
#    target/debug/themanet) on a free port with a fresh database and the demo
#    data, rate limits off (one client address sends everything), registers
#    two users and signs them in.
# 3. Runs `schemathesis run` against /api/v1/openapi.json with a fixed seed
#    and a bounded number of examples per operation, so a run is repeatable
#    and takes about two minutes per backend on 2 cores (one worker, so the
#    same seed sends the same requests).
# 4. Prints one line per backend and a last line
#    "fuzz: N operations, N test cases, 0 failures (SQLite and PostgreSQL)".
#
# Environment: THEMANET_BIN, TEST_DATABASE_URL (PostgreSQL server, default
# postgres://postgres@127.0.0.1:5432/postgres), FUZZ_BACKENDS ("sqlite
# postgres"), FUZZ_MAX_EXAMPLES (default 30), FUZZ_SEED (default 8),
# FUZZ_KEEP=1 keeps the work folder (server log, reports).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

SCHEMATHESIS_VERSION=4.32.5
BACKENDS="${FUZZ_BACKENDS:-sqlite postgres}"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-30}"
SEED="${FUZZ_SEED:-8}"

source scripts/server.sh
need_binary fuzz

# --- Schemathesis -------------------------------------------------------------
venv=target/fuzz-venv
source scripts/venv.sh
pinned_venv "$venv" schemathesis "$SCHEMATHESIS_VERSION"

work="$(mktemp -d /tmp/themanet-fuzz.XXXXXX)"
cleanup() {
  stop_server
  if [[ "${FUZZ_KEEP:-}" == 1 ]]; then echo "fuzz: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Registers an account and prints its access token.
token_for() { # token_for BASE EMAIL NAME
  local password="fuzz-wachtwoord-$RANDOM-$RANDOM"
  curl -fsS -X POST "$1/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$2\", \"password\": \"$password\", \"displayName\": \"$3\"}" >/dev/null
  curl -fsS -X POST "$1/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$2\", \"password\": \"$password\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])'
}

total_ops=0
total_cases=0
summary=()
fuzz() { # fuzz BACKEND
  local backend="$1" dir
  dir="$work/$backend"
  start_server "$backend" "$dir" RATE_LIMIT_WRITES=0 RATE_LIMIT_SEARCHES=0 ACCESS_TOKEN_TTL=3600

  local alice bob
  alice="$(token_for "$base" fuzz-alice@example.org "Alice Fuzz")"
  bob="$(token_for "$base" fuzz-bob@example.org "Bob Fuzz")"
  cat >"$dir/auth.json" <<EOF
{"auth": [
  {"name": "alice", "fixedHeaders": [{"name": "Authorization", "value": "Bearer $alice"}]},
  {"name": "bob", "fixedHeaders": [{"name": "Authorization", "value": "Bearer $bob"}]}
]}
EOF
  cat >"$dir/schemathesis.toml" <<EOF
[auth.wfc]
path = "$dir/auth.json"
user = "alice"
peers = ["alice", "bob"]

# 412 is a valid answer to valid data: a well-formed If-Match that is not the
# current ETag. Every other default status stays as it is.
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "429", "5xx"]

# A well-formed token that no mail carried is refused with 400 on "token":
# the one answer for unknown, used and expired tokens.
[[operations]]
include-path = ["/auth/password-reset/confirm", "/auth/email-verification/confirm"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "429"]

# A report's period with its "from" after its "to", or longer than five
# years, is refused with 400 naming both: a rule between two parameters,
# which a schema cannot state.
[[operations]]
include-path = ["/networks/{networkId}/report", "/networks/{networkId}/report.csv", "/networks/{networkId}/report.html"]
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404", "429"]

# A list that answers its deletions refuses an updatedSince older than the
# deletions kept (DELETION_RETENTION_DAYS) with 400 naming it (range,
# fullSync): a bound that moves with the clock, which a schema cannot state.
[[operations]]
# (The same paths take POSTs, whose valid data may still be at odds with
# what is stored: 409, and 412 as everywhere.)
include-path = ["/networks", "/stakeholders", "/knowledge-links", "/meetings", "/networks/{networkId}/goals", "/networks/{networkId}/meetings"]
include-method = "GET"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404", "409", "412", "429"]

# An upload's file is random bytes to the fuzzer: what is not a file of a
# kind the platform takes is refused with 415, and a title of spaces with 400.
[[operations]]
include-path = "/networks/{networkId}/documents"
include-method = "POST"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404", "409", "413", "415", "429"]
EOF

  local status=0 started=$SECONDS
  (cd "$dir" && PYTHONPATH="$root/scripts" SCHEMATHESIS_HOOKS=fuzz_hooks "$root/$venv/bin/schemathesis" --config-file "$dir/schemathesis.toml" run \
    "$base/api/v1/openapi.json" \
    --phases examples,coverage,fuzzing,stateful \
    --checks all \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --generation-database none \
    --request-timeout 10 \
    --workers 1 \
    --no-color \
    --output-truncate false) >"$dir/schemathesis.log" 2>&1 || status=$?
  local elapsed=$((SECONDS - started))

  if [[ $status -ne 0 ]] || grep -qE 'status code 5[0-9][0-9]' "$dir/schemathesis.log"; then
    cat "$dir/schemathesis.log"
    echo "--- server log (last 40 lines)"
    tail -n 40 "$dir/server.log"
    echo "fuzz: $backend: schemathesis found failures (exit status $status)" >&2
    FUZZ_KEEP=1
    exit 1
  fi
  # The operation and test case counts from Schemathesis' summary.
  local ops cases
  ops=$(sed -nE 's/^ *Tested: ([0-9]+).*/\1/p' "$dir/schemathesis.log" | tail -n 1)
  cases=$(sed -nE 's/^ *([0-9]+) generated.*/\1/p' "$dir/schemathesis.log" | tail -n 1)
  grep -E '^ *(✅|❌|Scenarios|API Links|[0-9]+ generated)' "$dir/schemathesis.log" || true
  total_ops=$ops
  total_cases=$((total_cases + cases))
  summary+=("$backend: $ops operations, $cases test cases, 0 failures in ${elapsed}s")
  echo "fuzz: ${summary[-1]}"
  stop_server
}

for backend in $BACKENDS; do
  fuzz "$backend"
done
echo "fuzz: $total_ops operations, $total_cases test cases, 0 failures ($BACKENDS; seed $SEED, $MAX_EXAMPLES examples per operation)"
