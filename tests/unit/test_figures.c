/* Unit tests for the figures of a map: counts, mean, peak, end, peak-end, quadrants, groups. */
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
#include "analysis/quadrants.h"
#include "model/map.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "fixture.h"

/* A map of one phase whose touchpoints have the EMOTIONS given (COUNT of them). */
static cjm_map *map_of(const int *emotions, size_t count)
{
	cjm_map *map = cjm_map_new("T");
	cjm_phase *phase = add_phase(map, "p", "p");
	for (size_t i = 0; i < count; i++) {
		char id[32];
		snprintf(id, sizeof id, "t%zu", i);
		add_tp(phase, id, id, emotions[i]);
	}
	return map;
}

static void test_empty_map(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Empty");
	cjm_figures *f = cjm_figures_new(map);
	assert_int_equal(f->phases, 0);
	assert_int_equal(f->touchpoints, 0);
	assert_int_equal(f->scored, 0);
	assert_int_equal(f->unscored, 0);
	assert_false(f->has_peak);
	assert_true(f->emotion.mean == 0.0);
	assert_int_equal(f->owner_count, 0);
	assert_int_equal(f->channel_count, 0);
	assert_int_equal(f->unplaced, 0);
	for (int q = 0; q < CJM_QUADRANT_COUNT; q++)
		assert_int_equal(f->quadrant_count[q], 0);
	assert_int_equal(f->phase_first[0], 0);
	assert_null(cjm_figures_owner(f, NULL));
	assert_null(cjm_figures_owner(f, "sales"));
	cjm_figures_free(f);
	cjm_map_free(map);
}

static void test_phase_without_touchpoints(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("T");
	add_phase(map, "a", "a");
	cjm_phase *b = add_phase(map, "b", "b");
	add_phase(map, "c", "c");
	add_tp(b, "x", "x", 1);
	add_tp(b, "y", "y", NO_EMOTION);
	cjm_figures *f = cjm_figures_new(map);
	assert_int_equal(f->phases, 3);
	assert_int_equal(f->touchpoints, 2);
	assert_int_equal(f->phase_first[0], 0);
	assert_int_equal(f->phase_first[1], 0);
	assert_int_equal(f->phase_first[2], 2);
	assert_int_equal(f->phase_first[3], 2);
	assert_int_equal(f->phase_emotion[0].count, 0);
	assert_int_equal(f->phase_emotion[0].scored, 0);
	assert_int_equal(f->phase_emotion[1].count, 2);
	assert_int_equal(f->phase_emotion[1].scored, 1);
	assert_int_equal(f->tps[1].phase, 1);
	assert_int_equal(f->tps[1].index, 1);
	assert_string_equal(f->tps[1].tp->id, "y");
	assert_int_equal(cjm_figures_flat(f, 1, 1), 1);
	cjm_figures_free(f);
	cjm_map_free(map);
}

static void test_nothing_scored(void **state)
{
	(void)state;
	const int e[] = { NO_EMOTION, NO_EMOTION, NO_EMOTION };
	cjm_map *map = map_of(e, 3);
	cjm_figures *f = cjm_figures_new(map);
	assert_int_equal(f->touchpoints, 3);
	assert_int_equal(f->scored, 0);
	assert_int_equal(f->unscored, 3);
	assert_false(f->has_peak);
	assert_true(f->emotion.mean == 0.0);
	assert_true(f->peak_end == 0.0);
	assert_int_equal(f->emotion.count, 3);
	cjm_figures_free(f);
	cjm_map_free(map);
}

static void test_mean_peak_end(void **state)
{
	(void)state;
	const int e[] = { 1, NO_EMOTION, -3, 2, NO_EMOTION };
	cjm_map *map = map_of(e, 5);
	cjm_figures *f = cjm_figures_new(map);
	assert_int_equal(f->scored, 3);
	assert_int_equal(f->unscored, 2);
	assert_int_equal(f->emotion.sum, 0);
	assert_true(f->emotion.mean == 0.0);
	assert_true(f->has_peak);
	assert_int_equal(f->peak, -3);
	assert_int_equal(f->peak_at, 2);
	assert_int_equal(f->end, 2);   /* the last scored, not the last touchpoint */
	assert_int_equal(f->end_at, 3);
	assert_true(f->peak_end == -0.5);
	assert_int_equal(f->emotion.min, -3);
	assert_int_equal(f->emotion.max, 2);
	assert_int_equal(f->emotion.negative, 1);
	assert_int_equal(f->emotion.positive, 2);
	assert_int_equal(f->emotion.neutral, 0);
	cjm_figures_free(f);
	cjm_map_free(map);

	const int e2[] = { 1, 2 };
	map = map_of(e2, 2);
	f = cjm_figures_new(map);
	assert_true(f->emotion.mean == 1.5);
	assert_int_equal(f->peak, 2);
	assert_int_equal(f->end, 2);
	assert_true(f->peak_end == 2.0);
	cjm_figures_free(f);
	cjm_map_free(map);
}

static void test_peak_ties(void **state)
{
	(void)state;
	/* the earliest of equal magnitude wins, whatever its sign */
	const int a[] = { 0, 3, -3 };
	cjm_map *map = map_of(a, 3);
	cjm_figures *f = cjm_figures_new(map);
	assert_int_equal(f->peak, 3);
	assert_int_equal(f->peak_at, 1);
	assert_int_equal(f->end, -3);
	assert_true(f->peak_end == 0.0);
	cjm_figures_free(f);
	cjm_map_free(map);

	const int b[] = { -2, 2, 1, -2 };
	map = map_of(b, 4);
	f = cjm_figures_new(map);
	assert_int_equal(f->peak, -2);
	assert_int_equal(f->peak_at, 0);
	assert_int_equal(f->end, -2);
	assert_int_equal(f->end_at, 3);
	assert_true(f->peak_end == -2.0);
	assert_int_equal(f->emotion.min_at, 0); /* earliest lowest */
	assert_int_equal(f->emotion.max_at, 1);
	cjm_figures_free(f);
	cjm_map_free(map);

	const int c[] = { 0, 0 };
	map = map_of(c, 2);
	f = cjm_figures_new(map);
	assert_true(f->has_peak);
	assert_int_equal(f->peak, 0);
	assert_int_equal(f->peak_at, 0);
	assert_int_equal(f->end_at, 1);
	assert_int_equal(f->emotion.neutral, 2);
	cjm_figures_free(f);
	cjm_map_free(map);

	const int d[] = { NO_EMOTION, -1 };
	map = map_of(d, 2);
	f = cjm_figures_new(map);
	assert_int_equal(f->peak, -1);
	assert_int_equal(f->peak_at, 1);
	assert_int_equal(f->end_at, 1);
	assert_true(f->peak_end == -1.0);
	cjm_figures_free(f);
	cjm_map_free(map);
}

static void test_flag_counts(void **state)
{
	(void)state;
	const int e[] = { 1, 1, 1, 1 };
	cjm_map *map = map_of(e, 4);
	cjm_touchpoint **tps = map->phases[0]->touchpoints;
	tps[0]->moment_of_truth = CJM_TRUE;
	tps[1]->moment_of_truth = CJM_FALSE;
	tps[1]->brand_moment = CJM_TRUE;
	tps[2]->brand_moment = CJM_TRUE;
	tps[2]->commitment = CJM_TRUE;
	tps[3]->commitment = CJM_FALSE;
	tps[0]->visible = CJM_TRUE;
	tps[1]->visible = CJM_FALSE;
	tps[3]->visible = CJM_FALSE;
	cjm_figures *f = cjm_figures_new(map);
	assert_int_equal(f->moments_of_truth, 1);
	assert_int_equal(f->brand_moments, 2);
	assert_int_equal(f->commitments, 1);
	assert_int_equal(f->invisible, 2); /* unset means visible */
	cjm_figures_free(f);
	cjm_map_free(map);
}

static void set_scores(cjm_touchpoint *tp, double satisfaction, double impact)
{
	tp->has_satisfaction = tp->has_impact = true;
	tp->satisfaction = satisfaction;
	tp->impact = impact;
}

static void test_quadrant_boundaries(void **state)
{
	(void)state;
	/* low is below the threshold; at the threshold is high */
	assert_int_equal(cjm_quadrant_classify(7, 0.3, 7, 0.3), CJM_QUADRANT_HIGH_HIGH);
	assert_int_equal(cjm_quadrant_classify(6.99, 0.3, 7, 0.3), CJM_QUADRANT_LOW_HIGH);
	assert_int_equal(cjm_quadrant_classify(7, 0.29, 7, 0.3), CJM_QUADRANT_HIGH_LOW);
	assert_int_equal(cjm_quadrant_classify(6.99, 0.29, 7, 0.3), CJM_QUADRANT_LOW_LOW);
	assert_int_equal(cjm_quadrant_classify(0, 0, 0, 0), CJM_QUADRANT_HIGH_HIGH);
	assert_int_equal(cjm_quadrant_classify(10, 1, 10, 1), CJM_QUADRANT_HIGH_HIGH);
	assert_int_equal(cjm_quadrant_classify(9.99, 0.99, 10, 1), CJM_QUADRANT_LOW_LOW);

	assert_string_equal(cjm_quadrant_name(CJM_QUADRANT_LOW_LOW), "low-low");
	assert_string_equal(cjm_quadrant_name(CJM_QUADRANT_HIGH_LOW), "high-low");
	assert_string_equal(cjm_quadrant_name(CJM_QUADRANT_LOW_HIGH), "low-high");
	assert_string_equal(cjm_quadrant_name(CJM_QUADRANT_HIGH_HIGH), "high-high");
	assert_string_equal(cjm_quadrant_name(CJM_QUADRANT_NONE), "none");
	assert_string_equal(cjm_quadrant_action(CJM_QUADRANT_LOW_LOW), "fix cheaply");
	assert_string_equal(cjm_quadrant_action(CJM_QUADRANT_HIGH_LOW), "doing too well: save cost");
	assert_string_equal(cjm_quadrant_action(CJM_QUADRANT_LOW_HIGH), "raise satisfaction first");
	assert_string_equal(cjm_quadrant_action(CJM_QUADRANT_HIGH_HIGH), "let more customers have it");
	/* the editor's lane: each brief fits a 14-column touchpoint column */
	assert_string_equal(cjm_quadrant_brief(CJM_QUADRANT_LOW_LOW), "fix cheaply");
	assert_string_equal(cjm_quadrant_brief(CJM_QUADRANT_HIGH_LOW), "save cost");
	assert_string_equal(cjm_quadrant_brief(CJM_QUADRANT_LOW_HIGH), "raise first");
	assert_string_equal(cjm_quadrant_brief(CJM_QUADRANT_HIGH_HIGH), "spread it");
	assert_string_equal(cjm_quadrant_brief(CJM_QUADRANT_NONE), "");
	for (int q = 0; q < CJM_QUADRANT_COUNT; q++)
		assert_true(strlen(cjm_quadrant_brief((cjm_quadrant)q)) <= 13);
}

static void test_quadrants_of_map(void **state)
{
	(void)state;
	const int e[] = { NO_EMOTION, NO_EMOTION, NO_EMOTION, NO_EMOTION, NO_EMOTION, NO_EMOTION, NO_EMOTION };
	cjm_map *map = map_of(e, 7);
	cjm_touchpoint **tps = map->phases[0]->touchpoints;
	set_scores(tps[0], 7, 0.3);   /* default thresholds 7 and 0.3: high-high */
	set_scores(tps[1], 6.5, 0.3); /* low-high */
	set_scores(tps[2], 8, 0.1);   /* high-low */
	set_scores(tps[3], 2, 0.0);   /* low-low */
	tps[4]->has_satisfaction = true; /* only one of the two: not placed */
	tps[4]->satisfaction = 9;
	tps[5]->has_impact = true;
	tps[5]->impact = 0.9;
	set_scores(tps[6], 7, 0.3);
	cjm_figures *f = cjm_figures_new(map);
	assert_true(f->satisfaction_threshold == 7.0);
	assert_true(f->impact_threshold == 0.3);
	assert_int_equal(f->quadrant[0], CJM_QUADRANT_HIGH_HIGH);
	assert_int_equal(f->quadrant[1], CJM_QUADRANT_LOW_HIGH);
	assert_int_equal(f->quadrant[2], CJM_QUADRANT_HIGH_LOW);
	assert_int_equal(f->quadrant[3], CJM_QUADRANT_LOW_LOW);
	assert_int_equal(f->quadrant[4], CJM_QUADRANT_NONE);
	assert_int_equal(f->quadrant[5], CJM_QUADRANT_NONE);
	assert_int_equal(f->quadrant_count[CJM_QUADRANT_HIGH_HIGH], 2);
	assert_int_equal(f->quadrant_count[CJM_QUADRANT_LOW_HIGH], 1);
	assert_int_equal(f->quadrant_count[CJM_QUADRANT_HIGH_LOW], 1);
	assert_int_equal(f->quadrant_count[CJM_QUADRANT_LOW_LOW], 1);
	assert_int_equal(f->unplaced, 2);
	cjm_figures_free(f);

	/* the map's own thresholds move the boundaries */
	map->has_threshold_satisfaction = true;
	map->threshold_satisfaction = 8;
	map->has_threshold_impact = true;
	map->threshold_impact = 0.5;
	f = cjm_figures_new(map);
	assert_true(f->satisfaction_threshold == 8.0);
	assert_true(f->impact_threshold == 0.5);
	assert_int_equal(f->quadrant[0], CJM_QUADRANT_LOW_LOW);
	assert_int_equal(f->quadrant[2], CJM_QUADRANT_HIGH_LOW);
	assert_int_equal(cjm_touchpoint_quadrant(map, tps[2]), CJM_QUADRANT_HIGH_LOW);
	assert_int_equal(cjm_touchpoint_quadrant(map, tps[4]), CJM_QUADRANT_NONE);
	assert_int_equal(f->quadrant_count[CJM_QUADRANT_LOW_LOW], 4);
	assert_int_equal(f->quadrant_count[CJM_QUADRANT_HIGH_HIGH], 0);
	cjm_figures_free(f);
	cjm_map_free(map);
}

/* What the quadrant listing asked for, one letter and number per part: c (a count), g/G
 * (a group starts/ends), t (a touchpoint by its index in the figures). */
static void record_count(void *ctx, cjm_quadrant q, size_t count)
{
	strbuf_printf(ctx, "c%d=%zu ", (int)q, count);
}

static void record_group(void *ctx, cjm_quadrant q, bool start)
{
	strbuf_printf(ctx, "%c%d ", start ? 'g' : 'G', (int)q);
}

static void record_touchpoint(void *ctx, cjm_quadrant q, size_t i)
{
	strbuf_printf(ctx, "t%d:%zu ", (int)q, i);
}

/* The listing of cjm stats and the exports: the counts, then each quadrant that has
 * touchpoints with them in journey order; without a group callback, only the touchpoints. */
static void test_quadrant_listing(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("T");
	cjm_phase *p = add_phase(map, "p", "P");
	set_scores(add_tp(p, "a", "A", NO_EMOTION), 9, 0.9);  /* high-high */
	set_scores(add_tp(p, "b", "B", NO_EMOTION), 2, 0.1);  /* low-low */
	add_tp(p, "c", "C", 1);                                 /* not placed */
	set_scores(add_tp(p, "d", "D", NO_EMOTION), 8, 0.95); /* high-high */
	cjm_figures *f = cjm_figures_new(map);
	strbuf calls = { 0 };
	cjm_quadrant_lister lister = { record_count, record_group, record_touchpoint };
	cjm_quadrants_list(f, &lister, &calls);
	assert_string_equal(calls.data, "c0=1 c1=0 c2=0 c3=2 c-1=1 g0 t0:1 G0 g3 t3:0 t3:3 G3 ");
	strbuf_reset(&calls);
	lister.group = NULL;
	cjm_quadrants_list(f, &lister, &calls);
	assert_string_equal(calls.data, "c0=1 c1=0 c2=0 c3=2 c-1=1 t0:1 t3:0 t3:3 ");
	strbuf_release(&calls);
	cjm_figures_free(f);
	cjm_map_free(map);
}

static void test_groups(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("T");
	cjm_phase *a = add_phase(map, "a", "a");
	cjm_phase *b = add_phase(map, "b", "b");
	cjm_touchpoint *t;
	t = add_tp(a, "t1", "t1", 2);
	t->owner = xstrdup("sales");
	t->channel = xstrdup("web");
	t = add_tp(a, "t2", "t2", NO_EMOTION);
	t->channel = xstrdup("phone");
	t = add_tp(b, "t3", "t3", -1);
	t->owner = xstrdup("service");
	t->channel = xstrdup("web");
	t = add_tp(b, "t4", "t4", -2);
	t->owner = xstrdup("sales");
	t = add_tp(b, "t5", "t5", 1); /* neither */
	t = add_tp(b, "t6", "t6", 0);
	t->owner = xstrdup("Sales"); /* case matters: free text as written */
	cjm_figures *f = cjm_figures_new(map);

	assert_int_equal(f->owner_count, 4);
	assert_string_equal(f->owners[0].key, "sales");
	assert_string_equal(f->owners[1].key, "service");
	assert_string_equal(f->owners[2].key, "Sales");
	assert_null(f->owners[3].key); /* the touchpoints without an owner come last */
	assert_int_equal(f->owners[0].emotion.count, 2);
	assert_int_equal(f->owners[0].emotion.scored, 2);
	assert_true(f->owners[0].emotion.mean == 0.0);
	assert_int_equal(f->owners[0].emotion.min, -2);
	assert_int_equal(f->owners[0].emotion.min_at, 3);
	assert_int_equal(f->owners[0].first, 0);
	assert_int_equal(f->owners[3].emotion.count, 2);
	assert_int_equal(f->owners[3].emotion.scored, 1);
	assert_true(f->owners[3].emotion.mean == 1.0);
	assert_int_equal(f->owners[3].first, 1);
	assert_ptr_equal(cjm_figures_owner(f, "service"), &f->owners[1]);
	assert_ptr_equal(cjm_figures_owner(f, NULL), &f->owners[3]);
	assert_null(cjm_figures_owner(f, "finance"));

	assert_int_equal(f->channel_count, 3);
	assert_string_equal(f->channels[0].key, "web");
	assert_string_equal(f->channels[1].key, "phone");
	assert_null(f->channels[2].key);
	assert_int_equal(f->channels[0].emotion.count, 2);
	assert_true(f->channels[0].emotion.mean == 0.5);
	assert_int_equal(f->channels[1].emotion.scored, 0);
	assert_true(f->channels[1].emotion.mean == 0.0);
	assert_int_equal(f->channels[2].emotion.count, 3);
	assert_int_equal(f->channels[2].emotion.sum, -1);
	assert_ptr_equal(cjm_figures_channel(f, "phone"), &f->channels[1]);
	assert_ptr_equal(cjm_figures_channel(f, NULL), &f->channels[2]);

	assert_int_equal(f->phase_emotion[1].count, 4);
	assert_int_equal(f->phase_emotion[1].scored, 4);
	assert_true(f->phase_emotion[1].mean == -0.5);
	assert_int_equal(f->phase_emotion[1].min_at, 3);
	assert_int_equal(f->phase_emotion[1].max_at, 4);
	cjm_figures_free(f);
	cjm_map_free(map);
}

static void test_every_owner_has_one(void **state)
{
	(void)state;
	const int e[] = { 1, 2 };
	cjm_map *map = map_of(e, 2);
	map->phases[0]->touchpoints[0]->owner = xstrdup("it");
	map->phases[0]->touchpoints[1]->owner = xstrdup("it");
	cjm_figures *f = cjm_figures_new(map);
	assert_int_equal(f->owner_count, 1); /* no "none" group when every touchpoint has one */
	assert_null(cjm_figures_owner(f, NULL));
	assert_int_equal(f->channel_count, 1);
	assert_null(f->channels[0].key);
	cjm_figures_free(f);
	cjm_map_free(map);
}

/* 200,000 touchpoints with 5,000 owners: linear, so well under a second (even under ASan). */
static void test_large_map_is_linear(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Big");
	size_t n = 0;
	for (int p = 0; p < 200; p++) {
		char id[32];
		snprintf(id, sizeof id, "p%d", p);
		cjm_phase *phase = add_phase(map, id, id);
		for (int t = 0; t < 1000; t++, n++) {
			snprintf(id, sizeof id, "t%zu", n);
			cjm_touchpoint *tp = add_tp(phase, id, id, (int)(n % 7) - 3);
			char owner[32];
			snprintf(owner, sizeof owner, "dept-%zu", n % 5000);
			tp->owner = xstrdup(owner);
		}
	}
	clock_t start = clock();
	cjm_figures *f = cjm_figures_new(map);
	double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
	assert_int_equal(f->touchpoints, 200000);
	assert_int_equal(f->owner_count, 5000);
	assert_int_equal(f->owners[4999].emotion.count, 40);
	assert_int_equal(f->peak, -3);
	assert_int_equal(f->peak_at, 0);
	assert_true(seconds < 5.0);
	cjm_figures_free(f);
	cjm_map_free(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_map),
		cmocka_unit_test(test_quadrant_listing),
		cmocka_unit_test(test_phase_without_touchpoints),
		cmocka_unit_test(test_nothing_scored),
		cmocka_unit_test(test_mean_peak_end),
		cmocka_unit_test(test_peak_ties),
		cmocka_unit_test(test_flag_counts),
		cmocka_unit_test(test_quadrant_boundaries),
		cmocka_unit_test(test_quadrants_of_map),
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_every_owner_has_one),
		cmocka_unit_test(test_large_map_is_linear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
