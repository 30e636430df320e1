#!/bin/sh
# Command-line tests of new, validate, fmt, help and the top level: output, files and exit codes.
. tests/cli/lib.sh

# ---- top level ----
run "$CJM" --version
expect_rc 0 "--version exits 0"
expect_out_has "cjm 0." "--version prints the version"
run "$CJM" --help
expect_rc 0 "--help exits 0"
cp "$T/out" "$T/main-help"
for cmd in $("$CJM" --list-commands); do
	check grep -q "^  $cmd " "$T/main-help" "--help lists $cmd"
	run "$CJM" "$cmd" --help
	expect_rc 0 "$cmd --help exits 0"
	expect_out_has "usage: cjm $cmd" "$cmd --help shows its usage"
done
run "$CJM"
expect_rc 64 "no arguments is a usage error"
run "$CJM" frobnicate
expect_rc 64 "an unknown command is a usage error"
expect_err_line "cjm: 'frobnicate' is not a command; see 'cjm --help'" "an unknown command is named"

# ---- new ----
run "$CJM" new "$T/my-first_journey.yaml"
expect_rc 0 "new writes a map"
run "$CJM" validate "$T/my-first_journey.yaml"
expect_rc 0 "the new map validates"
check grep -qx 'title: My first journey' "$T/my-first_journey.yaml" "new makes the title from the file name"
check grep -qx -- '- id: orient' "$T/my-first_journey.yaml" "new writes the starter phases"
run "$CJM" fmt --check "$T/my-first_journey.yaml"
expect_rc 0 "the new map is canonical"
cp "$T/my-first_journey.yaml" "$T/before"
run "$CJM" new "$T/my-first_journey.yaml" --title Other
expect_rc 73 "new refuses to overwrite"
expect_err_line "cjm: $T/my-first_journey.yaml: already exists" "new says the file exists"
expect_same "$T/before" "$T/my-first_journey.yaml" "new left the existing file alone"
run "$CJM" new - --title "Glasses: try at home"
expect_rc 0 "new - writes to stdout"
expect_out_has "title: 'Glasses: try at home'" "new quotes a title with a colon"
run "$CJM" new "$T/x.yaml" --title
expect_rc 64 "new --title without a value is a usage error"
run "$CJM" new "$T/blank.yaml" --title "   "
expect_rc 64 "new refuses a title of spaces (the map would not validate)"
check test ! -e "$T/blank.yaml" "new wrote nothing for a blank title"
run "$CJM" new "$T/-.yaml"
expect_rc 0 "new with a file name that leaves a blank title"
check grep -qx 'title: New journey' "$T/-.yaml" "a blank title from the file name becomes New journey"
run "$CJM" new
expect_rc 64 "new without FILE is a usage error"
run "$CJM" new "$T/nodir/x.yaml"
expect_rc 73 "new into a missing folder cannot create"
expect_err_has "cannot save (create failed: No such file or directory)" "new says why it cannot create"

# ---- validate ----
for map in maps/*.yaml; do
	run "$CJM" validate "$map"
	expect_rc 0 "validate $map"
	expect_empty "$T/err" "validate $map says nothing"
done
run "$CJM" validate maps/energy-switch.yaml tests/bad/emotion-4.yaml
expect_rc 65 "validate with one bad file exits 65"
cp maps/energy-switch.yaml "$T/-dash.yaml"
case $CJM in /*) cjm_abs=$CJM ;; *) cjm_abs=$ROOT/$CJM ;; esac
run sh -c "cd '$T' && '$cjm_abs' validate -- -dash.yaml"
expect_rc 0 "validate -- takes a file that starts with '-'"
run "$CJM" validate tests/bad/emotion-4.yaml "$T/missing.yaml"
expect_rc 66 "a file that cannot be opened wins over bad data"
expect_err_line "cjm: $T/missing.yaml: No such file or directory" "validate names the missing file"
run "$CJM" validate
expect_rc 64 "validate without files is a usage error"
run "$CJM" validate --strict maps/energy-switch.yaml
expect_rc 64 "validate with an unknown option is a usage error"
printf 'version: 1\ntitle: x\nphases: []\n' >"$T/ok.yaml"
run sh -c "\"$CJM\" validate - <\"$T/ok.yaml\""
expect_rc 0 "validate - reads standard input"

# ---- fmt ----
for map in maps/*.yaml; do
	run "$CJM" fmt "$map"
	cp "$T/out" "$T/once.yaml"
	expect_same "$map" "$T/once.yaml" "fmt leaves $map as it is (canonical)"
	run "$CJM" fmt "$T/once.yaml"
	expect_same "$T/once.yaml" "$T/out" "fmt of fmt output changes nothing ($map)"
done
cat >"$T/messy.yaml" <<'YAML'
title: "Messy"
version: 1
phases:
  - name: Oriëntatie & Keuze
    touchpoints:
      - {name: "Compare", emotion: +2, visible: True}
      - name: Compare
        pains: [slow, "true"]
YAML
run "$CJM" fmt --check "$T/messy.yaml"
expect_rc 1 "fmt --check finds a messy file"
expect_out_has "$T/messy.yaml: not canonical" "fmt --check names it"
cp "$T/messy.yaml" "$T/messy.before"
run "$CJM" fmt "$T/messy.yaml"
expect_rc 0 "fmt prints"
expect_same "$T/messy.before" "$T/messy.yaml" "fmt without -w writes nothing"
expect_out_has "- id: orientatie-keuze" "fmt makes phase ids from names"
expect_out_has "  - id: compare-2" "fmt makes unique touchpoint ids"
expect_out_has "    - 'true'" "fmt quotes text that looks like a boolean"
chmod 640 "$T/messy.yaml"
run "$CJM" fmt -w "$T/messy.yaml"
expect_rc 0 "fmt -w rewrites"
expect_same "$T/out" /dev/null "fmt -w prints nothing"
check test "$(stat -c %a "$T/messy.yaml")" = 640 "fmt -w keeps the file mode"
run "$CJM" fmt --check "$T/messy.yaml"
expect_rc 0 "after fmt -w the file is canonical"
touch -d '2020-01-01' "$T/messy.yaml"
run "$CJM" fmt -w "$T/messy.yaml"
check test "$(stat -c %Y "$T/messy.yaml")" = "$(date -d 2020-01-01 +%s)" "fmt -w leaves a canonical file untouched"
run "$CJM" fmt -w --check "$T/messy.yaml"
expect_rc 64 "-w with --check is a usage error"
run "$CJM" fmt -w -
expect_rc 64 "fmt -w - is a usage error"
run "$CJM" fmt
expect_rc 64 "fmt without files is a usage error"
run "$CJM" fmt "$T/none.yaml"
expect_rc 66 "fmt of a missing file exits 66"

# comments are never lost silently
cat >"$T/commented.yaml" <<'YAML'
# Workshop Utrecht, 12 March
version: 1
title: Commented   # the working title
phases:
  - name: "Pay # not a comment"
YAML
cp "$T/commented.yaml" "$T/commented.before"
run "$CJM" fmt "$T/commented.yaml"
expect_rc 0 "fmt of a commented file prints"
expect_err_line "$T/commented.yaml:1:1: warning: 2 comment(s) are not kept in canonical form" "fmt warns about comments"
run "$CJM" fmt --check "$T/commented.yaml"
expect_rc 1 "a commented file is not canonical"
run "$CJM" fmt -w "$T/commented.yaml"
expect_rc 0 "fmt -w on a commented file succeeds"
expect_err_line "cjm: $T/commented.yaml: 2 comment(s) dropped; the original is kept in $T/commented.yaml.orig" "fmt -w says where the original is"
expect_same "$T/commented.before" "$T/commented.yaml.orig" "the backup holds the original"
# a second commented version while the first backup is still there: a numbered backup
sed 's/# the working title/# the second title/' "$T/commented.before" >"$T/commented.yaml"
cp "$T/commented.yaml" "$T/commented.second"
run "$CJM" fmt -w "$T/commented.yaml"
expect_rc 0 "fmt -w with an earlier backup there succeeds"
expect_err_line "cjm: $T/commented.yaml: 2 comment(s) dropped; the original is kept in $T/commented.yaml.orig.1" "fmt -w names the numbered backup"
expect_same "$T/commented.second" "$T/commented.yaml.orig.1" "the numbered backup holds the file it replaced"
expect_same "$T/commented.before" "$T/commented.yaml.orig" "the earlier backup is untouched"
cp "$T/commented.second" "$T/commented.yaml"
run "$CJM" fmt -w "$T/commented.yaml"
expect_err_has "the original is kept in $T/commented.yaml.orig.2" "a third fmt -w takes the next number"
rm -f "$T/commented.yaml.orig.2"
cp "$T/commented.second" "$T/commented.yaml"
i=3
while [ "$i" -le 999 ]; do : >"$T/commented.yaml.orig.$i"; i=$((i + 1)); done
: >"$T/commented.yaml.orig.2"
run "$CJM" fmt -w "$T/commented.yaml"
expect_rc 73 "fmt -w refuses when every backup name is taken"
expect_err_has "move them away first (nothing was written)" "the refusal says why"
expect_same "$T/commented.second" "$T/commented.yaml" "a refused fmt -w wrote nothing"
rm -f "$T"/commented.yaml.orig*

# a write that fails leaves the old file whole
sed 's/^title: /title:    /' maps/energy-switch.yaml >"$T/big.yaml" # not canonical, several KiB
cp "$T/big.yaml" "$T/big.before"
run sh -c "trap '' XFSZ; ulimit -f 1; \"$CJM\" fmt -w \"$T/big.yaml\""
expect_rc 74 "a write that fails midway is an I/O error"
expect_err_has "the file on disk is unchanged" "the failed write says the file is unchanged"
expect_same "$T/big.before" "$T/big.yaml" "the failed write left the old file"
check test -z "$(find "$T" -name '.big.yaml.tmp-*')" "the failed write left no temporary file"

# a read-only folder: the save cannot even start, and says so
mkdir "$T/ro"
sed 's/^title: /title:    /' maps/energy-switch.yaml >"$T/ro/m.yaml"
cp "$T/ro/m.yaml" "$T/ro.before"
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$T/ro"
	run "$CJM" fmt -w "$T/ro/m.yaml"
	chmod 755 "$T/ro"
	ro_tested=1
elif unshare -m true 2>/dev/null; then
	run unshare -m sh -c "mount --bind '$T/ro' '$T/ro' && mount -o remount,ro,bind '$T/ro' && exec '$CJM' fmt -w '$T/ro/m.yaml'"
	ro_tested=1
elif setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	# root without a mount namespace of its own (a chroot, a container): as nobody
	chmod 711 "$T"
	chmod 666 "$T/ro/m.yaml" # the file nobody may write, the folder not: only the folder is read-only
	chmod 555 "$T/ro"
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$CJM" fmt -w "$T/ro/m.yaml"
	chmod 755 "$T/ro"
	ro_tested=1
else
	echo "ok - fmt -w in a read-only folder # SKIP cannot make a read-only folder here"
	ro_tested=0
fi
if [ "$ro_tested" = 1 ]; then
	expect_rc 73 "fmt -w in a read-only folder cannot create"
	expect_err_has "cannot save (create failed:" "fmt -w in a read-only folder says why"
	expect_same "$T/ro.before" "$T/ro/m.yaml" "fmt -w in a read-only folder left the file"
fi

# ---- help ----
run "$CJM" help fmt
expect_rc 0 "help fmt exits 0"
expect_out_has "cjm fmt" "help fmt shows the fmt page"
run "$CJM" help map
expect_rc 0 "help map exits 0"
expect_out_has "moment_of_truth" "help map shows the file format"
run "$CJM" help plugin
expect_rc 0 "help plugin exits 0"
expect_out_has "cjm_plugin_patterns" "help plugin shows cjm-plugin(7)"
run "$CJM" help tips
expect_rc 0 "help tips exits 0"
expect_out_has "soften-negatives" "help tips shows cjm-patterns(7)"
run "$CJM" help nonsense
expect_rc 64 "help of an unknown topic is a usage error"

# ---- options: one parser reads every command's option table ----
map=$T/options.yaml
"$CJM" new "$map" --title "Options" >/dev/null 2>&1
for cmd in new validate fmt show stats suggest patterns diff merge export import edit; do
	run "$CJM" "$cmd" --frobnicate "$map"
	expect_rc 64 "$cmd --frobnicate is a usage error"
	expect_err_line "cjm: unknown option '--frobnicate'" "$cmd names the unknown option"
	expect_err_has "usage: cjm $cmd" "$cmd prints its usage after an unknown option"
done
for args in "export $map --to" "import $map --from" "show $map --width" "suggest $map -p" "merge -o" "new x.yaml -t"; do
	# shellcheck disable=SC2086 # the words of $args are the arguments
	run "$CJM" $args
	expect_rc 64 "cjm $args: a missing value is a usage error"
	expect_err_line "cjm: option ${args##* } needs a value" "cjm $args says which option needs a value"
done
run "$CJM" export "$map" --to=mermaid
expect_rc 0 "--to=FORMAT is --to FORMAT"
expect_out_has "journey" "export --to=mermaid writes Mermaid"
run "$CJM" show --plain -- "$map"
expect_rc 0 "-- ends the options"
run "$CJM" show -- --plain
expect_rc 66 "after --, a word that begins with - is a file"
run "$CJM" stats "$map" "$map"
expect_rc 64 "stats of two files is a usage error"
expect_err_line "cjm: one FILE only ('$map' and '$map')" "stats names both files"
run "$CJM" export --help
expect_out_has "  -o, --output OUT        write OUT atomically" "export --help prints its option table in one column"
expect_out_has "      --force             replace OUT" "an option without a short name lines up"
expect_out_has "  -h, --help              show this help" "the help lines up -h, --help with the table"

# every --help fits an 80-column terminal (the usage line may run longer: it is one line to copy)
for c in "" $("$CJM" --list-commands); do
	run "$CJM" $c --help
	if grep -v '^usage:' "$T/out" | python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in sys.stdin))'; then
		ok "cjm${c:+ $c} --help fits 80 columns"
	else
		fail "cjm${c:+ $c} --help fits 80 columns"
	fi
done

lib_finish
