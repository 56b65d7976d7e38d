#!/usr/bin/env bash
# Colours are written in one place, ui/palette.h, where each has roles that
# tests/ui/palette_test.cpp checks for contrast: a 0xRRGGBB literal anywhere else in the
# kiosk's code would escape that check.
#
#   palette_literals_test.sh SOURCE_DIR
set -uo pipefail
cd "$1/kiosk" || exit 1
if hits=$(grep -rnE --include='*.cpp' --include='*.h' '0[xX][0-9A-Fa-f]{6}\b' ui | grep -v '^ui/palette\.h:'); then
  echo "FAIL: colours written outside ui/palette.h (declare them there, with their roles):"
  echo "$hits" | sed 's/^/  /'
  exit 1
fi
echo "every colour of the kiosk's screens is declared in ui/palette.h"
