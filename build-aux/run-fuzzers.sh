#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets of tests/fuzz with clang, ASan and UBSan in
# build-fuzz/ and runs each for SECONDS (default 60), one after the other:
#
#   build-aux/run-fuzzers.sh [SECONDS]
#
# Each target first replays tests/fuzz/regressions/<target>/ (inputs that
# once found a bug), then fuzzes a copy of tests/fuzz/corpus/<target>/ kept
# in build-fuzz/fuzz/<target>/corpus, so that what a run finds serves the
# next and nothing is written into the source tree. Findings (crash, leak,
# timeout, out of memory, a sanitizer report) go to
# build-fuzz/fuzz/<target>/artifacts/.
#
# Prints one line per target, "fuzz-json: ok, 1234567 executions in 60 s" or
# "fuzz-json: FAILED, <what> ...", then "fuzzers: N ok, N failed", and exits
# non-zero if any target failed or anything did not build.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1

DURATION=${1:-60}
case $DURATION in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

BUILD_DIR=${FUZZ_BUILD_DIR:-build-fuzz}
TARGETS="fuzz-json fuzz-workflow fuzz-template fuzz-expression"

# Long enough to reach every nesting limit: 512 levels of {"a": are 2,560
# bytes before a workflow wraps them; conditions nest by parentheses.
max_len () {
  case $1 in
    fuzz-template) echo 8192 ;;
    *) echo 16384 ;;
  esac
}

setup () {
  local dir=$1; shift
  if [ -d "$dir" ]; then
    CC=clang meson setup --reconfigure "$dir" "$@" >/dev/null ||
      CC=clang meson setup --wipe "$dir" "$@"
  else
    CC=clang meson setup "$dir" "$@"
  fi
}

echo "== Building the fuzz targets ($BUILD_DIR)"
build_targets=()
for target in $TARGETS; do
  build_targets+=("tests/fuzz/$target")
done
if ! setup "$BUILD_DIR" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
       -Dbuildtype=debugoptimized ||
   ! meson compile -C "$BUILD_DIR" "${build_targets[@]}"; then
  echo "error: the fuzz build in $BUILD_DIR failed" >&2
  n=0
  for target in $TARGETS; do
    echo "$target: FAILED, did not build"
    n=$((n + 1))
  done
  echo "fuzzers: 0 ok, $n failed"
  exit 1
fi

# JsonNodes and GHashTables come from GSlice: only malloc lets LeakSanitizer
# see them. UBSan stops at the first report so that libFuzzer keeps the input.
export G_SLICE=always-malloc
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if ! command -v llvm-symbolizer >/dev/null && [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

# What went wrong, from a libFuzzer log.
finding_in () {
  local log=$1
  if grep -q 'ERROR: libFuzzer: timeout' "$log"; then echo "timeout"
  elif grep -q 'ERROR: libFuzzer: out-of-memory' "$log"; then echo "out of memory"
  elif grep -q 'ERROR: LeakSanitizer' "$log"; then echo "leak"
  elif grep -q 'ERROR: AddressSanitizer' "$log"; then
    grep -m1 -o 'ERROR: AddressSanitizer: [a-z-]*' "$log" | sed 's/ERROR: //'
  elif grep -q 'runtime error:' "$log"; then echo "undefined behaviour"
  elif grep -q '^zz-fuzz: ' "$log"; then
    echo "broken invariant ($(grep -m1 '^zz-fuzz: ' "$log" | cut -c10- | cut -c1-80))"
  elif grep -q 'deadly signal' "$log"; then echo "crash"
  else echo "failure"
  fi
}

ok=0
failed=0
for target in $TARGETS; do
  binary=$BUILD_DIR/tests/fuzz/$target
  work=$BUILD_DIR/fuzz/$target
  mkdir -p "$work/corpus" "$work/artifacts"

  # Inputs that found a bug once must keep passing.
  regressions=()
  if [ -d "tests/fuzz/regressions/$target" ]; then
    while IFS= read -r -d '' file; do
      regressions+=("$file")
    done < <(find "tests/fuzz/regressions/$target" -type f ! -name '*.md' -print0 | sort -z)
  fi
  regression_failures=()
  for file in "${regressions[@]}"; do
    log=$work/regression.log
    if ! "$binary" -timeout=10 -rss_limit_mb=2048 "$file" >"$log" 2>&1; then
      regression_failures+=("$file: $(finding_in "$log")")
    fi
  done

  cp -R "tests/fuzz/corpus/$target/." "$work/corpus/"
  dict=()
  [ -f "tests/fuzz/$target.dict" ] && dict=("-dict=tests/fuzz/$target.dict")
  log=$work/fuzz.log
  start=$(date +%s)
  timeout --kill-after=30 $((DURATION + 120)) \
    "$binary" "$work/corpus" "${dict[@]}" \
      -max_total_time="$DURATION" -max_len="$(max_len "$target")" \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/" >"$log" 2>&1
  rc=$?
  elapsed=$(( $(date +%s) - start ))

  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ -z "$executions" ]; then
    executions=$(grep -o '^#[0-9]*' "$log" | tail -n 1 | tr -d '#')
  fi
  executions=${executions:-0}

  if [ $rc -eq 0 ] && [ ${#regression_failures[@]} -eq 0 ]; then
    echo "$target: ok, $executions executions in $elapsed s"
    ok=$((ok + 1))
    continue
  fi

  failed=$((failed + 1))
  if [ $rc -ne 0 ]; then
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    echo "$target: FAILED, $(finding_in "$log") after $executions executions in $elapsed s:" \
         "${artifact:-no input saved}"
    echo "  log: $log"
    grep -m1 -B6 -A12 -E 'ERROR: |runtime error:|^zz-fuzz: ' "$log" | sed 's/^/  | /'
  else
    echo "$target: FAILED, $executions executions in $elapsed s, but regressions fail"
  fi
  for failure in "${regression_failures[@]}"; do
    echo "  regression $failure"
  done
done

echo "fuzzers: $ok ok, $failed failed"
[ $failed -eq 0 ]
