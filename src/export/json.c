/* Export to json (being written). */
#include "export/export.h"

void cjm_export_json(const cjm_map *map, const cjm_export_options *options, strbuf *out)
{
	(void)map;
	(void)options;
	(void)out;
}
