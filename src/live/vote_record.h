/* A closed vote as the text of the touchpoint field `vote` (model/vote_record.h), as the reveal writes it into the map. */
#ifndef CJM_LIVE_VOTE_RECORD_H
#define CJM_LIVE_VOTE_RECORD_H

#include "analysis/vote.h"

/* The vote record of VOTE (malloc'd): the room's counts, each team's (participants
 * without a team are in the room's counts only), and each participant's by name only
 * when the vote keeps names (cjm_vote_keeps_names). NULL when nobody answered. A ':'
 * or '|' in a team's or a name, which would end it in the record, is written as '-',
 * and a team's leading '@' (the mark of a name) is left out. */
char *cjm_vote_record_text(const cjm_vote *vote);

#endif
