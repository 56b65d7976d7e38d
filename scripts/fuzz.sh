#!/usr/bin/env bash
# Fuzzes every file loader of the kiosk (tests/fuzz/: one libFuzzer target per loader, with
# ASan and UBSan) for a bounded time, each from a corpus seeded with the demo and test files.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [BUILD_DIR]      (defaults: 18, build-fuzz)
#
# Builds BUILD_DIR with clang (packages clang and libclang-rt-14-dev), then runs each target.
# Prints, per target, the executions and findings libFuzzer reported; a finding (crash,
# sanitizer report, timeout, out of memory) is saved under BUILD_DIR/findings/<target>/ and
# makes the script exit 1. Inputs found interesting are kept in BUILD_DIR/corpus/<target>/,
# so a later run goes on from there. Replay one file: BUILD_DIR/fuzz_<target> FILE
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-18}
build_dir=${2:-build-fuzz}
targets=(config survey plan timeline agenda catalog keyboard secrets po)

# Seeds per target: the shipped demo files and the test data that exercise the loader.
seeds_for() {
  case "$1" in
    config)   ls config/kiosk.toml tests/data/config/broken/*.toml tests/data/config/broken-sync/*.toml ;;
    survey)   ls config/surveys/*.toml tests/data/surveys/*/*.toml tests/data/surveys-ui/*.toml ;;
    plan)     ls config/content/plans/*.toml tests/data/content/broken/plan/*.toml ;;
    timeline) ls config/content/timeline.toml tests/data/content/broken/timeline/*.toml ;;
    agenda)   ls config/content/agenda.toml tests/data/content/broken/agenda/*.toml ;;
    catalog)  ls assets/i18n/*/*.toml ;;
    keyboard) ls assets/keyboards/*.toml ;;
    secrets)  ls tests/fuzz/seeds/secrets.toml ;;
    po)       ls tests/fuzz/seeds/translation.po ;;
  esac
}

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S tests/fuzz -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" >/dev/null
fi
cmake --build "$build_dir" --parallel "$(nproc)"

# FUZZ_SEED and FUZZ_RUNS make a run repeatable (CI): the same seed and number of inputs per
# target explore the same inputs on the same build, whatever the machine's speed (the time
# stays a cap). Without them each run explores afresh for SECONDS per target.
repeatable=()
[[ -n "${FUZZ_SEED:-}" ]] && repeatable+=(-seed="$FUZZ_SEED")
[[ -n "${FUZZ_RUNS:-}" ]] && repeatable+=(-runs="$FUZZ_RUNS")

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:intercept_tls_get_addr=0} # .ci/run says why
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
findings=0
summary=()
for target in "${targets[@]}"; do
  seeds="$build_dir/seeds/$target"
  corpus="$build_dir/corpus/$target"
  artifacts="$build_dir/findings/$target"
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus" "$artifacts"
  seeds_for "$target" | while read -r file; do cp "$file" "$seeds/$(echo "$file" | tr / _)"; done
  log="$build_dir/$target.log"
  status=0
  # -max_len: room for paths over 255 bytes and deep nesting beyond the largest seed.
  "$build_dir/fuzz_$target" "$corpus" "$seeds" -max_total_time="$seconds" "${repeatable[@]}" -timeout=10 \
    -rss_limit_mb=2048 -max_len=131072 -dict=tests/fuzz/toml.dict -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  found=$(find "$artifacts" -type f | wc -l)
  if ((status != 0)) || ((found > 0)); then
    findings=$((findings + 1))
    echo "== fuzz_$target: FINDING (exit $status); log $log, inputs in $artifacts/:"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|ALARM|==[0-9]+== ERROR)' "$log" | head -5 || true
    summary+=("$(printf '%-10s %10s executions  FINDING: %s' "$target" "${execs:-?}" \
      "$(grep -m1 -oE 'SUMMARY: .*|runtime error: .*|ERROR: libFuzzer: .*' "$log" || echo "exit $status")")")
  else
    summary+=("$(printf '%-10s %10s executions  no finding  (corpus %s inputs)' "$target" "${execs:-?}" \
      "$(find "$corpus" -type f | wc -l)")")
  fi
done
echo "== fuzzing, ${seconds} s per target:"
printf '   %s\n' "${summary[@]}"
if ((findings > 0)); then
  echo "== $findings target(s) with findings"
  exit 1
fi
