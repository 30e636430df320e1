/* `cjm stats`: counts, emotion, peak-end score, quadrants and emotion per owner and channel. */
#include <string.h>

#include "analysis/figures.h"
#include "cli/cli.h"
#include "render/stats.h"

static int cmd_stats_run(int argc, char **argv)
{
	const char *file = NULL;
	bool options_done = false;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (!options_done && strcmp(arg, "--") == 0)
			options_done = true;
		else if (!options_done && arg[0] == '-' && arg[1] != '\0')
			return cli_usage_error(&cjm_cmd_stats, "unknown option '%s'", arg);
		else if (file)
			return cli_usage_error(&cjm_cmd_stats, "one FILE only ('%s' and '%s')", file, arg);
		else
			file = arg;
	}
	if (!file)
		return cli_usage_error(&cjm_cmd_stats, "which map? give a FILE");

	int rc = CJM_EXIT_OK;
	cjm_map *map = cli_load_map(file, &rc);
	if (!map)
		return rc;
	cjm_figures *figures = cjm_figures_new(map);
	strbuf out = { 0 };
	cjm_stats_render(&out, map, figures);
	int written = cli_write_output(NULL, out.data ? out.data : "", out.len);
	if (written != CJM_EXIT_OK)
		rc = written;
	strbuf_release(&out);
	cjm_figures_free(figures);
	cjm_map_free(map);
	return rc;
}

const cjm_command cjm_cmd_stats = {
	"stats",
	"stats FILE",
	"counts, mean emotion, peak, end, peak-end score, quadrant table, per owner/channel",
	NULL,
	cmd_stats_run,
};
