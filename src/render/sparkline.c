/* A sparkline of a figure over time: one bar per value, scaled to the lowest and highest value shown. */
#include "render/sparkline.h"

#include <math.h>

int cjm_sparkline_level(double x, double lo, double hi)
{
	if (!(hi - lo > 1e-9))
		return 3;
	if (!(x > lo)) /* also NaN */
		return 0;
	int level = (int)floor((x - lo) / (hi - lo) * 8);
	return level > 7 ? 7 : level;
}

bool cjm_sparkline_range(const double *values, const bool *has, size_t count, double *lo, double *hi)
{
	bool any = false;
	for (size_t i = 0; i < count; i++) {
		if (!has[i])
			continue;
		if (!any || values[i] < *lo)
			*lo = values[i];
		if (!any || values[i] > *hi)
			*hi = values[i];
		any = true;
	}
	return any;
}

void cjm_sparkline(strbuf *out, const double *values, const bool *has, size_t count, double lo, double hi,
		   bool utf8)
{
	static const char *const bars[8] = { "\u2581", "\u2582", "\u2583", "\u2584",
					     "\u2585", "\u2586", "\u2587", "\u2588" };
	static const char ascii[8] = { '_', '.', '-', ':', '=', '+', '*', '#' };
	for (size_t i = 0; i < count; i++) {
		if (!has[i])
			strbuf_putc(out, ' ');
		else if (utf8)
			strbuf_puts(out, bars[cjm_sparkline_level(values[i], lo, hi)]);
		else
			strbuf_putc(out, ascii[cjm_sparkline_level(values[i], lo, hi)]);
	}
}
