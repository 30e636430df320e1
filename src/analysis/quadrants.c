/* The quadrant listing that cjm stats and the HTML and Markdown exports print, walked once for all three. */
#include "analysis/quadrants.h"

void cjm_quadrants_list(const cjm_figures *fig, const cjm_quadrant_lister *lister, void *ctx)
{
	for (int q = 0; q < CJM_QUADRANT_COUNT; q++)
		lister->count(ctx, (cjm_quadrant)q, fig->quadrant_count[q]);
	lister->count(ctx, CJM_QUADRANT_NONE, fig->unplaced);
	for (int q = 0; q < CJM_QUADRANT_COUNT; q++) {
		if (fig->quadrant_count[q] == 0)
			continue;
		if (lister->group)
			lister->group(ctx, (cjm_quadrant)q, true);
		for (size_t i = 0; i < fig->touchpoints; i++)
			if (fig->quadrant[i] == (cjm_quadrant)q)
				lister->touchpoint(ctx, (cjm_quadrant)q, i);
		if (lister->group)
			lister->group(ctx, (cjm_quadrant)q, false);
	}
}
