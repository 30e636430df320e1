#!/bin/sh
# Keeps the man pages in step with the code: a page for every command, clean
# under mandoc, and every long option in `cjm NAME --help` documented in the
# page's OPTIONS and the other way round.
# Run from the top of the source tree: CJM=build/cjm sh tests/cli/test_man.sh
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$HERE/lib.sh"
MAN=$(cd "$HERE/../.." && pwd)/man
failures=0

pass() { ok "$1"; }

# options_in_help FILE: the long options (--name) on the option lines of a --help
# text, one a line, without --help. An option line starts, after blanks, with '-';
# only the part before the first run of two blanks (or a tab) counts, so options
# named in a help sentence are not taken for options.
options_in_help() {
	sed -n 's/^[[:space:]]*\(-.*\)$/\1/p' "$1" |
		sed 's/\t.*//; s/  .*//' |
		grep -o -- '--[A-Za-z0-9][A-Za-z0-9-]*' |
		grep -vx -- '--help' | sort -u
}

# options_in_page PAGE: the long options written "Fl -name" in the page's OPTIONS
# section, one a line as --name, without --help.
options_in_page() {
	sed -n '/^\.Sh OPTIONS/,/^\.Sh /p' "$1" |
		grep -o 'Fl -[A-Za-z0-9][A-Za-z0-9-]*' | sed 's/^Fl /-/' |
		grep -vx -- '--help' | sort -u
}

# missing A B: the lines of file A that are not in file B (both sorted)
missing() { comm -23 "$1" "$2" | tr '\n' ' ' | sed 's/ $//'; }

# --- the commands cjm has -------------------------------------------------
run "$CJM" --list-commands
commands=$(cat "$T/out")
if [ "$rc" -eq 0 ] && [ -n "$commands" ]; then
	pass "cjm --list-commands lists the commands"
else
	fail "cjm --list-commands lists the commands" "expected exit 0 and a list of commands"
	failures=$((failures + 1))
	commands=
fi

# --- every page is clean under mandoc ---------------------------------------
if command -v mandoc >/dev/null 2>&1; then
	for page in "$MAN"/*.[1-9]; do
		[ -f "$page" ] || continue
		rel=man/${page##*/}
		# mandoc.db notes are about this machine's installed pages, not this page
		lint=$(mandoc -Tlint -Wwarning "$page" 2>&1 | grep -v 'mandoc\.db')
		if [ -z "$lint" ]; then
			pass "$rel is clean under mandoc -Tlint -Wwarning"
		else
			notok "$rel is clean under mandoc -Tlint -Wwarning"
			printf '%s\n' "$lint" | sed 's/^/#   /'
		fi
	done
else
	notok "mandoc is installed" "mandoc lints the man pages; install it (make deps)"
fi

# --- cjm(1) and cjm-map(5) ----------------------------------------------------
top=$MAN/cjm.1
if [ -f "$top" ]; then
	pass "man/cjm.1 exists"
	if grep -qx '\.Dt CJM 1' "$top"; then
		pass "man/cjm.1 has .Dt CJM 1"
	else
		notok "man/cjm.1 has .Dt CJM 1" "found: $(grep '^\.Dt' "$top")"
	fi
	# its OPTIONS (--version, --help) are what `cjm --help` offers
	run "$CJM" --help
	absent=
	for opt in $(sed -n '/^\.Sh OPTIONS/,/^\.Sh /p' "$top" |
		grep -o 'Fl -[A-Za-z0-9][A-Za-z0-9-]*' | sed 's/^Fl /-/' | sort -u); do
		grep -qF -- "$opt" "$T/out" || absent="$absent $opt"
	done
	if [ -z "$absent" ]; then
		pass "every option in cjm.1 OPTIONS is in cjm --help"
	else
		fail "every option in cjm.1 OPTIONS is in cjm --help" "not in cjm --help:$absent"
		failures=$((failures + 1))
	fi
else
	notok "man/cjm.1 exists"
fi
if [ -f "$MAN/cjm-map.5" ] && grep -qx '\.Dt CJM-MAP 5' "$MAN/cjm-map.5"; then
	pass "man/cjm-map.5 exists with .Dt CJM-MAP 5"
else
	notok "man/cjm-map.5 exists with .Dt CJM-MAP 5"
fi

# --- every command: its page, and its options both ways -------------------
for name in $commands; do
	page=$MAN/cjm-$name.1
	rel=man/cjm-$name.1
	if [ -f "$top" ]; then
		if grep -Eq "(^|[[:space:]])Nm cjm $name([[:space:]]|\$)" "$top" ||
			grep -Eq "(^|[[:space:]])Xr cjm-$name 1([[:space:]]|\$)" "$top"; then
			pass "man/cjm.1 mentions $name"
		else
			notok "man/cjm.1 mentions $name" "expected 'Nm cjm $name' or 'Xr cjm-$name 1' in man/cjm.1"
		fi
	fi
	if [ ! -f "$page" ]; then
		notok "$rel exists" "cjm --list-commands has '$name' but there is no $rel"
		continue
	fi
	pass "$rel exists"
	dt=$(printf '%s' "$name" | tr '[:lower:]' '[:upper:]')
	if grep -qx "\\.Dt CJM-$dt 1" "$page"; then
		pass "$rel has .Dt CJM-$dt 1"
	else
		notok "$rel has .Dt CJM-$dt 1" "found: $(grep '^\.Dt' "$page")"
	fi

	run "$CJM" "$name" --help
	if [ "$rc" -ne 0 ]; then
		fail "cjm $name --help exits 0" "expected exit 0"
		failures=$((failures + 1))
		continue
	fi
	cp "$T/out" "$T/help"
	options_in_help "$T/help" >"$T/help-opts"
	options_in_page "$page" >"$T/page-opts"
	undocumented=$(missing "$T/help-opts" "$T/page-opts")
	if [ -z "$undocumented" ]; then
		pass "every option in cjm $name --help is in $rel OPTIONS"
	else
		notok "every option in cjm $name --help is in $rel OPTIONS" \
			"printed by 'cjm $name --help' but not written 'Fl -NAME' in OPTIONS: $undocumented"
		sed 's/^/#   help: /' "$T/help"
	fi
	unknown=$(missing "$T/page-opts" "$T/help-opts")
	if [ -z "$unknown" ]; then
		pass "every option in $rel OPTIONS is in cjm $name --help"
	else
		notok "every option in $rel OPTIONS is in cjm $name --help" \
			"in $rel OPTIONS but not printed by 'cjm $name --help': $unknown"
		sed 's/^/#   help: /' "$T/help"
	fi
done

# --- no page for a command cjm does not have ------------------------------
for page in "$MAN"/cjm-*.1; do
	[ -f "$page" ] || continue
	name=${page##*/cjm-}
	name=${name%.1}
	found=
	for c in $commands; do [ "$c" = "$name" ] && found=1; done
	if [ -n "$found" ]; then
		pass "man/cjm-$name.1 is for a command cjm has"
	else
		notok "man/cjm-$name.1 is for a command cjm has" "'$name' is not in cjm --list-commands"
	fi
done

# --- the editor's keys and commands, both ways against cjm-edit(1) ----------
# `cjm --list-keys` prints the key table (KEY<TAB>COMMAND [ARGS]) and
# `cjm --list-editor-commands` the command table, the same tables the editor's
# help screen reads. cjm-edit.1 must list every key in its KEYS section as
# `.It Ic KEY` (keys sharing a description are consecutive .It lines), each
# entry naming the command it runs as `Ic :NAME`; and every command as an
# `.It Ic :NAME` entry. The other way round, every .It in KEYS is a real key
# and every `Ic :NAME` anywhere in the page a real command, so the page and the
# tables cannot drift apart (only macro lines count: `Ic` in running text is
# just a word). Roff escapes are undone before comparing: \& (as
# in `.It Ic \&?`, which mdoc needs for delimiters), \- and \(ti.
edit_page=$MAN/cjm-edit.1
unescape_roff() { sed 's/\\&//g; s/\\-/-/g; s/\\(ti/~/g'; }

# page_keys PAGE: one line KEY<TAB>DESCRIPTION per `.It Ic KEY` at the top level
# of the lists in the KEYS section; .It lines of another form go to $T/bad-its.
page_keys() {
	awk -v bad="$T/bad-its" '
	function unesc(s) { gsub(/\\&/, "", s); gsub(/\\-/, "-", s); gsub(/\\\(ti/, "~", s); return s }
	function flush(  i) {
		for (i = 1; i <= n; i++) printf "%s\t%s\n", keys[i], body
		n = 0; body = ""; havebody = 0
	}
	/^\.Sh / { if (inkeys) flush(); inkeys = ($0 == ".Sh KEYS"); depth = 0; next }
	!inkeys { next }
	/^\.Bl/ { depth++; if (depth == 1) next }
	/^\.El/ { if (depth == 1) { flush(); depth = 0; next } depth-- }
	depth == 1 && /^\.It/ {
		if (havebody) flush()
		if ($0 ~ /^\.It Ic [^ ]+$/) keys[++n] = unesc(substr($0, 8))
		else print > bad
		next
	}
	depth >= 1 { body = body " " unesc($0); havebody = 1 }
	END { if (inkeys) flush() }
	' "$1"
}

if [ ! -f "$edit_page" ]; then
	notok "man/cjm-edit.1 exists" "the editor's keys and commands are documented there"
else
	run "$CJM" --list-keys
	if [ "$rc" -eq 0 ] && [ -s "$T/out" ]; then
		pass "cjm --list-keys lists the editor's keys"
	else
		fail "cjm --list-keys lists the editor's keys" "expected exit 0 and KEY<TAB>COMMAND lines"
		failures=$((failures + 1))
	fi
	cp "$T/out" "$T/keys"
	run "$CJM" --list-editor-commands
	if [ "$rc" -eq 0 ] && [ -s "$T/out" ]; then
		pass "cjm --list-editor-commands lists the editor's commands"
	else
		fail "cjm --list-editor-commands lists the editor's commands" "expected exit 0 and a list of commands"
		failures=$((failures + 1))
	fi
	sort -u "$T/out" >"$T/cmds"

	: >"$T/bad-its"
	page_keys "$edit_page" >"$T/page-keys"
	if [ -s "$T/page-keys" ]; then
		pass "man/cjm-edit.1 has a KEYS section listing keys"
	else
		notok "man/cjm-edit.1 has a KEYS section listing keys" "expected '.Sh KEYS' with a '.Bl -tag' list of '.It Ic KEY' entries"
	fi
	if [ -s "$T/bad-its" ]; then
		notok "every .It in man/cjm-edit.1 KEYS is written '.It Ic KEY'" \
			"one key per .It line, as cjm --list-keys names it; found:" "$(cat "$T/bad-its")"
	else
		pass "every .It in man/cjm-edit.1 KEYS is written '.It Ic KEY'"
	fi

	# every key in the table: listed in KEYS, and its entry names its command
	man_check_key_entries man/cjm-edit.1 KEYS

	# every .It in KEYS is a real key
	cut -f1 "$T/keys" | sort -u >"$T/key-names"
	cut -f1 "$T/page-keys" | sort -u >"$T/page-key-names"
	unknown=$(missing "$T/page-key-names" "$T/key-names")
	if [ -z "$unknown" ]; then
		pass "every key in man/cjm-edit.1 KEYS is in cjm --list-keys"
	else
		notok "every key in man/cjm-edit.1 KEYS is in cjm --list-keys" "not keys of the editor: $unknown"
	fi

	# every command has an .It Ic :NAME entry, and every .It Ic :NAME is a command
	unescape_roff <"$edit_page" | sed -n 's/^\.It Ic :\([^ ]\{1,\}\).*/\1/p' | sort -u >"$T/page-cmds"
	undocumented=$(missing "$T/cmds" "$T/page-cmds")
	if [ -z "$undocumented" ]; then
		pass "every command of cjm --list-editor-commands has an '.It Ic :NAME' entry in man/cjm-edit.1"
	else
		notok "every command of cjm --list-editor-commands has an '.It Ic :NAME' entry in man/cjm-edit.1" \
			"no entry: $undocumented"
	fi
	unknown=$(missing "$T/page-cmds" "$T/cmds")
	if [ -z "$unknown" ]; then
		pass "every '.It Ic :NAME' in man/cjm-edit.1 is a command of the editor"
	else
		notok "every '.It Ic :NAME' in man/cjm-edit.1 is a command of the editor" "not commands: $unknown"
	fi
	grep '^\.' "$edit_page" | unescape_roff | grep -o 'Ic :[^ ]\{1,\}' | sed 's/^Ic ://' | sort -u >"$T/page-cmd-refs"
	unknown=$(missing "$T/page-cmd-refs" "$T/cmds")
	if [ -z "$unknown" ]; then
		pass "every 'Ic :NAME' in man/cjm-edit.1 is a command of the editor"
	else
		notok "every 'Ic :NAME' in man/cjm-edit.1 is a command of the editor" "not commands: $unknown"
	fi
fi

# --- the keys of the other modes, both ways against cjm-edit(1) ------------
# `cjm --list-key-tables` names each mode's key table (the suggestions panel,
# the prompt line, the questions, the help text) with the subsection of
# cjm-edit(1) that documents it, and `cjm --list-keys TABLE` lists its keys
# as the help screen shows them. Every key of a table must be an `.It Ic KEY`
# entry at the top level of that subsection's lists, and every such entry a
# key of the table.

# section_keys PAGE SECTION: the keys of the `.It Ic KEY` entries at the top
# level of the lists in the subsection `.Ss SECTION`, one a line; .It lines of
# another form there go to $T/bad-its.
section_keys() {
	awk -v want="$2" -v bad="$T/bad-its" '
	function unesc(s) { gsub(/\\&/, "", s); gsub(/\\-/, "-", s); gsub(/\\\(ti/, "~", s); return s }
	/^\.S[hs] / { inside = ($0 == ".Ss " want); depth = 0; next }
	!inside { next }
	/^\.Bl/ { depth++; next }
	/^\.El/ { depth--; next }
	depth == 1 && /^\.It/ {
		if ($0 ~ /^\.It Ic [^ ]+$/) print unesc(substr($0, 8))
		else print want ": " $0 > bad
	}
	' "$1"
}

if [ -f "$edit_page" ]; then
	run "$CJM" --list-key-tables
	if [ "$rc" -eq 0 ] && [ "$(wc -l <"$T/out")" -ge 5 ]; then
		pass "cjm --list-key-tables lists the panel's, the prompt's, the questions' and the help text's keys"
	else
		fail "cjm --list-key-tables lists the panel's, the prompt's, the questions' and the help text's keys" \
			"expected exit 0 and NAME<TAB>SECTION lines"
		failures=$((failures + 1))
	fi
	cp "$T/out" "$T/tables"
	: >"$T/bad-its"
	while IFS='	' read -r table section; do
		[ -n "$table" ] || continue
		run "$CJM" --list-keys "$table"
		if [ "$rc" -ne 0 ] || [ ! -s "$T/out" ]; then
			notok "cjm --list-keys $table lists its keys" "exit $rc"
			continue
		fi
		cut -f1 "$T/out" | sort -u >"$T/table-keys"
		section_keys "$edit_page" "$section" | sort -u >"$T/section-keys"
		if [ ! -s "$T/section-keys" ]; then
			notok "man/cjm-edit.1 has a subsection '$section' listing the $table keys" \
				"expected '.Ss $section' with a '.Bl -tag' list of '.It Ic KEY' entries"
			continue
		fi
		absent=$(missing "$T/table-keys" "$T/section-keys")
		if [ -z "$absent" ]; then
			pass "every $table key is an '.It Ic KEY' entry in man/cjm-edit.1 '$section'"
		else
			notok "every $table key is an '.It Ic KEY' entry in man/cjm-edit.1 '$section'" "not listed: $absent"
		fi
		unknown=$(missing "$T/section-keys" "$T/table-keys")
		if [ -z "$unknown" ]; then
			pass "every key in man/cjm-edit.1 '$section' is a $table key"
		else
			notok "every key in man/cjm-edit.1 '$section' is a $table key" "not in cjm --list-keys $table: $unknown"
		fi
	done <"$T/tables"
	if [ -s "$T/bad-its" ]; then
		notok "every .It in the key subsections of man/cjm-edit.1 is written '.It Ic KEY'" \
			"one key per .It line; found:" "$(cat "$T/bad-its")"
	else
		pass "every .It in the key subsections of man/cjm-edit.1 is written '.It Ic KEY'"
	fi
	run "$CJM" --list-keys no-such-table
	if [ "$rc" -eq 64 ]; then
		pass "cjm --list-keys with an unknown table is a usage error"
	else
		notok "cjm --list-keys with an unknown table is a usage error" "exit $rc"
	fi
fi

[ "$failures" -eq 0 ]
