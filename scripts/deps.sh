#!/usr/bin/env bash
# Installs what building themanet needs from the system, when it is missing:
# the C libraries for PostgreSQL and SQLite (diesel links against them), the
# PostgreSQL client tools, curl and jq for the API guide's examples, and
# Python with venv for the API fuzzing. Debian/Ubuntu; needs root (or sudo)
# only when something is missing. Sourced or run by scripts/run.sh, scripts/test.sh and
# .ci/run.
set -euo pipefail
# OpenSSL for mail over TLS (lettre through native-tls).
packages=(libpq-dev libsqlite3-dev libssl-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
command -v pg_isready >/dev/null 2>&1 || missing+=(postgresql-client)
# The examples of docs/api.md, run by tests/docs.rs.
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v jq >/dev/null 2>&1 || missing+=(jq)
# The API fuzzing (scripts/fuzz-api.sh) runs Schemathesis in a virtualenv.
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  missing+=(python3 python3-venv)
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "deps: please install the PostgreSQL and SQLite development libraries (${missing[*]})" >&2
    exit 1
  fi
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null 2>&1 && [[ -f "$HOME/.cargo/env" ]]; then
  # shellcheck disable=SC1091
  source "$HOME/.cargo/env"
fi
command -v cargo >/dev/null 2>&1 || {
  echo "deps: Rust is needed: see https://rustup.rs" >&2
  exit 1
}
