/* The touchpoints whose vote records show the room disagreeing most, for cjm stats. */
#ifndef CJM_ANALYSIS_VOTES_H
#define CJM_ANALYSIS_VOTES_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/figures.h"
#include "model/vote_record.h"

/* At most this many touchpoints are listed: the ones to talk about first. */
#define CJM_VOTE_DISAGREEMENTS_MAX 5

/* One touchpoint with a vote the room did not agree on. */
typedef struct cjm_vote_disagreement {
	size_t flat;               /* the touchpoint's flat index (cjm_figures) */
	cjm_vote_record record;    /* its vote */
	cjm_vote_figures room;     /* the room's figures: has_scores, range > 0 */
	bool teams_apart;          /* two teams (CJM_VOTE_RECORD_TEAM_VOTES_MIN votes each) differ */
	size_t high, low;          /* with teams_apart: indexes into record.teams */
	cjm_vote_figures high_figures, low_figures;
	double gap;                /* high's mean minus low's; 0 without teams_apart */
} cjm_vote_disagreement;

typedef struct cjm_vote_disagreements {
	size_t recorded;           /* touchpoints with a vote record */
	size_t voted;              /* of which the room gave scores (not only skips) */
	cjm_vote_disagreement items[CJM_VOTE_DISAGREEMENTS_MAX];
	size_t count;
} cjm_vote_disagreements;

/* The touchpoints of FIGURES whose room gave more than one score, most disagreement
 * first: the widest range, then the widest gap between two teams' means, then the
 * earliest in the journey; at most CJM_VOTE_DISAGREEMENTS_MAX. A touchpoint whose room
 * gave one score only (range 0) is left out: the room agreed. */
void cjm_vote_disagreements_find(const cjm_figures *figures, cjm_vote_disagreements *out);
void cjm_vote_disagreements_release(cjm_vote_disagreements *list);

#endif
