/* The first page's header of the SVG picture (title, persona, brand values, figures, legend) and the page footer. */
#include <math.h>
#include <string.h>

#include "export/svg_internal.h"

/* What is clipped: the title 2 lines, the persona's name 1, description 3, brand values 2. */
#define TITLE_LINES 2
#define PERSONA_LINES 3
#define BRAND_LINES 2
#define MAX_LINES 4 /* the most any one wrap here asks for */

/* One chip of the figures: LABEL, VALUE, and a line under it (SUB). */
struct p_chip {
	const char *label;
	strbuf value;
	const char *sub;
	bool has_value;
	int tone; /* emotion whose colour marks the chip */
};

/* A chip's line below the value takes at most this many lines (a long name of
 * the peak's touchpoint); the chips are as high as the one with the most. */
#define CHIP_SUB_LINES 2

/* The lines of CHIP's text below its value in W mm; returns their number. */
static size_t p_chip_sub(const cjm_svg *svg, const struct p_chip *chip, double w, svg_line *lines)
{
	const svg_metrics *m = &svg->m;
	return chip->sub ? svg_text_wrap(chip->sub, w - 4.0 * m->scale, m->chip_label, CHIP_SUB_LINES, lines) : 0;
}

static void p_chip_draw(cjm_svg *svg, strbuf *out, const struct p_chip *chip, double x, double y, double w,
			double h)
{
	const svg_metrics *m = &svg->m;
	double s = m->scale;
	svg_rect(out, "ch", x, y, w, h, 1.2 * s);
	svg_rect(out, chip->has_value ? svg_emotion_class[chip->tone + 3] : "eu", x, y, 1.2 * s, h, 0);
	double tx = x + 3.0 * s;
	svg_text_str(out, "fk", tx, y + 2.0 * s + m->chip_label.size * 0.7, chip->label, NULL);
	svg_text_line(out, chip->has_value ? "fv" : "fv gx", tx, y + 3.2 * s + m->chip_label.size + m->chip.size * 0.72,
	       chip->value.data, chip->value.len, false, NULL);
	svg_line lines[CHIP_SUB_LINES];
	size_t n = p_chip_sub(svg, chip, w, lines);
	double lh = svg_lh(m, m->chip_label);
	for (size_t i = 0; i < n; i++)
		svg_text_line(out, "fs", tx, y + 14.0 * s - 1.8 * s + (double)i * lh, lines[i].s, lines[i].len,
			      lines[i].cut, NULL);
}

/* Fills the four figure chips of the header (their values are released by the caller). */
static void p_chips_fill(const cjm_svg *svg, struct p_chip chips[4])
{
	const cjm_figures *fig = svg->fig;
	const char *lang = svg->map->language;
	chips[0] = (struct p_chip){ .label = LC_(lang, "export", "Mean emotion") };
	chips[1] = (struct p_chip){ .label = LC_(lang, "export", "Peak") };
	chips[2] = (struct p_chip){ .label = LC_(lang, "export", "End") };
	chips[3] = (struct p_chip){ .label = LC_(lang, "export", "Peak-end score") };
	for (int i = 0; i < 4; i++)
		chips[i].has_value = fig->has_peak;
	if (fig->has_peak) {
		cjm_export_signed(&chips[0].value, fig->emotion.mean, 2, lang);
		chips[0].tone = (int)lround(fig->emotion.mean);
		chips[0].sub = LC_(lang, "export", "over scored touchpoints");
		svg_put_emotion(&chips[1].value, fig->peak);
		chips[1].tone = fig->peak;
		chips[1].sub = fig->tps[fig->peak_at].tp->name;
		svg_put_emotion(&chips[2].value, fig->end);
		chips[2].tone = fig->end;
		chips[2].sub = fig->tps[fig->end_at].tp->name;
		cjm_export_signed(&chips[3].value, fig->peak_end, 1, lang);
		chips[3].tone = (int)lround(fig->peak_end);
		chips[3].sub = LC_(lang, "export", "(peak + end) / 2");
	} else {
		for (int i = 0; i < 4; i++) {
			strbuf_puts(&chips[i].value, "\xE2\x80\x93");
			chips[i].sub = LC_(lang, "export", "nothing scored yet");
		}
	}
}

/* The width of a figure chip: as wide as its longest label or line below the
 * value (the name of the peak's touchpoint, say) needs on one line, so that it
 * is not cut while the title beside has room; at least CHIP_MIN and at most
 * CHIP_MAX mm (at A3): a longer name takes a second line (CHIP_SUB_LINES). */
#define CHIP_MIN 31.0
#define CHIP_MAX 42.0
#define CHIPS_SHARE 0.42
static double p_chip_width(const cjm_svg *svg)
{
	const svg_metrics *m = &svg->m;
	double s = m->scale, w = CHIP_MIN * s;
	struct p_chip chips[4];
	p_chips_fill(svg, chips);
	for (int i = 0; i < 4; i++) {
		double label = svg_text_width(chips[i].label, strlen(chips[i].label), m->chip_label);
		double sub = chips[i].sub ? svg_text_width(chips[i].sub, strlen(chips[i].sub), m->chip_label) : 0;
		double need = (label > sub ? label : sub) + 4.5 * s;
		if (need > w)
			w = need;
		strbuf_release(&chips[i].value);
	}
	return w < CHIP_MAX * s ? w : CHIP_MAX * s;
}

/* Draws the four figure chips at X, Y, each CHIP_W wide (measures them when OUT
 * is NULL); returns their height. */
static double p_chips(cjm_svg *svg, strbuf *out, double x, double y, double chip_w, double gap)
{
	struct p_chip chips[4];
	p_chips_fill(svg, chips);
	size_t most = 1;
	svg_line lines[CHIP_SUB_LINES];
	for (int i = 0; i < 4; i++) {
		size_t n = p_chip_sub(svg, &chips[i], chip_w, lines);
		if (n > most)
			most = n;
	}
	double h = 14.0 * svg->m.scale + (double)(most - 1) * svg_lh(&svg->m, svg->m.chip_label);
	for (int i = 0; i < 4; i++) {
		if (out)
			p_chip_draw(svg, out, &chips[i], x + (double)i * (chip_w + gap), y, chip_w, h);
		strbuf_release(&chips[i].value);
	}
	return h;
}

/* The legend, flowed left to right from X, Y within W; returns its height. */
static double p_legend(cjm_svg *svg, strbuf *out, double x0, double y0, double w)
{
	const svg_metrics *m = &svg->m;
	double s = m->scale, line_h = 5.0 * s, pad = 1.5 * s;
	double x = x0 + pad, y = y0 + pad, right = x0 + w - pad;
	double r = 1.5 * s, gap = 1.2 * s, group = 5.0 * s;
	const char *lang = svg->map->language;
	/* TRANSLATORS: the legend of a card in the SVG; CSAT is satisfaction, 0 to 10. */
	const char *cards = LC_(lang, "export",
				"Card: name, channel · owner, CSAT (0–10) · impact (0–1), the quadrant's action, quotes");
	const char *unscored = LC_(lang, "export", "not scored");
	/* TRANSLATORS: the legend of the spread mark on the wall map's curve: the bar at a
	 * touchpoint the room voted on, from its lowest score to its highest. */
	const char *spread = LC_(lang, "export", "vote of the room: lowest to highest score");
	/* TRANSLATORS: the legend of the dashed spread mark: the room disagreed. */
	const char *divided = LC_(lang, "export", "room divided");
	double mark_w = 1.4 * s; /* the spread mark's sample, before its words */
	/* the items: 0 label "Emotion", 1..7 markers, 8 not scored, 9 label "Flags", 10..13 pills, 14 cards;
	 * with votes 15 the spread mark and 16 the divided one */
	size_t lines = 1;
	int items = svg->votes ? 17 : 15;
	for (int item = 0; item < items; item++) {
		double iw;
		const char *text = NULL;
		if (item == 0)
			text = LC_(lang, "export", "Emotion");
		else if (item == 9)
			text = LC_(lang, "export", "Flags");
		if (text)
			iw = svg_text_width(text, strlen(text), (svg_font){ m->legend.size, true });
		else if (item <= 7)
			iw = 2 * r + 0.8 * s + svg_text_width("+3", 2, m->legend);
		else if (item == 8)
			iw = 2 * r + 0.8 * s + svg_text_width(unscored, strlen(unscored), m->legend);
		else if (item <= 13)
			iw = svg_pill_w(svg, item - 10);
		else if (item == 14)
			iw = svg_text_width(cards, strlen(cards), m->legend);
		else
			iw = mark_w + 0.8 * s + svg_text_width(item == 15 ? spread : divided,
							       strlen(item == 15 ? spread : divided), m->legend);
		double lead = item == 0 ? 0 : (item == 9 || item == 14 || item == 8 || item == 15) ? group : gap;
		if (x + lead + iw > right && x > x0 + pad) {
			lines++;
			x = x0 + pad;
			y += line_h;
			lead = 0;
		}
		x += lead;
		if (out) {
			double mid = y + line_h / 2, base = mid + m->legend.size * 0.35;
			if (text) {
				svg_text_str(out, "lg b", x, base, text, NULL);
			} else if (item <= 7) {
				int e = item - 4;
				svg_marker(out, e, x + r, mid, r);
				char value[8];
				svg_text_line(out, "lg", x + 2 * r + 0.8 * s, base, value, svg_emotion_str(value, e), false, NULL);
			} else if (item == 8) {
				svg_unscored(out, x + r, mid, r);
				svg_text_str(out, "lg", x + 2 * r + 0.8 * s, base, unscored, NULL);
			} else if (item <= 13) {
				svg_pill(svg, out, item - 10, x, mid - svg_pill_h(svg) / 2);
			} else if (item == 14) {
				svg_text_line(out, "lg", x, base, cards, strlen(cards), false, NULL);
			} else {
				double half = line_h * 0.32;
				svg_spread(out, x + mark_w / 2, mid + half, mid - half, mark_w / 2, item == 16, NULL);
				svg_text_str(out, "lg", x + mark_w + 0.8 * s, base, item == 15 ? spread : divided, NULL);
			}
		}
		x += iw;
	}
	return (double)lines * line_h + 2 * pad;
}

/* A label in the header's left column and its value, wrapped; returns the height. */
static double p_header_field(cjm_svg *svg, strbuf *out, const char *label, const char *value, svg_font font,
			     size_t max, double x, double vx, double right, double y)
{
	svg_line lines[MAX_LINES];
	size_t n = svg_text_wrap(value, right - vx, font, max, lines);
	if (n == 0)
		return 0;
	if (out && *label)
		svg_text_str(out, "hl", x, svg_base(svg, y, svg->m.persona), label, NULL);
	return svg_lines(svg, out, font.bold ? "pb" : "ps", font, vx, y, lines, n, NULL);
}

double svg_part_header(cjm_svg *svg, strbuf *out)
{
	const cjm_map *map = svg->map;
	const svg_metrics *m = &svg->m;
	double s = m->scale, x0 = m->margin, y0 = m->margin, full = svg_header_width(svg);
	double chip_gap = 2.5 * s, chip_w = p_chip_width(svg);
	/* the chips widen into at most CHIPS_SHARE of the header: the title and persona keep the rest */
	double most_w = (CHIPS_SHARE * full - 3 * chip_gap) / 4;
	if (chip_w > most_w)
		chip_w = most_w > CHIP_MIN * s ? most_w : CHIP_MIN * s;
	double chips_w = 4 * chip_w + 3 * chip_gap;
	double left_w = full - chips_w - 8.0 * s;
	double y = y0;
	svg_line lines[MAX_LINES];
	size_t n = svg_text_wrap(map->title, left_w, m->title, TITLE_LINES, lines);
	y += svg_lines(svg, out, "tt", m->title, x0, y, lines, n, NULL);
	y += 2.0 * s;
	const char *lang = map->language;
	const char *brand = LC_(lang, "export", "Brand values"), *persona = LC_(lang, "export", "Persona");
	double label_w = svg_text_width(brand, strlen(brand), m->label) + 3.0 * s;
	double persona_w = svg_text_width(persona, strlen(persona), m->label) + 3.0 * s;
	if (persona_w > label_w)
		label_w = persona_w;
	double vx = x0 + label_w, right = x0 + left_w;
	if (map->persona_name)
		y += p_header_field(svg, out, persona, map->persona_name, m->persona_b, 1, x0, vx, right, y);
	if (map->persona_description)
		y += p_header_field(svg, out, map->persona_name ? "" : persona, map->persona_description,
				    m->persona, PERSONA_LINES, x0, vx, right, y);
	if (map->brand_values.len > 0) {
		strbuf_reset(&svg->scratch);
		for (size_t i = 0; i < map->brand_values.len; i++) {
			if (i)
				strbuf_puts(&svg->scratch, SEP);
			strbuf_puts(&svg->scratch, map->brand_values.items[i]);
		}
		y += p_header_field(svg, out, brand, svg->scratch.data, m->persona, BRAND_LINES, x0, vx,
				    right, y);
	}
	double left_h = y - y0;
	double cx = x0 + full - chips_w;
	double right_h = p_chips(svg, out, cx, y0, chip_w, chip_gap);
	right_h += 1.2 * s;
	if (out) {
		const cjm_figures *fig = svg->fig;
		strbuf counts = { 0 };
		strbuf_printf(&counts, LN_(lang, "%zu touchpoint", "%zu touchpoints", fig->touchpoints), fig->touchpoints);
		strbuf_putc(&counts, ' ');
		/* TRANSLATORS: after "12 touchpoints" in the SVG's header. */
		strbuf_printf(&counts, LN_(lang, "in %zu phase", "in %zu phases", fig->phases), fig->phases);
		strbuf_puts(&counts, SEP);
		strbuf_printf(&counts, LC_(lang, "export", "%zu scored"), fig->scored);
		if (fig->moments_of_truth) {
			strbuf_puts(&counts, SEP);
			strbuf_printf(&counts, LN_(lang, "%zu moment of truth", "%zu moments of truth", fig->moments_of_truth),
				      fig->moments_of_truth);
		}
		svg_text_line(out, "cm", x0 + full, svg_base(svg, y0 + right_h, m->meta), counts.data, counts.len, false,
		       "r");
		strbuf_release(&counts);
	}
	right_h += svg_lh(m, m->meta);
	y = y0 + (left_h > right_h ? left_h : right_h) + 3.0 * s;
	double legend_h = p_legend(svg, NULL, x0, y, full);
	if (out) {
		svg_rect(out, "lb", x0, y, full, legend_h, 1.2 * s);
		p_legend(svg, out, x0, y, full);
	}
	y += legend_h + 4.0 * s;
	if (svg->cmp)
		y += svg_part_compare(svg, out, x0, y, full) + 6.0 * s;
	return y - y0;
}

void svg_part_footer(cjm_svg *svg, size_t page, strbuf *out)
{
	const svg_metrics *m = &svg->m;
	if (svg->pages < 2)
		return;
	double y = (double)(page + 1) * m->height - m->margin - 0.5 * m->scale;
	double half = (m->width - 2 * m->margin) / 2;
	svg_line line;
	size_t n = svg_text_wrap(svg->map->title, half, m->footer_f, 1, &line);
	if (n)
		svg_text_line(out, "ft", m->margin, y, line.s, line.len, line.cut, NULL);
	strbuf text = { 0 };
	/* TRANSLATORS: the page number and the number of pages, in the SVG's footer. */
	strbuf_printf(&text, LC_(svg->map->language, "export", "page %zu of %zu"), page + 1, svg->pages);
	svg_text_line(out, "ft", m->width - m->margin, y, text.data, text.len, false, "r");
	strbuf_release(&text);
}
