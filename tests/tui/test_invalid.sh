#!/bin/sh
# An invalid map does not open the editor: the problems go to stderr as
# FILE:LINE:COL: error: lines, cjm exits 65 and changes nothing.
. tests/cli/lib.sh
. tests/tui/tmux.sh

map=$T/bad.yaml
cat >"$map" <<'Y'
version: 1
title: Bad map
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
    emotion: 9
Y
cp "$map" "$T/orig.yaml"

# on the terminal: stderr shows in the window
tui_start 250 30 "$CJM" "$map" # wide: the error line must not wrap
tui_expect_rc 65 "an invalid map: cjm exits 65"
tui_expect "$map:9:14: error: emotion" "the FILE:LINE:COL: error: line is on the terminal"
if tui_has "? help" || tui_has "emotion─"; then notok "the editor did not open"; tui_dump; else ok "the editor did not open"; fi
expect_same "$T/orig.yaml" "$map" "the invalid map is unchanged"
tui_no_leftovers "$map" "no recovery or lock file is made for an invalid map"

# stderr into a file, the terminal still a terminal
tui_start 100 30 sh -c "exec '$CJM' '$map' 2>'$T/err'"
tui_expect_rc 65 "with stderr in a file: exit 65"
rc=65
expect_err_has "$map:9:14: error: emotion must be a whole number from -3 to +3" "stderr has the FILE:LINE:COL: error: line"
expect_err_has "nothing was changed" "stderr says nothing was changed"
expect_same "$T/orig.yaml" "$map" "the invalid map is still unchanged"

# an unknown key (a typo) is an error too
cat >"$T/typo.yaml" <<'Y'
version: 1
title: Typo
phases:
- id: orient
  name: Orient
  touchpoints:
  - id: alpha
    name: Alpha
    emotoin: 1
Y
cp "$T/typo.yaml" "$T/typo.orig"
tui_start 100 30 sh -c "exec '$CJM' '$T/typo.yaml' 2>'$T/err'"
tui_expect_rc 65 "a map with an unknown key: exit 65"
expect_err_has "$T/typo.yaml:9:5: error:" "stderr points at the unknown key"
expect_same "$T/typo.orig" "$T/typo.yaml" "the map with the typo is unchanged"

# YAML that does not parse
printf 'version: 1\ntitle: [unclosed\n' >"$T/syntax.yaml"
cp "$T/syntax.yaml" "$T/syntax.orig"
tui_start 100 30 sh -c "exec '$CJM' '$T/syntax.yaml' 2>'$T/err'"
tui_expect_rc 65 "a map that is not YAML: exit 65"
if grep -Eq "^$T/syntax.yaml:[0-9]+:[0-9]+: error: " "$T/err"; then ok "stderr has a FILE:LINE:COL: error: line for the syntax error"; else fail "stderr has a FILE:LINE:COL: error: line for the syntax error"; fi
expect_same "$T/syntax.orig" "$T/syntax.yaml" "the broken YAML is unchanged"
lib_finish
