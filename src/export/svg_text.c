/* Text for the SVG picture: estimated widths, word wrapping with an ellipsis, numbers and escaped output. */
#include <stdint.h>
#include <string.h>

#include "export/escape.h"
#include "export/svg_internal.h"
#include "render/text.h"
#include "util/xalloc.h"

/*
 * There are no font metrics to ask, so widths are estimated, on the safe side:
 * ASCII characters by the advance widths of DejaVu Sans (wider than Helvetica,
 * Arial and Liberation Sans, which the font-family list prefers), bold as 12%
 * wider, other one-column characters as 0.7 em (general punctuation and
 * symbols, such as the em dash, 1 em), and characters the width helpers call
 * wide (East-Asian, emoji) as 1.25 em. A line is filled to 95% of its width.
 */

#define SVG_BOLD_FACTOR 1.12
#define SVG_FILL 0.95

/* Advance widths of ' '..'~' in thousandths of an em (DejaVu Sans). */
static const unsigned short svg_ascii_em[95] = {
	318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, /* space .. / */
	636, 636, 636, 636, 636, 636, 636, 636, 636, 636,                               /* 0 .. 9 */
	337, 337, 838, 838, 838, 531, 1000,                                             /* : .. @ */
	684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863,                /* A .. M */
	748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685,                /* N .. Z */
	390, 337, 390, 838, 500, 500,                                                   /* [ .. ` */
	613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974,                /* a .. m */
	634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525,                /* n .. z */
	636, 337, 636, 838,                                                             /* { .. ~ */
};

#define SVG_SPACE_EM 318
#define SVG_ELLIPSIS_EM 1000

/* Decodes the character at S (LEN > 0 bytes left) into *W thousandths of an em;
 * returns its length in bytes. */
static size_t svg_char(const char *s, size_t len, unsigned *w)
{
	unsigned char c = (unsigned char)*s;
	if (c < 0x80) {
		*w = c >= 0x20 && c < 0x7F ? svg_ascii_em[c - 0x20] : SVG_SPACE_EM;
		return 1;
	}
	uint32_t cp;
	size_t n = cjm_utf8_decode(s, len, &cp);
	int cols = cjm_char_width(cp);
	if (cols == 0)
		*w = 0;
	else if (cols == 2)
		*w = 1250;
	else if (cp >= 0x2000 && cp < 0x2C00)
		*w = 1000;
	else
		*w = 700;
	return n;
}

/* True for the bytes that separate words: spaces and control characters. */
static bool svg_blank(char c)
{
	return (unsigned char)c <= ' ' || c == 0x7F;
}

double svg_text_width(const char *s, size_t len, svg_font font)
{
	unsigned long em = 0;
	for (size_t i = 0; i < len;) {
		unsigned w;
		i += svg_char(s + i, len - i, &w);
		em += w;
	}
	return (double)em / 1000.0 * font.size * (font.bold ? SVG_BOLD_FACTOR : 1.0);
}

/* The longest prefix of S (LEN bytes) no wider than AVAIL thousandths of an em,
 * at least one character when FORCE; *USED gets its width. */
static size_t svg_fit(const char *s, size_t len, unsigned long avail, bool force, unsigned long *used)
{
	size_t i = 0;
	unsigned long w = 0;
	while (i < len) {
		unsigned cw;
		size_t n = svg_char(s + i, len - i, &cw);
		if (w + cw > avail && !(force && i == 0))
			break;
		w += cw;
		i += n;
	}
	*used = w;
	return i;
}

/* The line from S cut to fit AVAIL with an ellipsis, blanks at its end dropped. */
static svg_line svg_cut(const char *s, size_t len, unsigned long avail)
{
	unsigned long used;
	size_t n = svg_fit(s, len, avail > SVG_ELLIPSIS_EM ? avail - SVG_ELLIPSIS_EM : 0, false, &used);
	while (n > 0 && svg_blank(s[n - 1]))
		n--;
	return (svg_line){ s, n, true };
}

size_t svg_text_wrap(const char *text, double width, svg_font font, size_t max, svg_line *lines)
{
	if (!text || max == 0)
		return 0;
	double per_em = font.size * (font.bold ? SVG_BOLD_FACTOR : 1.0) / 1000.0;
	double fit = width * SVG_FILL / per_em;
	unsigned long avail = fit > 0 ? (unsigned long)fit : 0;
	const char *p = text;
	size_t count = 0;
	while (*p && svg_blank(*p))
		p++;
	while (*p) {
		const char *start = p, *end = p;
		unsigned long used = 0;
		bool full = false;
		while (*p && !full) {
			const char *word = p;
			unsigned long ww = 0;
			while (*p && !svg_blank(*p)) {
				unsigned cw;
				p += svg_char(p, 4, &cw); /* a NUL ends any sequence early */
				ww += cw;
			}
			if (used == 0 && ww > avail) {
				/* a word wider than the line: split it between characters */
				unsigned long w;
				size_t n = svg_fit(word, (size_t)(p - word), avail, true, &w);
				end = word + n;
				used = w;
				p = end;
				full = true;
				break;
			}
			if (used > 0 && used + SVG_SPACE_EM + ww > avail) {
				p = word;
				full = true;
				break;
			}
			used += (used > 0 ? SVG_SPACE_EM : 0) + ww;
			end = p;
			while (*p && svg_blank(*p))
				p++;
		}
		while (*p && svg_blank(*p))
			p++;
		if (*p && count + 1 == max) {
			lines[count++] = svg_cut(start, strlen(start), avail);
			return count;
		}
		lines[count++] = (svg_line){ start, (size_t)(end - start), false };
	}
	return count;
}

void svg_num(strbuf *out, double x)
{
	long v = (long)(x * 10.0 + (x < 0 ? -0.5 : 0.5));
	char buf[32];
	char *q = buf + sizeof buf;
	unsigned long u = v < 0 ? (unsigned long)-v : (unsigned long)v;
	unsigned long tenth = u % 10;
	u /= 10;
	if (tenth) {
		*--q = (char)('0' + tenth);
		*--q = '.';
	}
	do {
		*--q = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--q = '-';
	strbuf_add(out, q, (size_t)(buf + sizeof buf - q));
}

void svg_put_text(strbuf *out, const char *s, size_t len, bool cut)
{
	/* most text needs no escaping: add it as it is, which is what cjm_escape_xml would write */
	bool plain = true;
	for (size_t i = 0; i < len && plain; i++) {
		unsigned char c = (unsigned char)s[i];
		plain = !(c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == 0x7F ||
			  c == 0xC2 || c == 0xD8 || c == 0xE2 || c == 0xEF); /* and the lead bytes of visible_escaped's */
	}
	if (plain) {
		strbuf_add(out, s, len);
	} else {
		char small[256];
		if (len < sizeof small) {
			memcpy(small, s, len);
			small[len] = '\0';
			cjm_escape_xml(out, small);
		} else {
			strbuf tmp = { 0 };
			strbuf_add(&tmp, s, len);
			cjm_escape_xml(out, tmp.data);
			strbuf_release(&tmp);
		}
	}
	if (cut)
		strbuf_puts(out, "\xE2\x80\xA6");
}

void svg_put_emotion(strbuf *out, int e)
{
	if (e > 0)
		strbuf_putc(out, '+');
	else if (e < 0)
		strbuf_puts(out, "\xE2\x88\x92");
	strbuf_putc(out, (char)('0' + (e < 0 ? -e : e)));
}

