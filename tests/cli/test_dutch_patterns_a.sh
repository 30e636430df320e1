#!/bin/sh
# Command-line tests of the first five patterns in two languages: the ideas they propose
# are in the map's language (`language: nl` gets Dutch ideas whatever the locale), their
# titles and rationales in the interface language (Dutch under the Dutch locale).
# Run from the top of the source tree:
#   CJM=build/san/cjm sh tests/cli/test_dutch_patterns_a.sh
. tests/cli/lib.sh

HOME=$T/home
export HOME
unset XDG_DATA_HOME CJM_PLUGIN_PATH
mkdir -p "$HOME"

# A map on which all five fire: soften-negatives (t2, t4, t6), amplify-peaks (t3),
# moments-of-truth (t2 falls short, t8 is high on both), strong-start (t1 opens the
# journey, t5 follows the commitment t4), end-with-smile (t6). LANGUAGE_LINE is the
# map's language line (or nothing); the names are the same in every variant, so only
# the language decides what the patterns write.
write_map() {
	{
		echo "version: 1"
		echo "title: Schade melden"
		[ -n "$2" ] && echo "language: $2"
		cat <<'EOF'
phases:
- id: p1
  name: Melden
  touchpoints:
  - {id: t1, name: Contactformulier invullen, emotion: 0}
  - {id: t2, name: Schadelijn bellen, emotion: -3, moment_of_truth: true, satisfaction: 3, impact: 0.9, pains: [Lang in de wachtrij]}
  - {id: t3, name: Pakket ontvangen, emotion: 3}
  - {id: t8, name: Offerte op maat, emotion: 1, satisfaction: 9, impact: 0.8}
  - {id: t4, name: Eerste factuur, emotion: -2, commitment: true}
  - {id: t5, name: Welkomstmail, emotion: -1}
  - {id: t6, name: Afsluiting, emotion: -2}
EOF
	} >"$1"
}
write_map "$T/nl.yaml" nl
write_map "$T/en.yaml" en
write_map "$T/none.yaml" ""

# The Dutch ideas, one a pattern (and the second of moments-of-truth and strong-start).
NL_SOFTEN='Stuur met de eerste factuur een korte, persoonlijke videoboodschap van de accountmanager mee'
NL_AMPLIFY='Stop een persoonlijk, handgeschreven bedankkaartje in het pakketje'
NL_TRUTH='Goedemiddag meneer Jansen, ik heb uw gegevens al bij de hand'
NL_BEST='Laat meer klanten dit beleven: maak het de standaard in plaats van de uitzondering'
NL_START='Maak van de bedankpagina en de bevestigingsmail een wauw-moment'
NL_CONFIRM='Bevestig hier dat de klant de juiste keuze heeft gemaakt'
NL_END='Eindig met een glimlach: sluit de klantreis af met een moment om te onthouden'
# and the English ones
EN_SOFTEN='Send a short personal video from the account manager with the first invoice'
EN_AMPLIFY='Add a handwritten thank-you card to the parcel'
EN_TRUTH='Good afternoon, I have your details here'
EN_BEST='Let more customers experience this: make it the standard rather than the exception'
EN_START='Make the thank-you page and the confirmation mail a' # then 'wow', quoted
EN_CONFIRM='Confirm the choice here: a personal message'
EN_END='End on a high: close the journey with a memorable moment'

# ideas_are LANG WHAT NAME: stdout holds every idea of language LANG (NL or EN) and none
# of the other; WHAT says which output it is, for the check's name.
ideas_are() {
	want=$1
	other=NL
	[ "$want" = NL ] && other=EN
	missing=
	for idea in SOFTEN AMPLIFY TRUTH BEST START CONFIRM END; do
		eval "text=\$${want}_$idea"
		grep -qF -- "$text" "$T/out" || missing="$missing $idea"
		eval "text=\$${other}_$idea"
		grep -qF -- "$text" "$T/out" && missing="$missing $idea($other)"
	done
	# cjm suggest exits 1 when it has suggestions
	if [ "$rc" -le 1 ] && [ -s "$T/out" ] && [ -z "$missing" ]; then
		ok "$2"
	else
		fail "$2" "ideas not in the expected language:$missing"
	fi
}

# The Dutch map: Dutch ideas under C.UTF-8, in the text and the yaml output; titles and
# rationales stay English.
run "$CJM" suggest --all "$T/nl.yaml"
ideas_are NL "nl map, English locale: Dutch ideas (text)"
expect_out_has "proposes: add the idea \"$NL_SOFTEN" "nl map, English locale: the text shows the Dutch idea it proposes"
expect_out_has "Soften 'Eerste factuur'" "nl map, English locale: English title"
expect_out_has "Emotion -2 at 'Eerste factuur' in phase 'Melden'." "nl map, English locale: English rationale"
expect_out_lacks "Verzacht" "nl map, English locale: no Dutch title"
run "$CJM" suggest --all --format yaml "$T/nl.yaml"
ideas_are NL "nl map, English locale: Dutch ideas (yaml)"
expect_out_has "    text: 'Stuur met de eerste factuur" "nl map, English locale: the yaml edit holds the Dutch idea"
expect_out_has "  title: Amplify 'Pakket ontvangen'" "nl map, English locale: English title in yaml"

# The English map and the map without a language: English ideas, also under Dutch.
run "$CJM" suggest --all "$T/en.yaml"
ideas_are EN "en map, English locale: English ideas"
expect_out_has "Start strong at 'Contactformulier invullen'" "en map, English locale: English title"
expect_out_has "The journey ends at 'Afsluiting' with emotion -2, 1.4 below the journey's mean of -0.6 over 7 scored touchpoints; the peak is -3 at 'Schadelijn bellen'." \
	"en map, English locale: English rationale, English numbers"
run "$CJM" suggest --all "$T/none.yaml"
ideas_are EN "map without a language, English locale: English ideas"

if has_dutch "Dutch locale"; then
	run with_dutch "$CJM" suggest --all "$T/en.yaml"
	ideas_are EN "en map, Dutch locale: English ideas"
	expect_out_has "Verzacht 'Eerste factuur'" "en map, Dutch locale: Dutch title"
	run with_dutch "$CJM" suggest --all --format yaml "$T/en.yaml"
	ideas_are EN "en map, Dutch locale: English ideas (yaml)"
	run with_dutch "$CJM" suggest --all "$T/none.yaml"
	ideas_are EN "map without a language, Dutch locale: English ideas"

	run with_dutch "$CJM" suggest --all "$T/nl.yaml"
	ideas_are NL "nl map, Dutch locale: Dutch ideas"
	# a title and a rationale of each pattern, in Dutch, numbers with a comma
	expect_out_has "Verzacht 'Schadelijn bellen'" "Dutch title: soften-negatives"
	expect_out_has "Emotie -3 bij 'Schadelijn bellen', de laagste van fase 'Melden'; tevredenheid 3, impact 0,9. Pijnpunt: 'Lang in de wachtrij'." \
		"Dutch rationale: soften-negatives"
	expect_out_has "Versterk de piek bij 'Pakket ontvangen'" "Dutch title: amplify-peaks"
	expect_out_has "Emotie +3 bij 'Pakket ontvangen', de hoogste van de klantreis: omhoog vanaf 'Schadelijn bellen' (-3), daarna omlaag naar 'Offerte op maat' (+1). Positieve momenten wegen minder zwaar dan negatieve" \
		"Dutch rationale: amplify-peaks"
	expect_out_has "Versterk 'Schadelijn bellen'" "Dutch title: moments-of-truth"
	expect_out_has "Moment of truth 'Schadelijn bellen': emotie -3 (op of onder 0), tevredenheid 3 (onder 7), impact 0,9. Hier valt of staat de klantbeleving" \
		"Dutch rationale: moments-of-truth, a moment that falls short"
	expect_out_has "Laat meer klanten 'Offerte op maat' beleven" "Dutch title: moments-of-truth, the best moment"
	expect_out_has "Moment met hoge impact 'Offerte op maat': emotie +1, tevredenheid 9, impact 0,8; tevredenheid en impact allebei hoog (op of boven 7 en 0,3). Zo'n moment gun je meer klanten." \
		"Dutch rationale: moments-of-truth, the best moment"
	expect_out_has "Begin sterk bij 'Contactformulier invullen'" "Dutch title: strong-start"
	expect_out_has "Bevestig de keuze bij 'Welkomstmail'" "Dutch title: strong-start after a commitment"
	expect_out_has "Vlak na het commitment bij 'Eerste factuur' komt de klant bij 'Welkomstmail', met emotie -1 (onder 1). Juist nu slaat de twijfel toe" \
		"Dutch rationale: strong-start"
	expect_out_has "Eindig met een glimlach bij 'Afsluiting'" "Dutch title: end-with-smile"
	expect_out_has "De klantreis eindigt bij 'Afsluiting' met emotie -2, 1,4 onder het gemiddelde van -0,6 over 7 gescoorde touchpoints; de piek is -3 bij 'Schadelijn bellen'. Klanten onthouden de piek en het einde" \
		"Dutch rationale: end-with-smile"
	expect_out_lacks "Soften '" "nl map, Dutch locale: no English title left"
	expect_out_lacks "Emotion " "nl map, Dutch locale: no English rationale left"

	# A long name: the Dutch title still fits one line of CJM_PU_TITLE_MAX (70) bytes.
	long='Laat meer klanten dit beleven door de hele aanvraag en het hele traject eromheen'
	sed "s/name: Offerte op maat/name: $long/" "$T/nl.yaml" >"$T/long.yaml"
	run with_dutch "$CJM" suggest --all --format yaml --pattern moments-of-truth "$T/long.yaml"
	title=$(sed -n "s/^  title: //p" "$T/out" | grep "^'\{0,1\}Laat meer klanten" | head -n 1)
	len=$(printf '%s' "$title" | sed "s/^'\(.*\)'\$/\1/; s/''/'/g" | wc -c)
	case $title in
	*"...'' beleven'" | *"...' beleven")
		if [ "$len" -le 70 ]; then ok "a long name is shortened within the Dutch title"; else
			notok "a long name is shortened within the Dutch title" "$len bytes: $title"; fi ;;
	*) notok "a long name is shortened within the Dutch title" "title: $title" ;;
	esac
fi

# Accepting writes the idea in the map's language into the file: cjm has no command-line
# way to accept, so the editor does it (s opens the panel of the selected touchpoint,
# Enter accepts its first suggestion, :w saves), once for a Dutch map under an English
# locale and once for an English map under the Dutch locale.
write_small() {
	cat >"$1" <<EOF
version: 1
title: Factuur
language: $2
phases:
- id: p1
  name: Betalen
  touchpoints:
  - {id: t1, name: Aanmelden, emotion: 2}
  - {id: t2, name: Eerste factuur, emotion: -3}
  - {id: t3, name: Gebruik, emotion: 2}
EOF
}
# accept MAP WANT NAME: accepts the first suggestion on the first invoice and saves;
# the file then holds WANT
accept() {
	tui_start 100 30 "$CJM" "$1"
	tui_wait_for "Eerste factuur" || return
	tui_keys Home l s
	tui_wait_for "Eerste factuur'" || return
	tui_keys Enter
	tui_wait_for "✓" || return
	tui_keys q
	tui_sync
	tui_keys : w Enter
	i=0
	while ! grep -qF -- "$2" "$1" && [ $i -lt 50 ]; do
		sleep 0.2
		i=$((i + 1))
	done
	tui_keys : q Enter
	tui_wait_exit >/dev/null
	if grep -q "^    ideas:" "$1" && grep -qF -- "$2" "$1"; then ok "$3"; else
		notok "$3" "$(cat "$1")"; fi
}
if ! command -v tmux >/dev/null 2>&1; then
	skip "accepting writes the idea in the map's language" "no tmux here"
else
	. tests/tui/tmux.sh
	write_small "$T/accept-nl.yaml" nl
	accept "$T/accept-nl.yaml" "$NL_SOFTEN" "nl map, English locale: accepting writes the Dutch idea into the file"
	if grep -qF -- "$EN_SOFTEN" "$T/accept-nl.yaml"; then
		notok "nl map: no English idea in the file" "$(cat "$T/accept-nl.yaml")"
	else
		ok "nl map: no English idea in the file"
	fi
	if has_dutch "accepting under the Dutch locale"; then
		write_small "$T/accept-en.yaml" en
		TUI_LANG=$NL_LOCALE
		accept "$T/accept-en.yaml" "$EN_SOFTEN" "en map, Dutch locale: accepting writes the English idea into the file"
		unset TUI_LANG
	fi
fi

lib_finish
