#!/bin/sh
# A map of 10,000 touchpoints (100 phases of 100) opens, jumps to its end and
# start, takes a change and saves it, all in bounded time (optimised build).
. tests/cli/lib.sh
. tests/tui/tmux.sh
FAST=${CJM_FAST:-$CJM}

map=$T/big.yaml
awk 'BEGIN {
	print "version: 1"; print "title: Big"; print "phases:"
	n = 0
	for (p = 0; p < 100; p++) {
		printf "- id: p%d\n  name: Phase %d\n  touchpoints:\n", p, p
		for (t = 0; t < 100; t++) {
			printf "  - id: t%d\n    name: Touchpoint %d\n    owner: dept-%d\n    channel: ch-%d\n", n, n, n % 97, n % 13
			if (n % 3) printf "    emotion: %d\n", n % 7 - 3
			n++
		}
	}
}' >"$map"
"$FAST" show --plain "$map" >"$T/plain.before"

# seconds since the epoch with tenths, for the timing evidence
now() { date +%s.%N | cut -c1-12; }

tui_start 100 30 "$FAST" "$map"
t0=$(now)
tui_status_has "Phase 0 > Touchpoint 0 |" "the big map opens on its first touchpoint" 30
t1=$(now)
echo "# opened in $(awk "BEGIN { print $t1 - $t0 }") s"

tui_keys End
tui_status_has "Phase 99 > Touchpoint 9999 |" "End selects the last touchpoint" 10
tui_expect "Touchpoint 9999" "the last touchpoint is drawn"
tui_keys Home
tui_status_has "Phase 0 > Touchpoint 0 |" "Home selects the first touchpoint again" 10
tui_keys ']' ']'
tui_status_has "Phase 2 > Touchpoint 200 |" "] ] jumps two phases on"
tui_keys '['
tui_status_has "Phase 1 > Touchpoint 100 |" "[ jumps a phase back"

# a change at the very end, saved
tui_keys End -
tui_status_has "Phase 99 > Touchpoint 9999 |" "End again"
tui_expect "●-1" "- scores the last touchpoint -1"
tui_status_has " [+] " "the big map is unsaved"
tui_keys : w q Enter
tui_expect_rc 0 ":wq saves the big map and exits 0" 30
run "$FAST" validate "$map"
expect_rc 0 "the saved big map validates"
"$FAST" show --plain "$map" >"$T/plain.after"
echo "p99/t9999 emotion: -1" >"$T/expected.diff"
diff "$T/plain.before" "$T/plain.after" | grep '^[<>]' | sed 's/^> //' >"$T/got.diff"
expect_same "$T/expected.diff" "$T/got.diff" "the saved big map differs in that one emotion only"
tui_no_leftovers "$map" "no recovery or lock file is left"

# the same under the sanitizers (slower: 30 s bounds)
tui_start 100 30 "$CJM" "$map"
tui_status_has "Phase 0 > Touchpoint 0 |" "ASan build: the big map opens" 30
tui_keys End
tui_status_has "Phase 99 > Touchpoint 9999 |" "ASan build: End selects the last touchpoint" 30
tui_keys + : q ! Enter
tui_expect_rc 0 "ASan build: :q! exits 0 (no sanitizer reports)" 30
"$FAST" show --plain "$map" >"$T/plain.again"
expect_same "$T/plain.after" "$T/plain.again" "ASan build: :q! left the big map as it was"
lib_finish
