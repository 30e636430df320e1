/* Drawing primitives of the SVG picture: text lines, rectangles, paths, emotion markers, flag pills. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "export/svg_internal.h"

/* The baseline of a line of FONT whose line box starts at TOP. */
double svg_base(const cjm_svg *svg, double top, svg_font font)
{
	return top + svg_lh(&svg->m, font) / 2 + font.size * 0.35;
}

/* The opening of a <text> at X, Y in class CLS; ANCHOR is NULL, "m" (middle)
 * or "r" (end), a class of its own. */
void svg_text_open(strbuf *out, const char *cls, double x, double y, const char *anchor)
{
	strbuf_puts(out, "<text x=\"");
	svg_num(out, x);
	strbuf_puts(out, "\" y=\"");
	svg_num(out, y);
	strbuf_puts(out, "\" class=\"");
	strbuf_puts(out, cls);
	if (anchor) {
		strbuf_putc(out, ' ');
		strbuf_puts(out, anchor);
	}
	strbuf_puts(out, "\">");
}

/* <text> of one line. */
void svg_text_line(strbuf *out, const char *cls, double x, double y, const char *s, size_t len, bool cut,
		   const char *anchor)
{
	svg_text_open(out, cls, x, y, anchor);
	svg_put_text(out, s, len, cut);
	strbuf_puts(out, "</text>\n");
}

void svg_text_str(strbuf *out, const char *cls, double x, double y, const char *s, const char *anchor)
{
	svg_text_line(out, cls, x, y, s, strlen(s), false, anchor);
}

/* Draws N lines in FONT from TOP, as one <text> whose further lines are
 * <tspan>s one line height down; returns their height. */
double svg_lines(const cjm_svg *svg, strbuf *out, const char *cls, svg_font font, double x, double top,
		      const svg_line *lines, size_t n, const char *anchor)
{
	double lh = svg_lh(&svg->m, font);
	if (!out || n == 0)
		return (double)n * lh;
	svg_text_open(out, cls, x, svg_base(svg, top, font), anchor);
	for (size_t i = 0; i < n; i++) {
		if (i) {
			strbuf_puts(out, "<tspan x=\"");
			svg_num(out, x);
			strbuf_puts(out, "\" dy=\"");
			svg_num(out, lh);
			strbuf_puts(out, "\">");
		}
		svg_put_text(out, lines[i].s, lines[i].len, lines[i].cut);
		if (i)
			strbuf_puts(out, "</tspan>");
	}
	strbuf_puts(out, "</text>\n");
	return (double)n * lh;
}

void svg_rect(strbuf *out, const char *cls, double x, double y, double w, double h, double rx)
{
	strbuf_puts(out, "<rect x=\"");
	svg_num(out, x);
	strbuf_puts(out, "\" y=\"");
	svg_num(out, y);
	strbuf_puts(out, "\" width=\"");
	svg_num(out, w);
	strbuf_puts(out, "\" height=\"");
	svg_num(out, h);
	if (rx > 0) {
		strbuf_puts(out, "\" rx=\"");
		svg_num(out, rx);
	}
	strbuf_puts(out, "\" class=\"");
	strbuf_puts(out, cls);
	strbuf_puts(out, "\"/>\n");
}

void svg_path_line(strbuf *out, const char *cls, double x1, double y1, double x2, double y2)
{
	strbuf_puts(out, "<path d=\"M");
	svg_num(out, x1);
	strbuf_putc(out, ' ');
	svg_num(out, y1);
	strbuf_puts(out, "L");
	svg_num(out, x2);
	strbuf_putc(out, ' ');
	svg_num(out, y2);
	strbuf_puts(out, "\" class=\"");
	strbuf_puts(out, cls);
	strbuf_puts(out, "\"/>\n");
}

const char *const svg_emotion_class[7] = { "e0", "e1", "e2", "e3", "e4", "e5", "e6" };

/* The marker of emotion E at CX, CY, radius R: a triangle up for positive, down
 * for negative, a circle for 0, so the sign reads without colour. */
void svg_marker(strbuf *out, int e, double cx, double cy, double r)
{
	if (e == 0) {
		strbuf_puts(out, "<circle cx=\"");
		svg_num(out, cx);
		strbuf_puts(out, "\" cy=\"");
		svg_num(out, cy);
		strbuf_puts(out, "\" r=\"");
		svg_num(out, r * 0.8);
		strbuf_puts(out, "\" class=\"mk e3\"/>\n");
		return;
	}
	double dir = e > 0 ? -1 : 1; /* the apex: up for positive */
	strbuf_puts(out, "<path d=\"M");
	svg_num(out, cx);
	strbuf_putc(out, ' ');
	svg_num(out, cy + dir * r);
	strbuf_putc(out, 'L');
	svg_num(out, cx + r);
	strbuf_putc(out, ' ');
	svg_num(out, cy - dir * r * 0.72);
	strbuf_putc(out, 'L');
	svg_num(out, cx - r);
	strbuf_putc(out, ' ');
	svg_num(out, cy - dir * r * 0.72);
	strbuf_puts(out, "Z\" class=\"mk ");
	strbuf_puts(out, svg_emotion_class[e + 3]);
	strbuf_puts(out, "\"/>\n");
}

/* The spread mark of a vote: one path, the bar from the highest score's y down to
 * the lowest's, then a cap across each end. */
void svg_spread(strbuf *out, double x, double y_low, double y_high, double half, bool divided, const char *title)
{
	if (title) {
		strbuf_puts(out, "<g><title>");
		svg_put_text(out, title, strlen(title), false);
		strbuf_puts(out, "</title>");
	}
	strbuf_puts(out, "<path d=\"M");
	svg_num(out, x);
	strbuf_putc(out, ' ');
	svg_num(out, y_high);
	strbuf_putc(out, 'V');
	svg_num(out, y_low);
	for (int end = 0; end < 2; end++) {
		strbuf_putc(out, 'M');
		svg_num(out, x - half);
		strbuf_putc(out, ' ');
		svg_num(out, end ? y_low : y_high);
		strbuf_putc(out, 'H');
		svg_num(out, x + half);
	}
	strbuf_puts(out, divided ? "\" class=\"vs vd\"/>" : "\" class=\"vs\"/>");
	strbuf_puts(out, title ? "</g>\n" : "\n");
}

/* The marker of a touchpoint that is not scored: a hollow dashed circle. */
void svg_unscored(strbuf *out, double cx, double cy, double r)
{
	strbuf_puts(out, "<circle cx=\"");
	svg_num(out, cx);
	strbuf_puts(out, "\" cy=\"");
	svg_num(out, cy);
	strbuf_puts(out, "\" r=\"");
	svg_num(out, r * 0.75);
	strbuf_puts(out, "\" class=\"mu\"/>\n");
}

/* Writes the emotion E with a typographic sign into BUF (8 bytes); returns its length. */
size_t svg_emotion_str(char *buf, int e)
{
	size_t n = 0;
	if (e > 0) {
		buf[n++] = '+';
	} else if (e < 0) {
		memcpy(buf, "\xE2\x88\x92", 3);
		n = 3;
	}
	buf[n++] = (char)('0' + (e < 0 ? -e : e));
	buf[n] = '\0';
	return n;
}

/* ---- the flags' pills ---- */

/* The pill of FLAG's words in LANG. */
static const char *svg_flag_label(int flag, const char *lang)
{
	switch (flag) {
	case 0: return LC_(lang, "export", "Moment of truth");
	case 1: return LC_(lang, "export", "Brand moment");
	case 2: return LC_(lang, "export", "Commitment");
	default: return LC_(lang, "export", "Not visible");
	}
}
static const char *const svg_flag_rect[SVG_FLAG_COUNT] = { "qm", "qb", "qc", "qv" };
static const char *const svg_flag_text[SVG_FLAG_COUNT] = { "fl tm", "fl tb", "fl tc", "fl tv" };

double svg_pill_h(const cjm_svg *svg)
{
	return 3.7 * svg->m.scale;
}

double svg_pill_w(const cjm_svg *svg, int flag)
{
	const char *label = svg_flag_label(flag, svg->map->language);
	return svg_text_width(label, strlen(label), svg->m.flag) + 2.6 * svg->m.scale;
}

void svg_pill(const cjm_svg *svg, strbuf *out, int flag, double x, double y)
{
	double h = svg_pill_h(svg);
	svg_rect(out, svg_flag_rect[flag], x, y, svg_pill_w(svg, flag), h, h / 2);
	svg_text_str(out, svg_flag_text[flag], x + 1.3 * svg->m.scale, y + h / 2 + svg->m.flag.size * 0.36,
		   svg_flag_label(flag, svg->map->language), NULL);
}
