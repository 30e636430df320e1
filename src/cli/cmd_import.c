/* `cjm import SRC --from FORMAT [-o MAP]`: a map from a Mermaid journey or a CSV of touchpoints. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "export/export.h"
#include "io/save.h"
#include "util/strbuf.h"

/* The map as the file will hold it, checked by loading it back: an importer that
 * made something the loader refuses is a bug, reported rather than written. */
static bool cmd_import_checked(const cjm_map *map, strbuf *yaml)
{
	cjm_save_to_buffer(map, yaml);
	diag_list *diags = diag_list_new("(imported map)");
	cjm_map *again = cjm_load_buffer(yaml->data, yaml->len, diags, NULL);
	if (!again) {
		cli_error("the imported map does not load back; this is a bug in cjm, please report it:");
		diag_print(diags, stderr);
	}
	diag_list_free(diags);
	cjm_map_free(again);
	return again != NULL;
}

static int cmd_import_run(int argc, char **argv)
{
	const char *src = NULL, *from = NULL, *out_path = NULL, *title = NULL;
	bool bad = false, options_done = false, force = false;
	for (int i = 1; i < argc && !bad; i++) {
		const char *arg = argv[i];
		if (!options_done && strcmp(arg, "--") == 0)
			options_done = true;
		else if (!options_done && cli_opt_value(argc, argv, &i, "--from", "-f", &from, &bad))
			;
		else if (!options_done && cli_opt_value(argc, argv, &i, "--output", "-o", &out_path, &bad))
			;
		else if (!options_done && cli_opt_value(argc, argv, &i, "--title", NULL, &title, &bad))
			;
		else if (!options_done && cli_opt_flag(arg, "--force", NULL))
			force = true;
		else if (!options_done && arg[0] == '-' && arg[1] != '\0')
			return cli_usage_error(&cjm_cmd_import, "unknown option '%s'", arg);
		else if (src)
			return cli_usage_error(&cjm_cmd_import, "one SRC only ('%s' and '%s')", src, arg);
		else
			src = arg;
	}
	if (bad)
		return cli_usage_error(&cjm_cmd_import, "an option is missing its value");
	if (!src)
		return cli_usage_error(&cjm_cmd_import, "what to import? give SRC");
	if (!from)
		return cli_usage_error(&cjm_cmd_import, "which format? give --from FORMAT");
	const cjm_format *format = cjm_format_find(from);
	if (!format || !format->import_map)
		return cli_usage_error(&cjm_cmd_import, "cannot import from '%s'; the formats are mermaid and csv",
				       from);
	if (title && !*title)
		return cli_usage_error(&cjm_cmd_import, "--title must not be empty");
	struct stat st;
	if (out_path && strcmp(out_path, "-") != 0 && !force && stat(out_path, &st) == 0) {
		cli_error("%s exists; give --force to replace it, or another name", out_path);
		return CJM_EXIT_CANTCREAT;
	}

	size_t len = 0;
	int err = 0;
	char *text = cjm_read_file(src, &len, &err);
	if (!text) {
		cli_error("%s: %s", src, strerror(err));
		return err == EFBIG ? CJM_EXIT_DATAERR : CJM_EXIT_NOINPUT;
	}
	char *fallback = title ? NULL : cli_title_from_path(strcmp(src, "-") == 0 ? "imported" : src);
	diag_list *diags = diag_list_new(strcmp(src, "-") == 0 ? "<stdin>" : src);
	cjm_map *map = format->import_map(text, len, title ? title : fallback, diags);
	diag_print(diags, stderr);
	diag_list_free(diags);
	free(text);
	free(fallback);
	if (!map)
		return CJM_EXIT_DATAERR;
	strbuf yaml = { 0 };
	int rc = cmd_import_checked(map, &yaml) ? cli_write_output(out_path, yaml.data, yaml.len)
						: CJM_EXIT_DATAERR;
	strbuf_release(&yaml);
	cjm_map_free(map);
	return rc;
}

const cjm_command cjm_cmd_import = {
	"import",
	"import SRC --from FORMAT [-o MAP] [--title TITLE] [--force]",
	"make a map from a Mermaid journey or a CSV of touchpoints",
	"  -f, --from FORMAT  mermaid or csv\n"
	"  -o, --output MAP  write MAP atomically instead of standard output\n"
	"  --title TITLE  the map's title when SRC gives none (default: from SRC's name)\n"
	"  --force  replace MAP when it exists\n",
	cmd_import_run,
};
