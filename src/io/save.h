/* Writing a map as canonical YAML with libyaml's emitter, and saving files atomically. */
#ifndef CJM_SAVE_H
#define CJM_SAVE_H

#include <stdio.h>

#include "cjm/map.h"
#include "util/strbuf.h"

/* Appends the canonical YAML text of MAP to OUT. */
void cjm_save_to_buffer(const cjm_map *map, strbuf *out);

/* Replaces PATH with DATA atomically: a temporary file in the same folder,
 * fsync, rename (keeping PATH's mode when it exists). A PATH that exists and is
 * not a regular file (a device, a pipe) is written in place, never replaced; a
 * folder is EISDIR. Returns 0, or an errno
 * value with PATH untouched; *STAGE says which step failed ("create", "write",
 * "sync", "rename") for the message. */
int cjm_write_file_atomic(const char *path, const char *data, size_t len, const char **stage);

/* Writes all LEN bytes of DATA to FD, going on after short writes and EINTR.
 * Returns 0, or an errno value. */
int cjm_write_all(int fd, const char *data, size_t len);

/* How many numbered backups cjm_keep_backup tries after PATH.orig. */
#define CJM_BACKUP_MAX 999

/* Keeps LEN bytes of TEXT (a file's original content) in a new file beside PATH: the
 * first free name of PATH.orig, PATH.orig.1, PATH.orig.2, ... PATH.orig.CJM_BACKUP_MAX,
 * created exclusively, so an earlier backup is never overwritten. Returns 0 with
 * *BACKUP (malloc'd) the name used; or an errno (EEXIST: every name is taken) with
 * nothing left behind and *BACKUP the last name tried. */
int cjm_keep_backup(const char *path, const char *text, size_t len, char **backup);

/* cjm_save_to_buffer + cjm_write_file_atomic. */
int cjm_save_file(const cjm_map *map, const char *path, const char **stage);

#endif
