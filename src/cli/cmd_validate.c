/* `cjm validate FILE...`: checks map files and reports every problem as FILE:LINE:COL. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/variants.h"
#include "cli/cli.h"
#include "io/places.h"
#include "util/visible.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* A plugin that crashed or hung while being loaded, or was disabled for it
 * before, is said on stderr; the exit status stays the maps'. */
static void validate_report_disabled(const cjm_registry *registry)
{
	for (size_t i = 0; i < registry->failure_count; i++) {
		if (registry->failures[i].kind == CJM_PLUGIN_NOT_LOADED)
			continue;
		char *text = cjm_plugin_failure_text(&registry->failures[i], false);
		cli_error("%s", text);
		free(text);
	}
}

static const char *validate_display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* ---- the warning ---- */

/* Warns about every channel (or owner) spelt differently from an earlier one that
 * differs only in case, spaces or hyphens ("e-mail" after "email"). */
static void warn_variants_of(diag_list *diags, const cjm_map *map, cjm_field field, const cjm_value_places *vp)
{
	size_t n = cjm_map_touchpoint_count(map), k = 0;
	const char **values = xcalloc(n ? n : 1, sizeof *values);
	cjm_pos *places = xcalloc(n ? n : 1, sizeof *places);
	for (size_t p = 0; p < map->phase_count; p++)
		for (size_t t = 0; t < map->phases[p]->touchpoint_count; t++, k++) {
			const cjm_touchpoint *tp = map->phases[p]->touchpoints[t];
			values[k] = field == CJM_F_CHANNEL ? tp->channel : tp->owner;
			cjm_pos at = k < vp->count ? (field == CJM_F_CHANNEL ? vp->channel[k] : vp->owner[k]) : tp->pos;
			places[k] = at.line ? at : tp->pos;
		}
	size_t *first = xcalloc(n ? n : 1, sizeof *first);
	if (cjm_variant_groups(values, n, first) > 0)
		for (size_t i = 0; i < n; i++) {
			size_t f = first[i];
			if (f == (size_t)-1 || strcmp(values[i], values[f]) == 0)
				continue;
			diag_warning(diags, places[i].line, places[i].col,
				     _("%s '%s' differs from '%s' (line %d) only in case, spaces or hyphens"),
				     cjm_field_info_of(field)->label, values[i], values[f], places[f].line);
		}
	free(first);
	free(places);
	free(values);
}

static void validate_warn_variants(const char *path, const cjm_map *map, const char *text, size_t len)
{
	cjm_value_places vp = { 0 };
	cjm_value_places_scan(&vp, text, len);
	diag_list *diags = diag_list_new(validate_display_name(path));
	warn_variants_of(diags, map, CJM_F_CHANNEL, &vp);
	warn_variants_of(diags, map, CJM_F_OWNER, &vp);
	diag_print(diags, stderr);
	diag_list_free(diags);
	cjm_value_places_release(&vp);
}

/* Checks one file: its errors, then the warnings about a map that loaded. */
static int validate_file(const char *path, const cjm_registry *registry)
{
	size_t len = 0;
	int code = CJM_EXIT_OK;
	char *text = cli_read_input(path, &len, &code); /* a file, "-" or REV:PATH; says why not */
	if (!text)
		return code;
	cjm_map *map = cli_load_text(path, text, len, &code, NULL);
	if (map) {
		cli_warn_pattern_refs(path, map, registry);
		validate_warn_variants(path, map, text, len);
	}
	cjm_map_free(map);
	free(text);
	return code;
}

static int cmd_validate_run(int argc, char **argv)
{
	cli_list files = { 0 };
	int result = CJM_EXIT_OK;
	if (!cli_parse(&cjm_cmd_validate, argc, argv, &files, &result)) {
		cli_list_release(&files);
		return result;
	}
	/* Plugins count as known patterns: a map may set or dismiss a plugin's suggestions. */
	cjm_registry *registry = cjm_registry_new(true);
	validate_report_disabled(registry);
	for (size_t i = 0; i < files.count; i++) {
		int code = validate_file(files.items[i], registry);
		if (code == CJM_EXIT_NOINPUT || (code == CJM_EXIT_DATAERR && result == CJM_EXIT_OK))
			result = code;
	}
	cjm_registry_free(registry);
	size_t count = files.count;
	cli_list_release(&files);
	if (count == 0)
		return cli_usage_error(&cjm_cmd_validate, _("no file to validate"));
	return result;
}

const cjm_command cjm_cmd_validate = {
	"validate",
	"validate FILE...",
	N_("check map files; one FILE:LINE:COL: error: line per problem"),
	NULL,
	cmd_validate_run,
};
