/* Benchmark of cjm log on a long history, against git alone reading the same commits and blobs plus loading those blobs. */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "analysis/figures.h"
#include "io/git_log.h"
#include "io/load.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define RUNS 5

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The blobs, as read. */
typedef struct blobs {
	char **text;
	size_t *len;
	size_t bytes;
} blobs;

static void keep_blob(void *arg, size_t index, const char *text, size_t len, const char *missing)
{
	blobs *b = arg;
	if (!text) {
		fprintf(stderr, "bench_log: blob %zu: %s\n", index, missing);
		exit(1);
	}
	free(b->text[index]);
	b->text[index] = xstrndup(text, len);
	b->len[index] = len;
	b->bytes += len;
}

/* git alone, through the plumbing cjm log uses: one git log, one git cat-file --batch. */
static double time_git(const char *dir, const char *name, cjm_git_history *h, blobs *b, const char ***ids,
		       size_t *count)
{
	double t0 = now_ms();
	char *why = NULL;
	if (cjm_git_log_read(dir, name, NULL, h, &why) != CJM_GIT_OK) {
		fprintf(stderr, "bench_log: git log: %s\n", why);
		exit(1);
	}
	*ids = xcalloc(h->count + 1, sizeof **ids);
	*count = 0;
	for (size_t i = 0; i < h->count; i++) /* the bench's history never holds a blob twice */
		if (h->commits[i].blob)
			(*ids)[(*count)++] = h->commits[i].blob;
	if (!b->text) {
		b->text = xcalloc(*count + 1, sizeof *b->text);
		b->len = xcalloc(*count + 1, sizeof *b->len);
	}
	b->bytes = 0;
	if (cjm_git_read_blobs(dir, *ids, *count, CJM_MAX_FILE_SIZE, keep_blob, b, &why) != CJM_GIT_OK) {
		fprintf(stderr, "bench_log: git cat-file: %s\n", why);
		exit(1);
	}
	return now_ms() - t0;
}

/* Loading every blob and computing its figures, in memory. */
static double time_load(const blobs *b, size_t count)
{
	double t0 = now_ms();
	for (size_t i = 0; i < count; i++) {
		diag_list *diags = diag_list_new("blob");
		cjm_map *map = cjm_load_buffer(b->text[i], b->len[i], diags, NULL);
		if (!map) {
			fprintf(stderr, "bench_log: blob %zu does not load\n", i);
			exit(1);
		}
		cjm_figures_free(cjm_figures_new(map));
		cjm_map_free(map);
		diag_list_free(diags);
	}
	return now_ms() - t0;
}

/* The whole `cjm log FILE --format FORMAT` as a user runs it, its output to /dev/null. */
static double time_cjm(const char *cjm, const char *file, const char *format)
{
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDOUT_FILENO);
		execl(cjm, cjm, "log", file, "--format", format, (char *)NULL);
		_exit(127);
	}
	int status = 0;
	waitpid(pid, &status, 0);
	double t = now_ms() - t0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench_log: %s log %s failed\n", cjm, file);
		exit(1);
	}
	return t;
}

static double min_of(double a, double b)
{
	return a < b ? a : b;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: bench_log CJM DIR NAME   (the map NAME in folder DIR of a repository)\n");
		return 64;
	}
	i18n_init(); /* the loader asks gettext as cjm does, under the same locale */
	const char *cjm = argv[1], *dir = argv[2], *name = argv[3];
	char *file = xasprintf("%s/%s", dir, name);
	cjm_git_history h = { 0 };
	blobs b = { 0 };
	const char **ids = NULL;
	size_t count = 0;
	double git = 1e300, load = 1e300, csv = 1e300, text = 1e300;
	for (int run = 0; run < RUNS; run++) {
		free(ids);
		git = min_of(git, time_git(dir, name, &h, &b, &ids, &count));
		load = min_of(load, time_load(&b, count));
		csv = min_of(csv, time_cjm(cjm, file, "csv"));
		text = min_of(text, time_cjm(cjm, file, "text"));
	}
	printf("| commits | blobs | MiB of blobs | git alone ms | load + figures ms | both ms | cjm log ms (csv) | ratio | "
	       "cjm log ms (text) |\n");
	printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	printf("| %zu | %zu | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f× | %.1f |\n", h.count, count,
	       (double)b.bytes / (1024 * 1024), git, load, git + load, csv, csv / (git + load), text);
	for (size_t i = 0; i < count; i++)
		free(b.text[i]);
	free(b.text);
	free(b.len);
	free(ids);
	free(file);
	cjm_git_history_release(&h);
	return 0;
}
