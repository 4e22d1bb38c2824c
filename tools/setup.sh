#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian 12 machine:
# Debian's packages through apt (only those missing) and the npm packages
# through `npm ci`. Safe to run again: it does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in cmake make g++ clang libclang-rt-14-dev libgtest-dev nlohmann-json3-dev zlib1g-dev emscripten chromium; do
  have_pkg "$pkg" || need+=("$pkg")
done
have_cmd node || need+=(nodejs)
have_cmd npm || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# npm packages, exactly as locked (vite, playwright-core: never a browser download).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
