/* `cjm validate FILE...`: checks map files and reports every problem as FILE:LINE:COL. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "analysis/variants.h"
#include "cli/cli.h"
#include "util/visible.h"
#include "util/xalloc.h"

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

/* ---- where each touchpoint's channel and owner stand in the file ---- */

/* The model keeps only where a touchpoint starts (its structures are part of the
 * plugin ABI), so the values' own places are read again from the file's text. */
typedef struct value_places {
	cjm_pos *channel, *owner; /* per touchpoint, in journey order; line 0 when absent */
	size_t count, cap;
} value_places;

typedef struct place_scan {
	yaml_parser_t parser;
	yaml_event_t event;
	bool have_event, ok;
	value_places *places;
} place_scan;

static bool scan_next(place_scan *s)
{
	if (s->have_event)
		yaml_event_delete(&s->event);
	s->have_event = s->ok && yaml_parser_parse(&s->parser, &s->event);
	s->ok = s->have_event && s->event.type != YAML_NO_EVENT;
	return s->ok;
}

/* Passes over the node whose first event is the current one. */
static void scan_skip(place_scan *s)
{
	int depth = 0;
	do {
		yaml_event_type_t t = s->event.type;
		if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT)
			depth++;
		else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT)
			depth--;
		if (depth == 0)
			return;
	} while (scan_next(s));
}

/* The mapping that starts at the current event, key by key: ON_KEY handles a
 * value (its first event current) and returns true, or false to have it passed over. */
static void scan_mapping(place_scan *s, bool (*on_key)(place_scan *, const char *key))
{
	if (s->event.type != YAML_MAPPING_START_EVENT) {
		scan_skip(s);
		return;
	}
	while (scan_next(s) && s->event.type != YAML_MAPPING_END_EVENT) {
		char *key = s->event.type == YAML_SCALAR_EVENT ? xstrdup((const char *)s->event.data.scalar.value) : NULL;
		if (!key)
			scan_skip(s);
		if (!scan_next(s)) {
			free(key);
			return;
		}
		if (!key || !on_key(s, key))
			scan_skip(s);
		free(key);
	}
}

/* The sequence that starts at the current event, ON_ITEM for each item. */
static void scan_sequence(place_scan *s, void (*on_item)(place_scan *))
{
	if (s->event.type != YAML_SEQUENCE_START_EVENT) {
		scan_skip(s);
		return;
	}
	while (scan_next(s) && s->event.type != YAML_SEQUENCE_END_EVENT)
		on_item(s);
}

static cjm_pos scan_pos(const yaml_event_t *event)
{
	return (cjm_pos){ (int)event->start_mark.line + 1, (int)event->start_mark.column + 1 };
}

static bool scan_touchpoint_key(place_scan *s, const char *key)
{
	value_places *vp = s->places;
	bool channel = strcmp(key, "channel") == 0, owner = strcmp(key, "owner") == 0;
	if ((!channel && !owner) || s->event.type != YAML_SCALAR_EVENT)
		return false;
	cjm_pos *slot = channel ? &vp->channel[vp->count - 1] : &vp->owner[vp->count - 1];
	*slot = scan_pos(&s->event);
	return true;
}

static void scan_touchpoint(place_scan *s)
{
	value_places *vp = s->places;
	if (vp->count == vp->cap) {
		size_t cap = vp->cap;
		xgrow((void **)&vp->channel, &cap, vp->count + 1, sizeof *vp->channel);
		xgrow((void **)&vp->owner, &vp->cap, vp->count + 1, sizeof *vp->owner);
	}
	vp->channel[vp->count] = vp->owner[vp->count] = (cjm_pos){ 0, 0 };
	vp->count++;
	scan_mapping(s, scan_touchpoint_key);
}

static bool scan_phase_key(place_scan *s, const char *key)
{
	if (strcmp(key, "touchpoints") != 0)
		return false;
	scan_sequence(s, scan_touchpoint);
	return true;
}

static void scan_phase(place_scan *s)
{
	scan_mapping(s, scan_phase_key);
}

static bool scan_top_key(place_scan *s, const char *key)
{
	if (strcmp(key, "phases") != 0)
		return false;
	scan_sequence(s, scan_phase);
	return true;
}

/* Reads the places of every touchpoint's channel and owner from TEXT, a map that loaded. */
static void value_places_scan(value_places *vp, const char *text, size_t len)
{
	place_scan s = { .ok = true, .places = vp };
	if (!yaml_parser_initialize(&s.parser))
		return;
	yaml_parser_set_input_string(&s.parser, (const unsigned char *)text, len);
	while (scan_next(&s) && s.event.type != YAML_MAPPING_START_EVENT && s.event.type != YAML_STREAM_END_EVENT)
		;
	if (s.ok && s.event.type == YAML_MAPPING_START_EVENT)
		scan_mapping(&s, scan_top_key);
	if (s.have_event)
		yaml_event_delete(&s.event);
	yaml_parser_delete(&s.parser);
}

static void value_places_release(value_places *vp)
{
	free(vp->channel);
	free(vp->owner);
}

/* ---- the warning ---- */

/* Warns about every channel (or owner) spelt differently from an earlier one that
 * differs only in case, spaces or hyphens ("e-mail" after "email"). */
static void warn_variants_of(diag_list *diags, const cjm_map *map, cjm_field field, const value_places *vp)
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
				     "%s '%s' differs from '%s' (line %d) only in case, spaces or hyphens",
				     cjm_field_info_of(field)->label, values[i], values[f], places[f].line);
		}
	free(first);
	free(places);
	free(values);
}

static void validate_warn_variants(const char *path, const cjm_map *map, const char *text, size_t len)
{
	value_places vp = { 0 };
	value_places_scan(&vp, text, len);
	diag_list *diags = diag_list_new(validate_display_name(path));
	warn_variants_of(diags, map, CJM_F_CHANNEL, &vp);
	warn_variants_of(diags, map, CJM_F_OWNER, &vp);
	diag_print(diags, stderr);
	diag_list_free(diags);
	value_places_release(&vp);
}

/* Checks one file: its errors, then the warnings about a map that loaded. */
static int validate_file(const char *path, const cjm_registry *registry)
{
	size_t len = 0;
	int err = 0, code = CJM_EXIT_OK;
	char *text = cjm_read_file(path, &len, &err);
	if (!text) {
		if (err == EFBIG) {
			visible_fputs(validate_display_name(path), 0, stderr);
			fprintf(stderr, ": error: file is too large (the limit is %u MiB)\n", CJM_MAX_FILE_SIZE >> 20);
			return CJM_EXIT_DATAERR;
		}
		cli_error("%s: %s", path, strerror(err));
		return CJM_EXIT_NOINPUT;
	}
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
	int files = 0, result = CJM_EXIT_OK;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break; /* what follows is a file, even when it starts with '-' */
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error(&cjm_cmd_validate, "unknown option '%s'", argv[i]);
	}
	/* Plugins count as known patterns: a map may set or dismiss a plugin's suggestions. */
	cjm_registry *registry = cjm_registry_new(true);
	validate_report_disabled(registry);
	bool options_done = false;
	for (int i = 1; i < argc; i++) {
		if (!options_done && strcmp(argv[i], "--") == 0) {
			options_done = true;
			continue;
		}
		files++;
		int code = validate_file(argv[i], registry);
		if (code == CJM_EXIT_NOINPUT || (code == CJM_EXIT_DATAERR && result == CJM_EXIT_OK))
			result = code;
	}
	cjm_registry_free(registry);
	if (files == 0)
		return cli_usage_error(&cjm_cmd_validate, "no file to validate");
	return result;
}

const cjm_command cjm_cmd_validate = {
	"validate",
	"validate FILE...",
	"check map files; one FILE:LINE:COL: error: line per problem",
	NULL,
	cmd_validate_run,
};
