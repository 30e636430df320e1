#!/bin/sh
# cjm log over a scripted history in a real repository: 20 commits that change a map
# (touchpoints added, emotions changed, a rename with git mv, a commit whose map does
# not load, a return to an earlier version) and one that changes another file. The
# text, YAML and CSV outputs are checked against figures computed here with Python
# from each commit's blob, the order against the commits as they were made; then a
# RANGE, the sparkline, the usage errors and the errors outside a repository.
# Hermetic: its own HOME, no system git config.
# Run from the top of the source tree: CJM=build/san/cjm sh tests/cli/test_log.sh
. tests/cli/lib.sh

if ! /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
	skip "cjm log in a git repository" "python3 with yaml is not installed (sh tests/deps.sh check)"
	exit 0
fi
lib_git_sandbox
R=$T/repo
n=0
g() { git -C "$R" -c user.name="Anna de Vries" -c user.email=anna@example.com -c init.defaultBranch=main "$@"; }

# map FILE E...: a map of one phase per three touchpoints, touchpoint i scored E_i
# ("_" leaves it unscored)
map() {
	file=$1
	shift
	{
		printf 'version: 1\ntitle: Energy\nphases:\n'
		i=0
		for e in "$@"; do
			[ $((i % 3)) -eq 0 ] && printf -- '- id: phase-%d\n  name: Phase %d\n  touchpoints:\n' "$i" "$i"
			printf '  - id: tp-%d\n    name: Touchpoint %d\n' "$i" "$i"
			[ "$e" = _ ] || printf '    emotion: %s\n' "$e"
			i=$((i + 1))
		done
	} >"$file"
}
# commit MESSAGE: commits everything, recording the commit id (oldest first)
commit() {
	g add -A
	n=$((n + 1))
	GIT_AUTHOR_DATE="2026-11-$(printf %02d "$n")T10:00:00+01:00" GIT_COMMITTER_DATE="2026-11-$(printf %02d "$n")T10:00:00+01:00" \
		g commit -qm "$1"
	g rev-parse HEAD >>"$T/made"
}

mkdir "$R"
g init -q
map "$R/map.yaml" _ _
commit "First workshop: two touchpoints"
map "$R/map.yaml" 3 _
commit "Score the first"
map "$R/map.yaml" -2 -2 -3
commit "A third touchpoint"
map "$R/map.yaml" 1 -2 3 -3
commit "The invoice"
map "$R/map.yaml" 2 -2 3 -3
commit "Better start"
echo notes >"$R/notes.txt"
commit "Notes, not the map"
map "$R/map.yaml" 2 -2 3 -3 0
commit "A fifth"
mkdir "$R/maps"
g mv map.yaml maps/journey.yaml
commit "Move the map into maps/"
map "$R/maps/journey.yaml" 2 -2 3 -3 0 1
commit "A sixth"
map "$R/maps/journey.yaml" 2 -1 3 -3 0 1
commit "Softer second"
sed 's/emotion: -1/emotoin: -1/' "$R/maps/journey.yaml" >"$T/bad" && cp "$T/bad" "$R/maps/journey.yaml"
commit "A typo"
map "$R/maps/journey.yaml" 2 -1 3 -3 0 1
commit "Fix the typo"
map "$R/maps/journey.yaml" 2 -1 3 -3 0 1 -1
commit "A seventh"
map "$R/maps/journey.yaml" 2 -1 3 -2 0 1 -1
commit "Invoice a bit better"
map "$R/maps/journey.yaml" 2 -1 3 -2 0 1 -1 2
commit "End on a high"
map "$R/maps/journey.yaml" 2 -1 3 -2 0 1 -1 _
commit "Unscore the end"
map "$R/maps/journey.yaml" 2 -1 3 -2 0 1 -1 2
commit "Score it again (the same map as two commits before)"
map "$R/maps/journey.yaml" -3 -1 3 -2 0 1 -1 2
commit "A bad start"
map "$R/maps/journey.yaml" -3 -1 3 -2 0 1 -1 2 3
commit "A ninth"
map "$R/maps/journey.yaml" -3 -1 3 -2 0 1 -1 2 3 3
commit "A tenth"
map "$R/maps/journey.yaml" -3 -1 3 -2 0 1 -1 2 3 3 -3
commit "A sad end"
# the commits of the map, newest first, as made (the notes commit left out)
notes=$(sed -n 6p "$T/made")
grep -vx "$notes" "$T/made" | sed '1!G;h;$!d' >"$T/expected-ids"
check test "$(wc -l <"$T/expected-ids")" -eq 20 "the scripted history has 20 commits of the map"

# the expected figures, from each commit's blob (git show), computed with Python
cat >"$T/figures.py" <<'PY'
import subprocess, sys, yaml
repo, ids = sys.argv[1], [l.strip() for l in open(sys.argv[2])]
# the map's path at each commit: maps/journey.yaml from the move on
for cid in ids:
    path = "maps/journey.yaml"
    if subprocess.run(["git", "-C", repo, "cat-file", "-e", cid + ":" + path], capture_output=True).returncode:
        path = "map.yaml"
    text = subprocess.run(["git", "-C", repo, "show", cid + ":" + path], capture_output=True, text=True).stdout
    doc = yaml.safe_load(text)
    tps = [tp for ph in doc["phases"] for tp in ph.get("touchpoints", [])]
    bad = any(set(tp) - {"id", "name", "emotion"} for tp in tps)
    scored = [tp["emotion"] for tp in tps if "emotion" in tp]
    if bad:
        print(cid, path, "error")
    elif not scored:
        print(cid, path, len(tps), 0, "-", "-", "-", "-")
    else:
        peak = scored[0]
        for e in scored:
            if abs(e) > abs(peak):
                peak = e
        mean = sum(scored) / len(scored)
        print(cid, path, len(tps), len(scored), repr(mean), peak, scored[-1], repr((peak + scored[-1]) / 2))
PY
/usr/bin/python3 "$T/figures.py" "$R" "$T/expected-ids" >"$T/expected"
check test "$(grep -c ' error$' "$T/expected")" -eq 1 "exactly one commit holds a map that does not load"

# ---- YAML ----
run "$CJM" log "$R/maps/journey.yaml" --format yaml
expect_rc 0 "cjm log --format yaml exits 0, though one commit does not load"
expect_empty "$T/err" "cjm log --format yaml says nothing on stderr"
cp "$T/out" "$T/log.yaml"
cat >"$T/check_yaml.py" <<'PY'
import sys, yaml
expected = [l.split() for l in open(sys.argv[1])]
got = yaml.safe_load(open(sys.argv[2]))
problems = []
if len(got) != len(expected):
    problems.append("%d entries, expected %d" % (len(got), len(expected)))
keys = ["commit", "date", "author", "subject", "path", "renamed-from", "touchpoints", "scored", "mean", "peak",
        "end", "peak-end", "error"]
for e, g in zip(expected, got):
    if list(g) != keys:
        problems.append("keys %s" % list(g))
    if g["commit"] != e[0]:
        problems.append("commit %s, expected %s" % (g["commit"], e[0]))
    if g["path"] != e[1]:
        problems.append("%s: path %s, expected %s" % (e[0], g["path"], e[1]))
    if g["author"] != "Anna de Vries":
        problems.append("%s: author %r" % (e[0], g["author"]))
    if e[2] == "error":
        if not (isinstance(g["error"], str) and "unknown key 'emotoin'" in g["error"]):
            problems.append("%s: error %r" % (e[0], g["error"]))
        if any(g[k] is not None for k in keys[6:12]):
            problems.append("%s: figures of a map that does not load" % e[0])
        continue
    want = [int(e[2]), int(e[3])] + [None if x == "-" else float(x) for x in e[4:8]]
    have = [g[k] for k in keys[6:12]]
    if have != want or g["error"] is not None:
        problems.append("%s: figures %s, expected %s (error %r)" % (e[0], have, want, g["error"]))
    for k in ("mean", "peak-end"):
        if g[k] is not None and not isinstance(g[k], float):
            problems.append("%s: %s is %r, not a number with a decimal point" % (e[0], k, g[k]))
if problems:
    print("\n".join(problems))
PY
/usr/bin/python3 "$T/check_yaml.py" "$T/expected" "$T/log.yaml" >"$T/problems" 2>&1
if [ -s "$T/problems" ]; then
	notok "the YAML lists every commit of the map, newest first, with the figures of its blob" "$(head -n 10 "$T/problems")"
else
	ok "the YAML lists every commit of the map, newest first, with the figures of its blob"
fi
check grep -q "^  renamed-from: map.yaml$" "$T/log.yaml" "the YAML follows the rename (renamed-from: map.yaml)"
check test "$(grep -c '^  renamed-from: map.yaml$' "$T/log.yaml")" -eq 1 "one commit renamed the map"
check grep -q "^  date: 2026-11-01T10:00:00+01:00$" "$T/log.yaml" "the YAML gives the author date in ISO 8601"
check grep -q "^  subject: 'Score it again (the same map as two commits before)'$\|^  subject: Score it again (the same map as two commits before)$" \
	"$T/log.yaml" "the YAML gives the subject"
check grep -q "^  mean: 0.0$" "$T/log.yaml" "a mean of zero is written 0.0 in the YAML"

# ---- CSV ----
run "$CJM" log "$R/maps/journey.yaml" -f csv
expect_rc 0 "cjm log --format csv exits 0"
cp "$T/out" "$T/log.csv"
cat >"$T/check_csv.py" <<'PY'
import csv, sys
expected = [l.split() for l in open(sys.argv[1])]
raw = open(sys.argv[2], newline="").read()
rows = list(csv.reader(raw.splitlines(True)))
problems = []
if not raw.endswith("\r\n") or raw.count("\r\n") != len(expected) + 1:
    problems.append("rows do not end with CRLF, one per commit and a header")
head = ["commit", "date", "author", "subject", "path", "renamed-from", "touchpoints", "scored", "mean", "peak",
        "end", "peak-end", "error"]
if rows[0] != head:
    problems.append("header %s" % rows[0])
rows = rows[1:]
if len(rows) != len(expected):
    problems.append("%d rows, expected %d" % (len(rows), len(expected)))
for e, r in zip(expected, rows):
    if r[0] != e[0] or r[4] != e[1]:
        problems.append("row %s %s, expected %s %s" % (r[0], r[4], e[0], e[1]))
    if e[2] == "error":
        if "unknown key 'emotoin'" not in r[12] or any(r[6:12]):
            problems.append("%s: %s" % (e[0], r))
        continue
    want = [int(e[2]), int(e[3])] + [None if x == "-" else float(x) for x in e[4:8]]
    have = [int(r[6]), int(r[7])] + [float(x) if x else None for x in r[8:12]]
    if have != want or r[12]:
        problems.append("%s: figures %s, expected %s" % (e[0], have, want))
    if r[8] and "." not in r[8]:
        problems.append("%s: mean %s without a decimal point" % (e[0], r[8]))
if problems:
    print("\n".join(problems))
PY
/usr/bin/python3 "$T/check_csv.py" "$T/expected" "$T/log.csv" >"$T/problems" 2>&1
if [ -s "$T/problems" ]; then
	notok "the CSV has a header and a row per commit, with the same figures (RFC 4180)" "$(head -n 10 "$T/problems")"
else
	ok "the CSV has a header and a row per commit, with the same figures (RFC 4180)"
fi
check grep -q ',"[0-9]*:[0-9]* unknown key .emotoin. in a touchpoint (known: [^"]*)"' "$T/log.csv" \
	"the CSV quotes the error, which holds commas"

# ---- text ----
run "$CJM" log "$R/maps/journey.yaml"
expect_rc 0 "cjm log exits 0, though one commit does not load"
cp "$T/out" "$T/log.txt"
check test "$(wc -l <"$T/log.txt")" -eq 21 "the text is a head line and one line per commit: no sparkline when piped"
check grep -q '^commit   date        author         touchpoints  scored   mean  peak  end  peak-end  subject$' "$T/log.txt" \
	"the text starts with the column heads"
# each line as Python writes it from the figures: short id, date, author, figures as cjm stats shows them
cat >"$T/check_text.py" <<'PY'
import sys
def signed(x, d):
    s = "%+.*f" % (d, x)
    return s[1:] if s[1:].strip("0.") == "" else s
def emo(e):
    return "+%d" % e if e > 0 else "%d" % e
expected = [l.split() for l in open(sys.argv[1])]
lines = open(sys.argv[2]).read().splitlines()[1:]
problems = []
for e, line in zip(expected, lines):
    start = "%s  2026-11-" % e[0][:7]
    if not line.startswith(start) or "  Anna de Vries  " not in line:
        problems.append("line %r" % line)
        continue
    rest = line.split("  Anna de Vries  ", 1)[1]
    if e[2] == "error":
        if not rest.startswith("does not load: "):
            problems.append("not 'does not load': %r" % line)
        continue
    if e[4] == "-":
        cells = [e[2], e[3], "-", "-", "-", "-"]
    else:
        cells = [e[2], e[3], signed(float(e[4]), 2), emo(int(e[5])), emo(int(e[6])), signed(float(e[7]), 1)]
    if rest.split()[:6] != cells:
        problems.append("%r: expected %s" % (line, cells))
if len(lines) != len(expected):
    problems.append("%d lines, expected %d" % (len(lines), len(expected)))
if problems:
    print("\n".join(problems))
PY
/usr/bin/python3 "$T/check_text.py" "$T/expected" "$T/log.txt" >"$T/problems" 2>&1
if [ -s "$T/problems" ]; then
	notok "the text gives each commit's short id, date, author and figures as cjm stats writes them" "$(head -n 10 "$T/problems")"
else
	ok "the text gives each commit's short id, date, author and figures as cjm stats writes them"
fi
# the invalid commit: the loader's own message, as cjm validate gives it for that blob
bad=$(awk '$3 == "error" { print $1 }' "$T/expected")
g show "$bad:maps/journey.yaml" >"$T/bad.yaml"
run "$CJM" validate "$T/bad.yaml"
where=$(sed -n 's|^.*/bad.yaml:\([0-9]*:[0-9]*\): error: \(.*\)$|\1 \2|p' "$T/err" | head -n 1)
check grep -qF "$(printf '%.7s' "$bad")  2026-11-11  Anna de Vries  does not load: $where  A typo" "$T/log.txt" \
	"the commit whose map does not load says so with LINE:COL and the loader's message"
check grep -q '  Move the map into maps/ (renamed from map.yaml)$' "$T/log.txt" "the text marks the rename"
check grep -q '  First workshop: two touchpoints$' "$T/log.txt" "the text follows the rename back to the first commit"
run "$CJM" stats "$T/bad.yaml"
# cjm stats of one version shows the same mean as cjm log's line for it
fix=$(sed -n 12p "$T/made")
g show "$fix:maps/journey.yaml" >"$T/fix.yaml"
run "$CJM" stats "$T/fix.yaml"
mean=$(awk '$1 == "mean" { print $2 }' "$T/out")
check grep -q "^$(printf '%.7s' "$fix")  .*  6  *6  *$mean  " "$T/log.txt" "a line's mean is what cjm stats prints for that version"

# ---- one git log, one git cat-file, each blob asked for once ----
# a git first in PATH that notes how it is run and what cat-file is asked
mkdir "$T/bin"
real_git=$(command -v git)
cat >"$T/bin/git" <<WRAPPER
#!/bin/sh
printf '%s\\n' "\$*" >>"$T/git-calls"
case " \$* " in
*" cat-file "*) tee -a "$T/git-asked" | "$real_git" "\$@"; exit \$? ;;
esac
exec "$real_git" "\$@"
WRAPPER
chmod +x "$T/bin/git"
: >"$T/git-calls"
: >"$T/git-asked"
PATH="$T/bin:$PATH" "$CJM" log "$R/maps/journey.yaml" --format csv >"$T/out" 2>"$T/err"
check cmp -s "$T/out" "$T/log.csv" "cjm log through a git that notes its calls gives the same CSV"
check test "$(wc -l <"$T/git-calls")" -eq 2 "cjm log runs git twice: one git log and one git cat-file"
check grep -q -- ' log --follow .*--no-textconv .*--raw --no-abbrev .* -- journey.yaml$' "$T/git-calls" \
	"git log runs with --follow, --no-textconv and --raw, the map after --"
check grep -q -- '^--no-pager -c core.quotepath=off -c color.ui=never .*cat-file --batch$' "$T/git-calls" \
	"git cat-file --batch runs without a pager, colour or quoted paths"
# 20 commits but 17 blobs: the move kept the blob, the typo's fix and "Score it again"
# went back to earlier versions
while read -r cid path _; do g rev-parse "$cid:$path"; done <"$T/expected" | sort -u >"$T/blobs"
check test "$(wc -l <"$T/blobs")" -eq 17 "the 20 commits hold 17 distinct blobs"
check test "$(wc -l <"$T/git-asked")" -eq 17 "git cat-file is asked 17 times, once per blob"
sort -u "$T/git-asked" >"$T/asked-once"
expect_same "$T/blobs" "$T/asked-once" "git cat-file is asked for exactly the blobs of the commits"

# ---- a merge and a deletion, in a second repository ----
R2=$T/repo2
g2() { git -C "$R2" -c user.name=Bram -c user.email=bram@example.com -c init.defaultBranch=main "$@"; }
mkdir "$R2"
g2 init -q
map "$R2/map.yaml" 1 1
g2 add map.yaml && g2 commit -qm "Base"
g2 checkout -qb side
map "$R2/map.yaml" 1 -3
g2 commit -qam "Side: a bad end"
g2 checkout -q main
echo x >"$R2/other.txt"
g2 add other.txt && g2 commit -qm "Main: another file"
g2 merge -q --no-edit --no-ff side
g2 rm -q map.yaml && g2 commit -qm "Remove the map"
run "$CJM" log "$R2/map.yaml" --format csv
expect_rc 0 "cjm log of a map deleted since exits 0"
sed -n 's/^[0-9a-f]*,[^,]*,[^,]*,\([^,]*\),.*,\([^,]*\)\r$/\1|\2/p' "$T/out" >"$T/got-merge"
printf '%s\n' "Remove the map|deleted in this commit" "Merge branch 'side'|" "Side: a bad end|" "Base|" >"$T/want-merge"
expect_same "$T/want-merge" "$T/got-merge" "the deletion is listed as such, the merge against its first parent, the branch's commit too"
tr -d '\r' <"$T/out" >"$T/merge.csv"
check grep -q "^[0-9a-f]*,[^,]*,Bram,Merge branch 'side',map.yaml,,2,2,-1.0,-3,-3,-3.0,\$" "$T/merge.csv" "the merge has the figures of the merged map"

# ---- a RANGE ----
run "$CJM" log "$R/maps/journey.yaml" HEAD~5..HEAD --format yaml
expect_rc 0 "cjm log FILE HEAD~5..HEAD exits 0"
check test "$(grep -c '^- commit: ' "$T/out")" -eq 5 "HEAD~5..HEAD lists the last five commits"
head -n 5 "$T/expected-ids" >"$T/want-range"
sed -n 's/^- commit: //p' "$T/out" >"$T/got-range"
expect_same "$T/want-range" "$T/got-range" "HEAD~5..HEAD lists those commits, newest first"
run "$CJM" log "$R/maps/journey.yaml" "$(sed -n 7p "$T/made")..$(sed -n 5p "$T/made")"
expect_rc 0 "an empty range exits 0"
expect_out_has "no commit changed $R/maps/journey.yaml" "an empty range says no commit changed the map"

# ---- from inside the repository, by a path relative to a subfolder ----
(cd "$R/maps" && "$CJM" log journey.yaml --format csv) >"$T/out" 2>"$T/err"
rc=$?
expect_rc 0 "cjm log from the map's own folder exits 0"
check cmp -s "$T/out" "$T/log.csv" "cjm log from the map's folder gives the same CSV"

# ---- the sparkline ----
cat >"$T/spark.py" <<'PY'
import math, sys
bars, figures = sys.argv[1], [l.split() for l in open(sys.argv[2])][::-1]
means = [float(e[4]) for e in figures if not (e[2] == "error" or e[4] == "-")]
lo, hi = min(means), max(means)
out = ""
for e in figures:
    if e[2] == "error" or e[4] == "-":
        out += " "
    else:
        out += bars[min(7, int(math.floor((float(e[4]) - lo) / (hi - lo) * 8)))]
print("mean, oldest to newest (%+.2f to %+.2f): [%s]" % (lo, hi, out))
PY
/usr/bin/python3 "$T/spark.py" "▁▂▃▄▅▆▇█" "$T/expected" >"$T/want-spark"
run "$CJM" log "$R/maps/journey.yaml" --sparkline
expect_rc 0 "cjm log --sparkline exits 0"
head -n 1 "$T/out" >"$T/got-spark"
expect_same "$T/want-spark" "$T/got-spark" "--sparkline heads the text with the mean, oldest to newest, scaled to the lowest and highest mean"
check test "$(sed -n 2p "$T/out")" = "" "a blank line separates the sparkline from the table"
/usr/bin/python3 "$T/spark.py" "_.-:=+*#" "$T/expected" >"$T/want-spark"
LC_ALL=C "$CJM" log "$R/maps/journey.yaml" --sparkline >"$T/out" 2>"$T/err"
head -n 1 "$T/out" >"$T/got-spark"
expect_same "$T/want-spark" "$T/got-spark" "outside a UTF-8 locale the sparkline is ASCII"
COLUMNS=60 "$CJM" log "$R/maps/journey.yaml" --sparkline >"$T/out" 2>"$T/err"
check grep -q '^  (the newest 17 of 20 commits)$' "$T/out" "a sparkline wider than the terminal keeps the newest commits and says so"
if command -v script >/dev/null 2>&1; then
	script -qc "'$CJM' log '$R/maps/journey.yaml'" /dev/null </dev/null >"$T/tty" 2>&1
	check grep -q '^mean, oldest to newest (.* to .*): \[' "$T/tty" "on a terminal the sparkline is there by default"
	script -qc "'$CJM' log --no-sparkline '$R/maps/journey.yaml'" /dev/null </dev/null >"$T/tty" 2>&1
	check grep -q '^commit ' "$T/tty" "on a terminal --no-sparkline gives the table"
	if grep -q 'oldest to newest' "$T/tty"; then notok "--no-sparkline leaves it out on a terminal" "$(head -n 2 "$T/tty")"; else ok "--no-sparkline leaves it out on a terminal"; fi
else
	skip "on a terminal the sparkline is there by default" "script(1) is not installed"
fi

# ---- Dutch: the interface's decimal separator in the text, never in YAML or CSV ----
if has_dutch "cjm log under a Dutch locale"; then
	with_dutch "$CJM" log "$R/maps/journey.yaml" >"$T/out" 2>"$T/err"
	check grep -q '  +0,18  ' "$T/out" "under Dutch the text writes the mean with a decimal comma, as cjm stats does"
	with_dutch "$CJM" log "$R/maps/journey.yaml" -f csv >"$T/out" 2>"$T/err"
	# the same but for the loader's message, which speaks the interface language
	grep -v "^$bad," "$T/out" >"$T/nl.csv"
	grep -v "^$bad," "$T/log.csv" >"$T/en.csv"
	check cmp -s "$T/nl.csv" "$T/en.csv" "under Dutch the CSV is the same, keys and decimal points"
fi

# ---- usage errors: nothing on stdout, exit 64 ----
run "$CJM" log
expect_rc 64 "cjm log without FILE is a usage error"
expect_err_line "cjm: which map? give a FILE" "without FILE it asks for one"
expect_empty "$T/out" "a usage error prints nothing on stdout"
run "$CJM" log "$R/maps/journey.yaml" -- --all
expect_rc 64 "a RANGE starting with '-' is a usage error"
expect_err_line "cjm: a RANGE cannot start with '-' ('--all'); give revisions, such as HEAD~5..HEAD" "it says why"
expect_empty "$T/out" "a RANGE starting with '-' prints nothing"
run "$CJM" log "$R/maps/journey.yaml" --all
expect_rc 64 "an unknown option is a usage error"
run "$CJM" log "$R/maps/journey.yaml" --format xml
expect_rc 64 "an unknown --format is a usage error"
expect_err_line "cjm: unknown format 'xml'; the formats are text, yaml and csv" "it names the formats"
run "$CJM" log "$R/maps/journey.yaml" HEAD extra
expect_rc 64 "a third operand is a usage error"
run "$CJM" log "$R/maps/journey.yaml" --sparkline --no-sparkline
expect_rc 64 "--sparkline with --no-sparkline is a usage error"
run "$CJM" log "$R/maps/journey.yaml" --sparkline --format yaml
expect_rc 64 "--sparkline with --format yaml is a usage error"
run "$CJM" log --help
expect_rc 0 "cjm log --help exits 0"
expect_out_has "usage: cjm log FILE [RANGE]" "cjm log --help gives the synopsis"

# ---- what git cannot read: exit 66 with git's message ----
mkdir "$T/plain"
map "$T/plain/map.yaml" 1 2
run "$CJM" log "$T/plain/map.yaml"
expect_rc 66 "cjm log outside a repository exits 66"
expect_err_has "cjm: $T/plain/map.yaml: cannot read its history from git: fatal: not a git repository" \
	"outside a repository it gives git's message"
expect_empty "$T/out" "outside a repository nothing is printed"
map "$R/untracked.yaml" 1
run "$CJM" log "$R/untracked.yaml"
expect_rc 66 "cjm log of a file git does not track exits 66"
expect_err_line "cjm: $R/untracked.yaml: git does not track it: error: pathspec 'untracked.yaml' did not match any file(s) known to git" \
	"it says git does not track it, with git's message"
PATH=/nonexistent "$CJM" log "$R/maps/journey.yaml" >"$T/out" 2>"$T/err"
rc=$?
expect_rc 66 "cjm log without git exits 66"
expect_err_line "cjm: $R/maps/journey.yaml: cannot read its history: cannot run git: No such file or directory" \
	"without git it says git cannot run"
run "$CJM" log "$R/maps"
expect_rc 66 "cjm log of a folder exits 66"
expect_err_line "cjm: $R/maps: is a folder; give the map's file" "it asks for the map's file"
run "$CJM" log "$R/maps/journey.yaml" no-such-revision
expect_rc 66 "a RANGE git does not know exits 66"
expect_err_has "cannot read its history from git: fatal: " "a bad RANGE gives git's message"

lib_finish
