#!/usr/bin/env bash
# Whole-corpus figures for a release build: parse time against `wc -w` over the same files,
# the speed-up of --jobs 2 over --jobs 1, and peak memory of one whole-corpus batch.
#   benches/compare_wc.sh [CORPUS_DIR...]    (default: ../shared/corpus/dev/text and layout)
# Builds target/release/ofsted-diff (or $CARGO_TARGET_DIR/release/ofsted-diff) first.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/ofsted-diff"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(../shared/corpus/dev/text ../shared/corpus/dev/layout)
mapfile -t files < <(find "${dirs[@]}" -name '*.txt' | sort)
[ ${#files[@]} -gt 0 ] || { echo "compare_wc: no .txt files in ${dirs[*]}" >&2; exit 2; }
mb=$(cat "${files[@]}" | wc -c | awk '{printf "%.1f", $1 / 1e6}')

# Best of three wall-clock runs, in seconds.
best() {
  local best_ns=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s%N)
    "$@" > /dev/null
    t1=$(date +%s%N)
    local ns=$((t1 - t0))
    if [ -z "$best_ns" ] || [ "$ns" -lt "$best_ns" ]; then best_ns=$ns; fi
  done
  awk -v ns="$best_ns" 'BEGIN {printf "%.3f", ns / 1e9}'
}

wc_s=$(best wc -w "${files[@]}")
one_s=$(best "$bin" parse --format jsonl --jobs 1 "${files[@]}")
two_s=$(best "$bin" parse --format jsonl --jobs 2 "${files[@]}")
all_s=$(best "$bin" parse --format jsonl "${files[@]}")
peak_kb=$( { /usr/bin/time -v "$bin" parse --format jsonl "${files[@]}" > /dev/null; } 2>&1 |
  awk -F': ' '/Maximum resident set size/ {print $2}')
single_kb=$( { /usr/bin/time -v "$bin" parse --format jsonl "${files[0]}" > /dev/null; } 2>&1 |
  awk -F': ' '/Maximum resident set size/ {print $2}')

echo "files:               ${#files[@]} (${mb} MB)"
echo "wc -w:               ${wc_s} s"
echo "parse --jobs 1:      ${one_s} s  ($(awk -v m="$mb" -v s="$one_s" 'BEGIN {printf "%.1f", m / s}') MB/s)"
echo "parse --jobs 2:      ${two_s} s  (speed-up $(awk -v a="$one_s" -v b="$two_s" 'BEGIN {printf "%.2f", a / b}')x)"
echo "parse (all cores):   ${all_s} s  ($(nproc) cores)"
echo "ratio to wc -w:      $(awk -v a="$all_s" -v b="$wc_s" 'BEGIN {printf "%.1f", a / b}')x (all cores), $(awk -v a="$one_s" -v b="$wc_s" 'BEGIN {printf "%.1f", a / b}')x (one core)"
echo "peak memory:         $((peak_kb / 1024)) MB for the whole batch, $((single_kb / 1024)) MB for one file"
