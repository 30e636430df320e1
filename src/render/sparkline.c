/* A sparkline of emotion figures over time: one bar per value, scaled to the emotion scale -3..+3. */
#include "render/sparkline.h"

#include <math.h>

int cjm_sparkline_level(double x)
{
	if (!(x > -3)) /* also NaN */
		return 0;
	int level = (int)floor((x + 3) / 0.75);
	return level > 7 ? 7 : level;
}

void cjm_sparkline(strbuf *out, const double *values, const bool *has, size_t count, bool utf8)
{
	static const char *const bars[8] = { "\u2581", "\u2582", "\u2583", "\u2584",
					     "\u2585", "\u2586", "\u2587", "\u2588" };
	static const char ascii[8] = { '_', '.', '-', ':', '=', '+', '*', '#' };
	for (size_t i = 0; i < count; i++) {
		if (!has[i])
			strbuf_putc(out, ' ');
		else if (utf8)
			strbuf_puts(out, bars[cjm_sparkline_level(values[i])]);
		else
			strbuf_putc(out, ascii[cjm_sparkline_level(values[i])]);
	}
}
