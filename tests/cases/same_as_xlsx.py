#!/usr/bin/env python3
"""The same data as CSV and as XLSX gives the same figures (spec 11).

For every golden case whose input is a clean UTF-8 CSV read with the CSV's
defaults, writes the input as a workbook (tools/csv_to_xlsx.py: numbers as
number cells, ISO dates as date serials, the rest shared strings, the data
on a named sheet before a second one), runs the CLI on both with the case's
arguments and compares every figure of the report: the rows, every
currency's periods, totals and views, the segments, the drill-down and the
issue counts. What names the file itself (its name, encoding, delimiter,
the workbook member) and the issues' raw text are apart.

Usage: same_as_xlsx.py BBB_BINARY CASES_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

# Arguments that say how to read a CSV's text: a workbook has no such thing.
CSV_ONLY = {"--encoding", "--delimiter", "--decimal"}
# Cases whose CSV is about its text (quoting, bytes, lines) rather than its figures.
TEXT_CASES = {
    "rejected_rows_are_listed",  # a row's raw text is what it checks
}
FIGURES = ("rows", "minor_digits", "currencies", "segments", "drill", "issue_counts", "settings")


def case_args(case):
    path = os.path.join(case, "args")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.rstrip("\n")]


def eligible(case):
    name = os.path.basename(case)
    if name in TEXT_CASES or not os.path.exists(os.path.join(case, "input.csv")):
        return False
    if os.path.exists(os.path.join(case, "expected_exit")) or os.path.exists(os.path.join(case, "memory_limit_mb")):
        return False
    args = case_args(case)
    if any(a in CSV_ONLY or a in ("--invoices", "--fulfilment", "--fulfillment") for a in args):
        return False
    try:
        with open(os.path.join(case, "input.csv"), encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError:
        return False
    first = text.split("\n", 1)[0]
    # Comma-delimited, one record per line (a quoted line break makes CSV lines and sheet rows differ).
    return "," in first and ";" not in first and "\t" not in first and text.count('"') % 2 == 0 and '"\n' not in text


def report(binary, path, args, cwd):
    run = subprocess.run([binary, "report", path] + args, cwd=cwd, capture_output=True, text=True)
    return run.returncode, run.stdout, run.stderr


def main():
    binary, cases_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tool = os.path.join(os.path.dirname(os.path.abspath(cases_dir)), "..", "tools", "csv_to_xlsx.py")
    compared, failures = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(cases_dir)):
            case = os.path.join(cases_dir, name)
            if not os.path.isdir(case) or not eligible(case):
                continue
            workbook = os.path.join(tmp, name + ".xlsx")
            subprocess.run([sys.executable, tool, os.path.join(case, "input.csv"), workbook,
                            "--sheet", "Export", "--notes-sheet"], check=True)
            args = case_args(case)
            if "--format" in args:  # the JSON is what is compared
                i = args.index("--format")
                del args[i:i + 2]
            csv_exit, csv_out, csv_err = report(binary, "input.csv", args, case)
            xlsx_exit, xlsx_out, xlsx_err = report(binary, workbook, args, case)
            compared += 1
            if csv_exit != xlsx_exit:
                failures.append(f"{name}: exit {csv_exit} as CSV, {xlsx_exit} as XLSX ({xlsx_err.strip()[:200]})")
                continue
            if csv_exit != 0:
                continue
            a, b = json.loads(csv_out), json.loads(xlsx_out)
            if b["files"][-1].get("workbook", {}).get("sheet") != "Export":
                failures.append(f"{name}: the workbook's sheet is not named in the report")
            for key in FIGURES:
                if a.get(key) != b.get(key):
                    failures.append(f"{name}: '{key}' differs between the CSV and the XLSX")
            for fa, fb in zip(a["files"], b["files"]):
                for key in ("kind", "rows", "header", "mapping", "source", "values"):
                    if fa.get(key) != fb.get(key):
                        failures.append(f"{name}: files[].{key} differs between the CSV and the XLSX")
    print(f"{compared} cases compared as CSV and as XLSX")
    for f in failures:
        print(f)
    if compared < 20:
        print("too few cases compared: the test would prove nothing")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
