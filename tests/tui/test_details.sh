#!/bin/sh
# The details view (i) at 80x24: every pain, idea, quote and the notes in full,
# flags and figures, scrolling when longer than the screen; and in the form,
# Backspace keeps the selected value, Alt+q reaches the quotes (not the notes).
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
{
	cat <<'Y'
version: 1
title: Details
phases:
- id: passen
  name: Passen
  touchpoints:
  - id: thuis
    name: Montuur thuis passen
    channel: visit
    owner: logistiek
    emotion: -1
    satisfaction: 5.5
    impact: 0.8
    moment_of_truth: true
    commitment: true
    pains:
Y
	i=1
	while [ $i -le 12 ]; do echo "    - Pijnpunt nummer $i met een lange uitleg over wat er misging bij het passen thuis"; i=$((i + 1)); done
	cat <<'Y'
    ideas: [Videobel met de opticien]
    quotes: ["Ik wist niet of het goed zat"]
    notes: Laatste regel van de notities
Y
} >"$map"

tui_start 80 24 "$CJM" "$map"
tui_status_has "Passen > Montuur thuis passen" "the map opens on the touchpoint"
tui_keys i
tui_expect "Details: Montuur thuis passen" "i opens the details view"
tui_expect "moment of truth (!), commitment (\$)" "the flags are shown"
tui_expect "low-high: raise satisfaction first" "the quadrant is shown"
tui_expect "pains (12)" "the pains are counted"
if tui_has "Laatste regel van de notities"; then notok "a long view does not fit at once"; tui_dump; else ok "a long view does not fit at once"; fi
tui_keys j j j j j j j j j j j j j j j j j j j j j j j j j j j j j j
tui_expect "Laatste regel van de notities" "j scrolls down to the notes"
tui_expect '"Ik wist niet of het goed zat"' "the quote is there"
tui_expect "Videobel met de opticien" "the idea is there"
tui_keys k k k k k k k k k k k k k k k k k k k k k k k k k k k k k k
tui_expect "Pijnpunt nummer 1 met" "k scrolls back up"
tui_keys q
tui_wait_gone "Details:"
tui_keys i
tui_expect "Details:" "i opens it again"
tui_keys Escape
tui_wait_gone "Details:" && ok "Escape closes it"

# ---- the form: Backspace edits the selected value; Alt+q is the quotes ----
tui_keys e
tui_expect "Edit touchpoint" "e opens the form"
tui_keys Escape o
tui_wait_for "logistiek"
tui_keys BSpace
tui_type "k-team"
tui_expect "logistiek-team" "Backspace drops the selection and deletes one character"
tui_keys Escape q
tui_type "Te laat geleverd"
tui_expect "Te laat geleverd" "Alt+q: typing on the quotes"
tui_keys C-s
tui_status_has "saved the form" "the form saves"
tui_keys : w q Enter
tui_expect_rc 0 ":wq exits 0"
run "$CJM" show --plain "$map"
expect_out_has "owner: logistiek-team" "the owner is edited, not replaced"
expect_out_has "quotes: Te laat geleverd" "the typed quote went into the quotes"
expect_out_has "notes: Laatste regel van de notities" "the notes are untouched"
lib_finish
