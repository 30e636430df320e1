#!/bin/sh
# cjm resolve: the conflicts of a map merged by cjm merge listed exactly; --ours and
# --theirs writing a valid map with the chosen values (in place, to a file, to
# standard output); a file without conflicts; bad markers and a side that does not
# load reported at the file's lines with nothing written; usage errors. Then end
# to end in real git repositories: a conflict left by the cjm merge driver, and a
# textual one (diff3 style) left by git itself, each resolved and committed.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_resolve.sh
. tests/cli/lib.sh

case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac

cat >"$T/base.yaml" <<'YAML'
version: 1
title: Energy
patterns:
  soften-negatives:
    enabled: true
    threshold: -2
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: compare
    name: Compare prices
    emotion: 1
    ideas:
    - one
  - id: call
    name: Call
- id: switch
  name: Switch
  touchpoints:
  - id: sign
    name: Sign
YAML
# ours: a title, a threshold, an emotion and an edit of 'call'; theirs: other values,
# and 'call' deleted; both add an idea (that merges cleanly)
sed 's/title: Energy/title: Power/; s/threshold: -2/threshold: -1/; s/emotion: 1/emotion: -1/;
	s/    name: Call/    name: Call\n    emotion: -3/; s/    - one/    - one\n    - ours idea/' \
	"$T/base.yaml" >"$T/ours.yaml"
sed 's/title: Energy/title: Gas/; s/threshold: -2/threshold: -3/; s/emotion: 1/emotion: 2/;
	/  - id: call/,+1d; s/    - one/    - one\n    - theirs idea/' "$T/base.yaml" >"$T/theirs.yaml"
cp "$T/ours.yaml" "$T/map.yaml"
run "$CJM" merge -q "$T/base.yaml" "$T/map.yaml" "$T/theirs.yaml"
expect_rc 1 "cjm merge leaves conflicts to resolve"
cp "$T/map.yaml" "$T/conflicted.yaml"

# ---- the list ----
cd "$T" || exit 1
run "$CJM" resolve map.yaml
expect_rc 1 "listing conflicts exits 1"
cat >"$T/expected" <<'EOF'
map.yaml: 4 conflicts between ours and theirs

the map: title
  ours:   Power
  theirs: Gas

pattern soften-negatives: its settings
  ours:   enabled: yes
          threshold: -1
  theirs: enabled: yes
          threshold: -3

touchpoint 'Compare prices' in phase 'Orient': emotion
  ours:   -1
  theirs: +2

touchpoint 'Call' in phase 'Orient': the whole touchpoint, which only one side has
  ours:   name: Call
          emotion: -3
  theirs: (absent)

Take one side for all with --ours or --theirs, or one by one in the editor: cjm map.yaml
EOF
expect_same "$T/out" "$T/expected" "the conflicts are listed: where, what, both values"
expect_empty "$T/err" "listing says nothing on stderr"
expect_same map.yaml conflicted.yaml "listing leaves the file as it is"
cd "$ROOT" || exit 1

# plain: the map's facts one a line, to check the chosen values by field
plain() { "$CJM" show --plain "$1" >"$T/plain" 2>&1; }
has_fact() { grep -qxF -- "$1" "$T/plain"; }

# ---- --theirs, in place ----
run "$CJM" resolve "$T/map.yaml" --theirs
expect_rc 0 "--theirs resolves every conflict"
expect_err_line "$T/map.yaml: 4 conflicts resolved with theirs" "--theirs says how many were resolved"
expect_empty "$T/out" "--theirs in place prints nothing on stdout"
run "$CJM" validate "$T/map.yaml"
expect_rc 0 "the map --theirs wrote validates"
run "$CJM" fmt --check "$T/map.yaml"
expect_rc 0 "the map --theirs wrote is canonical"
plain "$T/map.yaml"
check has_fact "title: Gas" "--theirs took their title"
check has_fact "orient/compare emotion: 2" "--theirs took their emotion"
check has_fact "pattern soften-negatives threshold: -3" "--theirs took their pattern setting"
if has_fact "touchpoint orient/call: Call"; then notok "--theirs took their deletion of 'Call'"; else ok "--theirs took their deletion of 'Call'"; fi
check has_fact "orient/compare ideas: ours idea" "the clean part of the merge is kept (ours' idea)"
check has_fact "orient/compare ideas: theirs idea" "the clean part of the merge is kept (theirs' idea)"
run "$CJM" resolve "$T/map.yaml"
expect_rc 0 "a resolved map has no conflicts"
expect_out_has "map.yaml: no conflicts" "a resolved map: 'no conflicts'"

# ---- --ours, to a file and to standard output ----
cp "$T/conflicted.yaml" "$T/map.yaml"
run "$CJM" resolve --ours -o "$T/mine.yaml" "$T/map.yaml"
expect_rc 0 "--ours -o OUT resolves every conflict"
expect_same "$T/map.yaml" "$T/conflicted.yaml" "-o OUT leaves FILE as it is"
run "$CJM" validate "$T/mine.yaml"
expect_rc 0 "the map --ours wrote validates"
plain "$T/mine.yaml"
check has_fact "title: Power" "--ours took our title"
check has_fact "orient/compare emotion: -1" "--ours took our emotion"
check has_fact "pattern soften-negatives threshold: -1" "--ours took our pattern setting"
check has_fact "orient/call emotion: -3" "--ours kept our edited 'Call'"
run "$CJM" resolve "$T/map.yaml" --ours -o -
expect_rc 0 "--ours -o - resolves to standard output"
expect_same "$T/out" "$T/mine.yaml" "-o - prints the same map as -o OUT"
expect_same "$T/map.yaml" "$T/conflicted.yaml" "-o - leaves FILE as it is"

# ---- no conflicts ----
run "$CJM" resolve "$T/base.yaml"
expect_rc 0 "a valid map without markers: exit 0"
if [ "$(cat "$T/out")" = "$T/base.yaml: no conflicts" ]; then ok "a valid map: 'FILE: no conflicts'"; else fail "a valid map: 'FILE: no conflicts'"; fi
cp "$T/base.yaml" "$T/same.yaml"
run "$CJM" resolve "$T/base.yaml" --theirs
expect_rc 0 "--theirs on a map without conflicts: exit 0"
expect_same "$T/base.yaml" "$T/same.yaml" "--theirs leaves a map without conflicts as it is"

# ---- bad input: reported at the file's lines, nothing written ----
# their side of the first conflict (the title) gets a mistyped key
awk '/^=======$/ && !done { print; print "titel: Gas"; done = 1; next } { print }' "$T/conflicted.yaml" >"$T/bad.yaml"
line=$(grep -n '^titel: Gas$' "$T/bad.yaml" | cut -d: -f1)
cp "$T/bad.yaml" "$T/bad-before.yaml"
run "$CJM" resolve "$T/bad.yaml" --theirs
expect_rc 65 "a side that does not load: exit 65"
expect_err_has "$T/bad.yaml:$line:1: error: unknown key 'titel'" "the error is at the file's own line"
expect_same "$T/bad.yaml" "$T/bad-before.yaml" "nothing is written when a side does not load"
run "$CJM" resolve "$T/bad.yaml"
expect_rc 65 "listing a file whose side does not load: exit 65"
expect_empty "$T/out" "nothing listed when a side does not load"
# a conflict without its end
grep -v '^>>>>>>> ' "$T/conflicted.yaml" >"$T/open.yaml"
first=$(grep -n '^<<<<<<< ' "$T/conflicted.yaml" | head -n 1 | cut -d: -f1)
second=$(grep -n '^<<<<<<< ' "$T/open.yaml" | sed -n 2p | cut -d: -f1)
cp "$T/open.yaml" "$T/open-before.yaml"
run "$CJM" resolve "$T/open.yaml" --ours
expect_rc 65 "markers that do not pair up: exit 65"
expect_err_line "$T/open.yaml:$second:1: error: conflict marker '<<<<<<<' out of place: a conflict is '<<<<<<<', one side, '=======', the other side, '>>>>>>>'" \
	"a '<<<<<<<' inside a conflict is reported at its line"
expect_same "$T/open.yaml" "$T/open-before.yaml" "nothing is written when markers do not pair up"
head -n "$((second - 1))" "$T/open.yaml" >"$T/end.yaml"
run "$CJM" resolve "$T/end.yaml"
expect_rc 65 "a conflict open at the end of the file: exit 65"
expect_err_line "$T/end.yaml:$first:1: error: this conflict has no '>>>>>>>' line after it" \
	"a conflict without '>>>>>>>' is reported at its '<<<<<<<' line"
printf 'version: 1\ntitle: [\n' >"$T/broken.yaml"
run "$CJM" resolve "$T/broken.yaml"
expect_rc 65 "a file without markers that is no map: exit 65"
expect_err_has "$T/broken.yaml:" "the problem of a file without markers is at its line"
run "$CJM" resolve "$T/missing.yaml"
expect_rc 66 "a missing file: exit 66"
expect_err_line "cjm: $T/missing.yaml: No such file or directory" "a missing file is named"

# ---- usage ----
usage="usage: cjm resolve [--ours | --theirs] [-o OUT] FILE"
run "$CJM" resolve "$T/map.yaml" --ours --theirs
expect_rc 64 "--ours with --theirs: usage error"
if [ "$(cat "$T/err")" = "cjm: --ours and --theirs do not go together
$usage" ]; then ok "--ours with --theirs: the message and the usage"; else fail "--ours with --theirs: the message and the usage"; fi
expect_same "$T/map.yaml" "$T/conflicted.yaml" "a usage error writes nothing"
run "$CJM" resolve
expect_rc 64 "no file: usage error"
if [ "$(cat "$T/err")" = "cjm: no file to resolve
$usage" ]; then ok "no file: the message and the usage"; else fail "no file: the message and the usage"; fi
run "$CJM" resolve "$T/map.yaml" -o "$T/x.yaml"
expect_rc 64 "-o without a side: usage error"
expect_err_line "cjm: -o needs --ours or --theirs" "-o without a side: the message"
check test ! -e "$T/x.yaml" "-o without a side writes nothing"
run "$CJM" resolve "$T/map.yaml" "$T/base.yaml"
expect_rc 64 "two files: usage error"
expect_err_line "cjm: one FILE only ('$T/map.yaml' and '$T/base.yaml')" "two files: the message"
run "$CJM" resolve --theirs -
expect_rc 64 "standard input without -o: usage error"
expect_err_line "cjm: FILE is standard input, so give -o OUT" "standard input without -o: the message"
"$CJM" resolve --theirs -o - - <"$T/conflicted.yaml" >"$T/out" 2>"$T/err"
rc=$?
expect_rc 0 "standard input with -o -: resolved"
expect_err_line "<stdin>: 4 conflicts resolved with theirs" "standard input is named <stdin>"
run "$CJM" resolve --bogus "$T/map.yaml"
expect_rc 64 "an unknown option: usage error"

# ---- in git ----
if ! command -v git >/dev/null 2>&1; then
	skip "cjm resolve after git merge" "git is not installed"
	lib_finish
	exit
fi
HOME=$T
GIT_CONFIG_NOSYSTEM=1
GIT_CONFIG_GLOBAL=$T/gitconfig
export HOME GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL
: >"$GIT_CONFIG_GLOBAL"
g() { git -C "$R" -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main "$@"; }

# two branches that set one touchpoint's emotion both ways and add an idea each
# (a conflict for git's textual merge, not for the driver); DRIVER yes: the cjm
# merge driver as cjm-git(7) configures it, else git's own textual merge (diff3)
make_conflict() {
	R=$T/$1
	mkdir "$R"
	g init -q
	if [ "$2" = yes ]; then
		g config merge.cjm.name "cjm journey map merge"
		g config merge.cjm.driver "'$CJM' merge --name %P %O %A %B"
		echo 'maps/*.yaml merge=cjm' >"$R/.gitattributes"
	else
		g config merge.conflictStyle diff3
		: >"$R/.gitattributes"
	fi
	mkdir "$R/maps"
	cp "$T/base.yaml" "$R/maps/x.yaml"
	g add .gitattributes maps/x.yaml
	g commit -qm base
	g checkout -qb rotterdam
	sed -i 's/emotion: 1/emotion: -2/; s/    - one/    - one\n    - rotterdam idea/' "$R/maps/x.yaml"
	g commit -qam rotterdam
	g checkout -q main
	sed -i 's/emotion: 1/emotion: 3/; s/    - one/    - one\n    - amsterdam idea/' "$R/maps/x.yaml"
	g commit -qam amsterdam
	run g merge -q --no-edit rotterdam
}

make_conflict driver yes
expect_rc 1 "git merge with the cjm driver stops on the conflict"
run sh -c "cd '$R' && '$CJM' resolve maps/x.yaml"
expect_rc 1 "cjm resolve lists the conflict git's merge left"
cat >"$T/expected" <<'EOF'
maps/x.yaml: 1 conflict between ours and theirs

touchpoint 'Compare prices' in phase 'Orient': emotion
  ours:   +3
  theirs: -2

Take one side for all with --ours or --theirs, or one by one in the editor: cjm maps/x.yaml
EOF
expect_same "$T/out" "$T/expected" "the driver's conflict is listed exactly"
run sh -c "cd '$R' && '$CJM' resolve maps/x.yaml --theirs && git add maps/x.yaml"
expect_rc 0 "cjm resolve --theirs && git add, as cjm-resolve(1) shows"
run g -c core.editor=true commit -q --no-edit
expect_rc 0 "the resolved merge commits"
run "$CJM" validate "$R/maps/x.yaml"
expect_rc 0 "the committed map validates"
plain "$R/maps/x.yaml"
check has_fact "orient/compare emotion: -2" "the committed map has their emotion"
check has_fact "orient/compare ideas: amsterdam idea" "the committed map has our idea (merged by the driver)"
check has_fact "orient/compare ideas: rotterdam idea" "the committed map has their idea (merged by the driver)"
run g status --porcelain
expect_empty "$T/out" "nothing is left over after the merge"

make_conflict textual no
expect_rc 1 "git's textual merge stops on the conflict"
check grep -q '^||||||| ' "$R/maps/x.yaml" "git wrote the diff3 base section"
run sh -c "cd '$R' && '$CJM' resolve maps/x.yaml"
expect_rc 1 "cjm resolve lists git's textual conflict"
cat >"$T/expected" <<'EOF'
maps/x.yaml: 2 conflicts between ours (HEAD) and theirs (rotterdam)

touchpoint 'Compare prices' in phase 'Orient': emotion
  ours:   +3
  theirs: -2

touchpoint 'Compare prices' in phase 'Orient': ideas (both sides' items can be kept)
  ours:   one
          amsterdam idea
  theirs: one
          rotterdam idea

Take one side for all with --ours or --theirs, or one by one in the editor: cjm maps/x.yaml
EOF
expect_same "$T/out" "$T/expected" "git's textual conflicts are listed exactly, with the labels git gave the sides"
run sh -c "cd '$R' && '$CJM' resolve maps/x.yaml --ours && git add maps/x.yaml"
expect_rc 0 "cjm resolve --ours settles git's textual conflict"
run g -c core.editor=true commit -q --no-edit
expect_rc 0 "the resolved textual merge commits"
run "$CJM" validate "$R/maps/x.yaml"
expect_rc 0 "the map resolved from git's textual conflict validates"
plain "$R/maps/x.yaml"
check has_fact "orient/compare emotion: 3" "the committed map has our emotion"

# ---- comments, which the saved map cannot keep: the original is kept first ----
sed 's/^version: 1$/version: 1 # the format/' "$T/conflicted.yaml" >"$T/commented.yaml"
cp "$T/commented.yaml" "$T/commented-before.yaml"
run "$CJM" resolve "$T/commented.yaml" --theirs
expect_rc 0 "--theirs on a file with comments"
expect_err_line "cjm: $T/commented.yaml: 1 comment(s) dropped; the original is kept in $T/commented.yaml.orig" \
	"the dropped comments are said, and where the original is"
expect_same "$T/commented.yaml.orig" "$T/commented-before.yaml" "the original, comments and markers, is kept"
run "$CJM" validate "$T/commented.yaml"
expect_rc 0 "the map written over the commented file validates"
cp "$T/commented-before.yaml" "$T/commented2.yaml"
run "$CJM" resolve "$T/commented2.yaml" --theirs -o "$T/elsewhere.yaml"
check test ! -e "$T/commented2.yaml.orig" "no backup when FILE is not written (-o)"
check has_fact "orient/compare ideas: amsterdam idea" "the committed map has our idea"
if has_fact "orient/compare ideas: rotterdam idea"; then notok "the committed map lacks their idea"; else ok "the committed map lacks their idea"; fi

lib_finish
