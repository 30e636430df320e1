/* Benchmark of the ten built-in patterns, run as `cjm suggest` runs them, against the load of the same map. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>

#include "model/map.h"
#include "io/load.h"
#include "patterns/registry.h"
#include "patterns/suggest.h"
#include "util/diag.h"

#define MAX_MAPS 8
#define PATTERNS_GOAL 0.5 /* patterns time over load time */
#define LINEAR_LIMIT 2.0  /* per-touchpoint time, largest over smallest map (as in bench.c) */
#define NO_PATTERN "-no-such-pattern-" /* not a valid id: selects none, so only the host's work is timed */
#define MIN_MS 0.02 /* below this on the smallest map a pattern's own time is noise: no growth shown */

typedef struct pattern_time {
	double ms;          /* best of the runs */
	size_t suggestions; /* not dismissed */
	long faults;        /* minor page faults in the best run */
} pattern_time;

typedef struct result {
	const char *path;
	size_t touchpoints;
	pattern_time load;  /* the map's load (no suggestions) */
	pattern_time all;   /* every pattern, as `cjm suggest` runs them */
	pattern_time host;  /* no pattern: the ids' positions, the dismissed set, the sort */
	pattern_time walk;  /* a bare walk over every touchpoint: what touching the map costs */
	pattern_time *each; /* one per registry entry */
	size_t enabled;     /* patterns the map had switched off, switched on here */
} result;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static cjm_map *load_or_die(const char *path)
{
	diag_list *diags = diag_list_new(path);
	int err = 0;
	cjm_map *map = cjm_load_file(path, diags, NULL, &err);
	if (!map) {
		fprintf(stderr, "bench_patterns: cannot load %s%s%s\n", path, err ? ": " : "", err ? strerror(err) : "");
		diag_print(diags, stderr);
		exit(1);
	}
	diag_list_free(diags);
	return map;
}

/* Minor page faults of this process so far. */
static long minor_faults(void)
{
	struct rusage ru;
	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_minflt : 0;
}

/* What one page fault costs here, in µs: the first touch of each page of fresh memory
 * (the best of three; on a virtual machine it can be a hundred times that of real hardware). */
static double fault_cost_us(void)
{
	size_t size = (size_t)16 << 20, page = 4096;
	double best = -1;
	for (int r = 0; r < 3; r++) {
		volatile char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return -1;
		long f0 = minor_faults();
		double t0 = now_ms();
		for (size_t i = 0; i < size; i += page)
			p[i] = 1;
		double t = now_ms() - t0;
		long faults = minor_faults() - f0;
		munmap((void *)p, size);
		if (faults > 0 && (best < 0 || t * 1e3 / (double)faults < best))
			best = t * 1e3 / (double)faults;
	}
	return best;
}

/* One load of PATH (the map freed after the clock stops). */
static pattern_time time_load(const char *path)
{
	long f0 = minor_faults();
	double t0 = now_ms();
	cjm_map *map = load_or_die(path);
	double t = now_ms() - t0;
	long faults = minor_faults() - f0;
	cjm_map_free(map);
	return (pattern_time){ t, 0, faults };
}

/* One run of `cjm suggest`'s path over MAP (only ONLY, when ONLY_COUNT > 0): the suggestions
 * collected with the dismissed ones marked, sorted, arranged into cards, and counted as shown (the list freed
 * after the clock stops). */
static pattern_time time_suggest(const cjm_map *map, const cjm_registry *reg, const char *const *only,
				 size_t only_count)
{
	long f0 = minor_faults();
	double t0 = now_ms();
	cjm_suggestions *list = cjm_suggest(map, reg, only, only_count, true);
	cjm_suggestions_arrange(list, map, CJM_CARDS_PER_PHASE, false); /* the cards, as cjm suggest lists them */
	size_t shown = 0;
	for (size_t i = 0; i < list->count; i++)
		shown += !list->items[i].dismissed;
	double t = now_ms() - t0;
	long faults = minor_faults() - f0;
	cjm_suggestions_free(list);
	return (pattern_time){ t, shown, faults };
}

static void keep_best(pattern_time *best, pattern_time t)
{
	if (best->ms < 0 || t.ms < best->ms)
		*best = t;
}

/* Reads what every pattern reads of each touchpoint (its fields, name, channel and pains); the
 * sum keeps the compiler from leaving it out. */
static size_t walk(const cjm_map *map)
{
	size_t sum = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		for (size_t t = 0; t < phase->touchpoint_count; t++) {
			const cjm_touchpoint *tp = phase->touchpoints[t];
			sum += (size_t)tp->emotion + tp->has_impact + tp->pillars + (unsigned char)tp->name[0];
			sum += tp->channel ? (unsigned char)tp->channel[0] : 0;
			for (size_t i = 0; i < tp->pains.len; i++)
				sum += (unsigned char)tp->pains.items[i][0];
		}
	}
	return sum;
}

static pattern_time time_walk(const cjm_map *map)
{
	static volatile size_t sink;
	double t0 = now_ms();
	sink = walk(map);
	double t = now_ms() - t0;
	(void)sink;
	return (pattern_time){ t, 0, 0 };
}

/* Switches on every pattern MAP switched off (`enabled: false`), so all ten run; returns how many. */
static size_t enable_all(cjm_map *map)
{
	size_t n = 0;
	for (size_t i = 0; i < map->pattern_count; i++)
		if (map->patterns[i].enabled == CJM_FALSE) {
			map->patterns[i].enabled = CJM_TRUE;
			n++;
		}
	return n;
}

static void run_map(result *r, const cjm_registry *reg, bool quick)
{
	cjm_map *map = load_or_die(r->path);
	r->touchpoints = cjm_map_touchpoint_count(map);
	size_t n = r->touchpoints;
	int reps = n <= 2000 ? 15 : n <= 20000 ? 7 : 5;
	if (quick)
		reps = n <= 2000 ? 5 : n <= 20000 ? 2 : 1;
	fprintf(stderr, "bench_patterns: %zu touchpoints, best of %d...\n", n, reps);
	r->enabled = enable_all(map);
	r->each = calloc(reg->count, sizeof *r->each);
	if (!r->each) {
		fprintf(stderr, "bench_patterns: out of memory\n");
		exit(1);
	}
	(void)time_suggest(map, reg, NULL, 0); /* warm up */
	/* The best of REPS: the load and the patterns interleaved, so drift in machine speed
	 * touches both alike, and the patterns run just after a load, as in `cjm suggest`. */
	r->load.ms = r->all.ms = -1;
	for (int rep = 0; rep < reps; rep++) {
		keep_best(&r->load, time_load(r->path));
		keep_best(&r->all, time_suggest(map, reg, NULL, 0));
	}
	/* Then the host alone, the walk and each pattern, round by round. */
	const char *none = NO_PATTERN;
	r->host.ms = r->walk.ms = -1;
	for (size_t i = 0; i < reg->count; i++)
		r->each[i].ms = -1;
	for (int rep = 0; rep < reps; rep++) {
		keep_best(&r->host, time_suggest(map, reg, &none, 1));
		keep_best(&r->walk, time_walk(map));
		for (size_t i = 0; i < reg->count; i++) {
			const char *id = reg->entries[i].pattern->id;
			keep_best(&r->each[i], time_suggest(map, reg, &id, 1));
		}
	}
	cjm_map_free(map);
}

static double per_tp_us(double ms, size_t touchpoints)
{
	return touchpoints ? ms * 1e3 / (double)touchpoints : 0;
}

/* Per-touchpoint time at the largest map over the smallest's. */
static double growth(double ms_lo, size_t n_lo, double ms_hi, size_t n_hi)
{
	double lo = per_tp_us(ms_lo, n_lo);
	return lo > 0 ? per_tp_us(ms_hi, n_hi) / lo : 0;
}

/* A pattern's own time on R: its run through cjm_suggest less the host's run without one. */
static double own_ms(const result *r, size_t which)
{
	double ms = r->each[which].ms - r->host.ms;
	return ms > 0 ? ms : 0;
}

/* One row of the per-pattern table: WHICH is a registry index, or (size_t)-1 for the host,
 * (size_t)-2 for the bare walk. Returns the growth per touchpoint, smallest map to largest
 * (0 when too small to tell). */
static double print_pattern_row(const char *name, const result *rs, size_t n, size_t which)
{
	const result *hi = &rs[n - 1];
	double ms[MAX_MAPS];
	for (size_t i = 0; i < n; i++)
		ms[i] = which == (size_t)-1 ? rs[i].host.ms : which == (size_t)-2 ? rs[i].walk.ms : own_ms(&rs[i], which);
	printf("| %s | %.2f | %.0f%% |", name, ms[n - 1], hi->all.ms > 0 ? 100.0 * ms[n - 1] / hi->all.ms : 0.0);
	for (size_t i = 0; i < n; i++)
		printf(" %.3f |", per_tp_us(ms[i], rs[i].touchpoints));
	double g = 0;
	if (n >= 2) {
		/* The walk is timed alone, and is tiny: it has no floor. */
		if (ms[0] >= MIN_MS || which == (size_t)-2)
			g = growth(ms[0], rs[0].touchpoints, ms[n - 1], hi->touchpoints);
		if (g > 0)
			printf(" %.2f× |", g);
		else
			printf(" – |");
	}
	if (which >= (size_t)-2)
		printf(" – |\n");
	else
		printf(" %zu |\n", hi->each[which].suggestions);
	return g;
}

int main(int argc, char **argv)
{
	bool quick = false;
	result rs[MAX_MAPS] = { 0 };
	size_t n = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0)
			quick = true;
		else if (argv[i][0] == '-' || n == MAX_MAPS) {
			fprintf(stderr, "usage: bench_patterns [--quick] MAP...  (at most %d maps, of growing size)\n",
				MAX_MAPS);
			return 64;
		} else
			rs[n++].path = argv[i];
	}
	if (n == 0) {
		fprintf(stderr, "usage: bench_patterns [--quick] MAP...  (maps of growing size)\n");
		return 64;
	}

	cjm_registry *reg = cjm_registry_new(false); /* the built-ins only: no plugin path */
	double started = now_ms();
	for (size_t i = 0; i < n; i++)
		run_map(&rs[i], reg, quick);

	printf("| touchpoints | load ms | patterns ms | ratio | suggestions | patterns µs/touchpoint |\n");
	printf("|---:|---:|---:|---:|---:|---:|\n");
	for (size_t i = 0; i < n; i++) {
		const result *r = &rs[i];
		printf("| %zu | %.2f | %.2f | %.2f× | %zu | %.3f |\n", r->touchpoints, r->load.ms, r->all.ms,
		       r->load.ms > 0 ? r->all.ms / r->load.ms : 0.0, r->all.suggestions,
		       per_tp_us(r->all.ms, r->touchpoints));
	}
	printf("\n- patterns ≤ %.1f× load: ", PATTERNS_GOAL);
	bool holds = true;
	for (size_t i = 0; i < n; i++) {
		double ratio = rs[i].load.ms > 0 ? rs[i].all.ms / rs[i].load.ms : 0;
		if (ratio > PATTERNS_GOAL) {
			printf("%s %zu (%.2f×)", holds ? "**missed** at" : ",", rs[i].touchpoints, ratio);
			holds = false;
		}
	}
	printf("%s\n", holds ? "holds at every size" : "");
	if (n >= 2) {
		const result *lo = &rs[0], *hi = &rs[n - 1];
		double g = growth(lo->all.ms, lo->touchpoints, hi->all.ms, hi->touchpoints);
		printf("- patterns time per touchpoint, %zu vs %zu: %.2f× (%s)\n", hi->touchpoints, lo->touchpoints, g,
		       g <= LINEAR_LIMIT ? "roughly linear" : "**not linear**");
	}
	double fault_us = fault_cost_us();
	printf("- page faults in the best runs (load / patterns):");
	for (size_t i = 0; i < n; i++)
		printf("%s %ld / %ld at %zu", i ? "," : "", rs[i].load.faults, rs[i].all.faults, rs[i].touchpoints);
	if (fault_us > 0) {
		const result *hi = &rs[n - 1];
		printf("; one costs %.2f µs here, so at %zu about %.0f ms of the load and %.0f ms of the patterns",
		       fault_us, hi->touchpoints, (double)hi->load.faults * fault_us / 1e3,
		       (double)hi->all.faults * fault_us / 1e3);
	}
	printf("\n");

	printf("\nEach pattern's own time (its run alone through the same path, less the host's run without "
	       "one), on the %zu-touchpoint map\n\n", rs[n - 1].touchpoints);
	printf("| pattern | ms | share |");
	for (size_t i = 0; i < n; i++)
		printf(" µs/tp at %zu |", rs[i].touchpoints);
	if (n >= 2)
		printf(" growth |");
	printf(" suggestions |\n|---|---:|---:|");
	for (size_t i = 0; i < n + (n >= 2); i++)
		printf("---:|");
	printf("---:|\n");
	double *g = calloc(reg->count ? reg->count : 1, sizeof *g);
	if (!g) {
		fprintf(stderr, "bench_patterns: out of memory\n");
		return 1;
	}
	for (size_t k = 0; k < reg->count; k++)
		g[k] = print_pattern_row(reg->entries[k].pattern->id, rs, n, k);
	print_pattern_row("(host: ids, dismissed, sort)", rs, n, (size_t)-1);
	double walk_growth = print_pattern_row("(a bare walk over the touchpoints)", rs, n, (size_t)-2);
	if (n >= 2) {
		/* Touching a map that no longer fits the caches costs more per touchpoint: a pattern
		 * is flagged only when it grows faster than that by more than LINEAR_LIMIT. */
		double limit = LINEAR_LIMIT * (walk_growth > 1 ? walk_growth : 1);
		bool any = false;
		for (size_t k = 0; k < reg->count; k++) {
			if (g[k] > limit) {
				printf("- **not linear**: %s, %.2f× per touchpoint from %zu to %zu (a bare walk: %.2f×)\n",
				       reg->entries[k].pattern->id, g[k], rs[0].touchpoints, rs[n - 1].touchpoints,
				       walk_growth);
				any = true;
			}
		}
		if (!any)
			printf("- every pattern's time per touchpoint grows by at most %.1f× a bare walk's (%.2f×), "
			       "%zu to %zu\n",
			       LINEAR_LIMIT, walk_growth, rs[0].touchpoints, rs[n - 1].touchpoints);
	}
	free(g);
	size_t switched = 0;
	for (size_t i = 0; i < n; i++)
		switched += rs[i].enabled;
	printf("\n- %zu built-in patterns, no plugins; times are the best of several runs; the patterns' time "
	       "is cjm_suggest's, with the dismissed ones marked, the list sorted and arranged into cards%s; %.0f s in all\n",
	       reg->count, switched ? "; patterns the maps switch off were switched on" : "",
	       (now_ms() - started) / 1000.0);
	for (size_t i = 0; i < n; i++)
		free(rs[i].each);
	cjm_registry_free(reg);
	return 0;
}
