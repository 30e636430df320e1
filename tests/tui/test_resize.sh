#!/bin/sh
# Resizes the terminal under the editor: smaller, too small, and back.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Resize test
phases:
- id: orient
  name: Orientation
  touchpoints:
  - {id: alpha, name: Alpha, emotion: 2, channel: web}
  - {id: bravo, name: Bravo, emotion: -1, pains: [Too slow]}
- id: buy
  name: Purchase
  touchpoints:
  - {id: charlie, name: Charlie, emotion: 0}
Y

resize() {
	tmx resize-window -t "$TUI_SESSION" -x "$1" -y "$2"
}

tui_start 100 30 "$CJM" "$map"
tui_status_has "Orientation > Alpha" "the map opens at 100x30"
tui_expect "●+2" "the curve is drawn"
tui_screen "$T/first"

resize 60 20
# at 60 columns the columns are 14 wide (16 at 100): the names lane is redrawn so
if tui_poll "│Alpha        │Bravo        │Charlie" && tui_status | grep -qF "Orientation > Alpha" &&
	[ "$(wc -l <"$T/screen")" -le 20 ] && tui_has "Purchase" && tui_has "●+2"; then
	ok "at 60x20 the map is drawn again, narrower, with its status line"
else
	notok "at 60x20 the map is drawn again, narrower, with its status line"
	tui_dump
fi
if tui_has "small"; then notok "60x20 is not too small"; tui_dump; else ok "60x20 is not too small"; fi

resize 30 8
tui_expect "small" "at 30x8 the screen says it is too small"
if tui_has "Orientation"; then notok "at 30x8 the map is not drawn"; tui_dump; else ok "at 30x8 the map is not drawn"; fi
tui_alive "the editor lives on at 30x8"

resize 100 30
tui_wait_gone "small"
tui_status_has "Orientation > Alpha" "back at 100x30 the status line is there"
tui_expect "Purchase" "back at 100x30 the phase names are drawn"
tui_screen "$T/again"
expect_same "$T/first" "$T/again" "back at 100x30 the screen is exactly what it was"
tui_alive "the editor lives on after the resizes"

# the editor still works: a change, saved
tui_keys l +
tui_expect "●0" "the keys still work after the resizes (Bravo -1 to 0)"
tui_keys : w q Enter
tui_expect_rc 0 ":wq exits 0"
check grep -q "emotion: 0" "$map" "the change made after the resizes is saved"
lib_finish
