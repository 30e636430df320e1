#!/bin/sh
# Writes the message template (cjm.pot) of the sources po/POTFILES.in lists to OUT: how `make pot` and tests/cli/test_po.sh make it.
#   sh po/make-pot.sh OUT [LIST]   (LIST: a file naming the sources, default po/POTFILES.in)
# The keywords: _, N_ and C_ (the interface), P_ (plurals), L_, LC_, LN_ (texts written in
# the map's language, src/util/lang.h), all in one catalogue per language.
set -eu
out=${1:?usage: sh po/make-pot.sh OUT [LIST]}
list=${2:-po/POTFILES.in}
exec xgettext --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: \
	--keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=C_:1c,2 --keyword=L_:2 --keyword=LC_:2c,3 --keyword=LN_:2,3 \
	--flag=cli_error:1:c-format --flag=cli_usage_error:2:c-format --flag=diag_error:4:c-format \
	--flag=diag_warning:4:c-format --flag=cjm_editor_say:3:c-format --flag=cjm_edit_fail:2:c-format \
	--package-name=cjm --package-version="$(sed -n 's/^VERSION := //p' Makefile)" \
	--msgid-bugs-address="the cjm issue tracker" --sort-by-file --files-from="$list" -o "$out"
