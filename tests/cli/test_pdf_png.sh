#!/bin/sh
# Command-line tests of `cjm export --to pdf` and `--to png`: pages and sizes per paper, searchable text, embedded fonts, metadata, PNG that decodes, file names, and bad input.
# Run from the top of the source tree: CJM=build/san/cjm CJM_FAST=build/cjm sh tests/cli/test_pdf_png.sh
. tests/cli/lib.sh
FAST=${CJM_FAST:-$CJM}
E=maps/energy-switch.yaml   # one sheet of A3, several of A4 (tests/golden/wallmap-sheets.txt)
ONE=maps/telecom-technician.yaml # one sheet of A3

# paper_mm PAPER: "WIDTH HEIGHT" of the landscape sheet in millimetres
paper_mm() {
	case $1 in a4) echo "297 210" ;; a3) echo "420 297" ;; a2) echo "594 420" ;; esac
}

# svg_sheets MAP PAPER: the number of sheets of the SVG layout (its height over the paper's)
svg_sheets() {
	"$FAST" export "$1" --to svg --paper "$2" | grep -o '<svg [^>]*>' | head -n 1 |
		sed 's/.* height="\([0-9.]*\)mm".*/\1/' |
		awk -v h="$(paper_mm "$2" | cut -d' ' -f2)" '{ printf "%d", $1 / h + 0.5 }'
}

# pdf_pages FILE: the page count pdfinfo reads
pdf_pages() {
	pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'
}

# words FILE: the text of FILE on one line, spaces squeezed
words() {
	tr '\n\t' '  ' <"$1" | tr -s ' '
}

# png_check FILE WIDTH HEIGHT: "ok", or what is wrong, decoding FILE as PNG: the
# signature, IHDR's size and 8-bit RGB, every chunk's CRC, and the inflated IDAT
# data exactly HEIGHT rows of a filter byte (0..4) and WIDTH pixels of 3 bytes
png_check() {
	python3 - "$1" "$2" "$3" <<'EOF'
import struct, sys, zlib
path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(print("no PNG signature"))
pos, idat, ihdr, ended = 8, b"", None, False
while pos < len(data):
    (length,) = struct.unpack(">I", data[pos:pos + 4])
    kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
    (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
    if zlib.crc32(kind + body) != crc:
        sys.exit(print("bad CRC in", kind))
    if kind == b"IHDR":
        ihdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    elif kind == b"IEND":
        ended = True
    pos += 12 + length
if not ihdr or not ended:
    sys.exit(print("no IHDR or IEND"))
w, h, depth, colour = ihdr[:4]
if (w, h) != (width, height):
    sys.exit(print("size %dx%d, expected %dx%d" % (w, h, width, height)))
if depth != 8 or colour != 2:
    sys.exit(print("depth %d colour type %d, expected 8-bit RGB" % (depth, colour)))
raw = zlib.decompress(idat)
row = 1 + 3 * w
if len(raw) != h * row:
    sys.exit(print("inflated %d bytes, expected %d rows of %d" % (len(raw), h, row)))
if any(raw[r * row] > 4 for r in range(h)):
    sys.exit(print("a row has no valid filter byte"))
# something is drawn: not every pixel is the white of the sheet
if raw.count(b"\xff") > len(raw) - h - 1000:
    sys.exit(print("the picture is blank"))
print("ok")
EOF
}

# px MM DPI: the pixels of MM millimetres at DPI, rounded
px() {
	awk -v mm="$1" -v dpi="$2" 'BEGIN { printf "%d", mm / 25.4 * dpi + 0.5 }'
}

# ---- PDF: one page per sheet of the SVG layout, at the paper's size ----
for map in maps/*.yaml; do
	name=${map##*/}
	for paper in a4 a3 a2; do
		run "$CJM" export "$map" --to pdf --paper "$paper" -o "$T/out.pdf"
		sheets=$(svg_sheets "$map" "$paper")
		pages=$(pdf_pages "$T/out.pdf")
		if [ "$rc" -eq 0 ] && [ -n "$sheets" ] && [ "$pages" = "$sheets" ]; then
			ok "$name on $paper: $pages PDF pages, as many as the SVG's sheets"
		else
			fail "$name on $paper: as many PDF pages as the SVG's sheets" "pages: $pages, sheets: $sheets"
		fi
		set -- $(paper_mm "$paper")
		bad=$(pdfinfo -f 1 -l "${pages:-1}" "$T/out.pdf" 2>/dev/null | awk -v w="$1" -v h="$2" '
			/^Page +[0-9]+ size:/ {
				n++; ew = w * 72 / 25.4; eh = h * 72 / 25.4
				if ($4 < ew - 1 || $4 > ew + 1 || $6 < eh - 1 || $6 > eh + 1) print $2 ": " $4 " x " $6
			}
			END { if (n == 0) print "no page sizes" }')
		if [ -z "$bad" ]; then
			ok "$name on $paper: every page is $1 x $2 mm landscape"
		else
			notok "$name on $paper: every page is $1 x $2 mm landscape" "$bad"
		fi
	done
done
# the sizes in points, as printers know them
run "$FAST" export "$E" --to pdf --paper a4 -o "$T/a4.pdf"
pdfinfo "$T/a4.pdf" >"$T/info" 2>&1
check grep -q '^Page size: *841.89 x 595.2[0-9]* pts (A4)' "$T/info" "A4 is 842 x 595 pt, and pdfinfo calls it A4"
pdfinfo "$T/out.pdf" >"$T/info" 2>&1 # the last map, on A2
check grep -q '^Page size: *1683.78 x 1190.55 pts (A2)' "$T/info" "A2 is 1684 x 1191 pt, and pdfinfo calls it A2"
run "$FAST" export "$E" --to pdf -o "$T/a3.pdf"
pdfinfo "$T/a3.pdf" >"$T/info" 2>&1
check grep -q '^Page size: *1190.55 x 841.89 pts (A3)' "$T/info" "A3 (the default) is 1191 x 842 pt"

# ---- PDF: text, fonts, metadata ----
pdftotext "$T/a3.pdf" "$T/a3.txt"
words "$T/a3.txt" >"$T/a3.words"
"$FAST" show "$E" --plain | sed -n 's/^touchpoint [^:]*: //p' >"$T/names"
missing=""
while IFS= read -r tp; do
	grep -qF -- "$tp" "$T/a3.words" || missing="$missing '$tp'"
done <"$T/names"
if [ -s "$T/names" ] && [ -z "$missing" ]; then
	ok "pdftotext finds every touchpoint name of $E ($(wc -l <"$T/names") names): text, not outlines"
else
	notok "pdftotext finds every touchpoint name of $E" "missing:$missing"
fi
title=$("$FAST" show "$E" --plain | sed -n 's/^title: //p')
check grep -qF -- "$title" "$T/a3.words" "pdftotext finds the map's title"
persona=$("$FAST" show "$E" --plain | sed -n 's/^persona.description: //p')
check grep -qF -- "$persona" "$T/a3.words" "pdftotext finds the persona, wrapped over lines"
# a quote: the wall map draws the first quotes of a card, and the PDF holds them as text
quote=$("$FAST" show "$E" --plain | sed -n 's/^[^ ]* quotes: //p' | head -n 1)
check test -n "$quote" "$E has a quote"
check grep -qF -- "$quote" "$T/a3.words" "pdftotext finds a customer quote the map draws"
# the text of every sheet: the footer's page numbers of a Dutch map
a4_sheets=$(svg_sheets "$E" a4)
pdftotext "$T/a4.pdf" - 2>/dev/null | tr '\n' ' ' | tr -s ' ' >"$T/a4.words"
check grep -qF "pagina $a4_sheets van $a4_sheets" "$T/a4.words" \
	"the last page's footer is text too (pagina $a4_sheets van $a4_sheets)"
pdffonts "$T/a3.pdf" >"$T/fonts" 2>&1
fonts=$(awk 'NR > 2' "$T/fonts" | wc -l)
not_embedded=$(awk 'NR > 2 && $(NF - 4) != "yes"' "$T/fonts")
if [ "$fonts" -gt 0 ] && [ -z "$not_embedded" ]; then
	ok "pdffonts: every font ($fonts) is embedded"
else
	notok "pdffonts: every font is embedded" "$(cat "$T/fonts")"
fi
pdfinfo "$T/a3.pdf" >"$T/info" 2>&1
check grep -qxF "Title:           $title" "$T/info" "the PDF's title is the map's"
version=$("$FAST" --version | awk '{ print $2 }')
check grep -qxF "Creator:         cjm $version" "$T/info" "the PDF's creator is cjm $version"
run "$CJM" export "$E" --to pdf --compare maps/b2b-invoice.yaml -o "$T/cmp.pdf"
expect_rc 0 "--compare takes pdf"
pdftotext "$T/cmp.pdf" - 2>/dev/null | tr '\n' ' ' | tr -s ' ' >"$T/cmp.words"
check grep -qF "maps/b2b-invoice.yaml" "$T/cmp.words" "the compared PDF names the other map"
# to a pipe: standard output is not a terminal
"$CJM" export "$E" --to pdf --paper a4 2>"$T/err" | pdfinfo - >"$T/info" 2>&1
check grep -q "^Pages: *$a4_sheets\$" "$T/info" "a PDF to a pipe reads back ($a4_sheets pages)"

# ---- PNG: size for the dpi, decodes, one file per sheet ----
set -- $(paper_mm a3)
run "$CJM" export "$ONE" --to png -o "$T/one.png"
expect_rc 0 "png of a one-sheet map: exit 0"
expect_empty "$T/err" "and says nothing"
result=$(png_check "$T/one.png" "$(px "$1" 150)" "$(px "$2" 150)")
check test "$result" = ok "a one-sheet map is OUT itself: $(px "$1" 150) x $(px "$2" 150) pixels at 150 dpi (the default), and it decodes ($result)"
set -- $(paper_mm a2)
run "$CJM" export "$ONE" --to png --paper a2 --dpi 96 -o "$T/a2.png"
result=$(png_check "$T/a2.png" "$(px "$1" 96)" "$(px "$2" 96)")
check test "$result" = ok "--paper a2 --dpi 96: $(px "$1" 96) x $(px "$2" 96) pixels, and it decodes ($result)"
"$CJM" export "$ONE" --to png --dpi 30 2>"$T/err" >"$T/piped.png"
set -- $(paper_mm a3)
result=$(png_check "$T/piped.png" "$(px "$1" 30)" "$(px "$2" 30)")
check test "$result" = ok "a one-sheet PNG to standard output (a pipe) decodes ($result)"

set -- $(paper_mm a4)
sheets=$(svg_sheets "$E" a4)
mkdir "$T/many"
run "$CJM" export "$E" --to png --paper a4 --dpi 40 -o "$T/many/map.png"
expect_rc 0 "png of a $sheets-sheet map: exit 0"
ls "$T/many" >"$T/list"
printf 'map-%s.png\n' $(seq 1 "$sheets") >"$T/want"
check cmp -s "$T/list" "$T/want" "one file per sheet: map-1.png to map-$sheets.png, and no map.png"
expect_err_line "cjm: wrote $sheets sheets: $T/many/map-1.png to $T/many/map-$sheets.png" \
	"stderr names the first and the last file"
result=$(png_check "$T/many/map-$sheets.png" "$(px "$1" 40)" "$(px "$2" 40)")
check test "$result" = ok "the last sheet decodes ($result)"
run "$CJM" export "$E" --to png --paper a4 --dpi 20 -o "$T/many/plain"
check test -f "$T/many/plain-1.png" -a -f "$T/many/plain-$sheets.png" "an OUT without .png: plain-1.png, ..."
run "$CJM" export "$E" --to png --paper a4 --dpi 20
expect_rc 64 "several sheets to standard output: usage error"
expect_err_line "cjm: the map takes $sheets sheets, a file each: give -o OUT to write OUT-1.png to OUT-$sheets.png" \
	"and says how to get them"
expect_empty "$T/out" "and writes nothing"
run "$CJM" export "$E" --to png --compare maps/b2b-invoice.yaml --dpi 20 -o "$T/cmp.png"
expect_rc 0 "--compare takes png"

# ---- bad input ----
for dpi in 0 abc 601 -5 1e3 ""; do
	run "$CJM" export "$ONE" --to png --dpi "$dpi" -o "$T/bad.png"
	expect_rc 64 "--dpi '$dpi': usage error"
	expect_err_line "cjm: --dpi takes a whole number from 1 to 600, not '$dpi'" "--dpi '$dpi' says what it takes"
	check test ! -e "$T/bad.png" "--dpi '$dpi' writes nothing"
done
for to in csv pdf svg; do
	run "$CJM" export "$ONE" --to $to --dpi 150 -o "$T/bad.$to"
	expect_rc 64 "--dpi with --to $to: usage error"
	expect_err_line "cjm: --dpi is the resolution of a PNG: only png takes it, not $to" "--dpi with $to says who takes it"
	check test ! -e "$T/bad.$to" "--dpi with $to writes nothing"
done
for to in pdf png; do
	script -qec "$CJM export $ONE --to $to" /dev/null >"$T/tty" 2>&1 </dev/null
	rc=$?
	expect_rc 64 "--to $to to a terminal: usage error"
	check grep -qF "cjm: --to $to writes binary data, not for a terminal: give -o OUT, or send it to a pipe" "$T/tty" \
		"--to $to to a terminal says so"
	check sh -c "! grep -q 'PNG\|%PDF' '$T/tty'" "--to $to to a terminal writes none of it there"
done
run "$CJM" export "$ONE" --to pdf -o "$T/no/such/folder/map.pdf"
expect_rc 73 "an -o in a folder that is not there: 73"
expect_err_line "cjm: $T/no/such/folder/map.pdf: cannot write (create failed: No such file or directory); nothing was written there" \
	"and says why"
mkdir "$T/ro" "$T/ro/map.pdf"
run "$CJM" export "$ONE" --to pdf -o "$T/ro/map.pdf"
expect_rc 73 "an -o that is a folder: 73"
check test -z "$(ls -A "$T/ro/map.pdf")" "and nothing is left in it"
check test "$(ls -A "$T/ro")" = map.pdf "nor beside it (no temporary file)"
if [ -w /dev/full ]; then
	run "$CJM" export "$E" --to pdf -o /dev/full
	expect_rc 74 "a PDF to a full device: 74"
	expect_err_line "cjm: /dev/full: cannot write (write failed: No space left on device); nothing was written there" \
		"and says why"
	"$CJM" export "$E" --to pdf >/dev/full 2>"$T/err"
	rc=$?
	expect_rc 74 "a PDF to standard output on a full device: 74"
	expect_err_line "cjm: cannot write the output: No space left on device" "and says why"
else
	skip "a PDF to a full device: 74" "no writable /dev/full"
fi
# the second sheet cannot be written: the first is removed again, nothing left
mkdir "$T/half" "$T/half/map-2.png"
run "$CJM" export "$E" --to png --paper a4 --dpi 20 -o "$T/half/map.png"
expect_rc 73 "a set of sheets whose second cannot be written: 73"
expect_err_line "cjm: the 1 sheet written before it was removed again" "and says the first was removed"
check test "$(ls -A "$T/half")" = map-2.png "nothing is left but what was there"
# a map is never replaced by a sheet without --force
cp "$ONE" "$T/map-1.png"
run "$CJM" export "$E" --to png --paper a4 --dpi 20 -o "$T/map.png"
expect_rc 73 "a sheet's name that is a map: 73"
check cmp -s "$ONE" "$T/map-1.png" "and the map is untouched"
check test ! -e "$T/map-2.png" "and no sheet is written"

lib_finish
