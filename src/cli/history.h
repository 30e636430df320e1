/* A map's history: the commits git lists for it, each with the figures of the map it holds (computed once per blob). */
#ifndef CJM_CLI_HISTORY_H
#define CJM_CLI_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "io/git_log.h"

/* The figures of one version of the map, as cjm stats computes them (cjm_figures). */
typedef struct cjm_history_figures {
	char *error;        /* why it does not load: "LINE:COL message" (or "message"); NULL when it loads */
	size_t touchpoints;
	size_t scored;
	bool has_peak;      /* something is scored: mean, peak, end and peak_end hold */
	double mean;
	int peak;
	int end;
	double peak_end;
} cjm_history_figures;

typedef struct cjm_history {
	cjm_git_history git;             /* the commits, newest first */
	const cjm_history_figures **figures; /* [git.count]: each commit's; NULL when it deleted the file */
	cjm_history_figures *versions;   /* one per distinct blob */
	size_t version_count;
} cjm_history;

/* Reads FILE's history over RANGE (NULL: all of it) into *HISTORY: one git log and
 * one git cat-file --batch, run in FILE's folder. On failure prints "cjm: ..." with
 * git's message and returns 66; else 0 (also when some versions do not load). */
int cjm_history_read(const char *file, const char *range, cjm_history *history);

void cjm_history_release(cjm_history *history);

#endif
