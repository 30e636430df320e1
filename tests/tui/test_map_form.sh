#!/bin/sh
# The map's own form (T, :title), the selected value in the form, Alt+letter jumps,
# the details view (i) and Tab completion of channels, checked on screen and in the file.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/glasses.yaml
cat >"$map" <<'Y'
version: 1
title: Glasses
phases:
- id: kopen
  name: Kopen
  touchpoints:
  - id: bestellen
    name: Bestellen
    channel: email
    emotion: 1
    quotes: [Waar is de knop?]
    notes: Zie interview 3, de klant belde twee keer
  - id: passen
    name: Passen
Y

tui_start 80 24 "$CJM" "$map"
tui_status_has "Kopen > Bestellen" "the map opens on its first touchpoint"

# ---- T: the map's form; typing replaces the selected title ----
tui_keys T
tui_expect "Edit the map" "T opens the map's form"
tui_expect "satisfaction threshold" "the map's form lists the thresholds"
tui_type "Bril thuis passen"
tui_keys Enter Enter # past the language, to the persona's name
tui_type "Sanne"
tui_keys Escape s
tui_wait_for "satisfaction threshold"
tui_type "12"
tui_keys C-s
tui_expect "satisfaction threshold must be a number from 0 to 10" "a threshold out of range is said in the form"
tui_keys Escape s
tui_type "6"
tui_keys C-s
tui_status_has "saved the form" "Ctrl-S saves the map's form"
tui_expect "Bril thuis passen" "the top line shows the new title"
tui_keys : w Enter
tui_wait_gone "[+]"
if grep -qx 'title: Bril thuis passen' "$map" && grep -q 'name: Sanne' "$map" && grep -q 'satisfaction: 6' "$map"; then
	ok "the file has the new title, persona and threshold"
else
	notok "the file has the new title, persona and threshold" "$(cat "$map")"
fi

# ---- :title ----
tui_keys :
tui_type "title Glazen thuis"
tui_keys Enter
tui_expect " Glazen thuis" ":title sets the title"

# ---- the form: +1 then typing -2 gives -2; Alt+e jumps to the emotion ----
tui_keys e
tui_expect "Edit touchpoint" "e opens the form"
tui_keys Escape e
tui_type "-2"
tui_keys C-s
tui_status_has "saved the form" "the form saves"
tui_expect "●-2" "typing -2 over the selected +1 gives -2"

# ---- i: details ----
tui_keys i
tui_expect '"Waar is de knop?"' "i shows the quote"
tui_expect "Zie interview 3, de klant belde twee keer" "i shows the notes in full"
tui_expect "quadrant" "i shows the quadrant row"
tui_keys i
tui_wait_gone "Details:"

# ---- Tab completes "e" into "email" ----
tui_keys l
tui_status_has "Kopen > Passen" "l selects Passen"
tui_keys e
tui_expect "Edit touchpoint" "e opens the form on Passen"
tui_keys Escape c
tui_type "e"
tui_keys Tab
tui_expect "[email]" "Tab shows the completion"
tui_keys C-s
tui_status_has "saved the form" "the completed form saves"
tui_keys : w q Enter
tui_expect_rc 0 ":wq exits 0"
if [ "$(grep -c 'channel: email' "$map")" = 2 ]; then ok "Tab completed e into email in the file"; else
	notok "Tab completed e into email in the file" "$(cat "$map")"; fi
if grep -qx 'title: Glazen thuis' "$map" && grep -q 'emotion: -2' "$map"; then ok "the file has :title and emotion -2"; else
	notok "the file has :title and emotion -2" "$(cat "$map")"; fi
lib_finish
