/* libFuzzer target: any byte stream, fed to the live session's reader whole and in random pieces, gives the same messages and the same error; every message re-encodes to exactly its frame's bytes and decodes back equal. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live/protocol.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/visible.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

_Noreturn static void finding(const char *what, uint64_t at)
{
	fprintf(stderr, "fuzz_protocol: %s (stream offset %llu)\n", what, (unsigned long long)at);
	abort();
}

/* What a server does after a hello: the client's role decides what it may send next. */
static void after_message(cjm_proto_reader *reader, cjm_proto_peer *peer, const cjm_proto_msg *msg)
{
	if (*peer == CJM_PROTO_PEER_NEW_CLIENT && msg->type == CJM_PROTO_HELLO) {
		*peer = msg->hello.role == CJM_PROTO_ROLE_OBSERVER ? CJM_PROTO_PEER_OBSERVER : CJM_PROTO_PEER_PARTICIPANT;
		cjm_proto_reader_set_peer(reader, *peer);
	}
}

/* MSG, read from the frame at FRAME (LEN bytes), re-encodes to those bytes and decodes back equal. */
static void check_round_trip(const cjm_proto_msg *msg, const uint8_t *frame, size_t len, uint64_t at)
{
	strbuf out = { 0 };
	char *why = NULL;
	if (!cjm_proto_encode(&out, msg, &why)) {
		fprintf(stderr, "fuzz_protocol: %s\n", why);
		finding("a decoded message does not encode", at);
	}
	if (out.len != len || memcmp(out.data, frame, len) != 0)
		finding("a decoded message re-encodes to other bytes than its frame", at);
	cjm_proto_reader *again = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR);
	cjm_proto_reader_set_peer(again, msg->type == CJM_PROTO_HELLO		? CJM_PROTO_PEER_NEW_CLIENT
					 : msg->type == CJM_PROTO_VOTE_ANSWER	? CJM_PROTO_PEER_PARTICIPANT
					 : msg->type == CJM_PROTO_NOTE_PROPOSE ? CJM_PROTO_PEER_PARTICIPANT
										: CJM_PROTO_PEER_FACILITATOR);
	cjm_proto_reader_feed(again, out.data, out.len);
	cjm_proto_msg *back;
	if (cjm_proto_reader_next(again, &back) != CJM_PROTO_MESSAGE || !cjm_proto_msg_equal(msg, back))
		finding("a re-encoded message does not decode to the same message", at);
	cjm_proto_msg_free(back);
	cjm_proto_reader_free(again);
	strbuf_release(&out);
}

/* The reason is one line a terminal may show as it is. */
static void check_reason(const char *reason, uint64_t at, size_t size)
{
	if (!reason || !*reason)
		finding("an error without a reason", at);
	if (!utf8_valid(reason))
		finding("a reason that is not UTF-8", at);
	for (size_t i = 0; reason[i];) {
		uint32_t cp;
		size_t n = utf8_decode((const unsigned char *)reason + i, strlen(reason + i), &cp);
		if (n == 0 || visible_escaped(cp))
			finding("a reason holding a control character", at);
		i += n;
	}
	/* A field cut short at its frame's end is found where the bytes ran out: at most SIZE. */
	if (at > size)
		finding("an error offset past the bytes fed", at);
}

/* A tiny deterministic generator, so a finding replays the same chunks. */
static uint64_t next_random(uint64_t *state)
{
	*state = *state * 6364136223846793005ull + 1442695040888963407ull;
	return *state >> 33;
}

static void run_as(cjm_proto_peer first_peer, const uint8_t *data, size_t size)
{
	/* Whole: every message, checked against its frame. */
	cjm_proto_reader *whole = cjm_proto_reader_new(first_peer);
	cjm_proto_peer whole_peer = first_peer;
	cjm_proto_reader_feed(whole, data, size);
	size_t count = 0, cap = 16;
	cjm_proto_msg **messages = malloc(cap * sizeof *messages);
	cjm_proto_msg *msg;
	cjm_proto_status status;
	uint64_t start = 0;
	while ((status = cjm_proto_reader_next(whole, &msg)) == CJM_PROTO_MESSAGE) {
		uint64_t end = cjm_proto_reader_offset(whole);
		if (end <= start || end > size)
			finding("a message's end is not past its start within the bytes fed", end);
		check_round_trip(msg, data + start, (size_t)(end - start), start);
		after_message(whole, &whole_peer, msg);
		if (count == cap)
			messages = realloc(messages, (cap *= 2) * sizeof *messages);
		if (!messages)
			abort();
		messages[count++] = msg;
		start = end;
	}
	if (msg)
		finding("no message, yet *msg is set", start);
	if (status == CJM_PROTO_ERROR)
		check_reason(cjm_proto_reader_error(whole), cjm_proto_reader_offset(whole), size);
	else if (cjm_proto_reader_error(whole))
		finding("a reason without an error", start);

	/* In pieces of 1 to 64 bytes (and now and then a bigger one): the same. */
	uint64_t seed = 0x9E3779B97F4A7C15ull ^ size;
	for (size_t i = 0; i < size && i < 64; i++)
		seed = seed * 31 + data[i];
	cjm_proto_reader *pieces = cjm_proto_reader_new(first_peer);
	cjm_proto_peer pieces_peer = first_peer;
	size_t seen = 0, fed = 0;
	cjm_proto_status last = CJM_PROTO_NEED_MORE;
	while (fed < size && last != CJM_PROTO_ERROR) {
		uint64_t r = next_random(&seed);
		size_t len = r % 8 == 0 ? (size_t)(r >> 3) % 4096 + 1 : (size_t)(r >> 3) % 64 + 1;
		if (len > size - fed)
			len = size - fed;
		cjm_proto_reader_feed(pieces, data + fed, len);
		fed += len;
		while ((last = cjm_proto_reader_next(pieces, &msg)) == CJM_PROTO_MESSAGE) {
			if (seen >= count || !cjm_proto_msg_equal(msg, messages[seen]))
				finding("fed in pieces, the stream gives other messages", cjm_proto_reader_offset(pieces));
			after_message(pieces, &pieces_peer, msg);
			cjm_proto_msg_free(msg);
			seen++;
		}
	}
	if (seen != count || last != status)
		finding("fed in pieces, the stream gives another number of messages or another end", fed);
	if (status == CJM_PROTO_ERROR &&
	    (strcmp(cjm_proto_reader_error(whole), cjm_proto_reader_error(pieces)) != 0 ||
	     cjm_proto_reader_offset(whole) != cjm_proto_reader_offset(pieces)))
		finding("fed in pieces, the stream fails with another reason or at another offset",
			cjm_proto_reader_offset(pieces));

	for (size_t i = 0; i < count; i++)
		cjm_proto_msg_free(messages[i]);
	free(messages);
	cjm_proto_reader_free(pieces);
	cjm_proto_reader_free(whole);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* As the facilitator's stream read by a participant, and as a client's read by the server. */
	run_as(CJM_PROTO_PEER_FACILITATOR, data, size);
	run_as(CJM_PROTO_PEER_NEW_CLIENT, data, size);
	return 0;
}
