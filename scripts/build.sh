#!/usr/bin/env bash
# Configures and builds the kiosk into build/ (or the directory given).
#
#   scripts/build.sh [BUILD_DIR] [extra cmake -D options...]
#
# Executables land in BUILD_DIR/bin/. Uses Ninja and every core.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
shift || true
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} "$@"
elif [[ $# -gt 0 ]]; then
  cmake "$build_dir" "$@"
fi
cmake --build "$build_dir" --parallel "$(nproc)"
