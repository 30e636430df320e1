/* UTF-8 text for fixed-width output: display width, padding, word wrapping, numbers. */
#include "render/text.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/wrap.h"
#include "util/number.h"
#include "util/utf8.h"
#include "util/visible.h"

size_t cjm_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	size_t n = utf8_decode((const unsigned char *)s, len, cp);
	if (n == 0) {
		*cp = 0xFFFD;
		return 1;
	}
	return n;
}

struct text_range {
	uint32_t first, last;
};

/* Combining marks and other characters that take no column. */
static const struct text_range text_zero[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x05BF, 0x05BF },
	{ 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 }, { 0x05C7, 0x05C7 }, { 0x0610, 0x061A },
	{ 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC }, { 0x06DF, 0x06E4 },
	{ 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED }, { 0x0900, 0x0902 }, { 0x093A, 0x093A },
	{ 0x093C, 0x093C }, { 0x0941, 0x0948 }, { 0x094D, 0x094D }, { 0x0951, 0x0957 },
	{ 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, { 0x1AB0, 0x1AFF },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x202A, 0x202E }, { 0x2060, 0x2064 },
	{ 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF },
	{ 0xE0001, 0xE007F }, { 0xE0100, 0xE01EF },
};

/* East Asian wide and full-width characters, and emoji shown as pictures. */
static const struct text_range text_wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x23E9, 0x23EC },
	{ 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 }, { 0x26CE, 0x26CE },
	{ 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA }, { 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 },
	{ 0x26FA, 0x26FA }, { 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF },
	{ 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF },
	{ 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE4 },
	{ 0x17000, 0x18CFF }, { 0x1B000, 0x1B2FF }, { 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF },
	{ 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A }, { 0x1F200, 0x1F251 }, { 0x1F300, 0x1F320 },
	{ 0x1F32D, 0x1F335 }, { 0x1F337, 0x1F37C }, { 0x1F37E, 0x1F393 }, { 0x1F3A0, 0x1F3CA },
	{ 0x1F3CF, 0x1F3D3 }, { 0x1F3E0, 0x1F3F0 }, { 0x1F3F4, 0x1F3F4 }, { 0x1F3F8, 0x1F43E },
	{ 0x1F440, 0x1F440 }, { 0x1F442, 0x1F4FC }, { 0x1F4FF, 0x1F53D }, { 0x1F54B, 0x1F54E },
	{ 0x1F550, 0x1F567 }, { 0x1F57A, 0x1F57A }, { 0x1F595, 0x1F596 }, { 0x1F5A4, 0x1F5A4 },
	{ 0x1F5FB, 0x1F64F }, { 0x1F680, 0x1F6C5 }, { 0x1F6CC, 0x1F6CC }, { 0x1F6D0, 0x1F6D2 },
	{ 0x1F6D5, 0x1F6D7 }, { 0x1F6EB, 0x1F6EC }, { 0x1F6F4, 0x1F6FC }, { 0x1F7E0, 0x1F7EB },
	{ 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 }, { 0x1F947, 0x1F9FF }, { 0x1FA70, 0x1FAFF },
	{ 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

static bool text_in(const struct text_range *table, size_t count, uint32_t cp)
{
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < table[mid].first)
			hi = mid;
		else if (cp > table[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* True when CP is shown as an escape (visible_escaped), as \x1B or \u202E; tab and line feed are shown as a space. */
static bool text_is_escaped(uint32_t cp)
{
	return cp != '\t' && cp != '\n' && visible_escaped(cp);
}

int cjm_char_width(uint32_t cp)
{
	if (text_is_escaped(cp))
		return cp < 0x80 ? 4 : 6; /* the length of its escape */
	if (cp < 0x300)
		return 1;
	if (text_in(text_zero, sizeof text_zero / sizeof *text_zero, cp))
		return 0;
	if (cp >= 0x1100 && text_in(text_wide, sizeof text_wide / sizeof *text_wide, cp))
		return 2;
	return 1;
}

size_t cjm_text_width_n(const char *s, size_t len)
{
	size_t w = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += cjm_utf8_decode(s + i, len - i, &cp);
		w += (size_t)cjm_char_width(cp);
	}
	return w;
}

size_t cjm_text_width(const char *s)
{
	return cjm_text_width_n(s, strlen(s));
}

/* Appends one character of N bytes at S as printable text. */
static void text_emit(strbuf *out, const char *s, size_t n, uint32_t cp)
{
	char escape[12];
	if (cp == '\t' || cp == '\n')
		strbuf_putc(out, ' ');
	else if (text_is_escaped(cp))
		strbuf_add(out, escape, visible_escape_char(escape, cp, false));
	else if (cp == 0xFFFD && n == 1)
		strbuf_putc(out, '?');
	else
		strbuf_add(out, s, n);
}

size_t cjm_text_put(strbuf *out, const char *s, size_t len, size_t width)
{
	size_t used = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = cjm_utf8_decode(s + i, len - i, &cp);
		size_t w = (size_t)cjm_char_width(cp);
		if (used + w > width)
			break;
		text_emit(out, s + i, n, cp);
		used += w;
		i += n;
	}
	return used;
}

void cjm_text_spaces(strbuf *out, size_t width)
{
	static const char spaces[] = "                                ";
	while (width > 0) {
		size_t n = width < sizeof spaces - 1 ? width : sizeof spaces - 1;
		strbuf_add(out, spaces, n);
		width -= n;
	}
}

void cjm_text_pad(strbuf *out, const char *s, size_t len, size_t width)
{
	size_t used = cjm_text_put(out, s, len, width);
	cjm_text_spaces(out, width - used);
}

size_t cjm_text_wrap(strbuf *out, const char *s, size_t width)
{
	cjm_wrap_spec spec = { .width = width };
	return cjm_wrap(out, s, &spec);
}

void cjm_text_number(strbuf *out, double x)
{
	char buf[NUMBER_TEXT_MAX];
	strbuf_add(out, buf, number_format(buf, x));
}

void cjm_text_emotion(strbuf *out, int e)
{
	strbuf_printf(out, e > 0 ? "+%d" : "%d", e);
}
