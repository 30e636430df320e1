/* `cjm new FILE [--title T] [--language TAG]`: writes a new map from a template, in the locale's language. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "io/save.h"
#include "util/i18n.h"
#include "util/lang.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The starter phases: ids stay English (they name the phases for good), names are
 * written in the map's language. */
static const char *const new_starter_phases[][2] = {
	{ "orient", N_("Orient") }, { "decide", N_("Decide") }, { "start", N_("Start") }, { "use", N_("Use") },
};

/* The options, as given (a command runs once per process). */
static const char *new_title;
static const char *new_language;

static const cli_option new_options[] = {
	{ "--title", "-t", "T", CLI_VALUE, &new_title, N_("the map's title (default: made from the file name)"), NULL, NULL },
	{ "--language", "-l", "TAG", CLI_VALUE, &new_language,
	  N_("the map's language, a tag such as nl or en (default: the locale's)"), NULL, NULL },
	{ 0 },
};

static int cmd_new_run(int argc, char **argv)
{
	const char *path;
	int code = CJM_EXIT_OK;
	if (!cli_parse_one(&cjm_cmd_new, argc, argv, "FILE", N_("no FILE given"), &path, &code))
		return code;
	const char *title = new_title;
	if (title && cjm_text_is_blank(title))
		return cli_usage_error(&cjm_cmd_new, _("the title must not be empty"));
	if (title && !utf8_valid(title))
		return cli_usage_error(&cjm_cmd_new, _("the title must be UTF-8 text"));
	const char *language = new_language ? new_language : i18n_language();
	if (!lang_tag_valid(language))
		return cli_usage_error(&cjm_cmd_new, _("the language must be a tag such as nl, en or nl-BE"));
	struct stat st;
	if (strcmp(path, "-") != 0 && lstat(path, &st) == 0) {
		cli_error(_("%s: already exists"), path);
		return CJM_EXIT_CANTCREAT;
	}
	char *made_title = NULL;
	if (!title && strcmp(path, "-") == 0)
		made_title = xstrdup(L_(language, "New journey")); /* the title of a map without a name, in its language */
	else if (!title)
		made_title = cli_title_from_path(path);
	cjm_map *map = cjm_map_new(title ? title : made_title);
	map->language = xstrdup(language);
	for (size_t i = 0; i < sizeof new_starter_phases / sizeof *new_starter_phases; i++)
		cjm_map_insert_phase(map, i, cjm_phase_new(new_starter_phases[i][0],
							   L_(language, new_starter_phases[i][1])));
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
	"new FILE [--title T] [--language TAG]",
	N_("write a new map from a template"),
	new_options,
	cmd_new_run,
};
