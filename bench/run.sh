#!/usr/bin/env bash
# The engine's speed and memory beside the peers of ../shared/bench, in one
# command: builds what it needs (the native CLI, the wasm engine, the scan
# limit of ../shared/bench/limit-scan.cpp into build/bench/, the peers' npm
# packages into bench/node_modules, the page into web/dist), then runs
# bench/run.mjs (knobs there: SIZES, BIG, REPS, BIG_REPS, BROWSER, PAGE,
# PEERS, DATA_DIR, OUT_DIR).
#   bash bench/run.sh                       # 10k, 100k, 1M x 3 runs; 10M engine-only x 1
#   SIZES="10000 100000" BIG= REPS=1 bash bench/run.sh    # a quick look
# What MRR (spec 12) costs the report: bash bench/mrr.sh (against the CLI before it).
# Reading .xlsx beside SheetJS and exceljs (1M rows): cd bench && npm run xlsx
# (bench/xlsx.mjs; after this script has built the CLI and `npm run build:engine`).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-$(cd ../shared/bench && pwd)}"
export SHARED
BUILD="build/bench"
mkdir -p "$BUILD"

cmake --preset native-release >/dev/null
cmake --build --preset native-release -j2 --target bbb_cli >/dev/null
bash tools/build-wasm.sh >/dev/null

# The scan limit: the same flags as ../shared/bench/build-limit.sh (which
# cannot write its build/ here), for the two rows the targets use.
if [ ! -x "$BUILD/limit-scan-native" ] || [ "$SHARED/limit-scan.cpp" -nt "$BUILD/limit-scan-native" ]; then
  g++ -O3 -std=c++17 -o "$BUILD/limit-scan-native" "$SHARED/limit-scan.cpp"
fi
if [ ! -f "$BUILD/limit-scan-simd.cjs" ] || [ "$SHARED/limit-scan.cpp" -nt "$BUILD/limit-scan-simd.cjs" ]; then
  NODE_PATH=/usr/share/nodejs em++ -O3 -msimd128 -sMODULARIZE=1 -sEXPORT_NAME=createLimitScan -sENVIRONMENT=node,web \
    -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sINITIAL_MEMORY=16MB -sFILESYSTEM=0 \
    -sEXPORTED_FUNCTIONS=_scan,_buf_alloc,_buf_free,_copy_bytes -sEXPORTED_RUNTIME_METHODS=HEAPU8 --no-entry \
    -o "$BUILD/limit-scan-simd.cjs" "$SHARED/limit-scan.cpp"
fi
# Papa Parse and DuckDB-WASM for the peer scripts, which run in place in
# $SHARED (read-only, no node_modules) and resolve them from bench/ (lib/peer-deps.mjs).
[ -d bench/node_modules/papaparse ] && [ -d bench/node_modules/@duckdb/duckdb-wasm ] || \
  (cd bench && npm ci --no-audit --no-fund >/dev/null)

# The built page, for the page run (bench/page-stream.mjs).
[ -d node_modules/vite ] || npm ci --no-audit --no-fund >/dev/null
npm run --silent build:web >/dev/null

exec node bench/run.mjs "$@"
