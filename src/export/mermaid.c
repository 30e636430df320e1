/* Export to mermaid (being written). */
#include "export/export.h"

void cjm_export_mermaid(const cjm_map *map, const cjm_export_options *options, strbuf *out)
{
	(void)map;
	(void)options;
	(void)out;
}

cjm_map *cjm_import_mermaid(const char *text, size_t len, const char *title, diag_list *diags)
{
	(void)text;
	(void)len;
	(void)title;
	diag_error(diags, 0, 0, "import from mermaid is not written yet");
	return NULL;
}
