#!/bin/sh
# x on a phase with touchpoints asks first and says how many went; an empty
# phase goes without a question; x on a touchpoint goes at once (u undoes).
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Delete test
phases:
- id: orient
  name: Oriëntatie
  touchpoints:
  - {id: t0, name: Zoeken}
- id: kopen
  name: Kopen
  touchpoints:
  - {id: k1, name: Een}
  - {id: k2, name: Twee}
  - {id: k3, name: Drie}
  - {id: k4, name: Vier}
  - {id: k5, name: Vijf}
  - {id: k6, name: Zes}
- id: leeg
  name: Leeg
Y
cp "$map" "$T/as-opened"

tui_start 100 30 "$CJM" "$map"
tui_status_has "Oriëntatie > Zoeken" "the map opens"
tui_keys ']' k
tui_status_has "| Kopen |" "] k selects the phase Kopen itself"

tui_keys x
tui_status_has "delete phase 'Kopen' and its 6 touchpoints? y/n" "x on Kopen asks, naming it and its 6 touchpoints"
tui_expect "Vier" "while it asks, Kopen's touchpoints are still on the map"
tui_keys j l
tui_status_has "delete phase 'Kopen' and its 6 touchpoints? y/n" "other keys are no answer: it still asks"
tui_keys n
tui_status_has "nothing deleted" "n: nothing deleted, and it says so"
tui_expect "Vier" "after n Kopen's touchpoints are there"
if tui_status | grep -qF " [+] "; then notok "after n the map is unchanged" "$(tui_status)"; else ok "after n the map is unchanged"; fi

tui_keys x Escape
tui_status_has "nothing deleted" "Escape: nothing deleted"

tui_keys x
tui_status_has "y/n" "x asks again"
tui_keys y
tui_status_has "deleted phase 'Kopen' and its 6 touchpoints (u undoes)" "y deletes it and says how many went"
tui_wait_gone "Vier" && ok "Kopen's touchpoints are gone from the screen"

tui_keys u
tui_expect "Vier" "u brings Kopen and its touchpoints back"
tui_keys x y
tui_status_has "deleted phase 'Kopen' and its 6 touchpoints" "deleted again"

# the empty phase: no question
tui_keys End
tui_status_has "| Leeg |" "End selects the empty phase Leeg"
tui_keys x
tui_status_has "deleted phase 'Leeg' (u undoes)" "x on an empty phase deletes it without asking"

# a touchpoint: at once, undoable
tui_keys Home x
tui_status_has "deleted 'Zoeken' (u undoes)" "x on a touchpoint deletes it at once"
tui_keys u
tui_expect "Zoeken" "u brings the touchpoint back"

tui_keys : w q Enter
tui_expect_rc 0 ":wq exits 0"
check grep -q "name: Zoeken" "$map" "the file keeps the touchpoint that came back"
if grep -q "Kopen\|id: k1\|Leeg" "$map"; then notok "the file has no Kopen, no k1 and no Leeg" "$(cat "$map")"; else ok "the file has no Kopen, no k1 and no Leeg"; fi

# read-only: x asks nothing and changes nothing
tui_start 100 30 "$CJM" -R "$T/as-opened"
tui_status_has "read-only" "opened with cjm -R"
tui_keys ']' k x
tui_status_has "read-only: nothing can be changed" "x in a read-only editor is refused without a question"
tui_keys : q Enter
tui_expect_rc 0 ":q exits 0"
lib_finish
