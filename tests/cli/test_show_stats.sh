#!/bin/sh
# Command-line tests of `cjm show` (grid and --plain) and `cjm stats`: output, widths, exit codes.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_show_stats.sh
. tests/cli/lib.sh
FAST=${CJM_FAST:-$CJM}

# width FILE: the widest line of FILE in display columns (UTF-8 continuation bytes
# take none; the maps here have no double-width characters)
width() {
	LC_ALL=C tr -d '\200-\277' <"$1" | awk '{ if (length($0) > w) w = length($0) } END { print w + 0 }'
}

# A UTF-8 locale for the box-drawing tests, when this machine has one.
utf8_locale=
for l in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
	if locale -a 2>/dev/null | grep -qix "$l"; then utf8_locale=$l; break; fi
done

cat >"$T/small.yaml" <<'EOF'
version: 1
title: Test journey
thresholds:
  satisfaction: 7
  impact: 0.3
phases:
- id: orient
  name: Oriëntatie
  touchpoints:
  - id: compare-prices
    name: Compare prices online
    channel: web
    owner: marketing
    emotion: 1
    satisfaction: 7
    impact: 0.3
    pains:
    - Too many tariffs
    - Small print
    ideas:
    - One simple tariff
  - id: read-reviews
    name: Read reviews
    channel: web
    emotion: -3
    satisfaction: 6.9
    impact: 0.29
- id: empty
  name: Nothing yet
- id: decide
  name: Decide
  touchpoints:
  - id: sign
    name: Sign contract
    owner: sales
    emotion: 3
    moment_of_truth: true
    commitment: true
    notes: |
      Line one
      line two
  - id: wait
    name: Wait
    channel: email
    visible: false
EOF

cat >"$T/unscored.yaml" <<'EOF'
version: 1
title: Nothing scored
phases:
- id: only
  name: Only
  touchpoints:
  - id: a
    name: A
  - id: b
    name: B
    owner: it
EOF

cat >"$T/empty.yaml" <<'EOF'
version: 1
title: Empty
phases: []
EOF

run "$CJM" validate "$T/small.yaml"
expect_rc 0 "the small test map is valid"

# ---- show --plain ----
cat >"$T/small.plain" <<'EOF'
version: 1
title: Test journey
thresholds.satisfaction: 7
thresholds.impact: 0.3
phase orient: Oriëntatie
touchpoint orient/compare-prices: Compare prices online
orient/compare-prices channel: web
orient/compare-prices owner: marketing
orient/compare-prices emotion: 1
orient/compare-prices satisfaction: 7
orient/compare-prices impact: 0.3
orient/compare-prices pains: Too many tariffs
orient/compare-prices pains: Small print
orient/compare-prices ideas: One simple tariff
touchpoint orient/read-reviews: Read reviews
orient/read-reviews channel: web
orient/read-reviews emotion: -3
orient/read-reviews satisfaction: 6.9
orient/read-reviews impact: 0.29
phase empty: Nothing yet
phase decide: Decide
touchpoint decide/sign: Sign contract
decide/sign owner: sales
decide/sign emotion: 3
decide/sign moment_of_truth: true
decide/sign commitment: true
decide/sign notes: Line one\nline two\n
touchpoint decide/wait: Wait
decide/wait channel: email
decide/wait visible: false
EOF
run "$CJM" show "$T/small.yaml" --plain
expect_rc 0 "show --plain exits 0"
expect_same "$T/small.plain" "$T/out" "show --plain gives one line per fact, in map order"
expect_empty "$T/err" "show --plain says nothing on stderr"
COLUMNS=20 LC_ALL=${utf8_locale:-C} "$CJM" show --plain "$T/small.yaml" >"$T/plain2" 2>/dev/null
expect_same "$T/small.plain" "$T/plain2" "show --plain does not depend on the width or the locale"
"$CJM" show --plain --width 30 - <"$T/small.yaml" >"$T/plain3" 2>/dev/null
expect_same "$T/small.plain" "$T/plain3" "show --plain reads standard input, and ignores --width"
run "$CJM" show --plain "$T/empty.yaml"
expect_rc 0 "show --plain of a map without phases exits 0"
printf 'version: 1\ntitle: Empty\n' >"$T/empty.plain"
expect_same "$T/empty.plain" "$T/out" "show --plain of a map without phases is its version and title"

# grammar of every line of every example map's plain form
grammar='^(version: [0-9]+|title: .*|language: [A-Za-z0-9-]+|persona\.(name|description): .*|brand_values: .*|thresholds\.(satisfaction|impact): [0-9.]+|pattern [a-z0-9-]+ (enabled: (true|false)|threshold: -?[0-9.]+)|pattern [a-z0-9-]+: \(no settings\)|phase [a-z0-9-]+: .+|phase [a-z0-9-]+ description: .*|touchpoint [a-z0-9-]+/[a-z0-9-]+: .+|[a-z0-9-]+/[a-z0-9-]+ (channel|owner|notes|pains|ideas|quotes): .*|[a-z0-9-]+/[a-z0-9-]+ emotion: -?[0-3]|[a-z0-9-]+/[a-z0-9-]+ (satisfaction|impact): [0-9.]+|[a-z0-9-]+/[a-z0-9-]+ (moment_of_truth|brand_moment|commitment|visible): (true|false)|[a-z0-9-]+/[a-z0-9-]+ pillars: (personalisation|integrity|expectations|resolution|time-and-effort|empathy)|dismissed [a-z0-9-]+: [a-z0-9-]+)$'
for map in maps/*.yaml; do
	run "$CJM" show --plain "$map"
	expect_rc 0 "show --plain $map exits 0"
	if grep -Evq "$grammar" "$T/out"; then
		fail "every line of show --plain $map follows the grammar" "$(grep -Ev "$grammar" "$T/out" | head -n 3)"
	else
		ok "every line of show --plain $map follows the grammar"
	fi
	"$CJM" fmt "$map" >"$T/fmt.yaml" 2>/dev/null
	"$CJM" show --plain "$T/fmt.yaml" >"$T/fmt.plain" 2>/dev/null
	expect_same "$T/out" "$T/fmt.plain" "show --plain $map is the same after cjm fmt"
	n_tp=$(grep -c '^    name: ' "$map")
	check test "$(grep -c '^touchpoint ' "$T/out")" -eq "$n_tp" "show --plain $map has a line per touchpoint"
done

# as a git textconv: a diff reads as changed facts
if command -v git >/dev/null 2>&1; then
	repo=$T/repo
	mkdir "$repo"
	cp "$T/small.yaml" "$repo/map.yaml"
	(
		cd "$repo" &&
			git init -q . &&
			git config user.email t@example.org && git config user.name t &&
			git config diff.cjm.textconv "$CJM show --plain" &&
			echo '*.yaml diff=cjm' >.gitattributes &&
			git add . && git commit -qm one &&
			sed 's/emotion: -3/emotion: -2/; s/- Small print/- Fine print/' map.yaml >m && mv m map.yaml &&
			git diff >../diff.txt
	) >/dev/null 2>&1
	check grep -qx -- '-orient/read-reviews emotion: -3' "$T/diff.txt" "git diff with the textconv shows the old emotion"
	check grep -qx -- '+orient/read-reviews emotion: -2' "$T/diff.txt" "git diff with the textconv shows the new emotion"
	check grep -qx -- '+orient/compare-prices pains: Fine print' "$T/diff.txt" "git diff with the textconv shows one changed pain"
	check test "$(grep -c '^[-+][^-+]' "$T/diff.txt")" -eq 4 "git diff with the textconv changes only those lines"
fi

# ---- show: the grid ----
LC_ALL=C "$CJM" show --width 200 "$T/small.yaml" >"$T/out" 2>"$T/err"
rc=$?
expect_rc 0 "show exits 0"
expect_out_has "Test journey" "show prints the title"
expect_out_has "| Oriëntatie" "show heads a phase with its name"
expect_out_has "| Nothing yet" "show heads an empty phase"
expect_out_has "(no touchpoints)" "show marks a phase without touchpoints"
expect_out_has "Compare prices" "show names the touchpoints"
expect_out_has "Sign contract [!$]" "show marks a moment of truth and a commitment"
expect_out_has "Wait [~]" "show marks an invisible touchpoint"
expect_out_has "marks: ! moment of truth; $ commitment; ~ not visible to the customer" "show explains the marks"
expect_out_has "- Too many tariffs" "show lists the pains"
expect_out_has "- One simple tariff" "show lists the ideas"
expect_out_has "emotion +3" "show draws the emotion lane"
expect_out_lacks "│" "show draws with ASCII when the locale is not UTF-8"
# one marker per scored touchpoint, on the row of its emotion (the gutter is 11 wide)
check test "$(grep -E '^ {8}-3 ' "$T/out" | cut -c12- | tr -cd o | wc -c)" -eq 1 "the curve has the -3 marker on its row"
check test "$(grep -E '^emotion \+3 ' "$T/out" | cut -c12- | tr -cd o | wc -c)" -eq 1 "the curve has the +3 marker on its row"
check test "$(grep -E '^( {8}|emotion )[ +-][0-3] ' "$T/out" | cut -c12- | tr -cd o | wc -c)" -eq 3 "the curve has a marker per scored touchpoint"
check test "$(grep -E '^( {8}|emotion )[ +-][0-3] ' "$T/out" | cut -c12- | grep -c "[-'|]")" -ge 5 "the curve joins its markers"

if [ -n "$utf8_locale" ]; then
	LC_ALL=$utf8_locale "$CJM" show --width 200 "$T/small.yaml" >"$T/out" 2>"$T/err"
	rc=$?
	expect_rc 0 "show in a UTF-8 locale exits 0"
	expect_out_has "│ Oriëntatie" "show draws with box-drawing characters in a UTF-8 locale"
	check test "$(grep -o '●' "$T/out" | wc -l)" -eq 3 "the curve has a marker per scored touchpoint (UTF-8)"
fi

for w in 1 5 12 20 30 40 60 80 100 132 200; do
	for map in "$T/small.yaml" maps/*.yaml; do
		LC_ALL=C "$CJM" show --width "$w" "$map" >"$T/out" 2>"$T/err"
		rc=$?
		if [ "$rc" -eq 0 ] && [ "$(width "$T/out")" -le "$w" ]; then
			ok "show --width $w ${map##*/} fits"
		else
			fail "show --width $w ${map##*/} fits" "widest line: $(width "$T/out") columns"
		fi
	done
done
run "$CJM" show --width=60 maps/energy-switch.yaml
check test "$(width "$T/out")" -le 60 "show --width=60 is the same as --width 60"
check test "$(width "$T/out")" -ge 50 "show --width 60 uses the width"
COLUMNS=50 "$CJM" show maps/energy-switch.yaml >"$T/out" 2>/dev/null
check test "$(width "$T/out")" -le 50 "show fits \$COLUMNS when not on a terminal"
env -u COLUMNS "$CJM" show maps/energy-switch.yaml >"$T/out" 2>/dev/null
check test "$(width "$T/out")" -le 80 "show fits 80 columns when not on a terminal"
check test "$(width "$T/out")" -ge 70 "show uses the 80 columns"
COLUMNS=junk "$CJM" show maps/energy-switch.yaml >"$T/out" 2>/dev/null
check test "$(width "$T/out")" -le 80 "show ignores a bad \$COLUMNS"
run "$CJM" show "$T/empty.yaml"
expect_rc 0 "show of a map without phases exits 0"
expect_out_has "(no phases)" "show says a map has no phases"

# ---- show: errors ----
for bad in 0 -5 abc 12x '' 10001 1.5; do
	run "$CJM" show --width "$bad" "$T/small.yaml"
	expect_rc 64 "show --width '$bad' is a usage error"
	expect_err_has "usage: cjm show" "show --width '$bad' prints the usage"
done
run "$CJM" show "$T/small.yaml" --width
expect_rc 64 "show --width without a value is a usage error"
run "$CJM" show --frobnicate "$T/small.yaml"
expect_rc 64 "show with an unknown option is a usage error"
expect_err_has "unknown option '--frobnicate'" "show names the unknown option"
run "$CJM" show
expect_rc 64 "show without FILE is a usage error"
run "$CJM" show "$T/small.yaml" "$T/empty.yaml"
expect_rc 64 "show with two files is a usage error"
run "$CJM" show "$T/missing.yaml"
expect_rc 66 "show of a missing file exits 66"
expect_err_has "$T/missing.yaml" "show names the missing file"
run "$CJM" show tests/bad/emotion-4.yaml
expect_rc 65 "show of a bad map exits 65"
expect_err_has "tests/bad/emotion-4.yaml:" "show reports where the map is bad"
expect_empty "$T/out" "show prints nothing for a bad map"
run "$CJM" show --plain tests/bad/emotion-4.yaml
expect_rc 0 "show --plain of a bad map exits 0 (git's textconv must not fail)"
expect_out_has "# cjm: not a valid map (" "show --plain of a bad map says so, then prints its text"
if [ -w /dev/full ]; then
	"$CJM" show --plain maps/energy-switch.yaml >/dev/full 2>"$T/err"
	rc=$?
	expect_rc 74 "show to a full disk exits 74"
fi

# ---- stats ----
cat >"$T/small.stats" <<'EOF'
Test journey

Counts
  phases                 3
  touchpoints            4
  scored                 3
  unscored               1
  moments of truth       1
  brand moments          0
  commitments            1
  invisible              1

Emotion (scored touchpoints only)
  mean               +0.33
  peak                  -3  at Read reviews (orient/read-reviews)
  end                   +3  at Sign contract (decide/sign)
  peak-end score       0.0

Quadrants (satisfaction threshold 7, impact threshold 0.3; below is low)
  quadrant    touchpoints  action
  low-low               1  fix cheaply
  high-low              0  doing too well: save cost
  low-high              0  raise satisfaction first
  high-high             1  let more customers have it
  none                  2  (no satisfaction or impact)

  low-low: fix cheaply
    Read reviews (orient/read-reviews)  satisfaction 6.9, impact 0.29

  high-high: let more customers have it
    Compare prices online (orient/compare-prices)  satisfaction 7, impact 0.3

Emotion per owner
  owner       touchpoints  scored   mean
  marketing             1       1  +1.00
  sales                 1       1  +3.00
  (no owner)            2       1  -3.00

Emotion per channel
  channel       touchpoints  scored   mean
  web                     2       2  -1.00
  email                   1       0      -
  (no channel)            1       1  +3.00
EOF
run "$CJM" stats "$T/small.yaml"
expect_rc 0 "stats exits 0"
expect_same "$T/small.stats" "$T/out" "stats prints every figure (the earliest peak on a tie; thresholds are high)"
expect_empty "$T/err" "stats says nothing on stderr"

run "$CJM" stats "$T/unscored.yaml"
expect_rc 0 "stats of a map with nothing scored exits 0"
expect_out_has "  scored                 0" "stats counts no scored touchpoints"
expect_out_has "no touchpoint is scored" "stats says nothing is scored"
expect_out_lacks "peak-end score  " "stats gives no peak-end score without scores"
expect_out_has "  it                    1       0      -" "stats shows an owner without scores"
run "$CJM" stats "$T/empty.yaml"
expect_rc 0 "stats of a map without phases exits 0"
expect_out_has "  phases                 0" "stats counts no phases"
check test "$(grep -cx '  (no touchpoints)' "$T/out")" -eq 2 "stats has no owners or channels without touchpoints"
for map in maps/*.yaml; do
	run "$CJM" stats "$map"
	expect_rc 0 "stats $map exits 0"
	expect_out_has "  peak-end score" "stats $map has a peak-end score"
	n_tp=$(grep -c '^    name: ' "$map")
	expect_out_has "$(printf '  touchpoints       %6d' "$n_tp")" "stats $map counts its touchpoints"
done
"$CJM" stats - <"$T/small.yaml" >"$T/stdin.stats" 2>/dev/null
expect_same "$T/small.stats" "$T/stdin.stats" "stats reads standard input"

# ---- stats of the votes of a live session ----
cat >"$T/votes.yaml" <<'EOF'
version: 1
title: Votes
phases:
  - name: Meter
    touchpoints:
      - name: Agreed
        vote: "+1:4"
      - name: Invoice
        vote: "-2:1 +1:3 | sales: +1:2"
      - name: Readings
        vote: "-3:1 -1:2 0:1 +2:3 skip:2 | finance: +2:2 | service: -3:1 -1:1"
      - name: Skipped
        vote: "skip:3"
      - name: Unvoted
EOF
cat >"$T/votes.stats" <<'EOF'

Votes: where the room disagreed most
  Readings (meter/readings)
    7 voted, 2 skipped · range −3..+2 · finance +2.0 vs service −2.0
  Invoice (meter/invoice)
    4 voted, 0 skipped · range −2..+1
EOF
run "$CJM" stats "$T/votes.yaml"
expect_rc 0 "stats of a map with votes exits 0"
sed -n '/^Emotion per channel/,$p' "$T/out" | sed '1,3d' >"$T/votes.tail"
expect_same "$T/votes.stats" "$T/votes.tail" "stats lists the votes the room disagreed on, widest range first, without those it agreed on"
run "$CJM" stats "$T/small.yaml"
expect_out_lacks "Votes:" "stats of a map without votes has no votes section"
awk 'BEGIN { print "version: 1"; print "title: Many"; print "phases:"; print "  - name: P"; print "    touchpoints:"
	for (i = 1; i <= 7; i++) { r = i % 4; printf "      - name: T%d\n        vote: \"%s\"\n", i, r ? "0:1 +" r ":1" : "0:2" } }' >"$T/many.yaml"
run "$CJM" stats "$T/many.yaml"
check test "$(grep -c '^    . voted' "$T/out")" -eq 5 "stats lists at most 5 votes (of 6 the room disagreed on)"
check test "$(sed -n '/^Votes:/{n;p;}' "$T/out")" = "  T3 (p/t3)" "stats lists the widest range first, the earliest on a tie"
if has_dutch "Dutch stats of votes"; then
	with_dutch "$CJM" stats "$T/votes.yaml" >"$T/out" 2>"$T/err"
	expect_out_has "    7 gestemd, 2 overgeslagen · spreiding −3..+2 · finance +2,0" "Dutch stats write the vote's words and decimal comma in Dutch"
fi

run "$CJM" stats
expect_rc 64 "stats without FILE is a usage error"
run "$CJM" stats --width 80 "$T/small.yaml"
expect_rc 64 "stats with an unknown option is a usage error"
run "$CJM" stats "$T/small.yaml" "$T/empty.yaml"
expect_rc 64 "stats with two files is a usage error"
run "$CJM" stats "$T/missing.yaml"
expect_rc 66 "stats of a missing file exits 66"
run "$CJM" stats tests/bad/emotion-4.yaml
expect_rc 65 "stats of a bad map exits 65"
expect_empty "$T/out" "stats prints nothing for a bad map"

# ---- a big map: linear time ----
awk 'BEGIN {
	print "version: 1"; print "title: Big"; print "phases:"
	n = 0
	for (p = 0; p < 100; p++) {
		printf "- id: p%d\n  name: Phase %d\n  touchpoints:\n", p, p
		for (t = 0; t < 1000; t++) {
			printf "  - id: t%d\n    name: Touchpoint %d\n    owner: dept-%d\n    channel: ch-%d\n", n, n, n % 997, n % 13
			if (n % 3) printf "    emotion: %d\n", n % 7 - 3
			if (n % 2) printf "    satisfaction: %d\n    impact: 0.%d\n", n % 11, n % 10
			n++
		}
	}
}' >"$T/big.yaml"
for cmd in "show --width 132" "show --plain" stats; do
	# shellcheck disable=SC2086
	timeout 120 "$FAST" $cmd "$T/big.yaml" >"$T/out" 2>"$T/err"
	rc=$?
	expect_rc 0 "$cmd of 100,000 touchpoints exits 0 (speed is measured by make bench)"
done
expect_out_has "  touchpoints       100000" "stats counts 100,000 touchpoints"
