/* As-is against to-be: two maps' touchpoints matched by id, with their emotions, differences and figures. */
#ifndef CJM_COMPARE_H
#define CJM_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/figures.h"
#include "model/map.h"
#include "util/strset.h"

/*
 * HERE is the map being shown or edited, THERE the other one (--compare OTHER,
 * :compare OTHER). Touchpoints are matched by id alone, wherever they stand and
 * whatever they are called now (a renamed touchpoint keeps its id). The
 * difference of a matched touchpoint is THERE's emotion minus HERE's: how far
 * the other map moves from this one ("+2": two steps better there). Everything
 * is linear in the size of the two maps (one hash set of THERE's ids).
 */

#define CJM_COMPARE_NONE ((size_t)-1)

/* Where a touchpoint of the comparison is. */
typedef enum cjm_compare_side {
	CJM_COMPARE_BOTH,       /* its id is in both maps */
	CJM_COMPARE_ONLY_HERE,  /* only in this map */
	CJM_COMPARE_ONLY_THERE, /* only in the other map */
} cjm_compare_side;

/* One touchpoint of either map and its counterpart. */
typedef struct cjm_compare_row {
	cjm_compare_side side;
	const cjm_touchpoint *here;  /* NULL when only there */
	const cjm_touchpoint *there; /* NULL when only here */
	size_t here_at, there_at;    /* flat indexes (figures.h); CJM_COMPARE_NONE when absent */
	bool has_delta;              /* both sides have an emotion */
	int delta;                   /* there's emotion minus here's, when has_delta */
} cjm_compare_row;

/* The other map, indexed by touchpoint id once, to compare any number of
 * versions of this map against (the editor's map changes, the other does not). */
typedef struct cjm_compare_other {
	const cjm_map *map;     /* borrowed */
	cjm_figures *figures;   /* its figures */
	strset *ids;            /* touchpoint id -> its flat index + 1 */
} cjm_compare_other;

typedef struct cjm_compare {
	const cjm_map *here;
	const cjm_compare_other *other; /* borrowed, or owned_other */
	cjm_compare_other *owned_other;
	cjm_figures *here_figures;
	/* rows[i] for i < here touchpoints is touchpoint i of HERE (map order); the
	 * touchpoints only in THERE follow, in THERE's order */
	cjm_compare_row *rows;
	size_t row_count;
	size_t matched, only_here, only_there;
	size_t changed; /* matched, both scored, with another emotion */
} cjm_compare;

/* Indexes THERE (borrowed: it must outlive the result). */
cjm_compare_other *cjm_compare_other_new(const cjm_map *there);
void cjm_compare_other_free(cjm_compare_other *other);
/* THERE's touchpoint with ID and its flat index (*AT, may be NULL), or NULL. */
const cjm_touchpoint *cjm_compare_other_find(const cjm_compare_other *other, const char *id, size_t *at);

/* Compares HERE with THERE (both borrowed, valid until either changes). */
cjm_compare *cjm_compare_new(const cjm_map *here, const cjm_map *there);
/* The same against an indexed other map (borrowed). */
cjm_compare *cjm_compare_new_with(const cjm_map *here, const cjm_compare_other *other);
void cjm_compare_free(cjm_compare *cmp);

/* The figures of this map and of the other. */
const cjm_figures *cjm_compare_here_figures(const cjm_compare *cmp);
const cjm_figures *cjm_compare_there_figures(const cjm_compare *cmp);
/* The row of touchpoint FLAT of this map. */
const cjm_compare_row *cjm_compare_row_of(const cjm_compare *cmp, size_t flat);

#endif
