#!/bin/sh
# cjm show --plain as git's textconv: in a real repository configured as the README
# says, git diff of a map reads one fact per line ("emotion: -3" -> "-1"); a map that
# does not load reads as its text, and git log -p and git blame go on.
. tests/cli/lib.sh
lib_git_sandbox
g() { git -c user.name=Facilitator -c user.email=f@example.com -c init.defaultBranch=main "$@"; }

repo=$T/repo
g init -q "$repo" || exit 1
cd "$repo" || exit 1
echo '*.yaml diff=cjm-plain' >.gitattributes
g config diff.cjm-plain.textconv "$CJM show --plain"
cat >journey.yaml <<'Y'
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
Y
g add .gitattributes journey.yaml && g commit -q -m "a map"
sed -i 's/emotion: -3/emotion: -1/; s/On hold for 40 minutes/Called back within the hour/' journey.yaml
run g diff
expect_rc 0 "git diff with the textconv runs"
expect_out_has "-claim/call emotion: -3" "the old emotion reads as a fact"
expect_out_has "+claim/call emotion: -1" "the new emotion reads as a fact"
expect_out_has "+claim/call pains: Called back within the hour" "a changed pain reads as a fact"
expect_out_lacks "-    emotion: -3" "no raw YAML lines"
g commit -q -am "better call"
run g log -p --format=%s -1
expect_out_has "+claim/call emotion: -1" "git log -p uses it too"

# a commit whose map does not load: the textconv prints its text, git goes on
sed -i 's/    emotion: -1/    emotoin: -1/' journey.yaml
g commit -q -am "a mistyped key"
run g log -p --format=%s
expect_rc 0 "git log -p goes on past a map that does not load"
expect_out_has "+# cjm: not a valid map (9:5: unknown key 'emotoin' in a touchpoint" "the textconv says it is not a valid map"
expect_out_has "+    emotoin: -1" "then shows its text"
expect_out_has "+claim/call emotion: -1" "the commits before it still read as facts"
run g blame journey.yaml
expect_rc 0 "git blame of a map that does not load works"
expect_out_has "emotoin: -1" "git blame shows its text"
lib_finish
