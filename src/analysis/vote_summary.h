/* A touchpoint's vote record summed up as the reveal tallied it: its figures, whether the room was divided, and one sentence for people. */
#ifndef CJM_ANALYSIS_VOTE_SUMMARY_H
#define CJM_ANALYSIS_VOTE_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"
#include "model/vote_record.h"
#include "util/strbuf.h"

/*
 * The figures are the reveal's own: the record's counts are made into answers
 * again and tallied by live/vote.c (the mean, the median, the range and the
 * divergence rule: a range of 3 or more, or two teams of 2 votes or more whose
 * means are 2 or more apart). The room's counts beyond its teams' are the
 * participants without a team; names are left out (teams say all the rule needs).
 * A record of more answers than a session counts (CJM_VOTE_PARTICIPANTS_MAX) has
 * its counts, mean and range but no median and no divergence (has_tally false).
 */
typedef struct cjm_vote_summary {
	size_t voted;      /* scores given */
	size_t skipped;
	bool has_scores;   /* voted > 0: mean_tenths, min and max hold */
	long mean_tenths;  /* the mean in tenths, rounded half away from zero from the exact sum */
	int min, max;      /* the lowest and the highest score given */
	bool has_tally;    /* median2 and divided hold */
	int median2;       /* twice the median (odd: it ends in ,5) */
	bool divided;      /* the room disagreed, as the reveal flags it */
} cjm_vote_summary;

/* The summary of RECORD into *SUMMARY. */
void cjm_vote_summary_of_record(const cjm_vote_record *record, cjm_vote_summary *summary);
/* The summary of TP's vote into *SUMMARY: false (and *SUMMARY zeroed) when TP has no
 * vote record, or one that does not read. */
bool cjm_vote_summary_of(const cjm_touchpoint *tp, cjm_vote_summary *summary);
/* True when a touchpoint of MAP has a vote record that reads. */
bool cjm_map_has_votes(const cjm_map *map);

/* Appends SUMMARY as one sentence in language LANG (a tag, as lang.h takes it), no
 * line break: "Vote of the room: 5 votes, 1 skipped, mean −0.4, median −1, range
 * −2..+1 (divided)"; in Dutch "Stemming in de groep: 5 stemmen, 1 overgeslagen,
 * gemiddeld −0,4, mediaan −1, spreiding −2..+1 (verdeeld)". Skips only when there
 * were any, the median only with has_tally, "(divided)" only when divided; a vote
 * that everyone skipped: "Vote of the room: 0 votes, 3 skipped, no scores". Scores
 * and means are signed as the exports write emotions (U+2212 for minus). */
void cjm_vote_summary_sentence(strbuf *out, const cjm_vote_summary *summary, const char *lang);
/* Appends the sentence of TP's vote (cjm_vote_summary_of, then the sentence), and
 * returns true; false, appending nothing, when TP has no vote that reads. */
bool cjm_vote_sentence_of(const cjm_touchpoint *tp, const char *lang, strbuf *out);

#endif
