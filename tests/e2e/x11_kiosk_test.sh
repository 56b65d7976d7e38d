#!/usr/bin/env bash
# README command 1 as a person sees it: the real kiosk binary full screen on an X server
# (Xvfb), the attract screen shown, a click opens home, SIGTERM (systemd's stop) quits
# cleanly. Uses xdotool for the click and ImageMagick to read the screen.
#   x11_kiosk_test.sh KIOSK_BINARY SOURCE_DIR SCRATCH_DIR
set -uo pipefail
kiosk=$1; src=$2; scratch=$3
rm -rf "$scratch"; mkdir -p "$scratch"
for tool in Xvfb xdotool import convert; do
  command -v $tool >/dev/null || { echo "FAIL: $tool missing (scripts/setup.sh test installs it)"; exit 1; }
done

display=""
for n in $(seq 150 199); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { display=":$n"; break; }; done
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
kiosk_pid=""
cleanup() { [[ -n "$kiosk_pid" ]] && kill -9 "$kiosk_pid" 2>/dev/null; kill "$xvfb" 2>/dev/null; wait 2>/dev/null; }
trap cleanup EXIT
for _ in $(seq 100); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

DISPLAY=$display "$kiosk" --config "$src/config/kiosk.toml" --db "$scratch/responses.db" 2>"$scratch/kiosk.log" &
kiosk_pid=$!
for _ in $(seq 100); do grep -q "first frame presented" "$scratch/kiosk.log" && break; sleep 0.1; done
grep -q "first frame presented" "$scratch/kiosk.log" || { echo "FAIL: no first frame"; cat "$scratch/kiosk.log"; exit 1; }
sleep 0.5

pixel() { DISPLAY=$display import -window root "$scratch/$1.png"; convert "$scratch/$1.png" -format "%[hex:p{$2,$3}]" info: | cut -c1-6; }
failures=0
attract=$(pixel attract 8 8)
[[ "${attract^^}" == "12324F" ]] && echo "ok: the attract screen fills the screen" || { echo "FAIL: attract corner is #$attract"; failures=$((failures+1)); }

DISPLAY=$display xdotool mousemove 640 400; sleep 0.1
DISPLAY=$display xdotool mousedown 1; sleep 0.08; DISPLAY=$display xdotool mouseup 1; sleep 0.8
home=$(pixel home 8 8)
[[ "${home^^}" == "F4F1EA" ]] && echo "ok: a click opens the home screen" || { echo "FAIL: home corner is #$home"; failures=$((failures+1)); }

kill -TERM "$kiosk_pid"; wait "$kiosk_pid"; status=$?; kiosk_pid=""
[[ $status -eq 0 ]] && echo "ok: SIGTERM quits cleanly (exit 0)" || { echo "FAIL: exit $status after SIGTERM"; failures=$((failures+1)); }
grep -q "quitting after" "$scratch/kiosk.log" && echo "ok: the kiosk logged its clean exit" || { echo "FAIL: no clean exit in log"; failures=$((failures+1)); }
[[ $failures -eq 0 ]] || cat "$scratch/kiosk.log"
exit $failures
