/* Stub loader (being written). */
#include "io/load.h"
cjm_map *cjm_load_buffer(const char *text, size_t len, diag_list *diags, cjm_comments *comments)
{
	(void)text; (void)len; (void)comments;
	diag_error(diags, 0, 0, "not yet");
	return NULL;
}
cjm_map *cjm_load_file(const char *path, diag_list *diags, cjm_comments *comments, int *errno_out)
{
	(void)path; (void)comments; *errno_out = 0;
	diag_error(diags, 0, 0, "not yet");
	return NULL;
}
