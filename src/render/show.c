/* A map as text: the journey grid with its emotion curve, and the one-fact-per-line plain form. */
#include "render/show.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/compare_text.h"
#include "render/text.h"
#include "util/i18n.h"
#include "util/number.h"
#include "util/xalloc.h"
#include "util/visible.h"

/* ---- values ---- */

/* V as text; HUMAN: for people (the grid), numbers with the interface's decimal separator. */
static void show_value(strbuf *out, cjm_field field, const cjm_value *v, bool human)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	if (!info || !v->present)
		return;
	const char *sep = "";
	switch (info->kind) {
	case CJM_KIND_TEXT:
		strbuf_puts(out, v->text ? v->text : "");
		break;
	case CJM_KIND_EMOTION:
		cjm_text_emotion(out, v->integer);
		break;
	case CJM_KIND_NUMBER:
		if (human) {
			char num[NUMBER_TEXT_MAX];
			strbuf_puts(out, i18n_number(num, v->number));
		} else {
			cjm_text_number(out, v->number);
		}
		break;
	case CJM_KIND_BOOL:
		strbuf_puts(out, v->boolean ? "true" : "false");
		break;
	case CJM_KIND_PILLARS:
		for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++) {
			if (v->bits & (1u << i)) {
				strbuf_puts(out, sep);
				strbuf_puts(out, cjm_pillar_name(1u << i));
				sep = ", ";
			}
		}
		break;
	case CJM_KIND_LIST:
		for (size_t i = 0; v->list && i < v->list->len; i++) {
			strbuf_puts(out, sep);
			strbuf_puts(out, v->list->items[i]);
			sep = ", ";
		}
		break;
	}
}

void cjm_show_value(strbuf *out, cjm_field field, const cjm_value *v)
{
	show_value(out, field, v, false);
}

/* ---- the plain form ---- */

void cjm_show_escape(strbuf *out, const char *text)
{
	visible_puts(out, text, VISIBLE_BACKSLASH);
}

/* Appends "HEAD KEY: VALUE\n" (HEAD and KEY may be ""; HEAD is already escaped). */
static void show_plain_line(strbuf *out, const char *head, const char *key, const char *value)
{
	strbuf_puts(out, head);
	if (head[0] && key[0])
		strbuf_putc(out, ' ');
	strbuf_puts(out, key);
	strbuf_puts(out, ": ");
	cjm_show_escape(out, value);
	strbuf_putc(out, '\n');
}

/* The lines of one field of the item REF names; TMP is scratch space. */
static void show_plain_field(strbuf *out, strbuf *tmp, const cjm_map *map, cjm_ref ref, const char *head,
			     cjm_field field)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	cjm_value v = cjm_field_get(map, ref, field);
	if (!v.present)
		return;
	if (info->kind == CJM_KIND_LIST) {
		for (size_t i = 0; v.list && i < v.list->len; i++)
			show_plain_line(out, head, info->key, v.list->items[i]);
		return;
	}
	if (info->kind == CJM_KIND_PILLARS) {
		for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
			if (v.bits & (1u << i))
				show_plain_line(out, head, info->key, cjm_pillar_name(1u << i));
		return;
	}
	strbuf_reset(tmp);
	if (info->kind == CJM_KIND_EMOTION)
		strbuf_printf(tmp, "%d", v.integer);
	else
		cjm_show_value(tmp, field, &v);
	show_plain_line(out, head, info->key, tmp->data ? tmp->data : "");
}

/* Every field of an item of kind OWNER except its id and name, in field-table order. */
static void show_plain_fields(strbuf *out, strbuf *tmp, const cjm_map *map, cjm_ref ref, const char *head)
{
	size_t n;
	const cjm_field *fields = cjm_fields_of(ref.kind, &n);
	for (size_t i = 0; i < n; i++)
		if (fields[i] != CJM_F_ID && fields[i] != CJM_F_NAME) /* the item's line says them */
			show_plain_field(out, tmp, map, ref, head, fields[i]);
}

void cjm_show_plain(strbuf *out, const cjm_map *map)
{
	strbuf head = { 0 }, tmp = { 0 };
	strbuf_printf(out, "version: %d\n", map->version);
	show_plain_line(out, "", "title", map->title ? map->title : "");
	cjm_ref ref = { CJM_REF_MAP, 0, 0 };
	size_t n;
	const cjm_field *fields = cjm_fields_of(CJM_REF_MAP, &n);
	for (size_t i = 0; i < n; i++)
		if (fields[i] != CJM_F_TITLE) /* written first, absent or not */
			show_plain_field(out, &tmp, map, ref, "", fields[i]);

	for (size_t i = 0; i < map->pattern_count; i++) {
		const cjm_pattern_setting *ps = &map->patterns[i];
		strbuf_reset(&head);
		strbuf_puts(&head, "pattern ");
		cjm_show_escape(&head, ps->id ? ps->id : "");
		if (ps->enabled != CJM_UNSET)
			show_plain_line(out, head.data, "enabled", ps->enabled == CJM_TRUE ? "true" : "false");
		if (ps->has_threshold) {
			strbuf_reset(&tmp);
			cjm_text_number(&tmp, ps->threshold);
			show_plain_line(out, head.data, "threshold", tmp.data);
		}
		if (ps->enabled == CJM_UNSET && !ps->has_threshold)
			show_plain_line(out, head.data, "", "(no settings)");
	}

	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		strbuf_reset(&head);
		strbuf_puts(&head, "phase ");
		cjm_show_escape(&head, phase->id ? phase->id : "");
		show_plain_line(out, head.data, "", phase->name ? phase->name : "");
		show_plain_fields(out, &tmp, map, (cjm_ref){ CJM_REF_PHASE, p, 0 }, head.data);
		for (size_t t = 0; t < phase->touchpoint_count; t++) {
			const cjm_touchpoint *tp = phase->touchpoints[t];
			strbuf_reset(&head);
			cjm_show_escape(&head, phase->id ? phase->id : "");
			strbuf_putc(&head, '/');
			cjm_show_escape(&head, tp->id ? tp->id : "");
			strbuf_puts(out, "touchpoint ");
			show_plain_line(out, head.data, "", tp->name ? tp->name : "");
			show_plain_fields(out, &tmp, map, (cjm_ref){ CJM_REF_TOUCHPOINT, p, t }, head.data);
		}
	}

	for (size_t i = 0; i < map->dismissed_count; i++) {
		const cjm_dismissal *d = &map->dismissed[i];
		strbuf_reset(&head);
		strbuf_puts(&head, "dismissed ");
		cjm_show_escape(&head, d->pattern ? d->pattern : "");
		show_plain_line(out, head.data, "", d->target ? d->target : "");
	}
	strbuf_release(&head);
	strbuf_release(&tmp);
}

/* ---- the grid ---- */

/* The characters the grid is drawn with. */
struct show_glyphs {
	const char *h, *v;
	const char *top_left, *top_tee, *top_right;
	const char *mid_left, *mid_cross, *mid_right;
	const char *bot_left, *bot_tee, *bot_right;
	const char *marker, *zero, *bullet;
	const char *up_from_left;     /* the curve comes from the left and rises */
	const char *down_from_left;   /* ... and falls */
	const char *right_from_below; /* the curve comes up and turns right */
	const char *right_from_above; /* ... comes down and turns right */
};

static const struct show_glyphs show_unicode = {
	"─", "│", "┌", "┬", "┐", "├", "┼", "┤", "└", "┴", "┘", "●", "·", "•", "╯", "╮", "╭", "╰",
};

static const struct show_glyphs show_ascii = {
	"-", "|", "+", "+", "+", "+", "+", "+", "+", "+", "+", "o", ".", "-", "'", ".", ".", "'",
};

/* The lines of a curve: across, up and down, and the four corners of a step. */
struct show_line_glyphs {
	const char *h, *v;
	const char *up_from_left, *down_from_left, *right_from_below, *right_from_above;
};

/* The compared map's line, lighter than this map's: its corners are its upright. */
static const struct show_line_glyphs show_other_unicode = { "┄", "┆", "┆", "┆", "┆", "┆" };
static const struct show_line_glyphs show_other_ascii = { "~", ":", ":", ":", ":", ":" };

/* The markers of a comparison: this map's, the other's, both at one point. */
struct show_compare_marks {
	const char *here, *there, *both;
};
static const struct show_compare_marks show_compare_unicode = { "●", "○", "◉" };
static const struct show_compare_marks show_compare_ascii = { "*", "o", "@" };

/* A mark in the name lane: the yes/no FIELD's symbol, shown when cjm_item_field_marked. */
struct show_mark {
	cjm_field field;
	const char *symbol;
	const char *meaning;
};

/* The marks: the touchpoint fields the field table gives one, in its order (made on first use). */
static struct show_mark show_marks[CJM_FIELD_COUNT];
static size_t show_mark_count;
static bool show_marks_made;
#define SHOW_MARK_COUNT show_mark_count

static void show_make_marks(void)
{
	if (show_marks_made)
		return;
	size_t n;
	const cjm_field *fields = cjm_fields_of(CJM_REF_TOUCHPOINT, &n);
	for (size_t i = 0; i < n; i++) {
		const cjm_field_info *info = cjm_field_info_of(fields[i]);
		if (info->mark)
			show_marks[show_mark_count++] =
				(struct show_mark){ fields[i], info->mark, info->mark_meaning };
	}
	show_marks_made = true;
}

/* Lanes in this order first; then every other touchpoint field in table order. */
static const cjm_field show_lane_order[] = {
	CJM_F_NAME, CJM_F_CHANNEL, CJM_F_OWNER, CJM_F_EMOTION, CJM_F_PAINS, CJM_F_IDEAS,
};

#define SHOW_CURVE_ROWS (CJM_EMOTION_MAX - CJM_EMOTION_MIN + 1)
#define SHOW_TEXT_PREFERRED 13 /* a column's text width when the map is wider than the page */
#define SHOW_TEXT_MAX 24       /* ... and the most it grows to when it is not */

/* One column of the grid: a touchpoint, or the empty column of a phase without any. */
struct show_col {
	size_t phase;
	size_t index; /* of the touchpoint in its phase */
	const cjm_touchpoint *tp; /* NULL for an empty phase */
	size_t flat; /* the touchpoint's flat index; SIZE_MAX for an empty phase */
	size_t next_scored; /* the next column after this one with an emotion, or SIZE_MAX */
	size_t other_next_scored; /* ... with an emotion in the compared map */
};

struct show_grid {
	strbuf *out;
	const cjm_show_options *options;
	size_t from;     /* where the output not yet flushed starts */
	const cjm_map *map;
	const struct show_glyphs *g;
	size_t gutter;   /* columns of lane labels and the curve's axis (0 when narrow) */
	size_t text;     /* text width in a column */
	size_t unit;     /* separator + space + text + space */
	size_t per_band; /* columns in a band */
	struct show_col *cols;
	size_t ncols;
	cjm_field lanes[CJM_FIELD_COUNT];
	size_t nlanes;
	unsigned marks_used;
	strbuf *cells;   /* [per_band] the wrapped text of each column of a lane */
	size_t *cursor;  /* [per_band] how much of each has been written */
	size_t *spans;   /* [per_band] columns of each phase in the header of a band */
	const char **canvas; /* [SHOW_CURVE_ROWS * line] the curve's characters, NULL blank */
	strbuf tmp, tmp2;
	bool has_prev;   /* a scored touchpoint came before this band */
	int prev_emotion;
	const cjm_compare *cmp; /* the comparison, or NULL */
	bool other_has_prev; /* the same for the compared map's curve */
	int other_prev_emotion;
};

static bool show_has_mark(const cjm_touchpoint *tp, const struct show_mark *m)
{
	return cjm_item_field_marked(tp, CJM_REF_TOUCHPOINT, m->field);
}

static bool show_is_mark_field(cjm_field f)
{
	for (size_t i = 0; i < SHOW_MARK_COUNT; i++)
		if (show_marks[i].field == f)
			return true;
	return false;
}

/* Chooses the lanes: name, the curve, and every field some touchpoint has. */
static void show_choose_lanes(struct show_grid *grid)
{
	const cjm_map *map = grid->map;
	show_make_marks();
	bool present[CJM_FIELD_COUNT] = { false };
	for (size_t p = 0; p < map->phase_count; p++) {
		for (size_t t = 0; t < map->phases[p]->touchpoint_count; t++) {
			const cjm_touchpoint *tp = map->phases[p]->touchpoints[t];
			cjm_ref ref = { CJM_REF_TOUCHPOINT, p, t };
			for (int f = 0; f < CJM_FIELD_COUNT; f++)
				if (!present[f] && cjm_field_applies((cjm_field)f, CJM_REF_TOUCHPOINT) &&
				    cjm_field_get(map, ref, (cjm_field)f).present)
					present[f] = true;
			for (size_t m = 0; m < SHOW_MARK_COUNT; m++)
				if (show_has_mark(tp, &show_marks[m]))
					grid->marks_used |= 1u << m;
		}
	}
	present[CJM_F_NAME] = present[CJM_F_EMOTION] = true;
	bool placed[CJM_FIELD_COUNT] = { false };
	for (size_t i = 0; i < sizeof show_lane_order / sizeof *show_lane_order; i++) {
		cjm_field f = show_lane_order[i];
		placed[f] = true;
		if (present[f])
			grid->lanes[grid->nlanes++] = f;
	}
	for (int f = 0; f < CJM_FIELD_COUNT; f++) {
		if (placed[f] || f == CJM_F_ID || !present[f] || show_is_mark_field((cjm_field)f))
			continue;
		grid->lanes[grid->nlanes++] = (cjm_field)f;
	}
}

/* Lays the columns out: the gutter, the text width and how many columns fit a band. */
static void show_layout(struct show_grid *grid, size_t width)
{
	size_t gutter = width >= 40 ? 11 : width >= 12 ? 3 : 0;
	size_t avail = width > gutter + 1 ? width - gutter - 1 : 0;
	if (avail < 4) {
		gutter = 0;
		avail = width > 5 ? width - 1 : 4; /* below 5 columns the lines are cut */
	}
	size_t per_band = avail / (SHOW_TEXT_PREFERRED + 3);
	if (per_band < 1)
		per_band = 1;
	if (grid->ncols > 0 && grid->ncols < per_band)
		per_band = grid->ncols;
	size_t text = avail / per_band - 3;
	if (text > SHOW_TEXT_MAX)
		text = SHOW_TEXT_MAX;
	grid->gutter = gutter;
	grid->text = text;
	grid->unit = text + 3;
	grid->per_band = per_band;
}

/* Appends the gutter: LABEL, and the curve's AXIS value (NULL for text lanes). */
static void show_gutter(struct show_grid *grid, const char *label, const char *axis)
{
	size_t g = grid->gutter;
	if (g == 0)
		return;
	size_t room = axis ? g - 3 : g - 1;
	size_t len = strlen(label);
	if (cjm_text_width_n(label, len) > room && room >= 5) { /* "satisfaction" -> "satisfact." */
		size_t used = cjm_text_put(grid->out, label, len, room - 1);
		strbuf_putc(grid->out, '.');
		cjm_text_spaces(grid->out, room - 1 - used);
	} else {
		cjm_text_pad(grid->out, label, len, room);
	}
	if (axis)
		cjm_text_pad(grid->out, axis, strlen(axis), 2);
	strbuf_putc(grid->out, ' ');
}

/* True when column J starts a phase (or a phase's part) in the band starting at START. */
static bool show_seg_start(const struct show_grid *grid, size_t start, size_t j)
{
	return j == start || grid->cols[j].phase != grid->cols[j - 1].phase;
}

/* A border or rule across the band [START, END). */
static void show_rule(struct show_grid *grid, size_t start, size_t end, const char *left, const char *tee,
		      const char *right)
{
	cjm_text_spaces(grid->out, grid->gutter);
	for (size_t j = start; j < end; j++) {
		strbuf_puts(grid->out, j == start ? left : show_seg_start(grid, start, j) ? tee : grid->g->h);
		strbuf_repeat(grid->out, grid->g->h, grid->unit - 1);
	}
	strbuf_puts(grid->out, right);
	strbuf_putc(grid->out, '\n');
}

/* The next line of cell I (empty once it is used up). */
static void show_cell_line(struct show_grid *grid, size_t i, const char **line, size_t *len)
{
	strbuf *cell = &grid->cells[i];
	size_t at = grid->cursor[i];
	if (!cell->data || at >= cell->len) {
		*line = "";
		*len = 0;
		return;
	}
	const char *nl = memchr(cell->data + at, '\n', cell->len - at);
	size_t end = nl ? (size_t)(nl - cell->data) : cell->len;
	*line = cell->data + at;
	*len = end - at;
	grid->cursor[i] = nl ? end + 1 : end;
}

/* Wraps every item of LIST into CELL as a bulleted list. */
static void show_wrap_list(struct show_grid *grid, strbuf *cell, const char *const *items, size_t count)
{
	size_t text = grid->text;
	for (size_t i = 0; i < count; i++) {
		if (text < 3) {
			cjm_text_wrap(cell, items[i], text);
			continue;
		}
		strbuf_reset(&grid->tmp2);
		cjm_text_wrap(&grid->tmp2, items[i], text - 2);
		const char *p = grid->tmp2.data;
		for (bool first = true; *p; first = false) {
			const char *nl = strchr(p, '\n');
			strbuf_puts(cell, first ? grid->g->bullet : " ");
			strbuf_putc(cell, ' ');
			strbuf_add(cell, p, (size_t)(nl - p) + 1);
			p = nl + 1;
		}
	}
}

/* Fills CELL with the text of FIELD for column COL. */
static void show_fill_cell(struct show_grid *grid, strbuf *cell, const struct show_col *col, cjm_field field)
{
	strbuf_reset(cell);
	if (!col->tp) {
		if (field == CJM_F_NAME)
			cjm_text_wrap(cell, _("(no touchpoints)"), grid->text);
		return;
	}
	if (field == CJM_F_NAME) {
		strbuf *t = &grid->tmp;
		strbuf_reset(t);
		strbuf_puts(t, col->tp->name ? col->tp->name : "");
		bool any = false;
		for (size_t m = 0; m < SHOW_MARK_COUNT; m++) {
			if (show_has_mark(col->tp, &show_marks[m])) {
				strbuf_puts(t, any ? "" : " [");
				strbuf_puts(t, show_marks[m].symbol);
				any = true;
			}
		}
		if (any)
			strbuf_putc(t, ']');
		cjm_text_wrap(cell, t->data, grid->text);
		return;
	}
	cjm_ref ref = { CJM_REF_TOUCHPOINT, col->phase, col->index };
	cjm_value v = cjm_field_get(grid->map, ref, field);
	if (!v.present)
		return;
	const cjm_field_info *info = cjm_field_info_of(field);
	if (info->kind == CJM_KIND_LIST) {
		show_wrap_list(grid, cell, (const char *const *)v.list->items, v.list->len);
		return;
	}
	if (info->kind == CJM_KIND_PILLARS) { /* one a line */
		for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
			if (v.bits & (1u << i))
				cjm_text_wrap(cell, cjm_pillar_name(1u << i), grid->text);
		return;
	}
	strbuf_reset(&grid->tmp);
	show_value(&grid->tmp, field, &v, true);
	cjm_text_wrap(cell, grid->tmp.data ? grid->tmp.data : "", grid->text);
}

/* Writes the rows of the filled cells 0..N-1, one per column of the band [START, END). */
static void show_cell_rows(struct show_grid *grid, size_t start, size_t end, const char *label)
{
	size_t rows = 1;
	for (size_t j = start; j < end; j++) {
		size_t i = j - start, lines = 0;
		grid->cursor[i] = 0;
		for (size_t k = 0; k < grid->cells[i].len; k++)
			lines += grid->cells[i].data[k] == '\n';
		if (lines > rows)
			rows = lines;
	}
	for (size_t r = 0; r < rows; r++) {
		show_gutter(grid, r == 0 ? label : "", NULL);
		for (size_t j = start; j < end; j++) {
			const char *line;
			size_t len;
			show_cell_line(grid, j - start, &line, &len);
			strbuf_puts(grid->out, show_seg_start(grid, start, j) ? grid->g->v : " ");
			strbuf_putc(grid->out, ' ');
			cjm_text_pad(grid->out, line, len, grid->text);
			strbuf_putc(grid->out, ' ');
		}
		strbuf_puts(grid->out, grid->g->v);
		strbuf_putc(grid->out, '\n');
	}
}

/* The phase headers of the band [START, END): the name spans the phase's columns. */
static void show_header(struct show_grid *grid, size_t start, size_t end)
{
	size_t segs = 0, rows = 1;
	for (size_t j = start; j < end; j++) {
		if (!show_seg_start(grid, start, j))
			continue;
		size_t span = 1;
		while (j + span < end && grid->cols[j + span].phase == grid->cols[j].phase)
			span++;
		const cjm_phase *phase = grid->map->phases[grid->cols[j].phase];
		size_t width = span * grid->unit - 3;
		strbuf *cell = &grid->cells[segs];
		strbuf_reset(cell);
		strbuf_reset(&grid->tmp);
		strbuf_puts(&grid->tmp, phase->name ? phase->name : "");
		if (grid->cols[j].index > 0)
			/* TRANSLATORS: after a phase's name in the grid when its columns go on in the next band. */
			strbuf_puts(&grid->tmp, _(" (continued)"));
		size_t lines = cjm_text_wrap(cell, grid->tmp.data, width);
		if (grid->cols[j].index == 0 && phase->description)
			lines += cjm_text_wrap(cell, phase->description, width);
		grid->spans[segs] = span;
		grid->cursor[segs] = 0;
		if (lines > rows)
			rows = lines;
		segs++;
	}
	for (size_t r = 0; r < rows; r++) {
		show_gutter(grid, "", NULL);
		for (size_t s = 0; s < segs; s++) {
			const char *line;
			size_t len;
			show_cell_line(grid, s, &line, &len);
			strbuf_puts(grid->out, grid->g->v);
			strbuf_putc(grid->out, ' ');
			cjm_text_pad(grid->out, line, len, grid->spans[s] * grid->unit - 3);
			strbuf_putc(grid->out, ' ');
		}
		strbuf_puts(grid->out, grid->g->v);
		strbuf_putc(grid->out, '\n');
	}
}

/* Puts GLYPH at row R, column X of the curve canvas LINE wide, unless X is outside. */
static void show_plot(struct show_grid *grid, long line, long r, long x, const char *glyph)
{
	if (x >= 0 && x < line)
		grid->canvas[r * line + x] = glyph;
}

static long show_row_of(int emotion)
{
	return CJM_EMOTION_MAX - emotion;
}

/* Joins the points (X1, R1) and (X2, R2), X1 < X2, with a step in the lines G:
 * across, up or down, across. */
static void show_join_in(struct show_grid *grid, const struct show_line_glyphs *g, long line, long x1, long r1,
			 long x2, long r2)
{
	if (r1 == r2) {
		for (long x = x1 + 1; x < x2; x++)
			show_plot(grid, line, r1, x, g->h);
		return;
	}
	long xm = x1 + (x2 - x1 + 1) / 2; /* between neighbours: on the separator */
	for (long x = x1 + 1; x < xm; x++)
		show_plot(grid, line, r1, x, g->h);
	for (long x = xm + 1; x < x2; x++)
		show_plot(grid, line, r2, x, g->h);
	long lo = r1 < r2 ? r1 : r2, hi = r1 < r2 ? r2 : r1;
	for (long r = lo + 1; r < hi; r++)
		show_plot(grid, line, r, xm, g->v);
	bool up = r2 < r1;
	show_plot(grid, line, r1, xm, up ? g->up_from_left : g->down_from_left);
	show_plot(grid, line, r2, xm, up ? g->right_from_below : g->right_from_above);
}

/* Joins two points of this map's curve. */
static void show_join(struct show_grid *grid, long line, long x1, long r1, long x2, long r2)
{
	const struct show_glyphs *g = grid->g;
	struct show_line_glyphs lines = { g->h, g->v, g->up_from_left, g->down_from_left, g->right_from_below,
					  g->right_from_above };
	show_join_in(grid, &lines, line, x1, r1, x2, r2);
}

/* The compared map's emotion at column COL into *E; false when it has none there. */
static bool show_other_emotion(const struct show_grid *grid, const struct show_col *col, int *e)
{
	if (!grid->cmp || !col->tp)
		return false;
	const cjm_compare_row *row = cjm_compare_row_of(grid->cmp, col->flat);
	if (!row || !row->there || !row->there->has_emotion)
		return false;
	*e = row->there->emotion;
	return true;
}

/* The compared map's curve over the band [START, END) of LINE columns, under this map's. */
static void show_other_curve(struct show_grid *grid, size_t start, size_t end, long line, long center)
{
	const struct show_line_glyphs *g = grid->options->ascii ? &show_other_ascii : &show_other_unicode;
	long unit = (long)grid->unit, px = -1, pr = 0;
	bool have = grid->other_has_prev;
	if (have)
		pr = show_row_of(grid->other_prev_emotion);
	int e;
	for (size_t j = start; j < end; j++) {
		if (!show_other_emotion(grid, &grid->cols[j], &e))
			continue;
		long x = (long)(j - start) * unit + center, r = show_row_of(e);
		if (have)
			show_join_in(grid, g, line, px, pr, x, r);
		px = x, pr = r, have = true;
		grid->other_has_prev = true;
		grid->other_prev_emotion = e;
	}
	if (have && grid->cols[end - 1].other_next_scored != SIZE_MAX)
		show_join_in(grid, g, line, px, pr, line, pr);
}

/* The emotion curve of the band [START, END). */
static void show_curve(struct show_grid *grid, size_t start, size_t end)
{
	const struct show_glyphs *g = grid->g;
	long unit = (long)grid->unit;
	long line = (long)(end - start) * unit + 1;
	for (long i = 0; i < SHOW_CURVE_ROWS * line; i++)
		grid->canvas[i] = NULL;
	for (size_t j = start; j <= end; j++) {
		long x = (long)(j - start) * unit;
		if (j == end || show_seg_start(grid, start, j)) {
			for (long r = 0; r < SHOW_CURVE_ROWS; r++)
				show_plot(grid, line, r, x, g->v);
		} else {
			show_plot(grid, line, show_row_of(0), x, g->zero);
		}
		if (j == end)
			break;
		for (long k = 1; k < unit; k++)
			show_plot(grid, line, show_row_of(0), x + k, g->zero);
	}
	long center = 2 + ((long)grid->text - 1) / 2;
	if (grid->cmp)
		show_other_curve(grid, start, end, line, center);
	long px = -1, pr = 0;
	bool have = grid->has_prev;
	if (have)
		pr = show_row_of(grid->prev_emotion);
	for (size_t j = start; j < end; j++) {
		const cjm_touchpoint *tp = grid->cols[j].tp;
		if (!tp || !tp->has_emotion)
			continue;
		long x = (long)(j - start) * unit + center, r = show_row_of(tp->emotion);
		if (have)
			show_join(grid, line, px, pr, x, r);
		px = x, pr = r, have = true;
		grid->has_prev = true;
		grid->prev_emotion = tp->emotion;
	}
	/* into the next band at the same level: the next band's lead-in makes the step */
	if (have && grid->cols[end - 1].next_scored != SIZE_MAX)
		show_join(grid, line, px, pr, line, pr);
	const struct show_compare_marks *cm = grid->options->ascii ? &show_compare_ascii : &show_compare_unicode;
	for (size_t j = start; j < end; j++) {
		const cjm_touchpoint *tp = grid->cols[j].tp;
		long x = (long)(j - start) * unit + center;
		int e;
		bool other = show_other_emotion(grid, &grid->cols[j], &e);
		if (other)
			show_plot(grid, line, show_row_of(e), x, cm->there);
		if (tp && tp->has_emotion)
			show_plot(grid, line, show_row_of(tp->emotion), x,
				  !grid->cmp ? g->marker : other && e == tp->emotion ? cm->both : cm->here);
	}
	for (long r = 0; r < SHOW_CURVE_ROWS; r++) {
		char axis[4];
		int e = CJM_EMOTION_MAX - (int)r;
		axis[0] = e > 0 ? '+' : e < 0 ? '-' : ' ';
		axis[1] = (char)('0' + abs(e));
		axis[2] = '\0';
		show_gutter(grid, r == 0 ? _("emotion") : "", axis);
		for (long x = 0; x < line; x++) {
			const char *c = grid->canvas[r * line + x];
			strbuf_puts(grid->out, c ? c : " ");
		}
		strbuf_putc(grid->out, '\n');
	}
}

/* The difference lane of a comparison: the other's emotion minus this one's, per column. */
static void show_delta_lane(struct show_grid *grid, size_t start, size_t end)
{
	const struct show_glyphs *g = grid->g;
	show_rule(grid, start, end, g->mid_left, g->mid_cross, g->mid_right);
	for (size_t j = start; j < end; j++) {
		strbuf *cell = &grid->cells[j - start];
		strbuf_reset(cell);
		const struct show_col *col = &grid->cols[j];
		if (!col->tp)
			continue;
		strbuf_reset(&grid->tmp);
		cjm_compare_text_delta(&grid->tmp, cjm_compare_row_of(grid->cmp, col->flat));
		cjm_text_wrap(cell, grid->tmp.data, grid->text);
	}
	/* TRANSLATORS: the label of the difference lane of cjm show --compare on a terminal that cannot
	 * show the Greek capital delta (the other map's emotion minus this one's). */
	show_cell_rows(grid, start, end, grid->options->ascii ? _("change") : "\xCE\x94");
}

/* One band: the columns [START, END). */
static void show_band(struct show_grid *grid, size_t start, size_t end)
{
	const struct show_glyphs *g = grid->g;
	show_rule(grid, start, end, g->top_left, g->top_tee, g->top_right);
	show_header(grid, start, end);
	for (size_t l = 0; l < grid->nlanes; l++) {
		cjm_field f = grid->lanes[l];
		show_rule(grid, start, end, g->mid_left, g->mid_cross, g->mid_right);
		if (f == CJM_F_EMOTION) {
			show_curve(grid, start, end);
			if (grid->cmp)
				show_delta_lane(grid, start, end);
			continue;
		}
		for (size_t j = start; j < end; j++)
			show_fill_cell(grid, &grid->cells[j - start], &grid->cols[j], f);
		show_cell_rows(grid, start, end, _(cjm_field_info_of(f)->label));
	}
	show_rule(grid, start, end, g->bot_left, g->bot_tee, g->bot_right);
}

/* Lists the map's columns: one per touchpoint, one per phase without any. */
static void show_columns(struct show_grid *grid)
{
	const cjm_map *map = grid->map;
	size_t n = 0;
	for (size_t p = 0; p < map->phase_count; p++)
		n += map->phases[p]->touchpoint_count ? map->phases[p]->touchpoint_count : 1;
	grid->cols = xcalloc(n, sizeof *grid->cols);
	grid->ncols = n;
	size_t j = 0, flat = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		if (phase->touchpoint_count == 0)
			grid->cols[j++] = (struct show_col){ p, 0, NULL, SIZE_MAX, SIZE_MAX, SIZE_MAX };
		for (size_t t = 0; t < phase->touchpoint_count; t++, flat++)
			grid->cols[j++] = (struct show_col){ p, t, phase->touchpoints[t], flat, SIZE_MAX, SIZE_MAX };
	}
	size_t next = SIZE_MAX, other_next = SIZE_MAX;
	for (size_t i = n; i-- > 0;) {
		grid->cols[i].next_scored = next;
		grid->cols[i].other_next_scored = other_next;
		int e;
		if (grid->cols[i].tp && grid->cols[i].tp->has_emotion)
			next = i;
		if (show_other_emotion(grid, &grid->cols[i], &e))
			other_next = i;
	}
}

/* The title and the map's other fields, wrapped to WIDTH. */
static void show_heading(struct show_grid *grid, size_t width)
{
	const cjm_map *map = grid->map;
	cjm_text_wrap(grid->out, map->title ? map->title : "", width);
	cjm_ref ref = { CJM_REF_MAP, 0, 0 };
	size_t n;
	const cjm_field *fields = cjm_fields_of(CJM_REF_MAP, &n);
	for (size_t i = 0; i < n; i++) {
		cjm_field f = fields[i];
		if (f == CJM_F_TITLE) /* the heading's first line */
			continue;
		cjm_value v = cjm_field_get(map, ref, f);
		if (!v.present)
			continue;
		strbuf_reset(&grid->tmp);
		strbuf_printf(&grid->tmp, "%s: ", _(cjm_field_info_of(f)->label));
		show_value(&grid->tmp, f, &v, true);
		cjm_text_wrap(grid->out, grid->tmp.data, width);
	}
	strbuf_putc(grid->out, '\n');
}

/* Appends TEXT as one line when it fits WIDTH (its spaces as they are), else wrapped. */
static void show_line_or_wrap(strbuf *out, const char *text, size_t width)
{
	size_t w = cjm_text_width(text);
	if (w > width) {
		cjm_text_wrap(out, text, width);
		return;
	}
	cjm_text_put(out, text, strlen(text), w);
	strbuf_putc(out, '\n');
}

/* The comparison's legend, before the grid: each map's marker, name and figures. */
static void show_compare_heading(struct show_grid *grid, size_t width)
{
	const cjm_show_options *o = grid->options;
	const struct show_compare_marks *cm = o->ascii ? &show_compare_ascii : &show_compare_unicode;
	const char *here = o->here_name ? o->here_name : "", *there = o->there_name ? o->there_name : "";
	strbuf_reset(&grid->tmp);
	/* TRANSLATORS: the legend of cjm show --compare: this map's marker and file name, the other map's
	 * marker and file name, then the marker of a point where both are. */
	strbuf_printf(&grid->tmp, _("%s %s  %s %s  %s both"), cm->here, here, cm->there, there, cm->both);
	show_line_or_wrap(grid->out, grid->tmp.data, width);
	for (int side = 0; side < 2; side++) {
		strbuf_reset(&grid->tmp);
		strbuf_printf(&grid->tmp, "%s %s: ", side ? cm->there : cm->here, side ? there : here);
		cjm_compare_text_figures(&grid->tmp, side ? cjm_compare_there_figures(grid->cmp)
							 : cjm_compare_here_figures(grid->cmp));
		cjm_text_wrap(grid->out, grid->tmp.data, width);
	}
	strbuf_reset(&grid->tmp);
	/* TRANSLATORS: a line of cjm show --compare; the difference is the other map's emotion minus this one's. */
	strbuf_printf(&grid->tmp, _("%zu matched by id, %zu with another emotion; %zu only here, %zu only in %s"),
		      grid->cmp->matched, grid->cmp->changed, grid->cmp->only_here, grid->cmp->only_there, there);
	cjm_text_wrap(grid->out, grid->tmp.data, width);
	strbuf_putc(grid->out, '\n');
}

/* After the grid, the touchpoints only in the other map, which have no column here. */
static void show_compare_only_there(struct show_grid *grid, size_t width)
{
	const cjm_compare *cmp = grid->cmp;
	if (!cmp->only_there)
		return;
	const cjm_figures *tf = cjm_compare_there_figures(cmp);
	strbuf_reset(&grid->tmp);
	/* TRANSLATORS: heads the list of touchpoints that are only in the other map; %s is its file name. */
	strbuf_printf(&grid->tmp, _("only in %s:"), grid->options->there_name ? grid->options->there_name : "");
	strbuf_putc(grid->out, '\n');
	cjm_text_wrap(grid->out, grid->tmp.data, width);
	for (size_t i = 0; i < cmp->row_count; i++) {
		const cjm_compare_row *row = &cmp->rows[i];
		if (row->side != CJM_COMPARE_ONLY_THERE)
			continue;
		strbuf_reset(&grid->tmp);
		strbuf_printf(&grid->tmp, "%s ", grid->g->bullet);
		cjm_compare_text_touchpoint(&grid->tmp, cmp->other->map, tf, row->there_at);
		show_line_or_wrap(grid->out, grid->tmp.data, width);
	}
}

/* The legend of the marks the map uses. */
static void show_legend(struct show_grid *grid, size_t width)
{
	if (!grid->marks_used)
		return;
	strbuf_reset(&grid->tmp);
	/* TRANSLATORS: heads the legend of the marks under the grid: "marks: ! moment of truth; * brand moment". */
	strbuf_puts(&grid->tmp, _("marks:"));
	for (size_t m = 0; m < SHOW_MARK_COUNT; m++)
		if (grid->marks_used & (1u << m))
			strbuf_printf(&grid->tmp, " %s %s%s", show_marks[m].symbol, _(show_marks[m].meaning),
				      grid->marks_used >> (m + 1) ? ";" : "");
	strbuf_putc(grid->out, '\n');
	cjm_text_wrap(grid->out, grid->tmp.data, width);
}

/* Cuts every line of OUT from FROM on to WIDTH columns (only for widths below 5). */
static void show_clip(strbuf *out, size_t from, size_t width)
{
	strbuf cut = { 0 };
	size_t at = from;
	while (at < out->len) {
		const char *nl = memchr(out->data + at, '\n', out->len - at);
		size_t end = nl ? (size_t)(nl - out->data) : out->len;
		cjm_text_put(&cut, out->data + at, end - at, width);
		strbuf_putc(&cut, '\n');
		at = end + 1;
	}
	out->len = from;
	strbuf_add(out, cut.data ? cut.data : "", cut.len);
	strbuf_release(&cut);
}

/* Hands the output written since the last flush to the caller's flush, if any. */
static void show_flush(struct show_grid *grid)
{
	const cjm_show_options *o = grid->options;
	if (o->width < 5)
		show_clip(grid->out, grid->from, o->width ? o->width : 1);
	if (o->flush)
		o->flush(grid->out, o->flush_arg);
	grid->from = grid->out->len;
}

/* Writes the band of columns [*START, END) and a blank line, hands it to the
 * flush, and starts the next band at END. */
static void show_end_band(struct show_grid *grid, size_t *start, size_t end, size_t *used)
{
	show_band(grid, *start, end);
	strbuf_putc(grid->out, '\n');
	show_flush(grid);
	*start = end;
	*used = 0;
}

void cjm_show_grid(strbuf *out, const cjm_map *map, const cjm_show_options *options)
{
	size_t width = options->width ? options->width : 1;
	struct show_grid grid = { 0 };
	grid.out = out;
	grid.options = options;
	grid.from = out->len;
	grid.map = map;
	grid.g = options->ascii ? &show_ascii : &show_unicode;
	grid.cmp = options->compare;
	show_columns(&grid);
	show_choose_lanes(&grid);
	show_layout(&grid, width);
	show_heading(&grid, width);
	if (grid.cmp)
		show_compare_heading(&grid, width);
	if (map->phase_count == 0) {
		cjm_text_wrap(out, _("(no phases)"), width);
	} else {
		grid.cells = xcalloc(grid.per_band, sizeof *grid.cells);
		grid.cursor = xcalloc(grid.per_band, sizeof *grid.cursor);
		grid.spans = xcalloc(grid.per_band, sizeof *grid.spans);
		grid.canvas = xcalloc(SHOW_CURVE_ROWS * (grid.per_band * grid.unit + 1), sizeof *grid.canvas);
		size_t band_start = 0, used = 0, j = 0;
		for (size_t p = 0; p < map->phase_count; p++) {
			size_t left = map->phases[p]->touchpoint_count ? map->phases[p]->touchpoint_count : 1;
			/* a phase that does not fit the rest of the band starts a new one */
			if (used > 0 && used + left > grid.per_band)
				show_end_band(&grid, &band_start, j, &used);
			while (left > 0) {
				if (used == grid.per_band) /* a phase wider than a band goes on in the next */
					show_end_band(&grid, &band_start, j, &used);
				size_t take = left < grid.per_band - used ? left : grid.per_band - used;
				j += take;
				used += take;
				left -= take;
			}
		}
		show_band(&grid, band_start, j);
		for (size_t i = 0; i < grid.per_band; i++)
			strbuf_release(&grid.cells[i]);
		free(grid.cells);
		free(grid.cursor);
		free(grid.spans);
		free(grid.canvas);
	}
	if (grid.cmp)
		show_compare_only_there(&grid, width);
	show_legend(&grid, width);
	show_flush(&grid);
	free(grid.cols);
	strbuf_release(&grid.tmp);
	strbuf_release(&grid.tmp2);
}
