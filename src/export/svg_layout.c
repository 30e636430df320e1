/* The layout of the SVG picture: sizes per paper, columns, rows of columns, and pages. */
#include <stdlib.h>

#include "export/svg_internal.h"
#include "util/xalloc.h"

/*
 * Layout, in millimetres on a landscape sheet:
 *
 *   +-- margin -------------------------------------------------------+
 *   | title, persona, brand values          [mean] [peak] [end] [p-e] |  first page only
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
 * Cards have a fixed width per paper: as many columns as fit the sheet's
 * width make a row, and the map wraps onto further rows rather than shrinking.
 * A phase that fits in a row is never split: it starts a new row when it does
 * not fit in what is left of the current one; a longer phase fills rows and
 * goes on ("continued"). A phase without touchpoints takes one column with a
 * placeholder card. Each lane of a row is as tall as its tallest cell; every
 * cell is capped (see svg_row.c and svg_header.c), so a row has a bounded height.
 *
 * The picture is a whole number of sheets ("pages") tall. A row never crosses
 * from one page to the next: a row that does not fit in what is left of a
 * page starts the next page. So the tall SVG can be cut, or printed, page by
 * page, and the HTML export shows each page as its own picture.
 */

/* The base sizes (A3); A4 and A2 scale them. */
#define BASE_MARGIN 12.0
#define BASE_GUTTER 17.0
#define BASE_CARD_W 34.0
#define BASE_COL_GAP 4.0
#define BASE_LANE_GAP 2.0
#define BASE_ROW_GAP 9.0
#define BASE_PAD 2.2
#define BASE_FOOTER 6.0
#define BASE_EMOTION_STEP 3.0

static void layout_metrics(svg_metrics *m, cjm_paper paper)
{
	double s;
	switch (paper) {
	case CJM_PAPER_A4: m->width = 297, m->height = 210, s = 0.85; break;
	case CJM_PAPER_A2: m->width = 594, m->height = 420, s = 1.2; break;
	case CJM_PAPER_A3:
	default: m->width = 420, m->height = 297, s = 1.0; break;
	}
	m->scale = s;
	m->margin = BASE_MARGIN * s;
	m->gutter = BASE_GUTTER * s;
	m->col_gap = BASE_COL_GAP * s;
	m->lane_gap = BASE_LANE_GAP * s;
	m->row_gap = BASE_ROW_GAP * s;
	m->pad = BASE_PAD * s;
	m->footer = BASE_FOOTER * s;
	m->emotion_step = BASE_EMOTION_STEP * s;
	m->emotion_h = 6 * m->emotion_step + 2 * SVG_EMOTION_PAD * s;
	m->line = 1.3;
	double avail = m->width - 2 * m->margin - m->gutter;
	double pitch = BASE_CARD_W * s + m->col_gap;
	size_t cols = (size_t)((avail + m->col_gap) / pitch);
	m->columns = cols < 1 ? 1 : cols;
	/* the columns fill the width */
	m->card_w = (avail - m->col_gap * (double)(m->columns - 1)) / (double)m->columns;
	m->title = (svg_font){ 7.0 * s, true };
	m->persona = (svg_font){ 3.0 * s, false };
	m->persona_b = (svg_font){ 3.0 * s, true };
	m->band = (svg_font){ 3.2 * s, true };
	m->band_desc = (svg_font){ 2.4 * s, false };
	m->name = (svg_font){ 2.9 * s, true };
	m->meta = (svg_font){ 2.4 * s, false };
	m->flag = (svg_font){ 2.0 * s, true };
	m->item = (svg_font){ 2.4 * s, false };
	m->more = (svg_font){ 2.2 * s, false };
	m->label = (svg_font){ 2.4 * s, true };
	m->value = (svg_font){ 2.3 * s, true };
	m->scale_f = (svg_font){ 2.0 * s, false };
	m->footer_f = (svg_font){ 2.2 * s, false };
	m->chip = (svg_font){ 5.0 * s, true };
	m->chip_label = (svg_font){ 2.1 * s, false };
	m->legend = (svg_font){ 2.3 * s, false };
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

double svg_page_content_bottom(const cjm_svg *svg, size_t page)
{
	double bottom = (double)page * svg->m.height + svg->m.margin + (page == 0 ? svg->header_h : 0);
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

static svg_row *layout_new_row(cjm_svg *svg, size_t *cap, size_t first)
{
	if (svg->row_count == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		svg->rows = xrealloc(svg->rows, *cap * sizeof *svg->rows);
	}
	svg_row *row = &svg->rows[svg->row_count++];
	*row = (svg_row){ .first = first };
	return row;
}

/* Splits the columns into rows (see the comment at the top). */
static void layout_rows(cjm_svg *svg)
{
	size_t cap = 0, per_row = svg->m.columns;
	svg_row *row = NULL;
	for (size_t c = 0; c < svg->col_count;) {
		size_t phase = svg->cols[c].phase, n = 0;
		while (c + n < svg->col_count && svg->cols[c + n].phase == phase)
			n++;
		if (!row || (row->count > 0 && n <= per_row && row->count + n > per_row))
			row = layout_new_row(svg, &cap, c);
		for (size_t i = 0; i < n; i++) {
			if (row->count == per_row)
				row = layout_new_row(svg, &cap, c + i);
			row->count++;
		}
		c += n;
	}
}

/* The heights of ROW's lanes, from its parts' own measures. */
static void layout_measure_row(cjm_svg *svg, svg_row *row)
{
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

/* The top and bottom of the space for rows on page PAGE. */
static double layout_page_top(const cjm_svg *svg, size_t page)
{
	return (double)page * svg->m.height + svg->m.margin + (page == 0 ? svg->header_h : 0);
}

static double layout_page_bottom(const cjm_svg *svg, size_t page)
{
	return (double)(page + 1) * svg->m.height - svg->m.margin - svg->m.footer;
}

/* Measures every row and places it on a page. */
static void layout_pages(cjm_svg *svg)
{
	size_t page = 0;
	double y = layout_page_top(svg, 0);
	bool page_empty = true;
	for (size_t r = 0; r < svg->row_count; r++) {
		svg_row *row = &svg->rows[r];
		layout_measure_row(svg, row);
		row->y = 0;
		double h = svg_row_bottom(svg, row);
		if (!page_empty && y + h > layout_page_bottom(svg, page)) {
			page++;
			y = layout_page_top(svg, page);
		}
		row->y = y;
		row->page = page;
		page_empty = false;
		y += h;
		/* a row taller than a page runs on over the next ones; the next row follows it */
		while (y > layout_page_bottom(svg, page))
			page++;
		if (y < layout_page_top(svg, page))
			y = layout_page_top(svg, page);
		y += svg->m.row_gap;
	}
	svg->pages = page + 1;
	svg->page_rows = xcalloc(svg->pages + 1, sizeof *svg->page_rows);
	size_t r = 0;
	for (size_t p = 0; p <= svg->pages; p++) {
		while (r < svg->row_count && svg->rows[r].page < p)
			r++;
		svg->page_rows[p] = r;
	}
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
	layout_metrics(&svg->m, paper);
	svg->paper_name = paper == CJM_PAPER_A4 ? "A4" : paper == CJM_PAPER_A2 ? "A2" : "A3";
	svg->header_h = svg_part_header(svg, NULL);
	layout_columns(svg);
	layout_rows(svg);
	layout_pages(svg);
	return svg;
}

void cjm_svg_free(cjm_svg *svg)
{
	if (!svg)
		return;
	free(svg->cols);
	free(svg->rows);
	free(svg->page_rows);
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
