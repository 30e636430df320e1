#!/bin/sh
# Quitting with unsaved changes is refused; :q! quits; :w into a read-only folder
# keeps the editor open with the reason.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
cat >"$map" <<'Y'
version: 1
title: Quit test
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
Y
cp "$map" "$T/orig.yaml"

tui_start 100 30 "$CJM" "$map"
tui_status_has "Orient > Alpha" "the map opens"
tui_keys +
tui_expect "●+1" "+ scores Alpha"
tui_keys : q Enter
tui_status_has "unsaved changes" ":q with unsaved changes is refused with a message"
tui_alive ":q with unsaved changes leaves the editor open"
tui_expect "●+1" "the change is still on screen"
tui_keys : q ! Enter
tui_expect_rc 0 ":q! exits 0"
expect_same "$T/orig.yaml" "$map" ":q! leaves the file unchanged"
tui_no_leftovers "$map" ":q! leaves no recovery or lock file"

# ---- :w in a read-only folder (200 columns: the status line holds the map's
# path twice and the reason comes last) ----
# A user other than root gets a folder without write permission ("Permission
# denied"). Root, whom permissions do not stop, gets a read-only bind mount of it
# in a mount namespace of its own ("Read-only file system"), or where it cannot
# have one (a chroot, a container) runs cjm as nobody in the folder without write
# permission.
mkdir "$T/ro"
cp "$T/orig.yaml" "$T/ro/m.yaml"
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$T/ro"
	tui_start 200 30 "$CJM" "$T/ro/m.yaml"
	ro=1
	ro_reason="Permission denied"
elif unshare -m true 2>/dev/null; then
	tui_start 200 30 unshare -m sh -c "mount --bind '$T/ro' '$T/ro' && mount -o remount,ro,bind '$T/ro' '$T/ro' && exec '$CJM' '$T/ro/m.yaml'"
	ro=1
	ro_reason="Read-only file system"
elif setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	chmod 711 "$T"
	chmod 666 "$T/ro/m.yaml" # the file nobody may write, the folder not: only the folder is read-only
	chmod 555 "$T/ro"
	tui_start 200 30 setpriv --reuid=65534 --regid=65534 --clear-groups "$CJM" "$T/ro/m.yaml"
	ro=1
	ro_reason="Permission denied"
else
	echo "ok - :w in a read-only folder # SKIP cannot make a read-only folder here (root without unshare -m or setpriv)"
	ro=0
fi
if [ "$ro" = 1 ]; then
	tui_status_has "Orient > Alpha" "a map in a read-only folder opens"
	tui_status_has "cannot lock the map" "it says the map cannot be locked there"
	tui_keys -
	tui_expect "●-1" "- scores Alpha -1"
	tui_keys : w Enter
	tui_status_has "cannot save" ":w in a read-only folder says it cannot save"
	tui_status_has "$ro_reason); your changes are still here" ":w in a read-only folder says why ($ro_reason), and that the changes are kept"
	tui_alive ":w failing keeps the editor open"
	tui_status_has " [+] " "after a failed :w the map is still unsaved"
	tui_keys C-l
	tui_wait_gone "cannot save"
	tui_keys : w q Enter
	tui_status_has "cannot save" ":wq in a read-only folder says it cannot save"
	tui_alive ":wq in a read-only folder does not quit"
	tui_keys : q Enter
	tui_status_has "unsaved changes" ":q after a failed :w is refused"
	tui_keys : q ! Enter
	tui_expect_rc 0 ":q! exits 0"
	expect_same "$T/orig.yaml" "$T/ro/m.yaml" "the map in the read-only folder is unchanged"
	chmod 755 "$T/ro"
fi

# ---- a map with YAML comments: warned before the first :w, and a backup kept
# (DESIGN: "warn before the first save that overwrites them and keep a backup").
# 80x24 with a short relative path, as a person would run it.
mkdir "$T/c"
cat >"$T/c/m.yaml" <<'Y'
version: 1
title: Comment test # why this map exists
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
Y
cp "$T/c/m.yaml" "$T/c.orig"
tui_start 80 24 sh -c "cd '$T/c' && exec '$CJM' m.yaml"
tui_status_has "Orient > Alpha" "a map with a comment opens at 80x24"
tui_keys +
tui_wait_for "●+1"
tui_keys : w Enter
tui_status_has "comment" "the first :w warns that the comment will be lost"
tui_status_has ":w again" "at 80x24 the warning shows how to go on (:w again)" 2
expect_same "$T/c.orig" "$T/c/m.yaml" "after the warning the file is not yet written"
tui_keys : w Enter
tui_status_has "saved" "the second :w saves"
check grep -q "emotion: 1" "$T/c/m.yaml" "the change is saved"
backup=$(grep -l "# why this map exists" "$T/c"/* "$T/c"/.[!.]* 2>/dev/null | grep -v "/m.yaml\$" | head -n 1)
if [ -n "$backup" ]; then
	ok "a backup with the comment is kept beside the map ($(basename "$backup"))"
else
	notok "a backup with the comment is kept beside the map" "files: $(cd "$T/c" && echo * .[!.]*)" "(cjm fmt -w keeps m.yaml.orig; the editor keeps nothing)"
fi
tui_keys : q Enter
tui_expect_rc 0 ":q after saving exits 0"
lib_finish
