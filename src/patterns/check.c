/* Warnings about what a map says of patterns: unknown pattern ids and dismissals of targets that are gone. */
#include "patterns/check.h"

#include <stdbool.h>
#include <string.h>

#include "patterns/builtin.h"
#include "util/i18n.h"
#include "util/strset.h"

#define CHECK_TYPO_DISTANCE 2 /* edits at most, for "did you mean" */
#define CHECK_ID_MAX 64       /* longer ids are not compared */

/* The edit distance (insert, delete, substitute) of A and B, both at most CHECK_ID_MAX bytes. */
static size_t check_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[CHECK_ID_MAX + 1];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t above = row[j];
			size_t best = diagonal + (a[i - 1] != b[j - 1]);
			if (above + 1 < best)
				best = above + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = above;
		}
	}
	return row[lb];
}

/* The known pattern id nearest to ID within CHECK_TYPO_DISTANCE edits, or NULL. */
static const char *check_nearest(const cjm_registry *registry, const char *id)
{
	const char *nearest = NULL;
	size_t best = CHECK_TYPO_DISTANCE + 1;
	if (strlen(id) > CHECK_ID_MAX)
		return NULL;
	for (size_t i = 0; i < registry->count; i++) {
		const char *known = registry->entries[i].pattern->id;
		if (strlen(known) > CHECK_ID_MAX)
			continue;
		size_t d = check_distance(id, known);
		if (d < best) {
			best = d;
			nearest = known;
		}
	}
	return nearest;
}

/* Warns at POS that ID names no pattern here, and what that means: its settings are not
 * used (SETTINGS) or a dismissal hides nothing. */
static void check_unknown(diag_list *diags, const cjm_registry *registry, cjm_pos pos, const char *id, bool settings)
{
	const char *nearest = check_nearest(registry, id);
	if (nearest && settings)
		/* TRANSLATORS: %1$s is the unknown pattern id of the map, %2$s the nearest known one. */
		diag_warning(diags, pos.line, pos.col, _("no pattern '%s' (did you mean '%s'?); its settings are not used"),
			     id, nearest);
	else if (nearest)
		/* TRANSLATORS: %1$s is the unknown pattern id of the map, %2$s the nearest known one. */
		diag_warning(diags, pos.line, pos.col,
			     _("no pattern '%s' (did you mean '%s'?); this dismissal hides nothing"), id, nearest);
	else if (settings)
		diag_warning(diags, pos.line, pos.col,
			     _("no pattern '%s' is built in or installed here (see 'cjm patterns'); its settings are "
			       "not used"),
			     id);
	else
		diag_warning(diags, pos.line, pos.col,
			     _("no pattern '%s' is built in or installed here (see 'cjm patterns'); this dismissal "
			       "hides nothing"),
			     id);
}

/* Every phase and touchpoint id of MAP, for one lookup per dismissal. */
static strset *check_ids(const cjm_map *map)
{
	strset *ids = strset_new(map->phase_count + cjm_map_touchpoint_count(map));
	for (size_t p = 0; p < map->phase_count; p++) {
		strset_add(ids, map->phases[p]->id);
		for (size_t t = 0; t < map->phases[p]->touchpoint_count; t++)
			strset_add(ids, map->phases[p]->touchpoints[t]->id);
	}
	return ids;
}

void cjm_patterns_check_map(const cjm_map *map, const cjm_registry *registry, diag_list *diags)
{
	for (size_t i = 0; i < map->pattern_count; i++) {
		const cjm_pattern_setting *s = &map->patterns[i];
		if (!cjm_registry_find(registry, s->id))
			check_unknown(diags, registry, s->pos, s->id, true);
	}
	if (map->dismissed_count == 0)
		return;
	strset *ids = check_ids(map);
	for (size_t i = 0; i < map->dismissed_count; i++) {
		const cjm_dismissal *d = &map->dismissed[i];
		if (!cjm_registry_find(registry, d->pattern))
			check_unknown(diags, registry, d->pos, d->pattern, false);
		else if (strcmp(d->target, CJM_JOURNEY_TARGET) != 0 && !strset_has(ids, d->target))
			diag_warning(diags, d->pos.line, d->pos.col,
				     _("dismissed target '%s' is no phase or touchpoint of the map; this dismissal "
				       "hides nothing"),
				     d->target);
	}
	strset_free(ids);
}
