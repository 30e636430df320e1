/* A touchpoint's vote record summed up by the reveal's own arithmetic (live/vote.c), and written as one sentence. */
#include "analysis/vote_summary.h"

#include "analysis/vote.h"
#include "util/lang.h"

/* Answers COUNT times SCORE as members of TEAM (NULL: none) into VOTE, numbering the
 * participants from *WHO on; false when the vote took one of them not. */
static bool summary_answers(cjm_vote *vote, uint64_t *who, const char *team, int score, unsigned count)
{
	for (unsigned k = 0; k < count; k++)
		if (cjm_vote_answer(vote, (*who)++, team, NULL, score) != CJM_VOTE_OK)
			return false;
	return true;
}

/* The counts of RECORD made into answers again and tallied into *RESULT, as the guest
 * does with a reveal; false when RECORD holds more than a vote takes. */
static bool summary_tally(const cjm_vote_record *record, cjm_vote_result *result)
{
	size_t answers = record->room.skipped;
	for (int i = 0; i < CJM_VOTE_RECORD_SCORES; i++)
		answers += record->room.score[i];
	if (answers > CJM_VOTE_PARTICIPANTS_MAX)
		return false;
	cjm_vote *vote = cjm_vote_new(false);
	uint64_t who = 1;
	bool ok = true;
	/* the teams' answers, then the rest of the room's: the participants without a team */
	cjm_vote_counts rest = record->room;
	for (size_t t = 0; ok && t < record->team_count; t++) {
		const cjm_vote_group *team = &record->teams[t];
		for (int i = 0; ok && i < CJM_VOTE_RECORD_SCORES; i++) {
			ok = summary_answers(vote, &who, team->name, i + CJM_VOTE_RECORD_MIN, team->counts.score[i]);
			rest.score[i] -= team->counts.score[i]; /* the reader keeps teams within the room */
		}
		ok = ok && summary_answers(vote, &who, team->name, CJM_VOTE_SKIP, team->counts.skipped);
		rest.skipped -= team->counts.skipped;
	}
	for (int i = 0; ok && i < CJM_VOTE_RECORD_SCORES; i++)
		ok = summary_answers(vote, &who, NULL, i + CJM_VOTE_RECORD_MIN, rest.score[i]);
	ok = ok && summary_answers(vote, &who, NULL, CJM_VOTE_SKIP, rest.skipped);
	if (ok)
		cjm_vote_tally(vote, result);
	cjm_vote_free(vote);
	return ok;
}

void cjm_vote_summary_of_record(const cjm_vote_record *record, cjm_vote_summary *summary)
{
	cjm_vote_figures f;
	cjm_vote_counts_figures(&record->room, &f);
	*summary = (cjm_vote_summary){
		.voted = f.voted,
		.skipped = f.skipped,
		.has_scores = f.has_scores,
		.mean_tenths = f.mean_tenths,
		.min = f.min,
		.max = f.max,
	};
	cjm_vote_result result;
	if (!summary_tally(record, &result))
		return;
	summary->has_tally = true;
	summary->median2 = result.median2;
	summary->divided = result.divergence != 0;
	cjm_vote_result_release(&result);
}

bool cjm_vote_summary_of(const cjm_touchpoint *tp, cjm_vote_summary *summary)
{
	*summary = (cjm_vote_summary){ 0 };
	cjm_vote_record record;
	if (!cjm_touchpoint_vote(tp, &record))
		return false;
	cjm_vote_summary_of_record(&record, summary);
	cjm_vote_record_release(&record);
	return true;
}

bool cjm_map_has_votes(const cjm_map *map)
{
	for (size_t p = 0; p < map->phase_count; p++)
		for (size_t t = 0; t < map->phases[p]->touchpoint_count; t++) {
			cjm_vote_record record;
			bool has = cjm_touchpoint_vote(map->phases[p]->touchpoints[t], &record);
			cjm_vote_record_release(&record);
			if (has)
				return true;
		}
	return false;
}

void cjm_vote_summary_sentence(strbuf *out, const cjm_vote_summary *s, const char *lang)
{
	/* TRANSLATORS: the start of a touchpoint's vote in the exports, cjm show and the
	 * details view; the figures follow ("5 votes, mean −0.4, ..."). */
	strbuf_puts(out, LC_(lang, "vote", "Vote of the room:"));
	strbuf_putc(out, ' ');
	strbuf_printf(out, LN_(lang, "%zu vote", "%zu votes", s->voted), s->voted);
	if (s->skipped) {
		strbuf_puts(out, ", ");
		/* TRANSLATORS: how many participants skipped the vote on a touchpoint. */
		strbuf_printf(out, LC_(lang, "vote", "%zu skipped"), s->skipped);
	}
	strbuf_puts(out, ", ");
	if (!s->has_scores) {
		strbuf_puts(out, LC_(lang, "vote", "no scores"));
		return;
	}
	strbuf figure = { 0 };
	cjm_vote_put_tenths(&figure, s->mean_tenths, lang);
	strbuf_printf(out, LC_(lang, "vote", "mean %s"), figure.data);
	if (s->has_tally) {
		strbuf_reset(&figure);
		cjm_vote_put_median(&figure, s->median2, lang);
		strbuf_puts(out, ", ");
		strbuf_printf(out, LC_(lang, "vote", "median %s"), figure.data);
	}
	strbuf low = { 0 }, high = { 0 };
	cjm_vote_put_score(&low, s->min);
	cjm_vote_put_score(&high, s->max);
	strbuf_puts(out, ", ");
	strbuf_printf(out, LC_(lang, "vote", "range %s..%s"), low.data, high.data);
	if (s->divided) {
		strbuf_putc(out, ' ');
		/* TRANSLATORS: after a vote's figures when the room disagreed (a range of 3 or
		 * more, or teams whose means are 2 apart). */
		strbuf_puts(out, LC_(lang, "vote", "(divided)"));
	}
	strbuf_release(&figure);
	strbuf_release(&low);
	strbuf_release(&high);
}

bool cjm_vote_sentence_of(const cjm_touchpoint *tp, const char *lang, strbuf *out)
{
	cjm_vote_summary vote;
	if (!cjm_vote_summary_of(tp, &vote))
		return false;
	cjm_vote_summary_sentence(out, &vote, lang);
	return true;
}
