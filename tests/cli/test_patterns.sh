#!/bin/sh
# Command-line tests of `cjm patterns`, `cjm suggest` and plugin loading: the
# plugin path, the failures reported, and that no map, current folder or
# map's folder can make cjm load code.
# Run from the top of the source tree:
#   CJM=build/san/cjm sh tests/cli/test_patterns.sh
# The test plugins (tests/plugins/*.c) are looked for in $CJM_TEST_PLUGINS,
# by default the plugins/ folder beside $CJM (make builds them there).
. tests/cli/lib.sh

umask 022 # plugin folders and files must not be writable by group or others (see cjm-plugin(7))

PLUGINS=${CJM_TEST_PLUGINS:-$(dirname "$CJM")/plugins}
case $PLUGINS in /*) ;; *) PLUGINS=$ROOT/$PLUGINS ;; esac
case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac

# Nothing of this machine's own: no plugin folder but the ones made here.
HOME=$T/home
export HOME
unset XDG_DATA_HOME CJM_PLUGIN_PATH CJM_TEST_MARKER
mkdir -p "$HOME"

BUILTINS="soften-negatives amplify-peaks moments-of-truth strong-start end-with-smile \
extend-journey skip-steps reorder-steps intelligent-experience redesign"

# ids: the pattern ids `cjm patterns` printed (a line that starts with an id), in order
ids() { sed -n 's/^\([a-z0-9][a-z0-9-]*\)  .*/\1/p' "$T/out"; }

# whether the test plugins were built
have_plugins=1
for p in example bad-abi no-entry clash marker mixed rough; do
	[ -f "$PLUGINS/$p.so" ] || have_plugins=
done

# --- the built-ins ------------------------------------------------------------
run "$CJM" patterns
expect_rc 0 "cjm patterns exits 0"
if [ "$(ids | tr '\n' ' ')" = "$BUILTINS " ]; then
	ok "cjm patterns lists the ten built-ins in tip order, and nothing else"
else
	fail "cjm patterns lists the ten built-ins in tip order, and nothing else" "ids: $(ids | tr '\n' ' ')"
fi
n=$(grep -c '^[a-z0-9-]*  built in$' "$T/out")
if [ "$n" -eq 10 ]; then ok "each built-in says 'built in'"; else fail "each built-in says 'built in'" "found $n"; fi
if [ "$(grep -c '^    threshold ' "$T/out")" -eq 10 ]; then
	ok "each pattern shows its default threshold"
else
	fail "each pattern shows its default threshold"
fi
expect_out_lacks "Not loaded" "no plugin failure without plugins"
expect_empty "$T/err" "cjm patterns says nothing on stderr"

run "$CJM" patterns extra
expect_rc 64 "cjm patterns takes no arguments (64)"
run "$CJM" patterns --bogus
expect_rc 64 "cjm patterns: an unknown option is a usage error"
run "$CJM" patterns --help
expect_rc 0 "cjm patterns --help exits 0"

if [ -z "$have_plugins" ]; then
	notok "the test plugins are built in $PLUGINS" "make builds them (tests/plugins/*.c); set CJM_TEST_PLUGINS"
	lib_finish
	exit
fi
ok "the test plugins are built in $PLUGINS"

# --- plugin folders -----------------------------------------------------------
mkdir -p "$T/good" "$T/all" "$T/markers"
cp "$PLUGINS/example.so" "$T/good/"
for p in example bad-abi no-entry clash mixed; do cp "$PLUGINS/$p.so" "$T/all/"; done
cp "$PLUGINS/marker.so" "$T/markers/"
printf 'this is not a shared object\n' >"$T/all/not-elf.so"
mkdir "$T/all/folder.so"
cp "$PLUGINS/marker.so" "$T/all/marker.so.disabled" # only names ending in .so count
printf 'notes\n' >"$T/all/README"
M=$T/marker
export CJM_TEST_MARKER="$M"

run env CJM_PLUGIN_PATH="$T/good" "$CJM" patterns
expect_rc 0 "with a plugin: cjm patterns exits 0"
expect_out_has "owner-gaps  $T/good/example.so" "the plugin's pattern is listed with the plugin's path"
expect_out_has "touchpoints that no department owns" "the plugin's summary is listed"
expect_out_has "threshold 3: emotion at or below which an unowned touchpoint is reported" \
	"the plugin's default threshold and what it means are listed"
if [ "$(ids | tr '\n' ' ')" = "$BUILTINS owner-gaps " ]; then
	ok "plugins come after the built-ins"
else
	fail "plugins come after the built-ins" "ids: $(ids | tr '\n' ' ')"
fi

run env CJM_PLUGIN_PATH="$T/all" "$CJM" patterns
expect_rc 0 "bad plugins: cjm patterns still exits 0"
expect_out_has "owner-gaps  $T/all/example.so" "bad plugins: the good plugin is still listed"
expect_out_has "mixed-good  $T/all/mixed.so" "bad plugins: the good pattern of a mixed plugin is listed"
expect_out_has "soften-negatives  built in" "bad plugins: the built-in keeps its id"
if [ "$(ids | tr '\n' ' ')" = "$BUILTINS owner-gaps mixed-good " ]; then
	ok "bad plugins: the rest are listed, plugins by file name"
else
	fail "bad plugins: the rest are listed, plugins by file name" "ids: $(ids | tr '\n' ' ')"
fi
expect_out_has "Not loaded:" "bad plugins: a 'Not loaded' section"
expect_out_has "  $T/all/bad-abi.so: built for plugin ABI 99; this cjm needs ABI 2" \
	"a plugin of another ABI is reported with both numbers"
expect_out_has "  $T/all/no-entry.so: no entry point cjm_plugin_patterns()" \
	"a plugin without the entry point is reported"
expect_out_has "  $T/all/clash.so: pattern id 'soften-negatives' clashes with the built-in pattern; refused" \
	"a plugin taking a built-in id is refused"
expect_out_has "  $T/all/not-elf.so: not a loadable shared object: " "a file that is not a shared object is reported"
expect_out_has "  $T/all/folder.so: not a regular file" "a folder named .so is reported"
expect_out_has "  $T/all/mixed.so: pattern 2: 'Bad_Id' is not a valid id" "a pattern with a bad id is refused"
expect_out_has "  $T/all/mixed.so: pattern 'mixed-no-suggest' has no suggest function" \
	"a pattern without a suggest function is refused"
expect_out_has "  $T/all/mixed.so: pattern 'mixed-no-summary' has no summary" "a pattern without a summary is refused"
expect_out_lacks "marker.so.disabled" "a file not ending in .so is not considered"
expect_out_lacks "README" "other files are not considered"
if [ ! -e "$M" ]; then ok "a file not ending in .so is never loaded"; else notok "a file not ending in .so is never loaded" "$(cat "$M")"; fi
rm -f "$M"

# The same plugin twice (a second folder holding the same file): the first wins.
mkdir -p "$T/again"
cp "$PLUGINS/example.so" "$T/again/"
run env CJM_PLUGIN_PATH="$T/good:$T/again" "$CJM" patterns
expect_out_has "owner-gaps  $T/good/example.so" "two folders: the first folder's plugin is used"
expect_out_has "  $T/again/example.so: pattern id 'owner-gaps' clashes with the plugin $T/good/example.so; refused" \
	"two folders: a later plugin with the same id is refused, naming the first"

# The same folder twice is searched once.
run env CJM_PLUGIN_PATH="$T/good:$T/good/:$T/good" "$CJM" patterns
expect_out_lacks "Not loaded" "a folder named twice in CJM_PLUGIN_PATH is searched once"

# A folder that is not there is skipped without a word.
run env CJM_PLUGIN_PATH="$T/nowhere:$T/good" "$CJM" patterns
expect_rc 0 "a missing folder in CJM_PLUGIN_PATH: exit 0"
expect_out_lacks "nowhere" "a missing folder in CJM_PLUGIN_PATH is skipped silently"
expect_out_has "owner-gaps  $T/good/example.so" "a missing folder: the next folder is still searched"

# --- what is never searched ---------------------------------------------------
# The marker plugin appends to $CJM_TEST_MARKER the moment it is loaded: first
# make sure it does, so that its silence below means something.
run env CJM_PLUGIN_PATH="$T/markers" "$CJM" patterns
expect_out_has "marker  $T/markers/marker.so" "control: the marker plugin loads from CJM_PLUGIN_PATH"
if grep -qx loaded "$M" 2>/dev/null; then
	ok "control: loading the marker plugin leaves its mark"
else
	notok "control: loading the marker plugin leaves its mark" "no 'loaded' in $M"
fi
rm -f "$M"

mkdir -p "$T/stranger/plugins" "$T/stranger/cjm/plugins" "$T/stranger/.local/share/cjm/plugins"
for d in "$T/stranger" "$T/stranger/plugins" "$T/stranger/cjm/plugins" "$T/stranger/.local/share/cjm/plugins"; do
	cp "$PLUGINS/marker.so" "$d/"
done
cat >"$T/stranger/journey.yaml" <<'EOF'
version: 1
title: A stranger's map
phases:
- id: buy
  name: Buy
  touchpoints:
  - id: pay
    name: Pay
    emotion: -3
EOF
cat >"$T/stranger/named.yaml" <<'EOF'
version: 1
title: A map that names code
plugins: [./marker.so]
phases: []
EOF

# unmarked NAME: passes when nothing loaded the marker plugin
unmarked() {
	if [ ! -e "$M" ]; then ok "$1"; else notok "$1" "the marker plugin was loaded: $(tr '\n' ' ' <"$M")"; fi
	rm -f "$M"
}

(cd "$T/stranger" && run "$CJM" suggest journey.yaml && echo "$rc" >"$T/rc")
rc=$(cat "$T/rc")
unmarked "cjm suggest in the map's folder (the current folder) loads no plugin from there"
expect_out_lacks "marker" "cjm suggest in the map's folder: no marker suggestion"
(cd "$T/stranger" && run "$CJM" patterns)
unmarked "cjm patterns in a folder full of plugins loads none of them"
expect_out_lacks "marker" "cjm patterns in a folder full of plugins lists none of them"
(cd "$T" && run "$CJM" suggest stranger/journey.yaml)
unmarked "cjm suggest loads no plugin from the map's folder"
(cd "$T/stranger" && run "$CJM" suggest named.yaml && echo "$rc" >"$T/rc")
rc=$(cat "$T/rc")
expect_rc 65 "a map that names a plugin is bad data (65)"
expect_err_has "unknown key 'plugins'" "a map that names a plugin: the key is unknown"
unmarked "a map that names a plugin loads nothing"

# relative folders in CJM_PLUGIN_PATH, and empty entries, are refused
(cd "$T/stranger" && run env CJM_PLUGIN_PATH="plugins:.:$T/good" "$CJM" patterns)
unmarked "relative folders in CJM_PLUGIN_PATH load nothing"
expect_out_has "  plugins: relative folder in CJM_PLUGIN_PATH refused" "a relative folder in CJM_PLUGIN_PATH is reported"
expect_out_has "  .: relative folder in CJM_PLUGIN_PATH refused" "'.' in CJM_PLUGIN_PATH is reported"
expect_out_has "owner-gaps  $T/good/example.so" "a relative folder: the absolute ones still load"
(cd "$T/stranger" && run env CJM_PLUGIN_PATH=":$T/good::" "$CJM" patterns)
unmarked "empty entries in CJM_PLUGIN_PATH do not mean the current folder"
expect_out_has "owner-gaps  $T/good/example.so" "empty entries: the absolute folder still loads"
(cd "$T/stranger" && run env HOME="." XDG_DATA_HOME="." "$CJM" patterns)
unmarked "a relative HOME or XDG_DATA_HOME loads nothing"

# --- the user's folder ----------------------------------------------------------
mkdir -p "$T/xdg/cjm/plugins" "$HOME/.local/share/cjm/plugins"
cp "$PLUGINS/example.so" "$T/xdg/cjm/plugins/"
run env XDG_DATA_HOME="$T/xdg" "$CJM" patterns
expect_out_has "owner-gaps  $T/xdg/cjm/plugins/example.so" "plugins load from \$XDG_DATA_HOME/cjm/plugins"
cp "$PLUGINS/example.so" "$HOME/.local/share/cjm/plugins/"
run "$CJM" patterns
expect_out_has "owner-gaps  $HOME/.local/share/cjm/plugins/example.so" \
	"without XDG_DATA_HOME, plugins load from ~/.local/share/cjm/plugins"
run env CJM_PLUGIN_PATH="$T/good" "$CJM" patterns
expect_out_has "owner-gaps  $T/good/example.so" "CJM_PLUGIN_PATH comes before the user's folder"
expect_out_has "$HOME/.local/share/cjm/plugins/example.so: pattern id 'owner-gaps' clashes with the plugin" \
	"the user's copy is then refused as a clash"
rm -rf "$T/xdg" "$HOME/.local"

# --- cjm suggest with a plugin --------------------------------------------------
cat >"$T/owners.yaml" <<'EOF'
version: 1
title: Owners
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: compare
    name: Compare prices
    owner: marketing
    emotion: 1
  - id: call
    name: Call the helpdesk
    emotion: -2
- id: use
  name: Use
  touchpoints:
  - id: invoice
    name: First invoice
dismissed:
- pattern: owner-gaps
  target: invoice
EOF
cat >"$T/owned.yaml" <<'EOF'
version: 1
title: Everything owned
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: compare
    name: Compare prices
    owner: marketing
EOF

export CJM_PLUGIN_PATH="$T/good"
run "$CJM" suggest "$T/owners.yaml" --pattern owner-gaps
expect_rc 1 "cjm suggest runs the plugin's pattern: exit 1 when it suggests"
cat >"$T/want" <<'EOF'
[2] owner-gaps  call
    Who owns 'Call the helpdesk'?
    'Call the helpdesk' in phase 'Orient' has no owner, at emotion -2: no department answers for it
    proposes: add the idea "Agree which department owns it"
    why here: priority 2: emotion -2

(1 dismissed suggestion not shown; --all shows it)
EOF
expect_same "$T/out" "$T/want" "the text format: priority, pattern, target, title, rationale, edit; dismissed hidden"
expect_empty "$T/err" "cjm suggest with a good plugin says nothing on stderr"

run "$CJM" suggest --all "$T/owners.yaml" -p owner-gaps
expect_rc 1 "--all: exit 1"
expect_out_has "[4] owner-gaps  invoice  (dismissed)" "--all shows the dismissed suggestion, marked"
expect_out_has "[2] owner-gaps  call" "--all still shows the others"
expect_out_lacks "not shown" "--all hides nothing"
if [ "$(grep -n 'owner-gaps  call' "$T/out" | cut -d: -f1)" -lt "$(grep -n 'owner-gaps  invoice' "$T/out" | cut -d: -f1)" ]; then
	ok "suggestions come by priority"
else
	fail "suggestions come by priority"
fi

run "$CJM" suggest "$T/owned.yaml" --pattern=owner-gaps
expect_rc 0 "no suggestion: exit 0"
expect_out_has "No suggestions." "no suggestion: says so"

sed 's/^    name: Call the helpdesk$/    name: Call the helpdesk\n    owner: service/' "$T/owners.yaml" >"$T/only-dismissed.yaml"
run "$CJM" suggest "$T/only-dismissed.yaml" --pattern owner-gaps
expect_rc 0 "only dismissed suggestions: exit 0"
run "$CJM" suggest "$T/only-dismissed.yaml" --pattern owner-gaps --all
expect_rc 0 "only dismissed suggestions, --all: still exit 0 (nothing to act on)"
expect_out_has "(dismissed)" "only dismissed suggestions, --all: shown"

# --pattern repeated; the journey as a whole is the target "journey"
run env CJM_PLUGIN_PATH="$T/all" "$CJM" suggest "$T/owners.yaml" --pattern owner-gaps --pattern mixed-good
expect_rc 1 "two --pattern options: exit 1"
if [ "$(sed -n 's/^\[[1-5]\] \([a-z0-9-]*\)  .*/\1/p' "$T/out" | sort -u | tr '\n' ' ')" = "mixed-good owner-gaps " ]; then
	ok "two --pattern options run those two patterns only"
else
	fail "two --pattern options run those two patterns only"
fi
expect_out_has "[5] mixed-good  journey" "a suggestion about the whole journey targets 'journey'"
expect_err_has "warning: plugin $T/all/bad-abi.so not loaded: built for plugin ABI 99" \
	"cjm suggest warns about a plugin it could not load"
run env CJM_PLUGIN_PATH="$T/all" "$CJM" suggest "$T/owners.yaml" --pattern soften-negatives
expect_out_lacks "an impostor" "a plugin that takes a built-in id never runs"

# every kind of edit, as text and as YAML (--all: several on one target are folded by default)
run env CJM_PLUGIN_PATH="$T/all" "$CJM" suggest "$T/owners.yaml" --pattern mixed-good --all
expect_out_has 'proposes: add the touchpoint "Ask a friend" to phase orient, at the end' "text: a touchpoint at the end"
expect_out_has 'proposes: add the touchpoint "Read the small print" to phase orient, as touchpoint 2' \
	"text: a touchpoint at a position (counted from 1)"
expect_out_has 'proposes: move it to phase use, at the start' "text: a move"
expect_out_has 'proposes: remove it' "text: a removal"
if [ "$(grep -c 'proposes:' "$T/out")" -eq 4 ]; then
	ok "text: a question for the room proposes nothing"
else
	fail "text: a question for the room proposes nothing"
fi
run env CJM_PLUGIN_PATH="$T/all" "$CJM" suggest "$T/owners.yaml" --pattern mixed-good --format yaml
cp "$T/out" "$T/edits.yaml"
cat >"$T/want" <<'WANT'
- pattern: mixed-good
  target: journey
  title: A journey-wide question
  rationale: from the mixed plugin
  priority: 5
  why: 'priority 5: about the whole journey'
- pattern: mixed-good
  target: orient
  title: Add a step
  rationale: r1
  priority: 5
  why: 'priority 5: about the whole phase ''Orient'''
  edit:
    kind: touchpoint
    text: Ask a friend
    phase: orient
  also:
  - pattern: mixed-good
    target: orient
    title: Add a second step
    rationale: r2
    priority: 5
    edit:
      kind: touchpoint
      text: Read the small print
      phase: orient
      position: 1
- pattern: mixed-good
  target: compare
  title: Move it
  rationale: r3
  priority: 5
  why: 'priority 5: emotion +1'
  edit:
    kind: move
    phase: use
    position: 0
  also:
  - pattern: mixed-good
    target: compare
    title: Drop it
    rationale: r4
    priority: 5
    edit:
      kind: remove
WANT
expect_same "$T/out" "$T/want" "yaml: every kind of edit (position 0-based, absent at the end), the second on a target under also:"

# a plugin's rough text never reaches the terminal as it is
mkdir -p "$T/rough"
cp "$PLUGINS/rough.so" "$T/rough/"
run env CJM_PLUGIN_PATH="$T/rough" "$CJM" suggest "$T/owners.yaml" --pattern rough-edges --all
expect_rc 1 "rough plugin: exit 1"
if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177\377]')" "$T/out"; then
	fail "rough plugin: no control character or invalid UTF-8 in the output"
else
	ok "rough plugin: no control character or invalid UTF-8 in the output"
fi
expect_out_has "[5] rough-edges  anything" "rough plugin: a priority above 5 is 5"
expect_out_has "[1] rough-edges  anything" "rough plugin: a priority below 1 is 1"
expect_out_has '    \x1B[31mRed alert\xFF' "rough plugin: control bytes and invalid UTF-8 are shown escaped"
expect_out_has '    line two\x07' "rough plugin: a rationale of two lines is printed as two indented lines"
expect_out_lacks "proposes" "rough plugin: an unknown edit kind or an idea without text proposes nothing"
run env CJM_PLUGIN_PATH="$T/rough" "$CJM" suggest "$T/owners.yaml" --pattern rough-edges --format yaml --all
cp "$T/out" "$T/rough.yaml"
expect_rc 1 "rough plugin, yaml: exit 1"
expect_out_lacks "edit:" "rough plugin, yaml: no edit"
run env CJM_PLUGIN_PATH="$T/rough" "$CJM" patterns
expect_out_has '    rough\ttext \x1B[2J from a plugin' "rough plugin: cjm patterns cleans the summary too"
expect_out_has "    threshold 0.25" "a threshold without its meaning is shown alone"

# --- YAML ---------------------------------------------------------------------
run "$CJM" suggest "$T/owners.yaml" --pattern owner-gaps --format yaml
expect_rc 1 "--format yaml: exit 1"
cp "$T/out" "$T/sugg.yaml"
cat >"$T/want" <<'EOF'
- pattern: owner-gaps
  target: call
  title: Who owns 'Call the helpdesk'?
  rationale: '''Call the helpdesk'' in phase ''Orient'' has no owner, at emotion -2: no department answers for it'
  priority: 2
  why: 'priority 2: emotion -2'
  edit:
    kind: idea
    text: Agree which department owns it
EOF
expect_same "$T/out" "$T/want" "--format yaml: one mapping per suggestion, with its edit"
expect_out_lacks "dismissed" "--format yaml without --all: no dismissed key"
run "$CJM" suggest "$T/owners.yaml" --pattern owner-gaps -f yaml --all
cp "$T/out" "$T/sugg-all.yaml"
if [ "$(grep -c '^  dismissed: ' "$T/out")" -eq 2 ] && grep -q '^  dismissed: true$' "$T/out"; then
	ok "--format yaml --all: every item has dismissed, true for the dismissed one"
else
	fail "--format yaml --all: every item has dismissed, true for the dismissed one"
fi
run "$CJM" suggest "$T/owned.yaml" --pattern owner-gaps --format=yaml
expect_rc 0 "--format yaml with no suggestion: exit 0"
if [ "$(cat "$T/out")" = "[]" ]; then ok "--format yaml with no suggestion: []"; else fail "--format yaml with no suggestion: []"; fi

if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
	if python3 - "$T/sugg.yaml" "$T/sugg-all.yaml" "$T/edits.yaml" "$T/rough.yaml" <<'EOF'
import sys, yaml
one = yaml.safe_load(open(sys.argv[1]))
assert isinstance(one, list) and len(one) == 1, one
s = one[0]
assert s["pattern"] == "owner-gaps" and s["target"] == "call", s
assert s["title"] == "Who owns 'Call the helpdesk'?", s
assert s["rationale"].startswith("'Call the helpdesk' in phase 'Orient'"), s
assert s["priority"] == 2 and "dismissed" not in s, s
assert s["edit"] == {"kind": "idea", "text": "Agree which department owns it"}, s
both = yaml.safe_load(open(sys.argv[2]))
assert [x["dismissed"] for x in both] == [False, True], both
assert both[1]["target"] == "invoice" and both[1]["priority"] == 4, both
edits = yaml.safe_load(open(sys.argv[3]))
assert [x.get("edit", {}).get("kind") for x in edits] == [None, "touchpoint", "move"], edits
assert [[y["edit"]["kind"] for y in x.get("also", [])] for x in edits] == [[], ["touchpoint"], ["remove"]], edits
rough = yaml.safe_load(open(sys.argv[4]))
assert rough[1]["rationale"] == "line one\nline two\\x07", rough
EOF
	then
		ok "--format yaml parses back (PyYAML) to the same values"
	else
		notok "--format yaml parses back (PyYAML) to the same values"
	fi
else
	ok "--format yaml parses back (PyYAML) # SKIP no python3 with PyYAML"
fi

# --- cjm-plugin(7)'s example is the example plugin, and builds as it says ----------
page=$ROOT/man/cjm-plugin.7
line='cc -shared -fPIC -I/usr/local/include -o owner-gaps.so owner-gaps.c'
awk '/^\.Sh EXAMPLES/ { ex = 1; next }
	ex && !inb && /^\.Bd -literal/ { inb = 1; next }
	inb && /^\.Ed/ { exit }
	inb { sub(/^\\&/, ""); gsub(/\\e/, "\\"); print }' "$page" >"$T/owner-gaps.c"
expect_same "$T/owner-gaps.c" "$ROOT/tests/plugins/example.c" "cjm-plugin(7)'s example is tests/plugins/example.c"
if grep -qF -- "$line" "$page"; then
	ok "cjm-plugin(7) gives the one-line build"
else
	notok "cjm-plugin(7) gives the one-line build" "expected: $line"
fi
if command -v cc >/dev/null 2>&1; then
	mkdir -p "$T/doc"
	(cd "$T" && cc -shared -fPIC -I"$ROOT/include" -o doc/owner-gaps.so owner-gaps.c) >"$T/out" 2>"$T/err"
	rc=$?
	expect_rc 0 "the page's example builds with its one line (headers from include/)"
	run env CJM_PLUGIN_PATH="$T/doc" "$CJM" patterns
	expect_out_has "owner-gaps  $T/doc/owner-gaps.so" "the page's example, built so, loads"
else
	ok "the page's example builds with its one line # SKIP no cc"
fi

# --- the built-ins on a real map ------------------------------------------------
unset CJM_PLUGIN_PATH
for map in "$ROOT"/maps/*.yaml; do
	[ -f "$map" ] || continue
	run "$CJM" suggest "$map" --format yaml
	if { [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; } && [ ! -s "$T/err" ]; then
		ok "cjm suggest ${map#"$ROOT"/}: exit 0 or 1, nothing on stderr"
	else
		fail "cjm suggest ${map#"$ROOT"/}: exit 0 or 1, nothing on stderr"
	fi
	if [ "$rc" -eq 1 ]; then
		missing=
		for key in pattern target title rationale priority; do
			grep -Eq "^(- |  )$key: " "$T/out" || missing="$missing $key"
		done
		if [ -z "$missing" ]; then ok "${map#"$ROOT"/}: the YAML has every key"; else fail "${map#"$ROOT"/}: the YAML has every key" "missing:$missing"; fi
	fi
done

# --- usage and input errors ------------------------------------------------------
export CJM_PLUGIN_PATH="$T/good"
run "$CJM" suggest
expect_rc 64 "no FILE: 64"
run "$CJM" suggest "$T/owners.yaml" "$T/owned.yaml"
expect_rc 64 "two FILEs: 64"
run "$CJM" suggest "$T/owners.yaml" --bogus
expect_rc 64 "an unknown option: 64"
run "$CJM" suggest "$T/owners.yaml" --format json
expect_rc 64 "an unknown format: 64"
expect_err_has "unknown format 'json'" "an unknown format is named"
run "$CJM" suggest "$T/owners.yaml" --pattern
expect_rc 64 "--pattern without an id: 64"
run "$CJM" suggest "$T/owners.yaml" --pattern no-such-pattern
expect_rc 64 "an unknown pattern id: 64"
expect_err_has "no pattern 'no-such-pattern'; the patterns are: soften-negatives, amplify-peaks," \
	"an unknown pattern id: the known ids are named"
expect_err_has ", owner-gaps" "an unknown pattern id: the plugins' ids are named too"
run "$CJM" suggest "$T/missing.yaml" --pattern no-such-pattern
expect_rc 64 "a usage error comes before reading the file"
run "$CJM" suggest "$T/missing.yaml"
expect_rc 66 "a missing file: 66"
printf 'version: 1\ntitle: Bad\nphases: 3\n' >"$T/bad.yaml"
run "$CJM" suggest "$T/bad.yaml"
expect_rc 65 "a bad map: 65"
expect_out_lacks "No suggestions" "a bad map: nothing on stdout"
"$CJM" suggest --pattern owner-gaps - <"$T/owners.yaml" >"$T/out" 2>"$T/err"
rc=$?
expect_rc 1 "'-' reads the map from standard input"
run "$CJM" suggest -- "$T/owners.yaml" --pattern owner-gaps
expect_rc 64 "after --, every argument is a FILE"

# ---- what a map says of patterns is checked against the patterns there are ----
cat >"$T/typo.yaml" <<'Y'
version: 1
title: Typos
patterns:
  soften-negative:
    threshold: -1
  made-up-thing:
    enabled: false
  owner-gaps:
    enabled: true
phases:
- id: p
  name: P
  touchpoints:
  - id: a
    name: A
    emotion: -3
dismissed:
- pattern: soften-negatives
  target: gone
- pattern: amplify-peak
  target: a
- pattern: redesign
  target: journey
- pattern: skip-steps
  target: p
Y
cp "$T/typo.yaml" "$T/typo.orig"
run env CJM_PLUGIN_PATH="$T/good" "$CJM" validate "$T/typo.yaml"
expect_rc 0 "unknown pattern ids are warnings: validate still exits 0"
expect_err_line "$T/typo.yaml:4:3: warning: no pattern 'soften-negative' (did you mean 'soften-negatives'?); its settings are not used" \
	"a misspelled pattern under patterns: is named with the nearest id"
expect_err_line "$T/typo.yaml:6:3: warning: no pattern 'made-up-thing' is built in or installed here (see 'cjm patterns'); its settings are not used" \
	"an unknown pattern under patterns: is named"
expect_err_line "$T/typo.yaml:18:3: warning: dismissed target 'gone' is no phase or touchpoint of the map; this dismissal hides nothing" \
	"a dismissal of a target that is gone is named"
expect_err_line "$T/typo.yaml:20:3: warning: no pattern 'amplify-peak' (did you mean 'amplify-peaks'?); this dismissal hides nothing" \
	"a dismissal of a misspelled pattern is named"
if [ "$(wc -l <"$T/err")" -eq 4 ]; then ok "the plugin's id, the journey and a phase as targets are not warned about"; else notok "the plugin's id, the journey and a phase as targets are not warned about" "$(cat "$T/err")"; fi
expect_same "$T/typo.orig" "$T/typo.yaml" "validate leaves the map as it was"
run env CJM_PLUGIN_PATH="$T/good" "$CJM" suggest "$T/typo.yaml"
expect_rc 1 "suggest still runs over a map with unknown pattern ids"
expect_err_has "no pattern 'soften-negative' (did you mean 'soften-negatives'?)" "suggest warns about them too"
run env -u CJM_PLUGIN_PATH HOME="$T/typo-home" "$CJM" validate "$T/typo.yaml"
expect_err_has "6:3: warning: no pattern 'made-up-thing'" "without the plugin installed ..."
expect_err_has "8:3: warning: no pattern 'owner-gaps' is built in or installed here" \
	"... a plugin's settings are warned about, not refused"
expect_rc 0 "... and the map is still valid"

lib_finish
