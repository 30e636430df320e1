/* Unit tests for the editor in a live session: a hosting editor and joined ones over real sockets, without a screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "editor/editor.h"
#include "editor/live.h"
#include "fixture.h"
#include "live/guest.h"
#include "live/host.h"
#include "model/field.h"
#include "util/strbuf.h"

#define GUESTS 3

typedef struct room {
	char dir[64];
	cjm_editor *host;
	cjm_editor *guest[GUESTS];
} room;

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Serves every connection once, waiting up to 20 ms, then pumps every editor. */
static void room_turn(room *r)
{
	struct pollfd fds[2 + CJM_LIVE_CONNECTIONS_MAX];
	size_t n = cjm_live_host_pollfds(cjm_editor_live_host_of(r->host), fds, CJM_LIVE_CONNECTIONS_MAX + 1);
	size_t first_guest = n;
	for (int g = 0; g < GUESTS; g++)
		if (r->guest[g] && cjm_live_guest_pollfd(cjm_editor_live_guest_of(r->guest[g]), &fds[n]))
			n++;
	poll(fds, (nfds_t)n, 20);
	cjm_live_host_serve(cjm_editor_live_host_of(r->host), fds, first_guest);
	size_t at = first_guest;
	for (int g = 0; g < GUESTS; g++) {
		if (!r->guest[g])
			continue;
		struct pollfd none = { .fd = -1 };
		cjm_live_guest *guest = cjm_editor_live_guest_of(r->guest[g]);
		struct pollfd probe;
		bool polled = cjm_live_guest_pollfd(guest, &probe);
		cjm_live_guest_serve(guest, polled && at < n ? &fds[at++] : &none);
	}
	long long now = now_ms();
	cjm_editor_live_pump(r->host, now, true);
	for (int g = 0; g < GUESTS; g++)
		if (r->guest[g])
			cjm_editor_live_pump(r->guest[g], now, true);
}

/* Turns until DONE(r) holds, for at most 3 seconds; the result of DONE. */
static bool room_until(room *r, bool (*done)(room *r))
{
	long long end = now_ms() + 3000;
	while (!done(r) && now_ms() < end)
		room_turn(r);
	return done(r);
}

/* Turns for a while, for what should not come. */
static void room_settle(room *r)
{
	for (int i = 0; i < 15; i++)
		room_turn(r);
}

static const cjm_touchpoint *selected(const cjm_editor *ed)
{
	return cjm_editor_map(ed)->phase_count ? cjm_editor_selected_touchpoint(ed) : NULL;
}

static const char *selected_id(const cjm_editor *ed)
{
	const cjm_touchpoint *t = selected(ed);
	return t ? t->id : "";
}

static bool all_have_map(room *r)
{
	for (int g = 0; g < GUESTS; g++)
		if (cjm_map_touchpoint_count(cjm_editor_map(r->guest[g])) != 4)
			return false;
	return true;
}

static room *room_open(void)
{
	room *r = calloc(1, sizeof *r);
	snprintf(r->dir, sizeof r->dir, "/tmp/cjm-live-test-XXXXXX");
	assert_non_null(mkdtemp(r->dir));
	cjm_map *map = cjm_map_new("Energy switch");
	cjm_phase *a = add_phase(map, "orient", "Orient");
	add_tp(a, "compare", "Compare prices", 1);
	add_tp(a, "sign-up", "Sign up", NO_EMOTION);
	cjm_phase *b = add_phase(map, "use", "Use");
	add_tp(b, "welcome-pack", "Welcome pack", 2);
	add_tp(b, "first-bill", "First bill", NO_EMOTION);
	cjm_live_host_options options = { .session = "test", .place = { .dir = r->dir } };
	char *why = NULL;
	cjm_live_host *host = cjm_live_host_new(&options, &why);
	assert_non_null(host);
	r->host = cjm_editor_new(map, NULL, false);
	cjm_editor_live_host(r->host, host);
	const char *names[GUESTS] = { "ann", "bob", "cem" }, *teams[GUESTS] = { "finance", "service", "service" };
	for (int g = 0; g < GUESTS; g++) {
		cjm_live_guest_options go = { .socket = cjm_live_host_socket(host), .name = names[g], .team = teams[g] };
		cjm_live_guest *guest = cjm_live_guest_new(&go, &why);
		assert_non_null(guest);
		r->guest[g] = cjm_editor_new(cjm_map_new(""), NULL, true);
		cjm_editor_live_join(r->guest[g], guest);
	}
	assert_true(room_until(r, all_have_map));
	return r;
}

static void room_close(room *r)
{
	for (int g = 0; g < GUESTS; g++)
		cjm_editor_free(r->guest[g]);
	cjm_editor_free(r->host);
	rmdir(r->dir);
	free(r);
}

static void test_join_and_status(void **state)
{
	(void)state;
	room *r = room_open();
	assert_string_equal(cjm_editor_map(r->guest[0])->title, "Energy switch");
	strbuf status = { 0 };
	cjm_editor_live_status(r->host, &status);
	assert_non_null(strstr(status.data, "live test"));
	assert_non_null(strstr(status.data, "3 joined"));
	strbuf_reset(&status);
	cjm_editor_live_status(r->guest[1], &status);
	assert_non_null(strstr(status.data, "following"));
	strbuf_release(&status);
	room_close(r);
}

static bool guests_on_welcome_pack(room *r)
{
	for (int g = 0; g < GUESTS; g++)
		if (strcmp(selected_id(r->guest[g]), "welcome-pack") != 0)
			return false;
	return true;
}

static bool guest0_on_sign_up(room *r)
{
	return strcmp(selected_id(r->guest[0]), "sign-up") == 0;
}

static void test_follow(void **state)
{
	(void)state;
	room *r = room_open();
	assert_int_equal(cjm_editor_run(r->host, "right"), 0);
	assert_int_equal(cjm_editor_run(r->host, "right"), 0);
	assert_true(room_until(r, guests_on_welcome_pack));
	/* a participant who moves stops following; f follows again */
	assert_int_equal(cjm_editor_live_join_key(r->guest[0], 'h'), 0);
	assert_string_equal(selected_id(r->guest[0]), "sign-up");
	assert_int_equal(cjm_editor_run(r->host, "right"), 0);
	room_settle(r);
	assert_string_equal(selected_id(r->guest[0]), "sign-up");
	assert_string_equal(selected_id(r->guest[1]), "first-bill");
	assert_int_equal(cjm_editor_live_join_key(r->guest[0], 'f'), 0);
	assert_string_equal(selected_id(r->guest[0]), "first-bill");
	(void)guest0_on_sign_up;
	room_close(r);
}

static bool vote_reached_all(room *r)
{
	for (int g = 0; g < GUESTS; g++) {
		cjm_live_guest_vote v;
		if (!cjm_live_guest_vote_of(cjm_editor_live_guest_of(r->guest[g]), &v) || !v.open)
			return false;
	}
	return true;
}

static bool three_answered(room *r)
{
	const cjm_vote *vote = cjm_live_host_vote(cjm_editor_live_host_of(r->host), NULL, NULL);
	return vote && cjm_vote_entries(vote) == 3;
}

static bool all_see_reveal(room *r)
{
	for (int g = 0; g < GUESTS; g++)
		if (r->guest[g]->overlay != CJM_OVERLAY_LIVE)
			return false;
	return true;
}

static void test_blind_vote_reveal_take_undo(void **state)
{
	(void)state;
	room *r = room_open();
	/* on a phase: a vote on a touchpoint is what V needs */
	assert_int_equal(cjm_editor_run(r->host, "up"), 0);
	assert_int_equal(cjm_editor_run(r->host, "down"), 0);
	assert_int_equal(cjm_editor_run(r->host, "vote"), 0);
	assert_true(room_until(r, vote_reached_all));
	/* ann -2, bob +1, cem skips */
	assert_int_equal(cjm_editor_live_join_key(r->guest[0], '-'), 0);
	assert_int_equal(cjm_editor_live_join_key(r->guest[0], '2'), 0);
	assert_int_equal(cjm_editor_live_join_key(r->guest[1], '1'), 0);
	assert_int_equal(cjm_editor_live_join_key(r->guest[2], 'x'), 0);
	assert_true(room_until(r, three_answered));
	/* blind: no participant has a reveal, or anyone else's answer, before R */
	strbuf text = { 0 };
	for (int g = 0; g < GUESTS; g++) {
		assert_false(cjm_editor_live_reveal_text(r->guest[g], 80, &text));
		cjm_live_guest_vote v;
		assert_true(cjm_live_guest_vote_of(cjm_editor_live_guest_of(r->guest[g]), &v));
		assert_null(v.reveal);
	}
	strbuf status = { 0 };
	cjm_editor_live_status(r->host, &status);
	assert_non_null(strstr(status.data, "vote: 3 of 3 answered"));
	strbuf_release(&status);
	/* R: the record goes into the map, every screen shows the reveal */
	assert_int_equal(cjm_editor_run(r->host, "reveal"), 0);
	const cjm_touchpoint *t = cjm_editor_map(r->host)->phases[0]->touchpoints[0];
	cjm_value vote = cjm_field_get(cjm_editor_map(r->host), (cjm_ref){ CJM_REF_TOUCHPOINT, 0, 0 }, CJM_F_VOTE);
	assert_true(vote.present);
	assert_string_equal(vote.text, "-2:1 +1:1 skip:1 | finance: -2:1 | service: +1:1 skip:1");
	assert_true(room_until(r, all_see_reveal));
	assert_true(cjm_editor_live_reveal_text(r->guest[2], 80, &text));
	assert_non_null(strstr(text.data, "2 voted, 1 skipped"));
	strbuf_release(&text);
	/* m: the median (-0.5, toward the mean -0.5 then 0: 0) as the emotion, undoable */
	assert_int_equal(t->emotion, 1);
	assert_int_equal(cjm_editor_run(r->host, "take median"), 0);
	t = cjm_editor_map(r->host)->phases[0]->touchpoints[0];
	assert_true(t->has_emotion);
	assert_int_equal(t->emotion, 0);
	assert_int_equal(cjm_editor_run(r->host, "undo"), 0);
	t = cjm_editor_map(r->host)->phases[0]->touchpoints[0];
	assert_int_equal(t->emotion, 1);
	vote = cjm_field_get(cjm_editor_map(r->host), (cjm_ref){ CJM_REF_TOUCHPOINT, 0, 0 }, CJM_F_VOTE);
	assert_true(vote.present); /* the vote happened: only the value taken is undone */
	room_close(r);
}

static bool inbox_has_two(room *r)
{
	const cjm_live_note *notes = NULL;
	return cjm_live_host_inbox(cjm_editor_live_host_of(r->host), &notes) == 2;
}

static bool notes_settled(room *r)
{
	return cjm_live_guest_pending(cjm_editor_live_guest_of(r->guest[1])) == 0;
}

static void test_notes_accepted_and_dropped(void **state)
{
	(void)state;
	room *r = room_open();
	cjm_editor *bob = r->guest[1];
	assert_int_equal(cjm_editor_live_join_key(bob, 'n'), 0);
	assert_int_equal(bob->ask, CJM_ASK_NOTE_KIND);
	cjm_editor_answer_key(bob, 'i');
	assert_int_equal(bob->ask, CJM_ASK_NOTE_TEXT);
	cjm_editor_answer(bob, "Show the price per month");
	assert_int_equal(cjm_editor_live_join_key(bob, 'n'), 0);
	cjm_editor_answer_key(bob, 'p');
	cjm_editor_answer(bob, "Too many tabs");
	assert_true(room_until(r, inbox_has_two));
	assert_int_equal(cjm_editor_run(r->host, "inbox"), 0);
	assert_int_equal(r->host->overlay, CJM_OVERLAY_LIVE);
	strbuf line = { 0 };
	cjm_editor_live_inbox_line(r->host, 0, &line);
	assert_string_equal(line.data, "idea on 'Compare prices' (service): Show the price per month");
	strbuf_release(&line);
	cjm_editor_live_panel_key(r->host, CJM_KEY_ENTER); /* accept the idea */
	cjm_editor_live_panel_key(r->host, 'x');           /* drop the pain */
	const cjm_touchpoint *t = cjm_editor_map(r->host)->phases[0]->touchpoints[0];
	assert_int_equal(t->ideas.len, 1);
	assert_string_equal(t->ideas.items[0], "Show the price per month");
	assert_int_equal(t->pains.len, 0);
	assert_true(room_until(r, notes_settled));
	assert_int_equal(cjm_editor_run(r->host, "undo"), 0);
	assert_int_equal(cjm_editor_map(r->host)->phases[0]->touchpoints[0]->ideas.len, 0);
	room_close(r);
}

static void test_participant_cannot_edit(void **state)
{
	(void)state;
	room *r = room_open();
	cjm_editor *ann = r->guest[0];
	assert_int_equal(cjm_editor_run(ann, "title Mine now"), -1);
	assert_non_null(strstr(ann->message, "does not change the map"));
	assert_int_equal(cjm_editor_live_join_key(ann, 'a'), 1); /* no such key here */
	assert_int_equal(cjm_editor_run(ann, "vote"), -1);
	assert_int_equal(cjm_editor_run(ann, "answer 2"), -1); /* no vote open */
	room_settle(r);
	assert_string_equal(cjm_editor_map(r->host)->title, "Energy switch");
	/* in cjm edit the live keys say there is no session */
	cjm_map *map = cjm_map_new("Plain");
	add_tp(add_phase(map, "p", "P"), "t", "T", 0);
	cjm_editor *plain = cjm_editor_new(map, NULL, false);
	assert_int_equal(cjm_editor_key(plain, 'V'), -1);
	assert_non_null(strstr(plain->message, "cjm host FILE"));
	cjm_editor_free(plain);
	room_close(r);
}

static void test_state_for_recovery(void **state)
{
	(void)state;
	room *r = room_open();
	strbuf s = { 0 };
	assert_false(cjm_editor_live_state(r->host, &s)); /* nothing to keep */
	assert_int_equal(cjm_editor_run(r->host, "vote"), 0);
	assert_true(cjm_editor_live_state(r->host, &s));
	assert_true(s.len > 0);
	strbuf_release(&s);
	room_close(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join_and_status),
		cmocka_unit_test(test_follow),
		cmocka_unit_test(test_blind_vote_reveal_take_undo),
		cmocka_unit_test(test_notes_accepted_and_dropped),
		cmocka_unit_test(test_participant_cannot_edit),
		cmocka_unit_test(test_state_for_recovery),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
