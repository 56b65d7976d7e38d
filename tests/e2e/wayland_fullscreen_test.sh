#!/usr/bin/env bash
# Full screen on Wayland, as a kiosk runs under cage (the Wayland kiosk compositor): the real
# kiosk binary in its default mode inside cage with wlroots' headless backend, whose one output
# is 1280x720. The kiosk must create its window at the output's size and lay out for it (its
# log: "display: 1280x720 px, video driver wayland", "layout: 1280x720"), present frames, and
# quit cleanly on SIGTERM.
#
# What it cannot show: pixels. The headless backend renders with pixman, and a screenshot
# (grim) of a GL client comes back black here, so the drawing itself is checked on X11
# (x11_fullscreen_test.sh) and by the offscreen screen tests.
#
# cage refuses to run as root, so it runs as nobody, with its socket in a private directory
# under /tmp (the build tree may be where nobody cannot go); the kiosk runs as the caller
# and connects to that socket, as a kiosk started beside the compositor would.
#   wayland_fullscreen_test.sh KIOSK_BINARY SOURCE_DIR SCRATCH_DIR
set -uo pipefail
kiosk=$1; src=$2; scratch=$3
for tool in cage setpriv; do
  command -v $tool >/dev/null || { echo "FAIL: $tool missing (scripts/setup.sh test installs it)"; exit 1; }
done
rm -rf "$scratch"; mkdir -p "$scratch"
runtime=$(mktemp -d /tmp/kiosk-wayland-test.XXXXXX)
chown nobody:nogroup "$runtime"; chmod 700 "$runtime"
cage_pid=""; kiosk_pid=""
cleanup() {
  [[ -n "$kiosk_pid" ]] && kill -9 "$kiosk_pid" 2>/dev/null
  touch "$runtime/done" 2>/dev/null
  [[ -n "$cage_pid" ]] && { sleep 0.3; kill "$cage_pid" 2>/dev/null; wait "$cage_pid" 2>/dev/null; }
  rm -rf "$runtime"
}
trap cleanup EXIT

failures=0
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures+1)); }

# The compositor, with a child that only waits: cage stays up until the test is done.
setpriv --reuid=65534 --regid=65534 --clear-groups \
  env -i PATH=/usr/bin:/bin HOME="$runtime" XDG_RUNTIME_DIR="$runtime" \
      WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_HEADLESS_OUTPUTS=1 WLR_LIBINPUT_NO_DEVICES=1 \
  timeout 120 cage -- /bin/sh -c 'while [ ! -e "$XDG_RUNTIME_DIR/done" ]; do sleep 0.1; done' \
  >"$scratch/cage.log" 2>&1 &
cage_pid=$!
for _ in $(seq 200); do [[ -S "$runtime/wayland-0" ]] && break; sleep 0.05; done
[[ -S "$runtime/wayland-0" ]] || { echo "FAIL: cage did not start"; tail -5 "$scratch/cage.log"; exit 1; }

log=$scratch/kiosk.log
XDG_RUNTIME_DIR=$runtime WAYLAND_DISPLAY=wayland-0 SDL_VIDEODRIVER=wayland \
  "$kiosk" --config "$src/config/kiosk.toml" --db "$scratch/responses.db" 2>"$log" &
kiosk_pid=$!
for _ in $(seq 300); do
  grep -q "first frame presented" "$log" && break
  kill -0 $kiosk_pid 2>/dev/null || break
  sleep 0.05
done
sleep 0.5
kill -TERM $kiosk_pid; wait $kiosk_pid; kiosk_status=$?; kiosk_pid=""

grep -q "video driver wayland" "$log" && ok "the kiosk runs on Wayland" ||
  fail "not on Wayland: $(grep -o 'video driver [a-z]*' "$log")"
grep -q "display: 1280x720 px" "$log" && ok "the window has the output's size (1280x720)" ||
  fail "window $(grep -o 'display: [0-9x]* px' "$log"), output 1280x720"
grep -q "layout: 1280x720 " "$log" && ok "the layout is for 1280x720" ||
  fail "layout $(grep -o 'layout: [0-9x]*' "$log"), output 1280x720"
grep -q "first frame presented" "$log" && ok "frames are presented" || fail "no frame presented"
[[ $kiosk_status -eq 0 ]] && grep -q "quitting after" "$log" && ok "SIGTERM quits cleanly" ||
  fail "exit $kiosk_status after SIGTERM"
[[ $failures -eq 0 ]] || { echo "kiosk log:"; cat "$log"; }
exit $failures
