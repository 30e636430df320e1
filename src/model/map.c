/* Allocating, copying, comparing and restructuring maps, phases and touchpoints. */
#include "model/map.h"

#include <stdlib.h>
#include <string.h>

#include "model/field.h"
#include "util/xalloc.h"

/* ---- string lists ---- */

void cjm_strlist_insert(cjm_strlist *list, size_t at, const char *text)
{
	xgrow((void **)&list->items, &list->cap, list->len + 1, sizeof *list->items);
	if (at > list->len)
		at = list->len;
	memmove(list->items + at + 1, list->items + at, (list->len - at) * sizeof *list->items);
	list->items[at] = xstrdup(text);
	list->len++;
}

void cjm_strlist_push(cjm_strlist *list, const char *text)
{
	cjm_strlist_insert(list, list->len, text);
}

char *cjm_strlist_take(cjm_strlist *list, size_t at)
{
	if (at >= list->len)
		return NULL;
	char *text = list->items[at];
	memmove(list->items + at, list->items + at + 1, (list->len - at - 1) * sizeof *list->items);
	list->len--;
	return text;
}

void cjm_strlist_clear(cjm_strlist *list)
{
	for (size_t i = 0; i < list->len; i++)
		free(list->items[i]);
	free(list->items);
	list->items = NULL;
	list->len = list->cap = 0;
}

void cjm_strlist_copy(cjm_strlist *dst, const cjm_strlist *src)
{
	if (dst == src)
		return;
	cjm_strlist_clear(dst);
	for (size_t i = 0; i < src->len; i++)
		cjm_strlist_push(dst, src->items[i]);
}

static bool str_equal(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

bool cjm_strlist_equal(const cjm_strlist *a, const cjm_strlist *b)
{
	if (a->len != b->len)
		return false;
	for (size_t i = 0; i < a->len; i++)
		if (strcmp(a->items[i], b->items[i]) != 0)
			return false;
	return true;
}

bool cjm_text_is_blank(const char *text)
{
	for (const char *p = text; p && *p; p++)
		if (!strchr(" \t\r\n", *p))
			return false;
	return true;
}

/* ---- touchpoints ---- */

cjm_touchpoint *cjm_touchpoint_new(const char *id, const char *name)
{
	cjm_touchpoint *tp = xcalloc(1, sizeof *tp);
	cjm_item_fields_init(tp, CJM_REF_TOUCHPOINT);
	tp->id = xstrdup(id);
	tp->name = xstrdup(name);
	return tp;
}

void cjm_touchpoint_free(cjm_touchpoint *tp)
{
	if (!tp)
		return;
	cjm_item_fields_release(tp, CJM_REF_TOUCHPOINT);
	free(tp);
}

cjm_touchpoint *cjm_touchpoint_clone(const cjm_touchpoint *src)
{
	cjm_touchpoint *tp = xmalloc(sizeof *tp);
	*tp = *src; /* every member, then a copy of what the field table says it owns */
	cjm_item_fields_own(tp, CJM_REF_TOUCHPOINT);
	return tp;
}

bool cjm_touchpoint_is_visible(const cjm_touchpoint *tp)
{
	return tp->visible != CJM_FALSE;
}

/* ---- phases ---- */

cjm_phase *cjm_phase_new(const char *id, const char *name)
{
	cjm_phase *phase = xcalloc(1, sizeof *phase);
	cjm_item_fields_init(phase, CJM_REF_PHASE);
	phase->id = xstrdup(id);
	phase->name = xstrdup(name);
	return phase;
}

void cjm_phase_free(cjm_phase *phase)
{
	if (!phase)
		return;
	for (size_t i = 0; i < phase->touchpoint_count; i++)
		cjm_touchpoint_free(phase->touchpoints[i]);
	free(phase->touchpoints);
	cjm_item_fields_release(phase, CJM_REF_PHASE);
	free(phase);
}

cjm_phase *cjm_phase_clone(const cjm_phase *src)
{
	cjm_phase *phase = xmalloc(sizeof *phase);
	*phase = *src; /* every member, then a copy of what the field table says it owns */
	cjm_item_fields_own(phase, CJM_REF_PHASE);
	phase->touchpoints = NULL;
	phase->touchpoint_count = phase->touchpoint_cap = 0;
	for (size_t i = 0; i < src->touchpoint_count; i++)
		cjm_phase_insert_touchpoint(phase, i, cjm_touchpoint_clone(src->touchpoints[i]));
	return phase;
}

void cjm_phase_insert_touchpoint(cjm_phase *phase, size_t at, cjm_touchpoint *tp)
{
	xgrow((void **)&phase->touchpoints, &phase->touchpoint_cap, phase->touchpoint_count + 1,
	      sizeof *phase->touchpoints);
	if (at > phase->touchpoint_count)
		at = phase->touchpoint_count;
	memmove(phase->touchpoints + at + 1, phase->touchpoints + at,
		(phase->touchpoint_count - at) * sizeof *phase->touchpoints);
	phase->touchpoints[at] = tp;
	phase->touchpoint_count++;
}

cjm_touchpoint *cjm_phase_remove_touchpoint(cjm_phase *phase, size_t at)
{
	if (at >= phase->touchpoint_count)
		return NULL;
	cjm_touchpoint *tp = phase->touchpoints[at];
	memmove(phase->touchpoints + at, phase->touchpoints + at + 1,
		(phase->touchpoint_count - at - 1) * sizeof *phase->touchpoints);
	phase->touchpoint_count--;
	return tp;
}

static bool phase_equal(const cjm_phase *a, const cjm_phase *b)
{
	if (a->touchpoint_count != b->touchpoint_count || !cjm_item_fields_equal(a, b, CJM_REF_PHASE))
		return false;
	for (size_t i = 0; i < a->touchpoint_count; i++)
		if (!cjm_item_fields_equal(a->touchpoints[i], b->touchpoints[i], CJM_REF_TOUCHPOINT))
			return false;
	return true;
}

/* ---- maps ---- */

cjm_map *cjm_map_new(const char *title)
{
	cjm_map *map = xcalloc(1, sizeof *map);
	cjm_item_fields_init(map, CJM_REF_MAP);
	map->version = CJM_FORMAT_VERSION;
	map->title = xstrdup(title);
	return map;
}

void cjm_map_free(cjm_map *map)
{
	if (!map)
		return;
	cjm_item_fields_release(map, CJM_REF_MAP);
	for (size_t i = 0; i < map->pattern_count; i++)
		free(map->patterns[i].id);
	free(map->patterns);
	for (size_t i = 0; i < map->phase_count; i++)
		cjm_phase_free(map->phases[i]);
	free(map->phases);
	for (size_t i = 0; i < map->dismissed_count; i++) {
		free(map->dismissed[i].pattern);
		free(map->dismissed[i].target);
	}
	free(map->dismissed);
	free(map);
}

cjm_map *cjm_map_clone(const cjm_map *src)
{
	cjm_map *map = xmalloc(sizeof *map);
	*map = *src; /* every member, then a copy of what the field table says it owns */
	cjm_item_fields_own(map, CJM_REF_MAP);
	map->patterns = NULL;
	map->pattern_count = 0;
	map->phases = NULL;
	map->phase_count = map->phase_cap = 0;
	map->dismissed = NULL;
	map->dismissed_count = 0;
	if (src->pattern_count) {
		map->patterns = xmalloc(src->pattern_count * sizeof *map->patterns);
		for (size_t i = 0; i < src->pattern_count; i++) {
			map->patterns[i] = src->patterns[i];
			map->patterns[i].id = xstrdup(src->patterns[i].id);
		}
		map->pattern_count = src->pattern_count;
	}
	for (size_t i = 0; i < src->phase_count; i++)
		cjm_map_insert_phase(map, i, cjm_phase_clone(src->phases[i]));
	if (src->dismissed_count) {
		map->dismissed = xmalloc(src->dismissed_count * sizeof *map->dismissed);
		for (size_t i = 0; i < src->dismissed_count; i++) {
			map->dismissed[i] = src->dismissed[i];
			map->dismissed[i].pattern = xstrdup(src->dismissed[i].pattern);
			map->dismissed[i].target = xstrdup(src->dismissed[i].target);
		}
		map->dismissed_count = src->dismissed_count;
	}
	return map;
}

void cjm_map_insert_phase(cjm_map *map, size_t at, cjm_phase *phase)
{
	xgrow((void **)&map->phases, &map->phase_cap, map->phase_count + 1, sizeof *map->phases);
	if (at > map->phase_count)
		at = map->phase_count;
	memmove(map->phases + at + 1, map->phases + at, (map->phase_count - at) * sizeof *map->phases);
	map->phases[at] = phase;
	map->phase_count++;
}

cjm_phase *cjm_map_remove_phase(cjm_map *map, size_t at)
{
	if (at >= map->phase_count)
		return NULL;
	cjm_phase *phase = map->phases[at];
	memmove(map->phases + at, map->phases + at + 1, (map->phase_count - at - 1) * sizeof *map->phases);
	map->phase_count--;
	return phase;
}

size_t cjm_map_touchpoint_count(const cjm_map *map)
{
	size_t n = 0;
	for (size_t i = 0; i < map->phase_count; i++)
		n += map->phases[i]->touchpoint_count;
	return n;
}

bool cjm_map_find(const cjm_map *map, const char *id, size_t *phase_index, size_t *tp_index)
{
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		if (str_equal(phase->id, id)) {
			*phase_index = p;
			*tp_index = (size_t)-1;
			return true;
		}
		for (size_t t = 0; t < phase->touchpoint_count; t++) {
			if (str_equal(phase->touchpoints[t]->id, id)) {
				*phase_index = p;
				*tp_index = t;
				return true;
			}
		}
	}
	return false;
}

double cjm_map_satisfaction_threshold(const cjm_map *map)
{
	return map->has_threshold_satisfaction ? map->threshold_satisfaction
					       : CJM_DEFAULT_SATISFACTION_THRESHOLD;
}

double cjm_map_impact_threshold(const cjm_map *map)
{
	return map->has_threshold_impact ? map->threshold_impact : CJM_DEFAULT_IMPACT_THRESHOLD;
}

bool cjm_map_equal(const cjm_map *a, const cjm_map *b)
{
	if (a->version != b->version || a->has_persona != b->has_persona ||
	    !cjm_item_fields_equal(a, b, CJM_REF_MAP) || a->pattern_count != b->pattern_count ||
	    a->phase_count != b->phase_count || a->dismissed_count != b->dismissed_count)
		return false;
	for (size_t i = 0; i < a->pattern_count; i++) {
		const cjm_pattern_setting *x = &a->patterns[i], *y = &b->patterns[i];
		if (!str_equal(x->id, y->id) || x->enabled != y->enabled ||
		    x->has_threshold != y->has_threshold || (x->has_threshold && x->threshold != y->threshold))
			return false;
	}
	for (size_t i = 0; i < a->phase_count; i++)
		if (!phase_equal(a->phases[i], b->phases[i]))
			return false;
	for (size_t i = 0; i < a->dismissed_count; i++)
		if (!str_equal(a->dismissed[i].pattern, b->dismissed[i].pattern) ||
		    !str_equal(a->dismissed[i].target, b->dismissed[i].target))
			return false;
	return true;
}
