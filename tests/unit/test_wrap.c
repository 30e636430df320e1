/* Unit tests for wrapping text into terminal cells: hyphens, ellipses, room for marks, wide and combining characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "render/text.h"
#include "render/wrap.h"

/* The wrap of S as one string of lines, and checks every line fits WIDTH cells. */
static char *wrap_of(const char *s, size_t width, size_t max_lines, size_t tail, size_t *lines)
{
	strbuf out = { 0 };
	cjm_wrap_spec spec = { .width = width, .max_lines = max_lines, .tail = tail };
	size_t n = cjm_wrap(&out, s, &spec);
	if (lines)
		*lines = n;
	size_t counted = 0;
	for (const char *p = out.data; p && *p;) {
		const char *nl = strchr(p, '\n');
		assert_non_null(nl);
		assert_true(cjm_text_width_n(p, (size_t)(nl - p)) <= width);
		counted++;
		p = nl + 1;
	}
	assert_int_equal(counted, n);
	if (max_lines)
		assert_true(n <= max_lines);
	return out.data ? out.data : calloc(1, 1);
}

static void expect_wrap(const char *s, size_t width, size_t max_lines, size_t tail, const char *want)
{
	char *got = wrap_of(s, width, max_lines, tail, NULL);
	assert_string_equal(got, want);
	free(got);
}

static void test_breaks_at_spaces(void **state)
{
	(void)state;
	expect_wrap("Oogmeting in de winkel", 13, 0, 0, "Oogmeting in\nde winkel\n");
	expect_wrap("  two   spaces  ", 20, 0, 0, "two spaces\n");
	expect_wrap("", 5, 0, 0, "\n");
	expect_wrap("a\nb", 5, 0, 0, "a\nb\n");
}

static void test_breaks_after_hyphens(void **state)
{
	(void)state;
	expect_wrap("Kick-off met de projectleider", 13, 0, 0, "Kick-off met\nde\nprojectleider\n");
	expect_wrap("Kick-off", 6, 0, 0, "Kick-\noff\n");
	expect_wrap("camera-pasfunctie", 13, 0, 0, "camera-\npasfunctie\n");
	expect_wrap("a - b", 3, 0, 0, "a -\nb\n"); /* a lone hyphen is a word */
}

static void test_long_word_gets_a_visible_hyphen(void **state)
{
	(void)state;
	expect_wrap("Bevestigingsmail", 13, 0, 0, "Bevestigings-\nmail\n");
	expect_wrap("Pupilafstand meten", 11, 0, 0, "Pupilaf-\nstand meten\n");
	expect_wrap("klantenservice", 13, 0, 0, "klantenser-\nvice\n");
	expect_wrap("abcdefghij", 4, 0, 0, "abc-\ndef-\nghij\n");
	/* exactly the width: no hyphen */
	expect_wrap("Bevestigings", 12, 0, 0, "Bevestigings\n");
	/* a line of one cell has no room for a hyphen */
	expect_wrap("abc", 1, 0, 0, "a\nb\nc\n");
}

/* A word wider than its column breaks between Dutch syllables where one fits. */
static void test_long_word_breaks_between_syllables(void **state)
{
	(void)state;
	expect_wrap("Bevestigingsmail", 11, 0, 0, "Bevesti-\ngingsmail\n");
	expect_wrap("Verzekeringsmaatschappij", 13, 0, 0, "Verzekerings-\nmaatschappij\n");
	expect_wrap("Afscheidsbrief", 13, 0, 0, "Afscheids-\nbrief\n");
	expect_wrap("welkomstpakket", 11, 0, 0, "welkomst-\npakket\n");
	expect_wrap("Leveringstermijn", 11, 0, 0, "Leverings-\ntermijn\n");
	expect_wrap("standaardverbruik", 11, 0, 0, "standaard-\nverbruik\n");
	expect_wrap("telefoongesprek", 9, 0, 0, "telefoon-\ngesprek\n");
	expect_wrap("fabriek", 6, 0, 0, "fa-\nbriek\n");  /* br begins the syllable */
	expect_wrap("Schadeformulier", 9, 0, 0, "Schade-\nformulier\n");
	/* never inside ch or ij, never leaving fewer than three letters */
	expect_wrap("lachen", 5, 0, 0, "la-\nchen\n");
	expect_wrap("Oriëntatie", 5, 0, 0, "Orië-\nnta-\ntie\n"); /* no syllable fits: between characters */
	expect_wrap("klantenservice", 12, 0, 0, "klantenser-\nvice\n");
	/* no letters to go by: between characters */
	expect_wrap("1234567890", 6, 0, 0, "12345-\n67890\n");
}

static void test_too_many_lines_end_in_an_ellipsis(void **state)
{
	(void)state;
	size_t n;
	char *got = wrap_of("Monturen bekijken en virtueel passen", 13, 2, 0, &n);
	assert_int_equal(n, 2);
	assert_string_equal(got, "Monturen\nbekijken en…\n");
	free(got);
	expect_wrap("Bevestigingsmail", 13, 1, 0, "Bevestigings…\n");
	expect_wrap("klantenservice", 13, 1, 0, "klantenservi…\n");
	expect_wrap("fits", 13, 1, 0, "fits\n");
	/* hard breaks beyond the limit join the last line when they fit */
	expect_wrap("a\nb\nc", 5, 2, 0, "a\nb c\n");
}

static void test_tail_keeps_room_for_marks(void **state)
{
	(void)state;
	size_t n;
	/* the marks fit after the last line */
	expect_wrap("Bril", 13, 2, 3, "Bril\n");
	/* no room on the last line: an empty line for the marks */
	char *got = wrap_of("Bevestigingsm", 13, 3, 3, &n);
	assert_int_equal(n, 2);
	assert_string_equal(got, "Bevestigingsm\n\n");
	free(got);
	/* no line left for them: the text is cut, with its ellipsis, to make room */
	expect_wrap("Bevestigingsmail", 13, 2, 3, "Bevestigings-\nmail\n");
	expect_wrap("Bevestigingsmail verstuurd", 13, 2, 3, "Bevestigings-\nmail vers…\n");
	expect_wrap("Bevestigingsm", 13, 1, 3, "Bevestigi…\n");
	/* marks wider than the line leave no text, never an overflow */
	got = wrap_of("abc", 2, 1, 5, &n);
	assert_string_equal(got, "\n");
	free(got);
}

static void test_wide_and_combining_characters(void **state)
{
	(void)state;
	/* wide characters take two cells */
	expect_wrap("日本語日本語", 6, 0, 0, "日本-\n語日-\n本語\n");
	expect_wrap("日本語日本語", 7, 1, 0, "日本語…\n");
	/* a combining mark stays with its letter and takes no cell */
	expect_wrap("Orie\xcc\x88ntatie", 5, 0, 0, "Orie\xcc\x88-\nnta-\ntie\n");
	expect_wrap("e\xcc\x81\xcc\x81xyz", 2, 0, 0, "e\xcc\x81\xcc\x81-\nx-\nyz\n");
	/* a wide character in a one-cell line is shown as '?' */
	expect_wrap("日", 1, 0, 0, "?\n");
}

static void test_fit_pads_or_cuts(void **state)
{
	(void)state;
	strbuf out = { 0 };
	cjm_wrap_fit(&out, "klantenservice", 13, NULL);
	assert_string_equal(out.data, "klantenservi…");
	strbuf_reset(&out);
	cjm_wrap_fit(&out, "web", 5, "...");
	assert_string_equal(out.data, "web  ");
	strbuf_reset(&out);
	cjm_wrap_fit(&out, "marketing", 6, "...");
	assert_string_equal(out.data, "mar...");
	strbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_breaks_at_spaces),
		cmocka_unit_test(test_breaks_after_hyphens),
		cmocka_unit_test(test_long_word_gets_a_visible_hyphen),
		cmocka_unit_test(test_long_word_breaks_between_syllables),
		cmocka_unit_test(test_too_many_lines_end_in_an_ellipsis),
		cmocka_unit_test(test_tail_keeps_room_for_marks),
		cmocka_unit_test(test_wide_and_combining_characters),
		cmocka_unit_test(test_fit_pads_or_cuts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
