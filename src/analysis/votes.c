/* Ranking the touchpoints' vote records by how much the room disagreed. */
#include "analysis/votes.h"

#include <string.h>

/* Whether A shows more disagreement than B (A and B in journey order otherwise). */
static bool votes_more(const cjm_vote_disagreement *a, const cjm_vote_disagreement *b)
{
	if (a->room.range != b->room.range)
		return a->room.range > b->room.range;
	if (a->gap != b->gap)
		return a->gap > b->gap;
	return a->flat < b->flat;
}

void cjm_vote_disagreements_find(const cjm_figures *fig, cjm_vote_disagreements *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < fig->touchpoints; i++) {
		cjm_vote_disagreement d = { .flat = i };
		if (!cjm_touchpoint_vote(fig->tps[i].tp, &d.record))
			continue;
		cjm_vote_counts_figures(&d.record.room, &d.room);
		out->recorded++;
		if (d.room.has_scores)
			out->voted++;
		if (!d.room.has_scores || d.room.range == 0) {
			cjm_vote_record_release(&d.record);
			continue;
		}
		d.teams_apart = cjm_vote_record_teams_apart(&d.record, &d.high, &d.low);
		if (d.teams_apart) {
			cjm_vote_counts_figures(&d.record.teams[d.high].counts, &d.high_figures);
			cjm_vote_counts_figures(&d.record.teams[d.low].counts, &d.low_figures);
			d.gap = d.high_figures.mean - d.low_figures.mean;
		}
		/* insertion into the short list, kept in order */
		size_t at = out->count;
		while (at > 0 && votes_more(&d, &out->items[at - 1]))
			at--;
		if (at >= CJM_VOTE_DISAGREEMENTS_MAX) {
			cjm_vote_record_release(&d.record);
			continue;
		}
		if (out->count == CJM_VOTE_DISAGREEMENTS_MAX)
			cjm_vote_record_release(&out->items[--out->count].record);
		memmove(&out->items[at + 1], &out->items[at], (out->count - at) * sizeof *out->items);
		out->items[at] = d;
		out->count++;
	}
}

void cjm_vote_disagreements_release(cjm_vote_disagreements *list)
{
	for (size_t i = 0; i < list->count; i++)
		cjm_vote_record_release(&list->items[i].record);
	memset(list, 0, sizeof *list);
}
