/* Reading a map as it was in a git revision: REV:PATH, as git show takes it. */
#ifndef CJM_REVISION_H
#define CJM_REVISION_H

#include <stdbool.h>
#include <stddef.h>

/* True when SPEC reads as REV:PATH (a ':' with a path after it; an empty REV,
 * ":PATH", is the index, as git show takes it; nothing that git would take for an
 * option, no path starting with "/", "./" or "../") and no file of that name
 * exists: a file called "a:b.yaml" is still read as a file. */
bool cjm_is_revision(const char *spec);

/* Reads the blob REV:PATH names with git (`git cat-file blob REV:PATH`, run
 * without a shell, in the current directory's repository). Returns the text
 * (malloc'd, NUL-terminated, *LEN bytes), or NULL with *WHY set (malloc'd): git's
 * own message ("fatal: path 'x' does not exist in 'main'"), or why git could not
 * run. Refuses blobs over CJM_MAX_FILE_SIZE as cjm_read_file does (errno is then
 * EFBIG, so a caller can tell that from a revision git does not have). */
char *cjm_read_revision(const char *spec, size_t *len, char **why);

#endif
