#!/usr/bin/env python3
"""The translation-key check catches what it is for: runs check_translation_keys.py on the
sample tree tests/i18n/sample/ (a source file and two catalogues with a misspelt key, a key
missing from one language, an unused key and keys assembled at run time) and asserts that it
fails and reports each problem at its file:line, as the `expect:` comments in the sample
say, and nothing else (the sample's non-keys — a touch target's name, a marked line, a file
name, prose — must not be reported).

    check_translation_keys_test.py SOURCE_DIR
"""

import os
import re
import subprocess
import sys


def expectations(sample):
    """(path, line) → expected text, from the `expect:` comments of the sample's files."""
    expected = {}
    for root, dirs, files in os.walk(sample):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                for number, text in enumerate(f, 1):
                    m = re.search(r"expect: (.*?)(?: \(.*\))?\s*$", text)
                    if m:
                        expected[(path, number)] = m.group(1)
    return expected


def main():
    source_dir = sys.argv[1]
    here = os.path.join(source_dir, "tests", "i18n")
    sample = os.path.join(here, "sample")
    run = subprocess.run(
        [sys.executable, os.path.join(here, "check_translation_keys.py"),
         os.path.join(sample, "src"), os.path.join(sample, "i18n")],
        capture_output=True, text=True)
    print(run.stdout, end="")
    print(run.stderr, end="", file=sys.stderr)
    failures = []
    if run.returncode != 1:
        failures.append(f"the check exited {run.returncode}, expected 1 (problems found)")

    expected = expectations(sample)
    reported = {}  # (path, line) → problems reported there
    for problem in run.stdout.splitlines():
        m = re.match(r"(.+?):(\d+): (.*)", problem)
        if not m:
            failures.append(f"not a file:line report: {problem}")
            continue
        reported.setdefault((m.group(1), int(m.group(2))), []).append(m.group(3))
    for (path, line), text in sorted(expected.items()):
        if not any(text in p for p in reported.get((path, line), [])):
            failures.append(f"{path}:{line}: expected a report containing: {text}")
    for (path, line), problems in sorted(reported.items()):
        for p in problems:
            if (path, line) not in expected or expected[(path, line)] not in p:
                failures.append(f"unexpected report: {path}:{line}: {p}")

    # The two the check exists for, spelt out.
    src = os.path.join(sample, "src", "screen.cpp")
    fr = os.path.join(sample, "i18n", "fr", "a.toml")
    if f'{src}:8: key "home.welcom" is missing from the "fr" catalogue' not in run.stdout:
        failures.append("the misspelt key home.welcom is not named at screen.cpp:8")
    if f'{fr}:11: key "home.unused" is used nowhere' not in run.stdout:
        failures.append("the unused key home.unused is not named at fr/a.toml:11")

    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
