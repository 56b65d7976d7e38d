#!/usr/bin/env python3
"""responses.xlsx as a real spreadsheet reads it: LibreOffice (headless, its own profile)
turns every sheet back into CSV in one run, with every text cell quoted, and each cell is
compared with the database read here with sqlite3 — hostile texts (formulas, 007, 1/2,
+33 6…, emoji, 20 000 characters, one longer than a cell holds) come back as the same text
and as text (quoted), numbers as numbers, timestamps as Paris local date-times.

usage: xlsx_libreoffice_test.py KIOSK_SYNC HOSTILE_RESPONSES SOURCE_DIR SCRATCH_DIR
"""
import datetime
import hashlib
import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import zipfile
import zoneinfo

kiosk_sync, hostile, source, scratch = sys.argv[1:5]
scratch = pathlib.Path(scratch).resolve()
shutil.rmtree(scratch, ignore_errors=True)
scratch.mkdir(parents=True)
db = scratch / "responses.db"
failures = []
CELL_BYTES = 32767
CUT_MARKER = " [...] (long_texts)"


def check(ok, what):
    print(("ok: " if ok else "FAILED: ") + what)
    if not ok:
        failures.append(what)


uuids = subprocess.run([hostile, str(db), "--spreadsheet"], check=True, capture_output=True,
                       text=True).stdout.split()
check(len(uuids) == 26, f"{len(uuids)} hostile responses recorded")

con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
con.row_factory = sqlite3.Row
responses = [dict(r) for r in con.execute("SELECT * FROM response ORDER BY seq")]
answers = [dict(a) for a in con.execute(
    "SELECT r.uuid, r.kiosk_id, r.survey_id, r.survey_version, r.language, r.status, r.submitted_at, a.* "
    "FROM answer a JOIN response r ON r.seq = a.response_seq ORDER BY a.response_seq, a.position")]
con.close()

# The export, in the kiosk's time zone, test responses included (one is marked).
out = scratch / "out"
out.mkdir()
env = dict(os.environ, TZ="Europe/Paris")
run = subprocess.run([kiosk_sync, "--config", str(pathlib.Path(source) / "config" / "kiosk.toml"), "--db", str(db),
                      "export", "--format", "xlsx", "--include-test", "--out", str(out)],
                     capture_output=True, text=True, env=env)
check(run.returncode == 0, f"export --format xlsx exits 0 ({run.stderr.strip()[-300:]})")
export_dir = next(out.iterdir())
manifest = json.loads((export_dir / "manifest.json").read_text())
files = {f["name"]: f for f in manifest["files"]}
check(list(files) == ["responses.xlsx"], f"only responses.xlsx is written: {list(files)}")
xlsx = (export_dir / "responses.xlsx").read_bytes()
check(files["responses.xlsx"]["sha256"] == hashlib.sha256(xlsx).hexdigest(), "its SHA-256 is in the manifest")
check(sorted(p.name for p in export_dir.iterdir()) == ["manifest.json", "responses.xlsx"],
      "no temporary file left beside it")

with zipfile.ZipFile(export_dir / "responses.xlsx") as z:
    sheet_xml = b"".join(z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))
    core = z.read("docProps/core.xml").decode()
check(b"ligne 2_x000D_\nligne 3" in sheet_xml, "the file keeps a CR LF inside a text (CR as _x000D_)")
check(f"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{manifest['created_at'][:19]}Z<" in core,
      "the workbook's creation time is the batch's (same batch, same bytes), not the clock's")
check(sheet_xml.count(b'<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>') == 5,
      "every sheet's header row is frozen")
check(sheet_xml.count(b"<cols>") == 5, "every sheet has its column widths")

# LibreOffice: every sheet to its own CSV (token 12 = -1), UTF-8 (76), text cells quoted
# (token 7), values not as shown (token 9) except that dates keep their format.
csv_dir = scratch / "csv"
profile = (scratch / "lo-profile").as_uri()
# LibreOffice is not the kiosk's code: none of the sanitizer build's preloads for it.
lo_env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "ASAN_OPTIONS", "LSAN_OPTIONS")}
lo = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                     "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1",
                     "--outdir", str(csv_dir), str(export_dir / "responses.xlsx")],
                    capture_output=True, text=True, timeout=120, env=lo_env)
check(lo.returncode == 0, f"soffice converts the workbook ({lo.stderr.strip()[-300:]})")


def read_csv(path):
    """Rows of (text, quoted) cells: a quoted cell is a text cell for LibreOffice."""
    data = path.read_bytes().decode("utf-8")  # CR kept as it is (read_text would make it LF)
    rows, row, i = [], [], 0
    while i < len(data):
        if data[i] == '"':
            j, value = i + 1, []
            while True:
                k = data.index('"', j)
                value.append(data[j:k])
                if data[k + 1:k + 2] == '"':
                    value.append('"')
                    j = k + 2
                else:
                    break
            row.append(("".join(value), True))
            i = k + 1
        else:
            j = i
            while j < len(data) and data[j] not in ",\n":
                j += 1
            row.append((data[i:j].rstrip("\r"), False))
            i = j
        if i < len(data) and data[i] == ",":
            i += 1
        elif i >= len(data) or data[i] == "\n":
            rows.append(row)
            row = []
            i += 1
    return rows


sheets = {p.name[len("responses-"):-len(".csv")]: read_csv(p) for p in sorted(csv_dir.glob("*.csv"))}
check(set(sheets) == {"about", "answers", "columns", "usages-espaces-publics", "long_texts"},
      f"sheets: {sorted(sheets)}")
paris = zoneinfo.ZoneInfo("Europe/Paris")


def local(utc):
    moment = datetime.datetime.strptime(utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    return moment.astimezone(paris).strftime("%Y-%m-%d %H:%M:%S")


def as_text(value):
    """What a text cell must show: the text, or its cut with the marker when too long.
    LibreOffice makes a CR LF inside a cell one LF (a paragraph break) as it reads; the file
    holds the CR (checked below), and a lone CR comes back as it is."""
    if value is None or value == "":
        return ("", False)
    value = value.replace("\r\n", "\n")
    raw = value.encode()
    if len(raw) <= CELL_BYTES:
        return (value, True)
    cut = raw[:CELL_BYTES - len(CUT_MARKER)]
    return (cut.decode("utf-8", errors="ignore") + CUT_MARKER, True)


def as_number(value):
    return None if value is None else float(value)


def same(cell, expected, what):
    """A number to 15 significant digits: what a spreadsheet holds and LibreOffice writes back
    (libxlsxwriter writes 16); the opendata CSV and jsonl keep every bit."""
    if expected is None:
        ok = cell == ("", False)
    elif isinstance(expected, float):
        ok = not cell[1] and abs(float(cell[0]) - expected) <= 1e-15 * max(1.0, abs(expected))
    else:
        ok = cell == expected
    if not ok:
        check(False, f"{what}: {cell[0][:60]!r} (quoted {cell[1]}) != {str(expected)[:60]!r}")
    return ok


# answers: one row per answer, every cell.
rows = sheets["answers"]
check([c[0] for c in rows[0]][:3] == ["response_uuid", "kiosk_id", "survey_id"], "answers: header row")
check(len(rows) - 1 == len(answers), f"answers: {len(rows) - 1} rows for {len(answers)} answers")
bad = 0
for row, a in zip(rows[1:], answers):
    cells = dict(zip([c[0] for c in rows[0]], row))
    expected = {
        "response_uuid": (a["uuid"], True), "kiosk_id": (a["kiosk_id"], True), "survey_id": (a["survey_id"], True),
        "survey_version": float(a["survey_version"]), "language": (a["language"], True),
        "status": (a["status"], True), "submitted_at": (local(a["submitted_at"]), False),
        "submitted_at_utc": (a["submitted_at"], True), "question_id": (a["question_id"], True),
        "option_id": as_text(a["option_id"]), "text": as_text(a["text"]), "number": as_number(a["number"]),
        "plan_id": as_text(a["plan_id"]), "x": as_number(a["x"]), "y": as_number(a["y"]),
    }
    bad += sum(not same(cells[k], v, f"answers {a['uuid']} {a['question_id']} {k}") for k, v in expected.items())
check(bad == 0, "answers: every cell equals the database, texts as text, numbers and dates as values")

# The survey's sheet: one row per response; free text `idee` as text, whatever it looks like.
rows = sheets["usages-espaces-publics"]
header = [c[0] for c in rows[0]]
check(len(rows) - 1 == len(responses), f"survey sheet: {len(rows) - 1} rows for {len(responses)} responses")
ideas = {a["uuid"]: a["text"] for a in answers if a["question_id"] == "idee"}
bad = 0
for row, r in zip(rows[1:], responses):
    cells = dict(zip(header, row))
    expected = {"uuid": (r["uuid"], True), "is_test": float(r["is_test"]), "duration_ms": float(r["duration_ms"]),
                "started_at": (local(r["started_at"]), False), "started_at_utc": (r["started_at"], True),
                "idee": as_text(ideas.get(r["uuid"]))}
    bad += sum(not same(cells[k], v, f"survey sheet {r['uuid']} {k}") for k, v in expected.items())
check(bad == 0, "survey sheet: identity, test flag, times and free text equal the database")
for hostile_text in ("007", "1/2", "+33 6 12 34 56 78", '=HYPERLINK("http://x","y")', "=1+1", "TRUE",
                     "_x000D_ tel quel"):
    check((hostile_text, True) in [dict(zip(header, row))["idee"] for row in rows[1:]],
          f"{hostile_text!r} is shown as that text, no apostrophe")

# Texts longer than a cell: cut with the marker above, whole in long_texts, in order, once per
# cell cut (the answers sheet's text; the survey sheet's free-text column).
too_long = {(a["uuid"], a["question_id"]): a["text"] for a in answers
            if a["text"] and len(a["text"].encode()) > CELL_BYTES}
cut_cells = [(u, "answers", "text") for u, q in too_long] + [(u, "usages-espaces-publics", q)
                                                                  for u, q in too_long if q == "idee"]
whole = {}
for row in sheets["long_texts"][1:]:
    whole.setdefault((row[0][0], row[1][0], row[2][0]), []).append((float(row[3][0]), row[4][0]))
check(len(too_long) == 2 and sorted(whole) == sorted(cut_cells), f"long_texts: a part list per cut cell {sorted(whole)}")
texts_of = {u: t for (u, q), t in too_long.items()}
check(all("".join(t for _, t in sorted(parts)) == texts_of[key[0]] and len(parts) >= 2
          for key, parts in whole.items()), "long_texts: the parts joined are the whole text")

# about: the markers first — the demo content's (this export runs on it), then the test
# response's — and the time zone of the local times.
about = sheets["about"]
check(about[1][0][0] == "EXAMPLE" and "demo content" in about[1][1][0], "about starts with the example marker")
check(about[2][0][0] == "WARNING" and "1 test response" in about[2][1][0], "then the test marker")
check(any(r[0][0] == "local_time_zone" and r[1][0].startswith("Europe/Paris") for r in about),
      "about names the time zone")
# columns: each question of the survey with its type and text.
columns = {r[1][0]: r for r in sheets["columns"][1:] if r[0][0] == "usages-espaces-publics"}
check(columns.get("idee", [("", 0)] * 4)[3][0] == "free_text", "columns describes the free-text question")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
