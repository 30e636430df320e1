/* Stub: `cjm help` (being written). */
#include "cli/cli.h"

static int cmd_help_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return CJM_EXIT_USAGE;
}

const cjm_command cjm_cmd_help = { "help", "help FILE", "(not yet)", NULL, cmd_help_run };
