#!/bin/sh
# End to end: cjm merge as git's merge driver in a real repository. Two branches that
# edit one map in different places merge cleanly into a valid map holding both edits;
# two branches that change one field both ways give a conflict with both values
# between markers; two branches that add the same map (git passes an empty base)
# keep both sides, and the messages name the map's path. Hermetic: its own HOME, no system git config.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_git_merge.sh
. tests/cli/lib.sh

lib_git_sandbox
R=$T/repo
g() { git -C "$R" -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main "$@"; }

mkdir "$R"
g init -q
g config merge.cjm.name "cjm journey map merge"
g config merge.cjm.driver "'$CJM' merge --name %P %O %A %B"
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

# ---- add/add: both branches add the same new map; git's base is an empty file ----
g checkout -qb add-left main
mkdir -p "$R/new maps"
cat >"$R/new maps/shop.yaml" <<'YAML'
version: 1
title: Shop
phases:
- id: browse
  name: Browse
  touchpoints:
  - id: search
    name: Search
    emotion: 1
YAML
g add "new maps/shop.yaml"
g commit -qm add-left
g checkout -qb add-right main
mkdir -p "$R/new maps"
cat >"$R/new maps/shop.yaml" <<'YAML'
version: 1
title: Shop
phases:
- id: browse
  name: Browse
  touchpoints:
  - id: search
    name: Search
    emotion: -2
  - id: pay
    name: Pay
YAML
g add "new maps/shop.yaml"
g commit -qm add-right
run g merge -q --no-edit add-left
check test "$rc" -ne 0 "add/add with different values is a conflict"
check grep -qx '  - id: pay' "$R/new maps/shop.yaml" "add/add keeps our touchpoint"
check grep -qx '    emotion: -2' "$R/new maps/shop.yaml" "add/add keeps our value"
check grep -qx '    emotion: 1' "$R/new maps/shop.yaml" "add/add keeps their value (theirs does not disappear)"
check grep -qx '<<<<<<< ours' "$R/new maps/shop.yaml" "add/add marks the difference"
expect_err_has "in new maps/shop.yaml:" "the driver's message names the map's path"
if grep -q '\.merge_file' "$T/err"; then
	fail "the driver's messages do not name git's temporary files"
else
	ok "the driver's messages do not name git's temporary files"
fi
g merge --abort
g checkout -qb add-same main
mkdir -p "$R/new maps"
g show add-left:"new maps/shop.yaml" >"$R/new maps/shop.yaml"
printf '  - id: leave\n    name: Leave\n' >>"$R/new maps/shop.yaml"
g add "new maps/shop.yaml"
g commit -qm add-same
run g merge -q --no-edit add-left
expect_rc 0 "add/add of compatible maps merges cleanly"
check grep -qx '  - id: leave' "$R/new maps/shop.yaml" "the clean add/add keeps our addition"
run "$CJM" validate "$R/new maps/shop.yaml"
expect_rc 0 "the clean add/add validates"

# ---- ours with comments: the merge keeps them beside the map and says so ----
g checkout -qb commented-left main
sed 's/^title: Energy$/title: Energy # kept for the workshop/' "$R/map.yaml" >"$R/m.tmp" && mv "$R/m.tmp" "$R/map.yaml"
g commit -qam commented-left
g checkout -qb commented-right main
sed 's/    name: Call/    name: Call\n    channel: phone/' "$R/map.yaml" >"$R/m.tmp" && mv "$R/m.tmp" "$R/map.yaml"
g commit -qam commented-right
g checkout -q commented-left
run g merge -q --no-edit commented-right
expect_rc 0 "a merge into a commented map succeeds"
expect_err_has "cjm: map.yaml (ours): 1 comment(s) dropped; the original is kept in map.yaml.orig" "the driver says where our comments are kept"
check grep -q "# kept for the workshop" "$R/map.yaml.orig" "map.yaml.orig holds our comment"
check grep -qx '    channel: phone' "$R/map.yaml" "the merge holds their edit"

lib_finish
