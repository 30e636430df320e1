#!/bin/sh
# Command-line tests of the library's messages under a Dutch locale: the loader's diagnostics, cjm show, cjm stats and cjm diff speak Dutch, with the same places, exit codes and file-format words as in English.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_dutch_messages.sh
. tests/cli/lib.sh

# bad_map NAME: writes $T/NAME.yaml from stdin
bad_map() {
	cat >"$T/$1.yaml"
}

printf 'version: 1\ntitle: Tabs\nphases:\n\t- id: a\n' | bad_map bad-yaml
bad_map unknown-key <<'EOF2'
version: 1
title: Energie
colour: red
phases:
- id: a
  name: A
EOF2
bad_map emotion-range <<'EOF2'
version: 1
title: Energie
phases:
- id: a
  name: A
  touchpoints:
  - id: t
    name: T
    emotion: 5
EOF2
bad_map no-title <<'EOF2'
version: 1
phases:
- id: a
  name: A
EOF2
bad_map bad-language <<'EOF2'
version: 1
title: Energie
language: n/l
phases:
- id: a
  name: A
EOF2

# check_bad NAME ENGLISH DUTCH: validate says ENGLISH under C.UTF-8 and DUTCH under the
# Dutch locale (each after "FILE:LINE:COL: error: "), at the same place, exit 65 both times
check_bad() {
	name=$1 en=$2 nl=$3
	run "$CJM" validate "$T/$name.yaml"
	expect_rc 65 "$name: exit 65 in English"
	cp "$T/err" "$T/$name.en"
	if ! grep -qF -- ": error: $en" "$T/err"; then
		fail "$name: the English message is unchanged" "expected: $en"
	else
		ok "$name: the English message is unchanged"
	fi
	has_dutch "$name: in Dutch" || return 0
	run with_dutch "$CJM" validate "$T/$name.yaml"
	expect_rc 65 "$name: exit 65 in Dutch"
	if ! grep -qF -- ": fout: $nl" "$T/err"; then
		fail "$name: the Dutch message" "expected: $nl"
	else
		ok "$name: the Dutch message"
	fi
	expect_err_lacks_en "$en" "$name: no English left in the Dutch message"
	cut -d: -f1-3 "$T/$name.en" >"$T/$name.en.at"
	cut -d: -f1-3 "$T/err" >"$T/$name.nl.at"
	expect_same "$T/$name.en.at" "$T/$name.nl.at" "$name: the same FILE:LINE:COL in Dutch"
}
expect_err_lacks_en() {
	if grep -qF -- "$1" "$T/err"; then fail "$2" "expected stderr not to contain: $1"; else ok "$2"; fi
}

check_bad bad-yaml "tab character in indentation; YAML indents with spaces" \
	"tab in de inspringing; YAML springt in met spaties"
check_bad unknown-key "unknown key 'colour' in the map (known: version, title, language," \
	"onbekende sleutel 'colour' in de kaart (bekend: version, title, language,"
check_bad emotion-range "emotion must be a whole number from -3 to +3, found 5" \
	"emotion moet een geheel getal van -3 tot en met +3 zijn, maar is 5"
check_bad no-title "missing required key 'title'" "verplichte sleutel 'title' ontbreekt"
check_bad bad-language "language must be a language tag such as nl, en or nl-BE, found 'n/l'" \
	"language moet een taalcode zijn zoals nl, en of nl-BE, maar is 'n/l'"

# ---- cjm show and cjm stats ----
cat >"$T/map.yaml" <<'EOF2'
version: 1
title: Energie
phases:
- id: switch
  name: Overstap
  touchpoints:
  - id: compare
    name: Vergelijken
    channel: web
    owner: sales
    emotion: 1
    satisfaction: 7.5
    impact: 0.4
    moment_of_truth: true
  - id: meter
    name: Meterstand
    emotion: -2
    satisfaction: 4
    impact: 0.8
  - id: extra
    name: Extra
EOF2

run "$CJM" show --width 100 "$T/map.yaml"
expect_rc 0 "show in English: exit 0"
cp "$T/out" "$T/show.en"
expect_out_has "channel" "show in English: the label channel"
expect_out_has "7.5" "show in English: a decimal point"
expect_out_has "marks: ! moment of truth" "show in English: the legend"
run "$CJM" show --plain "$T/map.yaml"
cp "$T/out" "$T/plain.en"
run "$CJM" stats "$T/map.yaml"
cp "$T/out" "$T/stats.en"
expect_out_has "  mean               -0.50" "stats in English: the mean"
expect_out_has "Quadrants (satisfaction threshold 7, impact threshold 0.3; below is low)" \
	"stats in English: the quadrants' heading"

if has_dutch "show and stats in Dutch"; then
	run with_dutch "$CJM" show --width 100 "$T/map.yaml"
	expect_rc 0 "show in Dutch: exit 0"
	expect_out_has "kanaal" "show in Dutch: the label kanaal"
	expect_out_has "eigenaar" "show in Dutch: the label eigenaar"
	expect_out_has "emotie" "show in Dutch: the curve's label emotie"
	expect_out_has "7,5" "show in Dutch: a decimal comma"
	expect_out_lacks "7.5" "show in Dutch: no decimal point"
	expect_out_lacks "channel" "show in Dutch: no English label"
	expect_out_has "tekens: ! moment of truth" "show in Dutch: the legend"
	expect_out_has "Vergelijken" "show in Dutch: the names as written"

	run with_dutch "$CJM" show --plain "$T/map.yaml"
	expect_same "$T/plain.en" "$T/out" "show --plain in Dutch: the same bytes as in English"

	run with_dutch "$CJM" stats "$T/map.yaml"
	expect_rc 0 "stats in Dutch: exit 0"
	expect_out_has "Aantallen" "stats in Dutch: the counts' heading"
	expect_out_has "  gemiddelde         -0,50" "stats in Dutch: the mean with a decimal comma"
	expect_out_has "Kwadranten (drempel tevredenheid 7, drempel impact 0,3; eronder is laag)" \
		"stats in Dutch: the quadrants' heading"
	expect_out_has "tevredenheid 7,5, impact 0,4" "stats in Dutch: a touchpoint's figures"
	expect_out_has "Emotie per eigenaar" "stats in Dutch: emotion per owner"
	expect_out_has "(geen kanaal)" "stats in Dutch: no channel"
fi

# ---- cjm diff ----
cat >"$T/new.yaml" <<'EOF2'
version: 1
title: Energie
phases:
- id: switch
  name: Overstappen
  touchpoints:
  - id: meter
    name: Meterstand
    emotion: 1
  - id: compare
    name: Vergelijken
    channel: web
    owner: sales
    emotion: 1
    satisfaction: 7.5
    impact: 0.4
    moment_of_truth: true
  - id: call
    name: Bellen
    channel: phone
- id: use
  name: Gebruik
EOF2

run "$CJM" diff "$T/map.yaml" "$T/new.yaml"
expect_rc 1 "diff in English: exit 1"
cp "$T/out" "$T/diff.en"
expect_out_has "touchpoint call: added in phase 'Overstappen' at position 2: 'Bellen'" "diff in English: added"
expect_out_has "touchpoint extra: removed (was 'Extra' in phase 'Overstap', at position 2)" \
	"diff in English: removed"
expect_out_has "phase switch: renamed 'Overstap' → 'Overstappen'" "diff in English: renamed"
expect_out_has "  moved in phase 'Overstappen' from position 1 to position 0" \
	"diff in English: moved"
expect_out_has "phase use: added at position 1: 'Gebruik'" "diff in English: a phase added"
expect_out_has "journey: mean emotion -0.50 → +1.00, peak -2 → +1, end -2 → +1, peak-end score -2.0 → +1.0" \
	"diff in English: the journey"
run "$CJM" diff --format yaml "$T/map.yaml" "$T/new.yaml"
cp "$T/out" "$T/diff.en.yaml"

if has_dutch "diff in Dutch"; then
	run with_dutch "$CJM" diff "$T/map.yaml" "$T/new.yaml"
	expect_rc 1 "diff in Dutch: exit 1"
	expect_out_has "touchpoint call: toegevoegd in fase 'Overstappen' op positie 2: 'Bellen'" "diff in Dutch: added"
	expect_out_has "  channel: 'phone'" "diff in Dutch: the keys and values as written"
	expect_out_has "touchpoint extra: verwijderd (was 'Extra' in fase 'Overstap', op positie 2)" \
		"diff in Dutch: removed"
	expect_out_has "fase switch: hernoemd 'Overstap' → 'Overstappen'" "diff in Dutch: renamed"
	expect_out_has "  verplaatst in fase 'Overstappen' van positie 1 naar positie 0" \
		"diff in Dutch: moved"
	expect_out_has "fase use: toegevoegd op positie 1: 'Gebruik'" "diff in Dutch: a phase added"
	expect_out_has "klantreis: gemiddelde emotie -0,50 → +1,00, piek -2 → +1, einde -2 → +1, piek-eindscore -2,0 → +1,0" \
		"diff in Dutch: the journey"
	expect_out_lacks "added" "diff in Dutch: no English word"
	run with_dutch "$CJM" diff --format yaml "$T/map.yaml" "$T/new.yaml"
	expect_same "$T/diff.en.yaml" "$T/out" "diff --format yaml in Dutch: the same bytes as in English"
fi

lib_finish
