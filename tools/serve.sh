#!/usr/bin/env bash
# Sets up, builds the engine to WebAssembly, builds the page and serves it.
#   tools/serve.sh [PORT]      (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8080}"
bash tools/setup.sh
bash tools/build-wasm.sh
npm run --silent build:web
echo
echo "BBB is served at http://127.0.0.1:${port}/  (Ctrl-C stops it; the built page is web/dist/, any static server will do)"
exec npm run --silent serve:web -- --port "${port}"
