#!/usr/bin/env bash
# A responses database path that names something else than one of the kiosk's databases (a
# configuration file, another program's SQLite file) is refused by kiosk --check-config, by
# the kiosk at start and by kiosk-fill, from --db or from [paths] database (with its
# file:line), exit 1: the file is never written nor renamed.
#
#   database_path_test.sh KIOSK KIOSK_FILL SOURCE_DIR SCRATCH_DIR
set -uo pipefail
kiosk=$1 fill=$2 src=$3 scratch=$4
rm -rf "$scratch" && mkdir -p "$scratch"
failures=0
fail() { echo "database_path_test: FAIL: $*" >&2; failures=$((failures + 1)); }

foreign=$scratch/settings.conf
printf '[paths]\nsecret = "do not touch"\n' > "$foreign"
cp "$foreign" "$scratch/original"
sqlite3 "$scratch/other.sqlite" 'CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ("x");'
cp "$scratch/other.sqlite" "$scratch/other.original"

untouched() { # what the programs must never have done
  cmp -s "$foreign" "$scratch/original" || fail "$1: the foreign file was changed"
  cmp -s "$scratch/other.sqlite" "$scratch/other.original" || fail "$1: the other SQLite file was changed"
  if ls "$scratch" | grep -q corrupt; then fail "$1: a file was renamed aside"; fi
}

for target in "$foreign" "$scratch/other.sqlite"; do
  out=$("$kiosk" --check-config --config "$src/config/kiosk.toml" --db "$target" 2>&1)
  rc=$?
  [[ $rc == 1 ]] || fail "kiosk --check-config --db $target: exit $rc, expected 1"
  [[ $out == *"--db: error: $target"* ]] || fail "kiosk --check-config --db: no message naming $target: $out"
  out=$("$kiosk" --windowed --config "$src/config/kiosk.toml" --db "$target" 2>&1)
  rc=$?
  [[ $rc == 1 ]] || fail "kiosk --db $target: exit $rc, expected 1"
  out=$("$fill" --config "$src/config/kiosk.toml" --db "$target" --survey futur-square --count 3 2>&1)
  rc=$?
  [[ $rc == 1 ]] || fail "kiosk-fill --db $target: exit $rc, expected 1"
  [[ $out == *"$target"* ]] || fail "kiosk-fill --db: no message naming $target: $out"
  untouched "--db $target"
done

# [paths] database in the configuration: the message points at its line.
config=$scratch/kiosk.toml
sed -e "s#^assets = \"../assets\"#assets = \"$src/assets\"#" \
    -e "s#^content = \"content\"#content = \"$src/config/content\"#" \
    -e "s#^surveys = \"surveys\"#surveys = \"$src/config/surveys\"#" \
    -e "s#^database = .*#database = \"settings.conf\"#" \
    -e "s#^state = .*#state = \"sync-state.db\"#" \
    -e "s#^dir = .*#dir = \"export\"#" "$src/config/kiosk.toml" > "$config"
line=$(grep -n '^database = ' "$config" | cut -d: -f1)
out=$("$kiosk" --check-config --config "$config" 2>&1)
rc=$?
[[ $rc == 1 ]] || fail "kiosk --check-config with paths.database a foreign file: exit $rc, expected 1"
[[ $out == *"$config:$line:"*"paths.database: $foreign"*"not a SQLite database"* ]] ||
  fail "no file:line message for paths.database: $out"
out=$("$fill" --config "$config" --survey futur-square --count 3 2>&1)
rc=$?
[[ $rc == 1 ]] || fail "kiosk-fill with paths.database a foreign file: exit $rc, expected 1"
untouched "paths.database"

# A missing file and an empty one are fine: the kiosk's store makes them its database.
"$kiosk" --check-config --config "$src/config/kiosk.toml" --db "$scratch/new/responses.db" > /dev/null ||
  fail "a database still to be created is refused"
: > "$scratch/empty.db"
"$fill" --config "$src/config/kiosk.toml" --db "$scratch/empty.db" --survey futur-square --count 3 > /dev/null ||
  fail "an empty file is refused"

[[ $failures == 0 ]] || exit 1
echo "database_path_test: ok"
