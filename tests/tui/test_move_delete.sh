#!/bin/sh
# Deletes (x) and moves (H, L) touchpoints, across a phase boundary too, and undoes it.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Move test
phases:
- id: orient
  name: Orient
  touchpoints:
  - {id: alpha, name: Alpha, emotion: 1}
  - {id: bravo, name: Bravo}
  - {id: charlie, name: Charlie}
- id: buy
  name: Buy
  touchpoints:
  - {id: delta, name: Delta}
Y

# names: the name lane as "A B | C": the first line of each column's name, with
# "|" where a phase ends (phase names are ASCII here; columns are 16 wide at 100x30)
names() {
	tui_screen
	awk -F'│' '
		/^phase / { for (i = 2; i < NF; i++) { ends[int((length($i) + 1) / 16) + done] = 1; done += int((length($i) + 1) / 16) } }
		/^name / {
			s = ""
			for (i = 2; i <= NF; i++) {
				v = $i; gsub(/^ +| +$/, "", v)
				if (v == "") continue
				if (ends[i - 2] && i > 2) s = s " |"
				s = s (s == "" ? "" : " ") v
			}
			print s; exit
		}' "$T/screen"
}
# phases: the phase row as "P Q"
phases() {
	tui_screen
	awk -F'│' '/^phase / { s = ""; for (i = 2; i <= NF; i++) { v = $i; gsub(/^ +| +$/, "", v); if (v != "") s = s (s == "" ? "" : " ") v } print s; exit }' "$T/screen"
}
# order EXPECTED NAME: the name lane comes to read EXPECTED
order() {
	tui_i=0
	while [ "$tui_i" -lt $((TUI_TIMEOUT * 10)) ]; do
		[ "$(names)" = "$1" ] && { ok "$2"; return 0; }
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
	notok "$2" "expected the names: $1" "seen:              $(names)"
	tui_dump
}

tui_start 100 30 "$CJM" "$map"
order "Alpha Bravo Charlie | Delta" "the map opens with its four touchpoints in order"
check [ "$(phases)" = "Orient Buy" ] "the phase row shows Orient then Buy"

# ---- delete and undo ----
tui_keys l x
tui_status_has "deleted 'Bravo'" "x deletes the selected touchpoint and says so"
order "Alpha Charlie | Delta" "after x Bravo is gone from the screen"
tui_status_has "Orient > Charlie" "after x the next touchpoint is selected"
tui_keys u
order "Alpha Bravo Charlie | Delta" "u brings Bravo back in its place"

# ---- move right, across the phase boundary, and back ----
tui_keys Home
tui_status_has "Orient > Alpha" "Home selects Alpha"
tui_keys L
order "Bravo Alpha Charlie | Delta" "L moves Alpha one place right"
tui_status_has "Orient > Alpha" "the selection moves with Alpha"
tui_keys L L
order "Bravo Charlie | Alpha Delta" "L L moves Alpha on, into the next phase"
tui_status_has "Buy > Alpha" "Alpha is now the first touchpoint of Buy"
tui_keys H
order "Bravo Charlie Alpha | Delta" "H moves Alpha back to the end of Orient"
tui_status_has "Orient > Alpha" "the selection moves back with Alpha"
tui_keys u
order "Bravo Charlie | Alpha Delta" "u undoes H: the screen shows Alpha in Buy again"
tui_keys u u
order "Bravo Alpha Charlie | Delta" "u u undoes the two moves L L"
tui_keys u
order "Alpha Bravo Charlie | Delta" "a fourth u undoes the first move"
tui_keys u
tui_status_has "nothing to undo" "a fifth u: nothing to undo (the moves ended the redo of the delete)"
order "Alpha Bravo Charlie | Delta" "the order is the original one"

# ---- a change that stays: Charlie left, Delta deleted ----
tui_keys End
tui_status_has "Buy > Delta" "End selects Delta"
tui_keys x
tui_expect "touchpoints)" "deleting the only touchpoint of a phase leaves it empty"
tui_keys '[' l l
tui_status_has "Orient > Charlie" "[ l l selects Charlie"
tui_keys H
order "Alpha Charlie Bravo | (no" "H moves Charlie before Bravo"
tui_keys : w q Enter
tui_expect_rc 0 ":wq exits 0"
cat >"$T/expected.in" <<'Y'
version: 1
title: Move test
phases:
- id: orient
  name: Orient
  touchpoints:
  - {id: alpha, name: Alpha, emotion: 1}
  - {id: charlie, name: Charlie}
  - {id: bravo, name: Bravo}
- id: buy
  name: Buy
Y
run "$CJM" fmt "$T/expected.in"
cp "$T/out" "$T/expected"
expect_same "$T/expected" "$map" "the file has the order on screen and no Delta"
tui_no_leftovers "$map" "no recovery or lock file is left"
lib_finish
