#!/bin/sh
# Runs a libFuzzer target (build/fuzz_load: the loader; fuzz_suggest: the patterns; fuzz_import: the importers; fuzz_merge: diff, merge and settling its conflicts; fuzz_protocol: the live session's frames) for $FUZZ_SECONDS on a fresh temporary corpus of maps; non-zero on a finding.
# A target's own seeds (tests/fuzz/seeds/NAME/) and dictionary (tests/fuzz/NAME.dict) are added when there.
set -u
if [ $# -ne 1 ]; then
	echo "usage: sh tests/fuzz/run.sh FUZZ_BINARY" >&2
	exit 64
fi
bin=$1
seconds=${FUZZ_SECONDS:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -x "$bin" ]; then
	echo "fuzz: $bin is missing; build it with: make $bin" >&2
	exit 66
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/cjm-fuzz.XXXXXX") || exit 1
artifacts=$(mktemp -d "${TMPDIR:-/tmp}/cjm-fuzz-findings.XXXXXX") || {
	rm -rf "$work"
	exit 1
}
keep_artifacts=no
cleanup() {
	rm -rf "$work"
	[ "$keep_artifacts" = yes ] || rm -rf "$artifacts"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir "$work/corpus"

# Seeds: the example maps and the bad-input corpus (either may be empty or absent),
# plus two small maps of our own so a run never starts from nothing.
n=0
for f in "$root"/maps/*.yaml "$root"/tests/bad/* "$root"/tests/golden/*.mmd "$root"/tests/golden/*.csv \
	"$root"/tests/golden/*.md; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "$work/corpus/seed-$n-$(basename "$f")"
done
name=$(basename "$bin")
for f in "$root/tests/fuzz/seeds/$name"/*; do
	[ -f "$f" ] || continue
	cp "$f" "$work/corpus/own-$(basename "$f")"
done
cat "$root/tests/fuzz/yaml.dict" >"$work/dict"
[ -f "$root/tests/fuzz/$name.dict" ] && cat "$root/tests/fuzz/$name.dict" >>"$work/dict"
printf 'version: 1\ntitle: T\nphases: []\n' >"$work/corpus/seed-minimal.yaml"
cat >"$work/corpus/seed-full.yaml" <<'YAML'
version: 1
title: Switching energy supplier
persona:
  name: Sanne
  description: First-time home owner who compares prices online
brand_values: [easy, personal]
thresholds:
  satisfaction: 7
  impact: 0.3
patterns:
  soften-negatives: {enabled: true, threshold: -2}
phases:
  - id: orient
    name: Oriëntatie
    description: "Looking around: what's on offer?"
    touchpoints:
      - id: compare-prices
        name: Compare prices online
        channel: web
        owner: marketing
        emotion: 1
        satisfaction: 7.5
        impact: 0.6
        moment_of_truth: false
        brand_moment: true
        commitment: false
        visible: true
        pillars: [time-and-effort, empathy]
        pains:
          - Too many sites
        ideas:
          - One clear price
        quotes:
          - "“Ik snap er niets van.”"
        notes: |
          From interviews.
          Second line.
      - name: Welcome pack
        visible: false
        emotion: -2
dismissed:
  - {pattern: skip-steps, target: welcome-pack}
YAML

# Recoverable UBSan reports must stop the run too (the build does not pass -fno-sanitize-recover).
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export UBSAN_OPTIONS

echo "fuzz: $bin for ${seconds}s on $(find "$work/corpus" -type f | wc -l | tr -d ' ') seeds"
"$bin" -max_total_time="$seconds" -max_len=65536 -dict="$work/dict" -timeout=10 \
	-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" "$work/corpus" >"$work/log" 2>&1
rc=$?

found=$(ls "$artifacts" 2>/dev/null)
if [ "$rc" -eq 0 ] && [ -z "$found" ]; then
	units=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
	echo "fuzz: no findings (${units:-?} inputs in ${seconds}s)"
	exit 0
fi

[ -n "$found" ] && keep_artifacts=yes
tail -n 60 "$work/log"
echo "fuzz: FINDING (libFuzzer exit $rc)"
for f in "$artifacts"/*; do
	[ -f "$f" ] || continue
	echo "fuzz: input kept at $f ($(wc -c <"$f" | tr -d ' ') bytes); replay: $bin $f"
	if [ "$(wc -c <"$f")" -le 2048 ]; then
		echo "fuzz: input, escaped:"
		od -An -c "$f" | head -n 40
	fi
done
[ -n "$found" ] || echo "fuzz: no input was saved (the fuzzer itself failed?)"
exit 1
