#!/bin/sh
# Recovery files when things go wrong. One that cannot be read is moved aside to a
# numbered name (said on screen) and never overwritten or removed. A recovery write
# that fails is said on the status line, marked there until a write works again, and
# retried; the last good recovery file survives a kill -9 after a failed write.
# The faults work for root too: a folder in the recovery file's place, a file size limit.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
rec=$(tui_recovery_of "$map")
cat >"$map" <<'Y'
version: 1
title: Faults test
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
Y
cp "$map" "$T/orig.yaml"

# ---- an unreadable recovery file is moved aside, to the first free number ----
printf 'version: 1\ntitle: [unclosed\n\001\002 not a map\n' >"$rec"
cp "$rec" "$T/planted"
printf 'an earlier one\n' >"$rec.1"
tui_start 140 30 "$CJM" "$map"
tui_expect "cannot be read" "an unreadable recovery file is reported"
tui_expect "moved aside to" "the screen says it is moved aside"
tui_expect "  $rec.2" "the screen says where it is moved (the first free number)"
expect_same "$T/planted" "$rec.2" "the unreadable recovery file is kept, byte for byte, under the new name"
check grep -qx "an earlier one" "$rec.1" "the file already at .1 is left alone"
tui_keys o
tui_status_has "the unreadable recovery file is kept in $rec.2" "after o the status line says where it is kept"
tui_keys +
tui_expect "●+1" "an edit"
if tui_wait_file "$rec" 5; then ok "the editor writes its own recovery file"; else notok "the editor writes its own recovery file"; fi
check grep -q "emotion: 1" "$rec" "its own recovery file holds the edit"
tui_keys : q ! Enter
tui_expect_rc 0 ":q! exits 0"
check test ! -e "$rec" ":q! removes the recovery file the editor wrote"
expect_same "$T/planted" "$rec.2" "the planted bytes survive the edit and :q!"
check grep -qx "an earlier one" "$rec.1" ".1 survives too"

# the same with :wq
rm -f "$rec.1" "$rec.2"
cp "$T/planted" "$rec"
tui_start 140 30 "$CJM" "$map"
tui_expect "  $rec.1" "again: moved aside to .1"
tui_keys o
tui_keys -
tui_expect "●-1" "an edit, again"
tui_wait_file "$rec" 5
tui_keys : w q Enter
tui_expect_rc 0 ":wq exits 0"
check grep -q "emotion: -1" "$map" ":wq saved the edit"
expect_same "$T/planted" "$rec.1" "the planted bytes survive the edit and :wq"
rm -f "$rec.1"
cp "$T/orig.yaml" "$map"

# ---- one this user may not read (root reads every file: not for root) ----
if [ "$(id -u)" != 0 ]; then
	cp "$T/orig.yaml" "$rec"
	chmod 000 "$rec"
	tui_start 140 30 "$CJM" "$map"
	tui_expect "Permission denied" "a recovery file that may not be read is reported, with the reason"
	tui_expect "  $rec.1" "it is moved aside to .1"
	tui_keys o
	tui_keys +
	tui_expect "●+1" "an edit after the unreadable one"
	tui_wait_file "$rec" 5
	tui_keys : q ! Enter
	tui_expect_rc 0 ":q! exits 0 after the unreadable one"
	chmod 600 "$rec.1"
	expect_same "$T/orig.yaml" "$rec.1" "the recovery file that could not be read keeps its bytes"
	rm -f "$rec.1"
else
	echo "ok - a recovery file that may not be read # SKIP root reads every file"
fi

# ---- a recovery write fails: a folder where the recovery file goes ----
tui_start 140 30 "$CJM" "$map"
tui_status_has "Orient > Alpha" "the map opens"
tui_keys +
tui_expect "●+1" "+ scores Alpha"
if tui_wait_file "$rec" 5; then ok "the recovery file is written"; else notok "the recovery file is written"; fi
rm -f "$rec"
mkdir "$rec"
: >"$rec/in-the-way"
tui_keys +
tui_expect "●+2" "+ scores Alpha +2"
tui_status_has "recovery not written: Is a directory; retrying" "a failed recovery write is said on the status line"
tui_status_has "[recovery not written]" "the status line marks that recovery is not written"
tui_keys C-l
tui_wait_gone "Is a directory"
sleep 2 # two retries
tui_status_has "[recovery not written]" "the mark stays while the writes fail, after the message is gone"
tui_keys +
tui_expect "●+3" "an edit while the writes fail"
rm -r "$rec"
tui_status_has "recovery file written again: $rec" "once the folder is gone, a retry writes it and says so" 5
if tui_has "[recovery not written]"; then notok "the mark is gone once a write works"; tui_dump; else ok "the mark is gone once a write works"; fi
check grep -q "emotion: 3" "$rec" "the recovery file holds every edit, those made while it failed too"
pid=$(tui_pid)
kill -9 "$pid"
tui_wait_exit
check [ "$tui_rc" = 137 ] "the editor is killed once the writes work again"
tui_start 140 30 "$CJM" "$map"
tui_expect "has unsaved edits from" "after kill -9 the edits are offered"
tui_keys r
tui_expect "●+3" "r restores every edit"
tui_keys : q ! Enter
tui_expect_rc 0 ":q! after the restore exits 0"
tui_no_leftovers "$map" ":q! removes the restored recovery file and the lock"

# ---- a write past the file size limit fails (EFBIG, even for root), then kill -9 ----
tui_start 140 30 sh -c 'ulimit -f 2 && exec "$0" "$1"' "$CJM" "$map"
tui_status_has "Orient > Alpha" "the map opens under a small file size limit"
tui_keys -
tui_expect "●-1" "- scores Alpha -1"
if tui_wait_file "$rec" 5; then ok "a small recovery file is written under the limit"; else notok "a small recovery file is written under the limit"; fi
sleep 0.5
cp "$rec" "$T/good"
long=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "Lang verhaal "; }')
tui_keys a
tui_type "$long"
tui_keys Enter
tui_status_has "recovery not written: File too large; retrying" "a write past the size limit is said on the status line"
tui_status_has "[recovery not written]" "and marked"
tui_alive "the editor lives through a write past the size limit"
expect_same "$T/good" "$rec" "the last good recovery file is untouched by the failed write"
tui_keys : w Enter
tui_status_has "File too large); your changes are still here" ":w past the size limit fails and says why"
tui_alive "the editor lives through a save past the size limit"
expect_same "$T/orig.yaml" "$map" "the failed save leaves the map as it was"
pid=$(tui_pid)
kill -9 "$pid"
tui_wait_exit
check [ "$tui_rc" = 137 ] "the editor is killed after the failed write"
expect_same "$T/good" "$rec" "after kill -9 the last good recovery file is intact"
run "$CJM" validate "$rec"
expect_rc 0 "after kill -9 the last good recovery file is a valid map"
check grep -q "emotion: -1" "$rec" "after kill -9 the recovery file holds the edit made before the failure"
rm -f "$rec" "$(tui_lock_of "$map")"
lib_finish
