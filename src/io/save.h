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

/* Keeps LEN bytes of TEXT (a file's original content) in PATH.orig, never over an
 * earlier backup. Returns 0, EEXIST when PATH.orig is already there, or an errno
 * (nothing is left behind); *BACKUP (malloc'd) gets the name either way. */
int cjm_keep_backup(const char *path, const char *text, size_t len, char **backup);

/* cjm_save_to_buffer + cjm_write_file_atomic. */
int cjm_save_file(const cjm_map *map, const char *path, const char **stage);

#endif
