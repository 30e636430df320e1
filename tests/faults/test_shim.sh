#!/bin/sh
# Saves that fail half-way, by an LD_PRELOAD shim that fails write (at once, or
# after some bytes: a filling disk), fsync, rename or mkstemp: every command that
# replaces a file exits 73 or 74 naming the file and the step, the file is byte
# for byte as it was, and no temporary file is left. Uses the optimised build
# (a sanitizer runtime may come before the shim and hide the C library's calls).
. tests/faults/faults.sh
SHIM=${CJM_FAILSHIM:-$(cd "$(dirname "$FAST")" && pwd)/faults/failshim.so}
if [ ! -f "$SHIM" ]; then
	notok "the shim is built" "$SHIM is missing; build it with: make build/faults/failshim.so"
	exit 1
fi

# The faults: name, CJM_FAIL, CJM_FAIL_AFTER, CJM_FAIL_ERRNO, exit code, step.
faults="write-at-once:write:0:ENOSPC:74:write
write-after-40-bytes:write:40:ENOSPC:74:write
write-io-error:write:0:EIO:74:write
fsync:fsync:0:EIO:74:sync
fsync-quota:fsync:0:EDQUOT:74:sync
rename:rename:0:EIO:74:rename
rename-cross-device:rename:0:EXDEV:74:rename
mkstemp-full:mkstemp:0:ENOSPC:73:create
mkstemp-denied:mkstemp:0:EACCES:73:create"

n=0
for cmd in $SAVING_COMMANDS; do
	# without a fault the command does replace (or create) the file: the faults below are what stops it
	n=$((n + 1))
	setup_case "$cmd" "$T/c$n"
	# shellcheck disable=SC2086
	run env LD_PRELOAD="$SHIM" "$FAST" $argv
	expect_rc 0 "$cmd without a fault: exits 0"
	if [ -n "$orig" ] && cmp -s "$orig" "$target"; then
		fail "$cmd without a fault: the file is replaced"
	elif [ ! -s "$target" ]; then
		fail "$cmd without a fault: the file is written"
	else
		ok "$cmd without a fault: the file is written"
	fi
	for fault in $faults; do
		IFS=: read -r name what after err code step <<EOF_FAULT
$fault
EOF_FAULT
		n=$((n + 1))
		setup_case "$cmd" "$T/c$n"
		# shellcheck disable=SC2086
		run env LD_PRELOAD="$SHIM" CJM_FAIL="$what" CJM_FAIL_AFTER="$after" CJM_FAIL_ERRNO="$err" "$FAST" $argv
		expect_save_failed "$cmd, $name" "$code" "$step"
		expect_unchanged "$cmd, $name" "$T/c$n"
	done
done
lib_finish
