/* `cjm fmt [-w] [--check] FILE...`: prints, writes or checks the canonical form of maps. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "io/load.h"
#include "io/save.h"
#include "util/xalloc.h"
#include "util/visible.h"
#include "util/i18n.h"

enum fmt_mode { FMT_PRINT, FMT_WRITE, FMT_CHECK };

/* Keeps the original text of PATH in a new backup (PATH.orig, or PATH.orig.N when
 * that exists) before comments are dropped; never overwrites an earlier backup. */
static int fmt_keep_backup(const char *path, const char *text, size_t len, char **backup)
{
	int err = cjm_keep_backup(path, text, len, backup);
	if (err == EEXIST) {
		cli_error(_("%s: has comments that fmt cannot keep, and %s.orig up to %s already exist; "
			  "move them away first (nothing was written)"), path, path, *backup);
		return CJM_EXIT_CANTCREAT;
	}
	if (err) {
		cli_error(_("%s: cannot keep a backup: %s (nothing was written)"), *backup, strerror(err));
		return err == EACCES || err == EROFS || err == ENOENT ? CJM_EXIT_CANTCREAT : CJM_EXIT_IOERR;
	}
	return CJM_EXIT_OK;
}

static int fmt_write(const char *path, const char *text, size_t len, const strbuf *canonical,
		     const cjm_comments *comments)
{
	char *backup = NULL;
	if (comments->count) {
		int code = fmt_keep_backup(path, text, len, &backup);
		if (code != CJM_EXIT_OK) {
			free(backup);
			return code;
		}
	}
	const char *stage = NULL;
	int err = cjm_write_file_atomic(path, canonical->data, canonical->len, &stage);
	int code = CJM_EXIT_OK;
	if (err) {
		char *why = cjm_save_failure(path, err, stage);
		cli_error(_("%s: cannot save (%s); the file on disk is unchanged"), path, why);
		free(why);
		code = cli_save_exit_code(stage);
	} else if (backup) {
		cli_error(_("%s: %zu comment(s) dropped; the original is kept in %s"), path, comments->count,
			  backup);
	}
	free(backup);
	return code;
}

/* Formats one file; returns its exit code (1 when --check finds it not canonical). */
static int fmt_one(const char *path, enum fmt_mode mode)
{
	size_t len = 0;
	int code = CJM_EXIT_OK;
	char *text = cli_read_input(path, &len, &code); /* a file, "-" or REV:PATH; says why not */
	if (!text)
		return code;
	cjm_comments comments;
	cjm_map *map = cli_load_text(path, text, len, &code, &comments);
	if (map) {
		strbuf canonical = { 0 };
		cjm_save_to_buffer(map, &canonical);
		bool same = canonical.len == len && memcmp(canonical.data, text, len) == 0;
		if (mode == FMT_PRINT) {
			fwrite(canonical.data, 1, canonical.len, stdout);
			if (comments.count) {
				visible_fputs(strcmp(path, "-") == 0 ? "<stdin>" : path, 0, stderr);
				/* TRANSLATORS: after FILE: the line and column of the first comment, then how many. */
				fprintf(stderr, _(":%d:%d: warning: %zu comment(s) are not kept in canonical form\n"),
					comments.first_line, comments.first_col, comments.count);
			}
		} else if (mode == FMT_CHECK && !same) {
			visible_fputs(path, 0, stdout);
			fputs(_(": not canonical\n"), stdout);
			code = CJM_EXIT_FOUND;
		} else if (mode == FMT_WRITE && !same) {
			code = fmt_write(path, text, len, &canonical, &comments);
		}
		strbuf_release(&canonical);
		cjm_map_free(map);
	}
	free(text);
	return code;
}

/* The options, as given (a command runs once per process). */
static bool fmt_in_place, fmt_check_only;

static const cli_option fmt_options[] = {
	{ "--write", "-w", NULL, CLI_FLAG, &fmt_in_place,
	  N_("rewrite each file in place (atomically), only when it changes; a file\n"
	  "with comments is first kept in FILE.orig (FILE.orig.1, ... when taken)"),
	  NULL, NULL },
	{ "--check", NULL, NULL, CLI_FLAG, &fmt_check_only,
	  N_("write nothing; list the files that are not canonical, exit 1 if any"), NULL, NULL },
	{ 0 },
};

static int cmd_fmt_run(int argc, char **argv)
{
	cli_list operands = { 0 };
	int code = CJM_EXIT_OK;
	if (!cli_parse(&cjm_cmd_fmt, argc, argv, &operands, &code)) {
		cli_list_release(&operands);
		return code;
	}
	bool write = fmt_in_place, check = fmt_check_only;
	const char **files = operands.items;
	size_t count = operands.count;
	if (write && check)
		code = cli_usage_error(&cjm_cmd_fmt, _("-w and --check do not go together"));
	else if (count == 0)
		code = cli_usage_error(&cjm_cmd_fmt, _("no file to format"));
	if (code != CJM_EXIT_OK) {
		cli_list_release(&operands);
		return code;
	}
	enum fmt_mode mode = write ? FMT_WRITE : check ? FMT_CHECK : FMT_PRINT;
	for (size_t i = 0; i < count; i++) {
		if (mode == FMT_WRITE && strcmp(files[i], "-") == 0) {
			code = cli_usage_error(&cjm_cmd_fmt, _("-w cannot rewrite standard input"));
			break;
		}
		if (mode == FMT_WRITE && cli_refuse_revision(&cjm_cmd_fmt, files[i], &code))
			break;
		int one = fmt_one(files[i], mode);
		if (one > code)
			code = one;
	}
	cli_list_release(&operands);
	return code;
}

const cjm_command cjm_cmd_fmt = {
	"fmt",
	"fmt [-w] [--check] FILE...",
	N_("print maps in canonical form, rewrite them in place, or check them"),
	fmt_options,
	cmd_fmt_run,
};
