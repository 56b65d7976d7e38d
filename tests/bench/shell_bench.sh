#!/usr/bin/env bash
# Foundation benchmark: start-up, memory, idle CPU (shell_bench on an Xvfb screen) and the
# CPU cost of one frame of each screen (kiosk-capture --frame-cost). Prints figures.
#   tests/bench/shell_bench.sh [BUILD_DIR] [IDLE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}; idle=${2:-30}
display=""
for n in $(seq 200 240); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { display=":$n"; break; }; done
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
for _ in $(seq 100); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
DISPLAY=$display XVFB_PID=$xvfb "$build/tests/shell_bench" "$build/bin/kiosk" "$build/tests/bare_sdl_window" \
  config/kiosk.toml "$idle"
echo
echo "CPU per frame (200 frames each, 1920x1080):"
"$build/bin/kiosk-capture" --config config/kiosk.toml --frame-cost 200 2>/dev/null
