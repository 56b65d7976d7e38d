#!/usr/bin/env bash
# README command 1: installs what is missing, builds, and starts the kiosk on the bundled
# demo content (the example Fauvettes programme). Extra arguments go to the kiosk, e.g.
#   scripts/demo.sh --windowed --size 1280x800
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
scripts/build.sh build
mkdir -p build/demo-data
exec build/bin/kiosk --config config/kiosk.toml "$@"
