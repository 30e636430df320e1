#!/bin/sh
# Fails when a file in src/ includes a header of a layer above its own, when two
# folders of one layer include each other's headers, when libyaml or curses is
# included outside the one layer that may, or when the README's Layout section
# does not name every folder of src/.
# Run from the top of the source tree: sh tests/cli/test_layers.sh
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$HERE/lib.sh"
TOP=$(cd "$HERE/../.." && pwd)

# The layers, lowest first: LAYER RANK PATHS. A file belongs to the first layer
# one of whose paths (a folder, or a file name without .c/.h) it is under; a
# header "X/Y.h" is the header of the file src/X/Y.h (cjm/ is include/cjm/, the
# model's public headers). A file may include headers of its own folder and of
# lower ranks; folders of the same rank are independent of each other, except
# for the pairs in ALLOWED.
LAYERS='
util     0 util
text     1 render/text render/wrap render/hyphen
model    2 model cjm
io       3 io
analysis 3 analysis
edit     3 edit
render   4 render
patterns 4 patterns
export   4 export
merge    4 merge
live     4 live
editor   5 editor
tui      6 tui
cli      6 cli
'
# FROM-LAYER HEADER: a same-rank include that is the other layer's interface.
ALLOWED='
cli tui/tui.h
'
# System headers only one layer may include, and only in its .c files, so that
# their types do not pass on through a header: HEADER LAYER.
CONFINED='
yaml.h io
curses.h tui
ncurses.h tui
ncursesw/curses.h tui
'

# check_tree SRC: one line "FILE: PROBLEM" per layering problem in the tree SRC.
check_tree() {
	src=$1
	(cd "$src" && find . -name '*.[ch]' | sed 's|^\./||' | sort) | while read -r file; do
		echo "$file:0:" # the file itself, includes or not
		grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$src/$file" | sed "s|^|$file:|"
	done | awk -v layers="$LAYERS" -v allowed="$ALLOWED" -v confined="$CONFINED" '
	BEGIN {
		n = split(layers, lines, "\n")
		for (i = 1; i <= n; i++) {
			m = split(lines[i], w, " ")
			if (m < 3) continue
			for (j = 3; j <= m; j++) { order[++count] = w[j]; layer_of[w[j]] = w[1] }
			rank[w[1]] = w[2]
		}
		n = split(allowed, lines, "\n")
		for (i = 1; i <= n; i++) if (split(lines[i], w, " ") == 2) ok[w[1] " " w[2]] = 1
		n = split(confined, lines, "\n")
		for (i = 1; i <= n; i++) if (split(lines[i], w, " ") == 2) only[w[1]] = w[2]
	}
	# the layer of a path without its extension: the longest matching table path
	function layer(path,   best, i, p) {
		best = ""
		for (i = 1; i <= count; i++) {
			p = order[i]
			if ((path == p || index(path, p "/") == 1) && length(p) > length(best)) best = p
		}
		return best == "" ? "" : layer_of[best]
	}
	{
		file = $0; sub(/:.*/, "", file)
		line = $0; sub(/^[^:]*:[0-9]*:/, "", line)
		stem = file; sub(/\.[ch]$/, "", stem)
		mine = layer(stem)
		if (mine == "") { if (!(file in told)) print file ": in no layer of the table"; told[file] = 1; next }
		if (line == "") next
		if (line ~ /</) {
			h = line; sub(/^[^<]*</, "", h); sub(/>.*/, "", h)
			if ((h in only) && only[h] != mine) print file ": includes <" h "> outside " only[h]
			else if ((h in only) && file ~ /\.h$/) print file ": a header includes <" h ">, passing its types on"
			next
		}
		h = line; sub(/^[^"]*"/, "", h); sub(/".*/, "", h)
		if (h !~ /\//) next
		hstem = h; sub(/\.h$/, "", hstem)
		theirs = layer(hstem)
		if (theirs == "" || theirs == mine) next
		if (rank[theirs] + 0 > rank[mine] + 0)
			print file ": " mine " (rank " rank[mine] ") includes " h ", of " theirs " (rank " rank[theirs] ")"
		else if (rank[theirs] == rank[mine] && !((mine " " h) in ok))
			print file ": " mine " includes " h ", of " theirs ", a layer beside it"
	}'
}

# --- the tree as it is ---------------------------------------------------------
check_tree "$TOP/src" >"$T/problems"
if [ -s "$T/problems" ]; then
	notok "every include in src/ goes to its own layer or one below"
	sed 's/^/#   /' "$T/problems"
else
	ok "every include in src/ goes to its own layer or one below"
fi

# every folder of src/ is a layer of the table and is named in the README's Layout
missing_table=
missing_readme=
layout=$(sed -n '/^## Layout/,/^## [^L]/p' "$TOP/README.md")
for dir in "$TOP"/src/*/; do
	name=$(basename "$dir")
	printf '%s\n' "$LAYERS" | awk -v d="$name" '{ for (i = 3; i <= NF; i++) if ($i == d) f = 1 } END { exit !f }' ||
		missing_table="$missing_table $name"
	printf '%s\n' "$layout" | grep -q "^src/$name/" || missing_readme="$missing_readme src/$name/"
done
if [ -z "$missing_table" ]; then
	ok "every folder of src/ is in the layer table"
else
	notok "every folder of src/ is in the layer table" "not in it:$missing_table"
fi
if [ -z "$missing_readme" ]; then
	ok "the README's Layout section names every folder of src/"
else
	notok "the README's Layout section names every folder of src/" "not named:$missing_readme"
fi
# the README gives the same ranks as the table: its line "Layers, lowest first:"
# lists them as "util < text < model < io, analysis, edit < ..."
want=$(printf '%s\n' "$LAYERS" | awk 'NF >= 3 { if ($2 != r && NR > 1 && s != "") s = s " < "; else if (s != "") s = s ", "; s = s $1; r = $2 } END { print s }')
if printf '%s\n' "$layout" | tr '\n' ' ' | sed 's/  */ /g; s/`//g' | grep -qF "$want"; then
	ok "the README's Layout section gives the layers in the table's order"
else
	notok "the README's Layout section gives the layers in the table's order" "expected it to say: $want"
fi

# --- the check finds what it is for --------------------------------------------
mkdir -p "$T/src/model" "$T/src/edit" "$T/src/merge" "$T/src/cli" "$T/src/tui" "$T/src/render"
printf '#include "edit/edit.h"\n' >"$T/src/model/up.c"
printf '#include <yaml.h>\n' >"$T/src/merge/leak.c"
mkdir -p "$T/src/io" && printf '#include <yaml.h>\n' >"$T/src/io/emit.h" && printf '#include <yaml.h>\n' >"$T/src/io/emit.c"
printf '#include "tui/screen.h"\n#include "tui/tui.h"\n' >"$T/src/cli/inside.c"
printf '#include "render/show.h"\n#include "render/text.h"\n' >"$T/src/edit/render.c"
printf '#include "util/strbuf.h"\n' >"$T/src/render/text.c"
printf '#include "model/map.h"\n' >"$T/src/render/wrap.c"
mkdir -p "$T/src/nowhere" && : >"$T/src/nowhere/x.c"
check_tree "$T/src" >"$T/found"
expect_found() {
	if grep -qF -- "$1" "$T/found"; then
		ok "$2"
	else
		notok "$2" "expected a line with: $1" "found:"
		sed 's/^/#   /' "$T/found"
	fi
}
expect_not_found() {
	if grep -qF -- "$1" "$T/found"; then notok "$2" "did not expect: $(grep -F -- "$1" "$T/found")"; else ok "$2"; fi
}
expect_found "model/up.c: model (rank 2) includes edit/edit.h" "a model file including edit's header is found"
expect_found "merge/leak.c: includes <yaml.h> outside io" "libyaml outside io is found"
expect_found "io/emit.h: a header includes <yaml.h>" "an io header passing libyaml's types on is found"
expect_not_found "io/emit.c" "an io source file may include libyaml"
expect_found "cli/inside.c: cli includes tui/screen.h, of tui, a layer beside it" "cli using tui's internals is found"
expect_not_found "tui/tui.h" "cli may include tui/tui.h, the editor's entry point"
expect_found "edit/render.c: edit (rank 3) includes render/show.h" "edit including the map's rendering is found"
expect_not_found "render/text.h" "edit may include render/text.h (the text layer)"
expect_not_found "render/text.c" "render/text.c may include util"
expect_found "render/wrap.c: text (rank 1) includes model/map.h" "the text layer including the model is found"
expect_found "nowhere/x.c: in no layer of the table" "a folder outside the table is found"

lib_finish
