/* Unit tests for the text renderers: UTF-8 width and wrapping, the plain form, the grid, stats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "analysis/figures.h"
#include "model/map.h"
#include "model/field.h"
#include "render/show.h"
#include "render/stats.h"
#include "render/text.h"
#include "util/xalloc.h"

#include "fixture.h"

/* A small but complete journey: accents, an empty phase, marks, lists, numbers. */
static cjm_map *journey(void)
{
	cjm_map *map = cjm_map_new("Switching energy supplier");
	map->persona_name = xstrdup("Sanne");
	map->has_persona = true;
	cjm_phase *orient = add_phase(map, "orient", "Oriëntatie");
	cjm_phase *decide = add_phase(map, "decide", "Decide");
	add_phase(map, "later", "Nothing here yet");
	cjm_phase *onboard = add_phase(map, "onboard", "Onboarding");
	cjm_touchpoint *t = add_tp(orient, "compare-prices", "Compare prices online", 1);
	t->channel = xstrdup("web");
	t->owner = xstrdup("marketing");
	t->has_satisfaction = t->has_impact = true;
	t->satisfaction = 7.5;
	t->impact = 0.6;
	cjm_strlist_push(&t->pains, "Too many tariffs");
	cjm_strlist_push(&t->pains, "Small print");
	cjm_strlist_push(&t->ideas, "One simple tariff");
	t = add_tp(orient, "read-reviews", "Read reviews", 2);
	t->channel = xstrdup("web");
	t = add_tp(decide, "sign", "Sign contract", -1);
	t->commitment = CJM_TRUE;
	t->moment_of_truth = CJM_TRUE;
	t->owner = xstrdup("sales");
	add_tp(decide, "wait", "Wait for confirmation", NO_EMOTION);
	t = add_tp(onboard, "welcome-pack", "Welkomstpakket", 0);
	t->visible = CJM_FALSE;
	t = add_tp(onboard, "first-invoice", "Eerste factuur — hoger dan verwacht", -3);
	t->notes = xstrdup("Line one\nline two");
	t->pillars = CJM_PILLAR_INTEGRITY | CJM_PILLAR_EXPECTATIONS;
	add_tp(onboard, "welcome-call", "Welcome call", 2);
	return map;
}

/* ---- text ---- */

static void test_text_width(void **state)
{
	(void)state;
	assert_int_equal(cjm_text_width(""), 0);
	assert_int_equal(cjm_text_width("Orient"), 6);
	assert_int_equal(cjm_text_width("Oriëntatie"), 10);          /* precomposed ë */
	assert_int_equal(cjm_text_width("Orie\xcc\x88ntatie"), 10);   /* e + combining diaeresis */
	assert_int_equal(cjm_text_width("日本"), 4);
	assert_int_equal(cjm_text_width("─│●"), 3);
	assert_int_equal(cjm_text_width("a\xff" "b"), 3);             /* a bad byte counts one */
	uint32_t cp;
	assert_int_equal(cjm_utf8_decode("\xc3\xab", 2, &cp), 2);
	assert_int_equal(cp, 0xEB);
	assert_int_equal(cjm_utf8_decode("\xc3", 1, &cp), 1);          /* truncated */
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(cjm_utf8_decode("\xc0\xaf", 2, &cp), 1);      /* overlong */
	assert_int_equal(cjm_utf8_decode("\xed\xa0\x80", 3, &cp), 1);  /* surrogate */
}

static void check_wrap(const char *text, size_t width, const char *expected, size_t lines)
{
	strbuf out = { 0 };
	assert_int_equal(cjm_text_wrap(&out, text, width), lines);
	assert_string_equal(out.data, expected);
	strbuf_release(&out);
}

static void test_text_wrap(void **state)
{
	(void)state;
	check_wrap("Compare prices online", 14, "Compare prices\nonline\n", 2);
	check_wrap("Compare prices online", 40, "Compare prices online\n", 1);
	check_wrap("", 5, "\n", 1);
	check_wrap("Oriëntatie", 10, "Oriëntatie\n", 1);
	check_wrap("Oriëntatie", 4, "Ori-\nën-\nta-\ntie\n", 4); /* a broken word shows a hyphen */
	check_wrap("a  b\tc", 10, "a b c\n", 1);
	check_wrap("one\ntwo\n", 10, "one\ntwo\n", 2);
	check_wrap("ab 日本語", 3, "ab\n日-\n本-\n語\n", 4);
	check_wrap("日", 1, "?\n", 1);
	check_wrap("x\x01y", 6, "x\\x01y\n", 1); /* a control character shows as its escape */
	check_wrap("x\x1by", 5, "x-\n\\x1By\n", 2);
	check_wrap("a\xe2\x80\xae" "b", 8, "a\\u202Eb\n", 1);
	check_wrap("bad\xff", 5, "bad?\n", 1);
	/* a hyphen is a place to break */
	check_wrap("expectations, time-and-effort", 14, "expectations,\ntime-and-\neffort\n", 3);
	check_wrap("Vul EAN-codes in", 9, "Vul EAN-\ncodes in\n", 2);
	check_wrap("a-b", 3, "a-b\n", 1);
	check_wrap("--flag x", 4, "--f-\nlag\nx\n", 3);
}

static void test_text_pad_and_number(void **state)
{
	(void)state;
	strbuf out = { 0 };
	cjm_text_pad(&out, "Oriëntatie", strlen("Oriëntatie"), 12);
	assert_string_equal(out.data, "Oriëntatie  ");
	strbuf_reset(&out);
	cjm_text_pad(&out, "Oriëntatie", strlen("Oriëntatie"), 4);
	assert_string_equal(out.data, "Orië");
	strbuf_reset(&out);
	cjm_text_number(&out, 7);
	strbuf_putc(&out, ' ');
	cjm_text_number(&out, 7.5);
	strbuf_putc(&out, ' ');
	cjm_text_number(&out, 0.3);
	strbuf_putc(&out, ' ');
	cjm_text_number(&out, 0.1 + 0.2);
	assert_string_equal(out.data, "7 7.5 0.3 0.30000000000000004");
	strbuf_reset(&out);
	/* whole numbers stay whole: a satisfaction of 10 is "10", not "1e+01" */
	cjm_text_number(&out, 10);
	strbuf_putc(&out, ' ');
	cjm_text_number(&out, 100);
	strbuf_putc(&out, ' ');
	cjm_text_number(&out, -0.0);
	assert_string_equal(out.data, "10 100 0");
	strbuf_release(&out);
}

/* ---- plain ---- */

static void test_plain_journey(void **state)
{
	(void)state;
	cjm_map *map = journey();
	strbuf out = { 0 };
	cjm_show_plain(&out, map);
	assert_string_equal(out.data,
			    "version: 1\n"
			    "title: Switching energy supplier\n"
			    "persona.name: Sanne\n"
			    "phase orient: Oriëntatie\n"
			    "touchpoint orient/compare-prices: Compare prices online\n"
			    "orient/compare-prices channel: web\n"
			    "orient/compare-prices owner: marketing\n"
			    "orient/compare-prices emotion: 1\n"
			    "orient/compare-prices satisfaction: 7.5\n"
			    "orient/compare-prices impact: 0.6\n"
			    "orient/compare-prices pains: Too many tariffs\n"
			    "orient/compare-prices pains: Small print\n"
			    "orient/compare-prices ideas: One simple tariff\n"
			    "touchpoint orient/read-reviews: Read reviews\n"
			    "orient/read-reviews channel: web\n"
			    "orient/read-reviews emotion: 2\n"
			    "phase decide: Decide\n"
			    "touchpoint decide/sign: Sign contract\n"
			    "decide/sign owner: sales\n"
			    "decide/sign emotion: -1\n"
			    "decide/sign moment_of_truth: true\n"
			    "decide/sign commitment: true\n"
			    "touchpoint decide/wait: Wait for confirmation\n"
			    "phase later: Nothing here yet\n"
			    "phase onboard: Onboarding\n"
			    "touchpoint onboard/welcome-pack: Welkomstpakket\n"
			    "onboard/welcome-pack emotion: 0\n"
			    "onboard/welcome-pack visible: false\n"
			    "touchpoint onboard/first-invoice: Eerste factuur — hoger dan verwacht\n"
			    "onboard/first-invoice emotion: -3\n"
			    "onboard/first-invoice pillars: integrity\n"
			    "onboard/first-invoice pillars: expectations\n"
			    "onboard/first-invoice notes: Line one\\nline two\n"
			    "touchpoint onboard/welcome-call: Welcome call\n"
			    "onboard/welcome-call emotion: 2\n");
	strbuf_release(&out);
	cjm_map_free(map);
}

static void test_plain_map_fields(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("T");
	strbuf out = { 0 };
	cjm_show_plain(&out, map);
	assert_string_equal(out.data, "version: 1\ntitle: T\n");
	strbuf_reset(&out);

	map->persona_description = xstrdup("Compares\tprices \\ online");
	map->has_persona = true;
	cjm_strlist_push(&map->brand_values, "easy");
	cjm_strlist_push(&map->brand_values, "personal");
	map->has_brand_values = true;
	map->has_threshold_satisfaction = true;
	map->threshold_satisfaction = 6.5;
	map->has_threshold_impact = true;
	map->threshold_impact = 0.25;
	map->patterns = xcalloc(2, sizeof *map->patterns);
	map->pattern_count = 2;
	map->patterns[0] = (cjm_pattern_setting){ xstrdup("soften-negatives"), CJM_TRUE, true, -2, { 0, 0 } };
	map->patterns[1] = (cjm_pattern_setting){ xstrdup("redesign"), CJM_UNSET, false, 0, { 0, 0 } };
	map->dismissed = xcalloc(1, sizeof *map->dismissed);
	map->dismissed_count = 1;
	map->dismissed[0] = (cjm_dismissal){ xstrdup("skip-steps"), xstrdup("welcome-pack"), { 0, 0 } };
	cjm_phase *phase = add_phase(map, "p", "P");
	phase->description = xstrdup("First\r\nsecond\x01");
	cjm_show_plain(&out, map);
	assert_string_equal(out.data, "version: 1\n"
				      "title: T\n"
				      "persona.description: Compares\\tprices \\\\ online\n"
				      "brand_values: easy\n"
				      "brand_values: personal\n"
				      "thresholds.satisfaction: 6.5\n"
				      "thresholds.impact: 0.25\n"
				      "pattern soften-negatives enabled: true\n"
				      "pattern soften-negatives threshold: -2\n"
				      "pattern redesign: (no settings)\n"
				      "phase p: P\n"
				      "phase p description: First\\r\\nsecond\\x01\n"
				      "dismissed skip-steps: welcome-pack\n");
	strbuf_release(&out);
	cjm_map_free(map);
}

/* A value of FIELD's kind, for a field that has no special meaning to the test. */
static cjm_value sample_value(cjm_field field, cjm_strlist *list)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	cjm_value v = { .present = true };
	switch (info->kind) {
	case CJM_KIND_TEXT: v.text = "sample"; break;
	case CJM_KIND_EMOTION: v.integer = 2; break;
	case CJM_KIND_NUMBER: v.number = info->max / 2; break;
	case CJM_KIND_BOOL: v.boolean = false; break;
	case CJM_KIND_PILLARS: v.bits = CJM_PILLAR_EMPATHY; break;
	case CJM_KIND_LIST: v.list = list; break;
	}
	return v;
}

/* Every field in the field table shows in the plain form, and (touchpoint fields) in the grid. */
static void test_every_field_shows(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("T");
	cjm_phase *phase = add_phase(map, "p", "P");
	add_tp(phase, "t", "Name", NO_EMOTION);
	cjm_strlist list = { 0 };
	cjm_strlist_push(&list, "sample item");
	for (int f = 0; f < CJM_FIELD_COUNT; f++) {
		if (f == CJM_F_ID || f == CJM_F_NAME)
			continue;
		for (int k = CJM_REF_MAP; k <= CJM_REF_TOUCHPOINT; k++) {
			if (!cjm_field_applies((cjm_field)f, (cjm_ref_kind)k))
				continue;
			cjm_value v = sample_value((cjm_field)f, &list);
			cjm_field_set(map, (cjm_ref){ (cjm_ref_kind)k, 0, 0 }, (cjm_field)f, &v);
		}
	}
	strbuf out = { 0 };
	cjm_show_plain(&out, map);
	char want[200];
	for (int f = 0; f < CJM_FIELD_COUNT; f++) {
		const cjm_field_info *info = cjm_field_info_of((cjm_field)f);
		if (f == CJM_F_ID || f == CJM_F_NAME)
			continue;
		if (cjm_field_applies((cjm_field)f, CJM_REF_MAP))
			snprintf(want, sizeof want, "\n%s: ", info->key);
		else if (cjm_field_applies((cjm_field)f, CJM_REF_TOUCHPOINT))
			snprintf(want, sizeof want, "\np/t %s: ", info->key);
		else
			snprintf(want, sizeof want, "\nphase p %s: ", info->key);
		if (!strstr(out.data, want))
			fail_msg("the plain form lacks \"%s\":\n%s", want + 1, out.data);
	}
	assert_non_null(strstr(out.data, "\np/t pillars: empathy\n"));
	assert_non_null(strstr(out.data, "\np/t quotes: sample item\n"));

	/* the grid: a lane per touchpoint field (marks excepted), the description in the header */
	strbuf_reset(&out);
	cjm_show_options opt = { .width = 200, .ascii = true };
	cjm_show_grid(&out, map, &opt);
	const char *lanes[] = { "channel", "owner", "emotion", "satisfact.", "impact", "pillars", "pains",
				"ideas", "quotes", "notes" };
	for (size_t i = 0; i < sizeof lanes / sizeof *lanes; i++) {
		snprintf(want, sizeof want, "\n%s ", lanes[i]);
		if (!strstr(out.data, want))
			fail_msg("the grid lacks the lane \"%s\":\n%s", lanes[i], out.data);
	}
	assert_non_null(strstr(out.data, "| P "));
	assert_non_null(strstr(out.data, "| sample "));
	assert_non_null(strstr(out.data, "persona name: sample\n"));
	assert_non_null(strstr(out.data, "satisfaction threshold: 5\n"));
	assert_non_null(strstr(out.data, "brand values: sample item\n"));
	assert_non_null(strstr(out.data, "Name [~]")); /* visible: false is a mark */
	strbuf_release(&out);
	cjm_strlist_clear(&list);
	cjm_map_free(map);
}

/* ---- grid ---- */

/* Fails unless every line of TEXT fits WIDTH columns; also counts code points
 * independently of cjm_text_width (right for text without wide or combining characters). */
static void assert_fits(const char *text, size_t width, bool simple)
{
	const char *line = text;
	size_t n = 0;
	while (*line) {
		const char *nl = strchr(line, '\n');
		assert_non_null(nl); /* every line ends in a newline */
		size_t len = (size_t)(nl - line);
		size_t w = cjm_text_width_n(line, len);
		if (w > width)
			fail_msg("width %zu: line %zu is %zu columns: %.*s", width, n, w, (int)len, line);
		if (simple) {
			size_t cps = 0;
			for (size_t i = 0; i < len; i++)
				cps += ((unsigned char)line[i] & 0xC0) != 0x80;
			if (cps > width)
				fail_msg("width %zu: line %zu has %zu characters: %.*s", width, n, cps, (int)len, line);
		}
		line = nl + 1;
		n++;
	}
}

static void check_fits_all_widths(cjm_map *map, bool simple)
{
	const size_t widths[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 19, 20, 24, 30,
				  39, 40, 41, 50, 60, 79, 80, 81, 100, 120, 132, 200, 500 };
	for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
		for (int ascii = 0; ascii <= 1; ascii++) {
			strbuf out = { 0 };
			cjm_show_options opt = { .width = widths[i], .ascii = ascii };
			cjm_show_grid(&out, map, &opt);
			assert_non_null(out.data);
			assert_fits(out.data, widths[i], simple);
			strbuf_release(&out);
		}
	}
}

static void test_grid_fits_width(void **state)
{
	(void)state;
	cjm_map *map = journey();
	check_fits_all_widths(map, true);
	cjm_map_free(map);
}

static void test_grid_fits_odd_maps(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("An empty map with a long title that has to wrap somewhere");
	check_fits_all_widths(map, true);
	add_phase(map, "a", "A phase without any touchpoints at all");
	check_fits_all_widths(map, true);
	cjm_phase *wide = add_phase(map, "b", "日本語のフェーズ");
	cjm_touchpoint *tp = add_tp(wide, "c", "顧客の声を聞く", 3);
	tp->channel = xstrdup("Supercalifragilisticexpialidocious-channel");
	cjm_strlist_push(&tp->pains, "長い説明のある痛み");
	tp->notes = xstrdup("Orie\xcc\x88ntatie\n\n\ttabbed");
	for (int i = 0; i < 30; i++) {
		char id[16];
		snprintf(id, sizeof id, "t%d", i);
		add_tp(wide, id, "Stap", i % 7 - 3);
	}
	check_fits_all_widths(map, false);
	cjm_map_free(map);
}

/* The number of times NEEDLE occurs in HAY. */
static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0, len = strlen(needle); /* not strstr: ASan's rescans the whole haystack */
	for (const char *p = hay; *p; p++)
		n += *p == needle[0] && strncmp(p, needle, len) == 0;
	return n;
}

/* The line of TEXT that starts with PREFIX, copied into BUF. */
static const char *line_starting(const char *text, const char *prefix, char *buf, size_t size)
{
	for (const char *line = text; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		if (strncmp(line, prefix, strlen(prefix)) == 0) {
			snprintf(buf, size, "%.*s", (int)len, line);
			return buf;
		}
		line += len + (nl ? 1 : 0);
	}
	return NULL;
}

static void test_grid_content(void **state)
{
	(void)state;
	cjm_map *map = journey();
	strbuf out = { 0 };
	cjm_show_options opt = { .width = 400, .ascii = false }; /* one band */
	cjm_show_grid(&out, map, &opt);
	const char *s = out.data;
	assert_true(strncmp(s, "Switching energy supplier\npersona name: Sanne\n\n", 47) == 0);
	assert_non_null(strstr(s, "│ Oriëntatie "));
	assert_non_null(strstr(s, "│ Nothing here yet "));
	assert_non_null(strstr(s, "(no touchpoints)"));
	assert_non_null(strstr(s, "Compare prices online"));
	assert_non_null(strstr(s, "Sign contract [!$]"));
	assert_non_null(strstr(s, "Welkomstpakket [~]"));
	assert_non_null(strstr(s, "• Too many tariffs"));
	assert_non_null(strstr(s, "• Small print"));
	assert_non_null(strstr(s, "   integrity   ")); /* pillars one a line */
	assert_non_null(strstr(s, "   expectations   "));
	assert_null(strstr(s, "integrity,"));
	assert_non_null(strstr(s, "\nmarks: ! moment of truth; $ commitment; ~ not visible to the customer\n"));
	assert_null(strstr(s, "brand moment"));
	assert_null(strstr(s, "(continued)"));
	/* one marker per scored touchpoint, on the row of its emotion */
	assert_int_equal(count_of(s, "●"), 6);
	char line[4096];
	assert_non_null(line_starting(s, "emotion +3", line, sizeof line));
	assert_int_equal(count_of(line, "●"), 0);
	assert_non_null(line_starting(s, "        +2", line, sizeof line));
	assert_int_equal(count_of(line, "●"), 2);
	assert_non_null(line_starting(s, "        +1", line, sizeof line));
	assert_int_equal(count_of(line, "●"), 1);
	assert_non_null(line_starting(s, "         0", line, sizeof line));
	assert_int_equal(count_of(line, "●"), 1);
	assert_non_null(strstr(line, "·")); /* the zero line */
	assert_non_null(line_starting(s, "        -3", line, sizeof line));
	assert_int_equal(count_of(line, "●"), 1);
	/* the markers are joined: line characters on the rows between them */
	assert_non_null(line_starting(s, "        -2", line, sizeof line));
	assert_true(count_of(line, "│") > 5);
	assert_true(count_of(s, "╭") + count_of(s, "╰") >= 3);
	assert_true(count_of(s, "╯") + count_of(s, "╮") >= 3);
	strbuf_release(&out);

	/* ASCII: no byte outside ASCII but those of the names */
	opt.ascii = true;
	cjm_show_grid(&out, map, &opt);
	assert_null(strstr(out.data, "─"));
	assert_null(strstr(out.data, "●"));
	assert_non_null(line_starting(out.data, "        +2", line, sizeof line));
	assert_int_equal(count_of(line, "o"), 2);
	for (const unsigned char *p = (const unsigned char *)out.data; *p; p++) {
		if (*p >= 0x80) {
			assert_true(strncmp((const char *)p, "ë", 2) == 0 || strncmp((const char *)p, "—", 3) == 0);
			p += *p >= 0xE0 ? 2 : 1;
		}
	}
	strbuf_release(&out);
	cjm_map_free(map);
}

static void test_grid_bands(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Bands");
	cjm_phase *a = add_phase(map, "a", "Alpha");
	cjm_phase *b = add_phase(map, "b", "Beta");
	add_tp(a, "a1", "A one", 1);
	add_tp(a, "a2", "A two", 2);
	add_tp(b, "b1", "B one", -1);
	add_tp(b, "b2", "B two", -2);
	/* width 60: gutter 11, three columns of 16 fit; Beta (2) no longer fits after Alpha (2) */
	strbuf out = { 0 };
	cjm_show_options opt = { .width = 60, .ascii = true };
	cjm_show_grid(&out, map, &opt);
	const char *first = strstr(out.data, "\n\n           +---");
	assert_non_null(first);
	const char *second = strstr(first + 1, "\n\n           +---");
	assert_non_null(second);
	const char *alpha = strstr(out.data, "| Alpha");
	const char *beta = strstr(out.data, "| Beta");
	assert_true(alpha && alpha < second);
	assert_true(beta && beta > second);
	assert_null(strstr(out.data, "(continued)"));
	assert_fits(out.data, 60, true);
	strbuf_release(&out);

	/* a phase wider than the page is split over bands */
	for (int i = 3; i <= 9; i++) {
		char id[16], name[24];
		snprintf(id, sizeof id, "b%d", i);
		snprintf(name, sizeof name, "B %d", i);
		add_tp(b, id, name, NO_EMOTION);
	}
	cjm_show_grid(&out, map, &opt);
	assert_int_equal(count_of(out.data, "| Beta (continued)"), 2);
	assert_int_equal(count_of(out.data, "| Beta "), 3);
	assert_non_null(strstr(out.data, "B 9"));
	assert_fits(out.data, 60, true);
	strbuf_release(&out);
	cjm_map_free(map);
}

static void test_grid_empty(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Nothing yet");
	strbuf out = { 0 };
	cjm_show_options opt = { .width = 80, .ascii = false };
	cjm_show_grid(&out, map, &opt);
	assert_string_equal(out.data, "Nothing yet\n\n(no phases)\n");
	strbuf_release(&out);

	cjm_phase *phase = add_phase(map, "p", "Only phase");
	add_tp(phase, "t", "Unscored", NO_EMOTION);
	cjm_show_grid(&out, map, &opt);
	assert_int_equal(count_of(out.data, "●"), 0);
	assert_non_null(strstr(out.data, "emotion +3"));
	assert_null(strstr(out.data, "marks:"));
	assert_null(strstr(out.data, "\npains")); /* no lane without content */
	strbuf_release(&out);
	cjm_map_free(map);
}

/* A flush that appends the output to another buffer and empties it. */
static void collect(strbuf *out, void *arg)
{
	strbuf *all = arg;
	strbuf_add(all, out->data ? out->data : "", out->len);
	strbuf_reset(out);
}

static void test_grid_flush(void **state)
{
	(void)state;
	cjm_map *map = journey();
	for (size_t w = 3; w <= 80; w += 11) {
		strbuf whole = { 0 }, part = { 0 }, all = { 0 };
		cjm_show_options opt = { .width = w, .ascii = false };
		cjm_show_grid(&whole, map, &opt);
		opt.flush = collect;
		opt.flush_arg = &all;
		strbuf_puts(&part, "before\n"); /* output already in the buffer is flushed too */
		cjm_show_grid(&part, map, &opt);
		assert_int_equal(part.len, 0);
		assert_true(strncmp(all.data, "before\n", 7) == 0);
		assert_string_equal(all.data + 7, whole.data);
		assert_fits(all.data, w < 7 ? 7 : w, true);
		strbuf_release(&whole);
		strbuf_release(&part);
		strbuf_release(&all);
	}
	cjm_map_free(map);
}

/* 100,000 touchpoints: the grid and the plain form take linear time. */
static void test_grid_large(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Big");
	size_t n = 0;
	for (int p = 0; p < 100; p++) {
		char id[32], name[32];
		snprintf(id, sizeof id, "p%d", p);
		cjm_phase *phase = add_phase(map, id, id);
		for (int t = 0; t < 1000; t++, n++) {
			snprintf(id, sizeof id, "t%zu", n);
			snprintf(name, sizeof name, "Touchpoint number %zu", n);
			cjm_touchpoint *tp = add_tp(phase, id, name, n % 3 ? (int)(n % 7) - 3 : NO_EMOTION);
			cjm_strlist_push(&tp->pains, "A pain");
		}
	}
	clock_t start = clock();
	strbuf out = { 0 };
	cjm_show_options opt = { .width = 80, .ascii = false };
	cjm_show_grid(&out, map, &opt);
	assert_true(out.len > 100000);
	strbuf_reset(&out);
	cjm_show_plain(&out, map);
	assert_int_equal(count_of(out.data, "\ntouchpoint "), 100000);
	double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
	assert_true(seconds < 10.0);
	strbuf_release(&out);
	cjm_map_free(map);
}

/* ---- stats ---- */

static void test_stats_text(void **state)
{
	(void)state;
	cjm_map *map = journey();
	cjm_figures *f = cjm_figures_new(map);
	strbuf out = { 0 };
	cjm_stats_render(&out, map, f);
	const char *s = out.data;
	assert_non_null(strstr(s, "  touchpoints            7\n"));
	assert_non_null(strstr(s, "  scored                 6\n"));
	assert_non_null(strstr(s, "  unscored               1\n"));
	assert_non_null(strstr(s, "  moments of truth       1\n"));
	assert_non_null(strstr(s, "  invisible              1\n"));
	assert_non_null(strstr(s, "  mean               +0.17\n"));
	assert_non_null(strstr(s, "  peak                  -3  at Eerste factuur — hoger dan verwacht (onboard/first-invoice)\n"));
	assert_non_null(strstr(s, "  end                   +2  at Welcome call (onboard/welcome-call)\n"));
	assert_non_null(strstr(s, "  peak-end score      -0.5\n"));
	assert_non_null(strstr(s, "  high-high             1  let more customers have it\n"));
	assert_non_null(strstr(s, "  none                  6  (no satisfaction or impact)\n"));
	assert_non_null(strstr(s, "  high-high: let more customers have it\n"
				  "    Compare prices online (orient/compare-prices)  satisfaction 7.5, impact 0.6\n"));
	assert_non_null(strstr(s, "  marketing             1       1  +1.00\n"));
	assert_non_null(strstr(s, "  (no owner)            5       4  +0.25\n"));
	assert_non_null(strstr(s, "  web                     2       2  +1.50\n"));
	strbuf_release(&out);
	cjm_figures_free(f);
	cjm_map_free(map);

	map = cjm_map_new("Empty");
	f = cjm_figures_new(map);
	cjm_stats_render(&out, map, f);
	assert_non_null(strstr(out.data, "no touchpoint is scored"));
	assert_non_null(strstr(out.data, "Emotion per owner\n  (no touchpoints)\n"));
	strbuf_release(&out);
	cjm_figures_free(f);
	cjm_map_free(map);

	/* a mean that rounds to zero is "0.00", as a mean of exactly 0 is, not "-0.00" */
	map = cjm_map_new("Nearly neutral");
	cjm_phase *phase = add_phase(map, "all", "All");
	char id[16];
	for (int i = 0; i < 300; i++) {
		snprintf(id, sizeof id, "t%d", i);
		add_tp(phase, id, id, i == 0 ? -1 : 0);
	}
	f = cjm_figures_new(map);
	cjm_stats_render(&out, map, f);
	assert_non_null(strstr(out.data, "  mean                0.00\n"));
	assert_non_null(strstr(out.data, "  (no owner)          300     300   0.00\n"));
	strbuf_release(&out);
	cjm_figures_free(f);
	cjm_map_free(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_text_wrap),
		cmocka_unit_test(test_text_pad_and_number),
		cmocka_unit_test(test_plain_journey),
		cmocka_unit_test(test_plain_map_fields),
		cmocka_unit_test(test_every_field_shows),
		cmocka_unit_test(test_grid_fits_width),
		cmocka_unit_test(test_grid_fits_odd_maps),
		cmocka_unit_test(test_grid_content),
		cmocka_unit_test(test_grid_bands),
		cmocka_unit_test(test_grid_empty),
		cmocka_unit_test(test_grid_flush),
		cmocka_unit_test(test_grid_large),
		cmocka_unit_test(test_stats_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
