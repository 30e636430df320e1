/* Benchmark of the editor: time to the first frame and per key (move, emotion, the suggestions panel, projector mode, redraw) on big maps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "editor/editor.h"
#include "io/load.h"
#include "tui/present.h"
#include "tui/screen.h"

static double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static cjm_map *bench_load(const char *path)
{
	diag_list *diags = diag_list_new(path);
	int err = 0;
	cjm_map *map = cjm_load_file(path, diags, NULL, &err);
	if (!map) {
		diag_print(diags, stderr);
		exit(1);
	}
	diag_list_free(diags);
	return map;
}

/* Best of REPS: load alone, and load + editor + first frame. */
static void bench_first_frame(const char *path, int reps, double *load, double *frame)
{
	*load = *frame = 1e9;
	for (int r = 0; r < reps; r++) {
		double t0 = bench_now();
		cjm_map *map = bench_load(path);
		double t1 = bench_now();
		cjm_map_free(map);
		if (t1 - t0 < *load)
			*load = t1 - t0;
		t0 = bench_now();
		cjm_editor *ed = cjm_editor_new(bench_load(path), path, false);
		screen_draw(ed, NULL, NULL);
		t1 = bench_now();
		cjm_editor_free(ed);
		if (t1 - t0 < *frame)
			*frame = t1 - t0;
	}
}

/* Microseconds per key, with a redraw after each: KEYS pressed round by round. */
/* SETUP (a command, or NULL) runs first: "suggest" opens the panel (KEYS then move its
 * pointer), "present" projector mode (KEYS walk the journey). */
static double bench_keys(const char *path, const int *keys, size_t nkeys, int rounds, const char *setup)
{
	cjm_editor *ed = cjm_editor_new(bench_load(path), path, false);
	cjm_editor_run(ed, "last"); /* the far end of the map, so nothing is cheap by accident */
	for (int k = 0; k < 20; k++)
		cjm_editor_key(ed, 'h');
	bool panel = setup && strcmp(setup, "suggest") == 0;
	if (panel)
		cjm_editor_run(ed, "suggest");
	else if (setup)
		cjm_editor_run(ed, setup);
	screen_draw(ed, NULL, NULL);
	double best = 1e9;
	for (int r = 0; r < 5; r++) {
		double t0 = bench_now();
		for (int i = 0; i < rounds; i++)
			for (size_t k = 0; k < nkeys; k++) {
				if (panel)
					cjm_editor_panel_move(ed, keys[k] == 'j' ? +1 : -1);
				else if (setup)
					present_key(ed, keys[k]);
				else
					cjm_editor_key(ed, keys[k]);
				screen_draw(ed, NULL, NULL);
			}
		double t = (bench_now() - t0) / (rounds * (double)nkeys) * 1e6;
		if (t < best)
			best = t;
	}
	cjm_editor_free(ed);
	return best;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_editor MAP...  (maps of growing size)\n");
		return 64;
	}
	setenv("TERM", "xterm-256color", 1);
	setenv("COLUMNS", "100", 1);
	setenv("LINES", "30", 1);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	if (!out || !in || !screen_start_on(out, in)) {
		fprintf(stderr, "bench_editor: cannot start curses on /dev/null\n");
		return 1;
	}
	static const int moves[] = { 'h', 'l', 'h', 'l' };
	static const int emotions[] = { '+', '-' };
	static const int pointer[] = { 'j', 'k', 'j', 'k' };
	double first_move = 0, first_emotion = 0, first_panel = 0, first_present = 0;
	printf("| map | load ms | first frame ms | ratio | move+redraw µs | emotion+redraw µs | panel µs | projector µs |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
	for (int i = 1; i < argc; i++) {
		double load, frame;
		bench_first_frame(argv[i], 3, &load, &frame);
		double move = bench_keys(argv[i], moves, 4, 250, NULL);
		double emotion = bench_keys(argv[i], emotions, 2, 250, NULL);
		double panel = bench_keys(argv[i], pointer, 4, 250, "suggest");
		double present = bench_keys(argv[i], moves, 4, 250, "present");
		if (i == 1)
			first_move = move, first_emotion = emotion, first_panel = panel, first_present = present;
		printf("| %s | %.1f | %.1f | %.2f× | %.1f | %.1f | %.1f | %.1f |\n",
		       strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i], load * 1e3, frame * 1e3, frame / load,
		       move, emotion, panel, present);
		if (i == argc - 1 && argc > 2)
			printf("\nper key, largest vs smallest map: move %.2f×, emotion %.2f×, panel %.2f×, projector %.2f× "
			       "(goal ≤ 1.5×); first frame ≤ 1.2× load: %s\n",
			       move / first_move, emotion / first_emotion, panel / first_panel, present / first_present,
			       frame / load <= 1.2 ? "holds" : "missed");
	}
	screen_stop();
	return 0;
}
