#!/usr/bin/env bash
# Every pointer to a README section in the code and data files — `README "Content"`,
# `README.md, "Surveys"`, `README.md ("Recording answers")` — names a heading that exists
# in README.md, so a reader who follows it finds the section; likewise for the pages of docs/
# (`docs/storage.md, "One writer"`).
#   readme_references_test.sh SOURCE_DIR
set -uo pipefail
src=$1
headings=$(sed -n 's/^#\{1,6\} \+//p' "$src/README.md")
failures=0 checked=0
while IFS= read -r hit; do
  [[ -z "$hit" ]] && continue
  where=${hit%%:README*}
  name=$(sed -E 's/.*"([^"]+)"$/\1/' <<<"$hit")
  checked=$((checked + 1))
  if ! grep -qxF -- "$name" <<<"$headings"; then
    echo "FAIL: $where: README has no section \"$name\""
    failures=$((failures + 1))
  fi
done < <(cd "$src" && grep -rnoE 'README(\.md)?,? *\(?"[^"]+"' kiosk config assets tests scripts)
# The same for a section of a page in docs/: `docs/storage.md, "One writer"`.
while IFS= read -r hit; do
  [[ -z "$hit" ]] && continue
  where=${hit%%:docs/*}
  page=$(sed -E 's|^[^:]*:[0-9]+:(docs/[^,( ]+).*|\1|' <<<"$hit")
  name=$(sed -E 's/.*"([^"]+)"$/\1/' <<<"$hit")
  checked=$((checked + 1))
  if [[ ! -f "$src/$page" ]] || ! sed -n 's/^#\{1,6\} \+//p' "$src/$page" | grep -qxF -- "$name"; then
    echo "FAIL: $where: $page has no section \"$name\""
    failures=$((failures + 1))
  fi
done < <(cd "$src" && grep -rnoE 'docs/[A-Za-z0-9_-]+\.md,? *\(?"[^"]+"' kiosk config assets tests scripts .ci)
echo "$checked reference(s) checked, $failures failure(s)"
[[ $checked -gt 0 && $failures -eq 0 ]]
