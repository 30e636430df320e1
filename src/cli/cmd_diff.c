/* `cjm diff OLD NEW`: the semantic difference of two maps by id, also as git's external diff. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "merge/diff.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/visible.h"
#include "util/i18n.h"

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

	cjm_map *old_map = diff_load(old_path, &rc);
	cjm_map *new_map = old_map ? diff_load(new_path, &rc) : NULL;
	if (!old_map || !new_map) {
		cjm_map_free(old_map);
		return rc;
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
