#!/usr/bin/env bash
# Builds the CSV reader fuzzer (clang: libFuzzer + ASan + UBSan, `fuzz` CMake
# preset) and runs it for a bounded time.
#
#   tests/fuzz/run.sh [seconds]        (default 20)
#
# Seeds: the committed corpus tests/fuzz/corpus/csv_reader, plus, when
# ../shared is there, the DuckDB afl corpus and csv-spectrum inputs, read in
# place. New inputs and any crash go to tests/fuzz/corpus-work/ (git-ignored).
# Exit status is libFuzzer's: nonzero when it found a crash.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-20}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target csv_reader_fuzz

work=tests/fuzz/corpus-work/csv_reader
mkdir -p "$work"
seeds=(tests/fuzz/corpus/csv_reader)
shared=../shared/conformance/csv
for dir in "$shared/duckdb/afl" "$shared/duckdb/encodings" "$shared/csv-spectrum/csvs"; do
  if [[ -d "$dir" ]]; then seeds+=("$dir"); fi
done

# libFuzzer reads only the files directly in a seed folder: list the afl
# subfolders too.
if [[ -d "$shared/duckdb/afl" ]]; then
  while IFS= read -r sub; do seeds+=("$sub"); done < <(find "$shared/duckdb/afl" -mindepth 1 -type d | sort)
fi

exec build/fuzz/tests/fuzz/csv_reader_fuzz "$work" "${seeds[@]}" \
  -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=tests/fuzz/corpus-work/ -print_final_stats=1
