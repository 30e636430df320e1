#!/bin/sh
# Runs the benchmarks from BUILD_DIR (`make bench`): load/save against libyaml, the editor, the patterns, the exports, diff and merge, the growth checks on hostile inputs, cjm log on a long history, and a live session of 50 participants.
# Extra arguments such as --quick go to the load/save benchmark (--quick to the patterns' too).
set -u
if [ $# -lt 1 ]; then
	echo "usage: sh tests/bench/run.sh BUILD_DIR [--quick] [--sizes N,N,...]" >&2
	exit 64
fi
build=$1
shift
quick=""
for arg in "$@"; do
	[ "$arg" = --quick ] && quick=--quick
done
for tool in cjm bench bench_editor bench_patterns bench_export bench_merge bench_growth bench_log bench_live; do
	if [ ! -x "$build/$tool" ]; then
		echo "run.sh: $build/$tool is missing; build it with: make $build/$tool" >&2
		exit 66
	fi
done
"$build/bench" "$@" || exit 1
echo
echo "Editor: first frame and cost per key (with a redraw) on 100x30"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cjm-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
maps=""
for n in 1000 10000 100000; do
	"$build/bench" --sample "$n" >"$tmp/map-$n.yaml" || exit 1
	maps="$maps $tmp/map-$n.yaml"
done
# shellcheck disable=SC2086
"$build/bench_editor" $maps
echo
echo "Patterns: the ten built-ins as cjm suggest runs them, against the load of the same map"
# shellcheck disable=SC2086
"$build/bench_patterns" $quick $maps
echo
echo "Exports: each format against the load of the same map (pdf and png: drawn sheet by sheet, one run from 10,000 touchpoints; minutes at 100,000)"
# shellcheck disable=SC2086
"$build/bench_export" $quick $maps
echo
echo "Diff and merge: maps that differ in 1% of their touchpoints, against loading them"
# shellcheck disable=SC2086
"$build/bench_merge" $quick $maps
echo
echo "Growth: cjm on hostile inputs at N and 10N; time per item at 10N within 2x of N (PASS/FAIL, informative)"
# shellcheck disable=SC2086
"$build/bench_growth" $quick "$build/cjm"
echo
echo "History: cjm log over 1,000 commits of a 50-touchpoint map (one rename), against git alone and loading the same blobs"
sh tests/bench/log.sh "$build" || exit 1
echo
echo "Live session: 50 participants on a 1,000-touchpoint map: a vote opened and revealed everywhere, the host's cost per key"
"$build/bench_live" "$tmp/map-1000.yaml" || exit 1
