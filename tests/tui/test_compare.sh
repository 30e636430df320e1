#!/bin/sh
# The editor's :compare FILE at 80x24: the other map's curve and a legend on the curve lane,
# this map's point moving with an edit while the other stays, :compare alone ending it.
. tests/cli/lib.sh
. tests/tui/tmux.sh

cat >"$T/asis.yaml" <<'Y'
version: 1
title: Invoice as is
phases:
  - id: order
    name: Order
    touchpoints:
      - id: quote
        name: Quote
        emotion: 1
      - id: sign
        name: Sign contract
        emotion: -2
  - id: pay
    name: Pay
    touchpoints:
      - id: invoice
        name: First invoice
        emotion: -3
      - id: reminder
        name: Reminder letter
        emotion: -1
Y
cat >"$T/tobe.yaml" <<'Y'
version: 1
title: Invoice to be
phases:
  - id: order
    name: Order
    touchpoints:
      - id: quote
        name: Quote online
        emotion: 2
  - id: pay
    name: Pay
    touchpoints:
      - id: invoice
        name: Clear invoice
        emotion: 1
      - id: portal
        name: Self-service portal
        emotion: 3
Y
printf 'version: 1\ntitle: Bad\nphases:\n  - nme: Oops\n' >"$T/bad.yaml"
cp "$T/tobe.yaml" "$T/tobe.before"

# column ROW CHAR: the 0-based screen column of the first CHAR in the curve row labelled ROW
# (characters, not bytes); -1 when it is not there
column() {
	python3 -c '
import sys, re
label, ch = sys.argv[1], sys.argv[2]
for line in open(sys.argv[3], encoding="utf-8"):
    if re.match(r"^ +" + re.escape(label) + "[\u2502\u2503]", line):
        print(line.find(ch)); break
else:
    print(-1)' "$1" "$2" "$T/screen"
}

# the files are named as a facilitator gives them, from the folder they are in
case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac
cd "$T" || exit 1
# the to-be map also committed, to be compared as REV:PATH
GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_NOSYSTEM
git -c init.defaultBranch=main init -q . && git add tobe.yaml &&
	git -c user.name=F -c user.email=f@example.com commit -q -m "to be" || notok "a repository for REV:PATH"
tui_start 80 24 "$CJM" asis.yaml
tui_status_has "Order > Quote" "the editor opens the map"
tui_keys :
tui_type "compare tobe.yaml"
tui_keys Enter
tui_status_has "comparing with tobe.yaml: 2 matched by id" "the status line names the other map and what matched"
tui_expect "● this map  ○ tobe.yaml  mean -1.25 / +2.00" "a legend over the curve names both and their means"
tui_row_has +2 "○" "Quote's other point is on the +2 row"
tui_row_has +1 "○" "First invoice's other point is on the +1 row"
tui_row_has +1 "┄" "the other points are joined by their own dashed line"
tui_screen
q_here=$(column +1 "●"); q_there=$(column +2 "○"); i_here=$(column -3 "●"); i_there=$(column +1 "○")
if [ "$q_here" -gt 0 ] && [ "$q_here" = "$q_there" ] && [ "$i_here" -gt "$q_here" ] && [ "$i_here" = "$i_there" ]; then
	ok "each other point stands in the column of the touchpoint with its id"
else
	notok "each other point stands in the column of the touchpoint with its id" \
		"Quote ● $q_here ○ $q_there, First invoice ● $i_here ○ $i_there"
	tui_dump
fi
# the legend's line and the two points' rows
if [ "$(grep -c "○" "$T/screen")" -eq 3 ]; then
	ok "the touchpoint only in the other map has no point here, Sign contract and Reminder none there"
else
	notok "only matched, scored touchpoints have an other point" "$(grep -c "○" "$T/screen") lines with ○, not 3"
	tui_dump
fi

tui_keys - -
tui_row_has -1 "[●-1]" "an edit moves this map's point: Quote to -1"
tui_expect "mean -1.75 / +2.00" "the legend's mean of this map follows the edit"
tui_row_has +2 "○" "the other map's point stays where it was"
tui_screen
if [ "$(column -1 "●")" = "$q_there" ]; then ok "in the same column"; else notok "in the same column"; tui_dump; fi

tui_keys :
tui_type "compare missing.yaml"
tui_keys Enter
tui_status_has "cannot compare with missing.yaml: No such file or directory" "a missing file is said so"
tui_row_has +2 "○" "and the comparison stays"
tui_keys :
tui_type "compare bad.yaml"
tui_keys Enter
tui_status_has "bad.yaml:4:5: error: unknown key" "an invalid file gives FILE:LINE:COL: error:"

tui_keys :
tui_type compare
tui_keys Enter
tui_status_has "comparison ended" ":compare alone ends the comparison"
tui_wait_gone "○" && ok "the other curve is gone"
tui_wait_gone "this map" && ok "and its legend"
tui_row_has -1 "[●-1]" "this map's curve stays, with its usual marker"

tui_keys :
tui_type "compare HEAD:tobe.yaml"
tui_keys Enter
tui_status_has "comparing with HEAD:tobe.yaml: 2 matched by" ":compare takes REV:PATH, read from git"
tui_row_has +2 "○" "the committed map's curve is drawn"
tui_keys :
tui_type "compare HEAD:nothere.yaml"
tui_keys Enter
tui_status_has "cannot compare with HEAD:nothere.yaml: fatal:" "a path git does not have: git's message"
tui_keys :
tui_type compare
tui_keys Enter
tui_status_has "comparison ended" "and it ends as before"

tui_keys :
tui_type "q!"
tui_keys Enter
tui_expect_rc 0 "the editor quits"
check cmp -s tobe.yaml tobe.before "the other map's file is left as it was"

lib_finish
