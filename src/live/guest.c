/* A participant's side of a live session: connecting (and again after a drop), the map joined from its chunks, the selection, the vote and the notes. */
#include "live/guest.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "io/load.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define NOTICES_MAX 50
#define READ_CHUNK 65536
#define READS_PER_SERVE 16
/* How often a dropped connection is tried again. */
#define RETRY_MS 1000

struct cjm_live_guest {
	char *socket, *name, *team;
	bool observer;
	int fd;                      /* -1 while not connected */
	cjm_live_guest_state state;
	bool ever_joined;
	long long last_try_ms;
	cjm_proto_reader *reader;
	strbuf out;
	size_t out_pos;
	unsigned long generation;
	char *bye_reason;
	char *session;
	uint32_t participant;

	char **notices;
	size_t notice_count, notice_cap;

	/* the map revision being joined */
	bool assembling;
	uint32_t revision, total;
	strbuf text;
	/* the last whole revision, the base of the next map-splice */
	strbuf whole;
	uint32_t whole_revision; /* 0: none yet (since this connection) */
	cjm_map *map; /* the newest good one not yet taken */

	char *follow_phase, *follow_touchpoint;

	bool has_vote;
	cjm_live_guest_vote vote;
	char *vote_touchpoint;
	cjm_proto_msg *reveal;

	uint32_t *pending; /* notes proposed, not yet accepted or dropped */
	size_t pending_count, pending_cap;
	uint32_t next_note;
};

__attribute__((format(printf, 2, 3))) static void guest_notice(cjm_live_guest *guest, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char text[512];
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (guest->notice_count == NOTICES_MAX) {
		free(guest->notices[0]);
		memmove(guest->notices, guest->notices + 1, (NOTICES_MAX - 1) * sizeof *guest->notices);
		guest->notice_count--;
	}
	xgrow((void **)&guest->notices, &guest->notice_cap, guest->notice_count + 1, sizeof *guest->notices);
	guest->notices[guest->notice_count++] = xstrdup(text);
	guest->generation++;
}

char *cjm_live_guest_take_notice(cjm_live_guest *guest)
{
	if (guest->notice_count == 0)
		return NULL;
	char *first = guest->notices[0];
	memmove(guest->notices, guest->notices + 1, (guest->notice_count - 1) * sizeof *guest->notices);
	guest->notice_count--;
	return first;
}

/* Queues MSG and writes what the socket takes now. */
static void guest_flush(cjm_live_guest *guest);

static void guest_send(cjm_live_guest *guest, const cjm_proto_msg *msg)
{
	if (guest->fd < 0 || !cjm_proto_encode(&guest->out, msg, NULL))
		return;
	guest_flush(guest);
}

static void guest_disconnect(cjm_live_guest *guest)
{
	if (guest->fd >= 0)
		close(guest->fd);
	guest->fd = -1;
	cjm_proto_reader_free(guest->reader);
	guest->reader = NULL;
	strbuf_reset(&guest->out);
	guest->out_pos = 0;
	guest->assembling = false;
	strbuf_reset(&guest->text);
	strbuf_reset(&guest->whole);
	guest->whole_revision = 0;
}

/* The connection dropped: try again from the next tick on. */
static void guest_lost(cjm_live_guest *guest)
{
	guest_disconnect(guest);
	if (guest->state == CJM_LIVE_GUEST_ENDED)
		return;
	if (guest->state == CJM_LIVE_GUEST_JOINED)
		guest_notice(guest, _("lost the connection to the session; reconnecting…"));
	guest->state = CJM_LIVE_GUEST_CONNECTING;
	guest->last_try_ms = LLONG_MIN / 2; /* the first try at once, then every second */
	guest->generation++;
}

static void guest_flush(cjm_live_guest *guest)
{
	while (guest->fd >= 0 && guest->out_pos < guest->out.len) {
		ssize_t n = send(guest->fd, guest->out.data + guest->out_pos, guest->out.len - guest->out_pos,
				 MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				guest_lost(guest);
			return;
		}
		guest->out_pos += (size_t)n;
	}
	if (guest->fd >= 0 && guest->out_pos == guest->out.len) {
		guest->out.len = guest->out_pos = 0;
	}
}

/* Connects to the socket and says hello; false with *WHY (malloc'd) when it cannot. */
static bool guest_connect(cjm_live_guest *guest, char **why)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	if (strlen(guest->socket) >= sizeof sun.sun_path) {
		if (why)
			*why = xasprintf(_("the socket's path %s is too long for a socket"), guest->socket);
		return false;
	}
	strcpy(sun.sun_path, guest->socket);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof sun) != 0) {
		int err = errno;
		if (why)
			*why = err == ECONNREFUSED || err == ENOENT
				       ? xasprintf(_("no session listens on %s"), guest->socket)
				       : xasprintf(_("cannot connect to %s: %s"), guest->socket, strerror(err));
		if (fd >= 0)
			close(fd);
		return false;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	guest->fd = fd;
	guest->reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR);
	cjm_proto_msg hello = { .type = CJM_PROTO_HELLO,
				.hello = { guest->observer ? CJM_PROTO_ROLE_OBSERVER : CJM_PROTO_ROLE_PARTICIPANT,
					   guest->name, guest->team } };
	guest_send(guest, &hello);
	if (guest->fd < 0 && why)
		*why = xasprintf(_("the session at %s closed the connection at once"), guest->socket);
	return guest->fd >= 0;
}

cjm_live_guest *cjm_live_guest_new(const cjm_live_guest_options *options, char **why)
{
	*why = NULL;
	const char *name = options->name ? options->name : "";
	const char *team = options->team ? options->team : "";
	if (!cjm_live_label_ok(name, strlen(name))) {
		*why = xasprintf(_("--as: a name is one line of 1 to %d bytes without control characters, ':' or '|'"),
				 CJM_VOTE_NAME_MAX);
		return NULL;
	}
	if (*team && !cjm_live_label_ok(team, strlen(team))) {
		*why = xasprintf(_("--team: a team is one line of at most %d bytes without control characters, ':' or '|'"),
				 CJM_VOTE_TEAM_MAX);
		return NULL;
	}
	cjm_live_guest *guest = xcalloc(1, sizeof *guest);
	guest->fd = -1;
	guest->socket = xstrdup(options->socket);
	guest->name = xstrdup(name);
	guest->team = xstrdup(team);
	guest->observer = options->observer;
	guest->session = xstrdup("");
	guest->follow_phase = xstrdup("");
	guest->follow_touchpoint = xstrdup("");
	/* numbered from the clock, so that a participant's cjm started again does not reuse
	 * the numbers of its notes still in the facilitator's inbox */
	guest->next_note = (uint32_t)time(NULL) | 1u;
	guest->state = CJM_LIVE_GUEST_CONNECTING;
	if (!guest_connect(guest, why)) {
		cjm_live_guest_free(guest);
		return NULL;
	}
	return guest;
}

static void guest_forget_vote(cjm_live_guest *guest)
{
	guest->has_vote = false;
	free(guest->vote_touchpoint);
	guest->vote_touchpoint = NULL;
	cjm_proto_msg_free(guest->reveal);
	guest->reveal = NULL;
	guest->vote = (cjm_live_guest_vote){ 0 };
}

void cjm_live_guest_free(cjm_live_guest *guest)
{
	if (!guest)
		return;
	if (guest->fd >= 0) {
		cjm_proto_msg bye = { .type = CJM_PROTO_BYE, .bye = { "" } };
		guest_send(guest, &bye);
	}
	guest_disconnect(guest);
	strbuf_release(&guest->out);
	strbuf_release(&guest->text);
	strbuf_release(&guest->whole);
	for (size_t i = 0; i < guest->notice_count; i++)
		free(guest->notices[i]);
	free(guest->notices);
	cjm_map_free(guest->map);
	guest_forget_vote(guest);
	free(guest->pending);
	free(guest->follow_phase);
	free(guest->follow_touchpoint);
	free(guest->bye_reason);
	free(guest->session);
	free(guest->socket);
	free(guest->name);
	free(guest->team);
	free(guest);
}

bool cjm_live_guest_pollfd(const cjm_live_guest *guest, struct pollfd *fd)
{
	if (guest->fd < 0)
		return false;
	*fd = (struct pollfd){ .fd = guest->fd,
			       .events = (short)(POLLIN | (guest->out_pos < guest->out.len ? POLLOUT : 0)) };
	return true;
}

/* Loads the last whole revision of the map; one that does not load leaves the last good map. */
static void guest_load(cjm_live_guest *guest)
{
	diag_list *diags = diag_list_new(_("the session's map"));
	cjm_map *map = cjm_load_buffer(guest->whole.data ? guest->whole.data : "", guest->whole.len, diags, NULL);
	if (map) {
		cjm_map_free(guest->map);
		guest->map = map;
		guest->generation++;
	} else {
		const diag *first = diag_first_error(diags);
		/* TRANSLATORS: %s is the loader's first error. */
		guest_notice(guest, _("the session sent a map that does not load (%s); the last one stays"),
			     first ? first->message : "?");
	}
	diag_list_free(diags);
}

/* A chunk of the map: joined to the revision being received; a whole revision is loaded. */
static void on_chunk(cjm_live_guest *guest, const cjm_proto_msg *msg)
{
	uint32_t rev = msg->map_chunk.revision, total = msg->map_chunk.total, offset = msg->map_chunk.offset;
	if (offset == 0) {
		/* a new revision (or the same one again from its start): an older one left unfinished is dropped */
		guest->assembling = true;
		guest->revision = rev;
		guest->total = total;
		strbuf_reset(&guest->text);
		guest->text.len = 0;
	} else if (!guest->assembling || rev != guest->revision || total != guest->total ||
		   offset != guest->text.len) {
		/* it does not follow on: nothing of this revision is used */
		guest->assembling = false;
		strbuf_reset(&guest->text);
		return;
	}
	if (msg->map_chunk.len)
		strbuf_add(&guest->text, msg->map_chunk.data, msg->map_chunk.len);
	if (guest->text.len < guest->total)
		return;
	guest->assembling = false;
	/* the whole revision: loaded, and kept as the base of a splice */
	strbuf done = guest->whole;
	guest->whole = guest->text;
	guest->text = done;
	strbuf_reset(&guest->text);
	guest->whole_revision = rev;
	guest_load(guest);
}

/* A small change to the last whole revision: applied, and the result loaded. One that
 * does not fit (another base, or not TOTAL bytes) is a fault of the session's: the
 * connection is made again, which sends the whole map. */
static void on_splice(cjm_live_guest *guest, const cjm_proto_msg *msg)
{
	uint32_t offset = msg->map_splice.offset, removed = msg->map_splice.removed;
	size_t have = guest->whole.len;
	if (guest->whole_revision == 0 || msg->map_splice.base != guest->whole_revision ||
	    (uint64_t)offset + removed > have ||
	    have - removed + msg->map_splice.len != msg->map_splice.total) {
		guest_notice(guest, _("the session sent a change to a map this cjm does not have; reconnecting"));
		guest_lost(guest);
		return;
	}
	strbuf next = { 0 };
	strbuf_reserve(&next, msg->map_splice.total + 1);
	strbuf_add(&next, guest->whole.data, offset);
	strbuf_add(&next, msg->map_splice.data, msg->map_splice.len);
	strbuf_add(&next, guest->whole.data + offset + removed, have - offset - removed);
	strbuf_release(&guest->whole);
	guest->whole = next;
	guest->whole_revision = msg->map_splice.revision;
	guest_load(guest);
}

static void on_message(cjm_live_guest *guest, const cjm_proto_msg *msg)
{
	switch (msg->type) {
	case CJM_PROTO_WELCOME:
		free(guest->session);
		guest->session = xstrdup(msg->welcome.session);
		guest->participant = msg->welcome.participant;
		guest->state = CJM_LIVE_GUEST_JOINED;
		if (guest->ever_joined)
			guest_notice(guest, _("connected to the session again"));
		guest->ever_joined = true;
		/* the vote is sent again with the state that follows: what was known may be gone */
		guest_forget_vote(guest);
		break;
	case CJM_PROTO_FOLLOW:
		free(guest->follow_phase);
		free(guest->follow_touchpoint);
		guest->follow_phase = xstrdup(msg->follow.phase);
		guest->follow_touchpoint = xstrdup(msg->follow.touchpoint);
		break;
	case CJM_PROTO_VOTE_OPEN:
		guest_forget_vote(guest);
		guest->has_vote = true;
		guest->vote_touchpoint = xstrdup(msg->vote_open.touchpoint);
		guest->vote = (cjm_live_guest_vote){ .open = true, .id = msg->vote_open.vote, .touchpoint = guest->vote_touchpoint };
		break;
	case CJM_PROTO_VOTE_END:
		if (!guest->has_vote || msg->vote_end.vote != guest->vote.id)
			return;
		guest_forget_vote(guest);
		break;
	case CJM_PROTO_VOTE_ANSWER:
		if (!guest->has_vote || msg->vote_answer.vote != guest->vote.id)
			return;
		guest->vote.answered = true;
		guest->vote.skipped = msg->vote_answer.skip;
		guest->vote.score = msg->vote_answer.skip ? 0 : msg->vote_answer.score;
		break;
	case CJM_PROTO_VOTE_REVEAL: {
		if (guest->has_vote && msg->vote_reveal.vote != guest->vote.id)
			guest_forget_vote(guest);
		if (!guest->has_vote) {
			guest->has_vote = true;
			guest->vote_touchpoint = xstrdup(msg->vote_reveal.touchpoint);
			guest->vote = (cjm_live_guest_vote){ .id = msg->vote_reveal.vote, .touchpoint = guest->vote_touchpoint };
		}
		cjm_proto_msg_free(guest->reveal);
		guest->reveal = NULL; /* cjm_live_guest_serve keeps the message itself */
		guest->vote.open = false;
		guest->vote.revealed = true;
		break;
	}
	case CJM_PROTO_NOTE_RESULT: {
		size_t i = 0;
		while (i < guest->pending_count && guest->pending[i] != msg->note_result.note)
			i++;
		if (i == guest->pending_count)
			return;
		memmove(guest->pending + i, guest->pending + i + 1, (guest->pending_count - i - 1) * sizeof *guest->pending);
		guest->pending_count--;
		guest_notice(guest, msg->note_result.outcome == CJM_PROTO_ACCEPTED
					    ? _("the facilitator added your note to the map")
					    : _("the facilitator dropped your note"));
		break;
	}
	case CJM_PROTO_MAP_CHUNK:
		on_chunk(guest, msg);
		return; /* generation bumped when a whole map loaded */
	case CJM_PROTO_MAP_SPLICE:
		on_splice(guest, msg);
		return;
	case CJM_PROTO_BYE:
		free(guest->bye_reason);
		/* the host sends its reason untranslated: it is shown in this participant's language */
		guest->bye_reason = xstrdup(*msg->bye.reason ? _(msg->bye.reason) : _("the session has ended"));
		guest->state = CJM_LIVE_GUEST_ENDED;
		guest_disconnect(guest);
		break;
	default:
		return;
	}
	guest->generation++;
}

void cjm_live_guest_serve(cjm_live_guest *guest, const struct pollfd *fd)
{
	if (guest->fd < 0 || fd->fd != guest->fd)
		return;
	if (fd->revents & POLLOUT)
		guest_flush(guest);
	if (guest->fd < 0 || !(fd->revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)))
		return;
	char *buf = xmalloc(READ_CHUNK);
	for (int round = 0; round < READS_PER_SERVE && guest->fd >= 0; round++) {
		ssize_t n = recv(guest->fd, buf, READ_CHUNK, MSG_DONTWAIT);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		if (n <= 0) {
			guest_lost(guest);
			break;
		}
		cjm_proto_reader_feed(guest->reader, buf, (size_t)n);
		cjm_proto_msg *msg;
		cjm_proto_status status;
		while (guest->fd >= 0 && (status = cjm_proto_reader_next(guest->reader, &msg)) == CJM_PROTO_MESSAGE) {
			on_message(guest, msg);
			if (msg->type == CJM_PROTO_VOTE_REVEAL && guest->has_vote && guest->vote.id == msg->vote_reveal.vote) {
				guest->reveal = msg; /* kept whole: the screen reads its counts */
				guest->vote.reveal = msg;
			} else {
				cjm_proto_msg_free(msg);
			}
		}
		if (guest->fd >= 0 && status == CJM_PROTO_ERROR) {
			free(guest->bye_reason);
			/* TRANSLATORS: %s is why the message was refused. */
			guest->bye_reason = xasprintf(_("the session sent a malformed message: %s"),
						      cjm_proto_reader_error(guest->reader));
			guest->state = CJM_LIVE_GUEST_ENDED;
			guest_disconnect(guest);
			guest->generation++;
		}
	}
	free(buf);
}

void cjm_live_guest_tick(cjm_live_guest *guest, long long now_ms)
{
	if (guest->state == CJM_LIVE_GUEST_ENDED || guest->fd >= 0 || now_ms - guest->last_try_ms < RETRY_MS)
		return;
	guest->last_try_ms = now_ms;
	guest_connect(guest, NULL);
}

unsigned long cjm_live_guest_generation(const cjm_live_guest *guest)
{
	return guest->generation;
}

cjm_live_guest_state cjm_live_guest_state_of(const cjm_live_guest *guest)
{
	return guest->state;
}

const char *cjm_live_guest_bye_reason(const cjm_live_guest *guest)
{
	return guest->bye_reason;
}

bool cjm_live_guest_observer(const cjm_live_guest *guest)
{
	return guest->observer;
}

const char *cjm_live_guest_session(const cjm_live_guest *guest)
{
	return guest->session;
}

cjm_map *cjm_live_guest_take_map(cjm_live_guest *guest)
{
	cjm_map *map = guest->map;
	guest->map = NULL;
	return map;
}

const char *cjm_live_guest_follow_phase(const cjm_live_guest *guest)
{
	return guest->follow_phase;
}

const char *cjm_live_guest_follow_touchpoint(const cjm_live_guest *guest)
{
	return guest->follow_touchpoint;
}

bool cjm_live_guest_vote_of(const cjm_live_guest *guest, cjm_live_guest_vote *vote)
{
	if (!guest->has_vote)
		return false;
	*vote = guest->vote;
	return true;
}

bool cjm_live_guest_reveal_result(const cjm_live_guest *guest, cjm_vote_result *result)
{
	if (!guest->reveal)
		return false;
	/* the counts made into answers again, so the tally is the facilitator's own arithmetic */
	const cjm_proto_msg *r = guest->reveal;
	cjm_vote *vote = cjm_vote_new(false);
	uint64_t who = 1;
	size_t groups = r->vote_reveal.team_count ? r->vote_reveal.team_count : 1;
	for (size_t t = 0; t < groups; t++) {
		const cjm_proto_counts *c = r->vote_reveal.team_count ? &r->vote_reveal.teams[t].counts : &r->vote_reveal.all;
		const char *team = r->vote_reveal.team_count ? r->vote_reveal.teams[t].team : NULL;
		for (int s = 0; s < CJM_VOTE_SCORES; s++)
			for (unsigned k = 0; k < c->score[s]; k++)
				cjm_vote_answer(vote, who++, team, NULL, s + CJM_VOTE_MIN);
		for (unsigned k = 0; k < c->skipped; k++)
			cjm_vote_answer(vote, who++, team, NULL, CJM_VOTE_SKIP);
	}
	cjm_vote_tally(vote, result);
	cjm_vote_free(vote);
	return true;
}

bool cjm_live_guest_answer(cjm_live_guest *guest, bool skip, int score)
{
	if (!guest->has_vote || !guest->vote.open || guest->observer || guest->state != CJM_LIVE_GUEST_JOINED)
		return false;
	if (!skip && (score < CJM_VOTE_MIN || score > CJM_VOTE_MAX))
		return false;
	cjm_proto_msg answer = { .type = CJM_PROTO_VOTE_ANSWER, .vote_answer = { guest->vote.id, skip, skip ? 0 : score } };
	guest_send(guest, &answer);
	guest->vote.answered = true;
	guest->vote.skipped = skip;
	guest->vote.score = skip ? 0 : score;
	guest->generation++;
	return true;
}

bool cjm_live_guest_propose(cjm_live_guest *guest, const char *touchpoint, int kind, const char *text,
			    const char **why)
{
	size_t len = text ? strlen(text) : 0;
	*why = NULL;
	if (guest->observer) {
		*why = _("an observer proposes no notes");
		return false;
	}
	if (len == 0) {
		*why = _("a note needs some text");
		return false;
	}
	if (len > CJM_PROTO_MAX_TEXT) {
		*why = _("a note is at most 2000 bytes");
		return false;
	}
	uint32_t cp;
	if (!utf8_valid(text) || utf8_find_forbidden(text, len, NULL, &cp)) {
		*why = _("a note may not hold control characters");
		return false;
	}
	if (kind < CJM_PROTO_NOTE_PAIN || kind > CJM_PROTO_NOTE_QUOTE || !touchpoint || !*touchpoint) {
		*why = _("a note is a pain, an idea or a quote on a touchpoint");
		return false;
	}
	if (guest->state != CJM_LIVE_GUEST_JOINED) {
		*why = _("not connected to the session; try again once reconnected");
		return false;
	}
	cjm_proto_msg note = { .type = CJM_PROTO_NOTE_PROPOSE,
			       .note_propose = { guest->next_note, (char *)touchpoint, (cjm_proto_note_kind)kind, (char *)text } };
	strbuf probe = { 0 };
	bool ok = cjm_proto_encode(&probe, &note, NULL);
	strbuf_release(&probe);
	if (!ok) {
		*why = _("a note is a pain, an idea or a quote on a touchpoint");
		return false;
	}
	guest_send(guest, &note);
	xgrow((void **)&guest->pending, &guest->pending_cap, guest->pending_count + 1, sizeof *guest->pending);
	guest->pending[guest->pending_count++] = guest->next_note++;
	if (guest->next_note == 0)
		guest->next_note = 1;
	return true;
}

size_t cjm_live_guest_pending(const cjm_live_guest *guest)
{
	return guest->pending_count;
}
