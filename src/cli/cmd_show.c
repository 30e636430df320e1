/* Stub: `cjm show` (being written). */
#include "cli/cli.h"

static int cmd_show_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return CJM_EXIT_USAGE;
}

const cjm_command cjm_cmd_show = { "show", "show FILE", "(not yet)", NULL, cmd_show_run };
