#!/usr/bin/env bash
# Whole-corpus figures for a release build: parse time against `wc -w` over the same files,
# the speed-up of --jobs 2 over --jobs 1, and peak memory of one whole-corpus batch.
#   benches/compare_wc.sh [CORPUS_DIR...]    (default: ../shared/corpus/dev/text and layout)
# Builds target/release/ofsted-diff (or $CARGO_TARGET_DIR/release/ofsted-diff) first.
# Wall-clock figures need an idle machine; CPU seconds (user + sys) are steadier under load.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/ofsted-diff"
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(../shared/corpus/dev/text ../shared/corpus/dev/layout)
mapfile -t files < <(find "${dirs[@]}" -name '*.txt' | sort)
[ ${#files[@]} -gt 0 ] || { echo "compare_wc: no .txt files in ${dirs[*]}" >&2; exit 2; }
mb=$(cat "${files[@]}" | wc -c | awk '{printf "%.1f", $1 / 1e6}')
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# Best of three runs: prints "WALL CPU MAXRSS_KB" (seconds, seconds, kilobytes).
best() {
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %U %S %M' -o "$tmp" "$@" > /dev/null
    awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$tmp"
  done | sort -n | head -1
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }

read -r wc_wall wc_cpu _ < <(best wc -w "${files[@]}")
read -r one_wall one_cpu _ < <(best "$bin" parse --format jsonl --jobs 1 "${files[@]}")
read -r two_wall _ _ < <(best "$bin" parse --format jsonl --jobs 2 "${files[@]}")
read -r all_wall _ peak_kb < <(best "$bin" parse --format jsonl "${files[@]}")
read -r _ _ single_kb < <(best "$bin" parse --format jsonl "${files[0]}")

echo "files:             ${#files[@]} (${mb} MB)"
echo "wc -w:             ${wc_wall} s wall, ${wc_cpu} s CPU"
echo "parse --jobs 1:    ${one_wall} s wall, ${one_cpu} s CPU ($(ratio "$mb" "$one_cpu") MB/s per core)"
echo "parse --jobs 2:    ${two_wall} s wall (speed-up $(awk -v a="$one_wall" -v b="$two_wall" 'BEGIN {printf "%.2f", a / b}')x over --jobs 1)"
echo "parse, all cores:  ${all_wall} s wall ($(nproc) cores)"
echo "ratio to wc -w:    $(ratio "$one_cpu" "$wc_cpu")x in CPU time, $(ratio "$all_wall" "$wc_wall")x in wall time on all cores"
echo "peak memory:       $((peak_kb / 1024)) MB for the whole batch, $((single_kb / 1024)) MB for one file"

# Whole-process diff of every labelled dev pair and the Luton four-document timeline, in
# milliseconds: with hyperfine, the median of 40 runs started without a shell (what a
# caller waits for); without it, the mean of 20 runs from this shell's loop, which adds
# the shell's own fork and exec (about a millisecond here) to each.
dev=../shared/corpus/dev
per_run_ms() {
  if command -v hyperfine > /dev/null; then
    hyperfine -N --style none --warmup 3 --runs 40 --export-json "$tmp" "$(printf '%q ' "$@")" > /dev/null 2>&1
    jq '.results[0].median * 1000 * 10 | round / 10' "$tmp"
    return
  fi
  local start end
  start=$(date +%s%N)
  for _ in $(seq 20); do "$@" > /dev/null; done
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN {printf "%.1f", ns / 20 / 1e6}'
}
if [ -d "$dev/diffgold" ] && command -v jq > /dev/null; then
  for label in "$dev"/diffgold/*.json; do
    old=$(jq -r .old "$label")
    new=$(jq -r .new "$label")
    [ -f "$dev/text/$old.txt" ] && [ -f "$dev/text/$new.txt" ] || continue
    echo "diff $old -> $new: $(per_run_ms "$bin" --format json "$dev/text/$old.txt" "$dev/text/$new.txt") ms"
  done
  luton=("$dev"/text/80520_luton__29_march_2016.txt "$dev"/text/80520_luton__24_february_2020.txt
         "$dev"/text/80520_luton__05_september_2022.txt "$dev"/text/80520_luton__10_march_2026.txt)
  if [ -f "${luton[0]}" ]; then
    echo "timeline, Luton 2016-2026: $(per_run_ms "$bin" timeline --format json "${luton[@]}") ms"
  fi
fi
