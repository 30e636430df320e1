#!/bin/sh
# REV:PATH wherever a map is read: in a real repository, diff, show (grid and --plain),
# stats, export, validate and fmt read a map as it was in a revision or in the index,
# exactly as from a copy of that file; a revision git does not have is git's own
# message (exit 66), an invalid map there is REV:PATH:LINE:COL (exit 65); commands
# that write back to their file refuse a revision; a file whose name holds ':' is
# still a file, and nothing starting with '-' ever reaches git.
# Hermetic: its own HOME, no system git config; a git on PATH that logs its arguments.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_revision.sh
. tests/cli/lib.sh

lib_git_sandbox
# every run of git, by cjm or by this script, is logged
real_git=$(command -v git)
mkdir "$T/bin"
cat >"$T/bin/git" <<SH
#!/bin/sh
printf '%s\n' "\$*" >>"$T/git.log"
exec "$real_git" "\$@"
SH
chmod +x "$T/bin/git"
PATH=$T/bin:$PATH
export PATH
R=$T/repo
mkdir -p "$R/maps"
cd "$R" || exit 1
g() { git -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main "$@"; }
g init -q

cat >maps/claim.yaml <<'YAML'
version: 1
title: Claim
phases:
- id: claim
  name: Claim
  touchpoints:
  - id: call
    name: Calling the claims line
    emotion: -3
    pains:
    - On hold for 40 minutes
  - id: letter
    name: Decision letter
    emotion: 1
YAML
cp maps/claim.yaml "$T/v1.yaml"
g add maps/claim.yaml
g commit -qm first
sed -i 's/emotion: -3/emotion: -1/' maps/claim.yaml
cp maps/claim.yaml "$T/v2.yaml"
g commit -qam second
g branch -q before-edit HEAD~1
sed -i 's/emotion: 1$/emotion: 3/' maps/claim.yaml # a change in the work tree only
cp maps/claim.yaml "$T/worktree.yaml"

# ---- diff ----
run "$CJM" diff main:maps/claim.yaml maps/claim.yaml
expect_rc 1 "diff main:PATH PATH: the maps differ"
expect_out_has "touchpoint letter" "diff main:PATH PATH: the changed touchpoint"
expect_out_has "emotion: +1 → +3" "diff main:PATH PATH: the committed value against the work tree's"
run "$CJM" diff "$T/v2.yaml" "$T/worktree.yaml"
cp "$T/out" "$T/want"
run "$CJM" diff main:maps/claim.yaml maps/claim.yaml
expect_same "$T/want" "$T/out" "diff main:PATH PATH reads as the diff of the two files"
run "$CJM" diff HEAD~1:maps/claim.yaml HEAD:maps/claim.yaml
expect_rc 1 "diff HEAD~1:PATH HEAD:PATH"
expect_out_has "emotion: -3 → -1" "diff HEAD~1:PATH HEAD:PATH: the change of the second commit"
run "$CJM" diff before-edit:maps/claim.yaml HEAD~1:maps/claim.yaml
expect_rc 0 "the same revision by two names: no differences"

# ---- show, grid and --plain ----
run "$CJM" show --plain "$T/v1.yaml"
cp "$T/out" "$T/want"
run "$CJM" show --plain HEAD~1:maps/claim.yaml
expect_rc 0 "show --plain HEAD~1:PATH"
expect_same "$T/want" "$T/out" "show --plain HEAD~1:PATH is the old map's facts"
run "$CJM" show --width 60 "$T/v2.yaml"
cp "$T/out" "$T/want"
run "$CJM" show --width 60 main:maps/claim.yaml
expect_rc 0 "show main:PATH (the grid)"
expect_same "$T/want" "$T/out" "show main:PATH draws the committed map"
expect_out_has "Decision letter" "the grid names the touchpoints"

# ---- the index (:PATH) ----
g add maps/claim.yaml
sed -i 's/    name: Decision letter/    name: Decision by post/' maps/claim.yaml
run "$CJM" show --plain :maps/claim.yaml
expect_rc 0 "show --plain :PATH (the index)"
expect_out_has "claim/letter emotion: 3" "the index holds the staged emotion"
expect_out_has "touchpoint claim/letter: Decision letter" "and not the work tree's unstaged name"

# ---- stats and export ----
run "$CJM" stats "$T/v1.yaml"
cp "$T/out" "$T/want"
run "$CJM" stats HEAD~1:maps/claim.yaml
expect_rc 0 "stats HEAD~1:PATH"
expect_same "$T/want" "$T/out" "stats HEAD~1:PATH gives the old map's figures"
for format in json markdown; do
	run "$CJM" export "$T/v2.yaml" --to $format
	cp "$T/out" "$T/want"
	run "$CJM" export main:maps/claim.yaml --to $format
	expect_rc 0 "export main:PATH --to $format"
	expect_same "$T/want" "$T/out" "export main:PATH --to $format is the committed map's"
done
run "$CJM" export main:maps/claim.yaml --to json -o "$T/out.json"
expect_rc 0 "export main:PATH -o FILE"
check grep -q '"title": "Claim"' "$T/out.json" "the exported file holds the committed map"
run "$CJM" validate main:maps/claim.yaml
expect_rc 0 "validate main:PATH"
run "$CJM" fmt main:maps/claim.yaml
expect_rc 0 "fmt main:PATH prints the canonical form"
expect_same "$T/v2.yaml" "$T/out" "fmt main:PATH is the committed (canonical) map"
run "$CJM" suggest main:maps/claim.yaml
check test "$rc" -le 1 "suggest main:PATH runs the patterns"

# ---- a revision or path git does not have: git's message, exit 66 ----
for spec in nope:maps/claim.yaml main:maps/none.yaml HEAD~9:maps/claim.yaml; do
	said=$("$real_git" cat-file blob "$spec" 2>&1 >/dev/null)
	run "$CJM" show "$spec"
	expect_rc 66 "show $spec: cannot open (66)"
	expect_err_line "cjm: $spec: $said" "show $spec: git's own message"
	expect_empty "$T/out" "show $spec: prints nothing"
	run "$CJM" diff "$spec" maps/claim.yaml
	expect_rc 66 "diff $spec PATH: 66"
	expect_err_line "cjm: $spec: $said" "diff $spec PATH: git's message"
done
run "$CJM" show --plain nope:maps/claim.yaml
expect_rc 66 "show --plain of a revision git does not have: 66 (not the text fallback)"
mkdir "$T/elsewhere"
said=$(cd "$T/elsewhere" && GIT_CEILING_DIRECTORIES=$T "$real_git" cat-file blob main:x.yaml 2>&1 >/dev/null)
(cd "$T/elsewhere" && GIT_CEILING_DIRECTORIES=$T "$CJM" stats main:x.yaml) >"$T/out" 2>"$T/err"
rc=$?
expect_rc 66 "outside a repository: 66"
expect_err_line "cjm: main:x.yaml: $said" "outside a repository: git says so"

# ---- an invalid map in a revision: REV:PATH:LINE:COL, exit 65 ----
g checkout -q -b typo main
sed 's/    emotion: -1/    emotoin: -1/' "$T/v2.yaml" >maps/claim.yaml
g commit -qam "a mistyped key"
g checkout -q main 2>/dev/null || g checkout -q -f main
problem="typo:maps/claim.yaml:9:5: error: unknown key 'emotoin' in a touchpoint (known: id, name, channel, owner, emotion, satisfaction, impact, moment_of_truth, brand_moment, commitment, visible, pillars, pains, ideas, quotes, vote, notes)"
run "$CJM" show typo:maps/claim.yaml
expect_rc 65 "show REV:PATH of an invalid map: 65"
expect_err_line "$problem" "the diagnostic names REV:PATH as the file"
run "$CJM" diff main:maps/claim.yaml typo:maps/claim.yaml
expect_rc 65 "diff of an invalid map in a revision: 65"
expect_err_line "$problem" "diff: the diagnostic names REV:PATH"
run "$CJM" validate typo:maps/claim.yaml
expect_rc 65 "validate REV:PATH of an invalid map: 65"
expect_err_line "$problem" "validate: REV:PATH:LINE:COL"
run "$CJM" show --plain typo:maps/claim.yaml
expect_rc 0 "show --plain REV:PATH of an invalid map falls back to its text"
expect_out_has "# cjm: not a valid map (9:5: unknown key 'emotoin'" "with the line saying why"

# ---- commands that write back refuse a revision ----
cp maps/claim.yaml "$T/before"
run "$CJM" fmt -w main:maps/claim.yaml
expect_rc 64 "fmt -w REV:PATH is a usage error"
expect_err_line "cjm: 'main:maps/claim.yaml' is a map in a git revision, which cannot be written; give the file itself (./main:maps/claim.yaml if its name holds ':')" "fmt -w says why"
expect_err_line "usage: cjm fmt [-w] [--check] FILE..." "fmt -w shows the usage"
expect_same "$T/before" maps/claim.yaml "fmt -w REV:PATH leaves the work tree's file alone"
check test ! -e main:maps "fmt -w REV:PATH creates nothing"
run "$CJM" edit main:maps/claim.yaml
expect_rc 64 "edit REV:PATH is a usage error"
expect_err_has "'main:maps/claim.yaml' is a map in a git revision, which cannot be written" "edit says why"
check test ! -e main:maps "edit REV:PATH creates nothing"

# ---- a file whose name holds ':' is a file ----
sed 's/title: Claim/title: Colon file/' "$T/v1.yaml" >"a:b.yaml"
run "$CJM" show --plain a:b.yaml
expect_rc 0 "a file named a:b.yaml is read"
expect_out_has "title: Colon file" "as the file, not as a revision"
sed 's/^title: Colon file$/title:   Colon file/' "a:b.yaml" >"a:b.yaml.tmp" && mv "a:b.yaml.tmp" "a:b.yaml"
run "$CJM" fmt -w a:b.yaml
expect_rc 0 "fmt -w of a file named a:b.yaml rewrites it"
check grep -qx 'title: Colon file' a:b.yaml "the file is in canonical form"
run "$CJM" show --plain ./main:maps/claim.yaml
expect_rc 66 "./REV:PATH is a path, never a revision"
expect_err_line "cjm: ./main:maps/claim.yaml: No such file or directory" "and says it is not there"

# ---- nothing starting with '-' reaches git; what git says is escaped ----
: >"$T/git.log"
run "$CJM" show -- -c:x.yaml
expect_rc 66 "a spec starting with '-' is a file name"
expect_err_line "cjm: -c:x.yaml: No such file or directory" "which is not there"
expect_empty "$T/git.log" "git never ran"
esc=$(printf '\033')
run "$CJM" show "main:maps/${esc}]0;owned.yaml"
expect_rc 66 "a path with a control character: 66"
if grep -q "$esc" "$T/err"; then
	fail "git's message is printed escaped" "stderr holds a raw ESC"
else
	ok "git's message is printed escaped"
fi
expect_err_has 'main:maps/\x1B]0;owned.yaml' "the escape shows as \\x1B"
check grep -qx "cat-file blob main:maps/${esc}]0;owned.yaml" "$T/git.log" "cjm ran git cat-file blob REV:PATH, one argument"

lib_finish
