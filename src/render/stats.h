/* The figures of a map as readable aligned text, for `cjm stats` and the editor. */
#ifndef CJM_RENDER_STATS_H
#define CJM_RENDER_STATS_H

#include "analysis/figures.h"
#include "model/map.h"
#include "util/strbuf.h"

/* Appends the counts, emotion (mean, peak, end, peak-end score), the quadrant
 * table with the touchpoints in each quadrant, and emotion per owner and per
 * channel. FIGURES are MAP's (cjm_figures_new). */
void cjm_stats_render(strbuf *out, const cjm_map *map, const cjm_figures *figures);

/* Appends the emotion figure X (-3..3) as cjm stats writes it: DECIMALS decimals with
 * the interface's decimal separator and a sign, none when it shows as zero ("+0.50",
 * "-1,25", "0.00"). */
void cjm_stats_signed(strbuf *out, double x, int decimals);

#endif
