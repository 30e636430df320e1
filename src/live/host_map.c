/* The map the facilitator publishes to the room: each revision encoded once as map-chunk frames that every connection sends from, as its socket takes them. */
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
	if (conn->map_frame == host->frame_count)
		conn->map_pending = false;
}

void live_conn_map_restart(cjm_live_host *host, live_conn *conn)
{
	if (conn->map_at < conn->map_end) {
		/* The rest of the frame it is writing goes first, ahead of what is queued. */
		strbuf queue = { 0 };
		strbuf_add(&queue, host->frames.data + conn->map_at, conn->map_end - conn->map_at);
		strbuf_add(&queue, conn->out.data + conn->out_pos, conn->out.len - conn->out_pos);
		strbuf_release(&conn->out);
		conn->out = queue;
		conn->out_pos = 0;
	}
	conn->map_at = conn->map_end = 0;
	conn->map_frame = 0;
	conn->map_pending = host->map_revision != 0;
}

void cjm_live_host_publish(cjm_live_host *host, const char *text, size_t len)
{
	if (len > CJM_PROTO_MAX_MAP)
		return; /* past what a participant loads: they keep the last revision */
	if (host->map_revision != 0 && len == host->map_len && (len == 0 || memcmp(text, host->map, len) == 0))
		return;
	/* connections in the middle of a frame of the old revision keep its rest first */
	for (size_t i = 0; i < host->conn_count; i++)
		live_conn_map_restart(host, host->conns[i]);
	free(host->map);
	host->map = xmalloc(len + 1);
	if (len)
		memcpy(host->map, text, len);
	host->map[len] = '\0';
	host->map_len = len;
	host->map_revision++;
	for (size_t i = 0; i < host->conn_count; i++)
		host->conns[i]->map_pending = true;
}

void live_host_map_free(cjm_live_host *host)
{
	free(host->map);
	strbuf_release(&host->frames);
	free(host->frame_ends);
}
