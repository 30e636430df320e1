#!/bin/sh
# A live session's host against bad bytes on its socket (tests/live/peer.c sends
# them): each malformed frame closes that connection alone, a participant already
# joined stays and keeps receiving, the facilitator's status line says why, and
# the map is saved byte for byte as it was; a client that never reads does not
# make the facilitator's keys wait.
. tests/cli/lib.sh
. tests/tui/tmux.sh

PEER=$(cd "$(dirname "$CJM")" && pwd)/tests/live_peer
if [ ! -x "$PEER" ]; then
	notok "the scripted client is built" "$PEER is missing; build it with: make $(dirname "$CJM")/tests/live_peer"
	lib_finish
	exit
fi
me=$(id -un)

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
  - id: beta
    name: Beta
- id: decide
  name: Decide
  touchpoints:
  - id: gamma
    name: Gamma
Y
cp "$map" "$T/orig.yaml"
mkdir "$T/sock"
chmod 700 "$T/sock"
sock=$T/sock/wire.sock

TUI_SESSION=host
tui_start 220 30 "$CJM" host --dir "$T/sock" "$map"
tui_status_has "live · 0 joined" "the facilitator hosts the session 'wire'"
tui_wait_file "$sock" || notok "the session's socket is there" "no $sock"

# a participant who joined before the bad ones: it waits for the facilitator to
# move to Gamma, which happens after all of them
"$PEER" -t 120 "$sock" "hello anna finance" "expect map-chunk" "expect follow phase=decide touchpoint=gamma" \
	"bye" >"$T/anna.out" 2>"$T/anna.err" &
anna=$!
tui_status_has "anna (finance) joined" "a participant joins first"
tui_status_has "live · 1 joined" "the facilitator's status line counts her"

# closed NAME EXPECTED-STATUS COMMAND...: a connection that sends COMMAND... is
# closed by the host (live_peer sees the end of it), the facilitator's status line
# then says EXPECTED-STATUS, anna is still counted and the editor still runs
closed() {
	closed_name=$1
	closed_status=$2
	shift 2
	run "$PEER" -t 10 "$sock" "$@" closed
	if [ "$rc" -eq 0 ] && [ "$(tail -n 1 "$T/out")" = closed ]; then
		ok "$closed_name: the host closes the connection"
	else
		fail "$closed_name: the host closes the connection"
	fi
	tui_status_has "$closed_status" "$closed_name: the status line says: $closed_status"
	tui_status_has "live · 1 joined" "$closed_name: anna is still joined"
}

# ---- before a hello: nothing is said back, the connection is closed ----
closed "bad magic" "closed the connection of $me: not a cjm live session: a frame does not start with \"CJML\" (at byte 0)" \
	"raw 584a4d4c 01 01 00000000"
printf 'closed\n' >"$T/just-closed"
expect_same "$T/just-closed" "$T/out" "bad magic: live_peer saw only the end"
closed "a magic cut short" "closed the connection of $me: not a cjm live session: a frame does not start with \"CJML\" (at byte 2)" \
	"raw 434a00"
closed "another version" "closed the connection of $me: the peer speaks protocol version 2; this cjm speaks version 1 (at byte 4)" \
	"raw 434a4d4c 02 01 00000000"
closed "an unknown type" "closed the connection of $me: unknown message type 13 (at byte 5)" \
	"header 13 0"
closed "type 0" "closed the connection of $me: unknown message type 0 (at byte 5)" \
	"header 0 0"
closed "an oversized frame" "closed the connection of $me: a hello message of 65537 bytes is over the limit of 65536 bytes (at byte 6)" \
	"header 1 65537"
closed "a length of 4 GiB" "closed the connection of $me: a hello message of 4294967295 bytes is over the limit of 65536 bytes (at byte 6)" \
	"raw 434a4d4c 01 01 ffffffff"
expect_same "$T/just-closed" "$T/out" "an oversized frame: live_peer saw only the end"
closed "a name cut short" "closed the connection of $me: the hello message ends inside its name field (at byte 13)" \
	"frame 1 01 0005 616e"
closed "a hello without its team" "closed the connection of $me: the hello message ends before its team field (at byte 14)" \
	"frame 1 01 0001 61"
closed "bytes after the last field" "closed the connection of $me: the hello message has 1 byte after its last field (at byte 16)" \
	"frame 1 01 0001 61 0000 00"
closed "a name that is not UTF-8" "closed the connection of $me: the name field of a hello message is not valid UTF-8 (at byte 13)" \
	"frame 1 01 0002 fffe 0000"
closed "an escape in a name" "closed the connection of $me: the name field of a hello message holds U+001B, which it may not hold (at byte 14)" \
	"frame 1 01 0003 611b62 0000"
closed "a bidirectional control in a team" "closed the connection of $me: the team field of a hello message holds U+202E, which it may not hold (at byte 16)" \
	"frame 1 01 0001 61 0003 e280ae"
closed "a team of 65 bytes" "closed the connection of $me: the team field of a hello message is 65 bytes, over its limit of 64 (at byte 14)" \
	"frame 1 01 0001 61 0041 $(awk 'BEGIN { for (i = 0; i < 65; i++) printf "66" }')"
closed "a role of 3" "closed the connection of $me: the role field of a hello message holds 3, outside 1..2 (at byte 10)" \
	"frame 1 03 0001 61 0000"
closed "an answer before the hello" "closed the connection of $me: a client that has not said hello may not send a vote-answer message (at byte 5)" \
	"answer 1 0"

# ---- after a hello: the participant is welcomed, then closed ----
# joined NAME EXPECTED-STATUS COMMAND...: the same, from a participant 'mallory'
# who is welcomed first
joined() {
	joined_name=$1
	joined_status=$2
	shift 2
	closed "$joined_name" "$joined_status" "hello mallory" "expect map-chunk" "$@"
	sed 's/total=[0-9]* offset=0 len=[0-9]*/total=N offset=0 len=N/' "$T/out" >"$T/out.seen"
	printf '%s\n' "welcome session=wire participant=2" "follow phase=orient touchpoint=alpha" \
		"map-chunk revision=1 total=N offset=0 len=N" closed >"$T/out.want"
	expect_same "$T/out.want" "$T/out.seen" "$joined_name: live_peer saw the welcome, the selection, the map, and the end"
}
joined "a map from a participant" "closed the connection of mallory: a participant may not send a map-chunk message (at byte 27)" \
	"map version: 1\ntitle: Taken over\n"
joined "a reveal from a participant" "closed the connection of mallory: a participant may not send a vote-reveal message (at byte 27)" \
	"reveal 1 alpha"
joined "a vote-open from a participant" "closed the connection of mallory: a participant may not send a vote-open message (at byte 27)" \
	"vote-open 7 beta"
joined "a follow from a participant" "closed the connection of mallory: a participant may not send a follow message (at byte 27)" \
	"follow decide gamma"
joined "a second hello" "closed the connection of mallory: a participant may not send a hello message (at byte 27)" \
	"hello mallory"
joined "an answer of +5" "closed the connection of mallory: the score field of a vote-answer message holds 5: a score is -3..3, or 127 for a skip (at byte 36)" \
	"frame 5 00000001 05"
joined "an answer of -4" "closed the connection of mallory: the score field of a vote-answer message holds -4: a score is -3..3, or 127 for a skip (at byte 36)" \
	"frame 5 00000001 fc"
joined "a note of kind 4" "closed the connection of mallory: the kind field of a note-propose message holds 4, outside 1..3 (at byte 43)" \
	"frame 7 00000001 0005 616c706861 04 0001 78"
joined "a note of 2001 bytes" "closed the connection of mallory: the text field of a note-propose message is 2001 bytes, over its limit of 2000 (at byte 44)" \
	"frame 7 00000001 0005 616c706861 01 07d1 $(awk 'BEGIN { for (i = 0; i < 2001; i++) printf "78" }')"
joined "an answer to vote 0" "closed the connection of mallory: the vote field of a vote-answer message holds 0, outside 1..4294967295 (at byte 32)" \
	"frame 5 00000000 01"
joined "a note numbered 0" "closed the connection of mallory: the note field of a note-propose message holds 0, outside 1..4294967295 (at byte 32)" \
	"frame 7 00000000 0005 616c706861 01 0001 61"
joined "a note with an escape" "closed the connection of mallory: the text field of a note-propose message holds U+001B, which it may not hold (at byte 47)" \
	"frame 7 00000001 0005 616c706861 01 0003 611b62"
joined "a note on an id that is no map id" "closed the connection of mallory: the touchpoint field of a note-propose message holds U+0041, which it may not hold (at byte 38)" \
	"frame 7 00000001 0003 412d42 01 0001 61"
joined "a bye of 257 bytes" "closed the connection of mallory: the reason field of a bye message is 257 bytes, over its limit of 256 (at byte 32)" \
	"frame 10 0101 $(awk 'BEGIN { for (i = 0; i < 257; i++) printf "66" }')"
# an observer only watches: an answer from one is refused as any bad frame
closed "an observer's answer" "closed the connection of owen: an observer may not send a vote-answer message (at byte 24)" \
	"observer owen" "expect map-chunk" "answer 1 1"

# a name with ':' is well-formed on the wire, but not a name: a bye says why
run "$PEER" -t 10 "$sock" "hello eve:x" closed
printf '%s\n' "bye reason=a name or team may not hold ':' or '|', nor a space at either end" closed >"$T/out.want"
expect_same "$T/out.want" "$T/out" "a name with ':' is told why in a bye, and closed"
run "$PEER" -t 10 "$sock" "hello eve finance|it" closed
expect_same "$T/out.want" "$T/out" "a team with '|' is told why in a bye, and closed"
tui_status_has "live · 1 joined" "after every bad client, anna is the one joined"

# a header, then nothing: the host waits for the rest without holding up the facilitator
"$PEER" -t 30 "$sock" "header 1 100" "hold $T/go-on" >"$T/half.out" 2>&1 &
half=$!

# the facilitator's keys still work at once, and anna follows
tui_keys ']'
tui_status_has "Decide > Gamma" "the facilitator's keys still work (] selects Gamma)" 3
if wait "$anna"; then
	ok "anna was never closed and follows the facilitator to Gamma"
else
	notok "anna was never closed and follows the facilitator to Gamma" "$(cat "$T/anna.out" "$T/anna.err")"
fi
printf '%s\n' "welcome session=wire participant=1" "follow phase=orient touchpoint=alpha" \
	"map-chunk revision=1 total=N offset=0 len=N" "follow phase=decide touchpoint=gamma" >"$T/out.want"
sed 's/total=[0-9]* offset=0 len=[0-9]*/total=N offset=0 len=N/' "$T/anna.out" >"$T/out.seen"
expect_same "$T/out.want" "$T/out.seen" "anna saw the welcome, the selection, the map and the move, nothing else"
touch "$T/go-on"
wait "$half"
tui_status_has "live · 0 joined" "anna's bye: nobody is joined"

# a well-formed note waits in the inbox, and is not in the map until accepted
run "$PEER" -t 10 "$sock" "hello carla service" "expect map-chunk" "note 1 alpha pain Klanten wachten te lang" bye
expect_rc 0 "a participant proposes a well-formed note"
tui_status_has "inbox 1" "the facilitator's status line counts the note waiting"

# nothing came into the map: saved, it is the same file byte for byte
tui_keys : w Enter
tui_status_has "saved $map" "the facilitator saves"
tui_sync
expect_same "$T/orig.yaml" "$map" "after every bad client, the saved map is byte for byte the one hosted"
tui_alive "the facilitator's cjm is still running"
tui_keys : q Enter
tui_expect_rc 0 "the facilitator quits with 0"
check test ! -e "$sock" "the socket is removed when the session ends"

# ---- a client that never reads ----
# a map of a few MB: far more than a socket's buffer holds
big=$T/big.yaml
awk 'BEGIN {
	print "version: 1"; print "title: Big"; print "phases:"
	n = 0
	for (p = 0; p < 30; p++) {
		printf "- id: p%d\n  name: Phase %d\n  touchpoints:\n", p, p
		for (t = 0; t < 100; t++) {
			printf "  - id: t%d\n    name: Touchpoint %d\n    pains:\n    - ", n, n
			for (w = 0; w < 60; w++) printf "word%d ", w
			printf "end\n"
			n++
		}
	}
}' >"$big"
bigsock=$T/sock/big.sock
TUI_SESSION=bighost
tui_start 220 30 "$CJM" host --dir "$T/sock" "$big"
tui_status_has "live · 0 joined" "the facilitator hosts a map of $(($(wc -c <"$big") / 1024)) KiB" 30
tui_wait_file "$bigsock" || notok "the big session's socket is there" "no $bigsock"
"$PEER" -t 120 "$bigsock" "hello slow" "hold $T/read-now" "expect follow phase=p2 touchpoint=t200" \
	>"$T/slow.out" 2>"$T/slow.err" &
slow=$!
tui_status_has "slow joined" "a client that then reads nothing joins" 10
tui_keys ']'
tui_status_has "Phase 1 > Touchpoint 100" "with the map unread, ] shows at once" 3
tui_keys '+'
tui_expect "●+1" "with the map unread, + scores at once" 3
tui_keys ']'
tui_status_has "Phase 2 > Touchpoint 200" "with the map unread, the next ] shows at once" 3
tui_status_has "live · 1 joined" "the client that reads nothing is not dropped for the map alone"
touch "$T/read-now"
if wait "$slow"; then
	ok "once it reads, the slow client gets the map and follows to Touchpoint 200"
else
	notok "once it reads, the slow client gets the map and follows to Touchpoint 200" "$(tail -n 5 "$T/slow.out") $(cat "$T/slow.err")"
fi
tui_keys : q ! Enter
tui_expect_rc 0 "the facilitator of the big map quits" 30

lib_finish
