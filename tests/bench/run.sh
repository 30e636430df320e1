#!/bin/sh
# Runs the load/save benchmark from BUILD_DIR (`make bench`); extra arguments such as --quick go to it.
set -u
if [ $# -lt 1 ]; then
	echo "usage: sh tests/bench/run.sh BUILD_DIR [--quick] [--sizes N,N,...]" >&2
	exit 64
fi
build=$1
shift
if [ ! -x "$build/bench" ]; then
	echo "run.sh: $build/bench is missing; build it with: make $build/bench" >&2
	exit 66
fi
exec "$build/bench" "$@"
