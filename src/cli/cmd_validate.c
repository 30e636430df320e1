/* Stub: `cjm validate` (being written). */
#include "cli/cli.h"

static int cmd_validate_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return CJM_EXIT_USAGE;
}

const cjm_command cjm_cmd_validate = { "validate", "validate FILE", "(not yet)", NULL, cmd_validate_run };
