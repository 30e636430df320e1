#!/bin/sh
# Command-line tests of --compare: cjm show's grid with both curves, the SVG and HTML exports, and the usage errors.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_compare.sh
. tests/cli/lib.sh

# the files are named as a facilitator gives them, from the folder they are in
case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac
cd "$T" || exit 1
# as is: quote +1, sign -2, invoice -3, reminder -1 (only here), call (not scored)
cat >asis.yaml <<'Y'
version: 1
title: Invoice as is
phases:
  - id: order
    name: Order
    touchpoints:
      - id: quote
        name: Quote
        emotion: 1
      - id: sign
        name: Sign contract
        emotion: -2
  - id: pay
    name: Pay
    touchpoints:
      - id: invoice
        name: First invoice
        emotion: -3
      - id: reminder
        name: Reminder letter
        emotion: -1
      - id: call
        name: Support call
Y
# to be: quote renamed +2, sign -2 (the same), invoice +1, call 0, portal +2 (only there)
cat >tobe.yaml <<'Y'
version: 1
title: Invoice to be
phases:
  - id: order
    name: Order
    touchpoints:
      - id: quote
        name: Quote online
        emotion: 2
      - id: sign
        name: Sign in one click
        emotion: -2
  - id: pay
    name: Pay
    touchpoints:
      - id: invoice
        name: Clear invoice
        emotion: 1
      - id: call
        name: Support call
        emotion: 0
      - id: portal
        name: Self-service portal
        emotion: 2
Y
printf 'version: 1\ntitle: Bad\nphases:\n  - nme: Oops\n' >bad.yaml

# --- cjm show --compare, Unicode -------------------------------------------
run "$CJM" show asis.yaml --compare tobe.yaml --width 100
expect_rc 0 "show --compare exits 0"
expect_empty "$T/err" "show --compare says nothing on stderr"
# line N TEXT NAME: line N of the output is TEXT
line() {
	if [ "$(sed -n "$1p" "$T/out")" = "$2" ]; then ok "$3"; else fail "$3" "expected line $1: $2"; fi
}
line 3 '● asis.yaml  ○ tobe.yaml  ◉ both' "the legend names both files as given, with their markers"
expect_out_has '● asis.yaml: 5 touchpoints, 4 scored; mean -1.25, peak -3, end -1, peak-end -2.0' \
	"a figures line for this map"
expect_out_has '○ tobe.yaml: 5 touchpoints, 5 scored; mean +0.60, peak +2, end +2, peak-end +2.0' \
	"a figures line for the other map"
expect_out_has '4 matched by id, 2 with another emotion; 1 only here, 1 only in tobe.yaml' \
	"how many matched (the renamed touchpoint among them) and how many are on one side"
if grep -q '^Δ  *│ +1  *0  *│ +4  *only here  *not scored  *│$' "$T/out"; then
	ok "the Δ lane: the other's emotion minus this one's, 'only here', 'not scored'"
else
	fail "the Δ lane: the other's emotion minus this one's, 'only here', 'not scored'"
fi
expect_out_has '• Self-service portal (pay/portal) +2' "the touchpoint only in the other map is listed after the grid"

# --- the marks in their columns, in ASCII (one byte a column) ----------------
run env LC_ALL=C "$CJM" show asis.yaml --compare tobe.yaml --width 100
expect_rc 0 "show --compare in ASCII exits 0"
line 3 '* asis.yaml  o tobe.yaml  @ both' "the ASCII legend: * this map, o the other, @ both"
# col ROW-LABEL CHAR [FROM]: the 1-based column of CHAR in the first band's curve row
# labelled ROW-LABEL, looking from column FROM on (1 by default); 0 when it is not there
col() {
	awk -v label="$1" -v ch="$2" -v from="${3:-1}" '
	$1 == label || ($1 == "emotion" && $2 == label) {
		i = index(substr($0, from), ch); print (i ? i + from - 1 : 0); exit
	}' "$T/out"
}
name_col() {
	awk -v name="$1" '/^name / { print index($0, name); exit }' "$T/out"
}
quote=$(name_col Quote); sign=$(name_col Sign); invoice=$(name_col First); reminder=$(name_col Reminder)
call=$(name_col Support)
here_quote=$(col +1 '*'); there_quote=$(col +2 'o'); both_sign=$(col -2 '@')
here_invoice=$(col -3 '*'); there_invoice=$(col +1 o "$invoice"); there_call=$(col 0 o "$call")
here_reminder=$(col -1 '*')
# a marker is at the middle of its column: the name starts two after the separator
off=$((here_quote - quote))
if [ "$here_quote" -gt 0 ] && [ "$here_quote" = "$there_quote" ] && [ $((both_sign - sign)) = "$off" ] &&
	[ $((here_invoice - invoice)) = "$off" ] && [ $((there_invoice - invoice)) = "$off" ] &&
	[ $((there_call - call)) = "$off" ] && [ $((here_reminder - reminder)) = "$off" ]; then
	ok "each marker stands in its touchpoint's column: * this map, o the other (by id), @ both"
else
	notok "each marker stands in its touchpoint's column: * this map, o the other (by id), @ both" \
		"name columns $quote $sign $invoice $reminder $call; markers $here_quote/$there_quote $both_sign $here_invoice/$there_invoice $here_reminder $there_call"
	sed 's/^/#   /' "$T/out"
fi
if awk '$1 == "+2" || $1 == "+1"' "$T/out" | grep -q '~'; then
	ok "the other map's curve is drawn in its own line (~ :)"
else
	fail "the other map's curve is drawn in its own line (~ :)"
fi
check grep -q '^change  *| +1  *0  *| +4  *only here  *not scored  *|$' "$T/out" "the ASCII difference lane is labelled 'change'"
expect_out_has '- Self-service portal (pay/portal) +2' "the touchpoint only there, in ASCII"

# --- without --compare nothing changes ---------------------------------------
run "$CJM" show asis.yaml --width 100
check grep -q '●' "$T/out" "without --compare this map's markers are as always"
expect_out_lacks '○' "without --compare there is no other curve"
expect_out_lacks 'Δ' "without --compare there is no difference lane"

# --- the other way round ------------------------------------------------------
run "$CJM" show tobe.yaml --compare asis.yaml --width 100
expect_out_has '• Reminder letter (pay/reminder) -1' "compared the other way, the touchpoint only in the as-is map is listed"
expect_out_has '-1               0' "compared the other way, the differences change sign"

# --- usage and input errors ---------------------------------------------------
run "$CJM" show asis.yaml --compare tobe.yaml --plain
expect_rc 64 "--compare with --plain is a usage error"
expect_err_line "cjm: --compare draws the grid; it does not go with --plain" "and says why"
expect_empty "$T/out" "and prints nothing"
run "$CJM" show asis.yaml --compare
expect_rc 64 "--compare without OTHER is a usage error"
run "$CJM" show asis.yaml --compare missing.yaml
expect_rc 66 "a missing OTHER exits 66"
expect_err_line "cjm: missing.yaml: No such file or directory" "and names it"
expect_empty "$T/out" "and prints nothing"
run "$CJM" show asis.yaml --compare bad.yaml
expect_rc 65 "an invalid OTHER exits 65"
check grep -q '^bad.yaml:4:5: error: ' "$T/err" "with FILE:LINE:COL: error:"
expect_empty "$T/out" "and prints nothing"

# --- SVG ----------------------------------------------------------------------
run "$CJM" export asis.yaml --to svg --compare tobe.yaml -o c.svg
expect_rc 0 "export --to svg --compare exits 0"
expect_empty "$T/err" "and says nothing on stderr"
if xmllint --noout c.svg 2>"$T/xml.err"; then ok "the SVG is well-formed"; else notok "the SVG is well-formed" "$(head -n 3 "$T/xml.err")"; fi
# xp FILE XPATH: the value of XPATH in FILE (the SVG namespace ignored)
xp() {
	xmllint --xpath "$2" "$1" 2>/dev/null
}
n_this=$(xp c.svg "count(//*[local-name()='path'][@class='cv'])")
n_other=$(xp c.svg "count(//*[local-name()='path'][@class='co'])")
if [ "${n_this:-0}" -ge 1 ] && [ "${n_other:-0}" -ge 2 ]; then
	ok "the SVG draws both curves: this map's solid path, the other's dashed paths (one per row, one in the legend)"
else
	notok "the SVG draws both curves" "paths cv: $n_this, co: $n_other"
fi
d=$(xp c.svg "string(//*[local-name()='path'][@class='co'][last()]/@d)")
case $d in M*L*L*L*) ok "the other curve goes through its four matched, scored points" ;; *) notok "the other curve goes through its four matched, scored points" "d=$d" ;; esac
n_rings=$(xp c.svg "count(//*[local-name()='circle'][@class='mo'])")
if [ "${n_rings:-0}" -eq 5 ]; then ok "the other map's markers: four on the curve and one in the legend"; else notok "the other map's markers" "rings: $n_rings"; fi
legend=$(xp c.svg "//*[local-name()='text'][contains(@class,'lg')]/text()" | tr '\n' '|')
case $legend in
*asis.yaml*tobe.yaml*) ok "the SVG's legend names both files" ;;
*) notok "the SVG's legend names both files" "legend: $legend" ;;
esac
case $legend in
*"5 touchpoints · 4 scored · mean −1.25 · peak −3 · end −1 · peak-end score −2.0"*"5 touchpoints · 5 scored · mean +0.60"*)
	ok "the SVG gives the figures of both maps" ;;
*) notok "the SVG gives the figures of both maps" "legend: $legend" ;;
esac
case $legend in *"Only in tobe.yaml: Self-service portal (+2)"*) ok "the SVG lists the touchpoint only there" ;;
*) notok "the SVG lists the touchpoint only there" "legend: $legend" ;; esac
cards=$(xp c.svg "//*[local-name()='text'][starts-with(@class,'cm d')]/text()" | tr '\n' '|')
if [ "$cards" = "Δ +1|Δ 0|Δ +4|only in this map|Δ – not scored|" ]; then
	ok "each card has a small label with its difference, or that it is only in this map"
else
	notok "each card has a small label with its difference" "labels: $cards"
fi
run "$CJM" export asis.yaml --to svg
if grep -q 'class="co"\|class="mo"\|Δ' "$T/out"; then fail "without --compare the SVG has no comparison"; else ok "without --compare the SVG has no comparison"; fi

# --- HTML ---------------------------------------------------------------------
run "$CJM" export asis.yaml --to html --compare tobe.yaml -o c.html
expect_rc 0 "export --to html --compare exits 0"
if xmllint --noout c.html 2>"$T/xml.err"; then ok "the HTML is well-formed"; else notok "the HTML is well-formed" "$(head -n 3 "$T/xml.err")"; fi
heads=$(xp c.html "//table[@class='compare-touchpoints']/thead/tr/th/text()" | tr '\n' '|')
if [ "$heads" = "asis.yaml|Emotion|tobe.yaml|Emotion|Δ|" ]; then
	ok "the HTML's table of touchpoints has both maps and a Δ column"
else
	notok "the HTML's table of touchpoints has both maps and a Δ column" "headers: $heads"
fi
deltas=$(xp c.html "//table[@class='compare-touchpoints']/tbody/tr/td[5]/text()" | tr '\n' '|')
if [ "$deltas" = "+1|0|+4|–|–|–|" ]; then ok "the Δ column: the other's emotion minus this one's, – where there is none"; else notok "the Δ column" "cells: $deltas"; fi
sides=$(xp c.html "//table[@class='compare-touchpoints']/tbody/tr/@class" | tr -d ' ' | tr '\n' '|')
if [ "$sides" = 'class="both"|class="both"|class="both"|class="only-here"|class="both"|class="only-there"|' ]; then
	ok "the HTML marks the touchpoints on one side only"
else
	notok "the HTML marks the touchpoints on one side only" "rows: $sides"
fi
mean=$(xp c.html "string(//table[@class='compare-figures']/tbody/tr[3])")
if [ "$mean" = "mean−1.25+0.60+1.85" ]; then ok "the HTML's figures side by side with their difference"; else notok "the HTML's figures side by side" "mean row: $mean"; fi
n_other=$(xp c.html "count(//*[local-name()='path'][@class='co'])")
if [ "${n_other:-0}" -ge 2 ]; then ok "the HTML's picture draws the other curve too"; else notok "the HTML's picture draws the other curve too" "co paths: $n_other"; fi

# --- the map's language -------------------------------------------------------
sed 's/^title: Invoice as is$/title: Factuur nu\nlanguage: nl/' asis.yaml >nu.yaml
run "$CJM" export nu.yaml --to svg --compare tobe.yaml
if grep -q 'gemiddelde −1,25' "$T/out"; then ok "a Dutch map's comparison speaks Dutch, with decimal commas"; else fail "a Dutch map's comparison speaks Dutch, with decimal commas"; fi

# --- usage and input errors of export -----------------------------------------
for to in csv json markdown mermaid; do
	run "$CJM" export asis.yaml --to $to --compare tobe.yaml -o out.$to
	expect_rc 64 "--compare with --to $to is a usage error"
	expect_err_line "cjm: --compare draws two curves: only svg, html, pdf and png take it, not $to" "and says which formats take it ($to)"
	check test ! -e out.$to "and writes nothing ($to)"
done
run "$CJM" export asis.yaml --to svg --compare missing.yaml -o m.svg
expect_rc 66 "export with a missing OTHER exits 66"
expect_err_line "cjm: missing.yaml: No such file or directory" "and names it"
check test ! -e m.svg "and writes nothing"
run "$CJM" export asis.yaml --to html --compare bad.yaml -o b.html
expect_rc 65 "export with an invalid OTHER exits 65"
check grep -q '^bad.yaml:4:5: error: ' "$T/err" "with FILE:LINE:COL: error:"
check test ! -e b.html "and writes nothing"

lib_finish
