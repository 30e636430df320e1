#!/bin/sh
# Command-line tests of `cjm export --to svg` and `--to html`: golden files, well-formed XML, SVG that renders, papers, -o, no network.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_export_svg_html.sh
# After a deliberate change to either export: CJM=build/cjm sh tests/golden/update-svg-html.sh
. tests/cli/lib.sh
FAST=${CJM_FAST:-$CJM}

# xml_ok FILE NAME: well-formed XML
xml_ok() {
	if xmllint --noout "$1" 2>"$T/xml.err"; then ok "$2"; else notok "$2" "$(head -n 3 "$T/xml.err")"; fi
}

# html_ok FILE NAME: libxml2's HTML parser reads it; it knows HTML 4 only, so the
# one complaint allowed is "Tag X invalid" for HTML5 and SVG elements
html_ok() {
	if xmllint --noout --html "$1" 2>"$T/html.err" &&
		! grep 'parser error' "$T/html.err" | grep -qv 'Tag [A-Za-z]* invalid'; then
		ok "$2"
	else
		notok "$2" "$(grep 'error' "$T/html.err" | grep -v 'Tag [A-Za-z]* invalid' | head -n 3)"
	fi
}

# png_size FILE: "WIDTH HEIGHT" from a PNG's header
png_size() {
	od -An -tu1 -j16 -N8 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }'
}

# svg_renders FILE WIDTH_MM NAME: rsvg-convert makes a PNG of the right width (96 dpi) with something on it
svg_renders() {
	if ! rsvg-convert "$1" -o "$T/render.png" 2>"$T/rsvg.err"; then
		notok "$3" "rsvg-convert failed: $(head -n 3 "$T/rsvg.err")"
		return
	fi
	set -- "$1" "$2" "$3" $(png_size "$T/render.png")
	expect_px=$(awk -v mm="$2" 'BEGIN { printf "%d", mm / 25.4 * 96 }')
	bytes=$(wc -c <"$T/render.png")
	if [ "$4" -ge "$expect_px" ] && [ "$4" -le $((expect_px + 1)) ] && [ "$bytes" -gt 20000 ] &&
		[ ! -s "$T/rsvg.err" ]; then
		ok "$3"
	else
		notok "$3" "PNG ${4}x$5, $bytes bytes, expected $expect_px px wide and more than 20000 bytes" \
			"$(head -n 3 "$T/rsvg.err")"
	fi
}

# ---- every example map and the tricky one: golden files, XML, rendering ----
for map in maps/*.yaml tests/export/tricky.yaml; do
	base=${map##*/}
	base=${base%.yaml}
	for format in svg html; do
		run "$CJM" export "$map" --to "$format"
		expect_rc 0 "export $base --to $format exits 0"
		expect_empty "$T/err" "export $base --to $format says nothing on stderr"
		expect_same "tests/golden/$base.$format" "$T/out" "export $base --to $format is tests/golden/$base.$format"
		cp "$T/out" "$T/$base.$format"
		xml_ok "$T/$base.$format" "export $base --to $format is well-formed XML (xmllint)"
	done
	html_ok "$T/$base.html" "export $base --to html reads as HTML (xmllint --html)"
	svg_renders "$T/$base.svg" 420 "export $base --to svg renders to a PNG of A3's width (rsvg-convert)"
	n_tp=$(grep -c '^    name: ' "$map")
	check test "$(grep -c '^<g><title>' "$T/$base.svg")" -eq "$n_tp" "export $base --to svg has a card per touchpoint"
	check test "$(grep -c '^<article class="tp' "$T/$base.html")" -eq "$n_tp" "export $base --to html details every touchpoint"
	if grep -Eq 'https?:|src=|<script|@import|url\(|<link|<iframe|<object|<embed' "$T/$base.html"; then
		fail "export $base --to html refers to nothing outside the page" \
			"$(grep -Eo '.{0,30}(https?:|src=|<script|@import|url\(|<link|<iframe|<object|<embed).{0,30}' "$T/$base.html" | head -n 3)"
	else
		ok "export $base --to html refers to nothing outside the page"
	fi
	if grep -Eq 'https?:' "$T/$base.svg" && [ "$(grep -Eo 'https?:[^"]*' "$T/$base.svg" | sort -u)" != "http://www.w3.org/2000/svg" ]; then
		fail "export $base --to svg refers to nothing outside the file but its namespace"
	else
		ok "export $base --to svg refers to nothing outside the file but its namespace"
	fi
done

# the tricky names survive, escaped
run "$CJM" export tests/export/tricky.yaml --to svg
expect_out_has '<title>Tricky: names &amp; &lt;tags&gt; &quot;quoted&quot; #1; it&#39;s 🚗 café</title>' "svg escapes the title"
expect_out_has '<title>Sleutel &quot;overhandigd&quot; — &#39;eindelijk&#39;</title>' "svg escapes quotes in a name"
expect_out_has 'Zoë &quot;Z&quot; O&#39;Brien' "svg escapes the persona"
expect_out_lacks '<tags>' "svg writes no raw tag from a name"
run "$CJM" export tests/export/tricky.yaml --to html
expect_out_has '<h4>Call: the claims line</h4>' "html keeps a colon in a name"
expect_out_has '<h4>#hashtag ; semicolon, comma</h4>' "html keeps # and ; in a name"
expect_out_has '<h3>3. 🚗 Ophalen &amp; rijden</h3>' "html keeps emoji and escapes & in a phase"
expect_out_has '<blockquote>&quot;Ik hang op,&quot; zei ze; 😤</blockquote>' "html escapes a quote"
expect_out_has 'Writes &lt;b&gt;bold&lt;/b&gt; &amp; uses a; b: c # not a comment' "html escapes markup in the persona"
expect_out_lacks '<b>bold' "html writes no raw markup from the map"

# ---- papers (note: lib.sh's check uses the variables name, n, i, a and args) ----
M=maps/energy-switch.yaml
for paper in a4:297:210 a3:420:297 a2:594:420; do
	paper_name=${paper%%:*}
	w=${paper#*:}
	h=${w#*:}
	w=${w%:*}
	NAME=$(echo "$paper_name" | tr a-z A-Z)
	run "$CJM" export "$M" --to svg --paper "$paper_name"
	expect_rc 0 "export --to svg --paper $paper_name exits 0"
	expect_out_has "width=\"${w}mm\"" "svg --paper $paper_name is ${w} mm wide"
	height=$(sed -n 's/.* height="\([0-9.]*\)mm" viewBox.*/\1/p' "$T/out" | head -n 1)
	check awk -v h="$height" -v p="$h" 'BEGIN { n = h / p; exit !(h > 0 && n == int(n)) }' \
		"svg --paper $paper_name is a whole number of ${h} mm pages tall ($height mm)"
	expect_out_has "viewBox=\"0 0 $w $height\"" "svg --paper $paper_name has a viewBox in millimetres"
	cp "$T/out" "$T/paper.svg"
	xml_ok "$T/paper.svg" "svg --paper $paper_name is well-formed XML"
	svg_renders "$T/paper.svg" "$w" "svg --paper $paper_name renders at its width"
	run "$CJM" export "$M" --to html --paper "$paper_name"
	expect_rc 0 "export --to html --paper $paper_name exits 0"
	expect_out_has "@page{size:$NAME landscape" "html --paper $paper_name prints on $NAME landscape"
	cp "$T/out" "$T/paper.html"
	xml_ok "$T/paper.html" "html --paper $paper_name is well-formed XML"
done
run "$CJM" export "$M" --to svg
cp "$T/out" "$T/default.svg"
run "$CJM" export "$M" --to svg --paper a3
expect_same "$T/default.svg" "$T/out" "svg is on A3 unless --paper says otherwise"
run "$CJM" export "$M" --to svg --paper A5
expect_rc 64 "an unknown paper is a usage error"

# ---- -o OUT ----
for format in svg html; do
	run "$CJM" export "$M" --to "$format" --paper a2
	cp "$T/out" "$T/stdout.$format"
	run "$CJM" export "$M" --to "$format" --paper a2 -o "$T/file.$format"
	expect_rc 0 "export --to $format -o OUT exits 0"
	expect_empty "$T/out" "export --to $format -o OUT writes nothing to standard output"
	expect_same "$T/stdout.$format" "$T/file.$format" "export --to $format -o OUT writes what standard output gets"
done

# ---- a wide map wraps onto rows and pages; odd maps ----
awk 'BEGIN {
	print "version: 1"; print "title: Wide"; print "phases:"
	print "- id: all"; print "  name: All of it"; print "  touchpoints:"
	for (t = 0; t < 80; t++)
		printf "  - id: t%d\n    name: Touchpoint number %d\n    emotion: %d\n    pains:\n    - Pain %d\n", t, t, t % 7 - 3, t
}' >"$T/wide.yaml"
run "$CJM" export "$T/wide.yaml" --to svg
expect_rc 0 "export of a wide map exits 0"
cp "$T/out" "$T/wide.svg"
height=$(sed -n 's/.* height="\([0-9.]*\)mm" viewBox.*/\1/p' "$T/wide.svg" | head -n 1)
check awk -v h="$height" 'BEGIN { exit !(h >= 3 * 297) }' "a wide map grows downwards, page by page ($height mm)"
rows=$(grep -c '>Touchpoint</text>' "$T/wide.svg")
check test "$rows" -ge 8 "a wide map wraps onto rows of readable cards ($rows rows)"
check test "$(grep -c 'All of it (continued)' "$T/wide.svg")" -eq $((rows - 1)) "a phase that goes on to the next row says so"
expect_out_has '>page 1 of ' "a map of several pages numbers them"
xml_ok "$T/wide.svg" "the wide map's SVG is well-formed"
svg_renders "$T/wide.svg" 420 "the wide map's SVG renders"
run "$CJM" export "$T/wide.yaml" --to html
cp "$T/out" "$T/wide.html"
xml_ok "$T/wide.html" "the wide map's HTML is well-formed"
check test "$(grep -c '^<div class="page">' "$T/wide.html")" -ge 3 "the HTML shows the map's pages one by one"

printf 'version: 1\ntitle: Empty\nphases: []\n' >"$T/empty.yaml"
printf 'version: 1\ntitle: Unscored\nphases:\n- id: a\n  name: A\n  touchpoints:\n  - id: x\n    name: X\n- id: b\n  name: B\n' >"$T/unscored.yaml"
for map in empty unscored; do
	for format in svg html; do
		run "$CJM" export "$T/$map.yaml" --to "$format"
		expect_rc 0 "export of the $map map --to $format exits 0"
		cp "$T/out" "$T/$map.$format"
		xml_ok "$T/$map.$format" "the $map map's $format is well-formed"
	done
	svg_renders "$T/$map.svg" 420 "the $map map's SVG renders"
done
expect_out_has 'No touchpoint is scored' "the HTML says when nothing is scored"

# ---- a big map exports (speed is measured by make bench) ----
awk 'BEGIN {
	print "version: 1"; print "title: Big"; print "phases:"
	n = 0
	for (p = 0; p < 20; p++) {
		printf "- id: p%d\n  name: Phase %d\n  touchpoints:\n", p, p
		for (t = 0; t < 1000; t++) {
			printf "  - id: t%d\n    name: Touchpoint %d\n    owner: dept-%d\n    channel: ch-%d\n", n, n, n % 97, n % 13
			if (n % 3) printf "    emotion: %d\n", n % 7 - 3
			printf "    pains:\n    - Pain %d\n    ideas:\n    - Idea %d\n", n, n
			n++
		}
	}
}' >"$T/big.yaml"
for format in svg html; do
	timeout 120 "$FAST" export "$T/big.yaml" --to "$format" -o "$T/big.$format" >"$T/out" 2>"$T/err"
	rc=$?
	expect_rc 0 "export of 20,000 touchpoints --to $format exits 0"
	check test "$(grep -c '<g><title>Touchpoint ' "$T/big.$format")" -eq 20000 "export of 20,000 touchpoints --to $format draws them all"
done

lib_finish
