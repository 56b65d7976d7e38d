"""Shared pieces of kiosk-sync's end-to-end tests: a scratch kiosk configuration on the demo
content, the local HTTPS receiver (https_receiver.py) with its throw-away CA, and reading
back what the database holds and what each destination received."""
import hashlib
import json
import os
import pathlib
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent


class Checks:
    def __init__(self):
        self.failures = []

    def __call__(self, ok, what):
        print(("ok: " if ok else "FAILED: ") + what, flush=True)
        if not ok:
            self.failures.append(what)

    def exit(self):
        print(f"{len(self.failures)} failure(s)" if self.failures else "all checks passed")
        sys.exit(1 if self.failures else 0)


def fresh_dir(path):
    path = pathlib.Path(path).resolve()
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def write_config(scratch, source, destinations, secrets=None, include_test=True, kiosk_id="fauvettes-mdp-01"):
    """kiosk.toml on the demo content with the database and sync state in `scratch`."""
    source = pathlib.Path(source).resolve()
    lines = [
        "[kiosk]", f'id = "{kiosk_id}"', 'languages = ["fr", "en"]', "",
        "[paths]", f'assets = "{source / "assets"}"', f'content = "{source / "config" / "content"}"',
        f'surveys = "{source / "config" / "surveys"}"', f'database = "{scratch / "responses.db"}"', "",
        "[sync]", f'state = "{scratch / "sync-state.db"}"', f"include_test = {str(include_test).lower()}",
    ]
    if secrets:
        lines.append(f'secrets = "{secrets}"')
    for d in destinations:
        lines += ["", "[[sync.destination]]"]
        for key, value in d.items():
            lines.append(f"{key} = {json.dumps(value)}")
    path = scratch / "kiosk.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


class Receiver:
    """https_receiver.py on 127.0.0.1 with a fresh CA; stops with the test."""

    def __init__(self, scratch, token=None, seed=1, **rates):
        self.ca_dir = fresh_dir(scratch / "ca")
        subprocess.run([str(HERE / "make_test_ca.sh"), str(self.ca_dir)], check=True)
        self.store = fresh_dir(scratch / "receiver")
        port_file = scratch / "receiver.port"
        port_file.unlink(missing_ok=True)
        self.log = scratch / "receiver.log"
        args = [sys.executable, str(HERE / "https_receiver.py"), "--cert", str(self.ca_dir / "server.pem"),
                "--key", str(self.ca_dir / "server.key"), "--store", str(self.store), "--port-file", str(port_file),
                "--seed", str(seed), "--max-seconds", "900", "--log", str(self.log)]
        if token:
            args += ["--token", token]
        for name, value in rates.items():
            args += ["--" + name.replace("_", "-"), str(value)]
        self.process = subprocess.Popen(args)
        deadline = time.monotonic() + 20
        while not port_file.exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise SystemExit("the HTTPS receiver did not start")
            time.sleep(0.05)
        self.url = f"https://127.0.0.1:{port_file.read_text().strip()}/batches"
        self.ca_file = str(self.ca_dir / "ca.pem")

    def summary(self):
        out = subprocess.run([sys.executable, str(HERE / "https_receiver.py"), "--summarize", str(self.store)],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out)

    def uuids(self):
        found = []
        for f in sorted((self.store / "batches").glob("*.json")):
            found += [r["uuid"] for r in json.loads(f.read_text())]
        return found

    def decisions(self):
        return self.log.read_text() if self.log.exists() else ""

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Recording:
    """The kiosk's side while kiosk-sync runs: kiosk-fill records `count` responses at a time,
    over and over in a thread (holding the database's writer lock as the kiosk does), to two
    surveys in turn, until stop(). Failures are kept in `errors`."""

    def __init__(self, kiosk_fill, config, count):
        self.command = [str(kiosk_fill), "--config", str(config)]
        self.count = count
        self.errors = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._record)

    def _record(self):
        seed = 0
        while not self._stop.is_set():
            seed += 1
            survey = "usages-espaces-publics" if seed % 3 else "futur-square"
            run = subprocess.run(self.command + ["--survey", survey, "--count", str(self.count), "--seed", str(seed)],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                self.errors.append(run.stderr)
            time.sleep(0.02)

    def start(self):
        self._thread.start()

    def stop(self):
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def database_uuids(db):
    """Every response UUID in responses.db, read-only (as kiosk-sync reads it)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [row[0] for row in con.execute("SELECT uuid FROM response ORDER BY seq")]
    finally:
        con.close()


def check_batch_dir(batch_dir):
    """None if `batch_dir` is a complete batch (manifest present, every file listed and
    matching its SHA-256, nothing else); otherwise what is wrong."""
    manifest_path = batch_dir / "manifest.json"
    if not manifest_path.exists():
        return f"{batch_dir.name}: no manifest.json (a partial batch is visible)"
    manifest = json.loads(manifest_path.read_text())
    names = {f["name"] for f in manifest["files"]} | {"manifest.json"}
    present = {p.name for p in batch_dir.iterdir()}
    if present != names:
        return f"{batch_dir.name}: files {sorted(present)} but the manifest lists {sorted(names)}"
    for f in manifest["files"]:
        if hashlib.sha256((batch_dir / f["name"]).read_bytes()).hexdigest() != f["sha256"]:
            return f"{batch_dir.name}/{f['name']}: SHA-256 differs from the manifest"
    return None


def dir_batches(out):
    """Visible batch directories of a dir destination (hidden staging directories excluded)."""
    return sorted(p for p in pathlib.Path(out).iterdir() if not p.name.startswith("."))


def dir_uuids(out):
    found = []
    for d in dir_batches(out):
        for line in (d / "responses.jsonl").read_text().splitlines():
            found.append(json.loads(line)["uuid"])
    return found
