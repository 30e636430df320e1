/* The table of export and import formats that cjm export, cjm import and their man pages list. */
#include "export/export.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export/words.h"
#include "export/xlsx.h"
#include "util/lang.h"
#include "util/number.h"

/* Named fields: a row gives what its format has (a text export or a stream, an import or not). */
static const cjm_format formats[] = {
	{ .name = "mermaid",
	  .summary = "a Mermaid journey diagram (sections are phases, tasks are touchpoints)",
	  .export_map = cjm_export_mermaid,
	  .import_map = cjm_import_mermaid },
	{ .name = "markdown",
	  .summary = "a GitHub-flavoured document: a table per phase, quadrants, the Mermaid diagram",
	  .export_map = cjm_export_markdown },
	{ .name = "csv",
	  .summary = "RFC 4180 CSV, one row per touchpoint with every field, for spreadsheets",
	  .export_map = cjm_export_csv,
	  .import_map = cjm_import_csv },
	{ .name = "json",
	  .summary = "the whole map as JSON, keys in the file's order, for other tools",
	  .export_map = cjm_export_json },
	{ .name = "svg",
	  .summary = "a printable journey map (A3 landscape unless --paper says otherwise)",
	  .export_map = cjm_export_svg,
	  .pictured = true },
	{ .name = "html",
	  .summary = "one self-contained page: the map picture, the figures and every detail",
	  .export_map = cjm_export_html,
	  .pictured = true },
	{ .name = "pdf",
	  .summary = "the printable journey map as a vector PDF, a page per sheet, fonts embedded",
	  .stream = &cjm_export_pdf,
	  .extension = "pdf",
	  .binary = true,
	  .pictured = true },
	{ .name = "png",
	  .summary = "the printable journey map as a picture at --dpi (150 unless given), a file per sheet",
	  .stream = &cjm_export_png,
	  .extension = "png",
	  .binary = true,
	  .pictured = true },
	{ .name = "xlsx",
	  .summary = "a workbook: the touchpoints with typed numbers and booleans, a sheet per figure table",
	  .export_map = cjm_export_xlsx,
	  .export_checked = cjm_export_xlsx_checked,
	  .binary = true },
};

const cjm_format *cjm_formats(size_t *count)
{
	*count = sizeof formats / sizeof *formats;
	return formats;
}

const cjm_format *cjm_format_find(const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

bool cjm_paper_parse(const char *name, cjm_paper *paper)
{
	static const struct {
		const char *name;
		cjm_paper paper;
	} papers[] = { { "a3", CJM_PAPER_A3 }, { "a4", CJM_PAPER_A4 }, { "a2", CJM_PAPER_A2 }, { "fit", CJM_PAPER_FIT } };
	for (size_t i = 0; i < sizeof papers / sizeof *papers; i++) {
		if (strcmp(papers[i].name, name) == 0) {
			*paper = papers[i].paper;
			return true;
		}
	}
	return false;
}

const char *cjm_paper_name(cjm_paper paper)
{
	switch (paper) {
	case CJM_PAPER_A4: return "A4";
	case CJM_PAPER_A2: return "A2";
	case CJM_PAPER_FIT: return "fit";
	case CJM_PAPER_A3: break;
	}
	return "A3";
}

const char *cjm_export_quadrant_name(cjm_quadrant q, const char *lang)
{
	/* TRANSLATORS: the quadrants of satisfaction (first) and impact (second) in
	 * the exports: low-high is low satisfaction, high impact. */
	switch (q) {
	case CJM_QUADRANT_LOW_LOW: return LC_(lang, "quadrant", "low-low");
	case CJM_QUADRANT_HIGH_LOW: return LC_(lang, "quadrant", "high-low");
	case CJM_QUADRANT_LOW_HIGH: return LC_(lang, "quadrant", "low-high");
	case CJM_QUADRANT_HIGH_HIGH: return LC_(lang, "quadrant", "high-high");
	case CJM_QUADRANT_NONE: break;
	}
	return LC_(lang, "quadrant", "none");
}

const char *cjm_export_quadrant_action(cjm_quadrant q, const char *lang)
{
	switch (q) {
	case CJM_QUADRANT_LOW_LOW: return LC_(lang, "quadrant", "fix cheaply");
	case CJM_QUADRANT_HIGH_LOW: return LC_(lang, "quadrant", "doing too well: save cost");
	case CJM_QUADRANT_LOW_HIGH: return LC_(lang, "quadrant", "raise satisfaction first");
	case CJM_QUADRANT_HIGH_HIGH: return LC_(lang, "quadrant", "let more customers have it");
	case CJM_QUADRANT_NONE: break;
	}
	return "";
}

void cjm_export_decimal(strbuf *out, const char *plain, const char *lang)
{
	char buf[NUMBER_TEXT_MAX];
	number_with_point(buf, plain, lang_decimal_point(lang));
	strbuf_puts(out, buf);
}
void cjm_export_number(strbuf *out, double x, const char *lang)
{
	char buf[NUMBER_TEXT_MAX];
	strbuf_puts(out, lang_number(buf, x, lang));
}

void cjm_export_signed(strbuf *out, double x, int decimals, const char *lang)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%.*f", decimals, fabs(x));
	if (buf[strspn(buf, "0.")] != '\0')
		strbuf_puts(out, x < 0 ? "\xE2\x88\x92" : "+");
	cjm_export_decimal(out, buf, lang);
}
