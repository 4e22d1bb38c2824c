#!/usr/bin/env bash
# Sets up, builds the engine to WebAssembly, builds the page and serves it.
#   tools/serve.sh [PORT]      (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8080}"
bash tools/setup.sh
bash tools/build-wasm.sh
npm run --silent build:web
npm run --silent build:single
npm run --silent build:component
npm run --silent build:engine
echo
echo "Also built: web/dist-single/index.html (one file, opens from disk), web/dist-component/bbb-report.js"
echo "(<bbb-report>), web/dist-engine/ (the JavaScript API). See docs/guides/."
echo "BBB is served at http://127.0.0.1:${port}/  (Ctrl-C stops it; the built page is web/dist/, any static server will do)"
exec npm run --silent serve:web -- --port "${port}"
