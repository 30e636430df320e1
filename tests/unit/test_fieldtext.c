/* Unit tests of the form's field text: formatting, the spellings parsing accepts, its messages, and applying a form. */
#include <glob.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edit/edit.h"
#include "edit/fieldtext.h"
#include "io/load.h"
#include "model/field.h"
#include "util/diag.h"
#include "util/xalloc.h"

/* ---- fixtures and helpers ---- */

static cjm_touchpoint *fixture_touchpoint(cjm_phase *phase, const char *id, const char *name)
{
	cjm_touchpoint *tp = cjm_touchpoint_new(id, name);
	cjm_phase_insert_touchpoint(phase, phase->touchpoint_count, tp);
	return tp;
}

/* Oriëntatie (compare-prices: every field set; ask-friends: nothing set), Aanmelden (sign-up). */
static cjm_map *fixture_map(void)
{
	cjm_map *map = cjm_map_new("Overstappen van energieleverancier");
	map->persona_name = xstrdup("Sanne");
	map->has_persona = true;
	cjm_strlist_push(&map->brand_values, "eerlijk");
	cjm_strlist_push(&map->brand_values, "groen 🌱");
	map->has_brand_values = true;
	map->has_threshold_satisfaction = true;
	map->threshold_satisfaction = 6.5;

	cjm_phase *orient = cjm_phase_new("orientatie", "Oriëntatie");
	orient->description = xstrdup("Sanne vergelijkt");
	cjm_touchpoint *tp = fixture_touchpoint(orient, "compare-prices", "Prijzen vergelijken 🔍");
	tp->channel = xstrdup("web");
	tp->owner = xstrdup("marketing");
	tp->has_emotion = true;
	tp->emotion = -2;
	tp->has_satisfaction = true;
	tp->satisfaction = 7.5;
	tp->has_impact = true;
	tp->impact = 0.3;
	tp->moment_of_truth = CJM_TRUE;
	tp->brand_moment = CJM_FALSE;
	tp->commitment = CJM_TRUE;
	tp->visible = CJM_FALSE;
	tp->pillars = CJM_PILLAR_TIME_AND_EFFORT | CJM_PILLAR_EMPATHY;
	cjm_strlist_push(&tp->pains, "Elke site rekent anders");
	cjm_strlist_push(&tp->pains, "Bonus maakt het onduidelijk 😕");
	cjm_strlist_push(&tp->ideas, "Toon de jaarprijs");
	cjm_strlist_push(&tp->quotes, "Appels met appels?");
	tp->notes = xstrdup("Het moment van de waarheid");
	fixture_touchpoint(orient, "ask-friends", "Vrienden vragen");
	cjm_map_insert_phase(map, 0, orient);

	cjm_phase *decide = cjm_phase_new("aanmelden", "Aanmelden");
	tp = fixture_touchpoint(decide, "sign-up", "Aanmelden online");
	tp->has_emotion = true;
	tp->emotion = 1;
	cjm_map_insert_phase(map, 1, decide);
	return map;
}

static cjm_ref ref_map(void)
{
	return (cjm_ref){ CJM_REF_MAP, 0, 0 };
}

static cjm_ref ref_phase(size_t phase)
{
	return (cjm_ref){ CJM_REF_PHASE, phase, 0 };
}

static cjm_ref ref_tp(size_t phase, size_t tp)
{
	return (cjm_ref){ CJM_REF_TOUCHPOINT, phase, tp };
}

/* FIELD of REF formats as EXPECTED. */
static void check_format(const cjm_map *map, cjm_ref ref, cjm_field field, const char *expected)
{
	char *text = cjm_fieldtext_format(map, ref, field);
	assert_non_null(text);
	if (strcmp(text, expected) != 0)
		fprintf(stderr, "field %s: got '%s', want '%s'\n", cjm_field_info_of(field)->key, text, expected);
	assert_string_equal(text, expected);
	free(text);
}

/* A parsed value and the list that holds its text. */
typedef struct parsed {
	cjm_value value;
	cjm_strlist list;
} parsed;

static parsed *parse_ok(cjm_field field, const char *text)
{
	parsed *p = xcalloc(1, sizeof *p);
	const char *problem = cjm_fieldtext_parse(field, text, &p->value, &p->list);
	if (problem)
		fprintf(stderr, "'%s' for %s: %s\n", text, cjm_field_info_of(field)->key, problem);
	assert_null(problem);
	return p;
}

static void parsed_free(parsed *p)
{
	cjm_strlist_clear(&p->list);
	free(p);
}

/* TEXT for FIELD is rejected with exactly MESSAGE, and the value is left absent. */
static void check_rejected(cjm_field field, const char *text, const char *message)
{
	cjm_value value = { .present = true, .integer = 5 };
	cjm_strlist list = { 0 };
	cjm_strlist_push(&list, "left over");
	const char *problem = cjm_fieldtext_parse(field, text, &value, &list);
	if (!problem || strcmp(problem, message) != 0)
		fprintf(stderr, "'%s' for %s: got '%s', want '%s'\n", text, cjm_field_info_of(field)->key,
			problem ? problem : "(accepted)", message);
	assert_non_null(problem);
	assert_string_equal(problem, message);
	assert_false(value.present);
	assert_int_equal(list.len, 0);
	cjm_strlist_clear(&list);
}

static void check_absent(cjm_field field, const char *text)
{
	parsed *p = parse_ok(field, text);
	assert_false(p->value.present);
	parsed_free(p);
}

static void check_text(cjm_field field, const char *text, const char *expected)
{
	parsed *p = parse_ok(field, text);
	assert_true(p->value.present);
	assert_non_null(p->value.text);
	assert_string_equal(p->value.text, expected);
	parsed_free(p);
}

static void check_emotion(const char *text, int expected)
{
	parsed *p = parse_ok(CJM_F_EMOTION, text);
	assert_true(p->value.present);
	assert_int_equal(p->value.integer, expected);
	parsed_free(p);
}

static void check_number(cjm_field field, const char *text, double expected)
{
	parsed *p = parse_ok(field, text);
	assert_true(p->value.present);
	assert_true(p->value.number == expected);
	parsed_free(p);
}

static void check_bool(const char *text, bool expected)
{
	parsed *p = parse_ok(CJM_F_MOMENT_OF_TRUTH, text);
	assert_true(p->value.present);
	assert_int_equal(p->value.boolean, expected);
	parsed_free(p);
}

static void check_pillars(const char *text, unsigned expected)
{
	parsed *p = parse_ok(CJM_F_PILLARS, text);
	assert_int_equal(p->value.bits, expected);
	assert_int_equal(p->value.present, expected != 0);
	parsed_free(p);
}

/* TEXT parses as a list of the N items given. */
static void check_list(cjm_field field, const char *text, size_t n, ...)
{
	parsed *p = parse_ok(field, text);
	assert_int_equal(p->value.present, n > 0);
	assert_ptr_equal(p->value.list, &p->list);
	assert_int_equal(p->list.len, n);
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(p->list.items[i], va_arg(ap, const char *));
	va_end(ap);
	parsed_free(p);
}

/* ---- the fields of a form ---- */

static void test_fields_per_kind(void **state)
{
	(void)state;
	cjm_field out[CJM_FIELD_COUNT];
	static const cjm_field tp[] = { CJM_F_ID, CJM_F_NAME, CJM_F_CHANNEL, CJM_F_OWNER, CJM_F_EMOTION,
					CJM_F_SATISFACTION, CJM_F_IMPACT, CJM_F_MOMENT_OF_TRUTH, CJM_F_BRAND_MOMENT,
					CJM_F_COMMITMENT, CJM_F_VISIBLE, CJM_F_PILLARS, CJM_F_PAINS, CJM_F_IDEAS,
					CJM_F_QUOTES, CJM_F_VOTE, CJM_F_NOTES };
	assert_int_equal(cjm_fieldtext_fields(CJM_REF_TOUCHPOINT, out), sizeof tp / sizeof *tp);
	assert_memory_equal(out, tp, sizeof tp);
	static const cjm_field phase[] = { CJM_F_ID, CJM_F_NAME, CJM_F_DESCRIPTION };
	assert_int_equal(cjm_fieldtext_fields(CJM_REF_PHASE, out), 3);
	assert_memory_equal(out, phase, sizeof phase);
	static const cjm_field map[] = { CJM_F_TITLE, CJM_F_LANGUAGE, CJM_F_PERSONA_NAME,
					 CJM_F_PERSONA_DESCRIPTION, CJM_F_BRAND_VALUES,
					 CJM_F_THRESHOLD_SATISFACTION, CJM_F_THRESHOLD_IMPACT };
	assert_int_equal(cjm_fieldtext_fields(CJM_REF_MAP, out), 7);
	assert_memory_equal(out, map, sizeof map);
}

/* ---- formatting ---- */

static void test_format_touchpoint(void **state)
{
	(void)state;
	cjm_map *map = fixture_map();
	cjm_ref r = ref_tp(0, 0);
	check_format(map, r, CJM_F_ID, "compare-prices");
	check_format(map, r, CJM_F_NAME, "Prijzen vergelijken 🔍");
	check_format(map, r, CJM_F_CHANNEL, "web");
	check_format(map, r, CJM_F_OWNER, "marketing");
	check_format(map, r, CJM_F_EMOTION, "-2");
	check_format(map, r, CJM_F_SATISFACTION, "7.5");
	check_format(map, r, CJM_F_IMPACT, "0.3");
	check_format(map, r, CJM_F_MOMENT_OF_TRUTH, "yes");
	check_format(map, r, CJM_F_BRAND_MOMENT, "no");
	check_format(map, r, CJM_F_COMMITMENT, "yes");
	check_format(map, r, CJM_F_VISIBLE, "no");
	check_format(map, r, CJM_F_PILLARS, "time-and-effort, empathy");
	check_format(map, r, CJM_F_PAINS, "Elke site rekent anders\nBonus maakt het onduidelijk 😕");
	check_format(map, r, CJM_F_IDEAS, "Toon de jaarprijs");
	check_format(map, r, CJM_F_QUOTES, "Appels met appels?");
	check_format(map, r, CJM_F_NOTES, "Het moment van de waarheid");
	cjm_map_free(map);
}

static void test_format_absent(void **state)
{
	(void)state;
	cjm_map *map = fixture_map();
	cjm_ref r = ref_tp(0, 1);
	cjm_field fields[CJM_FIELD_COUNT];
	size_t n = cjm_fieldtext_fields(CJM_REF_TOUCHPOINT, fields);
	for (size_t i = 0; i < n; i++)
		if (fields[i] != CJM_F_ID && fields[i] != CJM_F_NAME)
			check_format(map, r, fields[i], "");
	check_format(map, r, CJM_F_NAME, "Vrienden vragen");
	/* a field the item does not have, and items that do not exist */
	check_format(map, r, CJM_F_DESCRIPTION, "");
	check_format(map, r, CJM_F_TITLE, "");
	check_format(map, ref_tp(0, 9), CJM_F_NAME, "");
	check_format(map, ref_tp(9, 0), CJM_F_NAME, "");
	check_format(map, ref_phase(9), CJM_F_NAME, "");
	check_format(map, r, CJM_FIELD_COUNT, "");
	cjm_map_free(map);
}

static void test_format_emotion_and_numbers(void **state)
{
	(void)state;
	cjm_map *map = fixture_map();
	cjm_touchpoint *tp = map->phases[0]->touchpoints[0];
	cjm_ref r = ref_tp(0, 0);
	static const struct {
		int emotion;
		const char *text;
	} emotions[] = { { -3, "-3" }, { -1, "-1" }, { 0, "0" }, { 1, "+1" }, { 3, "+3" } };
	for (size_t i = 0; i < sizeof emotions / sizeof *emotions; i++) {
		tp->emotion = emotions[i].emotion;
		check_format(map, r, CJM_F_EMOTION, emotions[i].text);
	}
	static const struct {
		double x;
		const char *text;
	} numbers[] = { { 7, "7" }, { 7.5, "7.5" }, { 0, "0" }, { 10, "10" }, { 0.1 + 0.2, "0.30000000000000004" },
			{ 1.0 / 3, "0.3333333333333333" } };
	for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
		tp->satisfaction = numbers[i].x;
		check_format(map, r, CJM_F_SATISFACTION, numbers[i].text);
	}
	tp->pillars = (1u << CJM_PILLAR_COUNT) - 1;
	check_format(map, r, CJM_F_PILLARS,
		     "personalisation, integrity, expectations, resolution, time-and-effort, empathy");
	cjm_map_free(map);
}

static void test_format_map_and_phase(void **state)
{
	(void)state;
	cjm_map *map = fixture_map();
	check_format(map, ref_map(), CJM_F_TITLE, "Overstappen van energieleverancier");
	check_format(map, ref_map(), CJM_F_PERSONA_NAME, "Sanne");
	check_format(map, ref_map(), CJM_F_PERSONA_DESCRIPTION, "");
	check_format(map, ref_map(), CJM_F_BRAND_VALUES, "eerlijk\ngroen 🌱");
	check_format(map, ref_map(), CJM_F_THRESHOLD_SATISFACTION, "6.5");
	check_format(map, ref_map(), CJM_F_THRESHOLD_IMPACT, "");
	check_format(map, ref_phase(0), CJM_F_ID, "orientatie");
	check_format(map, ref_phase(0), CJM_F_NAME, "Oriëntatie");
	check_format(map, ref_phase(0), CJM_F_DESCRIPTION, "Sanne vergelijkt");
	check_format(map, ref_phase(1), CJM_F_DESCRIPTION, "");
	check_format(map, ref_phase(0), CJM_F_EMOTION, "");
	cjm_map_free(map);
}

/* ---- parsing: each kind ---- */

static void test_parse_text(void **state)
{
	(void)state;
	check_text(CJM_F_NAME, "  Oriëntatie \t", "Oriëntatie");
	check_text(CJM_F_NAME, "Prijzen 🔍 vergelijken", "Prijzen 🔍 vergelijken");
	check_text(CJM_F_CHANNEL, "web", "web");
	check_text(CJM_F_NOTES, "\n eerste regel\ntweede regel  \n\n", "eerste regel\ntweede regel");
	check_text(CJM_F_TITLE, " Een kaart ", "Een kaart");
	check_text(CJM_F_ID, " sign-up-2 ", "sign-up-2");
	check_text(CJM_F_DESCRIPTION, "😀", "😀");
	check_absent(CJM_F_CHANNEL, "");
	check_absent(CJM_F_OWNER, "   ");
	check_absent(CJM_F_NOTES, "\n\t\n");
	check_absent(CJM_F_PERSONA_NAME, "");
	check_absent(CJM_F_NOTES, NULL);
}

static void test_parse_text_errors(void **state)
{
	(void)state;
	check_rejected(CJM_F_NAME, "", "name is required");
	check_rejected(CJM_F_NAME, "  \n ", "name is required");
	check_rejected(CJM_F_ID, "", "id is required");
	check_rejected(CJM_F_TITLE, " ", "title is required");
	check_rejected(CJM_F_ID, "Sign Up", "'Sign Up' is not a valid id: use lower-case letters, digits and '-'");
	check_rejected(CJM_F_ID, "-x", "'-x' is not a valid id: use lower-case letters, digits and '-'");
	check_rejected(CJM_F_ID, "oriëntatie", "'oriëntatie' is not a valid id: use lower-case letters, digits and '-'");
	/* a long one is cut, between characters */
	check_rejected(CJM_F_ID, "ëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëëë",
		       "'ëëëëëëëëëëëëëëëëëëëë...' is not a valid id: use lower-case letters, digits and '-'");
	check_rejected(CJM_F_NOTES, "bad \xC3 byte", "notes is not valid UTF-8 text");
	check_rejected(CJM_F_PAINS, "ok\n\xFF", "pains is not valid UTF-8 text");
	check_rejected(CJM_F_EMOTION, "\xE2\x88", "emotion is not valid UTF-8 text");
	check_rejected(CJM_FIELD_COUNT, "x", "no such field");
	/* text and lists need somewhere to live */
	cjm_value value;
	assert_string_equal(cjm_fieldtext_parse(CJM_F_NAME, "x", &value, NULL), "name: no room for the text");
	assert_string_equal(cjm_fieldtext_parse(CJM_F_PAINS, "x", &value, NULL), "pains: no room for the text");
	assert_null(cjm_fieldtext_parse(CJM_F_EMOTION, "1", &value, NULL));
	assert_int_equal(value.integer, 1);
}

/* The vote record: refused where it goes wrong, kept in the form cjm writes it. */
static void test_parse_vote(void **state)
{
	(void)state;
	check_rejected(CJM_F_VOTE, "-1:2 +4:1", "vote: unknown score '+4' (a score is -3..+3, or skip), at character 6");
	check_rejected(CJM_F_VOTE, "  +1:1 | finance: +1:2",
		       "vote: team 'finance' has 2 of score +1, the room only 1, at character 17");
	parsed *p = parse_ok(CJM_F_VOTE, " skip:1 +1:2 -1:1 | service: -1:1 | finance: +1:1 ");
	assert_string_equal(p->value.text, "-1:1 +1:2 skip:1 | finance: +1:1 | service: -1:1");
	parsed_free(p);
	p = parse_ok(CJM_F_VOTE, "");
	assert_false(p->value.present);
	parsed_free(p);
}

static void test_parse_reuses_list(void **state)
{
	(void)state;
	cjm_value value;
	cjm_strlist list = { 0 };
	assert_null(cjm_fieldtext_parse(CJM_F_PAINS, "a\nb\nc", &value, &list));
	assert_int_equal(list.len, 3);
	assert_null(cjm_fieldtext_parse(CJM_F_IDEAS, "d", &value, &list));
	assert_int_equal(list.len, 1);
	assert_string_equal(list.items[0], "d");
	assert_null(cjm_fieldtext_parse(CJM_F_NAME, "Naam", &value, &list));
	assert_int_equal(list.len, 1);
	assert_ptr_equal(value.text, list.items[0]);
	assert_string_equal(value.text, "Naam");
	assert_null(cjm_fieldtext_parse(CJM_F_EMOTION, "2", &value, &list));
	assert_int_equal(list.len, 0);
	cjm_strlist_clear(&list);
}

static void test_parse_emotion(void **state)
{
	(void)state;
	check_emotion("-2", -2);
	check_emotion("+2", 2);
	check_emotion("2", 2);
	check_emotion("−2", -2); /* U+2212 minus sign */
	check_emotion("–3", -3); /* U+2013 en dash, as word processors make of '-' */
	check_emotion(" 0 ", 0);
	check_emotion("-0", 0);
	check_emotion("+0", 0);
	check_emotion("03", 3);
	check_emotion("-3", -3);
	check_absent(CJM_F_EMOTION, "");
	check_absent(CJM_F_EMOTION, "  ");
	static const char *const bad[] = { "4", "-4", "+4", "1.5", "1,0", "abc", "--1", "+-1", "+", "-",
					   "\xE2\x88\x92", "2 2", "- 2", "99999999999999999999", "-99999999999",
					   "1e0", "0x1", "two" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		check_rejected(CJM_F_EMOTION, bad[i], "emotion must be a whole number from -3 to +3");
}

static void test_parse_numbers(void **state)
{
	(void)state;
	check_number(CJM_F_SATISFACTION, "7.5", 7.5);
	check_number(CJM_F_SATISFACTION, "7,5", 7.5);
	check_number(CJM_F_SATISFACTION, " 7 ", 7);
	check_number(CJM_F_SATISFACTION, "10", 10);
	check_number(CJM_F_SATISFACTION, "0", 0);
	check_number(CJM_F_SATISFACTION, "+8", 8);
	check_number(CJM_F_SATISFACTION, ",5", 0.5);
	check_number(CJM_F_SATISFACTION, "6.", 6);
	check_number(CJM_F_SATISFACTION, "0.30000000000000004", 0.1 + 0.2);
	check_number(CJM_F_IMPACT, "0,3", 0.3);
	check_number(CJM_F_IMPACT, "0.3", 0.3);
	check_number(CJM_F_IMPACT, "1", 1);
	check_number(CJM_F_IMPACT, "1e-05", 1e-05);
	check_number(CJM_F_IMPACT, "2.5E-1", 0.25);
	check_number(CJM_F_THRESHOLD_SATISFACTION, "6,5", 6.5);
	check_number(CJM_F_THRESHOLD_IMPACT, ".25", 0.25);
	/* minus zero is zero, so it is shown as "0" */
	parsed *p = parse_ok(CJM_F_SATISFACTION, "-0");
	assert_false(signbit(p->value.number));
	parsed_free(p);
	p = parse_ok(CJM_F_IMPACT, "−0,0");
	assert_false(signbit(p->value.number));
	parsed_free(p);
	check_absent(CJM_F_SATISFACTION, "");
	check_absent(CJM_F_THRESHOLD_IMPACT, " ");

	static const char *const bad[] = { "11", "10.000001", "-1", "−1", "7.5.1", "7,5,1", "7.5,1", "abc",
					   "nan", "inf", "-inf", "0x1", "1e", "1e+", "e5", "1e999", ".", ",", "+",
					   "7 5", "seven", "1,000.5",
					   "1234567890123456789012345678901234567890123456789012345678901234" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		check_rejected(CJM_F_SATISFACTION, bad[i], "satisfaction must be a number from 0 to 10");
	check_rejected(CJM_F_IMPACT, "1.5", "impact must be a number from 0 to 1");
	check_rejected(CJM_F_IMPACT, "3", "impact must be a number from 0 to 1");
	check_rejected(CJM_F_IMPACT, "-0.1", "impact must be a number from 0 to 1");
	check_rejected(CJM_F_THRESHOLD_SATISFACTION, "12", "satisfaction threshold must be a number from 0 to 10");
	check_rejected(CJM_F_THRESHOLD_IMPACT, "x", "impact threshold must be a number from 0 to 1");
}

static void test_parse_booleans(void **state)
{
	(void)state;
	static const char *const yes[] = { "yes", "YES", "Yes", "y", "Y", "true", "True", "TRUE", "ja", "Ja",
					   "JA", "waar", "Waar", "x", "X", "1", "  yes  " };
	static const char *const no[] = { "no", "NO", "No", "n", "N", "false", "False", "nee", "Nee", "NEE",
					  "onwaar", "0", "\tno\n" };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		check_bool(yes[i], true);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		check_bool(no[i], false);
	check_absent(CJM_F_VISIBLE, "");
	check_absent(CJM_F_COMMITMENT, "   ");
	parsed *p = parse_ok(CJM_F_VISIBLE, "nee");
	assert_true(p->value.present);
	assert_false(p->value.boolean);
	parsed_free(p);
	static const char *const bad[] = { "maybe", "yess", "2", "-1", "ok", "j", "nope", "yes no", "✓", "waa" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		check_rejected(CJM_F_MOMENT_OF_TRUTH, bad[i], "moment of truth must be yes or no");
	check_rejected(CJM_F_BRAND_MOMENT, "?", "brand moment must be yes or no");
	check_rejected(CJM_F_COMMITMENT, "?", "commitment must be yes or no");
	check_rejected(CJM_F_VISIBLE, "?", "visible must be yes or no");
}

static void test_parse_pillars(void **state)
{
	(void)state;
	const unsigned te = CJM_PILLAR_TIME_AND_EFFORT, em = CJM_PILLAR_EMPATHY, re = CJM_PILLAR_RESOLUTION;
	check_pillars("time-and-effort, empathy", te | em);
	check_pillars("empathy,time-and-effort", te | em);
	check_pillars("time-and-effort empathy", te | em);
	check_pillars("  Time-And-Effort ,  EMPATHY  ", te | em);
	check_pillars("time", te);
	check_pillars("t, emp", te | em);
	check_pillars("time and effort", te);
	check_pillars("Time and Effort, empathy", te | em);
	check_pillars("time_and_effort", te);
	check_pillars("time empathy", te | em);
	check_pillars("verrassing", re);
	check_pillars("Surprise, empathy", re | em);
	check_pillars("VERRASSING", re);
	check_pillars("personalization", CJM_PILLAR_PERSONALISATION);
	check_pillars("pers; int; exp; res", CJM_PILLAR_PERSONALISATION | CJM_PILLAR_INTEGRITY |
						   CJM_PILLAR_EXPECTATIONS | re);
	check_pillars("empathy, empathy, emp", em);
	check_pillars("personalisation, integrity, expectations, resolution, time-and-effort, empathy",
		      (1u << CJM_PILLAR_COUNT) - 1);
	check_pillars("", 0);
	check_pillars(" , ,, ", 0);
	check_pillars("empathy,\ntime", te | em);

	check_rejected(CJM_F_PILLARS, "fun",
		       "unknown pillar 'fun' (one of: personalisation, integrity, expectations, resolution, time-and-effort, empathy)");
	check_rejected(CJM_F_PILLARS, "empathy, Fun",
		       "unknown pillar 'Fun' (one of: personalisation, integrity, expectations, resolution, time-and-effort, empathy)");
	check_rejected(CJM_F_PILLARS, "time and fun",
		       "unknown pillar 'and' (one of: personalisation, integrity, expectations, resolution, time-and-effort, empathy)");
	check_rejected(CJM_F_PILLARS, "empathie 💖",
		       "unknown pillar 'empathie' (one of: personalisation, integrity, expectations, resolution, time-and-effort, empathy)");
	check_rejected(CJM_F_PILLARS, "💖",
		       "unknown pillar '💖' (one of: personalisation, integrity, expectations, resolution, time-and-effort, empathy)");
	check_rejected(CJM_F_PILLARS, "e", "pillar 'e' could be expectations or empathy");
	check_rejected(CJM_F_PILLARS, "E", "pillar 'E' could be expectations or empathy");
	check_rejected(CJM_F_PILLARS, "-",
		       "unknown pillar '-' (one of: personalisation, integrity, expectations, resolution, time-and-effort, empathy)");
	check_rejected(CJM_F_PILLARS, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		       "unknown pillar 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' (one of: personalisation, integrity, "
		       "expectations, resolution, time-and-effort, empathy)");
}

static void test_parse_lists(void **state)
{
	(void)state;
	check_list(CJM_F_PAINS, "slow\nconfusing", 2, "slow", "confusing");
	check_list(CJM_F_PAINS, "  slow  \n\n\t\n confusing\t\n", 2, "slow", "confusing");
	check_list(CJM_F_IDEAS, "one\r\ntwo\r\n", 2, "one", "two");
	check_list(CJM_F_QUOTES, "„Waar is mijn meter?” 🤔\nOriëntatie, eerst", 2, "„Waar is mijn meter?” 🤔",
		   "Oriëntatie, eerst");
	check_list(CJM_F_BRAND_VALUES, "eerlijk\ngroen", 2, "eerlijk", "groen");
	check_list(CJM_F_PAINS, "single", 1, "single");
	check_list(CJM_F_PAINS, "", 0);
	check_list(CJM_F_QUOTES, "\n \n\n", 0);
	check_list(CJM_F_BRAND_VALUES, "", 0);
}

/* ---- the round trip ---- */

/* parse(format(x)) == x for FIELD of REF, and setting the parsed value changes nothing. */
static void check_round_trip(const cjm_map *map, cjm_ref ref, cjm_field field, const char *where)
{
	char *text = cjm_fieldtext_format(map, ref, field);
	cjm_value value;
	cjm_strlist list = { 0 };
	const char *problem = cjm_fieldtext_parse(field, text, &value, &list);
	cjm_value current = cjm_field_get(map, ref, field);
	bool same = !problem && cjm_value_equal(cjm_field_info_of(field)->kind, &value, &current);
	if (!same)
		fprintf(stderr, "%s: %s: '%s' reads back differently (%s)\n", where, cjm_field_info_of(field)->key,
			text, problem ? problem : "another value");
	assert_true(same);
	cjm_map *copy = cjm_map_clone(map);
	cjm_field_set(copy, ref, field, &value);
	assert_true(cjm_map_equal(copy, map));
	cjm_map_free(copy);
	cjm_strlist_clear(&list);
	free(text);
}

/* Every field of every touchpoint and phase, and of the map except brand_values present but empty. */
static void check_round_trip_map(const cjm_map *map, const char *where)
{
	cjm_field fields[CJM_FIELD_COUNT];
	size_t n = cjm_fieldtext_fields(CJM_REF_MAP, fields);
	for (size_t i = 0; i < n; i++)
		if (fields[i] != CJM_F_BRAND_VALUES || map->brand_values.len > 0 || !map->has_brand_values)
			check_round_trip(map, ref_map(), fields[i], where);
	for (size_t p = 0; p < map->phase_count; p++) {
		n = cjm_fieldtext_fields(CJM_REF_PHASE, fields);
		for (size_t i = 0; i < n; i++)
			check_round_trip(map, ref_phase(p), fields[i], where);
		n = cjm_fieldtext_fields(CJM_REF_TOUCHPOINT, fields);
		for (size_t t = 0; t < map->phases[p]->touchpoint_count; t++)
			for (size_t i = 0; i < n; i++)
				check_round_trip(map, ref_tp(p, t), fields[i], where);
	}
}

static void test_round_trip_fixture(void **state)
{
	(void)state;
	cjm_map *map = fixture_map();
	check_round_trip_map(map, "fixture");
	/* awkward numbers, every emotion and every pillar set */
	cjm_touchpoint *tp = map->phases[0]->touchpoints[0];
	static const double sats[] = { 0, 10, 0.1 + 0.2, 1.0 / 3, 9.999999999999998, 5e-324, 1e-05 };
	static const double impacts[] = { 0, 1, 0.1, 1e-9, 0.123456789012345678 };
	for (size_t i = 0; i < sizeof sats / sizeof *sats; i++) {
		tp->satisfaction = sats[i];
		check_round_trip(map, ref_tp(0, 0), CJM_F_SATISFACTION, "satisfaction");
	}
	for (size_t i = 0; i < sizeof impacts / sizeof *impacts; i++) {
		tp->impact = impacts[i];
		check_round_trip(map, ref_tp(0, 0), CJM_F_IMPACT, "impact");
	}
	for (int e = CJM_EMOTION_MIN; e <= CJM_EMOTION_MAX; e++) {
		tp->emotion = e;
		check_round_trip(map, ref_tp(0, 0), CJM_F_EMOTION, "emotion");
	}
	for (unsigned bits = 0; bits < 1u << CJM_PILLAR_COUNT; bits++) {
		tp->pillars = bits;
		check_round_trip(map, ref_tp(0, 0), CJM_F_PILLARS, "pillars");
	}
	tp->visible = CJM_TRUE;
	check_round_trip(map, ref_tp(0, 0), CJM_F_VISIBLE, "visible");
	cjm_map_free(map);
}

static void test_round_trip_example_maps(void **state)
{
	(void)state;
	glob_t g;
	if (glob("maps/*.yaml", 0, NULL, &g) != 0) {
		fprintf(stderr, "no maps/*.yaml here (run from the top of the source tree); skipped\n");
		skip();
	}
	assert_true(g.gl_pathc >= 1);
	size_t touchpoints = 0;
	for (size_t i = 0; i < g.gl_pathc; i++) {
		diag_list *diags = diag_list_new(g.gl_pathv[i]);
		int err = 0;
		cjm_map *map = cjm_load_file(g.gl_pathv[i], diags, NULL, &err);
		if (!map)
			diag_print(diags, stderr);
		assert_non_null(map);
		check_round_trip_map(map, g.gl_pathv[i]);
		touchpoints += cjm_map_touchpoint_count(map);
		cjm_map_free(map);
		diag_list_free(diags);
	}
	assert_true(touchpoints > 0);
	globfree(&g);
}

/* ---- applying a form ---- */

/* The form texts of every field of REF, as the form shows them. */
typedef struct form {
	cjm_field fields[CJM_FIELD_COUNT];
	char *texts[CJM_FIELD_COUNT];
	size_t count;
} form;

static form *form_open(const cjm_edit *edit, cjm_ref ref)
{
	form *f = xcalloc(1, sizeof *f);
	f->count = cjm_fieldtext_fields(ref.kind, f->fields);
	for (size_t i = 0; i < f->count; i++)
		f->texts[i] = cjm_fieldtext_format(cjm_edit_map(edit), ref, f->fields[i]);
	return f;
}

/* Types TEXT into the line of FIELD. */
static void form_type(form *f, cjm_field field, const char *text)
{
	for (size_t i = 0; i < f->count; i++)
		if (f->fields[i] == field) {
			free(f->texts[i]);
			f->texts[i] = xstrdup(text);
			return;
		}
	fail_msg("the form has no %s", cjm_field_info_of(field)->key);
}

static size_t form_index(const form *f, cjm_field field)
{
	for (size_t i = 0; i < f->count; i++)
		if (f->fields[i] == field)
			return i;
	return f->count;
}

static void form_close(form *f)
{
	for (size_t i = 0; i < f->count; i++)
		free(f->texts[i]);
	free(f);
}

static const char *form_apply(cjm_edit *edit, cjm_ref ref, const form *f, size_t *bad)
{
	return cjm_fieldtext_apply(edit, ref, f->fields, f->texts, f->count, bad);
}

/* Applying F to REF fails at field BAD with MESSAGE and changes nothing, not even the history. */
static void check_apply_rejected(cjm_edit *edit, cjm_ref ref, const form *f, cjm_field bad, const char *message)
{
	cjm_map *before = cjm_map_clone(cjm_edit_map(edit));
	unsigned long gen = cjm_edit_generation(edit);
	bool undo = cjm_edit_can_undo(edit), redo = cjm_edit_can_redo(edit), dirty = cjm_edit_dirty(edit);
	size_t at = 12345;
	const char *problem = form_apply(edit, ref, f, &at);
	if (!problem || strcmp(problem, message) != 0)
		fprintf(stderr, "got '%s', want '%s'\n", problem ? problem : "(applied)", message);
	assert_non_null(problem);
	assert_string_equal(problem, message);
	assert_int_equal(at, bad == CJM_FIELD_COUNT ? f->count : form_index(f, bad));
	assert_true(cjm_map_equal(cjm_edit_map(edit), before));
	assert_int_equal(cjm_edit_generation(edit), gen);
	assert_int_equal(cjm_edit_can_undo(edit), undo);
	assert_int_equal(cjm_edit_can_redo(edit), redo);
	assert_int_equal(cjm_edit_dirty(edit), dirty);
	cjm_map_free(before);
}

/* Applying F to REF succeeds and records nothing. */
static void check_apply_nothing(cjm_edit *edit, cjm_ref ref, const form *f)
{
	cjm_map *before = cjm_map_clone(cjm_edit_map(edit));
	unsigned long gen = cjm_edit_generation(edit);
	bool undo = cjm_edit_can_undo(edit);
	size_t at = 12345;
	assert_null(form_apply(edit, ref, f, &at));
	assert_int_equal(at, f->count);
	assert_true(cjm_map_equal(cjm_edit_map(edit), before));
	assert_int_equal(cjm_edit_generation(edit), gen);
	assert_int_equal(cjm_edit_can_undo(edit), undo);
	cjm_map_free(before);
}

static void test_apply_one_undo_step(void **state)
{
	(void)state;
	cjm_edit *edit = cjm_edit_new(fixture_map());
	cjm_map *before = cjm_map_clone(cjm_edit_map(edit));
	form *f = form_open(edit, ref_tp(0, 1));
	form_type(f, CJM_F_ID, "vrienden-vragen");
	form_type(f, CJM_F_NAME, "  Vrienden vragen 👥 ");
	form_type(f, CJM_F_CHANNEL, "telefoon");
	form_type(f, CJM_F_EMOTION, "−1");
	form_type(f, CJM_F_SATISFACTION, "6,5");
	form_type(f, CJM_F_IMPACT, "0.2");
	form_type(f, CJM_F_MOMENT_OF_TRUTH, "Ja");
	form_type(f, CJM_F_VISIBLE, "nee");
	form_type(f, CJM_F_PILLARS, "emp time");
	form_type(f, CJM_F_PAINS, "Niemand weet het\n\n  Oriëntatie kost tijd ");
	form_type(f, CJM_F_NOTES, "Zie 📎");
	size_t bad = 99;
	assert_null(form_apply(edit, ref_tp(0, 1), f, &bad));
	assert_int_equal(bad, f->count);

	const cjm_touchpoint *tp = cjm_edit_map(edit)->phases[0]->touchpoints[1];
	assert_string_equal(tp->id, "vrienden-vragen");
	assert_string_equal(tp->name, "Vrienden vragen 👥");
	assert_string_equal(tp->channel, "telefoon");
	assert_null(tp->owner);
	assert_true(tp->has_emotion);
	assert_int_equal(tp->emotion, -1);
	assert_true(tp->has_satisfaction && tp->satisfaction == 6.5);
	assert_true(tp->has_impact && tp->impact == 0.2);
	assert_int_equal(tp->moment_of_truth, CJM_TRUE);
	assert_int_equal(tp->brand_moment, CJM_UNSET);
	assert_int_equal(tp->visible, CJM_FALSE);
	assert_int_equal(tp->pillars, CJM_PILLAR_EMPATHY | CJM_PILLAR_TIME_AND_EFFORT);
	assert_int_equal(tp->pains.len, 2);
	assert_string_equal(tp->pains.items[1], "Oriëntatie kost tijd");
	assert_int_equal(tp->ideas.len, 0);
	assert_string_equal(tp->notes, "Zie 📎");

	/* one step: one undo gives the map before the form back, one redo the form again */
	cjm_map *after = cjm_map_clone(cjm_edit_map(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_map_equal(cjm_edit_map(edit), before));
	assert_false(cjm_edit_can_undo(edit));
	assert_int_equal(cjm_edit_redo(edit), 0);
	assert_true(cjm_map_equal(cjm_edit_map(edit), after));
	assert_false(cjm_edit_can_redo(edit));

	/* the same form again changes nothing */
	check_apply_nothing(edit, ref_tp(0, 1), f);
	cjm_map_free(after);
	cjm_map_free(before);
	form_close(f);
	cjm_edit_free(edit);
}

static void test_apply_clears_fields(void **state)
{
	(void)state;
	cjm_edit *edit = cjm_edit_new(fixture_map());
	cjm_map *before = cjm_map_clone(cjm_edit_map(edit));
	form *f = form_open(edit, ref_tp(0, 0));
	for (size_t i = 0; i < f->count; i++)
		if (f->fields[i] != CJM_F_ID && f->fields[i] != CJM_F_NAME)
			form_type(f, f->fields[i], " ");
	assert_null(form_apply(edit, ref_tp(0, 0), f, NULL));
	const cjm_touchpoint *tp = cjm_edit_map(edit)->phases[0]->touchpoints[0];
	assert_null(tp->channel);
	assert_null(tp->owner);
	assert_null(tp->notes);
	assert_false(tp->has_emotion || tp->has_satisfaction || tp->has_impact);
	assert_int_equal(tp->moment_of_truth, CJM_UNSET);
	assert_int_equal(tp->visible, CJM_UNSET);
	assert_int_equal(tp->pillars, 0);
	assert_int_equal(tp->pains.len + tp->ideas.len + tp->quotes.len, 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_map_equal(cjm_edit_map(edit), before));
	assert_false(cjm_edit_can_undo(edit));
	cjm_map_free(before);
	form_close(f);
	cjm_edit_free(edit);
}

static void test_apply_map_and_phase(void **state)
{
	(void)state;
	cjm_edit *edit = cjm_edit_new(fixture_map());
	cjm_map *before = cjm_map_clone(cjm_edit_map(edit));
	form *f = form_open(edit, ref_map());
	form_type(f, CJM_F_TITLE, "Nieuwe titel");
	form_type(f, CJM_F_PERSONA_NAME, "");
	form_type(f, CJM_F_PERSONA_DESCRIPTION, "Koopt een huis 🏠");
	form_type(f, CJM_F_BRAND_VALUES, "");
	form_type(f, CJM_F_THRESHOLD_IMPACT, "0,25");
	assert_null(form_apply(edit, ref_map(), f, NULL));
	const cjm_map *map = cjm_edit_map(edit);
	assert_string_equal(map->title, "Nieuwe titel");
	assert_null(map->persona_name);
	assert_string_equal(map->persona_description, "Koopt een huis 🏠");
	assert_true(map->has_persona);
	assert_int_equal(map->brand_values.len, 0);
	assert_false(map->has_brand_values);
	assert_true(map->has_threshold_impact && map->threshold_impact == 0.25);
	assert_true(map->has_threshold_satisfaction && map->threshold_satisfaction == 6.5);
	form_close(f);

	f = form_open(edit, ref_phase(1));
	form_type(f, CJM_F_ID, "inschrijven");
	form_type(f, CJM_F_NAME, "Inschrijven");
	form_type(f, CJM_F_DESCRIPTION, "Sanne tekent");
	assert_null(form_apply(edit, ref_phase(1), f, NULL));
	assert_string_equal(cjm_edit_map(edit)->phases[1]->id, "inschrijven");
	assert_string_equal(cjm_edit_map(edit)->phases[1]->description, "Sanne tekent");

	/* two forms, two steps */
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_false(cjm_edit_can_undo(edit));
	assert_true(cjm_map_equal(cjm_edit_map(edit), before));
	cjm_map_free(before);
	form_close(f);
	cjm_edit_free(edit);
}

static void test_apply_bad_field_changes_nothing(void **state)
{
	(void)state;
	cjm_edit *edit = cjm_edit_new(fixture_map());
	cjm_ref r = ref_tp(0, 0);
	/* a history to keep: one step to undo and one to redo */
	assert_int_equal(cjm_edit_set_text(edit, ref_map(), CJM_F_TITLE, "Eerst"), 0);
	assert_int_equal(cjm_edit_set_text(edit, ref_map(), CJM_F_TITLE, "Daarna"), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);

	form *f = form_open(edit, r);
	form_type(f, CJM_F_NAME, "Nieuwe naam");
	form_type(f, CJM_F_CHANNEL, "app");
	form_type(f, CJM_F_PAINS, "een\ntwee");
	form_type(f, CJM_F_EMOTION, "5");
	check_apply_rejected(edit, r, f, CJM_F_EMOTION, "emotion must be a whole number from -3 to +3");
	form_type(f, CJM_F_EMOTION, "-3");

	/* the last field bad: none of the earlier ones applied */
	form_type(f, CJM_F_NOTES, "\xC0\xAF");
	check_apply_rejected(edit, r, f, CJM_F_NOTES, "notes is not valid UTF-8 text");
	form_type(f, CJM_F_NOTES, "ok");

	form_type(f, CJM_F_SATISFACTION, "11");
	check_apply_rejected(edit, r, f, CJM_F_SATISFACTION, "satisfaction must be a number from 0 to 10");
	form_type(f, CJM_F_SATISFACTION, "8");
	form_type(f, CJM_F_IMPACT, "2");
	check_apply_rejected(edit, r, f, CJM_F_IMPACT, "impact must be a number from 0 to 1");
	form_type(f, CJM_F_IMPACT, "1");
	form_type(f, CJM_F_COMMITMENT, "misschien");
	check_apply_rejected(edit, r, f, CJM_F_COMMITMENT, "commitment must be yes or no");
	form_type(f, CJM_F_COMMITMENT, "no");
	form_type(f, CJM_F_PILLARS, "fun");
	check_apply_rejected(edit, r, f, CJM_F_PILLARS,
			     "unknown pillar 'fun' (one of: personalisation, integrity, expectations, resolution, "
			     "time-and-effort, empathy)");
	form_type(f, CJM_F_PILLARS, "");
	form_type(f, CJM_F_NAME, "   ");
	check_apply_rejected(edit, r, f, CJM_F_NAME, "name is required");
	form_type(f, CJM_F_NAME, "Nieuwe naam");
	form_type(f, CJM_F_ID, "Sign Up");
	check_apply_rejected(edit, r, f, CJM_F_ID, "'Sign Up' is not a valid id: use lower-case letters, digits and '-'");
	form_type(f, CJM_F_ID, "");
	check_apply_rejected(edit, r, f, CJM_F_ID, "id is required");
	/* ids must stay unique, among phases and touchpoints */
	form_type(f, CJM_F_ID, "sign-up");
	check_apply_rejected(edit, r, f, CJM_F_ID, "id 'sign-up' is already used by 'Aanmelden online'");
	form_type(f, CJM_F_ID, "aanmelden");
	check_apply_rejected(edit, r, f, CJM_F_ID, "id 'aanmelden' is already used by 'Aanmelden'");

	/* fixed, it applies as one step, and the redo step is gone */
	form_type(f, CJM_F_ID, "compare-prices");
	cjm_map *before = cjm_map_clone(cjm_edit_map(edit));
	assert_null(form_apply(edit, r, f, NULL));
	assert_false(cjm_edit_can_redo(edit));
	assert_string_equal(cjm_edit_map(edit)->phases[0]->touchpoints[0]->name, "Nieuwe naam");
	assert_int_equal(cjm_edit_map(edit)->phases[0]->touchpoints[0]->emotion, -3);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_map_equal(cjm_edit_map(edit), before));
	assert_string_equal(cjm_edit_map(edit)->title, "Eerst");
	cjm_map_free(before);
	form_close(f);
	cjm_edit_free(edit);
}

static void test_apply_wrong_item_or_field(void **state)
{
	(void)state;
	cjm_edit *edit = cjm_edit_new(fixture_map());
	form *f = form_open(edit, ref_tp(0, 0));
	form_type(f, CJM_F_NAME, "x");
	check_apply_rejected(edit, ref_tp(0, 7), f, CJM_FIELD_COUNT, "no touchpoint 7 in phase 'Oriëntatie'");
	check_apply_rejected(edit, ref_tp(5, 0), f, CJM_FIELD_COUNT, "no phase 5 (the map has 2)");
	check_apply_rejected(edit, ref_phase(2), f, CJM_FIELD_COUNT, "no phase 2 (the map has 2)");
	/* a touchpoint form applied to a phase: the first field a phase lacks */
	check_apply_rejected(edit, ref_phase(0), f, CJM_F_CHANNEL, "a phase has no channel");
	form_close(f);

	cjm_field fields[] = { CJM_F_NAME, CJM_F_DESCRIPTION };
	char *texts[] = { "Naam", "" };
	size_t bad = 0;
	assert_string_equal(cjm_fieldtext_apply(edit, ref_tp(0, 0), fields, texts, 2, &bad),
			    "a touchpoint has no description");
	assert_int_equal(bad, 1);
	cjm_field title[] = { CJM_F_TITLE };
	assert_string_equal(cjm_fieldtext_apply(edit, ref_phase(0), title, texts, 1, &bad), "a phase has no title");
	assert_int_equal(bad, 0);
	cjm_field none[] = { CJM_FIELD_COUNT };
	assert_string_equal(cjm_fieldtext_apply(edit, ref_map(), none, texts, 1, NULL), "no such field");
	assert_false(cjm_edit_can_undo(edit));
	/* an empty form is fine and records nothing */
	assert_null(cjm_fieldtext_apply(edit, ref_map(), NULL, NULL, 0, &bad));
	assert_int_equal(bad, 0);
	assert_false(cjm_edit_can_undo(edit));
	cjm_edit_free(edit);
}

static void test_apply_unchanged_records_nothing(void **state)
{
	(void)state;
	cjm_edit *edit = cjm_edit_new(fixture_map());
	cjm_ref refs[] = { ref_map(), ref_phase(0), ref_phase(1), ref_tp(0, 0), ref_tp(0, 1), ref_tp(1, 0) };
	for (size_t i = 0; i < sizeof refs / sizeof *refs; i++) {
		form *f = form_open(edit, refs[i]);
		check_apply_nothing(edit, refs[i], f);
		form_close(f);
	}
	/* other spellings of the same values */
	form *f = form_open(edit, ref_tp(0, 0));
	form_type(f, CJM_F_NAME, "  Prijzen vergelijken 🔍\n");
	form_type(f, CJM_F_EMOTION, "−2");
	form_type(f, CJM_F_SATISFACTION, "7,50");
	form_type(f, CJM_F_IMPACT, ".3");
	form_type(f, CJM_F_MOMENT_OF_TRUTH, "JA");
	form_type(f, CJM_F_BRAND_MOMENT, "n");
	form_type(f, CJM_F_COMMITMENT, "x");
	form_type(f, CJM_F_VISIBLE, "False");
	form_type(f, CJM_F_PILLARS, "empathy time");
	form_type(f, CJM_F_PAINS, "\nElke site rekent anders \n\n Bonus maakt het onduidelijk 😕\n");
	check_apply_nothing(edit, ref_tp(0, 0), f);
	/* NULL texts leave their fields alone */
	for (size_t i = 0; i < f->count; i++) {
		free(f->texts[i]);
		f->texts[i] = NULL;
	}
	check_apply_nothing(edit, ref_tp(0, 0), f);
	form_close(f);

	/* after a real change, an unchanged form keeps the redo history */
	assert_int_equal(cjm_edit_set_text(edit, ref_tp(0, 0), CJM_F_OWNER, "sales"), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	f = form_open(edit, ref_tp(0, 0));
	check_apply_nothing(edit, ref_tp(0, 0), f);
	assert_true(cjm_edit_can_redo(edit));
	form_close(f);
	cjm_edit_free(edit);
}

/* Values the form cannot show exactly survive a form saved without touching them. */
static void test_apply_keeps_what_the_form_cannot_show(void **state)
{
	(void)state;
	cjm_map *map = fixture_map();
	cjm_touchpoint *tp = map->phases[0]->touchpoints[0];
	free(tp->notes);
	tp->notes = xstrdup("  ingesprongen\nregel\n");
	cjm_strlist_push(&tp->quotes, "twee\nregels");
	cjm_strlist_push(&tp->ideas, " met spaties ");
	cjm_strlist_clear(&map->brand_values); /* present but empty */
	cjm_edit *edit = cjm_edit_new(map);
	form *f = form_open(edit, ref_tp(0, 0));
	check_apply_nothing(edit, ref_tp(0, 0), f);
	/* changing another field leaves them as they were */
	form_type(f, CJM_F_OWNER, "klantenservice");
	assert_null(form_apply(edit, ref_tp(0, 0), f, NULL));
	tp = cjm_edit_map(edit)->phases[0]->touchpoints[0];
	assert_string_equal(tp->owner, "klantenservice");
	assert_string_equal(tp->notes, "  ingesprongen\nregel\n");
	assert_int_equal(tp->quotes.len, 2);
	assert_string_equal(tp->quotes.items[1], "twee\nregels");
	assert_string_equal(tp->ideas.items[1], " met spaties ");
	form_close(f);
	f = form_open(edit, ref_map());
	check_apply_nothing(edit, ref_map(), f);
	assert_true(cjm_edit_map(edit)->has_brand_values);
	form_close(f);
	cjm_edit_free(edit);
}

static void test_apply_id_changes(void **state)
{
	(void)state;
	cjm_edit *edit = cjm_edit_new(fixture_map());
	cjm_field fields[] = { CJM_F_ID, CJM_F_NAME };
	char *same[] = { " compare-prices ", "Prijzen vergelijken 🔍" };
	size_t bad;
	assert_null(cjm_fieldtext_apply(edit, ref_tp(0, 0), fields, same, 2, &bad));
	assert_false(cjm_edit_can_undo(edit));
	/* a touchpoint cannot take a phase's id */
	char *phase_id[] = { "orientatie", "x" };
	assert_string_equal(cjm_fieldtext_apply(edit, ref_tp(0, 0), fields, phase_id, 2, &bad),
			    "id 'orientatie' is already used by 'Oriëntatie'");
	assert_int_equal(bad, 0);
	char *fresh[] = { "prijzen", "Prijzen" };
	assert_null(cjm_fieldtext_apply(edit, ref_tp(0, 0), fields, fresh, 2, &bad));
	size_t p, t;
	assert_true(cjm_map_find(cjm_edit_map(edit), "prijzen", &p, &t));
	assert_int_equal(p, 0);
	assert_int_equal(t, 0);
	assert_false(cjm_map_find(cjm_edit_map(edit), "compare-prices", &p, &t));
	/* the freed id can be taken by another item */
	char *take[] = { "compare-prices", "Vrienden vragen" };
	assert_null(cjm_fieldtext_apply(edit, ref_tp(0, 1), fields, take, 2, &bad));
	assert_true(cjm_map_find(cjm_edit_map(edit), "compare-prices", &p, &t));
	assert_int_equal(t, 1);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_map_find(cjm_edit_map(edit), "compare-prices", &p, &t));
	assert_int_equal(t, 0);
	assert_false(cjm_edit_can_undo(edit));
	cjm_edit_free(edit);
}

/* A form applied inside the caller's own group joins that group's step. */
static void test_apply_inside_a_group(void **state)
{
	(void)state;
	cjm_edit *edit = cjm_edit_new(fixture_map());
	cjm_map *before = cjm_map_clone(cjm_edit_map(edit));
	cjm_edit_group_begin(edit);
	assert_int_equal(cjm_edit_add_touchpoint(edit, 1, 1, "Nieuw", "nieuw"), 0);
	form *f = form_open(edit, ref_tp(1, 1));
	form_type(f, CJM_F_EMOTION, "+3");
	form_type(f, CJM_F_QUOTES, "Top!");
	assert_null(form_apply(edit, ref_tp(1, 1), f, NULL));
	form_type(f, CJM_F_EMOTION, "+4");
	size_t bad;
	assert_string_equal(form_apply(edit, ref_tp(1, 1), f, &bad), "emotion must be a whole number from -3 to +3");
	cjm_edit_group_end(edit);
	assert_int_equal(cjm_edit_map(edit)->phases[1]->touchpoints[1]->emotion, 3);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_false(cjm_edit_can_undo(edit));
	assert_true(cjm_map_equal(cjm_edit_map(edit), before));
	cjm_map_free(before);
	form_close(f);
	cjm_edit_free(edit);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_per_kind),
		cmocka_unit_test(test_format_touchpoint),
		cmocka_unit_test(test_format_absent),
		cmocka_unit_test(test_format_emotion_and_numbers),
		cmocka_unit_test(test_format_map_and_phase),
		cmocka_unit_test(test_parse_text),
		cmocka_unit_test(test_parse_text_errors),
		cmocka_unit_test(test_parse_vote),
		cmocka_unit_test(test_parse_reuses_list),
		cmocka_unit_test(test_parse_emotion),
		cmocka_unit_test(test_parse_numbers),
		cmocka_unit_test(test_parse_booleans),
		cmocka_unit_test(test_parse_pillars),
		cmocka_unit_test(test_parse_lists),
		cmocka_unit_test(test_round_trip_fixture),
		cmocka_unit_test(test_round_trip_example_maps),
		cmocka_unit_test(test_apply_one_undo_step),
		cmocka_unit_test(test_apply_clears_fields),
		cmocka_unit_test(test_apply_map_and_phase),
		cmocka_unit_test(test_apply_bad_field_changes_nothing),
		cmocka_unit_test(test_apply_wrong_item_or_field),
		cmocka_unit_test(test_apply_unchanged_records_nothing),
		cmocka_unit_test(test_apply_keeps_what_the_form_cannot_show),
		cmocka_unit_test(test_apply_id_changes),
		cmocka_unit_test(test_apply_inside_a_group),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
