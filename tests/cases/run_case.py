#!/usr/bin/env python3
"""Runs one golden CLI case: bbb report input.csv [args...] in the case folder
(or, with a `command` file, bbb COMMAND [args...]: `compare` takes its two
files from args).

A case folder holds input.csv or input.xlsx (or an input_path file naming another input,
such as /dev/zero), optionally args (one CLI argument per line, paths
relative to the folder) and memory_limit_mb (the binary then runs with that
much address space), and what to expect:

  golden/       the whole output, compared byte for byte: exit (the status),
                stderr, and the report as the case's args make it (report.json,
                or report.csv / report.txt when the args pick --format) plus,
                for a report made in JSON, the same run in the two other
                formats (report.csv, report.txt). Written by --regenerate, for
                review in the diff.
  expected.json a subset of the report checked by hand: every key present must
                match, recursively; arrays must have the same length and match
                element by element.
  expected_exit plus an optional expected_stderr (a substring of stderr).

Usage:
  run_case.py BBB_BINARY CASE_DIR                  check one case
  run_case.py --regenerate BBB_BINARY CASE_DIR...  write each case's golden/
"""
import json
import os
import subprocess
import sys

FORMAT_FILES = {"json": "report.json", "csv": "report.csv", "table": "report.txt"}
# The other formats each command writes, beside its JSON.
OTHER_FORMATS = {"report": ("csv", "table"), "compare": ("table",)}


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


def read(case, name):
    with open(os.path.join(case, name), encoding="utf-8") as f:
        return f.read()


def case_args(case):
    if not os.path.exists(os.path.join(case, "args")):
        return []
    return [line.rstrip("\n") for line in read(case, "args").splitlines() if line.strip()]


def chosen_format(args):
    for i, a in enumerate(args[:-1]):
        if a == "--format":
            return args[i + 1]
    return "json"


def case_command(case):
    return read(case, "command").strip() if os.path.exists(os.path.join(case, "command")) else "report"


def run(bbb, case, args):
    """The binary's (exit status, stdout bytes, stderr bytes) on the case."""
    limit = None
    if os.path.exists(os.path.join(case, "memory_limit_mb")):
        limit = int(read(case, "memory_limit_mb").strip()) << 20

    def limit_memory():
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    source = read(case, "input_path").strip() if os.path.exists(os.path.join(case, "input_path")) else \
        "input.xlsx" if os.path.exists(os.path.join(case, "input.xlsx")) else "input.csv"
    argv = [bbb, "report", source, *args] if case_command(case) == "report" else [bbb, case_command(case), *args]
    proc = subprocess.run(argv, cwd=case, capture_output=True, timeout=60,
                          preexec_fn=limit_memory if limit else None)
    return proc.returncode, proc.stdout, proc.stderr


def golden_outputs(bbb, case):
    """Every output golden/ holds for the case, by file name."""
    args = case_args(case)
    status, stdout, stderr = run(bbb, case, args)
    out = {"exit": f"{status}\n".encode(), "stderr": stderr}
    fmt = chosen_format(args)
    if status == 0:
        out[FORMAT_FILES.get(fmt, "report.out")] = stdout
        if fmt == "json":
            for other in OTHER_FORMATS[case_command(case)]:
                _, other_out, _ = run(bbb, case, [*args, "--format", other])
                out[FORMAT_FILES[other]] = other_out
    return out


def regenerate(bbb, cases):
    for case in cases:
        folder = os.path.join(case, "golden")
        os.makedirs(folder, exist_ok=True)
        outputs = golden_outputs(bbb, case)
        for name in os.listdir(folder):
            if name not in outputs:
                os.remove(os.path.join(folder, name))
        for name, data in outputs.items():
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
        print(f"{case}: {', '.join(sorted(outputs))}")
    return 0


def check(bbb, case):
    failures = []
    folder = os.path.join(case, "golden")
    if os.path.isdir(folder):
        outputs = golden_outputs(bbb, case)
        names = set(os.listdir(folder)) | set(outputs)
        for name in sorted(names):
            path = os.path.join(folder, name)
            want = open(path, "rb").read() if os.path.exists(path) else None
            got = outputs.get(name)
            if want != got:
                failures.append(f"golden/{name} differs (regenerate with tools/regen-cases.sh and review the diff):")
                want_text = (want or b"<none>").decode("utf-8", "replace").splitlines()
                got_text = (got or b"<none>").decode("utf-8", "replace").splitlines()
                for i, (w, g) in enumerate(zip(want_text, got_text)):
                    if w != g:
                        failures.append(f"  line {i + 1}: expected {w[:300]!r}")
                        failures.append(f"  line {i + 1}: got      {g[:300]!r}")
                        break
                else:
                    failures.append(f"  {len(want_text)} lines expected, {len(got_text)} got")

    status, stdout, stderr_bytes = run(bbb, case, case_args(case))
    stderr = stderr_bytes.decode("utf-8", "replace")
    if os.path.exists(os.path.join(case, "expected_exit")):
        want = int(read(case, "expected_exit").strip())
        if status != want:
            failures.append(f"exit status {status}, expected {want}")
        if os.path.exists(os.path.join(case, "expected_stderr")):
            needle = read(case, "expected_stderr").strip()
            if needle not in stderr:
                failures.append(f"stderr lacks {needle!r}: {stderr!r}")
    elif os.path.exists(os.path.join(case, "expected.json")):
        if status != 0:
            print(f"bbb exited {status}: {stderr}", file=sys.stderr)
            return 1
        failures += mismatches(json.loads(read(case, "expected.json")), json.loads(stdout))
    for line in failures[:40]:
        print(line, file=sys.stderr)
    if len(failures) > 40:
        print(f"... and {len(failures) - 40} more", file=sys.stderr)
    return 1 if failures else 0


def main(argv):
    if len(argv) >= 3 and argv[0] == "--regenerate":
        return regenerate(os.path.abspath(argv[1]), argv[2:])
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    return check(os.path.abspath(argv[0]), argv[1])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
