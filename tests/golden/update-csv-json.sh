#!/bin/sh
# Regenerates the golden CSV and JSON exports that tests/cli/test_export_csv_json.sh compares with.
# For every map in maps/ and tests/export/tricky.yaml: tests/golden/<map>.csv and <map>.json.
# Run from the top of the source tree after a deliberate change to the csv or json export,
# then review the diff before committing (the CSV's records end in CRLF, by design):
#   make && CJM=build/cjm sh tests/golden/update-csv-json.sh
set -eu
CJM=${CJM:-build/cjm}
for map in maps/*.yaml tests/export/tricky.yaml; do
	base=${map##*/}
	base=${base%.yaml}
	"$CJM" export "$map" --to csv -o "tests/golden/$base.csv"
	"$CJM" export "$map" --to json -o "tests/golden/$base.json"
	echo "tests/golden/$base.csv tests/golden/$base.json"
done
