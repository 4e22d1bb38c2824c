#!/usr/bin/env bash
# Builds the fuzzers (clang: libFuzzer + ASan + UBSan, `fuzz` CMake preset)
# and runs each for a bounded time.
#
#   tests/fuzz/run.sh [seconds-per-fuzzer]        (default 20)
#
# csv_reader_fuzz: the CSV reader (chunk invariance, valid UTF-8 out).
# engine_fuzz: the whole engine, with the identities of spec section 4 as
# the oracle.
# seen_ids_fuzz: duplicate detection's ids against a plain map.
# workbook_fuzz: the .xlsx reader, whole and in pieces (seeded from tests/fixtures/xlsx too).
# Seeds: the committed corpora under tests/fuzz/corpus/, plus, when ../shared
# is there, the DuckDB afl corpus and csv-spectrum inputs, read in place.
# New inputs and any crash go to tests/fuzz/corpus-work/ (git-ignored).
# Exit status: nonzero when a fuzzer found a crash.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-20}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target csv_reader_fuzz engine_fuzz seen_ids_fuzz workbook_fuzz

shared=../shared/conformance/csv
shared_seeds=()
for dir in "$shared/duckdb/afl" "$shared/duckdb/encodings" "$shared/csv-spectrum/csvs"; do
  if [[ -d "$dir" ]]; then shared_seeds+=("$dir"); fi
done
# libFuzzer reads only the files directly in a seed folder: list the afl
# subfolders too.
if [[ -d "$shared/duckdb/afl" ]]; then
  while IFS= read -r sub; do shared_seeds+=("$sub"); done < <(find "$shared/duckdb/afl" -mindepth 1 -type d | sort)
fi
if [[ ${#shared_seeds[@]} -eq 0 ]]; then echo "fuzz: ../shared not found, seeding from the committed corpora only"; fi

run() {  # run NAME: the fuzzer, its corpus and the shared seeds
  local name="$1" work="tests/fuzz/corpus-work/$1" log="tests/fuzz/corpus-work/$1.log" status=0
  mkdir -p "$work"
  echo "fuzz: ${name}_fuzz for ${seconds} s"
  "build/fuzz/tests/fuzz/${name}_fuzz" "$work" "tests/fuzz/corpus/$name" "${shared_seeds[@]}" \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="tests/fuzz/corpus-work/${name}-" -print_final_stats=1 >"$log" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then tail -n 40 "$log"; echo "fuzz: ${name}_fuzz FOUND A FAILURE (see $log)"; return 1; fi
  grep -E "^(Done|stat::peak_rss)" "$log" || true
}
failed=0
run csv_reader || failed=1
run engine || failed=1
run seen_ids || failed=1
run workbook || failed=1
exit "$failed"
