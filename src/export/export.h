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
	cjm_paper paper; /* svg, html, pdf and png; A3 by default */
	/* csv: the dialect, "nl" or "en" (--csv-dialect); NULL: the map's language's. */
	const char *csv_dialect;
	/* svg, html, pdf and png: the other map to compare with (--compare), this map's and its
	 * name as given; NULL: no comparison. */
	const cjm_compare *compare;
	const char *here_name, *there_name;
	int dpi; /* png: dots per inch, 1..CJM_PNG_DPI_MAX; 0: CJM_PNG_DPI_DEFAULT */
} cjm_export_options;

/* png: the resolution when none is given (a sharp picture on a slide or a
 * screen), the highest taken, and the most pixels a side may have (cairo's). */
#define CJM_PNG_DPI_DEFAULT 150
#define CJM_PNG_DPI_MAX 600
#define CJM_PNG_PIXELS_MAX 32767

/* Appends MAP in one format to OUT. Never fails: every map that loads can be exported. */
typedef void cjm_export_fn(const cjm_map *map, const cjm_export_options *options, strbuf *out);
/* The same for a format made through a library that can fail (xlsx): false, with
 * OUT as it was and the reason for people in WHY, when it did. */
typedef bool cjm_export_checked_fn(const cjm_map *map, const cjm_export_options *options, strbuf *out,
				   strbuf *why);

/*
 * Reads TEXT (LEN bytes, not NUL-terminated) in one format into a new map titled
 * TITLE unless the text gives one. Problems go to DIAGS as LINE:COL errors (for
 * CSV: the row's line and the cell's column); returns NULL when there was one.
 * The map returned has valid, unique ids and passes the loader's checks.
 */
typedef cjm_map *cjm_import_fn(const char *text, size_t len, const char *title, diag_list *diags);

/* Takes LEN bytes of DATA of a streamed export: 0, or an errno value that stops it. */
typedef int cjm_export_write_fn(void *sink, const unsigned char *data, size_t len);

/*
 * A format drawn into one or more files (pdf, png): binary, possibly large, and
 * written as it is made rather than held in memory, so it can fail. OPEN lays
 * MAP out once (MAP and OPTIONS must outlive the job): NULL when OPTIONS cannot
 * be met, with *WHY a message for the user (malloc'd; a PNG too large for its
 * dpi). Then FILE_COUNT files (one PDF; one PNG per sheet), each by WRITE_FILE
 * to WRITE(SINK): 0, or an errno value (what WRITE returned, ENOMEM, EIO when
 * the drawing failed otherwise).
 */
typedef struct cjm_export_job cjm_export_job;
typedef struct cjm_stream_export {
	cjm_export_job *(*open)(const cjm_map *map, const cjm_export_options *options, char **why);
	size_t (*file_count)(const cjm_export_job *job);
	int (*write_file)(cjm_export_job *job, size_t index, cjm_export_write_fn *write, void *sink);
	void (*close)(cjm_export_job *job);
} cjm_stream_export;

typedef struct cjm_format {
	const char *name;      /* as given to --to and --from */
	const char *summary;   /* one line for --help and the man page */
	cjm_export_fn *export_map; /* NULL for a streamed format */
	cjm_export_checked_fn *export_checked; /* what cjm export calls instead, when set */
	cjm_import_fn *import_map; /* NULL when the format cannot be read back */
	const cjm_stream_export *stream; /* NULL for a format appended to a strbuf */
	const char *extension; /* streamed: the files' extension ("png"), for several files */
	bool binary;           /* not text: never written to a terminal (pdf, png, xlsx) */
	bool pictured;         /* the SVG picture (svg, html, pdf, png): takes --compare */
} cjm_format;

/* The formats, in the order --help lists them; COUNT set to their number. */
const cjm_format *cjm_formats(size_t *count);
/* The format named NAME, or NULL. */
const cjm_format *cjm_format_find(const char *name);
/* The paper named NAME ("a4", "a3", "a2", "fit"); false when there is none. */
bool cjm_paper_parse(const char *name, cjm_paper *paper);
/* PAPER as the pictures and the HTML page's @page name it: "A4", "A3", "A2" or "fit". */
const char *cjm_paper_name(cjm_paper paper);

/* One function per format, each in its own file. */
cjm_export_fn cjm_export_mermaid;
cjm_export_fn cjm_export_markdown;
cjm_export_fn cjm_export_csv;
cjm_export_fn cjm_export_json;
cjm_export_fn cjm_export_svg;
cjm_export_fn cjm_export_html;
cjm_export_fn cjm_export_xlsx;
/* raster.c: the SVG's sheets drawn by librsvg onto cairo surfaces. */
extern const cjm_stream_export cjm_export_pdf;
extern const cjm_stream_export cjm_export_png;
cjm_import_fn cjm_import_mermaid;
cjm_import_fn cjm_import_csv;

#endif
