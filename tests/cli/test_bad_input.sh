#!/bin/sh
# The bad-input corpus: every tests/bad/NAME.yaml must be refused with exit 65 and
# exactly the diagnostics in tests/bad/NAME.err, without hanging or crashing, and
# `cjm fmt -w` must leave it untouched. Plus the files that cannot be read at all:
# a missing file, a folder, and one over the size limit (made sparse at run time,
# never committed).
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_bad_input.sh
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$HERE/lib.sh"
cd "$HERE/../.." || exit 1
BAD=tests/bad

# timed CMD...: like run, under `timeout 5`, so a hang fails instead of stalling the suite
timed() {
	run timeout 5 "$@"
}

# expect_fast NAME: the last timed command finished rather than hanging (a guard,
# not a timing test: the limit is far above what any case takes)
expect_fast() {
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		notok "$1" "killed after 5 s (hang?)"
	else
		ok "$1"
	fi
}

# expect_err_file FILE NAME: stderr is FILE, byte for byte
expect_err_file() {
	if cmp -s "$1" "$T/err"; then
		ok "$2"
	else
		notok "$2" "stderr differs from $1 (- expected, + actual):"
		diff -u "$1" "$T/err" | sed '1,2d; s/^/#   /' | head -n 40
	fi
}

# no_crash NAME: nothing on stderr looks like a sanitizer report or a crash
expect_no_crash() {
	if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation|Aborted' "$T/err"; then
		fail "$1" "sanitizer report or crash"
	elif [ "$rc" -gt 128 ] && [ "$rc" -ne 124 ]; then
		fail "$1" "killed by signal $((rc - 128))"
	else
		ok "$1"
	fi
}

cases=0
for yaml in "$BAD"/*.yaml; do
	[ -f "$yaml" ] || continue
	name=${yaml##*/}
	name=${name%.yaml}
	expected="$BAD/$name.err"
	cases=$((cases + 1))
	if [ ! -f "$expected" ]; then
		notok "$name: has $expected" "every bad input needs its expected stderr beside it"
		continue
	fi

	# cjm validate: exit 65, exactly the expected diagnostics, nothing on stdout, fast
	timed "$CJM" validate "$yaml"
	expect_no_crash "$name: validate does not crash"
	expect_rc 65 "$name: validate exits 65"
	expect_err_file "$expected" "$name: validate says exactly $expected"
	expect_empty "$T/out" "$name: validate prints nothing on stdout"
	expect_fast "$name: validate finishes"

	# cjm fmt -w on a copy: refused, the copy unchanged, nothing else left in its folder
	dir="$T/fmt-$name"
	mkdir "$dir"
	cp "$yaml" "$dir/$name.yaml"
	timed "$CJM" fmt -w "$dir/$name.yaml"
	expect_no_crash "$name: fmt -w does not crash"
	expect_rc 65 "$name: fmt -w exits 65"
	if cmp -s "$yaml" "$dir/$name.yaml"; then
		ok "$name: fmt -w leaves the file unchanged"
	else
		fail "$name: fmt -w leaves the file unchanged" "$dir/$name.yaml was rewritten"
	fi
	left=$(ls -A "$dir")
	if [ "$left" = "$name.yaml" ]; then
		ok "$name: fmt -w leaves no other file behind"
	else
		fail "$name: fmt -w leaves no other file behind" "found: $(echo "$left" | tr '\n' ' ')"
	fi
	expect_fast "$name: fmt -w finishes"
	rm -rf "$dir"
done
if [ "$cases" -ge 60 ]; then
	ok "the corpus has $cases cases"
else
	notok "the corpus has at least 60 cases" "found $cases in $BAD"
fi

# Every .err has its .yaml (a renamed case must not leave a stale expectation).
orphans=""
for err in "$BAD"/*.err; do
	[ -f "${err%.err}.yaml" ] || orphans="$orphans ${err##*/}"
done
if [ -z "$orphans" ]; then ok "every .err has its .yaml"; else notok "every .err has its .yaml" "orphans:$orphans"; fi

# The diagnostics name the file as given: standard input is <stdin>.
# shellcheck disable=SC2016 # $1 and $2 are for the inner shell
run sh -c '"$1" validate - <"$2"' sh "$CJM" "$BAD/emotion-4.yaml"
expect_rc 65 "stdin: validate - exits 65"
sed 's|^tests/bad/emotion-4.yaml:|<stdin>:|' "$BAD/emotion-4.err" >"$T/stdin.err"
expect_err_file "$T/stdin.err" "stdin: the diagnostics are named <stdin>"

# Several files: each one's diagnostics, in order, exit 65.
run "$CJM" validate "$BAD/emotion-4.yaml" "$BAD/version-2.yaml"
expect_rc 65 "two bad files: exit 65"
cat "$BAD/emotion-4.err" "$BAD/version-2.err" >"$T/two.err"
expect_err_file "$T/two.err" "two bad files: both reported, in order"

# A missing file: exit 66, cjm: PATH: No such file or directory.
missing="$T/no-such-map.yaml"
run "$CJM" validate "$missing"
expect_rc 66 "missing file: validate exits 66"
expect_err_file /dev/stdin "missing file: says so" <<EOF
cjm: $missing: No such file or directory
EOF
run "$CJM" fmt -w "$missing"
expect_rc 66 "missing file: fmt -w exits 66"
check test ! -e "$missing" "missing file: fmt -w does not create it"

# A folder: exit 66.
mkdir "$T/folder.yaml"
run "$CJM" validate "$T/folder.yaml"
expect_rc 66 "folder: validate exits 66"
expect_err_line "cjm: $T/folder.yaml: Is a directory" "folder: says it is a directory"
run "$CJM" fmt -w "$T/folder.yaml"
expect_rc 66 "folder: fmt -w exits 66"

# Over the size limit (256 MiB): a sparse file, refused from its size alone, fast.
mkdir "$T/big"
big="$T/big/big.yaml"
if truncate -s 300M "$big" 2>/dev/null; then
	timed "$CJM" validate "$big"
	expect_no_crash "300 MiB file: validate does not crash"
	expect_rc 65 "300 MiB file: validate exits 65"
	expect_err_file /dev/stdin "300 MiB file: says it is too large" <<EOF
$big: error: file is too large (the limit is 256 MiB)
EOF
	expect_fast "300 MiB file: refused without reading it"
	timed "$CJM" fmt -w "$big"
	expect_rc 65 "300 MiB file: fmt -w exits 65"
	expect_fast "300 MiB file: fmt -w refuses it without hanging"
	size=$(wc -c <"$big" | tr -d ' ')
	left=$(ls -A "$T/big")
	if [ "$size" -eq $((300 * 1024 * 1024)) ] && [ "$left" = big.yaml ]; then
		ok "300 MiB file: fmt -w leaves it alone"
	else
		notok "300 MiB file: fmt -w leaves it alone" "size $size; in its folder: $(echo "$left" | tr '\n' ' ')"
	fi
	rm -f "$big"
	# one byte over the limit is over it
	truncate -s $((256 * 1024 * 1024 + 1)) "$big"
	timed "$CJM" validate "$big"
	expect_rc 65 "256 MiB + 1 byte: validate exits 65"
	expect_err_line "$big: error: file is too large (the limit is 256 MiB)" "256 MiB + 1 byte: too large"
	expect_fast "256 MiB + 1 byte: refused without hanging"
	rm -f "$big"
else
	notok "300 MiB sparse file" "truncate -s 300M failed in $T"
fi

# Inputs with no size to stat: a device that never ends and a pipe past the limit.
# Refused with the same message as a large file (these read 256 MiB, so they use the
# optimised build when there is one and only guard against a hang).
FAST=${CJM_FAST:-$CJM}
run timeout 20 "$FAST" validate /dev/zero
expect_rc 65 "/dev/zero: validate exits 65"
expect_err_line "/dev/zero: error: file is too large (the limit is 256 MiB)" "/dev/zero: too large"
# shellcheck disable=SC2016 # $1 is for the inner shell
run timeout 20 sh -c 'head -c 270000000 /dev/zero | tr "\0" " " | "$1" validate -' sh "$FAST"
expect_rc 65 "270 MB on stdin: validate exits 65"
expect_err_line "<stdin>: error: file is too large (the limit is 256 MiB)" "270 MB on stdin: too large, as for a file"

lib_finish
