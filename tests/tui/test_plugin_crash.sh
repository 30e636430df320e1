#!/bin/sh
# A plugin that crashes or hangs cannot take the editor down: it runs in a
# child, is disabled and said on the status line, the other patterns still
# run, and :w saves. The next time the editor opens, it stays disabled; with
# unsaved edits restored from the recovery file and the plugin reinstalled,
# it crashes again and :w still saves (the case of the report).
. tests/cli/lib.sh
. tests/tui/tmux.sh

umask 022 # plugin folders and files must not be writable by group or others
PLUGINS=${CJM_TEST_PLUGINS:-$(dirname "$CJM")/plugins}
case $PLUGINS in /*) ;; *) PLUGINS=$ROOT/$PLUGINS ;; esac
case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac
for p in example crash-run crash-load hang; do
	if [ ! -f "$PLUGINS/$p.so" ]; then
		notok "the test plugins are built in $PLUGINS" "make builds them (tests/plugins/*.c)"
		lib_finish
		exit
	fi
done
HOME=$T/home
export HOME
unset XDG_DATA_HOME XDG_STATE_HOME CJM_PLUGIN_PATH
mkdir -p "$HOME" "$T/crash" "$T/hang"
cp "$PLUGINS/example.so" "$PLUGINS/crash-run.so" "$PLUGINS/crash-load.so" "$T/crash/"
cp "$PLUGINS/hang.so" "$T/hang/"
state=$HOME/.local/state/cjm/disabled-plugins

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Crash test
phases:
- id: buy
  name: Buy
  touchpoints:
  - id: sign
    name: Sign the contract
    emotion: 1
  - id: invoice
    name: First invoice
    emotion: -3
Y

tui_start 200 30 env CJM_PLUGIN_PATH="$T/crash" CJM_PLUGIN_TIMEOUT=2 "$CJM" "$map"
tui_expect "Sign the contract" "with crashing plugins installed, the map opens"
tui_status_has "plugin crash-run.so crashed with SIGSEGV" \
	"the editor says the plugin that crashed while suggesting, and the signal"
tui_status_has "disabled until it is reinstalled" "... and that it is disabled"
tui_expect "◆" "the markers of the other patterns are still shown"
pid=$(tui_pid)
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then ok "the editor is still running"; else notok "the editor is still running" "pid '$pid'"; fi
tui_keys Home l s
tui_expect "Who owns 'First invoice'?" "the good plugin's pattern still runs in the panel"
tui_keys q
tui_wait_gone "suggestion(s) for"
tui_keys Home +
tui_status_has "[+]" "an edit after the crash"
tui_keys : w Enter
tui_status_has "saved" ":w saves after the crash"
check grep -q "emotion: 2" "$map" "the file holds the edit"
if grep -q "crash-run.so	.*SIGSEGV" "$state" 2>/dev/null && grep -q "crash-load.so	.*SIGABRT" "$state" 2>/dev/null; then
	ok "both crashing plugins are recorded as disabled in ~/.local/state/cjm/disabled-plugins"
else
	notok "both crashing plugins are recorded as disabled in ~/.local/state/cjm/disabled-plugins" "$(cat "$state" 2>&1)"
fi
tui_keys : q Enter
tui_expect_rc 0 ":q exits 0"

# Opened again, the plugins stay disabled, and the editor says so.
tui_start 200 30 env CJM_PLUGIN_PATH="$T/crash" CJM_PLUGIN_TIMEOUT=2 "$CJM" "$map"
tui_expect "Sign the contract" "opened again: the map opens"
tui_status_has "is disabled: it crashed with" "opened again: the editor says the plugins are disabled"
tui_keys : q Enter
tui_expect_rc 0 "opened again: :q exits 0"

# The case of the report: unsaved edits restored from the recovery file, with
# the plugin reinstalled (so it is tried, and crashes, again): :w still saves.
rm "$T/crash/crash-run.so"
cp "$PLUGINS/crash-run.so" "$T/crash/"
rec=$(tui_recovery_of "$map")
tui_start 200 30 env CJM_PLUGIN_PATH="$T/crash" CJM_PLUGIN_TIMEOUT=2 "$CJM" "$map"
tui_wait_for "Sign the contract"
tui_keys Home +
tui_wait_for " [+] "
if tui_wait_file "$rec" 5; then ok "an edit is written to the recovery file"; else notok "an edit is written to the recovery file"; fi
pid=$(tui_pid)
[ -n "$pid" ] && kill -KILL "$pid"
tui_wait_exit
rm "$T/crash/crash-run.so"
cp "$PLUGINS/crash-run.so" "$T/crash/"
tui_start 200 30 env CJM_PLUGIN_PATH="$T/crash" CJM_PLUGIN_TIMEOUT=2 "$CJM" "$map"
tui_expect "has unsaved edits from" "the next start offers the unsaved edits"
tui_keys r
tui_status_has "plugin crash-run.so crashed with SIGSEGV" "restored: the reinstalled plugin crashes again, and the editor says so"
tui_keys : w Enter
tui_status_has "saved" "restored: :w saves after the crash"
check grep -q "emotion: 3" "$map" "restored: the file holds the restored edit"
tui_keys : q Enter
tui_expect_rc 0 "restored: :q exits 0"

# A plugin that hangs is stopped at the time limit; the editor goes on.
tui_start 200 30 env CJM_PLUGIN_PATH="$T/hang" CJM_PLUGIN_TIMEOUT=1 "$CJM" "$map"
tui_expect "Sign the contract" "with a hanging plugin: the map opens"
tui_status_has "plugin hang.so did not finish within 1 s" "the editor says the plugin hung and was stopped"
tui_keys Home l
tui_status_has "Buy > First invoice |" "keys work after the hang"
tui_keys : q Enter
tui_expect_rc 0 "with a hanging plugin: :q exits 0"

lib_finish
