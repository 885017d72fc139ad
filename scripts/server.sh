# Starts and stops the real server for the scripts that test it from outside
# (scripts/fuzz-api.sh, scripts/test-client.sh, scripts/test-browser.sh).
# Sourced, not run.
#
#   start_server BACKEND DIR [VAR=VALUE ...]
#     starts $THEMANET_BIN on a free loopback port with a fresh database in
#     DIR (SQLite) or a fresh database on $PG_URL (PostgreSQL), the demo data
#     and the extra settings given; waits until it is ready; sets $base
#     (http://127.0.0.1:PORT) and $server_pid. The log is DIR/server.log.
#   stop_server
#     stops it and drops its PostgreSQL database.

#   need_binary LABEL
#     checks that $THEMANET_BIN (default target/debug/themanet) is built.
#
# The PostgreSQL server is $TEST_DATABASE_URL's (default the local one).

PG_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export PGOPTIONS="--client-min-messages=warning"
THEMANET_BIN="${THEMANET_BIN:-target/debug/themanet}"

need_binary() {
  [[ -x "$THEMANET_BIN" ]] || { echo "$1: $THEMANET_BIN not found; build it first (cargo build)" >&2; exit 2; }
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

server_pid=""
pg_db=""
base=""

start_server() {
  local backend="$1" dir="$2" url port
  shift 2
  mkdir -p "$dir"
  case "$backend" in
    sqlite) url="sqlite://$dir/server.db" ;;
    postgres)
      pg_db="themanet_$(basename "$0" .sh | tr -c 'a-z0-9\n' _)_$$"
      psql -q -d "$PG_URL" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null
      psql -q -d "$PG_URL" -c "CREATE DATABASE $pg_db" >/dev/null
      url="${PG_URL%/*}/$pg_db"
      ;;
    *) echo "$0: unknown backend $backend" >&2; exit 2 ;;
  esac
  port="$(free_port)"
  base="http://127.0.0.1:$port"
  env DATABASE_URL="$url" BIND_ADDRESS="127.0.0.1:$port" DEMO_DATA=on WEB_DIR=web RUST_LOG=warn "$@" \
    "$THEMANET_BIN" serve >"$dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    curl -fsS "$base/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$dir/server.log" >&2; echo "$0: the server stopped" >&2; exit 1; }
    sleep 0.2
  done
  cat "$dir/server.log" >&2
  echo "$0: the server did not become ready" >&2
  exit 1
}

stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -INT "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
  if [[ -n "$pg_db" ]]; then
    psql -q -d "$PG_URL" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 || true
    pg_db=""
  fi
}
