#!/usr/bin/env python3
"""kiosk-sync SIGKILLed at random moments while delivering into PostgreSQL, and the server
itself crashed (immediate stop) in the middle of batches.

One kiosk keeps recording (kiosk-fill in a loop) while, KILLS times (>= 100), `kiosk-sync
run` is started and SIGKILLed after a random delay, and SERVER_CRASHES times (>= 10) the
server is stopped as a crash would while kiosk-sync is loading, then started again. After
every step the database is looked at as an analyst would: nothing partial is visible (every
delivered batch holds exactly its responses and answers, and nothing else is there), no
batch id has two contents, and no run was refused. At the end one clean run: every response
of the kiosk's database is in the server exactly once.

usage: sync_postgres_kill_test.py KIOSK_SYNC KIOSK_FILL SOURCE_DIR SCRATCH_DIR [KILLS] [SERVER_CRASHES]
"""
import os
import random
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from postgres_server import PostgresServer  # noqa: E402
from sync_fixture import Checks, Recording, database_uuids, fresh_dir, write_config  # noqa: E402

kiosk_sync, kiosk_fill, source, scratch = sys.argv[1:5]
kills = int(sys.argv[5]) if len(sys.argv) > 5 else 100
crashes = int(sys.argv[6]) if len(sys.argv) > 6 else 10
scratch = fresh_dir(scratch)
check = Checks()
rng = random.Random(20261205)
server = PostgresServer(scratch)

server.psql("CREATE ROLE city_owner LOGIN PASSWORD 'owner-secret'")
server.psql("CREATE DATABASE city OWNER city_owner")
secrets = scratch / "sync-secrets.toml"
secrets.write_text('[passwords]\nbase-ville = "owner-secret"\n')
os.chmod(secrets, 0o600)
config = write_config(scratch, source, [
    {"name": "base-ville", "postgres": server.uri("city_owner", "city"), "password": "base-ville",
     "batch_size": 25, "timeout_seconds": 5}], secrets=secrets)

recording = Recording(kiosk_fill, config, 8)
problems = []
refusals = []
outcomes = {"killed while running": 0, "had finished": 0, "cut off by the server crash": 0}
CONSISTENT = """
SELECT (SELECT count(*) FROM kiosk.batches b WHERE b.responses <>
            (SELECT count(*) FROM kiosk.responses r WHERE r.batch_id = b.batch_id)
         OR b.answers <> (SELECT count(*) FROM kiosk.answers a JOIN kiosk.responses r ON r.uuid = a.response_uuid
                          WHERE r.batch_id = b.batch_id)) || ' ' ||
       (SELECT count(*) FROM kiosk.answers_long) || ' ' || (SELECT coalesce(sum(answers), 0) FROM kiosk.batches)
"""


def look():
    """What an analyst sees: no batch short of a response or an answer, no answer outside a batch."""
    try:
        bad, visible, accounted = server.scalar(CONSISTENT, database="city").split()
    except AssertionError as e:  # the schema is not there yet (no delivery so far)
        if "does not exist" in str(e):
            return
        raise
    if bad != "0" or visible != accounted:
        problems.append(f"{bad} partial batch(es); {visible} answers visible, {accounted} in batches")


def run_and_kill(delay, crash_server=False):
    process = subprocess.Popen([kiosk_sync, "--config", str(config), "run", "--wait-lock", "5"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    time.sleep(delay)
    if crash_server:
        server.restart_immediately()
    else:
        process.send_signal(signal.SIGKILL)
    out = process.communicate(timeout=60)[0]
    if process.returncode == 4:
        refusals.append(out)
    if process.returncode == -signal.SIGKILL:
        outcomes["killed while running"] += 1
    elif process.returncode == 3 and crash_server:
        outcomes["cut off by the server crash"] += 1
    else:
        outcomes["had finished"] += 1


# Kill within the time a typical run takes here (this machine, this build: the sanitizers'
# is slower): measured on a run delivering what the recorder adds between two steps, once
# the schema exists — a fixed window let most runs finish first on a quiet machine.
fill_8 = [kiosk_fill, "--config", str(config), "--survey", "usages-espaces-publics", "--count", "8"]
subprocess.run(fill_8, check=True, capture_output=True)
subprocess.run([kiosk_sync, "--config", str(config), "run"], check=True, capture_output=True)  # the schema
subprocess.run(fill_8, check=True, capture_output=True)
start = time.monotonic()
subprocess.run([kiosk_sync, "--config", str(config), "run"], check=True, capture_output=True)
run_seconds = time.monotonic() - start
recording.start()
try:
    steps = ["kill"] * kills + ["crash"] * crashes
    rng.shuffle(steps)
    for step in steps:
        run_and_kill(rng.uniform(0.0, run_seconds), crash_server=(step == "crash"))
        look()
finally:
    recording.stop()

try:
    final = subprocess.run([kiosk_sync, "--config", str(config), "run"], capture_output=True, text=True)
    check(final.returncode == 0, f"the clean run exits 0: {final.stdout}{final.stderr}")
    look()
    expected = sorted(database_uuids(scratch / "responses.db"))
    delivered = sorted(r[0] for r in server.psql("SELECT uuid FROM kiosk.responses", database="city"))
    batches = server.scalar("SELECT count(*) FROM kiosk.batches", database="city")
    check(not recording.errors, f"kiosk-fill kept recording ({len(recording.errors)} errors: {recording.errors[:1]})")
    check(len(expected) > 200, f"responses recorded meanwhile: {len(expected)}")
    check(delivered == expected, f"every response exactly once: {len(delivered)} rows "
          f"({len(set(delivered))} distinct) for {len(expected)} recorded, in {batches} batches")
    check(not problems, f"nothing partial was ever visible: {problems[:3]}")
    check(not refusals, f"no run was refused (a batch with two contents): {refusals[:1]}")
    print(f"{kills} kills, {crashes} server crashes, {len(expected)} responses in {batches} batches; runs: {outcomes}")
    check(outcomes["killed while running"] >= kills // 2, "most kills hit a running kiosk-sync")
finally:
    server.close()
check.exit()
