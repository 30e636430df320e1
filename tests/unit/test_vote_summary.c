/* Unit tests for a touchpoint's vote summed up (live/vote_summary.h): the reveal's figures and divergence from a record, and the sentence in English and Dutch. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "analysis/vote_summary.h"
#include "analysis/vote.h"
#include "model/vote_record.h"
#include "util/lang.h"
#include "util/strbuf.h"

#define MINUS "\xE2\x88\x92"

/* The summary of record TEXT, which must read. */
static cjm_vote_summary summary_of(const char *text)
{
	cjm_vote_record record = { 0 };
	const char *problem = cjm_vote_record_parse(text, &record, NULL);
	if (problem)
		fail_msg("'%s': %s", text, problem);
	cjm_vote_summary s;
	cjm_vote_summary_of_record(&record, &s);
	cjm_vote_record_release(&record);
	return s;
}

/* The sentence of record TEXT in LANG is WANT. */
static void assert_sentence(const char *text, const char *lang, const char *want)
{
	cjm_vote_summary s = summary_of(text);
	strbuf out = { 0 };
	cjm_vote_summary_sentence(&out, &s, lang);
	assert_string_equal(out.data, want);
	strbuf_release(&out);
}

static void test_figures(void **state)
{
	(void)state;
	cjm_vote_summary s = summary_of("-2:2 -1:1 0:1 +1:1 skip:1");
	assert_int_equal(s.voted, 5);
	assert_int_equal(s.skipped, 1);
	assert_true(s.has_scores);
	assert_int_equal(s.mean_tenths, -8); /* -4 / 5 */
	assert_int_equal(s.min, -2);
	assert_int_equal(s.max, 1);
	assert_true(s.has_tally);
	assert_int_equal(s.median2, -2);
	assert_true(s.divided); /* a range of 3 */
	/* an even count: the median halfway between the two middle scores */
	s = summary_of("0:2 +1:2");
	assert_int_equal(s.median2, 1);
	assert_false(s.divided);
}

/* The divergence is the reveal's rule: a range of 3, or teams of 2 votes or more
 * whose means are 2 apart; a team of one vote and "no team" do not count. */
static void test_divided_as_the_reveal(void **state)
{
	(void)state;
	assert_false(summary_of("0:2 +1:2 +2:1").divided);           /* range 2 */
	assert_true(summary_of("-1:1 +2:1").divided);                /* range 3 */
	assert_true(summary_of("-1:2 +1:2 | finance: -1:2 | service: +1:2").divided); /* means 2 apart */
	assert_false(summary_of("-1:2 0:2 | finance: -1:2 | service: 0:2").divided);  /* 1 apart */
	assert_false(summary_of("-1:1 +1:2 | finance: -1:1 | service: +1:2").divided); /* one vote is no team's view */
	assert_false(summary_of("-1:2 +1:2 | finance: -1:2").divided); /* the rest is "no team" */
	/* the same as the tally of the answers themselves */
	cjm_vote *vote = cjm_vote_new(false);
	assert_int_equal(cjm_vote_answer(vote, 1, "finance", NULL, -1), CJM_VOTE_OK);
	assert_int_equal(cjm_vote_answer(vote, 2, "finance", NULL, 0), CJM_VOTE_OK);
	assert_int_equal(cjm_vote_answer(vote, 3, "service", NULL, 1), CJM_VOTE_OK);
	assert_int_equal(cjm_vote_answer(vote, 4, "service", NULL, 2), CJM_VOTE_OK);
	assert_int_equal(cjm_vote_answer(vote, 5, NULL, NULL, CJM_VOTE_SKIP), CJM_VOTE_OK);
	cjm_vote_result result;
	cjm_vote_tally(vote, &result);
	cjm_vote_summary s = summary_of("-1:1 0:1 +1:1 +2:1 skip:1 | finance: -1:1 0:1 | service: +1:1 +2:1");
	assert_int_equal(s.divided, result.divergence != 0);
	assert_true(s.divided);
	assert_int_equal(s.median2, result.median2);
	cjm_vote_result_release(&result);
	cjm_vote_free(vote);
}

static void test_sentence_english(void **state)
{
	(void)state;
	assert_sentence("-2:2 -1:1 0:1 +1:1 skip:1", "en",
			"Vote of the room: 5 votes, 1 skipped, mean " MINUS "0.8, median " MINUS "1, range " MINUS
			"2..+1 (divided)");
	assert_sentence("+1:1", NULL, "Vote of the room: 1 vote, mean +1.0, median +1, range +1..+1");
	assert_sentence("0:2 +1:2", "en", "Vote of the room: 4 votes, mean +0.5, median +0.5, range 0..+1");
	assert_sentence("skip:3", "en", "Vote of the room: 0 votes, 3 skipped, no scores");
}

static void test_sentence_dutch(void **state)
{
	(void)state;
	assert_sentence("-2:2 -1:1 0:1 +1:1 skip:1", "nl",
			"Stemming in de groep: 5 stemmen, 1 overgeslagen, gemiddeld " MINUS "0,8, mediaan " MINUS
			"1, spreiding " MINUS "2..+1 (verdeeld)");
	assert_sentence("0:1", "nl", "Stemming in de groep: 1 stem, gemiddeld 0,0, mediaan 0, spreiding 0..0");
	assert_sentence("-1:2 0:2", "nl-BE",
			"Stemming in de groep: 4 stemmen, gemiddeld " MINUS "0,5, mediaan " MINUS "0,5, spreiding " MINUS
			"1..0");
	assert_sentence("skip:2", "nl", "Stemming in de groep: 0 stemmen, 2 overgeslagen, geen scores");
}

/* More answers than a session counts: the record's own figures, no median, no divergence. */
static void test_beyond_a_session(void **state)
{
	(void)state;
	cjm_vote_summary s = summary_of("-3:900 +3:200");
	assert_int_equal(s.voted, 1100);
	assert_int_equal(s.min, -3);
	assert_int_equal(s.max, 3);
	assert_false(s.has_tally);
	assert_false(s.divided);
	assert_sentence("-3:900 +3:200", "en",
			"Vote of the room: 1100 votes, mean " MINUS "1.9, range " MINUS "3..+3");
}

static void test_touchpoints(void **state)
{
	(void)state;
	cjm_touchpoint tp = { .vote = (char *)"-1:1 +1:1" }, none = { 0 }, bad = { .vote = (char *)"+4:1" };
	cjm_vote_summary s;
	assert_true(cjm_vote_summary_of(&tp, &s));
	assert_int_equal(s.voted, 2);
	assert_false(cjm_vote_summary_of(&none, &s));
	assert_int_equal(s.voted, 0);
	assert_false(cjm_vote_summary_of(&bad, &s));
	assert_false(cjm_vote_summary_of(NULL, &s));
	cjm_touchpoint *tps[] = { &none, &tp };
	cjm_phase phase = { .touchpoints = tps, .touchpoint_count = 1 };
	cjm_phase *phases[] = { &phase };
	cjm_map map = { .phases = phases, .phase_count = 1 };
	assert_false(cjm_map_has_votes(&map));
	phase.touchpoint_count = 2;
	assert_true(cjm_map_has_votes(&map));
}

static int teardown_lang(void **state)
{
	(void)state;
	lang_reset();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_divided_as_the_reveal),
		cmocka_unit_test(test_sentence_english),
		cmocka_unit_test(test_sentence_dutch),
		cmocka_unit_test(test_beyond_a_session),
		cmocka_unit_test(test_touchpoints),
	};
	return cmocka_run_group_tests(tests, NULL, teardown_lang);
}
