#!/usr/bin/env python3
"""kiosk-sync into PostgreSQL: figures, not a pass/fail timing test.

  postgres_bench.py BUILD_DIR [--responses N] [--repeat R]

A real PostgreSQL 15 server is started in a scratch directory (tests/e2e/support/
postgres_server.py), on the same machine, in the same run:
1. A database of N responses (default 1 000 000, cached in BUILD_DIR/bench-data/): 5 000 made
   by kiosk-fill through the kiosk's store, then copied with fresh UUIDs in one SQLite
   transaction up to N (kiosk-fill commits and fsyncs each response: a million would take
   hours on this machine, and the copies have the same shape of answers).
2. References: `psql \\copy` of the same rows (responses and answers, from CSV files written
   beforehand by sqlite3 and not timed) into two plain tables with the same columns, and into
   the tables of the same schema (keys, foreign keys, indexes: what the rows must go into).
3. Ours: `kiosk-sync run` delivering everything to an empty schema (migration, batches of
   100 000, each one transaction: COPY into temporary tables, INSERT … ON CONFLICT DO
   NOTHING into tables with their keys and indexes). Whole process, wall clock. The ratio.
4. Incremental: 100 new responses on top, `kiosk-sync run` timed R times (at least 5);
   against a run with nothing new.
"""
import argparse
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
from postgres_server import PostgresServer  # noqa: E402
from sync_fixture import write_config  # noqa: E402

RESPONSES_CSV = ("SELECT uuid, 'reference', kiosk_id, seq, survey_id, survey_version, language, origin, status, "
                 "CASE is_test WHEN 1 THEN 't' ELSE 'f' END, CASE burst WHEN 1 THEN 't' ELSE 'f' END, "
                 "started_at, submitted_at, duration_ms, paper_date FROM response ORDER BY seq")
ANSWERS_CSV = ("SELECT r.uuid, a.position, a.question_id, a.option_id, a.text, a.number, a.plan_id, a.x, a.y, 'f' "
               "FROM answer a JOIN response r ON r.seq = a.response_seq ORDER BY a.response_seq, a.position")
UUID_V4 = ("lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)), substr(hex(randomblob(2)), 2), "
           "substr('89ab', 1 + abs(random()) % 4, 1), substr(hex(randomblob(2)), 2), hex(randomblob(6))))")
REFERENCE_TABLES = """
CREATE TABLE ref_responses (uuid uuid, batch_id text, kiosk_id text, seq bigint, survey_id text, survey_version bigint,
    language text, origin text, status text, is_test boolean, burst boolean, started_at timestamptz,
    submitted_at timestamptz, duration_ms bigint, paper_date date);
CREATE TABLE ref_answers (response_uuid uuid, position integer, question_id text, option_id text, text text,
    number double precision, plan_id text, x double precision, y double precision, hidden boolean);
"""


def timed(command, **kwargs):
    start = time.perf_counter()
    subprocess.run(command, check=True, **kwargs)
    return time.perf_counter() - start


work = pathlib.Path(tempfile.mkdtemp(prefix="postgres-bench-", dir=build))
server = None
try:
    cache = build / "bench-data" / f"replicated-{args.responses}.db"
    config = write_config(work, source, [])
    if not cache.exists():
        cache.parent.mkdir(parents=True, exist_ok=True)
        base = min(args.responses, 5000)
        print(f"making {args.responses} responses: {base} with kiosk-fill, then copies (cached in {cache}) …",
              flush=True)
        making = cache.with_suffix(".making")
        subprocess.run([fill, "--config", config, "--db", making, "--survey", "usages-espaces-publics", "--count",
                        str(base), "--seed", "7"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        copies = []
        for k in range(1, -(-args.responses // base)):
            n = min(base, args.responses - k * base)
            copies.append(f"""
                INSERT INTO response (seq, uuid, kiosk_id, survey_id, survey_version, language, origin, status,
                                      is_test, burst, started_at, submitted_at, duration_ms, paper_date)
                SELECT seq + {k * base}, {UUID_V4}, kiosk_id, survey_id, survey_version, language, origin, status,
                       is_test, burst, started_at, submitted_at, duration_ms, paper_date
                FROM response WHERE seq <= {n};
                INSERT INTO answer (response_seq, position, question_id, option_id, text, number, plan_id, x, y)
                SELECT response_seq + {k * base}, position, question_id, option_id, text, number, plan_id, x, y
                FROM answer WHERE response_seq <= {n};""")
        subprocess.run(["sqlite3", str(making)], input="BEGIN;" + "".join(copies) + "COMMIT;", text=True, check=True)
        making.rename(cache)
        making.with_suffix(".making.lock").unlink(missing_ok=True)  # kiosk-fill's lock file
    db = work / "responses.db"
    shutil.copy(cache, db)
    server = PostgresServer(work)
    server.psql("CREATE ROLE city_owner LOGIN PASSWORD 'owner-secret'")
    server.psql("CREATE DATABASE city OWNER city_owner")
    secrets = work / "sync-secrets.toml"
    secrets.write_text('[passwords]\nbase-ville = "owner-secret"\n')
    secrets.chmod(0o600)
    config = write_config(work, source, [{"name": "base-ville", "postgres": server.uri("city_owner", "city"),
                                          "password": "base-ville", "batch_size": 100000}], secrets=secrets)

    # --- 2. the reference: psql \copy of the same rows ----------------------------------
    responses_csv, answers_csv = work / "responses.csv", work / "answers.csv"
    for query, path in ((RESPONSES_CSV, responses_csv), (ANSWERS_CSV, answers_csv)):
        with open(path, "wb") as sink:
            subprocess.run(["sqlite3", "-csv", str(db), query], check=True, stdout=sink)
    answers = sum(1 for _ in open(answers_csv, "rb"))
    copies = []
    for _ in range(args.repeat):
        server.psql("DROP TABLE IF EXISTS ref_responses, ref_answers;" + REFERENCE_TABLES, database="city")
        copies.append(timed([str(server.bin / "psql"), "-h", str(server.socket_dir), "-p", str(server.port), "-U",
                             "admin", "-d", "city", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                             "-c", f"\\copy ref_responses FROM '{responses_csv}' CSV",
                             "-c", f"\\copy ref_answers FROM '{answers_csv}' CSV"], stdout=subprocess.DEVNULL))
    reference = min(copies)
    # The same rows into the tables of the same schema (made by our own migration script).
    schema_sql = subprocess.run([sync, "postgres-schema", "--schema", "keyed"], capture_output=True, text=True,
                                check=True).stdout
    keyed_copies = []
    for _ in range(args.repeat):
        server.psql("DROP SCHEMA IF EXISTS keyed CASCADE", database="city")
        server.psql(schema_sql, database="city")
        server.psql("INSERT INTO keyed.kiosks VALUES ('fauvettes-mdp-01'); INSERT INTO keyed.batches VALUES "
                    "('reference', '', 'fauvettes-mdp-01', '', 0, 0, 0, 0, now())",
                    database="city")
        keyed_copies.append(timed([str(server.bin / "psql"), "-h", str(server.socket_dir), "-p", str(server.port),
                                   "-U", "admin", "-d", "city", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                                   "-c", f"\\copy keyed.responses FROM '{responses_csv}' CSV",
                                   "-c", f"\\copy keyed.answers FROM '{answers_csv}' CSV"],
                                  stdout=subprocess.DEVNULL))
    keyed = min(keyed_copies)
    server.psql("DROP SCHEMA keyed CASCADE; DROP TABLE ref_responses, ref_answers", database="city")

    # --- 3. ours: everything into an empty schema ---------------------------------------
    ours = timed([sync, "--config", config, "run"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    delivered = int(server.scalar("SELECT count(*) FROM kiosk.responses", database="city"))
    delivered_answers = int(server.scalar("SELECT count(*) FROM kiosk.answers", database="city"))
    assert delivered == args.responses and delivered_answers == answers, (delivered, delivered_answers)
    print(f"{args.responses} responses, {answers} answers into PostgreSQL 15 (same machine, Unix socket for psql, "
          f"TCP for kiosk-sync):")
    print(f"  psql \\copy from CSV into plain tables (best of {args.repeat})           {reference:7.2f} s")
    print(f"  psql \\copy from CSV into the schema's keyed tables (best of {args.repeat})  {keyed:7.2f} s")
    print(f"  kiosk-sync run, empty schema, batches of 100 000                 {ours:7.2f} s")
    print(f"  ratio kiosk-sync / psql \\copy into plain tables                  {ours / reference:7.2f}")
    print(f"  ratio kiosk-sync / psql \\copy into the same keyed tables         {ours / keyed:7.2f}")

    # --- 4. incremental -------------------------------------------------------------------
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
    if server:
        server.close()
    shutil.rmtree(work, ignore_errors=True)
