#!/bin/sh
# A plugin that crashes, hangs, exits or garbles its answer, while being loaded
# or while suggesting, is reported (naming the file and the signal), disabled
# until its file changes, and never costs the built-in patterns' results.
#   CJM=build/san/cjm sh tests/cli/test_plugin_isolation.sh
. tests/cli/lib.sh

umask 022 # plugin folders and files must not be writable by group or others
PLUGINS=${CJM_TEST_PLUGINS:-$(dirname "$CJM")/plugins}
case $PLUGINS in /*) ;; *) PLUGINS=$ROOT/$PLUGINS ;; esac
case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac
for p in example crash-run crash-load hang noisy garble quits; do
	if [ ! -f "$PLUGINS/$p.so" ]; then
		notok "the test plugins are built in $PLUGINS" "make builds them (tests/plugins/*.c)"
		lib_finish
		exit
	fi
done

HOME=$T/home
export HOME
unset XDG_DATA_HOME XDG_STATE_HOME CJM_PLUGIN_PATH CJM_PLUGIN_TIMEOUT
mkdir -p "$HOME"
state=$HOME/.local/state/cjm/disabled-plugins

# folder NAME PLUGIN...: a plugin folder $T/NAME holding copies of PLUGIN.so
folder() {
	d=$T/$1
	shift
	mkdir -p "$d"
	for p in "$@"; do cp "$PLUGINS/$p.so" "$d/"; done
}

cat >"$T/map.yaml" <<'EOF'
version: 1
title: Isolation
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: call
    name: Call the helpdesk
    emotion: -2
EOF

# --- a crash while suggesting ------------------------------------------------------
folder crash example crash-run
run env CJM_PLUGIN_PATH="$T/crash" "$CJM" suggest "$T/map.yaml" --all
expect_rc 1 "a plugin crashes while suggesting: the exit status is still the suggestions' (1)"
expect_err_line "cjm: warning: plugin $T/crash/crash-run.so crashed with SIGSEGV (Segmentation fault) while suggesting; it is disabled until it is reinstalled (see cjm patterns)" \
	"the crash is reported on stderr, naming the plugin's file and the signal"
expect_out_has "[2] soften-negatives  call" "the built-in patterns' suggestions are still printed"
expect_out_has "[2] owner-gaps  call" "the other plugin's suggestions are still printed"
expect_out_lacks "said before the crash" "nothing a crashed plugin emitted is used"
if grep -q "^$T/crash/crash-run.so	[0-9]*	[0-9]*	[0-9]*	[0-9]*\.[0-9]*	crashed with SIGSEGV" "$state" 2>/dev/null; then
	ok "the crash is recorded in ~/.local/state/cjm/disabled-plugins: path, device, inode, size, mtime, reason"
else
	notok "the crash is recorded in ~/.local/state/cjm/disabled-plugins: path, device, inode, size, mtime, reason" \
		"$(cat "$state" 2>&1)"
fi

run env CJM_PLUGIN_PATH="$T/crash" "$CJM" suggest "$T/map.yaml" --all
expect_rc 1 "the next run: exit 1 (the suggestions)"
expect_err_line "cjm: warning: plugin $T/crash/crash-run.so is disabled: it crashed with SIGSEGV (Segmentation fault) while suggesting; reinstall it to try it again (see cjm patterns)" \
	"the next run says the plugin is disabled, and why"
expect_out_has "[2] owner-gaps  call" "the next run: the other plugin still runs"
run env CJM_PLUGIN_PATH="$T/crash" "$CJM" suggest "$T/map.yaml" --pattern crash-run
expect_rc 64 "--pattern of a disabled plugin's pattern: a usage error (64), as for any unknown id"
expect_err_has "plugin $T/crash/crash-run.so is disabled" "--pattern of a disabled plugin's pattern: the reason comes first"

run env CJM_PLUGIN_PATH="$T/crash" "$CJM" patterns
expect_rc 0 "cjm patterns with a disabled plugin: exit 0"
expect_out_has "Disabled (crashed or hung):" "cjm patterns lists disabled plugins in a section of their own"
expect_out_has "  $T/crash/crash-run.so: crashed with SIGSEGV (Segmentation fault) while suggesting" \
	"cjm patterns says why the plugin is disabled"
expect_out_has "A disabled plugin is tried again once its file changes: reinstall it, or touch it, or delete its line in $state." \
	"cjm patterns says how to enable it again"
expect_out_lacks "crash-run  " "a disabled plugin's pattern is not listed as a pattern"
expect_out_has "owner-gaps  $T/crash/example.so" "the other plugin is listed"

run env CJM_PLUGIN_PATH="$T/crash" "$CJM" validate "$T/map.yaml"
expect_rc 0 "cjm validate with a disabled plugin: the map is still valid (0)"
expect_err_has "plugin $T/crash/crash-run.so is disabled: it crashed with SIGSEGV" "cjm validate says the plugin is disabled"

# reinstalled (a new file): tried again
rm "$T/crash/crash-run.so"
cp "$PLUGINS/crash-run.so" "$T/crash/"
run env CJM_PLUGIN_PATH="$T/crash" "$CJM" suggest "$T/map.yaml"
expect_err_has "plugin $T/crash/crash-run.so crashed with SIGSEGV" "a reinstalled plugin is tried again"
# touched (the same file, changed): tried again
touch -d '2001-02-03 04:05:06' "$T/crash/crash-run.so"
run env CJM_PLUGIN_PATH="$T/crash" "$CJM" suggest "$T/map.yaml"
expect_err_has "plugin $T/crash/crash-run.so crashed with SIGSEGV" "a touched plugin is tried again"
if [ "$(grep -c 'crash-run.so' "$state")" -eq 1 ]; then
	ok "the state file keeps one line per plugin"
else
	notok "the state file keeps one line per plugin" "$(cat "$state")"
fi
# the same path with another plugin in it is not disabled
rm "$T/crash/crash-run.so"
cp "$PLUGINS/example.so" "$T/crash/crash-run.so"
run env CJM_PLUGIN_PATH="$T/crash" "$CJM" patterns
expect_out_lacks "crash-run.so: crashed" "a plugin replaced by another file is no longer disabled"
rm -rf "$T/crash"

# --- a crash while being loaded -----------------------------------------------------
folder load crash-load example
for cmd in patterns validate suggest; do
	args=
	[ "$cmd" = patterns ] || args=$T/map.yaml
	run env CJM_PLUGIN_PATH="$T/load" XDG_STATE_HOME="$T/state-$cmd" "$CJM" $cmd $args
	expect_err_has "cjm: warning: plugin $T/load/crash-load.so crashed with SIGABRT (Aborted) while being loaded; it is disabled until it is reinstalled" \
		"cjm $cmd: a plugin that aborts while being loaded is reported with the signal"
	if [ -f "$T/state-$cmd/cjm/disabled-plugins" ]; then
		ok "cjm $cmd: it is recorded in \$XDG_STATE_HOME/cjm/disabled-plugins"
	else
		notok "cjm $cmd: it is recorded in \$XDG_STATE_HOME/cjm/disabled-plugins"
	fi
	case $cmd in
	patterns)
		expect_rc 0 "cjm patterns: still exit 0"
		expect_out_has "soften-negatives  built in" "cjm patterns: the built-ins are still listed"
		expect_out_has "owner-gaps  $T/load/example.so" "cjm patterns: the other plugin is still listed"
		;;
	validate) expect_rc 0 "cjm validate: the map is still valid (0)" ;;
	suggest)
		expect_rc 1 "cjm suggest: exit 1 (the built-ins' suggestions)"
		expect_out_has "[2] soften-negatives  call" "cjm suggest: the built-ins' suggestions are printed"
		;;
	esac
done

# --- a hang, an exit, a garbled answer ----------------------------------------------
folder hang hang
start=$(date +%s)
run env CJM_PLUGIN_PATH="$T/hang" CJM_PLUGIN_TIMEOUT=1 "$CJM" suggest "$T/map.yaml"
took=$(($(date +%s) - start))
expect_rc 1 "a plugin that hangs: exit 1 (the built-ins' suggestions)"
expect_err_has "plugin $T/hang/hang.so did not finish within 1 s while suggesting (stopped); it is disabled" \
	"a plugin that hangs is stopped at the time limit and reported"
expect_out_has "[2] soften-negatives  call" "a plugin that hangs: the built-ins' suggestions are printed"
if [ "$took" -le 4 ]; then ok "a plugin that hangs costs the time limit, no more (${took} s)"; else notok "a plugin that hangs costs the time limit, no more" "took $took s"; fi

folder quits quits
run env CJM_PLUGIN_PATH="$T/quits" "$CJM" suggest "$T/map.yaml"
expect_err_has "plugin $T/quits/quits.so exited with status 7 while suggesting; it is disabled" \
	"a plugin that exits while suggesting is reported with its status"
expect_rc 1 "a plugin that exits: exit 1 (the built-ins' suggestions)"

folder garble garble
run env CJM_PLUGIN_PATH="$T/garble" "$CJM" suggest "$T/map.yaml"
expect_err_has "plugin $T/garble/garble.so sent a garbled answer while suggesting; it is disabled" \
	"a plugin that writes into cjm's pipe is taken for garbled"
expect_out_lacks "said after the junk" "nothing of a garbled answer is used"

# --- rude but harmless: noise on stdout and stderr, closed descriptors ------------------
folder noisy noisy
run env CJM_PLUGIN_PATH="$T/noisy" "$CJM" suggest "$T/map.yaml" --pattern noisy
expect_rc 1 "a noisy plugin still suggests (exit 1)"
expect_out_has "[3] noisy  journey" "a plugin that closes descriptors 0 to 63 still answers"
expect_out_lacks "NOISE" "what a plugin prints never reaches cjm's standard output"
if grep -q NOISE "$T/err"; then notok "what a plugin prints never reaches cjm's standard error" "$(cat "$T/err")"; else ok "what a plugin prints never reaches cjm's standard error"; fi
run env CJM_PLUGIN_PATH="$T/noisy" "$CJM" suggest "$T/map.yaml" --pattern noisy --format yaml
expect_out_lacks "NOISE" "yaml: what a plugin prints never reaches cjm's standard output"
if [ ! -e "$HOME/.local/state/cjm/disabled-plugins" ] || ! grep -q noisy "$HOME/.local/state/cjm/disabled-plugins"; then
	ok "a noisy plugin is not disabled"
else
	notok "a noisy plugin is not disabled"
fi

# --- the built-ins do not wait for plugins -------------------------------------------
folder slow hang
start=$(date +%s)
run env CJM_PLUGIN_PATH="$T/slow" CJM_PLUGIN_TIMEOUT=5 XDG_STATE_HOME="$T/state-slow" \
	"$CJM" suggest "$T/map.yaml" --pattern soften-negatives
took=$(($(date +%s) - start))
expect_rc 1 "--pattern with a built-in id: exit 1"
expect_empty "$T/err" "--pattern with a built-in id: the hanging plugin is not run"
if [ "$took" -le 2 ]; then ok "--pattern with a built-in id does not wait for plugins (${took} s)"; else notok "--pattern with a built-in id does not wait for plugins" "took $took s"; fi

lib_finish
