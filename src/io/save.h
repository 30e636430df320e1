/* Writing a map as canonical YAML with libyaml's emitter, and saving files atomically. */
#ifndef CJM_SAVE_H
#define CJM_SAVE_H

#include <stdio.h>

#include "model/map.h"
#include "util/strbuf.h"

/* Appends the canonical YAML text of MAP to OUT. */
void cjm_save_to_buffer(const cjm_map *map, strbuf *out);

/* Replaces PATH with DATA atomically: a temporary file ".NAME.tmp-XXXXXX" in the
 * same folder, locked while it is written, fsync, rename. It keeps what PATH is:
 * its mode, and its owner and group as far as the writer may set them; through a
 * symbolic link the link's target is replaced. A PATH that exists and is not a
 * regular file (a device, a pipe) is written in place, never replaced; a folder is
 * EISDIR. Refused before anything is written (*STAGE "check"): a read-only PATH
 * (EACCES), a PATH with other hard links (EMLINK: the rename would split them), a
 * symbolic link to nothing (ENOENT) or a loop (ELOOP). Each save first removes the
 * temporary files of PATH that earlier, interrupted saves left (ours and not
 * locked). Returns 0, or an errno value with PATH untouched; *STAGE says which
 * step failed ("check", "create", "write", "sync", "rename") for the message. */
int cjm_write_file_atomic(const char *path, const char *data, size_t len, const char **stage);

/* The same in steps, for a file written as it is made (a large PDF): begin makes
 * the temporary file (or opens a special file in place) after the same checks,
 * the caller writes to its descriptor, then commit (fsync, rename: 0 or an errno
 * value with *STAGE set, PATH untouched on failure) or abort (the temporary file
 * is removed, PATH untouched). Either frees FILE. */
typedef struct cjm_atomic_file cjm_atomic_file;
int cjm_atomic_begin(const char *path, cjm_atomic_file **file, const char **stage);
int cjm_atomic_fd(const cjm_atomic_file *file);
int cjm_atomic_commit(cjm_atomic_file *file, const char **stage);
void cjm_atomic_abort(cjm_atomic_file *file);

/* Why a write of PATH by cjm_write_file_atomic failed with ERR at STAGE, for a
 * message: "write failed: No space left on device", or for a refused save the rule
 * it keeps ("read-only: make it writable, ..."). The caller frees it. */
char *cjm_save_failure(const char *path, int err, const char *stage);

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
