#!/bin/sh
# Scores emotions with + - and digits, undoes and redoes them (u, Ctrl-R), each
# selecting what it changed.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Undo test
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
  - id: bravo
    name: Bravo
  - id: charlie
    name: Charlie
Y

# no_marker NAME: no touchpoint is scored on screen
no_marker() {
	tui_screen
	if grep -qF "●" "$T/screen"; then notok "$1"; tui_dump; else ok "$1"; fi
}

tui_start 100 30 "$CJM" "$map"
tui_status_has "Orient > Alpha" "the first touchpoint is selected on opening"
no_marker "nothing is scored yet"

tui_keys + +
tui_row_has +2 "●+2" "+ + puts Alpha's marker on the +2 row"
tui_keys l -
tui_status_has "Orient > Bravo" "l selects Bravo"
tui_row_has -1 "●-1" "- puts Bravo's marker on the -1 row"

tui_keys u
tui_status_has "undone" "u says undone"
tui_wait_gone "●-1" && ok "u takes Bravo's score away"
tui_row_has +2 "●+2" "u leaves Alpha at +2"
tui_keys u
tui_row_has +1 "●+1" "a second u takes Alpha back to +1"
tui_status_has "Orient > Alpha |" "u selects the touchpoint it changed, so the room sees it"
tui_keys u
tui_wait_gone "●" && ok "a third u leaves nothing scored"
tui_keys u
tui_status_has "nothing to undo" "u with nothing left to undo says so"

tui_keys C-r
tui_row_has +1 "●+1" "Ctrl-R redoes Alpha +1"
tui_status_has "redone" "Ctrl-R says redone"
tui_keys C-r C-r
tui_row_has +2 "●+2" "Ctrl-R again redoes Alpha +2"
tui_row_has -1 "●-1" "Ctrl-R a third time redoes Bravo -1"
tui_status_has "Orient > Bravo |" "Ctrl-R selects the touchpoint it changed"
tui_keys C-r
tui_status_has "nothing to redo" "Ctrl-R with nothing left to redo says so"

tui_keys u
tui_wait_gone "●-1" && ok "u undoes Bravo again"
tui_keys l 3
tui_status_has "Orient > Charlie" "l selects Charlie"
tui_row_has +3 "●+3" "the digit 3 scores Charlie +3"
tui_keys C-r
tui_status_has "nothing to redo" "a new change ends the redo history"
tui_status_has " [+] " "the map shows unsaved"

tui_keys : w q Enter
tui_expect_rc 0 ":wq exits 0"
cat >"$T/expected" <<'Y'
version: 1
title: Undo test
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
    emotion: 2
  - id: bravo
    name: Bravo
  - id: charlie
    name: Charlie
    emotion: 3
Y
expect_same "$T/expected" "$map" "the file has the emotions left after undo and redo"
tui_no_leftovers "$map" "no recovery or lock file is left"
lib_finish
