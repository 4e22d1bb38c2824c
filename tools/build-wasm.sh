#!/usr/bin/env bash
# Builds the engine to WebAssembly with Debian's Emscripten (3.1.6), whose
# tools need Debian's node modules on NODE_PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
[ -f build/wasm-release/CMakeCache.txt ] || emcmake cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release
