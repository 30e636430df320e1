#!/bin/sh
# Nothing is lost in a live session: a participant killed mid-vote joins again and
# sees the open vote with its own answer; the facilitator's cjm killed mid-vote is
# started again, restores, and the session resumes: the open vote and its answers
# are back, the participants reconnect on their own and answer, and the reveal
# counts everyone.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/workshop.yaml
dir=$T/live
rec=$(tui_recovery_of "$map")
state=$T/.workshop.yaml.cjm-live
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
- id: decide
  name: Decide
  touchpoints:
  - id: charlie
    name: Charlie
Y

# answers_kept N: the session's state beside the map comes to hold N answers
answers_kept() {
	ak_i=0
	while [ "$ak_i" -lt $((TUI_TIMEOUT * 10)) ]; do
		[ "$(grep -c '^answer	' "$state" 2>/dev/null)" = "$1" ] && return 0
		sleep 0.1
		ak_i=$((ak_i + 1))
	done
	return 1
}

# kill9 WHO NAME: kills WHO's cjm with SIGKILL, by its pid, and waits for it to end
kill9() {
	k_pid=$(tui_on "$1" tui_pid)
	if [ -z "$k_pid" ]; then
		notok "$2" "no cjm process in $1's window"
		return 1
	fi
	kill -9 "$k_pid"
	tui_on "$1" tui_expect_rc 137 "$2"
}

join() {
	tui_use "$1"
	tui_start "$2" "$3" "$CJM" join --dir "$dir" --as "$1" --team "$4"
}

tui_use host
tui_start 200 40 "$CJM" host --dir "$dir" "$map"
tui_expect "live · 0 joined" "cjm host shows the session"
join alice 100 30 finance
join bram 80 24 service
join carla 120 40 service
tui_on host tui_status_has "live · 3 joined |" "three participants joined"

# an unsaved change, then a vote on Bravo with two answers
tui_on host tui_keys +
tui_on host tui_expect "●+1" "the facilitator's + scores Alpha +1, unsaved"
tui_on host tui_keys l V
tui_on host tui_status_has "· vote: 0 of 3 answered |" "V opens a vote on Bravo"
tui_on alice tui_status_has "vote on 'Bravo': press -3..3 or x" "alice is asked to answer"
tui_on alice tui_keys - 2
tui_on alice tui_says "your answer: −2; you can change it until the reveal" "alice answers -2"
tui_on bram tui_keys 1
tui_on bram tui_says "your answer: +1; you can change it until the reveal" "bram answers +1"
tui_on host tui_status_has "· vote: 2 of 3 answered |" "the facilitator counts 2 of 3 answered"

# ---- a participant killed mid-vote joins again ----
kill9 alice "alice's cjm is killed (SIGKILL)"
tui_on host tui_says "alice left" "the facilitator is told alice left"
tui_on host tui_status_has "live · 2 joined · vote: 2 of 3 answered |" \
	"while alice is gone her answer counts, and carla's is still to come: 2 of 3 answered"
join alice 100 30 finance
tui_on host tui_status_has "live · 3 joined · vote: 2 of 3 answered |" "alice is back, her answer counted once: 2 of 3 answered"
tui_on alice tui_status_has "vote on 'Bravo': your answer −2 | live workshop · following |" "alice, joined again, sees the open vote and her answer -2"
tui_on alice tui_selected Bravo "alice, joined again, follows the facilitator to Bravo"

# ---- the facilitator's cjm killed mid-vote ----
if tui_wait_file "$rec" && answers_kept 2; then
	ok "the recovery file and the session's state with its 2 answers are written"
else
	notok "the recovery file and the session's state with its 2 answers are written" "$(ls -a "$T")" "$(cat "$state" 2>/dev/null)"
fi
kill9 host "the facilitator's cjm is killed (SIGKILL) mid-vote"
for who in alice bram carla; do
	tui_on "$who" tui_status_has "reconnecting…" "$who's screen says it is reconnecting"
done
check test -e "$state" "the session's state stays beside the map"
tui_on host tui_start 200 40 "$CJM" host --dir "$dir" "$map"
tui_on host tui_expect "has unsaved edits from" "cjm host again offers the unsaved edits"
tui_on host tui_keys r
tui_on host tui_expect "●+1" "r restores the unsaved change"
tui_on host tui_status_has "live · 3 joined · vote: 2 of 3 answered |" \
	"the session resumes: the open vote with its 2 answers, and the 3 participants back on their own"
for who in alice bram carla; do
	tui_on "$who" tui_keys C-l
done
tui_on alice tui_status_has "vote on 'Bravo': your answer −2 | live workshop · following |" "alice reconnected and sees her answer -2"
tui_on bram tui_status_has "vote on 'Bravo': your answer +1 | live workshop · following |" "bram reconnected and sees his answer +1"
tui_on carla tui_status_has "vote on 'Bravo': press -3..3 or x | live workshop · following |" "carla reconnected and is asked to answer"
tui_on carla tui_keys - 1
tui_on carla tui_says "your answer: −1; you can change it until the reveal" "carla answers -1 after the restart"
tui_on host tui_status_has "· vote: 3 of 3 answered |" "the facilitator counts 3 of 3 answered"

# ---- the reveal counts everyone ----
tui_on host tui_keys R
for who in host alice bram carla; do
	tui_on "$who" tui_expect " 3 voted, 0 skipped · mean −0.7 · median −1 · range −2..+1" \
		"$who's reveal counts all three answers, from before and after both kills"
	tui_on "$who" tui_expect "finance: 1 voted, 0 skipped · mean −2.0" "$who's reveal has finance's -2"
	tui_on "$who" tui_expect "service: 2 voted, 0 skipped · mean 0.0" "$who's reveal has service's +1 and -1"
done
tui_on host tui_keys m
tui_on host tui_says "emotion not scored → −1 (the room's median); u undoes" "m takes the median, -1"
for who in alice bram carla; do
	if tui_on "$who" tui_wait_gone "The room's vote on 'Bravo'"; then ok "$who's reveal closes once the value is taken"; fi
done
# ---- the facilitator's cjm told to stop (SIGTERM): no bye, the room waits ----
t_pid=$(tui_on host tui_pid)
if [ -n "$t_pid" ]; then
	kill -TERM "$t_pid"
	tui_on host tui_expect_rc 143 "SIGTERM stops cjm host with 143, after writing the recovery file"
else
	notok "SIGTERM stops cjm host with 143, after writing the recovery file" "no cjm process in the host's window"
fi
for who in alice bram carla; do
	tui_on "$who" tui_status_has "reconnecting…" "after SIGTERM, $who's screen is reconnecting, not ended"
	tui_on "$who" tui_lacks "the session has ended" "after SIGTERM, $who is not told the session has ended"
done
tui_on host tui_start 200 40 "$CJM" host --dir "$dir" "$map"
tui_on host tui_expect "has unsaved edits from" "cjm host after SIGTERM offers the unsaved edits"
tui_on host tui_keys r
tui_on host tui_status_has "live · 3 joined" "after SIGTERM and a restart, the 3 participants are back on their own"
tui_on host tui_keys : w q Enter
tui_on host tui_expect_rc 0 ":wq ends cjm host with 0"
cat >"$T/expected.yaml" <<'Y'
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
    vote: '-2:1 -1:1 +1:1 | finance: -2:1 | service: -1:1 +1:1'
- id: decide
  name: Decide
  touchpoints:
  - id: charlie
    name: Charlie
Y
expect_same "$T/expected.yaml" "$map" "the saved map has the restored change, the median and the vote of all three"
for who in alice bram carla; do
	tui_on "$who" tui_status_has "the session has ended; q quits" "$who's screen says the session has ended"
	tui_on "$who" tui_keys q
	tui_on "$who" tui_expect_rc 0 "$who's q leaves with 0"
done
tui_no_leftovers "$map" "no recovery file or lock is left"
check test ! -e "$state" "the session's state is removed"

lib_finish
