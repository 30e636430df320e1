/* As-is against to-be: two maps' touchpoints matched by id in one hash set, their emotions, differences and figures. */
#include "analysis/compare.h"

#include <stdint.h>
#include <stdlib.h>

#include "util/xalloc.h"

cjm_compare_other *cjm_compare_other_new(const cjm_map *there)
{
	cjm_compare_other *other = xcalloc(1, sizeof *other);
	other->map = there;
	other->figures = cjm_figures_new(there);
	const cjm_figures *fig = other->figures;
	other->ids = strset_new(fig->touchpoints);
	for (size_t i = 0; i < fig->touchpoints; i++) {
		const char *id = fig->tps[i].tp->id;
		bool added;
		void **slot = strset_slot(other->ids, id ? id : "", &added);
		if (added) /* ids are unique in a valid map; the first one wins otherwise */
			*slot = (void *)(uintptr_t)(i + 1);
	}
	return other;
}

void cjm_compare_other_free(cjm_compare_other *other)
{
	if (!other)
		return;
	strset_free(other->ids);
	cjm_figures_free(other->figures);
	free(other);
}

const cjm_touchpoint *cjm_compare_other_find(const cjm_compare_other *other, const char *id, size_t *at)
{
	uintptr_t found = id ? (uintptr_t)strset_get(other->ids, id) : 0;
	if (at)
		*at = found ? (size_t)found - 1 : CJM_COMPARE_NONE;
	return found ? other->figures->tps[found - 1].tp : NULL;
}

cjm_compare *cjm_compare_new_with(const cjm_map *here, const cjm_compare_other *other)
{
	cjm_compare *cmp = xcalloc(1, sizeof *cmp);
	cmp->here = here;
	cmp->other = other;
	cmp->here_figures = cjm_figures_new(here);
	const cjm_figures *hf = cmp->here_figures, *tf = other->figures;
	size_t n_here = hf->touchpoints, n_there = tf->touchpoints;
	cmp->rows = xcalloc(n_here + n_there + 1, sizeof *cmp->rows);
	bool *seen = xcalloc(n_there + 1, sizeof *seen); /* THERE's touchpoints matched so far */
	for (size_t i = 0; i < n_here; i++) {
		cjm_compare_row *row = &cmp->rows[i];
		row->here = hf->tps[i].tp;
		row->here_at = i;
		size_t at;
		row->there = cjm_compare_other_find(other, row->here->id, &at);
		/* a second touchpoint of HERE with the same id (not a valid map) has no match left */
		if (row->there && seen[at])
			row->there = NULL, at = CJM_COMPARE_NONE;
		row->there_at = at;
		if (!row->there) {
			row->side = CJM_COMPARE_ONLY_HERE;
			cmp->only_here++;
			continue;
		}
		seen[at] = true;
		row->side = CJM_COMPARE_BOTH;
		cmp->matched++;
		row->has_delta = row->here->has_emotion && row->there->has_emotion;
		if (row->has_delta) {
			row->delta = row->there->emotion - row->here->emotion;
			cmp->changed += row->delta != 0;
		}
	}
	cmp->row_count = n_here;
	for (size_t j = 0; j < n_there; j++) {
		if (seen[j])
			continue;
		cjm_compare_row *row = &cmp->rows[cmp->row_count++];
		row->side = CJM_COMPARE_ONLY_THERE;
		row->there = tf->tps[j].tp;
		row->there_at = j;
		row->here_at = CJM_COMPARE_NONE;
		cmp->only_there++;
	}
	free(seen);
	return cmp;
}

cjm_compare *cjm_compare_new(const cjm_map *here, const cjm_map *there)
{
	cjm_compare_other *other = cjm_compare_other_new(there);
	cjm_compare *cmp = cjm_compare_new_with(here, other);
	cmp->owned_other = other;
	return cmp;
}

void cjm_compare_free(cjm_compare *cmp)
{
	if (!cmp)
		return;
	cjm_figures_free(cmp->here_figures);
	cjm_compare_other_free(cmp->owned_other);
	free(cmp->rows);
	free(cmp);
}

const cjm_figures *cjm_compare_here_figures(const cjm_compare *cmp)
{
	return cmp->here_figures;
}

const cjm_figures *cjm_compare_there_figures(const cjm_compare *cmp)
{
	return cmp->other->figures;
}

const cjm_compare_row *cjm_compare_row_of(const cjm_compare *cmp, size_t flat)
{
	return flat < cmp->here_figures->touchpoints ? &cmp->rows[flat] : NULL;
}
