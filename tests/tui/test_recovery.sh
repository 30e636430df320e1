#!/bin/sh
# The recovery file: written about a second after a change, kept when cjm is killed
# (SIGHUP, SIGKILL), offered on the next start: r restores, d discards, o opens
# the saved map read-only and keeps it.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
rec=$(tui_recovery_of "$map")
lock=$(tui_lock_of "$map")
cat >"$map" <<'Y'
version: 1
title: Recovery test
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
  - id: bravo
    name: Bravo
Y
cp "$map" "$T/orig.yaml"

# crash SIGNAL KEYS...: opens the map, types KEYS, waits for the recovery file,
# then kills cjm with SIGNAL
crash() {
	sig=$1
	shift
	tui_start 100 30 "$CJM" "$map"
	tui_wait_for "Orient > Alpha"
	tui_keys "$@"
	tui_wait_for " [+] "
	if tui_wait_file "$rec" 5; then ok "SIG$sig: the recovery file appears after a change"; else notok "SIG$sig: the recovery file appears after a change" "$(ls -a "$T")"; fi
	if [ -n "${late:-}" ]; then
		# a last change just before the signal: SIGHUP and SIGTERM write it at once
		tui_keys "$late"
		tui_wait_for "$late_shows"
	fi
	pid=$(tui_pid)
	if [ -n "$pid" ]; then kill "-$sig" "$pid"; else notok "SIG$sig: found the cjm process"; fi
	tui_wait_exit
	check test -f "$rec" "SIG$sig: the recovery file is kept"
	expect_same "$T/orig.yaml" "$map" "SIG$sig: the map file is unchanged"
}

# offered: the next start offers the recovery
offered() {
	tui_start 100 30 "$CJM" "$map"
	tui_expect "has unsaved edits from" "$1: the next start offers the unsaved edits"
	if tui_has "r restore them" && tui_has "d discard them" && tui_has "o open the saved file read-only"; then
		ok "$1: the prompt offers r, d and o"
	else
		notok "$1: the prompt offers r, d and o"
		tui_dump
	fi
}

# ---- SIGHUP (a closed terminal), then r restores ----
crash HUP l +
if [ "$tui_rc" = 129 ]; then ok "SIGHUP: cjm exits 129 after writing the recovery file"; else notok "SIGHUP: cjm exits 129 after writing the recovery file" "exit: $tui_rc"; fi
check test ! -e "$lock" "SIGHUP: the lock is released"
run "$CJM" validate "$rec"
expect_rc 0 "SIGHUP: the recovery file is a valid map"
check grep -q "emotion: 1" "$rec" "SIGHUP: the recovery file has the change"
offered SIGHUP
tui_keys r
tui_status_has "restored unsaved edits" "r restores the unsaved edits and says so"
tui_status_has " [+] " "the restored map shows unsaved [+]"
tui_expect "●+1" "the restored change is on screen"
tui_keys : w q Enter
tui_expect_rc 0 ":wq after r exits 0"
check grep -q "emotion: 1" "$map" "after r and :wq the file has the change"
tui_no_leftovers "$map" "after r and :wq no recovery or lock file is left"
cp "$map" "$T/orig.yaml"

# ---- SIGKILL (nothing can be done at the time), then r restores ----
crash KILL -
check [ "$tui_rc" = 137 ] "SIGKILL: cjm is killed"
check test -e "$lock" "SIGKILL: the lock of the dead cjm stays behind"
check grep -q "emotion: -1" "$rec" "SIGKILL: the recovery file has the change"
offered SIGKILL
tui_keys r
tui_status_has " [+] " "after SIGKILL r restores the map as unsaved"
tui_expect "●-1" "after SIGKILL the restored change is on screen"
tui_keys : w q Enter
tui_expect_rc 0 ":wq after SIGKILL and r exits 0"
check grep -q "emotion: -1" "$map" "after SIGKILL, r and :wq the file has the change"
tui_no_leftovers "$map" "after SIGKILL, r and :wq no recovery or lock file is left"
cp "$map" "$T/orig.yaml"

# ---- d discards ----
crash KILL l 3
offered discard
tui_keys d
tui_status_has "took over the lock" "d: the editor opens, taking over the dead cjm's lock"
tui_screen
if tui_has "●+3" || tui_has "[+]"; then notok "d: the discarded change is not on screen"; tui_dump; else ok "d: the discarded change is not on screen"; fi
check test ! -e "$rec" "d: the recovery file is removed"
tui_keys : q Enter
tui_expect_rc 0 "d: :q exits 0 (nothing to save)"
expect_same "$T/orig.yaml" "$map" "d: the map file is unchanged"
tui_no_leftovers "$map" "d: no recovery or lock file is left"

# ---- o opens read-only and keeps the recovery file ----
late=+ late_shows="●+3"
crash TERM l 2
late=
check [ "$tui_rc" = 143 ] "SIGTERM: cjm exits 143"
check grep -q "emotion: 3" "$rec" "SIGTERM: the recovery file has the last change, made just before"
cp "$rec" "$T/rec.before"
offered read-only
tui_keys o
tui_status_has "[read-only]" "o opens the saved map read-only"
if tui_has "●+3"; then notok "o: the unsaved change is not shown"; tui_dump; else ok "o: the unsaved change is not shown"; fi
tui_keys +
tui_status_has "read-only" "o: a change is refused"
# for longer than the editor waits between recovery writes (1 s): a read-only editor must not touch it
if tui_file_stays "$rec" "$T/rec.before" 2; then
	ok "o: the recovery file is kept as it was while open"
else
	expect_same "$T/rec.before" "$rec" "o: the recovery file is kept as it was while open"
fi
tui_keys : q Enter
tui_expect_rc 0 "o: :q exits 0"
expect_same "$T/rec.before" "$rec" "o: the recovery file is kept after quitting"
expect_same "$T/orig.yaml" "$map" "o: the map file is unchanged"
offered "after o"
tui_keys d
tui_wait_for "Orient > Alpha"
tui_keys : q Enter
tui_expect_rc 0 "after o, d and :q exit 0"
tui_no_leftovers "$map" "after o and d no recovery or lock file is left"
lib_finish
