/* A sparkline of a figure over time: one bar per value, scaled to the lowest and highest value shown. */
#ifndef CJM_SPARKLINE_H
#define CJM_SPARKLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

/* The bar of X between LO and HI: 0 (▁) at LO .. 7 (█) at HI, in eight equal
 * steps; values beyond them take the end bar. When HI is not above LO (one
 * value, or all the same), every bar is the middle one, 3. */
int cjm_sparkline_level(double x, double lo, double hi);

/* The lowest and highest of VALUES[i] where HAS[i]; false when there is none. */
bool cjm_sparkline_range(const double *values, const bool *has, size_t count, double *lo, double *hi);

/* Appends one character per value of VALUES[0..COUNT-1], scaled between LO and HI:
 * the eight bars ▁▂▃▄▅▆▇█ when UTF8, else "_.-:=+*#"; a space where HAS[i] is false
 * (no figure). */
void cjm_sparkline(strbuf *out, const double *values, const bool *has, size_t count, double lo, double hi,
		   bool utf8);

#endif
