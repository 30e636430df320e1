/* A map's phases and touchpoints indexed by id, for lookups in constant time (diff, merge). */
#include "merge/index.h"

#include <stdlib.h>

#include "util/strset.h"
#include "util/xalloc.h"

struct cjm_map_index {
	strset *ids;              /* id -> cjm_index_entry * into entries */
	cjm_index_entry *entries; /* one per phase and touchpoint */
};

static void index_add(cjm_map_index *index, size_t *n, const char *id, size_t phase, size_t tp)
{
	if (!id)
		return;
	bool added = false;
	void **slot = strset_slot(index->ids, id, &added);
	if (!added)
		return;
	cjm_index_entry *e = &index->entries[(*n)++];
	e->phase = phase;
	e->tp = tp;
	*slot = e;
}

cjm_map_index *cjm_map_index_new(const cjm_map *map)
{
	size_t total = map->phase_count + cjm_map_touchpoint_count(map);
	cjm_map_index *index = xcalloc(1, sizeof *index);
	index->ids = strset_new(total);
	index->entries = xcalloc(total ? total : 1, sizeof *index->entries);
	size_t n = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		index_add(index, &n, phase->id, p, CJM_INDEX_NONE);
		for (size_t t = 0; t < phase->touchpoint_count; t++)
			index_add(index, &n, phase->touchpoints[t]->id, p, t);
	}
	return index;
}

void cjm_map_index_free(cjm_map_index *index)
{
	if (!index)
		return;
	strset_free(index->ids);
	free(index->entries);
	free(index);
}

const cjm_index_entry *cjm_map_index_get(const cjm_map_index *index, const char *id)
{
	return id ? strset_get(index->ids, id) : NULL;
}

size_t cjm_map_index_phase(const cjm_map_index *index, const char *id)
{
	const cjm_index_entry *e = cjm_map_index_get(index, id);
	return e && e->tp == CJM_INDEX_NONE ? e->phase : CJM_INDEX_NONE;
}

bool cjm_map_index_touchpoint(const cjm_map_index *index, const char *id, size_t *phase, size_t *tp)
{
	const cjm_index_entry *e = cjm_map_index_get(index, id);
	if (!e || e->tp == CJM_INDEX_NONE)
		return false;
	*phase = e->phase;
	*tp = e->tp;
	return true;
}
