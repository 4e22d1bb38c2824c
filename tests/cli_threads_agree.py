#!/usr/bin/env python3
"""bbb report gives the same bytes on one thread and on two (--threads 1|2).

On two threads one reads rows and the other folds them, in the order read
(core/cli/fold_thread.h). Run on every example and on a file of 20,000
lines made from the SaaS example (many batches), in settings that fold
more than the ledgers. Usage: cli_threads_agree.py BBB SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile

bbb, source = sys.argv[1], sys.argv[2]
examples = os.path.join(source, "examples")


def run(args):
    done = subprocess.run([bbb, "report", *args], capture_output=True)
    return done.returncode, done.stdout, done.stderr


def many_lines(path, copies):
    """The example's rows again and again, each copy with ids of its own."""
    with open(path, encoding="utf-8") as f:
        header, *rows = f.read().splitlines()
    out = [header]
    for k in range(copies):
        out += [f"{row.split(',', 1)[0]}-{k},{row.split(',', 1)[1]}" for row in rows]
    return "\n".join(out) + "\n"


with tempfile.TemporaryDirectory() as tmp:
    big = os.path.join(tmp, "saas-20k.csv")
    with open(big, "w", encoding="utf-8") as f:
        f.write(many_lines(os.path.join(examples, "saas-company", "contracts.csv"), 1540))
    pb = os.path.join(examples, "project-business")
    files = [
        [os.path.join(examples, "worked-examples.csv")],
        [os.path.join(examples, "sales-pipeline.csv"), "--as-of", "2024-06-30"],
        [os.path.join(examples, "manufacturer", "contracts.csv")],
        [os.path.join(pb, "contracts.csv"), "--invoices", os.path.join(pb, "invoices.csv"),
         "--fulfilment", os.path.join(pb, "fulfilment.csv")],
        [big],
    ]
    settings = [
        [],
        ["--as-of", "2024-09-30", "--waterfall", "yes", "--period", "quarter"],
        ["--split-by", "customer", "--proration", "daily", "--format", "csv"],
        ["--drill", "revenue,USD,2024-01-01,2024-12-31,20"],
    ]
    failures = 0
    compared = 0
    for f in files:
        for s in settings:
            args = f + s
            if "--as-of" in f and "--as-of" in s:
                continue
            one, two = run(args + ["--threads", "1"]), run(args + ["--threads", "2"])
            compared += 1
            if one != two:
                failures += 1
                print(f"differs: bbb report {' '.join(args)}: exit {one[0]} vs {two[0]}, "
                      f"{len(one[1])} vs {len(two[1])} bytes out")
            elif one[0] != 0:
                failures += 1
                print(f"failed: bbb report {' '.join(args)}: {one[2].decode()[:200]}")
    code, out, err = run([files[0][0], "--threads", "3"])
    if code != 2 or b"--threads must be 1 or 2" not in err:
        failures += 1
        print(f"--threads 3: expected exit 2 and a reason, got {code}: {err!r}")
    print(f"{compared} reports compared on one and two threads, {failures} failures")
    sys.exit(1 if failures else 0)
