#!/bin/sh
# The suggestions panel: s opens it, a goes from the item to the journey's cards
# (one per touchpoint, "also:" the rest) to all of them, Enter accepts (u undoes),
# x dismisses, and the file afterwards holds the accepted idea and the dismissal.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Panel test
phases:
- id: buy
  name: Buy
  touchpoints:
  - id: sign
    name: Sign the contract
    emotion: 1
    commitment: true
  - id: invoice
    name: First invoice
    emotion: -3
    impact: 0.9
  - id: install
    name: Installation
    emotion: 2
Y

tui_start 100 30 "$CJM" "$map"
tui_expect "Sign the contract" "the map opens"
tui_expect "◆" "a marker shows which touchpoints have suggestions"
tui_keys s
tui_expect "suggestion(s) for the journey" "s opens the panel (the journey when the first touchpoint has none)"
tui_keys q
tui_wait_gone "suggestion(s) for"
tui_keys Home l
tui_status_has "Buy > First invoice |" "l selects the first invoice"
tui_keys s
tui_expect "suggestion(s) for this item" "s on a touchpoint opens its own suggestions"
tui_expect "Soften 'First invoice'" "the panel lists soften-negatives on the first invoice"
tui_keys a
tui_expect "suggestion(s) for the journey " "a switches to the journey's cards"
tui_expect "(also: " "a card names the suggestions folded under it"
tui_screen "$T/cards"
if [ "$(grep -c "First invoice'" "$T/cards")" -ge 1 ] && [ "$(grep -c "^ *[▶ ] *[1-5]  .*First invoice'" "$T/cards")" -eq 1 ]; then
	ok "the journey's cards: one entry for the first invoice"
else
	notok "the journey's cards: one entry for the first invoice" "$(cat "$T/cards")"
fi
tui_expect "Why here: priority 1" "the details say why the card ranks first"
tui_keys a
tui_expect "suggestion(s) for the journey, all" "a again lists every suggestion of the journey"
tui_wait_gone "(also: "
tui_keys a
tui_expect "suggestion(s) for this item" "a a third time: back to the item"
tui_keys Enter
tui_status_has "accepted:" "Enter accepts the suggestion"
tui_status_has "[+]" "accepting changes the map"
tui_keys u
tui_status_has "undone" "u undoes the accepted suggestion"
tui_keys Enter
tui_status_has "accepted:" "accepted again"
tui_keys x
tui_status_has "already accepted" "x on an accepted suggestion changes nothing and says so"
tui_keys j x
tui_status_has "dismissed for everyone:" "x dismisses the suggestion"
tui_keys q
tui_wait_gone "suggestion(s) for"
tui_keys : w Enter
tui_status_has "saved" ":w saves"
tui_keys : q Enter
tui_expect_rc 0 ":q exits 0"

check grep -q "^    ideas:" "$map" "the file holds the accepted idea"
check grep -q "^dismissed:" "$map" "the file holds the dismissal"
run "$CJM" validate "$map"
expect_rc 0 "the saved map validates"
run "$CJM" suggest "$map"
dismissed=$(sed -n '/^dismissed:/,$p' "$map" | sed -n 's/^- pattern: //p' | head -n 1)
target=$(sed -n '/^dismissed:/,$p' "$map" | sed -n 's/^  target: //p' | head -n 1)
check test -n "$dismissed" "the dismissal names its pattern"
if grep -q "$dismissed  $target\$" "$T/out"; then
	notok "cjm suggest no longer lists the dismissed suggestion" "$dismissed $target is still listed"
else
	ok "cjm suggest no longer lists the dismissed suggestion"
fi
lib_finish
