/* Unit tests for the values a map uses: folding, grouping variants, completion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/variants.h"
#include "model/map.h"
#include "util/xalloc.h"

static void check_key(const char *text, const char *want)
{
	char *key = cjm_variant_key(text);
	assert_string_equal(key, want);
	free(key);
}

static void test_key_folds_case_spaces_hyphens(void **state)
{
	(void)state;
	check_key("E-mail", "email");
	check_key("e mail", "email");
	check_key("  EMAIL ", "email");
	check_key("Klanten\xC2\xA0Service", "klantenservice");  /* a no-break space */
	check_key("e\xE2\x80\x90mail", "email");                /* U+2010 hyphen */
	check_key("\xC3\x89\xC3\xA9n", "\xC3\xA9\xC3\xA9n");   /* Één */
	check_key("web_shop", "web_shop");                     /* an underscore stays */
	check_key("", "");
}

static void test_groups_point_at_the_first_spelling(void **state)
{
	(void)state;
	const char *values[] = { "email", "web", NULL, "e-mail", "E Mail", "email", "Web", "phone" };
	size_t n = sizeof values / sizeof *values, first[8];
	assert_int_equal(cjm_variant_groups(values, n, first), 3); /* e-mail, E Mail, Web */
	assert_int_equal(first[0], 0);
	assert_int_equal(first[1], 1);
	assert_int_equal(first[2], (size_t)-1);
	assert_int_equal(first[3], 0);
	assert_int_equal(first[4], 0);
	assert_int_equal(first[5], 0); /* the same spelling: no variant */
	assert_int_equal(first[6], 1);
	assert_int_equal(first[7], 7);
}

static void test_no_values_no_variants(void **state)
{
	(void)state;
	size_t first[1];
	assert_int_equal(cjm_variant_groups(NULL, 0, first), 0);
	const char *one[] = { "email" };
	assert_int_equal(cjm_variant_groups(one, 1, first), 0);
	assert_int_equal(first[0], 0);
}

static cjm_map *map_with_channels(const char *const *channels, size_t n)
{
	cjm_map *map = cjm_map_new("Test");
	cjm_phase *phase = cjm_phase_new("p", "P");
	cjm_map_insert_phase(map, 0, phase);
	for (size_t i = 0; i < n; i++) {
		char id[16];
		snprintf(id, sizeof id, "t%zu", i);
		cjm_touchpoint *tp = cjm_touchpoint_new(id, id);
		tp->channel = channels[i] ? xstrdup(channels[i]) : NULL;
		cjm_phase_insert_touchpoint(phase, phase->touchpoint_count, tp);
	}
	return map;
}

static void test_completion_most_used_first(void **state)
{
	(void)state;
	const char *channels[] = { "e-mail", "web", "email", NULL, "email", "phone", "Email nieuwsbrief" };
	cjm_map *map = map_with_channels(channels, sizeof channels / sizeof *channels);
	const char **out = NULL;
	size_t n = cjm_values_complete(map, CJM_F_CHANNEL, "e", &out);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "email"); /* used twice */
	assert_string_equal(out[1], "e-mail");
	assert_string_equal(out[2], "Email nieuwsbrief");
	free(out);
	n = cjm_values_complete(map, CJM_F_CHANNEL, "email", &out); /* not itself */
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "e-mail");
	free(out);
	n = cjm_values_complete(map, CJM_F_CHANNEL, "", &out);
	assert_int_equal(n, 0);
	free(out);
	n = cjm_values_complete(map, CJM_F_OWNER, "e", &out);
	assert_int_equal(n, 0);
	free(out);
	n = cjm_values_used(map, CJM_F_CHANNEL, &out);
	assert_int_equal(n, 5);
	assert_string_equal(out[0], "email");
	assert_string_equal(out[1], "e-mail");
	free(out);
	cjm_map_free(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_folds_case_spaces_hyphens),
		cmocka_unit_test(test_groups_point_at_the_first_spelling),
		cmocka_unit_test(test_no_values_no_variants),
		cmocka_unit_test(test_completion_most_used_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
