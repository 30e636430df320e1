#!/bin/sh
# Command-line tests of cjm under a Dutch locale: help, usage errors, diagnostics, cjm new and cjm stats speak Dutch; English stays as it was.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_dutch_cli.sh
. tests/cli/lib.sh

cat >"$T/bad.yaml" <<'EOF'
version: 1
title: Kapotte kaart
phases:
- id: orient
  name: Oriënteren
  touchpoints:
  - id: compare
    name: Prijzen vergelijken
    emotion: 9
EOF

cat >"$T/scored.yaml" <<'EOF'
version: 1
title: Gemiddelde
phases:
- id: orient
  name: Oriënteren
  touchpoints:
  - id: one
    name: Een
    emotion: 1
  - id: two
    name: Twee
    emotion: 2
EOF

# ---- cjm --help ----
if has_dutch "cjm --help in Dutch"; then
	run with_dutch "$CJM" --help
	expect_rc 0 "cjm --help in Dutch exits 0"
	expect_out_has "usage: cjm COMMAND [ARGS]" "the usage line of cjm --help stays as it is in Dutch"
	check grep -qxF "cjm brengt klantreizen in kaart: fases, touchpoints en hoe de klant zich voelt." "$T/out" \
		"cjm --help says what cjm is in Dutch"
	check grep -qxF "commando's:" "$T/out" "cjm --help heads the commands in Dutch"
	check grep -qxF "  new       maak een nieuwe kaart vanuit een sjabloon" "$T/out" "the summary of new is Dutch"
	check grep -qxF "  suggest   draai de patronen en toon hun suggesties" "$T/out" "the summary of suggest is Dutch"
	# (wrapped at 80 columns, the second line under the first's text)
	check grep -qxF -A1 "  export    schrijf de kaart als mermaid, markdown, csv, json, svg, html, pdf," "$T/out" \
		"the summary of export is Dutch"
	check sh -c "grep -xF -A1 '  export    schrijf de kaart als mermaid, markdown, csv, json, svg, html, pdf,' '$T/out' |
		tail -n 1 | grep -qx '            png of xlsx'" "and wraps under itself"
	expect_out_lacks "write a new map from a template" "no English summary is left in the Dutch cjm --help"
fi

# ---- cjm export --help ----
if has_dutch "cjm export --help in Dutch"; then
	run with_dutch "$CJM" export --help
	expect_rc 0 "cjm export --help in Dutch exits 0"
	check grep -qxF "usage: cjm export FILE --to FORMAT [-o OUT] [--force] [--paper a4|a3|a2|fit] [--csv-dialect nl|en] [--compare OTHER] [--dpi N]" "$T/out" \
		"the usage line of export stays as it is in Dutch"
	check grep -qxF "opties:" "$T/out" "export --help heads its options in Dutch"
	check grep -qxF "  -o, --output OUT        schrijf atomair naar OUT, niet naar standaarduitvoer" "$T/out" \
		"the help of --output is Dutch, the option and its argument are not"
	check grep -qxF "  -h, --help              toon deze hulp" "$T/out" "the help of --help is Dutch"
	check grep -qxF "Zie cjm-export(1)." "$T/out" "export --help points to its manual in Dutch"
fi

# ---- usage errors ----
if has_dutch "a usage error in Dutch"; then
	run with_dutch "$CJM" export "$T/scored.yaml" --to tiff
	expect_rc 64 "an unknown export format is a usage error in Dutch too"
	expect_err_line "cjm: geen formaat 'tiff'; de formaten zijn mermaid, markdown, csv, json, svg, html, pdf, png en xlsx" \
		"the usage error says it in Dutch"
	expect_err_line "usage: cjm export FILE --to FORMAT [-o OUT] [--force] [--paper a4|a3|a2|fit] [--csv-dialect nl|en] [--compare OTHER] [--dpi N]" \
		"the usage line after a Dutch error stays as it is"
	run with_dutch "$CJM" show "$T/scored.yaml" --bogus
	expect_rc 64 "an unknown option is a usage error in Dutch"
	expect_err_line "cjm: onbekende optie '--bogus'" "an unknown option is said in Dutch"
	run with_dutch "$CJM" stats
	expect_rc 64 "stats without FILE is a usage error in Dutch"
	expect_err_line "cjm: welke kaart? geef een FILE" "stats without FILE says so in Dutch"
	run with_dutch "$CJM" frobnicate
	expect_rc 64 "an unknown command is a usage error in Dutch"
	expect_err_line "cjm: 'frobnicate' is geen commando; zie 'cjm --help'" "an unknown command is said in Dutch"
fi

# ---- diagnostics ----
if has_dutch "validate in Dutch"; then
	run with_dutch "$CJM" validate "$T/bad.yaml"
	expect_rc 65 "validate of a bad map exits 65 in Dutch"
	expect_err_line "$T/bad.yaml:9:14: fout: emotion moet een geheel getal van -3 tot en met +3 zijn, maar is 9" \
		"a diagnostic keeps FILE:LINE:COL and says fout: in Dutch"
	expect_out_lacks "error:" "no English error: on stdout"
	if grep -q ': error: ' "$T/err"; then
		notok "no diagnostic says error: in Dutch" "$(cat "$T/err")"
	else
		ok "no diagnostic says error: in Dutch"
	fi
fi

# ---- cjm new ----
if has_dutch "cjm new in Dutch"; then
	run with_dutch "$CJM" new "$T/nieuw.yaml"
	expect_rc 0 "cjm new writes a map in Dutch"
	check grep -qx 'language: nl' "$T/nieuw.yaml" "cjm new under a Dutch locale writes language: nl"
	check grep -qx '  name: Oriënteren' "$T/nieuw.yaml" "the first starter phase has its Dutch name"
	check grep -qx '  name: Kiezen' "$T/nieuw.yaml" "the second starter phase has its Dutch name"
	check grep -qx '  name: Starten' "$T/nieuw.yaml" "the third starter phase has its Dutch name"
	check grep -qx '  name: Gebruiken' "$T/nieuw.yaml" "the fourth starter phase has its Dutch name"
	check grep -qx -- '- id: orient' "$T/nieuw.yaml" "the ids of the starter phases stay English"
	check grep -qx -- '- id: use' "$T/nieuw.yaml" "the id of the last starter phase stays English"
	run "$CJM" validate "$T/nieuw.yaml"
	expect_rc 0 "the Dutch starter map validates"
	run with_dutch "$CJM" new "$T/english.yaml" --language en
	check grep -qx 'language: en' "$T/english.yaml" "cjm new --language en writes an English map under Dutch"
	check grep -qx '  name: Orient' "$T/english.yaml" "cjm new --language en names the phases in English"
fi
run "$CJM" new "$T/en.yaml"
expect_rc 0 "cjm new writes a map in English"
check grep -qx 'language: en' "$T/en.yaml" "cjm new under C.UTF-8 writes language: en"
check grep -qx '  name: Orient' "$T/en.yaml" "cjm new under C.UTF-8 names the phases in English"
check grep -qx '  name: Use' "$T/en.yaml" "the last English starter phase is Use"

# ---- cjm stats ----
if has_dutch "cjm stats in Dutch"; then
	run with_dutch "$CJM" stats "$T/scored.yaml"
	expect_rc 0 "cjm stats exits 0 in Dutch"
	# the mean of 1 and 2; its label is render/stats.c's to translate
	if grep -E '^  [^ ].* \+1,50$' "$T/out" >/dev/null; then
		ok "cjm stats shows the mean with a decimal comma in Dutch"
	else
		fail "cjm stats shows the mean with a decimal comma in Dutch" "expected a line ending in +1,50"
	fi
fi
run "$CJM" stats "$T/scored.yaml"
if grep -E '^  mean +\+1\.50$' "$T/out" >/dev/null; then
	ok "cjm stats shows the mean with a decimal point in English"
else
	fail "cjm stats shows the mean with a decimal point in English" "expected '  mean ... +1.50'"
fi

# ---- English unchanged ----
run "$CJM" --help
check grep -qxF "cjm maps customer journeys: phases, touchpoints and how the customer feels." "$T/out" \
	"cjm --help in English says what cjm is"
check grep -qxF "commands:" "$T/out" "cjm --help in English heads the commands"
check grep -qxF "  new       write a new map from a template" "$T/out" "the English summary of new is unchanged"
check grep -qxF "       cjm [-R] FILE      (cjm edit: -R, --read-only opens it read-only)" "$T/out" \
	"the second usage line of cjm --help is unchanged"
run "$CJM" export --help
check grep -qxF "options:" "$T/out" "export --help heads its options in English"
check grep -qxF "  -o, --output OUT        write OUT atomically instead of standard output" "$T/out" \
	"the English help of --output is unchanged"
check grep -qxF "See cjm-export(1)." "$T/out" "export --help points to its manual in English"
run "$CJM" export "$T/scored.yaml" --to tiff
expect_rc 64 "an unknown export format is a usage error in English"
expect_err_line "cjm: no format 'tiff'; the formats are mermaid, markdown, csv, json, svg, html, pdf, png and xlsx" \
	"the English usage error is unchanged"
run "$CJM" validate "$T/bad.yaml"
expect_err_line "$T/bad.yaml:9:14: error: emotion must be a whole number from -3 to +3, found 9" \
	"the English diagnostic is unchanged"
run "$CJM" stats
expect_err_line "cjm: which map? give a FILE" "the English usage error of stats is unchanged"

# every --help fits an 80-column terminal in Dutch too (the longer words wrap)
if has_dutch "Dutch --help fits 80 columns"; then
	for c in "" $("$CJM" --list-commands); do
		run with_dutch "$CJM" $c --help
		if grep -v '^usage:' "$T/out" | python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in sys.stdin))'; then
			ok "Dutch cjm${c:+ $c} --help fits 80 columns"
		else
			fail "Dutch cjm${c:+ $c} --help fits 80 columns"
		fi
	done
fi

lib_finish
