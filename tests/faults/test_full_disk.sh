#!/bin/sh
# A real full disk: a 64 KiB tmpfs, filled up, under every command that replaces
# a file: it exits 74 naming the file and the failed write, the file is byte for
# byte as it was, and no temporary file is left; with room again, it saves.
# Mounting needs root (and a system that lets root mount): otherwise SKIP.
. tests/faults/faults.sh
disk=$T/disk
if [ "$(id -u)" -ne 0 ]; then
	echo "ok - a full tmpfs # SKIP not root: cannot mount a tmpfs (tests/faults/test_shim.sh fails the writes instead)"
	exit 0
fi
mkdir "$disk"
if ! mount -t tmpfs -o size=64k,mode=0755 cjm-full-disk "$disk" 2>"$T/mount.err"; then
	echo "ok - a full tmpfs # SKIP cannot mount a tmpfs here: $(head -n 1 "$T/mount.err")"
	exit 0
fi
trap 'umount "$disk" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP

# fill: takes up every free block of the tmpfs with a filler file
fill() {
	dd if=/dev/zero of="$disk/filler" bs=1024 2>/dev/null
	sync
}

for cmd in $SAVING_COMMANDS; do
	if [ "$cmd" = export-pdf ]; then
		# a PDF embeds its fonts (60 KB for the smallest map): it and the file it
		# replaces do not fit a 64 KiB disk; test_shim.sh fills its disk instead
		echo "ok - $cmd on a full disk # SKIP a PDF does not fit the 64 KiB disk (test_shim.sh fails its writes)"
		continue
	fi
	rm -rf "${disk:?}"/* "$disk"/.[!.]* 2>/dev/null
	setup_case "$cmd" "$disk/$cmd"
	fill
	# shellcheck disable=SC2086
	run "$CJM" $argv
	expect_save_failed "$cmd on a full disk" 74 write
	expect_err_has "No space left on device" "$cmd on a full disk: says the disk is full"
	# the copy of the original lives on the full disk too: compare with one outside
	if [ -n "$orig" ]; then
		cp "$orig" "$T/$cmd.orig"
		orig=$T/$cmd.orig
	fi
	expect_unchanged "$cmd on a full disk" "$disk/$cmd"
	rm -f "$disk/filler"
	# shellcheck disable=SC2086
	run "$CJM" $argv
	expect_rc 0 "$cmd with room again: saves"
done
lib_finish
