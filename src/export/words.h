/* The words and numbers the exports write in the map's language: quadrant names and actions, decimals. */
#ifndef CJM_EXPORT_WORDS_H
#define CJM_EXPORT_WORDS_H

#include "analysis/figures.h"
#include "util/strbuf.h"

/* Q's name in LANG ("low-high"; Dutch "laag-hoog"); "none" for CJM_QUADRANT_NONE.
 * In English the same as cjm_quadrant_name. */
const char *cjm_export_quadrant_name(cjm_quadrant q, const char *lang);
/* Q's action in LANG ("raise satisfaction first"); "" for CJM_QUADRANT_NONE.
 * In English the same as cjm_quadrant_action. */
const char *cjm_export_quadrant_action(cjm_quadrant q, const char *lang);

/* Appends PLAIN (a number written with '.') with LANG's decimal separator. */
void cjm_export_decimal(strbuf *out, const char *plain, const char *lang);
/* Appends X as number_format writes it, with LANG's decimal separator ("7,5" in Dutch). */
void cjm_export_number(strbuf *out, double x, const char *lang);
/* Appends X with DECIMALS decimals and a typographic sign, none when it shows as zero
 * ("+0,33", "−1.00", "0.00"), as cjm stats writes figures, with LANG's decimal separator. */
void cjm_export_signed(strbuf *out, double x, int decimals, const char *lang);

#endif
