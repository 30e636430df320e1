#!/bin/sh
# Edits every field of a touchpoint through the form (e / Enter), with UTF-8 text,
# lists, booleans, pillars and a decimal comma; a bad value keeps the form open.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Form test
phases:
- id: orientatie
  name: Oriëntatie
  touchpoints:
  - id: compare
    name: Compare
  - id: pay
    name: Pay
Y
cp "$map" "$T/orig.yaml"

tui_start 100 30 "$CJM" "$map"
tui_status_has "Oriëntatie > Compare" "the map opens on its first touchpoint"

# ---- a bad value: the form stays, Esc cancels, nothing changes ----
tui_keys l
tui_status_has "Oriëntatie > Pay" "l selects Pay"
tui_keys e
tui_expect "Edit touchpoint" "e opens the form"
tui_screen
missing=
for label in id name channel owner emotion satisfaction impact "moment of truth" "brand moment" commitment visible pillars pains ideas quotes notes; do
	grep -Eq "^ [a-z]  $label( |\$)" "$T/screen" || missing="$missing '$label'"
done
if [ -z "$missing" ]; then ok "the form lists every field of a touchpoint"; else notok "the form lists every field of a touchpoint" "missing:$missing"; tui_dump; fi
tui_type "XYZ"
tui_keys Down Down Down
tui_type "9"
tui_keys C-s
tui_expect "emotion must be a whole number from -3 to +3" "emotion 9 is refused with a message"
if tui_has "Edit touchpoint" && tui_has "XYZ" && ! tui_has "PayXYZ"; then ok "the form stays open with what was typed (it replaced the selected name)"; else notok "the form stays open with what was typed (it replaced the selected name)"; tui_dump; fi
tui_keys Escape
tui_status_has "form closed without changes" "Esc closes the form without changes"
tui_status_has "Oriëntatie > Pay |" "the name is unchanged after Esc"
if tui_status | grep -qF "[+]"; then notok "after Esc the map is not changed" "$(tui_status)"; else ok "after Esc the map is not changed"; fi
if tui_has "●"; then notok "after Esc nothing is scored"; tui_dump; else ok "after Esc nothing is scored"; fi

# ---- every field, through Enter on the first touchpoint ----
tui_keys h
tui_status_has "Oriëntatie > Compare" "h selects Compare again"
tui_keys Enter
tui_expect "Edit touchpoint" "Enter opens the form"
tui_keys Up C-u      # the id
tui_type "prijs-vergelijken"
tui_keys Tab C-u     # the name
tui_type "Prijs € vergelijken"
tui_keys Tab
tui_type "web"
tui_keys Tab
tui_type "Oriëntatie-team"
tui_keys Tab
tui_type "-2"
tui_keys Tab
tui_type "7,5"
tui_keys Tab
tui_type "0,6"
tui_keys Tab
tui_type "yes"      # moment of truth
tui_keys Tab
tui_type "nee"      # brand moment
tui_keys Tab
tui_type "ja"       # commitment
tui_keys Tab
tui_type "no"       # visible
tui_keys Tab
tui_type "time-and-effort, empathy"
tui_keys Tab
tui_type "Te duur"
tui_keys Enter
tui_type "Prijs € onduidelijk"
tui_keys Tab Tab
tui_type "Oriëntatie-gids"
tui_keys Tab Tab
tui_type "Waar is de knop?"
tui_keys Tab Tab
tui_type "Zie interview 3"
tui_expect "Zie interview 3" "the form shows what was typed"
tui_screen "$T/form"
if grep -q "^ a  pains .*Te duur" "$T/form" && grep -qF -- "- Prijs € onduidelijk" "$T/form"; then
	ok "the form shows the two pains on two rows"
else
	notok "the form shows the two pains on two rows"
	sed 's/^/#   |/' "$T/form"
fi
tui_keys C-s
tui_status_has "saved the form" "Ctrl-S saves the form"
tui_status_has "Oriëntatie > Prijs € vergelijken" "the status line shows the new UTF-8 name"
tui_expect "Prijs €" "the name lane shows the new name"
tui_expect "• Te duur" "the pains lane shows the first pain"
tui_expect "●-2" "the curve shows emotion -2"
tui_expect "Oriëntatie-team" "the owner lane shows the owner"
tui_status_has " [+] " "the map is unsaved"

tui_keys u
tui_status_has "Oriëntatie > Compare |" "one u undoes the whole form"
if tui_has "●" || tui_has "Te duur" || tui_has "Oriëntatie-team"; then notok "after u no field of the form is left"; tui_dump; else ok "after u no field of the form is left"; fi
tui_keys C-r
tui_status_has "Oriëntatie > Prijs € vergelijken" "Ctrl-R redoes the whole form"
tui_expect "●-2" "after Ctrl-R the curve shows -2 again"

tui_keys : w q Enter
tui_expect_rc 0 ":wq exits 0"
cat >"$T/expected.in" <<'Y'
version: 1
title: Form test
phases:
- id: orientatie
  name: Oriëntatie
  touchpoints:
  - id: prijs-vergelijken
    name: Prijs € vergelijken
    channel: web
    owner: Oriëntatie-team
    emotion: -2
    satisfaction: 7.5
    impact: 0.6
    moment_of_truth: true
    brand_moment: false
    commitment: true
    visible: false
    pillars: [time-and-effort, empathy]
    pains: [Te duur, Prijs € onduidelijk]
    ideas: [Oriëntatie-gids]
    quotes: [Waar is de knop?]
    notes: Zie interview 3
  - id: pay
    name: Pay
Y
run "$CJM" fmt "$T/expected.in"
cp "$T/out" "$T/expected"
[ -s "$T/expected" ] || notok "cjm fmt formats the expected map" "$(cat "$T/err")"
run "$CJM" validate "$map"
expect_rc 0 "the saved file validates"
expect_same "$T/expected" "$map" "the file has every field from the form (id too), Pay untouched"
tui_no_leftovers "$map" "no recovery or lock file is left"
lib_finish
