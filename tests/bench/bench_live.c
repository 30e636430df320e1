/* Benchmark of a live session: 50 participants on one map, the time from a vote opened to every participant having it, from the last answer to the reveal everywhere, and the host's cost per key with 50 participants against none. */
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "io/load.h"
#include "io/save.h"
#include "live/guest.h"
#include "live/host.h"
#include "model/map.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define GUESTS 50
#define VOTES 20
#define KEYS 40
#define ROUNDS 5
#define GOAL_MS 100.0 /* vote opened, or last answer, to every screen */
#define GOAL_RATIO 1.5 /* the host's cost per key with 50 participants next to none */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static cjm_live_host *host;
static cjm_live_guest *guests[GUESTS];
static size_t guest_count;
static double host_ms; /* time spent in the host's calls while timed */

/* One round of the poll loop: the host and every guest, each served as poll says. */
static bool pump_once(int timeout)
{
	static struct pollfd fds[CJM_LIVE_CONNECTIONS_MAX + 1 + GUESTS];
	size_t nh = cjm_live_host_pollfds(host, fds, CJM_LIVE_CONNECTIONS_MAX + 1), n = nh;
	int at[GUESTS];
	for (size_t i = 0; i < guest_count; i++)
		at[i] = cjm_live_guest_pollfd(guests[i], &fds[n]) ? (int)n++ : -1;
	if (poll(fds, n, timeout) <= 0)
		return false;
	double t0 = now_ms();
	cjm_live_host_serve(host, fds, nh);
	host_ms += now_ms() - t0;
	for (size_t i = 0; i < guest_count; i++)
		if (at[i] >= 0)
			cjm_live_guest_serve(guests[i], &fds[at[i]]);
	return true;
}

/* Pumps until nothing happens for a few rounds. */
static void pump_idle(void)
{
	for (int idle = 0; idle < 3;)
		idle = pump_once(2) ? 0 : idle + 1;
}

static bool all_have_vote(uint32_t id, bool revealed)
{
	for (size_t i = 0; i < guest_count; i++) {
		cjm_live_guest_vote v;
		if (!cjm_live_guest_vote_of(guests[i], &v) || v.id != id || v.revealed != revealed)
			return false;
	}
	return true;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* H's milliseconds per key: KEYS keys, each an edit (the map saved, published) and a
 * move (follow), with everything sent before the next key. */
static double per_key(cjm_live_host *h, cjm_map *map, const char *phase)
{
	size_t tp_count = map->phases[0]->touchpoint_count;
	if (h == host)
		pump_idle();
	host_ms = 0;
	for (int k = 0; k < KEYS; k++) {
		cjm_touchpoint *tp = map->phases[0]->touchpoints[(size_t)k % tp_count];
		tp->emotion = tp->emotion < 3 ? tp->emotion + 1 : -3;
		tp->has_emotion = true;
		double t0 = now_ms();
		strbuf text = { 0 };
		cjm_save_to_buffer(map, &text);
		cjm_live_host_publish(h, text.data, text.len);
		cjm_live_host_follow(h, phase, tp->id);
		host_ms += now_ms() - t0;
		strbuf_release(&text);
		if (h == host)
			pump_idle();
	}
	return host_ms / KEYS;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_live MAP  (a map of some 1,000 touchpoints: bench --sample 1000)\n");
		return 64;
	}
	diag_list *diags = diag_list_new(argv[1]);
	int err = 0;
	cjm_map *map = cjm_load_file(argv[1], diags, NULL, &err);
	if (!map || map->phase_count == 0 || map->phases[0]->touchpoint_count == 0) {
		fprintf(stderr, "bench_live: cannot load %s (or it has no touchpoint)\n", argv[1]);
		diag_print(diags, stderr);
		return 1;
	}
	diag_list_free(diags);
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/cjm-bench-live.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "bench_live: cannot create a temporary folder: %s\n", strerror(errno));
		return 1;
	}
	cjm_live_host_options options = { .session = "bench", .place = { .dir = dir } };
	char *why = NULL;
	host = cjm_live_host_new(&options, &why);
	if (!host) {
		fprintf(stderr, "bench_live: %s\n", why);
		return 1;
	}
	const char *phase = map->phases[0]->id;
	const char *touchpoint = map->phases[0]->touchpoints[0]->id;
	strbuf text = { 0 };
	cjm_save_to_buffer(map, &text);
	size_t map_bytes = text.len;
	cjm_live_host_publish(host, text.data, text.len);

	cjm_live_host_options lonely_options = { .session = "bench-alone", .place = { .dir = dir } };
	cjm_live_host *lonely = cjm_live_host_new(&lonely_options, &why);
	if (!lonely) {
		fprintf(stderr, "bench_live: %s\n", why);
		return 1;
	}
	cjm_live_host_publish(lonely, text.data, text.len);

	static const char *const teams[] = { "finance", "service", "marketing", "sales", "it" };
	double t0 = now_ms();
	for (size_t i = 0; i < GUESTS; i++) {
		char name[32];
		snprintf(name, sizeof name, "deelnemer-%zu", i + 1);
		cjm_live_guest_options g = { .socket = cjm_live_host_socket(host), .name = name, .team = teams[i % 5] };
		guests[i] = cjm_live_guest_new(&g, &why);
		if (!guests[i]) {
			fprintf(stderr, "bench_live: %s\n", why);
			return 1;
		}
		guest_count++;
	}
	strbuf_release(&text);
	size_t loaded = 0;
	while (loaded < GUESTS) {
		pump_once(10);
		for (size_t i = 0; i < GUESTS; i++) {
			cjm_map *m = cjm_live_guest_take_map(guests[i]);
			loaded += m != NULL;
			cjm_map_free(m);
		}
	}
	double joined_ms = now_ms() - t0;

	double open_ms[VOTES], reveal_ms[VOTES];
	for (int v = 0; v < VOTES; v++) {
		pump_idle();
		t0 = now_ms();
		uint32_t id = cjm_live_host_vote_open(host, touchpoint);
		while (!all_have_vote(id, false))
			pump_once(10);
		open_ms[v] = now_ms() - t0;
		for (size_t i = 0; i + 1 < GUESTS; i++)
			cjm_live_guest_answer(guests[i], false, (int)((i + (size_t)v) % 7) - 3);
		while (cjm_vote_entries(cjm_live_host_vote(host, NULL, NULL)) < GUESTS - 1)
			pump_once(10);
		pump_idle();
		/* the last answer; the facilitator reveals the moment it is in */
		t0 = now_ms();
		cjm_live_guest_answer(guests[GUESTS - 1], true, 0);
		while (cjm_vote_entries(cjm_live_host_vote(host, NULL, NULL)) < GUESTS)
			pump_once(10);
		cjm_live_host_vote_reveal(host);
		while (!all_have_vote(id, true))
			pump_once(10);
		reveal_ms[v] = now_ms() - t0;
	}
	qsort(open_ms, VOTES, sizeof open_ms[0], cmp_double);
	qsort(reveal_ms, VOTES, sizeof reveal_ms[0], cmp_double);

	/* The per-key cost with 50 participants and with none (a second host nobody joined),
	 * in alternating rounds, so that the machine's own drift falls on both alike. */
	double with_ms[ROUNDS], alone_ms[ROUNDS], ratios[ROUNDS];
	for (int r = 0; r < ROUNDS; r++) {
		alone_ms[r] = per_key(lonely, map, phase);
		with_ms[r] = per_key(host, map, phase);
		ratios[r] = with_ms[r] / alone_ms[r];
	}
	qsort(with_ms, ROUNDS, sizeof with_ms[0], cmp_double);
	qsort(alone_ms, ROUNDS, sizeof alone_ms[0], cmp_double);
	qsort(ratios, ROUNDS, sizeof ratios[0], cmp_double);
	double with_guests = with_ms[ROUNDS / 2], alone = alone_ms[ROUNDS / 2], ratio = ratios[ROUNDS / 2];

	printf("| touchpoints | map bytes | participants | all joined, map loaded ms | vote open → all ms (median, worst) | last answer → reveal at all ms (median, worst) |\n");
	printf("|---:|---:|---:|---:|---:|---:|\n");
	printf("| %zu | %zu | %d | %.1f | %.2f, %.2f | %.2f, %.2f |\n", cjm_map_touchpoint_count(map), map_bytes, GUESTS,
	       joined_ms, open_ms[VOTES / 2], open_ms[VOTES - 1], reveal_ms[VOTES / 2], reveal_ms[VOTES - 1]);
	printf("\n- vote open and reveal at every participant under %.0f ms: %s (worst %.2f ms)\n", GOAL_MS,
	       open_ms[VOTES - 1] < GOAL_MS && reveal_ms[VOTES - 1] < GOAL_MS ? "yes" : "**no**",
	       open_ms[VOTES - 1] > reveal_ms[VOTES - 1] ? open_ms[VOTES - 1] : reveal_ms[VOTES - 1]);
	printf("- the host's cost per key (map saved and published, selection followed, all of it sent): "
	       "%.2f ms with %d participants, %.2f ms with none: %.2f× (goal ≤ %.1f×: %s; the median of %d alternating rounds of %d keys)\n",
	       with_guests, GUESTS, alone, ratio, GOAL_RATIO, ratio <= GOAL_RATIO ? "yes" : "**no**", ROUNDS, KEYS);
	printf("- all %d participants in this one process, on one poll loop; the host's time counts only its own calls\n",
	       GUESTS);

	for (size_t i = 0; i < guest_count; i++)
		cjm_live_guest_free(guests[i]);
	cjm_live_host_free(host);
	cjm_live_host_free(lonely);
	cjm_map_free(map);
	rmdir(dir);
	free(dir);
	return 0;
}
