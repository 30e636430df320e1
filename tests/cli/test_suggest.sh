#!/bin/sh
# Command-line tests of the cards of `cjm suggest`: one entry per target with the
# others folded under it, no repeated idea, a handful per phase and a count of the
# rest, what the map holds not proposed again, and why each entry ranks where it does.
# Run from the top of the source tree:
#   CJM=build/san/cjm sh tests/cli/test_suggest.sh
. tests/cli/lib.sh

HOME=$T/home
export HOME
unset XDG_DATA_HOME CJM_PLUGIN_PATH
mkdir -p "$HOME"

# Several patterns fire on 'pay'; 'form' gets the same softening idea as 'pay'; the
# phase Order has more touchpoints with something to say than a room can take in.
write_map() {
	cat >"$1" <<EOF
version: 1
title: Internet at home
phases:
- id: order
  name: Order
  touchpoints:
  - {id: check, name: Postcode check, owner: sales, emotion: 1}
  - {id: form, name: Order form, owner: sales, emotion: -2, impact: 0.5}
  - id: pay
    name: Pay the first month
    owner: finance
    emotion: -3
    impact: 0.9
    moment_of_truth: true
    commitment: true
    ideas: [$2]
  - {id: mail, name: Confirmation mail, owner: sales, emotion: -1, impact: 0.4}
  - {id: wait, name: Wait for the modem, owner: logistics, emotion: -2, impact: 0.4}
- id: install
  name: Install
  touchpoints:
  - {id: visit, name: Technician visit, owner: service, emotion: -2, satisfaction: 8, impact: 0.8, moment_of_truth: true}
  - {id: call, name: Call the helpdesk, owner: service, emotion: -2, impact: 0.6}
  - {id: online, name: First time online, owner: service, emotion: 3, impact: 0.7}
EOF
}
write_map "$T/map.yaml" ""

# targets: the target of each entry (the "[N] pattern  target" lines), in order
targets() { sed -n 's/^\[[1-5]\] [a-z0-9-]*  \([^ ]*\).*/\1/p' "$T/out"; }
ideas() { sed -n 's/^    proposes: add the idea "\(.*\)"$/\1/p' "$T/out"; }

# --- one card per touchpoint ----------------------------------------------------
run "$CJM" suggest "$T/map.yaml" --all
expect_rc 1 "--all: exit 1"
targets >"$T/all-targets"
ideas >"$T/all-ideas"
if [ "$(grep -cx pay "$T/all-targets")" -ge 2 ]; then
	ok "the fixture: several patterns fire on 'pay' (--all lists them all)"
else
	fail "the fixture: several patterns fire on 'pay' (--all lists them all)"
fi
if [ -n "$(sort "$T/all-ideas" | uniq -d)" ]; then
	ok "the fixture: --all lists one idea twice (on two touchpoints)"
else
	fail "the fixture: --all lists one idea twice (on two touchpoints)"
fi
expect_out_lacks "also:" "--all unfolds everything: no also: line"
expect_out_lacks "more: cjm suggest --all" "--all holds nothing back"

run "$CJM" suggest "$T/map.yaml"
expect_rc 1 "the default list: exit 1"
cp "$T/out" "$T/default"
targets >"$T/targets"
if [ -z "$(sort "$T/targets" | uniq -d)" ] && [ "$(grep -cx pay "$T/targets")" -eq 1 ]; then
	ok "the default list: one entry per target"
else
	fail "the default list: one entry per target" "$(cat "$T/targets")"
fi
pay_card=$(sed -n 's/^\[\([1-5]\)\] \([a-z0-9-]*\)  pay$/\2/p' "$T/out")
pay_first=$(sed -n 's/^\[\([1-5]\)\] \([a-z0-9-]*\)  pay$/\2/p' "$T/out" | head -n 1)
pay_all=$(run "$CJM" suggest "$T/map.yaml" --all && sed -n 's/^\[[1-5]\] \([a-z0-9-]*\)  pay$/\1/p' "$T/out" | head -n 1)
if [ -n "$pay_card" ] && [ "$pay_first" = "$pay_all" ]; then
	ok "the card of 'pay' is its most urgent suggestion ($pay_card)"
else
	fail "the card of 'pay' is its most urgent suggestion" "card '$pay_card', first of --all '$pay_all'"
fi
run "$CJM" suggest "$T/map.yaml"
awk '/^\[[1-5]\] [a-z0-9-]*  pay$/ { on = 1; next } /^\[/ { on = 0 } on && /^    also: / { print }' "$T/out" >"$T/also"
if grep -q '^    also: .*[a-z]' "$T/also"; then
	ok "the others on 'pay' are folded under it: $(sed 's/^ *//' "$T/also")"
else
	fail "the others on 'pay' are folded under it" "$(cat "$T/out")"
fi

# --- no repeats -----------------------------------------------------------------
ideas >"$T/ideas"
if [ -z "$(sort "$T/ideas" | uniq -d)" ]; then
	ok "the default list proposes no idea twice"
else
	fail "the default list proposes no idea twice" "$(sort "$T/ideas" | uniq -d)"
fi
expect_out_has " on form" "the repeated idea on 'form' is named under the card it repeats"

# --- a handful per phase, and the count of the rest -----------------------------
if [ "$(grep -cxE 'check|form|pay|mail|wait' "$T/targets")" -le 3 ]; then
	ok "at most 3 entries for phase Order"
else
	fail "at most 3 entries for phase Order" "$(cat "$T/targets")"
fi
rest=$(sed -n 's/^and \([0-9][0-9]*\) more: cjm suggest --all$/\1/p' "$T/out")
shown=$(grep -c '^\[' "$T/out")
all_cards=$(run "$CJM" suggest "$T/map.yaml" --format yaml --all && grep -c '^  listed: \(card\|beyond\)$' "$T/out")
if [ -n "$rest" ] && [ "$rest" -gt 0 ] && [ $((shown + rest)) -eq "$all_cards" ]; then
	ok "the rest is counted: and $rest more: cjm suggest --all"
else
	fail "the rest is counted" "rest '$rest', shown $shown, cards in all $all_cards"
fi

# --- why each ranks where it does -------------------------------------------------
run "$CJM" suggest "$T/map.yaml"
expect_out_has "    why here: priority 1, act first: emotion -3 at a moment of truth, high impact 0.9" \
	"why: the facts of 'pay' (its emotion, a moment of truth, its impact)"
expect_out_has "    why here: priority 1, act first: about the whole journey" "why: a suggestion about the journey"
expect_out_has ", at the end of the journey" "why: the last touchpoint ends the journey"
if [ "$(grep -c '^    why here: ' "$T/out")" -eq "$(grep -c '^\[' "$T/out")" ]; then
	ok "every entry says why it ranks where it does"
else
	fail "every entry says why it ranks where it does"
fi

# --- accepted means done ------------------------------------------------------------
idea=$(awk '/^\[[1-5]\] [a-z0-9-]*  pay$/ { on = 1; next } /^\[/ { on = 0 }
	on && /^    proposes: add the idea "/ { sub(/^    proposes: add the idea "/, ""); sub(/"$/, ""); print; exit }' "$T/out")
if [ -n "$idea" ]; then
	write_map "$T/done.yaml" "'$(printf '%s' "$idea" | sed "s/'/''/g")'"
	run "$CJM" suggest "$T/done.yaml"
	expect_rc 1 "an idea already on its target: still exit 1 (the others)"
	awk '/^\[[1-5]\] [a-z0-9-]*  pay$/ { on = 1; next } /^\[/ { on = 0 } on' "$T/out" >"$T/pay"
	if grep -qF "\"$idea\"" "$T/pay" || ! grep -q 'proposes: ' "$T/pay"; then
		fail "an idea already on its target is not proposed again there" "$idea"
	else
		ok "an idea already on its target is not proposed again there"
	fi
	expect_out_has "(1 suggestion already on the map, not proposed again)" "what the map holds is counted"
	if [ "$(targets | grep -cx pay)" -eq 1 ]; then
		ok "the next suggestion on 'pay' is its card now"
	else
		fail "the next suggestion on 'pay' is its card now"
	fi
	run "$CJM" suggest "$T/done.yaml" --all
	expect_out_has "  pay  (already on the map)" "--all lists it, marked"
else
	fail "the card of 'pay' proposes an idea" "$(cat "$T/out")"
fi
run "$CJM" suggest "$T/map.yaml"
expect_out_lacks "already on the map" "nothing on the map yet: no such line"

# --- a map where nothing folds or is held back --------------------------------------
cat >"$T/small.yaml" <<'EOF'
version: 1
title: Small
phases:
- id: use
  name: Use
  touchpoints:
  - {id: a, name: Call the helpdesk, owner: service, emotion: -2}
  - {id: b, name: Read the manual, owner: service, emotion: 1}
EOF
run "$CJM" suggest "$T/small.yaml" --pattern soften-negatives
expect_rc 1 "one suggestion: exit 1"
expect_out_lacks "also:" "one suggestion per target: nothing folded"
expect_out_lacks "more: cjm suggest --all" "within the limits: no count of the rest"

# --- YAML carries the fold and the order ------------------------------------------
run "$CJM" suggest "$T/map.yaml" --format yaml
expect_rc 1 "--format yaml: exit 1"
cp "$T/out" "$T/default.yaml"
expect_out_has "  also:" "--format yaml: a card carries the suggestions folded under it"
expect_out_has "  why: " "--format yaml: each entry says why"
expect_out_lacks "listed:" "--format yaml: the default list has no listed: key"
run "$CJM" suggest "$T/map.yaml" --format yaml --all
cp "$T/out" "$T/all.yaml"
if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
	if python3 - "$T/default.yaml" "$T/all.yaml" <<'EOF'
import sys, yaml
cards = yaml.safe_load(open(sys.argv[1]))
everything = yaml.safe_load(open(sys.argv[2]))
targets = [c["target"] for c in cards]
assert len(targets) == len(set(targets)), targets
assert all(c["why"].startswith("priority %d" % c["priority"]) for c in cards), cards
pay = [c for c in cards if c["target"] == "pay"][0]
assert len(pay["also"]) >= 2 and all("also" not in a for a in pay["also"]), pay
assert {a["target"] for a in pay["also"]} == {"pay", "form"}, pay
folded = [s for s in everything if s["listed"] == "folded"]
assert folded and all(everything[s["folded-under"]]["listed"] == "card" for s in folded), everything
assert sum(len(c.get("also", [])) for c in cards) == sum(
    1 for s in folded if everything[s["folded-under"]]["listed"] == "card"), (cards, everything)
assert len(cards) == sum(1 for s in everything if s["listed"] == "card" and not s["dismissed"])
EOF
	then
		ok "--format yaml parses back: one card per target, also: and folded-under: agree with --all"
	else
		fail "--format yaml parses back: one card per target, also: and folded-under: agree with --all"
	fi
else
	skip "--format yaml parses back" "no python3 with PyYAML"
fi

lib_finish
