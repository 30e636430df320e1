#!/bin/sh
# End to end: cjm merge as git's merge driver in a real repository. Two branches that
# edit one map in different places merge cleanly into a valid map holding both edits;
# two branches that change one field both ways give a conflict with both values
# between markers. Hermetic: its own HOME, no system git config.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_git_merge.sh
. tests/cli/lib.sh

if ! command -v git >/dev/null 2>&1; then
	echo "ok - git is not installed; skipped"
	exit 0
fi
case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac
HOME=$T
GIT_CONFIG_NOSYSTEM=1
GIT_CONFIG_GLOBAL=$T/gitconfig
export HOME GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL
: >"$GIT_CONFIG_GLOBAL"
R=$T/repo
g() { git -C "$R" -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main "$@"; }

mkdir "$R"
g init -q
g config merge.cjm.name "cjm journey map merge"
g config merge.cjm.driver "'$CJM' merge %O %A %B"
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
g add .gitattributes map.yaml
g commit -qm base

# ---- clean: different touchpoints, and an idea added on each side ----
g checkout -qb left
sed -i 's/emotion: 1/emotion: 2/; s/    - one/    - one\n    - left idea/' "$R/map.yaml"
g commit -qam left
g checkout -q main
g checkout -qb right
sed -i 's/    name: Sign/    name: Sign\n    channel: web/; s/    - one/    - one\n    - right idea/' "$R/map.yaml"
g commit -qam right
run g merge -q --no-edit left
expect_rc 0 "git merge with the cjm driver succeeds where the edits differ"
run "$CJM" validate "$R/map.yaml"
expect_rc 0 "the merged map validates"
check grep -qx '    emotion: 2' "$R/map.yaml" "the merged map holds left's edit"
check grep -qx '    channel: web' "$R/map.yaml" "the merged map holds right's edit"
check grep -qx '    - left idea' "$R/map.yaml" "the merged map holds left's idea"
check grep -qx '    - right idea' "$R/map.yaml" "the merged map holds right's idea"
run "$CJM" fmt --check "$R/map.yaml"
expect_rc 0 "the merged map is canonical"
run g status --porcelain
expect_empty "$T/out" "the merge is committed, nothing left over"

# ---- conflict: one field changed both ways ----
g checkout -qb red
sed -i 's/emotion: 2/emotion: -1/' "$R/map.yaml"
g commit -qam red
g checkout -q right
g checkout -qb blue
sed -i 's/emotion: 2/emotion: -3/' "$R/map.yaml"
g commit -qam blue
run g merge -q --no-edit red
check test "$rc" -ne 0 "git merge reports a conflict"
expect_out_has "CONFLICT" "git says CONFLICT"
check grep -qx '<<<<<<< ours' "$R/map.yaml" "the map holds the opening marker"
check grep -qx '    emotion: -3' "$R/map.yaml" "the map holds our value"
check grep -qx '    emotion: -1' "$R/map.yaml" "the map holds their value"
check grep -qx '>>>>>>> theirs' "$R/map.yaml" "the map holds the closing marker"
run g diff --name-only --diff-filter=U
expect_out_has "map.yaml" "git lists the map as unmerged"
run "$CJM" validate "$R/map.yaml"
expect_rc 65 "validate refuses the conflicted map"
expect_err_has "error: unresolved merge conflict" "validate says why"
# resolve by keeping ours, as a facilitator would
sed -i '/^=======$/,/^>>>>>>> /d; /^<<<<<<< /d' "$R/map.yaml"
run "$CJM" validate "$R/map.yaml"
expect_rc 0 "keeping one side resolves it"
g add map.yaml
run g commit -qm merged
expect_rc 0 "the resolved merge commits"

lib_finish
