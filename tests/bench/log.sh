#!/bin/sh
# The cjm log benchmark: a 1,000-commit history of one map (built with git fast-import,
# each commit changing one emotion, one renaming the map), timed against the bare git
# work it needs (the same git log --follow --raw and git cat-file --batch of the same blobs,
# tests/bench/bench_log.c) plus loading those blobs and computing their figures in memory.
# Usage: sh tests/bench/log.sh BUILD_DIR [COMMITS]   (its cjm, bench --sample and bench_log)
set -u
cjm=$1/cjm
bench=$1/bench
bench_log=$1/bench_log
commits=${2:-1000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cjm-bench-log.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export HOME GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL
repo=$tmp/repo
git init -q -b main "$repo" 2>/dev/null || { git init -q "$repo" && git -C "$repo" symbolic-ref HEAD refs/heads/main; }
"$bench" --sample 50 >"$tmp/map.yaml" || exit 1

# commit i sets the (i mod E)-th emotion to ((i mod 7) - 3) and the title to its number
# (so every commit changes the map); at the middle the map moves
LC_ALL=C awk -v commits="$commits" '
	{ line[++n] = $0; if ($0 ~ /^ *emotion: /) em[++e] = n; if ($0 ~ /^title: /) title = n }
	END {
		for (i = 1; i <= commits; i++) {
			k = em[(i % e) + 1]
			sub(/emotion: .*/, "emotion: " ((i % 7) - 3), line[k])
			if (title) line[title] = "title: Workshop " i
			text = ""
			for (j = 1; j <= n; j++) text = text line[j] "\n"
			msg = "Workshop " i
			printf "commit refs/heads/main\nmark :%d\n", i
			printf "author Anna <anna@example.com> %d +0100\ncommitter Anna <anna@example.com> %d +0100\n", 1700000000 + i * 3600, 1700000000 + i * 3600
			printf "data %d\n%s\n", length(msg), msg
			if (i > 1) printf "from :%d\n", i - 1
			path = i <= commits / 2 ? "map.yaml" : "maps/journey.yaml"
			if (i == int(commits / 2) + 1) printf "D map.yaml\n"
			printf "M 100644 inline %s\ndata %d\n%s\n", path, length(text), text
		}
	}' "$tmp/map.yaml" >"$tmp/stream"
git -C "$repo" fast-import --quiet <"$tmp/stream" || exit 1
git -C "$repo" checkout -q main || exit 1
file=$repo/maps/journey.yaml

listed=$("$cjm" log "$file" --format csv | tail -n +2 | wc -l)
if [ "$listed" -ne "$commits" ]; then
	echo "log.sh: cjm log listed $listed commits of $commits" >&2
	exit 1
fi
"$bench_log" "$cjm" "$repo/maps" journey.yaml
