#!/usr/bin/env bash
# The run command: `bash scripts/run.sh`. Builds and starts themanet with no
# configuration: an SQLite database (themanet.db in this folder, with demo
# data on the first start), the API, its docs and the web frontend on
# http://127.0.0.1:8080. Any environment variable from .env.example applies.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/deps.sh
bash scripts/web-vendor.sh
exec cargo run --release --quiet -- serve
