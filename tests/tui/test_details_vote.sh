#!/bin/sh
# The details view (i) of a touchpoint the room voted on: the vote record, and under it what it says (counts, mean, median, range, divided); none for a touchpoint without a vote.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Votes
phases:
- id: order
  name: Order
  touchpoints:
  - id: pay
    name: Pay
    emotion: -1
    vote: "-2:2 -1:1 0:1 +1:1 skip:1"
  - id: wait
    name: Wait
    emotion: 1
Y

tui_start 100 30 "$CJM" "$map"
tui_status_has "Order > Pay" "the map opens on the touchpoint with a vote"
tui_keys i
tui_expect "Details: Pay" "i opens the details view"
tui_expect "-2:2 -1:1 0:1 +1:1 skip:1" "the vote record is shown"
tui_expect "Vote of the room: 5 votes, 1 skipped, mean" "and under it what the room said"
tui_expect "range −2..+1 (divided)" "with its range and that the room was divided"
tui_keys q
tui_wait_gone "Details:"
tui_keys l i
tui_expect "Details: Wait" "the touchpoint without a vote"
if tui_has "Vote of the room"; then notok "has no vote sentence"; tui_dump; else ok "has no vote sentence"; fi
tui_keys q
tui_wait_gone "Details:"
tui_keys : q Enter
tui_expect_rc 0 ":q exits 0, nothing changed"
lib_finish
