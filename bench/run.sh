#!/usr/bin/env bash
# The performance benchmark of docs/performance.md:
#
#   bash bench/run.sh                 # both backends, national dataset, oha
#   bash bench/run.sh --backend sqlite
#   bash bench/run.sh --smoke         # tiny dataset, one-second runs, debug build
#
# Builds what it needs, installs oha (`cargo install oha`) for the full run,
# keeps the generated databases in target/bench between runs (PostgreSQL:
# databases themanet_bench_* on BENCH_POSTGRES_URL's server) and prints the
# results as Markdown tables. Other options: see the top of bench/perf.rs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

smoke=false
for arg in "$@"; do
  [[ "$arg" == "--smoke" ]] && smoke=true
done

if $smoke; then
  # The smoke run (part of scripts/test.sh) reuses the debug build of the
  # tests and the std-only load tool, so it costs seconds, not a release build.
  cargo build --quiet --bin themanet --example bare --example load --example perf
  exec target/debug/examples/perf --load target/debug/examples/load "$@"
fi

cargo build --quiet --release --bin themanet --example bare --example load --example perf
load=(--load "$(command -v oha || true)")
if [[ -z "${load[1]}" ]]; then
  if [[ "${BENCH_LOAD:-}" == "builtin" ]]; then
    load=(--load target/release/examples/load)
  else
    echo "bench: installing oha (cargo install oha --locked; set BENCH_LOAD=builtin to use bench/load.rs)" >&2
    cargo install --quiet --locked oha
    load=(--load "$(command -v oha || echo "$HOME/.cargo/bin/oha")")
  fi
fi
echo "bench: $(uname -m), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load tool ${load[1]}" >&2
exec target/release/examples/perf "${load[@]}" "$@"
