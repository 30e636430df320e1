/* Export to CSV: one RFC 4180 row per touchpoint, with its phase and every field, for spreadsheets. */
#include "export/csv.h"

#include <stdbool.h>
#include <string.h>

#include "export/escape.h"
#include "export/export.h"
#include "model/field.h"
#include "util/lang.h"
#include "util/number.h"

/*
 * The rules (cjm-export(1) says the same; csv_import.c reads it all back):
 *
 * - RFC 4180, UTF-8 without a byte-order mark, records ended by CRLF; a line
 *   break inside a cell is a bare LF, as spreadsheets write one.
 * - A header row, then one row per touchpoint, phases left to right and the
 *   touchpoints of each in order. Columns: phase_id, phase_name,
 *   phase_description, then the touchpoint's fields in the order of the map
 *   file (the field table's rows marked CJM_FIELD_CSV): id, name, channel,
 *   owner, emotion, satisfaction, impact, moment_of_truth, brand_moment,
 *   commitment, visible, pillars, pains, ideas, quotes, notes. The phase
 *   columns repeat on every row of the phase, so the rows can be sorted and
 *   filtered and still say where they belong.
 * - A phase without touchpoints is one row with its phase columns and every
 *   touchpoint column empty, so it does not vanish.
 * - A field that is absent is an empty cell. Emotions are whole numbers
 *   (-3 to 3, no '+'); satisfaction and impact the shortest decimal with a '.'
 *   point ("7.5", "0.3", "7"); booleans true or false.
 * - Lists (pains, ideas, quotes, pillars) are one cell with one item per line.
 *   An item that itself holds a line break comes back as several items.
 * - A cell is quoted, with its quotes doubled, when it holds a comma, a quote
 *   or a line break, or starts or ends with a space (cjm_escape_csv).
 * - Cells are the data, never changed to defuse spreadsheet formulas: text
 *   starting with =, +, - or @ is written as it is (a negative emotion such as
 *   -2 is a number to a spreadsheet, not a formula). Open a CSV made from a map
 *   you do not trust with its columns imported as text.
 * - The map's own fields (title, persona, brand_values, thresholds, patterns,
 *   dismissed) are not in the CSV: it is the touchpoints' table.
 * - The Dutch dialect (a map whose language is nl, or --csv-dialect nl) is what
 *   Dutch Excel and LibreOffice read: a UTF-8 byte-order mark, ';' between the
 *   cells (a cell holding ';' or ',' is quoted), decimal commas ("7,5"), and the
 *   column names in Dutch (the catalogue's "csv column" texts: fase, naam, ...).
 */

const char *const cjm_csv_languages[] = { "nl", NULL };

const char *cjm_csv_column_in(const char *lang, const char *key)
{
	/* TRANSLATORS: the "csv column" texts are the column headers of cjm's CSV in a
	 * spreadsheet: short, lower case, each different from the others and from every
	 * English key; cjm import reads them back. */
	if (strcmp(key, "phase_id") == 0)
		return LC_(lang, "csv column", "phase_id");
	if (strcmp(key, "phase_name") == 0)
		return LC_(lang, "csv column", "phase_name");
	if (strcmp(key, "phase_description") == 0)
		return LC_(lang, "csv column", "phase_description");
	if (strcmp(key, "id") == 0)
		return LC_(lang, "csv column", "id");
	if (strcmp(key, "name") == 0)
		return LC_(lang, "csv column", "name");
	if (strcmp(key, "channel") == 0)
		return LC_(lang, "csv column", "channel");
	if (strcmp(key, "owner") == 0)
		return LC_(lang, "csv column", "owner");
	if (strcmp(key, "emotion") == 0)
		return LC_(lang, "csv column", "emotion");
	if (strcmp(key, "satisfaction") == 0)
		return LC_(lang, "csv column", "satisfaction");
	if (strcmp(key, "impact") == 0)
		return LC_(lang, "csv column", "impact");
	if (strcmp(key, "moment_of_truth") == 0)
		return LC_(lang, "csv column", "moment_of_truth");
	if (strcmp(key, "brand_moment") == 0)
		return LC_(lang, "csv column", "brand_moment");
	if (strcmp(key, "commitment") == 0)
		return LC_(lang, "csv column", "commitment");
	if (strcmp(key, "visible") == 0)
		return LC_(lang, "csv column", "visible");
	if (strcmp(key, "pillars") == 0)
		return LC_(lang, "csv column", "pillars");
	if (strcmp(key, "pains") == 0)
		return LC_(lang, "csv column", "pains");
	if (strcmp(key, "ideas") == 0)
		return LC_(lang, "csv column", "ideas");
	if (strcmp(key, "quotes") == 0)
		return LC_(lang, "csv column", "quotes");
	if (strcmp(key, "notes") == 0)
		return LC_(lang, "csv column", "notes");
	return key;
}

/* How one CSV is written: the language of its column names and numbers (NULL:
 * English, today's output) and its separator. */
typedef struct csv_dialect {
	const char *lang;
	char sep;
} csv_dialect;

/* The dialect of MAP's CSV: --csv-dialect when given, else the map's language's. */
static csv_dialect csv_dialect_of(const cjm_map *map, const cjm_export_options *options)
{
	const char *lang = options && options->csv_dialect ? options->csv_dialect : map->language;
	csv_dialect d = { NULL, ',' };
	if (!lang || !lang_supported(lang) || strcmp(lang_decimal_point(lang), ",") != 0)
		return d; /* English, or a language cjm cannot write: today's CSV */
	d.lang = lang;
	d.sep = ';';
	return d;
}

const char *const cjm_csv_phase_columns[CJM_CSV_PHASE_COLUMNS] = {
	[CJM_CSV_PHASE_ID] = "phase_id",
	[CJM_CSV_PHASE_NAME] = "phase_name",
	[CJM_CSV_PHASE_DESCRIPTION] = "phase_description",
};

/* The touchpoint columns, taken from the field table on first use. */
static cjm_field csv_columns[CJM_FIELD_COUNT];
static size_t csv_column_count;
static bool csv_columns_made;

const cjm_field *cjm_csv_fields(size_t *count)
{
	if (!csv_columns_made) {
		size_t n;
		const cjm_field *fields = cjm_fields_of(CJM_REF_TOUCHPOINT, &n);
		for (size_t i = 0; i < n; i++)
			if (cjm_field_info_of(fields[i])->flags & CJM_FIELD_CSV)
				csv_columns[csv_column_count++] = fields[i];
		csv_columns_made = true;
	}
	*count = csv_column_count;
	return csv_columns;
}

void cjm_csv_column_names(strbuf *out, const char *sep)
{
	for (int c = 0; c < CJM_CSV_PHASE_COLUMNS; c++) {
		strbuf_puts(out, cjm_csv_phase_columns[c]);
		strbuf_puts(out, sep);
	}
	size_t n;
	const cjm_field *fields = cjm_csv_fields(&n);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_puts(out, sep);
		strbuf_puts(out, cjm_field_info_of(fields[i])->key);
	}
}

static void csv_header(strbuf *out, const csv_dialect *d)
{
	if (!d->lang) {
		cjm_csv_column_names(out, ",");
		strbuf_puts(out, "\r\n");
		return;
	}
	strbuf_puts(out, "\xEF\xBB\xBF"); /* the byte-order mark Excel needs to read UTF-8 */
	for (int c = 0; c < CJM_CSV_PHASE_COLUMNS; c++) {
		cjm_escape_csv_sep(out, cjm_csv_column_in(d->lang, cjm_csv_phase_columns[c]), d->sep);
		strbuf_putc(out, d->sep);
	}
	size_t n;
	const cjm_field *fields = cjm_csv_fields(&n);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_putc(out, d->sep);
		cjm_escape_csv_sep(out, cjm_csv_column_in(d->lang, cjm_field_info_of(fields[i])->key), d->sep);
	}
	strbuf_puts(out, "\r\n");
}

/* The items of a list, one per line, as one cell. */
static void csv_list(strbuf *out, strbuf *tmp, const cjm_strlist *list, char sep)
{
	strbuf_reset(tmp);
	for (size_t i = 0; i < list->len; i++) {
		if (i)
			strbuf_putc(tmp, CJM_CSV_ITEM_SEPARATOR);
		strbuf_puts(tmp, list->items[i]);
	}
	cjm_escape_csv_sep(out, tmp->data ? tmp->data : "", sep);
}

static void csv_pillars(strbuf *out, unsigned bits)
{
	bool several = (bits & (bits - 1)) != 0;
	if (several)
		strbuf_putc(out, '"');
	bool first = true;
	for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++) {
		if (!(bits & (1u << i)))
			continue;
		if (!first)
			strbuf_putc(out, CJM_CSV_ITEM_SEPARATOR);
		first = false;
		strbuf_puts(out, cjm_pillar_name(1u << i)); /* no quote or comma in a pillar's name */
	}
	if (several)
		strbuf_putc(out, '"');
}

/* One touchpoint field as a cell; nothing for an absent one. */
static void csv_field(strbuf *out, strbuf *tmp, const cjm_map *map, cjm_ref ref, cjm_field field,
		      const csv_dialect *d)
{
	cjm_value v = cjm_field_get(map, ref, field);
	if (!v.present)
		return;
	char number[NUMBER_TEXT_MAX];
	switch (cjm_field_info_of(field)->kind) {
	case CJM_KIND_TEXT: cjm_escape_csv_sep(out, v.text, d->sep); break;
	case CJM_KIND_EMOTION: strbuf_printf(out, "%d", v.integer); break;
	case CJM_KIND_NUMBER:
		if (d->lang)
			strbuf_puts(out, lang_number(number, v.number, d->lang)); /* "7,5": no ';' in it */
		else
			strbuf_add(out, number, number_format(number, v.number));
		break;
	case CJM_KIND_BOOL: strbuf_puts(out, v.boolean ? "true" : "false"); break;
	case CJM_KIND_PILLARS: csv_pillars(out, v.bits); break;
	case CJM_KIND_LIST: csv_list(out, tmp, v.list, d->sep); break;
	}
}

static void csv_phase_cells(strbuf *out, const cjm_phase *phase, const csv_dialect *d)
{
	cjm_escape_csv_sep(out, phase->id, d->sep);
	strbuf_putc(out, d->sep);
	cjm_escape_csv_sep(out, phase->name, d->sep);
	strbuf_putc(out, d->sep);
	if (phase->description)
		cjm_escape_csv_sep(out, phase->description, d->sep);
	strbuf_putc(out, d->sep);
}

/* The touchpoint TP of phase P as the rest of its row; TP past the end: empty cells. */
static void csv_touchpoint_cells(strbuf *out, strbuf *tmp, const cjm_map *map, size_t p, size_t tp,
				 const csv_dialect *d)
{
	bool exists = tp < map->phases[p]->touchpoint_count;
	size_t n;
	const cjm_field *fields = cjm_csv_fields(&n);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_putc(out, d->sep);
		if (exists)
			csv_field(out, tmp, map, (cjm_ref){ CJM_REF_TOUCHPOINT, p, tp }, fields[i], d);
	}
	strbuf_puts(out, "\r\n");
}

void cjm_export_csv(const cjm_map *map, const cjm_export_options *options, strbuf *out)
{
	csv_dialect d = csv_dialect_of(map, options);
	strbuf tmp = { 0 };
	csv_header(out, &d);
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		size_t rows = phase->touchpoint_count ? phase->touchpoint_count : 1;
		for (size_t t = 0; t < rows; t++) {
			csv_phase_cells(out, phase, &d);
			csv_touchpoint_cells(out, &tmp, map, p, t, &d);
		}
	}
	strbuf_release(&tmp);
}
