#!/bin/sh
# One bad commit never breaks git: in a repository configured exactly as cjm-git(7)
# says (textconv, external diff, merge driver), a commit with a mistyped key, then a
# conflicted merge, and git log -p, git diff, git show and git blame all exit 0 and
# show the file's text. Also cjm show --plain and git's form of cjm diff on their own:
# the line saying the file is not a valid map, then its bytes as they are.
# Hermetic: its own HOME, no system git config, cjm first on PATH as "cjm".
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_git_invalid.sh
. tests/cli/lib.sh

lib_git_sandbox
FAST=${CJM_FAST:-$CJM}
case $FAST in /*) ;; *) FAST=$ROOT/$FAST ;; esac
GIT_PAGER=cat
mkdir "$T/bin"
ln -s "$CJM" "$T/bin/cjm"
PATH=$T/bin:$PATH
export GIT_PAGER PATH
R=$T/repo
g() { git -C "$R" -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main "$@"; }

# ---- cjm show --plain on a file that is not a valid map ----
# plain_falls_back FILE LINE NAME: stdout is LINE, then FILE's bytes; exit 0, stderr empty
plain_falls_back() {
	run "$CJM" show --plain "$1"
	expect_rc 0 "$3: show --plain exits 0"
	if [ "$(head -n 1 "$T/out")" = "$2" ]; then ok "$3: the first line says why"; else
		fail "$3: the first line says why" "expected: $2"; fi
	tail -n +2 "$T/out" >"$T/rest"
	expect_same "$1" "$T/rest" "$3: then the file's bytes, unchanged"
	expect_empty "$T/err" "$3: nothing on stderr (git shows it with every diff)"
}
printf 'version: 1\ntitle: Claim\nfoo: 1\nphases: []\n' >"$T/unknown.yaml"
plain_falls_back "$T/unknown.yaml" \
	"# cjm: not a valid map (3:1: unknown key 'foo' in the map (known: version, title, language, persona, brand_values, thresholds, patterns, phases, dismissed)); its text follows as it is" \
	"an unknown key"
printf 'version: 1\ntitle: [Claim\nphases: []' >"$T/broken.yaml" # no newline at the end either
run "$CJM" validate "$T/broken.yaml"
problem=$(sed -n "s|^$T/broken.yaml:||; s|: error: |: |p" "$T/err" | head -n 1)
plain_falls_back "$T/broken.yaml" "# cjm: not a valid map ($problem); its text follows as it is" "invalid YAML"
printf 'version: 1\ntitle: Claim\nphases:\n<<<<<<< ours\n- name: A\n=======\n- name: B\n>>>>>>> theirs\n' >"$T/markers.yaml"
plain_falls_back "$T/markers.yaml" \
	"# cjm: not a valid map (4:1: unresolved merge conflict: keep one side between '<<<<<<<' and '>>>>>>>' and delete the rest (see cjm-merge(1))); its text follows as it is" \
	"conflict markers"
# what a terminal would act on is escaped, as everywhere in cjm; the lines stay the file's
printf 'version: 1\ntitle: \033]0;owned\007 Ori\303\253ntatie\r\nfoo:\t1\nphases: []\n' >"$T/escape.yaml"
printf 'version: 1\ntitle: \\x1B]0;owned\\x07 Ori\303\253ntatie\\r\nfoo:\t1\nphases: []\n' >"$T/escaped.yaml"
run "$CJM" show --plain "$T/escape.yaml"
expect_rc 0 "a file with control characters falls back too"
tail -n +2 "$T/out" >"$T/rest"
expect_same "$T/escaped.yaml" "$T/rest" "its controls escaped (tab and line feed kept), all else as it is"
if has_dutch "the line stays English under a Dutch locale"; then
	LC_ALL=$NL_LOCALE "$CJM" show --plain "$T/unknown.yaml" >"$T/out" 2>"$T/err"
	rc=$?
	expect_rc 0 "show --plain in Dutch falls back too"
	expect_out_has "# cjm: not a valid map (3:1: unknown key 'foo' in the map (known:" "the line stays English under a Dutch locale"
fi
run "$CJM" show --plain "$T/missing.yaml"
expect_rc 66 "a file that cannot be opened still exits 66"
expect_err_line "cjm: $T/missing.yaml: No such file or directory" "and says why"
expect_empty "$T/out" "and prints nothing"
run "$CJM" show "$T/unknown.yaml"
expect_rc 65 "the grid (without --plain) still refuses a file that is not a map"
# over the size limit (256 MiB): the line, then all of it, streamed in parts that
# never split a character (a line is 23 bytes: the 'ë' falls across every boundary in turn)
yes -- "- $(printf 'Ori\303\253ntatie'), stappen" | head -c 257M >"$T/huge.yaml"
printf '%s\n' "# cjm: not a valid map (file is too large (the limit is 256 MiB)); its text follows as it is" >"$T/want"
cat "$T/huge.yaml" >>"$T/want"
"$FAST" show --plain "$T/huge.yaml" >"$T/out" 2>"$T/err"
rc=$?
expect_rc 0 "a file over the size limit: exit 0"
if cmp -s "$T/want" "$T/out"; then ok "a file over the size limit: the line, then all of its text"; else
	notok "a file over the size limit: the line, then all of its text" "$(cmp "$T/want" "$T/out" 2>&1)" \
		"$(head -c 300 "$T/out")"; fi
rm -f "$T/huge.yaml" "$T/want" "$T/out"

# ---- git's external diff on its own: seven and nine arguments ----
cat >"$T/good.yaml" <<'YAML'
version: 1
title: Claim
phases:
- id: claim
  name: Claim
  touchpoints:
  - id: call
    name: Calling the claims line
    emotion: -3
YAML
sed 's/    emotion: -3/    emotoin: -1/' "$T/good.yaml" >"$T/typo.yaml"
hex=0123456789012345678901234567890123456789
run "$CJM" diff maps/j.yaml "$T/good.yaml" $hex 100644 "$T/typo.yaml" $hex 100644
expect_rc 0 "git's form: exit 0 when NEW is not a valid map"
cat >"$T/want" <<'TXT'
cjm diff a/maps/j.yaml b/maps/j.yaml
b/maps/j.yaml: not a valid map (9:5: unknown key 'emotoin' in a touchpoint (known: id, name, channel, owner, emotion, satisfaction, impact, moment_of_truth, brand_moment, commitment, visible, pillars, pains, ideas, quotes, vote, notes)); the text diff follows
--- a/maps/j.yaml
+++ b/maps/j.yaml
@@ -6,4 +6,4 @@
   touchpoints:
   - id: call
     name: Calling the claims line
-    emotion: -3
+    emotoin: -1
TXT
expect_same "$T/want" "$T/out" "git's form: the header, which side is not a map, then diff -u of the text"
expect_empty "$T/err" "git's form: nothing on stderr"
run "$CJM" diff old.yaml "$T/typo.yaml" $hex 100644 "$T/typo.yaml" $hex 100644 new.yaml "similarity index 100%"
expect_rc 0 "git's rename form: exit 0 when both sides are not valid maps"
expect_out_has "cjm diff a/old.yaml b/new.yaml" "the rename form: both names in the header"
expect_out_has "a/old.yaml: not a valid map (9:5: unknown key 'emotoin'" "the old side is named"
expect_out_has "b/new.yaml: not a valid map (9:5: unknown key 'emotoin'" "the new side is named"
run "$CJM" diff maps/j.yaml /dev/null $hex 100644 "$T/typo.yaml" $hex 100644
expect_rc 0 "git's form: an added file that is not a valid map"
expect_out_has "+    emotoin: -1" "an added file reads as its lines added"
run "$CJM" diff -- -j.yaml "$T/good.yaml" $hex 100644 "$T/typo.yaml" $hex 100644
expect_out_has "cjm diff a/-j.yaml b/-j.yaml" "a path that starts with '-' is a label, not an option to diff"
expect_rc 0 "and diff runs"
run "$CJM" diff maps/j.yaml "$T/good.yaml" $hex 100644 "$T/absent.yaml" $hex 100644
expect_rc 66 "git's form: a file that cannot be opened still exits 66"
run "$CJM" diff "$T/good.yaml" "$T/typo.yaml"
expect_rc 65 "the two-argument form keeps exit 65 for a file that is not a map"
expect_err_has "typo.yaml:9:5: error: unknown key 'emotoin'" "and says where"
expect_empty "$T/out" "and prints no diff"

# ---- the repository, set up as cjm-git(7) says ----
mkdir "$R"
g init -q
mkdir "$R/maps"
echo 'maps/*.yaml diff=cjm merge=cjm' >"$R/.gitattributes"
g config diff.cjm.textconv "cjm show --plain"
g config diff.cjm.command "cjm diff"
g config merge.cjm.name "cjm journey map merge"
g config merge.cjm.driver "cjm merge --name %P %O %A %B"
cp "$T/good.yaml" "$R/maps/claim.yaml"
g add .gitattributes maps/claim.yaml
g commit -qm "a valid map"
sed -i 's/    emotion: -3/    emotoin: -1/' "$R/maps/claim.yaml"
g commit -qam "a mistyped key"
header="# cjm: not a valid map (9:5: unknown key 'emotoin' in a touchpoint (known:"

run g log -p
expect_rc 0 "git log -p exits 0 after a commit with an invalid map"
expect_out_has "+$header" "git log -p: the line saying it is not a valid map"
expect_out_has "+    emotoin: -1" "git log -p: the invalid map's text"
expect_out_has "-claim/call emotion: -3" "git log -p: the valid map's facts before it"
expect_out_has "+claim/call emotion: -3" "git log -p: the first commit reads as facts"

run g diff HEAD~1
expect_rc 0 "git diff HEAD~1 exits 0 (the external diff)"
expect_out_has "cjm diff a/maps/claim.yaml b/maps/claim.yaml" "git diff: cjm diff's header"
expect_out_has "b/maps/claim.yaml: not a valid map (9:5: unknown key 'emotoin'" "git diff: which side is not a map"
expect_out_has "-    emotion: -3" "git diff: the old line"
expect_out_has "+    emotoin: -1" "git diff: the new line"

run g diff --no-ext-diff HEAD~1
expect_rc 0 "git diff --no-ext-diff exits 0 (the textconv)"
expect_out_has "+    emotoin: -1" "git diff --no-ext-diff: the text"

run g blame maps/claim.yaml
expect_rc 0 "git blame exits 0"
expect_out_has "emotoin: -1" "git blame: the invalid map's text"
expect_out_has "$header" "git blame: the line saying it is not a valid map"

run g show
expect_rc 0 "git show exits 0"
expect_out_has "a mistyped key" "git show: the commit"
expect_out_has "+    emotoin: -1" "git show: the text"

run g log -p --ext-diff
expect_rc 0 "git log -p --ext-diff exits 0"
expect_out_has "b/maps/claim.yaml: not a valid map (9:5: unknown key 'emotoin'" "git log -p --ext-diff: the fallback"
expect_out_has "+    emotoin: -1" "git log -p --ext-diff: the text diff"
expect_out_has "touchpoint call: added in phase 'Claim'" "git log -p --ext-diff: valid commits still read as cjm diff"

sed -i 's/    emotoin: -1/    emotion: -1/' "$R/maps/claim.yaml"
g commit -qam "the key fixed"
run g show --ext-diff
expect_rc 0 "git show --ext-diff of the fix exits 0"
expect_out_has "a/maps/claim.yaml: not a valid map (9:5: unknown key 'emotoin'" "the fix: the old side is named"
expect_out_has "+    emotion: -1" "the fix: the text diff"

# ---- a conflicted merge: both branches change the same touchpoint's emotion ----
g checkout -qb red
sed -i 's/    emotion: -1/    emotion: 2/' "$R/maps/claim.yaml"
g commit -qam red
g checkout -q main
sed -i 's/    emotion: -1/    emotion: -2/' "$R/maps/claim.yaml"
g commit -qam blue
run g merge -q --no-edit red
check test "$rc" -ne 0 "the merge driver leaves a conflict"
check grep -qx '<<<<<<< ours' "$R/maps/claim.yaml" "the map holds the markers"
run g diff
expect_rc 0 "git diff during the conflict exits 0"
expect_out_has "# cjm: not a valid map (7:1: unresolved merge conflict" "git diff: the line saying why"
expect_out_has "<<<<<<< ours" "git diff: the opening marker"
expect_out_has "    emotion: -2" "git diff: our value"
expect_out_has "    emotion: 2" "git diff: their value"
expect_out_has ">>>>>>> theirs" "git diff: the closing marker"
run g diff --no-ext-diff
expect_rc 0 "git diff --no-ext-diff during the conflict exits 0"
expect_out_has "<<<<<<< ours" "git diff --no-ext-diff: the markers"
run g diff HEAD
expect_rc 0 "git diff HEAD during the conflict exits 0"
expect_out_has "not a valid map (7:1: unresolved merge conflict" "git diff HEAD: says why"
expect_out_has "+<<<<<<< ours" "git diff HEAD: the markers as text"
g merge --abort

lib_finish
