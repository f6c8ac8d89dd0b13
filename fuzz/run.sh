#!/usr/bin/env bash
# Runs fuzz targets one after another, each for SECONDS (default 600), and prints one
# summary line per target: name, seconds, executions, result.
# Usage: fuzz/run.sh [SECONDS] TARGET...
# Installs what fuzzing alone needs: the pinned nightly that libFuzzer's sanitizer flags
# require, and cargo-fuzz. Nothing else in the project uses a nightly.
set -uo pipefail
cd "$(dirname "$0")"
NIGHTLY=nightly-2026-05-20
if ! rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1; then
    rustup toolchain install "$NIGHTLY" --profile minimal || exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz || exit 1
fi
secs=${1:-600}
shift || true
for t in "$@"; do
    log=$(mktemp)
    mkdir -p "corpus/$t"
    cargo "+$NIGHTLY" fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=4096 \
        -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
    rc=$?
    execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
    result=$([[ $rc -eq 0 ]] && echo "no crash" || echo "CRASH (see $log)")
    echo "$t ${secs}s ${execs:-?} execs: $result"
done
