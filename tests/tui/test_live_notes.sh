#!/bin/sh
# Notes from the room in terminals: participants propose a pain, an idea and a quote
# (n, then p, i or q, the text, Enter); the facilitator's inbox (I) lists them with
# their author's team; Enter accepts one into the map (u undoes it), x drops one,
# and each author is told. An observer proposes nothing.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/workshop.yaml
dir=$T/live
mkdir -m 0700 "$dir"
cat >"$map" <<'Y'
version: 1
title: Workshop
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
  - id: bravo
    name: Bravo
    pains:
    - Lange wachttijd
- id: decide
  name: Decide
  touchpoints:
  - id: charlie
    name: Charlie
Y
cp "$map" "$T/orig.yaml"

# propose WHO KIND-KEY TEXT KIND: WHO proposes a note on its selected touchpoint (Bravo)
propose() {
	tui_on "$1" tui_keys n
	tui_on "$1" tui_wait_for "Propose a note: p pain, i idea, q quote, Esc nothing"
	tui_on "$1" tui_keys "$2"
	tui_on "$1" tui_status_has "$4 on 'Bravo':" "$1's n $2 asks for the $4's text on Bravo"
	tui_on "$1" tui_type "$3"
	tui_on "$1" tui_keys Enter
}

tui_use host
tui_start 200 40 "$CJM" host --dir "$dir" "$map"
tui_expect "live · 0 joined" "cjm host shows the session"
tui_use alice
tui_start 100 30 "$CJM" join --dir "$dir" --as alice --team finance
tui_use bram
tui_start 80 24 "$CJM" join --dir "$dir" --as bram --team service
tui_use beamer
tui_start 120 40 "$CJM" join --dir "$dir" --as beamer --read-only
tui_on host tui_status_has "live · 2 joined · 1 watching |" "two participants and an observer joined"
tui_on host tui_keys l
for who in alice bram beamer; do
	tui_on "$who" tui_selected Bravo "$who follows the facilitator to Bravo"
done

# ---- proposing ----
propose alice p "Meterstand twee keer gevraagd" pain
tui_on alice tui_says "sent to the facilitator: your pain on 'Bravo'" "alice is told her pain was sent"
tui_on alice tui_status_has "live workshop · following · 1 note sent |" "alice's status line counts 1 note sent"
propose bram i "Stuur één bevestiging per e-mail" idea
tui_on bram tui_says "sent to the facilitator: your idea on 'Bravo'" "bram is told his idea was sent"
propose alice q "Ik wist niet waar ik moest kijken" quote
tui_on alice tui_says "sent to the facilitator: your quote on 'Bravo'" "alice is told her quote was sent"
tui_on alice tui_status_has "· 2 notes sent |" "alice's status line counts 2 notes sent"
tui_on host tui_status_has "live · 2 joined · 1 watching · inbox 3 (I) |" "the facilitator's status line counts 3 notes in the inbox"
tui_on beamer tui_keys n
tui_on beamer tui_says "an observer proposes no notes" "an observer's n says at once that it proposes no notes"
tui_on beamer tui_lacks "Propose a note:" "an observer's n asks for no note"
tui_on beamer tui_sync_for "Keys of a participant's screen"
tui_on beamer tui_lacks "note sent" "the observer's status line counts no note sent"

# ---- the inbox ----
tui_on host tui_keys I
tui_on host tui_expect " inbox: 3 notes from the room  Enter accept  x drop  q close  u undo " "I opens the inbox: 3 notes, and its keys"
tui_on host tui_expect " ▶ pain on 'Bravo' (finance): Meterstand twee keer gevraagd" "the inbox points at the oldest note, the pain, with its author's team"
tui_on host tui_expect "   idea on 'Bravo' (service): Stuur één bevestiging per e-mail" "the inbox lists the idea with its author's team"
tui_on host tui_expect "   quote on 'Bravo' (finance): Ik wist niet waar ik moest kijken" "the inbox lists the quote with its author's team"
tui_on host tui_expect "    Meterstand twee keer gevraagd" "below the list, the selected note in full, to read before it is accepted"
tui_on host tui_lacks "alice" "without --names the inbox names no author"

# Enter accepts the pain
tui_on host tui_keys Enter
tui_on host tui_says "added to the pains of 'Bravo'; u undoes" "Enter accepts the pain into Bravo's pains"
tui_on host tui_expect " inbox: 2 notes from the room " "the inbox holds 2 notes after the accept"
tui_on host tui_expect " ▶ idea on 'Bravo' (service): Stuur één bevestiging per e-mail" "the inbox points at the next note, the idea"
tui_on alice tui_says "the facilitator added your note to the map" "alice is told her pain was accepted"
tui_on alice tui_status_has "live workshop · following · 1 note sent |" "alice's status line counts 1 note still waiting"
tui_on alice tui_keys C-l
tui_on alice tui_expect "│• Meterstand " "the accepted pain shows on alice's map"
tui_on host tui_keys : w Enter
tui_on host tui_says "saved $map" ":w saves the map"
cat >"$T/accepted.yaml" <<'Y'
version: 1
title: Workshop
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
  - id: bravo
    name: Bravo
    pains:
    - Lange wachttijd
    - Meterstand twee keer gevraagd
- id: decide
  name: Decide
  touchpoints:
  - id: charlie
    name: Charlie
Y
expect_same "$T/accepted.yaml" "$map" "the saved map has the accepted pain last in Bravo's pains"
tui_on host tui_keys u
tui_on host tui_says "undone" "u undoes accepting the pain"
tui_on host tui_keys : w Enter
tui_on host tui_says "saved $map" ":w saves the undone map"
expect_same "$T/orig.yaml" "$map" "after u and :w the map is as it was, without the pain"
tui_on alice tui_keys C-l
tui_on alice tui_wait_gone "• Meterstand" && ok "the undone pain leaves alice's map"

# x drops the idea
tui_on host tui_keys I
tui_on host tui_expect " ▶ idea on 'Bravo' (service): Stuur één bevestiging per e-mail" "the inbox opens again on the idea"
tui_on host tui_keys x
tui_on host tui_says "note dropped" "x drops the idea"
tui_on host tui_expect " inbox: 1 note from the room " "the inbox holds 1 note after the drop"
tui_on host tui_expect " ▶ quote on 'Bravo' (finance): Ik wist niet waar ik moest kijken" "the quote is left, pointed at"
tui_on host tui_lacks "Stuur één bevestiging" "the dropped idea is gone from the inbox"
tui_on bram tui_says "the facilitator dropped your note" "bram is told his idea was dropped"
tui_on bram tui_keys C-l
tui_on bram tui_lacks "note sent" "bram's status line counts no note waiting"
tui_on host tui_keys q
tui_on host tui_wait_gone " inbox: 1 note from the room "
tui_on host tui_status_has "· inbox 1 (I) |" "q closes the inbox; the status line counts the note left"
tui_on host tui_keys : w Enter
tui_on host tui_says "saved $map" ":w saves after the drop"
expect_same "$T/orig.yaml" "$map" "the dropped idea is not in the map"

# ---- the end ----
tui_on host tui_keys : q Enter
tui_on host tui_expect_rc 0 "the facilitator's :q ends cjm host with 0"
for who in alice bram beamer; do
	tui_on "$who" tui_status_has "the session has ended; q quits" "$who's screen says the session has ended"
	tui_on "$who" tui_keys q
	tui_on "$who" tui_expect_rc 0 "$who's q leaves with 0"
done
tui_no_leftovers "$map" "no recovery file, session state or lock is left"
check [ ! -e "$(dirname "$map")/.workshop.yaml.cjm-live" ] "the session's state is removed"

lib_finish
