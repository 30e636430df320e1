#!/bin/sh
# A live session in terminals: a facilitator (cjm host), three participants and an
# observer (cjm join), each at its own size. They join, follow the facilitator's
# selection (f follows again), vote blind, see the reveal; the facilitator takes the
# median into the map and undoes it, and the observer's keys count for nothing.
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
    emotion: 1
  - id: bravo
    name: Bravo
    emotion: 2
- id: decide
  name: Decide
  touchpoints:
  - id: charlie
    name: Charlie
Y

# follows WHO STATUS TP NAME: WHO's status line, its message cleared (Ctrl-L), comes
# to show STATUS, and WHO's selection is the touchpoint TP
follows() {
	tui_on "$1" tui_keys C-l
	tui_on "$1" tui_status_has "$2" "$4: the status line shows '$2'"
	tui_on "$1" tui_selected "$3" "$4: the selection is $3"
}

# lacks_all WHO TEXT...: WHO's screen shows none of TEXT... (one check each)
lacks_all() {
	lacks_who=$1
	shift
	for lacks_text in "$@"; do
		tui_on "$lacks_who" tui_lacks "$lacks_text" "before the reveal $lacks_who's screen does not show '$lacks_text'"
	done
}

# ---- the facilitator hosts, the room joins ----
tui_use host
tui_start 200 40 "$CJM" host --dir "$dir" "$map"
tui_expect "live · 0 joined" "cjm host shows the session on its status line"
tui_use alice
tui_start 100 30 "$CJM" join --dir "$dir" --as alice --team finance
tui_use bram
tui_start 80 24 "$CJM" join --dir "$dir" --as bram --team service
tui_use carla
tui_start 120 40 "$CJM" join --dir "$dir" --as carla --team service
tui_use beamer
tui_start 100 30 "$CJM" join --dir "$dir" --as beamer -R
for who in alice bram carla beamer; do
	tui_on "$who" tui_status_has "live workshop · following | Orient > Alpha |" \
		"$who's screen shows the map, following the facilitator on Alpha"
	tui_on "$who" tui_selected Alpha "$who's selection is the facilitator's, Alpha"
done
tui_on host tui_status_has "live · 3 joined · 1 watching |" \
	"the facilitator's status line counts 3 joined and the observer apart"
tui_on alice tui_expect "│Alpha" "a participant's screen draws the map's touchpoints"

# ---- following ----
tui_on host tui_keys l
for who in alice bram carla beamer; do
	follows "$who" "live workshop · following |" Bravo "$who follows the facilitator to Bravo"
done
tui_on alice tui_keys l
tui_on alice tui_says "not following the facilitator: f follows again" "a moving key stops following, and says so"
follows alice "live workshop · not following (f) |" Charlie "the participant who moved away"
tui_on host tui_keys h
tui_on host tui_status_has "| Orient > Alpha |" "the facilitator moves back to Alpha"
follows bram "live workshop · following |" Alpha "a follower goes along to Alpha"
follows alice "live workshop · not following (f) |" Charlie "the participant who moved away stays"
tui_on alice tui_keys f
tui_on alice tui_says "following the facilitator" "f says it follows again"
follows alice "live workshop · following |" Alpha "after f the participant"
tui_on host tui_keys l
for who in alice bram carla beamer; do
	follows "$who" "live workshop · following |" Bravo "$who is back with the facilitator"
done

# ---- a blind vote ----
tui_on host tui_keys V
tui_on host tui_says "vote open on 'Bravo': the room answers -3..+3 or skips; R reveals" "V opens a vote on the selected touchpoint"
tui_on host tui_status_has "live · 3 joined · 1 watching · vote: 0 of 3 answered |" "the facilitator sees 0 of 3 answered (the observer is no voter)"
for who in alice bram carla; do
	tui_on "$who" tui_status_has "vote on 'Bravo': press -3..3 or x | live workshop · following |" "$who's status line asks for an answer"
done
tui_on beamer tui_status_has "vote on 'Bravo' (you watch) | live workshop · following |" \
	"the observer's status line tells of the vote, and asks for no answer"
# the observer's vote keys first, so that anything they sent is long there at the reveal
for keys in 2 x "- 3"; do
	tui_on beamer tui_keys C-l
	tui_on beamer tui_wait_gone "an observer does not vote"
	# shellcheck disable=SC2086 # "- 3" is two keys
	tui_on beamer tui_keys $keys
	tui_on beamer tui_says "an observer does not vote" "the observer's $keys says an observer does not vote"
done
tui_on beamer tui_keys C-l
tui_on beamer tui_sync_for "Keys of a participant's screen"
tui_on beamer tui_lacks "your answer" "an observer's digit keys give no answer"
tui_on beamer tui_lacks "you skipped" "an observer's x skips nothing"
tui_on alice tui_keys - 2
tui_on alice tui_says "your answer: −2; you can change it until the reveal" "- then 2 answers -2"
tui_on alice tui_keys C-l
tui_on alice tui_status_has "vote on 'Bravo': your answer −2 |" "the answer -2 stays on the status line"
tui_on bram tui_keys 3
tui_on bram tui_says "your answer: +3; you can change it until the reveal" "a digit answers +3"
tui_on bram tui_keys C-l
tui_on bram tui_status_has "vote on 'Bravo': your answer +3 |" "the answer +3 stays on the status line"
tui_on bram tui_keys - 1
tui_on bram tui_says "your answer: −1; you can change it until the reveal" "answering again replaces the answer: -1"
tui_on bram tui_keys C-l
tui_on bram tui_status_has "vote on 'Bravo': your answer −1 |" "the new answer -1 is on the status line"
tui_on carla tui_keys x
tui_on carla tui_says "you skipped; you can answer until the reveal" "x skips the vote"
tui_on carla tui_keys C-l
tui_on carla tui_status_has "vote on 'Bravo': you skipped |" "the skip stays on the status line"
tui_on host tui_status_has " · vote: 3 of 3 answered |" "the facilitator sees 3 of 3 answered, and only that"

# the facilitator moves on: once every screen has followed, whatever the facilitator
# sent them before has come, so a leak of the answers would be on screen
tui_on host tui_keys l
for who in alice bram carla beamer; do
	follows "$who" "vote on 'Bravo'" Charlie "$who follows during the vote"
done
lacks_all alice "−1" "skipped" "voted" "mean" "median" "answered" "█" "The room's vote" "bram" "carla"
lacks_all bram "−2" "skipped" "voted" "mean" "median" "answered" "█" "The room's vote" "alice" "carla"
lacks_all carla "−2" "−1" "voted" "mean" "median" "answered" "█" "The room's vote" "alice" "bram"
lacks_all beamer "−2" "−1" "skipped" "voted" "mean" "median" "answered" "█" "The room's vote"
lacks_all host "−2" "−1" "skipped" "voted" "median" "█" "The room's vote"

# ---- the reveal, on every screen ----
tui_on host tui_keys R
for who in host alice bram carla beamer; do
	tui_on "$who" tui_expect "The room's vote on 'Bravo' " "$who's screen shows the reveal"
	tui_on "$who" tui_expect " 2 voted, 1 skipped · mean −1.5 · median −1.5 · range −2..−1" \
		"$who's reveal counts 2 voted, 1 skipped, with mean, median and range (the observer not counted)"
	tui_on "$who" tui_expect "finance: 1 voted, 0 skipped · mean −2.0" "$who's reveal gives finance's count and mean"
	tui_on "$who" tui_expect "service: 1 voted, 1 skipped · mean −1.0" "$who's reveal gives service's count and mean"
	tui_screen
	if grep -q '^   −2   1 █' "$T/screen" && grep -q '^   −1   1 █' "$T/screen" &&
		[ "$(grep -c '^ *[+−]\{0,1\}[0-3]   0\( \|$\)' "$T/screen")" = 5 ]; then
		ok "$who's reveal has the histogram: one -2, one -1, no other score"
	else
		notok "$who's reveal has the histogram: one -2, one -1, no other score"
		tui_dump
	fi
done
# a narrower screen: the teams beside the histogram only as far as the panel's lines
# reach (from its column 1), each row kept whole, never run together
tmx resize-window -t bram -x 64 -y 24
tui_on bram tui_keys C-l
tui_on bram tui_wait_for "The room's vote on 'Bravo'"
tui_on bram tui_screen
if grep -q '^   +3   0  *finance: 1 voted, 0 skipped · mean −2.0$' "$T/screen" &&
	grep -q '^   +2   0  *service: 1 voted, 1 skipped · mean −1.0$' "$T/screen"; then
	ok "at 64 columns the teams stand beside the histogram, each row whole"
else
	notok "at 64 columns the teams stand beside the histogram, each row whole"
	tui_on bram tui_dump
fi
tmx resize-window -t bram -x 80 -y 24
tui_on host tui_expect "m median · a mean · -3..3 a value of your own · V vote again · q close" "the facilitator's reveal lists its keys"
tui_on alice tui_lacks "m median · a mean" "a participant's reveal has no keys to take a value"
tui_on host tui_status_has "workshop.yaml [+] |" "the reveal's record is an unsaved change"

# ---- take the median, save, undo ----
# the median -1.5 goes toward the mean, the same -1.5, then toward 0: -1
tui_on host tui_keys m
tui_on host tui_says "emotion +2 → −1 (the room's median); u undoes" "m takes the median (-1.5, toward 0: -1)"
for who in alice bram carla beamer; do
	if tui_on "$who" tui_wait_gone "The room's vote on 'Bravo'"; then ok "$who's reveal closes once the value is taken"; fi
	follows "$who" "| emotion −1 |" Bravo "$who's screen shows the emotion -1 taken from the vote"
done
tui_on host tui_keys : w Enter
tui_on host tui_says "saved $map" ":w saves the map"
cat >"$T/taken.yaml" <<'Y'
version: 1
title: Workshop
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
    emotion: 1
  - id: bravo
    name: Bravo
    emotion: -1
    vote: '-2:1 -1:1 skip:1 | finance: -2:1 | service: -1:1 skip:1'
- id: decide
  name: Decide
  touchpoints:
  - id: charlie
    name: Charlie
Y
expect_same "$T/taken.yaml" "$map" "the saved map has the median as Bravo's emotion and the vote's record (no observer, bram's last answer)"
tui_on host tui_keys u
tui_on host tui_says "undone" "u undoes taking the median"
tui_on host tui_status_has "| Orient > Bravo | emotion +2 |" "after u Bravo's emotion is +2 again"
follows bram "| emotion +2 |" Bravo "a participant's screen shows the undone emotion, +2"
tui_on host tui_keys : w Enter
tui_on host tui_says "saved $map" ":w saves the undone map"
sed 's/^    emotion: -1$/    emotion: 2/' "$T/taken.yaml" >"$T/undone.yaml"
expect_same "$T/undone.yaml" "$map" "after u and :w the map has Bravo's old emotion again, the vote's record kept"

# ---- the end ----
tui_on host tui_keys : q Enter
tui_on host tui_expect_rc 0 "the facilitator's :q ends cjm host with 0"
for who in alice bram carla beamer; do
	tui_on "$who" tui_status_has "the session has ended; q quits" "$who's screen says the session has ended"
	tui_on "$who" tui_keys q
	tui_on "$who" tui_expect_rc 0 "$who's q leaves with 0"
done
tui_no_leftovers "$map" "no recovery file or lock is left"
check [ -z "$(ls -A "$dir")" ] "the session's socket is removed"

lib_finish
