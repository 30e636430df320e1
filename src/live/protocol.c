/* Encoding and incremental, validating decoding of the live session's frames (the format is in protocol.h). */
#include "live/protocol.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/map.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/visible.h"
#include "util/xalloc.h"

static const char *const type_names[CJM_PROTO_TYPE_MAX + 1] = {
	[CJM_PROTO_HELLO] = "hello",
	[CJM_PROTO_WELCOME] = "welcome",
	[CJM_PROTO_FOLLOW] = "follow",
	[CJM_PROTO_VOTE_OPEN] = "vote-open",
	[CJM_PROTO_VOTE_ANSWER] = "vote-answer",
	[CJM_PROTO_VOTE_REVEAL] = "vote-reveal",
	[CJM_PROTO_NOTE_PROPOSE] = "note-propose",
	[CJM_PROTO_NOTE_RESULT] = "note-result",
	[CJM_PROTO_MAP_CHUNK] = "map-chunk",
	[CJM_PROTO_BYE] = "bye",
	[CJM_PROTO_MAP_SPLICE] = "map-splice",
	[CJM_PROTO_VOTE_END] = "vote-end",
};

/* Per peer, a bit per message type it may send: the server closes a connection that sends another. */
#define BIT(type) (1u << (type))
static const unsigned may_send[] = {
	[CJM_PROTO_PEER_NEW_CLIENT] = BIT(CJM_PROTO_HELLO) | BIT(CJM_PROTO_BYE),
	[CJM_PROTO_PEER_PARTICIPANT] = BIT(CJM_PROTO_VOTE_ANSWER) | BIT(CJM_PROTO_NOTE_PROPOSE) | BIT(CJM_PROTO_BYE),
	[CJM_PROTO_PEER_OBSERVER] = BIT(CJM_PROTO_BYE),
	/* vote-answer: a participant's own answer sent back to it (shown after a reconnect) */
	[CJM_PROTO_PEER_FACILITATOR] = BIT(CJM_PROTO_WELCOME) | BIT(CJM_PROTO_FOLLOW) | BIT(CJM_PROTO_VOTE_OPEN) |
				       BIT(CJM_PROTO_VOTE_ANSWER) | BIT(CJM_PROTO_VOTE_REVEAL) | BIT(CJM_PROTO_NOTE_RESULT) |
				       BIT(CJM_PROTO_MAP_CHUNK) | BIT(CJM_PROTO_MAP_SPLICE) | BIT(CJM_PROTO_VOTE_END) |
				       BIT(CJM_PROTO_BYE),
};

const char *cjm_proto_type_name(unsigned type)
{
	return type >= 1 && type <= CJM_PROTO_TYPE_MAX ? type_names[type] : NULL;
}

bool cjm_proto_may_send(cjm_proto_peer peer, cjm_proto_type type)
{
	if ((unsigned)peer >= sizeof may_send / sizeof may_send[0] || !cjm_proto_type_name(type))
		return false;
	return (may_send[peer] & BIT(type)) != 0;
}

/* Who PEER is, as the subject of "... may not send". */
static const char *peer_description(cjm_proto_peer peer)
{
	switch (peer) {
	case CJM_PROTO_PEER_NEW_CLIENT:
		return _("a client that has not said hello");
	case CJM_PROTO_PEER_PARTICIPANT:
		return _("a participant");
	case CJM_PROTO_PEER_OBSERVER:
		return _("an observer");
	case CJM_PROTO_PEER_FACILITATOR:
		return _("the facilitator");
	}
	return "?";
}

/* ---- Decoding one payload ---- */

/* The payload being read, and where a fault is reported. */
typedef struct cursor {
	const unsigned char *data;
	size_t len, pos;
	uint64_t base;    /* the stream offset of data[0] */
	const char *what; /* the message's type name */
	char *error;      /* malloc'd, once a field is refused */
	uint64_t error_at;
} cursor;

__attribute__((format(printf, 3, 4))) static bool refuse(cursor *c, size_t at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char text[512]; /* the longest reason names a 64-byte team */
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	free(c->error);
	c->error = xstrdup(text);
	c->error_at = c->base + at;
	return false;
}

/* Makes sure SIZE bytes of field FIELD are there. */
static bool need(cursor *c, size_t size, const char *field)
{
	if (c->len - c->pos >= size)
		return true;
	if (c->pos == c->len)
		/* TRANSLATORS: the first %s is a message type (vote-open), the second a field (touchpoint); both stay in English. */
		return refuse(c, c->pos, _("the %s message ends before its %s field"), c->what, field);
	/* TRANSLATORS: the first %s is a message type (vote-open), the second a field (touchpoint); both stay in English. */
	return refuse(c, c->pos, _("the %s message ends inside its %s field"), c->what, field);
}

static bool take_u8(cursor *c, const char *field, unsigned *value)
{
	if (!need(c, 1, field))
		return false;
	*value = c->data[c->pos++];
	return true;
}

static bool take_u16(cursor *c, const char *field, unsigned *value)
{
	if (!need(c, 2, field))
		return false;
	*value = (unsigned)c->data[c->pos] << 8 | c->data[c->pos + 1];
	c->pos += 2;
	return true;
}

static bool take_u32(cursor *c, const char *field, uint32_t *value)
{
	if (!need(c, 4, field))
		return false;
	const unsigned char *p = c->data + c->pos;
	*value = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	c->pos += 4;
	return true;
}

/* An unsigned integer field in MIN..MAX. */
static bool take_ranged(cursor *c, const char *field, unsigned width, uint32_t min, uint32_t max, uint32_t *value)
{
	size_t at = c->pos;
	unsigned small = 0;
	bool ok = width == 1 ? take_u8(c, field, &small) : width == 2 ? take_u16(c, field, &small)
								       : take_u32(c, field, value);
	if (!ok)
		return false;
	if (width != 4)
		*value = small;
	if (*value < min || *value > max)
		/* TRANSLATORS: %s: a field (vote) and a message type (vote-open), in English; then the value and the range. */
		return refuse(c, at, _("the %s field of a %s message holds %lu, outside %lu..%lu"), field,
			      c->what, (unsigned long)*value, (unsigned long)min, (unsigned long)max);
	return true;
}

/* An id number (vote, participant, note): never 0. */
static bool take_id_number(cursor *c, const char *field, uint32_t *value)
{
	return take_ranged(c, field, 4, 1, UINT32_MAX, value);
}

typedef enum string_kind {
	STRING_LABEL, /* a name: nothing a terminal acts on */
	STRING_ID,    /* a map id */
	STRING_TEXT,  /* what a map's text may hold */
} string_kind;

/* A length-prefixed string field of MIN..MAX bytes, checked as KIND; *VALUE malloc'd and NUL-terminated. */
static bool take_string(cursor *c, const char *field, string_kind kind, size_t min, size_t max, char **value)
{
	size_t at = c->pos;
	unsigned len;
	if (!take_u16(c, field, &len))
		return false;
	if (len > max)
		/* TRANSLATORS: %s: a field (name) and a message type (hello), in English; then byte counts. */
		return refuse(c, at, _("the %s field of a %s message is %u bytes, over its limit of %zu"), field,
			      c->what, len, max);
	if (len < min)
		/* TRANSLATORS: %s: a field (name) and a message type (hello), in English. */
		return refuse(c, at, _("the %s field of a %s message is empty"), field, c->what);
	if (c->len - c->pos < len)
		/* TRANSLATORS: the first %s is a message type (hello), the second a field (name); both stay in English. */
		return refuse(c, c->pos, _("the %s message ends inside its %s field"), c->what, field);
	const unsigned char *s = c->data + c->pos;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			/* TRANSLATORS: %s: a field (name) and a message type (hello), in English. */
			return refuse(c, c->pos + i, _("the %s field of a %s message is not valid UTF-8"), field,
				      c->what);
		bool bad = kind == STRING_TEXT ? utf8_forbidden(cp) != NULL
			 : kind == STRING_ID   ? !((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
						   (cp == '-' && i > 0))
					       : visible_escaped(cp);
		if (bad)
			/* TRANSLATORS: %s: a field (name) and a message type (hello), in English; %04X a code point. */
			return refuse(c, c->pos + i, _("the %s field of a %s message holds U+%04X, which it may not hold"),
				      field, c->what, (unsigned)cp);
		i += n;
	}
	*value = xstrndup((const char *)s, len);
	c->pos += len;
	return true;
}

static bool take_counts(cursor *c, const char *field, cjm_proto_counts *counts)
{
	unsigned v;
	for (int i = 0; i < 7; i++) {
		if (!take_u16(c, field, &v))
			return false;
		counts->score[i] = (uint16_t)v;
	}
	if (!take_u16(c, field, &v))
		return false;
	counts->skipped = (uint16_t)v;
	return true;
}

static bool parse_vote_reveal(cursor *c, cjm_proto_msg *m)
{
	uint32_t count;
	if (!take_id_number(c, "vote", &m->vote_reveal.vote) ||
	    !take_string(c, "touchpoint", STRING_ID, 1, CJM_PROTO_MAX_ID, &m->vote_reveal.touchpoint) ||
	    !take_counts(c, "counts", &m->vote_reveal.all))
		return false;
	size_t count_at = c->pos;
	if (!take_ranged(c, "teams", 1, 0, CJM_PROTO_MAX_TEAMS, &count))
		return false;
	m->vote_reveal.teams = xcalloc(count ? count : 1, sizeof *m->vote_reveal.teams);
	uint32_t sum[8] = { 0 }; /* 64 teams of 65535 each cannot wrap it */
	for (uint32_t t = 0; t < count; t++) {
		cjm_proto_team_counts *team = &m->vote_reveal.teams[t];
		size_t at = c->pos;
		if (!take_string(c, "team", STRING_LABEL, 0, CJM_PROTO_MAX_LABEL, &team->team))
			return false;
		m->vote_reveal.team_count = t + 1;
		for (uint32_t u = 0; u < t; u++)
			if (strcmp(m->vote_reveal.teams[u].team, team->team) == 0)
				/* TRANSLATORS: %s is a team's name as its participants wrote it. */
				return refuse(c, at, _("the team \"%s\" is in a vote-reveal message twice"), team->team);
		if (!take_counts(c, "counts", &team->counts))
			return false;
		for (int i = 0; i < 7; i++)
			sum[i] += team->counts.score[i];
		sum[7] += team->counts.skipped;
	}
	bool adds_up = sum[7] == m->vote_reveal.all.skipped;
	for (int i = 0; i < 7; i++)
		adds_up = adds_up && sum[i] == m->vote_reveal.all.score[i];
	if (count > 0 && !adds_up)
		return refuse(c, count_at, _("the teams' counts in a vote-reveal message do not add up to the room's"));
	return true;
}

/* The data field of a map-chunk or a map-splice: a u16 size and that many bytes, any
 * bytes (a piece may end inside a UTF-8 character), into *DATA (malloc'd,
 * NUL-terminated past them). */
static bool take_map_bytes(cursor *c, char **data, size_t *len)
{
	size_t at = c->pos;
	unsigned n;
	if (!take_u16(c, "data", &n))
		return false;
	if (n > CJM_PROTO_MAX_CHUNK)
		return refuse(c, at, _("the %s field of a %s message is %u bytes, over its limit of %zu"), "data", c->what,
			      n, (size_t)CJM_PROTO_MAX_CHUNK);
	if (c->len - c->pos < n)
		return refuse(c, c->pos, _("the %s message ends inside its %s field"), c->what, "data");
	*data = xmalloc((size_t)n + 1);
	if (n > 0)
		memcpy(*data, c->data + c->pos, n);
	(*data)[n] = '\0';
	*len = n;
	c->pos += n;
	return true;
}

static bool parse_fields(cursor *c, cjm_proto_type type, cjm_proto_msg *m)
{
	uint32_t v;
	switch (type) {
	case CJM_PROTO_HELLO:
		if (!take_ranged(c, "role", 1, CJM_PROTO_ROLE_PARTICIPANT, CJM_PROTO_ROLE_OBSERVER, &v))
			return false;
		m->hello.role = (cjm_proto_role)v;
		return take_string(c, "name", STRING_LABEL, 1, CJM_PROTO_MAX_LABEL, &m->hello.name) &&
		       take_string(c, "team", STRING_LABEL, 0, CJM_PROTO_MAX_LABEL, &m->hello.team);
	case CJM_PROTO_WELCOME:
		return take_string(c, "session", STRING_LABEL, 1, CJM_PROTO_MAX_LABEL, &m->welcome.session) &&
		       take_id_number(c, "participant", &m->welcome.participant);
	case CJM_PROTO_FOLLOW:
		return take_string(c, "phase", STRING_ID, 0, CJM_PROTO_MAX_ID, &m->follow.phase) &&
		       take_string(c, "touchpoint", STRING_ID, 0, CJM_PROTO_MAX_ID, &m->follow.touchpoint);
	case CJM_PROTO_VOTE_OPEN:
		return take_id_number(c, "vote", &m->vote_open.vote) &&
		       take_string(c, "touchpoint", STRING_ID, 1, CJM_PROTO_MAX_ID, &m->vote_open.touchpoint);
	case CJM_PROTO_VOTE_ANSWER: {
		if (!take_id_number(c, "vote", &m->vote_answer.vote))
			return false;
		size_t at = c->pos;
		unsigned byte;
		if (!take_u8(c, "score", &byte))
			return false;
		int score = byte < 128 ? (int)byte : (int)byte - 256;
		if (score == CJM_PROTO_SKIP) {
			m->vote_answer.skip = true;
			return true;
		}
		if (score < CJM_EMOTION_MIN || score > CJM_EMOTION_MAX)
			/* TRANSLATORS: %d is the score the participant's cjm sent. */
			return refuse(c, at, _("the score field of a vote-answer message holds %d: a score is -3..3, or 127 for a skip"),
				      score);
		m->vote_answer.score = score;
		return true;
	}
	case CJM_PROTO_VOTE_REVEAL:
		return parse_vote_reveal(c, m);
	case CJM_PROTO_NOTE_PROPOSE:
		if (!take_id_number(c, "note", &m->note_propose.note) ||
		    !take_string(c, "touchpoint", STRING_ID, 1, CJM_PROTO_MAX_ID, &m->note_propose.touchpoint) ||
		    !take_ranged(c, "kind", 1, CJM_PROTO_NOTE_PAIN, CJM_PROTO_NOTE_QUOTE, &v))
			return false;
		m->note_propose.kind = (cjm_proto_note_kind)v;
		return take_string(c, "text", STRING_TEXT, 1, CJM_PROTO_MAX_TEXT, &m->note_propose.text);
	case CJM_PROTO_NOTE_RESULT:
		if (!take_id_number(c, "note", &m->note_result.note) ||
		    !take_ranged(c, "outcome", 1, CJM_PROTO_ACCEPTED, CJM_PROTO_DROPPED, &v))
			return false;
		m->note_result.outcome = (cjm_proto_outcome)v;
		return true;
	case CJM_PROTO_MAP_CHUNK: {
		if (!take_u32(c, "revision", &m->map_chunk.revision) ||
		    !take_ranged(c, "total", 4, 0, CJM_PROTO_MAX_MAP, &m->map_chunk.total) ||
		    !take_u32(c, "offset", &m->map_chunk.offset))
			return false;
		size_t at = c->pos;
		if (!take_map_bytes(c, &m->map_chunk.data, &m->map_chunk.len))
			return false;
		if ((uint64_t)m->map_chunk.offset + m->map_chunk.len > m->map_chunk.total)
			/* TRANSLATORS: offset + size > total, in bytes. */
			return refuse(c, at, _("the data of a map-chunk message passes its total size (%lu + %u > %lu)"),
				      (unsigned long)m->map_chunk.offset, (unsigned)m->map_chunk.len,
				      (unsigned long)m->map_chunk.total);
		if (m->map_chunk.len == 0 && m->map_chunk.total != 0)
			return refuse(c, at, _("the %s field of a %s message is empty"), "data", c->what);
		return true;
	}
	case CJM_PROTO_VOTE_END:
		return take_id_number(c, "vote", &m->vote_end.vote);
	case CJM_PROTO_MAP_SPLICE: {
		if (!take_u32(c, "revision", &m->map_splice.revision) || !take_u32(c, "base", &m->map_splice.base) ||
		    !take_ranged(c, "total", 4, 0, CJM_PROTO_MAX_MAP, &m->map_splice.total) ||
		    !take_ranged(c, "offset", 4, 0, CJM_PROTO_MAX_MAP, &m->map_splice.offset) ||
		    !take_ranged(c, "removed", 4, 0, CJM_PROTO_MAX_MAP, &m->map_splice.removed))
			return false;
		size_t at = c->pos;
		if (!take_map_bytes(c, &m->map_splice.data, &m->map_splice.len))
			return false;
		if ((uint64_t)m->map_splice.offset + m->map_splice.len > m->map_splice.total)
			return refuse(c, at, _("the data of a map-splice message passes its total size (%lu + %u > %lu)"),
				      (unsigned long)m->map_splice.offset, (unsigned)m->map_splice.len,
				      (unsigned long)m->map_splice.total);
		return true;
	}
	case CJM_PROTO_BYE:
		return take_string(c, "reason", STRING_LABEL, 0, CJM_PROTO_MAX_REASON, &m->bye.reason);
	}
	return false;
}

/* The message of TYPE in C's payload, or NULL with C's error set. */
static cjm_proto_msg *parse_payload(cursor *c, cjm_proto_type type)
{
	cjm_proto_msg *m = xcalloc(1, sizeof *m);
	m->type = type;
	c->what = type_names[type];
	if (!parse_fields(c, type, m)) {
		cjm_proto_msg_free(m);
		return NULL;
	}
	if (c->pos != c->len) {
		/* TRANSLATORS: %s is a message type (hello), in English. */
		size_t extra = c->len - c->pos;
		refuse(c, c->pos,
		       P_("the %s message has %zu byte after its last field",
			  "the %s message has %zu bytes after its last field", extra),
		       c->what, extra);
		cjm_proto_msg_free(m);
		return NULL;
	}
	return m;
}

/* ---- Messages ---- */

void cjm_proto_msg_free(cjm_proto_msg *msg)
{
	if (!msg)
		return;
	switch (msg->type) {
	case CJM_PROTO_HELLO:
		free(msg->hello.name);
		free(msg->hello.team);
		break;
	case CJM_PROTO_WELCOME:
		free(msg->welcome.session);
		break;
	case CJM_PROTO_FOLLOW:
		free(msg->follow.phase);
		free(msg->follow.touchpoint);
		break;
	case CJM_PROTO_VOTE_OPEN:
		free(msg->vote_open.touchpoint);
		break;
	case CJM_PROTO_VOTE_ANSWER:
		break;
	case CJM_PROTO_VOTE_REVEAL:
		free(msg->vote_reveal.touchpoint);
		for (size_t i = 0; i < msg->vote_reveal.team_count; i++)
			free(msg->vote_reveal.teams[i].team);
		free(msg->vote_reveal.teams);
		break;
	case CJM_PROTO_NOTE_PROPOSE:
		free(msg->note_propose.touchpoint);
		free(msg->note_propose.text);
		break;
	case CJM_PROTO_NOTE_RESULT:
		break;
	case CJM_PROTO_MAP_CHUNK:
		free(msg->map_chunk.data);
		break;
	case CJM_PROTO_MAP_SPLICE:
		free(msg->map_splice.data);
		break;
	case CJM_PROTO_VOTE_END:
		break;
	case CJM_PROTO_BYE:
		free(msg->bye.reason);
		break;
	}
	free(msg);
}

static bool same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool same_counts(const cjm_proto_counts *a, const cjm_proto_counts *b)
{
	return memcmp(a->score, b->score, sizeof a->score) == 0 && a->skipped == b->skipped;
}

bool cjm_proto_msg_equal(const cjm_proto_msg *a, const cjm_proto_msg *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case CJM_PROTO_HELLO:
		return a->hello.role == b->hello.role && same_text(a->hello.name, b->hello.name) &&
		       same_text(a->hello.team, b->hello.team);
	case CJM_PROTO_WELCOME:
		return same_text(a->welcome.session, b->welcome.session) &&
		       a->welcome.participant == b->welcome.participant;
	case CJM_PROTO_FOLLOW:
		return same_text(a->follow.phase, b->follow.phase) &&
		       same_text(a->follow.touchpoint, b->follow.touchpoint);
	case CJM_PROTO_VOTE_OPEN:
		return a->vote_open.vote == b->vote_open.vote &&
		       same_text(a->vote_open.touchpoint, b->vote_open.touchpoint);
	case CJM_PROTO_VOTE_ANSWER:
		return a->vote_answer.vote == b->vote_answer.vote && a->vote_answer.skip == b->vote_answer.skip &&
		       (a->vote_answer.skip || a->vote_answer.score == b->vote_answer.score);
	case CJM_PROTO_VOTE_REVEAL:
		if (a->vote_reveal.vote != b->vote_reveal.vote ||
		    !same_text(a->vote_reveal.touchpoint, b->vote_reveal.touchpoint) ||
		    !same_counts(&a->vote_reveal.all, &b->vote_reveal.all) ||
		    a->vote_reveal.team_count != b->vote_reveal.team_count)
			return false;
		for (size_t i = 0; i < a->vote_reveal.team_count; i++)
			if (!same_text(a->vote_reveal.teams[i].team, b->vote_reveal.teams[i].team) ||
			    !same_counts(&a->vote_reveal.teams[i].counts, &b->vote_reveal.teams[i].counts))
				return false;
		return true;
	case CJM_PROTO_NOTE_PROPOSE:
		return a->note_propose.note == b->note_propose.note && a->note_propose.kind == b->note_propose.kind &&
		       same_text(a->note_propose.touchpoint, b->note_propose.touchpoint) &&
		       same_text(a->note_propose.text, b->note_propose.text);
	case CJM_PROTO_NOTE_RESULT:
		return a->note_result.note == b->note_result.note && a->note_result.outcome == b->note_result.outcome;
	case CJM_PROTO_MAP_CHUNK:
		return a->map_chunk.revision == b->map_chunk.revision && a->map_chunk.total == b->map_chunk.total &&
		       a->map_chunk.offset == b->map_chunk.offset && a->map_chunk.len == b->map_chunk.len &&
		       (a->map_chunk.len == 0 || memcmp(a->map_chunk.data, b->map_chunk.data, a->map_chunk.len) == 0);
	case CJM_PROTO_BYE:
		return same_text(a->bye.reason, b->bye.reason);
	case CJM_PROTO_VOTE_END:
		return a->vote_end.vote == b->vote_end.vote;
	case CJM_PROTO_MAP_SPLICE:
		return a->map_splice.revision == b->map_splice.revision && a->map_splice.base == b->map_splice.base &&
		       a->map_splice.total == b->map_splice.total && a->map_splice.offset == b->map_splice.offset &&
		       a->map_splice.removed == b->map_splice.removed && a->map_splice.len == b->map_splice.len &&
		       (a->map_splice.len == 0 || memcmp(a->map_splice.data, b->map_splice.data, a->map_splice.len) == 0);
	}
	return false;
}

/* ---- Encoding ---- */

static void put_u8(strbuf *out, unsigned v)
{
	strbuf_putc(out, (char)(unsigned char)v);
}

static void put_u16(strbuf *out, unsigned v)
{
	put_u8(out, v >> 8 & 0xFF);
	put_u8(out, v & 0xFF);
}

static void put_u32(strbuf *out, uint32_t v)
{
	put_u16(out, v >> 16);
	put_u16(out, v & 0xFFFF);
}

/* An enum as its byte; a value past a byte becomes 0, which no such field holds. */
static void put_enum(strbuf *out, int v)
{
	put_u8(out, v >= 0 && v <= 0xFF ? (unsigned)v : 0);
}

/* LEN bytes of S with their u16 count; past 0xFFFF it writes the first 0xFFFF,
 * which is over every field's limit, so the check after encoding refuses it. */
static void put_bytes(strbuf *out, const char *s, size_t len)
{
	if (len > 0xFFFF)
		len = 0xFFFF;
	put_u16(out, (unsigned)len);
	if (len > 0)
		strbuf_add(out, s, len);
}

static void put_str(strbuf *out, const char *s)
{
	put_bytes(out, s ? s : "", s ? strlen(s) : 0);
}

static void put_counts(strbuf *out, const cjm_proto_counts *counts)
{
	for (int i = 0; i < 7; i++)
		put_u16(out, counts->score[i]);
	put_u16(out, counts->skipped);
}

static void put_fields(strbuf *out, const cjm_proto_msg *m)
{
	switch (m->type) {
	case CJM_PROTO_HELLO:
		put_enum(out, (int)m->hello.role);
		put_str(out, m->hello.name);
		put_str(out, m->hello.team);
		break;
	case CJM_PROTO_WELCOME:
		put_str(out, m->welcome.session);
		put_u32(out, m->welcome.participant);
		break;
	case CJM_PROTO_FOLLOW:
		put_str(out, m->follow.phase);
		put_str(out, m->follow.touchpoint);
		break;
	case CJM_PROTO_VOTE_OPEN:
		put_u32(out, m->vote_open.vote);
		put_str(out, m->vote_open.touchpoint);
		break;
	case CJM_PROTO_VOTE_ANSWER:
		put_u32(out, m->vote_answer.vote);
		put_u8(out, m->vote_answer.skip ? CJM_PROTO_SKIP : (unsigned)m->vote_answer.score & 0xFF);
		break;
	case CJM_PROTO_VOTE_REVEAL:
		put_u32(out, m->vote_reveal.vote);
		put_str(out, m->vote_reveal.touchpoint);
		put_counts(out, &m->vote_reveal.all);
		put_u8(out, m->vote_reveal.team_count > 0xFF ? 0xFF : (unsigned)m->vote_reveal.team_count);
		for (size_t i = 0; i < m->vote_reveal.team_count && i < 0xFF; i++) {
			put_str(out, m->vote_reveal.teams[i].team);
			put_counts(out, &m->vote_reveal.teams[i].counts);
		}
		break;
	case CJM_PROTO_NOTE_PROPOSE:
		put_u32(out, m->note_propose.note);
		put_str(out, m->note_propose.touchpoint);
		put_enum(out, (int)m->note_propose.kind);
		put_str(out, m->note_propose.text);
		break;
	case CJM_PROTO_NOTE_RESULT:
		put_u32(out, m->note_result.note);
		put_enum(out, (int)m->note_result.outcome);
		break;
	case CJM_PROTO_MAP_CHUNK:
		put_u32(out, m->map_chunk.revision);
		put_u32(out, m->map_chunk.total);
		put_u32(out, m->map_chunk.offset);
		put_bytes(out, m->map_chunk.data, m->map_chunk.data ? m->map_chunk.len : 0);
		break;
	case CJM_PROTO_BYE:
		put_str(out, m->bye.reason);
		break;
	case CJM_PROTO_VOTE_END:
		put_u32(out, m->vote_end.vote);
		break;
	case CJM_PROTO_MAP_SPLICE:
		put_u32(out, m->map_splice.revision);
		put_u32(out, m->map_splice.base);
		put_u32(out, m->map_splice.total);
		put_u32(out, m->map_splice.offset);
		put_u32(out, m->map_splice.removed);
		put_bytes(out, m->map_splice.data, m->map_splice.data ? m->map_splice.len : 0);
		break;
	}
}

bool cjm_proto_encode(strbuf *out, const cjm_proto_msg *msg, char **why)
{
	if (!cjm_proto_type_name(msg->type)) {
		if (why)
			*why = xasprintf(_("unknown message type %u"), (unsigned)msg->type);
		return false;
	}
	/* A score the skip byte or a wrapped byte would misread must not reach the wire. */
	if (msg->type == CJM_PROTO_VOTE_ANSWER && !msg->vote_answer.skip &&
	    (msg->vote_answer.score < CJM_EMOTION_MIN || msg->vote_answer.score > CJM_EMOTION_MAX)) {
		if (why)
			*why = xasprintf(_("the score field of a vote-answer message holds %d: a score is -3..3, or 127 for a skip"),
					 msg->vote_answer.score);
		return false;
	}
	strbuf payload = { 0 };
	put_fields(&payload, msg);
	/* Checked as a reader will check it, so this cjm never sends what its peer must refuse. */
	cursor c = { .data = (const unsigned char *)payload.data, .len = payload.len };
	cjm_proto_msg *check = parse_payload(&c, msg->type);
	bool ok = check != NULL;
	cjm_proto_msg_free(check);
	if (ok) {
		strbuf_add(out, CJM_PROTO_MAGIC, 4);
		put_u8(out, CJM_PROTO_VERSION);
		put_u8(out, (unsigned)msg->type);
		put_u32(out, (uint32_t)payload.len);
		if (payload.len > 0)
			strbuf_add(out, payload.data, payload.len);
	} else if (why) {
		*why = c.error;
		c.error = NULL;
	}
	free(c.error);
	strbuf_release(&payload);
	return ok;
}

/* ---- The reader ---- */

struct cjm_proto_reader {
	cjm_proto_peer peer;
	unsigned char *buf;
	size_t len, cap;
	size_t start;      /* buf[start] is the first byte not read as a message */
	uint64_t consumed; /* the stream offset of buf[start] */
	char *error;       /* once a frame was malformed */
	uint64_t error_at;
};

cjm_proto_reader *cjm_proto_reader_new(cjm_proto_peer peer)
{
	cjm_proto_reader *reader = xcalloc(1, sizeof *reader);
	reader->peer = peer;
	return reader;
}

void cjm_proto_reader_free(cjm_proto_reader *reader)
{
	if (!reader)
		return;
	free(reader->buf);
	free(reader->error);
	free(reader);
}

void cjm_proto_reader_set_peer(cjm_proto_reader *reader, cjm_proto_peer peer)
{
	reader->peer = peer;
}

void cjm_proto_reader_feed(cjm_proto_reader *reader, const void *bytes, size_t len)
{
	if (reader->error || len == 0)
		return;
	if (reader->start > 0) {
		memmove(reader->buf, reader->buf + reader->start, reader->len - reader->start);
		reader->len -= reader->start;
		reader->start = 0;
	}
	size_t need = xsize_add(reader->len, len);
	if (need > reader->cap) {
		void *buf = reader->buf;
		xgrow(&buf, &reader->cap, need, 1);
		reader->buf = buf;
	}
	memcpy(reader->buf + reader->len, bytes, len);
	reader->len = need;
}

__attribute__((format(printf, 3, 4))) static cjm_proto_status reader_fail(cjm_proto_reader *reader, size_t at,
									 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char text[512];
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	reader->error = xstrdup(text);
	reader->error_at = reader->consumed + at;
	return CJM_PROTO_ERROR;
}

cjm_proto_status cjm_proto_reader_next(cjm_proto_reader *reader, cjm_proto_msg **msg)
{
	*msg = NULL;
	if (reader->error)
		return CJM_PROTO_ERROR;
	size_t avail = reader->len - reader->start;
	if (avail == 0)
		return CJM_PROTO_NEED_MORE; /* nothing fed yet: no buffer to point into */
	const unsigned char *frame = reader->buf + reader->start;
	/* The header is checked byte by byte as it arrives: a peer that speaks
	 * something else is refused at its first wrong byte, not after 10. */
	for (size_t i = 0; i < 4 && i < avail; i++)
		if (frame[i] != (unsigned char)CJM_PROTO_MAGIC[i])
			return reader_fail(reader, i, _("not a cjm live session: a frame does not start with \"%s\""),
					   CJM_PROTO_MAGIC);
	if (avail > 4 && frame[4] != CJM_PROTO_VERSION)
		return reader_fail(reader, 4, _("the peer speaks protocol version %u; this cjm speaks version %u"),
				   frame[4], CJM_PROTO_VERSION);
	if (avail > 5) {
		const char *name = cjm_proto_type_name(frame[5]);
		if (!name)
			return reader_fail(reader, 5, _("unknown message type %u"), frame[5]);
		if (!cjm_proto_may_send(reader->peer, (cjm_proto_type)frame[5]))
			/* TRANSLATORS: the first %s is who sent it (a participant), the second a message type (vote-open). */
			return reader_fail(reader, 5, _("%s may not send a %s message"),
					   peer_description(reader->peer), name);
	}
	if (avail < CJM_PROTO_HEADER_SIZE)
		return CJM_PROTO_NEED_MORE;
	uint32_t length = (uint32_t)frame[6] << 24 | (uint32_t)frame[7] << 16 | (uint32_t)frame[8] << 8 | frame[9];
	if (length > CJM_PROTO_MAX_PAYLOAD)
		return reader_fail(reader, 6, _("a %s message of %lu bytes is over the limit of %u bytes"),
				   type_names[frame[5]], (unsigned long)length, CJM_PROTO_MAX_PAYLOAD);
	if (avail - CJM_PROTO_HEADER_SIZE < length)
		return CJM_PROTO_NEED_MORE;
	cursor c = { .data = frame + CJM_PROTO_HEADER_SIZE,
		     .len = length,
		     .base = reader->consumed + CJM_PROTO_HEADER_SIZE };
	cjm_proto_msg *m = parse_payload(&c, (cjm_proto_type)frame[5]);
	if (!m) {
		reader->error = c.error ? c.error : xstrdup(_("malformed message"));
		reader->error_at = c.error_at;
		return CJM_PROTO_ERROR;
	}
	reader->start += CJM_PROTO_HEADER_SIZE + (size_t)length;
	reader->consumed += CJM_PROTO_HEADER_SIZE + (uint64_t)length;
	if (reader->start == reader->len)
		reader->start = reader->len = 0;
	*msg = m;
	return CJM_PROTO_MESSAGE;
}

const char *cjm_proto_reader_error(const cjm_proto_reader *reader)
{
	return reader->error;
}

uint64_t cjm_proto_reader_offset(const cjm_proto_reader *reader)
{
	return reader->error ? reader->error_at : reader->consumed;
}
