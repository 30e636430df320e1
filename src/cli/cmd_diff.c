/* `cjm diff OLD NEW`: the semantic difference of two maps by id, also as git's external diff. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "merge/diff.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/visible.h"
#include "util/i18n.h"

extern char **environ;

enum diff_format { FORMAT_TEXT, FORMAT_YAML };

/* An added or deleted file, as git hands it to an external diff: an empty map. */
static bool diff_is_null(const char *path)
{
	return strcmp(path, "/dev/null") == 0;
}

static cjm_map *diff_load(const char *path, int *rc)
{
	if (diff_is_null(path))
		return cjm_map_new(NULL);
	return cli_load_map(path, rc);
}

/* ---- git's form: a side that is not a valid map is compared as text ---- */

/* One side as git hands it over: its map; or NULL with *PROBLEM (malloc'd) when it is
 * there but not a valid map (then it is compared as text), or with the reason printed
 * and *RC 66 when it cannot be read. */
static cjm_map *diff_load_git_side(const char *path, char **problem, int *rc)
{
	*problem = NULL;
	if (diff_is_null(path))
		return cjm_map_new(NULL);
	size_t len = 0;
	int err = 0;
	char *text = cjm_read_file(path, &len, &err); /* git's files: never a revision */
	if (!text && err == EFBIG) {
		*problem = xasprintf(_("file is too large (the limit is %u MiB)"), CJM_MAX_FILE_SIZE >> 20);
		return NULL;
	}
	if (!text) {
		cli_error("%s: %s", path, strerror(err));
		*rc = CJM_EXIT_NOINPUT;
		return NULL;
	}
	cjm_map *map = cli_parse_quietly(text, len, problem);
	free(text);
	return map;
}

/* "SIDE: not a valid map (PROBLEM); ..." for one side that is not a map (SIDE already escaped). */
static void diff_say_not_a_map(strbuf *out, const char *side, const char *problem)
{
	strbuf why = { 0 };
	visible_puts(&why, problem, 0);
	/* TRANSLATORS: a side of git's diff (a/maps/x.yaml), then its first problem ("3:1: unknown key ..."). */
	strbuf_printf(out, _("%s: not a valid map (%s); the text diff follows\n"), side, why.data);
	strbuf_release(&why);
}

/* Runs diff -u of OLD and NEW, labelled as git labels them, without a shell; its
 * output goes to standard output (already flushed) through cli_text_out, so that no
 * line of the files reaches git's pager raw. CJM_EXIT_OK when it ran (whether or not
 * the files differ), else why not is printed and CJM_EXIT_IOERR returned. */
static int diff_run_text_diff(const char *old_label, const char *new_label, const char *old_file,
			      const char *new_file)
{
	char *argv[] = { "diff", "-u", "--label", (char *)old_label, "--label", (char *)new_label, "--",
			 (char *)old_file, (char *)new_file, NULL };
	int fds[2];
	if (pipe(fds) != 0) {
		cli_error(_("cannot run diff: %s"), strerror(errno));
		return CJM_EXIT_IOERR;
	}
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&actions, fds[1]);
	pid_t pid;
	int err = posix_spawnp(&pid, "diff", &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	close(fds[1]);
	if (err != 0) {
		close(fds[0]);
		/* TRANSLATORS: %s is the system's reason, such as "No such file or directory". */
		cli_error(_("cannot run diff: %s"), strerror(err));
		return CJM_EXIT_IOERR;
	}
	cli_text_out shown = { 0 };
	char chunk[1 << 16];
	for (ssize_t got; (got = read(fds[0], chunk, sizeof chunk)) != 0;) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			break;
		cli_text_out_write(&shown, chunk, (size_t)got);
	}
	close(fds[0]);
	bool written = cli_text_out_finish(&shown);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!written) {
		cli_error(_("cannot write the output"));
		return CJM_EXIT_IOERR;
	}
	if (WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1))
		return CJM_EXIT_OK; /* the same, or different */
	cli_error(_("diff -u of the two files failed"));
	return CJM_EXIT_IOERR;
}

/* git's external diff where a side is not a valid map: the header, a line for each
 * such side, and a plain text diff of the files, so git diff and git log -p go on. */
static int diff_git_fallback(const char *git_path, const char *git_new_path, const char *old_file,
			     const char *new_file, const char *old_problem, const char *new_problem, bool color)
{
	strbuf out = { 0 }, old_label = { 0 }, new_label = { 0 };
	strbuf_puts(&old_label, "a/");
	visible_puts(&old_label, git_path, 0); /* paths from the repository: may hold anything */
	strbuf_puts(&new_label, "b/");
	visible_puts(&new_label, git_new_path, 0);
	strbuf_puts(&out, color ? "\x1b[1mcjm diff " : "cjm diff ");
	strbuf_printf(&out, "%s %s%s\n", old_label.data, new_label.data, color ? "\x1b[m" : "");
	if (old_problem)
		diff_say_not_a_map(&out, old_label.data, old_problem);
	if (new_problem)
		diff_say_not_a_map(&out, new_label.data, new_problem);
	int rc = cli_write_output(NULL, out.data, out.len);
	if (rc == CJM_EXIT_OK)
		rc = diff_run_text_diff(old_label.data, new_label.data, old_file, new_file);
	strbuf_release(&out);
	strbuf_release(&old_label);
	strbuf_release(&new_label);
	return rc;
}

/* WHEN of --color. */
static bool diff_is_when(const char *arg)
{
	return strcmp(arg, "always") == 0 || strcmp(arg, "never") == 0 || strcmp(arg, "auto") == 0;
}

/* Colour for --color=WHEN: always, never, or auto (stdout a terminal and NO_COLOR unset or empty). */
static int diff_color(const char *when, bool *color)
{
	if (strcmp(when, "always") == 0) {
		*color = true;
	} else if (strcmp(when, "never") == 0) {
		*color = false;
	} else if (strcmp(when, "auto") == 0) {
		const char *no_color = getenv("NO_COLOR");
		*color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
	} else {
		return cli_usage_error(&cjm_cmd_diff, _("--color must be always, never or auto, not '%s'"), when);
	}
	return CJM_EXIT_OK;
}

/* The options, as given (a command runs once per process). */
static const char *diff_format_name = "text", *diff_color_name = "auto";

static const cli_option diff_options[] = {
	{ "--format", "-f", "FORMAT", CLI_VALUE, &diff_format_name, N_("text (the default) or yaml"), NULL, NULL },
	{ "--color", NULL, "WHEN", CLI_OPTIONAL, &diff_color_name,
	  N_("always (a bare --color), never or auto: the default, colour on a\n"
	  "terminal unless NO_COLOR is set"),
	  "always", diff_is_when },
	{ 0 },
};

static int cmd_diff_run(int argc, char **argv)
{
	cli_list operands = { 0 };
	int rc = CJM_EXIT_OK;
	if (!cli_parse(&cjm_cmd_diff, argc, argv, &operands, &rc)) {
		cli_list_release(&operands);
		return rc;
	}
	const char **files = operands.items;
	size_t nfiles = operands.count;
	enum diff_format format = FORMAT_TEXT;
	bool color = false;
	if (strcmp(diff_format_name, "yaml") == 0)
		format = FORMAT_YAML;
	else if (strcmp(diff_format_name, "text") != 0)
		rc = cli_usage_error(&cjm_cmd_diff, _("unknown format '%s'; the formats are text and yaml"), diff_format_name);
	if (rc == CJM_EXIT_OK)
		rc = diff_color(diff_color_name, &color);

	/* OLD NEW; or as git's external diff: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE,
	 * with NEW-PATH and a message after them for a rename */
	const char *old_path = NULL, *new_path = NULL, *git_path = NULL, *git_new_path = NULL;
	if (rc == CJM_EXIT_OK) {
		if (nfiles == 2) {
			old_path = files[0];
			new_path = files[1];
		} else if (nfiles == 7 || nfiles == 9) {
			git_path = files[0];
			old_path = files[1];
			new_path = files[4];
			git_new_path = nfiles == 9 ? files[7] : files[0];
		} else if (nfiles == 1 && getenv("GIT_DIFF_PATH_TOTAL")) {
			/* git's external diff of an unmerged path: only the path */
			fputs("cjm diff ", stdout);
			visible_fputs(files[0], 0, stdout); /* a path from the repository: may hold anything */
			fputs(_(": unmerged; resolve the conflict, then cjm validate it\n"), stdout);
			cli_list_release(&operands);
			return fflush(stdout) == 0 ? CJM_EXIT_OK : CJM_EXIT_IOERR;
		} else if (nfiles < 2) {
			rc = cli_usage_error(&cjm_cmd_diff, _("give two maps: OLD and NEW"));
		} else {
			rc = cli_usage_error(&cjm_cmd_diff,
					     _("give two maps, OLD and NEW (or git's seven external-diff arguments), not %zu"),
					     nfiles);
		}
	}
	cli_list_release(&operands);
	if (rc != CJM_EXIT_OK)
		return rc;

	cjm_map *old_map, *new_map;
	if (git_path) {
		char *old_problem = NULL, *new_problem = NULL;
		old_map = diff_load_git_side(old_path, &old_problem, &rc);
		new_map = rc == CJM_EXIT_OK ? diff_load_git_side(new_path, &new_problem, &rc) : NULL;
		if (rc == CJM_EXIT_OK && (old_problem || new_problem))
			rc = diff_git_fallback(git_path, git_new_path, old_path, new_path, old_problem, new_problem,
					       color);
		bool done = !old_map || !new_map;
		free(old_problem);
		free(new_problem);
		if (done) {
			cjm_map_free(old_map);
			cjm_map_free(new_map);
			return rc;
		}
	} else {
		old_map = diff_load(old_path, &rc);
		new_map = old_map ? diff_load(new_path, &rc) : NULL;
		if (!old_map || !new_map) {
			cjm_map_free(old_map);
			return rc;
		}
	}
	cjm_diff *diff = cjm_diff_new(old_map, new_map);
	strbuf out = { 0 };
	if (git_path && (diff->count || format == FORMAT_YAML)) {
		if (color)
			strbuf_puts(&out, "\x1b[1m");
		strbuf_puts(&out, format == FORMAT_YAML ? "# cjm diff a/" : "cjm diff a/");
		visible_puts(&out, git_path, 0); /* paths from the repository: may hold anything */
		strbuf_puts(&out, " b/");
		visible_puts(&out, git_new_path, 0);
		if (color)
			strbuf_puts(&out, "\x1b[m");
		strbuf_putc(&out, '\n');
	}
	if (format == FORMAT_YAML) {
		cjm_diff_render_yaml(&out, diff);
	} else {
		cjm_diff_render_options options = { .color = color };
		cjm_diff_render_text(&out, diff, &options);
	}
	/* git takes any other status of an external diff for a failure */
	rc = diff->count && !git_path ? CJM_EXIT_FOUND : CJM_EXIT_OK;
	int written = cli_write_output(NULL, out.data ? out.data : "", out.len);
	if (written != CJM_EXIT_OK)
		rc = written;
	strbuf_release(&out);
	cjm_diff_free(diff);
	cjm_map_free(old_map);
	cjm_map_free(new_map);
	return rc;
}

const cjm_command cjm_cmd_diff = {
	"diff",
	"diff OLD NEW [--format text|yaml] [--color[=WHEN]]",
	N_("semantic diff by id: added, removed, moved, changed fields"),
	diff_options,
	cmd_diff_run,
};
