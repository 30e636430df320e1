/* `cjm merge BASE OURS THEIRS [-o OUT] [--name PATH]`: a three-way merge by id, usable as a git merge driver. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "io/load.h"
#include "io/save.h"
#include "merge/merge.h"
#include "util/strbuf.h"
#include "util/visible.h"
#include "util/xalloc.h"
#include "util/i18n.h"

static const char *const merge_side_names[3] = { "base", "ours", "theirs" };

/* One of the three maps: where it is read from, how messages name it, what it held. */
typedef struct merge_input {
	const char *path;
	char *shown;
	char *text;
	size_t len;
	cjm_comments comments;
	cjm_map *map;
} merge_input;

/* Reads and loads side K. An empty or missing BASE is an empty map: git passes an
 * empty file when both branches added the map. Returns an exit code. */
static int merge_load(merge_input *in, int k)
{
	int err = 0;
	in->text = cjm_read_file(in->path, &in->len, &err);
	if (k == CJM_MERGE_BASE && ((!in->text && err == ENOENT) || (in->text && in->len == 0))) {
		in->map = cjm_map_new(NULL);
		return CJM_EXIT_OK;
	}
	if (!in->text) {
		if (err == EFBIG) {
			fprintf(stderr, _("%s: error: file is too large (the limit is %u MiB)\n"), in->shown,
				CJM_MAX_FILE_SIZE >> 20);
			return CJM_EXIT_DATAERR;
		}
		cli_error("%s: %s", in->shown, strerror(err));
		return CJM_EXIT_NOINPUT;
	}
	int code = CJM_EXIT_OK;
	in->map = cli_load_text(in->shown, in->text, in->len, &code, &in->comments);
	return code;
}

/* True when OUT is the file OURS (the same name, or the same inode). */
static bool merge_replaces(const char *out, const char *ours)
{
	if (strcmp(out, "-") == 0)
		return false;
	if (strcmp(out, ours) == 0)
		return true;
	struct stat a, b;
	return stat(out, &a) == 0 && stat(ours, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Before the merge replaces OURS, which has comments the merge cannot keep: keeps OURS'
 * text in a new backup beside NEAR (the map's path) or, when none can be made there,
 * beside OURS itself. Returns an exit code; *BACKUP (malloc'd) is the name used. */
static int merge_keep_backup(const merge_input *ours, const char *near, char **backup)
{
	int err = cjm_keep_backup(near, ours->text, ours->len, backup);
	if ((err == ENOENT || err == ENOTDIR) && strcmp(near, ours->path) != 0) {
		free(*backup);
		err = cjm_keep_backup(ours->path, ours->text, ours->len, backup);
	}
	if (err == EEXIST) {
		cli_error(_("%s: has comments that the merge cannot keep, and %s.orig up to %s already exist; "
			  "move them away first (nothing was written)"), ours->shown, near, *backup);
		return CJM_EXIT_CANTCREAT;
	}
	if (err) {
		cli_error(_("%s: cannot keep a backup: %s (nothing was written)"), *backup, strerror(err));
		return err == EACCES || err == EROFS || err == ENOENT ? CJM_EXIT_CANTCREAT : CJM_EXIT_IOERR;
	}
	return CJM_EXIT_OK;
}

/* Writes the merge to OUT (keeping OURS' comments in a backup first when OUT replaces
 * OURS) and reports the conflicts. Returns the exit code. */
static int merge_write(const cjm_merge_result *res, merge_input *in, const char *out_path, const char *name,
		       const char *ours_label, const char *theirs_label, bool quiet)
{
	bool replaces = merge_replaces(out_path, in[CJM_MERGE_OURS].path);
	char *backup = NULL;
	if (replaces && in[CJM_MERGE_OURS].comments.count) {
		int code = merge_keep_backup(&in[CJM_MERGE_OURS], name ? name : in[CJM_MERGE_OURS].path, &backup);
		if (code != CJM_EXIT_OK) {
			free(backup);
			return code;
		}
	}
	strbuf text = { 0 };
	cjm_merge_write(res, ours_label, theirs_label, &text);
	int code = cli_write_output(out_path, text.data ? text.data : "", text.len);
	strbuf_release(&text);
	if (code != CJM_EXIT_OK) {
		if (backup)
			unlink(backup); /* OURS is unchanged: it still holds its comments */
		free(backup);
		return code;
	}
	if (backup)
		cli_error(_("%s: %zu comment(s) dropped; the original is kept in %s"), in[CJM_MERGE_OURS].shown,
			  in[CJM_MERGE_OURS].comments.count, backup);
	free(backup);
	if (!res->conflict_count)
		return CJM_EXIT_OK;
	if (!quiet) {
		const char *shown = strcmp(out_path, "-") == 0 ? _("the output") : replaces && name ? name : out_path;
		cli_error(_("%zu conflict(s); both versions are kept between '<<<<<<<' and '>>>>>>>' in %s:"),
			  res->conflict_count, shown);
		for (size_t k = 0; k < res->conflict_count; k++) {
			char *line = cjm_merge_conflict_describe(&res->conflicts[k]);
			fputs("  ", stderr);
			visible_fputs(line, 0, stderr); /* names and values from the maps */
			fputc('\n', stderr);
			free(line);
		}
	}
	return CJM_EXIT_FOUND;
}

/* The options, as given (a command runs once per process). */
static const char *merge_output, *merge_name, *merge_ours_label = "ours", *merge_theirs_label = "theirs";
static bool merge_quiet;

static const cli_option merge_options[] = {
	{ "--output", "-o", "OUT", CLI_VALUE, &merge_output,
	  N_("write the merge to OUT ('-': standard output); default: OURS, in place"), NULL, NULL },
	{ "--name", NULL, "PATH", CLI_VALUE, &merge_name,
	  N_("the map's path, named in messages instead of the three files and\n"
	  "where OURS' comments are kept (git's %P); default: the files' names"),
	  NULL, NULL },
	{ "--ours-label", NULL, "L", CLI_VALUE, &merge_ours_label,
	  N_("the name after '<<<<<<<' in conflict markers (default: ours)"), NULL, NULL },
	{ "--theirs-label", NULL, "L", CLI_VALUE, &merge_theirs_label,
	  N_("the name after '>>>>>>>' in conflict markers (default: theirs)"), NULL, NULL },
	{ "--quiet", "-q", NULL, CLI_FLAG, &merge_quiet, N_("do not list the conflicts on standard error"), NULL, NULL },
	{ 0 },
};

static int cmd_merge_run(int argc, char **argv)
{
	cli_list operands = { 0 };
	int code = CJM_EXIT_OK;
	bool parsed = cli_parse(&cjm_cmd_merge, argc, argv, &operands, &code);
	size_t nfiles = operands.count;
	const char *files[3] = { NULL, NULL, NULL };
	for (size_t k = 0; k < 3 && k < nfiles; k++)
		files[k] = operands.items[k];
	cli_list_release(&operands);
	if (!parsed)
		return code;
	if (nfiles > 3)
		return cli_usage_error(&cjm_cmd_merge, _("too many files; give BASE, OURS and THEIRS"));
	if (nfiles < 3)
		return cli_usage_error(&cjm_cmd_merge, _("give three files: BASE, OURS and THEIRS"));
	const char *out_path = merge_output, *ours_label = merge_ours_label, *theirs_label = merge_theirs_label;
	const char *name = merge_name;
	bool quiet = merge_quiet;
	if (strchr(ours_label, '\n') || strchr(theirs_label, '\n'))
		return cli_usage_error(&cjm_cmd_merge, _("a label must be one line"));
	if (name && (!*name || strchr(name, '\n')))
		return cli_usage_error(&cjm_cmd_merge, _("--name must be one line, not empty"));
	int stdin_uses = 0;
	for (int k = 0; k < 3; k++)
		stdin_uses += strcmp(files[k], "-") == 0;
	if (stdin_uses > 1)
		return cli_usage_error(&cjm_cmd_merge, _("only one of the files can be standard input"));
	if (!out_path) {
		if (strcmp(files[1], "-") == 0)
			return cli_usage_error(&cjm_cmd_merge, _("OURS is standard input, so give -o OUT"));
		out_path = files[1];
	}

	/* Load all three first: a bad map writes nothing. */
	merge_input in[3];
	memset(in, 0, sizeof in);
	for (int k = 0; k < 3; k++) {
		in[k].path = files[k];
		in[k].shown = name ? xasprintf("%s (%s)", name, merge_side_names[k])
				   : xstrdup(strcmp(files[k], "-") == 0 ? "<stdin>" : files[k]);
		int one = merge_load(&in[k], k);
		if (one > code)
			code = one;
	}
	if (code == CJM_EXIT_OK) {
		cjm_merge_result *res = cjm_merge(in[0].map, in[1].map, in[2].map);
		if (res->error) {
			cli_error(_("cannot merge %s and %s: %s (nothing was written)"), in[1].shown, in[2].shown,
				  res->error);
			code = CJM_EXIT_DATAERR;
		} else {
			code = merge_write(res, in, out_path, name, ours_label, theirs_label, quiet);
		}
		cjm_merge_result_free(res);
	}
	for (int k = 0; k < 3; k++) {
		cjm_map_free(in[k].map);
		free(in[k].text);
		free(in[k].shown);
	}
	return code;
}

const cjm_command cjm_cmd_merge = {
	"merge",
	"merge [-o OUT] [--name PATH] [--ours-label L] [--theirs-label L] BASE OURS THEIRS",
	N_("three-way merge of maps by id, usable as a git merge driver"),
	merge_options,
	cmd_merge_run,
};
