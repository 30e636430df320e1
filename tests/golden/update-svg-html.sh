#!/bin/sh
# Regenerates the golden SVG and HTML exports that tests/cli/test_export_svg_html.sh compares with.
# For every map in maps/ and tests/export/tricky.yaml: tests/golden/<map>.svg and <map>.html (A3).
# Run from the top of the source tree after a deliberate change to the svg or html export,
# then look at the pictures and review the diff before committing:
#   make && CJM=build/cjm sh tests/golden/update-svg-html.sh
set -eu
CJM=${CJM:-build/cjm}
for map in maps/*.yaml tests/export/tricky.yaml; do
	base=${map##*/}
	base=${base%.yaml}
	"$CJM" export "$map" --to svg -o "tests/golden/$base.svg"
	"$CJM" export "$map" --to html -o "tests/golden/$base.html"
	echo "tests/golden/$base.svg tests/golden/$base.html"
done
