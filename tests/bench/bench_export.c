/* Benchmark of every export format against the load of the same map: each text format at most 2x the load, PDF 3x, linearly. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/map.h"
#include "export/export.h"
#include "io/load.h"
#include "util/diag.h"
#include "util/strbuf.h"

#define MAX_MAPS 8
#define EXPORT_GOAL 2.0  /* export time over load time */
#define LINEAR_LIMIT 2.0 /* per-touchpoint time, largest over smallest map (as in bench.c) */
#define MAX_FORMATS 16
#define STREAM_GOAL 3.0  /* the PDF's time over load time (issue 16) */
#define BENCH_PNG_DPI 20 /* the PNG's resolution here: see time_stream */

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
		fprintf(stderr, "bench_export: cannot load %s%s%s\n", path, err ? ": " : "", err ? strerror(err) : "");
		diag_print(diags, stderr);
		exit(1);
	}
	diag_list_free(diags);
	return map;
}

/* The best of RUNS loads of PATH, in ms. */
static double time_load(const char *path, int runs)
{
	double best = 0;
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		cjm_map *map = load_or_die(path);
		double t = now_ms() - t0;
		cjm_map_free(map);
		if (r == 0 || t < best)
			best = t;
	}
	return best;
}

/* The best of RUNS exports of MAP in FORMAT, in ms, the buffer's growth included;
 * *BYTES gets the output's size. */
static double time_export(const cjm_map *map, const cjm_format *format, int runs, size_t *bytes)
{
	double best = 0;
	cjm_export_options options = { .paper = CJM_PAPER_A3 };
	for (int r = 0; r < runs; r++) {
		strbuf out = { 0 };
		double t0 = now_ms();
		format->export_map(map, &options, &out);
		double t = now_ms() - t0;
		*bytes = out.len;
		strbuf_release(&out);
		if (r == 0 || t < best)
			best = t;
	}
	return best;
}

/* A sink that counts what it is given and keeps none of it, as /dev/null would. */
static int count_bytes(void *sink, const unsigned char *data, size_t len)
{
	(void)data;
	*(size_t *)sink += len;
	return 0;
}

/* The best of RUNS streamed exports of MAP in FORMAT (every file: the PDF, every
 * PNG sheet), in ms, the layout included; *BYTES gets the output's size. PNG is
 * drawn at BENCH_PNG_DPI: librsvg's time is in the vector drawing, which does
 * not depend on the dpi, while filling and compressing 150 dpi pixels for every
 * sheet of 100,000 touchpoints would only make the run long. */
static double time_stream(const cjm_map *map, const cjm_format *format, int runs, size_t *bytes)
{
	double best = 0;
	cjm_export_options options = { .paper = CJM_PAPER_A3, .dpi = BENCH_PNG_DPI };
	for (int r = 0; r < runs; r++) {
		size_t total = 0;
		double t0 = now_ms();
		char *why = NULL;
		cjm_export_job *job = format->stream->open(map, &options, &why);
		if (!job) {
			fprintf(stderr, "bench_export: %s: %s\n", format->name, why);
			exit(1);
		}
		size_t files = format->stream->file_count(job);
		for (size_t i = 0; i < files; i++) {
			if (format->stream->write_file(job, i, count_bytes, &total) != 0) {
				fprintf(stderr, "bench_export: %s failed\n", format->name);
				exit(1);
			}
		}
		format->stream->close(job);
		double t = now_ms() - t0;
		*bytes = total;
		if (r == 0 || t < best)
			best = t;
	}
	return best;
}

static void print_size(size_t bytes)
{
	if (bytes >= 1024 * 1024)
		printf("%.1f MiB", (double)bytes / (1024.0 * 1024.0));
	else
		printf("%.0f KiB", (double)bytes / 1024.0);
}

/* The streamed formats (pdf, png) on the same maps against the same loads: one
 * run each from 10,000 touchpoints (a PDF of 100,000 takes minutes); --quick
 * leaves out the maps over 10,000. */
/* The rest of a table's head after "| format |": a time and a ratio column per map
 * of TOUCHPOINTS, then the output and growth columns, and the load's row. */
static void print_table_head(const size_t *touchpoints, const double *load_ms, size_t maps)
{
	for (size_t m = 0; m < maps; m++)
		printf(" %zu tp, ms | ratio |", touchpoints[m]);
	printf(" output at %zu | µs/tp growth |\n|---|", touchpoints[maps - 1]);
	for (size_t m = 0; m < maps; m++)
		printf("---:|---:|");
	printf("---:|---:|\n| (load) |");
	for (size_t m = 0; m < maps; m++)
		printf(" %.2f | 1.00× |", load_ms[m]);
	printf(" | |\n");
}

static void bench_streamed(const char *const *paths, size_t map_count, const size_t *touchpoints,
			   const double *load_ms, const cjm_format *formats, size_t format_count, bool quick)
{
	double ms[MAX_MAPS][MAX_FORMATS];
	size_t bytes[MAX_MAPS][MAX_FORMATS];
	size_t measured = 0;
	for (size_t m = 0; m < map_count; m++) {
		if (quick && touchpoints[m] > 10000)
			break;
		cjm_map *map = load_or_die(paths[m]);
		int runs = quick || touchpoints[m] >= 10000 ? 1 : 3;
		for (size_t f = 0; f < format_count; f++) {
			if (!formats[f].stream)
				continue;
			fprintf(stderr, "bench_export: %s of %zu touchpoints, best of %d...\n", formats[f].name,
				touchpoints[m], runs);
			ms[m][f] = time_stream(map, &formats[f], runs, &bytes[m][f]);
		}
		cjm_map_free(map);
		measured++;
	}
	if (measured == 0)
		return;
	printf("\nStreamed exports (the file drawn sheet by sheet by librsvg and cairo, written to a sink that "
	       "keeps nothing; png at %d dpi):\n\n| format |", BENCH_PNG_DPI);
	print_table_head(touchpoints, load_ms, measured);
	double pdf_worst = 0;
	bool linear = true;
	for (size_t f = 0; f < format_count; f++) {
		if (!formats[f].stream)
			continue;
		printf("| %s |", formats[f].name);
		for (size_t m = 0; m < measured; m++) {
			double ratio = ms[m][f] / load_ms[m];
			printf(" %.0f | %.0f× |", ms[m][f], ratio);
			if (strcmp(formats[f].name, "pdf") == 0 && ratio > pdf_worst)
				pdf_worst = ratio;
		}
		printf(" ");
		print_size(bytes[measured - 1][f]);
		size_t last = measured - 1;
		double growth = (ms[last][f] / (double)touchpoints[last]) / (ms[0][f] / (double)touchpoints[0]);
		if (measured > 1 && growth > LINEAR_LIMIT)
			linear = false;
		printf(" | %.2f× |\n", growth);
	}
	printf("\n- pdf ≤ %.1f× load: %s (%.0f× at worst)\n", STREAM_GOAL, pdf_worst <= STREAM_GOAL ? "holds" : "**missed**",
	       pdf_worst);
	printf("- time per touchpoint, largest vs smallest map, within %.1f×: %s\n", LINEAR_LIMIT,
	       linear ? "holds (linear)" : "**missed**");
	if (quick && measured < map_count)
		printf("- --quick: the maps over 10,000 touchpoints are left out here\n");
}

int main(int argc, char **argv)
{
	const char *paths[MAX_MAPS];
	size_t map_count = 0;
	bool quick = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0)
			quick = true;
		else if (map_count < MAX_MAPS)
			paths[map_count++] = argv[i];
	}
	if (map_count == 0) {
		fprintf(stderr, "usage: bench_export [--quick] MAP...  (at most %d maps, of growing size)\n", MAX_MAPS);
		return 64;
	}
	size_t format_count = 0;
	const cjm_format *formats = cjm_formats(&format_count);
	if (format_count > MAX_FORMATS)
		format_count = MAX_FORMATS;

	size_t touchpoints[MAX_MAPS];
	double load_ms[MAX_MAPS], export_ms[MAX_MAPS][MAX_FORMATS];
	size_t bytes[MAX_MAPS][MAX_FORMATS];
	double worst_ratio = 0;
	const char *worst_at = "";
	for (size_t m = 0; m < map_count; m++) {
		cjm_map *map = load_or_die(paths[m]);
		touchpoints[m] = cjm_map_touchpoint_count(map);
		int runs = quick ? 2 : touchpoints[m] >= 100000 ? 3 : touchpoints[m] >= 10000 ? 5 : 11;
		fprintf(stderr, "bench_export: %zu touchpoints, best of %d...\n", touchpoints[m], runs);
		load_ms[m] = time_load(paths[m], runs);
		for (size_t f = 0; f < format_count; f++) {
			if (!formats[f].export_map)
				continue; /* streamed: below */
			export_ms[m][f] = time_export(map, &formats[f], runs, &bytes[m][f]);
			double ratio = export_ms[m][f] / load_ms[m];
			if (ratio > worst_ratio) {
				worst_ratio = ratio;
				worst_at = formats[f].name;
			}
		}
		cjm_map_free(map);
	}

	printf("| format |");
	print_table_head(touchpoints, load_ms, map_count);
	bool linear = true;
	for (size_t f = 0; f < format_count; f++) {
		if (!formats[f].export_map)
			continue;
		printf("| %s |", formats[f].name);
		for (size_t m = 0; m < map_count; m++)
			printf(" %.2f | %.2f× |", export_ms[m][f], export_ms[m][f] / load_ms[m]);
		printf(" ");
		print_size(bytes[map_count - 1][f]);
		size_t last = map_count - 1;
		double growth = (export_ms[last][f] / (double)touchpoints[last]) /
				(export_ms[0][f] / (double)touchpoints[0]);
		if (map_count > 1 && growth > LINEAR_LIMIT)
			linear = false;
		printf(" | %.2f× |\n", growth);
	}
	printf("\n- every export ≤ %.1f× load: %s (the slowest: %s at %.2f×)\n", EXPORT_GOAL,
	       worst_ratio <= EXPORT_GOAL ? "holds" : "**missed**", worst_at, worst_ratio);
	printf("- time per touchpoint, largest vs smallest map, within %.1f×: %s\n", LINEAR_LIMIT,
	       linear ? "holds (linear)" : "**missed**");
	printf("- the export's time builds the whole output in memory, as cjm export does before writing it\n");
	bench_streamed(paths, map_count, touchpoints, load_ms, formats, format_count, quick);
	return 0;
}
