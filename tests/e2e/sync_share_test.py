#!/usr/bin/env python3
"""kiosk-sync and a shared directory, end to end (issue 9):

- a `dir` under /mnt without `mount_point` is refused at load, with file:line;
- with `mount_point` and nothing mounted there: exit 3, "not mounted", not a byte written,
  `status` shows nothing delivered; a bind mount of the kiosk's own disk is not a share either;
  a tmpfs mounted there (in a private mount namespace: `unshare`, as root) gets everything;
- two kiosks (two databases, two kiosk ids) delivering to one share at the same time both
  deliver every response (neither removes the other's batch being written).

usage: sync_share_test.py KIOSK_SYNC KIOSK_FILL SOURCE_DIR SCRATCH_DIR
Exits 254 (CTest: skipped) when no private mount namespace can be made here."""
import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "support"))
from sync_fixture import Checks, database_uuids, dir_batches, dir_uuids, fresh_dir, write_config  # noqa: E402

SKIP = 254
kiosk_sync, kiosk_fill, source, scratch = sys.argv[1:5]
scratch = fresh_dir(scratch)
check = Checks()


def fill(config, count, seed):
    subprocess.run([kiosk_fill, "--config", str(config), "--survey", "usages-espaces-publics", "--count", str(count),
                    "--seed", str(seed)], check=True, capture_output=True)


def with_config_id(config, kiosk_id):
    text = config.read_text().replace('id = "fauvettes-mdp-01"', f'id = "{kiosk_id}"', 1)
    config.write_text(text)
    return config


# 1. Under /mnt without mount_point: refused before anything is opened.
bad = fresh_dir(scratch / "bad")
config = write_config(bad, source, [{"name": "mairie", "dir": "/mnt/mairie/maison-du-projet"}])
line = next(i + 1 for i, text in enumerate(config.read_text().splitlines()) if text.startswith("dir ="))
run = subprocess.run([kiosk_sync, "--config", str(config), "run"], capture_output=True, text=True)
check(run.returncode == 1, f"dir under /mnt without mount_point: exit 1 (got {run.returncode})")
check(f"{config}:{line}:" in run.stderr and 'mount_point = "/mnt/mairie"' in run.stderr,
      f"the message names {config.name}:{line} and says what to add ({run.stderr.strip()[-300:]})")
# `kiosk-sync check` (the [sync] check; `kiosk --check-config` leaves [sync] to kiosk-sync) says the same.
check_run = subprocess.run([kiosk_sync, "--config", str(config), "check"], capture_output=True, text=True)
check(check_run.returncode == 1 and f"{config}:{line}:" in check_run.stderr and "mount_point" in check_run.stderr,
      f"kiosk-sync check refuses it at {config.name}:{line} (got {check_run.returncode}: {check_run.stderr.strip()[-200:]})")

# 2. A share's mount point with nothing mounted on it.
kiosk = fresh_dir(scratch / "kiosk")
mount_point = kiosk / "mnt" / "mairie"
mount_point.mkdir(parents=True)
target = mount_point / "maison-du-projet"
config = write_config(kiosk, source, [{"name": "mairie", "dir": str(target), "mount_point": str(mount_point),
                                       "formats": ["jsonl"], "batch_size": 7}])
fill(config, 30, 1)
expected = database_uuids(kiosk / "responses.db")
run = subprocess.run([kiosk_sync, "--config", str(config), "run"], capture_output=True, text=True)
check(run.returncode == 3, f"not mounted: exit 3 (got {run.returncode})")
check("not mounted" in run.stderr, "not mounted: the log says so")
check(not any(mount_point.iterdir()), "not mounted: nothing written under the mount point")
status = json.loads(subprocess.run([kiosk_sync, "--config", str(config), "status", "--json"], capture_output=True,
                                   text=True, check=True).stdout)[0]
check(status["responses_delivered"] == 0 and status["responses_pending"] == 30 and not status["last_delivery_at"]
      and "not mounted" in status["last_error"], f"status: nothing delivered, 30 pending ({status})")

# --to: an unconfigured directory under /media is refused; the configured one keeps its mount_point.
run = subprocess.run([kiosk_sync, "--config", str(config), "run", "--to", "dir:/media/usb"], capture_output=True,
                     text=True)
check(run.returncode == 2 and "mount_point" in run.stderr, f"--to dir:/media/usb: exit 2 (got {run.returncode})")
run = subprocess.run([kiosk_sync, "--config", str(config), "run", "--to", f"dir:{target}"], capture_output=True,
                     text=True)
check(run.returncode == 3 and "not mounted" in run.stderr, f"--to the configured dir: not mounted, exit 3")


def in_namespace(script):
    """Runs `script` (sh) in a private mount namespace: its mounts vanish with it."""
    return subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-ec", script],
                          capture_output=True, text=True)


probe = in_namespace("mount -t tmpfs tmpfs " + str(mount_point))
if probe.returncode != 0:
    print(f"SKIPPED: no private mount namespace here ({probe.stderr.strip()})")
    sys.exit(SKIP)

# A bind mount of a directory of the kiosk's own disk is not a share.
own = fresh_dir(kiosk / "own-disk")
run = in_namespace(f"mount --bind {own} {mount_point}\n"
                   f"{kiosk_sync} --config {config} run && echo rc=0 || echo rc=$?")
check("rc=3" in run.stdout and "not mounted" in run.stderr, f"bind mount of the own disk: not mounted, exit 3")
check(not any(own.iterdir()) and not any(mount_point.iterdir()), "bind mount of the own disk: nothing written")

# A tmpfs mounted there: everything goes, and is copied out before the namespace ends.
copy = kiosk / "delivered"
run = in_namespace(f"mount -t tmpfs -o size=8m tmpfs {mount_point}\n"
                   f"{kiosk_sync} --config {config} run && echo rc=0 || echo rc=$?\n"
                   f"cp -r {target} {copy}")
check("rc=0" in run.stdout, f"mounted: exit 0 ({run.stderr.strip()[-300:]})")
check(sorted(dir_uuids(copy)) == sorted(expected), "mounted: every response delivered onto the share")
check(not any(mount_point.iterdir()), "mounted: nothing on the kiosk's own disk under the mount point")

# 3. Two kiosks, one share, at the same time.
share = fresh_dir(scratch / "share")
runs, expected = [], []
for n, kiosk_id in ((1, "fauvettes-mdp-01"), (2, "fauvettes-mdp-02")):
    k = fresh_dir(scratch / f"kiosk-{n}")
    c = with_config_id(write_config(k, source, [{"name": "mairie", "dir": str(share), "batch_size": 20,
                                                 "formats": ["jsonl", "csv-long", "csv-wide"]}]), kiosk_id)
    fill(c, 600, n)
    expected += database_uuids(k / "responses.db")
    runs.append(c)
procs = [subprocess.Popen([kiosk_sync, "--config", str(c), "run"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) for c in runs]
results = [(p.wait(), p.stderr.read()) for p in procs]
for n, (code, err) in enumerate(results, 1):
    check(code == 0, f"kiosk {n} delivered everything at once with the other: exit {code} ({err.strip()[-300:]})")
check(sorted(dir_uuids(share)) == sorted(expected), f"the share holds all {len(expected)} responses of both kiosks")
check(len(dir_batches(share)) == 60, f"60 batches ({len(dir_batches(share))})")
check.exit()
