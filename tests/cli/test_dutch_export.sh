#!/bin/sh
# Command-line tests of the exports in the map's language and of the Dutch CSV dialect: headings, lang="nl", decimal commas, the CSV Dutch spreadsheets read, its import and round trip.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_dutch_export.sh
# After a deliberate change to the Dutch exports:
#   build/cjm export tests/export/dutch.yaml --to csv -o tests/export/dutch.csv (and --to markdown, dutch.md)
. tests/cli/lib.sh
NL=tests/export/dutch.yaml

# a map in English (language en) and one without a language, otherwise the Dutch map
sed 's/^language: nl$/language: en/' "$NL" >"$T/en.yaml"
grep -v '^language:' "$NL" >"$T/none.yaml"

# ---- SVG and HTML in the map's language ----
run "$CJM" export "$NL" --to svg
expect_rc 0 "export --to svg of a Dutch map: exit 0"
for text in '<desc>Klantreiskaart: 3 fasen, 3 touchpoints; 1 pagina A3 liggend.' '>Pijnpunten<' '>Ideeën<' \
	'>Fase<' '>Emotie<' '>Kenmerken<' '>Gemiddelde emotie<' '>Piek-eindscore<' '>Merkwaarden<' \
	'>Niet zichtbaar<' '>Nog geen touchpoints<' 'CSAT 7,5' 'CSAT 4,25' '>−0,50<'; do
	expect_out_has "$text" "svg of a Dutch map has $text"
done
expect_out_lacks '>Pains<' "svg of a Dutch map has no English lane name"
expect_out_lacks 'CSAT 7.5' "svg of a Dutch map writes no decimal point in a satisfaction"

run "$CJM" export "$NL" --to html
expect_rc 0 "export --to html of a Dutch map: exit 0"
for text in '<html lang="nl">' '<p class="kicker">Klantreiskaart</p>' '<h2>De kaart</h2>' '<h2>Cijfers</h2>' \
	'<caption>Aantallen</caption>' '<h2>Touchpoints</h2>' '<dt>Tevredenheid</dt><dd>7,5 ' \
	'<caption>Kwadranten (drempel tevredenheid 7, drempel impact 0,3; daaronder is laag)</caption>' \
	'<h5>Pijnpunten</h5>' '<h5>Ideeën</h5>' '<h5>Citaten</h5>' '<span class="flag m">Moment of truth</span>' \
	'<span class="flag v">Niet zichtbaar</span>' '<td>laag-hoog</td>' 'verhoog eerst de tevredenheid' \
	'tevredenheid 7,5, impact 0,35' 'Emotie per eigenaar' '(geen eigenaar)' \
	'<p class="none">Nog geen touchpoints.</p>' 'Afgedrukt 1 pagina A3 liggend.' \
	'— klantreiskaart</title>' 'Door cjm geëxporteerd uit het kaartbestand'; do
	expect_out_has "$text" "html of a Dutch map has $text"
done
expect_out_lacks '<h2>Figures</h2>' "html of a Dutch map has no English heading"
if has_dutch "a Dutch map's html is the same under the Dutch locale"; then
	cp "$T/out" "$T/nl-c.html"
	run with_dutch "$CJM" export "$NL" --to html
	expect_same "$T/nl-c.html" "$T/out" "a Dutch map's html is the same under the Dutch locale"
fi

# an English map stays English under the Dutch locale; a map without a language is today's
if has_dutch "an English map's exports stay English under the Dutch locale"; then
	for format in svg html markdown csv; do
		run "$CJM" export "$T/en.yaml" --to $format
		cp "$T/out" "$T/en-c.$format"
		run "$CJM" export "$T/none.yaml" --to $format
		cp "$T/out" "$T/none-c.$format"
		run with_dutch "$CJM" export "$T/en.yaml" --to $format
		expect_same "$T/en-c.$format" "$T/out" "an English map's $format is the same under the Dutch locale"
		run with_dutch "$CJM" export "$T/none.yaml" --to $format
		expect_same "$T/none-c.$format" "$T/out" "a map without a language: its $format is the same under the Dutch locale"
	done
	run with_dutch "$CJM" export "$T/en.yaml" --to html
	expect_out_has '<html lang="en">' "html of an English map under the Dutch locale: lang=\"en\""
	expect_out_has '<h2>Figures</h2>' "html of an English map under the Dutch locale: English headings"
	expect_out_has '<dt>Satisfaction</dt><dd>7.5 ' "html of an English map under the Dutch locale: 7.5"
	expect_out_lacks 'Cijfers' "html of an English map under the Dutch locale: no Dutch heading"
	run with_dutch "$CJM" export "$T/en.yaml" --to svg
	expect_out_has '>Pains<' "svg of an English map under the Dutch locale: English lane names"
	expect_out_has 'CSAT 7.5' "svg of an English map under the Dutch locale: 7.5"
	run with_dutch "$CJM" export "$T/none.yaml" --to html
	expect_out_has '<html lang="en">' "html of a map without a language: lang=\"en\""
	expect_out_has '<p class="kicker">Customer journey map</p>' "html of a map without a language: English"
fi
# the English and language-less outputs are the same but for the lang attribute's source
check cmp -s "$T/en-c.svg" "$T/none-c.svg" "an English map's svg is that of a map without a language"
check cmp -s "$T/en-c.markdown" "$T/none-c.markdown" "an English map's markdown is that of a map without a language"

# ---- Markdown ----
run "$CJM" export "$NL" --to markdown
expect_rc 0 "export --to markdown of a Dutch map: exit 0"
expect_same tests/export/dutch.md "$T/out" "markdown of the Dutch map is the golden file"
for text in '**Merkwaarden:** eerlijk, dichtbij' '- **Touchpoints:** 3 in 3 fasen, 2 gescoord' \
	'- **Gemiddelde emotie:** -0,50' '## Klantreis' '## Fase 1: Oriëntatie' '## Kwadranten' \
	'| Touchpoint | Kanaal | Eigenaar | Emotie | Pijnpunten | Ideeën |' '_Nog geen touchpoints._' \
	'| Vergelijkingssite | Oriëntatie | 7,5 | 0,35 | hoog-hoog | laat meer klanten het meemaken |' \
	'<br>_moment of truth_' '_niet zichtbaar voor de klant_'; do
	expect_out_has "$text" "markdown of a Dutch map has $text"
done

# ---- the Dutch CSV dialect ----
run "$CJM" export "$NL" --to csv
expect_rc 0 "export --to csv of a Dutch map: exit 0"
expect_same tests/export/dutch.csv "$T/out" "csv of the Dutch map is the golden file"
cp "$T/out" "$T/nl.csv"
check test "$(head -c 3 "$T/nl.csv" | od -An -tx1 | tr -d ' ')" = efbbbf "Dutch csv starts with a UTF-8 byte-order mark"
header=$(head -n 1 "$T/nl.csv" | tail -c +4 | tr -d '\r')
check test "$header" = "fase_id;fase;fasebeschrijving;id;naam;kanaal;eigenaar;emotie;tevredenheid;impact;moment of truth;merkmoment;commitment;zichtbaar;pijlers;pijnpunten;ideeën;citaten;notities" \
	"Dutch csv: the column names in Dutch, separated by ';'"
expect_out_has 'Klantenservice bellen;telefoon;Klantenservice;-2;4,25;0,8;' "Dutch csv: ';' and decimal commas"
expect_out_has ';1;7,5;0,35;true;' "Dutch csv: satisfaction 7,5"
expect_out_has '"Zoeken; vergelijken"' "Dutch csv: a cell with ';' is quoted"
check grep -q "$(printf '\r$')" "$T/nl.csv" "Dutch csv: records end in CRLF"

run "$CJM" export "$NL" --to csv --csv-dialect en
expect_rc 0 "--csv-dialect en on a Dutch map: exit 0"
check test "$(head -c 9 "$T/out")" = "phase_id," "--csv-dialect en: no byte-order mark, the English keys"
expect_out_has ',1,7.5,0.35,true,' "--csv-dialect en: commas and decimal points"
expect_out_lacks ';4,25;' "--csv-dialect en: no Dutch cell"
run "$CJM" export "$T/en.yaml" --to csv
cp "$T/out" "$T/en.csv"
run "$CJM" export "$NL" --to csv --csv-dialect en
expect_same "$T/en.csv" "$T/out" "--csv-dialect en of a Dutch map is the CSV of the English map"
run "$CJM" export "$T/none.yaml" --to csv --csv-dialect nl
expect_same tests/export/dutch.csv "$T/out" "--csv-dialect nl of a map without a language is the Dutch CSV"
run "$CJM" export "$NL" --to csv --csv-dialect de
expect_rc 64 "--csv-dialect de: a usage error"
expect_err_has "no CSV dialect 'de'; the dialects are nl and en" "--csv-dialect de: says which there are"

# ---- importing Dutch CSV ----
run "$CJM" import "$T/nl.csv" --from csv --title "Verhuizen naar een nieuw energiecontract"
expect_rc 0 "import of the Dutch csv: exit 0"
cp "$T/out" "$T/back.yaml"
expect_out_has 'language: nl' "import of the Dutch csv: the map is Dutch"
# the CSV holds the phases and touchpoints; the original without persona and brand values is what comes back
sed '/^persona:/,/^phases:/{/^phases:/!d}' "$NL" >"$T/nl-table.yaml"
run "$CJM" diff "$T/nl-table.yaml" "$T/back.yaml"
expect_rc 0 "Dutch csv round trip: cjm diff finds no change"
"$CJM" show --plain "$T/nl-table.yaml" >"$T/a.plain" 2>&1
"$CJM" show --plain "$T/back.yaml" >"$T/b.plain" 2>&1
expect_same "$T/a.plain" "$T/b.plain" "Dutch csv round trip: show --plain is the same"
check grep -qx 'orientatie/vergelijker satisfaction: 7.5' "$T/b.plain" "Dutch csv round trip: 7,5 came back as 7.5"

# a hand-made Dutch CSV: capitals, a BOM, ';', decimal commas, ja/nee
printf '\357\273\277Fase;Naam;Kanaal;Emotie;Tevredenheid;Impact;Moment of truth;Pijnpunten;Ideeën\r\n' >"$T/hand.csv"
printf 'Oriëntatie;Site bekijken;web;+2;8,5;0,4;ja;"Traag; lang\nDuur";Chat\r\n' >>"$T/hand.csv"
printf 'Oriëntatie;Bellen;telefoon;-1;6;0,25;nee;;\r\n' >>"$T/hand.csv"
run "$CJM" import "$T/hand.csv" --from csv --title Handwerk
expect_rc 0 "import of a hand-made Dutch csv: exit 0"
cp "$T/out" "$T/hand.yaml"
"$CJM" show --plain "$T/hand.yaml" >"$T/hand.plain" 2>&1
for line in 'language: nl' 'touchpoint orientatie/site-bekijken: Site bekijken' 'orientatie/site-bekijken satisfaction: 8.5' \
	'orientatie/site-bekijken impact: 0.4' 'orientatie/site-bekijken emotion: 2' \
	'orientatie/site-bekijken moment_of_truth: true' 'orientatie/site-bekijken pains: Traag; lang' \
	'orientatie/site-bekijken pains: Duur' 'orientatie/site-bekijken ideas: Chat' \
	'orientatie/bellen impact: 0.25' 'orientatie/bellen moment_of_truth: false'; do
	check grep -qxF "$line" "$T/hand.plain" "hand-made Dutch csv: $line"
done

# a bad Dutch CSV: an unknown column, a satisfaction out of range
printf 'fase;naam;kleur;tevredenheid\r\nOriëntatie;Site;rood;11,5\r\n' >"$T/bad.csv"
run "$CJM" import "$T/bad.csv" --from csv
expect_rc 65 "import of a bad Dutch csv: a data error"
expect_err_has "bad.csv:1:11: error: unknown column 'kleur' (known: phase_id, phase_name," "bad Dutch csv: the unknown column, in English under C"
printf 'fase;naam;tevredenheid\r\nOriëntatie;Site;11,5\r\n' >"$T/bad2.csv"
run "$CJM" import "$T/bad2.csv" --from csv
expect_rc 65 "import of a Dutch csv with satisfaction 11,5: a data error"
expect_err_has "bad2.csv:2:17: error: " "Dutch csv with satisfaction 11,5: the cell's place"
expect_err_has "not '11,5'" "Dutch csv with satisfaction 11,5: the cell quoted"
if has_dutch "a bad Dutch csv's message is Dutch under the Dutch locale"; then
	run with_dutch "$CJM" import "$T/bad.csv" --from csv
	expect_rc 65 "bad Dutch csv under the Dutch locale: a data error"
	expect_err_has "onbekende kolom 'kleur' (bekend: phase_id, phase_name," "a bad Dutch csv's message is Dutch under the Dutch locale"
	printf 'fase;naam\r\nOriëntatie;"Site\r\n' >"$T/bad3.csv"
	run with_dutch "$CJM" import "$T/bad3.csv" --from csv
	expect_err_has "deze cel tussen aanhalingstekens wordt nergens gesloten" "an unclosed quote is said in Dutch"
fi

# ---- LibreOffice reads the Dutch CSV (when it is installed) ----
if ! command -v soffice >/dev/null 2>&1; then
	skip "LibreOffice reads satisfaction 7,5 as the number 7.5" "soffice is not installed (apt-get install libreoffice-calc-nogui)"
else
	mkdir -p "$T/lo" "$T/lo-home"
	# 59 ';', 34 '"', 76 UTF-8, from line 1, default column types, 1043 the nl-NL locale of a Dutch Calc
	HOME="$T/lo-home" timeout 120 soffice -env:UserInstallation=file://"$T/lo-home" --headless \
		--infilter="CSV:59,34,76,1,,1043" --convert-to xlsx --outdir "$T/lo" "$T/nl.csv" >"$T/lo/log" 2>&1
	if [ ! -s "$T/lo/nl.xlsx" ]; then
		notok "LibreOffice converts the Dutch csv to xlsx" "$(cat "$T/lo/log")"
	else
		# the cell under "tevredenheid" in the first touchpoint's row: a number, 7.5
		got=$(python3 - "$T/lo/nl.xlsx" <<'EOF'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
strings = re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode())
strings = [re.sub(r'<[^>]+>', '', s) for s in strings]
sheet = z.read('xl/worksheets/sheet1.xml').decode()
cells = {}
for ref, attrs, body in re.findall(r'<c r="([A-Z]+[0-9]+)"([^>]*)>(.*?)</c>', sheet):
    v = re.search(r'<v>(.*?)</v>', body)
    if v:
        t = re.search(r't="(\w+)"', attrs)
        cells[ref] = ('s', strings[int(v.group(1))]) if t and t.group(1) == 's' else ('n', v.group(1))
col = next(ref[:-1] for ref, (kind, text) in cells.items() if ref.endswith('1') and text == 'tevredenheid')
print(*cells.get(col + '2', ('missing', '')))
EOF
)
		check test "$got" = "n 7.5" "LibreOffice reads satisfaction 7,5 as the number 7.5 (got: $got)"
	fi
fi

lib_finish
