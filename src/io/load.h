/* Reading a map file with libyaml into the model, with every problem as FILE:LINE:COL. */
#ifndef CJM_LOAD_H
#define CJM_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"
#include "util/diag.h"

#define CJM_MAX_FILE_SIZE (256u * 1024 * 1024)
#define CJM_MAX_DEPTH 16

/* Where YAML comments stood in the source (the first few), so nothing is lost silently. */
typedef struct cjm_comments {
	size_t count;
	int first_line;
	int first_col;
} cjm_comments;

/* Parses LEN bytes of TEXT. Returns the map, or NULL with at least one error in DIAGS.
 * COMMENTS (may be NULL) receives where comments were found. NAME is for messages. */
cjm_map *cjm_load_buffer(const char *text, size_t len, diag_list *diags, cjm_comments *comments);

/* Reads all of PATH ("-": standard input) into a malloc'd buffer; NULL with *ERR set
 * (EFBIG past CJM_MAX_FILE_SIZE, EISDIR for a folder). */
char *cjm_read_file(const char *path, size_t *len, int *err);

/* Reads and parses PATH. On NULL, *ERRNO_OUT is the errno when the file could not
 * be read (0 when it was read but is not a valid map). */
cjm_map *cjm_load_file(const char *path, diag_list *diags, cjm_comments *comments, int *errno_out);

/* True when the line at LINE (before END) is a conflict marker as git writes them:
 * MARK, seven characters ("<<<<<<<", "|||||||", "=======", ">>>>>>>"), then a line
 * break or the end of the text, or (when LABEL) a space and a label. */
bool cjm_is_conflict_marker(const char *line, const char *end, const char *mark, bool label);

#endif
