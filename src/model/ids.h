/* Making ids from names, and keeping them unique, in linear time for whole maps. */
#ifndef CJM_IDS_H
#define CJM_IDS_H

#include <stdbool.h>

#include "model/map.h"
#include "util/strset.h"

#define CJM_ID_MAX_GENERATED 40

/* A unique id for NAME given the ids in TAKEN (base, base-2, base-3, ...). */
char *cjm_unique_id_in(const strset *taken, const char *name);
/* Remembers, per base id, the lowest suffix that may still be free, so that making ids
 * for many names of the same base costs amortised O(1) each instead of probing from 2. */
typedef struct cjm_id_maker cjm_id_maker;
cjm_id_maker *cjm_id_maker_new(void);
void cjm_id_maker_free(cjm_id_maker *maker);
/* The id cjm_unique_id_in(TAKEN, NAME) gives, found in amortised O(1); TAKEN may
 * only grow between the calls that share MAKER. */
char *cjm_id_maker_unique(cjm_id_maker *maker, const strset *taken, const char *name);
/* A set of every phase and touchpoint id in MAP (borrowing the map's strings). */
strset *cjm_map_id_set(const cjm_map *map);

#endif
