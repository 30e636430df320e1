/* `cjm import SRC --from FORMAT [-o MAP]`: a map from a Mermaid journey or a CSV of touchpoints. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "export/export.h"
#include "io/save.h"
#include "util/strbuf.h"
#include "util/i18n.h"

/* The map as the file will hold it, checked by loading it back: an importer that
 * made something the loader refuses is a bug, reported rather than written. */
static bool cmd_import_checked(const cjm_map *map, strbuf *yaml)
{
	cjm_save_to_buffer(map, yaml);
	diag_list *diags = diag_list_new(_("(imported map)"));
	cjm_map *again = cjm_load_buffer(yaml->data, yaml->len, diags, NULL);
	if (!again) {
		cli_error(_("the imported map does not load back; this is a bug in cjm, please report it:"));
		diag_print(diags, stderr);
	}
	diag_list_free(diags);
	cjm_map_free(again);
	return again != NULL;
}

/* The options, as given (a command runs once per process). */
static const char *import_from, *import_output, *import_title;
static bool import_force;

static const cli_option import_options[] = {
	{ "--from", "-f", "FORMAT", CLI_VALUE, &import_from, N_("mermaid or csv"), NULL, NULL },
	{ "--output", "-o", "MAP", CLI_VALUE, &import_output, N_("write MAP atomically instead of standard output"),
	  NULL, NULL },
	{ "--title", NULL, "TITLE", CLI_VALUE, &import_title,
	  N_("the map's title when SRC gives none (default: from SRC's name)"), NULL, NULL },
	{ "--force", NULL, NULL, CLI_FLAG, &import_force, N_("replace MAP when it exists"), NULL, NULL },
	{ 0 },
};

static int cmd_import_run(int argc, char **argv)
{
	const char *src;
	int rc = CJM_EXIT_OK;
	if (!cli_parse_one(&cjm_cmd_import, argc, argv, "SRC", N_("what to import? give SRC"), &src, &rc))
		return rc;
	const char *from = import_from, *out_path = import_output, *title = import_title;
	bool force = import_force;
	if (!from)
		return cli_usage_error(&cjm_cmd_import, _("which format? give --from FORMAT"));
	const cjm_format *format = cjm_format_find(from);
	if (!format || !format->import_map)
		return cli_usage_error(&cjm_cmd_import, _("cannot import from '%s'; the formats are mermaid and csv"),
				       from);
	if (title && !*title)
		return cli_usage_error(&cjm_cmd_import, _("--title must not be empty"));
	struct stat st;
	if (out_path && strcmp(out_path, "-") != 0 && !force && stat(out_path, &st) == 0) {
		cli_error(_("%s exists; give --force to replace it, or another name"), out_path);
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
	rc = cmd_import_checked(map, &yaml) ? cli_write_output(out_path, yaml.data, yaml.len)
						: CJM_EXIT_DATAERR;
	strbuf_release(&yaml);
	cjm_map_free(map);
	return rc;
}

const cjm_command cjm_cmd_import = {
	"import",
	"import SRC --from FORMAT [-o MAP] [--title TITLE] [--force]",
	N_("make a map from a Mermaid journey or a CSV of touchpoints"),
	import_options,
	cmd_import_run,
};
