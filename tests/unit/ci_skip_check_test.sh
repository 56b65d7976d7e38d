#!/usr/bin/env bash
# The skip convention end to end (docs/testing.md, "Skips"): a Catch test case that calls
# KIOSK_SKIP makes its executable exit 77; CTest, told SKIP_RETURN_CODE 77, reports it
# "Skipped" and still exits 0; .ci/check-skips refuses that log, and accepts one where every
# test ran.
#
#   ci_skip_check_test.sh SOURCE_DIR SKIP_SAMPLE SCRATCH_DIR
set -uo pipefail
source_dir=$1 sample=$2 scratch=$3
check=$source_dir/.ci/check-skips
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_exit() { # EXPECTED DESCRIPTION COMMAND...
  local expected=$1 what=$2
  shift 2
  "$@" >"$scratch/out" 2>&1
  local got=$?
  [[ $got -eq $expected ]] || { fail "$what: exit $got, expected $expected"; sed 's/^/  | /' "$scratch/out"; }
}
rm -rf "$scratch" && mkdir -p "$scratch/suite-skips" "$scratch/suite-runs"

# The executable: 77 only when a test case skipped and none failed.
expect_exit 0 "a passing test case" "$sample" passes
expect_exit 77 "a skipping test case" "$sample" skips
expect_exit 1 "a skip and a failure in one run" "$sample" "skips,fails"
expect_exit 1 "a failing test case" "$sample" fails
"$sample" skips >"$scratch/out" 2>&1
grep -q "SKIPPED: this sample has no private mount namespace" "$scratch/out" || fail "the skip does not print its reason"

# A suite with a skipped test: CTest says Skipped and exits 0, the check refuses it.
cat >"$scratch/suite-skips/CTestTestfile.cmake" <<CTEST
add_test(sample_passes "$sample" passes)
add_test(sample_skips "$sample" skips)
set_tests_properties(sample_passes sample_skips PROPERTIES SKIP_RETURN_CODE 77)
CTEST
(cd "$scratch/suite-skips" && ctest) >"$scratch/skips.log" 2>&1 || fail "ctest failed on a skip (expected: exit 0)"
grep -q 'sample_skips .*\*\*\*Skipped' "$scratch/skips.log" || fail "ctest did not report sample_skips as Skipped"
expect_exit 1 "check-skips on a log with a skipped test" "$check" "$scratch/skips.log"
grep -q 'sample_skips' "$scratch/out" || fail "check-skips does not name the skipped test"

# A suite where everything ran: accepted.
cat >"$scratch/suite-runs/CTestTestfile.cmake" <<CTEST
add_test(sample_passes "$sample" passes)
set_tests_properties(sample_passes PROPERTIES SKIP_RETURN_CODE 77)
CTEST
(cd "$scratch/suite-runs" && ctest) >"$scratch/runs.log" 2>&1 || fail "ctest failed on a passing suite"
expect_exit 0 "check-skips on a log where every test ran" "$check" "$scratch/runs.log"

# A disabled test, a log of tests that never ran, no log at all: refused.
printf '%s\n' "1/1 Test #1: off ..........***Not Run (Disabled)   0.00 sec" \
  "100% tests passed, 0 tests failed out of 0" >"$scratch/disabled.log"
expect_exit 1 "check-skips on a disabled test" "$check" "$scratch/disabled.log"
echo "Errors while running CTest" >"$scratch/empty.log"
expect_exit 1 "check-skips on a log without results" "$check" "$scratch/empty.log"
expect_exit 1 "check-skips on a missing log" "$check" "$scratch/no-such.log"

[[ $failures -eq 0 ]] && echo "ci_skip_check: all checks passed"
exit $((failures > 0))
