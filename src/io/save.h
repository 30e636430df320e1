/* Writing a map as canonical YAML with libyaml's emitter, and saving files atomically. */
#ifndef CJM_SAVE_H
#define CJM_SAVE_H

#include <stdio.h>

#include "cjm/map.h"
#include "util/strbuf.h"

/* Appends the canonical YAML text of MAP to OUT. */
void cjm_save_to_buffer(const cjm_map *map, strbuf *out);

/* Replaces PATH with DATA atomically: a temporary file in the same folder,
 * fsync, rename (keeping PATH's mode when it exists). Returns 0, or an errno
 * value with PATH untouched; *STAGE says which step failed ("create", "write",
 * "sync", "rename") for the message. */
int cjm_write_file_atomic(const char *path, const char *data, size_t len, const char **stage);

/* cjm_save_to_buffer + cjm_write_file_atomic. */
int cjm_save_file(const cjm_map *map, const char *path, const char **stage);

#endif
