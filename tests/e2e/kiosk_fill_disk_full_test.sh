#!/usr/bin/env bash
# kiosk-fill on a full disk (a small tmpfs in a private mount namespace): the fault ends the
# run at once — no wait of 60 s + 50 ms per response — with exit 4 and how many were and
# were not recorded. Needs root (or CAP_SYS_ADMIN) for the mount: else exit 77 (skipped).
#
#   kiosk_fill_disk_full_test.sh KIOSK_FILL SOURCE_DIR SCRATCH_DIR
set -euo pipefail
fill=$1 src=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch/disk"
fail() { echo "kiosk_fill_disk_full_test: FAIL: $*" >&2; exit 1; }
if ! unshare --mount true 2> /dev/null; then
  echo "SKIPPED: no private mount namespace here (unshare --mount refused)"
  exit 77
fi
# In the namespace: a 1 MiB tmpfs, and 100 000 responses (about 30 MB) for it.
set +e
start=$(date +%s)
unshare --mount --propagation private bash -c '
  mount -t tmpfs -o size=1m tmpfs "$1" || exit 77
  "$2" --config "$3/config/kiosk.toml" --db "$1/responses.db" --survey usages-espaces-publics --count 20000
' _ "$scratch/disk" "$fill" "$src" > "$scratch/out.txt" 2> "$scratch/err.txt"
rc=$?
set -e
seconds=$(( $(date +%s) - start ))
[[ $rc != 77 ]] || { echo "SKIPPED: cannot mount a tmpfs here"; exit 77; }
[[ $rc == 4 ]] || fail "expected exit code 4 on a full disk, got $rc: $(cat "$scratch/err.txt")"
grep -q 'disk_full' "$scratch/err.txt" || fail "the fault is not named: $(cat "$scratch/err.txt")"
grep -Eq '[0-9]+ of 20000 recorded, [0-9]+ not' "$scratch/err.txt" || fail "no counts: $(cat "$scratch/err.txt")"
(( seconds < 60 )) || fail "took $seconds s: the fault did not end the wait"
echo "kiosk_fill_disk_full_test: ok ($seconds s)"
