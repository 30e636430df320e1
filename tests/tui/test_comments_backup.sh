#!/bin/sh
# A map with comments saved from the editor while an earlier backup exists: the
# comments go to a new numbered backup (m.yaml.orig.1, then .orig.2), the status
# line names that file, and the earlier backups are left as they were.
. tests/cli/lib.sh
. tests/tui/tmux.sh

mkdir "$T/c"
cat >"$T/c/m.yaml" <<'Y'
version: 1
title: Backup test # the first comment
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
Y
# an earlier cjm fmt -w kept this file's first version in m.yaml.orig
cp "$T/c/m.yaml" "$T/c/m.yaml.orig"
cp "$T/c/m.yaml" "$T/first.orig"
sed 's/# the first comment/# the second comment/' "$T/first.orig" >"$T/c/m.yaml"
cp "$T/c/m.yaml" "$T/second.yaml"

# save_twice LABEL MARK: opens m.yaml, raises the emotion to MARK, and saves past the comments warning
save_twice() {
	tui_start 80 24 sh -c "cd '$T/c' && exec '$CJM' m.yaml"
	tui_status_has "Orient > Alpha" "$1: the commented map opens"
	tui_keys +
	tui_wait_for "$2"
	tui_keys : w Enter
	tui_status_has ":w again" "$1: the first :w warns about the comments"
	tui_keys : w Enter
}

save_twice "second version" "●+1"
tui_status_has "its comments are kept in m.yaml.orig.1" "the status line names the new backup m.yaml.orig.1"
expect_same "$T/second.yaml" "$T/c/m.yaml.orig.1" "m.yaml.orig.1 holds the file the save replaced, with its comment"
expect_same "$T/first.orig" "$T/c/m.yaml.orig" "the earlier backup m.yaml.orig is untouched"
check grep -q "emotion: 1" "$T/c/m.yaml" "the change is saved"
tui_keys : q Enter
tui_expect_rc 0 ":q after saving exits 0"

# the same map opened again, with a comment added by hand since
sed 's/^title: .*/&  # the third comment/' "$T/c/m.yaml" >"$T/third.yaml"
cp "$T/third.yaml" "$T/c/m.yaml"
save_twice "third version" "●+2"
tui_status_has "its comments are kept in m.yaml.orig.2" "opened again: the status line names m.yaml.orig.2"
expect_same "$T/third.yaml" "$T/c/m.yaml.orig.2" "m.yaml.orig.2 holds the third version's comment"
expect_same "$T/second.yaml" "$T/c/m.yaml.orig.1" "m.yaml.orig.1 is untouched"
tui_keys : q Enter
tui_expect_rc 0 ":q exits 0"
lib_finish
