/* The host's insides, shared by its files (host.c: sockets and messages; host_vote.c: the vote and the inbox; host_map.c: the map's frames; host_state.c: the state the recovery file keeps). */
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
	bool map_pending;   /* frames of the current map revision are still to be started */
	size_t map_frame;   /* the next frame to start */
	size_t map_at, map_end; /* the frame being written: host->frames[map_at..map_end) */
	uint32_t map_revision;  /* the revision whose last frame or splice is queued (0: none) */
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
	bool hung_up;    /* closing without a bye (cjm_live_host_hang_up) */
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
	strbuf frames;   /* its map-chunk frames, built once for every connection */
	size_t *frame_ends; /* where each frame ends in FRAMES */
	size_t frame_count, frame_cap;
	uint32_t frames_revision; /* the revision FRAMES holds (0: none) */
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
/* host.c, for the vote and the inbox: a notice for the status line; the participant
 * CONN speaks for (NULL before its hello); MSG queued on CONN; MSG, encoded once, on
 * every participant's connection; closing the connections marked dead. */
__attribute__((format(printf, 2, 3))) void live_host_notice(cjm_live_host *host, const char *fmt, ...);
cjm_live_participant *live_conn_participant(const cjm_live_host *host, const live_conn *conn);
void live_conn_send(cjm_live_host *host, live_conn *conn, const cjm_proto_msg *msg);
void live_conn_queue(cjm_live_host *host, live_conn *conn, const strbuf *frames);
void live_host_broadcast(cjm_live_host *host, const cjm_proto_msg *msg);
void live_host_sweep(cjm_live_host *host);

/* host_vote.c, for the connections: participant PID's own answer sent to CONN; the
 * reveal's message (its teams malloc'd); an answer and a note from a participant. */
void live_host_send_own_answer(cjm_live_host *host, live_conn *conn, size_t pid);
void live_host_reveal_message(const cjm_live_host *host, cjm_proto_msg *msg);
void live_host_on_answer(cjm_live_host *host, live_conn *conn, const cjm_proto_msg *msg);
void live_host_on_note(cjm_live_host *host, live_conn *conn, const cjm_proto_msg *msg);

/* Starts CONN's next map frame (host_map.c); the last one clears map_pending. */
void live_conn_map_next(cjm_live_host *host, live_conn *conn);
/* Makes CONN send the current revision from its start, after the rest of any frame it is writing. */
void live_conn_map_restart(cjm_live_host *host, live_conn *conn);
/* Frees the published map and its frames. */
void live_host_map_free(cjm_live_host *host);
/* Frees a note's strings. */
void live_note_release(cjm_live_note *note);

#endif
