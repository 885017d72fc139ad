#!/usr/bin/env bash
# Installs the SMTP receiver the tests send mail to: aiosmtpd (a real SMTP
# server from PyPI) in its own virtualenv, target/smtp-venv. The tests start
# tests/smtp/receiver.py with that Python on a free loopback port
# (tests/common/smtp.rs). Sourced or run by scripts/test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
AIOSMTPD_VERSION=1.4.6
venv=target/smtp-venv
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('aiosmtpd') != '$AIOSMTPD_VERSION')" 2>/dev/null; then
  echo "smtp: installing aiosmtpd $AIOSMTPD_VERSION into $venv"
  rm -rf "$venv"
  mkdir -p target
  python3 -m venv "$venv" || {
    echo "smtp: python3 -m venv failed; install python3-venv" >&2
    exit 1
  }
  "$venv/bin/pip" install --quiet --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION"
fi
