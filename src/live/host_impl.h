/* The host's insides, shared by its files (host.c: sockets and messages; host_state.c: the state the recovery file keeps). */
#ifndef CJM_LIVE_HOST_IMPL_H
#define CJM_LIVE_HOST_IMPL_H

#include "live/host.h"
#include "live/protocol.h"

/* One connection, from accept to close. */
typedef struct live_conn {
	int fd;
	uid_t uid;
	cjm_proto_reader *reader;
	size_t participant; /* index in the host's participants + 1; 0 before the hello */
	strbuf out;         /* whole frames not yet written, from out_pos on */
	size_t out_pos;
	bool map_pending;   /* the current map revision is still to be sent from map_offset */
	size_t map_offset;
	bool closing;       /* said bye: closed once OUT is written */
	bool dead;          /* to be closed (it failed, or stopped reading) */
} live_conn;

struct cjm_live_host {
	char *session, *dir, *socket;
	int listen_fd;
	gid_t gid;       /* the group folder's group, or (gid_t)-1 */
	uid_t self;      /* the facilitator's uid */
	uid_t *allow;    /* --allow users' uids */
	size_t allow_count;
	bool keep_names;
	unsigned long generation;

	live_conn **conns;
	size_t conn_count, conn_cap;

	cjm_live_participant *participants; /* id i + 1 at [i] */
	live_conn **participant_conns;      /* [i]: its connection while connected */
	size_t participant_count, participant_cap, participant_conn_cap;

	char **notices;
	size_t notice_count, notice_cap;

	char *map;       /* the current revision's text */
	size_t map_len;
	uint32_t map_revision;
	char *follow_phase, *follow_touchpoint;

	cjm_vote *vote;  /* open or revealed, or NULL */
	uint32_t vote_id, next_vote_id;
	char *vote_touchpoint;
	bool vote_revealed;

	cjm_live_note *inbox;
	size_t inbox_count, inbox_cap;
};

/* Adds a participant (uid, name, team; the id is its place) and returns its index. */
size_t live_host_add_participant(cjm_live_host *host, uid_t uid, const char *name, const char *team, bool observer);
/* Frees a note's strings. */
void live_note_release(cjm_live_note *note);

#endif
