#!/usr/bin/env bash
# The kiosk's command line: --help, --version, --check-config on valid and broken files,
# bad arguments, a broken configuration refused at start, no display.
#   cli_test.sh KIOSK_BINARY SOURCE_DIR
set -uo pipefail
kiosk=$1; src=$2
failures=0
check() { # description, command status, expected status
  if [[ "$2" != "$3" ]]; then echo "FAIL: $1 (exit $2, expected $3)"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
contains() { # description, haystack, needle
  if [[ "$2" != *"$3"* ]]; then echo "FAIL: $1: output lacks '$3'"; echo "--- output:"; echo "$2"; failures=$((failures + 1)); else echo "ok: $1"; fi
}

out=$("$kiosk" --help 2>&1); check "--help exits 0" $? 0
contains "--help lists --check-config" "$out" "--check-config"
out=$("$kiosk" --version 2>&1); check "--version exits 0" $? 0
contains "--version names the program" "$out" "kiosk 0."

out=$("$kiosk" --check-config --config "$src/config/kiosk.toml" 2>&1); check "demo config is valid" $? 0
contains "check says valid" "$out" "valid"

broken="$src/tests/data/config/broken/unknown_key.toml"
out=$("$kiosk" --check-config --config "$broken" 2>&1); check "broken config is refused" $? 1
contains "error names file:line:column and key" "$out" "unknown_key.toml:10:1: error: idle.timout_seconds: unknown key"

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/kiosk.toml" <<TOML
[kiosk]
id = "bad id"
languages = ["fr", "xx-YY-ZZ"]
[idle]
timeout_seconds = 2
[paths]
assets = "$src/assets"
content = "$src/config/content"
surveys = "$src/config/surveys"
database = "$tmp/responses.db"
TOML
out=$("$kiosk" --check-config --config "$tmp/kiosk.toml" 2>&1); check "several errors: exit 1" $? 1
contains "every error is reported (1)" "$out" "kiosk.toml:2:1: error: kiosk.id"
contains "every error is reported (2)" "$out" "kiosk.toml:3:1: error: kiosk.languages: \"xx-YY-ZZ\""
contains "every error is reported (3)" "$out" "kiosk.toml:5:1: error: idle.timeout_seconds: must be between 10 and 3600"
contains "the count is given" "$out" "3 error(s)"

out=$("$kiosk" --check-config --config /nonexistent.toml 2>&1); check "missing config file: exit 1" $? 1
contains "missing file is named" "$out" "/nonexistent.toml: error: cannot open the file for reading"

# At start-up (windowed: no error screen) a broken configuration prints the same messages.
out=$(SDL_VIDEODRIVER=dummy "$kiosk" --windowed --config "$broken" 2>&1); check "kiosk refuses a broken config" $? 1
contains "start-up prints the error" "$out" "idle.timout_seconds: unknown key"
contains "start-up says it does not start" "$out" "not starting"

out=$("$kiosk" --windowed --size 12x 2>&1); check "bad --size: exit 2" $? 2
contains "bad --size is explained" "$out" "is not a size such as 1280x800"
out=$("$kiosk" --frobnicate 2>&1); check "unknown option: exit non-zero" $(( $? != 0 )) 1

# No usable display: a clear message and exit 3, never a kiosk running invisibly.
out=$(SDL_VIDEODRIVER=dummy "$kiosk" --windowed --config "$src/config/kiosk.toml" --db "$tmp/r.db" 2>&1)
check "no display: exit 3" $? 3
contains "no display is explained" "$out" "no display found"

echo "$failures failure(s)"
[[ $failures -eq 0 ]]
