/* Unit tests for the live session's wire format: every message round trips, frames arrive in any pieces, and each malformed frame stops the reader with its reason and offset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "live/protocol.h"
#include "util/strbuf.h"

/* One example of every message type. */
static cjm_proto_team_counts example_teams[] = {
	{ .team = "finance", .counts = { .score = { 0, 1, 0, 0, 2, 0, 0 }, .skipped = 1 } },
	{ .team = "", .counts = { .score = { 1, 0, 0, 0, 0, 0, 3 }, .skipped = 0 } },
};

static cjm_proto_msg examples[] = {
	{ .type = CJM_PROTO_HELLO, .hello = { CJM_PROTO_ROLE_PARTICIPANT, "Ängela", "finance" } },
	{ .type = CJM_PROTO_HELLO, .hello = { CJM_PROTO_ROLE_OBSERVER, "Bram", "" } },
	{ .type = CJM_PROTO_WELCOME, .welcome = { "Energie overstappen", 7 } },
	{ .type = CJM_PROTO_FOLLOW, .follow = { "orient", "compare-prices" } },
	{ .type = CJM_PROTO_FOLLOW, .follow = { "", "" } },
	{ .type = CJM_PROTO_VOTE_OPEN, .vote_open = { 3, "compare-prices" } },
	{ .type = CJM_PROTO_VOTE_ANSWER, .vote_answer = { 3, false, -3 } },
	{ .type = CJM_PROTO_VOTE_ANSWER, .vote_answer = { 3, false, 3 } },
	{ .type = CJM_PROTO_VOTE_ANSWER, .vote_answer = { 4, true, 0 } },
	{ .type = CJM_PROTO_VOTE_REVEAL,
	  .vote_reveal = { 3, "compare-prices", { .score = { 1, 1, 0, 0, 2, 0, 3 }, .skipped = 1 }, 2, example_teams } },
	{ .type = CJM_PROTO_VOTE_REVEAL, .vote_reveal = { 5, "welcome-pack", { .skipped = 2 }, 0, NULL } },
	{ .type = CJM_PROTO_NOTE_PROPOSE,
	  .note_propose = { 1, "compare-prices", CJM_PROTO_NOTE_QUOTE, "“Ik snap er niets van.”\n\tZei ze." } },
	{ .type = CJM_PROTO_NOTE_RESULT, .note_result = { 1, CJM_PROTO_DROPPED } },
	{ .type = CJM_PROTO_MAP_CHUNK, .map_chunk = { 12, 30, 10, 5, "title" } },
	{ .type = CJM_PROTO_MAP_CHUNK, .map_chunk = { 1, 0, 0, 0, NULL } },
	{ .type = CJM_PROTO_BYE, .bye = { "de facilitator sluit de sessie" } },
	{ .type = CJM_PROTO_MAP_SPLICE, .map_splice = { 13, 12, 31, 20, 1, 2, "+2" } },
	{ .type = CJM_PROTO_MAP_SPLICE, .map_splice = { 14, 13, 29, 20, 2, 0, NULL } },
	{ .type = CJM_PROTO_VOTE_END, .vote_end = { 3 } },
};
#define EXAMPLE_COUNT (sizeof examples / sizeof examples[0])

/* The peer that may send MSG's type, for a reader of it. */
static cjm_proto_peer sender_of(const cjm_proto_msg *msg)
{
	switch (msg->type) {
	case CJM_PROTO_HELLO:
		return CJM_PROTO_PEER_NEW_CLIENT;
	case CJM_PROTO_VOTE_ANSWER:
	case CJM_PROTO_NOTE_PROPOSE:
		return CJM_PROTO_PEER_PARTICIPANT;
	default:
		return CJM_PROTO_PEER_FACILITATOR;
	}
}

static void encode_ok(strbuf *out, const cjm_proto_msg *msg)
{
	char *why = NULL;
	bool ok = cjm_proto_encode(out, msg, &why);
	if (!ok)
		fail_msg("encoding a %s: %s", cjm_proto_type_name(msg->type), why);
	assert_null(why);
}

static void test_round_trip_every_type(void **state)
{
	(void)state;
	bool seen[CJM_PROTO_TYPE_MAX + 1] = { false };
	for (size_t i = 0; i < EXAMPLE_COUNT; i++) {
		strbuf out = { 0 };
		encode_ok(&out, &examples[i]);
		assert_memory_equal(out.data, "CJML\x01", 5);
		assert_int_equal((unsigned char)out.data[5], examples[i].type);
		cjm_proto_reader *reader = cjm_proto_reader_new(sender_of(&examples[i]));
		cjm_proto_reader_feed(reader, out.data, out.len);
		cjm_proto_msg *msg;
		assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_MESSAGE);
		assert_true(cjm_proto_msg_equal(msg, &examples[i]));
		cjm_proto_msg_free(msg);
		assert_int_equal(cjm_proto_reader_offset(reader), out.len);
		assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_NEED_MORE);
		assert_null(msg);
		assert_null(cjm_proto_reader_error(reader));
		seen[examples[i].type] = true;
		cjm_proto_reader_free(reader);
		strbuf_release(&out);
	}
	for (unsigned t = 1; t <= CJM_PROTO_TYPE_MAX; t++)
		assert_true(seen[t]);
}

/* A frame given one byte at a time waits until its last byte, then is one message. */
static void test_one_byte_at_a_time(void **state)
{
	(void)state;
	strbuf out = { 0 };
	encode_ok(&out, &examples[9]); /* the vote-reveal with teams */
	cjm_proto_reader *reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR);
	cjm_proto_msg *msg;
	for (size_t i = 0; i + 1 < out.len; i++) {
		cjm_proto_reader_feed(reader, out.data + i, 1);
		assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_NEED_MORE);
		assert_int_equal(cjm_proto_reader_offset(reader), 0);
	}
	cjm_proto_reader_feed(reader, out.data + out.len - 1, 1);
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_MESSAGE);
	assert_true(cjm_proto_msg_equal(msg, &examples[9]));
	cjm_proto_msg_free(msg);
	cjm_proto_reader_free(reader);
	strbuf_release(&out);
}

/* Two frames and the start of a third in one feed: two messages, then a wait. */
static void test_two_frames_in_one_feed(void **state)
{
	(void)state;
	strbuf out = { 0 };
	encode_ok(&out, &examples[5]);
	size_t first = out.len;
	encode_ok(&out, &examples[3]);
	size_t second = out.len;
	encode_ok(&out, &examples[15]);
	cjm_proto_reader *reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR);
	cjm_proto_reader_feed(reader, out.data, second + 3);
	cjm_proto_msg *msg;
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_MESSAGE);
	assert_true(cjm_proto_msg_equal(msg, &examples[5]));
	cjm_proto_msg_free(msg);
	assert_int_equal(cjm_proto_reader_offset(reader), first);
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_MESSAGE);
	assert_true(cjm_proto_msg_equal(msg, &examples[3]));
	cjm_proto_msg_free(msg);
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_NEED_MORE);
	cjm_proto_reader_feed(reader, out.data + second + 3, out.len - second - 3);
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_MESSAGE);
	assert_true(cjm_proto_msg_equal(msg, &examples[15]));
	cjm_proto_msg_free(msg);
	assert_int_equal(cjm_proto_reader_offset(reader), out.len);
	cjm_proto_reader_free(reader);
	strbuf_release(&out);
}

/* A frame of TYPE with LEN bytes of PAYLOAD as they are, and a header saying LENGTH. */
static void raw_frame(strbuf *out, unsigned type, uint32_t length, const char *payload, size_t len)
{
	char header[10] = { 'C', 'J', 'M', 'L', 1, (char)type, (char)(length >> 24), (char)(length >> 16),
			    (char)(length >> 8), (char)length };
	strbuf_add(out, header, sizeof header);
	if (len > 0)
		strbuf_add(out, payload, len);
}

/* Feeding BYTES (LEN) to a reader of PEER's stops it, after the good frames before
 * the bad one, with a reason holding REASON at stream offset AT; it then reads
 * nothing more, even a good frame. */
static void expect_error(cjm_proto_peer peer, const char *bytes, size_t len, const char *reason, uint64_t at)
{
	cjm_proto_reader *reader = cjm_proto_reader_new(peer);
	cjm_proto_reader_feed(reader, bytes, len);
	cjm_proto_msg *msg;
	cjm_proto_status status;
	while ((status = cjm_proto_reader_next(reader, &msg)) == CJM_PROTO_MESSAGE)
		cjm_proto_msg_free(msg); /* the good frames before the bad one */
	assert_int_equal(status, CJM_PROTO_ERROR);
	assert_null(msg);
	const char *error = cjm_proto_reader_error(reader);
	assert_non_null(error);
	if (!strstr(error, reason))
		fail_msg("expected \"%s\" in \"%s\"", reason, error);
	assert_int_equal(cjm_proto_reader_offset(reader), at);
	strbuf good = { 0 };
	encode_ok(&good, &examples[15]);
	cjm_proto_reader_feed(reader, good.data, good.len);
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_ERROR);
	assert_null(msg);
	assert_string_equal(cjm_proto_reader_error(reader), error);
	assert_int_equal(cjm_proto_reader_offset(reader), at);
	strbuf_release(&good);
	cjm_proto_reader_free(reader);
}

/* A good frame first, so offsets count from the start of the stream. */
static size_t good_prefix(strbuf *out)
{
	encode_ok(out, &examples[15]);
	return out->len;
}

static void test_bad_header(void **state)
{
	(void)state;
	expect_error(CJM_PROTO_PEER_FACILITATOR, "GET / HTTP/1.1\r\n", 16,
		     "not a cjm live session: a frame does not start with \"CJML\"", 0);
	/* The first wrong byte is enough: no waiting for a whole header. */
	expect_error(CJM_PROTO_PEER_FACILITATOR, "CJX", 3, "does not start with", 2);
	strbuf s = { 0 };
	size_t at = good_prefix(&s);
	strbuf_add(&s, "CJML\x02\x0a\0\0\0\0", 10);
	expect_error(CJM_PROTO_PEER_FACILITATOR, s.data, s.len,
		     "the peer speaks protocol version 2; this cjm speaks version 1", at + 4);
	strbuf_reset(&s);
	strbuf_add(&s, "CJML\x01\x0d", 6);
	expect_error(CJM_PROTO_PEER_FACILITATOR, s.data, s.len, "unknown message type 13", 5);
	strbuf_reset(&s);
	strbuf_add(&s, "CJML\x01\x00", 6);
	expect_error(CJM_PROTO_PEER_FACILITATOR, s.data, s.len, "unknown message type 0", 5);
	strbuf_release(&s);
}

/* A length over the limit is refused from the header alone: no payload needed. */
static void test_length_over_the_limit(void **state)
{
	(void)state;
	strbuf s = { 0 };
	raw_frame(&s, CJM_PROTO_MAP_CHUNK, CJM_PROTO_MAX_PAYLOAD + 1, NULL, 0);
	expect_error(CJM_PROTO_PEER_FACILITATOR, s.data, s.len,
		     "a map-chunk message of 65537 bytes is over the limit of 65536 bytes", 6);
	strbuf_reset(&s);
	raw_frame(&s, CJM_PROTO_BYE, 0xFFFFFFFFu, NULL, 0);
	expect_error(CJM_PROTO_PEER_PARTICIPANT, s.data, s.len, "4294967295 bytes is over the limit", 6);
	/* At the limit, it waits for the payload. */
	strbuf_reset(&s);
	raw_frame(&s, CJM_PROTO_MAP_CHUNK, CJM_PROTO_MAX_PAYLOAD, NULL, 0);
	cjm_proto_reader *reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR);
	cjm_proto_reader_feed(reader, s.data, s.len);
	cjm_proto_msg *msg;
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_NEED_MORE);
	cjm_proto_reader_free(reader);
	strbuf_release(&s);
}

/* A payload given as it is after a good frame: the reader of PEER's stops at AT bytes into it. */
static void expect_payload_error(cjm_proto_peer peer, unsigned type, const char *payload, size_t len,
				 const char *reason, size_t at)
{
	strbuf s = { 0 };
	size_t start = good_prefix(&s);
	raw_frame(&s, type, (uint32_t)len, payload, len);
	expect_error(peer, s.data, s.len, reason, start + 10 + at);
	strbuf_release(&s);
}

static void test_bad_fields(void **state)
{
	(void)state;
	const cjm_proto_peer client = CJM_PROTO_PEER_NEW_CLIENT, participant = CJM_PROTO_PEER_PARTICIPANT,
			     facilitator = CJM_PROTO_PEER_FACILITATOR;
	/* A field cut short, a field missing, a field after the end. */
	expect_payload_error(client, CJM_PROTO_HELLO, "\x01\x00\x05" "Ann", 6,
			     "the hello message ends inside its name field", 3);
	expect_payload_error(client, CJM_PROTO_HELLO, "\x01\x00\x03" "Ann", 6,
			     "the hello message ends before its team field", 6);
	expect_payload_error(client, CJM_PROTO_HELLO, "\x01\x00", 2, "the hello message ends inside its name field", 1);
	expect_payload_error(participant, CJM_PROTO_VOTE_ANSWER, "\0\0", 2,
			     "the vote-answer message ends inside its vote field", 0);
	expect_payload_error(participant, CJM_PROTO_VOTE_ANSWER, "\0\0\0\x01\x02!", 6,
			     "the vote-answer message has 1 byte after its last field", 5);
	/* Ranges: a score of 4, role 3, vote 0, kind 0, outcome 3. */
	expect_payload_error(participant, CJM_PROTO_VOTE_ANSWER, "\0\0\0\x01\x02!?", 7,
			     "the vote-answer message has 2 bytes after its last field", 5);
	expect_payload_error(participant, CJM_PROTO_VOTE_ANSWER, "\0\0\0\x01\x04", 5,
			     "the score field of a vote-answer message holds 4: a score is -3..3, or 127 for a skip", 4);
	expect_payload_error(participant, CJM_PROTO_VOTE_ANSWER, "\0\0\0\x01\xfc", 5, "holds -4", 4);
	expect_payload_error(client, CJM_PROTO_HELLO, "\x03\x00\x01" "A\x00\x00", 6,
			     "the role field of a hello message holds 3, outside 1..2", 0);
	expect_payload_error(participant, CJM_PROTO_VOTE_ANSWER, "\0\0\0\0\x01", 5,
			     "the vote field of a vote-answer message holds 0, outside 1..4294967295", 0);
	expect_payload_error(participant, CJM_PROTO_NOTE_PROPOSE, "\0\0\0\x01\0\x01" "a" "\x00\0\x01x", 11,
			     "the kind field of a note-propose message holds 0, outside 1..3", 7);
	expect_payload_error(facilitator, CJM_PROTO_NOTE_RESULT, "\0\0\0\x01\x03", 5,
			     "the outcome field of a note-result message holds 3, outside 1..2", 4);
	/* Strings: over the limit, empty, not UTF-8, control characters in a name. */
	char long_name[3 + 65 + 2] = "\x01\x00\x41";
	memset(long_name + 3, 'a', 65);
	long_name[68] = long_name[69] = 0;
	expect_payload_error(client, CJM_PROTO_HELLO, long_name, sizeof long_name,
			     "the name field of a hello message is 65 bytes, over its limit of 64", 1);
	expect_payload_error(client, CJM_PROTO_HELLO, "\x01\x00\x00\x00\x00", 5,
			     "the name field of a hello message is empty", 1);
	expect_payload_error(client, CJM_PROTO_HELLO, "\x01\x00\x03" "A\xc3(" "\0\0", 8,
			     "the name field of a hello message is not valid UTF-8", 4);
	expect_payload_error(client, CJM_PROTO_HELLO, "\x01\x00\x04" "A\x1b[m" "\0\0", 9,
			     "the name field of a hello message holds U+001B, which it may not hold", 4);
	expect_payload_error(client, CJM_PROTO_HELLO, "\x01\x00\x02" "A\n" "\0\0", 7, "holds U+000A", 4);
	expect_payload_error(client, CJM_PROTO_HELLO, "\x01\x00\x01" "A\x00\x04" "f\xe2\x80\xae", 10,
			     "the team field of a hello message holds U+202E", 7);
	expect_payload_error(client, CJM_PROTO_HELLO, "\x01\x00\x02" "A\0" "\0\0", 7, "holds U+0000", 4);
	expect_payload_error(facilitator, CJM_PROTO_VOTE_OPEN, "\0\0\0\x01\0\x03" "Tp1", 9,
			     "the touchpoint field of a vote-open message holds U+0054", 6);
	expect_payload_error(facilitator, CJM_PROTO_VOTE_OPEN, "\0\0\0\x01\0\x02" "-a", 8, "holds U+002D", 6);
	expect_payload_error(participant, CJM_PROTO_NOTE_PROPOSE, "\0\0\0\x01\0\x01" "a" "\x01\0\x02x\r", 12,
			     "the text field of a note-propose message holds U+000D", 11);
	char long_text[6 + 1 + 1 + 2 + 2001];
	memcpy(long_text, "\0\0\0\x01\0\x01" "a" "\x02\x07\xd1", 10);
	memset(long_text + 10, 'x', 2001);
	expect_payload_error(participant, CJM_PROTO_NOTE_PROPOSE, long_text, sizeof long_text,
			     "the text field of a note-propose message is 2001 bytes, over its limit of 2000", 8);
	/* A map chunk past its total, and teams that do not add up. */
	expect_payload_error(facilitator, CJM_PROTO_MAP_CHUNK, "\0\0\0\x01\0\0\0\x0a\0\0\0\x08\0\x03" "abc", 17,
			     "the data of a map-chunk message passes its total size (8 + 3 > 10)", 12);
	expect_payload_error(facilitator, CJM_PROTO_MAP_CHUNK, "\0\0\0\x01\x10\0\0\x01\0\0\0\0\0\x00", 14,
			     "the total field of a map-chunk message holds 268435457, outside 0..268435456", 4);
	strbuf s = { 0 };
	cjm_proto_team_counts teams[] = { { .team = "a", .counts = { .score = { 1 } } },
					  { .team = "b", .counts = { .score = { 1 } } } };
	cjm_proto_msg reveal = { .type = CJM_PROTO_VOTE_REVEAL,
				 .vote_reveal = { 1, "t", { .score = { 3 } }, 2, teams } };
	char *why = NULL;
	assert_false(cjm_proto_encode(&s, &reveal, &why));
	assert_int_equal(s.len, 0);
	assert_string_equal(why, "the teams' counts in a vote-reveal message do not add up to the room's");
	free(why);
	/* 0x8000 twice is 0 in 16 bits: the sum must not wrap into a match. */
	teams[0].counts.score[0] = teams[1].counts.score[0] = 0x8000;
	reveal.vote_reveal.all.score[0] = 0;
	assert_false(cjm_proto_encode(&s, &reveal, &why));
	assert_string_equal(why, "the teams' counts in a vote-reveal message do not add up to the room's");
	free(why);
	teams[0].counts.score[0] = teams[1].counts.score[0] = 1;
	teams[1].team = "a";
	reveal.vote_reveal.all.score[0] = 2;
	assert_false(cjm_proto_encode(&s, &reveal, &why));
	assert_string_equal(why, "the team \"a\" is in a vote-reveal message twice");
	free(why);
	strbuf_release(&s);
}

/* The encoder refuses what a reader would, and writes nothing then. */
static void test_encoder_refuses(void **state)
{
	(void)state;
	strbuf s = { 0 };
	strbuf_puts(&s, "kept");
	char *why = NULL;
	cjm_proto_msg bad_score = { .type = CJM_PROTO_VOTE_ANSWER, .vote_answer = { 1, false, 127 } };
	assert_false(cjm_proto_encode(&s, &bad_score, &why));
	assert_non_null(strstr(why, "holds 127"));
	free(why);
	cjm_proto_msg bad_name = { .type = CJM_PROTO_HELLO, .hello = { CJM_PROTO_ROLE_PARTICIPANT, "a\tb", "" } };
	assert_false(cjm_proto_encode(&s, &bad_name, &why));
	assert_string_equal(why, "the name field of a hello message holds U+0009, which it may not hold");
	free(why);
	char *huge = malloc(70000);
	memset(huge, 'x', 69999);
	huge[69999] = '\0';
	cjm_proto_msg long_note = { .type = CJM_PROTO_NOTE_PROPOSE,
				    .note_propose = { 1, "t", CJM_PROTO_NOTE_IDEA, huge } };
	assert_false(cjm_proto_encode(&s, &long_note, &why));
	assert_non_null(strstr(why, "over its limit of 2000"));
	free(why);
	free(huge);
	cjm_proto_msg no_touchpoint = { .type = CJM_PROTO_VOTE_OPEN, .vote_open = { 1, NULL } };
	assert_false(cjm_proto_encode(&s, &no_touchpoint, NULL));
	cjm_proto_msg unknown = { .type = (cjm_proto_type)42 };
	assert_false(cjm_proto_encode(&s, &unknown, &why));
	assert_string_equal(why, "unknown message type 42");
	free(why);
	assert_string_equal(s.data, "kept");
	strbuf_release(&s);
}

/* Who may send what, and a reader refusing the rest at the type byte. */
static void test_roles(void **state)
{
	(void)state;
	assert_true(cjm_proto_may_send(CJM_PROTO_PEER_NEW_CLIENT, CJM_PROTO_HELLO));
	assert_false(cjm_proto_may_send(CJM_PROTO_PEER_NEW_CLIENT, CJM_PROTO_VOTE_ANSWER));
	assert_true(cjm_proto_may_send(CJM_PROTO_PEER_PARTICIPANT, CJM_PROTO_VOTE_ANSWER));
	assert_true(cjm_proto_may_send(CJM_PROTO_PEER_PARTICIPANT, CJM_PROTO_NOTE_PROPOSE));
	assert_false(cjm_proto_may_send(CJM_PROTO_PEER_PARTICIPANT, CJM_PROTO_HELLO));
	assert_false(cjm_proto_may_send(CJM_PROTO_PEER_OBSERVER, CJM_PROTO_VOTE_ANSWER));
	assert_false(cjm_proto_may_send(CJM_PROTO_PEER_OBSERVER, CJM_PROTO_NOTE_PROPOSE));
	/* the facilitator sends a participant its own recorded answer (after a reconnect) */
	assert_true(cjm_proto_may_send(CJM_PROTO_PEER_FACILITATOR, CJM_PROTO_VOTE_ANSWER));
	assert_false(cjm_proto_may_send(CJM_PROTO_PEER_FACILITATOR, CJM_PROTO_NOTE_PROPOSE));
	assert_false(cjm_proto_may_send(CJM_PROTO_PEER_FACILITATOR, CJM_PROTO_HELLO));
	const cjm_proto_type facilitator_only[] = { CJM_PROTO_WELCOME,     CJM_PROTO_FOLLOW,      CJM_PROTO_VOTE_OPEN,
						    CJM_PROTO_VOTE_REVEAL, CJM_PROTO_NOTE_RESULT, CJM_PROTO_MAP_CHUNK,
						    CJM_PROTO_MAP_SPLICE,  CJM_PROTO_VOTE_END };
	for (size_t i = 0; i < sizeof facilitator_only / sizeof facilitator_only[0]; i++) {
		assert_true(cjm_proto_may_send(CJM_PROTO_PEER_FACILITATOR, facilitator_only[i]));
		for (cjm_proto_peer p = CJM_PROTO_PEER_NEW_CLIENT; p <= CJM_PROTO_PEER_OBSERVER; p++)
			assert_false(cjm_proto_may_send(p, facilitator_only[i]));
	}
	for (cjm_proto_peer p = CJM_PROTO_PEER_NEW_CLIENT; p <= CJM_PROTO_PEER_FACILITATOR; p++)
		assert_true(cjm_proto_may_send(p, CJM_PROTO_BYE));
	assert_false(cjm_proto_may_send(CJM_PROTO_PEER_FACILITATOR, (cjm_proto_type)0));
	assert_false(cjm_proto_may_send(CJM_PROTO_PEER_FACILITATOR, (cjm_proto_type)13));

	/* A participant's vote-open is refused at its type byte, before its length. */
	strbuf s = { 0 };
	encode_ok(&s, &examples[5]);
	expect_error(CJM_PROTO_PEER_PARTICIPANT, s.data, 6, "a participant may not send a vote-open message", 5);
	expect_error(CJM_PROTO_PEER_OBSERVER, "CJML\x01\x05", 6, "an observer may not send a vote-answer message", 5);
	expect_error(CJM_PROTO_PEER_NEW_CLIENT, "CJML\x01\x07", 6,
		     "a client that has not said hello may not send a note-propose message", 5);

	/* After its hello the server sets the peer: a second hello is refused. */
	strbuf_reset(&s);
	encode_ok(&s, &examples[0]);
	size_t hello = s.len;
	encode_ok(&s, &examples[6]);
	encode_ok(&s, &examples[0]);
	cjm_proto_reader *reader = cjm_proto_reader_new(CJM_PROTO_PEER_NEW_CLIENT);
	cjm_proto_reader_feed(reader, s.data, s.len);
	cjm_proto_msg *msg;
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_MESSAGE);
	assert_int_equal(msg->type, CJM_PROTO_HELLO);
	cjm_proto_msg_free(msg);
	cjm_proto_reader_set_peer(reader, CJM_PROTO_PEER_PARTICIPANT);
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_MESSAGE);
	assert_int_equal(msg->type, CJM_PROTO_VOTE_ANSWER);
	cjm_proto_msg_free(msg);
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_ERROR);
	assert_string_equal(cjm_proto_reader_error(reader), "a participant may not send a hello message");
	assert_int_equal(cjm_proto_reader_offset(reader), s.len - hello + 5);
	cjm_proto_reader_free(reader);
	strbuf_release(&s);
}

/* A map's text over many frames joins back to the same bytes. */
static void test_map_in_chunks(void **state)
{
	(void)state;
	size_t total = 3 * CJM_PROTO_MAX_CHUNK + 17;
	char *map = malloc(total);
	for (size_t i = 0; i < total; i++)
		map[i] = (char)('a' + i % 26);
	strbuf wire = { 0 };
	for (size_t at = 0; at < total; at += CJM_PROTO_MAX_CHUNK) {
		size_t len = total - at < CJM_PROTO_MAX_CHUNK ? total - at : CJM_PROTO_MAX_CHUNK;
		cjm_proto_msg chunk = { .type = CJM_PROTO_MAP_CHUNK,
					.map_chunk = { 9, (uint32_t)total, (uint32_t)at, len, map + at } };
		encode_ok(&wire, &chunk);
	}
	cjm_proto_msg too_big = { .type = CJM_PROTO_MAP_CHUNK,
				  .map_chunk = { 9, (uint32_t)total, 0, CJM_PROTO_MAX_CHUNK + 1, map } };
	char *why = NULL;
	assert_false(cjm_proto_encode(&wire, &too_big, &why));
	assert_string_equal(why, "the data field of a map-chunk message is 60001 bytes, over its limit of 60000");
	free(why);
	cjm_proto_reader *reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR);
	char *joined = calloc(1, total);
	size_t got = 0;
	for (size_t at = 0; at < wire.len; at += 4096) {
		cjm_proto_reader_feed(reader, wire.data + at, wire.len - at < 4096 ? wire.len - at : 4096);
		cjm_proto_msg *msg;
		while (cjm_proto_reader_next(reader, &msg) == CJM_PROTO_MESSAGE) {
			assert_int_equal(msg->map_chunk.offset, got);
			memcpy(joined + got, msg->map_chunk.data, msg->map_chunk.len);
			got += msg->map_chunk.len;
			cjm_proto_msg_free(msg);
		}
	}
	assert_null(cjm_proto_reader_error(reader));
	assert_int_equal(got, total);
	assert_memory_equal(joined, map, total);
	free(joined);
	cjm_proto_reader_free(reader);
	strbuf_release(&wire);
	free(map);
}

static void test_type_names(void **state)
{
	(void)state;
	assert_string_equal(cjm_proto_type_name(CJM_PROTO_HELLO), "hello");
	assert_string_equal(cjm_proto_type_name(CJM_PROTO_NOTE_PROPOSE), "note-propose");
	assert_string_equal(cjm_proto_type_name(CJM_PROTO_BYE), "bye");
	assert_null(cjm_proto_type_name(0));
	assert_string_equal(cjm_proto_type_name(CJM_PROTO_MAP_SPLICE), "map-splice");
	assert_string_equal(cjm_proto_type_name(CJM_PROTO_VOTE_END), "vote-end");
	assert_null(cjm_proto_type_name(13));
	cjm_proto_reader *reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR);
	cjm_proto_msg *msg;
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_NEED_MORE);
	cjm_proto_reader_feed(reader, "", 0);
	assert_int_equal(cjm_proto_reader_next(reader, &msg), CJM_PROTO_NEED_MORE);
	assert_int_equal(cjm_proto_reader_offset(reader), 0);
	cjm_proto_reader_free(reader);
	cjm_proto_reader_free(NULL);
	cjm_proto_msg_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_every_type),
		cmocka_unit_test(test_one_byte_at_a_time),
		cmocka_unit_test(test_two_frames_in_one_feed),
		cmocka_unit_test(test_bad_header),
		cmocka_unit_test(test_length_over_the_limit),
		cmocka_unit_test(test_bad_fields),
		cmocka_unit_test(test_encoder_refuses),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_map_in_chunks),
		cmocka_unit_test(test_type_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
