#!/bin/sh
# Command-line tests of merge: exit codes, -o, the git-driver form that writes OURS,
# a clean merge that is canonical and valid, a conflict written with markers that
# validate explains, and a bad map that writes nothing.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_merge.sh
. tests/cli/lib.sh

cat >"$T/base.yaml" <<'YAML'
version: 1
title: Energy
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: compare
    name: Compare prices
    emotion: 1
  - id: call
    name: Call
YAML
sed 's/emotion: 1/emotion: 2/' "$T/base.yaml" >"$T/ours.yaml"
sed 's/    name: Call/    name: Call\n    channel: phone/' "$T/base.yaml" >"$T/theirs.yaml"
sed 's/emotion: 1/emotion: -2/' "$T/base.yaml" >"$T/other.yaml"

# ---- clean ----
run "$CJM" merge -o - "$T/base.yaml" "$T/ours.yaml" "$T/theirs.yaml"
expect_rc 0 "a clean merge exits 0"
expect_empty "$T/err" "a clean merge says nothing"
cp "$T/out" "$T/clean.yaml"
check grep -qx '    emotion: 2' "$T/clean.yaml" "the merge holds ours' edit"
check grep -qx '    channel: phone' "$T/clean.yaml" "the merge holds theirs' edit"
run "$CJM" fmt "$T/clean.yaml"
expect_same "$T/clean.yaml" "$T/out" "a clean merge is canonical (fmt of it changes nothing)"
run "$CJM" validate "$T/clean.yaml"
expect_rc 0 "a clean merge validates"

run "$CJM" merge "$T/base.yaml" "$T/ours.yaml" "$T/theirs.yaml" -o "$T/o.yaml"
expect_rc 0 "-o after the files"
expect_same "$T/clean.yaml" "$T/o.yaml" "-o OUT writes OUT"
sed 's/emotion: 1/emotion: 2/' "$T/base.yaml" >"$T/ours.expected"
expect_same "$T/ours.expected" "$T/ours.yaml" "-o does not rewrite OURS"

# ---- the git driver form: cjm merge %O %A %B writes the result to %A ----
cp "$T/ours.yaml" "$T/A"
run "$CJM" merge "$T/base.yaml" "$T/A" "$T/theirs.yaml"
expect_rc 0 "driver form exits 0"
expect_empty "$T/out" "driver form prints nothing on stdout"
expect_same "$T/clean.yaml" "$T/A" "driver form writes the merge to OURS"

# ---- conflict ----
cp "$T/ours.yaml" "$T/A"
run "$CJM" merge "$T/base.yaml" "$T/A" "$T/other.yaml"
expect_rc 1 "a conflict exits 1"
expect_err_line "cjm: 1 conflict(s); both versions are kept between '<<<<<<<' and '>>>>>>>' in $T/A:" "a conflict is reported"
expect_err_line "  touchpoint 'compare': emotion changed to different values on both sides" "the conflict is described"
cat >"$T/expected" <<'YAML'
version: 1
title: Energy
phases:
- id: orient
  name: Orient
  touchpoints:
<<<<<<< ours
  - id: compare
    name: Compare prices
    emotion: 2
=======
  - id: compare
    name: Compare prices
    emotion: -2
>>>>>>> theirs
  - id: call
    name: Call
YAML
expect_same "$T/expected" "$T/A" "a conflict is written between markers around the whole touchpoint"
run "$CJM" validate "$T/A"
expect_rc 65 "validate refuses a file with conflict markers"
expect_err_line "$T/A:7:1: error: unresolved merge conflict: keep one side between '<<<<<<<' and '>>>>>>>' and delete the rest (see cjm-merge(1))" "validate points at the conflict"
check test "$(wc -l <"$T/err")" -eq 1 "one error per conflict"
run "$CJM" merge -q --ours-label HEAD --theirs-label feature -o - "$T/base.yaml" "$T/ours.yaml" "$T/other.yaml"
expect_rc 1 "labels: exit 1"
expect_empty "$T/err" "-q lists nothing"
expect_out_has "<<<<<<< HEAD" "--ours-label names the first side"
expect_out_has ">>>>>>> feature" "--theirs-label names the second side"
sed '/^<<<<<<< /,/^=======$/d; /^>>>>>>> /d' "$T/A" >"$T/resolved.yaml"
run "$CJM" validate "$T/resolved.yaml"
expect_rc 0 "keeping theirs (deleting ours and the markers) validates"

# ---- bad input: nothing written ----
printf 'version: 1\ntitle: T\nphases: 3\n' >"$T/bad.yaml"
cp "$T/ours.yaml" "$T/A"
run "$CJM" merge "$T/base.yaml" "$T/A" "$T/bad.yaml"
expect_rc 65 "a bad map exits 65"
expect_err_has "$T/bad.yaml:3:9: error:" "the bad map's problem is reported"
sed 's/emotion: 1/emotion: 2/' "$T/base.yaml" >"$T/A.expected"
expect_same "$T/A.expected" "$T/A" "a bad map leaves OURS untouched"
run "$CJM" merge -o "$T/never.yaml" "$T/base.yaml" "$T/ours.yaml" "$T/bad.yaml"
check test ! -e "$T/never.yaml" "a bad map writes no -o file"
run "$CJM" merge "$T/base.yaml" "$T/A" "$T/no-such.yaml"
expect_rc 66 "a missing file exits 66"
run "$CJM" merge "$T/base.yaml" "$T/ours.yaml"
expect_rc 64 "two files is a usage error"
run "$CJM" merge "$T/base.yaml" "$T/ours.yaml" "$T/theirs.yaml" "$T/x.yaml"
expect_rc 64 "four files is a usage error"
run "$CJM" merge --name "" "$T/base.yaml" "$T/ours.yaml" "$T/theirs.yaml"
expect_rc 64 "an empty --name is a usage error"
run "$CJM" merge --frob "$T/base.yaml" "$T/ours.yaml" "$T/theirs.yaml"
expect_rc 64 "an unknown option is a usage error"
run "$CJM" merge "$T/base.yaml" - "$T/theirs.yaml"
expect_rc 64 "OURS from standard input needs -o"
run "$CJM" merge -o "$T/nodir/x.yaml" "$T/base.yaml" "$T/ours.yaml" "$T/theirs.yaml"
expect_rc 73 "an output that cannot be created exits 73"

# ---- OURS with comments: kept in a backup, as fmt -w does, and said on stderr ----
sed 's/^title: Energy/title: Energy # workshop Utrecht/' "$T/ours.yaml" >"$T/C.yaml"
cp "$T/C.yaml" "$T/C.before"
run "$CJM" merge "$T/base.yaml" "$T/C.yaml" "$T/theirs.yaml"
expect_rc 0 "a clean merge over a commented OURS exits 0"
expect_err_line "cjm: $T/C.yaml: 1 comment(s) dropped; the original is kept in $T/C.yaml.orig" "the dropped comments are reported with the backup's name"
expect_same "$T/C.before" "$T/C.yaml.orig" "the backup holds OURS as it was"
expect_same "$T/clean.yaml" "$T/C.yaml" "OURS holds the merge"
cp "$T/C.before" "$T/C.yaml"
run "$CJM" merge -q "$T/base.yaml" "$T/C.yaml" "$T/other.yaml"
expect_rc 1 "a conflict over a commented OURS exits 1"
expect_err_line "cjm: $T/C.yaml: 1 comment(s) dropped; the original is kept in $T/C.yaml.orig.1" "with a backup there, the next number is used and named (also with -q)"
expect_same "$T/C.before" "$T/C.yaml.orig.1" "the numbered backup holds OURS as it was"
cp "$T/C.before" "$T/C2.yaml"
run "$CJM" merge -o - "$T/base.yaml" "$T/C2.yaml" "$T/theirs.yaml"
expect_empty "$T/err" "-o - leaves OURS, so its comments need no backup"
check test ! -e "$T/C2.yaml.orig" "-o -: no backup"
run "$CJM" merge -o "$T/C2.yaml" "$T/base.yaml" "$T/C2.yaml" "$T/theirs.yaml"
expect_err_has "the original is kept in $T/C2.yaml.orig" "-o OURS is writing over OURS too"
cp "$T/C.before" "$T/C3.yaml"
run "$CJM" merge "$T/base.yaml" "$T/C3.yaml" "$T/bad.yaml"
check test ! -e "$T/C3.yaml.orig" "a merge that writes nothing keeps no backup"

# ---- add/add: git passes an empty BASE when both branches added the map ----
: >"$T/empty"
cp "$T/ours.yaml" "$T/A"
run "$CJM" merge "$T/empty" "$T/A" "$T/theirs.yaml"
expect_rc 1 "an empty BASE merges both sides (a conflict where they differ)"
check grep -qx '    channel: phone' "$T/A" "theirs' addition is kept"
check grep -qx '    emotion: 2' "$T/A" "ours' value is kept"
check grep -qx '    emotion: 1' "$T/A" "theirs' value is kept"
cp "$T/ours.yaml" "$T/A"
run "$CJM" merge "$T/empty" "$T/A" "$T/ours.yaml"
expect_rc 0 "an empty BASE with the same map on both sides is clean"
expect_same "$T/ours.yaml" "$T/A" "the same map added twice merges to itself"
run "$CJM" merge -o - "$T/no-base.yaml" "$T/ours.yaml" "$T/theirs.yaml"
expect_rc 1 "a missing BASE is an empty map too"
expect_out_has "    channel: phone" "a missing BASE keeps both sides"
run "$CJM" merge -o - "$T/base.yaml" "$T/empty" "$T/theirs.yaml"
expect_rc 65 "an empty OURS is still a bad map"

# ---- --name: messages name the map's path, not git's temporary files ----
cp "$T/ours.yaml" "$T/.merge_file_a"
run "$CJM" merge --name maps/energy.yaml "$T/base.yaml" "$T/.merge_file_a" "$T/other.yaml"
expect_rc 1 "--name: the conflict exits 1"
expect_err_line "cjm: 1 conflict(s); both versions are kept between '<<<<<<<' and '>>>>>>>' in maps/energy.yaml:" "--name: the conflict names the map's path"
expect_err_lacks() { if grep -qF -- "$1" "$T/err"; then fail "$2" "expected stderr not to contain: $1"; else ok "$2"; fi; }
expect_err_lacks ".merge_file_a" "--name: git's temporary file is not named"
cp "$T/ours.yaml" "$T/.merge_file_a"
run "$CJM" merge --name maps/energy.yaml "$T/base.yaml" "$T/.merge_file_a" "$T/bad.yaml"
expect_rc 65 "--name: a bad map exits 65"
expect_err_has "maps/energy.yaml (theirs):3:9: error:" "--name: the bad side is named by the map's path and the side"
expect_err_lacks "$T/bad.yaml" "--name: the temporary file of the bad side is not named"
mkdir "$T/named"
sed 's/^title: Energy/title: Energy # workshop/' "$T/ours.yaml" >"$T/.merge_file_b"
run "$CJM" merge --name "$T/named/m.yaml" "$T/base.yaml" "$T/.merge_file_b" "$T/theirs.yaml"
expect_err_line "cjm: $T/named/m.yaml (ours): 1 comment(s) dropped; the original is kept in $T/named/m.yaml.orig" "--name: OURS' comments are kept beside the map's path"
check grep -q "# workshop" "$T/named/m.yaml.orig" "--name: that backup holds OURS' comment"
sed 's/^title: Energy/title: Energy # workshop/' "$T/ours.yaml" >"$T/.merge_file_c"
run "$CJM" merge --name "nowhere/m.yaml" "$T/base.yaml" "$T/.merge_file_c" "$T/theirs.yaml"
expect_err_has "the original is kept in $T/.merge_file_c.orig" "--name in no folder: the backup goes beside OURS"

lib_finish
