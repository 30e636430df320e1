/* A map's phases and touchpoints indexed by id, for lookups in constant time (diff, merge). */
#ifndef CJM_MERGE_INDEX_H
#define CJM_MERGE_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"

#define CJM_INDEX_NONE ((size_t)-1)

/* Where an id stands: phase PHASE, and touchpoint TP of it (CJM_INDEX_NONE for the phase itself). */
typedef struct cjm_index_entry {
	size_t phase;
	size_t tp;
} cjm_index_entry;

typedef struct cjm_map_index cjm_map_index;

/* Indexes every phase and touchpoint of MAP by id (linear in its size). The index
 * borrows MAP's ids: it is valid until MAP changes. When an id is written twice
 * (a map not yet validated), the first one counts. */
cjm_map_index *cjm_map_index_new(const cjm_map *map);
void cjm_map_index_free(cjm_map_index *index);

/* The phase or touchpoint ID, or NULL. */
const cjm_index_entry *cjm_map_index_get(const cjm_map_index *index, const char *id);
/* The index of phase ID, or CJM_INDEX_NONE when no phase has it. */
size_t cjm_map_index_phase(const cjm_map_index *index, const char *id);
/* Touchpoint ID: true with *PHASE and *TP set, or false when no touchpoint has it. */
bool cjm_map_index_touchpoint(const cjm_map_index *index, const char *id, size_t *phase, size_t *tp);

#endif
