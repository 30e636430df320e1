/* Numbers as the shortest decimal text that reads back as the same double. */
#include "util/number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t number_format(char *buf, double x)
{
	if (x == 0)
		x = 0; /* -0 is written as 0 */
	if (x > -1e15 && x < 1e15 && x == (double)(long long)x) /* whole numbers, the common case */
		return (size_t)snprintf(buf, NUMBER_TEXT_MAX, "%lld", (long long)x);
	/* Any decimal of up to 15 digits reads back exactly, and %g drops trailing
	 * zeros, so 15 digits give the shortest form unless more are needed. */
	int n = 0;
	for (int precision = 15; precision <= 17; precision++) {
		n = snprintf(buf, NUMBER_TEXT_MAX, "%.*g", precision, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	return (size_t)n;
}

void number_with_point(char *buf, const char *plain, const char *point)
{
	const char *dot = strchr(plain, '.');
	if (!dot || strcmp(point, ".") == 0) {
		snprintf(buf, NUMBER_TEXT_MAX, "%s", plain);
		return;
	}
	snprintf(buf, NUMBER_TEXT_MAX, "%.*s%s%s", (int)(dot - plain), plain, point, dot + 1);
}
