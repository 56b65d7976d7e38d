#!/usr/bin/env bash
# README command 2: installs what is missing, builds, and runs the whole test suite.
#
#   scripts/test.sh [BUILD_DIR] [extra cmake -D options...]
#
# Screen tests render with SDL's offscreen driver (software OpenGL): no display needed.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
shift || true
scripts/setup.sh test
scripts/build.sh "$build_dir" "$@"
cd "$build_dir"
# The output is kept in ctest.log: .ci/run checks it for skipped tests (.ci/check-skips).
ctest --output-on-failure --timeout 900 -j "$(nproc)" | tee ctest.log
