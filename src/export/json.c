/* Export to JSON: the whole map, every field, keys in the map file's canonical order, for other tools. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "export/escape.h"
#include "export/export.h"
#include "model/field.h"
#include "util/number.h"

/*
 * The rules (cjm-export(1) says the same):
 *
 * - One JSON object (RFC 8259), UTF-8, indented by two spaces, one key or item
 *   per line, ending with a newline; an empty list is [] and an empty object {}.
 *   This is what Python's json.dumps(map, indent=2, ensure_ascii=False) writes.
 * - The keys are those of the map file (cjm-map(5)), in the order `cjm fmt`
 *   writes them: version, title, persona {name, description}, brand_values,
 *   thresholds {satisfaction, impact}, patterns {ID: {enabled, threshold}},
 *   phases [{id, name, description, touchpoints [{id, name, channel, owner,
 *   emotion, satisfaction, impact, moment_of_truth, brand_moment, commitment,
 *   visible, pillars, pains, ideas, quotes, notes}]}], dismissed [{pattern,
 *   target}]. Every phase and touchpoint has its id.
 * - As in the file, an absent field is left out (never null), and so is an
 *   empty list; phases is always there, [] when there are none.
 * - Numbers are JSON numbers in their shortest form (7, 7.5, 0.3; emotion a
 *   whole number), booleans JSON booleans, lists arrays of strings; pillars
 *   an array of pillar names in the order of cjm-map(5).
 * - Strings are escaped as JSON needs (", \ and control characters); every
 *   other character is written as it is, in UTF-8.
 * - The result validates against maps/cjm-map.schema.json.
 */

#define JSON_MAX_DEPTH 8 /* map, phases, phase, touchpoints, touchpoint, list: 6 */

typedef struct json_writer {
	strbuf *out;
	int depth;
	bool empty[JSON_MAX_DEPTH]; /* nothing in the open list or object yet */
} json_writer;

static void json_indent(json_writer *w)
{
	strbuf_putc(w->out, '\n');
	strbuf_repeat(w->out, "  ", (size_t)w->depth);
}

/* Starts a value in the open list or object: the comma, the new line and KEY (NULL in a list). */
static void json_value(json_writer *w, const char *key)
{
	if (w->depth > 0) {
		if (!w->empty[w->depth])
			strbuf_putc(w->out, ',');
		w->empty[w->depth] = false;
		json_indent(w);
	}
	if (key) {
		cjm_escape_json(w->out, key);
		strbuf_puts(w->out, ": ");
	}
}

static void json_open(json_writer *w, const char *key, char bracket)
{
	json_value(w, key);
	strbuf_putc(w->out, bracket);
	w->empty[++w->depth] = true;
}

static void json_close(json_writer *w, char bracket)
{
	bool empty = w->empty[w->depth--];
	if (!empty)
		json_indent(w);
	strbuf_putc(w->out, bracket);
}

static void json_string(json_writer *w, const char *key, const char *text)
{
	json_value(w, key);
	cjm_escape_json(w->out, text);
}

static void json_number(json_writer *w, const char *key, double x)
{
	char buf[NUMBER_TEXT_MAX];
	json_value(w, key);
	strbuf_add(w->out, buf, number_format(buf, x));
}

static void json_bool(json_writer *w, const char *key, bool b)
{
	json_value(w, key);
	strbuf_puts(w->out, b ? "true" : "false");
}

/* A list of text, left out when empty, as the file leaves it out. */
static void json_list(json_writer *w, const char *key, const cjm_strlist *list)
{
	if (list->len == 0)
		return;
	json_open(w, key, '[');
	for (size_t i = 0; i < list->len; i++)
		json_string(w, NULL, list->items[i]);
	json_close(w, ']');
}

/* One field of the map, a phase or a touchpoint under KEY, by the field table; nothing
 * when absent, except the map's required text (as ""). */
static void json_field(json_writer *w, const cjm_map *map, cjm_ref ref, cjm_field field, const char *key)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	cjm_value v = cjm_field_get(map, ref, field);
	if (!v.present && info->required && info->kind == CJM_KIND_TEXT && ref.kind == CJM_REF_MAP)
		v = (cjm_value){ .present = true, .text = "" };
	if (!v.present)
		return;
	switch (info->kind) {
	case CJM_KIND_TEXT: json_string(w, key, v.text); break;
	case CJM_KIND_EMOTION:
		json_value(w, key);
		strbuf_printf(w->out, "%d", v.integer);
		break;
	case CJM_KIND_NUMBER: json_number(w, key, v.number); break;
	case CJM_KIND_BOOL: json_bool(w, key, v.boolean); break;
	case CJM_KIND_PILLARS:
		json_open(w, key, '[');
		for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
			if (v.bits & (1u << i))
				json_string(w, NULL, cjm_pillar_name(1u << i));
		json_close(w, ']');
		break;
	case CJM_KIND_LIST: json_list(w, key, v.list); break;
	}
}

/* The writer and the map, for the field walk. */
struct json_walk {
	json_writer *w;
	const cjm_map *map;
};

static void json_visit_field(void *ctx, cjm_ref ref, cjm_field field, const char *key)
{
	struct json_walk *walk = ctx;
	json_field(walk->w, walk->map, ref, field, key);
}

static void json_visit_group(void *ctx, const char *name)
{
	struct json_walk *walk = ctx;
	if (name)
		json_open(walk->w, name, '{');
	else
		json_close(walk->w, '}');
}

/* The fields of an item in file order, a group ("persona") as one object. */
static void json_item_fields(json_writer *w, const cjm_map *map, cjm_ref ref)
{
	static const cjm_field_visitor visit = { json_visit_field, json_visit_group };
	struct json_walk walk = { w, map };
	cjm_item_fields_walk(map, ref, &visit, &walk);
}

static void json_phases(json_writer *w, const cjm_map *map)
{
	json_open(w, "phases", '[');
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		json_open(w, NULL, '{');
		json_item_fields(w, map, (cjm_ref){ CJM_REF_PHASE, p, 0 });
		if (phase->touchpoint_count) {
			json_open(w, "touchpoints", '[');
			for (size_t t = 0; t < phase->touchpoint_count; t++) {
				json_open(w, NULL, '{');
				json_item_fields(w, map, (cjm_ref){ CJM_REF_TOUCHPOINT, p, t });
				json_close(w, '}');
			}
			json_close(w, ']');
		}
		json_close(w, '}');
	}
	json_close(w, ']');
}

/* The pattern settings, as cjm fmt writes them. */
static void json_settings(json_writer *w, const cjm_map *map)
{
	if (map->pattern_count) {
		json_open(w, "patterns", '{');
		for (size_t i = 0; i < map->pattern_count; i++) {
			const cjm_pattern_setting *setting = &map->patterns[i];
			json_open(w, setting->id, '{');
			if (setting->enabled != CJM_UNSET)
				json_bool(w, "enabled", setting->enabled == CJM_TRUE);
			if (setting->has_threshold)
				json_number(w, "threshold", setting->threshold);
			json_close(w, '}');
		}
		json_close(w, '}');
	}
}

static void json_dismissed(json_writer *w, const cjm_map *map)
{
	if (!map->dismissed_count)
		return;
	json_open(w, "dismissed", '[');
	for (size_t i = 0; i < map->dismissed_count; i++) {
		json_open(w, NULL, '{');
		if (map->dismissed[i].pattern)
			json_string(w, "pattern", map->dismissed[i].pattern);
		if (map->dismissed[i].target)
			json_string(w, "target", map->dismissed[i].target);
		json_close(w, '}');
	}
	json_close(w, ']');
}

void cjm_export_json(const cjm_map *map, const cjm_export_options *options, strbuf *out)
{
	(void)options;
	json_writer w = { .out = out };
	json_open(&w, NULL, '{');
	json_value(&w, "version");
	strbuf_printf(out, "%d", map->version);
	json_item_fields(&w, map, (cjm_ref){ CJM_REF_MAP, 0, 0 });
	json_settings(&w, map);
	json_phases(&w, map);
	json_dismissed(&w, map);
	json_close(&w, '}');
	strbuf_putc(out, '\n');
}
