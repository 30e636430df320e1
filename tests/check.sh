#!/bin/sh
# Runs every suite (cmocka units twice, command-line and terminal scripts, fuzzing)
# and ends with one line: N passed, N failed.
set -u
passed=0
failed=0
log=${TMPDIR:-/tmp}/cjm-check.$$
trap 'rm -f "$log"' EXIT

# Every UBSan finding stops the test that hit it, with where it came from.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export UBSAN_OPTIONS

abs() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }

tally() { # name passed failed
	passed=$((passed + $2))
	failed=$((failed + $3))
	printf '%-40s %4d passed, %d failed\n' "$1" "$2" "$3"
}

# cmocka unit tests, optimised and under AddressSanitizer + UBSan
for build in "$CJM_BUILD" "$CJM_SAN_BUILD"; do
	for t in $UNIT_NAMES; do
		"$build/tests/$t" >"$log" 2>&1
		rc=$?
		p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\./\1/p' "$log")
		f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:/\1/p' "$log")
		p=${p:-0}
		f=${f:-0}
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
		[ "$f" -ne 0 ] && cat "$log"
		tally "$build/tests/$t" "$p" "$f"
	done
done

# scripts: each prints "ok - ..." or "not ok - ..." per check (TAP-like)
for script in tests/cli/test_*.sh tests/tui/test_*.sh tests/faults/test_*.sh; do
	[ -f "$script" ] || continue
	CJM="$(abs "$CJM_SAN_BUILD")/cjm" CJM_FAST="$(abs "$CJM_BUILD")/cjm" sh "$script" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $script exited $rc" >>"$log"
	fi
	[ "$f" -ne 0 ] && grep -v '^ok ' "$log"
	tally "$script" "$p" "$f"
done

# short fuzzing runs: the loader, the patterns with accept-all-then-undo, the importers,
# diff and merge
for fuzzer in fuzz_load fuzz_suggest fuzz_import fuzz_merge; do
	if sh tests/fuzz/run.sh "$CJM_BUILD/$fuzzer" >"$log" 2>&1; then
		tally "$fuzzer ($FUZZ_SECONDS s)" 1 0
	else
		tail -n 40 "$log"
		tally "$fuzzer ($FUZZ_SECONDS s)" 0 1
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
