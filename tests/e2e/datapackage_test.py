#!/usr/bin/env python3
"""datapackage.json and pins.geojson read by independent tools (issue 15):

- a batch made with kiosk-fill and delivered to a `dir` destination in both CSV profiles;
- its datapackage.json validated by the Frictionless JavaScript libraries (npm `datapackage`
  and `tableschema`, installed by install_validator.sh): the descriptor, then every row of
  every CSV cast against its Table Schema, keys and foreign keys included. excel-fr: the
  libraries read its ';' and decimal comma but not its byte order mark, so they get a copy
  without the BOM (docs/export-formats.md);
- a broken CSV (an option id that is not an option, an answer of an unknown response) fails;
- pins.geojson opened by GDAL (ogrinfo): WGS84 points where the plan's [georef] puts them.

usage: datapackage_test.py KIOSK_SYNC KIOSK_FILL SOURCE_DIR SCRATCH_DIR NODE_MODULES"""
import csv
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tomllib

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "support"))
from sync_fixture import Checks, dir_batches, fresh_dir, write_config  # noqa: E402

kiosk_sync, kiosk_fill, source, scratch, node_modules = sys.argv[1:6]
source = pathlib.Path(source).resolve()
scratch = fresh_dir(scratch)
check = Checks()
validator = pathlib.Path(__file__).resolve().parent / "datapackage" / "validate.js"


def validate(descriptor):
    env = dict(os.environ, NODE_PATH=node_modules)
    run = subprocess.run(["node", str(validator), str(descriptor)], capture_output=True, text=True, env=env)
    return run.returncode, (run.stdout + run.stderr).strip()


config = write_config(scratch, source, [{"name": "od", "dir": str(scratch / "od")},
                                        {"name": "xl", "dir": str(scratch / "xl"), "profile": "excel-fr"}])
subprocess.run([kiosk_fill, "--config", str(config), "--survey", "usages-espaces-publics", "--count", "60",
                "--seed", "7"], check=True, capture_output=True)
run = subprocess.run([kiosk_sync, "--config", str(config), "run"], capture_output=True, text=True)
check(run.returncode == 0, f"kiosk-sync run: exit 0 (got {run.returncode}: {run.stderr.strip()[-300:]})")

od, = dir_batches(scratch / "od")
xl, = dir_batches(scratch / "xl")
manifest = json.loads((od / "manifest.json").read_text())
listed = {f["name"]: f for f in manifest["files"]}
check("datapackage.json" in listed and listed["datapackage.json"]["format"] == "datapackage",
      "the manifest lists datapackage.json with its SHA-256")

# 1. opendata, as written.
code, out = validate(od / "datapackage.json")
check(code == 0 and "answers:" in out and "responses-usages-espaces-publics:" in out,
      f"opendata: the package and every row are valid ({out[-400:]})")

# 2. excel-fr: the same without the BOM (see the docstring).
plain = scratch / "xl-without-bom"
shutil.copytree(xl, plain)
for f in plain.glob("*.csv"):
    data = f.read_bytes()
    check(data.startswith(b"\xef\xbb\xbf"), f"excel-fr: {f.name} starts with a BOM")
    f.write_bytes(data[3:])
package = json.loads((plain / "datapackage.json").read_text())
check(all(r["dialect"]["delimiter"] == ";" for r in package["resources"]), "excel-fr: the dialect says ';'")
code, out = validate(plain / "datapackage.json")
check(code == 0 and "answers:" in out, f"excel-fr: every row is valid with ';' and decimal commas ({out[-400:]})")

# 3. Broken data must fail: the validator really reads the rows.
def broken(name, edit):
    copy = scratch / ("broken-" + name)
    shutil.copytree(od, copy)
    edit(copy)
    return validate(copy / "datapackage.json")


def bad_option(copy):
    f = copy / "responses-usages-espaces-publics.csv"
    rows = list(csv.reader(f.read_text(encoding="utf-8").splitlines()))
    column = rows[0].index("frequence")
    row = next(r for r in rows[1:] if r[column])
    row[column] = "pas-une-option"
    with open(f, "w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\r\n").writerows(rows)


def unknown_response(copy):
    f = copy / "answers.csv"
    lines = f.read_bytes().split(b"\r\n")
    lines[1] = b"00000000-0000-4000-8000-000000000000" + lines[1][36:]
    f.write_bytes(b"\r\n".join(lines))


code, out = broken("option", bad_option)
check(code != 0 and "pas-une-option" in out and "enum" in out,
      f"an option id that is not an option fails validation ({out[-300:]})")
code, out = broken("foreign-key", unknown_response)
check(code != 0 and re.search(r"foreign", out, re.I) is not None,
      f"an answer of an unknown response fails the foreign key ({out[-300:]})")

# 4. pins.geojson in GDAL: WGS84, where the plan's control points put the pins.
plans = {}
for path in (source / "config" / "content" / "plans").glob("*.toml"):
    plan = tomllib.loads(path.read_text(encoding="utf-8"))
    if "georef" in plan:
        plans[plan["id"]] = plan["georef"]["point"]
info = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(od / "pins.geojson")], capture_output=True, text=True)
check(info.returncode == 0 and "WGS 84" in info.stdout, f"ogrinfo reads pins.geojson as WGS 84 ({info.stderr[-200:]})")
features = subprocess.run(["ogrinfo", "-ro", "-al", "-q", str(od / "pins.geojson")], capture_output=True, text=True)
points = re.findall(r"plan_id \(String\) = (\S+).*?plan_x \(Real\) = (\S+)\s+plan_y \(Real\) = (\S+).*?"
                    r"POINT \(([-\d.]+) ([-\d.]+)\)", features.stdout, re.S)
check(len(points) == json.loads((od / "pins.geojson").read_text())["features"].__len__() and points,
      f"ogrinfo lists every pin ({len(points)})")
worst = 0.0
for plan_id, px, py, lon, lat in points:
    # The demo's control points are the drawing's corners, north up: interpolate between them.
    corners = plans[plan_id]
    x0 = min(p["at"][0] for p in corners); x1 = max(p["at"][0] for p in corners)
    y0 = min(p["at"][1] for p in corners); y1 = max(p["at"][1] for p in corners)
    lon0 = next(p["lon"] for p in corners if p["at"][0] == x0); lon1 = next(p["lon"] for p in corners if p["at"][0] == x1)
    lat0 = next(p["lat"] for p in corners if p["at"][1] == y0); lat1 = next(p["lat"] for p in corners if p["at"][1] == y1)
    want_lon = lon0 + (lon1 - lon0) * (float(px) - x0) / (x1 - x0)
    want_lat = lat0 + (lat1 - lat0) * (float(py) - y0) / (y1 - y0)
    worst = max(worst, abs(float(lon) - want_lon), abs(float(lat) - want_lat))
check(points and worst < 1e-6, f"every pin is at its expected lon/lat within 1e-6° (worst {worst:.2e}°)")
check(json.loads((od / "pins-plan.geojson").read_text())["features"] == [],
      "pins-plan.geojson is empty: both demo plans with pins are georeferenced")
check(all(48.86 < float(lat) < 48.87 and 2.52 < float(lon) < 2.545 for _, _, _, lon, lat in points),
      "the pins lie in the demo neighbourhood (Neuilly-sur-Marne)")

check.exit()
