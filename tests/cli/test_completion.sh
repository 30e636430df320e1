#!/bin/sh
# cjm completion: the bash, zsh and fish scripts it prints complete the commands,
# each command's options, the formats, the papers, the pattern ids and map files,
# as cjm's own tables and --help have them; bad arguments are usage errors.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_completion.sh
. tests/cli/lib.sh

case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac
PLUGINS=${CJM_TEST_PLUGINS:-$(dirname "$CJM")/plugins}
case $PLUGINS in /*) ;; *) PLUGINS=$ROOT/$PLUGINS ;; esac
umask 022
HOME=$T/home
XDG_CONFIG_HOME=$T/home/.config
XDG_DATA_HOME=$T/home/.local/share
export HOME XDG_CONFIG_HOME XDG_DATA_HOME
unset XDG_STATE_HOME CJM_PLUGIN_PATH
mkdir -p "$HOME"

BUILTINS="soften-negatives amplify-peaks moments-of-truth strong-start end-with-smile \
extend-journey skip-steps reorder-steps intelligent-experience redesign"

# --- the command --------------------------------------------------------------
for shell in bash zsh fish; do
	run "$CJM" completion "$shell"
	if [ "$rc" -eq 0 ] && [ -s "$T/out" ] && [ ! -s "$T/err" ]; then
		ok "cjm completion $shell prints a script, nothing on stderr"
	else
		fail "cjm completion $shell prints a script, nothing on stderr"
	fi
	cp "$T/out" "$T/script.$shell"
done
mkdir -p "$T/zsh"
cp "$T/script.zsh" "$T/zsh/_cjm"

run "$CJM" completion
expect_rc 64 "cjm completion without a shell is a usage error (64)"
expect_err_line "cjm: which shell? give bash, zsh or fish" "cjm completion without a shell says which are there"
expect_empty "$T/out" "cjm completion without a shell prints no script"
run "$CJM" completion tcsh
expect_rc 64 "cjm completion tcsh is a usage error (64)"
expect_err_line "cjm: no shell 'tcsh'; the shells are bash, zsh and fish" "cjm completion tcsh names the shells"
expect_empty "$T/out" "cjm completion tcsh prints no script"
run "$CJM" completion bash zsh
expect_rc 64 "cjm completion with two shells is a usage error (64)"
expect_err_line "cjm: one shell at a time ('bash' and 'zsh')" "cjm completion with two shells says one at a time"
run "$CJM" completion --patterns bash
expect_rc 64 "cjm completion --patterns with a shell is a usage error (64)"
expect_err_line "cjm: --patterns takes no SHELL ('bash')" "cjm completion --patterns bash says why"
run "$CJM" completion --bogus
expect_rc 64 "cjm completion with an unknown option is a usage error (64)"

run "$CJM" completion --patterns
if [ "$rc" -eq 0 ] && [ "$(tr '\n' ' ' <"$T/out")" = "$BUILTINS " ]; then
	ok "cjm completion --patterns lists the built-in ids in tip order"
else
	fail "cjm completion --patterns lists the built-in ids in tip order"
fi
if [ -f "$PLUGINS/example.so" ]; then
	mkdir -p "$T/plugins"
	cp "$PLUGINS/example.so" "$T/plugins/"
	run env CJM_PLUGIN_PATH="$T/plugins" "$CJM" completion --patterns
	if [ "$(tail -n 1 "$T/out")" = "owner-gaps" ]; then
		ok "cjm completion --patterns lists a plugin's id after the built-ins"
	else
		fail "cjm completion --patterns lists a plugin's id after the built-ins"
	fi
else
	notok "the test plugins are built in $PLUGINS" "make builds them (tests/plugins/*.c)"
fi

# --- bash -----------------------------------------------------------------------
# A folder to complete files in: two maps, another file, a folder.
F=$T/files
mkdir -p "$F/sub"
for f in a.yaml b.yml notes.txt; do : >"$F/$f"; done
cp "$ROOT/maps/energy-switch.yaml" "$T/map.yaml"

# bash_complete WORD...: the words bash's cjm completion offers for the line WORD...,
# the last word being the one completed, one a line, sorted, in $T/out
# (tests/cli/complete.bash runs the function the script registered, as bash would)
bash_complete() {
	(cd "$F" && bash --norc --noprofile "$ROOT/tests/cli/complete.bash" "$T/script.bash" "$@") 2>"$T/err" |
		LC_ALL=C sort -u >"$T/out"
}
# words FILE: the file's lines as one line
words() { tr '\n' ' ' <"$1" | sed 's/ $//'; }

if ! command -v bash >/dev/null 2>&1; then
	notok "bash is installed" "the bash completion is checked with bash"
else
	bash_complete cjm ex
	if [ "$(words "$T/out")" = "export" ]; then
		ok "bash completes 'cjm ex' to export"
	else
		fail "bash completes 'cjm ex' to export"
	fi
	"$CJM" --list-commands | LC_ALL=C sort >"$T/commands"
	bash_complete cjm ''
	if [ -z "$(comm -23 "$T/commands" "$T/out")" ] && grep -qx 'a.yaml' "$T/out" && grep -qx 'sub' "$T/out" &&
		! grep -qx 'notes.txt' "$T/out"; then
		ok "bash completes 'cjm ' to every command of cjm --list-commands, and map files (cjm FILE)"
	else
		fail "bash completes 'cjm ' to every command of cjm --list-commands, and map files (cjm FILE)"
	fi

	# every --to it offers is one cjm export takes, and it offers each the --to help names
	bash_complete cjm export x.yaml --to ''
	cp "$T/out" "$T/formats"
	refused=
	for f in $(cat "$T/formats"); do
		"$CJM" export "$T/map.yaml" --to "$f" -o "$T/export.out" >/dev/null 2>&1 || refused="$refused $f"
	done
	"$CJM" export --help | sed -n 's/^ *-t, --to FORMAT *//p' | tr ',' ' ' | tr ' ' '\n' |
		grep -v -x -e '' -e or -e and | LC_ALL=C sort >"$T/help-formats"
	if [ -s "$T/formats" ] && [ -z "$refused" ] && [ -s "$T/help-formats" ] &&
		[ -z "$(comm -23 "$T/help-formats" "$T/formats")" ]; then
		ok "bash completes 'cjm export x.yaml --to ' to the formats ($(words "$T/formats"))"
	else
		fail "bash completes 'cjm export x.yaml --to ' to the formats" "offered: $(words "$T/formats")" \
			"refused by cjm export:$refused" "named by --help: $(words "$T/help-formats")"
	fi
	bash_complete cjm export x.yaml -t s
	if grep -qx svg "$T/out" && ! grep -qv '^s' "$T/out"; then
		ok "bash completes 'cjm export x.yaml -t s' to the formats beginning with s"
	else
		fail "bash completes 'cjm export x.yaml -t s' to the formats beginning with s"
	fi
	bash_complete cjm import x.csv --from ''
	if grep -qx csv "$T/out" && grep -qx mermaid "$T/out" && ! grep -qx svg "$T/out"; then
		ok "bash completes 'cjm import x.csv --from ' to the formats cjm import reads"
	else
		fail "bash completes 'cjm import x.csv --from ' to the formats cjm import reads"
	fi

	bash_complete cjm export x.yaml --paper ''
	cp "$T/out" "$T/papers"
	refused=
	for p in $(cat "$T/papers"); do
		"$CJM" export "$T/map.yaml" --to svg --paper "$p" -o "$T/export.out" >/dev/null 2>&1 || refused="$refused $p"
	done
	if grep -qx a4 "$T/papers" && grep -qx a3 "$T/papers" && grep -qx a2 "$T/papers" && [ -z "$refused" ]; then
		ok "bash completes 'cjm export x.yaml --paper ' to the papers cjm export takes ($(words "$T/papers"))"
	else
		fail "bash completes 'cjm export x.yaml --paper ' to the papers cjm export takes" \
			"offered: $(words "$T/papers")" "refused:$refused"
	fi
	bash_complete cjm export x.yaml --paper = ''
	if cmp -s "$T/out" "$T/papers"; then
		ok "bash completes 'cjm export x.yaml --paper=' as 'cjm export x.yaml --paper '"
	else
		fail "bash completes 'cjm export x.yaml --paper=' as 'cjm export x.yaml --paper '"
	fi

	bash_complete "$CJM" suggest x.yaml --pattern ''
	"$CJM" completion --patterns | LC_ALL=C sort >"$T/ids"
	if [ -s "$T/out" ] && cmp -s "$T/out" "$T/ids"; then
		ok "bash completes 'cjm suggest x.yaml --pattern ' to the ids of cjm completion --patterns"
	else
		fail "bash completes 'cjm suggest x.yaml --pattern ' to the ids of cjm completion --patterns"
	fi
	if [ -f "$T/plugins/example.so" ]; then
		(CJM_PLUGIN_PATH=$T/plugins && export CJM_PLUGIN_PATH && bash_complete "$CJM" suggest x.yaml -p own)
		if [ "$(words "$T/out")" = "owner-gaps" ]; then
			ok "bash completes 'cjm suggest x.yaml -p own' to a plugin's pattern"
		else
			fail "bash completes 'cjm suggest x.yaml -p own' to a plugin's pattern"
		fi
	fi

	bash_complete cjm show ''
	if [ "$(words "$T/out")" = "a.yaml b.yml sub" ]; then
		ok "bash completes a command's FILE to map files and folders, not other files"
	else
		fail "bash completes a command's FILE to map files and folders, not other files"
	fi
	bash_complete cjm export x.yaml -o ''
	if grep -qx notes.txt "$T/out" && grep -qx a.yaml "$T/out"; then
		ok "bash completes 'cjm export x.yaml -o ' to any file"
	else
		fail "bash completes 'cjm export x.yaml -o ' to any file"
	fi
	bash_complete cjm help ex
	if [ "$(words "$T/out")" = "export" ]; then
		ok "bash completes 'cjm help ex' to export"
	else
		fail "bash completes 'cjm help ex' to export"
	fi
	bash_complete cjm completion ''
	if [ "$(words "$T/out")" = "bash fish zsh" ]; then
		ok "bash completes 'cjm completion ' to the shells"
	else
		fail "bash completes 'cjm completion ' to the shells"
	fi
	bash_complete cjm new x.yaml --title ''
	if [ ! -s "$T/out" ]; then
		ok "bash offers nothing for a free value (cjm new --title)"
	else
		fail "bash offers nothing for a free value (cjm new --title)"
	fi

	# every command: '--' completes to exactly the long options of its --help
	bad=
	for name in $(cat "$T/commands"); do
		"$CJM" "$name" --help | sed -n 's/^[[:space:]]*\(-.*\)$/\1/p' | sed 's/\t.*//; s/  .*//' |
			grep -o -- '--[A-Za-z0-9][A-Za-z0-9-]*' | LC_ALL=C sort -u >"$T/help-opts"
		bash_complete cjm "$name" --
		if ! cmp -s "$T/out" "$T/help-opts"; then
			bad="$bad $name (offered: $(words "$T/out"); --help: $(words "$T/help-opts"))"
		fi
	done
	if [ -z "$bad" ]; then
		ok "bash completes 'cjm COMMAND --' to the long options of cjm COMMAND --help, for every command"
	else
		notok "bash completes 'cjm COMMAND --' to the long options of cjm COMMAND --help, for every command" "$bad"
	fi
fi

# --- zsh ------------------------------------------------------------------------
run zsh -f -c "autoload -Uz compinit; compinit -u -d '$T/zcompdump'; source '$T/zsh/_cjm'; print -r -- \$_comps[cjm]"
if [ "$rc" -eq 0 ] && [ ! -s "$T/err" ] && [ "$(cat "$T/out")" = "_cjm" ]; then
	ok "zsh sources _cjm after compinit without error, and it completes cjm"
else
	fail "zsh sources _cjm after compinit without error, and it completes cjm"
fi
run zsh -f -c "fpath=('$T/zsh' \$fpath); autoload -Uz compinit; compinit -u -d '$T/zcompdump2'; print -r -- \$_comps[cjm]"
if [ "$rc" -eq 0 ] && [ ! -s "$T/err" ] && [ "$(cat "$T/out")" = "_cjm" ]; then
	ok "compinit finds _cjm in \$fpath (share/zsh/site-functions) for cjm"
else
	fail "compinit finds _cjm in \$fpath (share/zsh/site-functions) for cjm"
fi
run zsh -f -n "$T/zsh/_cjm"
expect_rc 0 "_cjm is valid zsh (zsh -n)"

# --- fish -----------------------------------------------------------------------
# fish_complete LINE: what fish offers for LINE, candidates only (no descriptions)
fish_complete() {
	(cd "$F" && fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$T/script.fish" "$1") 2>"$T/err" |
		cut -f1 | LC_ALL=C sort -u >"$T/out"
	rc=$?
}
fish_complete "cjm ex"
if [ "$(words "$T/out")" = "export" ] && [ ! -s "$T/err" ]; then
	ok "fish loads cjm.fish and completes 'cjm ex' to export"
else
	fail "fish loads cjm.fish and completes 'cjm ex' to export"
fi
fish_complete "cjm export x.yaml --to "
if cmp -s "$T/out" "$T/formats"; then
	ok "fish completes 'cjm export x.yaml --to ' to the formats bash does"
else
	fail "fish completes 'cjm export x.yaml --to ' to the formats bash does" "bash: $(words "$T/formats")"
fi
fish_complete "cjm export x.yaml --paper "
if cmp -s "$T/out" "$T/papers"; then
	ok "fish completes 'cjm export x.yaml --paper ' to the papers"
else
	fail "fish completes 'cjm export x.yaml --paper ' to the papers" "bash: $(words "$T/papers")"
fi
fish_complete "cjm show "
if [ "$(words "$T/out")" = "a.yaml b.yml sub/" ]; then
	ok "fish completes a command's FILE to map files and folders, not other files"
else
	fail "fish completes a command's FILE to map files and folders, not other files"
fi
fish_complete "$CJM suggest x.yaml --pattern "
if cmp -s "$T/out" "$T/ids"; then
	ok "fish completes 'cjm suggest x.yaml --pattern ' to the ids of cjm completion --patterns"
else
	fail "fish completes 'cjm suggest x.yaml --pattern ' to the ids of cjm completion --patterns"
fi

# --- at a Tab: bash and zsh in a terminal (tmux), as a user has them --------------
# Last: tests/tui/tmux.sh ends the script (a skip) where there is no tmux.
. "$ROOT/tests/tui/tmux.sh"
mkdir -p "$T/bin" "$T/zdot"
ln -s "$CJM" "$T/bin/cjm" # the command typed is cjm
cat >"$T/zdot/.zshrc" <<EOF
PATH=$T/bin:\$PATH
fpath=($T/zsh \$fpath)
autoload -Uz compinit
compinit -u -d $T/zcompdump3
PS1='zsh> '
EOF
cd "$F" || exit 1
if tui_start 120 30 env HOME="$T/home" ZDOTDIR="$T/zdot" zsh -i && tui_wait_for "zsh>"; then
	tui_type "cjm ex"
	tui_keys Tab
	tui_expect "zsh> cjm export" "zsh completes 'cjm ex<Tab>' to 'cjm export' (from \$fpath)"
	tui_type "a.yaml --to "
	tui_keys Tab
	tui_expect "markdown" "zsh lists the formats at 'cjm export a.yaml --to <Tab>'"
	if tui_has "mermaid" && tui_has "svg"; then ok "zsh's list has mermaid and svg"; else notok "zsh's list has mermaid and svg"; fi
	tui_keys C-c
	tui_type "cjm show "
	tui_keys Tab
	tui_expect "b.yml" "zsh lists the map files at 'cjm show <Tab>'"
	if tui_has "notes.txt"; then notok "zsh lists no other file for a map"; else ok "zsh lists no other file for a map"; fi
fi
if tui_start 120 30 env HOME="$T/home" PATH="$T/bin:$PATH" bash --norc --noprofile -i && tui_wait_for "bash-"; then
	tui_type "source '$T/script.bash'; PS1='bash> '"
	tui_keys Enter
	tui_wait_for "bash>"
	tui_type "cjm ex"
	tui_keys Tab
	tui_expect "bash> cjm export" "bash -i completes 'cjm ex<Tab>' to 'cjm export'"
	tui_type "a.yaml --paper a"
	tui_keys Tab Tab
	tui_expect "a4" "bash -i lists the papers at 'cjm export a.yaml --paper a<Tab><Tab>'"
	if tui_has "a2" && tui_has "a3"; then ok "bash's list has a2 and a3"; else notok "bash's list has a2 and a3"; fi
fi

lib_finish
