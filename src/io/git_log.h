/* A file's history from git: the commits that changed it (one git log) and their blobs (one git cat-file --batch). */
#ifndef CJM_GIT_LOG_H
#define CJM_GIT_LOG_H

#include <stdbool.h>
#include <stddef.h>

/*
 * git runs without a shell, in folder DIR, as
 *   git --no-pager -c core.quotepath=off -c color.ui=never -c log.showSignature=false
 *       log --follow --no-color --no-textconv --no-ext-diff --encoding=UTF-8 -z --raw
 *       --no-abbrev --diff-merges=first-parent --format=... [RANGE] -- PATH
 * and, for the blobs, `git cat-file --batch` fed their ids.
 */

/* One commit that changed the file, newest first as git log lists them. */
typedef struct cjm_git_commit {
	char *id;       /* the full commit id */
	char *date;     /* the author date, strict ISO 8601 ("2026-11-30T14:02:11+01:00") */
	char *author;   /* the author's name, after the repository's mailmap */
	char *subject;  /* the first line of the message */
	char *path;     /* the file's path after the commit, from the top of the repository */
	char *old_path; /* where it was before, when the commit renamed or copied it; else NULL */
	char *blob;     /* the blob id of the file after the commit; NULL when the commit deleted it */
	char status;    /* git's letter: A added, M modified, R renamed, C copied, T type changed, D deleted */
} cjm_git_commit;

typedef struct cjm_git_history {
	cjm_git_commit *commits;
	size_t count, cap;
} cjm_git_history;

/* Parses LEN bytes of `git log -z --raw --format=C%H%x00%aI%x00%aN%x00%s` output
 * into *HISTORY (emptied first). A commit with more than one raw line keeps the one
 * that is not a deletion, when there is one. False when the text is not of that
 * form (then *HISTORY holds what came before). */
bool cjm_git_log_parse(const char *text, size_t len, cjm_git_history *history);

void cjm_git_history_release(cjm_git_history *history);

/* Why a git command failed. */
typedef enum cjm_git_failure {
	CJM_GIT_OK,
	CJM_GIT_FAILED,   /* git ran and said no (not a repository, a bad revision): *WHY is its message */
	CJM_GIT_NO_GIT,   /* git could not be started */
	CJM_GIT_GARBLED,  /* git's output was not what was asked for */
} cjm_git_failure;

/* Runs the git log above for PATH (relative to DIR) over RANGE (NULL: all of HEAD's
 * history) into *HISTORY. On failure *WHY is set (malloc'd): git's own message, or why
 * git could not run. */
cjm_git_failure cjm_git_log_read(const char *dir, const char *path, const char *range, cjm_git_history *history,
				 char **why);

/* Whether git tracks PATH in DIR's repository (`git ls-files --error-unmatch`):
 * CJM_GIT_OK, or CJM_GIT_FAILED with git's message in *WHY. */
cjm_git_failure cjm_git_tracks(const char *dir, const char *path, char **why);

/* Called with each blob as it is read: its index in the request, its text (LEN
 * bytes, NUL-terminated), or NULL and a reason when git has no such blob or it is
 * over MAX bytes. The text is only valid during the call. */
typedef void cjm_git_blob_fn(void *arg, size_t index, const char *text, size_t len, const char *missing);

/* Reads the blobs IDS[0..COUNT-1] in order with one `git cat-file --batch` in DIR,
 * a few requests ahead of the answers, calling FN for each. Blobs over MAX bytes are
 * passed over unread (FN gets "too large"). On failure *WHY is set (malloc'd). */
cjm_git_failure cjm_git_read_blobs(const char *dir, const char *const *ids, size_t count, size_t max,
				   cjm_git_blob_fn *fn, void *arg, char **why);

#endif
