/* Decoding and checking UTF-8, the only text encoding a map may hold. */
#include "util/utf8.h"

#include <string.h>

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len;
	uint32_t min, v;
	if ((s[0] & 0xE0) == 0xC0)
		len = 2, min = 0x80, v = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		len = 3, min = 0x800, v = s[0] & 0x0F;
	else if ((s[0] & 0xF8) == 0xF0)
		len = 4, min = 0x10000, v = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

bool utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	while (n > 0) {
		uint32_t cp;
		size_t len = utf8_decode(p, n, &cp);
		if (len == 0)
			return false;
		p += len;
		n -= len;
	}
	return true;
}

const char *utf8_forbidden(uint32_t cp)
{
	if (cp <= 0x9F)
		return "control character U+%04X is not allowed";
	if (cp == 0x2028)
		return "character U+%04X (line separator) is not allowed";
	if (cp == 0x2029)
		return "character U+%04X (paragraph separator) is not allowed";
	if (cp == 0xFFFE || cp == 0xFFFF)
		return "noncharacter U+%04X is not allowed";
	return NULL;
}
