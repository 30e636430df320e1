/* The reveal of a vote as text for people: its figures and why the room disagrees, in the language it is given (the screen's, or a map's). */
#include "live/vote_text.h"

#include "model/vote_record.h"
#include "util/lang.h"

#define VOTE_SEPARATOR " \xC2\xB7 " /* " · " between the figures */

void cjm_vote_summary_text(strbuf *out, const cjm_vote_result *r, const char *lang)
{
	/* TRANSLATORS: the first figures of a vote's reveal: how many participants gave a
	 * score and how many skipped the touchpoint. */
	strbuf_printf(out, LC_(lang, "vote", "%zu voted, %zu skipped"), r->voted, r->skipped);
	strbuf_puts(out, VOTE_SEPARATOR);
	if (!r->has_result) {
		/* TRANSLATORS: a vote's reveal when everyone skipped: no mean, no median. */
		strbuf_puts(out, LC_(lang, "vote", "no scores"));
		return;
	}
	strbuf mean = { 0 }, median = { 0 }, low = { 0 }, high = { 0 };
	cjm_vote_put_tenths(&mean, cjm_vote_mean_tenths(r->sum, r->voted), lang);
	cjm_vote_put_median(&median, r->median2, lang);
	cjm_vote_put_score(&low, r->min);
	cjm_vote_put_score(&high, r->max);
	/* TRANSLATORS: the mean score of a vote, "−0,4". */
	strbuf_printf(out, LC_(lang, "vote", "mean %s"), mean.data);
	strbuf_puts(out, VOTE_SEPARATOR);
	/* TRANSLATORS: the median score of a vote, "−1" or "+0,5". */
	strbuf_printf(out, LC_(lang, "vote", "median %s"), median.data);
	strbuf_puts(out, VOTE_SEPARATOR);
	/* TRANSLATORS: the lowest and the highest score of a vote, "−3..+2". */
	strbuf_printf(out, LC_(lang, "vote", "range %s..%s"), low.data, high.data);
	strbuf_release(&mean);
	strbuf_release(&median);
	strbuf_release(&low);
	strbuf_release(&high);
}

void cjm_vote_divergence_text(strbuf *out, const cjm_vote_result *r, const char *lang)
{
	bool range = r->divergence & CJM_VOTE_DIVERGE_RANGE, teams = r->divergence & CJM_VOTE_DIVERGE_TEAMS;
	if (!range && !teams)
		return;
	strbuf low = { 0 }, high = { 0 }, high_mean = { 0 }, low_mean = { 0 };
	cjm_vote_put_score(&low, r->min);
	cjm_vote_put_score(&high, r->max);
	const char *high_name = "", *low_name = "";
	if (teams) {
		const cjm_vote_team *h = &r->teams[r->team_high], *l = &r->teams[r->team_low];
		high_name = h->name;
		low_name = l->name;
		cjm_vote_put_tenths(&high_mean, cjm_vote_mean_tenths(h->sum, h->voted), lang);
		cjm_vote_put_tenths(&low_mean, cjm_vote_mean_tenths(l->sum, l->voted), lang);
	}
	if (range && teams)
		/* TRANSLATORS: a vote's reveal when the scores are far apart and two teams
		 * (departments) disagree: "scores from −3 to +2; finance +1,5 vs service −1,0". */
		strbuf_printf(out, LC_(lang, "vote", "the room disagrees: scores from %s to %s; %s %s vs %s %s"),
			      low.data, high.data, high_name, high_mean.data, low_name, low_mean.data);
	else if (range)
		/* TRANSLATORS: a vote's reveal when the scores are far apart: "−3" and "+2". */
		strbuf_printf(out, LC_(lang, "vote", "the room disagrees: scores from %s to %s"), low.data, high.data);
	else
		/* TRANSLATORS: a vote's reveal when two teams (departments) disagree, each with
		 * its mean score: "finance +1,5 vs service −1,0". */
		strbuf_printf(out, LC_(lang, "vote", "the room disagrees: %s %s vs %s %s"), high_name, high_mean.data,
			      low_name, low_mean.data);
	strbuf_release(&low);
	strbuf_release(&high);
	strbuf_release(&high_mean);
	strbuf_release(&low_mean);
}

void cjm_vote_team_text(strbuf *out, const cjm_vote_team *team, const char *lang)
{
	/* TRANSLATORS: a team (department) without a name in a vote's reveal: the
	 * participants who joined without --team. */
	strbuf_printf(out, "%s: ", team->name ? team->name : LC_(lang, "vote", "no team"));
	strbuf_printf(out, LC_(lang, "vote", "%zu voted, %zu skipped"), team->voted, team->skipped);
	if (!team->voted)
		return;
	strbuf mean = { 0 };
	cjm_vote_put_tenths(&mean, cjm_vote_mean_tenths(team->sum, team->voted), lang);
	strbuf_puts(out, VOTE_SEPARATOR);
	strbuf_printf(out, LC_(lang, "vote", "mean %s"), mean.data);
	strbuf_release(&mean);
}
