#!/usr/bin/env bash
# Installs the SMTP receiver the tests send mail to: aiosmtpd (a real SMTP
# server from PyPI) in its own virtualenv, target/smtp-venv. The tests start
# tests/smtp/receiver.py with that Python on a free loopback port
# (tests/common/smtp.rs). Sourced or run by scripts/test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
AIOSMTPD_VERSION=1.4.6
source scripts/venv.sh
pinned_venv target/smtp-venv aiosmtpd "$AIOSMTPD_VERSION"
