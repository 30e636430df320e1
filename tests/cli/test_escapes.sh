#!/bin/sh
# Command-line tests that no text of a map, a file name or a plugin reaches the
# terminal raw: every command's output, for a hostile map that is refused and one
# that loads, holds no raw control byte (ESC, BEL, C1) nor bidirectional override.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_escapes.sh
. tests/cli/lib.sh

ESC=$(printf '\033')
BEL=$(printf '\007')
CSI=$(printf '\302\233')
RLO=$(printf '\342\200\256')
LRI=$(printf '\342\201\246')
PDI=$(printf '\342\201\251')
BOM=$(printf '\357\273\277')
TAB=$(printf '\t')

# raw_in FILE: prints what raw control or bidi character FILE holds, if any
# (tab and line feed are fine): C0 but tab and LF, DEL, C1, U+2028, U+2029, the
# bidirectional controls U+061C U+200E U+200F U+202A-U+202E U+2066-U+2069, U+FEFF.
raw_in() {
	LC_ALL=C grep -c "$(printf '[\001-\010\013-\037\177]')" "$1" | sed 's/^0$//;s/.\{1,\}/C0 or DEL/'
	LC_ALL=C grep -c "$(printf '\302[\200-\237]')" "$1" | sed 's/^0$//;s/.\{1,\}/C1/'
	LC_ALL=C grep -c "$(printf '\342\200[\216\217\250-\256]')" "$1" | sed 's/^0$//;s/.\{1,\}/U+200E-U+202E/'
	LC_ALL=C grep -c "$(printf '\342\201[\246-\251]')" "$1" | sed 's/^0$//;s/.\{1,\}/U+2066-U+2069/'
	LC_ALL=C grep -c "$(printf '\357\273\277\|\330\234')" "$1" | sed 's/^0$//;s/.\{1,\}/U+FEFF or U+061C/'
}

# expect_clean FILE NAME: FILE holds no raw control character
expect_clean() {
	found=$(raw_in "$1" | tr -s '\n' ' ' | sed 's/^ *//;s/ *$//')
	if [ -z "$found" ]; then
		ok "$2"
	else
		notok "$2" "raw: $found" "$(od -c "$1" | head -n 8)"
	fi
}

# expect_both_clean NAME: stdout and stderr of the last run hold no raw control character
expect_both_clean() {
	expect_clean "$T/out" "$1: stdout has no raw control character"
	expect_clean "$T/err" "$1: stderr has no raw control character"
}

# --- hostile maps that the loader refuses ----------------------------------------
# ESC, BEL and CSI as YAML escapes, an unknown key that would set the terminal's
# title, \L and \P; and raw ESC, BEL and CSI (the first raw one stops the reading)
printf 'version: 1\ntitle: "pwn\\e]0;pwned\\a"\n"\\e]0;key\\a": 1\npersona:\n  name: "a\\x9b2J"\n  description: "x\\Ly\\Pz"\nphases: []\n' \
	>"$T/refused.yaml"
printf 'version: 1\ntitle: T\nphases:\n- id: p\n  name: "raw %s[31m red %s %s"\n' "$ESC" "$BEL" "$CSI" >"$T/raw.yaml"
# and a file name with ESC in it
cp "$T/refused.yaml" "$T/name${ESC}]0;t${BEL}.yaml"

run "$CJM" validate "$T/refused.yaml"
expect_rc 65 "validate: a map with control characters is refused (65)"
expect_both_clean "validate (refused)"
expect_err_has "refused.yaml:2:8: error: control character U+001B is not allowed" \
	"validate: an escaped ESC is named at its value, as the raw one would be"
expect_err_has "unknown key '\\x1B]0;key\\x07' in the map" "validate: the unknown key is quoted escaped"
expect_err_has "refused.yaml:5:9: error: control character U+009B is not allowed" "validate: an escaped CSI is named"
expect_err_has "refused.yaml:6:16: error: character U+2028 (line separator) is not allowed" \
	"validate: \\L is refused, as a raw U+2028 is"
run "$CJM" validate "$T/raw.yaml"
expect_rc 65 "validate: a map with raw control characters is refused (65)"
expect_both_clean "validate (raw)"
expect_err_has "raw.yaml:5:14: error: control character U+001B is not allowed" \
	"validate: a raw ESC is named where it stands, in the words of the escaped one"

for cmd in "show" "show --plain" "stats" "suggest" "fmt" "fmt --check" "export --to markdown" "export --to csv" \
	"export --to json" "export --to mermaid" "export --to html" "export --to svg"; do
	# shellcheck disable=SC2086
	for map in refused raw; do
		run "$CJM" $cmd "$T/$map.yaml"
		if [ "$cmd" = "show --plain" ]; then # git's textconv: the text, escaped
			expect_rc 0 "$cmd: the $map map exits 0 with its text"
		else
			expect_rc 65 "$cmd: the $map map exits 65"
		fi
		expect_both_clean "$cmd ($map)"
	done
done
run "$CJM" diff "$T/refused.yaml" "$T/refused.yaml"
expect_both_clean "diff (refused)"
run "$CJM" show --plain "$T/raw.yaml"
expect_out_has 'name: "raw \x1B[31m red \x07 \u009B"' "show --plain: the text of a refused map shows its controls escaped"
run "$CJM" diff maps/j.yaml "$T/refused.yaml" 1111111 100644 "$T/raw.yaml" 2222222 100644
expect_rc 0 "diff in git's form of refused maps: exit 0"
expect_both_clean "diff in git's form (refused, raw)"
expect_out_has '+  name: "raw \x1B[31m red \x07 \u009B"' "diff in git's form: the text diff shows the controls escaped"
run "$CJM" validate "$T/name${ESC}]0;t${BEL}.yaml"
expect_both_clean "validate of a file whose name holds ESC"
expect_err_has 'name\x1B]0;t\x07.yaml:2:8: error:' "validate: the file name is shown escaped"
run "$CJM" show "$T/missing${ESC}[2J.yaml"
expect_rc 66 "show: a missing file exits 66"
expect_both_clean "show of a missing file whose name holds ESC"
expect_err_has 'missing\x1B[2J.yaml' "show: the missing file's name is shown escaped"

# --- a map that loads: bidirectional controls, BOM, tabs, backslashes -------------
cat >"$T/tricky.yaml" <<EOF
version: 1
title: "Trojan ${RLO}source${LRI}x${PDI} and a ${BOM}bom"
persona:
  name: "tab${TAB}here"
  description: 'back\\slash \\e not an escape'
phases:
- id: orient
  name: "Ori${RLO}ntatie"
  touchpoints:
  - id: compare
    name: "Compare ${RLO}prices"
    channel: "web${TAB}site"
    owner: "${LRI}marketing${PDI}"
    emotion: -2
    satisfaction: 3
    impact: 0.9
    pains:
    - "too ${RLO}many"
    ideas:
    - "fix ${BOM}it"
    notes: "line one${TAB}
      line two ${RLO}"
  - id: sign
    name: "Sign ${RLO}up"
    emotion: -3
EOF
sed "s/Compare /Compare the /; s/emotion: -2/emotion: 1/; s/fix /mend /" "$T/tricky.yaml" >"$T/tricky2.yaml"

run "$CJM" validate "$T/tricky.yaml"
expect_rc 0 "validate: bidirectional controls, BOM and tabs are text a map may hold"
expect_both_clean "validate (tricky)"
for cmd in "show" "show --width 40" "show --plain" "stats" "suggest" "suggest --all"; do
	# shellcheck disable=SC2086
	run "$CJM" $cmd "$T/tricky.yaml"
	if [ "$rc" -le 1 ]; then ok "$cmd: exit 0 or 1"; else fail "$cmd: exit 0 or 1"; fi
	expect_both_clean "$cmd (tricky)"
done
run "$CJM" show --plain "$T/tricky.yaml"
expect_out_has 'title: Trojan \u202Esource\u2066x\u2069 and a \uFEFFbom' "show --plain: bidi controls and BOM as \\u escapes"
expect_out_has 'persona.name: tab\there' "show --plain: a tab as \\t"
run "$CJM" show --width 100 "$T/tricky.yaml"
expect_out_has 'Trojan \u202Esource' "show: the grid shows the override escaped"
run "$CJM" stats "$T/tricky.yaml"
expect_out_has 'Sign \u202Eup' "stats: names are shown escaped"
run "$CJM" suggest "$T/tricky.yaml"
expect_out_has '\u202E' "suggest: names in suggestions are shown escaped"
run "$CJM" diff "$T/tricky.yaml" "$T/tricky2.yaml"
expect_rc 1 "diff: the maps differ (1)"
expect_both_clean "diff (tricky)"
expect_out_has "'Compare \\u202Eprices' → 'Compare the \\u202Eprices'" "diff: values are shown escaped"
run env -u NO_COLOR "$CJM" diff --color "$T/tricky.yaml" "$T/tricky2.yaml"
if LC_ALL=C grep -q "$(printf '\342\200\256')" "$T/out"; then
	fail "diff --color: no raw override, colour or not"
else
	ok "diff --color: no raw override, colour or not"
fi
# git hands cjm diff the path; a hostile one is printed escaped
run env GIT_DIFF_PATH_TOTAL=1 "$CJM" diff "evil${ESC}]0;x${BEL}.yaml"
expect_both_clean "diff of an unmerged path whose name holds ESC"
expect_out_has 'evil\x1B]0;x\x07.yaml: unmerged' "diff: git's path is shown escaped"
run "$CJM" diff "a${ESC}b.yaml" "$T/tricky.yaml" 1111111 100644 "$T/tricky2.yaml" 2222222 100644
expect_both_clean "diff as git's external diff, path with ESC"
expect_out_has 'cjm diff a/a\x1Bb.yaml b/a\x1Bb.yaml' "diff: the head line shows the path escaped"

run "$CJM" diff --format yaml "$T/tricky.yaml" "$T/tricky2.yaml"
expect_both_clean "diff --format yaml (tricky)"
expect_out_has 'new: "Compare the \u202Eprices"' "diff --format yaml: values with an override are escaped"

# merge: the conflict lines on stderr quote names
sed "s/Compare /Compare ours /" "$T/tricky.yaml" >"$T/ours.yaml"
sed "s/Compare /Compare theirs /" "$T/tricky.yaml" >"$T/theirs.yaml"
run "$CJM" merge -o "$T/merged.yaml" "$T/tricky.yaml" "$T/ours.yaml" "$T/theirs.yaml"
expect_rc 1 "merge: a conflict exits 1"
expect_both_clean "merge (tricky)"
expect_clean "$T/merged.yaml" "merge: the merged map holds no raw override"
run "$CJM" merge "$T/tricky.yaml" "$T/ours.yaml" "$T/theirs.yaml"
expect_both_clean "merge to standard output (tricky)"

# fmt: canonical text loads back to the same facts
run "$CJM" fmt "$T/tricky.yaml"
expect_rc 0 "fmt: exit 0"
expect_both_clean "fmt (tricky)"
expect_out_has 'title: "Trojan \u202Esource\u2066x\u2069 and a \uFEFFbom"' "fmt: overrides are written as YAML escapes"
cp "$T/out" "$T/canonical.yaml"
run "$CJM" show --plain "$T/tricky.yaml"
cp "$T/out" "$T/plain-before"
run "$CJM" show --plain "$T/canonical.yaml"
if cmp -s "$T/out" "$T/plain-before"; then ok "fmt: the canonical text loads to the same map"; else
	fail "fmt: the canonical text loads to the same map"; fi

# exports: no format carries a raw control character; those a viewer reads escape the
# bidirectional controls too (CSV keeps them: it is the data, for a spreadsheet)
for to in markdown json mermaid html svg; do
	run "$CJM" export "$T/tricky.yaml" --to "$to"
	expect_rc 0 "export --to $to: exit 0"
	expect_both_clean "export --to $to (tricky)"
done
run "$CJM" export "$T/tricky.yaml" --to markdown
expect_out_has 'Trojan &#x202E;source' "export --to markdown: an override as &#x202E;"
run "$CJM" export "$T/tricky.yaml" --to json
expect_out_has '"Trojan \u202esource\u2066x\u2069 and a \ufeffbom"' "export --to json: overrides as \\u escapes"
run "$CJM" export "$T/tricky.yaml" --to mermaid
expect_out_has 'Compare #8238;prices' "export --to mermaid: an override as an entity code"
run "$CJM" export "$T/tricky.yaml" --to mermaid -o "$T/tricky.mmd"
run "$CJM" import "$T/tricky.mmd" --from mermaid
expect_rc 0 "import --from mermaid: the export reads back"
expect_out_has 'Compare \u202Eprices' "import --from mermaid: the override comes back, escaped in the YAML"
expect_both_clean "import --from mermaid (tricky)"
run "$CJM" import "$T/tricky.mmd" --from mermaid -o "$T/back.yaml"
run "$CJM" show --plain "$T/back.yaml"
expect_out_has 'compare-prices: Compare \u202Eprices' "import --from mermaid: the map holds the override itself"
run "$CJM" export "$T/tricky.yaml" --to csv
expect_rc 0 "export --to csv: exit 0"
if tr -d '\r' <"$T/out" | LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]\|\302[\200-\237]')"; then
	fail "export --to csv: no control character in a cell"
else
	ok "export --to csv: no control character in a cell"
fi

# --- importers: the same rule as the loader --------------------------------------
printf 'phase,name\nOrient,"a%sb"\n' "$ESC" >"$T/esc.csv"
run "$CJM" import "$T/esc.csv" --from csv
expect_rc 65 "import --from csv: ESC in a cell is refused (65)"
expect_both_clean "import --from csv (ESC)"
expect_err_has "esc.csv:2:10: error: control character U+001B is not allowed" "import --from csv: ESC is named"
printf 'journey\n  section Orient\n    a#27;b: 3: me\n    c#8232;d: 3: me\n' >"$T/esc.mmd"
run "$CJM" import "$T/esc.mmd" --from mermaid
expect_rc 65 "import --from mermaid: an entity code for ESC is refused (65)"
expect_both_clean "import --from mermaid (ESC)"
expect_err_has "'#27;' is not a character a map can hold" "import --from mermaid: #27; is named"
expect_err_has "'#8232;' is not a character a map can hold" "import --from mermaid: #8232; (U+2028) is named"

lib_finish
