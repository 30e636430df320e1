/* Import from CSV: the rows of a spreadsheet, or of cjm export --to csv, read back into a map. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/csv.h"
#include "export/export.h"
#include "model/field.h"
#include "model/ids.h"
#include "util/i18n.h"
#include "util/strset.h"
#include "util/utf8.h"
#include "util/value.h"
#include "util/xalloc.h"

/*
 * The rules (cjm-import(1) says the same; csv.c writes what is read here):
 *
 * - UTF-8, with or without a byte-order mark; records end in CRLF, LF or CR.
 *   Cells are separated by commas, or by semicolons when the header row has
 *   semicolons and no comma (the CSV of a Dutch or German spreadsheet), or by
 *   tabs when it has tabs and neither (cells pasted from a spreadsheet).
 *   A cell in double quotes may hold separators, line breaks and doubled
 *   quotes; after its closing quote only spaces may come before the next
 *   separator. A quote inside an unquoted cell is an ordinary character.
 * - Invalid UTF-8, NUL bytes and control characters other than tab and line
 *   breaks (and the characters a map may not hold: C1 controls, U+2028,
 *   U+2029, U+FFFE, U+FFFF) stop the import with an error, as in a map file.
 * - The first row that is not blank is the header. Its names are matched
 *   without regard to case, surrounding spaces, or ' ' and '-' for '_'
 *   ("Moment of truth" is moment_of_truth); "phase" is phase_name. The names
 *   of another language's dialect (the catalogue's "csv column" texts of the
 *   languages cjm_csv_languages lists: Dutch "fase", "naam", "tevredenheid")
 *   count as well, and make the map that language's (language: nl). Columns may
 *   come in any order and may be left out; only name is required. An unknown
 *   or repeated name is an error; a column without a name must be empty.
 * - Blank rows (every cell empty or spaces) are skipped. Missing cells at the
 *   end of a row are empty; extra cells past the header's columns must be.
 * - Rows go into phases in the order the phases first appear: a row joins the
 *   phase with its phase_id, or, with no phase_id, the one with its
 *   phase_name; a new id or name starts a new phase (an id's first row must
 *   name it). A row with neither joins the phase of the row above, and the
 *   first such row starts a phase named "Journey". A phase's name and
 *   description must be the same on each of its rows that gives them.
 * - A row whose touchpoint cells are all empty only makes sure its phase
 *   exists (that is how an empty phase is written); any other row is a
 *   touchpoint and needs a name.
 * - Cells: an empty cell (or one of only spaces) is an absent field. Text is
 *   kept as it is, line breaks as LF. emotion is a whole number from -3 to +3
 *   ("+2" and "2" alike). satisfaction (0 to 10) and impact (0 to 1) are
 *   decimals with a '.' or a ',' as the decimal point ("7,5"), never both.
 *   Booleans are true or false, yes or no, y or n, ja or nee, waar or onwaar,
 *   1 or 0, x for yes, in any case. pains, ideas and quotes hold one item
 *   per line; blank lines are skipped. pillars are pillar names separated by
 *   line breaks, commas, semicolons or '|', in any case, with ' ' or '_' for
 *   '-'; the beginning of one name or another word for it is enough ("time",
 *   "surprise"). Values are read as the editor's form reads them
 *   (util/value.h, VALUE_TYPED and value_read_names).
 * - Ids follow the map's rules: a given id must be valid and unique among
 *   phases and touchpoints; a missing one is made from the name, unique
 *   against every id given anywhere in the file.
 * - Every problem is an error at the line and column where its cell starts,
 *   naming the column; reading stops after DIAG_MAX_ERRORS of them, or at the
 *   first one that breaks the CSV itself (an unclosed quote, bad bytes).
 * - The map is titled TITLE (the CSV has no title), with only phases and
 *   touchpoints.
 */

#define CSV_SHOW_MAX 40 /* characters of a cell quoted in a message */
#define CSV_DEFAULT_PHASE "Journey"
#define CSV_DEFAULT_TITLE "Imported journey"

/* ---- reading records ---- */

typedef struct csv_cell {
	size_t text; /* offset of its NUL-terminated, unquoted text in the record buffer */
	int line, col;
} csv_cell;

typedef struct csv_reader {
	const unsigned char *s;
	size_t len, pos;
	int line, col; /* of pos, 1-based; col in characters */
	char sep;
	diag_list *diags;
	bool fatal;
	strbuf buf; /* the record's cells, one after the other */
	csv_cell *cells;
	size_t count, cap;
	int record_line, record_col;
} csv_reader;


static void csv_fatal(csv_reader *r, const char *fmt, unsigned value)
{
	diag_error(r->diags, r->line, r->col, fmt, value);
	r->fatal = true;
}

/* The byte length of the ordinary character at pos (not a separator, quote or
 * line break), or 0 when it may not be in a map (reported; reading stops). */
static size_t csv_char(csv_reader *r)
{
	unsigned char c = r->s[r->pos];
	if (c == '\t' || (c >= 0x20 && c < 0x7f))
		return 1;
	if (c < 0x80) {
		csv_fatal(r, c == 0 ? "NUL byte: this is binary data, not CSV" : utf8_forbidden(c), c);
		return 0;
	}
	uint32_t cp;
	size_t n = utf8_decode(r->s + r->pos, r->len - r->pos, &cp);
	if (n == 0) {
		csv_fatal(r, "invalid UTF-8 (byte 0x%02x); the file must be UTF-8 text", c);
		return 0;
	}
	const char *bad = utf8_forbidden(cp);
	if (bad) {
		csv_fatal(r, bad, cp);
		return 0;
	}
	return n;
}

/* Adds the run of plain ASCII at pos (no separator, quote, control or line break) to the cell. */
static void csv_plain_run(csv_reader *r)
{
	size_t start = r->pos;
	while (r->pos < r->len) {
		unsigned char c = r->s[r->pos];
		if (c < 0x20 || c >= 0x7f || c == '"' || c == (unsigned char)r->sep)
			break;
		r->pos++;
	}
	strbuf_add(&r->buf, (const char *)r->s + start, r->pos - start);
	r->col += (int)(r->pos - start);
}

/* Adds the ordinary character at pos to the cell; false when it may not be there. */
static bool csv_take_char(csv_reader *r)
{
	size_t n = csv_char(r);
	if (!n)
		return false;
	strbuf_add(&r->buf, (const char *)r->s + r->pos, n);
	r->pos += n;
	r->col++;
	return true;
}

static bool csv_at_line_end(const csv_reader *r)
{
	return r->pos < r->len && (r->s[r->pos] == '\r' || r->s[r->pos] == '\n');
}

/* Passes the line break at pos (CRLF, LF or CR). */
static void csv_skip_line_end(csv_reader *r)
{
	if (r->s[r->pos] == '\r' && r->pos + 1 < r->len && r->s[r->pos + 1] == '\n')
		r->pos++;
	r->pos++;
	r->line++;
	r->col = 1;
}

/* The rest of a quoted cell, after its opening quote; false on a fatal error. */
static bool csv_quoted(csv_reader *r, const csv_cell *cell)
{
	for (;;) {
		csv_plain_run(r);
		if (r->pos >= r->len) {
			diag_error(r->diags, cell->line, cell->col,
				   _("this quoted cell is never closed: a '\"' is missing"));
			r->fatal = true;
			return false;
		}
		unsigned char c = r->s[r->pos];
		if (c == '"' && r->pos + 1 < r->len && r->s[r->pos + 1] == '"') {
			strbuf_putc(&r->buf, '"');
			r->pos += 2;
			r->col += 2;
		} else if (c == '"') {
			r->pos++;
			r->col++;
			break;
		} else if (c == '\r' || c == '\n') {
			strbuf_putc(&r->buf, '\n'); /* a line break in a cell is LF, whatever the file uses */
			csv_skip_line_end(r);
		} else if (c == (unsigned char)r->sep) {
			strbuf_putc(&r->buf, (char)c);
			r->pos++;
			r->col++;
		} else if (!csv_take_char(r)) {
			return false;
		}
	}
	while (r->pos < r->len && (r->s[r->pos] == ' ' || (r->s[r->pos] == '\t' && r->sep != '\t'))) {
		r->pos++;
		r->col++;
	}
	if (r->pos < r->len && r->s[r->pos] != (unsigned char)r->sep && !csv_at_line_end(r)) {
		diag_error(r->diags, r->line, r->col,
			   _("a quoted cell must end at its closing quote; write a '\"' inside it as '\"\"'"));
		r->fatal = true;
		return false;
	}
	return true;
}

static bool csv_unquoted(csv_reader *r)
{
	for (;;) {
		csv_plain_run(r);
		if (r->pos >= r->len || r->s[r->pos] == (unsigned char)r->sep || csv_at_line_end(r))
			return true;
		if (r->s[r->pos] == '"') {
			strbuf_putc(&r->buf, '"');
			r->pos++;
			r->col++;
		} else if (!csv_take_char(r)) {
			return false;
		}
	}
}

/* Reads the next record into r->cells; false at the end of the text or on a fatal error. */
static bool csv_record(csv_reader *r)
{
	r->count = 0;
	strbuf_reset(&r->buf);
	if (r->pos >= r->len || r->fatal)
		return false;
	r->record_line = r->line;
	r->record_col = r->col;
	for (;;) {
		csv_cell cell = { r->buf.len, r->line, r->col };
		bool ok;
		if (r->pos < r->len && r->s[r->pos] == '"') {
			r->pos++;
			r->col++;
			ok = csv_quoted(r, &cell);
		} else {
			ok = csv_unquoted(r);
		}
		if (!ok)
			return false;
		strbuf_putc(&r->buf, '\0');
		xgrow((void **)&r->cells, &r->cap, r->count + 1, sizeof *r->cells);
		r->cells[r->count++] = cell;
		if (r->pos < r->len && r->s[r->pos] == (unsigned char)r->sep) {
			r->pos++;
			r->col++;
			continue;
		}
		if (r->pos < r->len)
			csv_skip_line_end(r);
		return true;
	}
}

/* The separator: what the first line that is not blank uses outside quotes (comma
 * unless it has semicolons and no comma, or tabs and neither). */
static char csv_detect_separator(const unsigned char *s, size_t len)
{
	size_t commas = 0, semicolons = 0, tabs = 0;
	bool quoted = false, content = false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			content = true;
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if ((s[i] == '\n' || s[i] == '\r') && content)
			break;
		else if (s[i] == '\n' || s[i] == '\r')
			tabs = 0; /* a blank line before the header */
		else if (s[i] == ',')
			commas++;
		else if (s[i] == ';')
			semicolons++;
		else if (s[i] == '\t')
			tabs++;
	}
	if (commas == 0 && semicolons > 0)
		return ';';
	if (commas == 0 && tabs > 0)
		return '\t';
	return ',';
}

/* ---- cells ---- */

/* True when S holds only spaces, tabs and line breaks: an empty cell (as cjm_text_is_blank). */
static bool csv_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* S without its surrounding spaces, tabs and line breaks, cut in place. */
static char *csv_trim(char *s)
{
	s += strspn(s, " \t\r\n");
	size_t n = strlen(s);
	while (n > 0 && strchr(" \t\r\n", s[n - 1]))
		n--;
	s[n] = '\0';
	return s;
}

/* ---- the header ---- */

/* What a column holds: one of the phase columns, or a touchpoint field. */
typedef struct csv_column {
	int phase;       /* enum cjm_csv_phase_column, or -1 */
	cjm_field field; /* a touchpoint field, or CJM_FIELD_COUNT */
	const char *key; /* its canonical name, for messages; NULL when the header gives none */
} csv_column;

typedef struct csv_import {
	csv_reader r;
	csv_column *columns;
	size_t column_count;
	int phase_column[CJM_CSV_PHASE_COLUMNS]; /* index of each, or -1 */
	int name_column;
	size_t errors_before;
	cjm_map *map;
	strset *ids;         /* every id given: the line it was first given on */
	strset *phase_ids;   /* phase id -> cjm_phase * */
	strset *phase_names; /* phase name -> the first cjm_phase * of that name */
	cjm_phase *current;  /* the phase of the row before */
	cjm_phase *orphans;  /* the touchpoints of rows whose phase is wrong, checked and dropped */
	strbuf show, show2; /* values quoted in a message */
} csv_import;

static bool csv_failed(const csv_import *im)
{
	return im->r.fatal || im->r.diags->errors > im->errors_before || im->r.diags->truncated;
}

/* TEXT as a message quotes it (in BUF): at most CSV_SHOW_MAX characters, line breaks as \n. */
static const char *csv_show_in(strbuf *buf, const char *text)
{
	strbuf_reset(buf);
	size_t chars = 0;
	for (const char *p = text; *p; p++) {
		if ((*p & 0xC0) != 0x80 && chars++ == CSV_SHOW_MAX) {
			strbuf_puts(buf, "...");
			break;
		}
		if (*p == '\n')
			strbuf_puts(buf, "\\n");
		else if (*p == '\t')
			strbuf_puts(buf, "\\t");
		else
			strbuf_putc(buf, *p);
	}
	return buf->data ? buf->data : "";
}

static const char *csv_show(csv_import *im, const char *text)
{
	return csv_show_in(&im->show, text);
}

/* The header's NAME as a known column key: lower-case, no surrounding spaces, '_' for ' ' and '-'. */
static void csv_normalize(char *name)
{
	for (char *p = name; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
		else if (*p == ' ' || *p == '-')
			*p = '_';
	}
}

static csv_column csv_column_keyed(const char *key);

/* True when the header's KEY (normalized) is the name of column NAME in a CSV of LANG. */
static bool csv_is_translation(const char *key, const char *lang, const char *name)
{
	const char *translated = cjm_csv_column_in(lang, name);
	if (translated == name)
		return false;
	char *norm = xstrdup(translated);
	csv_normalize(norm);
	bool same = strcmp(norm, key) == 0;
	free(norm);
	return same;
}

/* The English key of the header's KEY when it names a column in one of the languages
 * cjm_csv_languages lists ("tevredenheid" is satisfaction), with *LANG set to it;
 * else KEY. */
static const char *csv_english_key(const char *key, const char **lang)
{
	for (const char *const *l = cjm_csv_languages; *l; l++) {
		for (int c = 0; c < CJM_CSV_PHASE_COLUMNS; c++)
			if (csv_is_translation(key, *l, cjm_csv_phase_columns[c])) {
				*lang = *l;
				return cjm_csv_phase_columns[c];
			}
		size_t n;
		const cjm_field *fields = cjm_csv_fields(&n);
		for (size_t i = 0; i < n; i++) {
			const char *name = cjm_field_info_of(fields[i])->key;
			if (csv_is_translation(key, *l, name)) {
				*lang = *l;
				return name;
			}
		}
	}
	return key;
}

/* The column the header's KEY (normalized) names: an English key first, else a
 * translated name (*LANG set to its language). */
static csv_column csv_column_named(const char *key, const char **lang)
{
	csv_column col = csv_column_keyed(key);
	if (!col.key && *key)
		col = csv_column_keyed(csv_english_key(key, lang));
	return col;
}

static csv_column csv_column_keyed(const char *key)
{
	csv_column col = { -1, CJM_FIELD_COUNT, NULL };
	if (strcmp(key, "phase") == 0)
		key = cjm_csv_phase_columns[CJM_CSV_PHASE_NAME];
	for (int c = 0; c < CJM_CSV_PHASE_COLUMNS; c++) {
		if (strcmp(key, cjm_csv_phase_columns[c]) == 0) {
			col.phase = c;
			col.key = cjm_csv_phase_columns[c];
			return col;
		}
	}
	cjm_field field = cjm_field_by_key(key, CJM_REF_TOUCHPOINT);
	if (field != CJM_FIELD_COUNT && (cjm_field_info_of(field)->flags & CJM_FIELD_CSV)) {
		col.field = field;
		col.key = cjm_field_info_of(field)->key;
	}
	return col;
}

/* Every column name, for the message about an unknown one. */
static void csv_known_columns(strbuf *out)
{
	cjm_csv_column_names(out, ", ");
}

/* Reads the header row; false when it has a problem (reported). */
static bool csv_header(csv_import *im)
{
	csv_reader *r = &im->r;
	for (int c = 0; c < CJM_CSV_PHASE_COLUMNS; c++)
		im->phase_column[c] = -1;
	im->name_column = -1;
	bool found = false;
	while (!found && csv_record(r)) {
		for (size_t i = 0; i < r->count && !found; i++)
			found = !csv_blank(r->buf.data + r->cells[i].text);
	}
	if (!found) {
		if (!r->fatal)
			diag_error(r->diags, 1, 1,
				   _("no header row: a CSV of touchpoints starts with a row of column names, "
				     "with at least name"));
		return false;
	}
	im->column_count = r->count;
	im->columns = xcalloc(r->count, sizeof *im->columns);
	int *first_at = xcalloc(CJM_FIELD_COUNT + CJM_CSV_PHASE_COLUMNS, sizeof *first_at);
	bool ok = true;
	const char *lang = NULL; /* the language of the names that are not English keys */
	for (size_t i = 0; i < r->count; i++) {
		const csv_cell *cell = &r->cells[i];
		char *given = r->buf.data + cell->text;
		char *to_free = xstrdup(given);
		char *key = csv_trim(to_free);
		csv_normalize(key);
		csv_column col = csv_column_named(key, &lang);
		if (!*key) {
			col.key = NULL; /* no name: its cells must stay empty */
		} else if (!col.key) {
			strbuf known = { 0 };
			csv_known_columns(&known);
			diag_error(r->diags, cell->line, cell->col, _("unknown column '%s' (known: %s)"),
				   csv_show(im, csv_trim(given)), known.data);
			strbuf_release(&known);
			ok = false;
		} else {
			int slot = col.phase >= 0 ? CJM_FIELD_COUNT + col.phase : (int)col.field;
			if (first_at[slot]) {
				diag_error(r->diags, cell->line, cell->col,
					   _("column '%s' is given twice (first as column %d)"), col.key, first_at[slot]);
				ok = false;
			}
			first_at[slot] = (int)i + 1;
			if (col.phase >= 0)
				im->phase_column[col.phase] = (int)i;
			if (col.field == CJM_F_NAME)
				im->name_column = (int)i;
		}
		im->columns[i] = col;
		free(to_free);
	}
	free(first_at);
	if (lang && !im->map->language)
		im->map->language = xstrdup(lang); /* Dutch columns: a Dutch map */
	if (ok && im->name_column < 0) {
		strbuf known = { 0 };
		csv_known_columns(&known);
		diag_error(r->diags, r->record_line, r->record_col,
			   _("no 'name' column: every touchpoint needs a name (the columns are %s)"), known.data);
		strbuf_release(&known);
		ok = false;
	}
	return ok;
}

/* ---- rows ---- */

/* The text of column C in the current row ("" when the row is short or C is -1). */
static char *csv_cell_text(csv_import *im, int c)
{
	static char empty[1];
	if (c < 0 || (size_t)c >= im->r.count)
		return empty;
	return im->r.buf.data + im->r.cells[c].text;
}

/* Where column C's cell starts (the row's start when the row is short). */
static void csv_cell_pos(const csv_import *im, int c, int *line, int *col)
{
	if (c >= 0 && (size_t)c < im->r.count) {
		*line = im->r.cells[c].line;
		*col = im->r.cells[c].col;
	} else {
		*line = im->r.record_line;
		*col = im->r.record_col;
	}
}

static void csv_error(csv_import *im, int c, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Reports a problem with column C's cell in the current row. */
static void csv_error(csv_import *im, int c, const char *fmt, ...)
{
	int line, col;
	csv_cell_pos(im, c, &line, &col);
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *message = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(message, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	diag_error(im->r.diags, line, col, "%s", message);
	free(message);
}

/* A phase as messages name it: its id, or its name while it has none. */
static const char *csv_phase_label(const cjm_phase *phase)
{
	return phase->id ? phase->id : phase->name;
}

/* Notes ID (a string the map keeps: the set borrows it) as given in column C of
 * the current row; false (reported) when it is taken already. */
static bool csv_claim_id(csv_import *im, const char *id, int c)
{
	bool added;
	int line, col;
	csv_cell_pos(im, c, &line, &col);
	void **first = strset_slot(im->ids, id, &added);
	if (added) {
		*first = (void *)(intptr_t)line;
		return true;
	}
	csv_error(im, c, _("duplicate id '%s' (first used on line %ld)"), id, (long)(intptr_t)*first);
	return false;
}

/* A new phase at the end of the map, taking ID (NULL: made from NAME later). */
static cjm_phase *csv_new_phase(csv_import *im, char *id, const char *name)
{
	cjm_phase *phase = cjm_phase_new(NULL, name);
	phase->id = id;
	phase->pos = (cjm_pos){ im->r.record_line, im->r.record_col };
	cjm_map_insert_phase(im->map, im->map->phase_count, phase);
	if (phase->id)
		strset_put(im->phase_ids, phase->id, phase);
	bool added;
	void **first = strset_slot(im->phase_names, phase->name, &added);
	if (added)
		*first = phase;
	return phase;
}

/* The phase of a row with a phase_id: the one with that id, or a new one. NULL when reported. */
static cjm_phase *csv_phase_by_id(csv_import *im, const char *id, const char *name)
{
	int id_col = im->phase_column[CJM_CSV_PHASE_ID], name_col = im->phase_column[CJM_CSV_PHASE_NAME];
	if (!cjm_id_is_valid(id)) {
		csv_error(im, id_col, _("phase_id '%s' is not valid: use lower-case letters, digits and '-', starting with a letter or digit"), csv_show(im, id));
		return NULL;
	}
	cjm_phase *phase = strset_get(im->phase_ids, id);
	if (!phase && *name) {
		cjm_phase *named = strset_get(im->phase_names, name);
		if (named && !named->id) { /* named on an earlier row without its id */
			char *own = xstrdup(id);
			if (!csv_claim_id(im, own, id_col)) {
				free(own);
				return NULL;
			}
			named->id = own;
			strset_put(im->phase_ids, named->id, named);
			return named;
		}
	}
	if (phase) {
		if (*name && strcmp(phase->name, name) != 0) {
			csv_error(im, name_col, _("phase '%s' is named '%s' on line %d, not '%s'"), id,
				  csv_show_in(&im->show2, phase->name), phase->pos.line, csv_show(im, name));
			return NULL;
		}
		return phase;
	}
	if (!*name) {
		csv_error(im, name_col >= 0 ? name_col : id_col,
			  _("phase '%s' needs a name: give it in the phase_name column of its first row"), id);
		return NULL;
	}
	char *own = xstrdup(id);
	if (!csv_claim_id(im, own, id_col)) {
		free(own);
		return NULL;
	}
	return csv_new_phase(im, own, name);
}

/* The phase the current row belongs to; NULL when reported. */
static cjm_phase *csv_row_phase(csv_import *im)
{
	char *id = csv_trim(csv_cell_text(im, im->phase_column[CJM_CSV_PHASE_ID]));
	const char *name = csv_cell_text(im, im->phase_column[CJM_CSV_PHASE_NAME]);
	const char *description = csv_cell_text(im, im->phase_column[CJM_CSV_PHASE_DESCRIPTION]);
	if (csv_blank(name))
		name = "";
	cjm_phase *phase;
	if (*id) {
		phase = csv_phase_by_id(im, id, name);
	} else if (*name || im->current) {
		phase = *name ? strset_get(im->phase_names, name) : im->current;
		if (!phase)
			phase = csv_new_phase(im, NULL, name);
	} else {
		phase = strset_get(im->phase_names, CSV_DEFAULT_PHASE);
		if (!phase)
			phase = csv_new_phase(im, NULL, CSV_DEFAULT_PHASE);
	}
	if (!phase)
		return NULL;
	if (!csv_blank(description)) {
		if (!phase->description) {
			phase->description = xstrdup(description);
		} else if (strcmp(phase->description, description) != 0) {
			csv_error(im, im->phase_column[CJM_CSV_PHASE_DESCRIPTION],
				  _("phase '%s' has another description on an earlier row; "
				    "give it once, or the same on each row"),
				  csv_show(im, csv_phase_label(phase)));
			return NULL;
		}
	}
	im->current = phase;
	return phase;
}

/* Pillars as the editor's form reads them (util/value.h, value_read_names). */
static void csv_pillars(csv_import *im, int c, char *text, unsigned *bits)
{
	static const char *pillar_names[CJM_PILLAR_COUNT];
	for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
		pillar_names[i] = cjm_pillar_name(1u << i);
	const value_names names = { "pillar", pillar_names, CJM_PILLAR_COUNT, value_pillar_aliases,
				    value_pillar_alias_count };
	char why[VALUE_WHY_MAX];
	unsigned found = 0;
	if (value_read_names(text, &names, &found, why))
		csv_error(im, c, "%s", why);
	else
		*bits |= found;
}

static void csv_list(cjm_strlist *list, char *text)
{
	for (char *item = text; item;) {
		char *end = strchr(item, '\n');
		if (end)
			*end = '\0';
		if (!csv_blank(item))
			cjm_strlist_push(list, item);
		item = end ? end + 1 : NULL;
	}
}

/* The cell in column C of the current row into FIELD of TP; a bad value is reported. */
static void csv_field(csv_import *im, int c, cjm_touchpoint *tp, cjm_field field)
{
	char *text = csv_cell_text(im, c);
	if (csv_blank(text))
		return;
	const cjm_field_info *info = cjm_field_info_of(field);
	void *slot = cjm_item_field_slot(tp, CJM_REF_TOUCHPOINT, field);
	bool *has = cjm_item_field_flag(tp, CJM_REF_TOUCHPOINT, field);
	switch (info->kind) {
	case CJM_KIND_TEXT:
		if (field == CJM_F_ID) {
			char *id = csv_trim(text);
			if (!cjm_id_is_valid(id))
				csv_error(im, c, _("id '%s' is not valid: use lower-case letters, digits and '-', starting with a letter or digit"), csv_show(im, id));
			else if (csv_claim_id(im, id = xstrdup(id), c))
				tp->id = id;
			else
				free(id);
		} else {
			free(*(char **)slot);
			*(char **)slot = xstrdup(text);
		}
		return;
	case CJM_KIND_EMOTION: {
		long n = 0;
		char *value = csv_trim(text), why[VALUE_WHY_MAX];
		if (value_read_whole(value, VALUE_TYPED, info->key, (long)info->min, (long)info->max, &n, why))
			/* TRANSLATORS: %1$s says what the column takes, %2$s is the cell's text. */
			csv_error(im, c, _("%s, not '%s'"), why, csv_show(im, value));
		else
			*has = true, *(int *)slot = (int)n;
		return;
	}
	case CJM_KIND_NUMBER: {
		double x = 0;
		char *value = csv_trim(text), why[VALUE_WHY_MAX];
		if (value_read_number(value, VALUE_TYPED, info->key, info->min, info->max, &x, why))
			/* TRANSLATORS: %1$s says what the column takes, %2$s is the cell's text. */
			csv_error(im, c, _("%s, not '%s'"), why, csv_show(im, value));
		else
			*has = true, *(double *)slot = x;
		return;
	}
	case CJM_KIND_BOOL: {
		bool yes = false;
		char *value = csv_trim(text), why[VALUE_WHY_MAX];
		if (value_read_bool(value, VALUE_TYPED, info->key, &yes, why))
			/* TRANSLATORS: %1$s says what the column takes, %2$s is the cell's text. */
			csv_error(im, c, _("%s, not '%s'"), why, csv_show(im, value));
		else
			*(cjm_tristate *)slot = yes ? CJM_TRUE : CJM_FALSE;
		return;
	}
	case CJM_KIND_PILLARS: csv_pillars(im, c, text, slot); return;
	case CJM_KIND_LIST: csv_list(slot, text); return;
	}
}

/* The touchpoint of the current row, in PHASE. */
static void csv_touchpoint(csv_import *im, cjm_phase *phase)
{
	cjm_touchpoint *tp = cjm_touchpoint_new(NULL, NULL);
	tp->pos = (cjm_pos){ im->r.record_line, im->r.record_col };
	cjm_phase_insert_touchpoint(phase, phase->touchpoint_count, tp);
	for (size_t c = 0; c < im->column_count; c++)
		if (im->columns[c].field != CJM_FIELD_COUNT)
			csv_field(im, (int)c, tp, im->columns[c].field);
	if (!tp->name) {
		csv_error(im, im->name_column, _("name must not be empty: this row has other touchpoint cells, "
						 "and every touchpoint needs a name"));
		tp->name = xstrdup("");
	}
}

/* True when column C of the current row has something in it. */
static bool csv_filled(csv_import *im, size_t c)
{
	return c < im->r.count && !csv_blank(im->r.buf.data + im->r.cells[c].text);
}

static void csv_row(csv_import *im)
{
	bool blank = true, has_touchpoint = false;
	for (size_t c = 0; c < im->r.count; c++) {
		if (!csv_filled(im, c))
			continue;
		blank = false;
		if (c >= im->column_count) {
			csv_error(im, (int)c, _("this row has more cells than the header has columns (%zu)"),
				  im->column_count);
			return;
		}
		if (!im->columns[c].key) {
			csv_error(im, (int)c, _("a value in column %zu, which has no name in the header"), c + 1);
			return;
		}
		has_touchpoint = has_touchpoint || im->columns[c].field != CJM_FIELD_COUNT;
	}
	if (blank)
		return;
	cjm_phase *phase = csv_row_phase(im);
	if (has_touchpoint) /* checked even when its phase is wrong, to report every problem at once */
		csv_touchpoint(im, phase ? phase : im->orphans);
}

/* Gives every phase and touchpoint without an id one made from its name. */
static void csv_assign_ids(csv_import *im)
{
	cjm_id_maker *maker = cjm_id_maker_new();
	for (size_t p = 0; p < im->map->phase_count; p++) {
		cjm_phase *phase = im->map->phases[p];
		if (!phase->id) {
			phase->id = cjm_id_maker_unique(maker, im->ids, phase->name);
			strset_add(im->ids, phase->id);
		}
		for (size_t t = 0; t < phase->touchpoint_count; t++) {
			cjm_touchpoint *tp = phase->touchpoints[t];
			if (!tp->id) {
				tp->id = cjm_id_maker_unique(maker, im->ids, tp->name);
				strset_add(im->ids, tp->id);
			}
		}
	}
	cjm_id_maker_free(maker);
}

cjm_map *cjm_import_csv(const char *text, size_t len, const char *title, diag_list *diags)
{
	csv_import im = { 0 };
	im.errors_before = diags->errors;
	im.r.s = (const unsigned char *)text;
	im.r.len = len;
	im.r.line = im.r.col = 1;
	im.r.diags = diags;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		im.r.pos = 3; /* a byte-order mark, as Excel writes one */
	if (len >= 2 && (memcmp(text, "\xFF\xFE", 2) == 0 || memcmp(text, "\xFE\xFF", 2) == 0)) {
		diag_error(diags, 1, 1,
			   _("this file is UTF-16 (a spreadsheet's \"Unicode text\"); save it as \"CSV UTF-8\""));
		return NULL;
	}
	im.r.sep = csv_detect_separator(im.r.s + im.r.pos, len - im.r.pos);
	bool valid_title = title && !cjm_text_is_blank(title) && utf8_valid(title);
	im.map = cjm_map_new(valid_title ? title : CSV_DEFAULT_TITLE);
	im.ids = strset_new(64);
	im.phase_ids = strset_new(16);
	im.phase_names = strset_new(16);
	im.orphans = cjm_phase_new(NULL, NULL);
	if (csv_header(&im))
		while (!diags->truncated && csv_record(&im.r)) /* a 51st error was left out: stop */
			csv_row(&im);
	bool failed = csv_failed(&im);
	if (!failed)
		csv_assign_ids(&im);
	strset_free(im.ids);
	strset_free(im.phase_ids);
	strset_free(im.phase_names);
	strbuf_release(&im.r.buf);
	strbuf_release(&im.show);
	strbuf_release(&im.show2);
	free(im.r.cells);
	free(im.columns);
	cjm_phase_free(im.orphans);
	if (failed) {
		cjm_map_free(im.map);
		return NULL;
	}
	return im.map;
}
