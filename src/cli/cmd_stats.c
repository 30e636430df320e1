/* `cjm stats`: counts, emotion, peak-end score, quadrants and emotion per owner and channel. */
#include <string.h>

#include "analysis/figures.h"
#include "cli/cli.h"
#include "render/stats.h"
#include "util/i18n.h"

static int cmd_stats_run(int argc, char **argv)
{
	const char *file;
	int rc = CJM_EXIT_OK;
	if (!cli_parse_one(&cjm_cmd_stats, argc, argv, "FILE", N_("which map? give a FILE"), &file, &rc))
		return rc;

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
	N_("counts, mean emotion, peak, end, peak-end score, quadrant table, per owner/channel"),
	NULL,
	cmd_stats_run,
};
