#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Zzyra twice and runs the whole test suite:
#   1. a normal build (build/): every suite, the display one under Xvfb
#      with its own D-Bus session;
#   2. an AddressSanitizer + UBSan build (build-asan/): the suites that need
#      no display, so a memory error fails the run;
#   3. the libFuzzer targets of tests/fuzz (build-fuzz/, clang, ASan and
#      UBSan), each for FUZZ_SECONDS (60), failing on any finding.
# Ends with "N passed, N failed" counting every test case (each TAP result
# of a test program, or the program itself when it is not TAP), and exits
# non-zero if anything failed or did not build.
set -uo pipefail

cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
ASAN_DIR=${ASAN_DIR:-build-asan}
status=0
logs=()

setup () {
  local dir=$1; shift
  if [ -d "$dir" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null || meson setup --wipe "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

echo "== Building ($BUILD_DIR)"
if setup "$BUILD_DIR" -Dprofile=development && meson compile -C "$BUILD_DIR"; then
  echo "== Testing ($BUILD_DIR): every suite"
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
    meson test -C "$BUILD_DIR" --print-errorlogs --num-processes 2 || status=1
  logs+=("$BUILD_DIR/meson-logs/testlog.json")
else
  echo "error: the build in $BUILD_DIR failed" >&2
  status=1
fi

echo "== Building with AddressSanitizer and UBSan ($ASAN_DIR)"
if setup "$ASAN_DIR" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug &&
   meson compile -C "$ASAN_DIR"; then
  echo "== Testing ($ASAN_DIR): the suites that need no display"
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C "$ASAN_DIR" --suite core --print-errorlogs --num-processes 2 || status=1
  logs+=("$ASAN_DIR/meson-logs/testlog.json")
else
  echo "error: the sanitizer build in $ASAN_DIR failed" >&2
  status=1
fi

echo "== Fuzzing (build-fuzz): each target for ${FUZZ_SECONDS:-60} s"
fuzz_log=$(mktemp)
bash build-aux/run-fuzzers.sh "${FUZZ_SECONDS:-60}" | tee "$fuzz_log" || status=1
fuzz_passed=$(grep -c '^fuzz-[a-z]*: ok,' "$fuzz_log")
fuzz_failed=$(grep -c '^fuzz-[a-z]*: FAILED' "$fuzz_log")
rm -f "$fuzz_log"

counts=$(python3 - "${logs[@]}" <<'PY'
import json, re, sys
passed = failed = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        continue
    for line in lines:
        if not line.strip():
            continue
        test = json.loads(line)
        result = test.get("result")
        out = test.get("stdout") or ""
        oks = len(re.findall(r"^ok \d+", out, re.M))
        not_oks = len(re.findall(r"^not ok \d+", out, re.M))
        skips = len(re.findall(r"^ok \d+ .*# SKIP", out, re.M))
        if oks + not_oks > 0:
            passed += oks - skips
            failed += not_oks
            # A program that crashed after its last result still failed.
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not_oks == 0:
                failed += 1
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result != "SKIP":
            failed += 1
print(passed, failed)
PY
)
read -r passed failed <<<"${counts:-0 1}"
# Each fuzz target counts as one test: ok, or FAILED with its finding.
passed=$((passed + fuzz_passed))
failed=$((failed + fuzz_failed))
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed"
exit $status
