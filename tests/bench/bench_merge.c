/* Benchmark of cjm diff and cjm merge on maps that differ in 1% of their touchpoints, against the time to load the maps. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/map.h"
#include "io/load.h"
#include "merge/diff.h"
#include "merge/merge.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define MAX_MAPS 8
#define GOAL 3.0         /* diff or merge over the time to load its maps */
#define LINEAR_LIMIT 2.0 /* per-touchpoint time, largest over smallest map (as in bench.c) */

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
		fprintf(stderr, "bench_merge: cannot load %s\n", path);
		diag_print(diags, stderr);
		exit(1);
	}
	diag_list_free(diags);
	return map;
}

/* Changes every STEP-th touchpoint of MAP from the OFFSET-th on: its emotion when
 * EMOTION, else its name (a renamed touchpoint keeps its id). Returns how many. */
static size_t change_every(cjm_map *map, size_t step, size_t offset, bool emotion)
{
	size_t n = 0, flat = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		for (size_t t = 0; t < map->phases[p]->touchpoint_count; t++, flat++) {
			if (flat < offset || (flat - offset) % step != 0)
				continue;
			cjm_touchpoint *tp = map->phases[p]->touchpoints[t];
			if (emotion) {
				tp->emotion = tp->has_emotion && tp->emotion < 3 ? tp->emotion + 1 : -3;
				tp->has_emotion = true;
			} else {
				char *name = xasprintf("%s (herzien)", tp->name);
				free(tp->name);
				tp->name = name;
			}
			n++;
		}
	}
	return n;
}

typedef struct result {
	size_t touchpoints;
	double load_ms, diff_ms, merge_ms;
	size_t changes, conflicts;
} result;

static result run_map(const char *path, int runs)
{
	result r = { 0 };
	cjm_map *base = load_or_die(path);
	cjm_map *ours = load_or_die(path);
	cjm_map *theirs = load_or_die(path);
	r.touchpoints = cjm_map_touchpoint_count(base);
	/* 1% changed in all: ours changes emotions of one half-percent, theirs names of another */
	change_every(ours, 200, 0, true);
	change_every(theirs, 200, 100, false);
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();
		cjm_map_free(load_or_die(path));
		double load = now_ms() - t0;

		strbuf out = { 0 };
		t0 = now_ms();
		cjm_diff *diff = cjm_diff_new(base, ours);
		cjm_diff_render_options options = { .color = false };
		cjm_diff_render_text(&out, diff, &options);
		double d = now_ms() - t0;
		r.changes = diff->count;
		cjm_diff_free(diff);
		strbuf_reset(&out);

		t0 = now_ms();
		cjm_merge_result *merged = cjm_merge(base, ours, theirs);
		cjm_merge_write(merged, "ours", "theirs", &out);
		double m = now_ms() - t0;
		r.conflicts = merged->conflict_count;
		cjm_merge_result_free(merged);
		strbuf_release(&out);

		if (i == 0 || load < r.load_ms)
			r.load_ms = load;
		if (i == 0 || d < r.diff_ms)
			r.diff_ms = d;
		if (i == 0 || m < r.merge_ms)
			r.merge_ms = m;
	}
	cjm_map_free(base);
	cjm_map_free(ours);
	cjm_map_free(theirs);
	return r;
}

int main(int argc, char **argv)
{
	const char *paths[MAX_MAPS];
	size_t n = 0;
	bool quick = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0)
			quick = true;
		else if (n < MAX_MAPS)
			paths[n++] = argv[i];
	}
	if (n == 0) {
		fprintf(stderr, "usage: bench_merge [--quick] MAP...  (at most %d maps, of growing size)\n", MAX_MAPS);
		return 64;
	}
	result rs[MAX_MAPS];
	for (size_t i = 0; i < n; i++) {
		fprintf(stderr, "bench_merge: %s...\n", paths[i]);
		rs[i] = run_map(paths[i], quick ? 2 : 5);
	}
	printf("| touchpoints | load ms (one map) | diff ms | diff / 2 loads | merge ms | merge / 3 loads | changes | conflicts |\n");
	printf("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	double worst = 0;
	for (size_t i = 0; i < n; i++) {
		const result *r = &rs[i];
		double dr = r->diff_ms / (2 * r->load_ms), mr = r->merge_ms / (3 * r->load_ms);
		worst = dr > worst ? dr : worst;
		worst = mr > worst ? mr : worst;
		printf("| %zu | %.2f | %.2f | %.2f× | %.2f | %.2f× | %zu | %zu |\n", r->touchpoints, r->load_ms, r->diff_ms,
		       dr, r->merge_ms, mr, r->changes, r->conflicts);
	}
	const result *lo = &rs[0], *hi = &rs[n - 1];
	double dg = (hi->diff_ms / (double)hi->touchpoints) / (lo->diff_ms / (double)lo->touchpoints);
	double mg = (hi->merge_ms / (double)hi->touchpoints) / (lo->merge_ms / (double)lo->touchpoints);
	printf("\n- diff and merge ≤ %.1f× loading their maps: %s (worst %.2f×)\n", GOAL,
	       worst <= GOAL ? "holds" : "**missed**", worst);
	printf("- time per touchpoint, largest vs smallest map: diff %.2f×, merge %.2f× (%s)\n", dg, mg,
	       dg <= LINEAR_LIMIT && mg <= LINEAR_LIMIT ? "linear" : "**not linear**");
	printf("- the maps differ in 1%% of touchpoints: ours changes emotions of 0.5%%, theirs names of "
	       "another 0.5%%; the times include writing the text (diff) and the merged file (merge)\n");
	return 0;
}
