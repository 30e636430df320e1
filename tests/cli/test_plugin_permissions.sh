#!/bin/sh
# Plugin folders and files that someone else could change are refused, as ssh
# refuses loose key files: writable by group or others, or owned by another
# user than you or root; root loads only what root owns.
#   CJM=build/san/cjm sh tests/cli/test_plugin_permissions.sh
. tests/cli/lib.sh

umask 022
PLUGINS=${CJM_TEST_PLUGINS:-$(dirname "$CJM")/plugins}
case $PLUGINS in /*) ;; *) PLUGINS=$ROOT/$PLUGINS ;; esac
case $CJM in /*) ;; *) CJM=$ROOT/$CJM ;; esac
if [ ! -f "$PLUGINS/example.so" ]; then
	notok "the test plugins are built in $PLUGINS" "make builds them (tests/plugins/*.c)"
	lib_finish
	exit
fi
HOME=$T/home
export HOME
unset XDG_DATA_HOME XDG_STATE_HOME CJM_PLUGIN_PATH
mkdir -p "$HOME" "$T/p"
cp "$PLUGINS/example.so" "$T/p/"
chmod 755 "$T/p" "$T/p/example.so"

# loads TEXT: cjm patterns with CJM_PLUGIN_PATH=$T/p lists owner-gaps
patterns() { run env CJM_PLUGIN_PATH="${1:-$T/p}" "$CJM" patterns; }

patterns
expect_out_has "owner-gaps  $T/p/example.so" "control: a folder (0755) and a plugin (0755) of yours load"
expect_out_lacks "Not loaded" "control: nothing refused"

chmod g+w "$T/p/example.so"
patterns
expect_rc 0 "a group-writable plugin: cjm patterns still exits 0"
expect_out_lacks "owner-gaps  " "a group-writable plugin is not loaded"
expect_out_has "  $T/p/example.so: writable by group; refused (fix: chmod go-w $T/p/example.so)" \
	"a group-writable plugin is refused, saying the fix"
chmod g-w,o+w "$T/p/example.so"
patterns
expect_out_has "  $T/p/example.so: writable by others; refused (fix: chmod go-w $T/p/example.so)" \
	"a plugin writable by others is refused, saying the fix"
printf 'version: 1\ntitle: T\nphases: []\n' >"$T/m.yaml"
run env CJM_PLUGIN_PATH="$T/p" "$CJM" suggest "$T/m.yaml"
expect_err_has "cjm: warning: plugin $T/p/example.so not loaded: writable by others; refused (fix: chmod go-w $T/p/example.so)" \
	"cjm suggest warns about a refused plugin"
chmod o-w "$T/p/example.so"

chmod g+w "$T/p"
patterns
expect_out_lacks "owner-gaps  " "a plugin in a group-writable folder is not loaded"
expect_out_has "  $T/p: plugin folder writable by group; refused (fix: chmod go-w $T/p)" \
	"a group-writable plugin folder is refused whole, saying the fix"
chmod g-w,o+w "$T/p"
patterns
expect_out_has "  $T/p: plugin folder writable by others; refused (fix: chmod go-w $T/p)" \
	"a plugin folder writable by others is refused"
chmod o-w "$T/p"

# the user's own folder is checked too
mkdir -p "$HOME/.local/share/cjm/plugins"
cp "$PLUGINS/example.so" "$HOME/.local/share/cjm/plugins/"
chmod 775 "$HOME/.local/share/cjm/plugins"
run "$CJM" patterns
expect_out_has "  $HOME/.local/share/cjm/plugins: plugin folder writable by group; refused" \
	"the user's plugin folder is checked as well"
rm -rf "$HOME/.local/share"

# a symbolic link to a plugin in a loose folder
mkdir -p "$T/loose" "$T/links"
cp "$PLUGINS/example.so" "$T/loose/"
chmod 777 "$T/loose"
ln -s "$T/loose/example.so" "$T/links/example.so"
patterns "$T/links"
expect_out_lacks "owner-gaps  " "a link to a plugin in a world-writable folder is not loaded"
expect_out_has "  $T/links/example.so: links to a file in $T/loose, which is writable by group and others; refused (fix: chmod go-w $T/loose)" \
	"a link to a plugin in a world-writable folder is refused, naming that folder"
chmod 755 "$T/loose"
patterns "$T/links"
expect_out_has "owner-gaps  $T/links/example.so" "a link to a plugin in a tight folder loads"

# owned by root: anyone may load it (a root-owned shared object of the system, linked in)
lib=
for f in /lib/*/libm.so.6 /usr/lib/*/libm.so.6 /lib64/libm.so.6 /usr/lib64/libm.so.6; do
	[ -f "$f" ] && [ "$(stat -c %u "$f")" = 0 ] && lib=$f && break
done
if [ -n "$lib" ]; then
	mkdir -p "$T/sys"
	ln -s "$lib" "$T/sys/libm.so"
	patterns "$T/sys"
	expect_out_has "  $T/sys/libm.so: no entry point cjm_plugin_patterns()" \
		"a file owned by root passes the owner check (and is then no plugin)"
else
	ok "a file owned by root passes the owner check # SKIP no root-owned libm.so.6 found"
fi

# owned by another user
if [ "$(id -u)" -eq 0 ]; then
	chown 65534 "$T/p/example.so"
	patterns
	expect_out_lacks "owner-gaps  " "root: a plugin owned by another user is not loaded"
	expect_out_has "  $T/p/example.so: owned by uid 65534, not by root: root loads only plugins that root owns; refused (fix: chown root $T/p/example.so)" \
		"root: a plugin owned by another user is refused, saying the fix"
	chown 0 "$T/p/example.so"
	chown 65534 "$T/p"
	patterns
	expect_out_has "  $T/p: plugin folder owned by uid 65534, not by root" \
		"root: a plugin folder owned by another user is refused"
	chown 0 "$T/p"
	patterns
	expect_out_has "owner-gaps  $T/p/example.so" "root: owned by root again, it loads"
	# As another user (65534): files of root and of that user load, another user's do not.
	if command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		U=$(mktemp -d /tmp/cjm-perm.XXXXXX)
		chmod 755 "$U"
		mkdir "$U/mine" "$U/theirs" "$U/home"
		cp "$PLUGINS/example.so" "$U/mine/"
		cp "$PLUGINS/example.so" "$U/theirs/"
		chown -R 65534 "$U/mine" "$U/home"
		chown 65533 "$U/theirs/example.so"
		chmod -R go-w "$U"
		cjm_copy=$U/cjm
		cp "$CJM" "$cjm_copy"
		chmod 755 "$cjm_copy"
		# the plugin's own dependencies come from the system; cjm itself runs from a copy all can read
		setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$U/home" \
			CJM_PLUGIN_PATH="$U/mine:$U/theirs" "$cjm_copy" patterns >"$T/out" 2>"$T/err" </dev/null
		rc=$?
		expect_out_has "owner-gaps  $U/mine/example.so" "a user loads a plugin of their own"
		expect_out_has "  $U/theirs/example.so: owned by uid 65533, neither you (uid 65534) nor root; refused (fix: chown 65534 $U/theirs/example.so)" \
			"a user's cjm refuses a plugin owned by another user, saying the fix"
		rm -rf "$U"
	else
		ok "a user refuses a plugin owned by another user # SKIP setpriv cannot run a command as uid 65534 here"
	fi
else
	ok "root refuses a plugin owned by another user # SKIP not root: cannot give a file to another user"
	ok "a user refuses a plugin owned by another user # SKIP not root: cannot give a file to another user"
fi

lib_finish
