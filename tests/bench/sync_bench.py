#!/usr/bin/env python3
"""kiosk-sync benchmark: figures, not a pass/fail timing test.

  sync_bench.py BUILD_DIR [--responses N] [--repeat R]

1. A database of N responses (default 1 000 000) to the demo survey, made with kiosk-fill
   through the kiosk's own store (one transaction each; cached in BUILD_DIR/bench-data/,
   since making it costs one fsync per response).
2. Full export: `kiosk-sync export --format csv-long` against `sqlite3 -csv` of the same
   rows (the same columns, joined the same way) on the same database, in the same run;
   best of R runs each; the ratio. Then the other formats, for scale.
3. Incremental: everything delivered once to a dir destination, then 100 new responses
   recorded and `kiosk-sync run` timed (whole process, wall clock), R times; against a run
   with nothing new (the process's fixed cost).
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("build")
parser.add_argument("--responses", type=int, default=1_000_000)
parser.add_argument("--repeat", type=int, default=3)
args = parser.parse_args()
build = pathlib.Path(args.build).resolve()
source = pathlib.Path(__file__).resolve().parents[2]
sync, fill = build / "bin" / "kiosk-sync", build / "bin" / "kiosk-fill"
sys.path.insert(0, str(source / "tests" / "e2e" / "support"))
from sync_fixture import write_config  # noqa: E402

SQLITE_LONG = ("SELECT r.uuid, r.kiosk_id, r.survey_id, r.survey_version, r.language, r.status, r.submitted_at, "
               "a.position, a.question_id, a.option_id, a.text, a.number, a.plan_id, a.x, a.y "
               "FROM response r JOIN answer a ON a.response_seq = r.seq ORDER BY r.seq, a.position")


def timed(command, **kwargs):
    start = time.perf_counter()
    subprocess.run(command, check=True, **kwargs)
    return time.perf_counter() - start


def best(command, repeat, before=None, **kwargs):
    times = []
    for _ in range(repeat):
        if before:
            before()
        times.append(timed(command, **kwargs))
    return min(times)


work = pathlib.Path(tempfile.mkdtemp(prefix="sync-bench-", dir=build))
try:
    # --- 1. the database ----------------------------------------------------------------
    cache = build / "bench-data" / f"responses-{args.responses}.db"
    config = write_config(work, source, [])
    if not cache.exists():
        cache.parent.mkdir(parents=True, exist_ok=True)
        print(f"making {args.responses} responses with kiosk-fill (one commit each; cached in {cache}) …",
              flush=True)
        seconds = timed([fill, "--config", config, "--db", cache, "--survey", "usages-espaces-publics", "--count",
                         str(args.responses), "--seed", "7"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"  kiosk-fill: {seconds:.0f} s, {args.responses / seconds:.0f} responses/s")
    db = work / "responses.db"
    shutil.copy(cache, db)
    answers = int(subprocess.run(["sqlite3", db, "SELECT count(*) FROM answer"], check=True, capture_output=True,
                                 text=True).stdout)
    size = db.stat().st_size / 2**20
    print(f"database: {args.responses} responses, {answers} answers, {size:.0f} MiB")

    # --- 2. full export -----------------------------------------------------------------
    out = work / "out"

    def fresh_out():
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()

    def export(*formats):
        command = [sync, "--config", config, "--db", db, "export", "--include-test", "--out", out]
        for f in formats:
            command += ["--format", f]
        return best(command, args.repeat, fresh_out, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    reference_file = work / "reference.csv"
    with open(reference_file, "wb") as sink:
        reference = best(["sqlite3", "-csv", "-header", str(db), SQLITE_LONG], args.repeat,
                         lambda: sink.seek(0) or sink.truncate(), stdout=sink)
    ours = export("csv-long")
    ours_file = next(out.glob("*/answers.csv"))
    print(f"\nfull export, csv-long ({answers} rows), best of {args.repeat}:")
    print(f"  sqlite3 -csv (reference)   {reference:7.2f} s   {reference_file.stat().st_size / 2**20:6.0f} MiB")
    print(f"  kiosk-sync export          {ours:7.2f} s   {ours_file.stat().st_size / 2**20:6.0f} MiB"
          f"   (+ SHA-256 of every byte, fsync, manifest)")
    print(f"  ratio kiosk-sync / sqlite3 {ours / reference:7.2f}")
    reference_file.unlink()
    for formats in (["csv-wide"], ["jsonl"], ["geojson"], ["csv-wide", "csv-long", "jsonl", "geojson"]):
        seconds = export(*formats)
        print(f"  kiosk-sync export {'+'.join(formats):35s} {seconds:7.2f} s   ratio to the reference "
              f"{seconds / reference:5.2f}")

    # --- 3. incremental -----------------------------------------------------------------
    share = work / "share"
    share.mkdir()
    config = write_config(work, source, [{"name": "partage", "dir": str(share), "batch_size": 100000,
                                          "formats": ["csv-wide", "csv-long", "jsonl", "geojson"]}])
    full = timed([sync, "--config", config, "run"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"\nfirst delivery of everything to a dir destination (4 formats, 100 000 per batch): {full:.1f} s")
    new, nothing = [], []
    for _ in range(max(args.repeat, 5)):
        subprocess.run([fill, "--config", config, "--survey", "usages-espaces-publics", "--count", "100"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        new.append(timed([sync, "--config", config, "run"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        nothing.append(timed([sync, "--config", config, "run"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    print(f"incremental run, 100 new responses on top of {args.responses} (whole process, wall clock):")
    print(f"  median {statistics.median(new) * 1000:6.1f} ms   (min {min(new) * 1000:.1f}, max {max(new) * 1000:.1f};"
          f" {len(new)} runs)")
    print(f"  nothing new: median {statistics.median(nothing) * 1000:6.1f} ms (start-up, configuration, state)")
finally:
    shutil.rmtree(work, ignore_errors=True)
