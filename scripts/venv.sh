# Python tools from PyPI at pinned versions, each in a virtualenv of its own
# under target/ (the SMTP receiver, Schemathesis, openapi-python-client).
# Sourced, not run.
#
#   pinned_venv DIR PACKAGE VERSION
#     makes DIR a virtualenv with PACKAGE==VERSION, unless it already has
#     exactly that version; exits when python3 cannot make a virtualenv.

pinned_venv() {
  local venv="$1" package="$2" version="$3"
  if "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('$package') != '$version')" 2>/dev/null; then
    return 0
  fi
  echo "$(basename "$0" .sh): installing $package $version into $venv"
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  python3 -m venv "$venv" || {
    echo "$0: python3 -m venv failed; install python3-venv" >&2
    exit 2
  }
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$package==$version"
}
