#!/usr/bin/env bash
# Writes the golden/ folder of every CLI case (tests/cases/*/) from the
# native CLI: the whole output in JSON, CSV and table form, stderr and the
# exit status. Review what changed with `git diff tests/cases` before
# committing: a changed figure there is a changed figure for every user.
#   tools/regen-cases.sh [CASE_DIR...]      (default: every case)
set -euo pipefail
cd "$(dirname "$0")/.."
bbb="${BBB:-build/native-release/bbb}"
if [ ! -x "$bbb" ]; then
  cmake --preset native-release >/dev/null
  cmake --build --preset native-release --target bbb_cli >/dev/null
fi
if [ $# -eq 0 ]; then set -- tests/cases/*/; fi
python3 tests/cases/run_case.py --regenerate "$bbb" "$@"
