#!/bin/sh
# Command-line tests of the SVG wall map's layout on generated maps of 10, 20, 40 and 200 touchpoints: sheets per paper, no sheet break inside a phase, no text under 7 pt, --paper fit, line breaks, quotes, the quadrant's action, figures not cut; and the example maps' sheet counts.
# Run from the top of the source tree: CJM=build/san/cjm CJM_FAST=build/cjm sh tests/cli/test_wallmap.sh
. tests/cli/lib.sh
FAST=${CJM_FAST:-$CJM}

# gen_map FILE SIZE...: a map with a phase of each SIZE touchpoints, every one
# scored, with CSAT 7.5, impact 0.35, pains, an idea of two lines and quotes
gen_map() {
	file=$1
	shift
	awk -v sizes="$*" 'BEGIN {
		n = split(sizes, size, " ")
		print "version: 1\ntitle: Generated wall map\nlanguage: en\nphases:"
		t = 0
		for (p = 1; p <= n; p++) {
			printf "- id: phase-%d\n  name: Phase %d\n  description: What happens in phase %d.\n  touchpoints:\n", p, p, p
			for (i = 1; i <= size[p]; i++) {
				t++
				printf "  - id: p%d-t%d\n    name: P%d step %d\n    channel: web\n    owner: sales\n", p, i, p, i
				printf "    emotion: %d\n    satisfaction: 7.5\n    impact: 0.35\n", (t % 7) - 3
				print "    pains:\n    - The form asks twice for the same number"
				print "    ideas:\n    - \"Fill it in once\\nthen reuse it\""
				print "    quotes:\n    - Why do I type this again?\n    - Nobody told me"
			}
		}
	}' >"$file"
}

gen_map "$T/m10.yaml" 3 2 4 1
gen_map "$T/m20.yaml" 4 6 3 5 2
gen_map "$T/m40.yaml" 5 8 7 6 4 3 7
# 200 in phases of 5, 9, 3, 12, 7, 4, 8 and 2, four times over
gen_map "$T/m200.yaml" 5 9 3 12 7 4 8 2 5 9 3 12 7 4 8 2 5 9 3 12 7 4 8 2 5 9 3 12 7 4 8 2

# sheets FILE PAPER: the number of sheets of an exported SVG (its height over the paper's)
sheets() {
	sed -n 's/^<svg [^>]* height="\([0-9.]*\)mm".*/\1/p' "$1" |
		awk -v p="$2" '{ h = p == "a4" ? 210 : p == "a2" ? 420 : 297; printf "%d\n", $1 / h + 0.5 }'
}

# the sheet counts per paper: MAP PAPER SHEETS
while read -r map paper want; do
	run "$CJM" export "$T/$map.yaml" --to svg --paper "$paper" -o "$T/$map-$paper.svg"
	got=$(sheets "$T/$map-$paper.svg" "$paper")
	if [ "$rc" -eq 0 ] && [ "$got" = "$want" ]; then
		ok "$map on $paper: $want sheet(s)"
	else
		fail "$map on $paper: $want sheet(s)" "got '$got'"
	fi
done <<'TABLE'
m10 a3 1
m20 a3 1
m40 a2 1
m40 a3 2
m10 a4 2
m200 a3 12
m200 a2 6
m200 a4 36
TABLE

# page_of_cards FILE HEIGHT: "PHASE PAGE" for every card, from the y of the card's frame
page_of_cards() {
	awk -v h="$2" '/^<g><title>P[0-9]+ step/ { phase = $0; sub(/^<g><title>P/, "", phase); sub(/ .*/, "", phase); want = 1; next }
		want && /^<rect / { y = $0; sub(/.* y="/, "", y); sub(/".*/, "", y); print phase, int(y / h); want = 0 }' "$1" | sort -u
}

# no sheet break inside a phase: each phase's cards are on one sheet (no phase here is longer than a sheet of A3 or A2)
for case in m40-a3:297 m200-a3:297 m200-a2:420; do
	file=$T/${case%%:*}.svg
	split=$(page_of_cards "$file" "${case##*:}" | awk '{ n[$1]++ } END { for (p in n) if (n[p] > 1) print p }')
	cards=$(page_of_cards "$file" "${case##*:}" | wc -l)
	if [ -z "$split" ] && [ "$cards" -gt 0 ]; then
		ok "${case%%:*}: no sheet break inside a phase"
	else
		notok "${case%%:*}: no sheet break inside a phase" "phases on two sheets: $split" "cards: $cards"
	fi
done

# the curve that goes on on the next sheet is marked at both ends
if grep -q '>→ sheet 2</text>' "$T/m40-a3.svg" && grep -q '>← sheet 1</text>' "$T/m40-a3.svg"; then
	ok "the curve is marked where it leaves sheet 1 and where it comes onto sheet 2"
else
	notok "the curve is marked where it leaves sheet 1 and where it comes onto sheet 2"
fi

# no text under 7 pt (2.469 mm, the user unit) at A3 and A2: every font-size in the CSS and the attributes
for f in m10-a3 m20-a3 m40-a2 m40-a3 m200-a3 m200-a2; do
	least=$(grep -o 'font-size[:=]"\{0,1\}[0-9.]*' "$T/$f.svg" | sed 's/.*[:="]//' | sort -g | head -n 1)
	if [ -n "$least" ] && awk -v s="$least" 'BEGIN { exit !(s >= 2.469) }'; then
		ok "$f: the smallest text is $least mm, at least 7 pt"
	else
		notok "$f: no text under 7 pt" "smallest: '$least'"
	fi
done

# --paper fit: one sheet, as wide as the journey
run "$CJM" export "$T/m200.yaml" --to svg --paper fit -o "$T/fit.svg"
width=$(sed -n 's/^<svg [^>]* width="\([0-9.]*\)mm".*/\1/p' "$T/fit.svg")
if [ "$rc" -eq 0 ] && grep -q '<desc>.*One sheet as long as the journey' "$T/fit.svg" &&
	! grep -q '>page ' "$T/fit.svg" && awk -v w="$width" 'BEGIN { exit !(w > 200 * 36) }'; then
	ok "--paper fit: one sheet $width mm wide"
else
	fail "--paper fit: one sheet as wide as the journey" "width '$width'"
fi
svg_h=$(sed -n 's/^<svg [^>]* height="\([0-9.]*\)mm".*/\1/p' "$T/fit.svg")
run rsvg-convert -f png -w 2000 "$T/fit.svg" -o "$T/fit.png"
if [ "$rc" -eq 0 ] && [ -s "$T/fit.png" ] && awk -v h="$svg_h" 'BEGIN { exit !(h > 100 && h < 400) }'; then
	ok "--paper fit renders, $svg_h mm high"
else
	fail "--paper fit renders" "height '$svg_h'"
fi

# a newline inside an idea is two lines (a <tspan>), never a raw newline inside a <text>
f=$T/m20-a3.svg
if grep -q '>Fill it in once<tspan x="[0-9.]*" dy="[0-9.]*">then reuse it</tspan></text>' "$f" &&
	awk '/<text/ && !/<\/text>/ { bad = 1 } END { exit bad }' "$f"; then
	ok "a line break inside an idea is a <tspan> line"
else
	notok "a line break inside an idea is a <tspan> line" "$(grep -m 2 'Fill it' "$f")"
fi

# quotes: italic, in quotation marks; the quadrant's action; the figures line whole
if grep -q 'class="qt">“Why do I type' "$f" && grep -q 'again?”</t' "$f" && grep -q '“Nobody told me”' "$f" &&
	grep -q '\.cjm \.qt{font-size:[0-9.]*px;[^}]*font-style:italic}' "$f"; then
	ok "the quotes are on the cards, italic, in quotation marks"
else
	notok "the quotes are on the cards, italic, in quotation marks"
fi
if [ "$(grep -c 'class="qa">let more customers' "$f")" -eq 20 ]; then
	ok "every card shows its quadrant's action"
else
	notok "every card shows its quadrant's action" "$(grep -c 'let more customers' "$f") of 20"
fi
for p in m20-a3 m40-a2 m200-a3; do
	n=$(grep -c '>CSAT 7.5 · impact 0.35</t' "$T/$p.svg")
	cards=$(grep -c '^<g><title>' "$T/$p.svg")
	if [ "$n" -eq "$cards" ] && ! grep -q 'impact 0.…' "$T/$p.svg"; then
		ok "$p: the figures line is whole on all $cards cards"
	else
		notok "$p: the figures line is whole on every card" "$n of $cards"
	fi
done

# what is drawn stays on its sheet: no card's frame below the sheet's bottom margin
for case in m20-a3:297 m40-a2:420 m200-a3:297; do
	file=$T/${case%%:*}.svg
	over=$(awk -v h="${case##*:}" '/^<rect / && / height="/ { y = $0; sub(/.* y="/, "", y); sub(/".*/, "", y)
		hh = $0; sub(/.* height="/, "", hh); sub(/".*/, "", hh)
		if (y + 0 > 0 && int(y / h) != int((y + hh - 0.01) / h) && hh < h) print y, hh }' "$file" | head -n 3)
	if [ -z "$over" ]; then ok "${case%%:*}: nothing crosses a sheet's edge"; else notok "${case%%:*}: nothing crosses a sheet's edge" "$over"; fi
done

# with --compare the first sheet's header is taller: still nothing crosses a sheet's edge, on any paper
for paper in a4:210 a3:297 a2:420; do
	run "$CJM" export "$T/m20.yaml" --to svg --paper "${paper%%:*}" --compare "$T/m10.yaml" -o "$T/cmp.svg"
	over=$(awk -v h="${paper##*:}" '/^<rect / && / height="/ { y = $0; sub(/.* y="/, "", y); sub(/".*/, "", y)
		hh = $0; sub(/.* height="/, "", hh); sub(/".*/, "", hh)
		if (y + 0 > 0 && int(y / h) != int((y + hh - 0.01) / h) && hh < h) print y, hh }' "$T/cmp.svg" | head -n 3)
	if [ "$rc" -eq 0 ] && [ -z "$over" ]; then
		ok "--compare on ${paper%%:*}: nothing crosses a sheet's edge"
	else
		fail "--compare on ${paper%%:*}: nothing crosses a sheet's edge" "$over"
	fi
done

# the example maps' sheets per paper, against tests/golden/wallmap-sheets.txt
: >"$T/sheets.txt"
for map in maps/*.yaml; do
	base=${map##*/}
	base=${base%.yaml}
	line=$base
	for paper in a4 a3 a2; do
		"$FAST" export "$map" --to svg --paper "$paper" -o "$T/ex.svg" 2>/dev/null
		line="$line $(sheets "$T/ex.svg" "$paper")"
	done
	echo "$line" >>"$T/sheets.txt"
done
if grep -v '^#' tests/golden/wallmap-sheets.txt | diff - "$T/sheets.txt" >"$T/sheets.diff"; then
	ok "the example maps' sheets per paper are the golden ones"
else
	notok "the example maps' sheets per paper are the golden ones" "$(head -n 8 "$T/sheets.diff")"
fi

# where the wall map cuts a text short, the HTML report has it whole: each cut line's start is in the report
"$FAST" export maps/energy-switch.yaml --to svg -o "$T/es.svg" 2>/dev/null
"$FAST" export maps/energy-switch.yaml --to html -o "$T/es.html" 2>/dev/null
grep -o '>[^<>]*…</t' "$T/es.svg" | grep -v '^>…' | sed 's/^>//; s/…<\/t$//' >"$T/cut.txt"
missing=0
cuts=$(wc -l <"$T/cut.txt")
while IFS= read -r line; do
	grep -qF -- "$line" "$T/es.html" || missing=$((missing + 1))
done <"$T/cut.txt"
if [ "$cuts" -gt 0 ] && [ "$missing" -eq 0 ] && grep -q 'white-space:pre-line' "$T/es.html"; then
	ok "the $cuts texts the wall map cuts short are whole in the HTML report"
else
	notok "the texts the wall map cuts short are whole in the HTML report" "$missing of $cuts missing"
fi

# bad paper: the exact error, exit 64, nothing written
run "$CJM" export "$T/m10.yaml" --to svg --paper a5 -o "$T/none.svg"
if [ "$rc" -eq 64 ] && grep -q "no paper 'a5'; the papers are a4, a3, a2 and fit" "$T/err" && [ ! -e "$T/none.svg" ]; then
	ok "--paper a5 is refused"
else
	fail "--paper a5 is refused"
fi

[ "$failures" -eq 0 ]
