# Helpers for the terminal tests: they drive the real editor in a detached tmux.
# Source tests/cli/lib.sh first, then this file.
#
# The helpers act on the current tmux session, "cjm" unless the script names
# another: several editors at once (a live session's facilitator and participants)
# are one session each, of its own size, on the same private server.
#
#   tui_use NAME             the helpers act on session NAME from now on (tui_start
#                            then starts it; the others keep running)
#   tui_on NAME HELPER ARGS...  one helper on session NAME, then back to the current
#
#   tui_start W H CMD...     run CMD in a new W x H window (TERM=xterm-256color,
#                            LANG=C.UTF-8 or $TUI_LANG (TUI_LANG=$NL_LOCALE: Dutch),
#                            NO_COLOR unset unless TUI_NO_COLOR=1);
#                            the pane prints EXIT=<status> when CMD ends, then idles
#   tui_keys KEY...          tmux key names: Enter Escape Tab C-s C-r Up Home End ...
#   tui_type TEXT            literal text (UTF-8 welcome)
#   tui_screen [FILE]        the screen as text, into FILE (default $T/screen)
#   tui_has TEXT             the screen shows TEXT now
#   tui_lacks TEXT NAME      "ok - NAME" when the screen does not show TEXT now
#   tui_status               the status line (the last line with text)
#   tui_poll TEXT [S]        wait up to S seconds for TEXT, quietly: 0 or 1
#   tui_wait_for TEXT [S]    the same, but a miss is a "not ok" with the screen
#   tui_wait_gone TEXT [S]   wait until TEXT has left the screen (miss: "not ok")
#   tui_expect TEXT NAME [S] "ok - NAME" when TEXT comes on screen, else "not ok"
#   tui_status_has TEXT NAME [S]  the same for the status line
#   tui_says TEXT NAME [S]   the status line comes to begin with the message TEXT,
#                            whole or, where the line is too narrow, cut with "…"
#   tui_wait_exit [S]        wait for CMD to end: 0 and $tui_rc, or 1 (quietly)
#   tui_expect_rc N NAME [S] "ok - NAME" when CMD ends with status N
#   tui_pid                  pid of CMD (the child of the pane's shell)
#   tui_wait_file PATH [S]   wait until PATH exists: 0 or 1, quietly
#   tui_click X Y            left click at 0-based cell X, Y (an SGR mouse report)
#   tui_dump                 the screen as "#   |" lines, for evidence
#   tui_row_has LABEL TEXT NAME  the curve row labelled LABEL (+3 .. -3) comes to show TEXT
#
#   tui_selected TP NAME     the selection comes to be the touchpoint TP: asked with
#                            i (its details: "Details: TP") and q, again until so
#   tui_sync                 wait until the editor has handled every key sent so far
#   tui_sync_for MARK        the same on a screen whose help begins with MARK
#   tui_file_stays FILE COPY S  FILE stays equal to COPY for S seconds (a miss: at once)
#
# Every wait is bounded (TUI_TIMEOUT seconds, 10 by default), so a broken build
# fails instead of hanging, and every wait is for a condition, never for a fixed
# time, so a busy machine only makes the tests slower. Each script has a private
# tmux server (socket cjm-test-PID) that is killed when the script ends. Nothing
# needs a terminal: the sessions are detached.

TUI_SOCKET=cjm-test-$$
TUI_SESSION=cjm
TUI_TIMEOUT=${TUI_TIMEOUT:-10}
tui_rc=

# tmux itself reads and prints UTF-8 (-u, and this locale for capture-pane).
LC_ALL=C.UTF-8
export LC_ALL

# The server's own settings, read before the first window exists: no status bar,
# so the window is all the pane's from the first moment (no resize at start); and
# the server stays when its last session ends, so that killing one session and
# starting the next never meets a server that is on its way out ("server exited
# unexpectedly").
printf 'set -g status off\nset -s exit-empty off\n' >"$T/tmux.conf"

# tmx_once ARGS...: one tmux command on this script's server
tmx_once() {
	tmux -u -L "$TUI_SOCKET" -f "$T/tmux.conf" "$@"
}

# tmx ARGS...: the same, but once the server has been started, a command that could
# not reach it (a slow or busy server: "no server running", "error connecting") is
# tried again, for up to TUI_TIMEOUT seconds. Such a command never ran, so trying
# again cannot run it twice.
tui_server_up=
tmx() {
	[ -n "$tui_server_up" ] || { tmx_once "$@"; return; }
	tmx_i=0
	while :; do
		tmx_once "$@" 2>"$T/tmux.err"
		tmx_rc=$?
		if [ "$tmx_rc" -eq 0 ] || [ "$tmx_i" -ge $((TUI_TIMEOUT * 10)) ] ||
			! grep -Eq '^(no server running|error connecting to)' "$T/tmux.err"; then
			[ -s "$T/tmux.err" ] && cat "$T/tmux.err" >&2
			return "$tmx_rc"
		fi
		sleep 0.1
		tmx_i=$((tmx_i + 1))
	done
}

# tui_use NAME: the helpers act on the tmux session NAME
tui_use() {
	TUI_SESSION=$1
}

# tui_on NAME HELPER ARGS...: runs HELPER on session NAME; the current one stays
tui_on() {
	tui_on_back=$TUI_SESSION
	TUI_SESSION=$1
	shift
	"$@"
	tui_on_rc=$?
	TUI_SESSION=$tui_on_back
	return "$tui_on_rc"
}

tui_cleanup() {
	tui_sock=$(tmx_once display-message -p '#{socket_path}' 2>/dev/null)
	tmx_once kill-server >/dev/null 2>&1
	[ -n "$tui_sock" ] && rm -f "$tui_sock"
	rm -rf "$T"
}
trap tui_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

if ! command -v tmux >/dev/null 2>&1; then
	echo "ok - terminal tests # SKIP tmux is not installed"
	exit 0
fi

# tui_quote ARG: ARG quoted for sh
tui_quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

tui_start() {
	tui_w=$1
	tui_h=$2
	shift 2
	tmx kill-session -t "$TUI_SESSION" >/dev/null 2>&1
	tui_cmd=""
	for a in "$@"; do tui_cmd="$tui_cmd $(tui_quote "$a")"; done
	tui_colour="-u NO_COLOR"
	[ "${TUI_NO_COLOR:-}" = 1 ] && tui_colour="NO_COLOR=1"
	tui_pane="exec env -u LC_ALL -u LC_CTYPE -u LC_MESSAGES $tui_colour TERM=xterm-256color LANG=${TUI_LANG:-C.UTF-8} \
sh -c $(tui_quote "$tui_cmd; echo EXIT=\$?; exec sleep 60")"
	tui_rc=
	# the session, tried again while the server is starting or too busy to answer
	tui_i=0
	until tmx_once new-session -d -s "$TUI_SESSION" -x "$tui_w" -y "$tui_h" "$tui_pane" 2>"$T/tmux.err"; do
		tmx_once has-session -t "$TUI_SESSION" 2>/dev/null && break # it came up after all
		if [ "$tui_i" -ge $((TUI_TIMEOUT * 10)) ]; then
			notok "tmux starts a session within $TUI_TIMEOUT s" "$(cat "$T/tmux.err")"
			return 1
		fi
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
	tui_server_up=1
	# then until the server answers for the session and its pane has a process
	tui_i=0
	until [ -n "$(tmx list-panes -t "$TUI_SESSION" -F '#{pane_pid}' 2>/dev/null)" ]; do
		if [ "$tui_i" -ge $((TUI_TIMEOUT * 10)) ]; then
			notok "the tmux pane is there within $TUI_TIMEOUT s" "$(cat "$T/tmux.err")"
			return 1
		fi
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
}

# tui_keys KEY...: tmux key names. Home and End go as the xterm keypad sequences
# (\EOH, \EOF) the terminfo of xterm-256color names: tmux itself sends \E[1~ and
# \E[4~, which are Find and Select to an xterm-256color application.
tui_keys() {
	for k in "$@"; do
		case $k in
		Home) tmx send-keys -t "$TUI_SESSION" -l -- "$(printf '\033OH')" ;;
		End) tmx send-keys -t "$TUI_SESSION" -l -- "$(printf '\033OF')" ;;
		*) tmx send-keys -t "$TUI_SESSION" "$k" ;;
		esac
	done
}

tui_type() {
	tmx send-keys -t "$TUI_SESSION" -l -- "$1"
}

tui_screen() {
	tmx capture-pane -p -t "$TUI_SESSION" >"${1:-$T/screen}" 2>/dev/null
}

tui_has() {
	tui_screen
	grep -qF -- "$1" "$T/screen"
}

tui_lacks() {
	if tui_has "$1"; then
		notok "$2" "the screen shows: $1"
		tui_dump
	else
		ok "$2"
	fi
}

tui_status() {
	tui_screen
	awk 'NF { last = $0 } END { print last }' "$T/screen"
}

tui_dump() {
	tui_screen "$T/dump"
	sed 's/^/#   |/' "$T/dump"
}

tui_poll() {
	tui_limit=$((${2:-$TUI_TIMEOUT} * 10))
	tui_i=0
	while [ "$tui_i" -lt "$tui_limit" ]; do
		if tui_has "$1"; then return 0; fi
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
	return 1
}

tui_wait_for() {
	tui_poll "$1" "${2:-$TUI_TIMEOUT}" && return 0
	notok "screen shows '$1' within ${2:-$TUI_TIMEOUT} s"
	tui_dump
	return 1
}

tui_wait_gone() {
	tui_limit=$((${2:-$TUI_TIMEOUT} * 10))
	tui_i=0
	while [ "$tui_i" -lt "$tui_limit" ]; do
		if ! tui_has "$1"; then return 0; fi
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
	notok "screen no longer shows '$1' within ${2:-$TUI_TIMEOUT} s"
	tui_dump
	return 1
}

tui_expect() {
	if tui_poll "$1" "${3:-$TUI_TIMEOUT}"; then
		ok "$2"
	else
		notok "$2" "the screen never showed: $1"
		tui_dump
	fi
}

# tui_status_has TEXT NAME [S]: the status line comes to contain TEXT
tui_status_has() {
	tui_limit=$((${3:-$TUI_TIMEOUT} * 10))
	tui_i=0
	while [ "$tui_i" -lt "$tui_limit" ]; do
		case $(tui_status) in *"$1"*) ok "$2"; return 0 ;; esac
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
	notok "$2" "the status line never showed: $1"
	tui_dump
	return 1
}

tui_says() {
	tui_limit=$((${3:-$TUI_TIMEOUT} * 10))
	tui_i=0
	while [ "$tui_i" -lt "$tui_limit" ]; do
		# the message is the status line's first part, up to " | "
		tui_said=$(tui_status | sed 's/^ //; s/ | .*//')
		case $tui_said in
		"$1") ok "$2"; return 0 ;;
		?????????*…)
			case $1 in "${tui_said%…}"*) ok "$2"; return 0 ;; esac
			;;
		esac
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
	notok "$2" "the status line never began with the message: $1"
	tui_dump
	return 1
}

tui_wait_file() {
	tui_limit=$((${2:-$TUI_TIMEOUT} * 10))
	tui_i=0
	while [ "$tui_i" -lt "$tui_limit" ]; do
		if [ -e "$1" ]; then return 0; fi
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
	return 1
}

tui_wait_exit() {
	tui_limit=$((${1:-$TUI_TIMEOUT} * 10))
	tui_i=0
	tui_rc=
	while [ "$tui_i" -lt "$tui_limit" ]; do
		tui_screen
		# anywhere on a line: after a SIGKILL the terminal is left raw, the cursor
		# where cjm last put it
		tui_rc=$(sed -n 's/.*EXIT=\([0-9][0-9]*\).*/\1/p' "$T/screen" | tail -n 1)
		if [ -n "$tui_rc" ]; then return 0; fi
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
	return 1
}

tui_expect_rc() {
	if ! tui_wait_exit "${3:-$TUI_TIMEOUT}"; then
		notok "$2" "the editor did not exit within ${3:-$TUI_TIMEOUT} s"
		tui_dump
	elif [ "$tui_rc" = "$1" ]; then
		ok "$2"
	else
		notok "$2" "expected exit $1, got $tui_rc"
		tui_dump
	fi
}

tui_pid() {
	tui_shell=$(tmx list-panes -t "$TUI_SESSION" -F '#{pane_pid}' | head -n 1)
	[ -n "$tui_shell" ] || return 1
	pgrep -P "$tui_shell" | head -n 1
}

tui_click() {
	tmx send-keys -t "$TUI_SESSION" -l -- "$(printf '\033[<0;%d;%dM' $(($1 + 1)) $(($2 + 1)))"
	tmx send-keys -t "$TUI_SESSION" -l -- "$(printf '\033[<0;%d;%dm' $(($1 + 1)) $(($2 + 1)))"
}

# tui_no_leftovers MAP NAME: neither the recovery file nor the lock of MAP is left
tui_no_leftovers() {
	tui_dir=$(dirname "$1")
	tui_base=$(basename "$1")
	if [ -e "$tui_dir/.$tui_base.cjm-recover" ] || [ -e "$tui_dir/.$tui_base.cjm-lock" ]; then
		notok "$2" "left behind: $(find "$tui_dir" -name ".$tui_base.cjm-*" | tr '\n' ' ')"
	else
		ok "$2"
	fi
}

# tui_recovery_of MAP / tui_lock_of MAP: the paths cjm keeps beside MAP
tui_recovery_of() {
	echo "$(dirname "$1")/.$(basename "$1").cjm-recover"
}
tui_lock_of() {
	echo "$(dirname "$1")/.$(basename "$1").cjm-lock"
}

# tui_alive NAME: the editor is still running (no EXIT= line, its process there)
tui_alive() {
	tui_screen
	if grep -q 'EXIT=[0-9]' "$T/screen" || [ -z "$(tui_pid)" ]; then
		notok "$1" "the editor is gone"
		tui_dump
	else
		ok "$1"
	fi
}

tui_row_has() {
	tui_limit=$((TUI_TIMEOUT * 10))
	tui_i=0
	while [ "$tui_i" -lt "$tui_limit" ]; do
		tui_screen
		# the row's label, then its first separator (┃ when that column is selected)
		if grep -E "^ +$(printf '%s' "$1" | sed 's/+/\\+/')(│|┃)" "$T/screen" | grep -qF -- "$2"; then
			ok "$3"
			return 0
		fi
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
	notok "$3" "row $1 never showed $2"
	tui_dump
}

# tui_sync: every key sent before has been handled: the help (?) comes on screen
# and goes again (q), which the editor does only after what was sent before it.
# For the editor's main view, when a check is that something did not change.
tui_sync() {
	tui_sync_mark="Keys on the map ("
	case ${TUI_LANG:-} in nl* | NL*) tui_sync_mark="Toetsen op de kaart (" ;; esac
	tui_sync_for "$tui_sync_mark"
}

# tui_sync_for MARK: the same for a screen whose help begins with MARK (a participant's)
tui_sync_for() {
	tui_sync_mark=$1
	tui_keys '?'
	tui_wait_for "$tui_sync_mark" || return 1
	tui_keys q
	tui_wait_gone "$tui_sync_mark"
}

# tui_selected TP NAME: the selected touchpoint comes to be TP, however narrow the
# status line: its details (i) are headed "Details: TP", then q closes them; asked
# again until so, for a selection that follows another editor's
tui_selected() {
	tui_sel_i=0
	while [ "$tui_sel_i" -lt "$TUI_TIMEOUT" ]; do
		tui_keys i
		tui_wait_for "Details: " || return 1
		tui_has "Details: $1  " && tui_sel_found=1 || tui_sel_found=
		tui_keys q
		tui_wait_gone "Details: " || return 1
		if [ -n "$tui_sel_found" ]; then
			ok "$2"
			return 0
		fi
		sleep 0.5
		tui_sel_i=$((tui_sel_i + 1))
	done
	notok "$2" "the details never named $1"
	tui_dump
	return 1
}

# tui_file_stays FILE COPY S: FILE is still the same as COPY after S seconds (polled,
# so a change fails at once). For checks that something does not happen within a
# time the editor has for it.
tui_file_stays() {
	tui_limit=$(($3 * 10))
	tui_i=0
	while [ "$tui_i" -lt "$tui_limit" ]; do
		cmp -s "$1" "$2" || return 1
		sleep 0.1
		tui_i=$((tui_i + 1))
	done
	cmp -s "$1" "$2"
}
