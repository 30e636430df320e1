/* `cjm new FILE [--title T]`: writes a new map from a template. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "io/save.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static const char *const new_starter_phases[][2] = {
	{ "orient", "Orient" }, { "decide", "Decide" }, { "start", "Start" }, { "use", "Use" },
};

/* The options, as given (a command runs once per process). */
static const char *new_title;

static const cli_option new_options[] = {
	{ "--title", "-t", "T", CLI_VALUE, &new_title, "the map's title (default: made from the file name)", NULL, NULL },
	{ 0 },
};

static int cmd_new_run(int argc, char **argv)
{
	const char *path;
	int code = CJM_EXIT_OK;
	if (!cli_parse_one(&cjm_cmd_new, argc, argv, "FILE", "no FILE given", &path, &code))
		return code;
	const char *title = new_title;
	if (title && cjm_text_is_blank(title))
		return cli_usage_error(&cjm_cmd_new, "the title must not be empty");
	if (title && !utf8_valid(title))
		return cli_usage_error(&cjm_cmd_new, "the title must be UTF-8 text");
	struct stat st;
	if (strcmp(path, "-") != 0 && lstat(path, &st) == 0) {
		cli_error("%s: already exists", path);
		return CJM_EXIT_CANTCREAT;
	}
	char *made_title = title ? NULL : cli_title_from_path(strcmp(path, "-") == 0 ? "" : path);
	cjm_map *map = cjm_map_new(title ? title : made_title);
	for (size_t i = 0; i < sizeof new_starter_phases / sizeof *new_starter_phases; i++)
		cjm_map_insert_phase(map, i, cjm_phase_new(new_starter_phases[i][0], new_starter_phases[i][1]));
	if (strcmp(path, "-") == 0) {
		strbuf text = { 0 };
		cjm_save_to_buffer(map, &text);
		if (fwrite(text.data, 1, text.len, stdout) != text.len || fflush(stdout) != 0)
			code = CJM_EXIT_IOERR;
		strbuf_release(&text);
	} else {
		code = cli_save_map(map, path);
	}
	cjm_map_free(map);
	free(made_title);
	return code;
}

const cjm_command cjm_cmd_new = {
	"new",
	"new FILE [--title T]",
	"write a new map from a template",
	new_options,
	cmd_new_run,
};
