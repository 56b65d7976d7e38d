#!/usr/bin/env python3
"""Round trip: kiosk-sync's CSV and JSON Lines files, parsed back by Python's standard csv
and json modules, equal the database contents — read independently here with sqlite3 —
including quotes, line breaks, ';', emoji, very long text and =HYPERLINK(…), which the
excel-fr profile neutralises (leading ') and the opendata profile keeps intact.

usage: sync_roundtrip_test.py KIOSK_SYNC HOSTILE_RESPONSES SOURCE_DIR SCRATCH_DIR
"""
import csv
import datetime
import hashlib
import os
import json
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import zoneinfo

kiosk_sync, hostile, source, scratch = sys.argv[1:5]
scratch = pathlib.Path(scratch)
shutil.rmtree(scratch, ignore_errors=True)
scratch.mkdir(parents=True)
db = scratch / "responses.db"
failures = []


def check(ok, what):
    print(("ok: " if ok else "FAILED: ") + what)
    if not ok:
        failures.append(what)


uuids = subprocess.run([hostile, str(db)], check=True, capture_output=True, text=True).stdout.split()
check(len(uuids) == 14, f"{len(uuids)} hostile responses recorded")

# The database, read on its own (read-only).
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
con.row_factory = sqlite3.Row
responses = {r["uuid"]: dict(r) for r in con.execute("SELECT * FROM response")}
answers = {}
for a in con.execute("SELECT r.uuid, a.* FROM answer a JOIN response r ON r.seq = a.response_seq "
                     "ORDER BY a.response_seq, a.position"):
    answers.setdefault(a["uuid"], []).append(dict(a))
con.close()

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def export(profile):
    out = scratch / profile
    out.mkdir()
    config = pathlib.Path(source) / "config" / "kiosk.toml"
    run = subprocess.run([kiosk_sync, "--config", str(config), "--db", str(db), "export", "--profile", profile,
                          "--out", str(out)], capture_output=True, text=True, env=dict(os.environ, TZ="Europe/Paris"))
    check(run.returncode == 0, f"export --profile {profile} exits 0 ({run.stderr.strip()[-300:]})")
    dirs = [d for d in out.iterdir()]
    check(len(dirs) == 1 and not dirs[0].name.startswith("."), f"{profile}: one export directory, no staging left")
    return dirs[0]


def expected_text(text, profile):
    if text is None:
        return ""
    if profile == "excel-fr" and text.startswith(FORMULA_START):
        return "'" + text
    return text


def expected_time(utc, profile):
    """excel-fr: the kiosk's local time (here Paris), which a spreadsheet reads as a date."""
    if profile != "excel-fr":
        return utc
    moment = datetime.datetime.strptime(utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    return moment.astimezone(zoneinfo.ZoneInfo("Europe/Paris")).strftime("%Y-%m-%d %H:%M:%S")


def parse_number(cell, profile):
    if cell == "":
        return None
    return float(cell.replace(",", ".") if profile == "excel-fr" else cell)


for profile, encoding, delimiter in (("opendata", "utf-8", ","), ("excel-fr", "utf-8-sig", ";")):
    d = export(profile)
    raw = (d / "answers.csv").read_bytes()
    check(raw.startswith(b"\xef\xbb\xbf") == (profile == "excel-fr"), f"{profile}: BOM only in excel-fr")
    check(b"\r\n" in raw and raw.endswith(b"\r\n"), f"{profile}: CRLF line ends")

    # csv-long: one row per answer, every cell as recorded.
    with open(d / "answers.csv", newline="", encoding=encoding) as f:
        rows = list(csv.DictReader(f, delimiter=delimiter))
    total = sum(len(v) for v in answers.values())
    check(len(rows) == total, f"{profile}: answers.csv has {len(rows)} rows for {total} answers")
    by_uuid = {}
    for row in rows:
        by_uuid.setdefault(row["response_uuid"], []).append(row)
    mismatches = 0
    for uuid, expected in answers.items():
        got = by_uuid.get(uuid, [])
        if len(got) != len(expected):
            mismatches += 1
            continue
        for g, e in zip(got, expected):
            ok = (g["question_id"] == e["question_id"] and int(g["position"]) == e["position"]
                  and g["option_id"] == expected_text(e["option_id"], profile)
                  and g["text"] == expected_text(e["text"], profile)
                  and parse_number(g["number"], profile) == e["number"]
                  and g["plan_id"] == (e["plan_id"] or "")
                  and parse_number(g["x"], profile) == e["x"] and parse_number(g["y"], profile) == e["y"]
                  and g["submitted_at"] == expected_time(responses[uuid]["submitted_at"], profile)
                  and g.get("submitted_at_utc", g["submitted_at"]) == responses[uuid]["submitted_at"])
            if not ok:
                mismatches += 1
                print("  mismatch:", repr(g)[:300], "\n  expected:", repr(e)[:300])
    check(mismatches == 0, f"{profile}: every answers.csv cell equals the database")

    # csv-wide: the free-text column and the fixed columns.
    with open(d / "responses-usages-espaces-publics.csv", newline="", encoding=encoding) as f:
        wide = list(csv.DictReader(f, delimiter=delimiter))
    check(len(wide) == len(responses), f"{profile}: one wide row per response")
    wide_ok = all(
        w["idee"] == expected_text(next((a["text"] for a in answers[w["uuid"]] if a["question_id"] == "idee"), None),
                                   profile)
        and w["status"] == responses[w["uuid"]]["status"] and w["lieux"] == "square|ecole"
        and w["started_at"] == expected_time(responses[w["uuid"]]["started_at"], profile)
        and w.get("started_at_utc", w["started_at"]) == responses[w["uuid"]]["started_at"]
        and w["endroits"] == "1" and parse_number(w["nombre-enfants"], profile) == next(
            a["number"] for a in answers[w["uuid"]] if a["question_id"] == "nombre-enfants")
        for w in wide)
    check(wide_ok, f"{profile}: wide cells (free text, multiple choice, pins, negative numbers) match")

    hyperlink = [w["idee"] for w in wide if "HYPERLINK" in w["idee"]]
    want = "'=HYPERLINK" if profile == "excel-fr" else "=HYPERLINK"
    check(len(hyperlink) == 1 and hyperlink[0].startswith(want), f"{profile}: =HYPERLINK starts with {want!r}")
    long_text = [w["idee"] for w in wide if len(w["idee"]) > 10000]
    check(len(long_text) == 1 and long_text[0] == "a" * 20000 + " fin", f"{profile}: 20 000-character text intact")

    # JSON Lines: every response, every answer, exactly (JSON is never neutralised).
    lines = (d / "responses.jsonl").read_text(encoding="utf-8").splitlines()
    parsed = [json.loads(line) for line in lines]
    check(len(parsed) == len(responses), f"{profile}: responses.jsonl has one line per response")
    json_ok = True
    for p in parsed:
        r = responses[p["uuid"]]
        for key in ("kiosk_id", "survey_id", "survey_version", "language", "origin", "status", "started_at",
                    "submitted_at", "duration_ms"):
            json_ok &= p[key] == r[key]
        json_ok &= p["is_test"] == bool(r["is_test"]) and p["burst"] == bool(r["burst"])
        for pa, ea in zip(p["answers"], answers[p["uuid"]]):
            for key in ("question_id", "option_id", "text", "number", "plan_id", "x", "y"):
                json_ok &= pa.get(key) == ea[key]
        json_ok &= len(p["answers"]) == len(answers[p["uuid"]])
    check(json_ok, f"{profile}: JSON Lines equal the database, texts intact")

    # GeoJSON: one Point per pin, with its comment: in pins.geojson (WGS84) for a georeferenced
    # plan, its place on the drawing kept as x and y; in pins-plan.geojson for the others.
    pins = [(a["uuid"], a["x"], a["y"], a["text"]) for v in answers.values() for a in v if a["plan_id"]]
    got = []
    for name, on_plan in (("pins.geojson", lambda f: (f["properties"]["x"], f["properties"]["y"])),
                          ("pins-plan.geojson", lambda f: tuple(f["geometry"]["coordinates"]))):
        geo = json.loads((d / name).read_text(encoding="utf-8"))
        got += [(f["properties"]["response_uuid"], *on_plan(f), f["properties"].get("text")) for f in geo["features"]]
    check(sorted(got) == sorted(pins), f"{profile}: pins.geojson and pins-plan.geojson hold every pin with its comment")

    # The manifest's hashes are the files'.
    manifest = json.loads((d / "manifest.json").read_text())
    check(all(hashlib.sha256((d / f["name"]).read_bytes()).hexdigest() == f["sha256"] for f in manifest["files"]),
          f"{profile}: manifest SHA-256 of every file matches")

# A --to that is not a destination is a bad command line for `run` and `status` alike: exit 2
# and a message naming it (status used to ignore it silently).
for command in ("run", "status"):
    config = pathlib.Path(source) / "config" / "kiosk.toml"
    run = subprocess.run([kiosk_sync, "--config", str(config), "--db", str(db), "--state", str(scratch / "state.db"),
                          command, "--to", "bogus"], capture_output=True, text=True)
    check(run.returncode == 2 and "--to bogus" in run.stderr,
          f"{command} --to bogus: exit 2 naming the argument (got {run.returncode}: {run.stderr.strip()[-200:]})")

# A date that does not exist is a bad command line, not an empty export.
for since in ("2026-02-31", "2026-13-01", "yesterday"):
    run = subprocess.run([kiosk_sync, "--config", str(pathlib.Path(source) / "config" / "kiosk.toml"), "--db", str(db),
                          "--state", str(scratch / "state.db"), "export", "--out", str(scratch / "since"),
                          "--since", since], capture_output=True, text=True)
    check(run.returncode == 2 and f"--since {since}" in run.stderr and not (scratch / "since").exists(),
          f"export --since {since}: exit 2 naming it, nothing written (got {run.returncode})")

# `kiosk-sync check` on the demo configuration: valid, its destinations listed, nothing written.
run = subprocess.run([kiosk_sync, "--config", str(pathlib.Path(source) / "config" / "kiosk.toml"), "check"],
                     capture_output=True, text=True)
check(run.returncode == 0 and "valid" in run.stdout, f"check on the demo configuration: exit 0 ({run.stdout}{run.stderr})")

print(f"round trip: {len(responses)} responses, both profiles: "
      + ("all equal" if not failures else f"{len(failures)} failure(s)"))
sys.exit(1 if failures else 0)
