/* Unit tests for the SVG export: escaping, paper sizes, rows and sheets, fit, clipping, line breaks, quotes, empty and unscored maps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/figures.h"
#include "model/map.h"
#include "export/export.h"
#include "export/svg.h"
#include "export/svg_internal.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "fixture.h"

/* Names with every character XML cares about, emoji and Dutch accents. */
static cjm_map *tricky(void)
{
	cjm_map *map = cjm_map_new("Tricky: names & <tags> \"quoted\" #1; it's \xF0\x9F\x9A\x97 caf\xC3\xA9");
	map->persona_name = xstrdup("Zo\xC3\xAB \"Z\" O'Brien");
	map->has_persona = true;
	cjm_phase *a = add_phase(map, "a", "Ori\xC3\xABntatie & <keuze>");
	add_phase(map, "empty", "Leeg; nothing here");
	cjm_phase *b = add_phase(map, "b", "\xF0\x9F\x9A\x97 Ophalen");
	cjm_touchpoint *t = add_tp(a, "call", "Call: the claims line", -3);
	t->owner = xstrdup("R&D <team>");
	t->channel = xstrdup("phone; fax");
	t->moment_of_truth = CJM_TRUE;
	cjm_strlist_push(&t->pains, "Wait: 40 min # really");
	cjm_strlist_push(&t->ideas, "Call back <at> a set time & by name");
	add_tp(a, "cafe", "Caf\xC3\xA9 cr\xC3\xA8me \xE2\x98\x95", 0);
	t = add_tp(b, "quote", "Sleutel \"overhandigd\" \xE2\x80\x94 'eindelijk'", 2);
	t->brand_moment = CJM_TRUE;
	t->commitment = CJM_TRUE;
	t = add_tp(b, "hash", "#hashtag ; semicolon, comma", NO_EMOTION);
	t->visible = CJM_FALSE;
	return map;
}

/* A map of one phase with COUNT touchpoints. */
static cjm_map *wide(size_t count, bool scored)
{
	cjm_map *map = cjm_map_new("Wide");
	cjm_phase *p = add_phase(map, "p", "Everything");
	for (size_t i = 0; i < count; i++) {
		char id[32], name[32];
		snprintf(id, sizeof id, "t%zu", i);
		snprintf(name, sizeof name, "Touchpoint %zu", i);
		add_tp(p, id, name, scored ? (int)(i % 7) - 3 : NO_EMOTION);
	}
	return map;
}

static char *export_svg(const cjm_map *map, cjm_paper paper)
{
	cjm_export_options options = { .paper = paper };
	strbuf out = { 0 };
	cjm_export_svg(map, &options, &out);
	assert_non_null(out.data);
	return out.data;
}

static size_t count(const char *text, const char *needle)
{
	size_t n = 0, len = strlen(needle);
	for (const char *p = strstr(text, needle); p; p = strstr(p + len, needle))
		n++;
	return n;
}

/* The value of the root element's attribute NAME, as a number. */
static double root_attr(const char *svg, const char *name)
{
	const char *root = strstr(svg, "<svg ");
	assert_non_null(root);
	char key[32];
	snprintf(key, sizeof key, " %s=\"", name);
	const char *at = strstr(root, key);
	assert_non_null(at);
	assert_true(at < strchr(root, '>'));
	return strtod(at + strlen(key), NULL);
}

/* Every element's tags balance (a cheap check; xmllint does the full one in test_export_svg_html.sh). */
static void assert_balanced(const char *xml)
{
	long depth = 0;
	for (const char *p = strchr(xml, '<'); p; p = strchr(p + 1, '<')) {
		if (p[1] == '?' || p[1] == '!')
			continue;
		const char *end = strchr(p, '>');
		assert_non_null(end);
		if (p[1] == '/')
			depth--;
		else if (end[-1] != '/')
			depth++;
		assert_true(depth >= 0);
	}
	assert_int_equal(depth, 0);
}

static void test_names_escaped(void **state)
{
	(void)state;
	cjm_map *map = tricky();
	char *svg = export_svg(map, CJM_PAPER_A3);
	assert_balanced(svg);
	/* every touchpoint's whole name is the title of its card, escaped */
	assert_non_null(strstr(svg, "<title>Call: the claims line</title>"));
	assert_non_null(strstr(svg, "<title>Caf\xC3\xA9 cr\xC3\xA8me \xE2\x98\x95</title>"));
	assert_non_null(strstr(svg, "<title>Sleutel &quot;overhandigd&quot; \xE2\x80\x94 &#39;eindelijk&#39;</title>"));
	assert_non_null(strstr(svg, "<title>#hashtag ; semicolon, comma</title>"));
	assert_non_null(strstr(svg, "<title>Tricky: names &amp; &lt;tags&gt; &quot;quoted&quot; #1; it&#39;s "
				    "\xF0\x9F\x9A\x97 caf\xC3\xA9</title>"));
	assert_non_null(strstr(svg, "R&amp;D"));
	assert_non_null(strstr(svg, "Ori\xC3\xABntatie &amp; &lt;keuze&gt;"));
	assert_non_null(strstr(svg, "Zo\xC3\xAB &quot;Z&quot; O&#39;Brien"));
	/* nothing raw */
	assert_null(strstr(svg, "<tags>"));
	assert_null(strstr(svg, "<keuze>"));
	assert_null(strstr(svg, "<team>"));
	assert_null(strstr(svg, "<at>"));
	assert_null(strstr(svg, "R&D"));
	/* flags and the placeholder of the empty phase */
	assert_non_null(strstr(svg, ">Moment of truth</text>"));
	assert_non_null(strstr(svg, ">Brand moment</text>"));
	assert_non_null(strstr(svg, ">Commitment</text>"));
	assert_non_null(strstr(svg, ">Not visible</text>"));
	assert_non_null(strstr(svg, ">No touchpoints yet</text>"));
	assert_int_equal(count(svg, "class=\"cx\""), 1); /* the one invisible card is dashed */
	free(svg);
	cjm_map_free(map);
}

static void test_paper_sizes(void **state)
{
	(void)state;
	cjm_map *map = tricky();
	static const struct {
		cjm_paper paper;
		double w, h;
	} papers[] = { { CJM_PAPER_A4, 297, 210 }, { CJM_PAPER_A3, 420, 297 }, { CJM_PAPER_A2, 594, 420 } };
	for (size_t i = 0; i < 3; i++) {
		char *svg = export_svg(map, papers[i].paper);
		char expect[128];
		snprintf(expect, sizeof expect, "width=\"%gmm\" height=\"%gmm\" viewBox=\"0 0 %g %g\"", papers[i].w,
			 papers[i].h, papers[i].w, papers[i].h);
		assert_non_null(strstr(svg, expect));
		assert_null(strstr(svg, ">page ")); /* one page: no footer */
		free(svg);
	}
	/* the default is A3 */
	strbuf out = { 0 };
	cjm_export_svg(map, NULL, &out);
	assert_true(root_attr(out.data, "width") == 420);
	strbuf_release(&out);
	cjm_map_free(map);
}

/* A phase longer than a sheet fills rows of as many columns as the paper holds, and sheets. */
static void test_wide_map_wraps(void **state)
{
	(void)state;
	cjm_map *map = wide(50, true);
	static const struct {
		cjm_paper paper;
		double h;
		size_t cols, rows, pages;
	} papers[] = { { CJM_PAPER_A4, 210, 7, 1, 8 }, { CJM_PAPER_A3, 297, 10, 2, 3 }, { CJM_PAPER_A2, 420, 14, 3, 2 } };
	for (size_t i = 0; i < 3; i++) {
		cjm_figures *fig = cjm_figures_new(map);
		cjm_svg *layout = cjm_svg_new(map, fig, papers[i].paper);
		size_t cols = layout->m.columns, per_sheet = cols * layout->m.rows, rows = 0;
		assert_int_equal(cols, papers[i].cols);
		assert_int_equal(layout->m.rows, papers[i].rows);
		for (size_t left = 50; left > 0; left -= left < per_sheet ? left : per_sheet)
			rows += ((left < per_sheet ? left : per_sheet) + cols - 1) / cols;
		assert_int_equal(layout->row_count, rows);
		/* cards keep a readable size on every paper, no text under 7 pt */
		assert_true(layout->m.card_w >= 30);
		assert_true(layout->m.name.size >= 3.0);
		assert_true(layout->m.item.size >= 2.469);
		/* no row crosses a page's edge, and the rows go down the pages in order */
		for (size_t r = 0; r < layout->row_count; r++) {
			const svg_row *row = &layout->rows[r];
			double top = (double)row->page * papers[i].h, bottom = svg_row_bottom(layout, row);
			assert_true(row->y >= top);
			assert_true(bottom <= top + papers[i].h - layout->m.margin);
			if (r)
				assert_true(row->page >= layout->rows[r - 1].page);
		}
		size_t pages = cjm_svg_page_count(layout);
		assert_int_equal(pages, papers[i].pages);
		cjm_svg_free(layout);
		cjm_figures_free(fig);

		char *svg = export_svg(map, papers[i].paper);
		assert_balanced(svg);
		assert_true(root_attr(svg, "height") == papers[i].h * (double)pages);
		assert_int_equal(count(svg, ">Touchpoint</text>"), rows);         /* a lane label per row */
		assert_int_equal(count(svg, "(continued)"), rows - 1); /* the phase goes on */
		assert_int_equal(count(svg, "<g><title>Touchpoint "), 50);
		/* the curve goes on from sheet to sheet, marked at both ends */
		assert_int_equal(count(svg, ">\xE2\x86\x92 sheet "), pages - 1);
		assert_int_equal(count(svg, ">\xE2\x86\x90 sheet "), pages - 1);
		assert_non_null(strstr(svg, ">\xE2\x86\x92 sheet 2</text>"));
		assert_non_null(strstr(svg, ">\xE2\x86\x90 sheet 1</text>"));
		char footer[32];
		snprintf(footer, sizeof footer, ">page %zu of %zu</text>", pages, pages);
		assert_non_null(strstr(svg, footer));
		free(svg);
	}
	cjm_map_free(map);
}

/* A map of phases of SIZES touchpoints (N of them), each scored. */
static cjm_map *phased(const size_t *sizes, size_t n)
{
	cjm_map *map = cjm_map_new("Phased");
	for (size_t p = 0; p < n; p++) {
		char id[48], name[32];
		snprintf(id, sizeof id, "p%zu", p);
		snprintf(name, sizeof name, "Phase %zu", p);
		cjm_phase *phase = add_phase(map, id, name);
		for (size_t i = 0; i < sizes[p]; i++) {
			snprintf(id, sizeof id, "t%zu-%zu", p, i);
			add_tp(phase, id, id, (int)(i % 7) - 3);
		}
	}
	return map;
}

/* Sheets break only between phases; 20 touchpoints fit one A3, 40 one A2. */
static void test_sheets_by_phase(void **state)
{
	(void)state;
	static const size_t s20[] = { 4, 6, 3, 5, 2 }, s40[] = { 5, 8, 7, 6, 4, 3, 7 };
	static const struct {
		const size_t *sizes;
		size_t n;
		cjm_paper paper;
		size_t pages;
	} cases[] = { { s20, 5, CJM_PAPER_A3, 1 }, { s40, 7, CJM_PAPER_A2, 1 }, { s40, 7, CJM_PAPER_A3, 2 },
		      { s40, 7, CJM_PAPER_A4, 7 } };
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		cjm_map *map = phased(cases[c].sizes, cases[c].n);
		cjm_figures *fig = cjm_figures_new(map);
		cjm_svg *svg = cjm_svg_new(map, fig, cases[c].paper);
		assert_int_equal(cjm_svg_page_count(svg), cases[c].pages);
		/* every phase's columns on one page, but for a phase longer than a sheet */
		for (size_t i = 1; i < svg->row_count; i++) {
			const svg_row *row = &svg->rows[i];
			size_t phase = svg->cols[row->first].phase;
			if (row->page != svg->rows[i - 1].page && cases[c].sizes[phase] <= svg->m.columns * svg->m.rows)
				assert_int_not_equal(phase, svg->cols[row->first - 1].phase);
		}
		cjm_svg_free(svg);
		cjm_figures_free(fig);
		cjm_map_free(map);
	}
}

/* --paper fit: one sheet, one row, as wide as the journey. */
static void test_fit(void **state)
{
	(void)state;
	static const size_t s40[] = { 5, 8, 7, 6, 4, 3, 7 };
	cjm_map *map = phased(s40, 7);
	cjm_figures *fig = cjm_figures_new(map);
	cjm_svg *svg = cjm_svg_new(map, fig, CJM_PAPER_FIT);
	assert_int_equal(cjm_svg_page_count(svg), 1);
	assert_int_equal(svg->row_count, 1);
	double w = cjm_svg_paper_width(svg), h = cjm_svg_paper_height(svg);
	assert_true(w > 40 * 36 && w < 40 * 40 + 60);
	assert_true(svg_row_bottom(svg, &svg->rows[0]) <= h);
	cjm_svg_free(svg);
	cjm_figures_free(fig);
	char *doc = export_svg(map, CJM_PAPER_FIT);
	assert_true(root_attr(doc, "width") > w - 0.1 && root_attr(doc, "width") < w + 0.1);
	assert_null(strstr(doc, ">page "));
	free(doc);
	cjm_map_free(map);
}

/* A map of 20 touchpoints with every text as long as it gets still fits one
 * A3 sheet, and on every paper no row goes below its sheet's bottom margin. */
static void test_longest_texts(void **state)
{
	(void)state;
	char text[400] = "";
	for (int i = 0; i < 20; i++)
		strcat(text, "Heel lange tekst ");
	cjm_map *map = cjm_map_new(text);
	map->persona_name = xstrdup(text);
	map->persona_description = xstrdup(text);
	map->has_persona = true;
	for (int i = 0; i < 12; i++)
		cjm_strlist_push(&map->brand_values, "waarde");
	static const size_t sizes[] = { 7, 6, 7 };
	for (size_t p = 0; p < 3; p++) {
		char id[32];
		snprintf(id, sizeof id, "p%zu", p);
		cjm_phase *phase = add_phase(map, id, text);
		phase->description = xstrdup(text);
		for (size_t i = 0; i < sizes[p]; i++) {
			snprintf(id, sizeof id, "t%zu-%zu", p, i);
			cjm_touchpoint *t = add_tp(phase, id, text, (int)(i % 7) - 3);
			t->channel = xstrdup(text);
			t->owner = xstrdup(text);
			t->has_satisfaction = t->has_impact = true;
			t->satisfaction = 7.25;
			t->impact = 0.123456789;
			t->moment_of_truth = t->brand_moment = t->commitment = CJM_TRUE;
			t->visible = CJM_FALSE;
			for (int k = 0; k < 12; k++) {
				cjm_strlist_push(&t->pains, text);
				cjm_strlist_push(&t->ideas, text);
			}
			for (int k = 0; k < 3; k++)
				cjm_strlist_push(&t->quotes, text);
		}
	}
	static const cjm_paper papers[] = { CJM_PAPER_A4, CJM_PAPER_A3, CJM_PAPER_A2 };
	for (size_t i = 0; i < 3; i++) {
		cjm_figures *fig = cjm_figures_new(map);
		cjm_svg *svg = cjm_svg_new(map, fig, papers[i]);
		double h = cjm_svg_paper_height(svg);
		if (papers[i] != CJM_PAPER_A4)
			assert_int_equal(cjm_svg_page_count(svg), 1);
		for (size_t r = 0; r < svg->row_count; r++) {
			const svg_row *row = &svg->rows[r];
			assert_true(svg_row_bottom(svg, row) <= (double)(row->page + 1) * h - svg->m.margin + 1e-6);
		}
		cjm_svg_free(svg);
		cjm_figures_free(fig);
	}
	cjm_map_free(map);
}

/* A newline inside an item is a line break: lines of their own, never a raw newline in a <text>. */
static void test_newlines(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Lines");
	cjm_phase *p = add_phase(map, "p", "P");
	cjm_touchpoint *t = add_tp(p, "a", "A", 1);
	cjm_strlist_push(&t->ideas, "first line\nsecond line");
	cjm_strlist_push(&t->pains, "one\n\n\ntwo");
	cjm_strlist_push(&t->quotes, "I said\nthis");
	char *svg = export_svg(map, CJM_PAPER_A3);
	assert_balanced(svg);
	assert_non_null(strstr(svg, ">first line<tspan x=\""));
	assert_non_null(strstr(svg, "\">second line</tspan></text>"));
	assert_non_null(strstr(svg, ">one<tspan x=\""));
	assert_non_null(strstr(svg, "\">two</tspan></text>"));
	assert_non_null(strstr(svg, "I said<tspan"));
	for (const char *at = strstr(svg, "<text"); at; at = strstr(at + 1, "<text")) {
		const char *end = strstr(at, "</text>");
		assert_non_null(end);
		assert_null(memchr(at, '\n', (size_t)(end - at)));
	}
	svg_font f = { 3.0, false };
	svg_line lines[4];
	assert_int_equal(svg_text_wrap("a\nb", 200, f, 4, lines), 2);
	assert_int_equal(lines[0].len, 1);
	/* the last line cut at a newline ends at it */
	assert_int_equal(svg_text_wrap("a\nb\nc", 200, f, 2, lines), 2);
	assert_true(lines[1].cut);
	assert_int_equal(lines[1].len, 1);
	free(svg);
	cjm_map_free(map);
}

/* Cards show the first two quotes, italic in quotation marks, and their quadrant's action;
 * the satisfaction and impact line is never cut; no text is under 7 pt. */
static void test_card_quotes_action(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Quotes");
	cjm_phase *p = add_phase(map, "p", "P");
	cjm_touchpoint *t = add_tp(p, "a", "Call the helpdesk", -2);
	t->has_satisfaction = true;
	t->satisfaction = 7.5;
	t->has_impact = true;
	t->impact = 0.35;
	cjm_strlist_push(&t->quotes, "Nobody called back");
	cjm_strlist_push(&t->quotes, "Second");
	cjm_strlist_push(&t->quotes, "Third quote");
	t = add_tp(p, "b", "Low", 1);
	t->has_satisfaction = true;
	t->satisfaction = 3;
	t->has_impact = true;
	t->impact = 0.9;
	for (int paper = 0; paper < 2; paper++) {
		char *svg = export_svg(map, paper ? CJM_PAPER_A2 : CJM_PAPER_A3);
		assert_non_null(strstr(svg, "class=\"qt\">\xE2\x80\x9CNobody called back\xE2\x80\x9D</text>"));
		assert_non_null(strstr(svg, "\xE2\x80\x9CSecond\xE2\x80\x9D"));
		assert_null(strstr(svg, "Third quote"));
		const char *qt = strstr(svg, ".cjm .qt{");
		assert_non_null(qt);
		assert_non_null(strstr(qt, ";font-style:italic}"));
		assert_true(strstr(qt, ";font-style:italic}") < strchr(qt, '\n'));
		assert_non_null(strstr(svg, ">raise satisfaction first</text>"));
		assert_non_null(strstr(svg, ">CSAT 7.5 \xC2\xB7 impact 0.35</text>"));
		/* the smallest font size in the CSS */
		double least = 100;
		for (const char *at = strstr(svg, "font-size:"); at; at = strstr(at + 1, "font-size:")) {
			double size = strtod(at + 10, NULL);
			if (size < least)
				least = size;
		}
		assert_true(least >= 2.469);
		free(svg);
	}
	cjm_map_free(map);
}

/* A phase that fits in a row is not split; it starts the next row instead. */
static void test_phase_not_split(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Two phases");
	cjm_figures *probe_fig = cjm_figures_new(map);
	cjm_svg *probe = cjm_svg_new(map, probe_fig, CJM_PAPER_A3);
	size_t cols = probe->m.columns;
	cjm_svg_free(probe);
	cjm_figures_free(probe_fig);
	for (int p = 0; p < 2; p++) {
		char id[48];
		snprintf(id, sizeof id, "p%d", p);
		cjm_phase *phase = add_phase(map, id, p ? "Second" : "First");
		for (size_t i = 0; i < cols - 1; i++) {
			snprintf(id, sizeof id, "t%d-%zu", p, i);
			add_tp(phase, id, id, 1);
		}
	}
	char *svg = export_svg(map, CJM_PAPER_A3);
	assert_int_equal(count(svg, ">Touchpoint</text>"), 2);
	assert_null(strstr(svg, "(continued)"));
	free(svg);
	cjm_map_free(map);
}

static void test_empty_map(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Empty");
	char *svg = export_svg(map, CJM_PAPER_A3);
	assert_balanced(svg);
	assert_true(root_attr(svg, "height") == 297);
	assert_non_null(strstr(svg, "This map has no phases yet."));
	assert_non_null(strstr(svg, "nothing scored yet"));
	assert_null(strstr(svg, ">Touchpoint</text>"));
	free(svg);
	/* phases without touchpoints: a placeholder each, no curve */
	add_phase(map, "a", "A");
	add_phase(map, "b", "B");
	svg = export_svg(map, CJM_PAPER_A4);
	assert_balanced(svg);
	assert_int_equal(count(svg, ">No touchpoints yet</text>"), 2);
	assert_null(strstr(svg, "class=\"cv\""));
	assert_int_equal(count(svg, "class=\"mk "), 7); /* the legend's only */
	free(svg);
	cjm_map_free(map);
}

static void test_no_scores(void **state)
{
	(void)state;
	cjm_map *map = wide(5, false);
	char *svg = export_svg(map, CJM_PAPER_A3);
	assert_balanced(svg);
	assert_int_equal(count(svg, "class=\"mu\""), 5 + 1); /* a hollow mark each, and the legend's */
	assert_int_equal(count(svg, "class=\"mk "), 7);      /* the legend's seven */
	assert_null(strstr(svg, "class=\"cv\""));
	assert_null(strstr(svg, "class=\"cg\""));
	assert_int_equal(count(svg, "nothing scored yet"), 4);
	free(svg);
	cjm_map_free(map);
}

/* The sign of an emotion shows by shape and label, not by colour alone. */
static void test_emotion_points(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Curve");
	cjm_phase *p = add_phase(map, "p", "P");
	add_tp(p, "a", "A", -3);
	add_tp(p, "b", "B", 0);
	add_tp(p, "c", "C", NO_EMOTION);
	add_tp(p, "d", "D", 2);
	char *svg = export_svg(map, CJM_PAPER_A3);
	/* markers: the legend has one of each, the curve adds three */
	assert_int_equal(count(svg, "class=\"mk e0\""), 2);
	assert_int_equal(count(svg, "class=\"mk e3\""), 2);
	assert_int_equal(count(svg, "class=\"mk e5\""), 2);
	assert_int_equal(count(svg, "<circle"), 2 + 2); /* the zero points and the hollow not-scored ones */
	/* values beside the points, with a real minus sign */
	assert_non_null(strstr(svg, "class=\"ev m\">\xE2\x88\x92" "3</text>"));
	assert_non_null(strstr(svg, "class=\"ev m\">0</text>"));
	assert_non_null(strstr(svg, "class=\"ev m\">+2</text>"));
	/* a solid segment from -3 to 0, a dashed one across the unscored C */
	assert_int_equal(count(svg, "class=\"cv\""), 1);
	assert_int_equal(count(svg, "class=\"cg\""), 1);
	/* the figures */
	assert_non_null(strstr(svg, ">\xE2\x88\x92" "0.33</text>")); /* mean of -3, 0, 2 */
	assert_non_null(strstr(svg, ">\xE2\x88\x92" "0.5</text>"));  /* peak-end (-3 + 2) / 2 */
	free(svg);
	cjm_map_free(map);
}

/* Long names end in an ellipsis; long lists end in "… N more". */
static void test_clipping(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Clip");
	cjm_phase *p = add_phase(map, "p", "P");
	cjm_touchpoint *t = add_tp(p, "a", "word word word word word word word word word word word word word word "
					"word word word word word word word word word word word word last",
				   1);
	for (int i = 0; i < 20; i++)
		cjm_strlist_push(&t->pains, "A short pain");
	cjm_strlist_push(&t->ideas, "Averyveryveryveryveryveryveryveryveryveryverylongwordwithoutspaces");
	char *svg = export_svg(map, CJM_PAPER_A3);
	assert_balanced(svg);
	assert_null(strstr(svg, "last</text>"));
	assert_null(strstr(svg, "last</tspan>"));
	assert_non_null(strstr(svg, "\xE2\x80\xA6</")); /* the name is cut */
	/* 10 lines per cell when the sheet has room: 9 pains and the count of the rest */
	assert_int_equal(count(svg, ">A short pain</text>"), 9);
	assert_non_null(strstr(svg, ">\xE2\x80\xA6 11 more</text>"));
	/* the full name stays in the card's title */
	assert_non_null(strstr(svg, "word last</title>"));
	/* a word wider than the card is split between characters */
	assert_null(strstr(svg, "withoutspaces</text>"));
	free(svg);
	cjm_map_free(map);
}

static void test_text_estimates(void **state)
{
	(void)state;
	svg_font f = { 3.0, false }, b = { 3.0, true };
	assert_true(svg_text_width("", 0, f) == 0);
	/* wide characters count more than narrow ones; bold more than regular */
	assert_true(svg_text_width("\xE6\x97\xA5", 3, f) > svg_text_width("W", 1, f));
	assert_true(svg_text_width("iiii", 4, f) < svg_text_width("mmmm", 4, f));
	assert_true(svg_text_width("abc", 3, b) > svg_text_width("abc", 3, f));
	/* a combining mark takes no room */
	assert_true(svg_text_width("e\xCC\x88", 3, f) == svg_text_width("e", 1, f));
	svg_line lines[4];
	assert_int_equal(svg_text_wrap("   ", 50, f, 4, lines), 0);
	assert_int_equal(svg_text_wrap("one two", 200, f, 4, lines), 1);
	assert_int_equal(lines[0].len, 7);
	assert_false(lines[0].cut);
	assert_int_equal(svg_text_wrap("one two three four", 12, f, 4, lines), 4);
	assert_int_equal(svg_text_wrap("one two three four five six", 12, f, 2, lines), 2);
	assert_true(lines[1].cut);
	/* numbers: one decimal at most, no "-0" */
	strbuf out = { 0 };
	svg_num(&out, 12.0);
	strbuf_putc(&out, ' ');
	svg_num(&out, 12.34);
	strbuf_putc(&out, ' ');
	svg_num(&out, -3.25);
	strbuf_putc(&out, ' ');
	svg_num(&out, -0.01);
	assert_string_equal(out.data, "12 12.3 -3.3 0");
	strbuf_release(&out);
}

static void test_deterministic(void **state)
{
	(void)state;
	cjm_map *map = tricky();
	char *a = export_svg(map, CJM_PAPER_A2), *b = export_svg(map, CJM_PAPER_A2);
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	assert_true(strncmp(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 39) == 0);
	free(a);
	free(b);
	cjm_map_free(map);
}

/* The pages the HTML export shows: one <svg> each, no namespace, no footer. */
static void test_pages_inline(void **state)
{
	(void)state;
	cjm_map *map = wide(40, true);
	cjm_figures *fig = cjm_figures_new(map);
	cjm_svg *svg = cjm_svg_new(map, fig, CJM_PAPER_A3);
	size_t pages = cjm_svg_page_count(svg);
	assert_true(pages >= 2);
	size_t total = 0;
	for (size_t p = 0; p < pages; p++) {
		strbuf out = { 0 };
		cjm_svg_write_page(svg, p, &out);
		assert_balanced(out.data);
		assert_null(strstr(out.data, "xmlns"));
		assert_null(strstr(out.data, ">page ")); /* no footer */
		assert_true(strncmp(out.data, "<svg class=\"cjm\" viewBox=\"0 ", 28) == 0);
		assert_true(strtod(out.data + 28, NULL) == (double)p * 297);
		total += count(out.data, "<g><title>");
		strbuf_release(&out);
	}
	assert_int_equal(total, 40);
	strbuf css = { 0 };
	cjm_svg_write_css(svg, &css);
	assert_null(strchr(css.data, '<'));
	assert_null(strchr(css.data, '&'));
	assert_non_null(strstr(css.data, "sans-serif"));
	strbuf_release(&css);
	cjm_svg_free(svg);
	cjm_figures_free(fig);
	cjm_map_free(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_escaped),   cmocka_unit_test(test_paper_sizes),
		cmocka_unit_test(test_wide_map_wraps),  cmocka_unit_test(test_phase_not_split),
		cmocka_unit_test(test_empty_map),       cmocka_unit_test(test_no_scores),
		cmocka_unit_test(test_emotion_points),  cmocka_unit_test(test_clipping),
		cmocka_unit_test(test_text_estimates),  cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_pages_inline),    cmocka_unit_test(test_sheets_by_phase),
		cmocka_unit_test(test_fit),             cmocka_unit_test(test_newlines),
		cmocka_unit_test(test_card_quotes_action), cmocka_unit_test(test_longest_texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
