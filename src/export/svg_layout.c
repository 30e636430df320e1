/* The layout of the SVG wall map: sizes, columns, rows of columns, sheets ("pages"), levels of detail and scale. */
#include <stdlib.h>
#include <string.h>

#include "analysis/vote_summary.h"
#include "export/svg_internal.h"
#include "util/xalloc.h"

/*
 * Layout, in millimetres on a landscape sheet:
 *
 *   +-- margin -------------------------------------------------------+
 *   | title, persona, brand values          [mean] [peak] [end] [p-e] |  first sheet only
 *   | legend                                                          |
 *   |-----------------------------------------------------------------|
 *   | gutter | phase band ............ | phase band ..........         |  a row
 *   | labels | card | card | card      | card | card ...              |
 *   |        | emotion lane: zero line, grid, curve, marked points     |
 *   |        | pains cell per column                                   |
 *   |        | ideas cell per column                                   |
 *   |   (row gap)                                                     |
 *   | next row ...                                          page k/N  |
 *   +-----------------------------------------------------------------+
 *
 * The sizes are the same on every paper, with no text under 7 pt; a sheet
 * holds up to 10 cards in a row on A3 (7 on A4, 14 on A2) and up to 2 rows
 * on A3 (1 on A4, 3 on A2): 20 touchpoints on an A3 sheet, 42 on an A2, 7 on
 * an A4. Rows rather than one row across: a card needs about 35 mm for a
 * Dutch name in bold at 3 mm ("Meterstanden doorgeven"), and 20 cards across
 * an A3 would leave 18 mm each, splitting words; two rows keep the cards
 * readable from a metre away and the sheet full. The emotion curve runs on
 * from the end of one row to the start of the next, marked at both ends.
 *
 * Sheets break only between phases: a sheet takes whole phases while they
 * fit; a phase longer than a sheet starts a sheet of its own, fills sheets
 * and goes on on the next, its band marked "(continued)". Within a sheet the
 * columns are shared evenly by its rows, a row break at the end of a phase
 * when there is one near the even split. A phase without touchpoints takes
 * one column with a placeholder card.
 *
 * Each lane of a row is as tall as its tallest cell. What each cell shows is
 * capped by a level (svg_levels): per sheet, the most generous level whose
 * rows fit the sheet. The tightest fits any text under the header of a map;
 * where even it does not (the comparison's taller header), a sheet moves its
 * last row to a sheet of its own, and a first sheet with one row keeps the
 * header alone. Where text is cut, the HTML report has all of it.
 *
 * A journey that leaves the sheet half empty is drawn larger, everything by
 * one factor up to 2: a journey of one sheet in as many rows (up to the
 * paper's) and as large as it can be without cutting more text than in the
 * fewest rows at scale 1 (layout_scale), a longer one as large as its fullest sheet allows.
 * A sheet whose rows are short has wider cards (layout_card_width), and the
 * room still left goes to the lanes (layout_stretch).
 *
 * The picture is a whole number of sheets ("pages") tall, each page's rows
 * within it, so the tall SVG can be cut, or printed, page by page, and the
 * HTML export shows each page as its own picture. --paper fit is one sheet
 * with one row as long as the journey, as high as it needs.
 */

/* The levels, most generous first. */
const svg_caps svg_levels[SVG_LEVELS] = {
	{ 2, 3, 5, 2, 2, 2, 4, 10, 5 }, { 2, 2, 4, 2, 2, 2, 3, 8, 4 }, { 2, 2, 3, 1, 2, 2, 2, 6, 3 },
	{ 1, 2, 3, 1, 2, 2, 2, 5, 2 },  { 1, 1, 3, 1, 2, 1, 2, 4, 2 }, { 1, 1, 2, 1, 1, 1, 2, 3, 2 },
	{ 1, 0, 2, 1, 1, 1, 1, 2, 1 },
};

/* The sizes at scale 1. */
#define BASE_MARGIN 10.0
#define BASE_GUTTER_MIN 12.0
#define BASE_CARD_FIT 36.0 /* a card's width on --paper fit */
#define BASE_COL_GAP 3.0
#define BASE_LANE_GAP 1.2
#define BASE_ROW_GAP 4.0
#define BASE_PAD 1.8
#define BASE_FOOTER 5.0
#define BASE_EMOTION_STEP 2.1
#define MAX_SCALE 2.0

/* The paper's size, columns per row and rows per sheet. */
static void layout_paper(svg_metrics *m, cjm_paper paper)
{
	switch (paper) {
	case CJM_PAPER_A4: m->width = 297, m->height = 210, m->columns = 7, m->rows = 1; break;
	case CJM_PAPER_A2: m->width = 594, m->height = 420, m->columns = 14, m->rows = 3; break;
	case CJM_PAPER_FIT: m->width = 297, m->height = 210, m->columns = 1, m->rows = 1, m->fit = true; break;
	case CJM_PAPER_A3:
	default: m->width = 420, m->height = 297, m->columns = 10, m->rows = 2; break;
	}
	m->margin = BASE_MARGIN;
}

/* The sizes at scale S; LANG names the lane labels, whose width sets the gutter. */
static void layout_metrics(svg_metrics *m, double s, const char *lang)
{
	m->scale = s;
	m->gutter = BASE_GUTTER_MIN * s;
	m->col_gap = BASE_COL_GAP * s;
	m->lane_gap = BASE_LANE_GAP * s;
	m->row_gap = BASE_ROW_GAP * s;
	m->pad = BASE_PAD * s;
	m->footer = m->fit ? 0 : BASE_FOOTER;
	m->emotion_step = BASE_EMOTION_STEP * s;
	m->emotion_h = 6 * m->emotion_step + 2 * SVG_EMOTION_PAD * s;
	m->line = 1.25;
	m->title = (svg_font){ 6.5 * s, true };
	m->persona = (svg_font){ 3.2 * s, false };
	m->persona_b = (svg_font){ 3.2 * s, true };
	m->band = (svg_font){ 3.4 * s, true };
	m->band_desc = (svg_font){ 2.6 * s, false };
	m->name = (svg_font){ 3.1 * s, true };
	m->meta = (svg_font){ 2.6 * s, false };
	m->flag = (svg_font){ SVG_MIN_TEXT * s, true };
	m->item = (svg_font){ 2.7 * s, false };
	m->quote = (svg_font){ 2.7 * s, false };
	m->action = (svg_font){ 2.6 * s, false };
	m->more = (svg_font){ SVG_MIN_TEXT * s, false };
	m->label = (svg_font){ 2.7 * s, true };
	m->value = (svg_font){ SVG_MIN_TEXT * s, true };
	m->scale_f = (svg_font){ SVG_MIN_TEXT * s, false };
	m->footer_f = (svg_font){ SVG_MIN_TEXT, false };
	m->chip = (svg_font){ 5.0 * s, true };
	m->chip_label = (svg_font){ SVG_MIN_TEXT * s, false };
	m->legend = (svg_font){ 2.6 * s, false };
	m->cont = (svg_font){ SVG_MIN_TEXT * s, true };
	/* the gutter holds the widest lane label, and the emotion scale beside the lane */
	const char *labels[5] = { LC_(lang, "export", "Phase"), LC_(lang, "export", "Touchpoint"),
				  LC_(lang, "export", "Emotion"), LC_(lang, "export", "Pains"),
				  LC_(lang, "export", "Ideas") };
	for (int i = 0; i < 5; i++) {
		double w = svg_text_width(labels[i], strlen(labels[i]), m->label) + 2.0 * s;
		if (i == 2) /* the scale's "−3" beside the emotion lane's label */
			w += svg_text_width("\xE2\x88\x92" "3", 4, m->scale_f) + 2.0 * s;
		if (w > m->gutter)
			m->gutter = w;
	}
	if (m->fit) {
		m->card_base = BASE_CARD_FIT * s;
	} else {
		/* the columns of a full row fill the width at scale 1 */
		double avail = m->width - 2 * m->margin - m->gutter / s;
		m->card_base = s * (avail - BASE_COL_GAP * (double)(m->columns - 1)) / (double)m->columns;
	}
	m->card_w = m->card_base;
}

/* A page whose longest row is short has wider cards (when svg->widen), so its
 * rows fill the width, up to 1.6 times a full row's: sets m.card_w for rows R0..R1. */
static void layout_card_width(cjm_svg *svg, size_t r0, size_t r1)
{
	svg_metrics *m = &svg->m;
	m->card_w = m->card_base;
	if (!svg->widen || m->fit)
		return;
	size_t k = 1;
	for (size_t r = r0; r < r1; r++)
		if (svg->rows[r].count > k)
			k = svg->rows[r].count;
	double avail = m->width - 2 * m->margin - m->gutter;
	double w = (avail - m->col_gap * (double)(k - 1)) / (double)k;
	if (w > 1.6 * m->card_base)
		w = 1.6 * m->card_base;
	if (w > m->card_base)
		m->card_w = w;
}

double svg_lh(const svg_metrics *m, svg_font font)
{
	return font.size * m->line;
}

double svg_col_x(const cjm_svg *svg, size_t i)
{
	return svg->m.margin + svg->m.gutter + (double)i * (svg->m.card_w + svg->m.col_gap);
}

double svg_row_card_y(const cjm_svg *svg, const svg_row *row)
{
	return row->y + row->band_h + svg->m.lane_gap;
}

double svg_row_emotion_y(const cjm_svg *svg, const svg_row *row)
{
	return svg_row_card_y(svg, row) + row->card_h + svg->m.lane_gap;
}

double svg_row_pains_y(const cjm_svg *svg, const svg_row *row)
{
	return svg_row_emotion_y(svg, row) + svg->m.emotion_h + svg->m.lane_gap;
}

double svg_row_ideas_y(const cjm_svg *svg, const svg_row *row)
{
	return svg_row_pains_y(svg, row) + row->pains_h + svg->m.lane_gap;
}

double svg_row_bottom(const cjm_svg *svg, const svg_row *row)
{
	return svg_row_ideas_y(svg, row) + row->ideas_h;
}

double svg_header_width(const cjm_svg *svg)
{
	double full = svg->m.width - 2 * svg->m.margin;
	return svg->m.fit && full > 420 - 2 * svg->m.margin ? 420 - 2 * svg->m.margin : full;
}

/* The top and bottom of the space for rows on page PAGE. */
static double layout_page_top(const cjm_svg *svg, size_t page)
{
	return (double)page * svg->m.height + svg->m.margin + (page == 0 ? svg->header_h : 0);
}

static double layout_page_bottom(const cjm_svg *svg, size_t page)
{
	return (double)(page + 1) * svg->m.height - svg->m.margin - svg->m.footer;
}

double svg_page_content_bottom(const cjm_svg *svg, size_t page)
{
	double bottom = layout_page_top(svg, page);
	for (size_t r = svg->page_rows[page]; r < svg->page_rows[page + 1]; r++) {
		double b = svg_row_bottom(svg, &svg->rows[r]);
		if (b > bottom)
			bottom = b;
	}
	return bottom;
}

/* One column per touchpoint, one per phase without touchpoints. */
static void layout_columns(cjm_svg *svg)
{
	const cjm_map *map = svg->map;
	size_t n = 0;
	for (size_t p = 0; p < map->phase_count; p++)
		n += map->phases[p]->touchpoint_count ? map->phases[p]->touchpoint_count : 1;
	svg->cols = n ? xcalloc(n, sizeof *svg->cols) : NULL;
	size_t flat = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		size_t count = map->phases[p]->touchpoint_count;
		if (count == 0)
			svg->cols[svg->col_count++] = (svg_column){ p, SVG_NONE };
		for (size_t i = 0; i < count; i++)
			svg->cols[svg->col_count++] = (svg_column){ p, flat++ };
	}
}

/* Appends the row of columns FIRST..FIRST+COUNT on PAGE. */
static void layout_add_row(cjm_svg *svg, size_t *cap, size_t first, size_t count, size_t page)
{
	if (svg->row_count == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		svg->rows = xrealloc(svg->rows, *cap * sizeof *svg->rows);
	}
	svg->rows[svg->row_count++] = (svg_row){ .first = first, .count = count, .page = page };
}

/* True when a phase ends before column C. */
static bool layout_phase_ends(const cjm_svg *svg, size_t c)
{
	return svg->cols[c].phase != svg->cols[c - 1].phase;
}

/* Splits the columns A..B of one sheet into as few rows as hold them (or WANT
 * when more), shared evenly, a break at the end of a phase when one is near
 * the even split. */
static void layout_sheet_rows(cjm_svg *svg, size_t *cap, size_t a, size_t b, size_t page, size_t want)
{
	size_t per_row = svg->m.fit ? (b - a > 0 ? b - a : 1) : svg->m.columns;
	size_t n = b - a, rows = (n + per_row - 1) / per_row, pos = a;
	if (want > rows && want <= n)
		rows = want;
	size_t window = per_row / 3 ? per_row / 3 : 1;
	for (size_t i = 1; i < rows; i++) {
		size_t ideal = a + (n * i + rows / 2) / rows;
		size_t lo = b - pos > (rows - i) * per_row ? b - (rows - i) * per_row : pos + 1;
		size_t hi = pos + per_row < b - 1 ? pos + per_row : b - 1;
		size_t q = ideal < lo ? lo : ideal > hi ? hi : ideal;
		for (size_t d = 0; d <= window; d++) {
			if (ideal >= d && ideal - d >= lo && ideal - d <= hi && layout_phase_ends(svg, ideal - d)) {
				q = ideal - d;
				break;
			}
			if (ideal + d >= lo && ideal + d <= hi && layout_phase_ends(svg, ideal + d)) {
				q = ideal + d;
				break;
			}
		}
		layout_add_row(svg, cap, pos, q - pos, page);
		pos = q;
	}
	if (b > pos)
		layout_add_row(svg, cap, pos, b - pos, page);
}

/* Splits the columns into sheets and rows (see the comment at the top); a
 * journey of one sheet takes WANT rows when that is more than it needs. */
static void layout_rows(cjm_svg *svg, size_t want)
{
	size_t cap = 0, page = 0, first = 0;
	size_t sheet = svg->m.fit ? (svg->col_count ? svg->col_count : 1) : svg->m.columns * svg->m.rows;
	for (size_t c = 0; c < svg->col_count;) {
		size_t phase = svg->cols[c].phase, n = 0;
		while (c + n < svg->col_count && svg->cols[c + n].phase == phase)
			n++;
		if (c > first && c - first + n > sheet) {
			layout_sheet_rows(svg, &cap, first, c, page++, 0);
			first = c;
		}
		/* a phase longer than a sheet fills sheets of its own */
		while (c + n - first > sheet) {
			layout_sheet_rows(svg, &cap, first, first + sheet, page++, 0);
			first += sheet;
		}
		c += n;
	}
	if (svg->col_count > first)
		layout_sheet_rows(svg, &cap, first, svg->col_count, page, page == 0 ? want : 0);
}

/* The heights of ROW's lanes, from its parts' own measures. */
static void layout_measure_row(cjm_svg *svg, svg_row *row)
{
	row->band_h = row->card_h = row->pains_h = row->ideas_h = 0;
	for (size_t i = 0; i < row->count;) {
		size_t c = row->first + i, span = 1;
		size_t phase = svg->cols[c].phase;
		while (i + span < row->count && svg->cols[c + span].phase == phase)
			span++;
		bool continued = c > 0 && svg->cols[c - 1].phase == phase;
		double h = svg_part_band(svg, phase, i, span, continued, 0, 0, NULL);
		if (h > row->band_h)
			row->band_h = h;
		i += span;
	}
	for (size_t i = 0; i < row->count; i++) {
		const svg_column *col = &svg->cols[row->first + i];
		double h = svg_part_card(svg, col, 0, 0, 0, NULL);
		if (h > row->card_h)
			row->card_h = h;
		const cjm_touchpoint *tp = col->flat == SVG_NONE ? NULL : svg->fig->tps[col->flat].tp;
		static const cjm_strlist none = { 0 };
		h = svg_part_cell(svg, tp ? &tp->pains : &none, true, 0, 0, 0, NULL);
		if (h > row->pains_h)
			row->pains_h = h;
		h = svg_part_cell(svg, tp ? &tp->ideas : &none, false, 0, 0, 0, NULL);
		if (h > row->ideas_h)
			row->ideas_h = h;
	}
}

/* Measures rows R0..R1 at LEVEL and places them on PAGE, one under the other;
 * true when they fit the page. */
static bool layout_place_at(cjm_svg *svg, size_t r0, size_t r1, size_t page, size_t level)
{
	svg->caps = &svg_levels[level];
	layout_card_width(svg, r0, r1);
	double y = layout_page_top(svg, page);
	for (size_t r = r0; r < r1; r++) {
		svg_row *row = &svg->rows[r];
		row->page = page;
		row->y = 0;
		layout_measure_row(svg, row);
		row->y = y;
		y = svg_row_bottom(svg, row) + svg->m.row_gap;
	}
	return svg->m.fit || r1 == r0 || y - svg->m.row_gap <= layout_page_bottom(svg, page) + 1e-6;
}

static void layout_set_level(cjm_svg *svg, size_t page, size_t level, size_t *cap)
{
	if (page >= *cap) {
		size_t old = *cap;
		*cap = page + 1 > 2 * old ? page + 1 : 2 * old;
		svg->page_level = xrealloc(svg->page_level, *cap);
		memset(svg->page_level + old, 0, *cap - old);
	}
	svg->page_level[page] = (unsigned char)level;
}

/* Places rows R0..R1 on PAGE at the most generous level that fits; when none
 * does, the last row goes on a page of its own. Returns the next page. */
static size_t layout_place(cjm_svg *svg, size_t r0, size_t r1, size_t page, size_t *cap)
{
	/* start from the page before's level, which sheets of one map mostly share:
	 * two or three measures a page rather than up to SVG_LEVELS */
	size_t start = page > 0 && page - 1 < *cap ? svg->page_level[page - 1] : 0, level = start;
	if (layout_place_at(svg, r0, r1, page, level)) {
		/* the rows as they fit, kept while a more generous level is tried */
		svg_row kept[4];
		size_t n = r1 - r0;
		for (;;) {
			if (n <= 4)
				memcpy(kept, &svg->rows[r0], n * sizeof *kept);
			if (level == 0 || !layout_place_at(svg, r0, r1, page, level - 1))
				break;
			level--;
		}
		if (level > 0) { /* the last try did not fit: back to the rows that did */
			if (n <= 4)
				memcpy(&svg->rows[r0], kept, n * sizeof *kept);
			else
				layout_place_at(svg, r0, r1, page, level);
			svg->caps = &svg_levels[level];
		}
		layout_set_level(svg, page, level, cap);
		return page + 1;
	}
	while (++level < SVG_LEVELS) {
		if (layout_place_at(svg, r0, r1, page, level)) {
			layout_set_level(svg, page, level, cap);
			return page + 1;
		}
	}
	if (r1 - r0 < 2 && page == 0 && svg->row_count > 0 && !svg->m.fit) {
		/* under the first sheet's header there is no room for the row: the
		 * header keeps the sheet to itself, the row takes the next */
		layout_set_level(svg, page, 0, cap);
		return layout_place(svg, r0, r1, page + 1, cap);
	}
	if (r1 - r0 < 2) { /* a single row taller than a sheet: as tight as it gets */
		layout_set_level(svg, page, SVG_LEVELS - 1, cap);
		return page + 1;
	}
	size_t next = layout_place(svg, r0, r1 - 1, page, cap);
	return layout_place(svg, r1 - 1, r1, next, cap);
}

/* Places every sheet's rows (sheets may be renumbered when one's rows do not fit). */
static void layout_pages(cjm_svg *svg)
{
	size_t cap = 0, page = 0;
	free(svg->page_level);
	svg->page_level = NULL;
	for (size_t r = 0; r < svg->row_count;) {
		size_t end = r, sheet = svg->rows[r].page;
		while (end < svg->row_count && svg->rows[end].page == sheet)
			end++;
		page = layout_place(svg, r, end, page, &cap);
		r = end;
	}
	if (page == 0)
		layout_set_level(svg, page++, 0, &cap);
	svg->pages = page;
	free(svg->page_rows);
	svg->page_rows = xcalloc(svg->pages + 1, sizeof *svg->page_rows);
	size_t r = 0;
	for (size_t p = 0; p <= svg->pages; p++) {
		while (r < svg->row_count && svg->rows[r].page < p)
			r++;
		svg->page_rows[p] = r;
	}
}

/* Measures every page's rows again at its level (after the scale changed);
 * true when they all still fit. */
static bool layout_remeasure(cjm_svg *svg)
{
	bool fits = true;
	for (size_t p = 0; p < svg->pages; p++)
		fits &= layout_place_at(svg, svg->page_rows[p], svg->page_rows[p + 1], p, svg->page_level[p]);
	return fits;
}

/* How much larger the picture can be drawn: the share of the sheet's width and
 * height that the fullest sheet leaves, at most MAX_SCALE, at least 1. */
static double layout_room(const cjm_svg *svg)
{
	const svg_metrics *m = &svg->m;
	double used_w = 0, used_h = 0;
	for (size_t p = 0; p < svg->pages; p++) {
		double top = (double)p * m->height + m->margin;
		double h = svg_page_content_bottom(svg, p) - top;
		if (h > used_h)
			used_h = h;
	}
	for (size_t r = 0; r < svg->row_count; r++) {
		double w = svg_col_x(svg, svg->rows[r].count - 1) + m->card_w - m->margin;
		if (w > used_w)
			used_w = w;
	}
	if (used_w <= 0 || used_h <= 0)
		return 1;
	double room_w = (m->width - 2 * m->margin) / used_w, room_h = (m->height - 2 * m->margin - m->footer) / used_h;
	double room = room_w < room_h ? room_w : room_h;
	return room > MAX_SCALE ? MAX_SCALE : room < 1 ? 1 : room;
}

/* Measures every page at scale S at the most generous level that fits; true
 * when every page fits, *CUTS the texts then cut short. */
static bool layout_at_scale(cjm_svg *svg, double s, size_t *cuts)
{
	layout_metrics(&svg->m, s, svg->map->language);
	svg->header_h = svg_part_header(svg, NULL);
	*cuts = 0;
	for (size_t p = 0; p < svg->pages; p++) {
		size_t level = 0;
		for (; level < SVG_LEVELS; level++) {
			svg->cuts = 0;
			if (layout_place_at(svg, svg->page_rows[p], svg->page_rows[p + 1], p, level))
				break;
		}
		if (level == SVG_LEVELS)
			return false;
		svg->page_level[p] = (unsigned char)level;
		*cuts += svg->cuts;
	}
	return true;
}

/*
 * Draws the picture larger when it leaves room (see the top), keeping each
 * page's rows. A journey of one sheet is drawn as large as it can be without
 * cutting more text than at scale 1 (a larger scale may take a tighter level
 * when the text still fits); a longer one keeps its levels, as large as the
 * fullest sheet allows. Returns the scale.
 */
static double layout_scale(cjm_svg *svg, size_t *cut)
{
	*cut = 0;
	/* a comparison sets both maps' figures side by side in the header, each
	 * in half its width: drawn larger, they would no longer take a line each */
	if (svg->m.fit || svg->cmp)
		return 1;
	double room = layout_room(svg);
	if (svg->pages == 1) {
		size_t base = 0, cuts = 0;
		layout_at_scale(svg, 1, &base);
		*cut = base;
		if (room <= 1.05)
			return 1;
		/* the width allows ROOM_W at any level */
		double room_w = 0;
		for (size_t r = 0; r < svg->row_count; r++) {
			double w = svg_col_x(svg, svg->rows[r].count - 1) + svg->m.card_w - svg->m.margin;
			if (w > room_w)
				room_w = w;
		}
		room_w = (svg->m.width - 2 * svg->m.margin) / room_w;
		for (double s = room_w < MAX_SCALE ? room_w : MAX_SCALE; s > 1.05; s -= 0.05)
			if (layout_at_scale(svg, s, &cuts) && cuts <= base)
				return s;
		layout_at_scale(svg, 1, &cuts);
		return 1;
	}
	double s = room;
	while (s > 1.05) {
		layout_metrics(&svg->m, s, svg->map->language);
		svg->header_h = svg_part_header(svg, NULL);
		if (layout_remeasure(svg))
			return s;
		s = 1 + (s - 1) * 0.8;
	}
	layout_metrics(&svg->m, 1, svg->map->language);
	svg->header_h = svg_part_header(svg, NULL);
	layout_remeasure(svg);
	return 1;
}

/* Lays the columns out in rows, sheets and a scale, the journey's one sheet in
 * WANT rows when that is more than it needs; returns the scale, and in *CUT
 * the texts cut short on a journey of one sheet. */
static double layout_all(cjm_svg *svg, size_t want, size_t *cut)
{
	svg->row_count = 0;
	layout_metrics(&svg->m, 1, svg->map->language);
	svg->header_h = svg_part_header(svg, NULL);
	layout_rows(svg, want);
	layout_pages(svg);
	return layout_scale(svg, cut);
}

/* Widens the cards of pages with short rows (layout_card_width), which may
 * let a page take a more generous level; records each page's card width. */
static void layout_widen(cjm_svg *svg)
{
	svg->widen = true;
	svg->page_card_w = xcalloc(svg->pages, sizeof *svg->page_card_w);
	for (size_t p = 0; p < svg->pages; p++) {
		size_t r0 = svg->page_rows[p], r1 = svg->page_rows[p + 1], level = 0;
		layout_card_width(svg, r0, r1);
		svg->page_card_w[p] = svg->m.card_w;
		if (svg->m.card_w == svg->m.card_base) /* full rows: nothing changes */
			continue;
		while (level < svg->page_level[p] && !layout_place_at(svg, r0, r1, p, level))
			level++;
		if (level == svg->page_level[p])
			layout_place_at(svg, r0, r1, p, level);
		svg->page_level[p] = (unsigned char)level;
	}
}

/* Puts the rows of PAGE one under the other again, at their current heights. */
static void layout_restack(cjm_svg *svg, size_t page)
{
	double y = layout_page_top(svg, page);
	for (size_t r = svg->page_rows[page]; r < svg->page_rows[page + 1]; r++) {
		svg->rows[r].y = y;
		y = svg_row_bottom(svg, &svg->rows[r]) + svg->m.row_gap;
	}
}

/* The height left under the rows of PAGE, per row (0 for a page without rows). */
static double layout_spare(const cjm_svg *svg, size_t page)
{
	size_t rows = svg->page_rows[page + 1] - svg->page_rows[page];
	if (rows == 0)
		return 0;
	double spare = layout_page_bottom(svg, page) - svg_page_content_bottom(svg, page);
	return spare > 0 ? spare / (double)rows : 0;
}

/*
 * What room the sheets still leave goes to the lanes, up to a limit, so the
 * sheet is used rather than left blank at the bottom: first to the emotion
 * lane (the same on every sheet, as far as the fullest sheet allows; a taller
 * curve reads from further away), then on each sheet to its pains and ideas
 * cells (room for notes stuck on in a workshop), each row at most 40% taller.
 */
static void layout_stretch(cjm_svg *svg)
{
	svg_metrics *m = &svg->m;
	if (m->fit || svg->row_count == 0)
		return;
	double spare = -1;
	for (size_t p = 0; p < svg->pages; p++) {
		double left = layout_spare(svg, p);
		if (svg->page_rows[p + 1] > svg->page_rows[p] && (spare < 0 || left < spare))
			spare = left;
	}
	double grow = spare * 0.4 / 6, most = m->emotion_step * 0.8;
	if (grow > most)
		grow = most;
	if (grow > 0.05) {
		m->emotion_step += grow;
		m->emotion_h += 6 * grow;
		for (size_t p = 0; p < svg->pages; p++)
			layout_restack(svg, p);
	}
	for (size_t p = 0; p < svg->pages; p++) {
		double left = layout_spare(svg, p);
		for (size_t r = svg->page_rows[p]; r < svg->page_rows[p + 1]; r++) {
			svg_row *row = &svg->rows[r];
			double limit = 0.4 * (svg_row_bottom(svg, row) - row->y), add = left < limit ? left : limit;
			row->pains_h += add / 2;
			row->ideas_h += add / 2;
		}
		layout_restack(svg, p);
	}
}

/* --paper fit: the sheet as wide as the row and as high as the content. */
static void layout_fit(cjm_svg *svg)
{
	svg_metrics *m = &svg->m;
	if (!m->fit)
		return;
	double w = svg->row_count ? svg_col_x(svg, svg->rows[0].count - 1) + m->card_w + m->margin : 0;
	if (w < 420) /* the header's width */
		w = 420;
	m->width = w;
	m->height = 1e9; /* measured against nothing below */
	m->height = svg_page_content_bottom(svg, 0) + m->margin;
	if (svg->col_count == 0)
		m->height += 10;
}

cjm_svg *cjm_svg_new(const cjm_map *map, const cjm_figures *figures, cjm_paper paper)
{
	return cjm_svg_new_compare(map, figures, paper, NULL, NULL, NULL);
}

cjm_svg *cjm_svg_new_compare(const cjm_map *map, const cjm_figures *figures, cjm_paper paper,
			     const cjm_compare *cmp, const char *here_name, const char *there_name)
{
	cjm_svg *svg = xcalloc(1, sizeof *svg);
	svg->map = map;
	svg->fig = figures;
	svg->cmp = cmp;
	svg->here_name = here_name;
	svg->there_name = there_name;
	svg->votes = cjm_map_has_votes(map);
	svg->caps = &svg_levels[0];
	layout_paper(&svg->m, paper);
	layout_metrics(&svg->m, 1, map->language);
	svg->paper_name = cjm_paper_name(paper);
	if (svg->m.fit)
		svg->m.width = 420; /* the header's width while measuring */
	layout_columns(svg);
	if (svg->m.fit)
		svg->m.height = 1e9;
	/* a journey of one sheet that is not full: in more rows when that draws it larger */
	size_t best = 0, cut = 0, least = 0;
	double scale = layout_all(svg, 0, &least);
	if (!svg->m.fit && svg->pages == 1 && svg->row_count > 0) {
		for (size_t want = svg->row_count + 1; want <= svg->m.rows; want++) {
			double s = layout_all(svg, want, &cut);
			if (svg->pages == 1 && s > scale * 1.02 && cut <= least) {
				scale = s;
				best = want;
			}
		}
		layout_all(svg, best, &cut);
	}
	layout_widen(svg);
	layout_stretch(svg);
	layout_fit(svg);
	return svg;
}

void cjm_svg_free(cjm_svg *svg)
{
	if (!svg)
		return;
	free(svg->cols);
	free(svg->rows);
	free(svg->page_rows);
	free(svg->page_level);
	free(svg->page_card_w);
	strbuf_release(&svg->scratch);
	free(svg);
}

size_t cjm_svg_page_count(const cjm_svg *svg)
{
	return svg->pages;
}

double cjm_svg_paper_width(const cjm_svg *svg)
{
	return svg->m.width;
}

double cjm_svg_paper_height(const cjm_svg *svg)
{
	return svg->m.height;
}
