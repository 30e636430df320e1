#!/bin/sh
# Every external command the test and build scripts call is one that tests/deps.sh installs (or that a minimal Debian has).
#
# The scripts are read by a small shell lexer (below, in awk): it finds the words in
# command position (a line's start, after | || && ; & ( $( { then do else if while
# !, after a prefix assignment, after a wrapper such as exec, env, timeout, sh -c, or
# this suite's run, check, timed and tui_start), and the code in trap, eval and sh -c
# strings. Shell keywords, builtins and the functions the scripts define are not
# commands. Every other name must be in `sh tests/deps.sh commands`.
#
#   sh tests/cli/test_deps.sh [FILE...]    (default: the suite's scripts and the Makefile)
. tests/cli/lib.sh

# What is read: every shell script under tests/, and the Makefile.
if [ $# -gt 0 ]; then
	files="$*"
else
	files="$(find tests -name '*.sh' | LC_ALL=C sort | tr '\n' ' ')Makefile"
fi

# The lexer: prints "FILE:LINE: NAME" for each command word, "FUNC NAME" for each
# function defined. Makefiles are turned into shell first (recipes, $(shell ...)).
extract() {
	awk '
function reset_state() {
	ctx_n = 0; ctx[0] = "n"; depth[0] = 0
	cmdpos = 1; word = ""; lit = ""; wstart = 0; dyn = 0; quoted = 0
	redir = 0; wrap = ""; wrapskip = 0; case_n = 0; pattern = 0; expect_in = 0
	queue_next = 0; nhd = 0; trapnext = 0
}
function emit(name) {
	if (name ~ /^\// ) { sub(/.*\//, "", name); if (name == "") return }
	else if (name ~ /\//) return               # a relative path: something built here
	if (name !~ /^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/ && name != "[" && name != ".") return
	print srcname ":" srcline ": " name
}
function queue(text) { nq++; qtext[nq] = text; qname[nq] = srcname; qline[nq] = srcline }
# end_word: a word is complete; decide what it is
function end_word(   w) {
	if (!wstart) return
	w = word; wstart = 0
	if (trapnext) trapnext = 0
	if (redir) { redir = 0; word = ""; lit = ""; dyn = 0; quoted = 0; return }
	if (queue_next) { queue_next = 0; queue(lit); cmdpos = 0; word = ""; lit = ""; dyn = 0; quoted = 0; return }
	if (expect_in) { if (w == "in") { expect_in = 0; pattern = 1 } word = ""; lit = ""; dyn = 0; quoted = 0; return }
	if (pattern) {
		if (w == "esac" && !quoted) { pattern = 0; case_n--; cmdpos = 0 }
		word = ""; lit = ""; dyn = 0; quoted = 0; return
	}
	if (wrap != "") {
		if (wrapskip > 0) { wrapskip--; word = ""; lit = ""; dyn = 0; quoted = 0; return }
		if (wrap == "sh" && w == "-c") { queue_next = 1; wrap = ""; word = ""; lit = ""; dyn = 0; quoted = 0; return }
		if (wrap == "env" && (w == "-u" || w == "--unset")) { wrapskip = 1; word = ""; lit = ""; dyn = 0; quoted = 0; return }
		if (wrap == "timeout" && (w == "-s" || w == "-k")) { wrapskip = 1; word = ""; lit = ""; dyn = 0; quoted = 0; return }
		if (wrap == "command" && (w == "-v" || w == "-V")) { wrap = ""; cmdpos = 0; word = ""; lit = ""; dyn = 0; quoted = 0; return }
		if (w ~ /^-/ || w ~ /^[0-9.]+[smhd]?$/ || is_assign()) { word = ""; lit = ""; dyn = 0; quoted = 0; return }
		if (wrap == "sh") { wrap = ""; cmdpos = 0; word = ""; lit = ""; dyn = 0; quoted = 0; return } # sh FILE
		wrap = ""; cmdpos = 1
	}
	if (!cmdpos) {
		if ((w == "-exec" || w == "-execdir") && !quoted) cmdpos = 1
		word = ""; lit = ""; dyn = 0; quoted = 0; return
	}
	if (is_assign()) { word = ""; lit = ""; dyn = 0; quoted = 0; return } # VAR=value cmd
	if (!quoted && (w == "then" || w == "do" || w == "else" || w == "elif" || w == "if" || w == "while" || w == "until" || w == "!" || w == "{")) { word = ""; lit = ""; return }
	if (!quoted && (w == "fi" || w == "done" || w == "}" || w == "in")) { cmdpos = 0; word = ""; lit = ""; return }
	if (!quoted && w == "esac") { case_n--; cmdpos = 0; word = ""; lit = ""; return }
	if (!quoted && w == "for") { cmdpos = 0; word = ""; lit = ""; return }
	if (!quoted && w == "case") { cmdpos = 0; expect_in = 1; case_n++; case_ctx[case_n] = ctx_n; word = ""; lit = ""; return }
	cmdpos = 0
	if (dyn) { word = ""; lit = ""; dyn = 0; quoted = 0; return }   # "$CJM", $(...)...: not a name
	emit(lit)
	if (lit == "trap" || lit == "eval") { trapnext = 1 }
	if (lit ~ /^(exec|command|env|nice|nohup|timeout|xargs|setsid|setpriv|unshare|sudo|run|check|timed)$/) { wrap = lit; wrapskip = 0 }
	if (lit == "tui_start") { wrap = "tui_start"; wrapskip = 2 }
	if (lit == "sh" || lit == "bash" || lit == "dash") { wrap = "sh"; wrapskip = 0 }
	word = ""; lit = ""; dyn = 0; quoted = 0
}
function start_word() { if (!wstart) { wstart = 1; word = ""; lit = ""; dyn = 0; quoted = 0; qpos = -1 } }
function mark_quote() { quoted = 1; if (qpos < 0) qpos = length(lit) }
# is_assign(): the word is NAME=value with NAME unquoted (a prefix assignment)
function is_assign() { return lit ~ /^[A-Za-z_][A-Za-z0-9_]*=/ && (qpos < 0 || qpos >= index(lit, "=")) }
function sep() { end_word(); cmdpos = 1; wrap = ""; trapnext = 0 }
# parse(text): the lexer proper, over the lines of TEXT
function parse(text,    nl, L, li, line, i, c, c2, d, j, hd, strip) {
	reset_state()
	nl = split(text, L, "\n")
	for (li = 1; li <= nl; li++) {
		line = L[li]; srcline = base_line + li - 1
		i = 1
		while (i <= length(line)) {
			c = substr(line, i, 1); c2 = substr(line, i, 2)
			mode = ctx[ctx_n]
			if (mode == "s") {                   # inside single quotes
				if (c == "\047") { ctx_n-- } else { lit = lit c }
				i++; continue
			}
			if (mode == "d") {                   # inside double quotes
				if (c == "\"") { ctx_n--; i++; continue }
				if (c == "\\") { c = substr(line, i + 1, 1); if (c == "") { i++; continue } lit = lit c; word = word c; i += 2; continue }
				if (c2 == "$(" && substr(line, i, 3) != "$((") {
					if (lit == "") dyn = 1
					ctx_n++; ctx[ctx_n] = "n"; depth[ctx_n] = 0; saved_cmdpos[ctx_n] = cmdpos
					saved_word[ctx_n] = word; saved_lit[ctx_n] = lit; saved_dyn[ctx_n] = dyn; saved_q[ctx_n] = quoted; saved_wrap[ctx_n] = wrap; saved_qn[ctx_n] = queue_next; saved_pat[ctx_n] = pattern; saved_ei[ctx_n] = expect_in; saved_ws[ctx_n] = wstart
					wstart = 0; cmdpos = 1; wrap = ""; queue_next = 0; pattern = 0; expect_in = 0; redir = 0
					i += 2; continue
				}
				if (c == "$") { if (lit == "") dyn = 1 }
				lit = lit c; word = word c; i++; continue
			}
			# normal context
			if (c == " " || c == "\t") { end_word(); i++; continue }
			if (c == "#" && !wstart) break        # a comment
			if (c == "\\") {
				if (i == length(line)) { end_word(); i++; continue }  # line continuation
				start_word(); mark_quote(); lit = lit substr(line, i + 1, 1); word = word substr(line, i + 1, 1); i += 2; continue
			}
			if (c == "\047") {
				if (trapnext && !wstart) {        # trap CODE ..., eval CODE: the code is read too
					j = index(substr(line, i + 1), "\047")
					if (j > 0) { queue(substr(line, i + 1, j - 1)); trapnext = 0; i += j + 1; cmdpos = 0; continue }
				}
				start_word(); mark_quote(); ctx_n++; ctx[ctx_n] = "s"; i++; continue
			}
			if (c == "\"") {
				if (trapnext && !wstart) { trapnext = 0; queue_next = 1 }
				start_word(); mark_quote(); ctx_n++; ctx[ctx_n] = "d"; i++; continue
			}
			if (substr(line, i, 3) == "$((") {     # arithmetic: skip to the matching ))
				start_word(); if (lit == "") dyn = 1
				d = 0; j = i + 1
				while (j <= length(line)) { c = substr(line, j, 1); if (c == "(") d++; else if (c == ")") { d--; if (d == 0) break } j++ }
				lit = lit "0"; i = j + 1; continue
			}
			if (c2 == "${") {                    # a parameter expansion: part of the word
				start_word(); if (lit == "") dyn = 1
				d = 0; j = i + 1
				while (j <= length(line)) { c = substr(line, j, 1); if (c == "{") d++; else if (c == "}") { d--; if (d == 0) break } j++ }
				lit = lit "$"; i = j + 1; continue
			}
			if (c2 == "$(") {
				start_word(); if (lit == "") dyn = 1
				ctx_n++; ctx[ctx_n] = "n"; depth[ctx_n] = 0; saved_cmdpos[ctx_n] = cmdpos
				saved_word[ctx_n] = word; saved_lit[ctx_n] = lit; saved_dyn[ctx_n] = dyn; saved_q[ctx_n] = quoted; saved_wrap[ctx_n] = wrap; saved_qn[ctx_n] = queue_next; saved_pat[ctx_n] = pattern; saved_ei[ctx_n] = expect_in; saved_ws[ctx_n] = wstart
				wstart = 0; cmdpos = 1; wrap = ""; queue_next = 0; pattern = 0; expect_in = 0; redir = 0
				i += 2; continue
			}
			if (c == "$") { start_word(); if (lit == "") dyn = 1; lit = lit c; word = word c; i++; continue }
			if (c == ")") {
				if (ctx_n > 0 && depth[ctx_n] == 0) {   # the end of a $( )
					end_word()
					cmdpos = saved_cmdpos[ctx_n]; word = saved_word[ctx_n]; lit = saved_lit[ctx_n] "$"; dyn = saved_dyn[ctx_n]
					quoted = saved_q[ctx_n]; wrap = saved_wrap[ctx_n]; queue_next = saved_qn[ctx_n]; pattern = saved_pat[ctx_n]; expect_in = saved_ei[ctx_n]; wstart = saved_ws[ctx_n]
					ctx_n--
					if (ctx[ctx_n] == "n") wstart = 1
					i++; continue
				}
				if (pattern && case_n > 0 && case_ctx[case_n] == ctx_n) { wstart = 0; word = ""; lit = ""; pattern = 0; cmdpos = 1; i++; continue }
				if (depth[ctx_n] > 0) depth[ctx_n]--
				end_word(); cmdpos = 0; i++; continue
			}
			if (c == "(") {
				if (pattern) { i++; continue }
				if (wstart && substr(line, i + 1, 1) == ")") {   # NAME() { ...: a function
					print "FUNC " word; wstart = 0; word = ""; lit = ""; cmdpos = 1; i += 2; continue
				}
				end_word(); depth[ctx_n]++; cmdpos = 1; i++; continue
			}
			if (c == ";") {
				if (c2 == ";;") { end_word(); pattern = 1; cmdpos = 0; i += 2; continue }
				sep(); i++; continue
			}
			if (c == "|") {
				if (pattern) { end_word(); i++; continue }
				sep(); i += (c2 == "||") ? 2 : 1; continue
			}
			if (c == "&") {
				if (c2 == "&&") { sep(); i += 2; continue }
				sep(); i++; continue
			}
			if (c == "<" || c == ">") {
				if (wstart && word ~ /^[0-9]+$/) { wstart = 0; word = ""; lit = "" }
				end_word()
				if (c2 == "<<") {                 # a here-document: its lines are data
					j = i + 2; strip = 0
					if (substr(line, j, 1) == "-") { strip = 1; j++ }
					while (substr(line, j, 1) == " ") j++
					hd = substr(line, j); sub(/[ \t;|&<>)].*/, "", hd); gsub(/[\047"\\]/, "", hd)
					nhd++; hdelim[nhd] = hd; hstrip[nhd] = strip
					i = j + length(hd); while (substr(line, i, 1) ~ /[\047"\\]/) i++
					# the quotes were removed from hd; step over the original word
					while (i <= length(line) && substr(line, i, 1) !~ /[ \t;|&<>)]/) i++
					continue
				}
				i++
				while (substr(line, i, 1) == ">" || substr(line, i, 1) == "&" || substr(line, i, 1) == "|") i++
				if (substr(line, i, 1) ~ /[0-9-]/ && substr(line, i - 1, 1) == "&") { i++; continue }
				redir = 1; continue
			}
			start_word(); word = word c; lit = lit c; i++
		}
		# the end of a line
		if (ctx[ctx_n] == "s") { lit = lit "\n"; continue }
		if (ctx[ctx_n] == "d") { if (substr(line, length(line)) != "\\") { lit = lit "\n"; word = word "\n" } continue }
		if (substr(line, length(line)) == "\\" && substr(line, length(line) - 1) != "\\\\") continue
		end_word()
		if (!pattern && !expect_in) cmdpos = 1
		wrap = ""; trapnext = 0
		for (d = 1; d <= nhd; d++) {              # skip the here-documents begun on this line
			while (li < nl) {
				li++; line = L[li]
				if (hstrip[d]) sub(/^\t+/, "", line)
				if (line == hdelim[d]) break
			}
		}
		nhd = 0
	}
}
# make_to_sh(line): a Makefile line as the shell would see it, or ""
function make_to_sh(line,   out) {
	if (line ~ /^\t/) {
		sub(/^\t[@+-]*/, "", line)
	} else if (line ~ /^(CC|CLANG|PKG_CONFIG|AR) *\?=/) {
		sub(/^[A-Z_]+ *\?= */, "", line); return line
	} else if (line ~ /\$\(shell /) {
		sub(/^[^=]*=/, "", line); line = "echo " line
	} else return ""
	gsub(/\$\$/, "\001", line)
	gsub(/\$\(shell /, "\002", line)
	while (match(line, /\$\([^()]*\)/)) line = substr(line, 1, RSTART - 1) "$M" substr(line, RSTART + RLENGTH)
	gsub(/\$[@<^*?]/, "$M", line)
	gsub(/\002/, "$(", line); gsub(/\001/, "$", line)
	sub(/^\$M/, "", line)                         # $(Q)
	return line
}
BEGIN { nq = 0 }
FNR == 1 { if (NR > 1) flush(); fname = FILENAME; text = ""; ismake = (FILENAME ~ /(^|\/)(GNUmakefile|Makefile|makefile)$/) }
{
	if (ismake) { $0 = make_to_sh($0) }
	text = (FNR == 1) ? $0 : text "\n" $0
}
function flush(   k) {
	srcname = fname; base_line = 1; nq = 0
	parse(text)
	for (k = 1; k <= nq; k++) {                  # the code in trap, eval and sh -c strings
		srcname = qname[k]; base_line = qline[k]
		parse(qtext[k])
	}
}
END { if (NR > 0) flush() }
' "$@"
}

# Not commands: the builtins of POSIX sh and dash (time is no keyword in dash: it
# runs /usr/bin/time, which a minimal Debian does not have).
builtins=". : [ alias bg break cd command continue echo eval exec exit export false fg
getopts hash jobs kill local printf pwd read readonly return set shift test times trap
true type ulimit umask unalias unset wait"
# Called only where they are there (tests/deps.sh uses sudo when it can, and needs none).
optional="sudo"

# shellcheck disable=SC2086
extract $files >"$T/found" 2>"$T/lex-err"
if [ -s "$T/lex-err" ]; then
	notok "the scripts can be read" "$(head -n 5 "$T/lex-err")"
fi
sed -n 's/^FUNC //p' "$T/found" | sort -u >"$T/functions"
grep -v '^FUNC ' "$T/found" >"$T/uses"
if [ "$(wc -l <"$T/uses")" -ge 20 ] && grep -q ': grep$' "$T/uses" && grep -q ': tmux$' "$T/uses"; then
	ok "the scripts' command words are found ($(sed 's/.*: //' "$T/uses" | sort -u | wc -l | tr -d ' ') names)"
else
	notok "the scripts' command words are found" "found: $(sed 's/.*: //' "$T/uses" | sort -u | tr '\n' ' ')"
fi

sh tests/deps.sh commands >"$T/covered" 2>"$T/deps-err"
if [ $? -eq 0 ] && [ -s "$T/covered" ]; then
	ok "tests/deps.sh lists the commands it covers"
else
	notok "tests/deps.sh lists the commands it covers" "$(cat "$T/deps-err")"
fi
for b in $builtins $optional; do echo "$b"; done >>"$T/covered"
cat "$T/functions" >>"$T/covered"
sort -u "$T/covered" -o "$T/covered"

# every command word is covered
: >"$T/missing"
while IFS= read -r use; do
	name=${use##*: }
	grep -qxF -- "$name" "$T/covered" || echo "$use" >>"$T/missing"
done <"$T/uses"
if [ -s "$T/missing" ]; then
	notok "every command the scripts call is installed by tests/deps.sh" \
		"not covered (add the package to tests/deps.sh, or stop using the command):"
	sort -t: -k3 "$T/missing" | sed 's/^/#     /'
else
	ok "every command the scripts call is installed by tests/deps.sh"
fi

# make run needs only the editor's own: the libraries the Makefile links (PKGS) are
# at the run level, and nothing the tests alone call is
pkgs=$(sed -n 's/^PKGS *:= *//p' Makefile)
for m in $pkgs; do
	if grep -Eq "^run +[^ ]+ +pc:$m\$" tests/deps.sh; then
		ok "make run installs the editor's library $m"
	else
		notok "make run installs the editor's library $m" "tests/deps.sh has no 'run PACKAGE pc:$m' line"
	fi
done
for c in tmux mandoc clang xmllint rsvg-convert python3 pgrep git; do
	if grep -Eq "^(base|run) .* $c( |\$)" tests/deps.sh; then
		notok "make run does not install $c (only the tests need it)"
	else
		ok "make run does not install $c (only the tests need it)"
	fi
done

# the check can fail: a script calling a command nobody installs is caught
mkdir "$T/probe"
cat >"$T/probe/test_probe.sh" <<'EOF'
helper() { echo "$1"; }
x=$(helper a | uncovered-tool -q) && other-uncovered "$x"
if helper b; then sh -c 'third-uncovered; sed q' </dev/null; fi
cat <<'DOC'
not-a-command here, data only
DOC
EOF
extract "$T/probe/test_probe.sh" | grep -v '^FUNC ' | sed 's/.*: //' | sort -u | tr '\n' ' ' >"$T/probe/found"
if [ "$(cat "$T/probe/found")" = "cat echo helper other-uncovered sed sh third-uncovered uncovered-tool " ]; then
	ok "the lexer finds commands after \$( | && ; if then, in sh -c, and skips here-documents"
else
	notok "the lexer finds commands after \$( | && ; if then, in sh -c, and skips here-documents" "found: $(cat "$T/probe/found")"
fi
lib_finish
