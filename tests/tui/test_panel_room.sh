#!/bin/sh
# The suggestions panel in front of a room: the whole rationale wrapped, the curve
# still on screen with the panel open, the line pointed at in reverse video, an
# accepted suggestion marked (a second Enter changes nothing and says so), and after
# u the suggestion open again, with the file after :w as the undo left it.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Paneltest
phases:
- id: kopen
  name: Kopen
  touchpoints:
  - id: contract
    name: Contract tekenen
    emotion: 1
  - id: factuur
    name: Eerste factuur
    emotion: -3
    satisfaction: 3
    impact: 0.8
    pains:
    - De factuur komt binnen voordat er ook maar iets is geleverd en niemand legt uit waarom
  - id: installatie
    name: Installatie
    emotion: 2
Y
cp "$map" "$T/orig.yaml"

for size in "80 24" "120 30"; do
	set -- $size
	tui_start "$1" "$2" "$CJM" "$map"
	tui_expect "Contract" "${1}x$2: the map opens"
	tui_keys Home l s
	tui_expect "suggestion(s) for this item" "${1}x$2: s opens the panel on the first invoice"
	# the rationale's last words (the pattern quotes the pain up to "legt..."), and
	# the proposal's, whatever the width: wrapped, not cut at the edge
	tui_expect "niemand legt...'." "${1}x$2: the whole rationale shows, wrapped to the width"
	tui_expect 'chose' "${1}x$2: the whole proposal shows, wrapped"
	tui_screen
	if [ "$(grep -c '^   ' "$T/screen")" -ge 3 ]; then
		ok "${1}x$2: the details take several wrapped lines"
	else
		notok "${1}x$2: the details take several wrapped lines"
		tui_dump
	fi
	tui_screen
	if grep -q "^ *+3" "$T/screen" && grep -q "^ *-3" "$T/screen" && grep -q "●" "$T/screen"; then
		ok "${1}x$2: the emotion curve stays on screen with the panel open"
	else
		notok "${1}x$2: the emotion curve stays on screen with the panel open"
		tui_dump
	fi
	tmx capture-pane -e -p -t "$TUI_SESSION" >"$T/attrs"
	if grep "Soften 'Eerste factuur'" "$T/attrs" | grep -q "$(printf '\033')\[[0-9;]*7m[^$(printf '\033')]*Soften"; then
		ok "${1}x$2: the suggestion pointed at is in reverse video"
	else
		notok "${1}x$2: the suggestion pointed at is in reverse video" "$(grep "Soften" "$T/attrs" | od -c | head -5)"
	fi
	tui_keys : q ! Enter
	tui_expect_rc 0 "${1}x$2: :q! leaves"
done

tui_start 80 24 "$CJM" "$map"
tui_expect "Contract" "the map opens again"
tui_keys Home l s
tui_expect "Soften 'Eerste factuur'" "the panel lists soften-negatives"
tui_keys Enter
tui_status_has "accepted:" "Enter accepts the suggestion"
tui_expect "✓ accepted" "the accepted suggestion stays listed, marked accepted"
tui_keys Enter
tui_status_has "already accepted" "a second Enter says it was already accepted"
tui_keys u
tui_status_has "undone" "u undoes the accept"
tui_wait_gone "✓ accepted"
tui_screen
if grep -q "Soften 'Eerste factuur'" "$T/screen"; then
	ok "after u the suggestion is listed again, open"
else
	notok "after u the suggestion is listed again, open"
	tui_dump
fi
tui_keys C-r
tui_status_has "redone" "Ctrl-R in the panel redoes the accept"
tui_expect "✓ accepted" "after the redo it is marked accepted again"
tui_keys u
tui_wait_gone "✓ accepted"
tui_keys x
tui_expect "✗ dismissed" "x marks the suggestion dismissed"
tui_keys x
tui_status_has "already dismissed" "a second x says it was already dismissed"
tui_keys u
tui_wait_gone "✗ dismissed"
tui_keys q
tui_wait_gone "suggestion(s) for"
tui_keys : w Enter
tui_status_has "saved" ":w saves"
tui_keys : q Enter
tui_expect_rc 0 ":q exits 0"
if grep -q "ideas:" "$map" || grep -q "^dismissed:" "$map"; then
	notok "after the undos the saved map holds neither the idea nor the dismissal" "$(cat "$map")"
else
	ok "after the undos the saved map holds neither the idea nor the dismissal"
fi
check grep -q "De factuur komt binnen" "$map" "the saved map still has the pain"
lib_finish
