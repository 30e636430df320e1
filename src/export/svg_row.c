/* The parts of a row of the SVG picture: phase bands, cards, pains and ideas cells, the lanes and the emotion curve. */
#include <string.h>

#include "analysis/vote_summary.h"
#include "export/svg_internal.h"
#include "render/text.h"

/*
 * What is clipped, so that a row has a bounded height, is set by the page's
 * level (svg->caps, svg_layout.c): the lines of a phase's name and
 * description (on the phase's first row only), of a touchpoint's name,
 * channel and owner, action and quotes, and of a pains or ideas cell and each
 * item in it; when not all items fit, the cell's last line says "… N more"
 * (N items not shown; one cut short counts as shown). A cut line ends in "…".
 * Satisfaction and impact take one line, which their width always fits.
 * Every part function measures when OUT is NULL.
 */
#define MAX_LINES SVG_MAX_LINES

/* svg_text_wrap, counting in svg->cuts a text cut short (the layout weighs levels by it). */
static size_t p_wrap(cjm_svg *svg, const char *text, double width, svg_font font, size_t max, svg_line *lines)
{
	size_t n = svg_text_wrap(text, width, font, max, lines);
	if (n && lines[n - 1].cut)
		svg->cuts++;
	else if (max == 0 && text && *text)
		svg->cuts++;
	return n;
}

double svg_part_band(cjm_svg *svg, size_t phase, size_t at, size_t span, bool continued, double y, double h,
		     strbuf *out)
{
	const svg_metrics *m = &svg->m;
	const cjm_phase *ph = svg->map->phases[phase];
	double x = svg_col_x(svg, at), w = (double)span * m->card_w + (double)(span - 1) * m->col_gap;
	double iw = w - 2 * m->pad;
	svg_line names[MAX_LINES], descs[MAX_LINES];
	const char *name = ph->name;
	if (continued) {
		strbuf_reset(&svg->scratch);
		strbuf_puts(&svg->scratch, ph->name);
		strbuf_putc(&svg->scratch, ' ');
		strbuf_puts(&svg->scratch, LC_(svg->map->language, "export", "(continued)"));
		name = svg->scratch.data;
	}
	size_t n = p_wrap(svg, name, iw, m->band, svg->caps->band_name, names);
	size_t d = continued ? 0 : p_wrap(svg, ph->description, iw, m->band_desc, svg->caps->band_desc, descs);
	double need = 2 * m->pad + (double)(n ? n : 1) * svg_lh(m, m->band) +
		      (d ? 0.3 * m->scale + (double)d * svg_lh(m, m->band_desc) : 0);
	if (out) {
		static const char *const bands[6] = { "b0", "b1", "b2", "b3", "b4", "b5" };
		svg_rect(out, bands[phase % 6], x, y, w, h, 1.5 * m->scale);
		double yy = y + m->pad;
		yy += svg_lines(svg, out, "bn", m->band, x + m->pad, yy, names, n, NULL);
		svg_lines(svg, out, "bd", m->band_desc, x + m->pad, yy + 0.3 * m->scale, descs, d, NULL);
	}
	return need;
}

/* Composes "A · B" of the non-NULL ones into SCRATCH; false when both are NULL. */
static bool p_join(strbuf *scratch, const char *a, const char *b)
{
	strbuf_reset(scratch);
	if (a && *a)
		strbuf_puts(scratch, a);
	if (b && *b) {
		if (scratch->len)
			strbuf_puts(scratch, SEP);
		strbuf_puts(scratch, b);
	}
	return scratch->len > 0;
}

double svg_part_card(cjm_svg *svg, const svg_column *col, double x, double y, double h, strbuf *out)
{
	const svg_metrics *m = &svg->m;
	double s = m->scale, w = m->card_w, iw = w - 2 * m->pad;
	svg_line lines[MAX_LINES];
	if (col->flat == SVG_NONE) {
		size_t n = svg_text_wrap(LC_(svg->map->language, "export", "No touchpoints yet"), iw, m->meta, 2, lines);
		double need = 2 * m->pad + (double)n * svg_lh(m, m->meta);
		if (out) {
			svg_rect(out, "ce", x, y, w, h, 1.2 * s);
			svg_lines(svg, out, "cm", m->meta, x + w / 2, y + m->pad, lines, n, "m");
		}
		return need;
	}
	const cjm_touchpoint *tp = svg->fig->tps[col->flat].tp;
	double stripe = 1.3 * s;
	if (out) {
		/* the card is a group whose title is the whole name: a tooltip, and what a screen reader says */
		strbuf_puts(out, "<g><title>");
		svg_put_text(out, tp->name, strlen(tp->name), false);
		strbuf_puts(out, "</title>\n");
		svg_rect(out, cjm_touchpoint_is_visible(tp) ? "cd" : "cx", x, y, w, h, 1.2 * s);
		svg_rect(out, tp->has_emotion ? svg_emotion_class[tp->emotion + 3] : "eu", x + 0.4 * s, y + 0.4 * s,
		       w - 0.8 * s, stripe - 0.4 * s, 0);
	}
	const svg_caps *caps = svg->caps;
	const char *lang = svg->map->language;
	double yy = y + stripe + m->pad * 0.8;
	size_t n = p_wrap(svg, tp->name, iw, m->name, caps->name, lines);
	yy += svg_lines(svg, out, "cn", m->name, x + m->pad, yy, lines, n, NULL);
	if (p_join(&svg->scratch, tp->channel, tp->owner)) {
		yy += 0.6 * s;
		n = p_wrap(svg, svg->scratch.data, iw, m->meta, caps->meta, lines);
		yy += svg_lines(svg, out, "cm", m->meta, x + m->pad, yy, lines, n, NULL);
	}
	if (tp->has_satisfaction || tp->has_impact) {
		strbuf_reset(&svg->scratch);
		if (tp->has_satisfaction) {
			strbuf_puts(&svg->scratch, LC_(lang, "export", "CSAT"));
			strbuf_putc(&svg->scratch, ' ');
			cjm_export_number(&svg->scratch, tp->satisfaction, lang);
		}
		if (tp->has_impact) {
			if (tp->has_satisfaction)
				strbuf_puts(&svg->scratch, SEP);
			strbuf_puts(&svg->scratch, LC_(lang, "export card", "impact"));
			strbuf_putc(&svg->scratch, ' ');
			cjm_export_number(&svg->scratch, tp->impact, lang);
		}
		/* two lines when a very long number needs them: never cut */
		n = p_wrap(svg, svg->scratch.data, iw, m->meta, 2, lines);
		yy += svg_lines(svg, out, "cm", m->meta, x + m->pad, yy, lines, n, NULL);
	}
	cjm_quadrant q = svg->fig->quadrant ? svg->fig->quadrant[col->flat] : CJM_QUADRANT_NONE;
	if (q != CJM_QUADRANT_NONE) {
		n = p_wrap(svg, cjm_export_quadrant_action(q, lang), iw, m->action, caps->action, lines);
		yy += 0.4 * s;
		yy += svg_lines(svg, out, "qa", m->action, x + m->pad, yy, lines, n, NULL);
	}
	bool flags[SVG_FLAG_COUNT] = { tp->moment_of_truth == CJM_TRUE, tp->brand_moment == CJM_TRUE,
				   tp->commitment == CJM_TRUE, !cjm_touchpoint_is_visible(tp) };
	double px = x + m->pad, pill_gap = 1.0 * s;
	bool any = false;
	for (int f = 0; f < SVG_FLAG_COUNT; f++) {
		if (!flags[f])
			continue;
		double pw = svg_pill_w(svg, f);
		if (!any) {
			yy += 1.2 * s;
		} else if (px + pw > x + w - m->pad) {
			px = x + m->pad;
			yy += svg_pill_h(svg) + pill_gap;
		}
		if (out)
			svg_pill(svg, out, f, px, yy);
		px += pw + pill_gap;
		any = true;
	}
	if (any)
		yy += svg_pill_h(svg);
	/* the first quotes, in the customer's words: italic, in the language's quotation marks */
	size_t quotes = tp->quotes.len < 2 ? tp->quotes.len : 2;
	if (quotes > caps->quotes)
		svg->cuts += quotes - caps->quotes;
	for (size_t i = 0; i < tp->quotes.len && i < caps->quotes; i++) {
		strbuf_reset(&svg->scratch);
		/* TRANSLATORS: a customer's quote on the wall map, %s the quote:
		 * the quotation marks of your language. */
		strbuf_printf(&svg->scratch, LC_(lang, "export", "\xE2\x80\x9C%s\xE2\x80\x9D"), tp->quotes.items[i]);
		n = p_wrap(svg, svg->scratch.data, iw, m->quote, caps->quote_lines, lines);
		yy += 1.0 * s;
		yy += svg_lines(svg, out, "qt", m->quote, x + m->pad, yy, lines, n, NULL);
	}
	if (svg->cmp)
		yy += svg_compare_card_line(svg, col, x, yy, out);
	if (out)
		strbuf_puts(out, "</g>\n");
	return yy + m->pad - y;
}

double svg_part_cell(cjm_svg *svg, const cjm_strlist *list, bool pains, double x, double y, double h,
		     strbuf *out)
{
	const svg_metrics *m = &svg->m;
	double s = m->scale, lh = svg_lh(m, m->item), item_gap = 0.9 * s, indent = 2.4 * s;
	double iw = m->card_w - 2 * m->pad - indent;
	if (list->len == 0)
		return 2 * m->pad + lh;
	const size_t cell_lines = svg->caps->cell, item_lines = svg->caps->item;
	/* wrap items until the cell is full; at most cell_lines + 1 of them are looked at */
	svg_line lines[MAX_LINES + 1][MAX_LINES];
	size_t counts[MAX_LINES + 1];
	size_t k = 0, used = 0;
	while (k < list->len && k <= cell_lines && used <= cell_lines) {
		counts[k] = p_wrap(svg, list->items[k], iw, m->item, item_lines, lines[k]);
		if (counts[k] == 0) { /* a blank item still takes a line */
			lines[k][0] = (svg_line){ "", 0, false };
			counts[k] = 1;
		}
		used += counts[k++];
	}
	size_t shown = k, more = 0;
	if (k < list->len || used > cell_lines) {
		size_t u = 0;
		shown = 0;
		while (shown < k && u + counts[shown] <= cell_lines - 1)
			u += counts[shown++];
		/* the next item, cut short, when two lines or more are left for it (and
		 * for "… N more" unless it is the last) */
		size_t left = cell_lines - u - (shown + 1 < list->len ? 1 : 0);
		if (left > item_lines)
			left = item_lines;
		if (shown < k && left >= 2) {
			counts[shown] = p_wrap(svg, list->items[shown], iw, m->item, left, lines[shown]);
			shown++;
		}
		more = list->len - shown;
		svg->cuts += more;
	}
	double need = 2 * m->pad;
	for (size_t i = 0; i < shown; i++)
		need += (double)counts[i] * lh + (i ? item_gap : 0);
	if (more)
		need += item_gap + svg_lh(m, m->more);
	if (!out)
		return need;
	svg_rect(out, pains ? "cp" : "ci", x, y, m->card_w, h, 1.2 * s);
	/* the bullets: one path of dots (zero-length segments with round caps) */
	double yy = y + m->pad;
	strbuf_puts(out, "<path d=\"");
	for (size_t i = 0; i < shown; i++) {
		strbuf_putc(out, 'M');
		svg_num(out, x + m->pad + indent * 0.35);
		strbuf_putc(out, ' ');
		svg_num(out, yy + lh / 2);
		strbuf_puts(out, "h0");
		yy += (double)counts[i] * lh + item_gap;
	}
	strbuf_puts(out, pains ? "\" class=\"dp\"/>\n" : "\" class=\"di\"/>\n");
	yy = y + m->pad;
	for (size_t i = 0; i < shown; i++) {
		if (i)
			yy += item_gap;
		yy += svg_lines(svg, out, "li", m->item, x + m->pad + indent, yy, lines[i], counts[i], NULL);
	}
	if (more) {
		strbuf text = { 0 };
		strbuf_puts(&text, "\xE2\x80\xA6 ");
		/* TRANSLATORS: under a list cut short: how many items are not shown. */
		strbuf_printf(&text, LC_(svg->map->language, "export", "%zu more"), more);
		svg_text_line(out, "lm", x + m->pad + indent, svg_base(svg, yy + item_gap, m->more), text.data, text.len, false,
		       NULL);
		strbuf_release(&text);
	}
	return need;
}

/* The y of emotion E in the emotion lane that starts at TOP. */
double svg_emotion_y(const cjm_svg *svg, double top, int e)
{
	return top + SVG_EMOTION_PAD * svg->m.scale + (double)(3 - e) * svg->m.emotion_step;
}

/* The curve of ROW: a solid segment between neighbouring scored touchpoints, a
 * dashed one across touchpoints that are not scored. */
static void p_curve(cjm_svg *svg, const svg_row *row, double top, strbuf *out)
{
	const svg_metrics *m = &svg->m;
	strbuf solid = { 0 }, dashed = { 0 };
	bool have = false, gap = false;
	double px = 0, py = 0;
	for (size_t i = 0; i < row->count; i++) {
		const svg_column *col = &svg->cols[row->first + i];
		const cjm_touchpoint *tp = col->flat == SVG_NONE ? NULL : svg->fig->tps[col->flat].tp;
		if (!tp || !tp->has_emotion) {
			gap = gap || have;
			continue;
		}
		double x = svg_col_x(svg, i) + m->card_w / 2, y = svg_emotion_y(svg, top, tp->emotion);
		if (have) {
			strbuf *path = gap ? &dashed : &solid;
			strbuf_putc(path, 'M');
			svg_num(path, px);
			strbuf_putc(path, ' ');
			svg_num(path, py);
			strbuf_putc(path, 'L');
			svg_num(path, x);
			strbuf_putc(path, ' ');
			svg_num(path, y);
		}
		have = true;
		gap = false;
		px = x;
		py = y;
	}
	if (dashed.len) {
		strbuf_puts(out, "<path d=\"");
		strbuf_add(out, dashed.data, dashed.len);
		strbuf_puts(out, "\" class=\"cg\"/>\n");
	}
	if (solid.len) {
		strbuf_puts(out, "<path d=\"");
		strbuf_add(out, solid.data, solid.len);
		strbuf_puts(out, "\" class=\"cv\"/>\n");
	}
	strbuf_release(&solid);
	strbuf_release(&dashed);
}

/* The spread marks of ROW's votes (cjm-export(1)): at each touchpoint whose room gave
 * scores, a bar from the lowest score to the highest, behind the curve and its
 * points; the vote's sentence is its tooltip. */
static void p_spreads(cjm_svg *svg, const svg_row *row, double top, strbuf *out)
{
	const svg_metrics *m = &svg->m;
	for (size_t i = 0; i < row->count; i++) {
		const svg_column *col = &svg->cols[row->first + i];
		cjm_vote_summary vote;
		if (col->flat == SVG_NONE || !cjm_vote_summary_of(svg->fig->tps[col->flat].tp, &vote) ||
		    !vote.has_scores)
			continue;
		strbuf_reset(&svg->scratch);
		cjm_vote_summary_sentence(&svg->scratch, &vote, svg->map->language);
		double x = svg_col_x(svg, i) + m->card_w / 2;
		svg_spread(out, x, svg_emotion_y(svg, top, vote.min), svg_emotion_y(svg, top, vote.max), 1.1 * m->scale,
			   vote.divided, svg->scratch.data);
	}
}

/* The emotion of the scored touchpoint nearest the end (LAST) or the start of ROW, in *E; false when none. */
static bool p_edge_emotion(const cjm_svg *svg, const svg_row *row, bool last, int *e)
{
	for (size_t i = 0; i < row->count; i++) {
		const svg_column *col = &svg->cols[row->first + (last ? row->count - 1 - i : i)];
		const cjm_touchpoint *tp = col->flat == SVG_NONE ? NULL : svg->fig->tps[col->flat].tp;
		if (tp && tp->has_emotion) {
			*e = tp->emotion;
			return true;
		}
	}
	return false;
}

/*
 * Where the journey goes on from ROW to the next row, or comes from the one
 * before: the curve runs on, dashed, to the edge of the lane towards the
 * other row's nearest point, ending in an arrow; on another sheet, the edge
 * also says which ("→ sheet 2" at the end, "← sheet 1" at the start).
 */
static void p_continuation(cjm_svg *svg, const svg_row *row, double top, double x0, double x1, strbuf *out)
{
	const svg_metrics *m = &svg->m;
	size_t r = (size_t)(row - svg->rows);
	const char *lang = svg->map->language;
	double s = m->scale, ly = top + m->cont.size * 1.05;
	for (int side = 0; side < 2; side++) { /* 0: from the row before, 1: to the next */
		if (side == 0 ? r == 0 : r + 1 >= svg->row_count)
			continue;
		const svg_row *other = &svg->rows[side == 0 ? r - 1 : r + 1];
		int here_e, there_e;
		bool here = p_edge_emotion(svg, row, side == 1, &here_e);
		bool there = p_edge_emotion(svg, other, side == 0, &there_e);
		if (here) {
			/* from this row's outermost point to the edge, halfway to the other's */
			size_t i = 0;
			for (size_t k = 0; k < row->count; k++) {
				size_t at = side == 1 ? row->count - 1 - k : k;
				const svg_column *col = &svg->cols[row->first + at];
				if (col->flat != SVG_NONE && svg->fig->tps[col->flat].tp->has_emotion) {
					i = at;
					break;
				}
			}
			double px = svg_col_x(svg, i) + m->card_w / 2, py = svg_emotion_y(svg, top, here_e);
			double ex = side == 1 ? x1 : x0;
			double ey = there ? (py + svg_emotion_y(svg, top, there_e)) / 2 : py;
			svg_path_line(out, "cg", px, py, ex, ey);
			if (side == 1) {
				double a = 1.4 * s;
				strbuf_puts(out, "<path d=\"M");
				svg_num(out, ex);
				strbuf_putc(out, ' ');
				svg_num(out, ey);
				strbuf_putc(out, 'l');
				svg_num(out, -a);
				strbuf_putc(out, ' ');
				svg_num(out, -a * 0.6);
				strbuf_puts(out, "v");
				svg_num(out, a * 1.2);
				strbuf_puts(out, "Z\" class=\"ca\"/>\n");
			}
		}
		if (other->page == row->page)
			continue;
		strbuf text = { 0 };
		/* TRANSLATORS: at the end of a row of the wall map whose journey goes on
		 * on another sheet of paper; %zu is that sheet's number. */
		strbuf_printf(&text, side == 1 ? LC_(lang, "export", "\xE2\x86\x92 sheet %zu")
					       /* TRANSLATORS: at the start of a row whose journey comes
						* from another sheet of paper; %zu is that sheet's number. */
					       : LC_(lang, "export", "\xE2\x86\x90 sheet %zu"),
			      other->page + 1);
		svg_text_line(out, "cc", side == 1 ? x1 - 1.0 * s : x0 + 1.0 * s, ly, text.data, text.len, false,
			      side == 1 ? "r" : NULL);
		strbuf_release(&text);
	}
}

void svg_part_row_frame(cjm_svg *svg, const svg_row *row, strbuf *out)
{
	const svg_metrics *m = &svg->m;
	double s = m->scale;
	double x0 = svg_col_x(svg, 0), x1 = svg_col_x(svg, row->count - 1) + m->card_w;
	double card_y = svg_row_card_y(svg, row), emo_y = svg_row_emotion_y(svg, row);
	double pains_y = svg_row_pains_y(svg, row), ideas_y = svg_row_ideas_y(svg, row);
	double bottom = svg_row_bottom(svg, row);
	/* the lane labels */
	double lx = m->margin;
	const char *lang = svg->map->language;
	svg_text_str(out, "ll", lx, svg_base(svg, row->y + m->pad, m->label), LC_(lang, "export", "Phase"), NULL);
	svg_text_str(out, "ll", lx, svg_base(svg, card_y + m->pad, m->label), LC_(lang, "export", "Touchpoint"), NULL);
	svg_text_str(out, "ll", lx, svg_base(svg, emo_y + m->pad, m->label), LC_(lang, "export", "Emotion"), NULL);
	svg_text_str(out, "ll", lx, svg_base(svg, pains_y + m->pad, m->label), LC_(lang, "export", "Pains"), NULL);
	svg_text_str(out, "ll", lx, svg_base(svg, ideas_y + m->pad, m->label), LC_(lang, "export", "Ideas"), NULL);
	/* the phase separators */
	for (size_t i = 1; i < row->count; i++) {
		if (svg->cols[row->first + i].phase == svg->cols[row->first + i - 1].phase)
			continue;
		double sx = svg_col_x(svg, i) - m->col_gap / 2;
		svg_path_line(out, "sp", sx, card_y, sx, bottom);
	}
	/* the emotion lane: background, grid, scale */
	svg_rect(out, "el", x0, emo_y, x1 - x0, m->emotion_h, 1.2 * s);
	strbuf_puts(out, "<path d=\"");
	for (int e = 3; e >= -3; e--) {
		if (e == 0)
			continue;
		strbuf_putc(out, 'M');
		svg_num(out, x0);
		strbuf_putc(out, ' ');
		svg_num(out, svg_emotion_y(svg, emo_y, e));
		strbuf_putc(out, 'H');
		svg_num(out, x1);
	}
	strbuf_puts(out, "\" class=\"eg\"/>\n");
	svg_path_line(out, "ez", x0, svg_emotion_y(svg, emo_y, 0), x1, svg_emotion_y(svg, emo_y, 0));
	for (int e = 3; e >= -3; e -= 3) { /* +3, 0 and −3: the lines between are too close for a label each */
		char value[8];
		svg_text_line(out, "es", x0 - 1.5 * s, svg_emotion_y(svg, emo_y, e) + m->scale_f.size * 0.35, value,
		       svg_emotion_str(value, e), false, "r");
	}
	if (svg->cmp)
		svg_compare_curve(svg, row, emo_y, out);
	if (svg->votes)
		p_spreads(svg, row, emo_y, out);
	p_curve(svg, row, emo_y, out);
	p_continuation(svg, row, emo_y, x0, x1, out);
	if (svg->cmp)
		svg_compare_points(svg, row, emo_y, out);
	/* the points */
	double r = 1.6 * s;
	for (size_t i = 0; i < row->count; i++) {
		const svg_column *col = &svg->cols[row->first + i];
		if (col->flat == SVG_NONE)
			continue;
		const cjm_touchpoint *tp = svg->fig->tps[col->flat].tp;
		double cx = svg_col_x(svg, i) + m->card_w / 2;
		if (!tp->has_emotion) {
			svg_unscored(out, cx, svg_emotion_y(svg, emo_y, 0), r);
			continue;
		}
		double cy = svg_emotion_y(svg, emo_y, tp->emotion);
		svg_marker(out, tp->emotion, cx, cy, r);
		/* the value above a point at or above zero, below one under it: clear of the curve */
		char value[8];
		double ly = tp->emotion >= 0 ? cy - r - 0.7 * s : cy + r + 0.7 * s + m->value.size * 0.72;
		svg_text_line(out, "ev", cx, ly, value, svg_emotion_str(value, tp->emotion), false, "m");
	}
}
