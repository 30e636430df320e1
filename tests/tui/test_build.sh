#!/bin/sh
# Builds a map from nothing with keys only: a phase, two touchpoints, emotions, :w, :q.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/new.yaml
tui_start 100 30 "$CJM" "$map"
tui_expect "This map has no phases yet" "a missing file opens as an empty map"
check test ! -e "$map" "opening a missing file does not create it"

tui_keys P
tui_expect "Phase name:" "P asks for the phase name"
tui_type "Oriëntatie"
tui_keys Enter
tui_status_has "Oriëntatie" "the new phase is selected"

tui_keys a
tui_expect "Touchpoint name:" "a asks for the touchpoint name"
tui_type "Compare prices"
tui_keys Enter
tui_status_has "Oriëntatie > Compare prices" "the first touchpoint is added and selected"
tui_keys + +
tui_expect "●+2" "+ + scores the first touchpoint +2"

tui_keys a
tui_wait_for "Touchpoint name:"
tui_type "Sign up"
tui_keys Enter
tui_status_has "Oriëntatie > Sign up" "the second touchpoint is added after it and selected"
tui_keys -
tui_expect "●-1" "- scores the second touchpoint -1"
tui_status_has " [+] " "the status line says the map is unsaved"
tui_screen "$T/before-save"
if awk '/Compare prices/ && /Sign up/ { if (index($0, "Compare prices") < index($0, "Sign up")) f = 1 } END { exit !f }' "$T/before-save"; then
	ok "the name lane shows both touchpoints in order"
else
	notok "the name lane shows both touchpoints in order" "$(cat "$T/before-save")"
fi

tui_keys : w Enter
tui_status_has "saved " ":w says it saved"
if tui_status | grep -qF " [+] "; then notok "after :w the status line has no [+]" "$(tui_status)"; else ok "after :w the status line has no [+]"; fi
tui_keys : q Enter
tui_expect_rc 0 ":q exits 0 (no sanitizer reports)"

run "$CJM" validate "$map"
expect_rc 0 "the saved file validates"
cat >"$T/expected" <<'Y'
version: 1
title: New
phases:
- id: orientatie
  name: Oriëntatie
  touchpoints:
  - id: compare-prices
    name: Compare prices
    emotion: 2
  - id: sign-up
    name: Sign up
    emotion: -1
Y
expect_same "$T/expected" "$map" "the file holds the phase, both touchpoints in order and their emotions"
tui_no_leftovers "$map" "no recovery or lock file is left"
lib_finish
