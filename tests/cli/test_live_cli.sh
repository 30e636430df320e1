#!/bin/sh
# Bad input of cjm host and cjm join, each with its message and exit status
# (cjm-host(1), cjm-join(1)) and nothing written; then who may connect: the
# socket's folder and the host's check of the peer's user (cjm-live(7), ACCESS).
. tests/cli/lib.sh

map=$T/wire.yaml
cat >"$map" <<'Y'
version: 1
title: Wire test
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
Y
cp "$map" "$T/orig.yaml"
mkdir "$T/empty"

# expect_usage TEXT NAME: exit 64, and the first line of stderr is TEXT
expect_first_err() {
	if [ "$(head -n 1 "$T/err")" = "$1" ]; then ok "$2"; else fail "$2" "expected the first stderr line: $1"; fi
}

# ---- cjm join, before any session ----
run "$CJM" join --dir "$T/empty"
expect_rc 66 "join with no session exits 66"
expect_err_line "cjm: no live session to join: the facilitator starts one with cjm host FILE" \
	"join with no session says the facilitator starts one"
run "$CJM" join --dir "$T/empty" werkplaats
expect_rc 66 "join of a session that is not there exits 66"
expect_err_line "cjm: no live session named 'werkplaats' that you can join" "join of a session that is not there says so"

rule="one line of 1 to 64 bytes, with no control characters, ':' or '|', and no space at either end"
long=$(printf '%065d' 0)
# bad_label OPTION VALUE SHOWN NAME: join refuses OPTION VALUE with 64, showing it as SHOWN
bad_label() {
	run "$CJM" join --dir "$T/empty" "$1" "$2"
	expect_rc 64 "join $1 $4 exits 64"
	case $1 in
	--as) what="a name" ;;
	*) what="a team's name" ;;
	esac
	expect_first_err "cjm: $1 '$3': $what is $rule" "join $1 $4 says what $what is"
	expect_err_has "usage: cjm join " "join $1 $4 shows the usage"
}
bad_label --as "sanne:finance" "sanne:finance" "with ':'"
bad_label --as "sanne|it" "sanne|it" "with '|'"
bad_label --as "$(printf 'sanne\033[2J')" 'sanne\x1B[2J' "with an escape (shown escaped)"
bad_label --as "$(printf 'a\tb')" 'a\tb' "with a tab"
bad_label --as "$long" "$long" "of 65 bytes"
bad_label --as "" "" "empty"
bad_label --as "bob " "bob " "with a space at its end"
bad_label --team " finance" " finance" "with a space at its start"
bad_label --team "finance:it" "finance:it" "with ':'"
bad_label --team "finance|it" "finance|it" "with '|'"
bad_label --team "$(printf 'fin\001')" 'fin\x01' "with a control character"
bad_label --team "$long" "$long" "of 65 bytes"
run "$CJM" join --dir "$T/empty" --as "$(printf '%064d' 0)" --team "$(printf '%064d' 0)"
expect_rc 66 "join --as and --team of 64 bytes each pass (then find no session: 66)"
run "$CJM" join --dir "$T/empty" one two
expect_rc 64 "join with two sessions named exits 64"
expect_first_err "cjm: one SESSION only ('one' and 'two')" "join with two sessions named says one only"

# ---- cjm host: what is refused before the terminal ----
# bad_session NAME SHOWN: host --session NAME exits 64
bad_session() {
	run "$CJM" host --session "$1" "$map"
	expect_rc 64 "host --session '$2' exits 64"
	expect_first_err "cjm: '$2' is not a session name: 1 to 64 lower-case letters, digits and '-', starting with a letter or digit" \
		"host --session '$2' says what a session name is"
}
bad_session Werkplaats Werkplaats
bad_session "-werk" "-werk"
bad_session "werk plaats" "werk plaats"
bad_session "werk/plaats" "werk/plaats"
run "$CJM" host --allow nobody "$map"
expect_rc 64 "host --allow without --dir exits 64"
expect_first_err "cjm: --allow needs --dir, a folder the allowed users can reach: your own folder and the group's are closed to them" \
	"host --allow without --dir says why"
bad_session "werk.plaats" "werk.plaats"
bad_session "" ""
bad_session "$long" "$long"
run "$CJM" host --group workshop --dir "$T/empty" "$map"
expect_rc 64 "host --group with --dir exits 64"
expect_first_err "cjm: --group and --dir name two places for the socket: give one" "host --group with --dir says give one"
expect_err_has "usage: cjm host " "host --group with --dir shows the usage"
run "$CJM" host --dir "$T/empty" "$map"
expect_rc 64 "host without a terminal exits 64"
expect_first_err "cjm: the editor needs a terminal; cjm show $map prints the map" "host without a terminal says the editor needs one"
check test -z "$(ls -A "$T/empty")" "nothing was written in the folder"
expect_same "$T/orig.yaml" "$map" "the map is unchanged"

# ---- cjm host in a terminal: folders and names refused ----
. tests/tui/tmux.sh

# refused NAME TEXT DIR ARGS...: cjm host ARGS... exits 73 saying "cannot host the
# session: TEXT", and writes nothing: DIR (when not -) is as it was, the map too
refused() {
	refused_name=$1
	refused_text=$2
	refused_dir=$3
	shift 3
	[ "$refused_dir" = - ] || ls -lA "$refused_dir" >"$T/dir.before" 2>&1
	TUI_SESSION=refused
	tui_start 250 20 "$CJM" host "$@" "$map"
	tui_expect_rc 73 "$refused_name: host exits 73"
	# the message, whatever the window's width did to it
	tui_screen
	if tr -d '\n' <"$T/screen" | grep -qF -- "cjm: cannot host the session: $refused_text"; then
		ok "$refused_name: host says why: $refused_text"
	else
		notok "$refused_name: host says why: $refused_text"
		tui_dump
	fi
	if [ "$refused_dir" != - ]; then
		ls -lA "$refused_dir" >"$T/dir.after" 2>&1
		expect_same "$T/dir.before" "$T/dir.after" "$refused_name: nothing is written in the folder (no socket)"
	fi
	expect_same "$T/orig.yaml" "$map" "$refused_name: the map is unchanged"
	tui_no_leftovers "$map" "$refused_name: no recovery file or lock is left"
}

mkdir "$T/open"
chmod 777 "$T/open"
refused "a world-writable --dir" \
	"the folder $T/open may be written by others (mode 0777): someone may have planted a socket in it" \
	"$T/open" --dir "$T/open"
chmod 1777 "$T/open"
refused "a sticky world-writable --dir" \
	"the folder $T/open may be written by others (mode 1777): someone may have planted a socket in it" \
	"$T/open" --dir "$T/open"
mkdir "$T/groupw"
chmod 770 "$T/groupw"
refused "a group-writable --dir" \
	"the folder $T/groupw may be written by others (mode 0770): someone may have planted a socket in it" \
	"$T/groupw" --dir "$T/groupw"
mkdir "$T/real"
chmod 700 "$T/real"
ln -s "$T/real" "$T/link"
refused "a --dir that is a symbolic link" \
	"the folder $T/link is a symbolic link: someone may have planted it; remove it" \
	"$T/real" --dir "$T/link"
if [ "$(id -u)" = 0 ]; then
	mkdir "$T/theirs"
	chmod 700 "$T/theirs"
	chown 65534 "$T/theirs"
	theirs=$T/theirs
	owner="$(getent passwd 65534 | cut -d: -f1) (uid 65534)"
else
	theirs=/usr # made by root
	owner="$(getent passwd 0 | cut -d: -f1) (uid 0)"
fi
refused "a --dir owned by someone else" \
	"the folder $theirs is owned by $owner, not by you: someone may have planted it" \
	"$theirs" --dir "$theirs"
refused "a --dir that is not there" \
	"cannot use the folder $T/nowhere: No such file or directory" \
	- --dir "$T/nowhere"
check test ! -e "$T/nowhere" "a --dir that is not there is not made"
touch "$T/file"
refused "a --dir that is a file" "$T/file is not a folder" - --dir "$T/file"
mkdir "$T/sock"
chmod 700 "$T/sock"
refused "--allow of a user that does not exist" "--allow: there is no user named niemand-cjm-test" \
	"$T/sock" --dir "$T/sock" --allow niemand-cjm-test
refused "--group of a group that does not exist" "there is no group named geen-cjm-test" \
	- --group geen-cjm-test
check test ! -e /tmp/cjm-live-geen-cjm-test "--group of a group that does not exist makes no folder"
# a group this user is not in
outside=
for g in nogroup nobody users staff; do
	getent group "$g" >/dev/null 2>&1 || continue
	id -Gn | tr ' ' '\n' | grep -qx "$g" && continue
	outside=$g
	break
done
if [ -n "$outside" ]; then
	existed=
	[ -e "/tmp/cjm-live-$outside" ] && existed=1
	refused "--group of a group one is not in" \
		"you are not a member of the group $outside; a session for the group is hosted by one of its members" \
		- --group "$outside"
	if [ -z "$existed" ]; then
		check test ! -e "/tmp/cjm-live-$outside" "--group of a group one is not in makes no folder"
	fi
else
	skip "--group of a group one is not in" "every group tried here has this user in it"
fi
printf '%s\n' "version: 1" "title: Energie" "phases: []" >"$T/Energie Overstap.yaml"
cp "$T/Energie Overstap.yaml" "$T/energie.orig"

# ---- a second host of the same session name ----
TUI_SESSION=first
tui_start 200 20 "$CJM" host --dir "$T/sock" "$map"
tui_status_has "live · 0 joined" "a first host of the session 'wire' runs"
ls -lA "$T/sock" >"$T/dir.before"
TUI_SESSION=second
cp "$map" "$T/other.yaml"
tui_start 250 20 "$CJM" host --dir "$T/sock" --session wire "$T/other.yaml"
tui_expect_rc 73 "a second host of the session 'wire' exits 73"
tui_screen
if tr -d '\n' <"$T/screen" | grep -qF "cjm: cannot host the session: a session named wire is already hosted (socket $T/sock/wire.sock)"; then
	ok "a second host of the session says it is already hosted, and where"
else
	notok "a second host of the session says it is already hosted, and where"
	tui_dump
fi
ls -lA "$T/sock" >"$T/dir.after"
expect_same "$T/dir.before" "$T/dir.after" "the second host leaves the first one's socket alone"
expect_same "$T/orig.yaml" "$T/other.yaml" "the second host's map is unchanged"

# ---- two sessions: join without a name lists them ----
TUI_SESSION=third
tui_start 200 20 "$CJM" host --dir "$T/sock" "$T/Energie Overstap.yaml"
tui_status_has "live · 0 joined" "a second session, named from its map's file name, runs beside it"
run "$CJM" join --dir "$T/sock"
expect_rc 64 "join with two sessions and no name exits 64"
printf '%s\n' "cjm: 2 live sessions; name the one to join:" \
	"$(printf '  %-24s %s' energie-overstap "$T/sock/energie-overstap.sock")" \
	"$(printf '  %-24s %s' wire "$T/sock/wire.sock")" >"$T/want"
expect_same "$T/want" "$T/err" "join with two sessions lists each with its socket, by name"
run "$CJM" join --dir "$T/sock" wire
expect_rc 64 "join of a named session without a terminal exits 64"
expect_err_line "cjm: a participant's screen needs a terminal" "join without a terminal says it needs one"
TUI_SESSION=third
tui_keys : q Enter
tui_expect_rc 0 "the second session ends"
expect_same "$T/energie.orig" "$T/Energie Overstap.yaml" "the second session's map is unchanged"
TUI_SESSION=first
tui_keys : q Enter
tui_expect_rc 0 "the first session ends"
check test -z "$(ls -A "$T/sock")" "both sockets are removed when their sessions end"
expect_same "$T/orig.yaml" "$map" "the first session's map is unchanged"

# ---- who may connect: the folders' and the socket's modes ----
# mode PATH: its permission bits, as four octal digits
mode() {
	stat -c '%a' "$1" | awk '{ printf "%04d\n", $1 }'
}
mkdir "$T/xdg"
chmod 700 "$T/xdg"
TUI_SESSION=own
tui_start 200 20 env XDG_RUNTIME_DIR="$T/xdg" "$CJM" host "$map"
tui_status_has "live · 0 joined" "a host in the user's own folder runs"
tui_wait_file "$T/xdg/cjm/wire.sock" || notok "the socket is in \$XDG_RUNTIME_DIR/cjm/" "no $T/xdg/cjm/wire.sock"
check test "$(mode "$T/xdg/cjm")" = 0700 "the user's own folder has mode 0700"
check test "$(mode "$T/xdg/cjm/wire.sock")" = 0600 "the socket in it has mode 0600"
check test "$(stat -c %u "$T/xdg/cjm")" = "$(id -u)" "the user's own folder is the user's"
tui_keys : q Enter
tui_expect_rc 0 "the host in the user's own folder ends"

# a group folder, for the user's own group; removed after when it was not there before
group=$(id -gn)
gdir=/tmp/cjm-live-$group
gmade=
[ -e "$gdir" ] || gmade=1
TUI_SESSION=group
tui_start 200 20 "$CJM" host --group "$group" --session "cjm-test-$$" "$map"
tui_status_has "live cjm-test-$$ · 0 joined" "a host for the group $group runs"
if tui_wait_file "$gdir/cjm-test-$$.sock"; then
	check test "$(mode "$gdir")" = 0750 "the group's folder has mode 0750"
	check test "$(stat -c %G "$gdir")" = "$group" "the group's folder belongs to the group"
	check test "$(mode "$gdir/cjm-test-$$.sock")" = 0660 "the socket in it has mode 0660"
	check test "$(stat -c %G "$gdir/cjm-test-$$.sock")" = "$group" "the socket belongs to the group"
else
	notok "the socket is in $gdir" "no $gdir/cjm-test-$$.sock"
fi
tui_keys : q Enter
tui_expect_rc 0 "the host for the group ends"
check test ! -e "$gdir/cjm-test-$$.sock" "the group's socket is removed"
[ -n "$gmade" ] && rmdir "$gdir" 2>/dev/null

# ---- who may connect: the peer's user, from the kernel ----
PEER=$(cd "$(dirname "$CJM")" && pwd)/tests/live_peer
switch=
if command -v setpriv >/dev/null 2>&1; then
	switch=setpriv
elif command -v runuser >/dev/null 2>&1; then
	switch=runuser
fi
other=65534
other_name=$(getent passwd "$other" | cut -d: -f1)
if [ "$(id -u)" != 0 ]; then
	skip "a user the host does not allow is closed at once" "not root: no other user to connect as"
elif [ -z "$switch" ] || [ -z "$other_name" ]; then
	skip "a user the host does not allow is closed at once" "neither setpriv nor runuser, or no user of uid $other"
elif [ ! -x "$PEER" ]; then
	notok "the scripted client is built" "$PEER is missing; build it with: make $(dirname "$CJM")/tests/live_peer"
else
	# A folder and a socket of the facilitator's group (root's, gid 0): with that
	# group among its own, a process of uid 65534 reaches the socket; the group's
	# members as the system knows them (getgrouplist) do not include it, so the
	# host's check of the peer's user must refuse it.
	share=$(mktemp -d /tmp/cjm-peer.XXXXXX)
	trap 'rm -rf "$share"; tui_cleanup' EXIT
	chgrp 0 "$share"
	chmod 750 "$share"
	cp "$PEER" "$share/live_peer"
	chmod 755 "$share/live_peer"
	# as_other [GROUPS] -- CMD...: CMD as uid 65534, with supplementary GROUPS (none when empty)
	as_other() {
		as_groups=$1
		shift 2
		if [ "$switch" = setpriv ]; then
			if [ -n "$as_groups" ]; then
				setpriv --reuid "$other" --regid "$other" --groups "$as_groups" -- "$@"
			else
				setpriv --reuid "$other" --regid "$other" --clear-groups -- "$@"
			fi
		else
			# runuser takes a user's groups from the system; it cannot add gid 0
			runuser -u "$other_name" -- "$@"
		fi
	}
	TUI_SESSION=guarded
	tui_start 220 20 "$CJM" host --dir "$share" "$map"
	tui_status_has "live · 0 joined" "a host in a folder of its group runs"
	tui_wait_file "$share/wire.sock" || notok "the socket is there" "no $share/wire.sock"
	check test "$(mode "$share/wire.sock")" = 0660 "a --dir its group may enter: the socket is 0660 for the group"
	if [ "$switch" = setpriv ]; then
		run as_other "" -- "$share/live_peer" -t 5 "$share/wire.sock" "hello nobody"
		expect_rc 3 "uid $other outside the group cannot reach the socket"
		expect_err_has "Permission denied" "uid $other outside the group is refused by the file system"
		run as_other 0 -- "$share/live_peer" -t 5 "$share/wire.sock" "hello nobody" closed
		expect_rc 0 "uid $other with the group reaches the socket, and is closed"
		printf '%s\n' "bye reason=the facilitator's session does not let you in" closed >"$T/want"
		expect_same "$T/want" "$T/out" "uid $other is told it may not join and closed at once, before any welcome"
		tui_status_has "refused a connection from uid $other ($other_name): not allowed" \
			"the facilitator's status line names the refused uid"
		tui_status_has "live · 0 joined" "nobody is joined"
	else
		skip "uid $other reaches the socket but is refused" "runuser cannot give uid $other the group of the socket"
	fi
	tui_keys : q Enter
	tui_expect_rc 0 "the guarded host ends"

	# --allow: a folder others may search, and a socket anyone reaches; the uid check
	# lets in the allowed user alone
	chmod 755 "$share"
	TUI_SESSION=allowed
	tui_start 220 20 "$CJM" host --dir "$share" --allow "$other_name" "$map"
	tui_status_has "live · 0 joined" "a host that allows $other_name runs"
	tui_wait_file "$share/wire.sock" || notok "the socket is there" "no $share/wire.sock"
	check test "$(mode "$share/wire.sock")" = 0666 "with --allow, the socket is 0666: the uid check decides"
	as_other "" -- "$share/live_peer" -t 30 "$share/wire.sock" "hello $other_name" "expect welcome" \
		"hold $share/done" bye >"$T/out" 2>"$T/err" &
	peer=$!
	tui_status_has "$other_name joined" "with --allow $other_name, the facilitator's status line says $other_name joined"
	tui_status_has "live · 1 joined" "with --allow $other_name, one is joined"
	touch "$share/done"
	wait "$peer"
	rc=$?
	expect_rc 0 "with --allow $other_name, uid $other (no group of the facilitator's) is let in"
	expect_out_has "welcome session=wire participant=1" "with --allow $other_name, uid $other is welcomed"
	tui_keys : q Enter
	tui_expect_rc 0 "the host that allows $other_name ends"
	rm -rf "$share"
fi
expect_same "$T/orig.yaml" "$map" "after every host, the map is unchanged"

lib_finish
