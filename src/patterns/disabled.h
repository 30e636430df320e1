/* The plugins that crashed or hung, kept in $XDG_STATE_HOME/cjm/disabled-plugins until the file changes. */
#ifndef CJM_DISABLED_H
#define CJM_DISABLED_H

#include <stddef.h>
#include <sys/stat.h>

/* One line of the file: the plugin's path, which file it was (device, inode,
 * size, modification time) and why it was disabled. */
typedef struct cjm_disabled_entry {
	char *path;
	unsigned long long dev, ino, size;
	long long mtime_sec;
	long mtime_nsec;
	char *reason;
} cjm_disabled_entry;

typedef struct cjm_disabled_list {
	cjm_disabled_entry *items;
	size_t count, cap;
} cjm_disabled_list;

/* The file's path ($XDG_STATE_HOME/cjm/disabled-plugins, by default
 * ~/.local/state/cjm/disabled-plugins), or NULL when there is no home. */
char *cjm_disabled_file(void);

/* What the file says (nothing when it is not there); lines it cannot read are skipped. */
cjm_disabled_list *cjm_disabled_load(void);
void cjm_disabled_free(cjm_disabled_list *list);

/* Why the plugin PATH, the file ST, was disabled; NULL when it was not, or
 * when the file changed since (it was reinstalled: it is tried again). */
const char *cjm_disabled_find(const cjm_disabled_list *list, const char *path, const struct stat *st);

/* Records the plugin PATH, the file ST, as disabled for REASON (replacing an
 * older line for PATH). Returns NULL, or why it could not be recorded. */
char *cjm_disabled_record(const char *path, const struct stat *st, const char *reason);

#endif
