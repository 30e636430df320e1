#!/bin/sh
# "Min twee": - then a digit scores that negative value (+ then a digit, that
# positive one), as one change; the status line always shows the selected
# touchpoint's emotion and every change says old -> new, with a real minus sign.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Sign test
phases:
- id: kopen
  name: Kopen
  touchpoints:
  - {id: alpha, name: Alpha, emotion: 1}
  - {id: bravo, name: Bravo}
  - {id: charlie, name: Charlie, emotion: -3}
Y

tui_start 100 30 "$CJM" "$map"
tui_status_has "| Kopen > Alpha | emotion +1 |" "the status line shows the selected touchpoint's emotion"

tui_keys - 2
tui_status_has "emotion +1 → −2 |" "- 2 says old → new, from the value before the -, with U+2212"
tui_status_has "| Kopen > Alpha | emotion −2 |" "after - 2 the status line shows emotion −2"
tui_row_has -2 "●-2" "- 2 puts Alpha on the -2 row (not +2)"

tui_keys u
tui_status_has "| Kopen > Alpha | emotion +1 |" "one u takes - 2 back to +1, the value before the -"
tui_row_has +1 "●+1" "after u Alpha is on the +1 row again"

tui_keys l
tui_status_has "| Kopen > Bravo | emotion not scored |" "an unscored touchpoint says 'emotion not scored'"
tui_keys + 1
tui_status_has "emotion not scored → +1 |" "+ 1 on an unscored touchpoint: not scored → +1"
tui_keys 2
tui_status_has "emotion +1 → +2 |" "a digit alone sets 0..3 and says old → new"

tui_keys l
tui_status_has "| Kopen > Charlie | emotion −3 |" "Charlie is at −3"
tui_keys - 1
tui_status_has "emotion −3 → −1 |" "- at −3 steps nowhere, and - 1 still gives −1"

# the file says what the screen said
tui_keys h h - 2
tui_status_has "emotion +1 → −2" "- 2 on Alpha again"
tui_keys : w Enter
tui_status_has "saved " ":w saves"
check grep -q "emotion: -2" "$map" "the file says emotion: -2 for Alpha"
awk '/id: bravo/ { b = 1 } b && /emotion:/ { print; exit }' "$map" >"$T/bravo"
check grep -q "emotion: 2" "$T/bravo" "the file says emotion: 2 for Bravo"
awk '/id: charlie/ { c = 1 } c && /emotion:/ { print; exit }' "$map" >"$T/charlie"
check grep -q "emotion: -1" "$T/charlie" "the file says emotion: -1 for Charlie"
tui_keys : q Enter
tui_expect_rc 0 ":q exits 0"

# without UTF-8 the minus sign is ASCII
tui_start 100 30 env LANG=C "$CJM" "$map"
tui_status_has "| Kopen > Alpha | emotion -2 |" "in the C locale the status line says emotion -2"
tui_keys - 1
tui_status_has "emotion -2 -> -1 |" "in the C locale a change says -2 -> -1"
if tui_status | grep -q "−"; then notok "no U+2212 in the C locale" "$(tui_status)"; else ok "no U+2212 in the C locale"; fi
tui_keys : q ! Enter
tui_expect_rc 0 ":q! exits 0"
lib_finish
