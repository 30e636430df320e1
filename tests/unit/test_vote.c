/* Unit tests for a blind vote's arithmetic (live/vote.h) and its reveal text (live/vote_text.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "analysis/vote.h"
#include "live/vote_text.h"
#include "util/lang.h"
#include "util/strbuf.h"

#define MINUS "\xE2\x88\x92"

/* A vote of COUNT answers SCORES[i] by participants 1..COUNT, with TEAMS[i] (TEAMS may be NULL). */
static cjm_vote *vote_of(const int *scores, const char *const *teams, size_t count)
{
	cjm_vote *vote = cjm_vote_new(false);
	for (size_t i = 0; i < count; i++)
		assert_int_equal(cjm_vote_answer(vote, i + 1, teams ? teams[i] : NULL, NULL, scores[i]), CJM_VOTE_OK);
	return vote;
}

/* The tally of SCORES into *R. */
static void tally_of(const int *scores, const char *const *teams, size_t count, cjm_vote_result *r)
{
	cjm_vote *vote = vote_of(scores, teams, count);
	cjm_vote_tally(vote, r);
	cjm_vote_free(vote);
}

static void assert_histogram_sums(const cjm_vote_result *r)
{
	size_t total = 0;
	for (size_t i = 0; i < CJM_VOTE_SCORES; i++)
		total += r->counts[i];
	assert_int_equal(total, r->voted);
}

static void test_median_odd(void **state)
{
	(void)state;
	static const int scores[] = { 2, -3, 0, 1, CJM_VOTE_SKIP };
	cjm_vote_result r;
	tally_of(scores, NULL, 5, &r);
	assert_true(r.has_result);
	assert_int_equal(r.voted, 4);
	assert_int_equal(r.skipped, 1);
	/* the skip is no score: 4 scores, −3 0 +1 +2, median +0.5 */
	assert_int_equal(r.median2, 1);
	cjm_vote_result_release(&r);
	/* with a fifth score the median is the middle one */
	static const int five[] = { 2, -3, 0, 1, -1 };
	tally_of(five, NULL, 5, &r);
	assert_int_equal(r.median2, 0);
	assert_true(r.median == 0.0);
	assert_int_equal(r.median_emotion, 0);
	assert_int_equal(r.sum, -1);
	assert_true(r.mean == -0.2);
	assert_int_equal(r.min, -3);
	assert_int_equal(r.max, 2);
	assert_int_equal(r.range, 5);
	assert_histogram_sums(&r);
	cjm_vote_result_release(&r);
}

static void test_median_even(void **state)
{
	(void)state;
	/* middle scores −1 and 0: the median is −0.5 */
	static const int scores[] = { 0, -3, 3, -1 };
	cjm_vote_result r;
	tally_of(scores, NULL, 4, &r);
	assert_int_equal(r.median2, -1);
	assert_true(r.median == -0.5);
	/* the mean (−0.25) is above the median: taken as 0 */
	assert_true(r.mean == -0.25);
	assert_int_equal(r.median_emotion, 0);
	assert_int_equal(r.mean_emotion, 0);
	cjm_vote_result_release(&r);

	/* the same middle, the mean (−0.75) below it: −1 */
	static const int lower[] = { 0, -3, 1, -1 };
	tally_of(lower, NULL, 4, &r);
	assert_int_equal(r.median2, -1);
	assert_int_equal(r.median_emotion, -1);
	assert_int_equal(r.mean_emotion, -1);
	cjm_vote_result_release(&r);

	/* mean equal to the median (+1.5): toward 0, +1 */
	static const int even[] = { 1, 2 };
	tally_of(even, NULL, 2, &r);
	assert_int_equal(r.median2, 3);
	assert_true(r.median == 1.5);
	assert_int_equal(r.median_emotion, 1);
	/* the mean is +1.5 too: halfway, toward the median (the same), then toward 0 */
	assert_int_equal(r.mean_emotion, 1);
	cjm_vote_result_release(&r);

	static const int negative[] = { -1, -2 };
	tally_of(negative, NULL, 2, &r);
	assert_int_equal(r.median2, -3);
	assert_int_equal(r.median_emotion, -1);
	assert_int_equal(r.mean_emotion, -1);
	cjm_vote_result_release(&r);

	/* middle scores far apart (−1 and +2): the median +0.5, the mean +0.67 above it */
	static const int apart[] = { -1, 2, 2, -1, 3, -1 };
	tally_of(apart, NULL, 6, &r);
	assert_int_equal(r.median2, 1);
	assert_int_equal(r.median_emotion, 1);
	cjm_vote_result_release(&r);
}

static void test_mean_emotion_halfway(void **state)
{
	(void)state;
	/* mean −2.5 exactly, median −3: toward the median */
	static const int scores[] = { -3, -3, -3, -1 };
	cjm_vote_result r;
	tally_of(scores, NULL, 4, &r);
	assert_true(r.mean == -2.5);
	assert_int_equal(r.median2, -6);
	assert_int_equal(r.mean_emotion, -3);
	assert_int_equal(r.median_emotion, -3);
	cjm_vote_result_release(&r);
	/* mean +0.5, median +1: +1 */
	static const int up[] = { 1, 1, 1, -1 };
	tally_of(up, NULL, 4, &r);
	assert_int_equal(r.mean_emotion, 1);
	cjm_vote_result_release(&r);
}

static void test_all_skips(void **state)
{
	(void)state;
	static const int scores[] = { CJM_VOTE_SKIP, CJM_VOTE_SKIP, CJM_VOTE_SKIP };
	cjm_vote_result r;
	tally_of(scores, NULL, 3, &r);
	assert_false(r.has_result);
	assert_int_equal(r.voted, 0);
	assert_int_equal(r.skipped, 3);
	assert_int_equal(r.divergence, 0);
	assert_histogram_sums(&r);
	assert_int_equal(r.team_count, 1);
	assert_null(r.teams[0].name);
	assert_int_equal(r.teams[0].skipped, 3);
	strbuf text = { 0 };
	cjm_vote_summary_text(&text, &r, "en");
	assert_string_equal(text.data, "0 voted, 3 skipped \xC2\xB7 no scores");
	strbuf_reset(&text);
	cjm_vote_divergence_text(&text, &r, "en");
	assert_int_equal(text.len, 0);
	strbuf_release(&text);
	cjm_vote_result_release(&r);

	/* no answers at all */
	cjm_vote *vote = cjm_vote_new(false);
	cjm_vote_tally(vote, &r);
	assert_false(r.has_result);
	assert_int_equal(r.team_count, 0);
	cjm_vote_result_release(&r);
	cjm_vote_free(vote);
}

static void test_one_vote(void **state)
{
	(void)state;
	static const int scores[] = { -2 };
	cjm_vote_result r;
	tally_of(scores, NULL, 1, &r);
	assert_true(r.has_result);
	assert_int_equal(r.voted, 1);
	assert_int_equal(r.counts[-2 - CJM_VOTE_MIN], 1);
	assert_true(r.mean == -2.0);
	assert_int_equal(r.median2, -4);
	assert_int_equal(r.min, -2);
	assert_int_equal(r.max, -2);
	assert_int_equal(r.range, 0);
	assert_int_equal(r.median_emotion, -2);
	assert_int_equal(r.mean_emotion, -2);
	assert_int_equal(r.divergence, 0);
	cjm_vote_result_release(&r);
}

static void test_reanswer_replaces(void **state)
{
	(void)state;
	cjm_vote *vote = cjm_vote_new(false);
	assert_int_equal(cjm_vote_answer(vote, 7, "finance", NULL, -3), CJM_VOTE_OK);
	assert_int_equal(cjm_vote_answer(vote, 8, "service", NULL, 1), CJM_VOTE_OK);
	/* participant 7 reconnects and answers again, now without a team */
	assert_int_equal(cjm_vote_answer(vote, 7, NULL, NULL, 2), CJM_VOTE_OK);
	assert_int_equal(cjm_vote_entries(vote), 2);
	const cjm_vote_entry *e = cjm_vote_find(vote, 7);
	assert_non_null(e);
	assert_int_equal(e->score, 2);
	assert_null(e->team);
	assert_ptr_equal(cjm_vote_entry_at(vote, 0), e);
	assert_null(cjm_vote_find(vote, 9));
	assert_null(cjm_vote_entry_at(vote, 2));
	cjm_vote_result r;
	cjm_vote_tally(vote, &r);
	assert_int_equal(r.voted, 2);
	assert_int_equal(r.sum, 3);
	assert_int_equal(r.counts[-3 - CJM_VOTE_MIN], 0);
	assert_int_equal(r.counts[2 - CJM_VOTE_MIN], 1);
	assert_int_equal(r.team_count, 2); /* finance is gone */
	assert_string_equal(r.teams[0].name, "service");
	assert_null(r.teams[1].name);
	cjm_vote_result_release(&r);
	/* a score turned into a skip */
	assert_int_equal(cjm_vote_answer(vote, 8, "service", NULL, CJM_VOTE_SKIP), CJM_VOTE_OK);
	cjm_vote_tally(vote, &r);
	assert_int_equal(r.voted, 1);
	assert_int_equal(r.skipped, 1);
	cjm_vote_result_release(&r);
	cjm_vote_free(vote);
}

static void test_bad_answers(void **state)
{
	(void)state;
	cjm_vote *vote = cjm_vote_new(true);
	assert_int_equal(cjm_vote_answer(vote, 1, "finance", "alice", 1), CJM_VOTE_OK);
	assert_int_equal(cjm_vote_answer(vote, 1, NULL, NULL, 4), CJM_VOTE_BAD_SCORE);
	assert_int_equal(cjm_vote_answer(vote, 1, NULL, NULL, -4), CJM_VOTE_BAD_SCORE);
	assert_int_equal(cjm_vote_answer(vote, 1, "fin\xC3", NULL, 0), CJM_VOTE_BAD_TEAM);
	assert_int_equal(cjm_vote_answer(vote, 1, "fin\nance", NULL, 0), CJM_VOTE_BAD_TEAM);
	assert_int_equal(cjm_vote_answer(vote, 1, "fin\x1b[31mance", NULL, 0), CJM_VOTE_BAD_TEAM);
	assert_int_equal(cjm_vote_answer(vote, 1, NULL, "al\tice", 0), CJM_VOTE_BAD_NAME);
	/* ':' and '|' separate the parts of the map's vote record */
	assert_int_equal(cjm_vote_answer(vote, 1, "fin:ance", NULL, 0), CJM_VOTE_BAD_TEAM);
	assert_int_equal(cjm_vote_answer(vote, 1, NULL, "a|b", 0), CJM_VOTE_BAD_NAME);
	assert_false(cjm_live_label_ok("\xE2\x80\xAE" "evil", 7)); /* a bidirectional control */
	assert_true(cjm_live_label_ok("Klantenservice", 14));
	/* "bob " would be another participant than "bob", and the same one in the record */
	assert_false(cjm_live_label_ok("bob ", 4));
	assert_false(cjm_live_label_ok(" bob", 4));
	assert_false(cjm_live_label_ok(" ", 1));
	assert_true(cjm_live_label_ok("Klanten service", 15));
	char longest[CJM_VOTE_TEAM_MAX + 2];
	memset(longest, 'a', sizeof longest - 1);
	longest[sizeof longest - 1] = '\0';
	assert_int_equal(cjm_vote_answer(vote, 1, longest, NULL, 0), CJM_VOTE_BAD_TEAM);
	/* nothing of the refused answers stuck */
	const cjm_vote_entry *e = cjm_vote_find(vote, 1);
	assert_int_equal(e->score, 1);
	assert_string_equal(e->team, "finance");
	assert_string_equal(e->name, "alice");
	/* CJM_VOTE_TEAM_MAX bytes exactly is a team; spaces around it are dropped */
	longest[CJM_VOTE_TEAM_MAX] = '\0';
	assert_int_equal(cjm_vote_answer(vote, 2, longest, "  bob ", 0), CJM_VOTE_OK);
	assert_string_equal(cjm_vote_find(vote, 2)->name, "bob");
	assert_int_equal(cjm_vote_answer(vote, 3, "   ", "", 0), CJM_VOTE_OK);
	assert_null(cjm_vote_find(vote, 3)->team);
	assert_null(cjm_vote_find(vote, 3)->name);
	assert_int_equal(cjm_vote_answer(vote, 4, "financiën", NULL, 0), CJM_VOTE_OK);
	cjm_vote_close(vote);
	assert_true(cjm_vote_closed(vote));
	assert_int_equal(cjm_vote_answer(vote, 1, NULL, NULL, 0), CJM_VOTE_CLOSED);
	assert_int_equal(cjm_vote_find(vote, 1)->score, 1);
	cjm_vote_free(vote);
}

static void test_names_kept_only_when_asked(void **state)
{
	(void)state;
	cjm_vote *vote = cjm_vote_new(false);
	assert_false(cjm_vote_keeps_names(vote));
	assert_int_equal(cjm_vote_answer(vote, 1, "finance", "alice", 1), CJM_VOTE_OK);
	assert_null(cjm_vote_find(vote, 1)->name);
	/* a bad name is refused all the same */
	assert_int_equal(cjm_vote_answer(vote, 2, NULL, "\x01", 1), CJM_VOTE_BAD_NAME);
	cjm_vote_free(vote);
}

static void test_participants_bounded(void **state)
{
	(void)state;
	cjm_vote *vote = cjm_vote_new(false);
	for (uint64_t p = 0; p < CJM_VOTE_PARTICIPANTS_MAX; p++)
		assert_int_equal(cjm_vote_answer(vote, p, "t", NULL, (int)(p % 7) - 3), CJM_VOTE_OK);
	assert_int_equal(cjm_vote_answer(vote, CJM_VOTE_PARTICIPANTS_MAX, NULL, NULL, 0), CJM_VOTE_FULL);
	/* one already counted may still answer again */
	assert_int_equal(cjm_vote_answer(vote, 0, NULL, NULL, 0), CJM_VOTE_OK);
	cjm_vote_result r;
	cjm_vote_tally(vote, &r);
	assert_int_equal(r.voted, CJM_VOTE_PARTICIPANTS_MAX);
	assert_histogram_sums(&r);
	cjm_vote_result_release(&r);
	cjm_vote_free(vote);
}

static void test_teams(void **state)
{
	(void)state;
	static const int scores[] = { 1, -1, 2, CJM_VOTE_SKIP, 0, -2, 1 };
	static const char *const teams[] = { "service", "finance", "service", "finance", NULL, "finance", "marketing" };
	cjm_vote_result r;
	tally_of(scores, teams, 7, &r);
	assert_int_equal(r.team_count, 4);
	assert_string_equal(r.teams[0].name, "finance");
	assert_int_equal(r.teams[0].voted, 2);
	assert_int_equal(r.teams[0].skipped, 1);
	assert_int_equal(r.teams[0].sum, -3);
	assert_true(r.teams[0].mean == -1.5);
	assert_string_equal(r.teams[1].name, "marketing");
	assert_int_equal(r.teams[1].voted, 1);
	assert_string_equal(r.teams[2].name, "service");
	assert_true(r.teams[2].mean == 1.5);
	assert_null(r.teams[3].name); /* no team, last */
	assert_int_equal(r.teams[3].voted, 1);
	size_t voted = 0, skipped = 0;
	for (size_t i = 0; i < r.team_count; i++) {
		voted += r.teams[i].voted;
		skipped += r.teams[i].skipped;
	}
	assert_int_equal(voted, r.voted);
	assert_int_equal(skipped, r.skipped);
	assert_histogram_sums(&r);
	/* finance −1.5 vs service +1.5: 3 apart; the range −2..+2 is 4 */
	assert_int_equal(r.divergence, CJM_VOTE_DIVERGE_RANGE | CJM_VOTE_DIVERGE_TEAMS);
	assert_int_equal(r.team_high, 2);
	assert_int_equal(r.team_low, 0);
	strbuf text = { 0 };
	cjm_vote_divergence_text(&text, &r, "en");
	assert_string_equal(text.data, "the room disagrees: scores from " MINUS "2 to +2; service +1.5 vs finance " MINUS "1.5");
	strbuf_release(&text);
	cjm_vote_result_release(&r);
}

static void test_divergence_by_range(void **state)
{
	(void)state;
	/* −1..+2: range 3 */
	static const int scores[] = { -1, 2, 0, 1 };
	cjm_vote_result r;
	tally_of(scores, NULL, 4, &r);
	assert_int_equal(r.divergence, CJM_VOTE_DIVERGE_RANGE);
	strbuf text = { 0 };
	cjm_vote_divergence_text(&text, &r, "en");
	assert_string_equal(text.data, "the room disagrees: scores from " MINUS "1 to +2");
	strbuf_release(&text);
	cjm_vote_result_release(&r);
	/* range 2: agreed */
	static const int close[] = { -1, 1, 0, 1 };
	tally_of(close, NULL, 4, &r);
	assert_int_equal(r.divergence, 0);
	text = (strbuf){ 0 };
	cjm_vote_divergence_text(&text, &r, "en");
	assert_int_equal(text.len, 0);
	cjm_vote_result_release(&r);
}

static void test_divergence_by_teams(void **state)
{
	(void)state;
	cjm_vote_result r;
	static const int narrow[] = { 1, 1, 0, -1 };
	static const char *const two[] = { "finance", "finance", "service", "service" };
	tally_of(narrow, two, 4, &r);
	/* finance +1.0, service −0.5: 1.5 apart, range 2: agreed */
	assert_int_equal(r.divergence, 0);
	cjm_vote_result_release(&r);
	static const int wide[] = { 1, 1, -1, -1 };
	tally_of(wide, two, 4, &r);
	/* +1.0 vs −1.0: 2 apart, range 2 */
	assert_int_equal(r.range, 2);
	assert_int_equal(r.divergence, CJM_VOTE_DIVERGE_TEAMS);
	strbuf text = { 0 };
	cjm_vote_divergence_text(&text, &r, "en");
	assert_string_equal(text.data, "the room disagrees: finance +1.0 vs service " MINUS "1.0");
	strbuf_release(&text);
	cjm_vote_result_release(&r);
	/* exactly 2 apart in thirds (2/3 and −4/3), which doubles need not see */
	static const int thirds[] = { 1, 1, 0, -1, -1, -2 };
	static const char *const split[] = { "a", "a", "a", "b", "b", "b" };
	tally_of(thirds, split, 6, &r);
	assert_int_equal(r.divergence, CJM_VOTE_DIVERGE_RANGE | CJM_VOTE_DIVERGE_TEAMS);
	cjm_vote_result_release(&r);
	/* 2/3 and −5/4: 23/12 apart, less than 2 (the range −2..+1 still flags) */
	static const int quarters[] = { 1, 1, 0, -1, -1, -1, -2 };
	static const char *const split4[] = { "a", "a", "a", "b", "b", "b", "b" };
	tally_of(quarters, split4, 7, &r);
	assert_int_equal(r.divergence, CJM_VOTE_DIVERGE_RANGE);
	cjm_vote_result_release(&r);
}

static void test_single_votes_do_not_make_a_team(void **state)
{
	(void)state;
	/* finance +1 (one vote) and service −1 (one vote): 2 apart, but one person each */
	static const int scores[] = { 1, -1, 0, 0 };
	static const char *const teams[] = { "finance", "service", NULL, NULL };
	cjm_vote_result r;
	tally_of(scores, teams, 4, &r);
	assert_int_equal(r.divergence, 0);
	cjm_vote_result_release(&r);
	/* the same with a second service vote: the rule applies to service only, no pair */
	static const int more[] = { 1, -1, -1, 0 };
	static const char *const teams2[] = { "finance", "service", "service", NULL };
	tally_of(more, teams2, 4, &r);
	assert_int_equal(r.divergence, 0);
	cjm_vote_result_release(&r);
	/* "no team" is no department: its mean is not compared */
	static const int loose[] = { 1, 1, -1, -1 };
	static const char *const none[] = { "finance", "finance", NULL, NULL };
	tally_of(loose, none, 4, &r);
	assert_int_equal(r.divergence, 0);
	cjm_vote_result_release(&r);
}

static void test_histogram(void **state)
{
	(void)state;
	static const int scores[] = { -3, -3, 3, 0, 0, 0, 2, CJM_VOTE_SKIP, -1 };
	cjm_vote_result r;
	tally_of(scores, NULL, 9, &r);
	static const size_t want[CJM_VOTE_SCORES] = { 2, 0, 1, 3, 0, 1, 1 };
	for (size_t i = 0; i < CJM_VOTE_SCORES; i++)
		assert_int_equal(r.counts[i], want[i]);
	assert_histogram_sums(&r);
	assert_int_equal(r.voted, 8);
	cjm_vote_result_release(&r);
}

static void test_english_text(void **state)
{
	(void)state;
	/* the brief's room: 7 voted, 2 skipped, mean −3/7 */
	static const int scores[] = { -3, -1, -1, 2, 0, -1, 1, CJM_VOTE_SKIP, CJM_VOTE_SKIP };
	cjm_vote_result r;
	tally_of(scores, NULL, 9, &r);
	strbuf text = { 0 };
	cjm_vote_summary_text(&text, &r, "en");
	assert_string_equal(text.data, "7 voted, 2 skipped \xC2\xB7 mean " MINUS "0.4 \xC2\xB7 median " MINUS
				       "1 \xC2\xB7 range " MINUS "3..+2");
	strbuf_release(&text);
	cjm_vote_result_release(&r);
	/* an even count's median with its half; a mean of 0 without a sign */
	static const int even[] = { -1, 0, 1, 2, -2, 0 };
	tally_of(even, NULL, 6, &r);
	text = (strbuf){ 0 };
	cjm_vote_summary_text(&text, &r, NULL);
	assert_string_equal(text.data, "6 voted, 0 skipped \xC2\xB7 mean 0.0 \xC2\xB7 median 0 \xC2\xB7 range " MINUS "2..+2");
	strbuf_release(&text);
	cjm_vote_result_release(&r);
	static const int half[] = { 1, 2 };
	tally_of(half, NULL, 2, &r);
	text = (strbuf){ 0 };
	cjm_vote_summary_text(&text, &r, "en");
	assert_string_equal(text.data, "2 voted, 0 skipped \xC2\xB7 mean +1.5 \xC2\xB7 median +1.5 \xC2\xB7 range +1..+2");
	strbuf_release(&text);
	cjm_vote_result_release(&r);
}

static void test_mean_rounded_exactly(void **state)
{
	(void)state;
	/* 9 / 20 = 0.45 exactly: "+0.5" (half away from zero), though the double 0.45 is
	 * a little below it; −9 / 20: "−0.5" */
	int scores[20];
	for (size_t i = 0; i < 20; i++)
		scores[i] = i < 9 ? 1 : 0;
	cjm_vote_result r;
	tally_of(scores, NULL, 20, &r);
	strbuf text = { 0 };
	cjm_vote_summary_text(&text, &r, "en");
	assert_non_null(strstr(text.data, "mean +0.5 "));
	cjm_vote_result_release(&r);
	for (size_t i = 0; i < 9; i++)
		scores[i] = -1;
	tally_of(scores, NULL, 20, &r);
	strbuf_reset(&text);
	cjm_vote_summary_text(&text, &r, "en");
	assert_non_null(strstr(text.data, "mean " MINUS "0.5 "));
	/* −0.04 shows as 0.0, no sign */
	cjm_vote_result_release(&r);
	int many[25] = { -1 };
	tally_of(many, NULL, 25, &r);
	strbuf_reset(&text);
	cjm_vote_summary_text(&text, &r, "en");
	assert_non_null(strstr(text.data, "mean 0.0 "));
	strbuf_release(&text);
	cjm_vote_result_release(&r);
}

/* The Dutch numbers: a decimal comma, whether or not the catalogue in the build
 * already has this file's words (they come with the translations of the vote). */
static void test_dutch_numbers(void **state)
{
	(void)state;
	static const int scores[] = { 1, 2, -1, -1, -3, -1, 0, 2 };
	static const char *const teams[] = { "financiën", "financiën", "service", "service", NULL, NULL, NULL, NULL };
	cjm_vote_result r;
	tally_of(scores, teams, 8, &r);
	strbuf text = { 0 };
	cjm_vote_summary_text(&text, &r, "nl");
	/* mean −1 / 8, median −0.5 */
	assert_non_null(strstr(text.data, " " MINUS "0,1 "));
	assert_non_null(strstr(text.data, " " MINUS "0,5 "));
	assert_non_null(strstr(text.data, " " MINUS "3..+2"));
	strbuf_reset(&text);
	cjm_vote_divergence_text(&text, &r, "nl");
	assert_non_null(strstr(text.data, "financiën +1,5 "));
	assert_non_null(strstr(text.data, " service " MINUS "1,0"));
	strbuf_release(&text);
	cjm_vote_result_release(&r);
}

/* The Dutch words, once the catalogue has them (po/nl.po; skipped before). */
static void test_dutch_words(void **state)
{
	(void)state;
	if (strcmp(LC_("nl", "vote", "no scores"), "no scores") == 0)
		skip();
	static const int scores[] = { -3, -1, -1, 2, 0, -1, 1, CJM_VOTE_SKIP, CJM_VOTE_SKIP };
	static const char *const teams[] = { "financiën", "financiën", "financiën", "service", "service",
					     NULL, NULL, NULL, NULL };
	cjm_vote_result r;
	tally_of(scores, teams, 9, &r);
	strbuf text = { 0 };
	cjm_vote_summary_text(&text, &r, "nl");
	assert_string_equal(text.data, "7 gestemd, 2 overgeslagen \xC2\xB7 gemiddeld " MINUS "0,4 \xC2\xB7 mediaan " MINUS
				       "1 \xC2\xB7 spreiding " MINUS "3..+2");
	strbuf_reset(&text);
	cjm_vote_divergence_text(&text, &r, "nl");
	assert_string_equal(text.data, "de groep is verdeeld: scores van " MINUS "3 tot +2; service +1,0 tegenover "
				       "financiën " MINUS "1,7");
	strbuf_reset(&text);
	cjm_vote_result_release(&r);
	static const int skips[] = { CJM_VOTE_SKIP };
	tally_of(skips, NULL, 1, &r);
	cjm_vote_summary_text(&text, &r, "nl");
	assert_string_equal(text.data, "0 gestemd, 1 overgeslagen \xC2\xB7 geen scores");
	strbuf_release(&text);
	cjm_vote_result_release(&r);
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
		cmocka_unit_test(test_median_odd),
		cmocka_unit_test(test_median_even),
		cmocka_unit_test(test_mean_emotion_halfway),
		cmocka_unit_test(test_all_skips),
		cmocka_unit_test(test_one_vote),
		cmocka_unit_test(test_reanswer_replaces),
		cmocka_unit_test(test_bad_answers),
		cmocka_unit_test(test_names_kept_only_when_asked),
		cmocka_unit_test(test_participants_bounded),
		cmocka_unit_test(test_teams),
		cmocka_unit_test(test_divergence_by_range),
		cmocka_unit_test(test_divergence_by_teams),
		cmocka_unit_test(test_single_votes_do_not_make_a_team),
		cmocka_unit_test(test_histogram),
		cmocka_unit_test(test_english_text),
		cmocka_unit_test(test_mean_rounded_exactly),
		cmocka_unit_test(test_dutch_numbers),
		cmocka_unit_test(test_dutch_words),
	};
	return cmocka_run_group_tests(tests, NULL, teardown_lang);
}
