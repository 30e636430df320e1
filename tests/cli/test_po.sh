#!/bin/sh
# The translations: every source in POTFILES.in, cjm.pot up to date with the sources, every po/LANG.po complete (nothing untranslated or fuzzy), and no message to the user bypassing gettext.
. tests/cli/lib.sh

# every source file is listed, so xgettext sees every message
ls src/*/*.c | LC_ALL=C sort >"$T/sources"
if cmp -s "$T/sources" po/POTFILES.in; then
	ok "po/POTFILES.in lists every source file"
else
	fail "po/POTFILES.in lists every source file" "run make pot" "$(diff po/POTFILES.in "$T/sources" | head -n 5)"
fi

# the template holds exactly the messages of the sources
sh po/make-pot.sh "$T/fresh.pot" 2>"$T/err"
msgids() { # the messages of a .pot, without locations or dates, sorted
	msgcat --no-location --no-wrap --sort-output "$1" | grep -v '^"POT-Creation-Date:'
}
msgids po/cjm.pot >"$T/committed"
msgids "$T/fresh.pot" >"$T/current"
if cmp -s "$T/committed" "$T/current"; then
	ok "po/cjm.pot holds every translatable message of the sources"
else
	fail "po/cjm.pot holds every translatable message of the sources" "run make pot, then translate" \
		"$(diff "$T/committed" "$T/current" | head -n 12)"
fi

for lang in $(cat po/LINGUAS); do
	po=po/$lang.po
	run msgfmt --check --statistics -o /dev/null "$po"
	if [ "$rc" = 0 ] && grep -q 'translated message' "$T/err" && ! grep -qE 'fuzzy|untranslated' "$T/err"; then
		ok "$po: every message translated, none fuzzy ($(cat "$T/err"))"
	else
		fail "$po: every message translated, none fuzzy"
	fi
	run msgcmp "$po" po/cjm.pot
	[ "$rc" = 0 ] && ok "$po: every message of cjm.pot is in it" || fail "$po: every message of cjm.pot is in it"
	if grep -q '^#~' "$po"; then
		fail "$po: no obsolete messages" "$(grep -c '^#~ msgid' "$po") obsolete; remove them (msgattrib --no-obsolete)"
	else
		ok "$po: no obsolete messages"
	fi
done

# no literal reaches the user without gettext
run python3 tests/cli/po_bypass.py .
if [ "$rc" = 0 ]; then
	ok "no message to the user in src/ bypasses gettext"
else
	fail "no message to the user in src/ bypasses gettext" "wrap each in _() (po/message-functions)"
fi

# the catalogue is built and found beside the binary
if [ -f "${CJM%/*}/locale/nl/LC_MESSAGES/cjm.mo" ] || [ -f build/locale/nl/LC_MESSAGES/cjm.mo ]; then
	ok "the Dutch catalogue is built"
else
	fail "the Dutch catalogue is built"
fi
exit $((failures > 0))
