/* The live session's wire format: bounded, validated messages between the facilitator's cjm and its participants, as bytes in and bytes out. */
#ifndef CJM_LIVE_PROTOCOL_H
#define CJM_LIVE_PROTOCOL_H

/*
 * THE WIRE FORMAT (protocol version 1)
 *
 * A connection carries a stream of frames in both directions. A frame is a
 * 10-byte header and a payload:
 *
 *     offset  size  field
 *     0       4     magic: the bytes "CJML" (0x43 0x4A 0x4D 0x4C)
 *     4       1     protocol version: 1
 *     5       1     message type (below)
 *     6       4     payload length, unsigned big-endian, at most 65536
 *     10      N     payload: the message's fields, in order, nothing after them
 *
 * Every frame carries the version, so a reader refuses a peer speaking another
 * version at its first frame; hello is always the first frame a client sends,
 * so the header of the hello is the version the client speaks.
 *
 * Fields, all of fixed width or length-prefixed; integers are big-endian:
 *
 *     u8, u16, u32   unsigned integers of 1, 2 and 4 bytes
 *     s8             a signed byte (two's complement)
 *     str            a u16 byte count and that many bytes of UTF-8 (no NUL
 *                    terminator); each field has its own limits:
 *       label        1..64 bytes (team: 0..64; bye reason: 0..256); no
 *                    character a terminal acts on or that reorders text (C0
 *                    and C1 controls, tab and line feed among them, DEL,
 *                    U+2028, U+2029, bidirectional controls, U+FEFF,
 *                    U+FFFE, U+FFFF)
 *       id           1..128 bytes, a map id: [a-z0-9][a-z0-9-]* (follow's
 *                    may be empty: nothing selected)
 *       text         1..2000 bytes; what a map's text may hold (cjm-map(5),
 *                    CHARACTERS): tab and line feed, no other control
 *     bytes          a u16 byte count and that many bytes, unchecked
 *
 * A number named "id" below (vote, participant, note) is never 0.
 *
 *     type  name         sent by      fields
 *     1     hello        client       u8 role (1 participant, 2 observer),
 *                                     label name, label team (0..64)
 *     2     welcome      facilitator  label session, u32 participant id
 *     3     follow       facilitator  id phase (0..128), id touchpoint (0..128)
 *     4     vote-open    facilitator  u32 vote id, id touchpoint
 *     5     vote-answer  participant, u32 vote id, s8 score: -3..3, or 127
 *                        facilitator  for a skip (from the facilitator: the
 *                                     answer it holds from this participant,
 *                                     after the answer and on a reconnect)
 *     6     vote-reveal  facilitator  u32 vote id, id touchpoint, counts,
 *                                     u8 team count (0..64), and per team:
 *                                     label team (0..64, distinct), counts
 *     7     note-propose participant  u32 note id (the participant's own),
 *                                     id touchpoint, u8 kind (1 pain, 2 idea,
 *                                     3 quote), text
 *     8     note-result  facilitator  u32 note id, u8 outcome (1 accepted,
 *                                     2 dropped)
 *     9     map-chunk    facilitator  u32 revision, u32 total size (at most
 *                                     256 MiB), u32 offset, bytes data
 *                                     (at most 60000)
 *     10    bye          either       label reason (0..256)
 *     11    map-splice   facilitator  u32 revision, u32 base revision, u32
 *                                     total size (at most 256 MiB), u32
 *                                     offset, u32 removed, bytes data (at
 *                                     most 60000)
 *     12    vote-end     facilitator  u32 vote id: the vote is over (its
 *                                     value taken, or stopped)
 *
 *     counts       eight u16: how many scored -3, -2, -1, 0, +1, +2, +3,
 *                  and how many skipped
 *
 * In a vote-reveal every voter counts in exactly one team (the participants
 * without a team under the empty team name), so when there are teams, their
 * counts add up to the whole room's, score by score.
 *
 * The map: the state a participant draws is the map's canonical YAML (as
 * `cjm fmt` writes it), which can be far over a frame (a map of 100,000
 * touchpoints is some 40 MB). The facilitator sends it as map-chunk frames of
 * one revision, at increasing offsets from 0 without gaps, each chunk ending
 * at or before the total size; the participant joins them and loads the whole
 * with the map loader, which validates it as it validates a file. A chunk may
 * end inside a UTF-8 character, so chunks are not checked as text; the
 * codec checks that offset + size does not pass the total. An empty map text
 * is one chunk of 0 bytes at offset 0 of total 0.
 *
 * A small change (an emotion, a name) goes as one map-splice instead, to a
 * participant that has the whole of the revision before it: in the base
 * revision's text, REMOVED bytes from OFFSET are replaced by DATA, which gives
 * the new revision's text of TOTAL bytes. A participant that does not hold
 * the base revision, or whose result is not TOTAL bytes, drops the splice
 * and reconnects, which sends it the whole map.
 *
 * Who may send what (cjm_proto_may_send): a client before its hello only
 * hello or bye; a participant vote-answer, note-propose and bye; an observer
 * only bye; the facilitator every other message, vote-answer (a participant's
 * own answer, sent back to it alone) and bye. A reader told its
 * peer's role refuses any other message as malformed.
 *
 * A malformed frame (another magic or version, an unknown type, a length over
 * the limit, a field cut short or missing, bytes after the last field, a
 * string over its limit or not UTF-8 or holding a character its field may not
 * hold, a number out of its range, a message the peer's role may not send)
 * stops the reader: it reports the reason and the byte offset in the stream
 * where the fault was found, and reads nothing more. The connection is then
 * closed; nothing else is affected. A length over the limit is refused from
 * the header alone, before anything of that size is buffered.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

#define CJM_PROTO_VERSION 1
#define CJM_PROTO_MAGIC "CJML"
#define CJM_PROTO_HEADER_SIZE 10
#define CJM_PROTO_MAX_PAYLOAD 65536u
#define CJM_PROTO_MAX_LABEL 64
#define CJM_PROTO_MAX_REASON 256
#define CJM_PROTO_MAX_ID 128
#define CJM_PROTO_MAX_TEXT 2000
#define CJM_PROTO_MAX_TEAMS 64
#define CJM_PROTO_MAX_CHUNK 60000u
#define CJM_PROTO_MAX_MAP (256u * 1024 * 1024)
/* The score byte of a vote-answer that skips. */
#define CJM_PROTO_SKIP 127

typedef enum cjm_proto_type {
	CJM_PROTO_HELLO = 1,
	CJM_PROTO_WELCOME,
	CJM_PROTO_FOLLOW,
	CJM_PROTO_VOTE_OPEN,
	CJM_PROTO_VOTE_ANSWER,
	CJM_PROTO_VOTE_REVEAL,
	CJM_PROTO_NOTE_PROPOSE,
	CJM_PROTO_NOTE_RESULT,
	CJM_PROTO_MAP_CHUNK,
	CJM_PROTO_BYE,
	CJM_PROTO_MAP_SPLICE,
	CJM_PROTO_VOTE_END,
} cjm_proto_type;
#define CJM_PROTO_TYPE_MAX CJM_PROTO_VOTE_END

/* The role a client asks for in its hello. */
typedef enum cjm_proto_role {
	CJM_PROTO_ROLE_PARTICIPANT = 1,
	CJM_PROTO_ROLE_OBSERVER = 2,
} cjm_proto_role;

/* Who is at the other end of a connection, for what it may send. */
typedef enum cjm_proto_peer {
	CJM_PROTO_PEER_NEW_CLIENT,  /* a client that has not sent its hello */
	CJM_PROTO_PEER_PARTICIPANT,
	CJM_PROTO_PEER_OBSERVER,
	CJM_PROTO_PEER_FACILITATOR, /* the server: a client's reader reads from it */
} cjm_proto_peer;

typedef enum cjm_proto_note_kind {
	CJM_PROTO_NOTE_PAIN = 1,
	CJM_PROTO_NOTE_IDEA = 2,
	CJM_PROTO_NOTE_QUOTE = 3,
} cjm_proto_note_kind;

typedef enum cjm_proto_outcome {
	CJM_PROTO_ACCEPTED = 1,
	CJM_PROTO_DROPPED = 2,
} cjm_proto_outcome;

/* How many voters gave each score (score[0] is -3, score[6] is +3) and how many skipped. */
typedef struct cjm_proto_counts {
	uint16_t score[7];
	uint16_t skipped;
} cjm_proto_counts;

typedef struct cjm_proto_team_counts {
	char *team; /* "" for the voters without a team */
	cjm_proto_counts counts;
} cjm_proto_team_counts;

/*
 * One message. Strings are NUL-terminated UTF-8 (never NULL in a decoded
 * message; NULL reads as "" when encoding). A decoded message owns its strings
 * and arrays (cjm_proto_msg_free); one built to encode may borrow them.
 */
typedef struct cjm_proto_msg {
	cjm_proto_type type;
	union {
		struct {
			cjm_proto_role role;
			char *name;
			char *team;
		} hello;
		struct {
			char *session;
			uint32_t participant;
		} welcome;
		struct {
			char *phase;      /* "" when no phase is selected */
			char *touchpoint; /* "" when no touchpoint is selected */
		} follow;
		struct {
			uint32_t vote;
			char *touchpoint;
		} vote_open;
		struct {
			uint32_t vote;
			bool skip;
			int score; /* -3..3 unless skip */
		} vote_answer;
		struct {
			uint32_t vote;
			char *touchpoint;
			cjm_proto_counts all;
			size_t team_count;
			cjm_proto_team_counts *teams;
		} vote_reveal;
		struct {
			uint32_t note;
			char *touchpoint;
			cjm_proto_note_kind kind;
			char *text;
		} note_propose;
		struct {
			uint32_t note;
			cjm_proto_outcome outcome;
		} note_result;
		struct {
			uint32_t revision;
			uint32_t total;
			uint32_t offset;
			size_t len;
			char *data; /* LEN bytes (NUL-terminated past them when decoded) */
		} map_chunk;
		struct {
			char *reason;
		} bye;
		struct {
			uint32_t revision;
			uint32_t base;
			uint32_t total;
			uint32_t offset;
			uint32_t removed;
			size_t len;
			char *data; /* LEN bytes (NUL-terminated past them when decoded) */
		} map_splice;
		struct {
			uint32_t vote;
		} vote_end;
	};
} cjm_proto_msg;

/* The message type's name as the wire format's table writes it ("vote-open"), or NULL when TYPE is none. */
const char *cjm_proto_type_name(unsigned type);
/* True when PEER may send a message of TYPE (the table above). */
bool cjm_proto_may_send(cjm_proto_peer peer, cjm_proto_type type);

/* Frees a decoded message and everything it owns; NULL does nothing. */
void cjm_proto_msg_free(cjm_proto_msg *msg);
/* True when A and B are the same message, field by field. */
bool cjm_proto_msg_equal(const cjm_proto_msg *a, const cjm_proto_msg *b);

/*
 * Appends MSG as one frame to OUT and returns true; or, when MSG is not a valid
 * message (a field a reader would refuse), appends nothing, stores the reason
 * (translated, malloc'd) in *WHY when WHY is not NULL, and returns false. The
 * encoder checks what the decoder checks, but not the role table.
 */
bool cjm_proto_encode(strbuf *out, const cjm_proto_msg *msg, char **why);

/* An incremental reader of one connection's incoming byte stream. */
typedef struct cjm_proto_reader cjm_proto_reader;

typedef enum cjm_proto_status {
	CJM_PROTO_MESSAGE,   /* a whole message was read */
	CJM_PROTO_NEED_MORE, /* the bytes fed so far end inside a frame (or between frames) */
	CJM_PROTO_ERROR,     /* a malformed frame: the connection must be closed */
} cjm_proto_status;

/* A reader for bytes sent by PEER. */
cjm_proto_reader *cjm_proto_reader_new(cjm_proto_peer peer);
void cjm_proto_reader_free(cjm_proto_reader *reader);
/* From the next message on, the bytes come from PEER (after a hello was accepted). */
void cjm_proto_reader_set_peer(cjm_proto_reader *reader, cjm_proto_peer peer);
/*
 * Adds LEN bytes as they came from the connection. Call cjm_proto_reader_next
 * until it stops giving messages before feeding more: the reader then holds at
 * most one frame's bytes plus one feed. After an error, bytes fed are dropped.
 */
void cjm_proto_reader_feed(cjm_proto_reader *reader, const void *bytes, size_t len);
/*
 * The next whole message: CJM_PROTO_MESSAGE with *MSG a new message (free it
 * with cjm_proto_msg_free); CJM_PROTO_NEED_MORE with *MSG NULL when the frame
 * is not all there yet; CJM_PROTO_ERROR with *MSG NULL when a frame is
 * malformed, then and every time after.
 */
cjm_proto_status cjm_proto_reader_next(cjm_proto_reader *reader, cjm_proto_msg **msg);
/* Why the reader stopped (translated), or NULL while it has not. */
const char *cjm_proto_reader_error(const cjm_proto_reader *reader);
/* The stream offset of the byte where the reader found the fault (after an
 * error), or of the first byte not yet read as a whole message. */
uint64_t cjm_proto_reader_offset(const cjm_proto_reader *reader);

#endif
