/* Unit tests for the Markdown export: escaping, the phase tables, figures, quadrants, the diagram block. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/map.h"
#include "export/export.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "fixture.h"

static void set_quadrant(cjm_touchpoint *tp, double satisfaction, double impact)
{
	tp->has_satisfaction = tp->has_impact = true;
	tp->satisfaction = satisfaction;
	tp->impact = impact;
}

/* The Markdown of MAP (caller frees). */
static char *markdown_of(const cjm_map *map)
{
	strbuf out = { 0 };
	cjm_export_markdown(map, NULL, &out);
	return out.data;
}

/* Asserts HAYSTACK holds NEEDLE, showing both when not. */
static void assert_has(const char *haystack, const char *needle)
{
	if (!strstr(haystack, needle))
		fprintf(stderr, "expected to find:\n%s\nin:\n%s\n", needle, haystack);
	assert_non_null(strstr(haystack, needle));
}

static cjm_map *journey(void)
{
	cjm_map *map = cjm_map_new("Switching energy supplier");
	map->persona_name = xstrdup("Sanne");
	map->persona_description = xstrdup("First home; compares prices online");
	map->has_persona = true;
	cjm_strlist_push(&map->brand_values, "easy");
	cjm_strlist_push(&map->brand_values, "green");
	map->has_brand_values = true;
	cjm_phase *orient = add_phase(map, "orient", "Oriëntatie");
	orient->description = xstrdup("- Comparing, then choosing.");
	add_phase(map, "later", "Later");
	cjm_phase *onboard = add_phase(map, "onboard", "Onboarding");
	cjm_touchpoint *t = add_tp(orient, "compare", "Compare prices", 1);
	t->channel = xstrdup("web");
	t->owner = xstrdup("marketing");
	cjm_strlist_push(&t->pains, "Too many tariffs");
	cjm_strlist_push(&t->pains, "Small print");
	cjm_strlist_push(&t->ideas, "One simple tariff");
	set_quadrant(t, 7.5, 0.6);
	t = add_tp(orient, "sign", "Sign", -3);
	t->moment_of_truth = CJM_TRUE;
	t->commitment = CJM_TRUE;
	set_quadrant(t, 3, 0.9);
	t = add_tp(onboard, "pack", "Welcome pack", NO_EMOTION);
	t->visible = CJM_FALSE;
	t->brand_moment = CJM_TRUE;
	set_quadrant(t, 6, 0.1);
	add_tp(onboard, "call", "Welcome call", 2);
	return map;
}

static void test_document(void **state)
{
	(void)state;
	cjm_map *map = journey();
	char *md = markdown_of(map);
	assert_has(md, "# Switching energy supplier\n\n"
		       "**Persona:** Sanne — First home; compares prices online\n\n"
		       "**Brand values:** easy, green\n\n"
		       "- **Touchpoints:** 4 in 3 phases, 3 scored\n"
		       "- **Mean emotion:** 0.00\n"
		       "- **Peak:** -3 at Sign (Oriëntatie)\n"
		       "- **End:** +2 at Welcome call (Onboarding)\n"
		       "- **Peak-end score:** -0.5\n"
		       "- **Moments of truth:** 1\n\n"
		       "## Journey\n\n"
		       "```mermaid\n"
		       "journey\n"
		       "    title Switching energy supplier\n");
	assert_has(md, "      Welcome call: 5\n```\n\n## Phase 1: Oriëntatie\n\n"
		       "\\- Comparing, then choosing.\n\n"
		       "| Touchpoint | Channel | Owner | Emotion | Pains | Ideas |\n"
		       "|---|---|---|--:|---|---|\n"
		       "| Compare prices | web | marketing | +1 | • Too many tariffs<br>• Small print | • One simple tariff |\n"
		       "| Sign<br>_moment of truth, commitment_ |  |  | -3 |  |  |\n\n"
		       "## Phase 2: Later\n\n_No touchpoints yet._\n\n"
		       "## Phase 3: Onboarding\n\n"
		       "| Touchpoint | Channel | Owner | Emotion | Pains | Ideas |\n"
		       "|---|---|---|--:|---|---|\n"
		       "| Welcome pack<br>_brand moment, not visible to the customer_ |  |  | not scored |  |  |\n"
		       "| Welcome call |  |  | +2 |  |  |\n\n");
	assert_has(md, "## Quadrants\n\n"
		       "Satisfaction × impact on NPS: satisfaction threshold 7, impact threshold 0.3; below is low.\n\n"
		       "| Quadrant | Touchpoints | Action |\n"
		       "|---|--:|---|\n"
		       "| low-low | 1 | fix cheaply |\n"
		       "| high-low | 0 | doing too well: save cost |\n"
		       "| low-high | 1 | raise satisfaction first |\n"
		       "| high-high | 1 | let more customers have it |\n"
		       "| none | 1 | no satisfaction or impact |\n\n"
		       "| Touchpoint | Phase | Satisfaction | Impact | Quadrant | Action |\n"
		       "|---|---|--:|--:|---|---|\n"
		       "| Welcome pack | Onboarding | 6 | 0.1 | low-low | fix cheaply |\n"
		       "| Sign | Oriëntatie | 3 | 0.9 | low-high | raise satisfaction first |\n"
		       "| Compare prices | Oriëntatie | 7.5 | 0.6 | high-high | let more customers have it |\n");
	/* one line break at the very end */
	size_t len = strlen(md);
	assert_true(len > 2 && md[len - 1] == '\n' && md[len - 2] != '\n');
	free(md);
	cjm_map_free(map);
}

/* The diagram in the document is exactly the mermaid export. */
static void test_diagram_is_the_mermaid_export(void **state)
{
	(void)state;
	cjm_map *map = journey();
	char *md = markdown_of(map);
	strbuf diagram = { 0 };
	strbuf_puts(&diagram, "```mermaid\n");
	cjm_export_mermaid(map, NULL, &diagram);
	strbuf_puts(&diagram, "```\n");
	assert_has(md, diagram.data);
	strbuf_release(&diagram);
	free(md);
	cjm_map_free(map);
}

static void test_escaping(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("a*b_c [x](y) <b>&amp; #1 | ~~s~~ $5 10:30 :smile: \\ `c` > q");
	cjm_phase *p = add_phase(map, "p", "1. First | second");
	p->description = xstrdup("  12) not a list\nline two <br>");
	cjm_touchpoint *t = add_tp(p, "t", "Pipe | in <name>\r\nand a break", 0);
	t->channel = xstrdup("+ plus");
	t->owner = xstrdup("= equals");
	cjm_strlist_push(&t->pains, "a\\|b");
	char *md = markdown_of(map);
	assert_has(md, "# a\\*b\\_c \\[x\\](y) \\<b\\>\\&amp; \\#1 \\| \\~\\~s\\~\\~ \\$5 10:30 :smile: \\\\ \\`c\\` \\> q\n");
	assert_has(md, "## Phase 1: 1. First \\| second\n\n12\\) not a list<br>line two \\<br\\>\n\n");
	assert_has(md, "| Pipe \\| in \\<name\\><br>and a break | + plus | = equals | 0 | • a\\\\\\|b |  |\n");
	free(md);
	cjm_map_free(map);
}

static void test_line_start(void **state)
{
	(void)state;
	static const struct {
		const char *description, *markdown;
	} cases[] = {
		{ "- item", "\\- item" },     { "+ item", "\\+ item" }, { "= under", "\\= under" },
		{ "1. one", "1\\. one" },     { "10) ten", "10\\) ten" }, { "> quote", "\\> quote" },
		{ "# heading", "\\# heading" }, { "    code", "code" },   { "```", "\\`\\`\\`" },
		{ "~~~", "\\~\\~\\~" },       { "<div>", "\\<div\\>" }, { "|a|", "\\|a\\|" },
		{ "***", "\\*\\*\\*" },       { "2024 was good", "2024 was good" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		cjm_map *map = cjm_map_new("T");
		add_phase(map, "p", "P")->description = xstrdup(cases[i].description);
		char *md = markdown_of(map);
		strbuf want = { 0 };
		strbuf_printf(&want, "## Phase 1: P\n\n%s\n\n_No touchpoints yet._", cases[i].markdown);
		assert_has(md, want.data);
		strbuf_release(&want);
		free(md);
		cjm_map_free(map);
	}
}

static void test_backticks_lengthen_the_fence(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Code ```` fence");
	char *md = markdown_of(map);
	assert_has(md, "`````mermaid\njourney\n    title Code ```` fence\n`````\n");
	free(md);
	cjm_map_free(map);
}

static void test_empty_and_unscored(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Empty");
	char *md = markdown_of(map);
	assert_has(md, "# Empty\n\n- **Touchpoints:** 0 in 0 phases, 0 scored\n"
		       "- **Emotion:** no touchpoint is scored yet\n- **Moments of truth:** 0\n\n");
	assert_has(md, "```\n\n_No phases yet._\n\n## Quadrants\n");
	assert_has(md, "| none | 0 | no satisfaction or impact |\n");
	assert_null(strstr(md, "| Touchpoint | Phase |"));
	assert_null(strstr(md, "Persona"));
	assert_null(strstr(md, "Brand values"));
	free(md);
	cjm_map_free(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_diagram_is_the_mermaid_export),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_line_start),
		cmocka_unit_test(test_backticks_lengthen_the_fence),
		cmocka_unit_test(test_empty_and_unscored),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
