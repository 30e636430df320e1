#!/bin/sh
# Command-line tests of `cjm export --to xlsx`: every example map read back with openpyxl
# (tests/cli/xlsx_read.py) is its `cjm show --plain` and its CSV export with typed numbers and
# booleans; the figure sheets are cjm stats'; Dutch sheet and column names; map text never
# a formula; -o written atomically; no temporary file left; LibreOffice reads the numbers.
# Run from the top of the source tree: CJM=build/san/cjm CJM_FAST=build/cjm sh tests/cli/test_export_xlsx.sh
. tests/cli/lib.sh
PY=/usr/bin/python3
READ=tests/cli/xlsx_read.py
FAST=${CJM_FAST:-$CJM}
# Two exports of one map are the same bytes only with a fixed creation time.
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

if [ ! -x "$PY" ] || ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	notok "$PY with openpyxl is there to read the workbooks back" "install python3-openpyxl (make check does: tests/deps.sh)"
	lib_finish
	exit
fi

# is_zip FILE: FILE starts as a zip does
is_zip() {
	printf 'PK\003\004' >"$T/pk"
	head -c 4 "$1" >"$T/head4"
	cmp -s "$T/pk" "$T/head4"
}

# expect_out_line LINE: the reader's info ($T/info) has LINE
expect_out_line() { grep -qxF -- "$1" "$T/info"; }

# csv_rows FILE SEP: the records of a CSV file (a cell may hold line breaks)
csv_rows() {
	"$PY" -c 'import csv, sys
print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"), delimiter=sys.argv[2])))' "$1" "$2"
}

# plain_figures FILE: the name, emotion, satisfaction, impact and yes/no lines of `cjm show --plain`
plain_figures() {
	grep -E '^(touchpoint [^ ]+: |[^ ]+/[^ ]+ (emotion|satisfaction|impact|moment_of_truth|brand_moment|commitment|visible): )' "$1"
}

# ---- every example map: the touchpoints sheet is the map, typed ----
for map in maps/*.yaml tests/export/tricky.yaml; do
	base=${map##*/}
	base=${base%.yaml}
	book=$T/$base.xlsx
	run "$CJM" export "$map" --to xlsx -o "$book"
	expect_rc 0 "export $base --to xlsx exits 0"
	expect_empty "$T/err" "export $base --to xlsx says nothing on stderr"
	check is_zip "$book" "export $base --to xlsx writes a zip"
	"$PY" "$READ" info "$book" >"$T/info" 2>"$T/err"
	sheet=$(sed -n 's/^sheets\t\([^\t]*\).*/\1/p' "$T/info")
	lang=$(sed -n 's/^language: *//p' "$map")
	[ "$lang" = nl ] || lang=en

	# the names, emotions, satisfaction, impact and yes/no fields, as cjm show --plain has them
	"$FAST" show --plain "$map" >"$T/show"
	plain_figures "$T/show" >"$T/show.expected"
	"$PY" "$READ" plain "$book" "$sheet" >"$T/plain" 2>"$T/err"
	expect_same "$T/show.expected" "$T/plain" "$base.xlsx: names, emotions, satisfaction, impact, yes/no as cjm show --plain"
	check test -s "$T/plain" "$base.xlsx: has touchpoints"

	# every cell, as the CSV export of the same map writes it (the Dutch dialect for a Dutch map)
	"$FAST" export "$map" --to csv -o "$T/$base.csv"
	"$PY" "$READ" csv "$book" "$sheet" "$lang" >"$T/$base.back.csv" 2>"$T/err"
	expect_same "$T/$base.csv" "$T/$base.back.csv" "$base.xlsx: every cell is what the CSV export has"

	# the cells' types: numbers are numbers and booleans booleans, text is text
	"$PY" "$READ" types "$book" "$sheet" >"$T/types" 2>"$T/err"
	bad=$(awk -F '\t' '
		NR == 8 && $2 != "int" { print "emotion: " $2 }
		(NR == 9 || NR == 10) && $2 != "" && $2 != "float" && $2 != "int" && $2 != "float,int" { print $1 ": " $2 }
		NR >= 11 && NR <= 14 && $2 != "" && $2 != "bool" { print $1 ": " $2 }
		(NR <= 7 || NR >= 15) && $2 != "" && $2 != "str" { print $1 ": " $2 }
		END { if (NR != 19) print NR " columns" }' "$T/types")
	check test -z "$bad" "$base.xlsx: emotion int, satisfaction and impact numbers, yes/no bool, the rest text ($bad)"
	check test -z "$("$PY" "$READ" formulas "$book")" "$base.xlsx: no formula anywhere"

	# the sheet's form: a bold, frozen head row with an autofilter over every row
	if [ "$lang" = nl ]; then rows=$(csv_rows "$T/$base.csv" ';'); else rows=$(csv_rows "$T/$base.csv" ','); fi
	check expect_out_line "$(printf 'sheet\t%s\tfreeze A2\tfilter A1:S%s\tbold head yes' "$sheet" "$rows")" \
		"$base.xlsx: head row bold and frozen, autofilter A1:S$rows"
	# widths: every column 6 to 62 characters; the name wider than the emotion
	widths=$(sed -n "s/^widths\t$sheet\t//p" "$T/info")
	bad=$(echo "$widths" | tr ' ' '\n' | awk -F '=' '$2 < 6 || $2 > 62 { print }
		$1 == "E" { name = $2 } $1 == "H" { emotion = $2 } END { if (name <= emotion) print "E=" name " H=" emotion }')
	check test -n "$widths" -a -z "$bad" "$base.xlsx: column widths from 6 to 62, the name wider than the emotion ($widths)"
	title=$("$FAST" show --plain "$map" | sed -n 's/^title: //p')
	check expect_out_line "$(printf 'title\t%s' "$title")" "$base.xlsx: the document's title is the map's"
done

# ---- the sheets of an English map, and the figures are cjm stats' ----
book=$T/car-insurance-claim.xlsx
"$PY" "$READ" info "$book" >"$T/info"
check expect_out_line "$(printf 'sheets\tTouchpoints\tFigures\tQuadrants\tPhases\tOwners\tChannels')" \
	"an English map's sheets: Touchpoints, Figures, Quadrants, Phases, Owners, Channels"
check expect_out_line "$(printf 'subject\tCustomer journey map')" "the subject is 'Customer journey map'"
for s in Figures Quadrants Phases Owners Channels; do
	check grep -q "^sheet	$s	freeze A2	.*	bold head yes\$" "$T/info" "the $s sheet's head row is bold and frozen"
done
"$PY" "$READ" cells "$book" Figures >"$T/figures"
"$FAST" stats maps/car-insurance-claim.yaml >"$T/stats"
# the counts: the 8 lines after "Counts" in cjm stats, the cells B2..B9
sed -n '/^Counts$/,/^$/p' "$T/stats" | sed -n 's/^  \(.*[a-z]\) *\([0-9][0-9]*\)$/\1 int \2/p' >"$T/counts.expected"
awk -F '\t' '$1 ~ /^A[2-9]$/ { label[substr($1, 2)] = $4 } $1 ~ /^B[2-9]$/ { print label[substr($1, 2)] " " $3 " " $4 }' \
	"$T/figures" >"$T/counts"
expect_same "$T/counts.expected" "$T/counts" "the Figures sheet's counts are cjm stats', as whole numbers"
mean=$(sed -n 's/^  mean  *\([-+0-9.]*\)$/\1/p' "$T/stats")
got=$(awk -F '\t' '$1 == "B10" { printf "%+.2f %s", $4, $3 }' "$T/figures")
check test "$got" = "$mean float" "the mean is cjm stats' $mean, a number (got: $got)"
check grep -qxF "$(printf 'B11\tn\tint\t-3')" "$T/figures" "the peak is the number -3"
check grep -qxF "$(printf 'C11\ts\tstr\tCollision at a junction (the-accident/collision)')" "$T/figures" \
	"the peak's touchpoint is named as cjm stats names it"
"$PY" "$READ" cells "$book" Quadrants >"$T/quadrants"
check grep -qxF "$(printf 'C4\ts\tstr\traise satisfaction first')" "$T/quadrants" "the Quadrants sheet has each quadrant's action"
low_high=$(sed -n 's/^  low-high  *\([0-9]*\)  raise satisfaction first$/\1/p' "$T/stats")
check grep -qxF "$(printf 'B4\tn\tint\t%s' "$low_high")" "$T/quadrants" "low-high holds $low_high touchpoints, as cjm stats says"
"$PY" "$READ" cells "$book" Owners >"$T/owners"
check grep -qxF "$(printf 'A1\ts\tstr\tOwner')" "$T/owners" "the Owners sheet's first column is the owner"
awk -F '\t' '$1 ~ /^[BC][0-9]+$/ && $1 !~ /^[BC]1$/ && $3 != "int" { bad = 1 } END { exit bad }' "$T/owners"
check test $? -eq 0 "the Owners sheet's counts are whole numbers"

# ---- a Dutch map: Dutch sheet names, column heads and labels ----
book=$T/energy-switch.xlsx
"$PY" "$READ" info "$book" >"$T/info"
check expect_out_line "$(printf 'sheets\tTouchpoints\tCijfers\tKwadranten\tFasen\tEigenaren\tKanalen')" \
	"a Dutch map's sheets are Touchpoints, Cijfers, Kwadranten, Fasen, Eigenaren, Kanalen"
check expect_out_line "$(printf 'subject\tKlantreiskaart')" "a Dutch map's subject is Klantreiskaart"
"$PY" "$READ" cells "$book" Touchpoints >"$T/cells"
check grep -qxF "$(printf 'E1\ts\tstr\tnaam')" "$T/cells" "a Dutch map's name column is 'naam'"
check grep -qxF "$(printf 'I1\ts\tstr\ttevredenheid')" "$T/cells" "a Dutch map's satisfaction column is 'tevredenheid'"
"$PY" "$READ" cells "$book" Cijfers >"$T/cells"
check grep -qxF "$(printf 'A2\ts\tstr\tfasen')" "$T/cells" "a Dutch map's figures are labelled in Dutch (fasen)"
check grep -qxF "$(printf 'B1\ts\tstr\tWaarde')" "$T/cells" "a Dutch map's figures column is 'Waarde'"
"$PY" "$READ" cells "$book" Kwadranten >"$T/cells"
check grep -qxF "$(printf 'C2\ts\tstr\tgoedkoop verbeteren')" "$T/cells" "a Dutch map's quadrant actions are Dutch"

# ---- map text is never a formula ----
cat >"$T/inject.yaml" <<'EOF'
version: 1
title: "=1+1"
phases:
  - id: start
    name: "@start"
    touchpoints:
      - id: link
        name: '=HYPERLINK("http://example.com","click me")'
        channel: "+31 20 555 0101"
        owner: "-sales"
        emotion: -2
        satisfaction: 7.5
        pains:
          - "=1+1"
          - "@SUM(A1:A2)"
EOF
run "$CJM" export "$T/inject.yaml" --to xlsx -o "$T/inject.xlsx"
expect_rc 0 "a map of formula-like text exports"
"$PY" "$READ" cells "$T/inject.xlsx" Touchpoints >"$T/cells"
check grep -qxF "$(printf 'E2\ts\tstr\t=HYPERLINK("http://example.com","click me")')" "$T/cells" \
	"a name =HYPERLINK(...) is a text cell holding that text"
check grep -qxF "$(printf 'F2\ts\tstr\t+31 20 555 0101')" "$T/cells" "a channel +31 ... is text"
check grep -qxF "$(printf 'G2\ts\tstr\t-sales')" "$T/cells" "an owner -sales is text"
check grep -qxF "$(printf 'B2\ts\tstr\t@start')" "$T/cells" "a phase name @start is text"
check grep -qxF "$(printf 'P2\ts\tstr\t=1+1\\n@SUM(A1:A2)')" "$T/cells" "pains =1+1 and @SUM(...) are text"
check test -z "$("$PY" "$READ" formulas "$T/inject.xlsx")" "no formula in the workbook of formula-like text"
# the raw sheet: no <f> element at all
"$PY" -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sys.exit(any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")))' \
	"$T/inject.xlsx"
check test $? -eq 0 "no sheet of the workbook has a formula element"

# ---- standard output, -o, atomically, and no temporary file left ----
mkdir "$T/tmp"
TMPDIR=$T/tmp "$CJM" export maps/b2b-invoice.yaml --to xlsx >"$T/stdout.xlsx" 2>"$T/err"
rc=$?
expect_rc 0 "export --to xlsx to standard output exits 0"
check is_zip "$T/stdout.xlsx" "export --to xlsx to standard output writes the zip"
check test -z "$(ls -A "$T/tmp")" "no temporary file is left in TMPDIR"
echo "old" >"$T/kept.xlsx"
run env TMPDIR="$T/tmp" "$CJM" export maps/b2b-invoice.yaml --to xlsx -o "$T/kept.xlsx"
expect_rc 0 "export -o over an existing file exits 0"
expect_same "$T/stdout.xlsx" "$T/kept.xlsx" "-o writes what standard output gets, replacing the old file whole"
check test -z "$(ls -A "$T/tmp")" "no temporary file is left in TMPDIR after -o"
printf 'version: 1\ntitle: Bad\nphases: 3\n' >"$T/bad.yaml"
echo "old" >"$T/kept.xlsx"
run "$CJM" export "$T/bad.yaml" --to xlsx -o "$T/kept.xlsx"
expect_rc 65 "a bad map: 65"
echo "old" >"$T/kept.expected"
expect_same "$T/kept.expected" "$T/kept.xlsx" "a bad map leaves -o as it was"
run "$CJM" export maps/b2b-invoice.yaml --to xlsx -o "$T/no/such/folder/out.xlsx"
expect_rc 73 "-o in a folder that does not exist: 73"
SHIM=$(cd "$(dirname "$FAST")" && pwd)/faults/failshim.so
if [ -f "$SHIM" ]; then
	mkdir "$T/atomic"
	echo "old" >"$T/atomic/kept.xlsx"
	run env CJM_FAIL=rename LD_PRELOAD="$SHIM" "$FAST" export maps/b2b-invoice.yaml --to xlsx -o "$T/atomic/kept.xlsx"
	check test "$rc" -ne 0 "a failed rename of -o is an error (exit $rc)"
	expect_same "$T/kept.expected" "$T/atomic/kept.xlsx" "a failed rename leaves -o as it was"
	check test "$(ls -A "$T/atomic")" = kept.xlsx "a failed rename leaves no temporary file beside -o"
else
	skip "a failed rename leaves -o as it was" "no $SHIM (make build/faults/failshim.so)"
fi

# ---- the workbook cannot be made: said, not silent ----
run env TMPDIR="$T/not-there" "$CJM" export maps/b2b-invoice.yaml --to xlsx -o "$T/none.xlsx"
expect_err_line "cjm: cannot make a temporary file in $T/not-there: No such file or directory" \
	"no temporary folder: said on standard error"
expect_rc 74 "no temporary folder: exit 74"
check test ! -e "$T/none.xlsx" "no temporary folder: nothing is written to -o"
printf 'an earlier workbook\n' >"$T/earlier.xlsx"
run env TMPDIR="$T/not-there" "$CJM" export maps/b2b-invoice.yaml --to xlsx -o "$T/earlier.xlsx"
check grep -qx 'an earlier workbook' "$T/earlier.xlsx" "no temporary folder: an -o that was there is left as it was"
if command -v script >/dev/null 2>&1; then
	script -qec "$CJM export maps/b2b-invoice.yaml --to xlsx" /dev/null >"$T/tty" 2>&1
	check grep -qF "cjm: --to xlsx writes binary data, not for a terminal: give -o OUT, or send it to a pipe" \
		"$T/tty" "a workbook is not written to a terminal"
else
	skip "a workbook is not written to a terminal" "no script"
fi

# ---- LibreOffice reads the numbers as numbers and the formula-like text as text ----
if ! command -v soffice >/dev/null 2>&1; then
	skip "LibreOffice reads the xlsx's numbers as numbers" "soffice is not installed (apt-get install libreoffice-calc-nogui)"
else
	mkdir -p "$T/lo" "$T/lo-home"
	# 44 ',', 34 '"', 76 UTF-8, from line 1, ..., true: every text cell quoted, so a
	# number is what stands unquoted
	HOME="$T/lo-home" timeout 120 soffice -env:UserInstallation=file://"$T/lo-home" --headless \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true' --outdir "$T/lo" "$T/inject.xlsx" \
		>"$T/lo/log" 2>&1
	if [ ! -s "$T/lo/inject.csv" ]; then
		notok "LibreOffice converts the xlsx to csv" "$(cat "$T/lo/log")"
	else
		row=$(sed -n 2p "$T/lo/inject.csv")
		case $row in
		*'"=HYPERLINK(""http://example.com"",""click me"")","+31 20 555 0101","-sales",-2,7.5,,'*)
			ok "LibreOffice reads the name =HYPERLINK(...) as text and emotion -2, satisfaction 7.5 as numbers" ;;
		*) notok "LibreOffice reads the name =HYPERLINK(...) as text and emotion -2, satisfaction 7.5 as numbers" "row 2: $row" ;;
		esac
	fi
fi

lib_finish
