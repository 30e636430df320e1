/* A closed vote's answers counted into the touchpoint's vote record, in its canonical text. */
#include "live/vote_record.h"

#include <stdlib.h>
#include <string.h>

#include "model/vote_record.h"
#include "util/xalloc.h"

_Static_assert(CJM_VOTE_MIN == CJM_VOTE_RECORD_MIN && CJM_VOTE_MAX == CJM_VOTE_RECORD_MAX,
	       "a vote's scores are the record's");
_Static_assert(CJM_VOTE_TEAM_MAX <= CJM_VOTE_RECORD_NAME_MAX && CJM_VOTE_NAME_MAX <= CJM_VOTE_RECORD_NAME_MAX,
	       "every team and name a vote takes fits in a record");
_Static_assert(CJM_VOTE_PARTICIPANTS_MAX <= CJM_VOTE_RECORD_COUNT_MAX, "every count of a vote fits in a record");
_Static_assert(CJM_VOTE_TEAM_VOTES_MIN == CJM_VOTE_RECORD_TEAM_VOTES_MIN,
	       "the record compares the teams the reveal compares");

/* NAME as the record can hold it (malloc'd): ':' and '|' made '-', and for a team a
 * leading '@' left out; NULL when nothing is left. */
static char *record_safe_name(const char *name, bool team)
{
	if (!name)
		return NULL;
	if (team)
		while (*name == '@' || *name == ' ')
			name++;
	if (!*name)
		return NULL;
	char *safe = xstrdup(name);
	for (char *c = safe; *c; c++)
		if (*c == ':' || *c == '|')
			*c = '-';
	return safe;
}

static void record_count(cjm_vote_counts *counts, int score)
{
	if (score == CJM_VOTE_SKIP)
		counts->skipped++;
	else
		counts->score[score - CJM_VOTE_MIN]++;
}

char *cjm_vote_record_text(const cjm_vote *vote)
{
	size_t n = cjm_vote_entries(vote);
	if (n == 0)
		return NULL;
	cjm_vote_record record = { 0 };
	bool names = cjm_vote_keeps_names(vote);
	for (size_t i = 0; i < n; i++) {
		const cjm_vote_entry *e = cjm_vote_entry_at(vote, i);
		record_count(&record.room, e->score);
		char *team = record_safe_name(e->team, true);
		if (team)
			record_count(cjm_vote_record_team(&record, team), e->score);
		free(team);
		char *name = names ? record_safe_name(e->name, false) : NULL;
		if (name)
			record_count(cjm_vote_record_name(&record, name), e->score);
		free(name);
	}
	char *text = cjm_vote_record_format(&record, NULL);
	cjm_vote_record_release(&record);
	return text;
}
