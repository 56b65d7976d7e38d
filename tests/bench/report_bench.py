#!/usr/bin/env python3
"""kiosk-report benchmark: figures, not a pass/fail timing test (not run by ctest).

  report_bench.py DATABASE [--build BUILD_DIR] [--config FILE] [--from DATE] [--to DATE]
                  [--repeat R] [--include-test]

Runs `kiosk-report` over DATABASE (e.g. a kiosk-fill database of 1 000 000 responses:
`build/bin/kiosk-fill --count 1000000 --db build/bench-data/report.db`, whose synthetic
responses need --include-test to be counted) R times and prints, for each run and for the
best, the wall time and the peak resident memory of the kiosk-report process (getrusage
RUSAGE_CHILDREN ru_maxrss, measured in a fresh child each run so runs do not mix). The
issue asks for < 10 s over a year's range, with memory bounded.
"""
import argparse
import datetime
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

source = pathlib.Path(__file__).resolve().parents[2]
parser = argparse.ArgumentParser()
parser.add_argument("database")
parser.add_argument("--build", default=str(source / "build"))
parser.add_argument("--config", default=str(source / "config" / "kiosk.toml"))
today = datetime.date.today()
parser.add_argument("--from", dest="from_date", default=str(today - datetime.timedelta(days=365)))
parser.add_argument("--to", dest="to_date", default=str(today))
parser.add_argument("--repeat", type=int, default=3)
parser.add_argument("--include-test", action="store_true")
args = parser.parse_args()

program = pathlib.Path(args.build) / "bin" / "kiosk-report"
if not program.exists():
    sys.exit(f"report_bench: {program} not found (cmake --build build --target kiosk-report)")

# One run in a child that runs kiosk-report, so that RUSAGE_CHILDREN holds that one process.
MEASURE = r"""
import resource, subprocess, sys, time
start = time.monotonic()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.monotonic() - start
if done.returncode != 0:
    sys.stderr.write(done.stderr)
    sys.exit(done.returncode)
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

with tempfile.TemporaryDirectory() as out:
    command = [str(program), "--config", args.config, "--db", args.database, "--from", args.from_date,
               "--to", args.to_date, "--out", os.path.join(out, "bilan.pdf")]
    if args.include_test:
        command.append("--include-test")
    print("kiosk-report", " ".join(command[1:]))
    runs = []
    for i in range(args.repeat):
        done = subprocess.run([sys.executable, "-c", MEASURE] + command, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"report_bench: kiosk-report failed ({done.returncode}):\n{done.stderr}")
        seconds, rss_kib = done.stdout.split()
        runs.append((float(seconds), int(rss_kib)))
        print(f"  run {i + 1}: {float(seconds):.2f} s, peak RSS {int(rss_kib) / 1024:.1f} MiB")
    pdf = pathlib.Path(out, "bilan.pdf")
    print(f"  PDF {pdf.stat().st_size / 1024:.0f} KiB, CSV {pathlib.Path(out, 'bilan.csv').stat().st_size / 1024:.0f} KiB")
best = min(runs)
print(f"best: {best[0]:.2f} s, peak RSS {max(r for _, r in runs) / 1024:.1f} MiB (largest of the runs)")
