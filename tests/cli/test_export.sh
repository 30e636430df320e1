#!/bin/sh
# cjm export and cjm import as commands, whatever the format: options, exit codes,
# standard input and output, -o written atomically or not at all, never onto
# the map being exported, --force.
# The formats themselves are checked in test_export_*.sh.
. tests/cli/lib.sh
M=maps/energy-switch.yaml

# ---- export: usage ----
run "$CJM" export
expect_rc 64 "export without FILE: 64"
run "$CJM" export "$M"
expect_rc 64 "export without --to: 64"
expect_err_has "which format? give --to FORMAT" "export without --to says what is missing"
run "$CJM" export "$M" --to tiff
expect_rc 64 "export to an unknown format: 64"
expect_err_has "no format 'tiff'; the formats are mermaid, markdown, csv, json, svg, html, pdf, png and xlsx" \
	"an unknown format is named with the ones there are"
run "$CJM" export "$M" --to svg --paper letter
expect_rc 64 "an unknown paper: 64"
expect_err_has "no paper 'letter'; the papers are a4, a3, a2 and fit" "an unknown paper is named"
run "$CJM" export "$M" --to
expect_rc 64 "--to without a value: 64"
run "$CJM" export "$M" maps/b2b-invoice.yaml --to json
expect_rc 64 "two FILEs: 64"
run "$CJM" export "$M" --bogus --to json
expect_rc 64 "an unknown option: 64"

# ---- export: every format writes something to standard output, or to -o ----
for format in mermaid markdown csv json svg html; do
	run "$CJM" export "$M" --to "$format"
	expect_rc 0 "export --to $format exits 0"
	if [ -s "$T/out" ]; then ok "export --to $format writes to standard output"; else fail "export --to $format writes to standard output"; fi
	cp "$T/out" "$T/stdout.$format"
	run "$CJM" export "$M" -t "$format" -o "$T/file.$format"
	expect_rc 0 "export -t $format -o FILE exits 0"
	expect_empty "$T/out" "export -o $format: nothing on standard output"
	expect_same "$T/stdout.$format" "$T/file.$format" "export -o $format writes what standard output gets"
done
"$CJM" export - --to=json <"$M" >"$T/stdin.json" 2>"$T/err"
rc=$?
expect_rc 0 "export - reads the map from standard input"
expect_same "$T/stdout.json" "$T/stdin.json" "the same JSON from standard input"

# ---- export: what cannot be read or written ----
run "$CJM" export "$T/missing.yaml" --to json -o "$T/never.json"
expect_rc 66 "a missing map: 66"
if [ -e "$T/never.json" ]; then fail "a missing map writes no -o file"; else ok "a missing map writes no -o file"; fi
printf 'version: 1\ntitle: Bad\nphases: 3\n' >"$T/bad.yaml"
echo "old" >"$T/kept.json"
run "$CJM" export "$T/bad.yaml" --to json -o "$T/kept.json"
expect_rc 65 "a bad map: 65"
expect_err_line "$T/bad.yaml:3:9: error: phases must be a list of phases, found a single value" "a bad map: the loader's message"
echo "old" >"$T/kept.expected"
expect_same "$T/kept.expected" "$T/kept.json" "a bad map leaves -o as it was"
run "$CJM" export "$M" --to json -o "$T/no/such/folder/out.json"
expect_rc 73 "-o in a folder that does not exist: 73"
expect_err_has "cannot write (create failed" "-o that cannot be created says why"
if ls "$T"/no 2>/dev/null | grep -q .; then fail "no temporary file is left"; else ok "no temporary file is left"; fi
if [ -w /dev/full ]; then
	run "$CJM" export "$M" --to json -o /dev/full
	[ "$rc" -ne 0 ] && ok "a full device is an error, not silence" || fail "a full device is an error, not silence"
	"$CJM" export "$M" --to json >/dev/full 2>"$T/err"
	rc=$?
	expect_rc 74 "standard output on a full device: 74"
fi

# ---- export: -o never replaces the map being exported, nor another map without --force ----
cp "$M" "$T/self.yaml"
cp "$M" "$T/self.expected"
ln -s self.yaml "$T/self-link.yaml"
ln "$T/self.yaml" "$T/self-hard.yaml"
for out in "$T/self.yaml" "$T/self-link.yaml" "$T/self-hard.yaml" "$T/../$(basename "$T")/self.yaml"; do
	for force in "" --force; do
		run "$CJM" export "$T/self.yaml" --to svg -o "$out" $force
		expect_rc 73 "export -o onto its own input ($(basename "$out") $force): 73"
		expect_err_line "cjm: $out is the map being exported; give -o another name" \
			"... says it is the map being exported ($(basename "$out") $force)"
		expect_same "$T/self.expected" "$T/self.yaml" "... and the map is unchanged ($(basename "$out") $force)"
	done
done
"$CJM" export - --to svg -o "$T/self.yaml" --force <"$T/self.yaml" >"$T/out" 2>"$T/err"
rc=$?
expect_rc 73 "export - -o onto the file on standard input: 73"
expect_same "$T/self.expected" "$T/self.yaml" "... and the map is unchanged"
ls -a "$T" | grep -q '\.tmp-' && fail "refused exports leave no temporary file" || ok "refused exports leave no temporary file"

cp "$M" "$T/other.yaml"
run "$CJM" export maps/b2b-invoice.yaml --to svg -o "$T/other.yaml"
expect_rc 73 "export -o onto another map: 73, as import says"
expect_err_line "cjm: $T/other.yaml exists and is a map; give --force to replace it, or another name" \
	"... says it is a map and how to replace it"
expect_same "$T/self.expected" "$T/other.yaml" "... and that map is unchanged"
printf '# a comment first\n\n---\ntitle: Broken\nphases: 3\n' >"$T/broken.yaml"
cp "$T/broken.yaml" "$T/broken.expected"
run "$CJM" export "$M" --to csv -o "$T/broken.yaml"
expect_rc 73 "a map that does not load is still a map: 73"
expect_same "$T/broken.expected" "$T/broken.yaml" "... and is unchanged"
run "$CJM" export maps/b2b-invoice.yaml --to svg -o "$T/other.yaml" --force
expect_rc 0 "--force replaces another map"
if head -c 5 "$T/other.yaml" | grep -q '<svg\|<?xml'; then ok "... with the export"; else fail "... with the export"; fi
# what an export wrote before is no map: exporting again replaces it, JSON included
for format in mermaid markdown csv json svg html; do
	"$CJM" export "$M" --to "$format" -o "$T/again.$format" 2>/dev/null
	run "$CJM" export maps/b2b-invoice.yaml --to "$format" -o "$T/again.$format"
	expect_rc 0 "an earlier $format export is replaced without --force"
done

# ---- import: usage ----
run "$CJM" import
expect_rc 64 "import without SRC: 64"
run "$CJM" import "$T/x.csv"
expect_rc 64 "import without --from: 64"
run "$CJM" import "$T/x.csv" --from json
expect_rc 64 "import from a format that cannot be read back: 64"
expect_err_has "cannot import from 'json'; the formats are mermaid and csv" "the readable formats are named"
run "$CJM" import "$T/x.csv" --from csv --title ""
expect_rc 64 "an empty --title: 64"
run "$CJM" import "$T/missing.csv" --from csv
expect_rc 66 "a missing SRC: 66"

# ---- import: round trip through both readable formats, -o and --force ----
for format in csv mermaid; do
	"$CJM" export "$M" --to "$format" >"$T/src.$format"
	run "$CJM" import "$T/src.$format" --from "$format" -o "$T/imported-$format.yaml"
	expect_rc 0 "import --from $format -o MAP exits 0"
	run "$CJM" validate "$T/imported-$format.yaml"
	expect_rc 0 "the map imported from $format validates"
	echo "mine" >"$T/taken.yaml"
	run "$CJM" import "$T/src.$format" --from "$format" -o "$T/taken.yaml"
	expect_rc 73 "import will not replace an existing map: 73"
	expect_err_has "taken.yaml exists; give --force to replace it" "... and says how to"
	echo "mine" >"$T/taken.expected"
	expect_same "$T/taken.expected" "$T/taken.yaml" "... and the map is as it was"
	run "$CJM" import "$T/src.$format" --from "$format" -o "$T/taken.yaml" --force
	expect_rc 0 "--force replaces it"
	expect_same "$T/imported-$format.yaml" "$T/taken.yaml" "... with the imported map"
	"$CJM" import - --from "$format" --title "From stdin" <"$T/src.$format" >"$T/stdin.yaml" 2>"$T/err"
	rc=$?
	expect_rc 0 "import - reads standard input"
done
lib_finish
