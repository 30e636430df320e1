/* libFuzzer target: any input either fails to import (as Mermaid, as CSV) with an error, or gives a map that loads back, exports to every format and round-trips through its own format. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/map.h"
#include "export/export.h"
#include "io/load.h"
#include "io/save.h"
#include "util/diag.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops with a finding, showing the texts involved. */
_Noreturn static void finding(const char *format, const char *what, const strbuf *a, const strbuf *b)
{
	fprintf(stderr, "fuzz_import (%s): %s\n", format, what);
	if (a && a->data)
		fprintf(stderr, "--- first:\n%s\n", a->data);
	if (b && b->data)
		fprintf(stderr, "--- second:\n%s\n", b->data);
	abort();
}

/* FORMAT's import of TEXT, or NULL when it reports an error (which it must then have). */
static cjm_map *import_or_null(const cjm_format *format, const char *text, size_t len)
{
	diag_list *diags = diag_list_new("fuzz");
	cjm_map *map = format->import_map(text, len, "Fuzz", diags);
	if (!map && diags->errors == 0)
		finding(format->name, "the import failed without an error", NULL, NULL);
	diag_list_free(diags);
	return map;
}

static void check_format(const cjm_format *format, const uint8_t *data, size_t size)
{
	cjm_map *map = import_or_null(format, (const char *)data, size);
	if (!map)
		return;
	/* it loads back as a map file */
	strbuf yaml = { 0 };
	cjm_save_to_buffer(map, &yaml);
	diag_list *diags = diag_list_new("saved");
	cjm_map *loaded = cjm_load_buffer(yaml.data, yaml.len, diags, NULL);
	if (!loaded) {
		diag_print(diags, stderr);
		finding(format->name, "the imported map does not load back", &yaml, NULL);
	}
	diag_list_free(diags);
	/* every export runs on it */
	size_t count = 0;
	const cjm_format *all = cjm_formats(&count);
	cjm_export_options options = { .paper = CJM_PAPER_A4 };
	strbuf out = { 0 };
	for (size_t i = 0; i < count; i++) {
		strbuf_reset(&out);
		if (all[i].export_map) /* the streamed ones (pdf, png) draw the SVG's sheets */
			all[i].export_map(loaded, &options, &out);
	}
	/* its own format: export, import, export gives the same bytes */
	strbuf first = { 0 }, second = { 0 };
	format->export_map(loaded, &options, &first);
	cjm_map *back = import_or_null(format, first.data ? first.data : "", first.len);
	if (!back)
		finding(format->name, "its own export does not import", &first, NULL);
	format->export_map(back, &options, &second);
	if (first.len != second.len || memcmp(first.data, second.data, first.len) != 0)
		finding(format->name, "export, import, export is not stable", &first, &second);
	strbuf_release(&first);
	strbuf_release(&second);
	strbuf_release(&out);
	strbuf_release(&yaml);
	cjm_map_free(back);
	cjm_map_free(loaded);
	cjm_map_free(map);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t count = 0;
	const cjm_format *formats = cjm_formats(&count);
	for (size_t i = 0; i < count; i++)
		if (formats[i].import_map)
			check_format(&formats[i], data, size);
	return 0;
}
