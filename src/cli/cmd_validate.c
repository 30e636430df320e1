/* `cjm validate FILE...`: checks map files and reports every problem as FILE:LINE:COL. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

/* A plugin that crashed or hung while being loaded, or was disabled for it
 * before, is said on stderr; the exit status stays the maps'. */
static void validate_report_disabled(const cjm_registry *registry)
{
	for (size_t i = 0; i < registry->failure_count; i++) {
		if (registry->failures[i].kind == CJM_PLUGIN_NOT_LOADED)
			continue;
		char *text = cjm_plugin_failure_text(&registry->failures[i], false);
		cli_error("%s", text);
		free(text);
	}
}

static int cmd_validate_run(int argc, char **argv)
{
	int files = 0, result = CJM_EXIT_OK;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break; /* what follows is a file, even when it starts with '-' */
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error(&cjm_cmd_validate, "unknown option '%s'", argv[i]);
	}
	/* Plugins count as known patterns: a map may set or dismiss a plugin's suggestions. */
	cjm_registry *registry = cjm_registry_new(true);
	validate_report_disabled(registry);
	bool options_done = false;
	for (int i = 1; i < argc; i++) {
		if (!options_done && strcmp(argv[i], "--") == 0) {
			options_done = true;
			continue;
		}
		files++;
		int code = CJM_EXIT_OK;
		cjm_map *map = cli_load_map(argv[i], &code);
		if (map)
			cli_warn_pattern_refs(argv[i], map, registry);
		cjm_map_free(map);
		if (code == CJM_EXIT_NOINPUT || (code == CJM_EXIT_DATAERR && result == CJM_EXIT_OK))
			result = code;
	}
	cjm_registry_free(registry);
	if (files == 0)
		return cli_usage_error(&cjm_cmd_validate, "no file to validate");
	return result;
}

const cjm_command cjm_cmd_validate = {
	"validate",
	"validate FILE...",
	"check map files; one FILE:LINE:COL: error: line per problem",
	NULL,
	cmd_validate_run,
};
