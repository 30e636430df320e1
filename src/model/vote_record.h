/* The touchpoint field `vote`: the result of a blind vote as one line of text, read, checked and written. */
#ifndef CJM_VOTE_RECORD_H
#define CJM_VOTE_RECORD_H

/*
 * The grammar (cjm-map(5), "vote"), one line:
 *
 *   "-1:2 0:1 +1:3 +2:1 skip:2 | finance: -1:1 +1:2 | @alice: +1:1"
 *
 * Groups separated by '|': the room's counts first, without a label; then a team's
 * counts after "TEAM:", and a participant's after "@NAME:" (only when the session
 * kept names). A group is SCORE:COUNT words separated by spaces: SCORE is -3 -2 -1
 * 0 +1 +2 +3 (a positive score may be read without its '+') or skip, COUNT a whole
 * number from 1 to 65535. Reading accepts scores, teams and names in any order;
 * cjm_vote_record_format writes the one canonical form: scores ascending, skip
 * last, zero counts left out, single spaces, " | " between groups, teams by byte
 * order, then names by byte order. The loader and the form keep that form, so a
 * hand-written record in another order is rewritten by `cjm fmt`.
 *
 * Teams are disjoint parts of the room, and so are names: the teams' counts of a
 * score together are at most the room's, and likewise the names'.
 */

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"
#include "util/strbuf.h"

#define CJM_VOTE_RECORD_MIN (-3)
#define CJM_VOTE_RECORD_MAX 3
/* The number of scores, -3..+3. */
#define CJM_VOTE_RECORD_SCORES 7
/* The most one count may be: far beyond any room, and what 16 bits hold. */
#define CJM_VOTE_RECORD_COUNT_MAX 65535u
/* The longest team's or participant's name, in bytes (as cjm join allows). */
#define CJM_VOTE_RECORD_NAME_MAX 64
/* A team's mean counts when the record compares teams from this many votes on (as
 * the reveal's divergence rule: one person is not a department's view). */
#define CJM_VOTE_RECORD_TEAM_VOTES_MIN 2

/* How many gave each score, and how many skipped. */
typedef struct cjm_vote_counts {
	unsigned score[CJM_VOTE_RECORD_SCORES]; /* score[s - CJM_VOTE_RECORD_MIN]: how many gave s */
	unsigned skipped;
} cjm_vote_counts;

/* A team's or a participant's counts. */
typedef struct cjm_vote_group {
	char *name; /* the team's name, or the participant's without the '@' */
	cjm_vote_counts counts;
} cjm_vote_group;

/* A vote record. Zeroed it is empty; cjm_vote_record_release frees what it holds. */
typedef struct cjm_vote_record {
	cjm_vote_counts room;
	cjm_vote_group *teams; /* as read or added; the writer sorts */
	size_t team_count, team_cap;
	cjm_vote_group *names;
	size_t name_count, name_cap;
} cjm_vote_record;

void cjm_vote_record_release(cjm_vote_record *record);
/* The counts of team (or participant) NAME in RECORD, added with no counts when it is
 * not there yet. */
cjm_vote_counts *cjm_vote_record_team(cjm_vote_record *record, const char *name);
cjm_vote_counts *cjm_vote_record_name(cjm_vote_record *record, const char *name);

/* Reads TEXT into *RECORD (emptied first). NULL when TEXT is a vote record; else a
 * message in the interface language ("unknown score '+4' (a score is -3..+3, or
 * skip)"), valid until the next call, *AT (may be NULL) the byte of TEXT where it went
 * wrong, and *RECORD empty. */
const char *cjm_vote_record_parse(const char *text, cjm_vote_record *record, size_t *at);
/* The canonical text of RECORD (malloc'd), or NULL when RECORD is not one a map may
 * hold; then *PROBLEM (may be NULL) says why, as cjm_vote_record_parse would. */
char *cjm_vote_record_format(const cjm_vote_record *record, const char **problem);
/* TEXT checked as a vote record: NULL when it is one, else the message and *AT as
 * cjm_vote_record_parse gives them. CANONICAL (may be NULL) receives TEXT in the
 * canonical form (malloc'd) when it is one. The field table's check of `vote`. */
const char *cjm_vote_record_check(const char *text, size_t *at, char **canonical);

/* The figures of one set of counts (the room's, a team's). */
typedef struct cjm_vote_figures {
	size_t voted;     /* scores given */
	size_t skipped;
	bool has_scores;  /* voted > 0: the figures below hold */
	long sum;         /* of the scores, exact */
	double mean;      /* sum / voted */
	long mean_tenths; /* the mean in tenths, rounded half away from zero from the exact sum */
	int min, max;     /* the lowest and highest score given */
	int range;        /* max - min */
} cjm_vote_figures;

void cjm_vote_counts_figures(const cjm_vote_counts *counts, cjm_vote_figures *figures);
/* The teams of RECORD with the highest and the lowest mean, of those with
 * CJM_VOTE_RECORD_TEAM_VOTES_MIN votes or more (the first by name on a tie): indexes
 * into record->teams. False when fewer than two such teams have different means. */
bool cjm_vote_record_teams_apart(const cjm_vote_record *record, size_t *high, size_t *low);

/* TP's vote record into *RECORD: false (and *RECORD empty) when TP has none, or one
 * that does not read (a map in memory that did not come through the loader). */
bool cjm_touchpoint_vote(const cjm_touchpoint *tp, cjm_vote_record *record);

/* Appends the room's figures of RECORD for people, in language LANG (a tag, as
 * lang.h takes it), one line: "7 voted, 2 skipped · range −3..+2" ("7 gestemd, 2
 * overgeslagen · spreiding −3..+2"), or "0 voted, 3 skipped · no scores". Scores as
 * the exports write emotions: "+2", "−3" (U+2212), "0". */
void cjm_vote_record_summary(strbuf *out, const cjm_vote_record *record, const char *lang);
/* Appends a score as the summary writes it: "+2", "−3", "0". */
void cjm_vote_put_score(strbuf *out, int score);
/* Appends a mean in tenths with its sign and LANG's decimal separator: "+1.5", "−0,4", "0.0". */
void cjm_vote_put_tenths(strbuf *out, long tenths, const char *lang);
/* Appends a median given doubled (MEDIAN2): a score, or one decimal when it lies
 * halfway between two ("−0.5", "+1,5"). */
void cjm_vote_put_median(strbuf *out, int median2, const char *lang);
/* SUM / COUNT (COUNT > 0) in tenths, rounded half away from zero, in integers. */
long cjm_vote_mean_tenths(long sum, size_t count);

#endif
