/* Stub: `cjm fmt` (being written). */
#include "cli/cli.h"

static int cmd_fmt_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return CJM_EXIT_USAGE;
}

const cjm_command cjm_cmd_fmt = { "fmt", "fmt FILE", "(not yet)", NULL, cmd_fmt_run };
