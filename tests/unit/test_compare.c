/* Unit tests for comparing two maps: matched by id, only on one side, unscored, empty, renamed, and linear. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "analysis/compare.h"
#include "model/map.h"

#include "fixture.h"

/* As-is: a (+1), b (-2), c (0, only here); to-be: b (+1), a (+3), d (+2, only there). */
static void make_pair(cjm_map **here, cjm_map **there)
{
	*here = cjm_map_new("As is");
	cjm_phase *p = add_phase(*here, "p", "P");
	add_tp(p, "a", "A", 1);
	add_tp(p, "b", "B", -2);
	add_tp(p, "c", "C", 0);
	*there = cjm_map_new("To be");
	cjm_phase *q = add_phase(*there, "q", "Q");
	add_tp(q, "b", "B", 1);
	cjm_phase *r = add_phase(*there, "r", "R");
	add_tp(r, "a", "A", 3);
	add_tp(r, "d", "D", 2);
}

static void test_matched(void **state)
{
	(void)state;
	cjm_map *here, *there;
	make_pair(&here, &there);
	cjm_compare *cmp = cjm_compare_new(here, there);
	assert_int_equal(cmp->matched, 2);
	assert_int_equal(cmp->changed, 2);
	const cjm_compare_row *a = cjm_compare_row_of(cmp, 0), *b = cjm_compare_row_of(cmp, 1);
	assert_int_equal(a->side, CJM_COMPARE_BOTH);
	assert_string_equal(a->here->id, "a");
	assert_string_equal(a->there->id, "a");
	assert_int_equal(a->there_at, 1); /* where it stands in the other map, not here */
	assert_true(a->has_delta);
	assert_int_equal(a->delta, 2); /* there minus here */
	assert_int_equal(b->side, CJM_COMPARE_BOTH);
	assert_int_equal(b->there_at, 0);
	assert_int_equal(b->delta, 3);
	cjm_compare_free(cmp);
	cjm_map_free(here);
	cjm_map_free(there);
}

static void test_only_here(void **state)
{
	(void)state;
	cjm_map *here, *there;
	make_pair(&here, &there);
	cjm_compare *cmp = cjm_compare_new(here, there);
	assert_int_equal(cmp->only_here, 1);
	const cjm_compare_row *c = cjm_compare_row_of(cmp, 2);
	assert_int_equal(c->side, CJM_COMPARE_ONLY_HERE);
	assert_string_equal(c->here->id, "c");
	assert_null(c->there);
	assert_int_equal(c->there_at, CJM_COMPARE_NONE);
	assert_false(c->has_delta);
	assert_null(cjm_compare_row_of(cmp, 3));
	cjm_compare_free(cmp);
	cjm_map_free(here);
	cjm_map_free(there);
}

static void test_only_there(void **state)
{
	(void)state;
	cjm_map *here, *there;
	make_pair(&here, &there);
	cjm_compare *cmp = cjm_compare_new(here, there);
	assert_int_equal(cmp->only_there, 1);
	assert_int_equal(cmp->row_count, 4);
	const cjm_compare_row *d = &cmp->rows[3];
	assert_int_equal(d->side, CJM_COMPARE_ONLY_THERE);
	assert_null(d->here);
	assert_string_equal(d->there->id, "d");
	assert_int_equal(d->there_at, 2);
	assert_int_equal(d->here_at, CJM_COMPARE_NONE);
	assert_false(d->has_delta);
	/* and the other way round, the sides swap */
	cjm_compare *back = cjm_compare_new(there, here);
	assert_int_equal(back->only_here, 1);
	assert_int_equal(back->only_there, 1);
	assert_string_equal(back->rows[3].there->id, "c");
	assert_int_equal(cjm_compare_row_of(back, 1)->delta, -2);
	cjm_compare_free(back);
	cjm_compare_free(cmp);
	cjm_map_free(here);
	cjm_map_free(there);
}

static void test_unscored_on_one_side(void **state)
{
	(void)state;
	cjm_map *here = cjm_map_new("H"), *there = cjm_map_new("T");
	cjm_phase *p = add_phase(here, "p", "P"), *q = add_phase(there, "p", "P");
	add_tp(p, "x", "X", NO_EMOTION);
	add_tp(p, "y", "Y", -1);
	add_tp(q, "x", "X", 2);
	add_tp(q, "y", "Y", NO_EMOTION);
	cjm_compare *cmp = cjm_compare_new(here, there);
	assert_int_equal(cmp->matched, 2);
	assert_int_equal(cmp->changed, 0);
	for (size_t i = 0; i < 2; i++) {
		const cjm_compare_row *row = cjm_compare_row_of(cmp, i);
		assert_int_equal(row->side, CJM_COMPARE_BOTH);
		assert_false(row->has_delta);
	}
	const cjm_figures *hf = cjm_compare_here_figures(cmp), *tf = cjm_compare_there_figures(cmp);
	assert_int_equal(hf->scored, 1);
	assert_int_equal(hf->end, -1);
	assert_int_equal(tf->scored, 1);
	assert_int_equal(tf->peak, 2);
	cjm_compare_free(cmp);
	cjm_map_free(here);
	cjm_map_free(there);
}

static void test_empty_maps(void **state)
{
	(void)state;
	cjm_map *here = cjm_map_new("H"), *there = cjm_map_new("T");
	cjm_compare *cmp = cjm_compare_new(here, there);
	assert_int_equal(cmp->row_count, 0);
	assert_int_equal(cmp->matched + cmp->only_here + cmp->only_there, 0);
	assert_false(cjm_compare_here_figures(cmp)->has_peak);
	assert_false(cjm_compare_there_figures(cmp)->has_peak);
	assert_null(cjm_compare_row_of(cmp, 0));
	cjm_compare_free(cmp);
	/* one side empty: everything is on the other */
	cjm_phase *p = add_phase(there, "p", "P");
	add_tp(p, "a", "A", 1);
	add_tp(p, "b", "B", 2);
	cmp = cjm_compare_new(here, there);
	assert_int_equal(cmp->only_there, 2);
	assert_int_equal(cmp->row_count, 2);
	assert_int_equal(cjm_compare_there_figures(cmp)->touchpoints, 2);
	cjm_compare_free(cmp);
	cmp = cjm_compare_new(there, here);
	assert_int_equal(cmp->only_here, 2);
	assert_int_equal(cmp->row_count, 2);
	cjm_compare_free(cmp);
	cjm_map_free(here);
	cjm_map_free(there);
}

static void test_renamed_same_id(void **state)
{
	(void)state;
	cjm_map *here = cjm_map_new("H"), *there = cjm_map_new("T");
	add_tp(add_phase(here, "p", "P"), "pay", "Pay the invoice", -3);
	add_tp(add_phase(there, "other-phase", "Other"), "pay", "Pay in one click", 1);
	cjm_compare *cmp = cjm_compare_new(here, there);
	assert_int_equal(cmp->matched, 1);
	assert_int_equal(cmp->only_here + cmp->only_there, 0);
	const cjm_compare_row *row = cjm_compare_row_of(cmp, 0);
	assert_string_equal(row->here->name, "Pay the invoice");
	assert_string_equal(row->there->name, "Pay in one click");
	assert_int_equal(row->delta, 4);
	/* a touchpoint renamed with a new id is two touchpoints, one on each side */
	cjm_map_free(there);
	there = cjm_map_new("T");
	add_tp(add_phase(there, "p", "P"), "pay-now", "Pay the invoice", 1);
	cjm_compare_free(cmp);
	cmp = cjm_compare_new(here, there);
	assert_int_equal(cmp->matched, 0);
	assert_int_equal(cmp->only_here, 1);
	assert_int_equal(cmp->only_there, 1);
	cjm_compare_free(cmp);
	cjm_map_free(here);
	cjm_map_free(there);
}

/* The other map indexed once serves two versions of this map. */
static void test_other_reused(void **state)
{
	(void)state;
	cjm_map *here, *there;
	make_pair(&here, &there);
	cjm_compare_other *other = cjm_compare_other_new(there);
	size_t at;
	assert_non_null(cjm_compare_other_find(other, "d", &at));
	assert_int_equal(at, 2);
	assert_null(cjm_compare_other_find(other, "c", &at));
	assert_int_equal(at, CJM_COMPARE_NONE);
	cjm_compare *one = cjm_compare_new_with(here, other);
	here->phases[0]->touchpoints[0]->emotion = 3;
	cjm_compare *two = cjm_compare_new_with(here, other);
	assert_int_equal(cjm_compare_row_of(one, 0)->delta, 2);
	assert_int_equal(cjm_compare_row_of(two, 0)->delta, 0);
	assert_int_equal(two->changed, 1);
	cjm_compare_free(one);
	cjm_compare_free(two);
	cjm_compare_other_free(other);
	cjm_map_free(here);
	cjm_map_free(there);
}

/* 100,000 touchpoints on each side, in opposite orders: linear, well under a second's work. */
static void test_large_maps_are_linear(void **state)
{
	(void)state;
	enum { N = 100000 };
	cjm_map *here = cjm_map_new("H"), *there = cjm_map_new("T");
	cjm_phase *p = add_phase(here, "p", "P"), *q = add_phase(there, "q", "Q");
	for (size_t i = 0; i < N; i++) {
		char id[32];
		snprintf(id, sizeof id, "t%zu", i);
		add_tp(p, id, id, (int)(i % 7) - 3);
		snprintf(id, sizeof id, "t%zu", N - 1 - i + (i == 0)); /* t99999 only here, t100000 only there */
		add_tp(q, id, id, (int)((N - 1 - i) % 7) - 3);
	}
	clock_t start = clock();
	cjm_compare *cmp = cjm_compare_new(here, there);
	double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
	assert_int_equal(cmp->matched, N - 1);
	assert_int_equal(cmp->only_here, 1);
	assert_int_equal(cmp->only_there, 1);
	assert_int_equal(cmp->changed, 0);
	assert_string_equal(cmp->rows[N].there->id, "t100000");
	assert_true(seconds < 2.0);
	cjm_compare_free(cmp);
	cjm_map_free(here);
	cjm_map_free(there);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matched),
		cmocka_unit_test(test_only_here),
		cmocka_unit_test(test_only_there),
		cmocka_unit_test(test_unscored_on_one_side),
		cmocka_unit_test(test_empty_maps),
		cmocka_unit_test(test_renamed_same_id),
		cmocka_unit_test(test_other_reused),
		cmocka_unit_test(test_large_maps_are_linear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
