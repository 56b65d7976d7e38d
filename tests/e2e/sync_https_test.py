#!/usr/bin/env python3
"""kiosk-sync → a real HTTPS receiver on localhost that fails on purpose.

The receiver (support/https_receiver.py) answers 30 % of requests with 500/503, closes the
connection mid-reply after storing 10 % of them, and is slower than the client's time-out
for 10 %. Responses keep being recorded between runs. After repeated runs the receiver must
hold every response exactly once by UUID and nothing else, without a batch id ever naming
two contents. Then: a secrets file readable by others is refused; a wrong token, a
certificate from an unknown CA are refused with a clear message.

usage: sync_https_test.py KIOSK_SYNC KIOSK_FILL SOURCE_DIR SCRATCH_DIR
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from sync_fixture import Checks, Receiver, database_uuids, fresh_dir, write_config  # noqa: E402

kiosk_sync, kiosk_fill, source, scratch = sys.argv[1:5]
scratch = fresh_dir(scratch)
check = Checks()
TOKEN = "jeton-de-test-4f1c"

receiver = Receiver(scratch, token=TOKEN, seed=7, fail_rate=0.3, drop_rate=0.1, slow_rate=0.1, slow_seconds=2.5)
try:
    secrets = scratch / "sync-secrets.toml"
    secrets.write_text(f'[tokens]\nville = "{TOKEN}"\nmauvais = "pas-le-bon"\n')
    os.chmod(secrets, 0o600)
    destination = {"name": "api-ville", "url": receiver.url, "token": "ville", "ca_file": receiver.ca_file,
                   "timeout_seconds": 1.5, "attempts": 2, "retry_initial_seconds": 0.05, "retry_max_seconds": 0.2,
                   "batch_size": 20}
    config = write_config(scratch, source, [destination], secrets=secrets)
    db = scratch / "responses.db"

    def fill(survey, count, seed):
        subprocess.run([kiosk_fill, "--config", str(config), "--survey", survey, "--count", str(count), "--seed",
                        str(seed)], check=True, capture_output=True)

    def sync(*extra, config_file=config):
        return subprocess.run([kiosk_sync, "--config", str(config_file), "run", *extra], capture_output=True, text=True)

    codes = []
    for round_ in range(8):
        fill("usages-espaces-publics", 30, round_)
        fill("futur-square", 15, 100 + round_)
        run = sync()
        codes.append(run.returncode)
        if run.returncode not in (0, 3):
            print(run.stderr)
    check(all(c in (0, 3) for c in codes), f"runs under failures end delivered (0) or to retry (3): {codes}")
    check(3 in codes, "at least one run had to stop and retry later (the faults are real)")
    for _ in range(40):  # then until everything is there
        last = sync()
        if last.returncode == 0:
            break
    check(last.returncode == 0, f"a later run delivers everything (exit {last.returncode})")

    expected = database_uuids(db)
    summary = receiver.summary()
    got = receiver.uuids()
    check(len(expected) == 8 * 45, f"{len(expected)} responses recorded")
    check(sorted(got) == sorted(expected), f"the receiver holds every response ({summary['unique_uuids']} unique)")
    check(summary["duplicate_uuids"] == [] and summary["responses"] == len(expected),
          f"exactly once: {summary['responses']} stored for {len(expected)} recorded")
    check(summary["violations"] == 0, "no batch id was sent with two different contents")
    log = receiver.decisions()
    for decision in ("fail", "drop", "slow", "duplicate"):
        check(f"decision={decision}" in log, f"the receiver's log shows '{decision}' happened")

    status = json.loads(subprocess.run([kiosk_sync, "--config", str(config), "status", "--json"], check=True,
                                       capture_output=True, text=True).stdout)
    check(status[0]["responses_pending"] == 0 and status[0]["last_error"] == "",
          f"status: nothing pending, no error ({status[0]['responses_pending']}, {status[0]['last_error']!r})")
    check(status[0]["responses_delivered"] == len(expected), "status counts every delivered response")

    # --- refusals: each leaves the receiver untouched and says what to do ---------------
    fill("futur-square", 3, 999)
    before = receiver.summary()["responses"]
    os.chmod(secrets, 0o644)
    run = sync()
    check(run.returncode == 4, f"a secrets file readable by others is refused (exit {run.returncode})")
    check("readable by others" in run.stderr and "chmod 600" in run.stderr, "…with the file and the fix named")
    os.chmod(secrets, 0o600)

    wrong = dict(destination, name="api-ville-mauvais-jeton", token="mauvais", attempts=1)
    run = sync(config_file=write_config(scratch, source, [wrong], secrets=secrets))
    check(run.returncode == 4 and "HTTP 401" in run.stderr,
          f"a wrong token: HTTP 401, exit 4 ({run.returncode}: {run.stderr.strip()[-300:]})")

    unknown_ca = dict(destination, name="api-ville-sans-ca", attempts=1)
    del unknown_ca["ca_file"]
    run = sync(config_file=write_config(scratch, source, [unknown_ca], secrets=secrets))
    check(run.returncode == 4 and "certificate" in run.stderr.lower(),
          f"an unknown CA: TLS verification refuses, exit 4 ({run.returncode}: {run.stderr.strip()[-200:]})")
    check(receiver.summary()["responses"] == before, "nothing reached the receiver through a refused run")
finally:
    receiver.stop()
check.exit()
