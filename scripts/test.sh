#!/usr/bin/env bash
# The test command: `bash scripts/test.sh`.
#
# 1. Makes sure PostgreSQL answers at $TEST_DATABASE_URL (default
#    postgres://postgres@127.0.0.1:5432/postgres), starting the local cluster
#    when it is down and pg_ctlcluster is available.
# 2. Installs the SMTP receiver of the mail tests (scripts/smtp-venv.sh).
#    Runs every Rust test (`cargo test --all-targets`); the log is kept in
#    target/test-output.log.
# 3. Checks that the integration tests ran on both backends, the same number
#    on each, and that no test was ignored.
# 4. Lints the OpenAPI documents against the NL API Design Rules.
# 5. Fuzzes the running API from its spec on both backends (scripts/fuzz-api.sh),
#    and runs a client generated from the spec against it (scripts/test-client.sh).
# 6. Runs the benchmark on a tiny dataset and the browser tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/deps.sh
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

# --- PostgreSQL -------------------------------------------------------------
# Host and port from the URL (postgres://user[:pass]@host[:port]/db), with the
# local defaults when the URL leaves them out.
pg_host=127.0.0.1
pg_port=5432
if [[ "$TEST_DATABASE_URL" =~ ^postgres(ql)?://([^@/]*@)?([^:/?]+)(:([0-9]+))? ]]; then
  pg_host="${BASH_REMATCH[3]}"
  pg_port="${BASH_REMATCH[5]:-5432}"
fi

if ! command -v pg_isready >/dev/null 2>&1; then
  echo "test: pg_isready not found; install the PostgreSQL client (apt-get install postgresql-client)" >&2
  exit 1
fi

if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
  pg_version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true)"
  if command -v pg_ctlcluster >/dev/null 2>&1 && [[ -n "$pg_version" ]]; then
    echo "test: PostgreSQL is not running; starting cluster $pg_version/main"
    pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start || true
    for _ in $(seq 1 30); do
      pg_isready -q -h "$pg_host" -p "$pg_port" && break
      sleep 1
    done
  fi
  if ! pg_isready -q -h "$pg_host" -p "$pg_port"; then
    echo "test: PostgreSQL does not answer at $pg_host:$pg_port (TEST_DATABASE_URL=$TEST_DATABASE_URL)" >&2
    exit 1
  fi
fi

# --- The SMTP receiver the mail tests send to ---------------------------------
# aiosmtpd in target/smtp-venv; each mail test starts tests/smtp/receiver.py
# with it on a free loopback port (tests/common/smtp.rs).
bash scripts/smtp-venv.sh
export SMTP_RECEIVER_PYTHON="$PWD/target/smtp-venv/bin/python"

# --- Rust tests -------------------------------------------------------------
cargo fmt --check || { echo "test: run cargo fmt" >&2; exit 1; }
mkdir -p target
log=target/test-output.log
set +e
cargo test --all-targets 2>&1 | tee "$log"
cargo_status=${PIPESTATUS[0]}
set -e
if [[ $cargo_status -ne 0 ]]; then
  echo "test: cargo test failed (exit status $cargo_status); see $log" >&2
  exit "$cargo_status"
fi

# --- Both backends, nothing skipped -----------------------------------------
sqlite_ok=$(grep -cE '^test .*::sqlite \.\.\. ok$' "$log" || true)
postgres_ok=$(grep -cE '^test .*::postgres \.\.\. ok$' "$log" || true)
echo "Integration tests passed: $sqlite_ok on SQLite, $postgres_ok on PostgreSQL"
if [[ $sqlite_ok -eq 0 || $postgres_ok -eq 0 ]]; then
  echo "test: integration tests must run on both backends" >&2
  exit 1
fi
if [[ $sqlite_ok -ne $postgres_ok ]]; then
  echo "test: SQLite and PostgreSQL ran a different number of tests" >&2
  exit 1
fi
if grep -E '^test .* \.\.\. ignored' "$log"; then
  echo "test: ignored tests are not allowed (listed above)" >&2
  exit 1
fi

# --- Containers ---------------------------------------------------------------
bash scripts/check-compose.sh

# --- OpenAPI ----------------------------------------------------------------
bash scripts/lint-openapi.sh

# --- API fuzzing from the spec (Schemathesis, both backends) -------------------
THEMANET_BIN=target/debug/themanet bash scripts/fuzz-api.sh

# --- A generated client ---------------------------------------------------------
# openapi-python-client (pinned) makes a Python client from the committed
# spec; a short integration runs with it against the real server on both
# backends (scripts/test-client.sh).
THEMANET_BIN=target/debug/themanet bash scripts/test-client.sh

# --- Benchmark smoke run ------------------------------------------------------
# bench/run.sh on a tiny dataset with one-second runs: proves the benchmark
# still works end to end on both backends (its figures mean nothing).
echo "test: benchmark smoke run (bench/run.sh --smoke; log in target/bench-smoke.log)"
if ! bash bench/run.sh --smoke --postgres "$TEST_DATABASE_URL" > target/bench-smoke.log 2>&1; then
  cat target/bench-smoke.log >&2
  echo "test: the benchmark smoke run failed" >&2
  exit 1
fi
grep -E 'targets met$' target/bench-smoke.log

# --- Web frontend in a real browser --------------------------------------------
# The debug binary that cargo test just built serves the pages.
THEMANET_BIN=target/debug/themanet bash scripts/test-browser.sh

# --- Summary ----------------------------------------------------------------
passed=$(sed -nE 's/^test result: ok\. ([0-9]+) passed.*/\1/p' "$log" | awk '{ n += $1 } END { print n + 0 }')
echo "$passed passed, 0 failed"
