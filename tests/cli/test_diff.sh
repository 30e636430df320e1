#!/bin/sh
# Command-line tests of `cjm diff`: exit codes, exact text and YAML output, colour, git's external-diff form and a real git diff.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_diff.sh
. tests/cli/lib.sh

cat >"$T/old.yaml" <<'EOF2'
version: 1
title: Energie
brand_values:
- easy
phases:
- id: switch
  name: Overstap
  touchpoints:
  - id: compare
    name: Vergelijken
    emotion: 1
  - id: meter
    name: Meterstand
    emotion: 0
  - id: welcome-pack
    name: Welkomstpakket
    visible: false
- id: use
  name: Gebruik
  touchpoints:
  - id: app
    name: App
    emotion: 2
- id: invoice
  name: Jaarafrekening
  touchpoints:
  - id: first-invoice
    name: Eerste jaarafrekening
    emotion: -3
    pains:
    - € 480 bijbetalen
EOF2

cat >"$T/new.yaml" <<'EOF2'
version: 1
title: Energie
brand_values:
- easy
- personal
phases:
- id: switch
  name: Overstap
  touchpoints:
  - id: compare
    name: Vergelijken
    emotion: 1
- id: use
  name: Gebruik & service
  touchpoints:
  - id: meter
    name: Meterstand
    emotion: 0
  - id: app
    name: App
    emotion: 2
  - id: call-back
    name: Terugbellen
    channel: phone
    emotion: 2
- id: invoice
  name: Jaarafrekening
  touchpoints:
  - id: first-invoice
    name: Eerste jaarafrekening
    emotion: -1
    pains:
    - Uitleg vooraf
EOF2

cat >"$T/expected.txt" <<'EOF2'
brand_values: added 'personal'
touchpoint welcome-pack: removed (was 'Welkomstpakket' in phase 'Overstap', at position 2)
  visible: false
phase use: renamed 'Gebruik' → 'Gebruik & service'
touchpoint meter: moved from phase 'Overstap' position 1 to phase 'Gebruik & service' position 0
touchpoint call-back: added in phase 'Gebruik & service' at position 2: 'Terugbellen'
  channel: 'phone'
  emotion: +2
touchpoint first-invoice ('Eerste jaarafrekening', phase 'Jaarafrekening'):
  emotion: -3 → -1
  pains: removed '€ 480 bijbetalen'
  pains: added 'Uitleg vooraf'
journey: mean emotion 0.00 → +0.80, peak -3 → +2, end -3 → -1, peak-end score -3.0 → +0.5
EOF2

# --- exit codes and the text form ---------------------------------------------
run "$CJM" diff "$T/old.yaml" "$T/old.yaml"
expect_rc 0 "the same map: exit 0"
expect_empty "$T/out" "the same map: nothing printed"

run "$CJM" diff "$T/old.yaml" "$T/new.yaml"
expect_rc 1 "different maps: exit 1"
expect_same "$T/out" "$T/expected.txt" "the text form, exactly"
expect_empty "$T/err" "nothing on stderr"

run "$CJM" diff "$T/old.yaml"
expect_rc 64 "one file: usage error"
expect_err_has "usage: cjm diff" "the usage line is printed"
run "$CJM" diff "$T/old.yaml" "$T/new.yaml" "$T/new.yaml"
expect_rc 64 "three files: usage error"
run "$CJM" diff --bogus "$T/old.yaml" "$T/new.yaml"
expect_rc 64 "unknown option: usage error"
run "$CJM" diff --format xml "$T/old.yaml" "$T/new.yaml"
expect_rc 64 "unknown format: usage error"
run "$CJM" diff --color=sometimes "$T/old.yaml" "$T/new.yaml"
expect_rc 64 "unknown --color: usage error"

printf 'version: 1\ntitle: Bad\nphases:\n- id: p\n  name: P\n  touchpoints:\n  - id: t\n    name: T\n    emotion: 7\n' >"$T/bad.yaml"
run "$CJM" diff "$T/old.yaml" "$T/bad.yaml"
expect_rc 65 "a bad map: exit 65"
expect_err_has "bad.yaml:9:" "the bad map's problem is located"
run "$CJM" diff "$T/missing.yaml" "$T/new.yaml"
expect_rc 66 "a missing file: exit 66"

# --- the YAML form ------------------------------------------------------------
run "$CJM" diff --format yaml "$T/old.yaml" "$T/new.yaml"
expect_rc 1 "--format yaml: exit 1"
cp "$T/out" "$T/diff.yaml"
head -n 12 "$T/diff.yaml" >"$T/head.yaml"
cat >"$T/expected-head.yaml" <<'EOF2'
same: false
changes:
- kind: map
  change: item-added
  field: brand_values
  item: personal
- kind: touchpoint
  change: removed
  id: welcome-pack
  name: Welkomstpakket
  phase: switch
  position: 2
EOF2
expect_same "$T/head.yaml" "$T/expected-head.yaml" "the YAML form, exactly (its start)"
expect_out_has "- kind: touchpoint
  change: moved
  id: meter
  name: Meterstand
  phase: use
  position: 0
  from:
    phase: switch
    position: 1
  to:
    phase: use
    position: 0" "a move in YAML"
cat >"$T/expected-tail.yaml" <<'EOF2'
journey:
  before:
    scored: 4
    mean: 0
    peak: -3
    end: -3
    peak_end: -3
  after:
    scored: 5
    mean: 0.8
    peak: 2
    end: -1
    peak_end: 0.5
EOF2
tail -n 13 "$T/diff.yaml" >"$T/tail.yaml"
expect_same "$T/tail.yaml" "$T/expected-tail.yaml" "the YAML figures, exactly"
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
	if /usr/bin/python3 -c '
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
assert d["same"] is False
kinds = [(c["kind"], c["change"], c.get("id")) for c in d["changes"]]
assert ("touchpoint", "moved", "meter") in kinds, kinds
e = [c for c in d["changes"] if c.get("field") == "emotion" and c["id"] == "first-invoice"][0]
assert e["old"] == -3 and e["new"] == -1, e
assert d["journey"]["after"]["peak_end"] == 0.5
' "$T/diff.yaml" 2>"$T/err"; then ok "the YAML parses, with typed values"; else fail "the YAML parses, with typed values"; fi
	run "$CJM" diff --format yaml "$T/old.yaml" "$T/old.yaml"
	if /usr/bin/python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert d["same"] is True and d["changes"] == []' "$T/out"; then
		ok "the YAML of no change parses"
	else
		fail "the YAML of no change parses"
	fi
else
	echo "ok - the YAML parses # SKIP no /usr/bin/python3 with yaml"
fi

# --- colour -------------------------------------------------------------------
esc=$(printf '\033')
run "$CJM" diff "$T/old.yaml" "$T/new.yaml"
if grep -q "$esc" "$T/out"; then fail "no escape codes when stdout is not a terminal"; else ok "no escape codes when stdout is not a terminal"; fi
run "$CJM" diff --color=always "$T/old.yaml" "$T/new.yaml"
if grep -q "$esc\[31m" "$T/out" && grep -q "$esc\[32m" "$T/out"; then ok "--color=always colours"; else fail "--color=always colours"; fi
run "$CJM" diff --color=never "$T/old.yaml" "$T/new.yaml"
expect_same "$T/out" "$T/expected.txt" "--color=never is the plain text"
if command -v script >/dev/null 2>&1; then
	# a terminal on stdout: colour, unless NO_COLOR
	env -u NO_COLOR script -qec "\"$CJM\" diff \"$T/old.yaml\" \"$T/new.yaml\"" /dev/null >"$T/tty.out" 2>&1 </dev/null
	if grep -q "$esc\[3" "$T/tty.out"; then ok "colour on a terminal"; else notok "colour on a terminal" "$(head -c 300 "$T/tty.out")"; fi
	NO_COLOR=1 script -qec "\"$CJM\" diff \"$T/old.yaml\" \"$T/new.yaml\"" /dev/null >"$T/tty.out" 2>&1 </dev/null
	if grep -q "$esc\[3" "$T/tty.out"; then notok "NO_COLOR on a terminal: no colour" "$(head -c 300 "$T/tty.out")"; else ok "NO_COLOR on a terminal: no colour"; fi
else
	echo "ok - colour on a terminal # SKIP no script(1)"
fi

# --- git's external-diff form -------------------------------------------------
run "$CJM" diff maps/j.yaml "$T/old.yaml" 1111111 100644 "$T/new.yaml" 2222222 100644
expect_rc 0 "seven arguments: exit 0 although the maps differ"
printf 'cjm diff a/maps/j.yaml b/maps/j.yaml\n' >"$T/expected7.txt"
cat "$T/expected.txt" >>"$T/expected7.txt"
expect_same "$T/out" "$T/expected7.txt" "seven arguments: a header naming the path, then the diff"
run "$CJM" diff maps/j.yaml "$T/old.yaml" 1111111 100644 "$T/old.yaml" 1111111 100644
expect_rc 0 "seven arguments, the same maps: exit 0"
expect_empty "$T/out" "seven arguments, the same maps: nothing printed"
run "$CJM" diff maps/j.yaml /dev/null 0000000 100644 "$T/new.yaml" 2222222 100644
expect_rc 0 "an added map (/dev/null): exit 0"
expect_out_has "cjm diff a/maps/j.yaml b/maps/j.yaml" "an added map: the header"
expect_out_has "title: (none) → 'Energie'" "an added map: its title added"
expect_out_has "touchpoint call-back: added in phase 'Gebruik & service' at position 2: 'Terugbellen'" "an added map: every touchpoint added"
expect_out_has "journey: mean emotion none → +0.80" "an added map: the figures from none"
run "$CJM" diff maps/j.yaml "$T/old.yaml" 1111111 100644 /dev/null 0000000 100644
expect_rc 0 "a deleted map (/dev/null): exit 0"
expect_out_has "touchpoint first-invoice: removed (was 'Eerste jaarafrekening' in phase 'Jaarafrekening', at position 0)" "a deleted map: every touchpoint removed"
run env GIT_DIFF_PATH_TOTAL=1 "$CJM" diff maps/j.yaml
expect_rc 0 "git's one-argument form (an unmerged path): exit 0"
expect_out_has "cjm diff maps/j.yaml: unmerged" "an unmerged path is said to be unmerged"
run "$CJM" diff maps/j.yaml "$T/old.yaml" 1111111 100644 "$T/bad.yaml" 2222222 100644
expect_rc 0 "seven arguments, a bad map: exit 0 (git goes on)"
expect_out_has "b/maps/j.yaml: not a valid map (" "seven arguments, a bad map: says which side"
expect_out_has "--- a/maps/j.yaml" "seven arguments, a bad map: then a text diff"
run "$CJM" diff "$T/old.yaml" "$T/bad.yaml"
expect_rc 65 "two arguments, a bad map: exit 65"

# --- a real git diff ----------------------------------------------------------
lib_git_sandbox
g() { git -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main "$@"; }
repo=$T/repo
g init -q "$repo" || exit 1
cd "$repo" || exit 1
echo '*.yaml diff=cjm' >.gitattributes
g config diff.cjm.command "$CJM diff"
cp "$T/old.yaml" journey.yaml
g add .gitattributes journey.yaml && g commit -q -m "a map"
cp "$T/new.yaml" journey.yaml
run g diff
expect_rc 0 "git diff with cjm diff as the external diff runs"
expect_out_has "cjm diff a/journey.yaml b/journey.yaml" "git diff: the header names the path"
expect_out_has "touchpoint meter: moved from phase 'Overstap' position 1 to phase 'Gebruik & service' position 0" "git diff: the move"
expect_out_has "  emotion: -3 → -1" "git diff: the changed emotion"
expect_out_lacks "+    emotion: -1" "git diff: no raw YAML lines"
g commit -q -am "workshop"
run g log -p --ext-diff --format=%s -1
expect_out_has "phase use: renamed 'Gebruik' → 'Gebruik & service'" "git log -p --ext-diff uses it"
g mv journey.yaml renamed.yaml
sed -i 's/emotion: -1/emotion: 2/' renamed.yaml
g add renamed.yaml
run g diff --cached -M
expect_rc 0 "git diff of a renamed map (nine arguments) runs"
expect_out_has "cjm diff a/journey.yaml b/renamed.yaml" "a renamed map: the header names both paths"
expect_out_has "  emotion: -1 → +2" "a renamed map: the change"
g commit -q -m "renamed"
cp "$T/new.yaml" second.yaml
g add second.yaml
run g diff --cached
expect_rc 0 "git diff of an added map runs"
expect_out_has "cjm diff a/second.yaml b/second.yaml" "an added map in git: the header"
expect_out_has "touchpoint call-back: added" "an added map in git: its touchpoints added"
lib_finish
