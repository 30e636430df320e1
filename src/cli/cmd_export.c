/* `cjm export FILE --to FORMAT [-o OUT]`: the map as Mermaid, Markdown, CSV, JSON, SVG or HTML. */
#include <string.h>

#include "cli/cli.h"
#include "export/export.h"
#include "util/strbuf.h"

static int cmd_export_run(int argc, char **argv)
{
	const char *file = NULL, *to = NULL, *out_path = NULL, *paper_name = NULL;
	bool bad = false, options_done = false;
	for (int i = 1; i < argc && !bad; i++) {
		const char *arg = argv[i];
		if (!options_done && strcmp(arg, "--") == 0)
			options_done = true;
		else if (!options_done && cli_opt_value(argc, argv, &i, "--to", "-t", &to, &bad))
			;
		else if (!options_done && cli_opt_value(argc, argv, &i, "--output", "-o", &out_path, &bad))
			;
		else if (!options_done && cli_opt_value(argc, argv, &i, "--paper", NULL, &paper_name, &bad))
			;
		else if (!options_done && arg[0] == '-' && arg[1] != '\0')
			return cli_usage_error(&cjm_cmd_export, "unknown option '%s'", arg);
		else if (file)
			return cli_usage_error(&cjm_cmd_export, "one FILE only ('%s' and '%s')", file, arg);
		else
			file = arg;
	}
	if (bad)
		return cli_usage_error(&cjm_cmd_export, "an option is missing its value");
	if (!file)
		return cli_usage_error(&cjm_cmd_export, "which map? give a FILE");
	if (!to)
		return cli_usage_error(&cjm_cmd_export, "which format? give --to FORMAT");
	const cjm_format *format = cjm_format_find(to);
	if (!format)
		return cli_usage_error(&cjm_cmd_export,
				       "no format '%s'; the formats are mermaid, markdown, csv, json, svg and html", to);
	cjm_export_options options = { .paper = CJM_PAPER_A3 };
	if (paper_name && !cjm_paper_parse(paper_name, &options.paper))
		return cli_usage_error(&cjm_cmd_export, "no paper '%s'; the papers are a4, a3 and a2", paper_name);

	int rc = CJM_EXIT_OK;
	cjm_map *map = cli_load_map(file, &rc);
	if (!map)
		return rc;
	strbuf out = { 0 };
	format->export_map(map, &options, &out);
	rc = cli_write_output(out_path, out.data ? out.data : "", out.len);
	strbuf_release(&out);
	cjm_map_free(map);
	return rc;
}

const cjm_command cjm_cmd_export = {
	"export",
	"export FILE --to FORMAT [-o OUT] [--paper a4|a3|a2]",
	"write the map as mermaid, markdown, csv, json, svg or html",
	"  -t, --to FORMAT  mermaid, markdown, csv, json, svg or html\n"
	"  -o, --output OUT  write OUT atomically instead of standard output\n"
	"  --paper SIZE  a4, a3 (the default) or a2, landscape: svg and html\n",
	cmd_export_run,
};
