/* Unit tests for the HTML export: a self-contained page, the figures of cjm stats, details escaped, the map. */
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
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "fixture.h"

#define MINUS "\xE2\x88\x92"

static void set_scores(cjm_touchpoint *tp, double satisfaction, double impact)
{
	tp->has_satisfaction = tp->has_impact = true;
	tp->satisfaction = satisfaction;
	tp->impact = impact;
}

/* The small journey of tests/cli/test_show_stats.sh, whose cjm stats output is known. */
static cjm_map *journey(void)
{
	cjm_map *map = cjm_map_new("Test journey");
	cjm_phase *orient = add_phase(map, "orient", "Ori\xC3\xABntatie");
	add_phase(map, "empty", "Nothing yet");
	cjm_phase *decide = add_phase(map, "decide", "Decide");
	cjm_touchpoint *t = add_tp(orient, "compare-prices", "Compare prices online", 1);
	t->channel = xstrdup("web");
	t->owner = xstrdup("marketing");
	set_scores(t, 7, 0.3);
	cjm_strlist_push(&t->pains, "Too many tariffs");
	cjm_strlist_push(&t->pains, "Small print");
	cjm_strlist_push(&t->ideas, "One simple tariff");
	t = add_tp(orient, "read-reviews", "Read reviews", -3);
	t->channel = xstrdup("web");
	set_scores(t, 6.9, 0.29);
	t = add_tp(decide, "sign", "Sign contract", 3);
	t->owner = xstrdup("sales");
	t->moment_of_truth = CJM_TRUE;
	t->commitment = CJM_TRUE;
	t->notes = xstrdup("Line one\nline two\n");
	t = add_tp(decide, "wait", "Wait", NO_EMOTION);
	t->channel = xstrdup("email");
	t->visible = CJM_FALSE;
	return map;
}

/* Names with every character HTML cares about, emoji and Dutch accents. */
static cjm_map *tricky(void)
{
	cjm_map *map = cjm_map_new("Tricky: names & <tags> \"quoted\" #1; it's \xF0\x9F\x9A\x97 caf\xC3\xA9");
	map->persona_name = xstrdup("Zo\xC3\xAB \"Z\" O'Brien");
	map->persona_description = xstrdup("Writes <b>bold</b> & uses a; b: c # not a comment");
	map->has_persona = true;
	cjm_strlist_push(&map->brand_values, "eerlijk & <echt>");
	map->has_brand_values = true;
	cjm_phase *a = add_phase(map, "a", "title: Ori\xC3\xABntatie # 1");
	a->description = xstrdup("section: what; next");
	cjm_touchpoint *t = add_tp(a, "call", "Call: the claims line", -3);
	t->owner = xstrdup("R&D <team>");
	t->channel = xstrdup("phone; fax");
	cjm_strlist_push(&t->pains, "Said \"please hold\" twice");
	cjm_strlist_push(&t->ideas, "Call back <at> a set time & by name");
	cjm_strlist_push(&t->quotes, "\"Ik hang op,\" zei ze; \xF0\x9F\x98\xA4");
	t->notes = xstrdup("<script>alert(1)</script>");
	t->pillars = CJM_PILLAR_PERSONALISATION | CJM_PILLAR_EMPATHY;
	add_tp(a, "quote", "Sleutel \"overhandigd\" \xE2\x80\x94 'eindelijk'", 2);
	return map;
}

static char *export_html(const cjm_map *map, cjm_paper paper)
{
	cjm_export_options options = { .paper = paper };
	strbuf out = { 0 };
	cjm_export_html(map, &options, &out);
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

/* Every element is closed (the page is well-formed XML as well as HTML). */
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

static void test_page_structure(void **state)
{
	(void)state;
	cjm_map *map = journey();
	char *html = export_html(map, CJM_PAPER_A3);
	assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n", 62) == 0);
	assert_non_null(strstr(html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"));
	assert_non_null(strstr(html, "<title>Test journey \xE2\x80\x94 customer journey map</title>"));
	assert_int_equal(count(html, "<style>"), 1);
	assert_non_null(strstr(html, "@media print"));
	assert_non_null(strstr(html, "@page{size:A3 landscape"));
	assert_non_null(strstr(html, "@media (max-width:"));
	/* self-contained: nothing from the network, no script */
	assert_null(strstr(html, "http:"));
	assert_null(strstr(html, "https:"));
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "@import"));
	assert_null(strstr(html, "url("));
	assert_balanced(html);
	assert_true(strcmp(html + strlen(html) - 8, "</html>\n") == 0);
	/* the three sections */
	assert_non_null(strstr(html, "<section class=\"map\" id=\"map\">"));
	assert_non_null(strstr(html, "<section class=\"figures\" id=\"figures\">"));
	assert_non_null(strstr(html, "<section class=\"touchpoints\" id=\"touchpoints\">"));
	free(html);
	html = export_html(map, CJM_PAPER_A2);
	assert_non_null(strstr(html, "@page{size:A2 landscape"));
	free(html);
	html = export_html(map, CJM_PAPER_A4);
	assert_non_null(strstr(html, "@page{size:A4 landscape"));
	free(html);
	cjm_map_free(map);
}

/* The figures are those of cjm stats for the same map (tests/cli/test_show_stats.sh). */
static void test_figures(void **state)
{
	(void)state;
	cjm_map *map = journey();
	char *html = export_html(map, CJM_PAPER_A3);
	static const char *const counts[] = {
		"<th scope=\"row\">phases</th><td class=\"n\">3</td>",
		"<th scope=\"row\">touchpoints</th><td class=\"n\">4</td>",
		"<th scope=\"row\">scored</th><td class=\"n\">3</td>",
		"<th scope=\"row\">unscored</th><td class=\"n\">1</td>",
		"<th scope=\"row\">moments of truth</th><td class=\"n\">1</td>",
		"<th scope=\"row\">brand moments</th><td class=\"n\">0</td>",
		"<th scope=\"row\">commitments</th><td class=\"n\">1</td>",
		"<th scope=\"row\">invisible</th><td class=\"n\">1</td>",
	};
	for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
		assert_non_null(strstr(html, counts[i]));
	assert_non_null(strstr(html, "<th scope=\"row\">mean</th><td class=\"n\">+0.33</td>"));
	assert_non_null(strstr(html, "<th scope=\"row\">peak</th><td class=\"n\"><span class=\"emo e0\">" MINUS
				     "3</span></td><td>at <a href=\"#t-read-reviews\">Read reviews</a> "
				     "<span class=\"id\">(orient/read-reviews)</span>"));
	assert_non_null(strstr(html, "<th scope=\"row\">end</th><td class=\"n\"><span class=\"emo e6\">+3</span></td>"
				     "<td>at <a href=\"#t-sign\">Sign contract</a>"));
	assert_non_null(strstr(html, "<th scope=\"row\">peak-end score</th><td class=\"n\">0.0</td>"));
	/* the quadrant table, with actions, and the touchpoints in each */
	assert_non_null(strstr(html, "Quadrants (satisfaction threshold 7, impact threshold 0.3; below is low)"));
	assert_non_null(strstr(html, "<tr><td>low-low</td><td class=\"n\">1</td><td>fix cheaply</td></tr>"));
	assert_non_null(strstr(html, "<tr><td>high-low</td><td class=\"n\">0</td><td>doing too well: save cost</td></tr>"));
	assert_non_null(strstr(html, "<tr><td>low-high</td><td class=\"n\">0</td><td>raise satisfaction first</td></tr>"));
	assert_non_null(strstr(html, "<tr><td>high-high</td><td class=\"n\">1</td><td>let more customers have it</td></tr>"));
	assert_non_null(strstr(html, "<tr><td>none</td><td class=\"n\">2</td>"));
	assert_non_null(strstr(html, "<h3>low-low: fix cheaply</h3>"));
	assert_non_null(strstr(html, "Read reviews</a> <span class=\"id\">(orient/read-reviews)</span> \xE2\x80\x94 "
				     "satisfaction 6.9, impact 0.29</li>"));
	assert_null(strstr(html, "<h3>high-low"));
	/* per owner and per channel, the group without one last */
	assert_non_null(strstr(html, "<tr><td>marketing</td><td class=\"n\">1</td><td class=\"n\">1</td>"
				     "<td class=\"n\">+1.00</td></tr>"));
	assert_non_null(strstr(html, "<tr><td>sales</td><td class=\"n\">1</td><td class=\"n\">1</td>"
				     "<td class=\"n\">+3.00</td></tr>"));
	assert_non_null(strstr(html, "<tr><td><span class=\"none\">(no owner)</span></td><td class=\"n\">2</td>"
				     "<td class=\"n\">1</td><td class=\"n\">" MINUS "3.00</td></tr>"));
	assert_non_null(strstr(html, "<tr><td>web</td><td class=\"n\">2</td><td class=\"n\">2</td>"
				     "<td class=\"n\">" MINUS "1.00</td></tr>"));
	assert_non_null(strstr(html, "<tr><td>email</td><td class=\"n\">1</td><td class=\"n\">0</td>"
				     "<td class=\"n\">\xE2\x80\x93</td></tr>"));
	assert_non_null(strstr(html, "(no channel)"));
	const char *figures = strstr(html, "<section class=\"figures\"");
	assert_true(strstr(figures, "<td>marketing<") < strstr(figures, "<td>sales<"));
	free(html);
	cjm_map_free(map);
}

/* Every touchpoint with its fields, per phase. */
static void test_details(void **state)
{
	(void)state;
	cjm_map *map = journey();
	char *html = export_html(map, CJM_PAPER_A3);
	assert_non_null(strstr(html, "<section class=\"phase\" id=\"p-orient\">\n<h3>1. Ori\xC3\xABntatie</h3>"));
	assert_non_null(strstr(html, "<h3>2. Nothing yet</h3>\n<p class=\"none\">No touchpoints yet.</p>"));
	assert_int_equal(count(html, "<article class=\"tp"), 4);
	assert_non_null(strstr(html, "<article class=\"tp s4\" id=\"t-compare-prices\">\n<h4>Compare prices online</h4>"));
	assert_non_null(strstr(html, "<article class=\"tp hidden\" id=\"t-wait\">"));
	assert_non_null(strstr(html, "<dt>Channel</dt><dd>web</dd>"));
	assert_non_null(strstr(html, "<dt>Owner</dt><dd>marketing</dd>"));
	assert_non_null(strstr(html, "<dt>Satisfaction</dt><dd>6.9 "));
	assert_non_null(strstr(html, "<dt>Impact</dt><dd>0.29 "));
	assert_non_null(strstr(html, "<dt>Quadrant</dt><dd>high-high: let more customers have it</dd>"));
	assert_non_null(strstr(html, "<span class=\"none\">not scored</span>"));
	assert_non_null(strstr(html, "<span class=\"flag m\">Moment of truth</span>"));
	assert_non_null(strstr(html, "<span class=\"flag c\">Commitment</span>"));
	assert_non_null(strstr(html, "<span class=\"flag v\">Not visible</span>"));
	assert_non_null(strstr(html, "<li>Too many tariffs</li>\n<li>Small print</li>"));
	assert_non_null(strstr(html, "<li>One simple tariff</li>"));
	assert_non_null(strstr(html, "<p class=\"notes\">Line one\nline two\n</p>"));
	assert_non_null(strstr(html, "<dd class=\"id\">decide/sign</dd>"));
	free(html);
	cjm_map_free(map);
}

static void test_escaping(void **state)
{
	(void)state;
	cjm_map *map = tricky();
	char *html = export_html(map, CJM_PAPER_A3);
	assert_balanced(html);
	assert_non_null(strstr(html, "<h1>Tricky: names &amp; &lt;tags&gt; &quot;quoted&quot; #1; it&#39;s "
				     "\xF0\x9F\x9A\x97 caf\xC3\xA9</h1>"));
	assert_non_null(strstr(html, "<strong>Zo\xC3\xAB &quot;Z&quot; O&#39;Brien</strong>"));
	assert_non_null(strstr(html, "Writes &lt;b&gt;bold&lt;/b&gt; &amp; uses a; b: c # not a comment"));
	assert_non_null(strstr(html, "eerlijk &amp; &lt;echt&gt;"));
	assert_non_null(strstr(html, "<h3>1. title: Ori\xC3\xABntatie # 1</h3>"));
	assert_non_null(strstr(html, "<h4>Call: the claims line</h4>"));
	assert_non_null(strstr(html, "<h4>Sleutel &quot;overhandigd&quot; \xE2\x80\x94 &#39;eindelijk&#39;</h4>"));
	assert_non_null(strstr(html, "<dd>R&amp;D &lt;team&gt;</dd>"));
	assert_non_null(strstr(html, "<dd>phone; fax</dd>"));
	assert_non_null(strstr(html, "<li>Said &quot;please hold&quot; twice</li>"));
	assert_non_null(strstr(html, "<li>Call back &lt;at&gt; a set time &amp; by name</li>"));
	assert_non_null(strstr(html, "<blockquote>&quot;Ik hang op,&quot; zei ze; \xF0\x9F\x98\xA4</blockquote>"));
	assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(html, "<dt>Pillars</dt><dd>personalisation, empathy</dd>"));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<b>"));
	assert_null(strstr(html, "<team>"));
	assert_null(strstr(html, "<echt>"));
	assert_null(strstr(html, "R&D"));
	free(html);
	cjm_map_free(map);
}

/* The map picture: one inline <svg> per page of the SVG export, without a namespace. */
static void test_map_pages(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Long");
	cjm_phase *p = add_phase(map, "p", "P");
	for (int i = 0; i < 45; i++) {
		char id[16];
		snprintf(id, sizeof id, "t%d", i);
		add_tp(p, id, id, i % 7 - 3);
	}
	cjm_paper papers[] = { CJM_PAPER_A4, CJM_PAPER_A3, CJM_PAPER_A2 };
	for (size_t i = 0; i < 3; i++) {
		cjm_figures *fig = cjm_figures_new(map);
		cjm_svg *svg = cjm_svg_new(map, fig, papers[i]);
		size_t pages = cjm_svg_page_count(svg);
		cjm_svg_free(svg);
		cjm_figures_free(fig);
		char *html = export_html(map, papers[i]);
		assert_int_equal(count(html, "<div class=\"page\">\n<svg class=\"cjm\" viewBox="), pages);
		assert_int_equal(count(html, "<svg"), pages);
		assert_int_equal(count(html, "<g><title>"), 45);
		assert_null(strstr(html, "xmlns"));
		assert_non_null(strstr(html, ".cjm .cn{font-size:")); /* the picture's style is in the page's */
		free(html);
	}
	cjm_map_free(map);
}

static void test_empty_and_unscored(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Empty");
	char *html = export_html(map, CJM_PAPER_A3);
	assert_balanced(html);
	assert_non_null(strstr(html, "<p class=\"none\">This map has no phases yet.</p>"));
	assert_non_null(strstr(html, "No touchpoint is scored"));
	assert_int_equal(count(html, "(no touchpoints)"), 2);
	assert_int_equal(count(html, "<div class=\"page\">"), 1);
	free(html);
	cjm_phase *p = add_phase(map, "only", "Only");
	add_tp(p, "a", "A", NO_EMOTION);
	add_tp(p, "b", "B", NO_EMOTION)->owner = xstrdup("it");
	html = export_html(map, CJM_PAPER_A3);
	assert_balanced(html);
	assert_non_null(strstr(html, "No touchpoint is scored"));
	assert_null(strstr(html, "peak-end score</th>"));
	assert_non_null(strstr(html, "<tr><td>it</td><td class=\"n\">1</td><td class=\"n\">0</td>"
				     "<td class=\"n\">\xE2\x80\x93</td></tr>"));
	assert_int_equal(count(html, "<span class=\"none\">not scored</span>"), 2);
	free(html);
	cjm_map_free(map);
}

static void test_deterministic(void **state)
{
	(void)state;
	cjm_map *map = tricky();
	char *a = export_html(map, CJM_PAPER_A3), *b = export_html(map, CJM_PAPER_A3);
	assert_string_equal(a, b);
	free(a);
	free(b);
	cjm_map_free(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_structure), cmocka_unit_test(test_figures),
		cmocka_unit_test(test_details),        cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_map_pages),      cmocka_unit_test(test_empty_and_unscored),
		cmocka_unit_test(test_deterministic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
