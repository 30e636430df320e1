/* A participant's side of a live session: the connection to the facilitator's cjm, the map and selection it sends, the vote and the notes. */
#ifndef CJM_LIVE_GUEST_H
#define CJM_LIVE_GUEST_H

/*
 * One guest per `cjm join`. Like the host it never blocks: poll
 * cjm_live_guest_pollfd with the terminal, then cjm_live_guest_serve. When the
 * connection drops (the facilitator's cjm crashed, a network hiccup over SSH) it
 * connects again on its own, every second (cjm_live_guest_tick), until the
 * facilitator says bye; it then says hello again and is sent the state again.
 */

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "live/protocol.h"
#include "analysis/vote.h"
#include "model/map.h"

typedef struct cjm_live_guest cjm_live_guest;

typedef struct cjm_live_guest_options {
	const char *socket;  /* the session's socket */
	const char *name;    /* --as (a label: protocol.h) */
	const char *team;    /* --team, or NULL */
	bool observer;       /* --read-only */
} cjm_live_guest_options;

/* Connects and says hello. NULL with *WHY (malloc'd, translated) when the first
 * connection fails (nobody listens there, permission denied) or the options are
 * not valid labels; later drops are retried instead. */
cjm_live_guest *cjm_live_guest_new(const cjm_live_guest_options *options, char **why);
/* Says bye, closes the connection. NULL does nothing. */
void cjm_live_guest_free(cjm_live_guest *guest);

/* The descriptor to poll and the events wanted; false while not connected. */
bool cjm_live_guest_pollfd(const cjm_live_guest *guest, struct pollfd *fd);
/* Reads and writes as FD (after poll) says, without blocking. */
void cjm_live_guest_serve(cjm_live_guest *guest, const struct pollfd *fd);
/* Connects again when the connection is down and the last try was a second or more
 * before NOW_MS (monotonic milliseconds). */
void cjm_live_guest_tick(cjm_live_guest *guest, long long now_ms);
/* Bumped by every change a participant's screen shows. */
unsigned long cjm_live_guest_generation(const cjm_live_guest *guest);
/* The oldest notice not yet taken (connected again, lost the connection, a note
 * accepted or dropped), malloc'd and translated, or NULL. */
char *cjm_live_guest_take_notice(cjm_live_guest *guest);

typedef enum cjm_live_guest_state {
	CJM_LIVE_GUEST_CONNECTING, /* the connection is down; retrying */
	CJM_LIVE_GUEST_JOINED,     /* welcomed */
	CJM_LIVE_GUEST_ENDED,      /* the facilitator said bye, or refused us: nothing more comes */
} cjm_live_guest_state;
cjm_live_guest_state cjm_live_guest_state_of(const cjm_live_guest *guest);
/* Why the session ended for this participant (for ENDED), translated, or NULL. */
const char *cjm_live_guest_bye_reason(const cjm_live_guest *guest);
const char *cjm_live_guest_session(const cjm_live_guest *guest); /* "" until welcomed */
bool cjm_live_guest_observer(const cjm_live_guest *guest);     /* joined with --read-only */

/* The map of the newest whole revision received and loaded, handed over to the
 * caller (free it), or NULL when there is none newer than the last one taken.
 * A revision that does not load is dropped (and noticed); the last good one stays. */
cjm_map *cjm_live_guest_take_map(cjm_live_guest *guest);
/* The facilitator's selection: ids ("" for none). */
const char *cjm_live_guest_follow_phase(const cjm_live_guest *guest);
const char *cjm_live_guest_follow_touchpoint(const cjm_live_guest *guest);

/* The vote as this participant sees it. */
typedef struct cjm_live_guest_vote {
	bool open;            /* a vote is open */
	bool revealed;        /* its reveal came (open is then false) */
	uint32_t id;
	const char *touchpoint;
	bool answered;        /* this participant answered it (after a reconnect too) */
	bool skipped;
	int score;
	const cjm_proto_msg *reveal; /* the vote-reveal message when revealed, else NULL */
} cjm_live_guest_vote;
/* The vote open or last revealed; false when there has been none (since the last end). */
bool cjm_live_guest_vote_of(const cjm_live_guest *guest, cjm_live_guest_vote *vote);
/* The revealed vote's tally (from the reveal's counts, teams included) into *RESULT,
 * as the facilitator's screen has it; false when no reveal is shown. */
bool cjm_live_guest_reveal_result(const cjm_live_guest *guest, cjm_vote_result *result);
/* Answers the open vote: SCORE -3..3, or SKIP. False when no vote is open. */
bool cjm_live_guest_answer(cjm_live_guest *guest, bool skip, int score);
/* Proposes a note (KIND a cjm_proto_note_kind) on the touchpoint TOUCHPOINT. False
 * with *WHY (translated, static) when TEXT is not a valid note (too long, empty). */
bool cjm_live_guest_propose(cjm_live_guest *guest, const char *touchpoint, int kind, const char *text,
			    const char **why);
/* Notes proposed and not yet accepted or dropped. */
size_t cjm_live_guest_pending(const cjm_live_guest *guest);

#endif
