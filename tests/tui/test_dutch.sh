#!/bin/sh
# The editor in Dutch at 80x24: lanes, status line, help, legend, panel, form, details,
# messages and decimal commas, nothing wider than the terminal; English under C.UTF-8.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/energie.yaml
cp maps/energy-switch.yaml "$map"

# fits NAME: no line of the screen is wider than 80 columns
fits() {
	tui_screen "$T/fit"
	if python3 - "$T/fit" <<'PY'; then ok "$1"; else notok "$1" "$(cat "$T/fit.long")"; fi
import sys
long = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if len(l) > 80]
open(sys.argv[1] + ".long", "w", encoding="utf-8").write("\n".join(long))
sys.exit(1 if long else 0)
PY
}

# lane LABEL NAME: a line of the screen starts with LABEL, whole, then the column bar
lane() {
	tui_screen "$T/lane"
	if grep -Eq "^$1 *│" "$T/lane"; then ok "$2"; else notok "$2" "$(cat "$T/lane")"; fi
}

if has_dutch "the editor in Dutch"; then
	TUI_LANG=$NL_LOCALE
	tui_start 80 24 "$CJM" "$map"
	tui_wait_for "eigenaar"
	lane fase "the phase lane is labelled fase"
	lane naam "the name lane is labelled naam"
	lane kanaal "the channel lane is labelled kanaal"
	lane eigenaar "the owner lane is labelled eigenaar"
	lane kwadrant "the quadrant lane is labelled kwadrant"
	lane "(pijnpunten|pijnpunt)" "the pains lane is labelled pijnpunten, not cut"
	tui_expect "emotie─" "the curve is labelled emotie"
	tui_screen "$T/map"
	if [ "$(grep -c '│' "$T/map")" -gt 0 ] && grep -q 'Afscheids-' "$T/map"; then
		ok "five touchpoint columns still fit beside the Dutch labels"
	else notok "five touchpoint columns still fit beside the Dutch labels" "$(cat "$T/map")"; fi
	fits "the map in Dutch fits 80 columns"
	tui_status_has "emotie +1" "the status line shows the emotion in Dutch"
	tui_keys k
	tui_status_has "? hulp  a nieuw" "the status line's keys are in Dutch"
	tui_keys j
	tui_status_has "emotie +1" "back on the first touchpoint"

	# ---- ? help: key descriptions and the legend ----
	tui_keys '?'
	tui_expect "Legenda" "the help opens on the legend, in Dutch"
	tui_expect "de nullijn van de curve" "the legend's own lines are in Dutch"
	tui_expect "Toetsen op de kaart" "the help's keys heading is in Dutch"
	tui_expect "kies het touchpoint (of de fase) links" "a key description is in Dutch"
	fits "the help in Dutch fits 80 columns"
	tui_keys q
	tui_wait_gone "Legenda"

	# ---- a message of an edit, in Dutch ----
	tui_keys +
	tui_status_has "emotie +1 → +2" "an emotion step says so in Dutch"
	tui_keys u
	tui_status_has "ongedaan gemaakt" "undo says so in Dutch"

	# ---- the suggestions panel's frame ----
	tui_keys l l s
	tui_expect " Enter overnemen " "the panel's keys are in Dutch"
	tui_expect "voor dit item" "the panel's heading is in Dutch"
	tui_expect "Waarom hier:" "the panel's details are in Dutch"
	fits "the panel in Dutch fits 80 columns"
	tui_keys q
	tui_wait_gone "Waarom hier:"

	# ---- the form: Dutch labels, a decimal comma, its message ----
	tui_keys e
	tui_expect "Touchpoint bewerken" "the form's heading is in Dutch"
	tui_screen "$T/form"
	if grep -Eq '^ n  naam ' "$T/form" && grep -Eq '^ c  kanaal ' "$T/form" && grep -Eq ' 7,5$' "$T/form"; then
		ok "the form has Dutch labels and shows 7.5 as 7,5"
	else notok "the form has Dutch labels and shows 7.5 as 7,5" "$(cat "$T/form")"; fi
	fits "the form in Dutch fits 80 columns"
	tui_keys Escape
	tui_status_has "formulier gesloten zonder wijzigingen" "closing the form says so in Dutch"
	tui_keys e
	tui_wait_for "Touchpoint bewerken"
	tui_keys Down Down Down Down
	tui_type "8,5"
	tui_keys C-s
	tui_status_has "formulier opgeslagen (u maakt het ongedaan)" "saving the form says so in Dutch"
	tui_status_has "| emotie " "the emotion still shows beside a long Dutch message at 80 columns"
	tui_keys : w Enter
	tui_status_has "opgeslagen" "the save says so in Dutch"
	if grep -q 'satisfaction: 8.5' "$map"; then ok "8,5 typed in Dutch is 8.5 in the file"; else
		notok "8,5 typed in Dutch is 8.5 in the file" "$(grep -n satisfaction "$map")"; fi

	# ---- the details view ----
	tui_keys i
	tui_expect " Details: Contract online afsluiten" "the details view opens in Dutch"
	tui_screen "$T/details"
	if grep -Eq '^kwadrant ' "$T/details" && grep -Eq ' 8,5$' "$T/details" && grep -Eq ' 0,5$' "$T/details"; then
		ok "the details view has Dutch labels and decimal commas"
	else notok "the details view has Dutch labels and decimal commas" "$(cat "$T/details")"; fi
	fits "the details view in Dutch fits 80 columns"
	tui_keys q
	tui_wait_gone " Details:"

	# ---- deleting a phase asks in Dutch, the keys stay y/n ----
	tui_keys k x
	tui_status_has "verwijderen? y/n" "deleting a phase asks in Dutch, answered with y/n"
	tui_keys n
	tui_wait_gone "verwijderen? y/n"

	# ---- the map's form lists the language ----
	tui_keys T
	tui_expect "Kaart bewerken" "the map's form is in Dutch"
	tui_screen "$T/mapform"
	if grep -Eq '^ [a-z]  (taal|language)( .*)?$' "$T/mapform"; then ok "the map's form lists the language"; else
		notok "the map's form lists the language" "$(cat "$T/mapform")"; fi
	fits "the map's form in Dutch fits 80 columns"
	tui_keys Escape
	tui_keys : q Enter
	tui_expect_rc 0 "the Dutch editor quits with :q"
fi

# ---- under C.UTF-8 the editor stays English ----
TUI_LANG=C.UTF-8
cp maps/energy-switch.yaml "$map"
tui_start 80 24 "$CJM" "$map"
tui_wait_for "owner"
lane channel "under C.UTF-8 the channel lane is labelled channel"
lane quadrant "under C.UTF-8 the quadrant lane is labelled quadrant"
lane pains "under C.UTF-8 the pains lane is labelled pains"
tui_status_has "emotion +1" "under C.UTF-8 the status line is English"
tui_keys k
tui_status_has "? help  a add" "under C.UTF-8 the status line's keys are English"
tui_keys j
tui_keys l l e
tui_expect "Edit touchpoint" "under C.UTF-8 the form is English"
tui_expect "7.5" "under C.UTF-8 the form shows 7.5"
tui_keys Escape
tui_keys : q Enter
tui_expect_rc 0 "the English editor quits with :q"
lib_finish
