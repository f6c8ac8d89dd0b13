#!/bin/sh
# Runs the Chinese Number and Percent specs of Recognizers-Text (MIT; the files and their
# source are in benches/peers/recognizers-text/) through planwatch's Quantity::parse and
# prints the pass count. The runner, the exclusion rules and their reasons have one home:
# core/tests/extract_peers.rs (the test keeps the count from falling); this script only runs it.
#
#   benches/peers/recognizers.sh            # the pass count
#   benches/peers/recognizers.sh --list     # and every failing and excluded case, with reasons
set -eu
cd "$(dirname "$0")/../.."
out=$(cargo test -q -p planwatch --test integration \
    extract_peers::recognizers_text_chinese_number_and_percent -- --exact --nocapture 2>&1) || {
    printf '%s\n' "$out" >&2
    exit 1
}
case "${1:-}" in
--list) printf '%s\n' "$out" | grep -E '^(Recognizers-Text|  fail|  excluded)' ;;
*) printf '%s\n' "$out" | grep -E '^Recognizers-Text' ;;
esac
