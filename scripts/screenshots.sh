#!/usr/bin/env bash
# Renders the README's screenshots with the kiosk's own headless capture (kiosk-capture:
# SDL offscreen driver, software GL, a manual clock), at 1920×1080 and 1280×800, into
# docs/screenshots/<size>/. Builds first if needed.
#
#   scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
[[ -x "$build_dir/bin/kiosk-capture" ]] || scripts/build.sh "$build_dir"
out=docs/screenshots

# NAME|ACTIONS — positions as percentages of the screen ("tap 50% 50%") serve both sizes.
shots=(
  "attract|wait 1"
  "home|tap 50% 50%"
  "home-en|tap 50% 50%; lang en"
  "idle-countdown|tap 50% 50%; wait 95"
  "plans-gallery|tap 50% 50%; go plans"
  "plan-viewer-zoomed|tap 50% 50%; go plan-viewer square; pinch 40% 45% 10% 30%"
  "plan-before-after|tap 50% 50%; go plan-viewer coeur-avant-apres"
  "plan-point-card|tap 50% 50%; go plan-viewer coeur-avant-apres; point 1"
  "timeline|tap 50% 50%; go timeline"
  "timeline-phase|tap 50% 50%; go timeline espaces-publics"
  "agenda|tap 50% 50%; go agenda"
  "timeline-en|tap 50% 50%; lang en; go timeline"
)

for size in 1920x1080 1280x800; do
  for entry in "${shots[@]}"; do
    name=${entry%%|*}
    "$build_dir/bin/kiosk-capture" --config config/kiosk.toml --size "$size" --out "$out/$size" \
      --script "${entry#*|}; shot $name.png" 2>/dev/null
  done
done
echo "screenshots: $(find "$out" -name '*.png' | wc -l) files in $out/"
