/* A sparkline of emotion figures over time: one bar per value, scaled to the emotion scale -3..+3. */
#ifndef CJM_SPARKLINE_H
#define CJM_SPARKLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

/* The bar of X on the emotion scale: 0 (▁, -3 to -2.25) .. 7 (█, +2.25 to +3); each
 * of the eight covers 0.75, so 0..3 are below zero and 4..7 zero or above. Values
 * beyond the scale take its end bar. */
int cjm_sparkline_level(double x);

/* Appends one character per value of VALUES[0..COUNT-1]: the eight bars ▁▂▃▄▅▆▇█
 * when UTF8, else "_.-:=+*#"; a space where HAS[i] is false (no figure). */
void cjm_sparkline(strbuf *out, const double *values, const bool *has, size_t count, bool utf8);

#endif
