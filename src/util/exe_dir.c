/* The folder of the running binary, read once from /proc/self/exe, and the installed folders relative to it. */
#include "util/exe_dir.h"

#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

/* The installed layout as paths relative to BINDIR, which the Makefile passes when
 * it builds this file (and rebuilds it when they change). Relative, not absolute:
 * the layout under a prefix is the same for every PREFIX, so a binary built with
 * one PREFIX and installed with another (`make && make install PREFIX=/usr`), or
 * staged under DESTDIR, finds the files installed beside it. The defaults are
 * what the Makefile computes for its default folders. */
#ifndef CJM_REL_MANDIR
#define CJM_REL_MANDIR "../share/man"
#endif
#ifndef CJM_REL_PLUGINDIR
#define CJM_REL_PLUGINDIR "../lib/cjm/plugins"
#endif
#ifndef CJM_REL_LOCALEDIR
#define CJM_REL_LOCALEDIR "../share/locale"
#endif
#ifndef CJM_REL_SCHEMADIR
#define CJM_REL_SCHEMADIR "../share/cjm"
#endif

const char *exe_dir(void)
{
	static char dir[PATH_MAX];
	static bool read;
	if (!read) {
		read = true;
		ssize_t len = readlink("/proc/self/exe", dir, sizeof dir - 1);
		char *slash = NULL;
		if (len > 0) {
			dir[len] = '\0';
			slash = strrchr(dir, '/');
		}
		if (slash)
			*slash = '\0';
		else
			dir[0] = '\0';
	}
	return dir[0] ? dir : NULL;
}

const char *exe_installed_relative(exe_installed which)
{
	switch (which) {
	case EXE_MANDIR: return CJM_REL_MANDIR;
	case EXE_PLUGINDIR: return CJM_REL_PLUGINDIR;
	case EXE_LOCALEDIR: return CJM_REL_LOCALEDIR;
	case EXE_SCHEMADIR: return CJM_REL_SCHEMADIR;
	}
	return ".";
}

/* Appends each folder of PATH ('/'-separated) to the absolute path in OUT: ".."
 * takes the last folder away, "." and "" add nothing. Right for a path from
 * /proc/self/exe: it has no symbolic link in it, so each folder's ".." is the
 * folder its path names. */
static void exe_dir_append(strbuf *out, const char *path)
{
	for (const char *p = path; *p;) {
		size_t len = strcspn(p, "/");
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			char *slash = out->len ? strrchr(out->data, '/') : NULL;
			if (slash) {
				out->len = (size_t)(slash - out->data);
				out->data[out->len] = '\0';
			}
		} else if (len > 0 && !(len == 1 && p[0] == '.')) {
			strbuf_putc(out, '/');
			strbuf_add(out, p, len);
		}
		p += len + (p[len] == '/');
	}
}

char *exe_dir_join(const char *dir, const char *rel)
{
	strbuf path = { 0 };
	if (rel[0] != '/') /* a folder given as absolute stands alone */
		exe_dir_append(&path, dir);
	exe_dir_append(&path, rel);
	if (path.len == 0) { /* DIR/.. was / */
		strbuf_release(&path);
		return xstrdup("/");
	}
	return path.data;
}

char *exe_installed_dir(exe_installed which)
{
	const char *exe = exe_dir();
	return exe ? exe_dir_join(exe, exe_installed_relative(which)) : NULL;
}
