/* The facilitator's side of a live session: the listening socket, who may connect, and each connection's messages and queue (the vote and the inbox are in host_vote.c, the map's frames in host_map.c). */
#define _GNU_SOURCE /* struct ucred, accept4 */
#include "live/host_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/xalloc.h"

/* Notices kept for the status line; older ones are dropped past it. */
#define NOTICES_MAX 100
/* Bytes read from one connection per serve, so one busy peer cannot starve the rest. */
#define READ_CHUNK 65536
#define READS_PER_SERVE 4

__attribute__((format(printf, 2, 3))) void live_host_notice(cjm_live_host *host, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char text[512];
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (host->notice_count == NOTICES_MAX) {
		free(host->notices[0]);
		memmove(host->notices, host->notices + 1, (NOTICES_MAX - 1) * sizeof *host->notices);
		host->notice_count--;
	}
	xgrow((void **)&host->notices, &host->notice_cap, host->notice_count + 1, sizeof *host->notices);
	host->notices[host->notice_count++] = xstrdup(text);
}

char *cjm_live_host_take_notice(cjm_live_host *host)
{
	if (host->notice_count == 0)
		return NULL;
	char *first = host->notices[0];
	memmove(host->notices, host->notices + 1, (host->notice_count - 1) * sizeof *host->notices);
	host->notice_count--;
	return first;
}

/* The user name of UID, or "?" (static storage). */
static const char *user_name(uid_t uid)
{
	struct passwd *pw = getpwuid(uid);
	return pw ? pw->pw_name : "?";
}

/* ---- Access ---- */

/* True when the user UID is a member of the group GID. */
static bool uid_in_group(uid_t uid, gid_t gid)
{
	struct passwd *pw = getpwuid(uid);
	if (!pw)
		return false;
	if (pw->pw_gid == gid)
		return true;
	int n = 64;
	gid_t *groups = xcalloc((size_t)n, sizeof *groups);
	char *name = xstrdup(pw->pw_name);
	gid_t primary = pw->pw_gid;
	if (getgrouplist(name, primary, groups, &n) < 0) {
		groups = xrealloc(groups, (size_t)n * sizeof *groups);
		if (getgrouplist(name, primary, groups, &n) < 0)
			n = 0;
	}
	bool found = false;
	for (int i = 0; i < n && !found; i++)
		found = groups[i] == gid;
	free(groups);
	free(name);
	return found;
}

static bool host_allows(const cjm_live_host *host, uid_t uid)
{
	if (uid == host->self)
		return true;
	for (size_t i = 0; i < host->allow_count; i++)
		if (host->allow[i] == uid)
			return true;
	return host->gid != (gid_t)-1 && uid_in_group(uid, host->gid);
}

void cjm_live_host_test_self(cjm_live_host *host, uid_t self)
{
	host->self = self;
}

/* ---- Connections ---- */

cjm_live_participant *live_conn_participant(const cjm_live_host *host, const live_conn *conn)
{
	return conn->participant ? &host->participants[conn->participant - 1] : NULL;
}

/* Queues the encoded frames FRAMES on CONN; a connection whose queue passes the bound is dropped. */
void live_conn_queue(cjm_live_host *host, live_conn *conn, const strbuf *frames)
{
	if (conn->dead || conn->closing)
		return;
	strbuf_add(&conn->out, frames->data, frames->len);
	if (conn->out.len - conn->out_pos > CJM_LIVE_QUEUE_MAX) {
		const cjm_live_participant *p = live_conn_participant(host, conn);
		/* TRANSLATORS: %s is a participant's name. */
		live_host_notice(host, _("dropped %s: their cjm stopped reading"), p ? p->name : user_name(conn->uid));
		conn->dead = true;
	}
}

/* Queues MSG on CONN. */
void live_conn_send(cjm_live_host *host, live_conn *conn, const cjm_proto_msg *msg)
{
	strbuf frame = { 0 };
	/* nothing this host builds is refused; a map id from the editor is checked here */
	if (cjm_proto_encode(&frame, msg, NULL))
		live_conn_queue(host, conn, &frame);
	strbuf_release(&frame);
}

/* Says bye with REASON, an untranslated message (N_): the participant's cjm shows it
 * in its own language. */
static void conn_bye(cjm_live_host *host, live_conn *conn, const char *reason)
{
	cjm_proto_msg bye = { .type = CJM_PROTO_BYE, .bye = { (char *)reason } };
	live_conn_send(host, conn, &bye);
	conn->closing = true;
}

static void conn_free(live_conn *conn)
{
	close(conn->fd);
	cjm_proto_reader_free(conn->reader);
	strbuf_release(&conn->out);
	free(conn);
}

/* The participant CONN speaks for, no longer connected through it: NULL when it
 * speaks for none, or another connection has taken its place. */
static cjm_live_participant *conn_detach(cjm_live_host *host, live_conn *conn)
{
	cjm_live_participant *p = live_conn_participant(host, conn);
	if (!p || host->participant_conns[conn->participant - 1] != conn)
		return NULL;
	host->participant_conns[conn->participant - 1] = NULL;
	p->connected = false;
	host->generation++;
	return p;
}

/* Closes every connection marked dead; who leaves is noticed. */
void live_host_sweep(cjm_live_host *host)
{
	size_t kept = 0;
	for (size_t i = 0; i < host->conn_count; i++) {
		live_conn *conn = host->conns[i];
		if (!conn->dead) {
			host->conns[kept++] = conn;
			continue;
		}
		const cjm_live_participant *p = conn_detach(host, conn);
		if (p)
			/* TRANSLATORS: %s is a participant's name. */
			live_host_notice(host, _("%s left"), p->name);
		conn_free(conn);
	}
	host->conn_count = kept;
}

/* Queues MSG, encoded once, on every participant's connection, then closes the dropped. */
void live_host_broadcast(cjm_live_host *host, const cjm_proto_msg *msg)
{
	strbuf frame = { 0 };
	if (cjm_proto_encode(&frame, msg, NULL))
		for (size_t i = 0; i < host->conn_count; i++)
			if (host->conns[i]->participant)
				live_conn_queue(host, host->conns[i], &frame);
	strbuf_release(&frame);
	live_host_sweep(host);
}

/* Sends BYTES[*at..end) as far as the socket takes it now: false when it takes no more
 * (or failed: CONN is then dead). */
static bool conn_write(live_conn *conn, const char *bytes, size_t *at, size_t end)
{
	for (;;) {
		ssize_t n = send(conn->fd, bytes + *at, end - *at, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n >= 0) {
			*at += (size_t)n;
			return true;
		}
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			conn->dead = true;
		return false;
	}
}

/* Writes what CONN has queued, then the map's frames one by one, until the socket
 * takes no more. */
static void conn_flush(live_conn *conn, cjm_live_host *host)
{
	while (!conn->dead) {
		if (conn->map_at < conn->map_end) { /* a map frame is finished before anything else */
			if (!conn_write(conn, host->frames.data, &conn->map_at, conn->map_end))
				break;
			continue;
		}
		if (conn->out_pos < conn->out.len) {
			if (!conn_write(conn, conn->out.data, &conn->out_pos, conn->out.len))
				break;
			continue;
		}
		conn->out.len = conn->out_pos = 0;
		if (conn->closing) {
			conn->dead = true;
			break;
		}
		if (!conn->map_pending || !conn->participant)
			break;
		live_conn_map_next(host, conn);
	}
	/* What was written is dropped from the queue's front now and then, not each time. */
	if (conn->out_pos > 65536 && conn->out_pos * 2 > conn->out.len) {
		memmove(conn->out.data, conn->out.data + conn->out_pos, conn->out.len - conn->out_pos);
		conn->out.len -= conn->out_pos;
		conn->out_pos = 0;
	}
}

static bool conn_has_output(const live_conn *conn)
{
	return conn->out_pos < conn->out.len || conn->map_at < conn->map_end || conn->closing ||
	       (conn->participant && conn->map_pending);
}

/* ---- Messages from participants ---- */

static void send_reveal(cjm_live_host *host, live_conn *conn)
{
	cjm_proto_msg reveal;
	live_host_reveal_message(host, &reveal);
	live_conn_send(host, conn, &reveal);
	free(reveal.vote_reveal.teams);
}

/* What a participant is sent on joining: the selection, the vote and its own answer; the map follows. */
static void send_state(cjm_live_host *host, live_conn *conn)
{
	cjm_proto_msg follow = { .type = CJM_PROTO_FOLLOW, .follow = { host->follow_phase, host->follow_touchpoint } };
	live_conn_send(host, conn, &follow);
	if (host->vote) {
		cjm_proto_msg open = { .type = CJM_PROTO_VOTE_OPEN, .vote_open = { host->vote_id, host->vote_touchpoint } };
		live_conn_send(host, conn, &open);
		live_host_send_own_answer(host, conn, conn->participant);
		if (host->vote_revealed)
			send_reveal(host, conn);
	}
	live_conn_map_restart(host, conn);
}

size_t live_host_add_participant(cjm_live_host *host, uid_t uid, const char *name, const char *team, bool observer)
{
	xgrow((void **)&host->participants, &host->participant_cap, host->participant_count + 1,
	      sizeof *host->participants);
	xgrow((void **)&host->participant_conns, &host->participant_conn_cap, host->participant_count + 1,
	      sizeof *host->participant_conns);
	size_t i = host->participant_count++;
	host->participants[i] = (cjm_live_participant){ .id = (uint32_t)(i + 1),
							.uid = uid,
							.name = xstrdup(name),
							.team = team && *team ? xstrdup(team) : NULL,
							.observer = observer };
	host->participant_conns[i] = NULL;
	return i;
}

static void on_hello(cjm_live_host *host, live_conn *conn, const cjm_proto_msg *msg)
{
	const char *name = msg->hello.name, *team = msg->hello.team;
	bool observer = msg->hello.role == CJM_PROTO_ROLE_OBSERVER;
	if (!cjm_live_label_ok(name, strlen(name)) || (*team && !cjm_live_label_ok(team, strlen(team)))) {
		conn_bye(host, conn, N_("a name or team may not hold ':' or '|', nor a space at either end"));
		return;
	}
	size_t i = 0;
	while (i < host->participant_count &&
	       !(host->participants[i].uid == conn->uid && strcmp(host->participants[i].name, name) == 0))
		i++;
	if (i == host->participant_count) {
		if (host->participant_count >= CJM_VOTE_PARTICIPANTS_MAX) {
			conn_bye(host, conn, N_("the session is full"));
			return;
		}
		live_host_add_participant(host, conn->uid, name, team, observer);
	} else {
		live_conn *old = host->participant_conns[i];
		if (old && old != conn) {
			old->participant = 0; /* it leaves without a notice: the same one joins again */
			conn_bye(host, old, N_("you joined the session again from another terminal"));
		}
		cjm_live_participant *p = &host->participants[i];
		free(p->team);
		p->team = *team ? xstrdup(team) : NULL;
		p->observer = observer;
	}
	cjm_live_participant *p = &host->participants[i];
	p->connected = true;
	host->participant_conns[i] = conn;
	conn->participant = i + 1;
	cjm_proto_reader_set_peer(conn->reader, observer ? CJM_PROTO_PEER_OBSERVER : CJM_PROTO_PEER_PARTICIPANT);
	cjm_proto_msg welcome = { .type = CJM_PROTO_WELCOME, .welcome = { host->session, p->id } };
	live_conn_send(host, conn, &welcome);
	send_state(host, conn);
	if (p->team)
		/* TRANSLATORS: a participant's name and their team. */
		live_host_notice(host, observer ? _("%s (%s) is watching") : _("%s (%s) joined"), p->name, p->team);
	else
		live_host_notice(host, observer ? _("%s is watching") : _("%s joined"), p->name);
	host->generation++;
}

/* Reads what CONN sent and acts on each whole message. */
static void conn_read(cjm_live_host *host, live_conn *conn)
{
	char buf[READ_CHUNK];
	for (int round = 0; round < READS_PER_SERVE && !conn->dead; round++) {
		ssize_t n = recv(conn->fd, buf, sizeof buf, MSG_DONTWAIT);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN && errno != EWOULDBLOCK)
				conn->dead = true;
			return;
		}
		if (n == 0) {
			conn->dead = true;
			return;
		}
		if (conn->closing)
			continue; /* it is being sent its bye: what it says no longer counts */
		cjm_proto_reader_feed(conn->reader, buf, (size_t)n);
		cjm_proto_msg *msg;
		cjm_proto_status status;
		while (!conn->dead && !conn->closing &&
		       (status = cjm_proto_reader_next(conn->reader, &msg)) == CJM_PROTO_MESSAGE) {
			switch (msg->type) {
			case CJM_PROTO_HELLO:
				on_hello(host, conn, msg);
				break;
			case CJM_PROTO_VOTE_ANSWER:
				live_host_on_answer(host, conn, msg);
				break;
			case CJM_PROTO_NOTE_PROPOSE:
				live_host_on_note(host, conn, msg);
				break;
			case CJM_PROTO_BYE:
				conn->dead = true;
				break;
			default:
				break; /* the reader refuses every other type from a client */
			}
			cjm_proto_msg_free(msg);
		}
		if (!conn->dead && !conn->closing && status == CJM_PROTO_ERROR) {
			const cjm_live_participant *p = live_conn_participant(host, conn);
			/* TRANSLATORS: %s: a participant's name (or user name), then the reason the message was refused. */
			live_host_notice(host, _("closed the connection of %s: %s (at byte %llu)"), p ? p->name : user_name(conn->uid),
				    cjm_proto_reader_error(conn->reader),
				    (unsigned long long)cjm_proto_reader_offset(conn->reader));
			/* that notice says the participant is gone: no "left" notice after it
			 * hides its reason from the facilitator's status line */
			conn_detach(host, conn);
			conn->participant = 0;
			conn->dead = true;
		}
	}
}

/* Accepts every connection waiting; who may not connect is closed at once. */
static void host_accept(cjm_live_host *host)
{
	for (;;) {
		int fd = accept4(host->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0)
			return; /* EAGAIN: none left; anything else: tried again at the next poll */
		struct ucred cred;
		socklen_t len = sizeof cred;
		if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || len != sizeof cred) {
			close(fd);
			continue;
		}
		live_conn *conn = xcalloc(1, sizeof *conn);
		conn->fd = fd;
		conn->uid = cred.uid;
		conn->reader = cjm_proto_reader_new(CJM_PROTO_PEER_NEW_CLIENT);
		/* who is turned away is told why, once, and does not try again */
		const char *refusal = NULL;
		if (!host_allows(host, cred.uid)) {
			/* TRANSLATORS: %lu is a uid, %s its user name. */
			live_host_notice(host, _("refused a connection from uid %lu (%s): not allowed"), (unsigned long)cred.uid,
				    user_name(cred.uid));
			refusal = N_("the facilitator's session does not let you in");
		} else if (host->conn_count >= CJM_LIVE_CONNECTIONS_MAX) {
			refusal = N_("the session has too many connections");
		}
		if (refusal) {
			conn_bye(host, conn, refusal);
			conn_flush(conn, host);
			conn_free(conn);
			continue;
		}
		xgrow((void **)&host->conns, &host->conn_cap, host->conn_count + 1, sizeof *host->conns);
		host->conns[host->conn_count++] = conn;
	}
}

/* ---- The host ---- */

/* Binds a listening socket at PATH with the socket file's mode MODE and group GID. */
static int listen_at(const char *path, mode_t mode, gid_t gid, char **why)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	strcpy(sun.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		*why = xasprintf(_("cannot make a socket: %s"), strerror(errno));
		return -1;
	}
	/* made 0600 whatever the umask; the group's 0660 only once it has the group */
	mode_t old = umask(0177);
	int rc = bind(fd, (struct sockaddr *)&sun, sizeof sun);
	int err = errno;
	umask(old);
	if (rc != 0) {
		*why = xasprintf(_("cannot make the socket %s: %s"), path, strerror(err));
		close(fd);
		return -1;
	}
	if ((gid != (gid_t)-1 && chown(path, (uid_t)-1, gid) != 0) || chmod(path, mode) != 0 || listen(fd, 64) != 0) {
		*why = xasprintf(_("cannot set up the socket %s: %s"), path, strerror(errno));
		unlink(path);
		close(fd);
		return -1;
	}
	return fd;
}

/* Removes the socket at PATH when nobody listens on it; false (with *WHY) when a host does. */
static bool remove_stale(const char *path, const char *session, char **why)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return true;
	if (!S_ISSOCK(st.st_mode)) {
		*why = xasprintf(_("%s is there and is not a socket; remove it to host the session"), path);
		return false;
	}
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	strcpy(sun.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		*why = xasprintf(_("cannot make a socket: %s"), strerror(errno));
		return false;
	}
	int rc = connect(fd, (struct sockaddr *)&sun, sizeof sun);
	int err = errno;
	close(fd);
	if (rc == 0 || err != ECONNREFUSED) {
		*why = xasprintf(_("a session named %s is already hosted (socket %s)"), session, path);
		return false;
	}
	unlink(path);
	return true;
}

cjm_live_host *cjm_live_host_new(const cjm_live_host_options *options, char **why)
{
	*why = NULL;
	if (!cjm_live_session_name_ok(options->session)) {
		*why = xasprintf(_("%s is not a session name: 1 to %d of a-z, 0-9 and '-', starting with a letter or digit"),
				 options->session ? options->session : "", CJM_LIVE_SESSION_MAX);
		return NULL;
	}
	cjm_live_host *host = xcalloc(1, sizeof *host);
	host->listen_fd = -1;
	host->self = geteuid();
	host->keep_names = options->keep_names;
	host->session = xstrdup(options->session);
	host->next_vote_id = 1;
	size_t allow_cap = 0;
	for (size_t i = 0; options->allow && options->allow[i]; i++) {
		struct passwd *pw = getpwnam(options->allow[i]);
		if (!pw) {
			*why = xasprintf(_("--allow: there is no user named %s"), options->allow[i]);
			goto fail;
		}
		xgrow((void **)&host->allow, &allow_cap, host->allow_count + 1, sizeof *host->allow);
		host->allow[host->allow_count++] = pw->pw_uid;
	}
	host->dir = cjm_live_dir_prepare(&options->place, &host->gid, why);
	if (!host->dir)
		goto fail;
	char *path = cjm_live_socket_path(host->dir, host->session, why);
	if (!path)
		goto fail;
	if (!remove_stale(path, host->session, why)) {
		free(path);
		goto fail;
	}
	/* --allow users reach the socket whatever their groups (the folder lets them search
	 * it); who may stay is the uid check on accept, as tmux's server-access does */
	mode_t mode = host->allow_count ? 0666 : host->gid != (gid_t)-1 ? 0660 : 0600;
	host->listen_fd = listen_at(path, mode, host->gid, why);
	if (host->listen_fd < 0) {
		free(path);
		goto fail;
	}
	host->socket = path;
	return host;
fail:
	cjm_live_host_free(host);
	return NULL;
}

void cjm_live_host_free(cjm_live_host *host)
{
	if (!host)
		return;
	for (size_t i = 0; i < host->conn_count; i++) {
		live_conn *conn = host->conns[i];
		if (!host->hung_up) {
			conn_bye(host, conn, N_("the session has ended"));
			conn_flush(conn, host);
		}
		conn_free(conn);
	}
	free(host->conns);
	if (host->listen_fd >= 0) {
		close(host->listen_fd);
		unlink(host->socket);
	}
	for (size_t i = 0; i < host->participant_count; i++) {
		free(host->participants[i].name);
		free(host->participants[i].team);
	}
	free(host->participants);
	free(host->participant_conns);
	for (size_t i = 0; i < host->notice_count; i++)
		free(host->notices[i]);
	free(host->notices);
	for (size_t i = 0; i < host->inbox_count; i++)
		live_note_release(&host->inbox[i]);
	free(host->inbox);
	cjm_vote_free(host->vote);
	free(host->vote_touchpoint);
	live_host_map_free(host);
	free(host->follow_phase);
	free(host->follow_touchpoint);
	free(host->allow);
	free(host->session);
	free(host->dir);
	free(host->socket);
	free(host);
}

void cjm_live_host_hang_up(cjm_live_host *host)
{
	host->hung_up = true;
}

const char *cjm_live_host_session(const cjm_live_host *host)
{
	return host->session;
}

const char *cjm_live_host_socket(const cjm_live_host *host)
{
	return host->socket;
}

size_t cjm_live_host_pollfds(const cjm_live_host *host, struct pollfd *fds, size_t cap)
{
	size_t n = 0;
	if (n < cap)
		fds[n++] = (struct pollfd){ .fd = host->listen_fd, .events = POLLIN };
	for (size_t i = 0; i < host->conn_count && n < cap; i++) {
		const live_conn *conn = host->conns[i];
		fds[n++] = (struct pollfd){ .fd = conn->fd, .events = (short)(POLLIN | (conn_has_output(conn) ? POLLOUT : 0)) };
	}
	return n;
}

/* Writes every connection's queue as far as its socket takes it, then closes the dead. */
static void host_flush_all(cjm_live_host *host)
{
	for (size_t i = 0; i < host->conn_count; i++)
		if (conn_has_output(host->conns[i]))
			conn_flush(host->conns[i], host);
	live_host_sweep(host);
}

void cjm_live_host_serve(cjm_live_host *host, const struct pollfd *fds, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (!fds[i].revents)
			continue;
		if (fds[i].fd == host->listen_fd) {
			host_accept(host);
			continue;
		}
		for (size_t c = 0; c < host->conn_count; c++) {
			live_conn *conn = host->conns[c];
			if (conn->fd != fds[i].fd)
				continue;
			if (fds[i].revents & (POLLIN | POLLHUP | POLLERR))
				conn_read(host, conn);
			if (fds[i].revents & POLLNVAL)
				conn->dead = true;
			break;
		}
	}
	host_flush_all(host);
}

unsigned long cjm_live_host_generation(const cjm_live_host *host)
{
	return host->generation;
}

void cjm_live_host_follow(cjm_live_host *host, const char *phase, const char *touchpoint)
{
	phase = phase ? phase : "";
	touchpoint = touchpoint ? touchpoint : "";
	if (host->follow_phase && strcmp(host->follow_phase, phase) == 0 &&
	    strcmp(host->follow_touchpoint, touchpoint) == 0)
		return;
	free(host->follow_phase);
	free(host->follow_touchpoint);
	host->follow_phase = xstrdup(phase);
	host->follow_touchpoint = xstrdup(touchpoint);
	cjm_proto_msg follow = { .type = CJM_PROTO_FOLLOW, .follow = { host->follow_phase, host->follow_touchpoint } };
	live_host_broadcast(host, &follow);
}
