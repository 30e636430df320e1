#!/bin/sh
# Projector mode at 80x24, in colour and without: F shows the selected touchpoint's
# name in a banner and its emotion in block digits, Right walks to the next
# touchpoint (into the next phase) and the digits change, editing keys change
# nothing, and F again leaves. The map file is not touched.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Projectortest
phases:
- id: orienteren
  name: Orienteren
  touchpoints:
  - id: zoeken
    name: Brillen zoeken op de website
    emotion: 1
- id: passen
  name: Thuis passen
  touchpoints:
  - id: doos
    name: Pakket met vijf monturen
    emotion: -2
Y
cp "$map" "$T/orig.yaml"

# the rows of block-digit cells (█) the screen shows
digits_rows() {
	grep -F "$1" "$T/screen" | head -n 5
}

for colour in 0 1; do
	TUI_NO_COLOR=$colour
	export TUI_NO_COLOR
	what="NO_COLOR=$colour"
	tui_start 80 24 "$CJM" "$map"
	tui_expect "Brillen zoeken" "$what: the map opens"
	tui_keys F
	tui_expect "F leave" "$what: F turns projector mode on"
	tui_screen
	check grep -q "Brillen zoeken op de website" "$T/screen" "$what: the name shows in full in the banner"
	check grep -q "Orienteren" "$T/screen" "$what: the phase's name shows"
	if grep -q "suggestion\|:w save\|channel" "$T/screen"; then
		notok "$what: no status clutter in projector mode" "$(cat "$T/screen")"
	else
		ok "$what: no status clutter in projector mode"
	fi
	digits_rows █ >"$T/one"
	if [ "$(wc -l <"$T/one")" -ge 4 ]; then
		ok "$what: the emotion shows in block digits"
	else
		notok "$what: the emotion shows in block digits"
		tui_dump
	fi
	tmx capture-pane -e -p -t "$TUI_SESSION" >"$T/attrs"
	# the band starts reversed on its margin row, or on the name's own row
	if grep -B1 "Brillen zoeken op de website" "$T/attrs" | grep -q "$(printf '\033')\[[0-9;]*7m"; then
		ok "$what: the name is in a reverse-video banner"
	else
		notok "$what: the name is in a reverse-video banner"
	fi
	tui_keys Right
	tui_expect "Pakket met vijf monturen" "$what: Right walks to the next touchpoint, in the next phase"
	tui_expect "Thuis passen" "$what: the phase's name follows"
	tui_screen
	digits_rows █ >"$T/two"
	if [ -s "$T/two" ] && ! cmp -s "$T/one" "$T/two"; then
		ok "$what: the block digits change with the touchpoint"
	else
		notok "$what: the block digits change with the touchpoint"
		tui_dump
	fi
	tui_keys x + a
	tui_status_has "F leaves it to edit" "$what: editing keys change nothing in projector mode, and say so"
	tui_keys h
	tui_expect "Brillen zoeken op de website" "$what: h walks back"
	tui_keys F
	tui_wait_gone "F leave"
	tui_expect "quadrant" "$what: F again leaves projector mode, back to the map"
	tui_keys : q Enter
	tui_expect_rc 0 "$what: :q exits 0 (nothing was changed)"
	check cmp -s "$map" "$T/orig.yaml" "$what: the map file is untouched"
done

# without a UTF-8 locale the block digits are drawn with '#'
TUI_NO_COLOR=1
tui_start 80 24 env LC_ALL=C "$CJM" "$map"
tui_expect "Brillen zoeken" "C locale: the map opens"
tui_keys F
tui_expect "F leave" "C locale: F turns projector mode on"
tui_screen
if [ "$(grep -c '##' "$T/screen")" -ge 4 ] && ! grep -q '█' "$T/screen"; then
	ok "C locale: the block digits are drawn with '#'"
else
	notok "C locale: the block digits are drawn with '#'"
	tui_dump
fi
tui_keys F : q Enter
tui_expect_rc 0 "C locale: :q exits 0"

# :present does the same as F
TUI_NO_COLOR=0
tui_start 80 24 "$CJM" "$map"
tui_expect "Brillen zoeken" "the map opens again"
tui_keys : p r e s e n t Enter
tui_expect "F leave" ":present turns projector mode on"
tui_keys Escape
tui_wait_gone "F leave"
tui_keys : q Enter
tui_expect_rc 0 "Escape leaves projector mode and :q exits 0"
lib_finish
