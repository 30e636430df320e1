/* The arithmetic of one blind vote: answers by participant, and their counts, mean, median, range, teams and divergence. */
#include "analysis/vote.h"

#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/visible.h"
#include "util/xalloc.h"

struct cjm_vote {
	cjm_vote_entry *entries;
	size_t count, cap;
	bool keep_names;
	bool closed;
};

cjm_vote *cjm_vote_new(bool keep_names)
{
	cjm_vote *vote = xcalloc(1, sizeof *vote);
	vote->keep_names = keep_names;
	return vote;
}

void cjm_vote_free(cjm_vote *vote)
{
	if (!vote)
		return;
	for (size_t i = 0; i < vote->count; i++) {
		free(vote->entries[i].team);
		free(vote->entries[i].name);
	}
	free(vote->entries);
	free(vote);
}

bool cjm_live_label_ok(const char *text, size_t len)
{
	if (!text || len == 0 || len > CJM_VOTE_NAME_MAX)
		return false;
	/* "bob " would be another participant than "bob", but the same in the record */
	if (text[0] == ' ' || text[len - 1] == ' ')
		return false;
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0 || cp == ':' || cp == '|' || visible_escaped(cp))
			return false;
		i += n;
	}
	return true;
}

/* TEXT (a team's or a participant's name) without its leading and trailing spaces
 * into *OUT (NULL when nothing is left); false when what is left is not a name
 * (cjm_live_label_ok; MAX is its limit in bytes). */
static bool vote_name(const char *text, size_t max, char **out)
{
	*out = NULL;
	if (!text)
		return true;
	while (*text == ' ')
		text++;
	size_t len = strlen(text);
	while (len > 0 && text[len - 1] == ' ')
		len--;
	if (len == 0)
		return true;
	if (len > max || !cjm_live_label_ok(text, len))
		return false;
	*out = xstrndup(text, len);
	return true;
}

/* PARTICIPANT's entry in VOTE, or NULL. */
static cjm_vote_entry *vote_entry_of(const cjm_vote *vote, uint64_t participant)
{
	for (size_t i = 0; i < vote->count; i++)
		if (vote->entries[i].participant == participant)
			return &vote->entries[i];
	return NULL;
}

const cjm_vote_entry *cjm_vote_find(const cjm_vote *vote, uint64_t participant)
{
	return vote_entry_of(vote, participant);
}

cjm_vote_status cjm_vote_answer(cjm_vote *vote, uint64_t participant, const char *team, const char *name,
				int score)
{
	if (vote->closed)
		return CJM_VOTE_CLOSED;
	if (score != CJM_VOTE_SKIP && (score < CJM_VOTE_MIN || score > CJM_VOTE_MAX))
		return CJM_VOTE_BAD_SCORE;
	char *team_copy, *name_copy = NULL;
	if (!vote_name(team, CJM_VOTE_TEAM_MAX, &team_copy))
		return CJM_VOTE_BAD_TEAM;
	/* A name is checked even when it is not kept: the same answer is taken or refused
	 * whether or not the session keeps names. */
	if (!vote_name(name, CJM_VOTE_NAME_MAX, &name_copy)) {
		free(team_copy);
		return CJM_VOTE_BAD_NAME;
	}
	if (!vote->keep_names) {
		free(name_copy);
		name_copy = NULL;
	}
	cjm_vote_entry *entry = vote_entry_of(vote, participant);
	if (!entry) {
		if (vote->count == CJM_VOTE_PARTICIPANTS_MAX) {
			free(team_copy);
			free(name_copy);
			return CJM_VOTE_FULL;
		}
		xgrow((void **)&vote->entries, &vote->cap, vote->count + 1, sizeof *vote->entries);
		entry = &vote->entries[vote->count++];
		*entry = (cjm_vote_entry){ .participant = participant };
	}
	free(entry->team);
	free(entry->name);
	entry->team = team_copy;
	entry->name = name_copy;
	entry->score = score;
	return CJM_VOTE_OK;
}

void cjm_vote_close(cjm_vote *vote)
{
	vote->closed = true;
}

bool cjm_vote_closed(const cjm_vote *vote)
{
	return vote->closed;
}

bool cjm_vote_keeps_names(const cjm_vote *vote)
{
	return vote->keep_names;
}

size_t cjm_vote_entries(const cjm_vote *vote)
{
	return vote->count;
}

const cjm_vote_entry *cjm_vote_entry_at(const cjm_vote *vote, size_t i)
{
	return i < vote->count ? &vote->entries[i] : NULL;
}

/* The score at 0-based position K of the scores in order, from the histogram. */
static int vote_score_at(const size_t counts[CJM_VOTE_SCORES], size_t k)
{
	for (int i = 0; i < CJM_VOTE_SCORES; i++) {
		if (k < counts[i])
			return i + CJM_VOTE_MIN;
		k -= counts[i];
	}
	return CJM_VOTE_MAX; /* not reached: K < voted */
}

/* Rounding the median to a score. An even count's median halfway between two scores
 * goes toward the room's mean: the two middle votes are balanced, so the votes beyond
 * them decide which of the two the room leans to (−3 −1 0 +3 has median −0.5 and mean
 * −0.25: 0; −3 −1 0 +1 has mean −0.75: −1). Half away from zero would always take the
 * stronger feeling and half toward zero always the weaker, whatever the rest of the
 * room said. When the mean is the median itself the room leans neither way, and the
 * weaker of the two emotions (toward 0) is taken: the room did not agree on the
 * stronger one. All in integers: the mean is below the median when
 * 2 * sum < median2 * voted. */
static int vote_median_emotion(const cjm_vote_result *r)
{
	if (r->median2 % 2 == 0)
		return r->median2 / 2;
	int low = (r->median2 - 1) / 2; /* median2 - 1 is even: exact, for negatives too */
	long long twice_sum = 2LL * r->sum, at_median = (long long)r->median2 * (long long)r->voted;
	if (twice_sum < at_median)
		return low;
	if (twice_sum > at_median)
		return low + 1;
	return r->median2 > 0 ? low : low + 1;
}

/* Rounding the mean to a score: the nearest one; a mean exactly halfway goes toward
 * the median (the same reasoning as above, the other way round), then toward 0. */
static int vote_mean_emotion(const cjm_vote_result *r)
{
	long n = (long)r->voted;
	long low = r->sum / n, rem = r->sum % n; /* C truncates: make it the floor */
	if (rem < 0) {
		low--;
		rem += n;
	}
	if (2 * rem < n)
		return (int)low;
	if (2 * rem > n)
		return (int)low + 1;
	long twice_mean = 2 * low + 1;
	if (r->median2 < twice_mean)
		return (int)low;
	if (r->median2 > twice_mean)
		return (int)low + 1;
	return twice_mean > 0 ? (int)low : (int)low + 1;
}

/* Teams by name in byte order, "no team" (NULL) last: the departments first. */
static int vote_team_order(const void *a, const void *b)
{
	const cjm_vote_team *x = a, *y = b;
	if (!x->name || !y->name)
		return (x->name == NULL) - (y->name == NULL);
	return strcmp(x->name, y->name);
}

/* The team named NAME (NULL: no team) in R, added when it is not there yet. */
static cjm_vote_team *vote_team(cjm_vote_result *r, size_t *cap, const char *name)
{
	for (size_t i = 0; i < r->team_count; i++) {
		const char *have = r->teams[i].name;
		if (have == name || (have && name && strcmp(have, name) == 0))
			return &r->teams[i];
	}
	xgrow((void **)&r->teams, cap, r->team_count + 1, sizeof *r->teams);
	cjm_vote_team *team = &r->teams[r->team_count++];
	*team = (cjm_vote_team){ .name = xstrdup(name) };
	return team;
}

/* Sign of A's mean minus B's mean, exactly (both have votes). */
static int vote_mean_cmp(const cjm_vote_team *a, const cjm_vote_team *b)
{
	long long x = (long long)a->sum * (long long)b->voted, y = (long long)b->sum * (long long)a->voted;
	return (x > y) - (x < y);
}

/* The team rule. A team's mean counts from CJM_VOTE_TEAM_VOTES_MIN votes on: one
 * person is not a department's view, and two single voters of two teams 2 apart
 * would flag what the range rule already sees, under the teams' names. "No team" is
 * left out: those without a team are no department whose truth differs from
 * another's (the range rule still sees their votes). */
static void vote_team_divergence(cjm_vote_result *r)
{
	bool found = false;
	for (size_t i = 0; i < r->team_count; i++) {
		const cjm_vote_team *t = &r->teams[i];
		if (!t->name || t->voted < CJM_VOTE_TEAM_VOTES_MIN)
			continue;
		if (!found) {
			r->team_high = r->team_low = i;
			found = true;
			continue;
		}
		if (vote_mean_cmp(t, &r->teams[r->team_high]) > 0)
			r->team_high = i;
		if (vote_mean_cmp(t, &r->teams[r->team_low]) < 0)
			r->team_low = i;
	}
	if (!found || r->team_high == r->team_low)
		return;
	const cjm_vote_team *high = &r->teams[r->team_high], *low = &r->teams[r->team_low];
	/* high.sum / high.voted - low.sum / low.voted >= MIN, multiplied out */
	long long apart = (long long)high->sum * (long long)low->voted - (long long)low->sum * (long long)high->voted;
	if (apart >= (long long)CJM_VOTE_DIVERGE_TEAMS_MIN * (long long)high->voted * (long long)low->voted)
		r->divergence |= CJM_VOTE_DIVERGE_TEAMS;
}

void cjm_vote_tally(const cjm_vote *vote, cjm_vote_result *result)
{
	cjm_vote_result *r = result;
	*r = (cjm_vote_result){ 0 };
	size_t team_cap = 0;
	for (size_t i = 0; i < vote->count; i++) {
		const cjm_vote_entry *e = &vote->entries[i];
		cjm_vote_team *team = vote_team(r, &team_cap, e->team);
		if (e->score == CJM_VOTE_SKIP) {
			r->skipped++;
			team->skipped++;
			continue;
		}
		r->counts[e->score - CJM_VOTE_MIN]++;
		r->voted++;
		r->sum += e->score;
		team->voted++;
		team->sum += e->score;
	}
	/* Pointers into r->teams are taken only after the sort. */
	if (r->team_count > 1)
		qsort(r->teams, r->team_count, sizeof *r->teams, vote_team_order);
	for (size_t i = 0; i < r->team_count; i++)
		if (r->teams[i].voted > 0)
			r->teams[i].mean = (double)r->teams[i].sum / (double)r->teams[i].voted;
	if (r->voted == 0)
		return;
	r->has_result = true;
	r->mean = (double)r->sum / (double)r->voted;
	r->min = vote_score_at(r->counts, 0);
	r->max = vote_score_at(r->counts, r->voted - 1);
	r->range = r->max - r->min;
	/* An odd count has one middle score (both positions the same), an even one two. */
	r->median2 = vote_score_at(r->counts, (r->voted - 1) / 2) + vote_score_at(r->counts, r->voted / 2);
	r->median = r->median2 / 2.0;
	r->median_emotion = vote_median_emotion(r);
	r->mean_emotion = vote_mean_emotion(r);
	if (r->range >= CJM_VOTE_DIVERGE_RANGE_MIN)
		r->divergence |= CJM_VOTE_DIVERGE_RANGE;
	vote_team_divergence(r);
}

void cjm_vote_result_release(cjm_vote_result *result)
{
	for (size_t i = 0; i < result->team_count; i++)
		free(result->teams[i].name);
	free(result->teams);
	*result = (cjm_vote_result){ 0 };
}
