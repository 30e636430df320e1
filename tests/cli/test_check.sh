#!/bin/sh
# tests/check.sh's counting: a skipped check (a script's "ok - NAME # SKIP why",
# cmocka's SKIPPED) counts as skipped, never as passed, is listed with its reason
# and does not fail the run; a failure, a crash or a script that reports nothing fails it.
# Run from the top of the source tree: sh tests/cli/test_check.sh
. tests/cli/lib.sh

# suite NAME BODY: a test script $T/NAME.sh holding BODY after lib.sh
suite() {
	printf '. tests/cli/lib.sh\n%s\n' "$2" >"$T/$1.sh"
}

# counts SCRIPTS...: runs tests/check.sh on SCRIPTS alone (no units, no fuzzing)
counts() {
	run env UNIT_NAMES= FUZZERS= SCRIPTS="$*" CJM_BUILD="$T/fast" CJM_SAN_BUILD="$T/san" sh tests/check.sh
}

suite passes 'ok "one"; ok "two"'
suite skips 'ok "runs"; skip "needs a tool" "the tool is not installed"; echo "ok - old style # SKIP no root"; echo "ok 4 - numbered # skip lower case"'
suite fails 'ok "one"; notok "two" "evidence"'
suite crashes 'ok "one"; exit 3'
suite silent ':'
suite only_skips 'skip "everything" "nothing here"'

counts "$T/passes.sh"
expect_rc 0 "a passing script: exit 0"
expect_out_has "2 passed, 0 failed, 0 skipped" "a passing script: two passed"

counts "$T/skips.sh"
expect_rc 0 "skips do not fail the run"
expect_out_has "1 passed, 0 failed, 3 skipped" "skips count as skipped, not passed"
expect_out_has "  skipped: needs a tool # SKIP the tool is not installed" "a skip from lib.sh is listed with its reason"
expect_out_has "  skipped: old style # SKIP no root" "an echoed SKIP directive is listed"
expect_out_has "# skip lower case" "the SKIP directive is read in any case"

counts "$T/only_skips.sh"
expect_rc 0 "a script that only skips does not fail the run"
expect_out_has "0 passed, 0 failed, 1 skipped" "a script that only skips: one skipped, none passed"

counts "$T/fails.sh"
expect_rc 1 "a not ok fails the run"
expect_out_has "1 passed, 1 failed, 0 skipped" "a not ok counts as failed"

counts "$T/crashes.sh"
expect_rc 1 "a script that exits non-zero fails the run"
expect_out_has "exited 3" "the exit status is named"

counts "$T/silent.sh"
expect_rc 1 "a script that reports no check fails the run"
expect_out_has "reported no check" "a silent script is named"

counts "$T/passes.sh" "$T/skips.sh" "$T/fails.sh"
last=$(tail -n 1 "$T/out")
if [ "$last" = "4 passed, 1 failed, 3 skipped" ]; then
	ok "the last line sums every suite: N passed, N failed, N skipped"
else
	notok "the last line sums every suite: N passed, N failed, N skipped" "last line: $last"
fi

# cmocka's summary lines, from a stand-in test binary in both builds
for build in fast san; do
	mkdir -p "$T/$build/tests"
	cat >"$T/$build/tests/test_fake" <<'EOF'
#!/bin/sh
echo '[==========] 3 test(s) run.'
echo '[  SKIPPED ] test_needs_a_file'
echo '[  PASSED  ] 1 test(s).'
echo '[  SKIPPED ] 2 test(s), listed below:'
echo '[  SKIPPED ] test_needs_a_file'
echo '[  SKIPPED ] test_needs_root'
echo ''
echo ' 2 SKIPPED TEST(S)'
EOF
	chmod +x "$T/$build/tests/test_fake"
done
run env UNIT_NAMES=test_fake FUZZERS= SCRIPTS= CJM_BUILD="$T/fast" CJM_SAN_BUILD="$T/san" sh tests/check.sh
expect_rc 0 "cmocka skips do not fail the run"
expect_out_has "1 passed, 0 failed, 2 skipped" "cmocka skips count as skipped"
expect_out_has "2 passed, 0 failed, 4 skipped" "both builds' cmocka skips are summed"
n=$(grep -c '^  skipped: test_needs_a_file$' "$T/out")
if [ "$n" -eq 2 ]; then
	ok "each skipped cmocka test is listed once per build"
else
	notok "each skipped cmocka test is listed once per build" "listed $n times" "$(cat "$T/out")"
fi

run sh tests/check.sh --help
expect_rc 0 "--help exits 0"
expect_out_has "N passed, N failed, N skipped" "--help names the summary line"

lib_finish
