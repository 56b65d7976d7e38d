#!/usr/bin/env bash
# Self-test of the kiosk-sync test receiver (https_receiver.py) with curl, over verified TLS:
# stored, duplicate, conflicting re-send, authentication, Idempotency-Key and the other checks,
# persistence across a restart, each injected fault, the time bound and --summarize.
#   receiver_selftest.sh            (exits non-zero on any mismatch; about 10 s)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
receiver="$here/https_receiver.py"
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT
failures=0
ok()   { echo "ok: $1"; }
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }
check() { if [[ "$2" == "$3" ]]; then ok "$1"; else fail "$1 (got '$2', expected '$3')"; fi; }
# Value of a key in a JSON file, "missing" if absent.
jget() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], "missing"))' "$1" "$2" 2>/dev/null; }

"$here/make_test_ca.sh" "$tmp/ca" || { echo "FAIL: make_test_ca.sh"; exit 1; }

start() { # NAME ARGS...: starts a receiver on store $tmp/NAME; sets port and pid
  local name=$1; shift
  rm -f "$tmp/$name.port"
  "$receiver" --cert "$tmp/ca/server.pem" --key "$tmp/ca/server.key" --store "$tmp/$name" \
      --port-file "$tmp/$name.port" --log "$tmp/$name.log" --max-seconds 60 "$@" &
  pid=$!; pids+=("$pid")
  for _ in $(seq 100); do [[ -s "$tmp/$name.port" ]] && break; sleep 0.05; done
  port=$(cat "$tmp/$name.port" 2>/dev/null) || { echo "FAIL: receiver $name did not start"; exit 1; }
}

batch() { # ID UUID... : a request body with one response per UUID
  local id=$1; shift; local rs="" u
  for u in "$@"; do
    rs+="${rs:+,}{\"uuid\":\"$u\",\"survey_id\":\"futur-square\",\"answers\":[{\"question_id\":\"souhait\",\"option_id\":\"jeux\"}]}"
  done
  echo "{\"format\":\"maison-du-projet/batch\",\"format_version\":1,\"batch_id\":\"$id\",\"responses\":[$rs]}"
}

# BODY [CURL ARGS...]: prints the HTTP status, or "transport-error" when curl fails (even if it
# parsed a status line before the connection broke). $auth and $ctype override the usual headers
# (curl would send a second header rather than replace one); the reply is in $tmp/reply.
post() {
  local body=$1 code; shift
  printf '%s' "$body" > "$tmp/body"
  rm -f "$tmp/reply"
  code=$(curl -sS --cacert "$tmp/ca/ca.pem" --max-time 10 -o "$tmp/reply" -w '%{http_code}' \
       -H "Content-Type: ${ctype-application/json}" -H "Authorization: ${auth-Bearer s3cret}" "$@" \
       --data-binary @"$tmp/body" "https://127.0.0.1:$port/batches" 2>"$tmp/curl.err") \
    && echo "$code" || { echo "transport-error"; echo "curl: $(cat "$tmp/curl.err")" >> "$tmp/curl.log"; }
}
post_id() { local body=$1 id=$2; shift 2; post "$body" -H "Idempotency-Key: \"$id\"" "$@"; }

b1=fauvettes-mdp-01.3f2b9c1e.00000001-00000002
body1=$(batch "$b1" u-1 u-2)

echo "== checks and storage"
start main --token s3cret
check "new batch -> 201" "$(post_id "$body1" "$b1")" 201
check "201 reply says stored" "$(jget "$tmp/reply" status)" stored
check "201 reply counts 2 responses" "$(jget "$tmp/reply" responses)" 2
[[ -f "$tmp/main/batches/$b1.json" ]] && ok "batch file written" || fail "batch file written"
check "same batch again -> 409" "$(post_id "$body1" "$b1")" 409
check "409 reply says duplicate" "$(jget "$tmp/reply" status)" duplicate
reordered=$(python3 -c 'import json,sys; print(json.dumps(json.loads(sys.argv[1]), indent=3, sort_keys=True))' "$body1")
check "same content, other JSON layout -> 409" "$(post_id "$reordered" "$b1")" 409
check "wrong token -> 401" "$(auth='Bearer nope' post_id "$body1" "$b1")" 401
check "401 reply is unauthorized" "$(jget "$tmp/reply" error)" unauthorized
check "no Authorization -> 401" "$(auth='' post_id "$body1" "$b1")" 401
check "two Authorization headers -> 401" "$(post_id "$body1" "$b1" -H 'Authorization: Bearer s3cret')" 401
check "bearer scheme in lower case -> 409" "$(auth='bearer s3cret' post_id "$body1" "$b1")" 409
check "mismatched Idempotency-Key -> 400" "$(post_id "$body1" other-id)" 400
[[ "$(jget "$tmp/reply" error)" == "idempotency key"* ]] && ok "400 names the idempotency key" \
    || fail "400 names the idempotency key ($(cat "$tmp/reply"))"
check "unquoted Idempotency-Key -> 400" "$(post "$body1" -H "Idempotency-Key: $b1")" 400
check "no Idempotency-Key -> 400" "$(post "$body1")" 400
check "text/plain -> 415" "$(ctype=text/plain post_id "$body1" "$b1")" 415
check "application/json; charset=utf-8 -> 409" "$(ctype='application/json; charset=utf-8' post_id "$body1" "$b1")" 409
check "two Idempotency-Keys -> 400" "$(post_id "$body1" "$b1" -H "Idempotency-Key: \"$b1\"")" 400
check "chunked, no Content-Length -> 411" "$(post_id "$body1" "$b1" -H 'Transfer-Encoding: chunked')" 411
check "not JSON -> 400" "$(post_id '{"batch_id":' "$b1")" 400
check "batch id not a file name -> 400" "$(post_id "$(batch ../x u-9)" ../x)" 400
check "GET /batches -> 404" "$(curl -sS --cacert "$tmp/ca/ca.pem" -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/batches")" 404
check "localhost name verifies too -> 409" \
    "$(curl -sS --cacert "$tmp/ca/ca.pem" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -H 'Authorization: Bearer s3cret' -H "Idempotency-Key: \"$b1\"" --data-binary "$body1" \
        "https://localhost:$port/batches")" 409
cp "$tmp/main/batches/$b1.json" "$tmp/before.json"
check "same batch id, other content -> 422" "$(post_id "$(batch "$b1" u-1 u-2-changed)" "$b1")" 422
grep -q "batch_id=$b1 " "$tmp/main/violations.log" 2>/dev/null && ok "violation recorded" || fail "violation recorded"
cmp -s "$tmp/before.json" "$tmp/main/batches/$b1.json" && ok "stored batch not overwritten" || fail "stored batch not overwritten"
# Keep-alive: three requests on one connection, a rejected-after-reading one in the middle.
codes=$(curl -sS --cacert "$tmp/ca/ca.pem" -H 'Content-Type: application/json' -H 'Authorization: Bearer s3cret' \
    -o /dev/null -w '%{http_code}/%{num_connects} ' -H "Idempotency-Key: \"$b1\"" --data-binary "$body1" "https://127.0.0.1:$port/batches" \
    --next --cacert "$tmp/ca/ca.pem" -H 'Content-Type: application/json' -H 'Authorization: Bearer s3cret' \
    -o /dev/null -w '%{http_code}/%{num_connects} ' -H 'Idempotency-Key: "x"' --data-binary "$body1" "https://127.0.0.1:$port/batches" \
    --next --cacert "$tmp/ca/ca.pem" -H 'Content-Type: application/json' -H 'Authorization: Bearer s3cret' \
    -o /dev/null -w '%{http_code}/%{num_connects}' -H 'Idempotency-Key: "b2"' --data-binary "$(batch b2 u-2 u-3)" "https://127.0.0.1:$port/batches")
check "keep-alive: 409, 400, 201 on one connection" "$codes" "409/1 400/0 201/0"
summary=$("$receiver" --summarize "$tmp/main")
check "--summarize" "$summary" '{"batches": 2, "responses": 4, "unique_uuids": 3, "duplicate_uuids": ["u-2"], "violations": 1}'

echo "== restart"
kill -TERM "$pid"; wait "$pid"; check "SIGTERM -> clean exit 0" $? 0
grep -q "stopped (signal)" "$tmp/main.log" && ok "log says stopped" || fail "log says stopped"
start main --token s3cret
check "restarted receiver still knows the batch -> 409" "$(post_id "$body1" "$b1")" 409
check "and still refuses other content -> 422" "$(post_id "$(batch "$b1" u-x)" "$b1")" 422

echo "== injected faults"
start fail --fail-rate 1 --max-seconds 2
code=$(post_id "$body1" "$b1"); [[ $code == 500 || $code == 503 ]] && ok "fail-rate 1 -> $code" || fail "fail-rate 1 -> $code"
[[ -z "$(ls "$tmp/fail/batches")" ]] && ok "failure stores nothing" || fail "failure stores nothing"
fail_pid=$pid

start drop --drop-rate 1
for i in $(seq 12); do code=$(post_id "$body1" "$b1"); [[ $code == transport-error ]] || break; done
check "drop-rate 1 -> transport error every time" "$code" transport-error
[[ -f "$tmp/drop/batches/$b1.json" ]] && ok "dropped batch was stored" || fail "dropped batch was stored"
grep -q 'decision=drop/stored' "$tmp/drop.log" && grep -q 'decision=drop/duplicate' "$tmp/drop.log" \
    && ok "log: drop/stored then drop/duplicate" || fail "log: drop/stored then drop/duplicate"
grep -q '(silent drop' "$tmp/drop.log" && grep -q '(status-line drop' "$tmp/drop.log" \
    && grep -q '(body drop' "$tmp/drop.log" && ok "all drop modes seen (silent, status-line, body)" \
    || fail "all drop modes seen (silent, status-line, body)"
grep -q "curl: (18)" "$tmp/curl.log" && grep -q "curl: (52)" "$tmp/curl.log" \
    && ok "curl saw (52) empty reply and (18) truncated body" || fail "curl errors (52) and (18)"

start slow --slow-rate 1 --slow-seconds 1.5
check "slow reply, client gives up first" "$(post_id "$body1" "$b1" --max-time 0.5)" transport-error
[[ -f "$tmp/slow/batches/$b1.json" ]] && ok "slow batch was stored before the reply" || fail "slow batch stored"
check "re-send after the time-out -> 409 (late)" "$(post_id "$body1" "$b1")" 409

wait "$fail_pid"; check "--max-seconds stops the receiver, exit 0" $? 0
grep -q "stopped (max-seconds reached)" "$tmp/fail.log" && ok "log says max-seconds" || fail "log says max-seconds"

if (( failures )); then
  echo "$failures FAILED"
  for f in "$tmp"/*.log; do echo "--- $(basename "$f")"; cat "$f"; done
  exit 1
fi
echo "receiver self-test: all ok"
