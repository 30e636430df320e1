#!/bin/sh
# Acceptance tests of the patterns on the seed articles' own stories: each map
# in tests/stories/ is a journey before the article's innovation, and the
# article's own answer (its pattern, on the touchpoint the article names) must
# be among the first three suggestions `cjm suggest` lists.
# Run from the top of the source tree:
#   CJM=build/san/cjm sh tests/cli/test_stories.sh
. tests/cli/lib.sh

# Nothing of this machine's own: no plugin can add or reorder suggestions.
HOME=$T/home
export HOME
unset XDG_DATA_HOME CJM_PLUGIN_PATH
mkdir -p "$HOME"

# file                      pattern                 target            the article's innovation
STORIES='
01-eerste-factuur.yaml      soften-negatives        eerste-factuur    tip 1: a personal video with the first invoice
02-pakketje.yaml            amplify-peaks           pakketje-bezorgd  tip 2: a handwritten card in the parcel
03-schadelijn.yaml          moments-of-truth        schadelijn        tip 3: the claims line greets you by name
04-bedankpagina.yaml        strong-start            bevestiging       tip 4: a thank-you page and mail that say "wow"
05-aflevering.yaml          end-with-smile          aflevering        tip 5: Audi: pick up the car at the factory
06-registratie.yaml         extend-journey          registratie       tip 6: Twitter adds a step asking for interests
07-overschrijving.yaml      skip-steps              bank-bellen       tip 7: internet banking, no call to the bank
08-bril.yaml                reorder-steps           betalen           tip 8: Ace & Tate: wear at home, then pay
09-films-zoeken.yaml        intelligent-experience  zoeken            tip 9: Netflix learns what you like
10-betalen.yaml             redesign                journey           tip 10: Bitcoin: money from person to person
11-monteursbezoek.yaml      skip-steps              monteursbezoek    seed 000: customers want to install it themselves
12-welkomstpakket.yaml      skip-steps              welkomstpakket    seed 000: only 6% noticed the welcome pack
'

# first3 FILE: "pattern target" of the first three suggestions, one a line
# first3: "PATTERN TARGET" for each of the first three cards, and for each
# suggestion folded under one of them (its also: list, which the room sees too)
first3() {
	awk '/^- pattern: / { if (++n > 3) exit; p = $3; t = ""; next }
	     /^  target: / { t = $2; print p, t; next }
	     /^  - pattern: / { f = $3; next }
	     /^    target: / { print f, $2 }' "$T/out"
}

count=0
echo "$STORIES" | while read -r file pattern target _; do
	[ -n "$file" ] || continue
	map=tests/stories/$file
	run "$CJM" suggest "$map" --format yaml # the cards, as a room sees them
	if [ "$rc" -ne 1 ] && [ "$rc" -ne 0 ]; then
		fail "$file: cjm suggest runs" "expected exit 0 or 1"
		continue
	fi
	if first3 | grep -qx "$pattern $target"; then
		ok "$file: $pattern on $target is among the first three cards (or folded under one)"
	else
		notok "$file: $pattern on $target is among the first three cards (or folded under one)" "the first three were:" \
			"$(first3 | tr '\n' ';')"
	fi
done >"$T/results"
cat "$T/results"
failures=$(grep -c '^not ok' "$T/results")

# the table and the folder agree: every story is checked
for map in tests/stories/*.yaml; do
	name=$(basename "$map")
	if echo "$STORIES" | grep -q "^$name "; then
		ok "$name is in the table"
	else
		notok "$name is in the table" "add its pattern and target to STORIES"
	fi
done
lib_finish
