/* Stub: `cjm new` (being written). */
#include "cli/cli.h"

static int cmd_new_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return CJM_EXIT_USAGE;
}

const cjm_command cjm_cmd_new = { "new", "new FILE", "(not yet)", NULL, cmd_new_run };
