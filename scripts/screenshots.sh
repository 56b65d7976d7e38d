#!/usr/bin/env bash
# Renders the README's screenshots with the kiosk's own headless capture (kiosk-capture:
# SDL offscreen driver, software GL, a manual clock), at 1920×1080 and 1280×800, into
# docs/screenshots/<size>/. Builds first if needed.
#
#   scripts/screenshots.sh [BUILD_DIR [NAME...]]   (NAMEs: only those shots)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
only=" ${*:2} "
[[ -x "$build_dir/bin/kiosk-capture" ]] || scripts/build.sh "$build_dir"
out=docs/screenshots

# Answers go to a scratch database, fresh for each shot.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Votes on the walk-in poll from the attract screen, a minute apart (no burst), so that
# the results screens show bars: VOTES POLL OPTION… (each option once per listing).
votes() {
  local poll=$1 actions=""
  shift
  for option in "$@"; do
    actions="$actions tap-target poll:$poll:$option; settle; end-visit; wait 61;"
  done
  echo "$actions"
}
square_votes=$(votes futur-square jeux jeux ombre jeux jardin eau ombre jeux sport jardin ombre)
# Three quick votes from the attract screen, then a fourth within the minute: a burst vote.
burst_votes=""
for option in jeux jeux ombre; do
  burst_votes="$burst_votes tap-target poll:futur-square:$option; settle; end-visit;"
done

# The demo survey, step by step: controls are tapped by name (kiosk-capture tap-target).
survey="tap 50% 50%; go survey usages-espaces-publics; tap-target survey.start"
q2="$survey; tap-target option:chaque-semaine; tap-target survey.next"
q3="$q2; tap-target option:sport; tap-target survey.next"
q4="$q3; tap-target option:square; tap-target option:ecole; tap-target survey.next"
q5="$q4; tap-target option:good; tap-target survey.next"
q6="$q5; tap-target value:7; tap-target survey.next"
q7="$q6; tap-target option:yes; tap-target survey.next"
q8="$q7; tap-target key:2; tap-target survey.next"
q9="$q8; tap-target option:jeux; tap-target option:eclairage; tap-target option:ombre; tap-target option:voitures"
q9="$q9; tap-target option:toilettes; tap-target survey.next; settle"
q10="$q9; tap 30% 52%; tap-target pin-choice:agreable; tap-target survey.next"
typed="tap-target key:shift; tap-target key:D; tap-target key:e; tap-target key:s; tap-target key:space"
typed="$typed; tap-target key:b; tap-target key:a; tap-target key:n; tap-target key:c; tap-target key:s"
typed="$typed; tap-target key:space; tap-target key:à; tap-target key:space; tap-target key:l; tap-target key:’"
typed="$typed; tap-target key:o; tap-target key:m; tap-target key:b; tap-target key:r; tap-target key:e"
# The "About you" questions after the free text: "prefer not to say", then three skipped.
profile="tap-target survey.next; tap-target option:sans-reponse; tap-target survey.next; tap-target survey.next"
profile="$profile; tap-target survey.next"

# NAME|ACTIONS — positions as percentages of the screen ("tap 50% 50%") serve both sizes.
shots=(
  "attract|wait 1"
  "home|tap 50% 50%"
  "home-en|tap 50% 50%; lang en"
  "idle-countdown|tap 50% 50%; wait 95"
  "plans-gallery|tap 50% 50%; go plans"
  "plan-viewer-zoomed|tap 50% 50%; go plan-viewer square; pinch 40% 45% 10% 30%"
  "plan-before-after|tap 50% 50%; go plan-viewer plan-quartier-2030"
  "plan-point-card|tap 50% 50%; go plan-viewer plan-quartier-2030; point 1"
  "timeline|tap 50% 50%; go timeline"
  "timeline-phase|tap 50% 50%; go timeline espaces-publics"
  "agenda|tap 50% 50%; go agenda"
  "timeline-en|tap 50% 50%; lang en; go timeline"
  "surveys-list|tap 50% 50%; go surveys"
  "survey-notice|tap 50% 50%; go survey usages-espaces-publics"
  "survey-notice-en|tap 50% 50%; lang en; go survey usages-espaces-publics"
  "survey-single-choice|$survey; tap-target option:chaque-semaine"
  "survey-validation|$survey; tap-target survey.next"
  "survey-single-choice-pictures|$q2; tap-target option:sport"
  "survey-multiple-choice|$q3; tap-target option:square; tap-target option:ecole"
  "survey-smiley|$q4; tap-target option:good"
  "survey-scale|$q5; tap-target value:7"
  "survey-yes-no|$q6; tap-target option:yes"
  "survey-number-keypad|$q7; tap-target key:2"
  "survey-ranking|$q8; tap-target option:jeux; tap-target option:eclairage; tap-target option:ombre"
  "survey-plan-pin|$q9; tap 22% 62%; tap-target pin-choice:insecurite; tap 50% 40%; tap-target pin-choice:agreable; tap-target pin.zoom_in; wait 1; tap 34% 46%; tap-target pin-choice:abime; wait 1"
  "survey-free-text-keyboard|$q10; $typed"
  "keyboard-symbols|$q10; $typed; tap-target key:layer:symbols"
  "keyboard-accents|$q10; hold-target key:e"
  "survey-free-text-keyboard-en|tap 50% 50%; lang en; go survey usages-espaces-publics; tap-target survey.start; ${q10#*survey.start; }"
  "survey-cancel-confirmation|$survey; tap-target option:parfois; tap-target survey.stop"
  "survey-profile|$q10; tap-target survey.next; tap-target option:sans-reponse"
  "survey-thanks|$q10; $typed; $profile; tap-target survey.next; settle"
  "poll|tap 50% 50%; go survey futur-square"
  "poll-results|$square_votes tap-target poll:futur-square:jeux; settle"
  "poll-results-burst|$burst_votes tap-target poll:futur-square:jardin; settle"
  "inauguration-poll-results|tap 50% 50%; go survey inauguration-square; tap-target poll:inauguration-square:arbres; settle"
  "big-screen|$square_votes big-screen futur-square"
  "big-screen-banners|$square_votes big-screen futur-square test example"
)

for size in 1920x1080 1280x800 1080x1920; do
  for entry in "${shots[@]}"; do
    name=${entry%%|*}
    # Portrait: only the big screen (a screen turned on its side at an event).
    [[ $size != 1080x1920 || $name == big-screen* ]] || continue
    [[ "$only" == "  " || "$only" == *" $name "* ]] || continue
    rm -f "$tmp"/responses.db*
    "$build_dir/bin/kiosk-capture" --config config/kiosk.toml --db "$tmp/responses.db" --size "$size" \
      --out "$out/$size" --script "${entry#*|}; shot $name.png" 2>/dev/null
  done
  [[ $size != 1080x1920 ]] || continue
  [[ "$only" == "  " || "$only" == *" survey-recording-fault "* ]] || continue
  # Recording impossible (the database's directory is a file): the visitor's message and
  # the staff marker.
  touch "$tmp/not-a-directory"
  "$build_dir/bin/kiosk-capture" --config config/kiosk.toml --db "$tmp/not-a-directory/responses.db" \
    --size "$size" --out "$out/$size" \
    --script "tap 50% 50%; go survey futur-square; tap-target poll:futur-square:eau; frames 30; shot survey-recording-fault.png" \
    2>/dev/null
done
# Staff mode (README "Staff mode"): a copy of the demo configuration beside it (its paths are
# relative to it) given the PIN 730418 the way staff set theirs; also in portrait.
staff_config=config/.screenshots-staff.toml
trap 'rm -rf "$tmp" "$staff_config"' EXIT
cp config/kiosk.toml "$staff_config"
printf '730418\n730418\n' | "$build_dir/bin/kiosk" --set-pin --config "$staff_config" >/dev/null
corner="press 2% 2% 3.5"
wrong="tap-target pin:1; tap-target pin:1; tap-target pin:1; tap-target pin:2; tap-target pin:2; tap-target pin:2"
unlock="$corner; tap-target pin:7; tap-target pin:3; tap-target pin:0; tap-target pin:4; tap-target pin:1"
unlock="$unlock; tap-target pin:8; tap-target pin.ok; settle"
staff_shots=(
  "staff-pin|$corner"
  "staff-pin-typed|$corner; tap-target pin:7; tap-target pin:3; tap-target pin:0"
  "staff-pin-backoff|$corner; $wrong; tap-target pin.ok; settle; wait 1.1; $wrong; tap-target pin.ok; settle"
  "staff-panel|$unlock"
  "staff-panel-test-mode|$unlock; tap-target panel.test:on; tap-target panel.origin:event"
  "staff-test-banner-home|$unlock; tap-target panel.test:on; tap-target panel.leave; tap 50% 50%"
  "staff-sync|$unlock; tap-target panel.tab:sync; settle"
)
for size in 1920x1080 1280x800 1080x1920; do
  for entry in "${staff_shots[@]}"; do
    name=${entry%%|*}
    [[ "$only" == "  " || "$only" == *" $name "* ]] || continue
    rm -f "$tmp"/responses.db* # the wrong-PIN back-off file too
    "$build_dir/bin/kiosk-capture" --config "$staff_config" --db "$tmp/responses.db" --size "$size" \
      --out "$out/$size" --script "${entry#*|}; shot $name.png" 2>/dev/null
  done
done
echo "screenshots: $(find "$out" -name '*.png' | wc -l) files in $out/"
