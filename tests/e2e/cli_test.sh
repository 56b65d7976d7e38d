#!/usr/bin/env bash
# The kiosk's command line: --help, --version, --check-config on valid and broken files,
# bad arguments, a broken configuration refused at start, no display. Then the command line
# of kiosk-fill and kiosk-capture: every program exits 2 on a command line it cannot use
# (README "Command line"), with CLI11's explanation, never CLI11's own codes (105–109).
#   cli_test.sh KIOSK_BINARY SOURCE_DIR KIOSK_FILL_BINARY KIOSK_CAPTURE_BINARY
set -uo pipefail
kiosk=$1; src=$2; fill=$3; capture=$4
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
out=$("$kiosk" --frobnicate 2>&1); check "unknown option: exit 2" $? 2
contains "unknown option is named" "$out" "not expected: --frobnicate"
contains "unknown option points to --help" "$out" "Run with --help for more information."
out=$("$kiosk" --size 2>&1); check "option without its value: exit 2" $? 2
contains "missing value is explained" "$out" "--size: 1 required TEXT missing"
out=$("$kiosk" stray-argument 2>&1); check "stray argument: exit 2" $? 2

# No usable display: a clear message and exit 3, never a kiosk running invisibly.
out=$(SDL_VIDEODRIVER=dummy "$kiosk" --windowed --config "$src/config/kiosk.toml" --db "$tmp/r.db" 2>&1)
check "no display: exit 3" $? 3
contains "no display is explained" "$out" "no display found"

# kiosk-fill: options it requires, values out of range or of the wrong type.
config="$src/config/kiosk.toml"
out=$("$fill" --help 2>&1); check "kiosk-fill --help exits 0" $? 0
contains "kiosk-fill --help lists --survey" "$out" "--survey"
out=$("$fill" --config "$config" --db "$tmp/fill.db" --survey futur-square --count 1 --bogus 2>&1)
check "kiosk-fill unknown option: exit 2" $? 2
contains "kiosk-fill unknown option is named" "$out" "not expected: --bogus"
out=$("$fill" --config "$config" --db "$tmp/fill.db" --count 3 2>&1)
check "kiosk-fill without the required --survey: exit 2" $? 2
contains "kiosk-fill names the missing option" "$out" "--survey is required"
out=$("$fill" --config "$config" --db "$tmp/fill.db" --survey futur-square 2>&1)
check "kiosk-fill without the required --count: exit 2" $? 2
contains "kiosk-fill names the missing --count" "$out" "--count is required"
out=$("$fill" --config "$config" --db "$tmp/fill.db" --survey futur-square --count 0 2>&1)
check "kiosk-fill --count 0 (out of range): exit 2" $? 2
contains "kiosk-fill says the range" "$out" "--count: Value 0 not in range 1 to 10000000"
out=$("$fill" --config "$config" --db "$tmp/fill.db" --survey futur-square --count many 2>&1)
check "kiosk-fill --count not a number: exit 2" $? 2
[[ ! -e "$tmp/fill.db" ]]; check "kiosk-fill wrote nothing on a bad command line" $? 0

# kiosk-capture.
out=$("$capture" --help 2>&1); check "kiosk-capture --help exits 0" $? 0
contains "kiosk-capture --help lists --script" "$out" "--script"
out=$("$capture" --bogus 2>&1); check "kiosk-capture unknown option: exit 2" $? 2
contains "kiosk-capture unknown option is named" "$out" "--bogus"
out=$("$capture" --frame-cost lots 2>&1); check "kiosk-capture --frame-cost not a number: exit 2" $? 2
contains "kiosk-capture names the option" "$out" "Could not convert: --frame-cost = lots"

echo "$failures failure(s)"
[[ $failures -eq 0 ]]
