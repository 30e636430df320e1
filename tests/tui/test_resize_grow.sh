#!/bin/sh
# Growing the terminal repaints all of it: at 120x40 after 80x24 the screen is
# exactly what an editor started at 120x40 shows, text and attributes. And
# options before the file work, as in `vi -R FILE`.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/glasses.yaml
cp maps/glasses-try-at-home.yaml "$map"

# screen_e FILE: the screen with its attributes (capture-pane -e)
screen_e() {
	tmx capture-pane -e -p -t "$TUI_SESSION" >"$1" 2>/dev/null
}

tui_start 120 40 "$CJM" -R "$map"
tui_status_has "[read-only]" "cjm -R FILE opens the map read-only"
tui_expect "Sterkte" "at 120x40 the sixth column is on the screen"
tui_sync
tui_screen "$T/fresh"
screen_e "$T/fresh-e"
tui_keys : q Enter
tui_expect_rc 0 ":q exits 0"

tui_start 80 24 "$CJM" "$map" -R
tui_status_has "[read-only]" "cjm FILE -R opens the map read-only too"
tui_sync
if tui_has "Sterkte"; then notok "at 80x24 the sixth column is off the screen"; tui_dump; else ok "at 80x24 the sixth column is off the screen"; fi
tmx resize-window -t "$TUI_SESSION" -x 120 -y 40
tui_expect "Sterkte" "grown to 120x40, the new columns show the map"
tui_sync
tui_screen "$T/grown"
screen_e "$T/grown-e"
expect_same "$T/fresh" "$T/grown" "grown to 120x40, every cell is what a fresh 120x40 start shows"
# the attributes too, above the status line (whose bottom-right cell curses may leave alone)
head -n 39 "$T/fresh-e" >"$T/fresh-e39"
head -n 39 "$T/grown-e" >"$T/grown-e39"
expect_same "$T/fresh-e39" "$T/grown-e39" "grown to 120x40, the attributes are too (capture-pane -e)"
[ "$(awk 'NR > 24 && NF' "$T/grown" | wc -l)" -gt 5 ] && ok "the rows below the old 24 are drawn" ||
	{ notok "the rows below the old 24 are drawn"; tui_dump; }
tui_keys : q Enter
tui_expect_rc 0 ":q exits 0 after the resize"

tui_start 80 24 "$CJM" edit -R "$map"
tui_status_has "[read-only]" "cjm edit -R FILE opens it read-only"
tui_keys : q Enter
tui_expect_rc 0 "cjm edit -R: :q exits 0"
tui_start 80 24 "$CJM" --read-only "$map"
tui_status_has "[read-only]" "cjm --read-only FILE opens it read-only"
tui_keys +
tui_status_has "read-only: nothing can be changed" "and nothing can be changed"
tui_keys : q Enter
tui_expect_rc 0 "cjm --read-only: :q exits 0"

# the command line itself, without a terminal
run "$CJM" -x "$map"
expect_rc 64 "cjm -x FILE: an unknown option is a usage error"
expect_err_has "unknown option '-x'" "it names the option"
run "$CJM" --frobnicate
expect_rc 64 "cjm --frobnicate: a usage error"
run "$CJM" --help
expect_rc 0 "cjm --help still works"
expect_out_has "cjm [-R] FILE" "cjm --help shows cjm [-R] FILE"
run "$CJM" --version
expect_rc 0 "cjm --version still works"
run "$CJM" -R "$map"
expect_rc 64 "cjm -R FILE without a terminal: the editor's usage error, not 'not a command'"
expect_err_has "needs a terminal" "it says the editor needs a terminal"
run "$CJM" edit --help
expect_out_has "options may come before or" "cjm edit --help says options may come before or after FILE"
lib_finish
