#!/usr/bin/env bash
# The repository explains itself: no tracked file sends the reader to documents outside it
# (the workplace's shared notes). Design notes live in docs/ (docs/architecture.md).
#
#   outside_references_test.sh SOURCE_DIR
#
# The patterns are written so that this file does not match them itself.
set -uo pipefail
cd "$1" || exit 1
dots='\.\.'
patterns=(
  "$dots/shared" # a relative path out of the repository
  '/work/share[d]' # the same, absolute
  'ARCHITECTURE[.]md'
  'KIOSK-NOTE[S]'
)
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  files() { git ls-files -z; }
else # an unpacked source tree: every file but build output
  files() { find . -path ./build\* -prune -o -path ./.git -prune -o -type f -print0; }
fi
found=0
for pattern in "${patterns[@]}"; do
  if hits=$(files | xargs -0 grep -nIE -- "$pattern" 2>/dev/null); then
    echo "FAIL: files refer to something outside the repository ($pattern):"
    echo "$hits" | sed 's/^/  /'
    found=1
  fi
done
[[ $found -eq 0 ]] && echo "no file refers outside the repository"
exit $found
