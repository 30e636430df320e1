/* A map's history: the commits git lists for it, each with the figures of the map it holds (computed once per blob). */
#include "cli/history.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis/figures.h"
#include "cli/cli.h"
#include "io/load.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/strset.h"
#include "util/xalloc.h"

/* What reading the blobs fills in. */
typedef struct history_reading {
	cjm_history *history;
} history_reading;

/* The first error of DIAGS, by line and column, as "LINE:COL message". */
static char *history_first_error(const diag_list *diags)
{
	const diag *first = NULL;
	for (size_t i = 0; i < diags->count; i++) {
		const diag *d = &diags->items[i];
		if (d->warning)
			continue;
		if (!first || d->line < first->line || (d->line == first->line && d->col < first->col))
			first = d;
	}
	if (!first)
		return xstrdup(_("not a valid map"));
	if (first->line <= 0)
		return xstrdup(first->message);
	return xasprintf("%d:%d %s", first->line, first->col, first->message);
}

static void history_blob(void *arg, size_t index, const char *text, size_t len, const char *missing)
{
	history_reading *reading = arg;
	cjm_history_figures *v = &reading->history->versions[index];
	if (!text) {
		v->error = xstrdup(missing);
		return;
	}
	diag_list *diags = diag_list_new("");
	cjm_map *map = cjm_load_buffer(text, len, diags, NULL);
	if (!map) {
		v->error = history_first_error(diags);
	} else {
		cjm_figures *f = cjm_figures_new(map);
		v->touchpoints = f->touchpoints;
		v->scored = f->scored;
		v->has_peak = f->has_peak;
		v->mean = f->emotion.mean;
		v->peak = f->peak;
		v->end = f->end;
		v->peak_end = f->peak_end;
		cjm_figures_free(f);
		cjm_map_free(map);
	}
	diag_list_free(diags);
}

/* FILE's folder and its name in it ("maps/x.yaml": "maps", "x.yaml"); a folder that
 * is gone is "." with FILE as it is. Both malloc'd. */
static void history_split(const char *file, char **dir, char **name)
{
	const char *slash = strrchr(file, '/');
	if (slash && slash[1] != '\0') {
		*dir = slash == file ? xstrdup("/") : xstrndup(file, (size_t)(slash - file));
		if (access(*dir, X_OK) == 0) {
			*name = xstrdup(slash + 1);
			return;
		}
		free(*dir);
	}
	*dir = xstrdup(".");
	*name = xstrdup(file);
}

/* Says why git failed on FILE and returns 66. */
static int history_git_error(const char *file, cjm_git_failure failure, const char *why)
{
	if (failure == CJM_GIT_NO_GIT)
		/* TRANSLATORS: the file, then why git could not run. */
		cli_error(_("%s: cannot read its history: %s"), file, why);
	else
		/* TRANSLATORS: the file, then git's own message ("fatal: not a git repository ..."). */
		cli_error(_("%s: cannot read its history from git: %s"), file, why);
	return CJM_EXIT_NOINPUT;
}

int cjm_history_read(const char *file, const char *range, cjm_history *history)
{
	memset(history, 0, sizeof *history);
	struct stat st;
	if (stat(file, &st) == 0 && S_ISDIR(st.st_mode)) { /* git would follow every file in it */
		cli_error(_("%s: is a folder; give the map's file"), file);
		history->figures = xcalloc(1, sizeof *history->figures);
		history->versions = xcalloc(1, sizeof *history->versions);
		return CJM_EXIT_NOINPUT;
	}
	char *dir, *name, *why = NULL;
	history_split(file, &dir, &name);
	int rc = CJM_EXIT_OK;
	cjm_git_failure failure = cjm_git_log_read(dir, name, range, &history->git, &why);
	if (failure != CJM_GIT_OK) {
		rc = history_git_error(file, failure, why);
	} else if (history->git.count == 0) {
		failure = cjm_git_tracks(dir, name, &why);
		if (failure == CJM_GIT_FAILED) {
			/* TRANSLATORS: the file, then git's own message ("error: pathspec ... did not match"). */
			cli_error(_("%s: git does not track it: %s"), file, why);
			rc = CJM_EXIT_NOINPUT;
		} else if (failure != CJM_GIT_OK) {
			rc = history_git_error(file, failure, why);
		}
	}
	free(why);
	why = NULL;
	size_t count = rc == CJM_EXIT_OK ? history->git.count : 0;
	history->figures = xcalloc(count ? count : 1, sizeof *history->figures);

	/* each distinct blob once, in the order the commits name them */
	strset *seen = strset_new(count);
	const char **ids = xcalloc(count ? count : 1, sizeof *ids);
	size_t *version_of = xcalloc(count ? count : 1, sizeof *version_of);
	for (size_t i = 0; i < count; i++) {
		const char *blob = history->git.commits[i].blob;
		if (!blob)
			continue;
		bool added;
		void **slot = strset_slot(seen, blob, &added);
		if (added) {
			*slot = (void *)(ids + history->version_count);
			ids[history->version_count++] = blob;
		}
		version_of[i] = (size_t)((const char **)*slot - ids);
	}
	history->versions = xcalloc(history->version_count ? history->version_count : 1, sizeof *history->versions);
	if (history->version_count) {
		history_reading reading = { history };
		failure = cjm_git_read_blobs(dir, ids, history->version_count, CJM_MAX_FILE_SIZE, history_blob, &reading,
					     &why);
		if (failure != CJM_GIT_OK)
			rc = history_git_error(file, failure, why);
	}
	for (size_t i = 0; i < count; i++)
		history->figures[i] = history->git.commits[i].blob ? &history->versions[version_of[i]] : NULL;
	free(why);
	free(version_of);
	free(ids);
	strset_free(seen);
	free(dir);
	free(name);
	return rc;
}

void cjm_history_release(cjm_history *history)
{
	for (size_t i = 0; i < history->version_count; i++)
		free(history->versions[i].error);
	free(history->versions);
	free(history->figures);
	cjm_git_history_release(&history->git);
	memset(history, 0, sizeof *history);
}
