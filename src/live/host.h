/* The facilitator's side of a live session: the listening socket, who may connect, the participants, the open vote and the inbox of notes. */
#ifndef CJM_LIVE_HOST_H
#define CJM_LIVE_HOST_H

/*
 * One host per `cjm host`. It never blocks: the editor's loop polls the
 * descriptors cjm_live_host_pollfds gives (the listening socket and every
 * connection) together with the terminal, and calls cjm_live_host_serve with
 * what poll said. Everything a participant asks for (a vote answer, a note) is
 * checked here; the map itself is only ever changed by the editor, through the
 * edit layer, when the facilitator accepts something.
 *
 * Access: a connection is accepted only when the peer's uid (SO_PEERCRED) is
 * the facilitator's own, one of the allowed users, or (with a group folder) a
 * member of that group; anyone else is closed at once and noticed ("refused a
 * connection from uid 1002 (bob): not allowed"). A malformed frame closes that
 * connection alone. Each connection's queue of unsent bytes is bounded
 * (CJM_LIVE_QUEUE_MAX plus one map chunk): a participant that stops reading is
 * dropped, never waited for.
 *
 * Participants are known by uid and name: one who reconnects (same uid, same
 * --as name) is the same participant, with the same number, and is sent the
 * state again: the map, the selection, the open vote and its own answer to it.
 */

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "live/place.h"
#include "analysis/vote.h"
#include "util/strbuf.h"

/* Unsent bytes a connection may hold besides the map chunk being sent. */
#define CJM_LIVE_QUEUE_MAX (1024u * 1024u)
/* The most connections at once (beyond it, new ones are closed with a bye). */
#define CJM_LIVE_CONNECTIONS_MAX 256
/* The most notes the inbox holds; beyond it a note is dropped and its author told. */
#define CJM_LIVE_INBOX_MAX 500

typedef struct cjm_live_host cjm_live_host;

typedef struct cjm_live_host_options {
	const char *session;     /* the session's name (cjm_live_session_name_ok) */
	cjm_live_place place;    /* where its socket goes */
	const char *const *allow; /* user names that may join besides the facilitator; NULL-ended, or NULL */
	bool keep_names;         /* --names: votes keep who answered what */
} cjm_live_host_options;

/* Prepares the folder, removes a stale socket of the same name (one nobody listens
 * on: a crashed earlier host), and listens. NULL with *WHY (malloc'd, translated)
 * when it cannot: another host listens under that name, the folder is refused, an
 * allowed user does not exist... */
cjm_live_host *cjm_live_host_new(const cjm_live_host_options *options, char **why);
/* Says bye to every connection ("the session has ended"), closes them and the
 * listening socket, and removes the socket file. NULL does nothing. */
void cjm_live_host_free(cjm_live_host *host);
/* Makes cjm_live_host_free close without a bye: the facilitator's cjm was told to stop
 * (SIGHUP, SIGTERM) and the session goes on when it starts again, so the participants
 * keep trying to reconnect. */
void cjm_live_host_hang_up(cjm_live_host *host);
const char *cjm_live_host_session(const cjm_live_host *host);
const char *cjm_live_host_socket(const cjm_live_host *host);

/* Fills FDS (room for CAP) with the descriptors to poll and the events wanted;
 * returns how many. CAP of CJM_LIVE_CONNECTIONS_MAX + 1 is always enough. */
size_t cjm_live_host_pollfds(const cjm_live_host *host, struct pollfd *fds, size_t cap);
/* Accepts, reads and writes as FDS (as filled by cjm_live_host_pollfds, after poll)
 * say, without blocking. Messages read are acted on at once (answers counted, notes
 * put in the inbox). */
void cjm_live_host_serve(cjm_live_host *host, const struct pollfd *fds, size_t count);
/* Bumped by every change the facilitator's screen or the recovery file shows
 * (someone joined or left, an answer, a note, a vote opened or revealed). */
unsigned long cjm_live_host_generation(const cjm_live_host *host);
/* The oldest notice not yet taken (who joined or left, a refused connection, a
 * connection closed for a malformed message), malloc'd and translated, or NULL. */
char *cjm_live_host_take_notice(cjm_live_host *host);

/* The map as participants draw it: its canonical YAML (cjm fmt's), TEXT of LEN
 * bytes, copied. A new revision when it differs from the last; every connection
 * is then sent it (in map-chunk frames, after whatever it is being sent). */
void cjm_live_host_publish(cjm_live_host *host, const char *text, size_t len);
/* The facilitator's selection: the ids of its phase and touchpoint ("" or NULL for
 * none); sent to everyone when it changed. */
void cjm_live_host_follow(cjm_live_host *host, const char *phase, const char *touchpoint);

/* One participant as the host knows it. */
typedef struct cjm_live_participant {
	uint32_t id;      /* the session's number for it, never 0 */
	uid_t uid;
	char *name;       /* --as, or the login name */
	char *team;       /* --team, or NULL */
	bool observer;    /* --read-only: watches, never votes */
	bool connected;   /* now (a participant who left stays known) */
} cjm_live_participant;

/* Every participant known, connected or not, in the order they first joined. */
size_t cjm_live_host_participants(const cjm_live_host *host, const cjm_live_participant **list);
/* How many are connected now: participants and observers. */
size_t cjm_live_host_connected(const cjm_live_host *host, size_t *observers);

/* Opens a blind vote on the touchpoint with id TOUCHPOINT, replacing any vote there
 * is (a re-vote); everyone connected is sent it. Returns the vote's number. */
uint32_t cjm_live_host_vote_open(cjm_live_host *host, const char *touchpoint);
/* The vote open or revealed, or NULL when there is none. *TOUCHPOINT (may be NULL)
 * gets its touchpoint's id, *REVEALED whether it is revealed. */
const cjm_vote *cjm_live_host_vote(const cjm_live_host *host, const char **touchpoint, bool *revealed);
/* Who the open vote waits for: the participants connected (not the observers), and
 * those who answered and have left since. */
size_t cjm_live_host_vote_voters(const cjm_live_host *host);
/* Closes the vote and sends every connection its reveal (the counts, per team).
 * False when there is no open vote. */
bool cjm_live_host_vote_reveal(cjm_live_host *host);
/* Forgets the vote (after the facilitator took a value, or closed the reveal). */
void cjm_live_host_vote_end(cjm_live_host *host);

/* A note a participant proposed, waiting in the inbox. */
typedef struct cjm_live_note {
	uint32_t participant; /* who proposed it */
	uint32_t id;          /* the participant's own number for it */
	char *touchpoint;     /* the id it is about */
	int kind;             /* CJM_PROTO_NOTE_PAIN, _IDEA or _QUOTE */
	char *text;
	char *name, *team;    /* the author's (team NULL: none); name NULL unless names are kept */
} cjm_live_note;

/* The notes waiting, oldest first. */
size_t cjm_live_host_inbox(const cjm_live_host *host, const cjm_live_note **notes);
/* Takes the inbox's note AT out and tells its author (if connected) ACCEPTED or not. */
void cjm_live_host_note_done(cjm_live_host *host, size_t at, bool accepted);

/* For tests: the uid the host takes for the facilitator's own (the one always let in),
 * so that a connection from this very process can be refused. */
void cjm_live_host_test_self(cjm_live_host *host, uid_t self);

/* The session's state the recovery file keeps (the participants known, the vote open
 * or revealed with its answers, the inbox), appended to OUT as text that
 * cjm_live_host_restore reads back. */
void cjm_live_host_state_write(const cjm_live_host *host, strbuf *out);
/* Takes back a state cjm_live_host_state_write wrote, after a crash, before anyone
 * has connected. False with *WHY (malloc'd) when TEXT is not such a state. */
bool cjm_live_host_restore(cjm_live_host *host, const char *text, size_t len, char **why);

#endif
