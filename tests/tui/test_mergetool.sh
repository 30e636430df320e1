#!/bin/sh
# git mergetool with cjm as its tool, configured as cjm-edit(1) says, in a real
# repository whose merge driver is cjm merge (cjm-git(7)): a conflicted git merge,
# then git mergetool opens the map in the editor (in tmux: it needs a terminal);
# settled and :wq, git stages it resolved; quit with :q! instead, the editor exits 1
# and git leaves the map unmerged with its markers. Hermetic: its own HOME, no
# system git config.
. tests/cli/lib.sh
. tests/tui/tmux.sh

lib_git_sandbox
# the configuration runs "cjm", as a person's PATH has it
mkdir "$T/bin"
ln -s "$CJM" "$T/bin/cjm"
R=$T/repo
g() { git -C "$R" -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main "$@"; }

mkdir "$R"
g init -q
g config merge.cjm.name "cjm journey map merge"
g config merge.cjm.driver "cjm merge --name %P %O %A %B"
g config mergetool.cjm.cmd 'cjm "$MERGED"'
g config mergetool.cjm.trustExitCode true
echo '*.yaml merge=cjm' >"$R/.gitattributes"
cat >"$R/map.yaml" <<'YAML'
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
g add .gitattributes map.yaml
g commit -qm base
g checkout -qb theirs
sed -i 's/emotion: 1/emotion: -1/' "$R/map.yaml"
g commit -qam theirs
g checkout -q main
sed -i 's/emotion: 1/emotion: -3/' "$R/map.yaml"
g commit -qam ours
g tag ours

# conflict: merges theirs into main with the cjm driver (PATH finds cjm); 0 when it conflicted as meant
conflict() {
	g reset -q --hard ours
	PATH=$T/bin:$PATH g merge -q --no-edit theirs >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -ne 0 ] && grep -qx '<<<<<<< ours' "$R/map.yaml"
}

# mergetool: git mergetool for the map, in a terminal, as a person runs it
mergetool() {
	tui_start 100 30 env PATH="$T/bin:$PATH" HOME="$HOME" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$GIT_CONFIG_GLOBAL" \
		git -C "$R" mergetool --tool=cjm --no-prompt map.yaml
}

# ---- settled in the editor and saved: git stages the resolved map ----
check conflict "git merge with the cjm driver leaves a conflict with markers"
mergetool
tui_expect "1 conflict, 1 undecided" "git mergetool opens the map in cjm's conflicts panel"
tui_expect "touchpoint 'Compare prices' in phase 'Orient': emotion" "the panel lists the conflict"
tui_expect "theirs: -1" "with their value"
tui_keys t
tui_expect "1 conflict, 0 undecided" "t takes theirs"
tui_keys : w q Enter
tui_expect_rc 0 "git mergetool ends with 0 after :wq"
run g status --porcelain
if grep -qx 'M  map.yaml' "$T/out"; then
	ok "git status: the map is resolved and staged"
else
	fail "git status: the map is resolved and staged" "expected the line 'M  map.yaml'"
fi
check sh -c "! grep -q '^<<<<<<<' '$R/map.yaml'" "the staged map holds no markers"
run "$CJM" validate "$R/map.yaml"
expect_rc 0 "the resolved map validates"
check grep -qx '    emotion: -1' "$R/map.yaml" "the resolved map holds theirs' emotion, as chosen"
run g diff --cached --name-only --diff-filter=U
expect_empty "$T/out" "nothing is left unmerged"
run g -c core.editor=true commit -q --no-edit
expect_rc 0 "the merge commits"
tui_no_leftovers "$R/map.yaml" "no recovery or lock file is left in the repository"

# ---- quit without saving: exit 1, git leaves it unmerged ----
rm -f "$R/map.yaml.orig"
check conflict "the conflict again"
cp "$R/map.yaml" "$T/marked.yaml"
mergetool
tui_expect "1 conflict, 1 undecided" "the second git mergetool opens the panel"
tui_keys t : q ! Enter
tui_wait_exit
if [ "$tui_rc" != 0 ] && tui_has "merge of map.yaml failed"; then
	ok "quit with :q!: git sees the tool fail (exit 1) and says the merge failed"
else
	notok "quit with :q!: git sees the tool fail (exit 1) and says the merge failed" "git mergetool exit: $tui_rc"
	tui_dump
fi
run g status --porcelain
if grep -qx 'UU map.yaml' "$T/out"; then
	ok "git status: the map is still unmerged"
else
	fail "git status: the map is still unmerged" "expected the line 'UU map.yaml'"
fi
expect_same "$T/marked.yaml" "$R/map.yaml" "the map keeps its markers, as it was"
tui_no_leftovers "$R/map.yaml" "no recovery or lock file is left after :q!"

lib_finish
