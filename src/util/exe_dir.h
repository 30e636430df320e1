/* The folder of the running binary, and the installed folders found relative to it (manual pages, plugins, catalogues, schema). */
#ifndef CJM_EXE_DIR_H
#define CJM_EXE_DIR_H

/* The folder the running binary is in ("/usr/bin", "/src/cjm/build"), read once from
 * /proc/self/exe; NULL when it cannot be read. */
const char *exe_dir(void);

/* The folders `make install` fills besides BINDIR. */
typedef enum exe_installed {
	EXE_MANDIR,    /* MANDIR: man1/, man5/, man7/, nl/man1/ ... */
	EXE_PLUGINDIR, /* PLUGINDIR: the installed plugins, *.so */
	EXE_LOCALEDIR, /* LOCALEDIR: LANG/LC_MESSAGES/cjm.mo */
	EXE_SCHEMADIR, /* SCHEMADIR: cjm-map.schema.json */
} exe_installed;

/* The path from BINDIR to the folder WHICH, as the Makefile computed it from its
 * BINDIR, MANDIR, PLUGINDIR, LOCALEDIR and SCHEMADIR ("../share/man" by default,
 * whatever PREFIX is). */
const char *exe_installed_relative(exe_installed which);

/* REL (relative, or absolute: then alone) after the absolute folder DIR, without
 * ".", empty parts and "X/.." ("/usr/bin" and "../share/man": "/usr/share/man";
 * never above "/"); malloc'd. Right for a DIR without symbolic links in it, as
 * exe_dir() is. */
char *exe_dir_join(const char *dir, const char *rel);

/* The folder WHICH of the running binary: exe_dir() joined with
 * exe_installed_relative(WHICH), "DIR/.." taken away ("/usr/share/man" for
 * /usr/bin/cjm, "/tmp/stage/usr/share/man" for a copy staged with DESTDIR);
 * malloc'd, or NULL when exe_dir() is. Whether the folder exists is not checked. */
char *exe_installed_dir(exe_installed which);

#endif
