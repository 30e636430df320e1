#!/bin/sh
# make install and make uninstall, staged with DESTDIR and PREFIX=/usr: the staged
# binary finds its own pages, catalogues and plugin folder (paths relative to its
# folder, not the prefix it was built with), cjm-plugin.pc builds a plugin it loads,
# the completions are where each shell looks, and make uninstall leaves nothing.
# Run from the top of the source tree, after a build:
#   make -j2 build/cjm build/locale.stamp && CJM=build/san/cjm sh tests/cli/test_install.sh
# make install reuses the build in $CJM_BUILD (default build), as make check leaves it.
. tests/cli/lib.sh

umask 022 # plugin folders must not be writable by group or others (cjm-plugin(7))
BUILD=${CJM_BUILD:-build}
case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac
HOME=$T/home
export HOME
unset XDG_DATA_HOME XDG_STATE_HOME CJM_PLUGIN_PATH MANPATH PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
mkdir -p "$HOME"

if [ ! -x "$ROOT/$BUILD/cjm" ] || ! ls "$ROOT/$BUILD"/locale/*/LC_MESSAGES/cjm.mo >/dev/null 2>&1; then
	notok "the build is there to install" "$BUILD/cjm or its catalogues are not built (make -j2 $BUILD/cjm $BUILD/locale.stamp)"
	lib_finish
	exit
fi

# stage NAME TARGET: make TARGET DESTDIR=$T/NAME PREFIX=/usr, output in $T/out, $T/err
stage() {
	(cd "$ROOT" && make -s "$2" B="$BUILD" DESTDIR="$T/$1" PREFIX=/usr) >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}

# --- make install ---------------------------------------------------------------
# A folder and a file that were there before: uninstall must keep them.
mkdir -p "$T/stage/usr/share/man/man1"
echo '.Dd' >"$T/stage/usr/share/man/man1/other.1"
(cd "$T/stage" && find . | LC_ALL=C sort) >"$T/before"
: >"$T/since"
stage stage install
expect_rc 0 "make install DESTDIR=... PREFIX=/usr exits 0"
rebuilt=$(find "$ROOT/$BUILD" -newer "$T/since" \( -name '*.o' -o -name '*.a' -o -path "$ROOT/$BUILD/cjm" \) | head -n 5)
if [ -z "$rebuilt" ]; then
	ok "make install rebuilds nothing of a build made with the default PREFIX"
else
	notok "make install rebuilds nothing of a build made with the default PREFIX" "rebuilt: $rebuilt"
fi

U=$T/stage/usr
absent=
for f in bin/cjm share/man/man1/cjm.1 share/man/man1/cjm-export.1 share/man/man1/cjm-completion.1 \
	share/man/man5/cjm-map.5 share/man/man7/cjm-plugin.7 share/man/nl/man1/cjm.1 \
	share/locale/nl/LC_MESSAGES/cjm.mo include/cjm/plugin.h share/cjm/cjm-map.schema.json \
	share/pkgconfig/cjm-plugin.pc share/bash-completion/completions/cjm share/zsh/site-functions/_cjm \
	share/fish/vendor_completions.d/cjm.fish; do
	[ -f "$U/$f" ] || absent="$absent $f"
done
[ -d "$U/lib/cjm/plugins" ] || absent="$absent lib/cjm/plugins/"
if [ -z "$absent" ]; then
	ok "make install puts the binary, pages, catalogue, header, schema, cjm-plugin.pc, completions and plugin folder under PREFIX"
else
	notok "make install puts the binary, pages, catalogue, header, schema, cjm-plugin.pc, completions and plugin folder under PREFIX" \
		"missing under /usr:$absent"
fi
check test -x "$U/bin/cjm" "the installed cjm is executable"
for shell in bash zsh fish; do
	case $shell in
	bash) installed=$U/share/bash-completion/completions/cjm ;;
	zsh) installed=$U/share/zsh/site-functions/_cjm ;;
	fish) installed=$U/share/fish/vendor_completions.d/cjm.fish ;;
	esac
	LC_ALL=C.UTF-8 "$U/bin/cjm" completion "$shell" >"$T/printed" 2>/dev/null
	if cmp -s "$T/printed" "$installed"; then
		ok "the installed $shell completion is what cjm completion $shell prints"
	else
		notok "the installed $shell completion is what cjm completion $shell prints" "$installed differs"
	fi
done

# --- the staged binary finds what was installed beside it ---------------------------
# A line added to the staged pages shows that cjm help opened those, not the
# source tree's man/ or pages of another prefix.
printf '.Sh STAGED\nstaged-export-page\n' >>"$U/share/man/man1/cjm-export.1"
printf '.Sh STAGED\nstaged-dutch-page\n' >>"$U/share/man/nl/man1/cjm.1"
run "$U/bin/cjm" help export
expect_rc 0 "the staged cjm help export exits 0"
expect_out_has "staged-export-page" "the staged cjm help export shows the staged share/man/man1/cjm-export.1"
expect_err_lacks() {
	if grep -qF -- "$1" "$T/err"; then fail "$2" "expected stderr not to contain: $1"; else ok "$2"; fi
}
expect_err_lacks "not installed" "the staged cjm help finds its page (no 'not installed')"

if has_dutch "the staged cjm speaks Dutch from the staged catalogue"; then
	run with_dutch "$U/bin/cjm" --help
	dutch=$(grep -c 'alleen-lezen' "$T/out")
	mv "$U/share/locale/nl/LC_MESSAGES/cjm.mo" "$T/cjm.mo"
	run with_dutch "$U/bin/cjm" --help
	without=$(grep -c 'alleen-lezen' "$T/out")
	mv "$T/cjm.mo" "$U/share/locale/nl/LC_MESSAGES/cjm.mo"
	if [ "$dutch" -gt 0 ] && [ "$without" -eq 0 ]; then
		ok "the staged cjm speaks Dutch from the staged catalogue (and English without it)"
	else
		notok "the staged cjm speaks Dutch from the staged catalogue (and English without it)" \
			"Dutch lines with the catalogue: $dutch, without: $without"
	fi
	run env LANGUAGE=nl "$U/bin/cjm" --help
	expect_out_has "alleen-lezen" "the staged cjm speaks Dutch under LANGUAGE=nl (LC_ALL=C.UTF-8)"
	run with_dutch "$U/bin/cjm" help
	expect_out_has "staged-dutch-page" "the staged cjm help shows the staged Dutch cjm(1) under the Dutch locale"
fi

# --- cjm-plugin.pc builds a plugin that the staged cjm loads ------------------------
PC="env PKG_CONFIG_PATH=$U/share/pkgconfig PKG_CONFIG_SYSROOT_DIR=$T/stage"
run $PC pkg-config --cflags cjm-plugin
if [ "$rc" -eq 0 ] && [ "$(sed 's/ *$//' "$T/out")" = "-I$U/include" ]; then
	ok "pkg-config --cflags cjm-plugin names the installed include folder"
else
	fail "pkg-config --cflags cjm-plugin names the installed include folder" "expected -I$U/include"
fi
run env PKG_CONFIG_PATH="$U/share/pkgconfig" pkg-config --variable=plugindir cjm-plugin
if [ "$rc" -eq 0 ] && [ "$(sed 's/ *$//' "$T/out")" = "/usr/lib/cjm/plugins" ]; then
	ok "pkg-config --variable=plugindir cjm-plugin is the folder cjm loads installed plugins from"
else
	fail "pkg-config --variable=plugindir cjm-plugin is the folder cjm loads installed plugins from" \
		"expected /usr/lib/cjm/plugins"
fi
run env PKG_CONFIG_PATH="$U/share/pkgconfig" pkg-config --modversion cjm-plugin
expect_out_has "$("$CJM" --version | sed -n 's/^cjm \([^ ]*\).*/\1/p')" "cjm-plugin.pc has cjm's version"
plugindir=$T/stage$(env PKG_CONFIG_PATH="$U/share/pkgconfig" pkg-config --variable=plugindir cjm-plugin)
# built in a folder of its own, so that only the installed header can be found
mkdir -p "$T/plugin-src"
cp "$ROOT/tests/plugins/example.c" "$T/plugin-src/"
# shellcheck disable=SC2046
run sh -c "cd '$T/plugin-src' && cc -shared -fPIC -Wall -Werror \$($PC pkg-config --cflags cjm-plugin) -o '$plugindir/example.so' example.c"
expect_rc 0 "cc -shared -fPIC \$(pkg-config --cflags cjm-plugin) builds a plugin against the installed header"
run "$U/bin/cjm" patterns
expect_out_has "owner-gaps  $U/lib/cjm/plugins/example.so" \
	"the staged cjm patterns loads the plugin from the staged plugin folder"
run "$CJM" patterns
expect_out_lacks "owner-gaps" "the build tree's cjm does not look in the staged plugin folder"
rm -f "$plugindir/example.so"

# --- make uninstall ---------------------------------------------------------------
stage stage uninstall
expect_rc 0 "make uninstall DESTDIR=... PREFIX=/usr exits 0"
(cd "$T/stage" && find . | LC_ALL=C sort) >"$T/after"
if cmp -s "$T/before" "$T/after"; then
	ok "make uninstall removes every file and folder install made, and keeps what was there before"
else
	notok "make uninstall removes every file and folder install made, and keeps what was there before" \
		"$(diff "$T/before" "$T/after" | sed -n 's/^[<>] //p' | head -n 8 | tr '\n' ' ')"
fi

mkdir "$T/fresh"
stage fresh install
stage fresh uninstall
left=$(cd "$T/fresh" && find . -mindepth 1 | head -n 5 | tr '\n' ' ')
if [ "$rc" -eq 0 ] && [ -z "$left" ]; then
	ok "make uninstall into an empty DESTDIR leaves it empty"
else
	notok "make uninstall into an empty DESTDIR leaves it empty" "exit $rc; left: $left"
fi

# A plugin of the user's in the installed folder stays, and so does its folder.
mkdir "$T/kept"
stage kept install
echo 'not ours' >"$T/kept/usr/lib/cjm/plugins/mine.so"
stage kept uninstall
if [ -f "$T/kept/usr/lib/cjm/plugins/mine.so" ] && [ ! -e "$T/kept/usr/bin" ]; then
	ok "make uninstall keeps a file it did not install, and the folders holding it"
else
	notok "make uninstall keeps a file it did not install, and the folders holding it" \
		"$(cd "$T/kept" && find . | head -n 8 | tr '\n' ' ')"
fi

lib_finish
