#!/bin/sh
# Keeps the Dutch man pages (man/nl/) in step with the English ones and the code:
# clean under mandoc, an English original for each, every command, key, :command
# and pattern id named as in English, installed under nl/ and found by man(1).
# Run from the top of the source tree: CJM=build/cjm sh tests/cli/test_man_nl.sh
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$HERE/lib.sh"
TOP=$(cd "$HERE/../.." && pwd)
MAN=$TOP/man
NL=$MAN/nl

# missing A B: the lines of file A that are not in file B (both sorted)
missing() { comm -23 "$1" "$2" | tr '\n' ' ' | sed 's/ $//'; }
# unesc: undoes the roff escapes the pages use around keys: \&, \- and \(ti
unesc() { sed 's/\\&//g; s/\\-/-/g; s/\\(ti/~/g'; }

pages=
for page in "$NL"/*.[1-9]; do [ -f "$page" ] && pages="$pages $page"; done
if [ -n "$pages" ]; then
	ok "man/nl has Dutch pages"
else
	notok "man/nl has Dutch pages" "expected man/nl/cjm.1 and others"
fi
for want in cjm.1 cjm-edit.1 cjm-patterns.7; do
	if [ -f "$NL/$want" ]; then ok "man/nl/$want exists"; else notok "man/nl/$want exists"; fi
done

# --- clean under mandoc, and each the translation of an English page -----------
for page in $pages; do
	rel=man/nl/${page##*/}
	if command -v mandoc >/dev/null 2>&1; then
		# mandoc.db notes are about this machine's installed pages, not this page
		lint=$(mandoc -Tlint -Wwarning "$page" 2>&1 | grep -v 'mandoc\.db')
		if [ -z "$lint" ]; then
			ok "$rel is clean under mandoc -Tlint -Wwarning"
		else
			notok "$rel is clean under mandoc -Tlint -Wwarning"
			printf '%s\n' "$lint" | sed 's/^/#   /'
		fi
	else
		notok "mandoc is installed" "mandoc lints the man pages; install it (make deps)"
	fi
	en=$MAN/${page##*/}
	if [ ! -f "$en" ]; then
		notok "$rel has an English original" "no man/${page##*/}"
		continue
	fi
	ok "$rel has an English original"
	for macro in Dt Dd; do
		a=$(grep "^\\.$macro " "$en")
		b=$(grep "^\\.$macro " "$page")
		if [ "$a" = "$b" ]; then
			ok "$rel has the English page's .$macro"
		else
			notok "$rel has the English page's .$macro" "English: $a" "Dutch: $b"
		fi
	done
	if grep -qx '\.Sh NAME' "$page" && [ "$(grep -m1 '^\.Nm' "$page")" = "$(grep -m1 '^\.Nm' "$en")" ]; then
		ok "$rel has the NAME section, with the English page's name"
	else
		notok "$rel has the NAME section, with the English page's name" "mandoc and makewhatis read '.Sh NAME'"
	fi
	# the options: the same Fl -names in OPTIES as in the English OPTIONS
	sed -n '/^\.Sh OPTIONS/,/^\.Sh /p' "$en" | grep -o 'Fl -[A-Za-z0-9][A-Za-z0-9-]*' | sort -u >"$T/en-opts"
	sed -n '/^\.Sh OPTIES/,/^\.Sh /p' "$page" | grep -o 'Fl -[A-Za-z0-9][A-Za-z0-9-]*' | sort -u >"$T/nl-opts"
	if cmp -s "$T/en-opts" "$T/nl-opts"; then
		ok "$rel OPTIES names the options of the English OPTIONS"
	else
		notok "$rel OPTIES names the options of the English OPTIONS" \
			"only in English: $(missing "$T/en-opts" "$T/nl-opts")" "only in Dutch: $(missing "$T/nl-opts" "$T/en-opts")"
	fi
	# the other pages it refers to are the English page's
	grep -o '^\.Xr [^ ]* [0-9]' "$en" | sort -u >"$T/en-xr"
	grep -o '^\.Xr [^ ]* [0-9]' "$page" | sort -u >"$T/nl-xr"
	absent=$(missing "$T/en-xr" "$T/nl-xr")
	if [ -z "$absent" ]; then
		ok "$rel refers to every page the English one does"
	else
		notok "$rel refers to every page the English one does" "not in the Dutch page: $absent"
	fi
done

# --- cjm(1): every command --------------------------------------------------
run "$CJM" --list-commands
commands=$(cat "$T/out")
[ -n "$commands" ] || notok "cjm --list-commands lists the commands" "exit $rc"
if [ -f "$NL/cjm.1" ]; then
	absent=
	for name in $commands; do
		grep -Eq "(^|[[:space:]])Nm cjm $name([[:space:]]|\$)" "$NL/cjm.1" ||
			grep -Eq "(^|[[:space:]])Xr cjm-$name 1([[:space:]]|\$)" "$NL/cjm.1" ||
			absent="$absent $name"
	done
	if [ -z "$absent" ]; then
		ok "man/nl/cjm.1 names every command (Nm cjm NAME or Xr cjm-NAME 1)"
	else
		notok "man/nl/cjm.1 names every command (Nm cjm NAME or Xr cjm-NAME 1)" "not named:$absent"
	fi
fi

# --- cjm-edit(1): every key and :command, as the English page is checked ------
# The Dutch page lists the map's keys in TOETSEN and the commands in COMMANDO'S.
# A subsection of the keys of another mode has a Dutch title, followed by the line
# `.\" en: TITLE`, TITLE being the English one that cjm --list-key-tables names.
edit=$NL/cjm-edit.1

# top_keys PAGE SECTION: KEY<TAB>DESCRIPTION per top-level `.It Ic KEY` of `.Sh SECTION`
top_keys() {
	awk -v want="$2" -v bad="$T/bad-its" '
	function unesc(s) { gsub(/\\&/, "", s); gsub(/\\-/, "-", s); gsub(/\\\(ti/, "~", s); return s }
	function flush(  i) {
		for (i = 1; i <= n; i++) printf "%s\t%s\n", keys[i], body
		n = 0; body = ""; havebody = 0
	}
	/^\.Sh / { if (inside) flush(); inside = ($0 == ".Sh " want); depth = 0; next }
	!inside { next }
	/^\.Bl/ { depth++; if (depth == 1) next }
	/^\.El/ { if (depth == 1) { flush(); depth = 0; next } depth-- }
	depth == 1 && /^\.It/ {
		if (havebody) flush()
		if ($0 ~ /^\.It Ic [^ ]+$/) keys[++n] = unesc(substr($0, 8))
		else print > bad
		next
	}
	depth >= 1 { body = body " " unesc($0); havebody = 1 }
	END { if (inside) flush() }
	' "$1"
}

# section_keys PAGE EN-TITLE: the top-level `.It Ic KEY` keys of the subsection
# whose `.\" en:` line names EN-TITLE, one a line
section_keys() {
	awk -v want="$2" -v bad="$T/bad-its" '
	function unesc(s) { gsub(/\\&/, "", s); gsub(/\\-/, "-", s); gsub(/\\\(ti/, "~", s); return s }
	/^\.S[hs] / { inside = 0; justss = ($0 ~ /^\.Ss /); depth = 0; next }
	justss { justss = 0; if ($0 == ".\\\" en: " want) { inside = 1; next } }
	!inside { next }
	/^\.Bl/ { depth++; next }
	/^\.El/ { depth--; next }
	depth == 1 && /^\.It/ {
		if ($0 ~ /^\.It Ic [^ ]+$/) print unesc(substr($0, 8))
		else print want ": " $0 > bad
	}
	' "$1"
}

if [ -f "$edit" ]; then
	run "$CJM" --list-keys
	cp "$T/out" "$T/keys"
	run "$CJM" --list-editor-commands
	sort -u "$T/out" >"$T/cmds"
	if [ ! -s "$T/keys" ] || [ ! -s "$T/cmds" ]; then
		notok "cjm --list-keys and --list-editor-commands list the editor's keys and commands"
	fi
	: >"$T/bad-its"
	top_keys "$edit" TOETSEN >"$T/page-keys"
	if [ -s "$T/page-keys" ]; then
		ok "man/nl/cjm-edit.1 has a TOETSEN section listing keys"
	else
		notok "man/nl/cjm-edit.1 has a TOETSEN section listing keys" "expected '.Sh TOETSEN' with '.It Ic KEY' entries"
	fi
	man_check_key_entries man/nl/cjm-edit.1 TOETSEN
	cut -f1 "$T/keys" | sort -u >"$T/key-names"
	cut -f1 "$T/page-keys" | sort -u >"$T/page-key-names"
	unknown=$(missing "$T/page-key-names" "$T/key-names")
	if [ -z "$unknown" ]; then
		ok "every key in man/nl/cjm-edit.1 TOETSEN is in cjm --list-keys"
	else
		notok "every key in man/nl/cjm-edit.1 TOETSEN is in cjm --list-keys" "not keys of the editor: $unknown"
	fi

	sed -n "/^\\.Sh COMMANDO'S\$/,/^\\.Sh /p" "$edit" | unesc |
		sed -n 's/^\.It Ic :\([^ ]\{1,\}\).*/\1/p' | sort -u >"$T/page-cmds"
	undocumented=$(missing "$T/cmds" "$T/page-cmds")
	if [ -z "$undocumented" ]; then
		ok "every command of cjm --list-editor-commands has an '.It Ic :NAME' entry in man/nl/cjm-edit.1 COMMANDO'S"
	else
		notok "every command of cjm --list-editor-commands has an '.It Ic :NAME' entry in man/nl/cjm-edit.1 COMMANDO'S" \
			"no entry: $undocumented"
	fi
	grep '^\.' "$edit" | unesc | grep -o 'Ic :[^ ]\{1,\}' | sed 's/^Ic ://' | sort -u >"$T/page-cmd-refs"
	unknown=$(missing "$T/page-cmd-refs" "$T/cmds")
	if [ -z "$unknown" ]; then
		ok "every 'Ic :NAME' in man/nl/cjm-edit.1 is a command of the editor"
	else
		notok "every 'Ic :NAME' in man/nl/cjm-edit.1 is a command of the editor" "not commands: $unknown"
	fi

	run "$CJM" --list-key-tables
	cp "$T/out" "$T/tables"
	[ -s "$T/tables" ] || notok "cjm --list-key-tables lists the key tables" "exit $rc"
	while IFS='	' read -r table section; do
		[ -n "$table" ] || continue
		run "$CJM" --list-keys "$table"
		cut -f1 "$T/out" | sort -u >"$T/table-keys"
		section_keys "$edit" "$section" | sort -u >"$T/section-keys"
		if [ ! -s "$T/section-keys" ]; then
			notok "man/nl/cjm-edit.1 has the subsection of '$section' listing the $table keys" \
				"expected a '.Ss' line followed by '.\\\" en: $section' and '.It Ic KEY' entries"
			continue
		fi
		absent=$(missing "$T/table-keys" "$T/section-keys")
		unknown=$(missing "$T/section-keys" "$T/table-keys")
		if [ -z "$absent" ] && [ -z "$unknown" ]; then
			ok "the $table keys are the '.It Ic KEY' entries of man/nl/cjm-edit.1 '$section'"
		else
			notok "the $table keys are the '.It Ic KEY' entries of man/nl/cjm-edit.1 '$section'" \
				"not listed: $absent" "not $table keys: $unknown"
		fi
	done <"$T/tables"
	if [ -s "$T/bad-its" ]; then
		notok "every .It in the key lists of man/nl/cjm-edit.1 is written '.It Ic KEY'" "$(cat "$T/bad-its")"
	else
		ok "every .It in the key lists of man/nl/cjm-edit.1 is written '.It Ic KEY'"
	fi
fi

# --- cjm-patterns(7): every built-in pattern, in a subsection named by its id -----
run "$CJM" patterns
sed -n 's/^\([a-z0-9-]*\)  built in$/\1/p' "$T/out" >"$T/ids"
if [ "$(wc -l <"$T/ids")" -ge 10 ]; then
	ok "cjm patterns lists the built-in patterns"
else
	notok "cjm patterns lists the built-in patterns" "found: $(tr '\n' ' ' <"$T/ids")"
fi
if [ -f "$NL/cjm-patterns.7" ]; then
	sed -n 's/^\.Ss \([a-z0-9-]*\)$/\1/p' "$NL/cjm-patterns.7" >"$T/page-ids"
	if cmp -s "$T/ids" "$T/page-ids"; then
		ok "man/nl/cjm-patterns.7 has a '.Ss ID' for every built-in pattern, in the order of cjm patterns"
	else
		notok "man/nl/cjm-patterns.7 has a '.Ss ID' for every built-in pattern, in the order of cjm patterns" \
			"cjm patterns: $(tr '\n' ' ' <"$T/ids")" "the page: $(tr '\n' ' ' <"$T/page-ids")"
	fi
	# each tip under its Dutch name, as the brief's glossary and the seed article name them
	absent=
	for tip in "Zwak negatieve momenten af" "Versterk pieken van vreugde" "Versterk je moments of truth" \
		"Zorg voor een sterk begin" "Eindig met een glimlach" "Verleng je klantreis" \
		"Sla onnodige stappen over" "Draai de volgorde om" "Zorg voor intelligente ervaringen" \
		"Herontwerp de klantreis"; do
		grep -qF "$tip" "$NL/cjm-patterns.7" || absent="$absent '$tip'"
	done
	if [ -z "$absent" ]; then
		ok "man/nl/cjm-patterns.7 names the ten tips in Dutch"
	else
		notok "man/nl/cjm-patterns.7 names the ten tips in Dutch" "not found:$absent"
	fi
fi

# --- make install puts the Dutch pages under nl/, and man(1) finds them -------------
stage=$T/stage
mandir=$stage/usr/share/man
if [ ! -x "$TOP/build/cjm" ] || ! ls "$TOP"/build/locale/*/LC_MESSAGES/cjm.mo >/dev/null 2>&1; then
	skip "make install puts man/nl/cjm.1 in share/man/nl/man1" "build/cjm or its .mo is not built (make -j2)"
else
	(cd "$TOP" && make -s install DESTDIR="$stage" PREFIX=/usr) >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	if [ "$rc" -eq 0 ] && cmp -s "$mandir/nl/man1/cjm.1" "$NL/cjm.1" &&
		cmp -s "$mandir/nl/man1/cjm-edit.1" "$NL/cjm-edit.1" &&
		cmp -s "$mandir/nl/man7/cjm-patterns.7" "$NL/cjm-patterns.7" &&
		cmp -s "$mandir/man1/cjm.1" "$MAN/cjm.1"; then
		ok "make install puts man/nl/cjm.1 in share/man/nl/man1, the English one in share/man/man1"
	else
		fail "make install puts man/nl/cjm.1 in share/man/nl/man1, the English one in share/man/man1" \
			"$(cd "$stage" 2>/dev/null && find . -path '*man*' -name 'cjm*' | sort | head -n 8 | tr '\n' ' ')"
	fi
	# man-db looks in the locale's subfolders (nl/ for nl_NL) of the folders of
	# MANPATH, but takes the folder of -M as it is: so MANPATH, as an installed
	# system's manpath would be.
	if ! command -v man >/dev/null 2>&1; then
		skip "man finds the Dutch cjm(1) under a Dutch locale" "no man command (man-db) on this machine"
	elif has_dutch "man finds the Dutch cjm(1) under a Dutch locale"; then
		found=$(MANPATH=$mandir LC_ALL=$NL_LOCALE man -w cjm 2>"$T/err")
		if [ "$found" = "$mandir/nl/man1/cjm.1" ]; then
			ok "man finds the Dutch cjm(1) under a Dutch locale"
		else
			notok "man finds the Dutch cjm(1) under a Dutch locale" "man -w: $found" "$(cat "$T/err")"
		fi
		found=$(MANPATH=$mandir LC_ALL=$NL_LOCALE man -w 7 cjm-patterns 2>"$T/err")
		if [ "$found" = "$mandir/nl/man7/cjm-patterns.7" ]; then
			ok "man finds the Dutch cjm-patterns(7) under a Dutch locale"
		else
			notok "man finds the Dutch cjm-patterns(7) under a Dutch locale" "man -w: $found" "$(cat "$T/err")"
		fi
	fi
	if command -v man >/dev/null 2>&1; then
		found=$(MANPATH=$mandir LC_ALL=C.UTF-8 man -w cjm 2>"$T/err")
		if [ "$found" = "$mandir/man1/cjm.1" ]; then
			ok "man finds the English cjm(1) under C.UTF-8"
		else
			notok "man finds the English cjm(1) under C.UTF-8" "man -w: $found" "$(cat "$T/err")"
		fi
	else
		skip "man finds the English cjm(1) under C.UTF-8" "no man command (man-db) on this machine"
	fi
fi

# cjm help opens the page in the interface's language, English where there is none
if has_dutch "cjm help shows the Dutch cjm(1) under the Dutch locale"; then
	with_dutch "$CJM" help </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" = 0 ] && grep -q BESCHRIJVING "$T/out"; then
		ok "cjm help shows the Dutch cjm(1) under the Dutch locale"
	else
		fail "cjm help shows the Dutch cjm(1) under the Dutch locale"
	fi
	with_dutch "$CJM" help map </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" = 0 ] && grep -q DESCRIPTION "$T/out"; then
		ok "cjm help map shows the English cjm-map(5) when it has no Dutch page"
	else
		fail "cjm help map shows the English cjm-map(5) when it has no Dutch page"
	fi
fi
run "$CJM" help
if [ "$rc" = 0 ] && grep -q DESCRIPTION "$T/out" && ! grep -q BESCHRIJVING "$T/out"; then
	ok "cjm help shows the English cjm(1) under C.UTF-8"
else
	fail "cjm help shows the English cjm(1) under C.UTF-8"
fi

lib_finish
