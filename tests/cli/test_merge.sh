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
run "$CJM" merge --frob "$T/base.yaml" "$T/ours.yaml" "$T/theirs.yaml"
expect_rc 64 "an unknown option is a usage error"
run "$CJM" merge "$T/base.yaml" - "$T/theirs.yaml"
expect_rc 64 "OURS from standard input needs -o"
run "$CJM" merge -o "$T/nodir/x.yaml" "$T/base.yaml" "$T/ours.yaml" "$T/theirs.yaml"
expect_rc 73 "an output that cannot be created exits 73"

lib_finish
