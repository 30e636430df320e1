/* The quadrant listing that cjm stats and the HTML and Markdown exports print, walked once for all three. */
#ifndef CJM_QUADRANTS_H
#define CJM_QUADRANTS_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/figures.h"

/* How one format writes the parts of the listing; CTX is the format's own. */
typedef struct cjm_quadrant_lister {
	/* A row of the counts: every quadrant in order, then CJM_QUADRANT_NONE for
	 * the touchpoints without satisfaction or impact. */
	void (*count)(void *ctx, cjm_quadrant q, size_t count);
	/* Before (START) and after the touchpoints of each quadrant that has any; may be NULL. */
	void (*group)(void *ctx, cjm_quadrant q, bool start);
	/* Touchpoint I of the figures (fig->tps[I]), placed in Q. */
	void (*touchpoint)(void *ctx, cjm_quadrant q, size_t i);
} cjm_quadrant_lister;

/* The counts, then quadrant by quadrant the touchpoints placed in it, in journey order. */
void cjm_quadrants_list(const cjm_figures *fig, const cjm_quadrant_lister *lister, void *ctx);

#endif
