/* Unit tests for the map's language (util/lang.h): catalogue look-ups by tag, their fallbacks, tag syntax and numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "util/lang.h"
#include "util/number.h"

/* A message po/parts/core.po translates (the diff's journey line). */
#define JOURNEY "journey:"
#define JOURNEY_NL "klantreis:"

static void test_dutch_catalogue(void **state)
{
	(void)state;
	assert_string_equal(LC_("nl", "decimal separator", "."), ",");
	assert_string_equal(lang_decimal_point("nl"), ",");
	assert_string_equal(L_("nl", JOURNEY), JOURNEY_NL);
	assert_true(lang_supported("nl"));
}

static void test_region_and_case(void **state)
{
	(void)state;
	assert_string_equal(L_("nl-BE", JOURNEY), JOURNEY_NL);
	assert_string_equal(lang_decimal_point("nl-BE"), ",");
	assert_string_equal(L_("NL", JOURNEY), JOURNEY_NL);
	assert_string_equal(lang_decimal_point("NL"), ",");
}

static void test_english_and_none(void **state)
{
	(void)state;
	static const char msgid[] = JOURNEY;
	/* the msgid itself, the very string passed in */
	assert_ptr_equal(L_("en", msgid), msgid);
	assert_ptr_equal(L_(NULL, msgid), msgid);
	assert_ptr_equal(L_("", msgid), msgid);
	assert_string_equal(lang_decimal_point("en"), ".");
	assert_string_equal(lang_decimal_point(NULL), ".");
	assert_true(lang_supported("en"));
}

static void test_unknown_language(void **state)
{
	(void)state;
	static const char msgid[] = JOURNEY;
	assert_ptr_equal(L_("de", msgid), msgid);
	assert_string_equal(lang_decimal_point("de"), ".");
	assert_false(lang_supported("de"));
	/* a message the Dutch catalogue lacks stays as it is */
	static const char absent[] = "a message no catalogue has";
	assert_ptr_equal(L_("nl", absent), absent);
}

static void test_invalid_tags(void **state)
{
	(void)state;
	static const char msgid[] = JOURNEY;
	static const char *const bad[] = { "../x", "n/l", "", "n", "nederlands", "nl_", "nl--BE", "nl-", "-nl",
					   "nl-BE/../..", "nl-toolongsubtag" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (lang_tag_valid(bad[i]))
			fail_msg("'%s' is taken as a language tag", bad[i]);
		if (L_(bad[i], msgid) != msgid)
			fail_msg("'%s' finds a translation", bad[i]);
	}
	assert_false(lang_tag_valid(NULL));
}

static void test_valid_tags(void **state)
{
	(void)state;
	static const char *const good[] = { "nl", "en", "nl-BE", "zh-Hant-TW", "NL", "en-GB", "gsw" };
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		if (!lang_tag_valid(good[i]))
			fail_msg("'%s' is not taken as a language tag", good[i]);
}

static void test_numbers(void **state)
{
	(void)state;
	char buf[NUMBER_TEXT_MAX];
	assert_string_equal(lang_number(buf, 7.5, "nl"), "7,5");
	assert_string_equal(lang_number(buf, 10, "nl"), "10");
	assert_string_equal(lang_number(buf, -0.25, "nl-BE"), "-0,25");
	assert_string_equal(lang_number(buf, 7.5, NULL), "7.5");
	assert_string_equal(lang_number(buf, 7.5, "en"), "7.5");
	assert_string_equal(lang_number(buf, 7.5, "de"), "7.5");
}

static void test_plurals(void **state)
{
	(void)state;
	static const char one[] = "%zu tab made a space", many[] = "%zu tabs made a space";
	assert_string_equal(LN_("nl", one, many, 1), "%zu tab een spatie gemaakt");
	assert_string_equal(LN_("nl", one, many, 2), "%zu tabs een spatie gemaakt");
	assert_string_equal(LN_("nl", one, many, 0), "%zu tabs een spatie gemaakt");
	assert_ptr_equal(LN_("en", one, many, 1), one);
	assert_ptr_equal(LN_("en", one, many, 3), many);
	assert_ptr_equal(LN_(NULL, one, many, 0), many);
	assert_ptr_equal(LN_("de", one, many, 1), one);
}

/* After lang_reset the catalogue is read again and still answers. */
static void test_reset(void **state)
{
	(void)state;
	assert_string_equal(L_("nl", JOURNEY), JOURNEY_NL);
	lang_reset();
	assert_string_equal(L_("nl", JOURNEY), JOURNEY_NL);
	lang_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dutch_catalogue), cmocka_unit_test(test_region_and_case),
		cmocka_unit_test(test_english_and_none), cmocka_unit_test(test_unknown_language),
		cmocka_unit_test(test_invalid_tags),     cmocka_unit_test(test_valid_tags),
		cmocka_unit_test(test_numbers),          cmocka_unit_test(test_plurals),
		cmocka_unit_test(test_reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
