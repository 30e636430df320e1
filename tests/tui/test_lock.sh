#!/bin/sh
# Two cjm on one map: the second is told the map is open in another cjm and
# chooses: q quits, r opens read-only, e edits anyway.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
rec=$(tui_recovery_of "$map")
lock=$(tui_lock_of "$map")
cat >"$map" <<'Y'
version: 1
title: Lock test
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
Y
cp "$map" "$T/orig.yaml"

TUI_SESSION=first
tui_start 100 30 "$CJM" "$map"
tui_status_has "Orient > Alpha" "the first cjm opens the map"
first=$(tui_pid)
check test -f "$lock" "the first cjm holds the lock"

# second: starts a second cjm on the map in its own window
second() {
	TUI_SESSION=second
	tui_start 100 30 "$CJM" "$map"
	tui_expect "is open in another cjm" "$1: a second cjm says the map is open in another cjm"
	if tui_has "(pid $first,"; then
		ok "$1: the prompt names the first cjm's pid"
	else
		notok "$1: the prompt names the first cjm's pid" "pid $first"
		tui_dump
	fi
}

# ---- q quits ----
second q
if tui_has "r open it read-only" && tui_has "e edit it anyway" && tui_has "q quit"; then
	ok "the prompt offers r, e and q"
else
	notok "the prompt offers r, e and q"
	tui_dump
fi
tui_keys q
tui_expect_rc 0 "q: the second cjm quits with 0"
check grep -q "^$first " "$lock" "q: the lock is still the first cjm's"
expect_same "$T/orig.yaml" "$map" "q: the map is unchanged"

# ---- r opens read-only ----
second read-only
tui_keys r
tui_status_has "[read-only]" "r: the second cjm opens the map read-only"
tui_status_has "Orient > Alpha" "r: the map is drawn"
tui_keys +
tui_status_has "read-only: nothing can be changed" "r: a change is refused"
if tui_has "●"; then notok "r: nothing is scored on screen"; tui_dump; else ok "r: nothing is scored on screen"; fi
tui_keys : w Enter
tui_status_has "read-only" "r: :w is refused"
tui_keys : q Enter
tui_expect_rc 0 "r: :q exits 0"
check grep -q "^$first " "$lock" "r: the lock is still the first cjm's after the read-only one quits"
check test ! -e "$rec" "r: the read-only cjm wrote no recovery file"
expect_same "$T/orig.yaml" "$map" "r: the map is unchanged"

# ---- a live cjm's recovery file is not offered as a crashed one's ----
TUI_SESSION=first
tui_alive "the first cjm is still running"
tui_keys +
tui_wait_for "●+1"
if tui_wait_file "$rec" 5; then ok "the first cjm writes its recovery file"; else notok "the first cjm writes its recovery file"; fi
cp "$rec" "$T/rec.before" 2>/dev/null
TUI_SESSION=second
tui_start 100 30 "$CJM" "$map"
tui_i=0
while [ "$tui_i" -lt 100 ] && ! tui_has "is open in another cjm" && ! tui_has "has unsaved edits"; do
	sleep 0.1
	tui_i=$((tui_i + 1))
done
if tui_has "is open in another cjm"; then
	ok "with the first cjm's recovery file there, the second cjm asks about the lock"
	tui_keys q
elif tui_has "has unsaved edits"; then
	notok "with the first cjm's recovery file there, the second cjm asks about the lock" \
		"it offers the recovery file of a cjm that is still running as if that one had crashed:"
	tui_dump
	tui_keys o # keeps the recovery file; opens read-only
	tui_wait_for "[read-only]"
	tui_keys : q Enter
else
	notok "with the first cjm's recovery file there, the second cjm asks about the lock"
	tui_dump
fi
tui_wait_exit
expect_same "$T/rec.before" "$rec" "the first cjm's recovery file is left alone by the second"

TUI_SESSION=first
tui_keys : w Enter
tui_status_has "saved" "the first cjm saves its change"
check grep -q "emotion: 1" "$map" "the first cjm's change is in the file"
check test ! -e "$rec" "saving removes the recovery file"

# ---- e edits anyway ----
second anyway
tui_keys e
tui_status_has "Orient > Alpha" "e: the second cjm opens the map"
if tui_status | grep -qF "read-only"; then notok "e: it is not read-only" "$(tui_status)"; else ok "e: it is not read-only"; fi
tui_keys : q Enter
tui_expect_rc 0 "e: :q exits 0"

TUI_SESSION=first
tui_alive "the first cjm is still running after the second edited anyway"
tui_keys : q Enter
tui_expect_rc 0 "the first cjm quits with 0"
tui_no_leftovers "$map" "no recovery or lock file is left"
lib_finish
