/* Unit tests for the touchpoint field `vote`: its grammar (model/vote_record.h) and the record a closed vote gives (live/vote_record.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "analysis/vote.h"
#include "live/vote_record.h"
#include "model/field.h"
#include "model/vote_record.h"
#include "util/lang.h"
#include "util/strbuf.h"

#define MINUS "\xE2\x88\x92"

/* TEXT read and written again is WANT. */
static void assert_canonical(const char *text, const char *want)
{
	char *canonical = NULL;
	size_t at = 99;
	const char *problem = cjm_vote_record_check(text, &at, &canonical);
	if (problem)
		fail_msg("'%s': %s at %zu", text, problem, at);
	assert_string_equal(canonical, want);
	free(canonical);
}

/* TEXT is refused with exactly MESSAGE at byte AT. */
static void assert_refused(const char *text, const char *message, size_t at)
{
	cjm_vote_record record = { 0 };
	size_t where = 9999;
	const char *problem = cjm_vote_record_parse(text, &record, &where);
	if (!problem)
		fail_msg("'%s' was read", text);
	if (strcmp(problem, message) != 0 || where != at)
		fail_msg("'%s': '%s' at %zu, not '%s' at %zu", text, problem, where, message, at);
	assert_int_equal(record.team_count, 0);
	assert_null(record.teams);
}

static void test_round_trip(void **state)
{
	(void)state;
	const char *canonical = "-1:2 0:1 +1:3 +2:1 skip:2 | finance: -1:1 +1:2 | service: 0:1 +1:1 | @alice: +1:1";
	assert_canonical(canonical, canonical);
	assert_canonical("+3:1", "+3:1");
	assert_canonical("skip:4", "skip:4");
	assert_canonical("-3:65535", "-3:65535");
}

static void test_order_accepted_written_canonically(void **state)
{
	(void)state;
	/* scores out of order, a '+' left out, teams and names out of order, spaces */
	assert_canonical("skip:2  +2:1 1:3 0:1 -1:2|@alice: +1:1 | service: +1:1 0:1| finance: +1:2 -1:1 ",
			 "-1:2 0:1 +1:3 +2:1 skip:2 | finance: -1:1 +1:2 | service: 0:1 +1:1 | @alice: +1:1");
	/* teams by byte order: upper case before lower, "Zorg" before "financiën" */
	assert_canonical("+1:2 | financiën: +1:1 | Zorg: +1:1", "+1:2 | Zorg: +1:1 | financiën: +1:1");
	/* a team name with spaces inside */
	assert_canonical("0:2 | customer service: 0:2", "0:2 | customer service: 0:2");
}

static void test_refusals(void **state)
{
	(void)state;
	assert_refused("", "the room has no counts", 0);
	assert_refused("   ", "the room has no counts", 3);
	assert_refused("-1:2 +4:1", "unknown score '+4' (a score is -3..+3, or skip)", 5);
	assert_refused("-0:1", "unknown score '-0' (a score is -3..+3, or skip)", 0);
	assert_refused("maybe:1", "unknown score 'maybe' (a score is -3..+3, or skip)", 0);
	assert_refused("-1:0", "a count is a whole number from 1 to 65535, found '0'", 3);
	assert_refused("-1:65536", "a count is a whole number from 1 to 65535, found '65536'", 3);
	assert_refused("+1:", "a count is a whole number from 1 to 65535, found ''", 3);
	assert_refused("+1:2x", "a count is a whole number from 1 to 65535, found '2x'", 3);
	assert_refused("+1:1 0:1 +1:2", "score +1 is written twice", 9);
	assert_refused("skip:1 skip:1", "score skip is written twice", 7);
	assert_refused("+1", "expected SCORE:COUNT, found '+1'", 0);
	assert_refused("+1:2 | finance: +1:3", "team 'finance' has 3 of score +1, the room only 2", 16);
	assert_refused("+1:2 | finance: -1:1", "team 'finance' has 1 of score -1, the room only 0", 16);
	assert_refused("+1:2 | a: +1:1 | b: +1:2", "the teams together have 3 of score +1, the room only 2", 20);
	assert_refused("+1:2 | @a: +1:2 | @b: +1:1", "the names together have 3 of score +1, the room only 2", 22);
	assert_refused("+1:2 | : +1:1", "a team's name is empty", 7);
	assert_refused("+1:2 | @: +1:1", "the name after '@' is empty", 7);
	assert_refused("+1:2 | fin:ance: +1:1", "a team's name must not hold ':'", 10);
	assert_refused("+1:2 | @al:ice: +1:1", "a name must not hold ':'", 10);
	/* a '|' inside a team's name ends the group: what is left has no label */
	assert_refused("+1:2 | fin|ance: +1:1", "after '|' comes a team's name or @name and ':'", 7);
	assert_refused("+1:2 | finance: +1:1 | finance: +1:1", "team 'finance' is written twice", 23);
	assert_refused("+1:2 | @a: +1:1 | @a: +1:1", "@a is written twice", 18);
	assert_refused("+1:2 | finance:", "team 'finance' has no counts", 7);
	assert_refused("+1:2 || x: +1:1", "nothing between two '|'", 6);
	assert_refused("finance: +1:2", "the room's counts come first, without a team's name", 0);
	assert_refused("finance:", "unknown score 'finance' (a score is -3..+3, or skip)", 0);
	assert_refused("| finance: +1:2", "the room has no counts", 0);
	assert_refused("+1:2\n", "a vote record is one line of text", 4);
	/* a name of 65 bytes */
	char long_team[128];
	snprintf(long_team, sizeof long_team, "+1:1 | %065d: +1:1", 0);
	assert_refused(long_team, "a team's name is at most 64 bytes", 7);
}

static void test_format_refuses_what_cannot_be_read(void **state)
{
	(void)state;
	cjm_vote_record r = { 0 };
	const char *problem = NULL;
	assert_null(cjm_vote_record_format(&r, &problem));
	assert_string_equal(problem, "the room has no counts");
	r.room.score[1 - CJM_VOTE_RECORD_MIN] = 2;
	cjm_vote_record_team(&r, "a|b")->score[1 - CJM_VOTE_RECORD_MIN] = 1;
	assert_null(cjm_vote_record_format(&r, &problem));
	assert_string_equal(problem, "a team's name must not hold ':' or '|'");
	cjm_vote_record_release(&r);
	r.room.score[0] = 1;
	cjm_vote_record_team(&r, "@x")->score[0] = 1;
	assert_null(cjm_vote_record_format(&r, &problem));
	assert_string_equal(problem, "a team's name must not begin with '@' or a space, nor end with one");
	cjm_vote_record_release(&r);
	r.room.score[0] = 1;
	cjm_vote_record_team(&r, "x")->score[0] = 2;
	assert_null(cjm_vote_record_format(&r, &problem));
	assert_string_equal(problem, "team 'x' has 2 of score -3, the room only 1");
	cjm_vote_record_release(&r);
	r.room.score[0] = 70000;
	assert_null(cjm_vote_record_format(&r, &problem));
	assert_string_equal(problem, "a count is a whole number from 1 to 65535, found more");
	/* a team with no counts is left out, not written empty */
	r.room.score[0] = 1;
	cjm_vote_record_team(&r, "empty");
	char *text = cjm_vote_record_format(&r, &problem);
	assert_string_equal(text, "-3:1");
	free(text);
	cjm_vote_record_release(&r);
}

static void test_figures(void **state)
{
	(void)state;
	cjm_vote_record r = { 0 };
	assert_null(cjm_vote_record_parse("-3:1 -1:2 +2:4 skip:3 | a: -3:1 -1:1 | b: +2:3 | c: +2:1", &r, NULL));
	cjm_vote_figures f;
	cjm_vote_counts_figures(&r.room, &f);
	assert_true(f.has_scores);
	assert_int_equal(f.voted, 7);
	assert_int_equal(f.skipped, 3);
	assert_int_equal(f.sum, 3);
	assert_int_equal(f.min, -3);
	assert_int_equal(f.max, 2);
	assert_int_equal(f.range, 5);
	assert_int_equal(f.mean_tenths, 4); /* 3 / 7 = 0.43 */
	size_t high = 99, low = 99;
	assert_true(cjm_vote_record_teams_apart(&r, &high, &low));
	assert_string_equal(r.teams[high].name, "b"); /* c has one vote: not a team's view */
	assert_string_equal(r.teams[low].name, "a");
	cjm_vote_counts_figures(&r.teams[low].counts, &f);
	assert_int_equal(f.mean_tenths, -20);
	cjm_vote_record_release(&r);
	/* everybody skipped */
	assert_null(cjm_vote_record_parse("skip:3", &r, NULL));
	cjm_vote_counts_figures(&r.room, &f);
	assert_false(f.has_scores);
	assert_int_equal(f.skipped, 3);
	assert_false(cjm_vote_record_teams_apart(&r, &high, &low));
	cjm_vote_record_release(&r);
	/* teams with the same mean are not apart */
	assert_null(cjm_vote_record_parse("+1:4 | a: +1:2 | b: +1:2", &r, NULL));
	assert_false(cjm_vote_record_teams_apart(&r, &high, &low));
	cjm_vote_record_release(&r);
	/* a mean rounded half away from zero from the exact sum: -1 -2 = -1.5 */
	assert_null(cjm_vote_record_parse("-2:1 -1:1", &r, NULL));
	cjm_vote_counts_figures(&r.room, &f);
	assert_int_equal(f.mean_tenths, -15);
	cjm_vote_record_release(&r);
}

static void test_summary(void **state)
{
	(void)state;
	cjm_vote_record r = { 0 };
	assert_null(cjm_vote_record_parse("-3:1 -1:2 0:1 +2:3 skip:2", &r, NULL));
	strbuf out = { 0 };
	cjm_vote_record_summary(&out, &r, "en");
	assert_string_equal(out.data, "7 voted, 2 skipped \xC2\xB7 range " MINUS "3..+2");
	strbuf_reset(&out);
	cjm_vote_record_summary(&out, &r, "nl");
	assert_string_equal(out.data, "7 gestemd, 2 overgeslagen \xC2\xB7 spreiding " MINUS "3..+2");
	cjm_vote_record_release(&r);
	strbuf_reset(&out);
	assert_null(cjm_vote_record_parse("skip:3", &r, NULL));
	cjm_vote_record_summary(&out, &r, NULL);
	assert_string_equal(out.data, "0 voted, 3 skipped \xC2\xB7 no scores");
	strbuf_reset(&out);
	cjm_vote_put_tenths(&out, -4, "nl");
	assert_string_equal(out.data, MINUS "0,4");
	strbuf_release(&out);
	cjm_vote_record_release(&r);
}

static void test_touchpoint_vote(void **state)
{
	(void)state;
	cjm_touchpoint *tp = cjm_touchpoint_new("a", "A");
	cjm_vote_record r;
	assert_false(cjm_touchpoint_vote(tp, &r));
	tp->vote = strdup("+1:2");
	assert_true(cjm_touchpoint_vote(tp, &r));
	assert_int_equal(r.room.score[1 - CJM_VOTE_RECORD_MIN], 2);
	cjm_vote_record_release(&r);
	free(tp->vote);
	tp->vote = strdup("+9:2");
	assert_false(cjm_touchpoint_vote(tp, &r));
	cjm_touchpoint_free(tp);
}

static void test_field_check(void **state)
{
	(void)state;
	cjm_value v = { .present = true, .text = "-1:2 +4:1" };
	assert_string_equal(cjm_field_check(CJM_F_VOTE, &v),
			    "unknown score '+4' (a score is -3..+3, or skip), at character 6");
	/* characters, not bytes: "ë" is one */
	v.text = "+1:1 | financiën: +1:2";
	assert_string_equal(cjm_field_check(CJM_F_VOTE, &v),
			    "team 'financiën' has 2 of score +1, the room only 1, at character 19");
	v.text = "+1:1 | financiën: +1:1";
	assert_null(cjm_field_check(CJM_F_VOTE, &v));
	v.present = false;
	assert_null(cjm_field_check(CJM_F_VOTE, &v));
}

/* ---- the record of a closed vote ---- */

static void answer(cjm_vote *vote, uint64_t who, const char *team, const char *name, int score)
{
	assert_int_equal(cjm_vote_answer(vote, who, team, name, score), CJM_VOTE_OK);
}

/* The record of VOTE agrees with its tally: the same counts for the room and each team. */
static void assert_record_is_tally(const cjm_vote *vote, const char *text)
{
	cjm_vote_result result;
	cjm_vote_tally(vote, &result);
	cjm_vote_record r = { 0 };
	assert_null(cjm_vote_record_parse(text, &r, NULL));
	for (int i = 0; i < CJM_VOTE_SCORES; i++)
		assert_int_equal(r.room.score[i], result.counts[i]);
	assert_int_equal(r.room.skipped, result.skipped);
	cjm_vote_figures f;
	cjm_vote_counts_figures(&r.room, &f);
	assert_int_equal(f.voted, result.voted);
	assert_int_equal(f.sum, result.sum);
	if (result.has_result) {
		assert_int_equal(f.min, result.min);
		assert_int_equal(f.max, result.max);
	}
	size_t named = 0;
	for (size_t t = 0; t < result.team_count; t++) {
		if (!result.teams[t].name)
			continue;
		named++;
		const cjm_vote_group *g = NULL;
		for (size_t j = 0; j < r.team_count; j++)
			if (strcmp(r.teams[j].name, result.teams[t].name) == 0)
				g = &r.teams[j];
		assert_non_null(g);
		cjm_vote_counts_figures(&g->counts, &f);
		assert_int_equal(f.voted, result.teams[t].voted);
		assert_int_equal(f.skipped, result.teams[t].skipped);
		assert_int_equal(f.sum, result.teams[t].sum);
	}
	assert_int_equal(r.team_count, named);
	cjm_vote_record_release(&r);
	cjm_vote_result_release(&result);
}

static void test_record_of_vote(void **state)
{
	(void)state;
	cjm_vote *vote = cjm_vote_new(false);
	assert_null(cjm_vote_record_text(vote));
	answer(vote, 1, "finance", "ann", -1);
	answer(vote, 2, "finance", "bob", 1);
	answer(vote, 3, "finance", "cas", 1);
	answer(vote, 4, "service", "dee", 0);
	answer(vote, 5, "service", "eva", 2);
	answer(vote, 6, NULL, "fay", CJM_VOTE_SKIP);
	answer(vote, 7, "service", "gus", 1);
	answer(vote, 8, NULL, "hal", -1);
	answer(vote, 9, NULL, "ivo", CJM_VOTE_SKIP);
	answer(vote, 2, "finance", "bob", 1); /* answered again: counted once */
	cjm_vote_close(vote);
	char *text = cjm_vote_record_text(vote);
	assert_string_equal(text, "-1:2 0:1 +1:3 +2:1 skip:2 | finance: -1:1 +1:2 | service: 0:1 +1:1 +2:1");
	assert_record_is_tally(vote, text);
	free(text);
	cjm_vote_free(vote);
}

static void test_record_keeps_names_only_when_asked(void **state)
{
	(void)state;
	cjm_vote *vote = cjm_vote_new(true);
	answer(vote, 1, "finance", "bob", 1);
	answer(vote, 2, NULL, "alice", CJM_VOTE_SKIP);
	answer(vote, 3, "service", NULL, -2);
	char *text = cjm_vote_record_text(vote);
	assert_string_equal(text, "-2:1 +1:1 skip:1 | finance: +1:1 | service: -2:1 | @alice: skip:1 | @bob: +1:1");
	assert_record_is_tally(vote, text);
	free(text);
	cjm_vote_free(vote);
}

static void test_record_all_skipped_and_unsafe_names(void **state)
{
	(void)state;
	cjm_vote *vote = cjm_vote_new(true);
	/* ':' and '|' would end a team or a name in the record: the vote refuses them */
	assert_int_equal(cjm_vote_answer(vote, 1, "it|ops", "a", CJM_VOTE_SKIP), CJM_VOTE_BAD_TEAM);
	assert_int_equal(cjm_vote_answer(vote, 1, "it", "a:b", CJM_VOTE_SKIP), CJM_VOTE_BAD_NAME);
	/* a team's leading '@' (the mark of a name) is left out: "@it-ops" and "it-ops" are one */
	answer(vote, 1, "@it-ops", "a", CJM_VOTE_SKIP);
	answer(vote, 2, "it-ops", "c", CJM_VOTE_SKIP);
	char *text = cjm_vote_record_text(vote);
	assert_string_equal(text, "skip:2 | it-ops: skip:2 | @a: skip:1 | @c: skip:1");
	free(text);
	cjm_vote_free(vote);
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
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_order_accepted_written_canonically),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_format_refuses_what_cannot_be_read),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_touchpoint_vote),
		cmocka_unit_test(test_field_check),
		cmocka_unit_test(test_record_of_vote),
		cmocka_unit_test(test_record_keeps_names_only_when_asked),
		cmocka_unit_test(test_record_all_skipped_and_unsafe_names),
	};
	return cmocka_run_group_tests(tests, NULL, teardown_lang);
}
