/* Decoding and checking UTF-8, the only text encoding a map may hold. */
#include "util/utf8.h"

#include <string.h>
#include "util/i18n.h"

#include "util/xalloc.h"

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
	if (cp < 0x20 && cp != '\t' && cp != '\n')
		/* TRANSLATORS: %04X is the character's code point in hex (U+0007). */
		return _("control character U+%04X is not allowed");
	if (cp >= 0x7F && cp <= 0x9F)
		/* TRANSLATORS: %04X is the character's code point in hex (U+0007). */
		return _("control character U+%04X is not allowed");
	if (cp == 0x2028)
		/* TRANSLATORS: %04X is the character's code point in hex (U+0007). */
		return _("character U+%04X (line separator) is not allowed");
	if (cp == 0x2029)
		/* TRANSLATORS: %04X is the character's code point in hex (U+0007). */
		return _("character U+%04X (paragraph separator) is not allowed");
	if (cp == 0xFFFE || cp == 0xFFFF)
		/* TRANSLATORS: %04X is the character's code point in hex (U+0007). */
		return _("noncharacter U+%04X is not allowed");
	return NULL;
}

/* True when the 8 bytes at S are all printable ASCII (0x20 to 0x7E), told at once
 * with bit tricks on one 64-bit word: most of a map's text takes this path. */
static bool utf8_printable_word(const unsigned char *s)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t w;
	memcpy(&w, s, sizeof w);
	uint64_t below_space = (w - ones * 0x20) & ~w; /* high bit where a byte < 0x20 (or >= 0x80) */
	uint64_t del = w ^ (ones * 0x7f);
	uint64_t is_del = (del - ones) & ~del;         /* high bit where a byte is DEL */
	return ((below_space | is_del | w) & highs) == 0;
}

const char *utf8_find_forbidden(const char *s, size_t len, size_t *at, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (i + 8 <= len && utf8_printable_word(p + i)) {
			i += 8;
			continue;
		}
		if (p[i] >= 0x20 && p[i] < 0x7F) {
			i++;
			continue;
		}
		uint32_t c;
		size_t n = utf8_decode(p + i, len - i, &c);
		if (n == 0) {
			i++; /* not UTF-8: for utf8_valid to say */
			continue;
		}
		const char *bad = utf8_forbidden(c);
		if (bad) {
			if (at)
				*at = i;
			*cp = c;
			return bad;
		}
		i += n;
	}
	return NULL;
}

/* A line break of another kind than LF: NEL, U+2028, U+2029 (CR is handled apart). */
static bool utf8_is_other_break(uint32_t cp)
{
	return cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

char *utf8_clean(const char *s, unsigned flags, utf8_cleaned *count)
{
	size_t len = strlen(s);
	char *out = xmalloc(len + 1);
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	const char *line_break = flags & UTF8_CLEAN_MULTILINE ? "\n" : " ";
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (n == 0) { /* not UTF-8: kept, for the caller's UTF-8 check to report */
			out[o++] = s[i++];
			continue;
		}
		if (cp == '\r' || utf8_is_other_break(cp)) {
			if (cp == '\r' && i + 1 < len && s[i + 1] == '\n')
				n = 2;
			out[o++] = *line_break;
			if (count)
				count->breaks++;
		} else if (cp == '\t' && (flags & UTF8_CLEAN_TABS)) {
			out[o++] = ' ';
			if (count)
				count->tabs++;
		} else if (utf8_forbidden(cp)) {
			if (count)
				count->dropped++;
		} else {
			memcpy(out + o, s + i, n);
			o += n;
		}
		i += n;
	}
	out[o] = '\0';
	return out;
}
