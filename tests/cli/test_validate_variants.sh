#!/bin/sh
# cjm validate warns, with FILE:LINE:COL of each later spelling, about channels and
# owners that differ only in case, spaces or hyphens; the exit status stays 0.
. tests/cli/lib.sh

cat >"$T/v.yaml" <<'Y'
version: 1
title: Varianten
phases:
- name: Kopen
  touchpoints:
  - name: Bestellen
    channel: email
    owner: Sales
  - name: Bevestigen
    channel: e-mail
  - {name: Betalen, channel: E Mail, owner: sales}
  - name: Passen
    channel: web
    owner: Sales
Y
run "$CJM" validate "$T/v.yaml"
expect_rc 0 "variants are warnings: exit 0"
if grep -qxF "$T/v.yaml:10:14: warning: channel 'e-mail' differs from 'email' (line 7) only in case, spaces or hyphens" "$T/err"; then
	ok "the warning names the later spelling's FILE:LINE:COL and the first one's line"
else
	notok "the warning names the later spelling's FILE:LINE:COL and the first one's line" "$(cat "$T/err")"
fi
if grep -qF "v.yaml:11:30: warning: channel 'E Mail' differs from 'email' (line 7)" "$T/err" &&
	grep -qF "v.yaml:11:45: warning: owner 'sales' differs from 'Sales' (line 8)" "$T/err"; then
	ok "a flow mapping's values get their own columns, owners too"
else
	notok "a flow mapping's values get their own columns, owners too" "$(cat "$T/err")"
fi
if [ "$(wc -l <"$T/err")" -eq 3 ]; then ok "the same spelling again and other values give no warning"; else
	notok "the same spelling again and other values give no warning" "$(cat "$T/err")"; fi

cat >"$T/clean.yaml" <<'Y'
version: 1
title: Schoon
phases:
- name: Kopen
  touchpoints:
  - {name: A, channel: email}
  - {name: B, channel: email}
Y
run "$CJM" validate "$T/clean.yaml"
expect_rc 0 "a map with one spelling validates"
if [ -s "$T/err" ]; then notok "and says nothing" "$(cat "$T/err")"; else ok "and says nothing"; fi
lib_finish
