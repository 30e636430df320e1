/* The table of subcommands that the command line, --help, `cjm help` and the man-page check read. */
#include "cli/cli.h"

#include <string.h>

const cjm_command *const cjm_commands[] = {
	&cjm_cmd_edit,
	&cjm_cmd_new,
	&cjm_cmd_validate,
	&cjm_cmd_fmt,
	&cjm_cmd_show,
	&cjm_cmd_stats,
	&cjm_cmd_suggest,
	&cjm_cmd_patterns,
	&cjm_cmd_diff,
	&cjm_cmd_merge,
	&cjm_cmd_resolve,
	&cjm_cmd_log,
	&cjm_cmd_export,
	&cjm_cmd_import,
	&cjm_cmd_host,
	&cjm_cmd_join,
	&cjm_cmd_help,
	&cjm_cmd_completion,
	NULL,
};

const cjm_command *cjm_command_find(const char *name)
{
	for (size_t i = 0; cjm_commands[i]; i++)
		if (strcmp(cjm_commands[i]->name, name) == 0)
			return cjm_commands[i];
	return NULL;
}
