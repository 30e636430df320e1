#!/bin/sh
# The quadrant lane and the status line show what each touchpoint's satisfaction x
# impact quadrant calls for, under the map's thresholds, and follow an edit.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Quadrants
phases:
- id: claim
  name: Claim
  touchpoints:
  - id: call
    name: Claims line
    satisfaction: 5
    impact: 0.8
  - id: coffee
    name: Coffee
    satisfaction: 9
    impact: 0.1
  - id: note
    name: Unscored
Y

tui_start 120 30 "$CJM" "$map" # wide enough for the emotion and the action in full
tui_status_has "Claim > Claims line | emotion not scored | low-high: raise satisfaction first" \
	"the status line gives a low-high touchpoint's action in full"
tui_screen
if grep -Eq '^quadrant│raise first +│save cost +│ *$' "$T/screen"; then
	ok "the quadrant lane shows 'raise first', 'save cost' and nothing for the unscored one"
else
	notok "the quadrant lane shows 'raise first', 'save cost' and nothing for the unscored one"
	tui_dump
fi
tui_keys l
tui_status_has "Claim > Coffee | emotion not scored | high-low: doing too well: save cost" "l: a high-low touchpoint's action"
tui_keys l
tui_status_has "Claim > Unscored |" "l: the unscored touchpoint"
case $(tui_status) in
*low-* | *high-*) notok "an unscored touchpoint has no quadrant on the status line" "$(tui_status)" ;;
*) ok "an unscored touchpoint has no quadrant on the status line" ;;
esac

# raising the claims line's satisfaction to 8 moves it to high-high
tui_keys h h e
tui_expect "Edit touchpoint" "e opens the form"
tui_keys Down Down Down Down C-u
tui_type "8"
tui_keys C-s
tui_status_has "Claims line | emotion not scored | high-high" "after satisfaction 8 the claims line is high-high"
tui_expect "spread it" "the lane follows the edit"
tui_keys u
tui_status_has "Claim > Claims line | emotion not scored | low-high: raise satisfaction first" "u takes it back to low-high"
tui_keys : q ! Enter
tui_expect_rc 0 ":q! leaves"

# the map's own thresholds decide what is high
sed -i 's/^title: Quadrants$/title: Quadrants\nthresholds:\n  satisfaction: 4\n  impact: 0.9/' "$map"
tui_start 120 30 "$CJM" "$map" # wide enough for the emotion and the action in full
tui_status_has "Claim > Claims line | emotion not scored | high-low: doing too well: save cost" \
	"with thresholds 4 and 0.9 the claims line is high-low"
tui_keys : q Enter
tui_expect_rc 0 ":q leaves"
tui_no_leftovers "$map" "no recovery or lock file is left"
lib_finish
