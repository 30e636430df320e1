/* The reveal of a vote as text for people, in the map's language. */
#ifndef CJM_LIVE_VOTE_TEXT_H
#define CJM_LIVE_VOTE_TEXT_H

#include "analysis/vote.h"
#include "util/strbuf.h"

/* Appends RESULT's figures in language LANG (the map's), one line, no line break:
 * "7 voted, 2 skipped · mean −0.4 · median −1 · range −3..+2" ("−0,4" in Dutch),
 * or "0 voted, 3 skipped · no scores". Means have one decimal (rounded half away
 * from zero, from the exact sum), a median ending in .5 has one, scores none; signs
 * as the exports write emotions: "+", the typographic minus "−", none for 0. */
void cjm_vote_summary_text(strbuf *out, const cjm_vote_result *result, const char *lang);
/* Appends why the room disagrees, one line: "the room disagrees: finance +1.5 vs
 * service −1.0", "the room disagrees: scores from −3 to +2", or both reasons in one
 * line; nothing when the room agrees. */
void cjm_vote_divergence_text(strbuf *out, const cjm_vote_result *result, const char *lang);
/* Appends one team's share, one line: "finance: 3 voted, 0 skipped · mean +1.3" (the
 * participants without a team as "no team"). */
void cjm_vote_team_text(strbuf *out, const cjm_vote_team *team, const char *lang);

#endif
