#!/usr/bin/env python3
"""kiosk-sync killed with SIGKILL at random moments while responses keep being recorded.

Two destinations at once: a directory (a share / USB key) and a local HTTPS receiver.
KILLS times (>= 100): start `kiosk-sync run`, SIGKILL it after a random delay, then look at
the directory as a person opening the share would: every visible entry must be a complete
batch (manifest present, every file listed and matching its SHA-256, nothing else), and a
batch id seen before must still have the same manifest. Meanwhile kiosk-fill keeps
recording. At the end one clean run, then: every response in the database is in the
directory exactly once and at the receiver exactly once, and the receiver never saw a
batch id with two contents.

usage: sync_kill_test.py KIOSK_SYNC KIOSK_FILL SOURCE_DIR SCRATCH_DIR [KILLS]
"""
import collections
import os
import random
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "support"))
from sync_fixture import (Checks, Receiver, Recording, check_batch_dir, database_uuids, dir_batches, dir_uuids,  # noqa: E402
                          fresh_dir, write_config)

kiosk_sync, kiosk_fill, source, scratch = sys.argv[1:5]
kills = int(sys.argv[5]) if len(sys.argv) > 5 else 120
scratch = fresh_dir(scratch)
check = Checks()
rng = random.Random(20261201)

receiver = Receiver(scratch, seed=3)
share = fresh_dir(scratch / "share")
config = write_config(scratch, source, [
    {"name": "partage", "dir": str(share), "batch_size": 9, "profile": "excel-fr"},
    {"name": "api-ville", "url": receiver.url, "ca_file": receiver.ca_file, "batch_size": 7,
     "timeout_seconds": 5, "retry_initial_seconds": 0.05, "retry_max_seconds": 0.2},
])

recording = Recording(kiosk_fill, config, 6)


problems = []
manifests = {}  # batch id → manifest text first seen
outcomes = collections.Counter()
try:
    subprocess.run([kiosk_fill, "--config", str(config), "--survey", "usages-espaces-publics", "--count", "40"],
                   check=True, capture_output=True)
    # Kill within the time a whole run takes here (longer under the sanitizers), measured on a
    # run that delivers the first responses.
    start = time.monotonic()
    subprocess.run([kiosk_sync, "--config", str(config), "run"], check=True, capture_output=True)
    run_seconds = time.monotonic() - start
    recording.start()
    i = 0
    while outcomes["killed"] < kills and i < 4 * kills:
        i += 1
        process = subprocess.Popen([kiosk_sync, "--config", str(config), "run"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        # From "before it opened anything" to "in the middle of a batch".
        time.sleep(rng.uniform(0.0, run_seconds))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            outcomes["killed"] += 1
        else:
            outcomes[f"finished ({process.returncode})"] += 1
        _, stderr = process.communicate()
        if process.returncode not in (0, -signal.SIGKILL):
            problems.append(f"run {i} exited {process.returncode}: {stderr.strip()[-300:]}")
        for d in dir_batches(share):
            problem = check_batch_dir(d)
            if problem:
                problems.append(f"after kill {i + 1}: {problem}")
            text = (d / "manifest.json").read_text() if (d / "manifest.json").exists() else ""
            if manifests.setdefault(d.name, text) != text:
                problems.append(f"after kill {i + 1}: batch {d.name} changed content")
except BaseException:
    receiver.stop()
    raise
finally:
    recording.stop()

try:
    print(f"{sum(outcomes.values())} runs (a whole run: {run_seconds * 1000:.0f} ms): {dict(outcomes)}; "
          f"{len(manifests)} batch directories seen")
    # One batch per six kills at least (20 for the 120 kills of the normal build, 6 for the 40
    # of the sanitizer build): kills land after deliveries too, not only during start-up.
    check(len(manifests) >= max(5, kills // 6), f"batches were delivered between kills ({len(manifests)} seen)")
    check(outcomes["killed"] >= kills, f"{outcomes['killed']} runs killed by SIGKILL (>= {kills})")
    check(not recording.errors, f"recording never failed meanwhile ({len(recording.errors)} errors)")
    check(not problems, "no partial or changed batch was ever visible in the share, no run failed" +
          ("" if not problems else ": " + "; ".join(problems[:5])))

    final = subprocess.run([kiosk_sync, "--config", str(config), "run"], capture_output=True, text=True)
    check(final.returncode == 0, f"a clean run afterwards delivers the rest (exit {final.returncode})")
    expected = database_uuids(scratch / "responses.db")
    in_share = dir_uuids(share)
    check(len(expected) > 100, f"{len(expected)} responses recorded in all")
    check(sorted(in_share) == sorted(expected), f"share: every response exactly once ({len(in_share)} delivered)")
    summary = receiver.summary()
    check(sorted(receiver.uuids()) == sorted(expected) and not summary["duplicate_uuids"],
          f"receiver: every response exactly once ({summary['responses']} stored)")
    check(summary["violations"] == 0, "receiver: no batch id ever came with two contents")
    check(all(check_batch_dir(d) is None for d in dir_batches(share)), "every batch in the share is complete")
    hidden = [p.name for p in share.iterdir() if p.name.startswith(".")]
    check(not hidden, f"no staging directory left after the clean run ({hidden})")
finally:
    receiver.stop()
check.exit()
