/* Unit tests for a live session over real sockets: a host and several guests in one process, driven by one poll loop, and raw clients that send what a cjm never would. */
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixture.h"
#include "io/save.h"
#include "live/guest.h"
#include "live/host.h"
#include "live/protocol.h"
#include "live/vote_text.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define GUESTS_MAX 8

/* A host, its guests and the raw clients, in a temporary folder. */
typedef struct room {
	char dir[64];
	cjm_live_host *host;
	cjm_live_guest *guests[GUESTS_MAX];
	size_t guest_count;
} room;

static room *room_new(void)
{
	room *r = xcalloc(1, sizeof *r);
	strcpy(r->dir, "/tmp/cjm-host-test.XXXXXX");
	assert_non_null(mkdtemp(r->dir));
	cjm_live_host_options options = { .session = "werkplaats", .place = { .dir = r->dir } };
	char *why = NULL;
	r->host = cjm_live_host_new(&options, &why);
	if (!r->host)
		fail_msg("host: %s", why);
	return r;
}

static cjm_live_guest *guest_join(room *r, const char *name, const char *team, bool observer)
{
	cjm_live_guest_options options = { .socket = cjm_live_host_socket(r->host), .name = name, .team = team, .observer = observer };
	char *why = NULL;
	cjm_live_guest *g = cjm_live_guest_new(&options, &why);
	if (!g)
		fail_msg("guest: %s", why);
	assert_true(r->guest_count < GUESTS_MAX);
	r->guests[r->guest_count++] = g;
	return g;
}

static void room_free(room *r)
{
	for (size_t i = 0; i < r->guest_count; i++)
		cjm_live_guest_free(r->guests[i]);
	cjm_live_host_free(r->host);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", r->dir);
	assert_int_equal(system(cmd), 0);
	free(r);
}

/* Runs the host and every guest until nothing happens for a few rounds. */
static void pump(room *r)
{
	int idle = 0;
	for (int round = 0; round < 5000 && idle < 3; round++) {
		struct pollfd fds[CJM_LIVE_CONNECTIONS_MAX + 1 + GUESTS_MAX];
		size_t nh = r->host ? cjm_live_host_pollfds(r->host, fds, CJM_LIVE_CONNECTIONS_MAX + 1) : 0;
		size_t n = nh;
		int at[GUESTS_MAX];
		for (size_t i = 0; i < r->guest_count; i++) {
			at[i] = -1;
			if (r->guests[i] && cjm_live_guest_pollfd(r->guests[i], &fds[n]))
				at[i] = (int)n++;
		}
		int ready = poll(fds, n, 5);
		if (ready <= 0) {
			idle++;
			continue;
		}
		idle = 0;
		if (r->host)
			cjm_live_host_serve(r->host, fds, nh);
		for (size_t i = 0; i < r->guest_count; i++)
			if (at[i] >= 0)
				cjm_live_guest_serve(r->guests[i], &fds[at[i]]);
	}
}

/* Every notice the host has, joined by " / ". */
static char *host_notices(cjm_live_host *host)
{
	strbuf all = { 0 };
	char *n;
	while ((n = cjm_live_host_take_notice(host))) {
		if (all.len)
			strbuf_puts(&all, " / ");
		strbuf_puts(&all, n);
		free(n);
	}
	if (!all.data)
		strbuf_puts(&all, "");
	return all.data;
}

static void expect_notice(cjm_live_host *host, const char *text)
{
	char *all = host_notices(host);
	if (!strstr(all, text))
		fail_msg("the notices \"%s\" do not say \"%s\"", all, text);
	free(all);
}

/* The canonical text of a map of TOUCHPOINTS touchpoints titled TITLE. */
static char *map_text(const char *title, size_t touchpoints, size_t *len)
{
	cjm_map *map = cjm_map_new(title);
	cjm_phase *phase = NULL;
	for (size_t i = 0; i < touchpoints; i++) {
		if (i % 50 == 0) {
			char id[32];
			snprintf(id, sizeof id, "fase-%zu", i / 50 + 1);
			phase = add_phase(map, id, "Oriëntatie");
		}
		char id[32], name[80];
		snprintf(id, sizeof id, "tp-%zu", i + 1);
		snprintf(name, sizeof name, "Contactmoment %zu: prijzen vergelijken op de site", i + 1);
		add_tp(phase, id, name, (int)(i % 7) - 3);
	}
	strbuf out = { 0 };
	cjm_save_to_buffer(map, &out);
	cjm_map_free(map);
	*len = out.len;
	return out.data;
}

/* ---- A raw client: bytes as a scripted peer sends them ---- */

static int raw_connect(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	strcpy(sun.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	assert_int_equal(connect(fd, (struct sockaddr *)&sun, sizeof sun), 0);
	return fd;
}

static void raw_send(int fd, const cjm_proto_msg *msg)
{
	strbuf out = { 0 };
	assert_true(cjm_proto_encode(&out, msg, NULL));
	assert_int_equal(write(fd, out.data, out.len), (ssize_t)out.len);
	strbuf_release(&out);
}

static void raw_hello(int fd, const char *name, const char *team)
{
	cjm_proto_msg hello = { .type = CJM_PROTO_HELLO, .hello = { CJM_PROTO_ROLE_PARTICIPANT, (char *)name, (char *)team } };
	raw_send(fd, &hello);
}

/* The messages a raw client has received so far (read without blocking), by type. */
typedef struct raw_log {
	cjm_proto_reader *reader;
	size_t count[CJM_PROTO_TYPE_MAX + 1];
	int answers_seen[8]; /* vote-answer scores it was sent (+3 offset), skips at 7 */
	bool eof;
} raw_log;

static void raw_drain(int fd, raw_log *log)
{
	char buf[65536];
	ssize_t n;
	while ((n = recv(fd, buf, sizeof buf, MSG_DONTWAIT)) > 0) {
		cjm_proto_reader_feed(log->reader, buf, (size_t)n);
		cjm_proto_msg *msg;
		while (cjm_proto_reader_next(log->reader, &msg) == CJM_PROTO_MESSAGE) {
			log->count[msg->type]++;
			if (msg->type == CJM_PROTO_VOTE_ANSWER)
				log->answers_seen[msg->vote_answer.skip ? 7 : msg->vote_answer.score + 3]++;
			cjm_proto_msg_free(msg);
		}
	}
	if (n == 0)
		log->eof = true;
}

/* ---- The tests ---- */

static void test_join_and_welcome(void **state)
{
	(void)state;
	room *r = room_new();
	struct stat st;
	assert_int_equal(lstat(cjm_live_host_socket(r->host), &st), 0);
	assert_true(S_ISSOCK(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0600);
	cjm_live_guest *alice = guest_join(r, "alice", "finance", false);
	cjm_live_guest *bram = guest_join(r, "Bram", NULL, false);
	cjm_live_guest *cor = guest_join(r, "cor", "service", true);
	assert_int_equal(cjm_live_guest_state_of(alice), CJM_LIVE_GUEST_CONNECTING);
	pump(r);
	assert_int_equal(cjm_live_guest_state_of(alice), CJM_LIVE_GUEST_JOINED);
	assert_int_equal(cjm_live_guest_state_of(bram), CJM_LIVE_GUEST_JOINED);
	assert_string_equal(cjm_live_guest_session(alice), "werkplaats");
	size_t observers = 9;
	assert_int_equal(cjm_live_host_connected(r->host, &observers), 3);
	assert_int_equal(observers, 1);
	const cjm_live_participant *list;
	assert_int_equal(cjm_live_host_participants(r->host, &list), 3);
	assert_int_equal(list[0].id, 1);
	assert_string_equal(list[0].name, "alice");
	assert_string_equal(list[0].team, "finance");
	assert_int_equal(list[0].uid, geteuid());
	assert_null(list[1].team);
	assert_true(list[2].observer);
	char *all = host_notices(r->host);
	assert_string_equal(all, "alice (finance) joined / Bram joined / cor (service) is watching");
	free(all);
	(void)cor;
	room_free(r);
}

static void test_bad_names_refused(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest_options options = { .socket = cjm_live_host_socket(r->host), .name = "al:ice" };
	char *why = NULL;
	assert_null(cjm_live_guest_new(&options, &why));
	assert_non_null(strstr(why, "--as: a name is one line of 1 to 64 bytes"));
	free(why);
	options.name = "alice";
	options.team = "fin|ance";
	assert_null(cjm_live_guest_new(&options, &why));
	assert_non_null(strstr(why, "--team:"));
	free(why);
	/* a raw hello with such a name: told why, and closed */
	int fd = raw_connect(cjm_live_host_socket(r->host));
	raw_hello(fd, "a|b", "");
	pump(r);
	raw_log log = { .reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR) };
	raw_drain(fd, &log);
	assert_int_equal(log.count[CJM_PROTO_BYE], 1);
	assert_int_equal(log.count[CJM_PROTO_WELCOME], 0);
	assert_true(log.eof);
	assert_int_equal(cjm_live_host_connected(r->host, NULL), 0);
	cjm_proto_reader_free(log.reader);
	close(fd);
	room_free(r);
}

static void test_ids_stable_across_reconnect(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *alice = guest_join(r, "alice", "finance", false);
	guest_join(r, "bram", NULL, false);
	pump(r);
	/* the connection drops under alice */
	struct pollfd fd;
	assert_true(cjm_live_guest_pollfd(alice, &fd));
	shutdown(fd.fd, SHUT_RDWR);
	pump(r);
	assert_int_equal(cjm_live_guest_state_of(alice), CJM_LIVE_GUEST_CONNECTING);
	char *n = cjm_live_guest_take_notice(alice);
	assert_string_equal(n, "lost the connection to the session; reconnecting…");
	free(n);
	expect_notice(r->host, "alice left");
	assert_int_equal(cjm_live_host_connected(r->host, NULL), 1);
	/* the first tick connects at once, the next ones wait a second */
	cjm_live_guest_tick(alice, 5000);
	pump(r);
	assert_int_equal(cjm_live_guest_state_of(alice), CJM_LIVE_GUEST_JOINED);
	n = cjm_live_guest_take_notice(alice);
	assert_string_equal(n, "connected to the session again");
	free(n);
	const cjm_live_participant *list;
	assert_int_equal(cjm_live_host_participants(r->host, &list), 2);
	assert_int_equal(list[0].id, 1);
	assert_true(list[0].connected);
	/* a new cjm for the same name is the same participant; another name is a new one */
	cjm_live_guest_free(alice);
	r->guests[0] = NULL;
	pump(r);
	expect_notice(r->host, "alice left");
	r->guests[0] = guest_join(r, "alice", "finance", false);
	r->guest_count--;
	r->guests[r->guest_count] = NULL;
	guest_join(r, "alice2", NULL, false);
	pump(r);
	assert_int_equal(cjm_live_host_participants(r->host, &list), 3);
	assert_int_equal(cjm_live_host_connected(r->host, NULL), 3);
	assert_string_equal(list[2].name, "alice2");
	room_free(r);
}

static void test_map_revisions(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *g = guest_join(r, "alice", NULL, false);
	pump(r);
	assert_null(cjm_live_guest_take_map(g));
	size_t len;
	char *small = map_text("Klein", 3, &len);
	cjm_live_host_publish(r->host, small, len);
	pump(r);
	cjm_map *map = cjm_live_guest_take_map(g);
	assert_non_null(map);
	assert_string_equal(map->title, "Klein");
	assert_int_equal(cjm_map_touchpoint_count(map), 3);
	cjm_map_free(map);
	assert_null(cjm_live_guest_take_map(g)); /* nothing newer */
	/* the same text again is no new revision */
	cjm_live_host_publish(r->host, small, len);
	pump(r);
	assert_null(cjm_live_guest_take_map(g));
	free(small);

	/* bigger than a chunk many times over */
	char *big = map_text("Groot", 8000, &len);
	assert_true(len > 10 * CJM_PROTO_MAX_CHUNK);
	cjm_live_host_publish(r->host, big, len);
	pump(r);
	map = cjm_live_guest_take_map(g);
	assert_non_null(map);
	assert_string_equal(map->title, "Groot");
	assert_int_equal(cjm_map_touchpoint_count(map), 8000);
	cjm_map_free(map);

	/* a newer revision while the older is half sent: the host writes what the socket
	 * takes (far less than the map) before the guest reads anything */
	char *older = map_text("Ouder", 8001, &len);
	cjm_live_host_publish(r->host, older, len);
	struct pollfd fds[4];
	size_t n = cjm_live_host_pollfds(r->host, fds, 4);
	assert_int_equal(n, 2);
	assert_true(fds[1].events & POLLOUT);
	fds[0].revents = 0;
	fds[1].revents = POLLOUT;
	cjm_live_host_serve(r->host, fds, n);
	/* the socket took part of it: the rest waits */
	n = cjm_live_host_pollfds(r->host, fds, 4);
	assert_true(fds[1].events & POLLOUT);
	size_t newer_len;
	char *newer = map_text("Nieuwer", 5, &newer_len);
	cjm_live_host_publish(r->host, newer, newer_len);
	pump(r);
	map = cjm_live_guest_take_map(g);
	assert_non_null(map);
	assert_string_equal(map->title, "Nieuwer");
	cjm_map_free(map);
	assert_null(cjm_live_guest_take_map(g));
	/* a small change to a map the guest has whole: one splice, and the guest's map
	 * is the new text's */
	size_t changed_len;
	char *changed = map_text("Nieuwst", 5, &changed_len);
	cjm_live_host_publish(r->host, changed, changed_len);
	n = cjm_live_host_pollfds(r->host, fds, 4);
	fds[0].revents = 0;
	fds[1].revents = POLLOUT;
	cjm_live_host_serve(r->host, fds, n);
	pump(r);
	map = cjm_live_guest_take_map(g);
	assert_non_null(map);
	assert_string_equal(map->title, "Nieuwst");
	assert_int_equal(cjm_map_touchpoint_count(map), 5);
	cjm_map_free(map);
	free(newer);
	newer = changed;
	/* a late joiner gets the current revision only */
	cjm_live_guest *late = guest_join(r, "late", NULL, false);
	pump(r);
	map = cjm_live_guest_take_map(late);
	assert_non_null(map);
	assert_string_equal(map->title, "Nieuwst");
	cjm_map_free(map);
	free(big);
	free(older);
	free(newer);
	room_free(r);
}

/* A small change goes as one map-splice to whoever has the revision before whole; a
 * client in the middle of the map gets the new revision's chunks. */
static void test_small_change_is_a_splice(void **state)
{
	(void)state;
	room *r = room_new();
	size_t len;
	char *text = map_text("Klein", 40, &len);
	cjm_live_host_publish(r->host, text, len);
	int fd = raw_connect(cjm_live_host_socket(r->host));
	raw_hello(fd, "rita", "it");
	raw_log log = { .reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR) };
	for (int i = 0; i < 20; i++) {
		pump(r);
		raw_drain(fd, &log);
	}
	assert_int_equal(log.count[CJM_PROTO_MAP_CHUNK], 1);
	/* one name changed: the same text but for a byte */
	char *at = strstr(text, "prijzen");
	assert_non_null(at);
	at[0] = 'P';
	cjm_live_host_publish(r->host, text, len);
	for (int i = 0; i < 20; i++) {
		pump(r);
		raw_drain(fd, &log);
	}
	assert_int_equal(log.count[CJM_PROTO_MAP_CHUNK], 1);
	assert_int_equal(log.count[CJM_PROTO_MAP_SPLICE], 1);
	/* a guest that joins now gets the whole map, and loads the changed text */
	cjm_live_guest *g = guest_join(r, "gert", NULL, false);
	pump(r);
	cjm_map *map = cjm_live_guest_take_map(g);
	assert_non_null(map);
	strbuf again = { 0 };
	cjm_save_to_buffer(map, &again);
	assert_int_equal(again.len, len);
	assert_memory_equal(again.data, text, len);
	strbuf_release(&again);
	cjm_map_free(map);
	cjm_proto_reader_free(log.reader);
	close(fd);
	free(text);
	room_free(r);
}

static void test_follow(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_host_follow(r->host, "orientatie", "prijzen-vergelijken");
	cjm_live_guest *g = guest_join(r, "alice", NULL, false);
	pump(r);
	assert_string_equal(cjm_live_guest_follow_phase(g), "orientatie");
	assert_string_equal(cjm_live_guest_follow_touchpoint(g), "prijzen-vergelijken");
	unsigned long gen = cjm_live_guest_generation(g);
	cjm_live_host_follow(r->host, "overstap", NULL);
	pump(r);
	assert_string_equal(cjm_live_guest_follow_phase(g), "overstap");
	assert_string_equal(cjm_live_guest_follow_touchpoint(g), "");
	assert_true(cjm_live_guest_generation(g) > gen);
	room_free(r);
}

static void test_vote_blind_and_reveal(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *a = guest_join(r, "alice", "finance", false);
	cjm_live_guest *b = guest_join(r, "bram", "finance", false);
	cjm_live_guest *c = guest_join(r, "cor", "service", false);
	cjm_live_guest *d = guest_join(r, "dirk", NULL, false);
	cjm_live_guest *o = guest_join(r, "olga", NULL, true);
	int spy = raw_connect(cjm_live_host_socket(r->host));
	raw_hello(spy, "spy", "service");
	raw_log log = { .reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR) };
	pump(r);
	cjm_live_guest_vote v;
	assert_false(cjm_live_guest_vote_of(a, &v));
	assert_false(cjm_live_guest_answer(a, false, 1));

	uint32_t id = cjm_live_host_vote_open(r->host, "prijzen-vergelijken");
	pump(r);
	assert_true(cjm_live_guest_vote_of(a, &v));
	assert_true(v.open);
	assert_false(v.answered);
	assert_int_equal(v.id, id);
	assert_string_equal(v.touchpoint, "prijzen-vergelijken");
	assert_true(cjm_live_guest_answer(a, false, 2));
	assert_true(cjm_live_guest_answer(a, false, 3)); /* changed: the last counts */
	assert_true(cjm_live_guest_answer(b, false, 1));
	assert_true(cjm_live_guest_answer(c, false, -2));
	assert_true(cjm_live_guest_answer(d, true, 0));
	assert_false(cjm_live_guest_answer(o, false, 1)); /* an observer does not vote */
	pump(r);
	raw_drain(spy, &log);
	/* the spy got the vote, and nobody's answer */
	assert_int_equal(log.count[CJM_PROTO_VOTE_OPEN], 1);
	assert_int_equal(log.count[CJM_PROTO_VOTE_ANSWER], 0);
	assert_int_equal(log.count[CJM_PROTO_VOTE_REVEAL], 0);
	assert_int_equal(cjm_vote_entries(cjm_live_host_vote(r->host, NULL, NULL)), 4);
	assert_false(cjm_live_guest_reveal_result(a, &(cjm_vote_result){ 0 }));
	/* the spy answers: it is sent back its own answer, and only that */
	cjm_proto_msg answer = { .type = CJM_PROTO_VOTE_ANSWER, .vote_answer = { id, false, -1 } };
	raw_send(spy, &answer);
	cjm_proto_msg stale = { .type = CJM_PROTO_VOTE_ANSWER, .vote_answer = { id + 7, false, 3 } };
	raw_send(spy, &stale); /* for another vote: ignored, the connection stays */
	pump(r);
	raw_drain(spy, &log);
	assert_int_equal(log.count[CJM_PROTO_VOTE_ANSWER], 1);
	assert_int_equal(log.answers_seen[-1 + 3], 1);
	assert_false(log.eof);
	assert_int_equal(cjm_vote_entries(cjm_live_host_vote(r->host, NULL, NULL)), 5);

	assert_true(cjm_live_host_vote_reveal(r->host));
	assert_false(cjm_live_host_vote_reveal(r->host));
	pump(r);
	raw_drain(spy, &log);
	assert_int_equal(log.count[CJM_PROTO_VOTE_REVEAL], 1);
	assert_false(cjm_live_guest_answer(a, false, -3)); /* closed */
	for (size_t i = 0; i < 5; i++) {
		assert_true(cjm_live_guest_vote_of(r->guests[i], &v));
		assert_true(v.revealed);
		assert_false(v.open);
		assert_non_null(v.reveal);
	}
	const cjm_proto_msg *rv = v.reveal;
	assert_int_equal(rv->vote_reveal.all.score[3 + 3], 1);
	assert_int_equal(rv->vote_reveal.all.score[1 + 3], 1);
	assert_int_equal(rv->vote_reveal.all.score[-2 + 3], 1);
	assert_int_equal(rv->vote_reveal.all.score[-1 + 3], 1);
	assert_int_equal(rv->vote_reveal.all.skipped, 1);
	assert_int_equal(rv->vote_reveal.team_count, 3);
	cjm_vote_result res;
	assert_true(cjm_live_guest_reveal_result(a, &res));
	assert_int_equal(res.voted, 4);
	assert_int_equal(res.skipped, 1);
	assert_int_equal(res.sum, 1);
	assert_int_equal(res.range, 5);
	assert_true(res.divergence & CJM_VOTE_DIVERGE_RANGE);
	/* teams by name: finance (3, 1: mean 2), service (-2, -1), no team (a skip) */
	assert_int_equal(res.team_count, 3);
	assert_string_equal(res.teams[0].name, "finance");
	assert_int_equal(res.teams[0].voted, 2);
	assert_int_equal(res.teams[0].sum, 4);
	assert_string_equal(res.teams[1].name, "service");
	assert_int_equal(res.teams[1].sum, -3);
	assert_null(res.teams[2].name);
	assert_int_equal(res.teams[2].skipped, 1);
	strbuf text = { 0 };
	cjm_vote_divergence_text(&text, &res, "en");
	assert_non_null(strstr(text.data, "finance +2.0 vs service"));
	strbuf_release(&text);
	/* the same as the facilitator's own tally */
	cjm_vote_result own;
	cjm_vote_tally(cjm_live_host_vote(r->host, NULL, NULL), &own);
	assert_int_equal(own.median2, res.median2);
	assert_int_equal(own.divergence, res.divergence);
	cjm_vote_result_release(&own);
	cjm_vote_result_release(&res);

	/* a re-vote: a new number, nothing answered, the old answers do not count */
	uint32_t again = cjm_live_host_vote_open(r->host, "prijzen-vergelijken");
	assert_int_not_equal(again, id);
	pump(r);
	assert_true(cjm_live_guest_vote_of(a, &v));
	assert_true(v.open);
	assert_false(v.revealed);
	assert_false(v.answered);
	raw_send(spy, &answer); /* the old vote's number */
	pump(r);
	assert_int_equal(cjm_vote_entries(cjm_live_host_vote(r->host, NULL, NULL)), 0);
	cjm_live_host_vote_end(r->host);
	assert_null(cjm_live_host_vote(r->host, NULL, NULL));
	cjm_proto_reader_free(log.reader);
	close(spy);
	room_free(r);
}

static void test_answer_seen_after_reconnect(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *a = guest_join(r, "alice", "finance", false);
	pump(r);
	uint32_t id = cjm_live_host_vote_open(r->host, "tp-1");
	pump(r);
	assert_true(cjm_live_guest_answer(a, false, -1));
	pump(r);
	struct pollfd fd;
	assert_true(cjm_live_guest_pollfd(a, &fd));
	shutdown(fd.fd, SHUT_RDWR);
	pump(r);
	cjm_live_guest_tick(a, 0);
	pump(r);
	cjm_live_guest_vote v;
	assert_true(cjm_live_guest_vote_of(a, &v));
	assert_int_equal(v.id, id);
	assert_true(v.open);
	assert_true(v.answered);
	assert_false(v.skipped);
	assert_int_equal(v.score, -1);
	/* counted once */
	assert_int_equal(cjm_vote_entries(cjm_live_host_vote(r->host, NULL, NULL)), 1);
	room_free(r);
}

/* The vote waits for who is connected, and still counts who answered and left. */
static void test_voters_of_the_vote(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *a = guest_join(r, "alice", "finance", false);
	guest_join(r, "bob", "service", false);
	guest_join(r, "owen", NULL, true);
	pump(r);
	cjm_live_host_vote_open(r->host, "tp-1");
	pump(r);
	assert_int_equal(cjm_live_host_vote_voters(r->host), 2); /* not the observer */
	assert_true(cjm_live_guest_answer(a, false, 2));
	pump(r);
	struct pollfd fd;
	assert_true(cjm_live_guest_pollfd(a, &fd));
	shutdown(fd.fd, SHUT_RDWR);
	pump(r);
	size_t observers = 0;
	assert_int_equal(cjm_live_host_connected(r->host, &observers), 2);
	assert_int_equal(observers, 1);
	/* alice left after answering: 1 of 2, not 1 of 1 */
	assert_int_equal(cjm_vote_entries(cjm_live_host_vote(r->host, NULL, NULL)), 1);
	assert_int_equal(cjm_live_host_vote_voters(r->host), 2);
	room_free(r);
}

static void test_notes(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *a = guest_join(r, "alice", "finance", false);
	cjm_live_guest *o = guest_join(r, "olga", NULL, true);
	pump(r);
	const char *why = NULL;
	assert_false(cjm_live_guest_propose(a, "tp-1", CJM_PROTO_NOTE_PAIN, "", &why));
	assert_string_equal(why, "a note needs some text");
	assert_false(cjm_live_guest_propose(a, "tp-1", CJM_PROTO_NOTE_PAIN, "bel\x1b[31m", &why));
	assert_string_equal(why, "a note may not hold control characters");
	assert_false(cjm_live_guest_propose(o, "tp-1", CJM_PROTO_NOTE_IDEA, "idee", &why));
	assert_true(cjm_live_guest_propose(a, "tp-1", CJM_PROTO_NOTE_PAIN, "Wachttijd van 40 minuten", &why));
	assert_true(cjm_live_guest_propose(a, "tp-2", CJM_PROTO_NOTE_QUOTE, "“Ik snap\ner niets van.”", &why));
	assert_int_equal(cjm_live_guest_pending(a), 2);
	pump(r);
	const cjm_live_note *notes;
	assert_int_equal(cjm_live_host_inbox(r->host, &notes), 2);
	assert_int_equal(notes[0].participant, 1);
	assert_string_equal(notes[0].touchpoint, "tp-1");
	assert_int_equal(notes[0].kind, CJM_PROTO_NOTE_PAIN);
	assert_string_equal(notes[0].text, "Wachttijd van 40 minuten");
	assert_string_equal(notes[0].team, "finance");
	assert_null(notes[0].name); /* names are not kept */
	assert_string_equal(notes[1].text, "“Ik snap\ner niets van.”");
	cjm_live_host_note_done(r->host, 1, true);
	pump(r);
	assert_int_equal(cjm_live_guest_pending(a), 1);
	char *n = cjm_live_guest_take_notice(a);
	assert_string_equal(n, "the facilitator added your note to the map");
	free(n);
	cjm_live_host_note_done(r->host, 0, false);
	pump(r);
	assert_int_equal(cjm_live_guest_pending(a), 0);
	n = cjm_live_guest_take_notice(a);
	assert_string_equal(n, "the facilitator dropped your note");
	free(n);
	assert_int_equal(cjm_live_host_inbox(r->host, &notes), 0);
	room_free(r);
}

/* A raw client sends BYTES; that connection alone is closed, with a notice saying why. */
static void expect_closed_alone(const char *bytes, size_t len, const char *notice)
{
	room *r = room_new();
	cjm_live_guest *g = guest_join(r, "alice", NULL, false);
	pump(r);
	int fd = raw_connect(cjm_live_host_socket(r->host));
	assert_int_equal(write(fd, bytes, len), (ssize_t)len);
	pump(r);
	expect_notice(r->host, notice);
	raw_log log = { .reader = cjm_proto_reader_new(CJM_PROTO_PEER_FACILITATOR) };
	raw_drain(fd, &log);
	assert_true(log.eof);
	cjm_proto_reader_free(log.reader);
	close(fd);
	cjm_live_host_follow(r->host, "fase", "tp");
	pump(r);
	assert_int_equal(cjm_live_guest_state_of(g), CJM_LIVE_GUEST_JOINED);
	assert_string_equal(cjm_live_guest_follow_touchpoint(g), "tp");
	room_free(r);
}

static void test_malformed_closes_that_connection(void **state)
{
	(void)state;
	char want[160];
	expect_closed_alone("HTTP/1.1 GET /", 14, "not a cjm live session: a frame does not start with \"CJML\" (at byte 0)");
	/* a participant's vote-open, after its hello */
	strbuf s = { 0 };
	cjm_proto_msg hello = { .type = CJM_PROTO_HELLO, .hello = { CJM_PROTO_ROLE_PARTICIPANT, "mallory", "" } };
	cjm_proto_msg open = { .type = CJM_PROTO_VOTE_OPEN, .vote_open = { 1, "tp" } };
	assert_true(cjm_proto_encode(&s, &hello, NULL));
	size_t at = s.len;
	assert_true(cjm_proto_encode(&s, &open, NULL));
	snprintf(want, sizeof want, "closed the connection of mallory: a participant may not send a vote-open message (at byte %zu)",
		 at + 5);
	expect_closed_alone(s.data, s.len, want);
	strbuf_release(&s);
}

static void test_oversized_closes_that_connection(void **state)
{
	(void)state;
	/* a hello claiming 16 MiB: refused from its header */
	expect_closed_alone("CJML\x01\x01\x01\x00\x00\x00", 10,
			    "a hello message of 16777216 bytes is over the limit of 65536 bytes (at byte 6)");
}

static void test_slow_reader_dropped(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *g = guest_join(r, "alice", NULL, false);
	int slow = raw_connect(cjm_live_host_socket(r->host));
	raw_hello(slow, "slow", "");
	pump(r);
	assert_int_equal(cjm_live_host_connected(r->host, NULL), 2);
	char phase[CJM_PROTO_MAX_ID + 1];
	memset(phase, 'a', CJM_PROTO_MAX_ID);
	phase[CJM_PROTO_MAX_ID] = '\0';
	/* follows that a reader never takes: about 270 bytes each, far past the queue's bound */
	for (int i = 0; i < 12000; i++) {
		char tp[16];
		snprintf(tp, sizeof tp, "tp-%d", i);
		cjm_live_host_follow(r->host, phase, tp);
		if (i % 500 == 0)
			pump(r);
	}
	pump(r);
	expect_notice(r->host, "dropped slow: their cjm stopped reading");
	assert_int_equal(cjm_live_host_connected(r->host, NULL), 1);
	assert_int_equal(cjm_live_guest_state_of(g), CJM_LIVE_GUEST_JOINED);
	assert_string_equal(cjm_live_guest_follow_touchpoint(g), "tp-11999");
	close(slow);
	room_free(r);
}

static void test_refused_uid(void **state)
{
	(void)state;
	room *r = room_new();
	/* the host takes another uid for its own: this process is then a stranger */
	uid_t me = geteuid();
	cjm_live_host_test_self(r->host, me + 1);
	cjm_live_guest *g = guest_join(r, "mallory", NULL, false);
	pump(r);
	assert_int_not_equal(cjm_live_guest_state_of(g), CJM_LIVE_GUEST_JOINED);
	assert_int_equal(cjm_live_host_connected(r->host, NULL), 0);
	char want[128];
	snprintf(want, sizeof want, "refused a connection from uid %lu (", (unsigned long)me);
	char *all = host_notices(r->host);
	assert_non_null(strstr(all, want));
	assert_non_null(strstr(all, "): not allowed"));
	free(all);
	/* told why, and not trying again */
	assert_int_equal(cjm_live_guest_state_of(g), CJM_LIVE_GUEST_ENDED);
	assert_string_equal(cjm_live_guest_bye_reason(g), "the facilitator's session does not let you in");
	room_free(r);
}

static void test_stale_and_second_host(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_host_options options = { .session = "werkplaats", .place = { .dir = r->dir } };
	char *why = NULL;
	assert_null(cjm_live_host_new(&options, &why));
	char *want = xasprintf("a session named werkplaats is already hosted (socket %s/werkplaats.sock)", r->dir);
	assert_string_equal(why, want);
	free(want);
	free(why);
	/* a socket left behind by a crashed host is removed */
	char *path = xasprintf("%s/verlaten.sock", r->dir);
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	strcpy(sun.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&sun, sizeof sun), 0);
	close(fd);
	options.session = "verlaten";
	cjm_live_host *second = cjm_live_host_new(&options, &why);
	assert_non_null(second);
	int c = raw_connect(path);
	close(c);
	cjm_live_host_free(second);
	struct stat st;
	assert_int_equal(lstat(path, &st), -1); /* removed when the host ends */
	free(path);
	/* an allowed user that does not exist */
	const char *allow[] = { "no-such-user-cjm", NULL };
	options.allow = allow;
	assert_null(cjm_live_host_new(&options, &why));
	assert_string_equal(why, "--allow: there is no user named no-such-user-cjm");
	free(why);
	options.allow = NULL;
	options.session = "Not A Name";
	assert_null(cjm_live_host_new(&options, &why));
	free(why);
	room_free(r);
}

/* A --dir folder its group may enter: the socket is the group's too (0660). */
static void test_group_socket_mode(void **state)
{
	(void)state;
	char dir[] = "/tmp/cjm-host-test.XXXXXX";
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chmod(dir, 0750), 0);
	struct stat st;
	assert_int_equal(stat(dir, &st), 0);
	cjm_live_host_options options = { .session = "groep", .place = { .dir = dir } };
	char *why = NULL;
	cjm_live_host *host = cjm_live_host_new(&options, &why);
	assert_non_null(host);
	struct stat sock;
	assert_int_equal(lstat(cjm_live_host_socket(host), &sock), 0);
	assert_int_equal(sock.st_mode & 0777, 0660);
	assert_int_equal(sock.st_gid, st.st_gid);
	cjm_live_host_free(host);
	assert_int_equal(rmdir(dir), 0);
}

static void test_session_ended(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *g = guest_join(r, "alice", NULL, false);
	pump(r);
	cjm_live_host_free(r->host);
	r->host = NULL;
	pump(r);
	assert_int_equal(cjm_live_guest_state_of(g), CJM_LIVE_GUEST_ENDED);
	assert_string_equal(cjm_live_guest_bye_reason(g), "the session has ended");
	cjm_live_guest_tick(g, 99999); /* nothing more: it does not reconnect */
	struct pollfd fd;
	assert_false(cjm_live_guest_pollfd(g, &fd));
	cjm_live_host_options options = { .session = "werkplaats", .place = { .dir = r->dir } };
	char *why = NULL;
	r->host = cjm_live_host_new(&options, &why);
	room_free(r);
}

/* A vote that ends (its value taken, or stopped) is dropped from every screen. */
static void test_vote_end_reaches_everyone(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *a = guest_join(r, "alice", "finance", false);
	cjm_live_guest *o = guest_join(r, "owen", NULL, true);
	pump(r);
	uint32_t id = cjm_live_host_vote_open(r->host, "tp-1");
	pump(r);
	cjm_live_guest_vote v;
	assert_true(cjm_live_guest_vote_of(a, &v) && v.open && v.id == id);
	assert_true(cjm_live_guest_vote_of(o, &v) && v.open);
	cjm_live_host_vote_end(r->host);
	pump(r);
	assert_false(cjm_live_guest_vote_of(a, &v));
	assert_false(cjm_live_guest_vote_of(o, &v));
	assert_null(cjm_live_host_vote(r->host, NULL, NULL));
	/* an answer to it now is no answer to anything */
	assert_false(cjm_live_guest_answer(a, false, 1));
	room_free(r);
}

/* A facilitator's cjm stopped by a signal says no bye: the participants reconnect. */
static void test_hang_up_lets_them_reconnect(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *g = guest_join(r, "alice", NULL, false);
	pump(r);
	assert_int_equal(cjm_live_guest_state_of(g), CJM_LIVE_GUEST_JOINED);
	cjm_live_host_hang_up(r->host);
	cjm_live_host_free(r->host);
	r->host = NULL;
	pump(r);
	assert_int_equal(cjm_live_guest_state_of(g), CJM_LIVE_GUEST_CONNECTING);
	cjm_live_host_options options = { .session = "werkplaats", .place = { .dir = r->dir } };
	char *why = NULL;
	r->host = cjm_live_host_new(&options, &why);
	assert_non_null(r->host);
	cjm_live_guest_tick(g, 99999);
	pump(r);
	assert_int_equal(cjm_live_guest_state_of(g), CJM_LIVE_GUEST_JOINED);
	room_free(r);
}

static void test_state_round_trip_and_crash(void **state)
{
	(void)state;
	room *r = room_new();
	cjm_live_guest *a = guest_join(r, "alice", "finance", false);
	cjm_live_guest *b = guest_join(r, "bram", NULL, false);
	guest_join(r, "olga", NULL, true);
	pump(r);
	uint32_t id = cjm_live_host_vote_open(r->host, "tp-1");
	pump(r);
	cjm_live_guest_answer(a, false, 2);
	cjm_live_guest_answer(b, true, 0);
	const char *why;
	cjm_live_guest_propose(a, "tp-2", CJM_PROTO_NOTE_IDEA, "Stuur\teen\\sms\nvooraf", &why);
	pump(r);
	strbuf saved = { 0 };
	cjm_live_host_state_write(r->host, &saved);
	const cjm_live_note *sent;
	assert_int_equal(cjm_live_host_inbox(r->host, &sent), 1);
	char *want = xasprintf("cjm-live-state 1\n"
			       "participant\t1\t%lu\tparticipant\talice\tfinance\n"
			       "participant\t2\t%lu\tparticipant\tbram\t\n"
			       "participant\t3\t%lu\tobserver\tolga\t\n"
			       "next-vote\t2\n"
			       "vote\t1\topen\ttp-1\n"
			       "answer\t1\t2\n"
			       "answer\t2\tskip\n"
			       "note\t1\t%lu\tidea\ttp-2\tStuur\\teen\\\\sms\\nvooraf\n",
			       (unsigned long)geteuid(), (unsigned long)geteuid(), (unsigned long)geteuid(),
			       (unsigned long)sent[0].id);
	assert_string_equal(saved.data, want);
	free(want);

	/* the facilitator's cjm dies: the guests lose the connection, no bye */
	for (size_t i = 0; i < r->guest_count; i++) {
		struct pollfd fd;
		assert_true(cjm_live_guest_pollfd(r->guests[i], &fd));
		shutdown(fd.fd, SHUT_RDWR);
	}
	cjm_live_host *dead = r->host;
	r->host = NULL;
	pump(r);
	assert_int_equal(cjm_live_guest_state_of(a), CJM_LIVE_GUEST_CONNECTING);
	cjm_live_host_free(dead);
	cjm_live_host_options options = { .session = "werkplaats", .place = { .dir = r->dir } };
	char *err = NULL;
	r->host = cjm_live_host_new(&options, &err);
	assert_non_null(r->host);
	/* as a file is read: the bytes alone, with no NUL after them */
	char *bytes = malloc(saved.len);
	assert_non_null(bytes);
	memcpy(bytes, saved.data, saved.len);
	assert_true(cjm_live_host_restore(r->host, bytes, saved.len, &err));
	free(bytes);
	strbuf again = { 0 };
	cjm_live_host_state_write(r->host, &again);
	assert_string_equal(again.data, saved.data);
	strbuf_release(&again);
	for (size_t i = 0; i < r->guest_count; i++)
		cjm_live_guest_tick(r->guests[i], 1000);
	pump(r);
	assert_int_equal(cjm_live_guest_state_of(a), CJM_LIVE_GUEST_JOINED);
	const cjm_live_participant *list;
	assert_int_equal(cjm_live_host_participants(r->host, &list), 3);
	assert_true(list[0].connected && list[1].connected && list[2].connected);
	cjm_live_guest_vote v;
	assert_true(cjm_live_guest_vote_of(a, &v));
	assert_int_equal(v.id, id);
	assert_true(v.answered);
	assert_int_equal(v.score, 2);
	assert_true(cjm_live_guest_vote_of(b, &v));
	assert_true(v.answered && v.skipped);
	/* a new vote after the restart has a new number */
	assert_int_equal(cjm_live_host_vote_open(r->host, "tp-2"), 2);
	const cjm_live_note *notes;
	assert_int_equal(cjm_live_host_inbox(r->host, &notes), 1);
	assert_string_equal(notes[0].text, "Stuur\teen\\sms\nvooraf");
	/* restoring once participants are known is refused */
	assert_false(cjm_live_host_restore(r->host, saved.data, saved.len, &err));
	free(err);
	strbuf_release(&saved);
	room_free(r);
}

static void expect_restore_refused(const char *text, const char *reason)
{
	char dir[] = "/tmp/cjm-host-test.XXXXXX";
	assert_non_null(mkdtemp(dir));
	cjm_live_host_options options = { .session = "s", .place = { .dir = dir } };
	char *why = NULL;
	cjm_live_host *host = cjm_live_host_new(&options, &why);
	assert_non_null(host);
	size_t len = strlen(text);
	char *bytes = malloc(len + 1); /* no NUL after the bytes, as a file is read */
	assert_non_null(bytes);
	memcpy(bytes, text, len);
	assert_false(cjm_live_host_restore(host, bytes, len, &why));
	free(bytes);
	if (!strstr(why, reason))
		fail_msg("\"%s\" does not say \"%s\"", why, reason);
	free(why);
	const cjm_live_participant *list;
	assert_int_equal(cjm_live_host_participants(host, &list), 0);
	assert_null(cjm_live_host_vote(host, NULL, NULL));
	cjm_live_host_free(host);
	rmdir(dir);
}

static void test_restore_refuses_garbage(void **state)
{
	(void)state;
	expect_restore_refused("", "not a live session's state");
	expect_restore_refused("hello\n", "line 1: not a live session's state");
	expect_restore_refused("cjm-live-state 1\nparticipant\t1\t0\tparticipant\talice\t", "line 2: the last line has no line end");
	expect_restore_refused("cjm-live-state 1\nparticipant\t2\t0\tparticipant\talice\t\n", "line 2: the participants are numbered");
	expect_restore_refused("cjm-live-state 1\nparticipant\t1\tx\tparticipant\talice\t\n", "a participant's uid is a number");
	expect_restore_refused("cjm-live-state 1\nparticipant\t1\t0\tboss\talice\t\n", "a participant or an observer");
	expect_restore_refused("cjm-live-state 1\nparticipant\t1\t0\tparticipant\tal:ice\t\n", "without ':' or '|'");
	expect_restore_refused("cjm-live-state 1\nparticipant\t1\t0\tparticipant\t\x1b[2J\t\n", "without ':' or '|'");
	expect_restore_refused("cjm-live-state 1\nanswer\t1\t2\n", "line 2: an answer comes after its vote");
	expect_restore_refused("cjm-live-state 1\nvote\t1\topen\tTP 1\n", "a vote's touchpoint is not an id");
	expect_restore_refused("cjm-live-state 1\nparticipant\t1\t0\tparticipant\talice\t\nnext-vote\t2\nvote\t1\topen\ttp\nanswer\t1\t4\n",
			       "line 5: a score is -3..3 or skip");
	expect_restore_refused("cjm-live-state 1\nparticipant\t1\t0\tparticipant\talice\t\nnext-vote\t2\nvote\t1\topen\ttp\nanswer\t2\t1\n",
			       "an answer is by a participant listed before it");
	expect_restore_refused("cjm-live-state 1\nparticipant\t1\t0\tobserver\talice\t\nnext-vote\t2\nvote\t1\topen\ttp\nanswer\t1\t1\n",
			       "an observer does not vote");
	expect_restore_refused("cjm-live-state 1\nnext-vote\t1\nvote\t1\topen\ttp\n", "the next vote's number must be past");
	expect_restore_refused("cjm-live-state 1\nparticipant\t1\t0\tparticipant\talice\t\nnote\t1\t1\trant\ttp\tx\n",
			       "a pain, an idea or a quote");
	expect_restore_refused("cjm-live-state 1\nparticipant\t1\t0\tparticipant\talice\t\nnote\t1\t1\tpain\ttp\tbad\\q\n",
			       "a note's text is not");
	expect_restore_refused("cjm-live-state 1\nrm -rf\n", "not a record of the session's state");
	expect_restore_refused("cjm-live-state 1\nnote\t1\t1\tpain\ttp\tx\textra\n", "too many fields");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join_and_welcome),
		cmocka_unit_test(test_bad_names_refused),
		cmocka_unit_test(test_ids_stable_across_reconnect),
		cmocka_unit_test(test_map_revisions),
		cmocka_unit_test(test_small_change_is_a_splice),
		cmocka_unit_test(test_follow),
		cmocka_unit_test(test_vote_blind_and_reveal),
		cmocka_unit_test(test_answer_seen_after_reconnect),
		cmocka_unit_test(test_voters_of_the_vote),
		cmocka_unit_test(test_hang_up_lets_them_reconnect),
		cmocka_unit_test(test_vote_end_reaches_everyone),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_malformed_closes_that_connection),
		cmocka_unit_test(test_oversized_closes_that_connection),
		cmocka_unit_test(test_slow_reader_dropped),
		cmocka_unit_test(test_refused_uid),
		cmocka_unit_test(test_stale_and_second_host),
		cmocka_unit_test(test_group_socket_mode),
		cmocka_unit_test(test_session_ended),
		cmocka_unit_test(test_state_round_trip_and_crash),
		cmocka_unit_test(test_restore_refuses_garbage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
