#!/usr/bin/env bash
# Runs every test on a fresh machine: set-up, native build and Google Test
# (through CTest, with the CLI golden cases), the wasm build and its node
# tests, the page build and its browser tests, and a short fuzzing run.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh || { echo "setup failed"; exit 1; }

passed=0; failed=0; failures=()
suite() {  # suite NAME COMMAND...
  local name="$1"; shift
  echo; echo "=== ${name}"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

native() {
  cmake --preset native-release >/dev/null || return 1
  if ! cmake --build --preset native-release >build/native-release/build.log 2>&1; then
    tail -n 60 build/native-release/build.log
    return 1
  fi
  ctest --preset native-release -j2
}
suite "native build + ctest" native
suite "wasm build" bash tools/build-wasm.sh
suite "wasm node tests" env BBB_REQUIRE_CLI=1 npm run --silent test:wasm
suite "web unit tests" npm run --silent test:web
web_builds() { npm run --silent build:web && npm run --silent build:single && npm run --silent build:component && npm run --silent build:engine; }
suite "web builds (site folder, single file, web component, engine API)" web_builds
suite "browser end-to-end tests" npm run --silent test:e2e
suite "fuzzing (bounded)" bash tests/fuzz/run.sh

echo
[ ${#failures[@]} -eq 0 ] || echo "failed suites: ${failures[*]}"
echo "suites: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
