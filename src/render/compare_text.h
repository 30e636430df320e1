/* The words of a comparison of two maps for a terminal: figures in one line, a touchpoint's difference. */
#ifndef CJM_RENDER_COMPARE_TEXT_H
#define CJM_RENDER_COMPARE_TEXT_H

#include "analysis/compare.h"
#include "util/strbuf.h"

/* Appends X with DECIMALS decimals, a sign unless it shows as zero, and the
 * interface's decimal separator ("+0.50"; "+0,50" under Dutch). */
void cjm_compare_text_signed(strbuf *out, double x, int decimals);

/* Appends FIG in one line, in the interface language: "3 touchpoints, 2 scored;
 * mean +0.50, peak -3, end +2, peak-end -0.5" (or "..., nothing scored"). */
void cjm_compare_text_figures(strbuf *out, const cjm_figures *fig);

/* Appends the difference of ROW for a narrow cell: "+2", "0", "-1" (there minus
 * here); "not scored" when a side has no emotion; "only here" / "only there". */
void cjm_compare_text_delta(strbuf *out, const cjm_compare_row *row);

/* Appends "NAME (PHASE/ID) EMOTION" of touchpoint FLAT of the map FIG describes
 * (MAP), the emotion left out when it is not scored. */
void cjm_compare_text_touchpoint(strbuf *out, const cjm_map *map, const cjm_figures *fig, size_t flat);

#endif
