#!/bin/sh
# kill -9 of `cjm fmt -w` at 200 random moments on a map of 100,000 touchpoints:
# after each kill the map is byte for byte its old or its new content (both of
# which cjm validate accepts), never a mix or a torn file, and at most one
# temporary file of a killed save is left (the next save removes it). The map
# is not canonical, and two versions with different titles take turns, so that
# every run really rewrites it. Every other run has its writes cut into 64 KiB
# pieces with a pause between (the fault shim's CJM_SLOW_WRITE), so that kills
# also fall in the middle of writing the temporary file, not only in the load
# that takes most of a run. Optimised build; CJM_KILL_SEED repeats a run.
. tests/faults/faults.sh
SHIM=${CJM_FAILSHIM:-$(cd "$(dirname "$FAST")" && pwd)/faults/failshim.so}
if [ ! -f "$SHIM" ]; then
	notok "the shim is built" "$SHIM is missing; build it with: make build/faults/failshim.so"
	exit 1
fi
KILLS=${CJM_KILLS:-200}
seed=${CJM_KILL_SEED:-$(date +%s)}
echo "# seed $seed (CJM_KILL_SEED=$seed repeats these kill times)"

# gen TITLE: 100 phases of 1000 touchpoints, with quoted names and four-space
# indents, which fmt writes plain with two; short names keep a run short
gen() {
	awk -v title="$1" 'BEGIN {
		print "version: 1"; printf "title: \"%s\"\n", title; print "phases:"
		n = 0
		for (p = 0; p < 100; p++) {
			printf "-   id: p%d\n    name: \"P%d\"\n    touchpoints:\n", p, p
			for (t = 0; t < 1000; t++) {
				printf "    -   id: t%d\n        name: \"T%d\"\n", n, n
				n++
			}
		}
	}'
}
map=$T/map.yaml
for k in 0 1; do
	gen "Kill test $k" >"$T/old$k.yaml"
	cp "$T/old$k.yaml" "$T/new$k.yaml"
	run "$FAST" fmt -w "$T/new$k.yaml"
	expect_rc 0 "version $k: fmt -w rewrites it"
	if cmp -s "$T/old$k.yaml" "$T/new$k.yaml"; then fail "version $k: fmt -w changes it"; else ok "version $k: fmt -w changes it"; fi
	for c in old new; do
		run "$FAST" validate "$T/$c$k.yaml"
		expect_rc 0 "version $k, $c content: cjm validate accepts it"
	done
done
run "$FAST" show --plain "$T/new0.yaml"
expect_out_has "T99999" "the map has 100,000 touchpoints"

# ms: milliseconds since the epoch
ms() { date +%s%N | cut -c1-13; }

SLOW=2000 # microseconds per 64 KiB: about 0.1 s more to write the map
WORKERS=2 # two maps killed side by side, so that a busy machine still runs this in time

# slowed K: the CJM_SLOW_WRITE of a run on version K (every other run is slowed)
slowed() { [ "$1" -eq 0 ] && echo "" || echo "$SLOW"; }

# how long a whole fmt -w takes here, two at a time (one plain, one slowed): the kills fall within it
t0=$(ms)
for k in 0 1; do
	cp "$T/old$k.yaml" "$T/timing$k.yaml"
	slow=$(slowed "$k")
	CJM_SLOW_WRITE=$slow LD_PRELOAD=${slow:+$SHIM} "$FAST" fmt -w "$T/timing$k.yaml" 2>/dev/null &
done
wait
t1=$(ms)
run_ms=$((t1 - t0))
echo "# one fmt -w took $run_ms ms at first"
# the kill times, as thousandths of the time a run is thought to take (see worker)
awk -v seed="$seed" -v n="$KILLS" 'BEGIN {
	srand(seed)
	for (i = 0; i < n; i++) printf "%d\n", int(rand() * 1000)
}' >"$T/delays"

# worker W: kills fmt -w on its own map at every WORKERS-th kill time, from the
# W-th; writes "runs killed old new temp-left too-many torn" and the first torn
# case. How long a run takes changes with the machine's load, so the span the
# kill times are drawn from follows it: 10% shorter after a run that finished,
# 2.5% longer after one that was killed, which settles where about one run in
# five finishes and the others are killed anywhere in them.
worker() {
	span=$run_ms
	dir=$T/w$1
	mkdir -p "$dir"
	map=$dir/map.yaml
	n=0 killed=0 old_kept=0 new_kept=0 temp_left=0 too_many=0 torn=0 torn_at=""
	awk -v w="$1" -v m="$WORKERS" 'NR % m == w' "$T/delays" >"$dir/delays"
	while read -r permille; do
		k=$((n % 2))
		wait_ms=$((permille * span / 1000))
		frac=$((wait_ms % 1000 + 1000))
		delay=$((wait_ms / 1000)).${frac#1}
		cp "$T/old$k.yaml" "$map"
		[ "$k" -eq 0 ] && slow="" || slow=$SLOW # no $(slowed): a fork less per run
		CJM_SLOW_WRITE=$slow LD_PRELOAD=${slow:+$SHIM} "$FAST" fmt -w "$map" >/dev/null 2>&1 &
		pid=$!
		sleep "$delay"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		if [ $? -eq 137 ]; then
			killed=$((killed + 1))
			span=$((span * 1025 / 1000 + 1))
		else
			span=$((span * 90 / 100))
		fi
		if cmp -s "$map" "$T/old$k.yaml"; then
			old_kept=$((old_kept + 1))
		elif cmp -s "$map" "$T/new$k.yaml"; then
			new_kept=$((new_kept + 1))
		else
			torn=$((torn + 1))
			[ -z "$torn_at" ] && cp "$map" "$dir/torn.yaml" && torn_at="version $k killed after $delay s"
		fi
		# the old and the new content are known to validate; check the file itself now and then too
		if [ $((n % 25)) -eq 0 ] && ! "$FAST" validate "$map" >/dev/null 2>&1; then
			torn=$((torn + 1))
			torn_at=${torn_at:-"version $k killed after $delay s: cjm validate refuses the map"}
		fi
		left=0
		for f in "$dir"/.map.yaml.tmp-*; do
			[ -e "$f" ] && left=$((left + 1))
		done
		[ "$left" -gt 0 ] && temp_left=$((temp_left + 1))
		[ "$left" -gt 1 ] && too_many=$((too_many + 1))
		n=$((n + 1))
	done <"$dir/delays"
	echo "$n $killed $old_kept $new_kept $temp_left $too_many $torn $span" >"$dir/result"
	echo "$torn_at" >"$dir/torn_at"
}

start=$(ms)
w=0
while [ "$w" -lt "$WORKERS" ]; do
	worker "$w" &
	w=$((w + 1))
done
wait
end=$(ms)
i=0 killed=0 old_kept=0 new_kept=0 temp_left=0 too_many=0 torn=0 torn_at=""
w=0
while [ "$w" -lt "$WORKERS" ]; do
	read -r a b c d e f g h <"$T/w$w/result" || a=0
	echo "# worker $w: kill times drawn from the first ${h:-?} ms of a run at the end"
	i=$((i + a)) killed=$((killed + b)) old_kept=$((old_kept + c)) new_kept=$((new_kept + d))
	temp_left=$((temp_left + e)) too_many=$((too_many + f)) torn=$((torn + g))
	[ -z "$torn_at" ] && torn_at=$(cat "$T/w$w/torn_at")
	w=$((w + 1))
done
map=$T/w0/map.yaml
echo "# $i runs in $(((end - start) / 1000)) s: $killed killed, $old_kept left the old content," \
	"$new_kept the new, $temp_left a temporary file"

if [ "$i" -eq "$KILLS" ]; then ok "$KILLS runs were killed or finished"; else notok "$KILLS runs were killed or finished" "only $i"; fi
if [ "$torn" -eq 0 ]; then
	ok "after each of $i kills the map is its old or its new content"
else
	notok "after each of $i kills the map is its old or its new content" \
		"$torn times not; the first: $torn_at"
fi
if [ "$too_many" -eq 0 ]; then
	ok "temporary files of killed saves do not pile up (at most one at a time)"
else
	notok "temporary files of killed saves do not pile up (at most one at a time)" "$too_many times more than one"
fi
# the kills must have hit every part of a run, or the check above proves little
if [ "$killed" -ge $((i / 2)) ] && [ "$old_kept" -gt 0 ] && [ "$new_kept" -gt 0 ]; then
	ok "the kills fell before and after the rename ($killed of $i runs killed)"
else
	notok "the kills fell before and after the rename" "$killed killed, $old_kept old, $new_kept new"
fi
if [ "$temp_left" -gt 0 ]; then
	ok "some kills fell while the temporary file was being written ($temp_left)"
else
	notok "some kills fell while the temporary file was being written" "none left a temporary file"
fi

# a last save, not killed: it removes what the killed ones left
cp "$T/old0.yaml" "$map"
run "$FAST" fmt -w "$map"
expect_rc 0 "a save after the kills succeeds"
expect_same "$T/new0.yaml" "$map" "... and writes the new content"
left=$(temp_files "$T/w0")
if [ -z "$left" ]; then ok "... and leaves no temporary file"; else fail "... and leaves no temporary file" "left: $left"; fi
lib_finish
