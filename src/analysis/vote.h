/* One blind vote on one touchpoint: the room's answers and their tally (the reveal's text is in live/vote_text.h). */
#ifndef CJM_ANALYSIS_VOTE_H
#define CJM_ANALYSIS_VOTE_H

/*
 * What cjm-live(7) documents from this file (VOTES): each participant scores the
 * touchpoint -3..+3 or skips, and may answer again while the vote is open (the last
 * answer counts: a participant who reconnects is not counted twice). The reveal gives
 * how many voted and skipped, the count of each score, the mean, the median (of an even
 * count the mean of the two middle scores, so it can end in ,5), the lowest and highest
 * score and their range, and per team (the --team given at join; those without one are
 * a group of their own, "no team") the count and mean. The room disagrees when the
 * range is 3 or more, or when two teams of at least 2 votes each have means 2 or more
 * apart ("no team" is no team here). A team's and a participant's name are one line
 * of at most 64 bytes. Taking the median as the touchpoint's emotion rounds a median ending in ,5
 * toward the room's mean, and toward 0 when the mean is the median itself; taking the
 * mean rounds it to the nearest score, a mean ending in ,5 toward the median, then
 * toward 0. The reveal writes means with one decimal, rounded half away from zero
 * from the exact sum. Names are kept only when the session was started with names on.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CJM_VOTE_MIN (-3)
#define CJM_VOTE_MAX 3
/* The number of scores, -3..+3: the histogram's length. */
#define CJM_VOTE_SCORES 7
/* An answer that is no score: the participant saw the touchpoint and skipped it. */
#define CJM_VOTE_SKIP 100
/* The longest team and participant name, in bytes (UTF-8): room for a department's
 * name in any language, short enough for the reveal's one line. */
#define CJM_VOTE_TEAM_MAX 64
#define CJM_VOTE_NAME_MAX 64
/* The most participants one vote counts: a workshop's room many times over, and a
 * bound on what a session can be made to hold. */
#define CJM_VOTE_PARTICIPANTS_MAX 1000

/* True when LEN bytes of TEXT are a participant's or a team's name as the session
 * takes it (cjm join --as, --team): 1..CJM_VOTE_NAME_MAX bytes of UTF-8, one line,
 * no character a terminal acts on or that reorders text (visible_escaped: tab and
 * line feed among them), and no ':' or '|', which separate the parts of the vote
 * record in the map; no space at either end (the record drops those). The one rule for names: the host, the guest and the vote use it. */
bool cjm_live_label_ok(const char *text, size_t len);

/* Why cjm_vote_answer took no answer. */
typedef enum cjm_vote_status {
	CJM_VOTE_OK = 0,
	CJM_VOTE_BAD_SCORE, /* neither -3..+3 nor CJM_VOTE_SKIP */
	CJM_VOTE_BAD_TEAM,  /* not a name as cjm_live_label_ok says (after its spaces are dropped) */
	CJM_VOTE_BAD_NAME,  /* the same for the participant's name */
	CJM_VOTE_FULL,      /* a new participant past CJM_VOTE_PARTICIPANTS_MAX */
	CJM_VOTE_CLOSED,    /* the vote was closed for the reveal */
} cjm_vote_status;

/* One participant's answer as the vote holds it. */
typedef struct cjm_vote_entry {
	uint64_t participant; /* the session's number for the participant, the same after a reconnect */
	char *team;           /* NULL: no team */
	char *name;           /* NULL: none given, or the session keeps no names */
	int score;            /* -3..+3, or CJM_VOTE_SKIP */
} cjm_vote_entry;

typedef struct cjm_vote cjm_vote;

/* A new, open vote with no answers. KEEP_NAMES: the session was started with names on,
 * so the participants' names are kept with their answers (else they are dropped). */
cjm_vote *cjm_vote_new(bool keep_names);
void cjm_vote_free(cjm_vote *vote);

/* PARTICIPANT's answer: SCORE (-3..+3 or CJM_VOTE_SKIP) as a member of TEAM and by
 * the name NAME (each NULL or "" for none; leading and trailing spaces are dropped).
 * An answer from a participant who has answered before replaces the earlier one, team
 * and name included. Anything but CJM_VOTE_OK leaves the vote as it was. */
cjm_vote_status cjm_vote_answer(cjm_vote *vote, uint64_t participant, const char *team, const char *name,
				int score);
/* Closes the vote: answers after it are CJM_VOTE_CLOSED. The tally is the same. */
void cjm_vote_close(cjm_vote *vote);
bool cjm_vote_closed(const cjm_vote *vote);
bool cjm_vote_keeps_names(const cjm_vote *vote);

/* The answers, in the order the participants first answered (for the recovery file). */
size_t cjm_vote_entries(const cjm_vote *vote);
const cjm_vote_entry *cjm_vote_entry_at(const cjm_vote *vote, size_t i);
/* PARTICIPANT's answer, or NULL: what a participant who reconnects is shown. */
const cjm_vote_entry *cjm_vote_find(const cjm_vote *vote, uint64_t participant);

/* One team's share of the result. */
typedef struct cjm_vote_team {
	char *name;     /* NULL: the participants who gave no team */
	size_t voted;   /* scores given */
	size_t skipped;
	long sum;       /* of the scores: exact */
	double mean;    /* sum / voted; 0 when voted is 0 */
} cjm_vote_team;

/* Why the room disagrees (bits of cjm_vote_result.divergence). */
#define CJM_VOTE_DIVERGE_RANGE 1u /* the range is CJM_VOTE_DIVERGE_RANGE_MIN or more */
#define CJM_VOTE_DIVERGE_TEAMS 2u /* two teams' means are CJM_VOTE_DIVERGE_TEAMS_MIN or more apart */
#define CJM_VOTE_DIVERGE_RANGE_MIN 3
#define CJM_VOTE_DIVERGE_TEAMS_MIN 2
/* A team's mean counts for the team rule from this many votes on. */
#define CJM_VOTE_TEAM_VOTES_MIN 2

/* The tally of a vote. The figures from mean on hold only when has_result. */
typedef struct cjm_vote_result {
	size_t voted;   /* participants who gave a score */
	size_t skipped; /* participants who skipped */
	size_t counts[CJM_VOTE_SCORES]; /* counts[s - CJM_VOTE_MIN]: how many gave score s; they sum to voted */
	bool has_result; /* voted > 0 */
	long sum;        /* of the scores: exact */
	double mean;     /* sum / voted */
	int median2;     /* twice the median, exact: the median is median2 / 2 (odd: it ends in .5) */
	double median;
	int min, max;
	int range;            /* max - min */
	int median_emotion;   /* the median as a score, rounded as cjm-live(7) says */
	int mean_emotion;     /* the mean as a score, rounded as cjm-live(7) says */
	cjm_vote_team *teams; /* by name (byte order), "no team" last */
	size_t team_count;
	unsigned divergence;  /* CJM_VOTE_DIVERGE_* bits; 0: the room agrees */
	/* With CJM_VOTE_DIVERGE_TEAMS: the teams with the highest and the lowest mean (of
	 * those with CJM_VOTE_TEAM_VOTES_MIN votes; the first by name on a tie). */
	size_t team_high, team_low;
} cjm_vote_result;

/* The tally of VOTE into *RESULT; cjm_vote_result_release frees what it holds. */
void cjm_vote_tally(const cjm_vote *vote, cjm_vote_result *result);
void cjm_vote_result_release(cjm_vote_result *result);

#endif
