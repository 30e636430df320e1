#!/bin/sh
# cjm export --to mermaid / markdown against the golden files, mermaid round trips, bad Mermaid input.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_export_mermaid.sh
# After a deliberate change of the output: CJM=build/cjm sh tests/golden/update-mermaid.sh (runs this with --update)
. tests/cli/lib.sh
MAPS="maps/*.yaml tests/export/tricky.yaml"
GOLDEN=tests/golden

if [ "${1:-}" = "--update" ]; then
	mkdir -p "$GOLDEN"
	for map in $MAPS; do
		base=$(basename "$map" .yaml)
		"$CJM" export "$map" --to mermaid -o "$GOLDEN/$base.mmd" &&
			"$CJM" export "$map" --to markdown -o "$GOLDEN/$base.md" || exit 1
		echo "wrote $GOLDEN/$base.mmd and $GOLDEN/$base.md"
	done
	exit 0
fi

# journey MAP: its phases and touchpoints in order, with names, emotions and owners (from show --plain)
journey() {
	"$CJM" show --plain "$1" | awk '
		$1 == "phase" && $2 ~ /:$/ { sub(/^phase [^ ]*: /, ""); print "phase " $0; next }
		$1 == "touchpoint" { sub(/^touchpoint [^ ]*: /, ""); print "touchpoint " $0; next }
		$2 == "emotion:" { print "  emotion " $3; next }
		$2 == "owner:" { sub(/^[^ ]* owner: /, ""); print "  owner " $0; next }'
}

# ---- the golden files ----
for map in $MAPS; do
	base=$(basename "$map" .yaml)
	for format in mermaid markdown; do
		ext=$([ "$format" = mermaid ] && echo mmd || echo md)
		run "$CJM" export "$map" --to "$format"
		expect_rc 0 "export $base --to $format exits 0"
		expect_same "$GOLDEN/$base.$ext" "$T/out" "export $base --to $format is $GOLDEN/$base.$ext"
	done
done

# ---- round trips: export, import, the same journey; export again, the same bytes ----
for map in $MAPS; do
	base=$(basename "$map" .yaml)
	"$CJM" export "$map" --to mermaid >"$T/$base.mmd"
	run "$CJM" import "$T/$base.mmd" --from mermaid -o "$T/$base.yaml"
	expect_rc 0 "import the mermaid of $base exits 0"
	expect_empty "$T/err" "import the mermaid of $base: no warning"
	journey "$map" >"$T/$base.want"
	journey "$T/$base.yaml" >"$T/$base.got"
	if [ -s "$T/$base.want" ]; then
		expect_same "$T/$base.want" "$T/$base.got" \
			"$base round trip: phase and touchpoint names, order, emotions and owners kept"
	else
		notok "$base round trip: the map shows no journey"
	fi
	run "$CJM" fmt --check "$T/$base.yaml"
	expect_rc 0 "the map imported from $base is canonical"
	run "$CJM" export "$T/$base.yaml" --to mermaid
	expect_same "$T/$base.mmd" "$T/out" "$base: export of the imported map gives the same mermaid"
	# the Markdown document reads back too: its ```mermaid block
	run "$CJM" import "$GOLDEN/$base.md" --from mermaid -o "$T/$base-md.yaml"
	expect_rc 0 "import the markdown of $base exits 0"
	run "$CJM" export "$T/$base-md.yaml" --to mermaid
	expect_same "$T/$base.mmd" "$T/out" "$base: the journey in the markdown reads back as the same mermaid"
done
awk '/^touchpoint/ { n++ } END { exit !(n >= 5) }' "$T/tricky.got" &&
	ok "the tricky map's touchpoints all came back" || notok "the tricky map's touchpoints all came back"

# ---- a hand-written journey: scores to emotions with the sign kept, sections to phases ----
cat >"$T/hand.mmd" <<'EOF'
journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 4: Me
      Sit down: 2
EOF
run "$CJM" import "$T/hand.mmd" --from mermaid -o "$T/hand.yaml"
expect_rc 0 "a hand-written journey imports"
journey "$T/hand.yaml" >"$T/hand.got"
cat >"$T/hand.want" <<'EOF'
phase Go to work
touchpoint Make tea
  owner Me
  emotion 3
touchpoint Go upstairs
  owner Me
  emotion 0
touchpoint Do work
  owner Me
  emotion -3
phase Go home
touchpoint Go downstairs
  owner Me
  emotion 1
touchpoint Sit down
  emotion -1
EOF
expect_same "$T/hand.want" "$T/hand.got" "hand-written: 5 +3, 4 +1, 3 0, 2 -1, 1 -3; the first actor is the owner"
run "$CJM" show --plain "$T/hand.yaml"
expect_out_has "title: My working day" "hand-written: the title is the map's"
expect_out_has "go-to-work/do-work notes: Mermaid actors: Me, Cat" "hand-written: every actor is kept in the notes"

# ---- bad Mermaid: FILE:LINE:COL: error: message, exit 65, -o not written ----
# bad NAME TEXT MESSAGE: TEXT (printf format) imported gives exactly MESSAGE
bad() {
	printf "$2" >"$T/bad.mmd"
	rm -f "$T/bad.yaml"
	run "$CJM" import "$T/bad.mmd" --from mermaid -o "$T/bad.yaml"
	expect_rc 65 "$1: exit 65"
	echo "$T/bad.mmd:$3" >"$T/bad.want"
	expect_same "$T/bad.want" "$T/err" "$1: the message"
	if [ -e "$T/bad.yaml" ]; then notok "$1: -o is not written"; else ok "$1: -o is not written"; fi
}
bad "no colon" 'journey\n  section A\n    Make tea 5\n' \
	"3:15: error: expected 'TASK: SCORE' with a score from 1 to 5"
bad "a score out of range" 'journey\n  section A\n    Make tea: 7: Me\n' \
	"3:15: error: expected 'TASK: SCORE' with a score from 1 to 5, found '7'"
bad "no score" 'journey\n    Make tea:  \n' \
	"2:14: error: expected 'TASK: SCORE' with a score from 1 to 5, found no score"
bad "a colon in a section" 'journey\n  section Go: home\n' \
	"2:13: error: a section name cannot hold ':' (write #58; for a colon)"
bad "a semicolon" 'journey\n  section A\n    Tea; coffee: 3\n' \
	"3:8: error: Mermaid does not allow ';' here (write #59; for a semicolon)"
bad "a third colon" 'journey\n  Call: the line: 3: Me\n' \
	"2:20: error: a task has at most two ':' (TASK: SCORE: ACTORS); write #58; for a colon in a name"
bad "not a journey" 'flowchart TD\n  A --> B\n' \
	"1:1: error: not a Mermaid journey: expected 'journey' first, found 'flowchart TD'"
bad "a control character by its code" 'journey\n  Bell #7;: 3\n' \
	"2:8: error: '#7;' is not a character a map can hold"
bad "a mermaid block that is not a journey" '# Notes\n\n```mermaid\npie\n```\n' \
	"3:1: error: this mermaid block is not a journey, and no other one is"
printf '' >"$T/empty.mmd"
run "$CJM" import "$T/empty.mmd" --from mermaid -o "$T/bad.yaml"
expect_rc 65 "an empty file: exit 65"
expect_err_line "$T/empty.mmd: error: no Mermaid journey found: expected a line 'journey'" "an empty file: the message"
printf 'journey\n  A: 9\n  B: 3\n  section C: d\n' >"$T/several.mmd"
run "$CJM" import "$T/several.mmd" --from mermaid
expect_rc 65 "several problems: exit 65"
if [ "$(wc -l <"$T/err")" -eq 2 ] && grep -q '^[^:]*several.mmd:2:6: error' "$T/err" &&
	grep -q '^[^:]*several.mmd:4:12: error' "$T/err"; then
	ok "several problems: each is reported, in order"
else
	fail "several problems: each is reported, in order"
fi
expect_empty "$T/out" "several problems: nothing on standard output"

# ---- notes that do not fit are warnings, and the import goes on ----
printf 'journey\n  %%%% cjm: emotion=+2\n  A: 4\n' >"$T/warn.mmd"
run "$CJM" import "$T/warn.mmd" --from mermaid
expect_rc 0 "a note that disagrees with the score: exit 0"
expect_err_line "$T/warn.mmd:2:10: warning: the note says emotion +2 but the score is 4: the score is kept (emotion +1)" \
	"a note that disagrees with the score: a warning"
expect_out_has "emotion: 1" "a note that disagrees with the score: the score is kept"
# ---- Mermaid's text limit: a warning, and the diagram is written all the same ----
{
	printf 'version: 1\ntitle: Big\nphases:\n  - id: p\n    name: P\n    touchpoints:\n'
	i=0
	while [ $i -lt 1200 ]; do
		printf '      - id: t%d\n        name: Touchpoint number %d with a long name\n        emotion: 1\n' $i $i
		i=$((i + 1))
	done
} >"$T/big.yaml"
run "$CJM" export "$T/big.yaml" --to mermaid -o "$T/big.mmd"
expect_rc 0 "a diagram over Mermaid's limit: exit 0"
chars=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$T/big.mmd")
expect_err_line "cjm: warning: the diagram is $chars characters, more than Mermaid draws by default (50,000, its maxTextSize); a viewer may refuse it: --to svg or --to html draws a map of any size" \
	"a diagram over Mermaid's limit: a warning with its length and what to use instead"
check test "$chars" -gt 50000 "the big diagram is over the limit"
check grep -q 'Touchpoint number 1199' "$T/big.mmd" "the whole diagram is written"
run "$CJM" export maps/energy-switch.yaml --to mermaid
expect_empty "$T/err" "an example map is well under the limit: no warning"
lib_finish
