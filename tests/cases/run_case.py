#!/usr/bin/env python3
"""Runs one golden CLI case: bbb report input.csv [args...] in the case folder.

A case folder holds input.csv, optionally args (one CLI argument per line,
paths relative to the folder), and either expected.json (a subset of the
report JSON: every key present must match, recursively; arrays must have the
same length and match element by element) or expected_exit plus an optional
expected_stderr (a substring of standard error). A memory_limit_mb file runs
the binary with that much address space (RLIMIT_AS); an input_path file names
the input instead of input.csv.
"""
import json
import os
import subprocess
import sys


def mismatches(expected, actual, path="$"):
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {json.dumps(actual)[:80]}"]
        out = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{path}.{key}: missing")
            else:
                out += mismatches(value, actual[key], f"{path}.{key}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{path}: expected an array, got {json.dumps(actual)[:80]}"]
        if len(expected) != len(actual):
            return [f"{path}: expected {len(expected)} elements, got {len(actual)}"]
        out = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += mismatches(e, a, f"{path}[{i}]")
        return out
    if expected != actual or isinstance(expected, bool) != isinstance(actual, bool):
        return [f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)}"]
    return []


def main():
    if len(sys.argv) != 3:
        print("usage: run_case.py BBB_BINARY CASE_DIR", file=sys.stderr)
        return 2
    bbb, case = os.path.abspath(sys.argv[1]), sys.argv[2]
    args = []
    if os.path.exists(os.path.join(case, "args")):
        with open(os.path.join(case, "args"), encoding="utf-8") as f:
            args = [line.rstrip("\n") for line in f if line.strip()]
    limit = None
    if os.path.exists(os.path.join(case, "memory_limit_mb")):
        with open(os.path.join(case, "memory_limit_mb"), encoding="utf-8") as f:
            limit = int(f.read().strip()) << 20

    def limit_memory():
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    source = "input.csv"  # an input_path file names another input (/dev/zero)
    if os.path.exists(os.path.join(case, "input_path")):
        with open(os.path.join(case, "input_path"), encoding="utf-8") as f:
            source = f.read().strip()
    proc = subprocess.run([bbb, "report", source, *args], cwd=case, capture_output=True, timeout=60,
                          preexec_fn=limit_memory if limit else None)
    stderr = proc.stderr.decode("utf-8", "replace")

    exit_file = os.path.join(case, "expected_exit")
    if os.path.exists(exit_file):
        with open(exit_file, encoding="utf-8") as f:
            want = int(f.read().strip())
        failures = []
        if proc.returncode != want:
            failures.append(f"exit status {proc.returncode}, expected {want}")
        stderr_file = os.path.join(case, "expected_stderr")
        if os.path.exists(stderr_file):
            with open(stderr_file, encoding="utf-8") as f:
                needle = f.read().strip()
            if needle not in stderr:
                failures.append(f"stderr lacks {needle!r}: {stderr!r}")
    else:
        if proc.returncode != 0:
            print(f"bbb exited {proc.returncode}: {stderr}", file=sys.stderr)
            return 1
        with open(os.path.join(case, "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        failures = mismatches(expected, json.loads(proc.stdout))
    for line in failures[:40]:
        print(line, file=sys.stderr)
    if len(failures) > 40:
        print(f"... and {len(failures) - 40} more", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
