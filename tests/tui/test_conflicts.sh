#!/bin/sh
# A map with conflict markers opens in the editor to settle them: the conflicts
# panel lists each conflict (where, what, both values), o t b take ours, theirs or
# both, O and T all at once, u and Ctrl-R undo and redo a take with the marks
# following, :w writes the resolved map without markers; a kill -9 leaves a recovery
# file that restores the choices; a file whose sides do not load is refused.
. tests/cli/lib.sh
. tests/tui/tmux.sh

# base, ours and theirs of one map: both sides score 'Compare prices' (-3 and -1),
# each adds a pain to 'Call the helpdesk', ours edits 'Welcome pack', theirs deletes it
cat >"$T/base.yaml" <<'Y'
version: 1
title: Energy switch
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: compare
    name: Compare prices
    emotion: 1
  - id: call
    name: Call the helpdesk
    emotion: 0
    pains:
    - Long wait
- id: switch
  name: Switch
  touchpoints:
  - id: sign
    name: Sign the contract
    emotion: 2
  - id: welcome
    name: Welcome pack
Y
sed 's/    emotion: 1/    emotion: -3/; s/    - Long wait/    - Long wait\n    - Hidden fees/; s/    name: Welcome pack/    name: Welcome pack\n    channel: mail/' \
	"$T/base.yaml" >"$T/ours.yaml"
sed 's/    emotion: 1/    emotion: -1/; s/    - Long wait/    - Long wait\n    - Slow website/; /  - id: welcome/,$d' \
	"$T/base.yaml" >"$T/theirs.yaml"

# the expected map with a plain-text line per fact: MAP plain, as cjm show --plain prints it
plain() { "$CJM" show --plain "$1" >"$1.plain" 2>&1; }

# ---- the merges: git's textual one (three conflicts), and cjm merge's (two) ----
have_git=
command -v git >/dev/null 2>&1 && have_git=1
text=$T/text.yaml
if [ -n "$have_git" ]; then
	cp "$T/ours.yaml" "$text"
	git merge-file -L HEAD -L base -L workshop-2 "$text" "$T/base.yaml" "$T/theirs.yaml"
	check [ "$?" = 3 ] "git merge-file leaves three conflicts in the text"
fi
driver=$T/driver.yaml
cp "$T/ours.yaml" "$driver"
run "$CJM" merge "$T/base.yaml" "$driver" "$T/theirs.yaml"
expect_rc 1 "cjm merge reports conflicts"
check grep -qx '<<<<<<< ours' "$driver" "cjm merge wrote the markers"

# ---- 80x24: the textual merge, one conflict at a time ----
if [ -z "$have_git" ]; then
	skip "the conflicts panel at 80x24" "git is not installed (git merge-file makes the conflict)"
else
	cp "$text" "$T/text.orig"
	tui_start 80 24 "$CJM" "$text"
	tui_expect "3 conflicts, 3 undecided" "80x24: a marked map opens with the conflicts panel, counting three undecided"
	tui_expect "(ours: HEAD, theirs: workshop-2)" "the heading names the sides as git's markers do"
	tui_expect "touchpoint 'Compare prices' in phase 'Orient': emotion" "the panel names the touchpoint, its phase and the field"
	tui_expect "[ours: -3]" "ours' emotion is listed, taken for now"
	tui_expect "theirs: -1" "theirs' emotion is listed"
	tui_expect "touchpoint 'Call the helpdesk' in phase 'Orient': pains" "the pain list's conflict is listed"
	tui_expect "[ours: Long wait; Hidden fees]" "ours' pains are listed, joined on one line"
	tui_expect "theirs: Long wait; Slow website" "theirs' pains are listed"
	tui_expect "touchpoint 'Welcome pack' in phase 'Switch'" "the edit/delete conflict is listed"
	tui_expect "theirs: (deleted)" "the edit/delete conflict says their side deleted it"
	tui_status_has "3 conflicts: o ours, t theirs, b both" "the status line says how many are left and the keys"
	tui_status_has " [+] " "the map is shown unsaved"
	tui_row_has -3 "[●-3]" "the map shows ours, Compare prices at -3, selected: the first conflict's touchpoint"

	tui_keys t
	tui_expect "[theirs: -1]" "t takes theirs: the panel marks it"
	tui_row_has -1 "●-1" "t takes theirs: the map shows -1"
	tui_expect "3 conflicts, 2 undecided" "t: two left undecided"
	tui_status_has "theirs taken for emotion" "t says what it took"
	tui_keys j
	tui_row_has 0 "[●0]" "j points at the next conflict and selects its touchpoint"
	tui_keys b
	tui_expect "[theirs: Long wait; Slow website]" "b keeps both: theirs marked"
	tui_expect "[ours: Long wait; Hidden fees]" "b keeps both: ours still marked"
	tui_expect "3 conflicts, 1 undecided" "b: one left undecided"
	tui_keys j
	tui_wait_for "▶ touchpoint 'Welcome pack'" && ok "j points at the edit/delete conflict"
	tui_keys b
	tui_status_has "b keeps both only in a list" "b on a conflict that is not a list says why not"
	tui_expect "3 conflicts, 1 undecided" "b there changes nothing"
	tui_keys o
	tui_expect "3 conflicts, 0 undecided" "o takes ours: none left undecided"
	tui_status_has "ours taken for touchpoint" "o says what it took"

	tui_keys u
	tui_expect "3 conflicts, 1 undecided" "u undoes the last take (both for the pains)"
	tui_wait_gone "[theirs: Long wait; Slow website]" && ok "u: theirs' pains are no longer marked"
	tui_expect "▶ touchpoint 'Call the helpdesk'" "u points the panel at the conflict it undid"
	tui_keys C-r
	tui_expect "[theirs: Long wait; Slow website]" "Ctrl-R redoes it: both marked again"
	tui_expect "3 conflicts, 0 undecided" "Ctrl-R: none undecided again"

	tui_keys Enter
	tui_wait_gone "3 conflicts, 0 undecided" && ok "Enter closes the panel"
	tui_expect "channel " "the closed panel leaves the whole map, its channel lane too"
	tui_keys : c o n f l i c t s Enter
	tui_expect "3 conflicts, 0 undecided" ":conflicts opens the panel again"
	tui_keys Escape
	tui_wait_gone "3 conflicts, 0 undecided" && ok "Escape closes it"
	expect_same "$T/text.orig" "$text" "nothing is written before :w"
	tui_keys : w Enter
	tui_status_has "saved " ":w saves"
	tui_keys : q Enter
	tui_expect_rc 0 "quitting after the save exits 0"

	run "$CJM" validate "$text"
	expect_rc 0 "the resolved map validates"
	check sh -c "! grep -q '^<<<<<<<\\|^=======\\|^>>>>>>>' '$text'" "the resolved map holds no markers"
	run "$CJM" fmt --check "$text"
	expect_rc 0 "the resolved map is canonical"
	sed 's/    emotion: -3/    emotion: -1/; s/    - Hidden fees/    - Hidden fees\n    - Slow website/' "$T/ours.yaml" >"$T/want.yaml"
	plain "$T/want.yaml"
	plain "$text"
	expect_same "$T/want.yaml.plain" "$text.plain" "the map holds exactly the values chosen (cjm show --plain)"
	tui_no_leftovers "$text" "no recovery or lock file is left"
fi

# ---- 100x30: cjm merge's conflicts, all theirs then all ours ----
tui_start 100 30 "$CJM" "$driver"
tui_expect "2 conflicts, 2 undecided" "100x30: the merge driver's conflicts are listed"
tui_expect "touchpoint 'Compare prices' in phase 'Orient': emotion" "100x30: the emotion conflict with its touchpoint and phase"
tui_expect "touchpoint 'Welcome pack' in phase 'Switch'" "100x30: the edit/delete conflict"
if tui_has "(ours:"; then notok "cjm merge's own labels (ours, theirs) are not repeated in the heading"; tui_dump; else ok "cjm merge's own labels (ours, theirs) are not repeated in the heading"; fi
tui_status_has "Orient > Compare prices" "100x30: the first conflict's touchpoint is selected"
tui_keys j
tui_status_has "Switch > Welcome" "100x30: j selects the edited/deleted touchpoint"
tui_keys k
tui_status_has "Orient > Compare prices" "100x30: k goes back to the first"
tui_keys T
tui_expect "2 conflicts, 0 undecided" "T takes theirs for every conflict"
tui_status_has "theirs taken for every conflict" "T says so"
tui_row_has -1 "●-1" "T: the map shows theirs' emotion"
tui_keys : w Enter
tui_status_has "saved " ":w after T saves"
run "$CJM" validate "$driver"
expect_rc 0 "all theirs: the map validates"
cp "$T/ours.yaml" "$T/want-theirs.yaml"
sed -i 's/    emotion: -3/    emotion: -1/; s/    - Hidden fees/    - Hidden fees\n    - Slow website/; /  - id: welcome/,$d' "$T/want-theirs.yaml"
plain "$T/want-theirs.yaml"
plain "$driver"
expect_same "$T/want-theirs.yaml.plain" "$driver.plain" "all theirs: theirs' emotion, no welcome pack"
tui_keys : c o n f l i c t s Enter
tui_expect "2 conflicts, 0 undecided" ":conflicts after the save lists them still"
tui_keys O
tui_status_has "ours taken for every conflict" "O takes ours for every conflict"
tui_row_has -3 "●-3" "O: the map shows ours' emotion"
tui_keys : w q Enter
tui_expect_rc 0 ":wq after O exits 0"
sed 's/    - Hidden fees/    - Hidden fees\n    - Slow website/' "$T/ours.yaml" >"$T/want-ours.yaml"
plain "$T/want-ours.yaml"
plain "$driver"
expect_same "$T/want-ours.yaml.plain" "$driver.plain" "all ours: ours' emotion and the edited welcome pack"

# ---- a kill -9 while resolving: the recovery file restores the choices ----
if [ -z "$have_git" ]; then
	skip "a kill -9 while resolving" "git is not installed"
else
	killed=$T/killed.yaml
	cp "$T/text.orig" "$killed"
	rec=$(tui_recovery_of "$killed")
	tui_start 100 30 "$CJM" "$killed"
	tui_wait_for "3 conflicts, 3 undecided"
	tui_keys t j b
	tui_wait_for "3 conflicts, 1 undecided"
	i=0
	until [ -f "$rec" ] && "$CJM" show --plain "$rec" 2>/dev/null | grep -qx 'orient/call pains: Slow website' &&
		"$CJM" show --plain "$rec" 2>/dev/null | grep -qx 'orient/compare emotion: -1'; do
		[ "$i" -ge $((TUI_TIMEOUT * 10)) ] && break
		sleep 0.1
		i=$((i + 1))
	done
	check [ -f "$rec" ] "the recovery file holds the takes so far"
	kill -9 "$(tui_pid)"
	tui_wait_exit
	check [ "$tui_rc" = 137 ] "kill -9: cjm is killed"
	expect_same "$T/text.orig" "$killed" "kill -9: the marked file is unchanged"
	tui_start 100 30 "$CJM" "$killed"
	tui_expect "has unsaved edits from" "the next start offers the resolution so far"
	tui_keys r
	tui_expect "3 conflicts, 1 undecided" "restored: the panel opens with the choices made"
	tui_expect "[theirs: -1]" "restored: theirs' emotion is marked taken"
	tui_expect "[theirs: Long wait; Slow website]" "restored: both pains are marked kept"
	tui_keys j j o : w q Enter
	tui_expect_rc 0 "restored, settled and saved: exit 0"
	run "$CJM" validate "$killed"
	expect_rc 0 "the map resolved after the kill validates"
	plain "$killed"
	expect_same "$T/want.yaml.plain" "$killed.plain" "it holds the choices from before the kill and after"
	tui_no_leftovers "$killed" "no recovery or lock file is left after the save"
fi

# ---- quitting without saving: exit 1, the markers stay ----
cp "$T/ours.yaml" "$driver"
"$CJM" merge "$T/base.yaml" "$driver" "$T/theirs.yaml" 2>/dev/null
cp "$driver" "$T/driver.orig"
tui_start 80 24 "$CJM" "$driver"
tui_wait_for "2 conflicts, 2 undecided"
tui_keys t : q Enter
tui_status_has "unsaved changes" ":q refuses: the resolution is unsaved"
tui_keys : q ! Enter
tui_expect_rc 1 ":q! with the markers still in the file exits 1"
expect_same "$T/driver.orig" "$driver" ":q! leaves the marked file as it was"
tui_start 80 24 "$CJM" -R "$driver"
tui_wait_for "2 conflicts, 2 undecided"
tui_keys t
tui_status_has "read-only" "read-only: a take is refused"
tui_keys Escape : q Enter
tui_expect_rc 1 "read-only, quit with the markers still there: exit 1"

# ---- a marked map with YAML comments: the first :w warns, the second keeps them in .orig ----
commented=$T/commented.yaml
sed 's/^title: Energy switch$/title: Energy switch # as the workshop named it/' "$driver" >"$commented"
cp "$commented" "$T/commented.orig"
tui_start 100 30 "$CJM" "$commented"
tui_wait_for "2 conflicts, 2 undecided"
tui_keys t : w Enter
tui_status_has ":w again to save: 1 YAML comment(s)" "a marked map's comments: the first :w says they are lost"
expect_same "$T/commented.orig" "$commented" "the first :w writes nothing"
tui_keys : w q Enter
tui_expect_rc 0 "the second :w saves, then quits with 0"
expect_same "$T/commented.orig" "$commented.orig" "the marked file with its comments is kept in FILE.orig"
run "$CJM" validate "$commented"
expect_rc 0 "the commented map, resolved, validates"

# ---- sides that do not load: refused with FILE:LINE:COL at the file's lines ----
bad=$T/bad.yaml
cat >"$bad" <<'Y'
version: 1
title: Bad sides
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
<<<<<<< ours
    emotion: 9
=======
    emotion: 1
>>>>>>> theirs
Y
cp "$bad" "$T/bad.orig"
tui_start 200 24 sh -c "exec '$CJM' '$bad' 2>'$T/err'"
tui_expect_rc 65 "a side that does not load: cjm exits 65"
rc=65
expect_err_has "$bad:10:14: error: emotion" "the error is at the file's own line and column"
expect_err_has "nothing was changed" "it says nothing was changed"
expect_same "$T/bad.orig" "$bad" "the file is unchanged"
tui_no_leftovers "$bad" "no recovery or lock file for a refused file"

lib_finish
