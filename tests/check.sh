#!/bin/sh
# Runs every suite (cmocka units twice, command-line and terminal scripts, fuzzing)
# and ends with one line: N passed, N failed, N skipped.
set -u

usage() {
	cat <<'EOF_USAGE'
usage: sh tests/check.sh [--help]
Runs the suites and ends with one line: N passed, N failed, N skipped.
`make check` sets the environment; to run part of it, set it yourself:
  CJM_BUILD       optimised build folder (build)
  CJM_SAN_BUILD   sanitizer build folder (build/san)
  UNIT_NAMES      cmocka tests to run from both builds (default: every
                  tests/unit/test_*.c), e.g. "test_xalloc"; "" runs none
  SCRIPTS         scripts to run (default: tests/cli/test_*.sh tests/tui/test_*.sh
                  tests/faults/test_*.sh); "" runs none
  FUZZERS         fuzz targets in CJM_BUILD (default: fuzz_load fuzz_suggest
                  fuzz_import fuzz_merge fuzz_protocol); "" runs none
  FUZZ_SECONDS    seconds per fuzz target (10)
A check that skips (cmocka's skip(), or a script line "ok - NAME # SKIP why") is
counted as skipped, never as passed, and listed with its reason; skips do not
make the run fail. A script that reports no check at all counts as failed.
The exit status is 0 when nothing failed.
EOF_USAGE
}
case ${1-} in
-h | --help)
	usage
	exit 0
	;;
'') ;;
*)
	usage >&2
	exit 64
	;;
esac

CJM_BUILD=${CJM_BUILD:-build}
CJM_SAN_BUILD=${CJM_SAN_BUILD:-build/san}
if [ -z "${UNIT_NAMES+set}" ]; then
	UNIT_NAMES=
	for f in tests/unit/test_*.c; do
		[ -f "$f" ] && f=${f##*/} && UNIT_NAMES="$UNIT_NAMES ${f%.c}"
	done
fi
SCRIPTS=${SCRIPTS-tests/cli/test_*.sh tests/tui/test_*.sh tests/faults/test_*.sh}
FUZZERS=${FUZZERS-fuzz_load fuzz_suggest fuzz_import fuzz_merge fuzz_protocol}
FUZZ_SECONDS=${FUZZ_SECONDS:-10}
export FUZZ_SECONDS
passed=0
failed=0
skipped=0
log=${TMPDIR:-/tmp}/cjm-check.$$
trap 'rm -f "$log"' EXIT

# Every suite speaks English unless a test asks for Dutch (tests/cli/lib.sh with_dutch,
# tests/tui/tmux.sh TUI_LANG): the machine's own locale changes cjm's messages.
unset LANGUAGE LC_MESSAGES LC_NUMERIC LANG
LC_ALL=C.UTF-8
export LC_ALL

# Every UBSan finding stops the test that hit it, with where it came from.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export UBSAN_OPTIONS
# LeakSanitizer leaves out what system libraries keep until exit (tests/lsan.supp),
# and says nothing of it (a check that reads stderr sees only cjm's own).
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
export LSAN_OPTIONS

abs() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }

tally() { # name passed failed skipped
	passed=$((passed + $2))
	failed=$((failed + $3))
	skipped=$((skipped + $4))
	printf '%-40s %4d passed, %d failed, %d skipped\n' "$1" "$2" "$3" "$4"
}

# A script's skipped checks: "ok" lines with a TAP SKIP directive (any case).
skip_lines() {
	grep -iE '^ok([[:space:]].*)?#[[:space:]]*skip' "$1"
}

# cmocka unit tests, optimised and under AddressSanitizer + UBSan
for build in "$CJM_BUILD" "$CJM_SAN_BUILD"; do
	for t in $UNIT_NAMES; do
		"$build/tests/$t" >"$log" 2>&1
		rc=$?
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\./\1/p' "$log")
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:/\1/p' "$log")
		s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test(s), listed below:/\1/p' "$log")
		p=${p:-0}
		f=${f:-0}
		s=${s:-0}
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
		[ "$f" -ne 0 ] && cat "$log"
		tally "$build/tests/$t" "$p" "$f" "$s"
		[ "$s" -ne 0 ] && sed -n '/^\[  SKIPPED \] [0-9]* test(s), listed below:/,$ s/^\[  SKIPPED \] \([^0-9]\)/  skipped: \1/p' "$log"
	done
done

# scripts: each prints "ok - ..." or "not ok - ..." per check (TAP-like)
# ("... # SKIP why" on an ok line: skipped, with the reason)
for script in $SCRIPTS; do
	[ -f "$script" ] || continue
	CJM="$(abs "$CJM_SAN_BUILD")/cjm" CJM_FAST="$(abs "$CJM_BUILD")/cjm" sh "$script" >"$log" 2>&1
	rc=$?
	s=$(($(skip_lines "$log" | wc -l)))
	p=$(($(grep -c '^ok ' "$log") - s))
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $script exited $rc" >>"$log"
	elif [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$s" -eq 0 ]; then
		f=1
		echo "not ok - $script reported no check" >>"$log"
	fi
	[ "$f" -ne 0 ] && grep -v '^ok ' "$log"
	tally "$script" "$p" "$f" "$s"
	[ "$s" -ne 0 ] && skip_lines "$log" | sed 's/^ok[[:space:]]*-*[[:space:]]*/  skipped: /'
done

# short fuzzing runs: the loader, the patterns with accept-all-then-undo, the importers,
# diff and merge, the live session's frames
for fuzzer in $FUZZERS; do
	if sh tests/fuzz/run.sh "$CJM_BUILD/$fuzzer" >"$log" 2>&1; then
		tally "$fuzzer ($FUZZ_SECONDS s)" 1 0 0
	else
		tail -n 40 "$log"
		tally "$fuzzer ($FUZZ_SECONDS s)" 0 1 0
	fi
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
