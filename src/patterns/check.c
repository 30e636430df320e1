/* Warnings about what a map says of patterns: unknown pattern ids and dismissals of targets that are gone. */
#include "patterns/check.h"

#include <string.h>

#include "patterns/builtin.h"
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

/* Warns at POS that ID names no pattern here, and what that means (CONSEQUENCE). */
static void check_unknown(diag_list *diags, const cjm_registry *registry, cjm_pos pos, const char *id,
			  const char *consequence)
{
	const char *nearest = check_nearest(registry, id);
	if (nearest)
		diag_warning(diags, pos.line, pos.col, "no pattern '%s' (did you mean '%s'?); %s", id, nearest,
			     consequence);
	else
		diag_warning(diags, pos.line, pos.col,
			     "no pattern '%s' is built in or installed here (see 'cjm patterns'); %s", id,
			     consequence);
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
			check_unknown(diags, registry, s->pos, s->id, "its settings are not used");
	}
	if (map->dismissed_count == 0)
		return;
	strset *ids = check_ids(map);
	for (size_t i = 0; i < map->dismissed_count; i++) {
		const cjm_dismissal *d = &map->dismissed[i];
		if (!cjm_registry_find(registry, d->pattern))
			check_unknown(diags, registry, d->pos, d->pattern, "this dismissal hides nothing");
		else if (strcmp(d->target, CJM_JOURNEY_TARGET) != 0 && !strset_has(ids, d->target))
			diag_warning(diags, d->pos.line, d->pos.col,
				     "dismissed target '%s' is no phase or touchpoint of the map; this dismissal "
				     "hides nothing",
				     d->target);
	}
	strset_free(ids);
}
