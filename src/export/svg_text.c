/* Text for the SVG picture: estimated widths, word wrapping with an ellipsis, numbers and escaped output. */
#include <stdint.h>
#include <string.h>

#include "export/escape.h"
#include "export/svg_internal.h"
#include "render/text.h"
#include "util/xalloc.h"

/*
 * Widths come from the font the CSS names first, DejaVu Sans (svg.c): its
 * advance widths below are those of DejaVu Sans and DejaVu Sans Bold, the
 * wider of upright and oblique for each character (quotes are italic), in
 * thousandths of an em, rounded up, for Latin (U+0020..U+017F), general
 * punctuation (U+2000..U+206F) and the arrows U+2190..U+2199. Those tables
 * were read from the fonts' hmtx (DejaVu Sans 2.37). Kerning only narrows a
 * line, so what a renderer draws is never wider than measured. The fallbacks
 * of the font-family list (Liberation Sans, Arial, Helvetica) are narrower. Other characters are estimated on the safe side: symbols
 * and technical characters 1 em, characters the width helpers call wide
 * (East-Asian, emoji) 1.25 em, the rest 0.85 em (Greek and Cyrillic average
 * 0.7 to 0.8). A line is filled to 98% of its width (SVG_FILL).
 */

static const unsigned short svg_latin_regular[352] = {
	 318,  401,  460,  838,  637,  951,  780,  275,  391,  391,  500,  838,  318,  361,  318,  337, /* U+0020 */
	 637,  637,  637,  637,  637,  637,  637,  637,  637,  637,  337,  337,  838,  838,  838,  531, /* U+0030 */
	1000,  685,  687,  699,  771,  632,  576,  775,  752,  295,  295,  656,  558,  863,  749,  788, /* U+0040 */
	 604,  788,  695,  635,  611,  732,  685,  989,  686,  611,  686,  391,  337,  391,  838,  500, /* U+0050 */
	 500,  613,  635,  550,  635,  616,  353,  635,  634,  278,  278,  580,  278,  975,  634,  612, /* U+0060 */
	 635,  635,  412,  521,  393,  634,  592,  818,  592,  592,  525,  637,  337,  637,  838,    0, /* U+0070 */
	   0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0, /* U+0080 */
	   0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0, /* U+0090 */
	 318,  401,  637,  637,  637,  637,  337,  500,  500, 1000,  472,  618,  838,  361, 1000,  500, /* U+00A0 */
	 500,  838,  401,  401,  500,  637,  637,  318,  500,  401,  472,  618,  970,  970,  970,  531, /* U+00B0 */
	 685,  685,  685,  685,  685,  685,  975,  699,  632,  632,  632,  632,  295,  295,  295,  295, /* U+00C0 */
	 775,  749,  788,  788,  788,  788,  788,  838,  788,  732,  732,  732,  732,  611,  608,  630, /* U+00D0 */
	 613,  613,  613,  613,  613,  613,  996,  550,  616,  616,  616,  616,  278,  278,  278,  278, /* U+00E0 */
	 612,  634,  612,  612,  612,  612,  612,  838,  612,  634,  634,  634,  634,  592,  635,  592, /* U+00F0 */
	 685,  613,  685,  613,  685,  613,  699,  550,  699,  550,  699,  550,  699,  550,  771,  635, /* U+0100 */
	 775,  635,  632,  616,  632,  616,  632,  616,  632,  616,  632,  616,  775,  635,  775,  635, /* U+0110 */
	 775,  635,  775,  635,  752,  634,  917,  695,  295,  278,  295,  278,  295,  278,  295,  278, /* U+0120 */
	 295,  278,  590,  556,  295,  278,  656,  580,  580,  558,  278,  558,  278,  558,  375,  558, /* U+0130 */
	 342,  563,  288,  749,  634,  749,  634,  749,  634,  814,  749,  634,  788,  612,  788,  612, /* U+0140 */
	 788,  612, 1070, 1028,  695,  412,  695,  412,  695,  412,  635,  521,  635,  521,  635,  521, /* U+0150 */
	 635,  521,  611,  393,  611,  393,  611,  393,  732,  634,  732,  634,  732,  634,  732,  634, /* U+0160 */
	 732,  634,  732,  634,  989,  818,  611,  592,  611,  686,  525,  686,  525,  686,  525,  353, /* U+0170 */
};
static const unsigned short svg_punct_regular[112] = {
	 500, 1000,  500, 1000,  330,  250,  167,  637,  318,  200,  100,    0,    0,    0,    0,    0, /* U+2000 */
	 361,  361,  637,  500, 1000, 1000,  500,  500,  318,  318,  318,  318,  519,  519,  519,  519, /* U+2010 */
	 500,  500,  590,  590,  335,  668, 1000,  318,    0,    0,    0,    0,    0,    0,    0,  200, /* U+2020 */
	1351, 1736,  228,  374,  521,  228,  374,  521,  339,  400,  400,  838,  486,  531,  500,  804, /* U+2030 */
	 804,  250, 1000,  500,  167,  391,  391,  922,  733,  733,  498,  637,  500,  500,  500,  337, /* U+2040 */
	 804,  500,  450, 1000,  804,  838,  586,  664,  838,  838,  318,  798,  838,  318,  318,  223, /* U+2050 */
	   0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0, /* U+2060 */
};
static const unsigned short svg_arrow_regular[10] = {
	 838,  838,  838,  838,  838,  838,  838,  838,  838,  838, /* U+2190 */
};
static const unsigned short svg_latin_bold[352] = {
	 349,  457,  521,  838,  696, 1002,  873,  307,  458,  458,  523,  838,  380,  416,  380,  366, /* U+0020 */
	 696,  696,  696,  696,  696,  696,  696,  696,  696,  696,  400,  400,  838,  838,  838,  581, /* U+0030 */
	1000,  774,  763,  734,  831,  684,  684,  821,  837,  373,  373,  775,  638,  996,  837,  851, /* U+0040 */
	 733,  851,  771,  721,  683,  813,  774, 1104,  771,  725,  726,  458,  366,  458,  838,  500, /* U+0050 */
	 500,  675,  716,  593,  716,  679,  436,  716,  712,  343,  343,  666,  343, 1042,  712,  688, /* U+0060 */
	 716,  716,  494,  596,  479,  712,  652,  924,  646,  652,  583,  712,  366,  712,  838,    0, /* U+0070 */
	   0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0, /* U+0080 */
	   0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0, /* U+0090 */
	 349,  457,  696,  696,  637,  696,  366,  500,  500, 1000,  564,  650,  838,  416, 1000,  500, /* U+00A0 */
	 500,  838,  438,  438,  500,  736,  637,  380,  500,  438,  564,  650, 1036, 1036, 1036,  581, /* U+00B0 */
	 774,  774,  774,  774,  774,  774, 1085,  734,  684,  684,  684,  684,  373,  373,  373,  373, /* U+00C0 */
	 846,  837,  851,  851,  851,  851,  851,  838,  851,  813,  813,  813,  813,  725,  743,  720, /* U+00D0 */
	 675,  675,  675,  675,  675,  675, 1048,  593,  679,  679,  679,  679,  343,  343,  343,  343, /* U+00E0 */
	 688,  712,  688,  688,  688,  688,  688,  838,  688,  712,  712,  712,  712,  652,  716,  652, /* U+00F0 */
	 774,  675,  774,  675,  774,  675,  734,  593,  734,  593,  734,  593,  734,  593,  831,  716, /* U+0100 */
	 846,  716,  684,  679,  684,  679,  684,  679,  684,  679,  684,  679,  821,  716,  821,  716, /* U+0110 */
	 821,  716,  821,  716,  837,  712,  974,  791,  373,  343,  373,  343,  373,  343,  373,  343, /* U+0120 */
	 373,  343,  745,  686,  373,  343,  775,  666,  666,  638,  343,  638,  343,  638,  480,  638, /* U+0130 */
	 557,  661,  375,  837,  712,  837,  712,  837,  712,  983,  837,  712,  851,  688,  851,  688, /* U+0140 */
	 851,  688, 1167, 1095,  771,  494,  771,  494,  771,  494,  721,  596,  721,  596,  721,  596, /* U+0150 */
	 721,  596,  683,  479,  683,  479,  683,  479,  813,  712,  813,  712,  813,  712,  813,  712, /* U+0160 */
	 813,  712,  813,  712, 1104,  924,  725,  652,  725,  726,  583,  726,  583,  726,  583,  436, /* U+0170 */
};
static const unsigned short svg_punct_bold[112] = {
	 500, 1000,  500, 1000,  330,  250,  167,  696,  380,  200,  100,    0,    0,    0,    0,    0, /* U+2000 */
	 416,  416,  696,  500, 1000, 1000,  500,  500,  380,  380,  380,  380,  658,  658,  658,  658, /* U+2010 */
	 500,  500,  640,  640,  380,  686, 1000,  349,    0,    0,    0,    0,    0,    0,    0,  200, /* U+2020 */
	1455, 1909,  264,  447,  630,  264,  447,  630,  733,  413,  413,  973,  627,  581,  500,  829, /* U+2030 */
	 829,  330, 1023,  500,  167,  458,  458, 1031,  829,  829,  514,  688,  500,  500,  523,  400, /* U+2040 */
	 829,  523,  557, 1000,  829,  838,  684,  813,  838,  838,  380,  872,  838,  380,  380,  223, /* U+2050 */
	   0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0,    0, /* U+2060 */
};
static const unsigned short svg_arrow_bold[10] = {
	 838,  838,  838,  838,  838,  838,  838,  838,  838,  838, /* U+2190 */
};

#define SVG_SPACE_EM 318
#define SVG_ELLIPSIS_EM 1000

/* The width of code point CP in thousandths of an em in FONT. */
static unsigned svg_cp_em(uint32_t cp, bool bold)
{
	if (cp >= 0x20 && cp <= 0x17F)
		return (bold ? svg_latin_bold : svg_latin_regular)[cp - 0x20];
	if (cp >= 0x2000 && cp <= 0x206F)
		return (bold ? svg_punct_bold : svg_punct_regular)[cp - 0x2000];
	if (cp >= 0x2190 && cp <= 0x2199)
		return (bold ? svg_arrow_bold : svg_arrow_regular)[cp - 0x2190];
	if (cp < 0x20 || cp == 0x7F)
		return SVG_SPACE_EM;
	int cols = cjm_char_width(cp);
	unsigned w = cols == 0 ? 0 : cols == 2 ? 1250 : cp >= 0x2000 && cp < 0x2C00 ? 1000 : 850;
	return bold ? w * 11 / 10 : w;
}

/* Decodes the character at S (LEN > 0 bytes left) into *W thousandths of an em
 * in FONT; returns its length in bytes. */
static size_t svg_char(const char *s, size_t len, bool bold, unsigned *w)
{
	unsigned char c = (unsigned char)*s;
	if (c < 0x80) {
		*w = svg_cp_em(c, bold);
		return 1;
	}
	uint32_t cp;
	size_t n = cjm_utf8_decode(s, len, &cp);
	*w = svg_cp_em(cp, bold);
	return n;
}

/* True for the bytes that separate words: spaces and control characters (a
 * newline also ends a line, see svg_text_wrap). */
static bool svg_blank(char c)
{
	return (unsigned char)c <= ' ' || c == 0x7F;
}

/* A renderer may round a glyph's advance; a line is filled to this share of its width. */
#define SVG_FILL 0.98

double svg_text_width(const char *s, size_t len, svg_font font)
{
	unsigned long em = 0;
	for (size_t i = 0; i < len;) {
		unsigned w;
		i += svg_char(s + i, len - i, font.bold, &w);
		em += w;
	}
	return (double)em / 1000.0 * font.size;
}

/* The longest prefix of S (LEN bytes) no wider than AVAIL thousandths of an em,
 * at least one character when FORCE; *USED gets its width. */
static size_t svg_fit(const char *s, size_t len, bool bold, unsigned long avail, bool force, unsigned long *used)
{
	size_t i = 0;
	unsigned long w = 0;
	while (i < len) {
		unsigned cw;
		size_t n = svg_char(s + i, len - i, bold, &cw);
		if (w + cw > avail && !(force && i == 0))
			break;
		w += cw;
		i += n;
	}
	*used = w;
	return i;
}

/* The line from S (LEN bytes, one paragraph) cut to fit AVAIL with an
 * ellipsis, blanks at its end dropped. */
static svg_line svg_cut(const char *s, size_t len, bool bold, unsigned long avail)
{
	unsigned long used;
	size_t n = svg_fit(s, len, bold, avail > SVG_ELLIPSIS_EM ? avail - SVG_ELLIPSIS_EM : 0, false, &used);
	while (n > 0 && svg_blank(s[n - 1]))
		n--;
	return (svg_line){ s, n, true };
}

/* Skips blanks; true when a newline was among them (a paragraph ends). */
static bool svg_skip_blanks(const char **p)
{
	bool newline = false;
	while (**p && svg_blank(**p))
		newline |= *(*p)++ == '\n';
	return newline;
}

/*
 * Words are filled into lines; a newline in the text ends a line (several, or
 * blank lines between, end just one), so a line never holds a newline. When
 * more is left after MAX lines, the last line is the rest of its paragraph cut
 * short with "…".
 */
size_t svg_text_wrap(const char *text, double width, svg_font font, size_t max, svg_line *lines)
{
	if (!text || max == 0)
		return 0;
	double fit = width * SVG_FILL / (font.size / 1000.0);
	unsigned long avail = fit > 0 ? (unsigned long)fit : 0;
	const char *p = text;
	size_t count = 0;
	svg_skip_blanks(&p);
	while (*p) {
		const char *start = p, *end = p;
		unsigned long used = 0;
		bool newline = false;
		while (*p) {
			const char *word = p;
			unsigned long ww = 0;
			while (*p && !svg_blank(*p)) {
				unsigned cw;
				p += svg_char(p, 4, font.bold, &cw); /* a NUL ends any sequence early */
				ww += cw;
			}
			if (used == 0 && ww > avail) {
				/* a word wider than the line: split it between characters */
				unsigned long w;
				size_t n = svg_fit(word, (size_t)(p - word), font.bold, avail, true, &w);
				end = word + n;
				p = end;
				break;
			}
			if (used > 0 && used + SVG_SPACE_EM + ww > avail) {
				p = word;
				break;
			}
			used += (used > 0 ? SVG_SPACE_EM : 0) + ww;
			end = p;
			const char *after = p;
			if (svg_skip_blanks(&after)) {
				p = after;
				newline = true;
				break;
			}
			p = after;
		}
		if (!newline)
			svg_skip_blanks(&p);
		if (*p && count + 1 == max) {
			size_t para = strcspn(start, "\n");
			lines[count++] = svg_cut(start, para, font.bold, avail);
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

