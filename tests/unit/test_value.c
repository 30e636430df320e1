/* Unit tests for the value grammar (util/value.h) and the one quoting rule for YAML text (cjm_yaml_needs_quotes). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <yaml.h>

#include "model/map.h"
#include "edit/fieldtext.h"
#include "export/export.h"
#include "io/load.h"
#include "io/save.h"
#include "io/yaml_out.h"
#include "util/value.h"

/* ---- whole numbers ---- */

static void expect_whole(const char *text, value_grammar grammar, long want)
{
	long n = 12345;
	if (!value_parse_whole(text, grammar, &n))
		fail_msg("'%s' is not taken as a whole number", text);
	if (n != want)
		fail_msg("'%s' reads as %ld, not %ld", text, n, want);
}

static void expect_not_whole(const char *text, value_grammar grammar)
{
	long n = 12345;
	if (value_parse_whole(text, grammar, &n))
		fail_msg("'%s' is taken as the whole number %ld", text, n);
	assert_int_equal(n, 12345); /* untouched */
}

static void test_whole_in_a_file(void **state)
{
	(void)state;
	expect_whole("-2", VALUE_FILE, -2);
	expect_whole("+2", VALUE_FILE, 2);
	expect_whole("0", VALUE_FILE, 0);
	expect_whole("-0", VALUE_FILE, 0);
	expect_whole("007", VALUE_FILE, 7);
	expect_whole("9223372036854775807", VALUE_FILE, LONG_MAX);
	expect_whole("-9223372036854775808", VALUE_FILE, LONG_MIN);
	static const char *const bad[] = { "", " 1", "1 ", "+", "-", "1.0", "1e3", "0x1", "1_000", "2a",
					   "--1", "+-1", "−2" /* U+2212 */, "9223372036854775808",
					   "-9223372036854775809", "99999999999999999999" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		expect_not_whole(bad[i], VALUE_FILE);
}

static void test_whole_typed(void **state)
{
	(void)state;
	expect_whole("2", VALUE_TYPED, 2);
	expect_whole(" +2\t", VALUE_TYPED, 2);
	expect_whole("\n-3\n", VALUE_TYPED, -3);
	expect_whole("\xE2\x88\x92" "2", VALUE_TYPED, -2); /* U+2212 minus sign */
	expect_whole("\xE2\x80\x93" "1", VALUE_TYPED, -1); /* U+2013 en dash */
	static const char *const bad[] = { "", "   ", "1.0", "1,0", "two", "2 3", "+ 2", "\xE2\x88\x92",
					   "\xE2\x88\x92-2", "3x", "99999999999999999999" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		expect_not_whole(bad[i], VALUE_TYPED);
}

/* ---- numbers ---- */

static void expect_number(const char *text, value_grammar grammar, double want)
{
	double x = 12345;
	if (!value_parse_number(text, grammar, &x))
		fail_msg("'%s' is not taken as a number", text);
	if (x != want)
		fail_msg("'%s' reads as %.17g, not %.17g", text, x, want);
}

static void expect_not_number(const char *text, value_grammar grammar)
{
	double x = 12345;
	if (value_parse_number(text, grammar, &x))
		fail_msg("'%s' is taken as the number %.17g", text, x);
	assert_true(x == 12345);
}

static void test_number_in_a_file(void **state)
{
	(void)state;
	expect_number("7.5", VALUE_FILE, 7.5);
	expect_number(".5", VALUE_FILE, 0.5);
	expect_number("5.", VALUE_FILE, 5);
	expect_number("+1", VALUE_FILE, 1);
	expect_number("-0.25", VALUE_FILE, -0.25);
	expect_number("1e-3", VALUE_FILE, 0.001);
	expect_number("2E+1", VALUE_FILE, 20);
	expect_number("0.30000000000000004", VALUE_FILE, 0.1 + 0.2);
	static const char *const bad[] = { "", ".", "+.", "7,5", " 7.5", "7.5 ", "0x7", "0x1p3", ".nan", ".inf",
					   "-.inf", "inf", "nan", "1e400", "-1e400", "1.5e", "1e+", "1.0.0", "e3",
					   "high", "−1" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		expect_not_number(bad[i], VALUE_FILE);
}

static void test_number_typed(void **state)
{
	(void)state;
	expect_number("7,5", VALUE_TYPED, 7.5); /* the Dutch decimal comma */
	expect_number(" 7.5 ", VALUE_TYPED, 7.5);
	expect_number(",5", VALUE_TYPED, 0.5);
	expect_number("7,", VALUE_TYPED, 7);
	expect_number("\xE2\x88\x92" "1,5", VALUE_TYPED, -1.5);
	expect_number("1e3", VALUE_TYPED, 1000);
	expect_number("1,5e1", VALUE_TYPED, 15);
	/* a long text goes through a copy of its own */
	char longer[200] = "0.";
	memset(longer + 2, '0', 150);
	strcpy(longer + 152, "1e151");
	expect_number(longer, VALUE_TYPED, 1);
	static const char *const bad[] = { "", " ", "1.000,5", "7,5.1", "1,,5", "7.5.", "nan", "inf", "0x1",
					   "1e400", "1 000", "7.5 points", "," };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		expect_not_number(bad[i], VALUE_TYPED);
}

/* ---- yes and no ---- */

static void test_bool_words(void **state)
{
	(void)state;
	static const char *const file_yes[] = { "true", "True", "TRUE" }, *const file_no[] = { "false", "False",
											       "FALSE" };
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(value_parse_bool(file_yes[i], VALUE_FILE), 1);
		assert_int_equal(value_parse_bool(file_no[i], VALUE_FILE), 0);
		assert_int_equal(value_parse_bool(file_yes[i], VALUE_TYPED), 1);
		assert_int_equal(value_parse_bool(file_no[i], VALUE_TYPED), 0);
	}
	/* a map file takes YAML's words only: yes, on and 1 are text or numbers to YAML 1.2 */
	static const char *const not_in_file[] = { "yes", "no", "y", "ja", "nee", "on", "1", "0", "tRue", " true", "" };
	for (size_t i = 0; i < sizeof not_in_file / sizeof *not_in_file; i++)
		if (value_parse_bool(not_in_file[i], VALUE_FILE) != -1)
			fail_msg("'%s' is a yes/no word in a map file", not_in_file[i]);
	static const char *const yes[] = { "yes", "Yes", "Y", "ja", "JA", "waar", "x", "X", "1", " tRue " };
	static const char *const no[] = { "no", "NO", "n", "nee", "Nee", "onwaar", "0", "\tfalse\n" };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		if (value_parse_bool(yes[i], VALUE_TYPED) != 1)
			fail_msg("'%s' is not yes", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (value_parse_bool(no[i], VALUE_TYPED) != 0)
			fail_msg("'%s' is not no", no[i]);
	static const char *const neither[] = { "", "maybe", "yess", "jaa", "2", "on", "off", "j", "-" };
	for (size_t i = 0; i < sizeof neither / sizeof *neither; i++)
		if (value_parse_bool(neither[i], VALUE_TYPED) != -1)
			fail_msg("'%s' is taken as a yes/no word", neither[i]);
}

/* ---- the messages ---- */

static void test_messages(void **state)
{
	(void)state;
	char why[VALUE_WHY_MAX];
	long n = 99;
	double x = 99;
	bool b = false;
	assert_string_equal(value_read_whole("4", VALUE_TYPED, "emotion", -3, 3, &n, why),
			    "emotion must be a whole number from -3 to +3");
	assert_string_equal(value_read_whole("high", VALUE_TYPED, "emotion", -3, 3, &n, why),
			    "emotion must be a whole number from -3 to +3");
	assert_int_equal(n, 99);
	assert_null(value_read_whole(" -3 ", VALUE_TYPED, "emotion", -3, 3, &n, why));
	assert_int_equal(n, -3);
	assert_string_equal(value_read_number("11", VALUE_FILE, "satisfaction", 0, 10, &x, why),
			    "satisfaction must be a number from 0 to 10");
	assert_string_equal(value_read_number("1,2", VALUE_TYPED, "impact", 0, 1, &x, why),
			    "impact must be a number from 0 to 1");
	assert_true(x == 99);
	assert_null(value_read_number("0,3", VALUE_TYPED, "impact", 0, 1, &x, why));
	assert_true(x == 0.3);
	assert_null(value_read_number("-0", VALUE_TYPED, "impact", 0, 1, &x, why));
	assert_true(x == 0 && !signbit(x)); /* never -0, which would read "-0" */
	assert_string_equal(value_read_bool("maybe", VALUE_TYPED, "visible", &b, why), "visible must be yes or no");
	assert_string_equal(value_read_bool("yes", VALUE_FILE, "visible", &b, why), "visible must be true or false");
	assert_null(value_read_bool("ja", VALUE_TYPED, "visible", &b, why));
	assert_true(b);
	assert_string_equal(value_must_be_whole(why, "version", LONG_MIN, LONG_MAX), "version must be a whole number");
	assert_string_equal(value_must_be_whole(why, "count", 1, 5), "count must be a whole number from 1 to 5");
	assert_string_equal(value_must_be_number(why, "threshold", -1e9, 1e9),
			    "threshold must be a number from -1000000000 to +1000000000");
	assert_string_equal(value_must_be_number(why, "weight", 0.5, 2.5), "weight must be a number from 0.5 to 2.5");
	assert_string_equal(value_expect_number(why, 0, 10), "a number from 0 to 10");
	assert_string_equal(value_expect_whole(why, -3, 3), "a whole number from -3 to +3");
	assert_string_equal(value_expect_bool(VALUE_FILE), "true or false");
	/* a long name is cut, never past the buffer */
	char name[300];
	memset(name, 'a', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	assert_true(strlen(value_must_be_number(why, name, -1e300, 1e300)) < VALUE_WHY_MAX);
}

/* ---- lists of names ---- */

static const char *const colours[] = { "red", "green", "grey-blue", "gold" };
static const value_alias colour_aliases[] = { { "rood", "red" }, { "color-of-sky", "grey-blue" } };
static const value_names colour_names = { "colour", colours, 4, colour_aliases, 2 };

static void expect_names(const char *text, unsigned want)
{
	char why[VALUE_WHY_MAX];
	unsigned bits = 99;
	const char *problem = value_read_names(text, &colour_names, &bits, why);
	if (problem)
		fail_msg("'%s' is refused: %s", text, problem);
	if (bits != want)
		fail_msg("'%s' reads as %#x, not %#x", text, bits, want);
}

static void expect_names_refused(const char *text, const char *message)
{
	char why[VALUE_WHY_MAX];
	unsigned bits = 99;
	const char *problem = value_read_names(text, &colour_names, &bits, why);
	if (!problem)
		fail_msg("'%s' is taken as %#x", text, bits);
	assert_string_equal(problem, message);
	assert_int_equal(bits, 99);
}

static void test_names(void **state)
{
	(void)state;
	expect_names("", 0);
	expect_names(" , ;| \n", 0);
	expect_names("red", 1);
	expect_names("RED, Green", 3);
	expect_names("red;green|gold\ngrey-blue", 15);
	expect_names("Grey Blue", 4);             /* spaces and '_' are '-' */
	expect_names("grey__blue", 4);
	expect_names("gol", 8);                   /* the beginning of one name */
	expect_names("grey", 4);
	expect_names("red gold", 9);              /* not one name: each word is one */
	expect_names("Rood", 1);                  /* an alias */
	expect_names("color of sky", 4);
	expect_names("red, red, r", 1);           /* twice is once */
	char all[] = "one of: red, green, grey-blue, gold)";
	char message[VALUE_WHY_MAX];
	snprintf(message, sizeof message, "unknown colour 'blue' (%s", all);
	expect_names_refused("red, blue", message);
	snprintf(message, sizeof message, "unknown colour 'and' (%s", all);
	expect_names_refused("red and gold", message);
	expect_names_refused("g", "colour 'g' could be green, grey-blue or gold");
	expect_names_refused("gr", "colour 'gr' could be green or grey-blue");
	snprintf(message, sizeof message, "unknown colour '%s...' (%s", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", all);
	expect_names_refused("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
			     message);
	/* cut between characters, never inside one */
	snprintf(message, sizeof message, "unknown colour '%s...' (%s", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", all);
	expect_names_refused("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\xC3\xA9\xC3\xA9", message);
}

/* ---- the form and cjm import read the same text the same way ---- */

/* What cjm import makes of CELL in column COLUMN: true with the touchpoint's FIELD in *VALUE. */
static bool imported(const char *column, const char *cell, cjm_field field, cjm_value *value, cjm_map **map)
{
	char csv[256];
	strbuf quoted = { 0 };
	for (const char *p = cell; *p; p++) {
		if (*p == '"')
			strbuf_putc(&quoted, '"');
		strbuf_putc(&quoted, *p);
	}
	snprintf(csv, sizeof csv, "name,%s\nx,\"%s\"\n", column, quoted.data ? quoted.data : "");
	strbuf_release(&quoted);
	diag_list *diags = diag_list_new("agree.csv");
	*map = cjm_import_csv(csv, strlen(csv), "T", diags);
	diag_list_free(diags);
	if (!*map)
		return false;
	*value = cjm_field_get(*map, (cjm_ref){ CJM_REF_TOUCHPOINT, 0, 0 }, field);
	return true;
}

static void test_form_and_import_agree(void **state)
{
	(void)state;
	static const struct {
		cjm_field field;
		const char *cells[24];
	} cases[] = {
		{ CJM_F_EMOTION, { "2", "+2", "-3", " 3 ", "−2", "–1", "007", "-0", "4", "-4", "1.0", "two", "+", "2 2",
				   "99999999999999999999" } },
		{ CJM_F_SATISFACTION, { "7.5", "7,5", ",5", "6.", "+8", "1e1", "−0,0", "10", "11", "7,5.1", "1.000,5",
					"nan", "0x1", "1e400", "seven", "." } },
		{ CJM_F_IMPACT, { "0,3", "1", "1.2", "-0.1", ".25" } },
		{ CJM_F_VISIBLE, { "true", "FALSE", "yes", "No", "y", "N", "ja", "Nee", "waar", "onwaar", "x", "1",
				   "0", "maybe", "2", "on", "j", "waa" } },
		{ CJM_F_PILLARS, { "empathy", "Time and effort, empathy", "time", "t, emp", "surprise", "verrassing",
				   "personalization", "integrity|resolution", "pers; int", "time empathy", "e", "fun",
				   "empathy, speed" } },
	};
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		const cjm_field_info *info = cjm_field_info_of(cases[c].field);
		for (size_t i = 0; i < 24 && cases[c].cells[i]; i++) {
			const char *cell = cases[c].cells[i];
			cjm_value typed, read = { 0 };
			const char *problem = cjm_fieldtext_parse(cases[c].field, cell, &typed, NULL);
			cjm_map *map = NULL;
			bool ok = imported(info->key, cell, cases[c].field, &read, &map);
			if (ok != !problem)
				fail_msg("%s '%s': the form %s it, cjm import %s it", info->key, cell,
					 problem ? "refuses" : "takes", ok ? "takes" : "refuses");
			if (ok && !cjm_value_equal(info->kind, &typed, &read))
				fail_msg("%s '%s': the form and cjm import read other values", info->key, cell);
			cjm_map_free(map);
		}
	}
}

/* ---- quoting ---- */

/* Words that plain YAML would take for something else, or cannot write plain. */
static const char *const quoted_words[] = {
	"", "yes", "Yes", "YES", "No", "no", "on", "ON", "OFF", "off", "y", "Y", "n", "N", "true", "False",
	"null", "Null", "NULL", "~", "1e3", ".5", "5.", "0x1F", "0o17", "0b101", "007", "12", "-3", "+1",
	"3.14", "1_000", "1:20", ".inf", "-.Inf", ".NaN", "-", ": x", ":", "#", "#hash", "a #b", "a: b",
	"end:", "- x", "? x", "?", "@at", "`tick`", "&anchor", "*alias", "!tag", "%p", "|", "> fold",
	"'single'", "\"double\"", "[flow]", "{map}", ",comma", "---", "...", "...and then", " leading",
	"trailing ",
};

/* Text that stays plain: nothing but text to every YAML reader. */
static const char *const plain_words[] = {
	"nee", "ja", "Nee", "JA", "waar", "onwaar", "x", "hello", "Compare prices", "a:b", "a#b", "-x",
	"?x", "x-1", "1a", "12 apples", "yesterday", "no way", ".hidden", "web", "Oriëntatie", "e3",
	"0x", "1.2.3.4 address", "C++", "a, b", "50%",
};

static void test_needs_quotes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof quoted_words / sizeof *quoted_words; i++)
		if (!cjm_yaml_needs_quotes(quoted_words[i]))
			fail_msg("'%s' would be written plain", quoted_words[i]);
	for (size_t i = 0; i < sizeof plain_words / sizeof *plain_words; i++)
		if (cjm_yaml_needs_quotes(plain_words[i]))
			fail_msg("'%s' would be quoted", plain_words[i]);
}

/* The YAML for scripts: every word reads back as the same text, quoted exactly
 * when cjm_yaml_needs_quotes says so. */
static void test_yaml_out_quotes_by_the_rule(void **state)
{
	(void)state;
	const char *const *lists[] = { quoted_words, plain_words };
	size_t counts[] = { sizeof quoted_words / sizeof *quoted_words, sizeof plain_words / sizeof *plain_words };
	for (size_t l = 0; l < 2; l++) {
		strbuf out = { 0 };
		cjm_yaml_out *em = cjm_yaml_out_begin(&out);
		cjm_yaml_sequence(em, true);
		for (size_t i = 0; i < counts[l]; i++)
			cjm_yaml_scalar(em, lists[l][i], true);
		cjm_yaml_sequence(em, false);
		cjm_yaml_out_end(em);
		yaml_parser_t parser;
		yaml_parser_initialize(&parser);
		yaml_parser_set_input_string(&parser, (const unsigned char *)out.data, out.len);
		size_t i = 0;
		yaml_event_t ev;
		for (bool done = false; !done;) {
			if (!yaml_parser_parse(&parser, &ev))
				fail_msg("the YAML written does not parse: %s\n%s", parser.problem, out.data);
			if (ev.type == YAML_SCALAR_EVENT) {
				assert_true(i < counts[l]);
				assert_string_equal((const char *)ev.data.scalar.value, lists[l][i]);
				bool quoted = ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
				if (quoted != cjm_yaml_needs_quotes(lists[l][i]))
					fail_msg("'%s' is written %s", lists[l][i], quoted ? "quoted" : "plain");
				i++;
			}
			done = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
		}
		assert_int_equal(i, counts[l]);
		yaml_parser_delete(&parser);
		strbuf_release(&out);
	}
}

static void check_saved_name(const char *word)
{
	cjm_map *map = cjm_map_new("Words");
	cjm_phase *phase = cjm_phase_new("p", "Phase");
	cjm_map_insert_phase(map, 0, phase);
	bool blank = word[strspn(word, " ")] == '\0'; /* a name must not be blank: the channel has it */
	cjm_touchpoint *tp = cjm_touchpoint_new("t", blank ? "Name" : word);
	tp->channel = strdup(word);
	cjm_phase_insert_touchpoint(phase, 0, tp);
	strbuf text = { 0 };
	cjm_save_to_buffer(map, &text);
	diag_list *diags = diag_list_new("mem");
	cjm_map *back = cjm_load_buffer(text.data, text.len, diags, NULL);
	if (!back) {
		diag_print(diags, stderr);
		fail_msg("'%s' as a name does not load back:\n%s", word, text.data);
	}
	const cjm_touchpoint *again = back->phases[0]->touchpoints[0];
	if (strcmp(again->name, tp->name) != 0 || !again->channel || strcmp(again->channel, word) != 0)
		fail_msg("'%s' loads back as name '%s', channel '%s'", word, again->name,
			 again->channel ? again->channel : "(none)");
	/* and it is written plain exactly when the rule says so */
	char plain[200];
	snprintf(plain, sizeof plain, "\n    channel: %s\n", word);
	bool written_plain = strstr(text.data, plain) != NULL;
	if (*word && written_plain == cjm_yaml_needs_quotes(word))
		fail_msg("'%s' is written %s:\n%s", word, written_plain ? "plain" : "quoted", text.data);
	cjm_map_free(back);
	diag_list_free(diags);
	strbuf_release(&text);
	cjm_map_free(map);
}

/* Saved as a touchpoint's name (and channel) and loaded again, every word is the same text. */
static void test_saved_words_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof quoted_words / sizeof *quoted_words; i++)
		check_saved_name(quoted_words[i]);
	for (size_t i = 0; i < sizeof plain_words / sizeof *plain_words; i++)
		check_saved_name(plain_words[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_in_a_file),
		cmocka_unit_test(test_whole_typed),
		cmocka_unit_test(test_number_in_a_file),
		cmocka_unit_test(test_number_typed),
		cmocka_unit_test(test_bool_words),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_form_and_import_agree),
		cmocka_unit_test(test_needs_quotes),
		cmocka_unit_test(test_yaml_out_quotes_by_the_rule),
		cmocka_unit_test(test_saved_words_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
