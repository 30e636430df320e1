#!/bin/sh
# A save never overwrites a map that changed on disk since the editor read it: :w
# says so and asks. k keeps mine (writes it), o writes mine to another file, r
# reloads theirs with mine kept in a numbered recovery file, Escape saves nothing.
# A touch, or the same bytes written again, is no change; :w! writes without asking;
# a map deleted, or created after it was opened, counts as changed.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/m.yaml
rec=$(tui_recovery_of "$map")
cat >"$map" <<'Y'
version: 1
title: Disk test
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
  - id: bravo
    name: Bravo
Y
cp "$map" "$T/orig.yaml"

# theirs NAME: someone else rewrites the map, renaming Bravo to NAME (a new inode, as git does)
theirs() {
	sed "s/name: Bravo.*/name: $1/" "$map" >"$T/theirs.tmp" && mv "$T/theirs.tmp" "$map"
	cp "$map" "$T/theirs.yaml"
}

# The question is long: a wide window shows all of it.
tui_start 160 30 "$CJM" "$map"
tui_status_has "Orient > Alpha" "the map opens"

# ---- the same bytes: a touch, a rewrite in place, a new file alike: no question ----
tui_keys +
tui_expect "●+1" "+ scores Alpha"
touch -d '2001-02-03 04:05:06' "$map"
tui_keys : w Enter
tui_status_has "saved $map" "a touch alone (new mtime, same bytes) is no change: :w saves"
check grep -q "emotion: 1" "$map" "after the touch, :w wrote mine"
tui_keys +
tui_expect "●+2" "+ scores Alpha +2"
cp "$map" "$T/same.tmp"
cat "$T/same.tmp" >"$map"
mv "$T/same.tmp" "$map"
tui_keys : w Enter
tui_status_has "saved $map" "the same bytes written again (another inode) are no change: :w saves"
check grep -q "emotion: 2" "$map" "after the rewrite alike, :w wrote mine"

# ---- other bytes: :w asks; Escape saves nothing ----
tui_keys -
tui_expect "●+1" "- scores Alpha +1"
theirs Bravissimo
tui_keys : w Enter
tui_status_has "m.yaml changed on disk since it was read: k keep mine (write it), o write mine to another file, r reload theirs" \
	":w on a map changed on disk asks: keep mine, write mine elsewhere, reload theirs"
expect_same "$T/theirs.yaml" "$map" "while it asks, the map on disk is still theirs"
tui_keys Escape
tui_status_has "not saved: $map changed on disk since it was read (:w! writes mine over it)" "Escape: not saved, and it says so"
expect_same "$T/theirs.yaml" "$map" "after Escape the map on disk is still theirs"
tui_status_has " [+] " "after Escape mine is still unsaved"

# ---- k keeps mine ----
tui_keys : w Enter
tui_status_has "changed on disk since it was read: k keep mine" ":w asks again"
tui_keys k
tui_status_has "saved $map" "k writes mine"
check grep -q "name: Bravo$" "$map" "after k the map holds mine (Bravo)"
check grep -q "emotion: 1" "$map" "after k the map holds my emotion"
if tui_has " [+] "; then notok "after k nothing is unsaved"; tui_dump; else ok "after k nothing is unsaved"; fi
tui_keys +
tui_expect "●+2" "another change after k"
tui_keys : w Enter
tui_status_has "saved $map" "after k, the file as written is the one read: :w saves without asking"

# ---- o writes mine to another file; the map stays theirs ----
tui_keys +
tui_expect "●+3" "+ scores Alpha +3"
theirs Bravoure
tui_keys : w Enter
tui_status_has "changed on disk since it was read: k keep mine" ":w on the next change asks"
tui_keys o
tui_status_has "Write mine to:" "o asks for the other file's name"
tui_type "$T/mine.yaml"
tui_keys Enter
tui_status_has "wrote mine to $T/mine.yaml" "o writes mine to the other file and says so"
run "$CJM" validate "$T/mine.yaml"
expect_rc 0 "the other file is a valid map"
check grep -q "emotion: 3" "$T/mine.yaml" "the other file holds mine"
expect_same "$T/theirs.yaml" "$map" "after o the map on disk is still theirs"
tui_keys C-l
tui_status_has " [+] " "after o mine is still unsaved here"
tui_keys : w Enter
tui_status_has "changed on disk since it was read" "after o, :w still asks"
tui_keys o
tui_type "$T/mine.yaml"
tui_keys Enter
tui_status_has "$T/mine.yaml exists: not written" "o never writes over an existing file"
check grep -q "emotion: 3" "$T/mine.yaml" "the existing other file is unchanged"

# ---- r reloads theirs; mine is kept in a numbered recovery file ----
if tui_wait_file "$rec" 5; then ok "the unsaved edits are in the recovery file"; else notok "the unsaved edits are in the recovery file"; fi
tui_keys : w Enter
tui_status_has "r reload theirs" ":w asks once more"
tui_keys r
tui_status_has "reloaded $map (theirs); your unsaved edits are kept in $rec.1" "r reloads theirs and says where mine are kept"
tui_expect "Bravoure" "r shows theirs"
if tui_has "●+3"; then notok "after r my change is not on screen"; tui_dump; else ok "after r my change is not on screen"; fi
if tui_has " [+] "; then notok "after r nothing is unsaved"; tui_dump; else ok "after r nothing is unsaved"; fi
run "$CJM" validate "$rec.1"
expect_rc 0 "the kept recovery file is a valid map"
check grep -q "emotion: 3" "$rec.1" "the kept recovery file holds my unsaved edits"
check grep -q "name: Bravo$" "$rec.1" "the kept recovery file holds my version of Bravo"
expect_same "$T/theirs.yaml" "$map" "r leaves the map on disk as theirs"
tui_expect "●+2" "theirs has its own emotion for Alpha"
tui_keys -
tui_expect "●+1" "an edit on theirs"
tui_keys : w Enter
tui_status_has "saved $map" "after r, :w saves without asking"
check grep -q "name: Bravoure" "$map" "the save after r builds on theirs"
sleep 1.5 # longer than the recovery delay: the kept file is not the editor's any more
check grep -q "emotion: 3" "$rec.1" "the kept recovery file stays as it was"

# ---- :w! writes without asking ----
tui_keys +
tui_expect "●+2" "+ scores Alpha +2"
theirs Bravado
tui_keys : w ! Enter
tui_status_has "saved $map" ":w! saves over a map changed on disk without asking"
check grep -q "name: Bravoure" "$map" ":w! wrote mine"

# ---- deleted under the editor ----
tui_keys +
tui_expect "●+3" "+ scores Alpha +3 again"
rm "$map"
tui_keys : w Enter
tui_status_has "m.yaml was deleted since it was read: k write mine anyway" ":w on a deleted map asks"
check test ! -e "$map" "while it asks the map is not written"
tui_keys r
tui_status_has "was deleted since it was read: k write mine anyway" "r is no answer for a deleted map: it still asks"
tui_keys k
tui_status_has "saved $map" "k writes the deleted map again"
check grep -q "emotion: 3" "$map" "the map written again holds mine"

# ---- :wq on a changed map asks, and k saves and quits ----
tui_keys -
tui_expect "●+2" "- scores Alpha +2 again"
theirs Bravo
tui_keys : w q Enter
tui_status_has "changed on disk since it was read: k keep mine" ":wq on a changed map asks"
tui_alive ":wq on a changed map does not quit yet"
tui_keys k
tui_expect_rc 0 ":wq then k saves and quits"
check grep -q "emotion: 2" "$map" ":wq then k wrote mine"
check test -f "$rec.1" "quitting keeps the numbered recovery file"
rm -f "$rec.1"
tui_no_leftovers "$map" "after :wq and k no recovery or lock file is left"

# ---- a map that did not exist when opened, created since ----
new=$T/new.yaml
tui_start 160 30 "$CJM" "$new"
tui_wait_for "new.yaml"
tui_keys P
tui_type "Mine"
tui_keys Enter
tui_expect "Mine" "a phase on the new map"
cp "$T/orig.yaml" "$new"
tui_keys : w Enter
tui_status_has "new.yaml was created by someone else since it was opened: k keep mine" ":w over a map created since it was opened asks"
expect_same "$T/orig.yaml" "$new" "while it asks, theirs is untouched"
tui_keys r
tui_status_has "reloaded $new (theirs); your unsaved edits are kept in" "r reloads the file created since"
tui_expect "Bravo" "theirs is on screen"
check grep -q "name: Mine" "$(tui_recovery_of "$new").1" "my new map is kept"
tui_keys : q Enter
tui_expect_rc 0 ":q after r exits 0"
expect_same "$T/orig.yaml" "$new" "the file created by someone else is untouched"
lib_finish
