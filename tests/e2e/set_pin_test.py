#!/usr/bin/env python3
"""kiosk --set-pin end to end, on a copy of config/kiosk.toml:
  - two lines on stdin: exit 0; the file gains exactly one line (pin_hash under [staff]),
    every other line byte for byte; the hash verifies the PIN (libsodium, through ctypes)
    and not another; the mode is kept; --check-config then finds it valid and no longer
    says staff mode is off;
  - again with another PIN: only that line's value changes;
  - two different PINs, a PIN breaking the rules, a single line: exit 2, file unchanged;
  - a file without [staff]: the section is appended;
  - on a terminal (a pty): both prompts, and the typed PIN is not echoed;
  - the PIN appears nowhere: not in the file, stdout, stderr (the kiosk's log), nor in a
    file left in the directory.

usage: set_pin_test.py KIOSK SOURCE_DIR SCRATCH_DIR
"""
import ctypes
import ctypes.util
import os
import pathlib
import pty
import select
import shutil
import stat
import subprocess
import sys
import time

kiosk, source, scratch = sys.argv[1:4]
source = pathlib.Path(source)
scratch = pathlib.Path(scratch)
shutil.rmtree(scratch, ignore_errors=True)
failures = []

PIN = "482915"
OTHER_PIN = "730261"


def check(ok, what):
    print(("ok: " if ok else "FAILED: ") + what)
    if not ok:
        failures.append(what)


sodium_name = ctypes.util.find_library("sodium")
if not sodium_name:
    print("SKIP: libsodium not found for ctypes")
    sys.exit(77)
sodium = ctypes.CDLL(sodium_name)
sodium.sodium_init()


def verifies(pin_hash, pin):
    return sodium.crypto_pwhash_str_verify(pin_hash.encode(), pin.encode(), ctypes.c_ulonglong(len(pin))) == 0


# The demo configuration's layout, so that its relative paths resolve in the copy too.
(scratch / "config").mkdir(parents=True)
(scratch / "assets").symlink_to(source / "assets")
for sub in ("content", "surveys"):
    (scratch / "config" / sub).symlink_to(source / "config" / sub)
(scratch / "build" / "demo-data").mkdir(parents=True)
config = scratch / "config" / "kiosk.toml"
shutil.copyfile(source / "config" / "kiosk.toml", config)
os.chmod(config, 0o640)
original = config.read_bytes()


def run(args, stdin_text=None):
    r = subprocess.run([kiosk, *args], input=stdin_text, capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout, r.stderr


def no_pin_anywhere(what, *texts):
    for pin in (PIN, OTHER_PIN):
        check(all(pin not in t for t in texts), f"{what}: the PIN {'(2nd) ' if pin == OTHER_PIN else ''}appears nowhere")


def pin_hash_line(text):
    lines = [l for l in text.splitlines() if l.startswith("pin_hash = ")]
    return lines[0] if len(lines) == 1 else None


code, out, err = run(["--check-config", "--config", str(config)])
check(code == 0, f"the copy is valid before ({err.strip()[-300:]})")
check("staff mode is off" in out and len([l for l in out.splitlines() if "staff mode is off" in l]) == 1,
      "--check-config says in one line that there is no staff mode")

# 1. Two lines on stdin.
code, out, err = run(["--set-pin", "--config", str(config)], f"{PIN}\n{PIN}\n")
check(code == 0, f"--set-pin exits 0 ({err.strip()})")
new = config.read_bytes()
old_lines = original.decode().splitlines(keepends=True)
new_lines = new.decode().splitlines(keepends=True)
staff_at = old_lines.index("[staff]\n")
check(new_lines[:staff_at + 1] + new_lines[staff_at + 2:] == old_lines,
      "every other line is kept byte for byte, one line added under [staff]")
line = new_lines[staff_at + 1]
check(line.startswith('pin_hash = "$argon2id$v=19$m=65536,t=2,p=1$') and line.endswith('"\n'),
      f"the added line is pin_hash = \"$argon2id…\" ({line.strip()[:40]}…)")
pin_hash = line.strip()[len('pin_hash = "'):-1]
check(verifies(pin_hash, PIN), "the hash verifies the PIN")
check(not verifies(pin_hash, OTHER_PIN), "the hash does not verify another PIN")
check(stat.S_IMODE(config.stat().st_mode) == 0o640, "the file keeps its mode 0640")
no_pin_anywhere("after --set-pin", new.decode(), out, err)
code, out2, err2 = run(["--check-config", "--config", str(config)])
check(code == 0 and "valid" in out2, f"--check-config: the new file is valid ({err2.strip()[-300:]})")
check("staff mode is off" not in out2, "--check-config no longer says staff mode is off")
no_pin_anywhere("--check-config", out2, err2)

# 2. Again, with another PIN: the value is replaced in place.
code, out, err = run(["--set-pin", "--config", str(config)], f"{OTHER_PIN}\n{OTHER_PIN}\n")
check(code == 0, "--set-pin again exits 0")
again_lines = config.read_bytes().decode().splitlines(keepends=True)
changed = [i for i, (a, b) in enumerate(zip(new_lines, again_lines)) if a != b]
check(len(again_lines) == len(new_lines) and changed == [staff_at + 1], "only the pin_hash line changed")
second_hash = again_lines[staff_at + 1].strip()[len('pin_hash = "'):-1]
check(verifies(second_hash, OTHER_PIN) and not verifies(second_hash, PIN), "the new PIN verifies, the old does not")
no_pin_anywhere("second --set-pin", "".join(again_lines), out, err)

# 3. Refusals: exit 2, file unchanged.
before = config.read_bytes()
for stdin_text, why, needle in [
    (f"{PIN}\n{OTHER_PIN}\n", "two different PINs", "the two PINs differ"),
    ("4829\n4829\n", "a 4-digit PIN", "use 6 to 12 digits"),
    ("123456\n123456\n", "a straight run", "PIN refused: a straight run"),
    ("48291a\n48291a\n", "a PIN with a letter", "digits only"),
    (f"{PIN}\n", "a single line", "give the PIN twice"),
    ("", "nothing on stdin", "give the PIN twice"),
    (f"{PIN * 20}\n{PIN * 20}\n", "a very long line", "use 6 to 12 digits"),
]:
    code, out, err = run(["--set-pin", "--config", str(config)], stdin_text)
    check(code == 2, f"{why}: exit 2 (got {code})")
    check(needle in err and "nothing changed" in err, f"{why}: says why ({err.strip()})")
    check(config.read_bytes() == before, f"{why}: the file is unchanged")
    no_pin_anywhere(why, out, err)

code, out, err = run(["--set-pin", "--check-config", "--config", str(config)], f"{PIN}\n{PIN}\n")
check(code == 2 and config.read_bytes() == before, "--set-pin with --check-config is a bad command line")

# 4. A file without [staff]: the section is appended.
bare = scratch / "bare.toml"
bare.write_text("# no staff here\n[kiosk]\nid = \"k\"\n")
code, out, err = run(["--set-pin", "--config", str(bare)], f"{PIN}\n{PIN}\n")
text = bare.read_text()
check(code == 0 and text.startswith("# no staff here\n[kiosk]\nid = \"k\"\n\n[staff]\npin_hash = \"$argon2id$"),
      "a file without [staff] gets the section appended")
check(verifies(pin_hash_line(text)[len('pin_hash = "'):-1], PIN), "its hash verifies")

# 5. A broken file: exit 1, unchanged. A missing file: exit 1.
broken = scratch / "broken.toml"
broken.write_text("[kiosk\n")
code, out, err = run(["--set-pin", "--config", str(broken)], f"{PIN}\n{PIN}\n")
check(code == 1 and broken.read_text() == "[kiosk\n" and "broken.toml:1:" in err,
      f"a file with a syntax error: exit 1, unchanged, place given ({err.strip()})")
code, out, err = run(["--set-pin", "--config", str(scratch / "missing.toml")], f"{PIN}\n{PIN}\n")
check(code == 1, "a missing file: exit 1")
no_pin_anywhere("broken and missing files", out, err)

# 6. On a terminal: prompts, no echo.
def on_terminal(typed_lines):
    master, slave = pty.openpty()
    proc = subprocess.Popen([kiosk, "--set-pin", "--config", str(config)], stdin=slave, stdout=slave,
                            stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""
    deadline = time.time() + 60
    pending = list(typed_lines)
    prompts = [b"New staff PIN", b"The same PIN again"]
    while time.time() < deadline:
        # Type a line only once its prompt is shown: echo is off by then.
        if pending and prompts and prompts[0] in seen:
            prompts.pop(0)
            os.write(master, (pending.pop(0) + "\n").encode())
        r, _, _ = select.select([master], [], [], 0.2)
        if r:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=60)
    os.close(master)
    return proc.returncode, seen.decode(errors="replace")


code, seen = on_terminal([PIN, PIN])
check(code == 0, f"on a terminal: exit 0 ({seen.strip()[-200:]})")
check("New staff PIN" in seen and "The same PIN again" in seen, "on a terminal: both prompts shown")
check(PIN not in seen, "on a terminal: the typed PIN is not echoed")
check(verifies(pin_hash_line(config.read_text())[len('pin_hash = "'):-1], PIN), "on a terminal: the hash verifies")

leftovers = [p.name for p in (scratch / "config").iterdir() if p.name.startswith(".")]
check(not leftovers, f"no temporary file left beside the configuration ({leftovers})")
for path in scratch.rglob("*"):
    if path.is_file() and not path.is_symlink() and path.stat().st_size < 1 << 20:
        data = path.read_bytes()
        check(PIN.encode() not in data and OTHER_PIN.encode() not in data, f"the PIN is not in {path.name}")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
