/* The export and import formats as data: a name, a summary, and the function that writes or reads a map. */
#ifndef CJM_EXPORT_H
#define CJM_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/compare.h"
#include "model/map.h"
#include "util/diag.h"
#include "util/strbuf.h"

/* Paper sizes for the printable formats (svg, html, pdf, png), landscape;
 * FIT is one sheet as wide as the journey and as high as it needs. */
typedef enum cjm_paper { CJM_PAPER_A3, CJM_PAPER_A4, CJM_PAPER_A2, CJM_PAPER_FIT } cjm_paper;

typedef struct cjm_export_options {
	cjm_paper paper; /* svg and html; A3 by default */
	/* csv: the dialect, "nl" or "en" (--csv-dialect); NULL: the map's language's. */
	const char *csv_dialect;
	/* svg and html: the other map to compare with (--compare), this map's and its
	 * name as given; NULL: no comparison. */
	const cjm_compare *compare;
	const char *here_name, *there_name;
} cjm_export_options;

/* Appends MAP in one format to OUT. Never fails: every map that loads can be exported. */
typedef void cjm_export_fn(const cjm_map *map, const cjm_export_options *options, strbuf *out);

/*
 * Reads TEXT (LEN bytes, not NUL-terminated) in one format into a new map titled
 * TITLE unless the text gives one. Problems go to DIAGS as LINE:COL errors (for
 * CSV: the row's line and the cell's column); returns NULL when there was one.
 * The map returned has valid, unique ids and passes the loader's checks.
 */
typedef cjm_map *cjm_import_fn(const char *text, size_t len, const char *title, diag_list *diags);

typedef struct cjm_format {
	const char *name;      /* as given to --to and --from */
	const char *summary;   /* one line for --help and the man page */
	cjm_export_fn *export_map;
	cjm_import_fn *import_map; /* NULL when the format cannot be read back */
} cjm_format;

/* The formats, in the order --help lists them; COUNT set to their number. */
const cjm_format *cjm_formats(size_t *count);
/* The format named NAME, or NULL. */
const cjm_format *cjm_format_find(const char *name);
/* The paper named NAME ("a4", "a3", "a2", "fit"); false when there is none. */
bool cjm_paper_parse(const char *name, cjm_paper *paper);

/* One function per format, each in its own file. */
cjm_export_fn cjm_export_mermaid;
cjm_export_fn cjm_export_markdown;
cjm_export_fn cjm_export_csv;
cjm_export_fn cjm_export_json;
cjm_export_fn cjm_export_svg;
cjm_export_fn cjm_export_html;
cjm_export_fn cjm_export_xlsx;
cjm_import_fn cjm_import_mermaid;
cjm_import_fn cjm_import_csv;

#endif
