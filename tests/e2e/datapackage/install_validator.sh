#!/usr/bin/env bash
# Installs the Frictionless validator of tests/e2e/datapackage_test.py (package.json and
# package-lock.json here) into DEST/node_modules with `npm ci`, once per lock file: run by
# CTest as the test's setup fixture, and by scripts/setup.sh test. Needs node and npm and,
# the first time, the npm registry (npm's cache serves later installs offline).
#
#   install_validator.sh DEST
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=$1
mkdir -p "$dest"
if [[ -d "$dest/node_modules" ]] && cmp -s "$here/package-lock.json" "$dest/package-lock.json"; then
  exit 0
fi
cp "$here/package.json" "$here/package-lock.json" "$dest/"
cd "$dest"
npm ci --no-audit --no-fund --prefer-offline --loglevel=error
