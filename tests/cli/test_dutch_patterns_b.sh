#!/bin/sh
# Patterns 6 to 10 in two languages: what they propose for a map (ideas, new touchpoints) is in the map's language, what they tell the user (titles, rationales, the pattern list) in the interface language.
. "$(dirname "$0")/lib.sh"

# map NAME LANGUAGE: a small map in $T/NAME.yaml that triggers patterns 6 to 10
# (LANGUAGE empty: the map names none).
map() {
	{
		echo "version: 1"
		echo "title: Webshop"
		[ -n "$2" ] && echo "language: $2"
		cat <<'YAML'
phases:
- id: orient
  name: Oriënteren
  touchpoints:
  - {id: site, name: Website bekijken, owner: marketing, emotion: -1}
- id: buy
  name: Kopen
  touchpoints:
  - {id: pay, name: Vooraf betalen, owner: sales, emotion: -2, commitment: true}
  - {id: try, name: Thuis passen, owner: sales, emotion: 2}
  - {id: form, name: Formulier opnieuw invullen, owner: sales, emotion: -2}
  - {id: check, name: Interne controle, owner: sales, emotion: -1, visible: false}
  - {id: visit, name: Monteur komt langs, owner: service, emotion: -1, satisfaction: 8, impact: 0.8}
  - {id: wrap, name: Cadeauverpakking, owner: sales, emotion: 1, satisfaction: 9, impact: 0.1}
- id: use
  name: Gebruiken
  touchpoints:
  - {id: wear, name: Dagelijks dragen, owner: service, emotion: -1}
YAML
	} >"$T/$1.yaml"
}
map nl nl
map en en
map none ""
# A journey without a commitment, thin at both ends: extend-journey at the start and the end.
for lang in nl en none; do
	{
		echo "version: 1"
		echo "title: Energie"
		[ "$lang" != none ] && echo "language: $lang"
		cat <<'YAML'
phases:
- id: orient
  name: Oriënteren
  touchpoints:
  - {id: compare, name: Tarieven vergelijken, emotion: 0}
- id: switch
  name: Overstappen
  touchpoints:
  - {id: welcome, name: Welkomstpakket, emotion: 2}
  - {id: meter, name: Meterstand doorgeven, emotion: -1}
- id: use
  name: Gebruiken
  touchpoints:
  - {id: bill, name: Jaarafrekening, emotion: -1}
YAML
	} >"$T/ext-$lang.yaml"
done

# suggest NAME PATTERN [ARGS]: cjm suggest of one pattern on map NAME, in $T/out
suggest() {
	sname=$1 pattern=$2
	shift 2
	run "$CJM" suggest "$T/$sname.yaml" --pattern "$pattern" "$@"
}

# --- the proposals follow the map's language, under an English locale ------------------
suggest ext-nl extend-journey
expect_rc 1 "extend-journey on a Dutch map: suggestions (exit 1)"
expect_out_has 'add the touchpoint "Wat doet de klant vlak hiervoor? (vraag het na)"' \
	"extend-journey, Dutch map, English locale: the new first touchpoint is named in Dutch"
expect_out_has 'add the touchpoint "Wat gebeurt er vlak daarna?"' \
	"extend-journey, Dutch map, English locale: the new last touchpoint is named in Dutch"
expect_out_has "Extend the start: what happens before 'Oriënteren'?" \
	"extend-journey, English locale: the title stays English"
expect_out_lacks "What happens just after?" "extend-journey, Dutch map: no English touchpoint name"

suggest nl skip-steps
expect_out_has "Maak 'Monteur komt langs' overbodig: laat klanten het zelf regelen" \
	"skip-steps, Dutch map: the self-service idea is Dutch"
expect_out_has "Hier kan het zuiniger: we doen het beter dan nodig (tevredenheid 9, impact 0,1)" \
	"skip-steps, Dutch map: the save-cost idea is Dutch, with a Dutch decimal comma"
expect_out_has "'Monteur komt langs' scores satisfaction 8" "skip-steps, English locale: the rationale stays English"

suggest nl intelligent-experience
expect_out_has "Onthoud wat de klant ons al vertelde en vul dat alvast in" \
	"intelligent-experience, Dutch map: the idea is Dutch"
expect_out_has "Remember and pre-fill: 'Formulier opnieuw invullen'" \
	"intelligent-experience, English locale: the title stays English"

suggest nl reorder-steps
expect_out_has "Move 'Vooraf betalen' after 'Thuis passen'" "reorder-steps, English locale: the title stays English"

suggest nl redesign
expect_out_has "Would we build this journey this way today?" "redesign, English locale: the question stays English"

# --- YAML carries the same texts --------------------------------------------------------
suggest nl skip-steps --format yaml
expect_out_has "overbodig: laat klanten het zelf regelen" "--format yaml, Dutch map: the idea is Dutch"
suggest ext-nl extend-journey --format yaml
expect_out_has "Wat gebeurt er vlak daarna?" "--format yaml, Dutch map: the new touchpoint is named in Dutch"

# --- an English map, or one naming no language, gets English proposals ------------------
for name in none en; do
	suggest ext-$name extend-journey
	expect_out_has 'add the touchpoint "What happens just after?"' "extend-journey, map language '$name': English touchpoint"
	suggest $name skip-steps
	expect_out_has "Let customers do without 'Monteur komt langs'" "skip-steps, map language '$name': English idea"
	expect_out_has "(doing too well: save cost): satisfaction 9, impact 0.1" \
		"skip-steps, map language '$name': English idea, decimal point"
	suggest $name intelligent-experience
	expect_out_has "Remember what the customer told us; pre-fill it" "intelligent-experience, map language '$name': English idea"
done

# --- under the Dutch locale: Dutch titles and rationales, the map's language for proposals -
if has_dutch "the Dutch interface of patterns 6 to 10"; then
	run with_dutch "$CJM" suggest "$T/ext-en.yaml" --pattern extend-journey
	expect_out_has "Verleng het einde: wat gebeurt er na 'Gebruiken'?" "Dutch locale: extend-journey's title is Dutch"
	expect_out_has "De laatste fase 'Gebruiken' heeft 1 touchpoint (hooguit 1)" "Dutch locale: extend-journey's rationale is Dutch"
	expect_out_has 'voeg het touchpoint "What happens just after?"' \
		"Dutch locale, English map: the new touchpoint is named in English"
	expect_out_lacks "Wat gebeurt er vlak daarna?" "Dutch locale, English map: no Dutch touchpoint name"

	run with_dutch "$CJM" suggest "$T/en.yaml" --pattern skip-steps
	expect_out_has "'Interne controle' overslaan? Klanten merken het niet" "Dutch locale: skip-steps' title is Dutch"
	expect_out_has "Klanten merken 'Interne controle' niet op (visible: false)" "Dutch locale: skip-steps' rationale is Dutch"
	expect_out_has "Let customers do without 'Monteur komt langs'" "Dutch locale, English map: skip-steps' idea is English"

	run with_dutch "$CJM" suggest "$T/en.yaml" --pattern reorder-steps
	expect_out_has "Zet 'Vooraf betalen' na 'Thuis passen'" "Dutch locale: reorder-steps' title is Dutch"
	expect_out_has "Kan de klant eerst 'Thuis passen' ervaren, en pas daarna betalen?" \
		"Dutch locale: reorder-steps asks its question in Dutch"
	expect_out_has "Ace & Tate bezorgt brillen" "Dutch locale: reorder-steps cites Ace & Tate in Dutch"

	run with_dutch "$CJM" suggest "$T/en.yaml" --pattern intelligent-experience
	expect_out_has "Onthoud en vul in: 'Formulier opnieuw invullen'" "Dutch locale: intelligent-experience's title is Dutch"
	expect_out_has "zoals Netflix leert" "Dutch locale: intelligent-experience's rationale is Dutch"
	expect_out_has "Remember what the customer told us; pre-fill it" \
		"Dutch locale, English map: intelligent-experience's idea is English"

	run with_dutch "$CJM" suggest "$T/en.yaml" --pattern redesign
	expect_out_has "Zouden we deze klantreis vandaag nog zo bouwen?" "Dutch locale: redesign's question is Dutch"
	expect_out_has "De klantreis is als geheel negatief" "Dutch locale: redesign's rationale is Dutch"

	run with_dutch "$CJM" suggest "$T/nl.yaml" --pattern skip-steps --format yaml
	expect_out_has "overbodig: laat klanten het zelf regelen" "Dutch locale, Dutch map, yaml: the idea is Dutch"
	expect_out_has "Klanten merken" "Dutch locale, yaml: the rationale is Dutch"

	# every title stays on one line within 70 bytes
	run with_dutch "$CJM" suggest "$T/nl.yaml" --all --format yaml
	long=$(sed -n 's/^ *title: //p' "$T/out" | awk 'length($0) > 74')
	if [ -z "$long" ]; then ok "Dutch locale: titles fit one line"; else notok "Dutch locale: titles fit one line" "$long"; fi

	# the pattern list: cjm patterns shows what the registry's cjm_pattern_entry_summary gives
	if grep -q cjm_pattern_entry_summary "$ROOT/src/cli/cmd_patterns.c"; then
	run with_dutch "$CJM" patterns
	expect_out_has "Tip 6: verleng je klantreis" "Dutch locale: cjm patterns describes tip 6 in Dutch"
	expect_out_has "Tip 10: een klantreis die als geheel negatief is" "Dutch locale: cjm patterns describes tip 10 in Dutch"
	expect_out_has "reorder-steps" "Dutch locale: pattern ids stay as they are"
	else
		skip "Dutch locale: cjm patterns describes the patterns in Dutch" \
			"src/cli/cmd_patterns.c does not show cjm_pattern_entry_summary yet"
	fi
fi
# --- plugin refusals and crashes are interface text -------------------------------------
PLUGINS=${CJM_TEST_PLUGINS:-$(dirname "$CJM")/plugins}
case $PLUGINS in /*) ;; *) PLUGINS=$ROOT/$PLUGINS ;; esac
if [ -f "$PLUGINS/bad-abi.so" ] && [ -f "$PLUGINS/crash-run.so" ]; then
	mkdir -p "$T/plugins"
	cp "$PLUGINS/bad-abi.so" "$PLUGINS/crash-run.so" "$T/plugins/"
	chmod 755 "$T/plugins"
	run env CJM_PLUGIN_PATH="$T/plugins" XDG_STATE_HOME="$T/state-en" "$CJM" suggest "$T/nl.yaml"
	expect_err_has "bad-abi.so not loaded: built for plugin ABI 99; this cjm needs ABI" \
		"C.UTF-8: a refused plugin is told in English"
	expect_err_has "crash-run.so crashed with SIGSEGV" "C.UTF-8: a crash is told in English"
	expect_err_has "while suggesting; it is disabled until it is reinstalled" "C.UTF-8: the crash says when and what follows"
	if has_dutch "the Dutch plugin messages"; then
		run with_dutch env CJM_PLUGIN_PATH="$T/plugins" XDG_STATE_HOME="$T/state-nl" "$CJM" suggest "$T/nl.yaml"
		expect_err_has "bad-abi.so niet geladen: gebouwd voor plugin-ABI 99; deze cjm heeft ABI" \
			"Dutch locale: a refused plugin is told in Dutch"
		expect_err_has "crash-run.so crashte met SIGSEGV" "Dutch locale: a crash is told in Dutch"
		expect_err_has "tijdens het suggereren; hij staat uit tot je hem opnieuw installeert" \
			"Dutch locale: the crash says in Dutch when and what follows"
	fi
else
	skip "plugin messages in both languages" "the test plugins are not built in $PLUGINS"
fi

run "$CJM" patterns
expect_out_has "Tip 6: extend the journey: ask what customers do just before the decision and just after delivery" \
	"C.UTF-8: cjm patterns describes tip 6 in English"

lib_finish
