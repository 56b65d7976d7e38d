#!/usr/bin/env bash
# kiosk-fill end to end: records N valid responses through the kiosk's store, the same
# seed gives the same answers, it refuses to run while another process holds the
# database's writer lock (as the kiosk does while it runs), and a database deleted under it
# ends the run at once with exit 4 (progress lines until then).
#
#   kiosk_fill_test.sh KIOSK_FILL SOURCE_DIR SCRATCH_DIR
set -euo pipefail
fill=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch"
config=$src/config/kiosk.toml
db=$scratch/responses.db
q() { sqlite3 -readonly "$1" "$2"; }
fail() { echo "kiosk_fill_test: FAIL: $*" >&2; exit 1; }

"$fill" --config "$config" --db "$db" --survey usages-espaces-publics --count 60 --seed 3
[[ $(q "$db" 'SELECT count(*) FROM response') == 60 ]] || fail "60 responses expected"
[[ $(q "$db" 'PRAGMA integrity_check') == ok ]] || fail "integrity"
[[ $(q "$db" "SELECT count(*) FROM response WHERE origin = 'synthetic' AND is_test = 1 AND status = 'complete'
              AND kiosk_id = 'fauvettes-mdp-01' AND survey_version = 1") == 60 ]] || fail "flags"
[[ $(q "$db" "SELECT count(DISTINCT question_id) FROM answer") -ge 9 ]] || fail "every question type answered"
# show_if: the number of children only follows a "yes".
[[ $(q "$db" "SELECT count(*) FROM answer a WHERE question_id = 'nombre-enfants' AND NOT EXISTS (
              SELECT 1 FROM answer b WHERE b.response_seq = a.response_seq AND b.question_id = 'avec-enfants'
              AND b.option_id = 'yes')") == 0 ]] || fail "show_if not respected"

# The same seed gives the same answers (UUIDs and times differ).
"$fill" --config "$config" --db "$scratch/again.db" --survey usages-espaces-publics --count 60 --seed 3
answers="SELECT response_seq, position, question_id, option_id, text, number, plan_id, x, y FROM answer"
[[ $(q "$db" "$answers") == $(q "$scratch/again.db" "$answers") ]] || fail "same seed, different answers"

# A poll, in English only.
"$fill" --config "$config" --db "$db" --survey futur-square --count 25 --language en
[[ $(q "$db" "SELECT count(*) FROM response WHERE survey_id = 'futur-square' AND language = 'en'") == 25 ]] ||
  fail "poll responses"

# Another process holds the writer lock (the kiosk does, while it runs): refused, exit 3.
flock --no-fork "$db.lock" sleep 30 &
holder=$!
sleep 0.3
set +e
"$fill" --config "$config" --db "$db" --survey futur-square --count 5 2> "$scratch/refused.txt"
rc=$?
set -e
kill "$holder"
wait "$holder" 2>/dev/null || true
[[ $rc == 3 ]] || fail "expected exit code 3 while the database is held, got $rc"
grep -q "refusing to run" "$scratch/refused.txt" || fail "no explanation printed"
[[ $(q "$db" 'SELECT count(*) FROM response') == 85 ]] || fail "something was written while refused"

# An unknown survey: exit 1, naming the surveys that exist.
set +e
"$fill" --config "$config" --db "$db" --survey nope --count 1 2> "$scratch/unknown.txt"
rc=$?
set -e
[[ $rc == 1 ]] || fail "expected exit code 1 for an unknown survey, got $rc"
grep -q 'futur-square' "$scratch/unknown.txt" || fail "the known surveys are not listed"
# The database deleted part-way: kiosk-fill reports progress as it goes, then stops at once
# with exit 4, and never claims what nobody will find ("recorded N").
gone=$scratch/gone.db
"$fill" --config "$config" --db "$gone" --survey futur-square --count 200000 > "$scratch/gone.out" 2> "$scratch/gone.err" &
filler=$!
for _ in $(seq 600); do grep -q 'of 200000 recorded' "$scratch/gone.out" && break; sleep 0.1; done
grep -q 'of 200000 recorded' "$scratch/gone.out" || fail "no progress line within 60 s"
rm -f "$gone" "$gone-wal" "$gone-shm"
set +e
wait "$filler"
rc=$?
set -e
[[ $rc == 4 ]] || fail "expected exit code 4 after the database was deleted, got $rc: $(cat "$scratch/gone.err")"
grep -q 'deleted, replaced or renamed' "$scratch/gone.err" || fail "the deletion is not explained: $(cat "$scratch/gone.err")"
if grep -q 'kiosk-fill: recorded' "$scratch/gone.out"; then fail "claims to have recorded everything"; fi
echo "kiosk_fill_test: ok"
