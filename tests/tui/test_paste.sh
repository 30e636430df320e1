#!/bin/sh
# Text pasted into the form from a word processor or a web page (line and
# paragraph separators, tabs, C1 controls) is cleaned, the status line says so,
# and the recovery file and the saved map always load (cjm-map(5), Characters).
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Paste test
phases:
- id: orientatie
  name: Oriëntatie
  touchpoints:
  - id: compare
    name: Compare
Y

LS=$(printf '\342\200\250')
PS=$(printf '\342\200\251')
CSI=$(printf '\302\233')
NEL=$(printf '\302\205')

tui_start 200 30 "$CJM" "$map" # wide enough for the whole message
tui_status_has "Oriëntatie > Compare" "the map opens on its touchpoint"
tui_keys e
tui_expect "Edit touchpoint" "e opens the form"
tui_keys C-u
tui_type "Vóór${LS}na${CSI}"
# Alt+t jumps to the notes (Escape then t, as a terminal sends Alt+t)
tui_keys Escape t
tui_type "regel een${PS}regel twee${NEL}drie"
tui_expect 'regel een\u2029regel twee\u0085drie' "the form shows the pasted separators escaped, not raw"
tui_keys C-s
tui_status_has "the pasted text was cleaned" "the status line says the pasted text was cleaned"
tui_status_has "3 line breaks of another kind made plain" "it says how many line breaks were made plain"
tui_status_has "1 control character left out" "it says a control character was left out"
tui_expect "Vóór na" "the name lane shows a space for the line separator"

recovery=$(tui_recovery_of "$map")
if tui_wait_file "$recovery"; then
	# the writer renames a whole file into place, so what is there is whole
	run "$CJM" validate "$recovery"
	expect_rc 0 "the recovery file loads"
	if grep -q "regel een" "$recovery"; then ok "the recovery file holds the pasted notes"; else
		notok "the recovery file holds the pasted notes" "$(cat "$recovery")"; fi
else
	notok "the recovery file is written" "no $recovery"
fi

tui_keys : w q Enter
tui_expect_rc 0 ":wq exits 0"
run "$CJM" validate "$map"
expect_rc 0 "the saved map loads"
run "$CJM" show --plain "$map"
expect_out_has "touchpoint orientatie/compare: Vóór na" "the name is saved with a space"
expect_out_has 'orientatie/compare notes: regel een\nregel twee\ndrie' "the notes are saved with line breaks"
if LC_ALL=C grep -q "$(printf '\342\200[\250\251]\|\302[\200-\237]')" "$map"; then
	notok "the saved map holds no separator or C1 control" "$(od -c "$map" | head)"
else
	ok "the saved map holds no separator or C1 control"
fi

# a name pasted at the prompt of a (add a touchpoint): the words around a separator are kept
tui_start 200 30 "$CJM" "$map"
tui_status_has "Oriëntatie > Vóór na" "the saved map opens again"
tui_keys a
tui_type "Bevestigings${LS}mail${CSI}"
tui_keys Enter
tui_status_has "pasted text: 1 line break(s)" "the status line says the pasted name was cleaned"
tui_expect "Bevestigings mail" "the new touchpoint shows its whole name"
tui_keys : w q Enter
tui_expect_rc 0 ":wq exits 0 after the pasted name"
run "$CJM" show --plain "$map"
expect_out_has ": Bevestigings mail" "the pasted name is saved with a space, nothing lost"
tui_no_leftovers "$map" "nothing is left beside the map"

lib_finish
