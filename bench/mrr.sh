#!/usr/bin/env bash
# What spec 12 (MRR, ARR, retention, cohorts) costs the report, on the bench
# files of ../shared/bench/gen-contracts.mjs (seed 42, made here if absent).
# This checkout's native CLI ("with MRR") is run against two yardsticks:
#   "no MRR"   this checkout built with BBB_BENCH_WITHOUT_MRR (folds no line
#              into MRR): what MRR alone costs, on the same code;
#   "before"   the CLI of the commit before MRR came in (BASE, default
#              de19f37): what the product cost then, without the features
#              that came after MRR as well.
# The three run in turn (A B C A B C ...), RUNS times each. Printed: each
# one's median wall time and peak RSS, the ratio of the medians to "with
# MRR", and the median of the rounds' ratios (a round shares the machine's
# mood of the moment: on a shared VM it is the steadier of the two).
#   bash bench/mrr.sh                     # 1M rows, 7 rounds
#   SIZES="1000000 10000000" RUNS=3 bash bench/mrr.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-$(cd ../shared/bench && pwd)}"
BASE="${BASE:-de19f37}"
SIZES="${SIZES:-1000000}"
RUNS="${RUNS:-7}"
DATA_DIR="${DATA_DIR:-/tmp/bbb-bench-data}"
# One as-of date for every build: the bench files end in 2025, and without
# --as-of this checkout reads such a file twice (as of today, then as of the
# last day of the data), which is the as-of default's cost, not MRR's.
AS_OF="${AS_OF:-2025-12-31}"
BASE_DIR="${BASE_DIR:-/tmp/bbb-bench-before-mrr}"
NO_MRR_DIR="${NO_MRR_DIR:-build/bench-without-mrr}"

cmake --preset native-release >/dev/null
cmake --build --preset native-release -j2 --target bbb_cli >/dev/null
cmake -S . -B "$NO_MRR_DIR" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ -DBBB_BUILD_TESTS=OFF -DBBB_BENCH_WITHOUT_MRR=ON >/dev/null
cmake --build "$NO_MRR_DIR" -j2 --target bbb_cli >/dev/null
if [ ! -x "$BASE_DIR/build/bbb" ]; then
  rm -rf "$BASE_DIR"
  git worktree add -f --detach "$BASE_DIR" "$BASE" >/dev/null
  cmake -S "$BASE_DIR" -B "$BASE_DIR/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ -DBBB_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BASE_DIR/build" -j2 --target bbb_cli >/dev/null
fi
BUILDS=("build/native-release/bbb" "$NO_MRR_DIR/bbb" "$BASE_DIR/build/bbb")
NAMES=("with MRR" "no MRR" "before")

# One run: "<wall seconds> <peak RSS MiB>".
run_once() {
  /usr/bin/time -f "%e %M" -o /tmp/bbb-mrr-bench.time "$1" report "$2" --as-of "$AS_OF" >/dev/null 2>&1
  awk '{ printf "%s %.1f\n", $1, $2 / 1024 }' /tmp/bbb-mrr-bench.time
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-10s %-9s %10s %10s %8s %11s\n' rows build "wall s" "peak MiB" ratio "round ratio"
for n in $SIZES; do
  file="$DATA_DIR/contracts-$n-s42.csv"
  if [ ! -s "$file" ]; then
    mkdir -p "$DATA_DIR"
    node "$SHARED/gen-contracts.mjs" --rows "$n" --seed 42 --out "$file.tmp" && mv "$file.tmp" "$file"
  fi
  for i in 0 1 2; do : >"/tmp/bbb-mrr-bench.$i"; done
  run_once "${BUILDS[0]}" "$file" >/dev/null  # warm the page cache
  for _ in $(seq "$RUNS"); do
    for i in 0 1 2; do run_once "${BUILDS[$i]}" "$file" >>"/tmp/bbb-mrr-bench.$i"; done
  done
  a_wall=$(cut -d' ' -f1 /tmp/bbb-mrr-bench.0 | median)
  for i in 0 1 2; do
    wall=$(cut -d' ' -f1 "/tmp/bbb-mrr-bench.$i" | median); rss=$(cut -d' ' -f2 "/tmp/bbb-mrr-bench.$i" | median)
    ratio=$(awk -v a="$a_wall" -v b="$wall" 'BEGIN { printf "%.2f", a / b }')
    round=$(paste -d' ' /tmp/bbb-mrr-bench.0 "/tmp/bbb-mrr-bench.$i" | awk '{ printf "%.4f\n", $1 / $3 }' | median)
    printf '%-10s %-9s %10s %10s %8s %11s\n' "$n" "${NAMES[$i]}" "$wall" "$rss" "$ratio" "$(awk -v r="$round" 'BEGIN { printf "%.2f", r }')"
  done
done
