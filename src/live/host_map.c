/* The map the facilitator publishes to the room: each revision encoded once as map-chunk frames that every connection sends from, as its socket takes them, or a small change as one map-splice to those that have the revision before. */
#include "live/host_impl.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Encodes the current revision's chunk frames into host->frames, once per revision. */
static void frames_build(cjm_live_host *host)
{
	if (host->frames_revision == host->map_revision)
		return;
	strbuf_reset(&host->frames);
	host->frame_count = 0;
	size_t offset = 0;
	do {
		size_t left = host->map_len - offset;
		size_t len = left < CJM_PROTO_MAX_CHUNK ? left : CJM_PROTO_MAX_CHUNK;
		cjm_proto_msg chunk = { .type = CJM_PROTO_MAP_CHUNK,
					.map_chunk = { host->map_revision, (uint32_t)host->map_len, (uint32_t)offset, len,
						       host->map ? host->map + offset : NULL } };
		cjm_proto_encode(&host->frames, &chunk, NULL);
		xgrow((void **)&host->frame_ends, &host->frame_cap, host->frame_count + 1, sizeof *host->frame_ends);
		host->frame_ends[host->frame_count++] = host->frames.len;
		offset += len;
	} while (offset < host->map_len);
	host->frames_revision = host->map_revision;
}

void live_conn_map_next(cjm_live_host *host, live_conn *conn)
{
	frames_build(host);
	conn->map_at = conn->map_frame ? host->frame_ends[conn->map_frame - 1] : 0;
	conn->map_end = host->frame_ends[conn->map_frame++];
	if (conn->map_frame == host->frame_count) {
		conn->map_pending = false;
		conn->map_revision = host->map_revision;
	}
}

/* Moves the rest of the frame CONN is writing ahead of what it has queued, so that
 * the frames can change under it. */
static void conn_settle(cjm_live_host *host, live_conn *conn)
{
	if (conn->map_at < conn->map_end) {
		strbuf queue = { 0 };
		strbuf_add(&queue, host->frames.data + conn->map_at, conn->map_end - conn->map_at);
		strbuf_add(&queue, conn->out.data + conn->out_pos, conn->out.len - conn->out_pos);
		strbuf_release(&conn->out);
		conn->out = queue;
		conn->out_pos = 0;
	}
	conn->map_at = conn->map_end = 0;
}

void live_conn_map_restart(cjm_live_host *host, live_conn *conn)
{
	conn_settle(host, conn);
	conn->map_frame = 0;
	conn->map_pending = host->map_revision != 0;
}

/* The change from the current revision to TEXT as one map-splice frame into *FRAME:
 * the bytes between their common start and their common end. False when there is no
 * revision yet, or the change is more than a frame's data. */
static bool splice_frame(const cjm_live_host *host, const char *text, size_t len, strbuf *frame)
{
	if (host->map_revision == 0)
		return false;
	size_t old_len = host->map_len, shorter = old_len < len ? old_len : len, head = 0, tail = 0;
	while (head < shorter && host->map[head] == text[head])
		head++;
	while (tail < shorter - head && host->map[old_len - 1 - tail] == text[len - 1 - tail])
		tail++;
	size_t inserted = len - head - tail;
	if (inserted > CJM_PROTO_MAX_CHUNK)
		return false;
	cjm_proto_msg splice = { .type = CJM_PROTO_MAP_SPLICE,
				 .map_splice = { host->map_revision + 1, host->map_revision, (uint32_t)len, (uint32_t)head,
						 (uint32_t)(old_len - head - tail), inserted, (char *)text + head } };
	return cjm_proto_encode(frame, &splice, NULL);
}

void cjm_live_host_publish(cjm_live_host *host, const char *text, size_t len)
{
	if (len > CJM_PROTO_MAX_MAP)
		return; /* past what a participant loads: they keep the last revision */
	if (host->map_revision != 0 && len == host->map_len && (len == 0 || memcmp(text, host->map, len) == 0))
		return;
	/* who has the whole of the current revision gets the change alone; the others
	 * start the new revision from its first frame, after the rest of the frame they
	 * are writing */
	strbuf splice = { 0 };
	bool small = splice_frame(host, text, len, &splice);
	for (size_t i = 0; i < host->conn_count; i++) {
		live_conn *conn = host->conns[i];
		if (small && conn->participant && !conn->map_pending && conn->map_revision == host->map_revision) {
			conn_settle(host, conn);
			live_conn_queue(host, conn, &splice);
			conn->map_revision = host->map_revision + 1;
		} else {
			live_conn_map_restart(host, conn);
			conn->map_pending = true;
		}
	}
	strbuf_release(&splice);
	free(host->map);
	host->map = xmalloc(len + 1);
	if (len)
		memcpy(host->map, text, len);
	host->map[len] = '\0';
	host->map_len = len;
	host->map_revision++;
	live_host_sweep(host);
}

void live_host_map_free(cjm_live_host *host)
{
	free(host->map);
	strbuf_release(&host->frames);
	free(host->frame_ends);
}
