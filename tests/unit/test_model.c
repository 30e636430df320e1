/* Unit tests for the model: ids, lists, clone and equality, the field table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/map.h"
#include "model/field.h"
#include "model/ids.h"

static void check_id(const char *name, const char *want)
{
	char *id = cjm_id_from_name(name);
	assert_string_equal(id, want);
	assert_true(cjm_id_is_valid(id));
	free(id);
}

static void test_id_from_name(void **state)
{
	(void)state;
	check_id("Oriëntatie & Keuze", "orientatie-keuze");
	check_id("Compare prices online", "compare-prices-online");
	check_id("  --Leading and trailing--  ", "leading-and-trailing");
	check_id("Œuvre Straße Æsir Łódź", "oeuvre-strasse-aesir-lodz");
	check_id("Café crème brûlée", "cafe-creme-brulee");
	check_id("2nd invoice", "2nd-invoice");
	check_id("🎉🎉", "item");
	check_id("", "item");
	check_id("日本 trip", "trip");
	/* long names are cut at 40 characters without a trailing dash */
	char *id = cjm_id_from_name("A very long touchpoint name that goes on and on and on");
	assert_true(strlen(id) <= CJM_ID_MAX_GENERATED);
	assert_true(id[strlen(id) - 1] != '-');
	free(id);
	/* a huge name is read once, not measured again at every character (that was
	 * quadratic: minutes for a few MiB, which a map without ids may hold) */
	size_t huge = 1u << 20;
	char *name = malloc(huge + 1);
	assert_non_null(name);
	for (size_t i = 0; i < huge; i++)
		name[i] = i % 7 == 6 ? ' ' : 'b';
	name[huge] = '\0';
	id = cjm_id_from_name(name);
	assert_string_equal(id, "bbbbbb-bbbbbb-bbbbbb-bbbbbb-bbbbbb-bbbbb");
	free(id);
	free(name);
}

static void test_id_is_valid(void **state)
{
	(void)state;
	assert_true(cjm_id_is_valid("a"));
	assert_true(cjm_id_is_valid("0-a-"));
	assert_false(cjm_id_is_valid(""));
	assert_false(cjm_id_is_valid("-a"));
	assert_false(cjm_id_is_valid("Bad"));
	assert_false(cjm_id_is_valid("a b"));
	assert_false(cjm_id_is_valid("a_b"));
	assert_false(cjm_id_is_valid("é"));
	assert_false(cjm_id_is_valid(NULL));
}

static cjm_map *sample_map(void)
{
	cjm_map *map = cjm_map_new("Trip");
	cjm_phase *phase = cjm_phase_new("orient", "Orient");
	cjm_map_insert_phase(map, 0, phase);
	cjm_touchpoint *tp = cjm_touchpoint_new("compare", "Compare");
	tp->has_emotion = true;
	tp->emotion = -2;
	cjm_strlist_push(&tp->pains, "slow");
	cjm_phase_insert_touchpoint(phase, 0, tp);
	cjm_phase_insert_touchpoint(phase, 1, cjm_touchpoint_new("choose", "Choose"));
	return map;
}

static void test_unique_id(void **state)
{
	(void)state;
	cjm_map *map = sample_map();
	char *id = cjm_map_unique_id(map, "Compare");
	assert_string_equal(id, "compare-2");
	free(id);
	id = cjm_map_unique_id(map, "Orient");
	assert_string_equal(id, "orient-2");
	free(id);
	id = cjm_map_unique_id(map, "Pay");
	assert_string_equal(id, "pay");
	free(id);
	cjm_map_free(map);
}

/* Ids made by a cjm_id_maker against a growing set, next to cjm_unique_id_in's probe from 2. */
typedef struct id_run {
	strset *taken;
	cjm_id_maker *maker;
	char *owned[4096];
	size_t count;
} id_run;

static void id_run_take(id_run *run, char *id)
{
	assert_true(run->count < sizeof run->owned / sizeof *run->owned);
	run->owned[run->count++] = id;
	strset_add(run->taken, id);
}

/* The id both ways; taken when TAKE, else left free (a caller that drops it). */
static char *id_run_make(id_run *run, const char *name, bool take)
{
	char *probed = cjm_unique_id_in(run->taken, name);
	char *made = cjm_id_maker_unique(run->maker, run->taken, name);
	assert_string_equal(made, probed);
	free(probed);
	if (take)
		id_run_take(run, made);
	return made;
}

static void test_id_maker_tricky(void **state)
{
	(void)state;
	id_run run = { .taken = strset_new(4), .maker = cjm_id_maker_new() };
	id_run_take(&run, strdup("a"));
	id_run_take(&run, strdup("a-3")); /* an explicit id in the suffixes */
	assert_string_equal(id_run_make(&run, "A", true), "a-2");
	assert_string_equal(id_run_make(&run, "A", true), "a-4");
	char *dropped = id_run_make(&run, "A", false);
	assert_string_equal(dropped, "a-5");
	free(dropped);
	assert_string_equal(id_run_make(&run, "A", true), "a-5"); /* not taken: offered again */
	id_run_take(&run, strdup("a-6")); /* taken after the maker passed a-5 */
	id_run_take(&run, strdup("a-8"));
	assert_string_equal(id_run_make(&run, "a", true), "a-7");
	assert_string_equal(id_run_make(&run, "A!", true), "a-9");
	/* a name whose base already ends in -2, and the base it collides with */
	assert_string_equal(id_run_make(&run, "A 2", true), "a-2-2");
	assert_string_equal(id_run_make(&run, "A-2", true), "a-2-3");
	assert_string_equal(id_run_make(&run, "A 2 2", true), "a-2-2-2");
	assert_string_equal(id_run_make(&run, "A 10", true), "a-10");
	assert_string_equal(id_run_make(&run, "A", true), "a-11");
	/* nameless and over-long names share their bases too */
	assert_string_equal(id_run_make(&run, "", true), "item");
	assert_string_equal(id_run_make(&run, "!!", true), "item-2");
	char long_name[64];
	memset(long_name, 'x', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	id_run_make(&run, long_name, true);
	long_name[50] = 'y';
	char *second = id_run_make(&run, long_name, true);
	assert_int_equal(strlen(second), CJM_ID_MAX_GENERATED + 2);
	assert_string_equal(second + CJM_ID_MAX_GENERATED, "-2");
	for (size_t i = 0; i < run.count; i++)
		free(run.owned[i]);
	strset_free(run.taken);
	cjm_id_maker_free(run.maker);
}

static void test_id_maker_random(void **state)
{
	(void)state;
	static const char *const names[] = { "A", "a 2", "A-2-2", "a 3", "B", "b 2", "", "A 2 3", "a-1", "a 12" };
	static const char *const explicit[] = { "a", "a-2", "a-4", "a-2-2", "b-3", "item", "item-3", "a-12-2", "a-5" };
	unsigned seed = 12345;
	for (int round = 0; round < 40; round++) {
		id_run run = { .taken = strset_new(4), .maker = cjm_id_maker_new() };
		for (int step = 0; step < 80; step++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) & 0x7fff;
			if (r % 5 == 0) {
				const char *id = explicit[(r / 5) % (sizeof explicit / sizeof *explicit)];
				if (!strset_has(run.taken, id))
					id_run_take(&run, strdup(id));
			} else {
				char *id = id_run_make(&run, names[(r / 5) % (sizeof names / sizeof *names)], r % 7 != 0);
				if (r % 7 == 0)
					free(id);
			}
		}
		for (size_t i = 0; i < run.count; i++)
			free(run.owned[i]);
		strset_free(run.taken);
		cjm_id_maker_free(run.maker);
	}
}

static void test_clone_equal_find(void **state)
{
	(void)state;
	cjm_map *map = sample_map();
	cjm_map *copy = cjm_map_clone(map);
	assert_true(cjm_map_equal(map, copy));
	copy->phases[0]->touchpoints[0]->emotion = -1;
	assert_false(cjm_map_equal(map, copy));
	copy->phases[0]->touchpoints[0]->emotion = -2;
	cjm_strlist_push(&copy->phases[0]->touchpoints[0]->pains, "rude");
	assert_false(cjm_map_equal(map, copy));

	size_t p, t;
	assert_true(cjm_map_find(map, "choose", &p, &t));
	assert_int_equal(p, 0);
	assert_int_equal(t, 1);
	assert_true(cjm_map_find(map, "orient", &p, &t));
	assert_int_equal(t, (size_t)-1);
	assert_false(cjm_map_find(map, "nope", &p, &t));
	assert_int_equal(cjm_map_touchpoint_count(map), 2);
	cjm_map_free(copy);
	cjm_map_free(map);
}

static void test_strlist(void **state)
{
	(void)state;
	cjm_strlist list = { 0 };
	cjm_strlist_push(&list, "b");
	cjm_strlist_insert(&list, 0, "a");
	cjm_strlist_insert(&list, 99, "c");
	assert_int_equal(list.len, 3);
	assert_string_equal(list.items[0], "a");
	assert_string_equal(list.items[2], "c");
	char *b = cjm_strlist_take(&list, 1);
	assert_string_equal(b, "b");
	free(b);
	assert_null(cjm_strlist_take(&list, 5));
	cjm_strlist copy = { 0 };
	cjm_strlist_copy(&copy, &list);
	assert_true(cjm_strlist_equal(&copy, &list));
	cjm_strlist_clear(&copy);
	cjm_strlist_clear(&list);
	assert_int_equal(list.len, 0);
}

static void test_field_table(void **state)
{
	(void)state;
	cjm_map *map = sample_map();
	cjm_ref tp = { CJM_REF_TOUCHPOINT, 0, 0 };
	assert_int_equal(cjm_field_by_key("moment_of_truth", CJM_REF_TOUCHPOINT), CJM_F_MOMENT_OF_TRUTH);
	assert_int_equal(cjm_field_by_key("description", CJM_REF_TOUCHPOINT), CJM_FIELD_COUNT);
	assert_int_equal(cjm_field_by_key("description", CJM_REF_PHASE), CJM_F_DESCRIPTION);

	cjm_value v = cjm_field_get(map, tp, CJM_F_EMOTION);
	assert_true(v.present);
	assert_int_equal(v.integer, -2);
	cjm_value nine = { .present = true, .number = 9.5 };
	assert_null(cjm_field_check(CJM_F_SATISFACTION, &nine));
	cjm_field_set(map, tp, CJM_F_SATISFACTION, &nine);
	assert_true(map->phases[0]->touchpoints[0]->has_satisfaction);
	cjm_value eleven = { .present = true, .number = 11 };
	assert_non_null(cjm_field_check(CJM_F_SATISFACTION, &eleven));
	cjm_value four = { .present = true, .integer = 4 };
	assert_non_null(cjm_field_check(CJM_F_EMOTION, &four));
	cjm_value bad_id = { .present = true, .text = "Bad Id" };
	assert_non_null(cjm_field_check(CJM_F_ID, &bad_id));
	cjm_value absent = { 0 };
	assert_non_null(cjm_field_check(CJM_F_NAME, &absent));
	assert_null(cjm_field_check(CJM_F_CHANNEL, &absent));

	cjm_value yes = { .present = true, .boolean = true };
	cjm_field_set(map, tp, CJM_F_VISIBLE, &yes);
	assert_int_equal(map->phases[0]->touchpoints[0]->visible, CJM_TRUE);
	cjm_field_set(map, tp, CJM_F_VISIBLE, &absent);
	assert_int_equal(map->phases[0]->touchpoints[0]->visible, CJM_UNSET);
	assert_true(cjm_touchpoint_is_visible(map->phases[0]->touchpoints[0]));

	cjm_value name = { .present = true, .text = "Sanne" };
	cjm_field_set(map, (cjm_ref){ CJM_REF_MAP, 0, 0 }, CJM_F_PERSONA_NAME, &name);
	assert_true(map->has_persona);
	assert_string_equal(map->persona_name, "Sanne");

	/* a field that does not apply to the item is neither read nor written */
	cjm_field_set(map, (cjm_ref){ CJM_REF_PHASE, 0, 0 }, CJM_F_EMOTION, &four);
	assert_false(cjm_field_get(map, (cjm_ref){ CJM_REF_PHASE, 0, 0 }, CJM_F_EMOTION).present);
	/* nor one past the end */
	assert_false(cjm_field_get(map, (cjm_ref){ CJM_REF_TOUCHPOINT, 0, 9 }, CJM_F_NAME).present);

	assert_int_equal(cjm_pillar_from_name("empathy"), CJM_PILLAR_EMPATHY);
	assert_int_equal(cjm_pillar_from_name("verrassing"), 0);
	assert_string_equal(cjm_pillar_name(CJM_PILLAR_TIME_AND_EFFORT), "time-and-effort");
	cjm_map_free(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_id_from_name),   cmocka_unit_test(test_id_is_valid),
		cmocka_unit_test(test_unique_id),      cmocka_unit_test(test_id_maker_tricky),
		cmocka_unit_test(test_id_maker_random), cmocka_unit_test(test_clone_equal_find),
		cmocka_unit_test(test_strlist),        cmocka_unit_test(test_field_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
