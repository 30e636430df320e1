# Shared helpers for the command-line test scripts: run cjm, check what it did.
# Each check prints "ok - NAME" or "not ok - NAME" with the evidence, or
# "ok - NAME # SKIP WHY" when it cannot run here (tests/check.sh counts that as
# skipped, never as passed).
set -u
CJM=${CJM:-build/cjm}
ROOT=$(pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/cjm-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export NO_COLOR=1
# The sanitizer build's LeakSanitizer leaves out what system libraries keep until
# exit (fontconfig, through librsvg: tests/lsan.supp), and says nothing of it.
LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/lsan.supp:print_suppressions=0}
export LSAN_OPTIONS
# Every test speaks English unless it says otherwise: LANGUAGE and the LC_* of the
# machine would change cjm's messages (with_dutch runs a command in Dutch).
unset LANGUAGE LC_MESSAGES LC_NUMERIC LANG
LC_ALL=C.UTF-8
export LC_ALL
# The locale the Dutch checks run under; empty when this machine lacks it.
NL_LOCALE=$(locale -a 2>/dev/null | grep -ix 'nl_NL.utf-\{0,1\}8' | head -n 1)

# with_dutch CMD...: runs CMD under the Dutch locale (check has_dutch first)
with_dutch() {
	LC_ALL=$NL_LOCALE "$@"
}
# has_dutch NAME: true when the Dutch locale is here, else the check NAME is skipped
has_dutch() {
	[ -n "$NL_LOCALE" ] && return 0
	skip "$1" "no nl_NL.UTF-8 locale on this machine (sh tests/deps.sh makes it as root)"
	return 1
}

# run CMD...: runs it, keeping stdout in $T/out, stderr in $T/err, status in $rc.
run() {
	"$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}

failures=0
ok() { echo "ok - $1"; }
# skip NAME WHY: a check that cannot run here, and why; skipped, not passed
skip() { echo "ok - $1 # SKIP $2"; }
fail() {
	failures=$((failures + 1))
	echo "not ok - $1"
	shift
	[ $# -gt 0 ] && printf '#   %s\n' "$@"
	printf '#   exit %s\n' "${rc:-?}"
	sed 's/^/#   out: /' "$T/out" 2>/dev/null | head -n 15
	sed 's/^/#   err: /' "$T/err" 2>/dev/null | head -n 15
}

# notok NAME LINE...: a failure whose evidence is LINE... rather than a command's output
notok() {
	failures=$((failures + 1))
	echo "not ok - $1"
	shift
	for line in "$@"; do printf '#   %s\n' "$line"; done
}

# man_check_key_entries PAGE SECTION: every key of $T/keys (KEY<TAB>COMMAND, from cjm
# --list-keys) has an entry in $T/page-keys (KEY<TAB>its text, from PAGE's SECTION),
# and that entry names the command the key runs (Ic :NAME): test_man.sh, test_man_nl.sh
man_check_key_entries() {
	awk -F '\t' '
	NR == FNR { desc[$1] = desc[$1] " " $2; next }
	{
		name = $2; sub(/ .*/, "", name)
		if (!($1 in desc)) { print "missing " $1; next }
		text = desc[$1]; found = 0
		while ((i = index(text, "Ic :" name)) > 0) {
			next_char = substr(text, i + 4 + length(name), 1)
			if (next_char == "" || next_char !~ /[A-Za-z0-9!-]/) { found = 1; break }
			text = substr(text, i + 1)
		}
		if (!found) print "wrong " $1 " (runs :" name ")"
	}' "$T/page-keys" "$T/keys" >"$T/key-problems"
	absent=$(sed -n 's/^missing //p' "$T/key-problems" | tr '\n' ' ' | sed 's/ $//')
	if [ -z "$absent" ]; then
		ok "every key of cjm --list-keys is an '.It Ic KEY' entry in $1 $2"
	else
		notok "every key of cjm --list-keys is an '.It Ic KEY' entry in $1 $2" "not listed: $absent"
	fi
	wrong=$(sed -n 's/^wrong //p' "$T/key-problems" | tr '\n' ',' | sed 's/,$//; s/,/, /g')
	if [ -z "$wrong" ]; then
		ok "every key's entry in $1 names the command it runs (Ic :NAME)"
	else
		notok "every key's entry in $1 names the command it runs (Ic :NAME)" "without their command: $wrong"
	fi
}

# lib_finish: the script's exit status says whether every check passed
lib_finish() {
	[ "$failures" -eq 0 ]
}

# Readies a test that runs git: without git (which tests/deps.sh installs) the script
# fails and ends here; otherwise CJM is absolute (git runs cjm from the repository)
# and git reads neither the machine's nor the user's configuration, only
# $GIT_CONFIG_GLOBAL, empty to begin with, with HOME the test's folder.
lib_git_sandbox() {
	if ! command -v git >/dev/null 2>&1; then
		notok "git is installed" "the git tests need git (tests/deps.sh installs it)"
		lib_finish
		exit
	fi
	case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac
	HOME=$T
	GIT_CONFIG_NOSYSTEM=1
	GIT_CONFIG_GLOBAL=$T/gitconfig
	export HOME GIT_CONFIG_NOSYSTEM GIT_CONFIG_GLOBAL
	: >"$GIT_CONFIG_GLOBAL"
}

# expect_rc N NAME
expect_rc() {
	if [ "$rc" -eq "$1" ]; then ok "$2"; else fail "$2" "expected exit $1"; fi
}

# expect_err_line TEXT NAME: stderr has a line equal to TEXT
expect_err_line() {
	if grep -qxF -- "$1" "$T/err"; then ok "$2"; else fail "$2" "expected stderr line: $1"; fi
}

# expect_out_has TEXT NAME / expect_err_has TEXT NAME: contains TEXT
expect_out_has() {
	if grep -qF -- "$1" "$T/out"; then ok "$2"; else fail "$2" "expected stdout to contain: $1"; fi
}
expect_err_has() {
	if grep -qF -- "$1" "$T/err"; then ok "$2"; else fail "$2" "expected stderr to contain: $1"; fi
}
expect_out_lacks() {
	if grep -qF -- "$1" "$T/out"; then fail "$2" "expected stdout not to contain: $1"; else ok "$2"; fi
}

# expect_same FILE1 FILE2 NAME: byte-identical
expect_same() {
	if cmp -s "$1" "$2"; then ok "$3"; else fail "$3" "$1 and $2 differ"; diff "$1" "$2" | head -n 20 | sed 's/^/#   /'; fi
}

# expect_empty FILE NAME
expect_empty() {
	if [ ! -s "$1" ]; then ok "$2"; else fail "$2" "expected $1 to be empty"; fi
}

# check COND... NAME: passes when the command COND succeeds (last argument is the name)
check() {
	name=$(eval "echo \${$#}")
	n=$#
	set -- "$@"
	args=""
	i=1
	while [ $i -lt $n ]; do
		eval "a=\${$i}"
		args="$args '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"
		i=$((i + 1))
	done
	if eval "$args"; then ok "$name"; else fail "$name" "failed: $args"; fi
}
