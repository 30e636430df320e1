/* Growth checks: the cjm binary on generated hostile inputs at two sizes 10x apart; time per item at the larger within 2x of the smaller. */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/xalloc.h"

#define GROWTH_LIMIT 2.0    /* time per item at 10x the size over the time per item at the size */
#define GROWTH_FACTOR 10    /* the larger size over the smaller */
#define STOP_FACTOR 25.0    /* a larger run past this many times the smaller one has failed: stop it */
#define STOP_MAX_MS 60000.0 /* and never wait longer than this */
#define MEMORY_GOAL 3.0     /* peak memory over the input's size, plus MEMORY_SLACK_MIB (as in bench.c) */
#define MEMORY_SLACK_MIB 8.0
#define MAX_ARGS 12

typedef void generate_fn(FILE *out, size_t n, int side);

/* One check: a command over files made by GENERATE (side 0, 1, 2: base, ours, theirs). */
typedef struct growth_case {
	const char *what;   /* the shape of the input */
	const char *item;   /* what N counts */
	size_t n;           /* the smaller size */
	int files;          /* 1, 2 (diff) or 3 (merge) */
	const char *ext;    /* the files' extension */
	const char *args[MAX_ARGS]; /* after the binary; "@0".."@2" are the files, "@out" a scratch file */
	generate_fn *generate;
	bool memory_goal;   /* check the peak against the input's size too */
} growth_case;

typedef struct run_result {
	double ms;       /* best wall time */
	double peak_mib; /* the child's peak resident size */
	size_t bytes;    /* the input's size */
	bool stopped;    /* killed at the time limit */
	bool crashed;    /* killed by a signal of its own */
} run_result;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- the inputs ---- */

static void map_head(FILE *out)
{
	fputs("version: 1\ntitle: T\n", out);
}

/* N touchpoints of one name and no ids: every id is made with a suffix. */
static void gen_same_names(FILE *out, size_t n, int side)
{
	(void)side;
	map_head(out);
	fputs("phases:\n- name: P\n  touchpoints:\n", out);
	for (size_t i = 0; i < n; i++)
		fputs("  - name: Same\n", out);
}

/* N CSV rows of one name. */
static void gen_csv_same_names(FILE *out, size_t n, int side)
{
	(void)side;
	fputs("phase,name,emotion\n", out);
	for (size_t i = 0; i < n; i++)
		fputs("P,Same,1\n", out);
}

/* A Mermaid task whose name is N entity codes. */
static void gen_mermaid_entities(FILE *out, size_t n, int side)
{
	(void)side;
	fputs("journey\n  title T\n  section S\n    ", out);
	for (size_t i = 0; i < n; i++)
		fputs("#35;", out);
	fputs(": 3: Me\n", out);
}

/* A `%% cjm:` note of N unknown words, each a warning at its column. */
static void gen_mermaid_note_words(FILE *out, size_t n, int side)
{
	(void)side;
	fputs("journey\n  section S\n  %% cjm:", out);
	for (size_t i = 0; i < n; i++)
		fputs(" zz", out);
	fputs("\n    T: 3: Me\n", out);
}

/* N Mermaid tasks of one name. */
static void gen_mermaid_same_tasks(FILE *out, size_t n, int side)
{
	(void)side;
	fputs("journey\n  title T\n  section S\n", out);
	for (size_t i = 0; i < n; i++)
		fputs("    Same: 3: Me\n", out);
}

/* N times " #": one line that is all comment candidates. */
static void gen_hashes(FILE *out, size_t n, int side)
{
	(void)side;
	for (size_t i = 0; i < n; i++)
		fputs(" #", out);
}

/* N comment lines before a map: fmt counts them and says where the first is. */
static void gen_comment_lines(FILE *out, size_t n, int side)
{
	(void)side;
	for (size_t i = 0; i < n; i++)
		fputs("# c\n", out);
	map_head(out);
	fputs("phases: [] # none\n", out);
}

/* N dismissals of touchpoints that are gone, in reverse order on side 2. */
static void gen_dismissals(FILE *out, size_t n, int side)
{
	map_head(out);
	fputs("phases:\n- id: p\n  name: P\ndismissed:\n", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "- {pattern: skip-steps, target: gone-%zu}\n", side == 2 ? n - 1 - i : i);
}

/* N settings of patterns that do not exist, disabled on side 2. */
static void gen_pattern_settings(FILE *out, size_t n, int side)
{
	map_head(out);
	fputs("patterns:\n", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "  p%zu: {enabled: %s, threshold: 1}\n", i, side == 2 ? "false" : "true");
	fputs("phases: []\n", out);
}

/* N touchpoints, in reverse order on side 1: every one moves. */
static void gen_reversed(FILE *out, size_t n, int side)
{
	map_head(out);
	fputs("phases:\n- id: p\n  name: P\n  touchpoints:\n", out);
	for (size_t i = 0; i < n; i++) {
		size_t k = side == 1 ? n - 1 - i : i;
		fprintf(out, "  - id: t%zu\n    name: T%zu\n", k, k);
	}
}

/* One touchpoint with N pains. */
static void gen_pains(FILE *out, size_t n, int side)
{
	(void)side;
	map_head(out);
	fputs("phases:\n- name: P\n  touchpoints:\n  - name: T\n    pains:\n", out);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "    - pain %zu\n", i);
}

static const growth_case cases[] = {
	{ "same-named touchpoints, no ids", "touchpoints", 10000, 1, "yaml",
	  { "validate", "@0" }, gen_same_names, false },
	{ "same-named CSV rows", "rows", 10000, 1, "csv",
	  { "import", "--from", "csv", "@0", "-o", "@out", "--force" }, gen_csv_same_names, false },
	{ "same-named Mermaid tasks", "tasks", 10000, 1, "mmd",
	  { "import", "--from", "mermaid", "@0", "-o", "@out", "--force" }, gen_mermaid_same_tasks, false },
	{ "entity codes on one Mermaid line", "codes", 40000, 1, "mmd",
	  { "import", "--from", "mermaid", "@0", "-o", "@out", "--force" }, gen_mermaid_entities, false },
	{ "unknown words in one cjm note", "words", 10000, 1, "mmd",
	  { "import", "--from", "mermaid", "@0", "-o", "@out", "--force" }, gen_mermaid_note_words, false },
	{ "' #' on one line (validate)", "'#'s", 1000000, 1, "yaml",
	  { "validate", "@0" }, gen_hashes, true },
	{ "comment lines (fmt)", "lines", 100000, 1, "yaml",
	  { "fmt", "@0" }, gen_comment_lines, true },
	{ "dismissals of gone targets (validate)", "dismissals", 10000, 1, "yaml",
	  { "validate", "@0" }, gen_dismissals, false },
	{ "settings of unknown patterns (validate)", "settings", 10000, 1, "yaml",
	  { "validate", "@0" }, gen_pattern_settings, false },
	{ "touchpoints in reverse order (diff)", "touchpoints", 10000, 2, "yaml",
	  { "diff", "@0", "@1" }, gen_reversed, false },
	{ "pains of one touchpoint (show --plain)", "pains", 100000, 1, "yaml",
	  { "show", "--plain", "@0" }, gen_pains, false },
	{ "dismissals, reordered by theirs (merge)", "dismissals", 20000, 3, "yaml",
	  { "merge", "-q", "-o", "@out", "@0", "@1", "@2" }, gen_dismissals, false },
	{ "pattern settings, changed by theirs (merge)", "settings", 20000, 3, "yaml",
	  { "merge", "-q", "-o", "@out", "@0", "@1", "@2" }, gen_pattern_settings, false },
};

/* ---- running cjm ---- */

/* Writes the case's files of size N into DIR; their total size in bytes. */
static size_t write_inputs(const growth_case *c, const char *dir, size_t n, char **paths)
{
	size_t bytes = 0;
	for (int side = 0; side < c->files; side++) {
		paths[side] = xasprintf("%s/in-%d.%s", dir, side, c->ext);
		FILE *out = fopen(paths[side], "w");
		if (!out) {
			fprintf(stderr, "bench_growth: cannot write %s: %s\n", paths[side], strerror(errno));
			exit(1);
		}
		c->generate(out, n, side);
		bytes += (size_t)ftell(out);
		if (fclose(out) != 0) {
			fprintf(stderr, "bench_growth: cannot write %s\n", paths[side]);
			exit(1);
		}
	}
	return bytes;
}

/* Runs CJM on the case's files once, stopping it after LIMIT_MS; its time in *MS. */
static void run_once(const char *cjm, const growth_case *c, char **paths, const char *scratch, double limit_ms,
		     run_result *r, double *ms)
{
	const char *argv[MAX_ARGS + 2] = { cjm };
	int argc = 1;
	for (int i = 0; i < MAX_ARGS && c->args[i]; i++) {
		const char *a = c->args[i];
		if (strcmp(a, "@out") == 0)
			a = scratch;
		else if (a[0] == '@' && a[1] >= '0' && a[1] <= '2')
			a = paths[a[1] - '0'];
		argv[argc++] = a;
	}
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("bench_growth: fork");
		exit(1);
	}
	if (pid == 0) {
		FILE *null = freopen("/dev/null", "w", stdout);
		(void)null;
		null = freopen("/dev/null", "w", stderr);
		(void)null;
		execv(cjm, (char *const *)argv);
		_exit(127);
	}
	int status = 0;
	struct rusage ru = { 0 };
	for (;;) {
		pid_t got = wait4(pid, &status, WNOHANG, &ru);
		if (got == pid)
			break;
		if (got < 0 && errno != EINTR) {
			perror("bench_growth: wait4");
			exit(1);
		}
		if (now_ms() - t0 > limit_ms && !r->stopped) {
			kill(pid, SIGKILL);
			r->stopped = true;
		}
		struct timespec pause = { 0, 200000 }; /* 0.2 ms: small against the runs measured */
		nanosleep(&pause, NULL);
	}
	*ms = now_ms() - t0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		fprintf(stderr, "bench_growth: cannot run %s\n", cjm);
		exit(66);
	}
	if (WIFSIGNALED(status) && !r->stopped)
		r->crashed = true;
	double peak = (double)ru.ru_maxrss / 1024.0;
	if (peak > r->peak_mib)
		r->peak_mib = peak;
}

/* The best of a few runs at size N (fewer when a run is slow). */
static run_result run_size(const char *cjm, const growth_case *c, const char *dir, size_t n, double limit_ms,
			   bool quick)
{
	run_result r = { 0 };
	char *paths[3] = { 0 };
	r.bytes = write_inputs(c, dir, n, paths);
	char *scratch = xasprintf("%s/out", dir);
	int reps = quick ? 1 : 3;
	for (int i = 0; i < reps && !r.stopped && !r.crashed; i++) {
		double ms;
		run_once(cjm, c, paths, scratch, limit_ms, &r, &ms);
		if (i == 0 || ms < r.ms)
			r.ms = ms;
		if (ms > 2000)
			break; /* slow enough to measure once */
	}
	for (int side = 0; side < c->files; side++) {
		unlink(paths[side]);
		free(paths[side]);
	}
	unlink(scratch);
	free(scratch);
	return r;
}

/* Whether the case held; its time growth per item in *GROWTH. */
static bool case_ok(const growth_case *c, const run_result *s, const run_result *l, double *growth)
{
	*growth = l->ms / (s->ms * GROWTH_FACTOR);
	bool memory_ok = !c->memory_goal ||
			 l->peak_mib <= MEMORY_GOAL * (double)l->bytes / (1024.0 * 1024.0) + MEMORY_SLACK_MIB;
	return !s->stopped && !l->stopped && !s->crashed && !l->crashed && *growth <= GROWTH_LIMIT && memory_ok;
}

static void print_ms(const run_result *r)
{
	if (r->stopped)
		printf("> %.0f", r->ms);
	else
		printf("%.*f", r->ms < 10 ? 2 : 1, r->ms);
}

int main(int argc, char **argv)
{
	const char *cjm = NULL;
	bool quick = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0)
			quick = true;
		else
			cjm = argv[i];
	}
	if (!cjm) {
		fprintf(stderr, "usage: bench_growth [--quick] CJM_BINARY\n");
		return 64;
	}
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/cjm-growth.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "bench_growth: cannot create a temporary folder: %s\n", strerror(errno));
		return 1;
	}
	size_t count = sizeof cases / sizeof *cases;
	run_result small[sizeof cases / sizeof *cases], large[sizeof cases / sizeof *cases];
	for (size_t i = 0; i < count; i++) {
		const growth_case *c = &cases[i];
		fprintf(stderr, "bench_growth: %s, %zu and %zu %s...\n", c->what, c->n, c->n * GROWTH_FACTOR, c->item);
		small[i] = run_size(cjm, c, dir, c->n, STOP_MAX_MS, quick);
		double limit = small[i].ms * STOP_FACTOR + 1000.0;
		if (small[i].stopped || small[i].crashed)
			large[i] = (run_result){ .stopped = small[i].stopped, .crashed = small[i].crashed }; /* not worth waiting for */
		else
			large[i] = run_size(cjm, c, dir, c->n * GROWTH_FACTOR, limit < STOP_MAX_MS ? limit : STOP_MAX_MS,
					    quick);
	}
	rmdir(dir);
	free(dir);

	printf("| input | N | N ms | 10N ms | time per item, 10N / N | peak MiB at 10N | result |\n");
	printf("|---|---:|---:|---:|---:|---:|---|\n");
	bool all = true;
	for (size_t i = 0; i < count; i++) {
		const growth_case *c = &cases[i];
		const run_result *s = &small[i], *l = &large[i];
		double growth;
		bool ok = case_ok(c, s, l, &growth);
		all = all && ok;
		printf("| %s | %zu %s | ", c->what, c->n, c->item);
		print_ms(s);
		if (s->stopped || s->crashed) {
			printf(" | – | %s | – | **FAIL** |\n", s->stopped ? "stopped" : "crashed");
			continue;
		}
		printf(" | ");
		print_ms(l);
		if (l->stopped || l->crashed)
			printf(" | %s | %.1f | **FAIL** |\n", l->stopped ? "stopped" : "crashed", l->peak_mib);
		else
			printf(" | %.2f× | %.1f | %s |\n", growth, l->peak_mib, ok ? "PASS" : "**FAIL**");
	}
	printf("\n");
	for (size_t i = 0; i < count; i++) {
		const growth_case *c = &cases[i];
		const run_result *s = &small[i], *l = &large[i];
		double growth;
		bool ok = case_ok(c, s, l, &growth);
		double file_mib = (double)l->bytes / (1024.0 * 1024.0);
		if (s->stopped || l->stopped)
			printf("FAIL: growth: %s: %zu %s did not finish in %.0f s (stopped)", c->what,
			       s->stopped ? c->n : c->n * GROWTH_FACTOR, c->item, (s->stopped ? s->ms : l->ms) / 1000.0);
		else
			printf("%s: growth: %s: time per %s at %zu is %.2f× that at %zu (limit %.1f×)",
			       ok ? "PASS" : "FAIL", c->what, c->item, c->n * GROWTH_FACTOR, growth, c->n, GROWTH_LIMIT);
		if (s->crashed || l->crashed)
			printf("; cjm crashed");
		if (c->memory_goal)
			printf("; peak %.1f MiB for %.1f MiB of input (goal ≤ %.0f× + %.0f MiB)", l->peak_mib, file_mib,
			       MEMORY_GOAL, MEMORY_SLACK_MIB);
		printf("\n");
	}
	printf("\n- %s\n", all ? "every input grows linearly" : "**some inputs do not grow linearly** (FAIL above)");
	return 0;
}
