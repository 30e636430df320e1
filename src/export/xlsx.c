/* `cjm export --to xlsx`: a workbook of the touchpoints and of the figures of cjm stats, written with libxlsxwriter. */
#include "export/xlsx.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "analysis/figures.h"
#include "analysis/quadrants.h"
#include "export/csv.h"
#include "export/words.h"
#include "model/field.h"
#include "render/text.h"
#include "util/i18n.h"
#include "util/lang.h"

/*
 * The workbook (cjm-export(1) says the same):
 *
 * - Sheet "Touchpoints": the CSV export's table (csv.c): the same columns,
 *   named as the CSV of the map's language names them, a row per touchpoint
 *   and a row for a phase without touchpoints. Emotion, satisfaction and
 *   impact are numbers, the yes/no fields booleans, lists one cell with an
 *   item per line; absent fields are empty cells. Numbers and booleans are
 *   typed cells, so no spreadsheet reads them by its locale.
 * - Sheets "Figures", "Quadrants", "Phases", "Owners", "Channels": the tables
 *   of cjm stats and the HTML export, numbers as numbers.
 * - Every text of the map is a string cell, never a formula: a name such as
 *   "=HYPERLINK(...)" stays text (nothing here calls worksheet_write_formula).
 * - Sheet names, column heads and labels are in the map's language.
 * - Document properties: the title is the map's, the subject "Customer journey
 *   map"; xlsx's core properties as libxlsxwriter writes them have no language,
 *   so the map's is not recorded. The creation time is now, or
 *   $SOURCE_DATE_EPOCH: then two exports of one map are the same bytes.
 */

/* The most characters a cell holds (Excel's limit; libxlsxwriter refuses more). */
#define XLSX_CELL_MAX 32767
/* The most columns a sheet here has (the touchpoints': 3 phase columns and the fields). */
#define XLSX_COLUMNS (CJM_CSV_PHASE_COLUMNS + CJM_FIELD_COUNT)
/* Column widths, in characters: a wrapped column is no wider than XLSX_WRAP_WIDTH. */
#define XLSX_WIDTH_MAX 60
#define XLSX_WRAP_WIDTH 48
/* The sheets of the workbook. */
#define XLSX_SHEETS 6

/* One sheet being written: its widest cell per column, for the widths. */
typedef struct xlsx_sheet {
	lxw_worksheet *ws;
	double width[XLSX_COLUMNS];
	bool wrapped[XLSX_COLUMNS];
	lxw_row_t rows; /* the rows written so far */
} xlsx_sheet;

/* The workbook being written and the first error libxlsxwriter returned. */
typedef struct xlsx_book {
	lxw_workbook *wb;
	const cjm_map *map;
	const char *lang;
	lxw_format *head;    /* bold, for column heads and labels */
	lxw_format *wrap;    /* text with line breaks, at the top of its cell */
	lxw_format *top;     /* any other cell of a row that may have wrapped text */
	lxw_format *mean;    /* an emotion figure, two decimals ("+0.50") */
	lxw_format *score;   /* the peak-end score, one decimal */
	lxw_format *emotion; /* a whole emotion with its sign ("+2") */
	lxw_error error;
	strbuf names[XLSX_SHEETS]; /* the sheet names given so far */
	size_t name_count;
} xlsx_book;

static void xlsx_fail(xlsx_book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->error == LXW_NO_ERROR)
		b->error = e;
}

/* ---- sheet names ---- */

static bool xlsx_name_taken(const char *name, const char *const *taken, size_t count)
{
	if (strcasecmp(name, "History") == 0)
		return true; /* Excel keeps it for its change history */
	for (size_t i = 0; i < count; i++)
		if (strcasecmp(name, taken[i]) == 0)
			return true;
	return false;
}

/* Appends at most MAX characters of the cleaned WANTED to OUT. */
static void xlsx_name_stem(strbuf *out, const char *wanted, size_t max)
{
	size_t len = strlen(wanted), chars = 0, start = out->len;
	for (size_t i = 0; i < len && chars < max;) {
		uint32_t cp;
		size_t n = cjm_utf8_decode(wanted + i, len - i, &cp);
		if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD || (cp < 0x80 && strchr("[]:*?/\\", (int)cp)))
			strbuf_putc(out, '-');
		else
			strbuf_add(out, wanted + i, n);
		i += n;
		chars++;
	}
	/* no apostrophe at either end: Excel quotes sheet names with them */
	size_t lead = 0;
	while (start + lead < out->len && out->data[start + lead] == '\'')
		lead++;
	if (lead) {
		memmove(out->data + start, out->data + start + lead, out->len - start - lead + 1);
		out->len -= lead;
	}
	while (out->len > start && out->data[out->len - 1] == '\'')
		out->data[--out->len] = '\0';
	if (out->len == start)
		strbuf_puts(out, "-");
}

void cjm_xlsx_sheet_name(strbuf *out, const char *wanted, const char *const *taken, size_t count)
{
	strbuf name = { 0 };
	xlsx_name_stem(&name, wanted ? wanted : "", CJM_XLSX_SHEET_NAME_MAX);
	for (unsigned n = 2; xlsx_name_taken(name.data, taken, count); n++) {
		char suffix[16];
		int slen = snprintf(suffix, sizeof suffix, " (%u)", n);
		strbuf_reset(&name);
		xlsx_name_stem(&name, wanted ? wanted : "", CJM_XLSX_SHEET_NAME_MAX - (size_t)slen);
		strbuf_puts(&name, suffix);
	}
	strbuf_add(out, name.data, name.len);
	strbuf_release(&name);
}

/* Adds a sheet named (after cleaning) WANTED; NULL, with the error kept, when it cannot. */
static lxw_worksheet *xlsx_add_sheet(xlsx_book *b, xlsx_sheet *sheet, const char *wanted)
{
	memset(sheet, 0, sizeof *sheet);
	if (b->name_count == XLSX_SHEETS) { /* a sheet added here without raising XLSX_SHEETS */
		xlsx_fail(b, LXW_ERROR_PARAMETER_VALIDATION);
		return NULL;
	}
	const char *taken[XLSX_SHEETS];
	for (size_t i = 0; i < b->name_count; i++)
		taken[i] = b->names[i].data;
	strbuf *name = &b->names[b->name_count];
	cjm_xlsx_sheet_name(name, wanted, taken, b->name_count);
	b->name_count++;
	lxw_error e = workbook_validate_sheet_name(b->wb, name->data);
	if (e == LXW_NO_ERROR)
		sheet->ws = workbook_add_worksheet(b->wb, name->data);
	if (!sheet->ws)
		xlsx_fail(b, e != LXW_NO_ERROR ? e : LXW_ERROR_MEMORY_MALLOC_FAILED);
	return sheet->ws;
}

/* ---- cells ---- */

/* Notes that column COL holds WIDTH characters (a text's widest line). */
static void xlsx_widen(xlsx_sheet *s, lxw_col_t col, double width)
{
	if (col < XLSX_COLUMNS && width > s->width[col])
		s->width[col] = width;
}

static void xlsx_row_used(xlsx_sheet *s, lxw_row_t row)
{
	if (row + 1 > s->rows)
		s->rows = row + 1;
}

/* The columns the widest line of TEXT takes. */
static size_t xlsx_text_width(const char *text)
{
	size_t widest = 0;
	for (const char *line = text;;) {
		const char *eol = strchr(line, '\n');
		size_t len = eol ? (size_t)(eol - line) : strlen(line);
		size_t w = cjm_text_width_n(line, len);
		if (w > widest)
			widest = w;
		if (!eol)
			return widest;
		line = eol + 1;
	}
}

/* TEXT as a string cell (never a formula), cut to the characters a cell holds. */
static void xlsx_text(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, lxw_col_t col, const char *text,
		      lxw_format *format)
{
	if (b->error != LXW_NO_ERROR || !text)
		return;
	size_t len = strlen(text), chars = 0, cut = len;
	for (size_t i = 0; i < len; chars++) {
		if (chars == XLSX_CELL_MAX - 1) {
			cut = i; /* room for the '…' that says the rest is left out */
		}
		uint32_t cp;
		i += cjm_utf8_decode(text + i, len - i, &cp);
	}
	lxw_error e;
	if (chars > XLSX_CELL_MAX) {
		strbuf shorter = { 0 };
		strbuf_add(&shorter, text, cut);
		strbuf_puts(&shorter, "\xE2\x80\xA6");
		e = worksheet_write_string(s->ws, row, col, shorter.data, format);
		strbuf_release(&shorter);
	} else {
		e = worksheet_write_string(s->ws, row, col, text, format);
	}
	xlsx_fail(b, e);
	xlsx_row_used(s, row);
	xlsx_widen(s, col, (double)xlsx_text_width(text));
	if (format == b->wrap && col < XLSX_COLUMNS)
		s->wrapped[col] = true;
}

/* X as a number cell (its column made wide enough for two decimals and a sign). */
static void xlsx_number(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, lxw_col_t col, double x, lxw_format *format)
{
	if (b->error != LXW_NO_ERROR)
		return;
	xlsx_fail(b, worksheet_write_number(s->ws, row, col, x, format));
	xlsx_row_used(s, row);
	char shown[32];
	xlsx_widen(s, col, (double)snprintf(shown, sizeof shown, "%+.2f", x));
}

static void xlsx_count(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, lxw_col_t col, size_t n)
{
	xlsx_number(b, s, row, col, (double)n, NULL);
}

static void xlsx_boolean(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, lxw_col_t col, bool value,
			 lxw_format *format)
{
	if (b->error != LXW_NO_ERROR)
		return;
	xlsx_fail(b, worksheet_write_boolean(s->ws, row, col, value, format));
	xlsx_row_used(s, row);
	xlsx_widen(s, col, 5); /* FALSE */
}

/* A row of column heads in bold. */
static void xlsx_heads(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, const char *const *heads, size_t count)
{
	for (size_t c = 0; c < count; c++)
		xlsx_text(b, s, row, (lxw_col_t)c, heads[c], b->head);
}

/* Sets the widths of the COUNT columns from their widest cells, and, when FILTER,
 * freezes the head row and puts an autofilter over the table below it. */
static void xlsx_finish_sheet(xlsx_book *b, xlsx_sheet *s, size_t count, bool filter)
{
	if (b->error != LXW_NO_ERROR)
		return;
	for (size_t c = 0; c < count && c < XLSX_COLUMNS; c++) {
		double w = s->width[c] + 2; /* a margin, and room for the filter's button */
		double max = s->wrapped[c] ? XLSX_WRAP_WIDTH : XLSX_WIDTH_MAX;
		if (w > max)
			w = max;
		if (w < 6)
			w = 6;
		xlsx_fail(b, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL));
	}
	if (filter && count) {
		worksheet_freeze_panes(s->ws, 1, 0);
		xlsx_fail(b, worksheet_autofilter(s->ws, 0, 0, s->rows > 1 ? s->rows - 1 : 0, (lxw_col_t)(count - 1)));
	}
}

/* ---- the touchpoints ---- */

/* The items of LIST, one a line, as one wrapped cell; nothing for an empty list. */
static void xlsx_list(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, lxw_col_t col, const cjm_strlist *list)
{
	if (list->len == 0)
		return;
	strbuf cell = { 0 };
	for (size_t i = 0; i < list->len; i++) {
		if (i)
			strbuf_putc(&cell, CJM_CSV_ITEM_SEPARATOR);
		strbuf_puts(&cell, list->items[i]);
	}
	xlsx_text(b, s, row, col, cell.data, b->wrap);
	strbuf_release(&cell);
}

static void xlsx_pillars(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, lxw_col_t col, unsigned bits)
{
	strbuf cell = { 0 };
	for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++) {
		if (!(bits & (1u << i)))
			continue;
		if (cell.len)
			strbuf_putc(&cell, CJM_CSV_ITEM_SEPARATOR);
		strbuf_puts(&cell, cjm_pillar_name(1u << i));
	}
	if (cell.len)
		xlsx_text(b, s, row, col, cell.data, b->wrap);
	strbuf_release(&cell);
}

/* One touchpoint field as a typed cell; nothing for an absent one. */
static void xlsx_field(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, lxw_col_t col, cjm_ref ref, cjm_field field)
{
	cjm_value v = cjm_field_get(b->map, ref, field);
	if (!v.present)
		return;
	const cjm_field_info *info = cjm_field_info_of(field);
	switch (info->kind) {
	case CJM_KIND_TEXT:
		xlsx_text(b, s, row, col, v.text, info->flags & CJM_FIELD_MULTILINE ? b->wrap : b->top);
		break;
	case CJM_KIND_EMOTION: xlsx_number(b, s, row, col, v.integer, b->top); break;
	case CJM_KIND_NUMBER: xlsx_number(b, s, row, col, v.number, b->top); break;
	case CJM_KIND_BOOL: xlsx_boolean(b, s, row, col, v.boolean, b->top); break;
	case CJM_KIND_PILLARS: xlsx_pillars(b, s, row, col, v.bits); break;
	case CJM_KIND_LIST: xlsx_list(b, s, row, col, v.list); break;
	}
}

static void xlsx_touchpoints(xlsx_book *b)
{
	xlsx_sheet s;
	/* TRANSLATORS: the names of the sheets of the xlsx export: at most 31 characters,
	 * none of []:*?/\ . */
	if (!xlsx_add_sheet(b, &s, LC_(b->lang, "xlsx sheet", "Touchpoints")))
		return;
	size_t n;
	const cjm_field *fields = cjm_csv_fields(&n);
	lxw_col_t col = 0;
	for (int c = 0; c < CJM_CSV_PHASE_COLUMNS; c++)
		xlsx_text(b, &s, 0, col++, cjm_csv_column_in(b->lang, cjm_csv_phase_columns[c]), b->head);
	for (size_t i = 0; i < n; i++)
		xlsx_text(b, &s, 0, col++, cjm_csv_column_in(b->lang, cjm_field_info_of(fields[i])->key), b->head);
	lxw_row_t row = 1;
	for (size_t p = 0; p < b->map->phase_count && b->error == LXW_NO_ERROR; p++) {
		const cjm_phase *phase = b->map->phases[p];
		size_t rows = phase->touchpoint_count ? phase->touchpoint_count : 1;
		for (size_t t = 0; t < rows && b->error == LXW_NO_ERROR; t++, row++) {
			if (row >= LXW_ROW_MAX) {
				xlsx_fail(b, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
				break;
			}
			xlsx_text(b, &s, row, CJM_CSV_PHASE_ID, phase->id, b->top);
			xlsx_text(b, &s, row, CJM_CSV_PHASE_NAME, phase->name, b->top);
			xlsx_text(b, &s, row, CJM_CSV_PHASE_DESCRIPTION, phase->description, b->wrap);
			xlsx_row_used(&s, row);
			if (t >= phase->touchpoint_count)
				continue;
			for (size_t i = 0; i < n; i++)
				xlsx_field(b, &s, row, (lxw_col_t)(CJM_CSV_PHASE_COLUMNS + i),
					   (cjm_ref){ CJM_REF_TOUCHPOINT, p, t }, fields[i]);
		}
	}
	xlsx_finish_sheet(b, &s, CJM_CSV_PHASE_COLUMNS + n, true);
}

/* ---- the figures ---- */

/* "Name (phase/id)" of touchpoint FLAT, as cjm stats names it. */
static void xlsx_tp_ref(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, lxw_col_t col, const cjm_figures *fig,
			size_t flat)
{
	const cjm_tp_at *at = &fig->tps[flat];
	const char *pid = b->map->phases[at->phase]->id;
	strbuf ref = { 0 };
	strbuf_printf(&ref, "%s (%s/%s)", at->tp->name ? at->tp->name : "", pid ? pid : "?",
		      at->tp->id ? at->tp->id : "?");
	xlsx_text(b, s, row, col, ref.data, NULL);
	strbuf_release(&ref);
}

static void xlsx_figure_count(xlsx_book *b, xlsx_sheet *s, lxw_row_t *row, const char *label, size_t n)
{
	xlsx_text(b, s, *row, 0, label, NULL);
	xlsx_count(b, s, *row, 1, n);
	(*row)++;
}

static void xlsx_figures(xlsx_book *b, const cjm_figures *fig)
{
	const char *lang = b->lang;
	xlsx_sheet s;
	if (!xlsx_add_sheet(b, &s, LC_(lang, "xlsx sheet", "Figures")))
		return;
	/* TRANSLATORS: the column heads of the xlsx export's sheet of figures: the
	 * figure's name, its value, the touchpoint it is at (peak, end). */
	const char *heads[] = { LC_(lang, "xlsx column", "Figure"), LC_(lang, "xlsx column", "Value"),
				LC_(lang, "xlsx column", "Touchpoint") };
	xlsx_heads(b, &s, 0, heads, 3);
	lxw_row_t row = 1;
	xlsx_figure_count(b, &s, &row, LC_(lang, "export count", "phases"), fig->phases);
	xlsx_figure_count(b, &s, &row, LC_(lang, "export count", "touchpoints"), fig->touchpoints);
	xlsx_figure_count(b, &s, &row, LC_(lang, "export count", "scored"), fig->scored);
	xlsx_figure_count(b, &s, &row, LC_(lang, "export count", "unscored"), fig->unscored);
	xlsx_figure_count(b, &s, &row, LC_(lang, "export count", "moments of truth"), fig->moments_of_truth);
	xlsx_figure_count(b, &s, &row, LC_(lang, "export count", "brand moments"), fig->brand_moments);
	xlsx_figure_count(b, &s, &row, LC_(lang, "export count", "commitments"), fig->commitments);
	xlsx_figure_count(b, &s, &row, LC_(lang, "export count", "invisible"), fig->invisible);
	if (!fig->has_peak) {
		xlsx_text(b, &s, row, 0,
			  LC_(lang, "export", "No touchpoint is scored: mean, peak, end and peak-end score need an emotion."),
			  NULL);
	} else {
		xlsx_text(b, &s, row, 0, LC_(lang, "export count", "mean"), NULL);
		xlsx_number(b, &s, row++, 1, fig->emotion.mean, b->mean);
		xlsx_text(b, &s, row, 0, LC_(lang, "export count", "peak"), NULL);
		xlsx_number(b, &s, row, 1, fig->peak, b->emotion);
		xlsx_tp_ref(b, &s, row++, 2, fig, fig->peak_at);
		xlsx_text(b, &s, row, 0, LC_(lang, "export count", "end"), NULL);
		xlsx_number(b, &s, row, 1, fig->end, b->emotion);
		xlsx_tp_ref(b, &s, row++, 2, fig, fig->end_at);
		xlsx_text(b, &s, row, 0, LC_(lang, "export count", "peak-end score"), NULL);
		xlsx_number(b, &s, row, 1, fig->peak_end, b->score);
		xlsx_text(b, &s, row, 2, LC_(lang, "export", "(peak + end) / 2"), NULL);
	}
	/* the long sentence of an unscored map must not make the labels' column wide */
	if (s.width[0] > XLSX_WRAP_WIDTH)
		s.width[0] = XLSX_WRAP_WIDTH;
	xlsx_finish_sheet(b, &s, 3, false);
	if (b->error == LXW_NO_ERROR)
		worksheet_freeze_panes(s.ws, 1, 0);
}

/* What the quadrant listing writes to: its sheet and the next row. */
typedef struct xlsx_quadrant_ctx {
	xlsx_book *b;
	xlsx_sheet *s;
	const cjm_figures *fig;
	lxw_row_t row;
	bool listing; /* the head of the touchpoints' list is written */
} xlsx_quadrant_ctx;

static void xlsx_quadrant_count(void *ctx, cjm_quadrant q, size_t count)
{
	xlsx_quadrant_ctx *c = ctx;
	const char *lang = c->b->lang;
	xlsx_text(c->b, c->s, c->row, 0, cjm_export_quadrant_name(q, lang), NULL);
	xlsx_count(c->b, c->s, c->row, 1, count);
	xlsx_text(c->b, c->s, c->row, 2,
		  q == CJM_QUADRANT_NONE ? LC_(lang, "export", "(no satisfaction or impact)")
					 : cjm_export_quadrant_action(q, lang),
		  NULL);
	c->row++;
}

/* The two thresholds of the quadrants on S from ROW, a label and a number each;
 * returns the row after them. */
static lxw_row_t xlsx_thresholds(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, const cjm_figures *fig)
{
	const char *lang = b->lang;
	/* TRANSLATORS: labels of the xlsx export's quadrant sheet; a number follows. */
	xlsx_text(b, s, row, 0, LC_(lang, "xlsx", "satisfaction threshold"), NULL);
	xlsx_number(b, s, row++, 1, fig->satisfaction_threshold, NULL);
	xlsx_text(b, s, row, 0, LC_(lang, "xlsx", "impact threshold"), NULL);
	xlsx_number(b, s, row++, 1, fig->impact_threshold, NULL);
	return row;
}

static void xlsx_quadrant_touchpoint(void *ctx, cjm_quadrant q, size_t i)
{
	xlsx_quadrant_ctx *c = ctx;
	xlsx_book *b = c->b;
	const char *lang = b->lang;
	if (!c->listing) {
		const cjm_figures *fig = c->fig;
		/* the thresholds, then the touchpoints quadrant by quadrant */
		c->row = xlsx_thresholds(b, c->s, c->row + 1, fig) + 1;
		const char *heads[] = { LC_(lang, "export", "Quadrant"), cjm_csv_column_in(lang, "phase_id"),
					cjm_csv_column_in(lang, "id"), cjm_csv_column_in(lang, "name"),
					cjm_csv_column_in(lang, "satisfaction"), cjm_csv_column_in(lang, "impact") };
		xlsx_heads(b, c->s, c->row++, heads, 6);
		c->listing = true;
	}
	const cjm_tp_at *at = &c->fig->tps[i];
	xlsx_text(b, c->s, c->row, 0, cjm_export_quadrant_name(q, lang), NULL);
	xlsx_text(b, c->s, c->row, 1, b->map->phases[at->phase]->id, NULL);
	xlsx_text(b, c->s, c->row, 2, at->tp->id, NULL);
	xlsx_text(b, c->s, c->row, 3, at->tp->name, NULL);
	xlsx_number(b, c->s, c->row, 4, at->tp->satisfaction, NULL);
	xlsx_number(b, c->s, c->row, 5, at->tp->impact, NULL);
	c->row++;
}

static void xlsx_quadrants(xlsx_book *b, const cjm_figures *fig)
{
	const char *lang = b->lang;
	xlsx_sheet s;
	if (!xlsx_add_sheet(b, &s, LC_(lang, "xlsx sheet", "Quadrants")))
		return;
	const char *heads[] = { LC_(lang, "export", "Quadrant"), LC_(lang, "export", "Touchpoints"),
				LC_(lang, "export", "Action") };
	xlsx_heads(b, &s, 0, heads, 3);
	static const cjm_quadrant_lister lister = { xlsx_quadrant_count, NULL, xlsx_quadrant_touchpoint };
	xlsx_quadrant_ctx ctx = { b, &s, fig, 1, false };
	cjm_quadrants_list(fig, &lister, &ctx);
	if (!ctx.listing) { /* no touchpoint placed: the thresholds still say where low ends */
		xlsx_thresholds(b, &s, ctx.row + 1, fig);
	}
	xlsx_finish_sheet(b, &s, 6, false);
	if (b->error == LXW_NO_ERROR)
		worksheet_freeze_panes(s.ws, 1, 0);
}

/* The emotion cells of E from column COL: touchpoints, scored, mean (empty when
 * nothing is scored) and, when RANGE, the lowest and highest emotion. */
static void xlsx_emotion_cells(xlsx_book *b, xlsx_sheet *s, lxw_row_t row, lxw_col_t col,
			       const cjm_emotion_summary *e, bool range)
{
	xlsx_count(b, s, row, col, e->count);
	xlsx_count(b, s, row, col + 1, e->scored);
	if (!e->scored)
		return;
	xlsx_number(b, s, row, col + 2, e->mean, b->mean);
	if (range) {
		xlsx_number(b, s, row, col + 3, e->min, b->emotion);
		xlsx_number(b, s, row, col + 4, e->max, b->emotion);
	}
}

static void xlsx_phases(xlsx_book *b, const cjm_figures *fig)
{
	const char *lang = b->lang;
	xlsx_sheet s;
	if (!xlsx_add_sheet(b, &s, LC_(lang, "xlsx sheet", "Phases")))
		return;
	/* TRANSLATORS: column heads of the xlsx export's sheet of emotion per phase:
	 * the lowest and the highest emotion of the phase. */
	const char *heads[] = { cjm_csv_column_in(lang, "phase_id"), cjm_csv_column_in(lang, "phase_name"),
				LC_(lang, "export", "Touchpoints"), LC_(lang, "export", "Scored"),
				LC_(lang, "export", "Mean"), LC_(lang, "xlsx column", "Lowest"),
				LC_(lang, "xlsx column", "Highest") };
	xlsx_heads(b, &s, 0, heads, 7);
	for (size_t p = 0; p < b->map->phase_count; p++) {
		lxw_row_t row = (lxw_row_t)(p + 1);
		xlsx_text(b, &s, row, 0, b->map->phases[p]->id, NULL);
		xlsx_text(b, &s, row, 1, b->map->phases[p]->name, NULL);
		xlsx_emotion_cells(b, &s, row, 2, &fig->phase_emotion[p], true);
	}
	xlsx_finish_sheet(b, &s, 7, true);
}

/* The emotion per owner or channel: the sheet named SHEET, the head WHAT of its
 * first column, and NONE for the touchpoints without one. */
static void xlsx_groups(xlsx_book *b, const char *sheet, const char *what, const char *none,
			const cjm_group_figures *groups, size_t count)
{
	const char *lang = b->lang;
	xlsx_sheet s;
	if (!xlsx_add_sheet(b, &s, sheet))
		return;
	const char *heads[] = { what, LC_(lang, "export", "Touchpoints"), LC_(lang, "export", "Scored"),
				LC_(lang, "export", "Mean") };
	xlsx_heads(b, &s, 0, heads, 4);
	for (size_t i = 0; i < count; i++) {
		lxw_row_t row = (lxw_row_t)(i + 1);
		xlsx_text(b, &s, row, 0, groups[i].key ? groups[i].key : none, NULL);
		xlsx_emotion_cells(b, &s, row, 1, &groups[i].emotion, false);
	}
	xlsx_finish_sheet(b, &s, 4, true);
}

/* ---- the workbook ---- */

static void xlsx_formats(xlsx_book *b)
{
	b->head = workbook_add_format(b->wb);
	format_set_bold(b->head);
	format_set_align(b->head, LXW_ALIGN_VERTICAL_TOP);
	b->wrap = workbook_add_format(b->wb);
	format_set_text_wrap(b->wrap);
	format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
	b->top = workbook_add_format(b->wb);
	format_set_align(b->top, LXW_ALIGN_VERTICAL_TOP);
	/* Excel's number formats are written with '.', and shown with the reader's
	 * decimal separator: 0,50 in a Dutch Excel. */
	b->mean = workbook_add_format(b->wb);
	format_set_num_format(b->mean, "+0.00;-0.00;0.00");
	b->score = workbook_add_format(b->wb);
	format_set_num_format(b->score, "+0.0;-0.0;0.0");
	b->emotion = workbook_add_format(b->wb);
	format_set_num_format(b->emotion, "+0;-0;0");
}

/* When the workbook was made: $SOURCE_DATE_EPOCH when it is set (seconds since 1970,
 * for files that are the same byte for byte from one export to the next), else 0,
 * which libxlsxwriter takes for now. */
static time_t xlsx_created(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	if (!epoch || !*epoch || strspn(epoch, "0123456789") != strlen(epoch) || strlen(epoch) > 15)
		return 0;
	return (time_t)strtoll(epoch, NULL, 10);
}

static void xlsx_sheets(xlsx_book *b)
{
	const char *lang = b->lang;
	xlsx_formats(b);
	lxw_doc_properties props = {
		.title = b->map->title,
		.subject = (char *)LC_(lang, "export", "Customer journey map"),
		.created = xlsx_created(),
	};
	xlsx_fail(b, workbook_set_properties(b->wb, &props));
	cjm_figures *fig = cjm_figures_new(b->map);
	xlsx_touchpoints(b);
	xlsx_figures(b, fig);
	xlsx_quadrants(b, fig);
	xlsx_phases(b, fig);
	xlsx_groups(b, LC_(lang, "xlsx sheet", "Owners"), LC_(lang, "export", "Owner"), LC_(lang, "export", "(no owner)"),
		    fig->owners, fig->owner_count);
	xlsx_groups(b, LC_(lang, "xlsx sheet", "Channels"), LC_(lang, "export", "Channel"),
		    LC_(lang, "export", "(no channel)"), fig->channels, fig->channel_count);
	cjm_figures_free(fig);
}

/* Appends the file FD to OUT; false (errno set) when it cannot be read. */
static bool xlsx_read_back(int fd, strbuf *out)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || lseek(fd, 0, SEEK_SET) != 0)
		return false;
	size_t start = out->len;
	strbuf_reserve(out, (size_t)st.st_size);
	char buf[65536];
	for (;;) {
		ssize_t got = read(fd, buf, sizeof buf);
		if (got == 0)
			return true;
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int saved = errno;
			out->len = start;
			if (out->data)
				out->data[start] = '\0';
			errno = saved;
			return false;
		}
		strbuf_add(out, buf, (size_t)got);
	}
}

bool cjm_export_xlsx_checked(const cjm_map *map, const cjm_export_options *options, strbuf *out, strbuf *error)
{
	(void)options;
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	strbuf path = { 0 };
	strbuf_printf(&path, "%s/cjm-xlsx-XXXXXX", dir);
	int fd = mkstemp(path.data);
	if (fd < 0) {
		/* TRANSLATORS: %s is the temporary folder, then the system's reason. */
		strbuf_printf(error, _("cannot make a temporary file in %s: %s"), dir, strerror(errno));
		strbuf_release(&path);
		return false;
	}
	/* libxlsxwriter opens the file by its name when the workbook is closed; the
	 * name is ours alone (mkstemp, mode 0600), and its own working files go to
	 * the same folder. */
	lxw_workbook_options wopts = { .constant_memory = LXW_FALSE, .tmpdir = (char *)dir, .use_zip64 = LXW_FALSE };
	xlsx_book b = { .map = map, .lang = map->language };
	b.wb = workbook_new_opt(path.data, &wopts);
	bool ok = false;
	if (!b.wb) {
		b.error = LXW_ERROR_MEMORY_MALLOC_FAILED;
	} else {
		xlsx_sheets(&b);
		lxw_error closed = workbook_close(b.wb); /* writes the file and frees the workbook */
		xlsx_fail(&b, closed);
	}
	if (b.error != LXW_NO_ERROR) {
		/* TRANSLATORS: %s is libxlsxwriter's reason (in English). */
		strbuf_printf(error, _("cannot write the spreadsheet: %s"), lxw_strerror(b.error));
	} else if (!xlsx_read_back(fd, out)) {
		strbuf_printf(error, _("cannot read back the spreadsheet from %s: %s"), path.data, strerror(errno));
	} else {
		ok = true;
	}
	close(fd);
	unlink(path.data);
	strbuf_release(&path);
	for (size_t i = 0; i < b.name_count; i++)
		strbuf_release(&b.names[i]);
	return ok;
}

void cjm_export_xlsx(const cjm_map *map, const cjm_export_options *options, strbuf *out)
{
	strbuf error = { 0 };
	if (!cjm_export_xlsx_checked(map, options, out, &error))
		fprintf(stderr, "cjm: %s\n", error.data);
	strbuf_release(&error);
}
