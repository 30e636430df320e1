#!/bin/sh
# Command-line tests of the room's votes in the exports and in cjm show: the spread mark on the SVG curve (where, how tall, divided or not), its legend, PDF and PNG, the sentence in HTML, Markdown and cjm show in English and Dutch, and no trace of it in a map without votes.
# Run from the top of the source tree: CJM=build/san/cjm CJM_FAST=build/cjm sh tests/cli/test_export_votes.sh
. tests/cli/lib.sh
FAST=${CJM_FAST:-$CJM}
MINUS=$(printf '\342\210\222')

# LANG_TAG: the map's language; the votes: t1 divided by its range (-2..+1), t2 by
# its teams (finance -1.0, service +1.0), t3 agreed (0..+1), t4 none, t5 skipped only
write_map() {
	cat >"$2" <<MAP
version: 1
title: Votes
language: $1
phases:
  - id: p1
    name: Order
    touchpoints:
      - id: t1
        name: Pay
        emotion: -1
        vote: "-2:2 -1:1 0:1 +1:1 skip:1"
      - id: t2
        name: Wait
        emotion: 0
        vote: "-1:2 +1:2 | finance: -1:2 | service: +1:2"
      - id: t3
        name: Unpack
        emotion: 1
        vote: "0:2 +1:2"
      - id: t4
        name: Use
        emotion: 2
      - id: t5
        name: Return
        vote: "skip:3"
MAP
}
write_map en "$T/votes.yaml"
write_map nl "$T/stemmen.yaml"
grep -v 'vote:' "$T/votes.yaml" >"$T/plain.yaml"

# ---- the SVG's spread marks ----
run "$CJM" export "$T/votes.yaml" --to svg
expect_rc 0 "export --to svg of a map with votes"
cp "$T/out" "$T/votes.svg"
# spread_check SVG: "ok", or what is wrong: a titled mark per touchpoint the room gave
# scores, at the middle of its card, from its highest score's grid line to its lowest's
spread_check() {
	python3 - "$1" <<'PY'
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
want = {"Pay": (-2, 1, True), "Wait": (-1, 1, True), "Unpack": (0, 1, False)}
# the lane's grid: +3 +2 +1 -1 -2 -3 (class eg) and 0 (class ez)
grid = re.search(r'<path d="([^"]*)" class="eg"/>', svg).group(1)
ys = [float(y) for y in re.findall(r"M[-0-9.]+ ([-0-9.]+)H", grid)]
level = dict(zip([3, 2, 1, -1, -2, -3], ys))
level[0] = float(re.search(r'<path d="M[-0-9.]+ ([-0-9.]+)L[^"]*" class="ez"/>', svg).group(1))
cards = {m.group(1): float(m.group(2)) + float(m.group(3)) / 2 for m in re.finditer(
    r'<g><title>([^<]*)</title>\n<rect x="([-0-9.]+)" y="[-0-9.]+" width="([-0-9.]+)"', svg)}
marks = re.findall(r'<g><title>(Vote of the room: [^<]*)</title><path d="M([-0-9.]+) ([-0-9.]+)V([-0-9.]+)'
                   r'M([-0-9.]+) ([-0-9.]+)H([-0-9.]+)M[-0-9.]+ ([-0-9.]+)H[-0-9.]+" class="(vs(?: vd)?)"/></g>', svg)
if len(marks) != len(want):
    sys.exit(print("%d marks, expected %d" % (len(marks), len(want))))
names = list(want)
for (title, x, top, bottom, cap_l, cap_y, cap_r, cap2_y, cls), name in zip(marks, names):
    low, high, divided = want[name]
    x, top, bottom = float(x), float(top), float(bottom)
    if abs(x - cards[name]) > 0.11:
        sys.exit(print("%s: mark at x %s, its card's middle is %s" % (name, x, cards[name])))
    if abs(top - level[high]) > 0.11 or abs(bottom - level[low]) > 0.11:
        sys.exit(print("%s: mark from y %s to %s, scores %+d..%+d are at %s and %s"
                       % (name, top, bottom, high, low, level[high], level[low])))
    if not (float(cap_l) < x < float(cap_r)) or float(cap_y) != top or float(cap2_y) != bottom:
        sys.exit(print("%s: no caps across both ends" % name))
    if (cls == "vs vd") != divided:
        sys.exit(print("%s: class %s, divided %s" % (name, cls, divided)))
    if ("(divided)" in title) != divided:
        sys.exit(print("%s: title %s" % (name, title)))
print("ok")
PY
}
check test "$(spread_check "$T/votes.svg")" = ok "a spread mark per voted touchpoint, at its card's middle, from its lowest to its highest score; divided ones dashed"
check grep -qF '.cjm .vs.vd{' "$T/votes.svg" "the divided mark has a style of its own"
check grep -qF 'vote of the room: lowest to highest score' "$T/votes.svg" "the legend explains the mark"
check grep -qF '>room divided</text>' "$T/votes.svg" "and the divided one"
check xmllint --noout "$T/votes.svg" "the SVG with votes is well-formed XML"
check rsvg-convert -o "$T/votes-svg.png" "$T/votes.svg" "and librsvg draws it"

run "$CJM" export "$T/plain.yaml" --to svg
cp "$T/out" "$T/plain.svg"
expect_out_lacks 'class="vs' "a map without votes has no spread mark"
expect_out_lacks '.cjm .vs' "nor its style"
expect_out_lacks 'vote of the room' "nor its legend"
run "$CJM" export maps/energy-switch.yaml --to svg
expect_same tests/golden/energy-switch.svg "$T/out" "an example map without votes is still its golden file"

# ---- PDF and PNG ----
run "$CJM" export "$T/votes.yaml" --to pdf -o "$T/votes.pdf"
expect_rc 0 "export --to pdf of a map with votes"
run "$CJM" export "$T/plain.yaml" --to pdf -o "$T/plain.pdf"
if pdftotext "$T/votes.pdf" "$T/votes.txt" 2>/dev/null; then
	check grep -qF 'vote of the room: lowest to highest score' "$T/votes.txt" "the PDF's legend has the mark's words"
	pdftotext "$T/plain.pdf" "$T/plain.txt"
	check test "$(grep -c 'vote of the room' "$T/plain.txt")" = 0 "the PDF of the map without votes has none"
else
	notok "pdftotext reads the PDF with votes"
fi
# the drawings differ where the marks are: the first page as pixels
pdftoppm -r 40 -f 1 -l 1 -png "$T/votes.pdf" "$T/votes-page" && pdftoppm -r 40 -f 1 -l 1 -png "$T/plain.pdf" "$T/plain-page"
check test -s "$T/votes-page-1.png" "the PDF with votes renders"
check sh -c '! cmp -s "$1" "$2"' sh "$T/votes-page-1.png" "$T/plain-page-1.png" "and differs from the map's without votes"
run "$CJM" export "$T/votes.yaml" --to png --dpi 50 -o "$T/votes.png"
expect_rc 0 "export --to png of a map with votes"
run "$CJM" export "$T/plain.yaml" --to png --dpi 50 -o "$T/plain.png"
# png_decodes FILE: "ok" when FILE is a PNG whose image data inflates to its rows
png_decodes() {
	python3 - "$1" <<'PY'
import struct, sys, zlib
d = open(sys.argv[1], "rb").read()
if d[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(print("no PNG signature"))
w, h = struct.unpack(">II", d[16:24])
pos, idat = 8, b""
while pos < len(d):
    (n,) = struct.unpack(">I", d[pos:pos + 4])
    if d[pos + 4:pos + 8] == b"IDAT":
        idat += d[pos + 8:pos + 8 + n]
    pos += 12 + n
print("ok" if len(zlib.decompress(idat)) == h * (1 + 3 * w) else "bad image data")
PY
}
check test "$(png_decodes "$T/votes.png")" = ok "the PNG with votes decodes"
check sh -c '! cmp -s "$1" "$2"' sh "$T/votes.png" "$T/plain.png" "and differs from the map's without votes"

# ---- the sentence: HTML, Markdown, cjm show ----
EN1="Vote of the room: 5 votes, 1 skipped, mean ${MINUS}0.8, median ${MINUS}1, range ${MINUS}2..+1 (divided)"
EN2="Vote of the room: 4 votes, mean 0.0, median 0, range ${MINUS}1..+1 (divided)"
EN3="Vote of the room: 4 votes, mean +0.5, median +0.5, range 0..+1"
EN5="Vote of the room: 0 votes, 3 skipped, no scores"
NL1="Stemming in de groep: 5 stemmen, 1 overgeslagen, gemiddeld ${MINUS}0,8, mediaan ${MINUS}1, spreiding ${MINUS}2..+1 (verdeeld)"
NL3="Stemming in de groep: 4 stemmen, gemiddeld +0,5, mediaan +0,5, spreiding 0..+1"
run "$CJM" export "$T/votes.yaml" --to html
expect_rc 0 "export --to html of a map with votes"
expect_out_has "<p class=\"vote\">$EN1</p>" "the HTML says the room's vote under the touchpoint"
expect_out_has "<p class=\"vote\">$EN3</p>" "an agreed vote without (divided)"
expect_out_has "<p class=\"vote\">$EN5</p>" "a vote everyone skipped"
expect_out_has 'class="vs vd"/>' "the HTML's picture has the divided mark"
check test "$(grep -c '<p class="vote">' "$T/out")" = 4 "and a sentence per touchpoint with a vote, none for the one without"
check xmllint --noout "$T/out" "the HTML with votes is well-formed XML"
run "$CJM" export "$T/stemmen.yaml" --to html
expect_out_has "<p class=\"vote\">$NL1</p>" "a Dutch map's HTML says it in Dutch"
expect_out_has '>groep verdeeld</text>' "with the legend in Dutch"
run "$CJM" export "$T/plain.yaml" --to html
expect_out_lacks 'class="vote"' "the HTML of a map without votes has no sentence"

run "$CJM" export "$T/votes.yaml" --to markdown
expect_out_has "- **Pay**: $EN1" "Markdown: the sentence under the phase's table"
expect_out_has "- **Wait**: $EN2" "with the divided teams"
run "$CJM" export "$T/stemmen.yaml" --to markdown
expect_out_has "- **Unpack**: $NL3" "Markdown of a Dutch map: in Dutch"
run "$CJM" export "$T/plain.yaml" --to markdown
expect_out_lacks 'Vote of the room' "Markdown of a map without votes: none"

run "$CJM" export "$T/votes.yaml" --to json
expect_out_has '"vote": "-1:2 +1:2 | finance: -1:2 | service: +1:2"' "JSON carries the vote record as it is"

run "$CJM" show --width 200 "$T/votes.yaml"
expect_rc 0 "cjm show of a map with votes"
expect_out_has "Pay (p1/t1): $EN1" "cjm show says the room's vote under the grid"
run "$CJM" show --width 40 "$T/votes.yaml"
check python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read().split("\n"); i = [l.startswith("Pay (p1/t1): Vote of the room:") for l in t].index(True); sys.exit(not all(len(l) <= 40 for l in t[i:]) or "(divided)" not in t[i + 2])' "$T/out" "wrapped to the width"
if has_dutch "cjm show in Dutch"; then
	run with_dutch "$CJM" show --width 200 "$T/votes.yaml"
	expect_out_has "Pay (p1/t1): $NL1" "cjm show in Dutch says it in Dutch"
fi
run "$CJM" show --plain "$T/votes.yaml"
expect_out_lacks 'Vote of the room' "cjm show --plain keeps to the facts"
run "$CJM" show --width 200 "$T/plain.yaml"
expect_out_lacks 'Vote of the room' "cjm show of a map without votes: none"

lib_finish
