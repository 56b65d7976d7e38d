#!/usr/bin/env bash
# Full screen as installed: the real kiosk binary in its default mode (full screen, demo
# configuration) on X screens (Xvfb) of several sizes and orientations, with no window
# manager (xinit, auto-login straight into the kiosk) and under a small one (openbox).
# On each: the attract screen fills the screen and its title is centred; a click opens
# home; the plans tile is found on the screenshot, is inside the screen with equal margins,
# and a click at its centre opens the plans (the kiosk logs "screen: plans"). Then the
# screen's size is changed while the kiosk runs (xrandr, as a monitor swap or resolution
# change does) and the layout must follow. Under openbox, a close request (wmctrl -c,
# Alt+F4) must not quit the full-screen kiosk; SIGTERM must, with exit code 0.
#   x11_fullscreen_test.sh KIOSK_BINARY SOURCE_DIR SCRATCH_DIR ["SIZES UNDER OPENBOX"]
# (every size by default; the sanitizer build gives only 1280x800, tests/e2e/CMakeLists.txt).
# Screenshots of every step stay in SCRATCH_DIR (<wm>-<size>-attract.png, -home.png,
# <wm>-resize-<size>-*.png).
set -uo pipefail
kiosk=$1; src=$2; scratch=$3
sizes_under_openbox=${4:-1280x800 1366x768 1920x1080 1080x1920}
rm -rf "$scratch"; mkdir -p "$scratch"
for tool in Xvfb xdotool xrandr openbox wmctrl import convert; do
  command -v $tool >/dev/null || { echo "FAIL: $tool missing (scripts/setup.sh test installs it)"; exit 1; }
done

# palette.h
attract_bg=12324F; home_bg=F4F1EA; plans_tile="#1D4E89"; agenda_tile="#9C3D12"

failures=0
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures+1)); }

display=""; xvfb=""; wm=""; kiosk_pid=""; log=""
cleanup() {
  [[ -n "$kiosk_pid" ]] && kill -9 "$kiosk_pid" 2>/dev/null
  [[ -n "$wm" ]] && kill "$wm" 2>/dev/null
  [[ -n "$xvfb" ]] && kill "$xvfb" 2>/dev/null
  wait 2>/dev/null
  kiosk_pid=""; wm=""; xvfb=""
}
trap cleanup EXIT

# start_x SIZE [MAX]: an X server whose screen is SIZE; with MAX, it can grow to MAX (RandR).
start_x() {
  local size=$1 max=${2:-$1}
  display=""
  for n in $(seq 200 249); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || { display=":$n"; break; }; done
  Xvfb "$display" -screen 0 "${max}x24" -nolisten tcp -noreset >/dev/null 2>&1 & xvfb=$!
  for _ in $(seq 100); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.05; done
  [[ "$size" == "$max" ]] || set_size "$size"
}

# set_size WxH: what a new monitor or a resolution change does (Xvfb accepts any size up to
# the one it started with: a new mode on its one output, the screen resized to it).
set_size() {
  local w=${1%x*} h=${1#*x}
  DISPLAY=$display xrandr --newmode "$1" 60 "$w" "$w" "$w" "$w" "$h" "$h" "$h" "$h" 2>/dev/null
  DISPLAY=$display xrandr --addmode screen "$1" 2>/dev/null
  DISPLAY=$display xrandr --output screen --mode "$1" --fb "$1" ||
    { fail "xrandr could not set the screen to $1"; return 1; }
}

start_wm() {
  DISPLAY=$display openbox --sm-disable >/dev/null 2>&1 & wm=$!
  for _ in $(seq 100); do DISPLAY=$display wmctrl -m 2>/dev/null | grep -qi openbox && return 0; sleep 0.05; done
  fail "openbox did not start"
}

start_kiosk() {
  log=$scratch/$1.log
  DISPLAY=$display "$kiosk" --config "$src/config/kiosk.toml" --db "$scratch/responses.db" 2>"$log" &
  kiosk_pid=$!
  wait_log "first frame presented" 1 || { fail "$1: no first frame"; cat "$log"; return 1; }
}

# wait_log TEXT COUNT [STEPS]: until the log has COUNT lines containing TEXT (STEPS × 50 ms,
# 10 s by default).
wait_log() {
  for _ in $(seq "${3:-200}"); do
    (( $(grep -c -- "$1" "$log") >= $2 )) && return 0
    kill -0 "$kiosk_pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

shot() { DISPLAY=$display import -window root "$scratch/$1.png"; }
pixel() { convert "$scratch/$1.png" -format "%[hex:p{$2,$3}]" info: | cut -c1-6; }
# bbox SHOT COLOUR X Y W H: bounding box "left top right bottom" of COLOUR's pixels in the
# region (screen coordinates), or nothing.
bbox() {
  local b
  b=$(convert "$scratch/$1.png" -crop "${5}x${6}+${3}+${4}" +repage -fill black +opaque "$2" \
        -fill white -opaque "$2" -bordercolor black -border 1 -format "%@" info:)
  [[ "$b" =~ ^([0-9]+)x([0-9]+)\+([0-9]+)\+([0-9]+)$ ]] || return 0
  (( BASH_REMATCH[1] > 1 )) || return 0
  echo $((BASH_REMATCH[3] - 1 + $3)) $((BASH_REMATCH[4] - 1 + $4)) \
       $((BASH_REMATCH[3] + BASH_REMATCH[1] - 2 + $3)) $((BASH_REMATCH[4] + BASH_REMATCH[2] - 2 + $4))
}
# trimbox SHOT X Y W H: bounding box of everything that is not the region's corner colour.
trimbox() {
  local b
  b=$(convert "$scratch/$1.png" -crop "${4}x${5}+${2}+${3}" +repage -format "%@" info:)
  [[ "$b" =~ ^([0-9]+)x([0-9]+)\+([0-9]+)\+([0-9]+)$ ]] || return 0
  echo $((BASH_REMATCH[3] + $2)) $((BASH_REMATCH[4] + $3)) \
       $((BASH_REMATCH[3] + BASH_REMATCH[1] - 1 + $2)) $((BASH_REMATCH[4] + BASH_REMATCH[2] - 1 + $3))
}
click() {
  DISPLAY=$display xdotool mousemove "$1" "$2"; sleep 0.05
  DISPLAY=$display xdotool mousedown 1; sleep 0.08; DISPLAY=$display xdotool mouseup 1
}

# check_screens NAME W H: the attract screen, then home, then the plans tile, at W×H; ends
# on the plans screen.
check_screens() {
  local name=$1 w=$2 h=$3 corner b
  shot "$name-attract"
  local corners=""
  for xy in "0 0" "$((w-1)) 0" "0 $((h-1))" "$((w-1)) $((h-1))"; do corners+="$(pixel "$name-attract" $xy) "; done
  [[ "${corners^^}" == "$attract_bg $attract_bg $attract_bg $attract_bg " ]] &&
    ok "$name: the attract screen fills the screen" || fail "$name: attract corners are $corners"
  # The title: everything not background in the top eighth of the screen.
  read -r l t r bt <<<"$(trimbox "$name-attract" 0 0 "$w" $((h / 8)))"
  if [[ -z "${l:-}" ]]; then
    fail "$name: no title at the top of the attract screen"
  elif (( l < 8 || r > w - 9 || (l + r - (w - 1)) > 6 || (l + r - (w - 1)) < -6 )); then
    fail "$name: the title spans x $l..$r, not centred on $(( (w - 1) / 2 ))"
  else
    ok "$name: the title is centred (x $l..$r)"
  fi

  local homes=$(( $(grep -c "screen: home" "$log") + 1 ))
  click $((w / 2)) $((h * 30 / 100))
  if ! wait_log "screen: home" $homes 60; then
    # Under openbox on a loaded machine the first click sometimes arrives while openbox is
    # still making the new window full screen; a person would tap again.
    echo "note: $name: the first click did not open home, clicking again"
    click $((w / 2)) $((h * 30 / 100))
    wait_log "screen: home" $homes || { fail "$name: a click did not open home"; return; }
  fi
  sleep 0.4
  shot "$name-home"
  corner=$(pixel "$name-home" $((w - 1)) $((h - 1)))
  [[ "${corner^^}" == "$home_bg" ]] && ok "$name: home fills the screen" || fail "$name: home corner is #$corner"
  read -r l t r bt <<<"$(bbox "$name-home" "$plans_tile" 0 $((h / 8)) "$w" $((h - h / 8)))"
  read -r al at ar ab <<<"$(bbox "$name-home" "$agenda_tile" 0 $((h / 8)) "$w" $((h - h / 8)))"
  if [[ -z "${l:-}" || -z "${al:-}" ]]; then
    fail "$name: the plans or agenda tile is not on the screen"; return
  fi
  if (( r - l < w / 5 || bt - t < h / 8 || l < 4 || ar > w - 5 || bt > h - 1 )); then
    fail "$name: tiles at plans $l,$t..$r,$bt agenda $al,$at..$ar,$ab do not fit the screen"
  elif (( (l - (w - 1 - ar)) > 3 || (l - (w - 1 - ar)) < -3 )); then
    fail "$name: tile margins differ: left $l, right $((w - 1 - ar))"
  else
    ok "$name: the tiles fit the screen with equal margins ($l px)"
  fi
  local plans=$(( $(grep -c "screen: plans" "$log") + 1 ))
  click $(( (l + r) / 2 )) $(( (t + bt) / 2 ))
  if ! wait_log "screen: plans" $plans; then
    # Under the sanitizers on a loaded machine a click can go unseen, as the first one above
    # (once in ~30 runs, 1366x768 without a window manager); a person would tap again. A
    # tile drawn elsewhere than it is found on the screenshot fails both clicks.
    echo "note: $name: the click on the plans tile did not open the plans, clicking again"
    click $(( (l + r) / 2 )) $(( (t + bt) / 2 ))
    wait_log "screen: plans" $plans || { fail "$name: a click at the plans tile's centre did not open the plans"; return; }
  fi
  ok "$name: a click at the plans tile's centre ($(( (l + r) / 2 )),$(( (t + bt) / 2 ))) opens the plans"
}

# check_plans NAME W H: the plans screen (where check_screens ends) drawn for W×H: its blue
# header runs from edge to edge, the page below fills the screen.
check_plans() {
  local name=$1 w=$2 h=$3 l t r bt corner
  shot "$name-plans"
  read -r l t r bt <<<"$(bbox "$name-plans" "$plans_tile" 0 0 "$w" $((h / 16)))"
  corner=$(pixel "$name-plans" $((w - 1)) $((h - 1)))
  if [[ -n "${l:-}" && $l -eq 0 && $r -eq $((w - 1)) && $t -eq 0 && "${corner^^}" == "$home_bg" ]]; then
    ok "$name: the plans screen follows, its header from edge to edge"
  else
    fail "$name: plans header at ${l:-?}..${r:-?}, bottom-right corner #$corner"
  fi
}

stop_kiosk() {
  kill -TERM "$kiosk_pid"; wait "$kiosk_pid"; local status=$?; kiosk_pid=""
  [[ $status -eq 0 ]] && grep -q "quitting after" "$log" && ok "$1: SIGTERM quits cleanly" ||
    fail "$1: exit $status after SIGTERM"
}

started=$SECONDS
for manager in none openbox; do
  sizes="1280x800 1366x768 1920x1080 1080x1920"
  [[ $manager == openbox ]] && sizes=$sizes_under_openbox
  for size in $sizes; do
    w=${size%x*}; h=${size#*x}; name=$manager-$size
    start_x "$size"
    [[ $manager == openbox ]] && start_wm
    if start_kiosk "$name"; then
      grep -q "layout: ${w}x${h} " "$log" && ok "$name: the layout is for ${w}x${h}" ||
        fail "$name: layout $(grep -o 'layout: [0-9x]*' "$log" | tail -1), screen ${w}x${h}"
      check_screens "$name" "$w" "$h"
      if [[ $manager == openbox && $size == 1280x800 ]]; then
        # Alt+F4 and a window manager's close button: ignored in full screen.
        # (_NET_CLOSE_WINDOW, which openbox turns into WM_DELETE_WINDOW; then its Alt+F4.)
        window=$(DISPLAY=$display xdotool search --name "Maison du projet" | head -1)
        for request in "wmctrl -i -c $window" "xdotool key alt+F4"; do
          before=$(grep -c "ignored a request to close" "$log")
          DISPLAY=$display $request
          wait_log "ignored a request to close" $((before + 1)) && sleep 0.3 && kill -0 "$kiosk_pid" 2>/dev/null &&
            ok "$name: a close request ($request) is ignored in full screen" ||
            fail "$name: a close request ($request) quit the kiosk or was not seen"
        done
      fi
      [[ -n "$kiosk_pid" ]] && kill -0 "$kiosk_pid" 2>/dev/null && stop_kiosk "$name"
    fi
    cleanup
  done

  # The screen changes while the kiosk runs: the layout follows every size.
  name=$manager-resize
  start_x 1280x800 1920x1920
  [[ $manager == openbox ]] && start_wm
  if start_kiosk "$name"; then
    for size in 1920x1080 1080x1920 1366x768; do
      w=${size%x*}; h=${size#*x}
      set_size "$size" || continue
      if wait_log "layout: ${w}x${h} " 1; then
        ok "$name: the layout followed the screen to ${w}x${h}"
        sleep 0.6
        # The attract screen, home and a tile at the first new size; the plans screen
        # (where that ends) at the next ones.
        if [[ $size == 1920x1080 ]]; then check_screens "$name-$size" "$w" "$h"; else check_plans "$name-$size" "$w" "$h"; fi
      else
        fail "$name: the screen became ${w}x${h}, the layout is $(grep -o 'layout: [0-9x]*' "$log" | tail -1)"
      fi
    done
    stop_kiosk "$name"
  fi
  cleanup
done
echo "total $((SECONDS - started)) s"
[[ $failures -eq 0 ]] || { echo "$failures failure(s); logs and screenshots in $scratch"; }
exit $failures
