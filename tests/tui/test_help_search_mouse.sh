#!/bin/sh
# ? shows every key; / searches; a mouse click selects a column; NO_COLOR draws
# the map without colours.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Help test
phases:
- id: orient
  name: Orient
  touchpoints:
  - {id: alpha, name: Alpha, emotion: 1}
  - {id: bravo, name: Bravo, emotion: 2}
- id: buy
  name: Buy
  touchpoints:
  - {id: charlie, name: Charlie, emotion: -2, pains: [Invoice comes too late]}
  - {id: delta, name: Delta, channel: phone}
Y
cp "$map" "$T/orig.yaml"

tui_start 100 30 "$CJM" "$map"
tui_status_has "Orient > Alpha" "the map opens"

# ---- help ----
tui_keys '?'
tui_expect "Keys on the map (" "? shows the help: the legend, then the keys and what they do"
# page through the help (PageDown scrolls 10 lines), gathering every page
: >"$T/help"
tui_screen "$T/page"
for _ in $(seq 40); do
	sed '$d' "$T/page" >>"$T/help" # not the status line
	grep -q "q or Escape closes this help" "$T/page" && break
	cp "$T/page" "$T/prev"
	tui_keys NPage
	tui_i=0
	while [ "$tui_i" -lt 50 ]; do
		tui_screen "$T/page"
		cmp -s "$T/page" "$T/prev" || break
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
done
missing=
for key in h j k l Left Right Up Down Home End a P e Enter + - x H L u Ctrl-R s / '?' :; do
	grep -Eq "^  $(printf '%s' "$key" | sed 's/[+?]/\\&/g') +[a-z]" "$T/help" || missing="$missing $key"
done
if [ -z "$missing" ]; then ok "the help lists every fixed key with what it does"; else notok "the help lists every fixed key with what it does" "missing:$missing"; sed 's/^/#   |/' "$T/help"; fi
missing=
for cmd in ":w [FILE]" ":q " ":q! " ":wq [FILE]" ":add-touchpoint [NAME]" ":help"; do
	grep -qF -- "  $cmd" "$T/help" || missing="$missing '$cmd'"
done
if [ -z "$missing" ]; then ok "the help lists the : commands"; else notok "the help lists the : commands" "missing:$missing"; sed 's/^/#   |/' "$T/help"; fi
check grep -q "q or Escape closes this help" "$T/help" "the help ends by saying how to close it"
tui_keys q
tui_status_has "? help" "q closes the help"
tui_expect "Alpha" "after the help the map is drawn again"

# ---- search ----
tui_keys /
tui_status_has "/" "/ asks what to search"
tui_type "invoice"
tui_keys Enter
tui_status_has "/invoice |" "/invoice: the search is shown"
tui_status_has "Buy > Charlie |" "/invoice selects the touchpoint whose pain mentions it"
tui_keys /
tui_type "phone"
tui_keys Enter
tui_status_has "/phone |" "/phone: the search is shown"
tui_status_has "Buy > Delta |" "/phone selects the touchpoint on that channel"
tui_keys /
tui_type "alp"
tui_keys Enter
tui_status_has "/alp |" "/alp: the search is shown"
tui_status_has "Orient > Alpha |" "/alp wraps around to Alpha"
tui_keys /
tui_type "nowhere"
tui_keys Enter
tui_status_has "'nowhere' is not on the map" "a search with no match says so"
tui_status_has "Orient > Alpha" "a search with no match keeps the selection"

# ---- mouse: an SGR mouse report, as xterm sends it for a click ----
# columns are 16 wide from x=9 at 100 columns; the name lane is on row 3
tui_click $((9 + 2 * 16 + 3)) 3
if tui_poll "Buy > Charlie" 5; then
	ok "a click on the third column selects Charlie"
	tui_click $((9 + 1 * 16 + 5)) 12
	tui_status_has "Orient > Bravo" "a click in the curve of the second column selects Bravo"
	tui_click $((9 + 6 * 16)) 3
	tui_sync
	tui_status_has "Orient > Bravo" "a click right of the last column changes nothing"
	tui_click 2 3
	tui_sync
	tui_status_has "Orient > Bravo" "a click on the lane labels changes nothing"
else
	notok "a click on the third column selects Charlie"
	tui_dump
fi

tui_keys : q Enter
tui_expect_rc 0 ":q exits 0 (only the selection changed)"
expect_same "$T/orig.yaml" "$map" "help, search and clicks change nothing in the file"

# ---- colours, and NO_COLOR ----
colours() { tmx capture-pane -p -e -t "$TUI_SESSION" | grep -Ec "$(printf '\033')\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)m"; }
tui_start 100 30 "$CJM" "$map"
tui_wait_for "●-2"
n=$(colours)
if [ "$n" -gt 0 ]; then ok "without NO_COLOR the map is drawn in colour"; else notok "without NO_COLOR the map is drawn in colour" "no colour escape on screen"; fi
tui_keys : q Enter
tui_wait_exit

TUI_NO_COLOR=1 tui_start 100 30 "$CJM" "$map"
tui_expect "●-2" "with NO_COLOR=1 the curve is drawn"
tui_status_has "Orient > Alpha" "with NO_COLOR=1 the status line is drawn"
tui_expect "Charlie" "with NO_COLOR=1 the names are drawn"
n=$(colours)
if [ "$n" -eq 0 ]; then ok "with NO_COLOR=1 no colour is used"; else notok "with NO_COLOR=1 no colour is used" "$n lines with colour escapes"; tmx capture-pane -p -e -t "$TUI_SESSION" | cat -v | sed 's/^/#   |/' | head -n 12; fi
if tmx capture-pane -p -e -t "$TUI_SESSION" | grep -q "$(printf '\033')\\[[0-9;]*7m"; then ok "with NO_COLOR=1 the selection is in reverse video"; else notok "with NO_COLOR=1 the selection is in reverse video"; fi
tui_keys + : w q Enter
tui_expect_rc 0 "with NO_COLOR=1 :wq exits 0"
check grep -q "emotion: 2" "$map" "with NO_COLOR=1 the change is saved"
lib_finish
