#!/bin/sh
# What the back row reads: long Dutch names wrap between syllables or end in an
# ellipsis and their marks always show; the selected column stands out in colour
# and without; moments of truth show on the curve; a curve step never doubles a
# column separator (││); the status line keeps the emotion when the path is long;
# ? has a legend.
. tests/cli/lib.sh
. tests/tui/tmux.sh

dir=$T/een/heel/lange/map/met/workshops/van/het/team/klantreizen/2026
mkdir -p "$dir"
map=$dir/bril-thuis-passen.yaml
cat >"$map" <<'Y'
version: 1
title: Bril thuis passen
phases:
- id: thuis
  name: Thuis passen
  touchpoints:
  - {id: mail, name: Bevestigingsmail, channel: klantenservice, emotion: 1, moment_of_truth: true, brand_moment: true}
  - {id: pupil, name: Pupilafstand meten met de app, emotion: -2}
  - {id: dagen, name: Vijf dagen dragen en vergelijken met de oude bril, emotion: 2, moment_of_truth: true}
  - {id: terug, name: Terugsturen, emotion: -1, commitment: true}
Y
cp "$map" "$T/before.yaml"

# rows FROM TO: lines FROM..TO (1-based) of the screen
rows() { tui_screen; sed -n "$1,$2p" "$T/screen"; }
# curve: the seven rows of the emotion curve (between "emotion" and the next rule)
curve() { tui_screen; awk '/^emotion/ { on = 1; next } on && /^───/ { exit } on' "$T/screen"; }

tui_start 80 24 "$CJM" "$map"
tui_wait_for "Bril thuis passen" || exit 1
tui_sync
rows 4 5 >"$T/names"
if grep -qF "Bevestigings-" "$T/names" && grep -qE "│mail !\*" "$T/names"; then
	ok "80x24: Bevestigingsmail breaks as Bevestigings-/mail with its marks !* after it"
else
	notok "80x24: Bevestigingsmail breaks as Bevestigings-/mail with its marks !* after it"; tui_dump
fi
if grep -qF "Pupilafstand" "$T/names"; then ok "80x24: Pupilafstand stays whole"; else notok "80x24: Pupilafstand stays whole"; tui_dump; fi
if grep -qE "…  *!│|… !│|… !$" "$T/names" || grep -qE "… !" "$T/names"; then
	ok "80x24: a name longer than two lines ends in … and keeps its ! mark"
else
	notok "80x24: a name longer than two lines ends in … and keeps its ! mark"; tui_dump
fi
if tui_has "klantenservi…"; then ok "80x24: a channel cut short ends in …"; else notok "80x24: a channel cut short ends in …"; tui_dump; fi
curve >"$T/curve"
if grep -qF "││" "$T/curve"; then notok "80x24: no ││ on the curve"; tui_dump; else ok "80x24: no ││ on the curve"; fi
if grep -qF "!*[●+1]" "$T/curve"; then ok "the selected touchpoint's point is framed, its marks before it"; else notok "the selected touchpoint's point is framed, its marks before it"; tui_dump; fi
if grep -qF "!●+2" "$T/curve" && grep -qF '$●-1' "$T/curve"; then
	ok "moments of truth and commitments are marked on the curve too"
else
	notok "moments of truth and commitments are marked on the curve too"; tui_dump
fi
if grep -qE "╯|╮" "$T/curve" && grep -qE "╭|╰" "$T/curve"; then ok "a step turns with corners on the separator"; else notok "a step turns with corners on the separator"; tui_dump; fi
if grep -qF "┃" "$T/curve"; then ok "the selected column is edged ┃ through the curve"; else notok "the selected column is edged ┃ through the curve"; tui_dump; fi
tui_status_has " bril-thuis-passen.yaml | Thuis passen > Bevestigingsmail | emotion +1 |" "a long path: the status shows the file's name, the selection and its emotion"

# the selection in colour: black on yellow on every lane of the column, not reversed
tmx capture-pane -e -p -t "$TUI_SESSION" >"$T/attrs"
esc=$(printf '\033')
channel_row=$(grep -n "channel " "$T/attrs" | head -n 1 | cut -d: -f1)
if sed -n "${channel_row}p" "$T/attrs" | grep -qE "${esc}\\[([0-9;]*;)?30m${esc}\\[([0-9;]*;)?43mklantenservi|${esc}\\[[0-9;]*30;43m"; then
	ok "in colour the selected column is black on yellow down to its channel"
else
	notok "in colour the selected column is black on yellow down to its channel"; sed -n "${channel_row}p" "$T/attrs" | cat -v
fi
if sed -n "${channel_row}p" "$T/attrs" | grep -qE "${esc}\\[([0-9;]*;)?7m"; then
	notok "in colour the selection is not reverse video (yellow on black)"; sed -n "${channel_row}p" "$T/attrs" | cat -v
else
	ok "in colour the selection is not reverse video (yellow on black)"
fi

tui_keys l
tui_status_has "> Pupilafstand meten met… | emotion −2 |" "at 80 columns a long name gives way (…) so the emotion shows"
curve >"$T/curve"
if grep -qF "[●-2]" "$T/curve" && ! grep -qF "[●+1]" "$T/curve"; then ok "the frame follows the selection"; else notok "the frame follows the selection"; tui_dump; fi

tui_keys '?'
tui_wait_for "Legend" || exit 1
if tui_has "moment of truth, after the name and on the curve" && tui_has "[●+2]"; then
	ok "? opens with a legend of the marks and the selection"
else
	notok "? opens with a legend of the marks and the selection"; tui_dump
fi
tui_keys q
tui_wait_gone "Legend"
tui_keys : q Enter
tui_expect_rc 0 "the editor quits"
if cmp -s "$map" "$T/before.yaml"; then ok "looking changes nothing in the file"; else notok "looking changes nothing in the file"; fi

# without colour: the whole column in reverse video
TUI_NO_COLOR=1 tui_start 80 24 "$CJM" "$map"
tui_wait_for "Bril thuis passen" || exit 1
tui_sync
tmx capture-pane -e -p -t "$TUI_SESSION" >"$T/attrs"
owner_row=$(grep -n "owner   " "$T/attrs" | head -n 1 | cut -d: -f1)
pains_row=$(grep -n "pains   " "$T/attrs" | head -n 1 | cut -d: -f1)
if sed -n "${owner_row}p" "$T/attrs" | grep -qE "${esc}\\[([0-9;]*;)?7m" && sed -n "${pains_row}p" "$T/attrs" | grep -qE "${esc}\\[([0-9;]*;)?7m"; then
	ok "with NO_COLOR the selected column is reversed on every lane, the lists too"
else
	notok "with NO_COLOR the selected column is reversed on every lane, the lists too"; cat -v "$T/attrs" | head -n 20
fi
tui_keys : q Enter
tui_expect_rc 0 "the editor quits"

# every example map, at both sizes, walking the whole journey: no ││ on the curve
for size in "80 24" "100 30"; do
	for example in maps/*.yaml; do
		cp "$example" "$T/example.yaml"
		# shellcheck disable=SC2086
		tui_start $size "$CJM" "$T/example.yaml"
		tui_poll "emotion" || { notok "$example opens at $size"; continue; }
		doubled=0
		for step in 1 2 3 4 5 6 7 8; do
			tui_sync
			curve >"$T/curve"
			grep -qF "││" "$T/curve" && doubled=1
			tui_keys l l l l l
		done
		if [ "$doubled" = 0 ]; then ok "$example at $size: no ││ on the curve"; else notok "$example at $size: no ││ on the curve"; tui_dump; fi
		tui_keys : q Enter
		tui_wait_exit >/dev/null
	done
done
lib_finish
