/* `cjm merge BASE OURS THEIRS [-o OUT]`: a three-way merge by id, usable as a git merge driver. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "merge/merge.h"
#include "util/strbuf.h"
#include "util/visible.h"

static int cmd_merge_run(int argc, char **argv)
{
	const char *files[3] = { NULL, NULL, NULL };
	const char *out_path = NULL, *ours_label = "ours", *theirs_label = "theirs";
	int nfiles = 0;
	bool options_done = false, quiet = false;
	for (int i = 1; i < argc; i++) {
		bool bad = false;
		const char *arg = argv[i];
		if (!options_done && strcmp(arg, "--") == 0)
			options_done = true;
		else if (!options_done && cli_opt_value(argc, argv, &i, "--output", "-o", &out_path, &bad)) {
			if (bad)
				return CJM_EXIT_USAGE;
		} else if (!options_done && cli_opt_value(argc, argv, &i, "--ours-label", NULL, &ours_label, &bad)) {
			if (bad)
				return CJM_EXIT_USAGE;
		} else if (!options_done &&
			   cli_opt_value(argc, argv, &i, "--theirs-label", NULL, &theirs_label, &bad)) {
			if (bad)
				return CJM_EXIT_USAGE;
		} else if (!options_done && cli_opt_flag(arg, "--quiet", "-q"))
			quiet = true;
		else if (!options_done && arg[0] == '-' && arg[1] != '\0')
			return cli_usage_error(&cjm_cmd_merge, "unknown option '%s'", arg);
		else if (nfiles == 3)
			return cli_usage_error(&cjm_cmd_merge, "too many files; give BASE, OURS and THEIRS");
		else
			files[nfiles++] = arg;
	}
	if (nfiles < 3)
		return cli_usage_error(&cjm_cmd_merge, "give three files: BASE, OURS and THEIRS");
	if (strchr(ours_label, '\n') || strchr(theirs_label, '\n'))
		return cli_usage_error(&cjm_cmd_merge, "a label must be one line");
	int stdin_uses = 0;
	for (int k = 0; k < 3; k++)
		stdin_uses += strcmp(files[k], "-") == 0;
	if (stdin_uses > 1)
		return cli_usage_error(&cjm_cmd_merge, "only one of the files can be standard input");
	if (!out_path) {
		if (strcmp(files[1], "-") == 0)
			return cli_usage_error(&cjm_cmd_merge, "OURS is standard input, so give -o OUT");
		out_path = files[1];
	}

	/* Load all three first: a bad map writes nothing. */
	cjm_map *maps[3] = { NULL, NULL, NULL };
	int code = CJM_EXIT_OK;
	for (int k = 0; k < 3; k++) {
		int one = CJM_EXIT_OK;
		maps[k] = cli_load_map(files[k], &one);
		if (one > code)
			code = one;
	}
	if (code != CJM_EXIT_OK) {
		for (int k = 0; k < 3; k++)
			cjm_map_free(maps[k]);
		return code;
	}
	cjm_merge_result *res = cjm_merge(maps[0], maps[1], maps[2]);
	if (res->error) {
		cli_error("cannot merge %s and %s: %s (nothing was written)", files[1], files[2], res->error);
		code = CJM_EXIT_DATAERR;
	} else {
		strbuf text = { 0 };
		cjm_merge_write(res, ours_label, theirs_label, &text);
		code = cli_write_output(out_path, text.data ? text.data : "", text.len);
		if (code == CJM_EXIT_OK && res->conflict_count) {
			code = CJM_EXIT_FOUND;
			if (!quiet) {
				const char *shown = strcmp(out_path, "-") == 0 ? "the output" : out_path;
				cli_error("%zu conflict(s); both versions are kept between '<<<<<<<' and '>>>>>>>' in %s:",
					  res->conflict_count, shown);
				for (size_t k = 0; k < res->conflict_count; k++) {
					char *line = cjm_merge_conflict_describe(&res->conflicts[k]);
					fputs("  ", stderr);
					visible_fputs(line, 0, stderr); /* names and values from the maps */
					fputc('\n', stderr);
					free(line);
				}
			}
		}
		strbuf_release(&text);
	}
	cjm_merge_result_free(res);
	for (int k = 0; k < 3; k++)
		cjm_map_free(maps[k]);
	return code;
}

const cjm_command cjm_cmd_merge = {
	"merge",
	"merge [-o OUT] [--ours-label L] [--theirs-label L] BASE OURS THEIRS",
	"three-way merge of maps by id, usable as a git merge driver",
	"  -o, --output OUT       write the merge to OUT ('-': standard output); default: OURS, in place\n"
	"  --ours-label L         the name after '<<<<<<<' in conflict markers (default: ours)\n"
	"  --theirs-label L       the name after '>>>>>>>' in conflict markers (default: theirs)\n"
	"  -q, --quiet            do not list the conflicts on standard error\n",
	cmd_merge_run,
};
