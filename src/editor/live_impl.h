/* The editor's live session inside: its state, shared by live.c (both roles), live_host.c (the facilitator) and live_join.c (a participant). */
#ifndef CJM_EDITOR_LIVE_IMPL_H
#define CJM_EDITOR_LIVE_IMPL_H

#include "editor/live.h"
#include "live/guest.h"
#include "live/host.h"

/* How long after a change the map is sent to the room even while keys keep coming;
 * when the facilitator pauses it is sent at once. */
#define LIVE_PUBLISH_AFTER_MS 250
/* How long after - or + a digit makes a signed answer, as on the map. */
#define LIVE_SIGN_MS CJM_SIGN_PREFIX_MS

typedef struct cjm_editor_live {
	cjm_live_host *host;   /* hosting: owned */
	cjm_live_guest *guest; /* joined: owned */
	cjm_live_panel panel;
	size_t inbox_at;
	unsigned long generation;
	unsigned long seen_host, seen_guest; /* the session generations last looked at */
	/* hosting: the map last sent, and since when it differs */
	unsigned long published;
	bool published_once;
	long long changed_at;
	/* hosting: a vote in turn over a phase (:vote phase): the touchpoints still to come */
	char **queue;
	size_t queue_count, queue_next;
	bool recorded; /* the revealed vote's record is in the map */
	/* joined */
	bool following;
	bool had_map;          /* the facilitator's map has come */
	uint32_t shown_reveal; /* the vote whose reveal opened the panel */
	uint32_t seen_vote;    /* the vote last said to be open */
	int sign;              /* -1 or +1 while a digit may follow - or + */
	long long sign_until;
	int note_kind;         /* what n is proposing (CJM_PROTO_NOTE_*) */
	char *note_touchpoint; /* on which touchpoint */
} cjm_editor_live;

/* Monotonic milliseconds, for the sign prefix and the map's sending. */
long long editor_live_now_ms(void);
/* The touchpoint with id ID as a reference, or false when the map has none. */
bool editor_live_touchpoint_ref(const cjm_editor *ed, const char *id, cjm_ref *ref);
/* The name of the touchpoint with id ID, or the id itself when it is gone. */
const char *editor_live_touchpoint_name(const cjm_editor *ed, const char *id);
/* Selects the phase PHASE_ID and touchpoint TP_ID when the map has them. */
void editor_live_select(cjm_editor *ed, const char *phase_id, const char *tp_id);
/* The ids of the selection: its phase's and its touchpoint's ("" for none). */
void editor_live_selection_ids(const cjm_editor *ed, const char **phase_id, const char **tp_id);
/* "pain", "idea" or "quote" (translated) for a note's kind. */
const char *editor_live_note_kind_word(int kind);

/* live_host.c: the vote queue's end, one round of the host, its status line part. */
void editor_live_queue_clear(cjm_editor_live *l);
void editor_live_pump_host(cjm_editor *ed, cjm_editor_live *l, long long now_ms, bool idle);
void editor_live_host_status(const cjm_editor *ed, strbuf *out);
/* live_join.c: one round of the guest, its status line part. */
void editor_live_pump_guest(cjm_editor *ed, cjm_editor_live *l);
void editor_live_join_status(const cjm_editor *ed, strbuf *out);

#endif
