#!/usr/bin/env python3
"""Several kiosks, one database: kiosk-sync's postgres destination against a real PostgreSQL 15.

A cluster is made and started in the scratch directory (support/postgres_server.py). Then,
as the README tells a city to do it:
  - the DBA creates the schema with the script `kiosk-sync postgres-schema` prints, as the
    database's owner, and gives each kiosk a role that may only insert (README's GRANTs);
  - three kiosks (three databases made with kiosk-fill, three kiosk ids, three roles)
    deliver at the same time: the server holds every response exactly once, with its answers;
  - a kiosk role cannot read the answers (its own or another kiosk's); the analysts' views
    give one row per answer and one row per response of each survey;
  - three kiosk-sync runs with the owner's role migrate an empty schema at the same moment:
    one migration, three successful deliveries;
  - a batch id already in the database with other contents stops the run (exit 4) and
    writes nothing; a wrong password is refused (exit 4); a password in the URI is a
    configuration error (exit 1).

usage: sync_postgres_test.py KIOSK_SYNC KIOSK_FILL SOURCE_DIR SCRATCH_DIR
"""
import os
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from postgres_server import PostgresServer  # noqa: E402
from sync_fixture import Checks, database_uuids, fresh_dir, write_config  # noqa: E402

kiosk_sync, kiosk_fill, source, scratch = sys.argv[1:5]
scratch = fresh_dir(scratch)
check = Checks()
server = PostgresServer(scratch)

KIOSKS = ["fauvettes-mdp-01", "fauvettes-chariot", "mairie-accueil"]
GRANTS = """
GRANT USAGE ON SCHEMA kiosk TO kiosk_writer;
GRANT SELECT ON kiosk.schema_migrations, kiosk.batches TO kiosk_writer;
GRANT INSERT ON kiosk.kiosks, kiosk.surveys, kiosk.questions, kiosk.options, kiosk.batches,
                kiosk.responses, kiosk.answers TO kiosk_writer;
"""


def secrets_file(directory, passwords):
    path = directory / "sync-secrets.toml"
    path.write_text("[passwords]\n" + "".join(f'{k} = "{v}"\n' for k, v in passwords.items()))
    os.chmod(path, 0o600)
    return path


def make_kiosk(name, index, role, password, schema="kiosk", count=40):
    directory = fresh_dir(scratch / name)
    secrets = secrets_file(directory, {"base-ville": password})
    config = write_config(directory, source, [
        {"name": "base-ville", "postgres": server.uri(role, "city"), "password": "base-ville", "schema": schema,
         "batch_size": 15}], secrets=secrets, kiosk_id=name)
    for n, survey in enumerate(["usages-espaces-publics", "futur-square"]):
        run = subprocess.run([kiosk_fill, "--config", str(config), "--survey", survey, "--count", str(count),
                              "--seed", str(100 * index + n)], capture_output=True, text=True)
        check(run.returncode == 0, f"kiosk-fill {name} {survey}: {run.stderr}")
    return directory, config


def sync(config, *extra):
    return subprocess.Popen([kiosk_sync, "--config", str(config), "run", *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def answers_in(directory):
    con = sqlite3.connect(f"file:{directory / 'responses.db'}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM answer").fetchone()[0]
    finally:
        con.close()


try:
    server.psql("CREATE ROLE city_owner LOGIN PASSWORD 'owner-secret'")
    server.psql("CREATE DATABASE city OWNER city_owner")

    # The DBA's way: the printed script, run once by the owner.
    script = subprocess.run([kiosk_sync, "postgres-schema"], capture_output=True, text=True, check=True).stdout
    check("CREATE TABLE responses" in script and "BEGIN" in script, "postgres-schema prints the schema")
    server.psql(script, database="city", user="city_owner", password="owner-secret")
    check(server.scalar("SELECT max(version) FROM kiosk.schema_migrations", database="city") == "1",
          "the printed script leaves the schema at version 1")
    server.psql("CREATE ROLE kiosk_writer NOLOGIN")  # roles are the cluster administrator's
    server.psql(GRANTS, database="city", user="city_owner", password="owner-secret")
    for i, name in enumerate(KIOSKS):
        server.psql(f"CREATE ROLE kiosk_{i} LOGIN PASSWORD 'pw-{i}' IN ROLE kiosk_writer")

    # Three kiosks deliver at once, each with its insert-only role.
    kiosks = [make_kiosk(name, i, f"kiosk_{i}", f"pw-{i}") for i, name in enumerate(KIOSKS)]
    runs = [sync(config) for _, config in kiosks]
    for (directory, _), run in zip(kiosks, runs):
        out = run.communicate(timeout=120)[0]
        check(run.returncode == 0, f"kiosk-sync {directory.name} exits 0 (got {run.returncode}): {out}")

    expected = sorted(u for directory, _ in kiosks for u in database_uuids(directory / "responses.db"))
    in_server = sorted(r[0] for r in server.psql("SELECT uuid FROM kiosk.responses", database="city"))
    check(len(expected) == 3 * 80, f"three kiosks recorded 240 responses ({len(expected)})")
    check(in_server == expected, f"the server holds every response exactly once ({len(in_server)} rows, "
          f"{len(set(in_server))} distinct, {len(expected)} expected)")
    answers = sum(answers_in(directory) for directory, _ in kiosks)
    check(server.scalar("SELECT count(*) FROM kiosk.answers", database="city") == str(answers),
          f"every answer is there ({answers})")
    check(server.scalar("SELECT count(*) FROM kiosk.kiosks", database="city") == "3", "three kiosks recorded")
    batches = server.scalar("SELECT count(*) || ' ' || sum(responses) FROM kiosk.batches", database="city")
    check(batches.split()[1] == "240", f"the batches account for every response ({batches})")

    # Run again: nothing new, nothing delivered twice.
    again = sync(kiosks[0][1])
    again.communicate(timeout=60)
    check(again.returncode == 0, "a second run exits 0")
    check(server.scalar("SELECT count(*) FROM kiosk.responses", database="city") == "240", "still 240 responses")

    # The same responses in batches of other ids (another destination name, another batch
    # size, into the same schema): each response is still there once, with its answers once.
    directory, _ = kiosks[0]
    secrets = directory / "sync-secrets.toml"
    bis = write_config(directory, source, [
        {"name": "base-ville-bis", "postgres": server.uri("kiosk_0", "city"), "password": "base-ville",
         "batch_size": 7}], secrets=secrets, kiosk_id=KIOSKS[0])
    run = sync(bis)
    out = run.communicate(timeout=60)[0]
    check(run.returncode == 0, f"overlapping batches are delivered: {out}")
    check(server.scalar("SELECT count(*) FROM kiosk.responses", database="city") == "240",
          "overlapping batches add no response")
    check(server.scalar("SELECT count(*) FROM kiosk.answers", database="city") == str(answers),
          "overlapping batches add no answer")
    batches_0 = server.scalar(f"SELECT count(*) || ' ' || sum(responses) FROM kiosk.batches "
                              f"WHERE kiosk_id = '{KIOSKS[0]}'", database="city")
    check(batches_0 == "18 160", f"the overlapping batches are recorded: 6 of 15 and 12 of 7 ({batches_0})")

    # A kiosk's role cannot read what kiosks delivered.
    for table in ("answers", "responses", "answers_long"):
        denied = server.psql(f"SELECT count(*) FROM kiosk.{table}", database="city", user="kiosk_1",
                             password="pw-1", check=False)
        check(denied.returncode != 0 and "permission denied" in denied.stderr,
              f"kiosk_1 cannot read kiosk.{table}: {denied.stderr.strip()}")

    # The analysts' views.
    long_rows = server.scalar("SELECT count(*) FROM kiosk.answers_long", database="city")
    check(long_rows == str(answers), f"answers_long: one row per answer ({long_rows})")
    labelled = server.scalar("SELECT count(*) FROM kiosk.answers_long WHERE question_text IS NULL",
                             database="city")
    check(labelled == "0", f"answers_long: every answer has its question's text ({labelled} without)")
    for survey in ("usages-espaces-publics", "futur-square"):
        view = "wide_" + survey.replace("-", "_")
        rows = server.scalar(f"SELECT count(*) FROM kiosk.{view}", database="city")
        wanted = server.scalar(f"SELECT count(*) FROM kiosk.responses WHERE survey_id = '{survey}'", database="city")
        check(rows == wanted and int(rows) > 0, f"{view}: one row per response ({rows} of {wanted})")
    columns = [r[0] for r in server.psql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'kiosk' "
        "AND table_name = 'wide_futur_square' ORDER BY ordinal_position", database="city")]
    check(columns[0] == "response_uuid" and len(columns) > 12, f"wide_futur_square has a column per question: {columns}")

    # Three owners' kiosk-syncs migrate an empty schema at the same moment.
    owners = [make_kiosk(f"owner-{i}", 10 + i, "city_owner", "owner-secret", schema="concurrent", count=5)
              for i in range(3)]
    runs = [sync(config) for _, config in owners]
    for (directory, _), run in zip(owners, runs):
        out = run.communicate(timeout=120)[0]
        check(run.returncode == 0, f"concurrent migration: kiosk-sync {directory.name} exits 0: {out}")
    check(server.scalar("SELECT count(*) FROM concurrent.schema_migrations", database="city") == "1",
          "the schema was migrated once")
    check(server.scalar("SELECT count(*) FROM concurrent.responses", database="city") == "30",
          "and holds the three kiosks' 30 responses")

    # A batch id already there with other contents: refused, nothing written.
    directory, config = kiosks[2]
    first = server.scalar(f"SELECT min(batch_id) FROM kiosk.batches WHERE kiosk_id = '{KIOSKS[2]}'", database="city")
    server.psql(f"UPDATE kiosk.batches SET content_sha256 = 'autre' WHERE batch_id = '{first}'", database="city")
    (directory / "sync-state.db").unlink()
    for suffix in ("-wal", "-shm"):
        (directory / ("sync-state.db" + suffix)).unlink(missing_ok=True)
    refused = sync(config)
    out = refused.communicate(timeout=60)[0]
    check(refused.returncode == 4, f"a batch with other contents stops the run with exit 4 (got {refused.returncode})")
    check("other contents" in out and first in out, f"and says which batch: {out.strip()}")
    check(server.scalar("SELECT count(*) FROM kiosk.responses", database="city") == "240", "nothing was written")

    # A wrong password is refused; a password in the URI is a configuration error.
    bad_dir, bad_config = make_kiosk("mauvais-mot-de-passe", 20, "kiosk_0", "pas-le-bon", count=2)
    bad = sync(bad_config)
    out = bad.communicate(timeout=60)[0]
    check(bad.returncode == 4 and "password authentication failed" in out,
          f"a wrong password: exit 4 with the server's reason (got {bad.returncode}: {out.strip()})")
    leaky = write_config(fresh_dir(scratch / "fuite"), source, [
        {"name": "base-ville", "postgres": f"postgresql://kiosk_0:pw-0@127.0.0.1:{server.port}/city"}])
    run = subprocess.run([kiosk_sync, "--config", str(leaky), "check"], capture_output=True, text=True)
    check(run.returncode == 1 and "holds a password" in run.stderr,
          f"a password in the URI: exit 1 naming the problem ({run.returncode}: {run.stderr.strip()})")
finally:
    server.close()
check.exit()
