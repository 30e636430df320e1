/* Stub: `cjm stats` (being written). */
#include "cli/cli.h"

static int cmd_stats_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return CJM_EXIT_USAGE;
}

const cjm_command cjm_cmd_stats = { "stats", "stats FILE", "(not yet)", NULL, cmd_stats_run };
