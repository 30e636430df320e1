/* Unit tests for the semantic diff: changes by id (added, removed, renamed, moved, fields, list items), the figures, the renderings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/map.h"
#include "merge/diff.h"
#include "merge/index.h"
#include "model/field.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "fixture.h"

/* Two phases, five touchpoints, a little of everything. */
static cjm_map *journey(void)
{
	cjm_map *map = cjm_map_new("Energie");
	cjm_strlist_push(&map->brand_values, "easy");
	map->has_brand_values = true;
	cjm_phase *a = add_phase(map, "switch", "Overstap");
	cjm_phase *b = add_phase(map, "use", "Gebruik");
	cjm_touchpoint *t = add_tp(a, "compare", "Vergelijken", 1);
	t->channel = xstrdup("web");
	add_tp(a, "meter", "Meterstand", 0);
	add_tp(a, "welcome-pack", "Welkomstpakket", NO_EMOTION)->visible = CJM_FALSE;
	add_tp(b, "app", "App", 2);
	t = add_tp(b, "first-invoice", "Eerste jaarafrekening", -3);
	cjm_strlist_push(&t->pains, "€ 480 bijbetalen");
	cjm_strlist_push(&t->pains, "Onduidelijk");
	return map;
}

/* The touchpoint ID of MAP. */
static cjm_touchpoint *tp_of(cjm_map *map, const char *id)
{
	size_t p, t;
	assert_true(cjm_map_find(map, id, &p, &t));
	assert_true(t != (size_t)-1);
	return map->phases[p]->touchpoints[t];
}

/* How many changes of KIND about ID (NULL: any) the diff has. */
static size_t count_of(const cjm_diff *d, cjm_change_kind kind, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < d->count; i++)
		if (d->changes[i].kind == kind && (!id || (d->changes[i].id && strcmp(d->changes[i].id, id) == 0)))
			n++;
	return n;
}

/* The first change of KIND about ID with key KEY (NULL: any); fails when there is none. */
static const cjm_change *find(const cjm_diff *d, cjm_change_kind kind, const char *id, const char *key)
{
	for (size_t i = 0; i < d->count; i++) {
		const cjm_change *c = &d->changes[i];
		if (c->kind == kind && (!id || (c->id && strcmp(c->id, id) == 0)) &&
		    (!key || (c->key && strcmp(c->key, key) == 0)))
			return c;
	}
	fail_msg("no %s change of %s %s", cjm_change_kind_name(kind), id ? id : "-", key ? key : "");
	return NULL;
}

static char *text_of(const cjm_diff *d)
{
	strbuf out = { 0 };
	cjm_diff_render_text(&out, d, &(cjm_diff_render_options){ false });
	return out.data ? out.data : xstrdup("");
}

static void test_identical(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	cjm_diff *d = cjm_diff_new(a, b);
	assert_int_equal(d->count, 0);
	assert_true(cjm_diff_figures_equal(&d->before, &d->after));
	char *text = text_of(d);
	assert_string_equal(text, "");
	free(text);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

static void test_added_removed(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	cjm_touchpoint *nt = cjm_touchpoint_new("call-back", "Terugbellen");
	nt->has_emotion = true;
	nt->emotion = 2;
	cjm_phase_insert_touchpoint(b->phases[1], 1, nt);
	cjm_touchpoint_free(cjm_phase_remove_touchpoint(b->phases[0], 2)); /* welcome-pack */
	cjm_diff *d = cjm_diff_new(a, b);
	const cjm_change *c = find(d, CJM_CHANGE_ADDED, "call-back", NULL);
	assert_int_equal(c->target, CJM_TARGET_TOUCHPOINT);
	assert_string_equal(c->new_at.phase_id, "use");
	assert_int_equal(c->new_at.index, 1);
	assert_string_equal(c->name, "Terugbellen");
	/* its fields follow, from nothing */
	c = find(d, CJM_CHANGE_FIELD, "call-back", "emotion");
	assert_null(c->old_text);
	assert_string_equal(c->new_text, "2");
	c = find(d, CJM_CHANGE_REMOVED, "welcome-pack", NULL);
	assert_string_equal(c->old_at.phase_id, "switch");
	assert_int_equal(c->old_at.index, 2);
	c = find(d, CJM_CHANGE_FIELD, "welcome-pack", "visible");
	assert_string_equal(c->old_text, "false");
	assert_null(c->new_text);
	assert_int_equal(count_of(d, CJM_CHANGE_MOVED, NULL), 0); /* first-invoice shifted: not a move */
	assert_int_equal(count_of(d, CJM_CHANGE_ADDED, NULL), 1);
	assert_int_equal(count_of(d, CJM_CHANGE_REMOVED, NULL), 1);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

static void test_renamed(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	cjm_touchpoint *t = tp_of(b, "meter");
	free(t->name);
	t->name = xstrdup("Meterstand doorgeven");
	free(b->phases[1]->name);
	b->phases[1]->name = xstrdup("Gebruik & service");
	cjm_diff *d = cjm_diff_new(a, b);
	assert_int_equal(d->count, 2);
	const cjm_change *c = find(d, CJM_CHANGE_RENAMED, "meter", NULL);
	assert_string_equal(c->old_text, "Meterstand");
	assert_string_equal(c->new_text, "Meterstand doorgeven");
	c = find(d, CJM_CHANGE_RENAMED, "use", NULL);
	assert_int_equal(c->target, CJM_TARGET_PHASE);
	assert_string_equal(c->old_text, "Gebruik");
	char *text = text_of(d);
	assert_string_equal(text, "touchpoint meter: renamed 'Meterstand' → 'Meterstand doorgeven'\n"
				  "phase use: renamed 'Gebruik' → 'Gebruik & service'\n"
				  "journey: mean emotion 0.00, peak -3, end -3, peak-end score -3.0 (unchanged)\n");
	free(text);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

static void test_moved_within_phase(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	/* compare meter welcome-pack -> meter welcome-pack compare: only compare moved */
	cjm_touchpoint *t = cjm_phase_remove_touchpoint(b->phases[0], 0);
	cjm_phase_insert_touchpoint(b->phases[0], 2, t);
	cjm_diff *d = cjm_diff_new(a, b);
	assert_int_equal(d->count, 1);
	const cjm_change *c = find(d, CJM_CHANGE_MOVED, "compare", NULL);
	assert_string_equal(c->old_at.phase_id, "switch");
	assert_string_equal(c->new_at.phase_id, "switch");
	assert_int_equal(c->old_at.index, 0);
	assert_int_equal(c->new_at.index, 2);
	char *text = text_of(d);
	assert_non_null(strstr(text, "touchpoint compare: moved in phase 'Overstap' from position 0 to position 2\n"));
	free(text);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

static void test_moved_across_phases(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	cjm_touchpoint *t = cjm_phase_remove_touchpoint(b->phases[0], 1); /* meter */
	cjm_phase_insert_touchpoint(b->phases[1], 0, t);
	cjm_diff *d = cjm_diff_new(a, b);
	assert_int_equal(d->count, 1);
	const cjm_change *c = find(d, CJM_CHANGE_MOVED, "meter", NULL);
	assert_string_equal(c->old_at.phase_id, "switch");
	assert_int_equal(c->old_at.index, 1);
	assert_string_equal(c->new_at.phase_id, "use");
	assert_int_equal(c->new_at.index, 0);
	char *text = text_of(d);
	assert_non_null(strstr(
		text, "touchpoint meter: moved from phase 'Overstap' position 1 to phase 'Gebruik' position 0\n"));
	free(text);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

/* Inserting at the front of a long phase shifts every touchpoint, and none of them moved. */
static void test_insertion_is_not_moves(void **state)
{
	(void)state;
	cjm_map *a = cjm_map_new("Long"), *b = cjm_map_new("Long");
	cjm_phase *pa = add_phase(a, "p", "P"), *pb = add_phase(b, "p", "P");
	char id[32];
	add_tp(pb, "new-one", "New", NO_EMOTION);
	for (int i = 0; i < 200; i++) {
		snprintf(id, sizeof id, "t%d", i);
		add_tp(pa, id, id, NO_EMOTION);
		if (i == 100)
			add_tp(pb, "new-two", "New two", NO_EMOTION);
		if (i != 150)
			add_tp(pb, id, id, NO_EMOTION);
	}
	/* and one real move: t10 to the end */
	size_t at = 0;
	while (strcmp(pb->touchpoints[at]->id, "t10") != 0)
		at++;
	cjm_phase_insert_touchpoint(pb, pb->touchpoint_count, cjm_phase_remove_touchpoint(pb, at));
	cjm_diff *d = cjm_diff_new(a, b);
	assert_int_equal(count_of(d, CJM_CHANGE_ADDED, NULL), 2);
	assert_int_equal(count_of(d, CJM_CHANGE_REMOVED, NULL), 1);
	assert_int_equal(count_of(d, CJM_CHANGE_MOVED, NULL), 1);
	find(d, CJM_CHANGE_MOVED, "t10", NULL);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

static void test_phases(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	add_phase(a, "gone", "Weg");
	add_tp(a->phases[2], "gone-tp", "Weg tp", -1);
	add_tp(a->phases[2], "stays-tp", "Blijft", 1);
	cjm_phase *np = cjm_phase_new("service", "Service");
	np->description = xstrdup("Na de levering");
	cjm_map_insert_phase(b, 0, np);
	add_tp(b->phases[2], "stays-tp", "Blijft", 1); /* from the removed phase to 'use' */
	/* swap switch and use: one of them moved */
	cjm_map_insert_phase(b, 2, cjm_map_remove_phase(b, 1)); /* service use switch */
	cjm_diff *d = cjm_diff_new(a, b);
	const cjm_change *c = find(d, CJM_CHANGE_ADDED, "service", NULL);
	assert_int_equal(c->target, CJM_TARGET_PHASE);
	assert_int_equal(c->new_at.index, 0);
	c = find(d, CJM_CHANGE_FIELD, "service", "description");
	assert_string_equal(c->new_text, "Na de levering");
	c = find(d, CJM_CHANGE_REMOVED, "gone", NULL);
	assert_int_equal(c->target, CJM_TARGET_PHASE);
	assert_int_equal(c->old_at.index, 2);
	find(d, CJM_CHANGE_REMOVED, "gone-tp", NULL);
	c = find(d, CJM_CHANGE_MOVED, "stays-tp", NULL);
	assert_string_equal(c->old_at.phase_id, "gone");
	assert_string_equal(c->new_at.phase_id, "use");
	assert_int_equal(count_of(d, CJM_CHANGE_MOVED, NULL), 2); /* one phase, and stays-tp */
	assert_int_equal(count_of(d, CJM_CHANGE_MOVED, "use") + count_of(d, CJM_CHANGE_MOVED, "switch"), 1);
	/* the touchpoints of a moved phase did not move */
	assert_int_equal(count_of(d, CJM_CHANGE_MOVED, "compare"), 0);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

/* Every kind of field: text, emotion, number, bool, pillars, lists. */
static void test_field_kinds(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	cjm_touchpoint *ta = tp_of(a, "compare"), *t = tp_of(b, "compare");
	free(t->channel);
	t->channel = xstrdup("app");
	t->emotion = -2;
	t->has_satisfaction = true;
	t->satisfaction = 7.5;
	ta->has_impact = t->has_impact = true;
	ta->impact = 0.25;
	t->impact = 0.5;
	t->moment_of_truth = CJM_TRUE;
	ta->pillars = CJM_PILLAR_EMPATHY | CJM_PILLAR_INTEGRITY;
	t->pillars = CJM_PILLAR_INTEGRITY | CJM_PILLAR_RESOLUTION;
	t->notes = xstrdup("Line one\nline two");
	cjm_strlist_push(&t->ideas, "Eén tarief");
	cjm_strlist_push(&ta->quotes, "Te duur");
	cjm_touchpoint *inv = tp_of(b, "first-invoice");
	free(cjm_strlist_take(&inv->pains, 0));
	cjm_strlist_push(&inv->pains, "Uitleg vooraf");
	cjm_touchpoint *app_a = tp_of(a, "app"), *app_b = tp_of(b, "app");
	cjm_strlist_push(&app_a->ideas, "x");
	cjm_strlist_push(&app_a->ideas, "y");
	cjm_strlist_push(&app_b->ideas, "y");
	cjm_strlist_push(&app_b->ideas, "x");
	cjm_diff *d = cjm_diff_new(a, b);

	const cjm_change *c = find(d, CJM_CHANGE_FIELD, "compare", "channel");
	assert_string_equal(c->old_text, "web");
	assert_string_equal(c->new_text, "app");
	assert_int_equal(c->style, CJM_VALUE_TEXT);
	c = find(d, CJM_CHANGE_FIELD, "compare", "emotion");
	assert_string_equal(c->old_text, "1");
	assert_string_equal(c->new_text, "-2");
	assert_int_equal(c->style, CJM_VALUE_WORD);
	c = find(d, CJM_CHANGE_FIELD, "compare", "satisfaction");
	assert_null(c->old_text);
	assert_string_equal(c->new_text, "7.5");
	c = find(d, CJM_CHANGE_FIELD, "compare", "impact");
	assert_string_equal(c->old_text, "0.25");
	assert_string_equal(c->new_text, "0.5");
	c = find(d, CJM_CHANGE_FIELD, "compare", "moment_of_truth");
	assert_null(c->old_text);
	assert_string_equal(c->new_text, "true");
	c = find(d, CJM_CHANGE_ITEM_REMOVED, "compare", "pillars");
	assert_string_equal(c->old_text, "empathy");
	c = find(d, CJM_CHANGE_ITEM_ADDED, "compare", "pillars");
	assert_string_equal(c->new_text, "resolution");
	assert_int_equal(count_of(d, CJM_CHANGE_ITEM_ADDED, "compare"), 2); /* resolution, the idea */
	c = find(d, CJM_CHANGE_FIELD, "compare", "notes");
	assert_string_equal(c->new_text, "Line one\nline two");
	c = find(d, CJM_CHANGE_ITEM_ADDED, "compare", "ideas");
	assert_string_equal(c->new_text, "Eén tarief");
	c = find(d, CJM_CHANGE_ITEM_REMOVED, "compare", "quotes");
	assert_string_equal(c->old_text, "Te duur");
	c = find(d, CJM_CHANGE_ITEM_REMOVED, "first-invoice", "pains");
	assert_string_equal(c->old_text, "€ 480 bijbetalen");
	c = find(d, CJM_CHANGE_ITEM_ADDED, "first-invoice", "pains");
	assert_string_equal(c->new_text, "Uitleg vooraf");
	assert_int_equal(count_of(d, CJM_CHANGE_ITEM_REMOVED, "first-invoice"), 1); /* 'Onduidelijk' stayed */
	find(d, CJM_CHANGE_REORDERED, "app", "ideas");
	assert_int_equal(count_of(d, CJM_CHANGE_ITEM_ADDED, "app"), 0);

	char *text = text_of(d);
	assert_non_null(strstr(text, "touchpoint compare ('Vergelijken', phase 'Overstap'):\n"
				     "  channel: 'web' → 'app'\n"
				     "  emotion: +1 → -2\n"
				     "  satisfaction: (none) → 7.5\n"
				     "  impact: 0.25 → 0.5\n"
				     "  moment_of_truth: (none) → true\n"
				     "  pillars: removed empathy\n"
				     "  pillars: added resolution\n"
				     "  ideas: added 'Eén tarief'\n"
				     "  quotes: removed 'Te duur'\n"
				     "  notes: (none) → 'Line one\\nline two'\n"));
	assert_non_null(strstr(text, "touchpoint first-invoice ('Eerste jaarafrekening', phase 'Gebruik'):\n"
				     "  pains: removed '€ 480 bijbetalen'\n"
				     "  pains: added 'Uitleg vooraf'\n"));
	assert_non_null(strstr(text, "touchpoint app ('App', phase 'Gebruik'):\n  ideas: reordered\n"));
	free(text);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

static void test_top_level(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	free(b->title);
	b->title = xstrdup("Energie 2");
	b->persona_name = xstrdup("Sanne");
	b->has_persona = true;
	cjm_strlist_push(&b->brand_values, "personal");
	b->has_threshold_satisfaction = true;
	b->threshold_satisfaction = 6;
	a->patterns = xcalloc(2, sizeof *a->patterns);
	a->pattern_count = 2;
	a->patterns[0] = (cjm_pattern_setting){ xstrdup("soften-negatives"), CJM_TRUE, true, -2, { 0, 0 } };
	a->patterns[1] = (cjm_pattern_setting){ xstrdup("redesign"), CJM_FALSE, false, 0, { 0, 0 } };
	b->patterns = xcalloc(2, sizeof *b->patterns);
	b->pattern_count = 2;
	b->patterns[0] = (cjm_pattern_setting){ xstrdup("soften-negatives"), CJM_TRUE, true, -1, { 0, 0 } };
	b->patterns[1] = (cjm_pattern_setting){ xstrdup("skip-steps"), CJM_UNSET, true, 0.5, { 0, 0 } };
	a->dismissed = xcalloc(1, sizeof *a->dismissed);
	a->dismissed_count = 1;
	a->dismissed[0] = (cjm_dismissal){ xstrdup("skip-steps"), xstrdup("welcome-pack"), { 0, 0 } };
	b->dismissed = xcalloc(1, sizeof *b->dismissed);
	b->dismissed_count = 1;
	b->dismissed[0] = (cjm_dismissal){ xstrdup("redesign"), xstrdup("journey"), { 0, 0 } };
	cjm_diff *d = cjm_diff_new(a, b);
	const cjm_change *c = find(d, CJM_CHANGE_FIELD, NULL, "title");
	assert_int_equal(c->target, CJM_TARGET_MAP);
	assert_string_equal(c->old_text, "Energie");
	assert_string_equal(c->new_text, "Energie 2");
	c = find(d, CJM_CHANGE_FIELD, NULL, "persona.name");
	assert_null(c->old_text);
	c = find(d, CJM_CHANGE_ITEM_ADDED, NULL, "brand_values");
	assert_string_equal(c->new_text, "personal");
	c = find(d, CJM_CHANGE_FIELD, NULL, "thresholds.satisfaction");
	assert_string_equal(c->new_text, "6");
	c = find(d, CJM_CHANGE_FIELD, "soften-negatives", "threshold");
	assert_string_equal(c->old_text, "-2");
	assert_string_equal(c->new_text, "-1");
	assert_int_equal(count_of(d, CJM_CHANGE_FIELD, "soften-negatives"), 1);
	c = find(d, CJM_CHANGE_ADDED, "skip-steps", NULL);
	assert_int_equal(c->target, CJM_TARGET_PATTERN);
	c = find(d, CJM_CHANGE_REMOVED, "redesign", NULL);
	assert_int_equal(c->target, CJM_TARGET_PATTERN);
	c = find(d, CJM_CHANGE_REMOVED, "skip-steps", NULL);
	assert_int_equal(c->target, CJM_TARGET_DISMISSAL);
	assert_string_equal(c->old_text, "welcome-pack");
	c = find(d, CJM_CHANGE_ADDED, "redesign", NULL);
	assert_int_equal(c->target, CJM_TARGET_DISMISSAL);
	assert_string_equal(c->new_text, "journey");

	char *text = text_of(d);
	assert_string_equal(text, "title: 'Energie' → 'Energie 2'\n"
				  "persona.name: (none) → 'Sanne'\n"
				  "brand_values: added 'personal'\n"
				  "thresholds.satisfaction: (none) → 6\n"
				  "pattern soften-negatives: threshold: -2 → -1\n"
				  "pattern skip-steps: added\n"
				  "  threshold: 0.5\n"
				  "pattern redesign: removed\n"
				  "  enabled: false\n"
				  "dismissal skip-steps of welcome-pack: removed\n"
				  "dismissal redesign of journey: added\n"
				  "journey: mean emotion 0.00, peak -3, end -3, peak-end score -3.0 (unchanged)\n");
	free(text);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

static void test_figures(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	tp_of(b, "first-invoice")->emotion = 1; /* 1 0 2 -3 -> 1 0 2 1 */
	cjm_diff *d = cjm_diff_new(a, b);
	assert_int_equal(d->before.scored, 4);
	assert_true(d->before.mean == 0.0);
	assert_int_equal(d->before.peak, -3);
	assert_int_equal(d->before.end, -3);
	assert_true(d->before.peak_end == -3.0);
	assert_true(d->after.mean == 1.0);
	assert_int_equal(d->after.peak, 2);
	assert_int_equal(d->after.end, 1);
	assert_true(d->after.peak_end == 1.5);
	assert_false(cjm_diff_figures_equal(&d->before, &d->after));
	char *text = text_of(d);
	assert_non_null(strstr(text, "journey: mean emotion 0.00 → +1.00, peak -3 → +2, end -3 → +1, "
				     "peak-end score -3.0 → +1.5\n"));
	free(text);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

/* An empty map on one side (git's /dev/null): everything added. */
static void test_from_empty(void **state)
{
	(void)state;
	cjm_map *a = cjm_map_new(NULL), *b = journey();
	cjm_diff *d = cjm_diff_new(a, b);
	assert_int_equal(count_of(d, CJM_CHANGE_ADDED, NULL), 7);
	assert_int_equal(count_of(d, CJM_CHANGE_REMOVED, NULL), 0);
	assert_int_equal(count_of(d, CJM_CHANGE_MOVED, NULL), 0);
	assert_int_equal(d->before.scored, 0);
	char *text = text_of(d);
	assert_non_null(strstr(text, "title: (none) → 'Energie'\n"));
	assert_non_null(strstr(text, "journey: mean emotion none → 0.00, peak none → -3"));
	free(text);
	cjm_diff_free(d);
	cjm_diff *back = cjm_diff_new(b, a);
	assert_int_equal(count_of(back, CJM_CHANGE_REMOVED, NULL), 7);
	cjm_diff_free(back);
	cjm_map_free(a);
	cjm_map_free(b);
}

static void test_yaml(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	tp_of(b, "compare")->emotion = 3;
	cjm_diff *d = cjm_diff_new(a, b);
	strbuf out = { 0 };
	cjm_diff_render_yaml(&out, d);
	assert_non_null(strstr(out.data, "same: false\nchanges:\n- kind: touchpoint\n  change: field\n"
					 "  id: compare\n  name: Vergelijken\n  phase: switch\n  position: 0\n"
					 "  field: emotion\n  old: 1\n  new: 3\n"));
	assert_non_null(strstr(out.data, "journey:\n  before:\n    scored: 4\n"));
	strbuf_release(&out);
	cjm_diff_free(d);
	cjm_diff *same = cjm_diff_new(a, a);
	cjm_diff_render_yaml(&out, same);
	assert_non_null(strstr(out.data, "same: true\nchanges: []\n"));
	strbuf_release(&out);
	cjm_diff_free(same);
	cjm_map_free(a);
	cjm_map_free(b);
}

static void test_color(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	tp_of(b, "compare")->emotion = 3;
	cjm_diff *d = cjm_diff_new(a, b);
	strbuf out = { 0 };
	cjm_diff_render_text(&out, d, &(cjm_diff_render_options){ true });
	assert_non_null(strstr(out.data, "  emotion: \x1b[31m+1\x1b[m → \x1b[32m+3\x1b[m\n"));
	strbuf_release(&out);
	char *plain = text_of(d);
	assert_null(strchr(plain, '\x1b'));
	free(plain);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

/* Control characters in a map never reach the terminal raw. */
static void test_escapes(void **state)
{
	(void)state;
	cjm_map *a = journey(), *b = journey();
	cjm_touchpoint *t = tp_of(b, "compare");
	free(t->channel);
	t->channel = xstrdup("we\x1b[2Jb\\");
	cjm_diff *d = cjm_diff_new(a, b);
	char *text = text_of(d);
	assert_null(strchr(text, '\x1b'));
	assert_non_null(strstr(text, "  channel: 'web' → 'we\\x1B[2Jb\\\\'\n"));
	free(text);
	cjm_diff_free(d);
	cjm_map_free(a);
	cjm_map_free(b);
}

static void test_index(void **state)
{
	(void)state;
	cjm_map *map = journey();
	cjm_map_index *index = cjm_map_index_new(map);
	size_t p = 9, t = 9;
	assert_int_equal(cjm_map_index_phase(index, "use"), 1);
	assert_int_equal(cjm_map_index_phase(index, "app"), CJM_INDEX_NONE);
	assert_true(cjm_map_index_touchpoint(index, "first-invoice", &p, &t));
	assert_int_equal(p, 1);
	assert_int_equal(t, 1);
	assert_false(cjm_map_index_touchpoint(index, "use", &p, &t));
	assert_null(cjm_map_index_get(index, "nothing"));
	cjm_map_index_free(index);
	cjm_map_free(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical),
		cmocka_unit_test(test_added_removed),
		cmocka_unit_test(test_renamed),
		cmocka_unit_test(test_moved_within_phase),
		cmocka_unit_test(test_moved_across_phases),
		cmocka_unit_test(test_insertion_is_not_moves),
		cmocka_unit_test(test_phases),
		cmocka_unit_test(test_field_kinds),
		cmocka_unit_test(test_top_level),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_from_empty),
		cmocka_unit_test(test_yaml),
		cmocka_unit_test(test_color),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_index),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
