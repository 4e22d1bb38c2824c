#!/usr/bin/env bash
# What spec 12 (MRR, ARR, retention, cohorts) costs the report: this
# checkout's native CLI against the same CLI built from the commit before
# MRR came in (BASE, default de19f37), on the bench files of
# ../shared/bench/gen-contracts.mjs (seed 42, made by bench/run.sh or here).
# Runs the two alternately (A B A B ...), RUNS times each, and prints each
# one's median wall time and peak RSS, the ratio of the medians, and the
# median of the pairs' ratios (a pair shares the machine's mood of the
# moment: on a shared VM it is the steadier of the two).
#   bash bench/mrr.sh                     # 1M rows, 7 runs each
#   SIZES="1000000 10000000" RUNS=3 bash bench/mrr.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-$(cd ../shared/bench && pwd)}"
BASE="${BASE:-de19f37}"
SIZES="${SIZES:-1000000}"
RUNS="${RUNS:-7}"
DATA_DIR="${DATA_DIR:-/tmp/bbb-bench-data}"
# One as-of date for both builds: the bench files end in 2025, and without
# --as-of this checkout reads such a file twice (as of today, then as of the
# last day of the data), which is the as-of default's cost, not MRR's.
AS_OF="${AS_OF:-2025-12-31}"
BASE_DIR="${BASE_DIR:-/tmp/bbb-bench-before-mrr}"

cmake --preset native-release >/dev/null
cmake --build --preset native-release -j2 --target bbb_cli >/dev/null
if [ ! -x "$BASE_DIR/build/bbb" ]; then
  rm -rf "$BASE_DIR"
  git worktree add -f --detach "$BASE_DIR" "$BASE" >/dev/null
  cmake -S "$BASE_DIR" -B "$BASE_DIR/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ -DBBB_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BASE_DIR/build" -j2 --target bbb_cli >/dev/null
fi

# One run: "<wall seconds> <peak RSS MiB>".
run_once() {
  /usr/bin/time -f "%e %M" -o /tmp/bbb-mrr-bench.time "$1" report "$2" --as-of "$AS_OF" >/dev/null 2>&1
  awk '{ printf "%s %.1f\n", $1, $2 / 1024 }' /tmp/bbb-mrr-bench.time
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-10s %-8s %10s %10s %8s %11s\n' rows build "wall s" "peak MiB" ratio "pair ratio"
for n in $SIZES; do
  file="$DATA_DIR/contracts-$n-s42.csv"
  if [ ! -s "$file" ]; then
    mkdir -p "$DATA_DIR"
    node "$SHARED/gen-contracts.mjs" --rows "$n" --seed 42 --out "$file.tmp" && mv "$file.tmp" "$file"
  fi
  : >/tmp/bbb-mrr-bench.a; : >/tmp/bbb-mrr-bench.b
  run_once build/native-release/bbb "$file" >/dev/null  # warm the page cache
  for _ in $(seq "$RUNS"); do
    run_once build/native-release/bbb "$file" >>/tmp/bbb-mrr-bench.a
    run_once "$BASE_DIR/build/bbb" "$file" >>/tmp/bbb-mrr-bench.b
  done
  a_wall=$(cut -d' ' -f1 /tmp/bbb-mrr-bench.a | median); a_rss=$(cut -d' ' -f2 /tmp/bbb-mrr-bench.a | median)
  b_wall=$(cut -d' ' -f1 /tmp/bbb-mrr-bench.b | median); b_rss=$(cut -d' ' -f2 /tmp/bbb-mrr-bench.b | median)
  pair=$(paste -d' ' /tmp/bbb-mrr-bench.a /tmp/bbb-mrr-bench.b | awk '{ printf "%.4f\n", $1 / $3 }' | median)
  printf '%-10s %-8s %10s %10s %8s %11s\n' "$n" "with MRR" "$a_wall" "$a_rss" "$(awk -v a="$a_wall" -v b="$b_wall" 'BEGIN { printf "%.2f", a / b }')" "$(awk -v p="$pair" 'BEGIN { printf "%.2f", p }')"
  printf '%-10s %-8s %10s %10s %8s %11s\n' "$n" before "$b_wall" "$b_rss" 1.00 1.00
done
