# Shared helpers for the fault-injection scripts: the commands that replace a
# file, set up one at a time, and the checks that a failed save lost nothing.
# shellcheck source-path=SCRIPTDIR source=../cli/lib.sh
# shellcheck shell=sh disable=SC2034 # sourced: the scripts use what is set here
. tests/cli/lib.sh
FAST=${CJM_FAST:-$CJM}
M=maps/energy-switch.yaml
# the commands that replace a file, each checked on its own
SAVING_COMMANDS="fmt export export-pdf import new merge"

# setup_case CMD DIR: puts in DIR what CMD needs; sets $target (the file CMD
# replaces or creates), $orig (a copy of it as it was, or "" when there is none)
# and $argv (CMD's arguments, without spaces in them).
setup_case() {
	mkdir -p "$2"
	case $1 in
	fmt) # not canonical (two blank lines at the end), so fmt -w rewrites it
		cp "$M" "$2/m.yaml"
		printf '\n\n' >>"$2/m.yaml"
		target=$2/m.yaml
		argv="fmt -w $target" ;;
	export) # over an earlier export (of another map), which is no map
		"$FAST" export maps/b2b-invoice.yaml --to markdown -o "$2/m.md"
		target=$2/m.md
		argv="export $M --to markdown -o $target" ;;
	export-pdf) # streamed as it is drawn, over an earlier PDF (of another map)
		"$FAST" export maps/b2b-invoice.yaml --to pdf -o "$2/m.pdf"
		target=$2/m.pdf
		argv="export $M --to pdf -o $target" ;;
	import) # over an existing map, with --force
		"$FAST" export "$M" --to csv -o "$T/import-src.csv"
		cp maps/b2b-invoice.yaml "$2/m.yaml"
		target=$2/m.yaml
		argv="import $T/import-src.csv --from csv -o $target --force" ;;
	new)
		target=$2/new.yaml
		argv="new $target" ;;
	merge) # THEIRS renamed the map: the merge rewrites OURS
		cp "$M" "$T/merge-base.yaml"
		sed 's/^title: .*/title: Renamed by theirs/' "$M" >"$T/merge-theirs.yaml"
		cp "$M" "$2/m.yaml"
		target=$2/m.yaml
		argv="merge $T/merge-base.yaml $target $T/merge-theirs.yaml" ;;
	esac
	if [ -e "$target" ]; then
		cp "$target" "$2.orig"
		orig=$2.orig
	else
		orig=""
	fi
}

# temp_files DIR: the temporary files of saves in DIR, one a line
temp_files() {
	for f in "$1"/.*.tmp-*; do
		[ -e "$f" ] && echo "${f##*/}"
	done
	return 0
}

# expect_unchanged NAME DIR: $target holds exactly $orig (or is still absent),
# and DIR holds no temporary file
expect_unchanged() {
	if [ -n "$orig" ]; then
		expect_same "$orig" "$target" "$1: the file is byte for byte as it was"
	elif [ -e "$target" ]; then
		fail "$1: no file is created" "$target exists"
	else
		ok "$1: no file is created"
	fi
	left=$(temp_files "$2")
	if [ -z "$left" ]; then ok "$1: no temporary file is left"; else fail "$1: no temporary file is left" "left: $left"; fi
}

# expect_save_failed NAME RC STEP: exit RC, and a message naming $target and the failed step
expect_save_failed() {
	expect_rc "$2" "$1: exits $2"
	if grep -qF -- "$target: cannot" "$T/err" && grep -qF -- "($3 failed: " "$T/err"; then
		ok "$1: the message names the file and the step ($3)"
	else
		fail "$1: the message names the file and the step ($3)" "expected '$target: cannot' and '($3 failed: '"
	fi
}
