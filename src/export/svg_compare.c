/* The comparison in the SVG picture (--compare): the other map's curve, the figures of both, each touchpoint's difference. */
#include <string.h>

#include "export/svg_internal.h"

/*
 * With a comparison, the picture adds (and otherwise stays byte for byte the same):
 *   - under the legend, a box with the two maps side by side, each with a
 *     sample of its line, its name and its figures; then how many touchpoints
 *     matched and the touchpoints only in the other map (at most two lines);
 *   - in the emotion lane, the other map's curve, dashed, with hollow markers,
 *     under this map's, in the column of the touchpoint with the same id;
 *   - on each card a line with the difference ("Δ +2": the other's emotion
 *     minus this one's), or that the touchpoint is only in this map.
 */

#define ONLY_THERE_LINES 2

/* The CSS the comparison adds. */
void svg_compare_css(const cjm_svg *svg, strbuf *out)
{
	(void)svg;
	strbuf_puts(out, ".cjm .co{fill:none;stroke:#2f6fb0;stroke-width:0.45;stroke-dasharray:1.6 0.9;"
			 "stroke-linejoin:round}\n"
			 ".cjm .mo{fill:#fff;stroke:#2f6fb0;stroke-width:0.4}\n"
			 ".cjm .cs{fill:none;stroke:#3e4c59;stroke-width:0.5}\n"
			 ".cjm .cb{fill:#f8f9fb;stroke:#c3cad3;stroke-width:0.25}\n"
			 ".cjm .du{fill:#1d7a46}\n.cjm .dd{fill:#b42318}\n.cjm .dz{fill:#52606d}\n");
}

/* Appends FIG in one line in LANG: "5 touchpoints · 4 scored · mean −1,25 · peak −3 · end −1 · peak-end score −2,0". */
static void compare_figures_text(strbuf *out, const cjm_figures *fig, const char *lang)
{
	strbuf_printf(out, LN_(lang, "%zu touchpoint", "%zu touchpoints", fig->touchpoints), fig->touchpoints);
	strbuf_puts(out, SEP);
	if (!fig->has_peak) {
		strbuf_puts(out, LC_(lang, "export", "nothing scored yet"));
		return;
	}
	strbuf_printf(out, LC_(lang, "export", "%zu scored"), fig->scored);
	strbuf_printf(out, SEP "%s ", LC_(lang, "export count", "mean"));
	cjm_export_signed(out, fig->emotion.mean, 2, lang);
	strbuf_printf(out, SEP "%s ", LC_(lang, "export count", "peak"));
	svg_put_emotion(out, fig->peak);
	strbuf_printf(out, SEP "%s ", LC_(lang, "export count", "end"));
	svg_put_emotion(out, fig->end);
	strbuf_printf(out, SEP "%s ", LC_(lang, "export count", "peak-end score"));
	cjm_export_signed(out, fig->peak_end, 1, lang);
}

/* One map's half of the box at X, Y, W wide: its line's sample, name and
 * figures (on two lines when one does not hold them); draws when OUT is set,
 * and returns its number of lines. */
static size_t compare_side(cjm_svg *svg, strbuf *out, bool other, double x, double y, double w, double line_h)
{
	const svg_metrics *m = &svg->m;
	double s = m->scale, sample = 7.0 * s;
	const char *lang = svg->map->language;
	const char *name = other ? svg->there_name : svg->here_name;
	double mid = y + line_h / 2, base = mid + m->legend.size * 0.35;
	if (out) {
		svg_path_line(out, other ? "co" : "cs", x, mid, x + sample, mid);
		if (other) {
			strbuf_puts(out, "<circle cx=\"");
			svg_num(out, x + sample / 2);
			strbuf_puts(out, "\" cy=\"");
			svg_num(out, mid);
			strbuf_puts(out, "\" r=\"");
			svg_num(out, 1.2 * s);
			strbuf_puts(out, "\" class=\"mo\"/>\n");
		} else {
			svg_marker(out, 0, x + sample / 2, mid, 1.2 * s);
		}
	}
	svg_line lines[2];
	double tx = x + sample + 1.5 * s;
	if (out && svg_text_wrap(name ? name : "", w - (tx - x), (svg_font){ m->legend.size, true }, 1, lines))
		svg_text_line(out, "lg b", tx, base, lines[0].s, lines[0].len, lines[0].cut, NULL);
	strbuf text = { 0 };
	compare_figures_text(&text, other ? cjm_compare_there_figures(svg->cmp) : cjm_compare_here_figures(svg->cmp),
			     lang);
	size_t n = svg_text_wrap(text.data, w - (tx - x), m->legend, 2, lines);
	for (size_t i = 0; out && i < n; i++)
		svg_text_line(out, "lg", tx, base + (double)(i + 1) * line_h, lines[i].s, lines[i].len, lines[i].cut, NULL);
	strbuf_release(&text);
	return 1 + (n ? n : 1);
}

double svg_part_compare(cjm_svg *svg, strbuf *out, double x0, double y0, double w)
{
	const svg_metrics *m = &svg->m;
	const cjm_compare *cmp = svg->cmp;
	const char *lang = svg->map->language;
	double s = m->scale, line_h = 5.0 * s, pad = 2.0 * s, iw = w - 2 * pad;
	/* the touchpoints only in the other map, as one text to wrap */
	strbuf only = { 0 };
	if (cmp->only_there) {
		/* TRANSLATORS: heads the list of touchpoints only in the other map, in the SVG; %s is its file name. */
		strbuf_printf(&only, LC_(lang, "export", "Only in %s:"), svg->there_name ? svg->there_name : "");
		const char *sep = " ";
		for (size_t i = 0; i < cmp->row_count; i++) {
			const cjm_compare_row *row = &cmp->rows[i];
			if (row->side != CJM_COMPARE_ONLY_THERE)
				continue;
			strbuf_puts(&only, sep);
			strbuf_puts(&only, row->there->name);
			if (row->there->has_emotion) {
				strbuf_puts(&only, " (");
				svg_put_emotion(&only, row->there->emotion);
				strbuf_putc(&only, ')');
			}
			sep = SEP;
		}
	}
	svg_line lines[ONLY_THERE_LINES];
	size_t n = only.len ? svg_text_wrap(only.data, iw, m->legend, ONLY_THERE_LINES, lines) : 0;
	strbuf text = { 0 };
	/* TRANSLATORS: a line of the comparison in the SVG; the last %s is the other map's file name. */
	strbuf_printf(&text, LC_(lang, "export", "%zu matched by id, %zu with another emotion; %zu only here, %zu only in %s"),
		      cmp->matched, cmp->changed, cmp->only_here, cmp->only_there, svg->there_name ? svg->there_name : "");
	svg_line matched[2];
	size_t k = svg_text_wrap(text.data, iw, m->legend, 2, matched);
	double half = (iw - 4.0 * s) / 2;
	size_t here = compare_side(svg, NULL, false, x0 + pad, y0 + pad, half, line_h);
	size_t there = compare_side(svg, NULL, true, x0 + pad + half + 4.0 * s, y0 + pad, half, line_h);
	size_t sides = here > there ? here : there;
	double h = 2 * pad + (double)(sides + k + n) * line_h;
	if (out) {
		svg_rect(out, "cb", x0, y0, w, h, 1.2 * s);
		compare_side(svg, out, false, x0 + pad, y0 + pad, half, line_h);
		compare_side(svg, out, true, x0 + pad + half + 4.0 * s, y0 + pad, half, line_h);
		double base = y0 + pad + (double)sides * line_h + line_h / 2 + m->legend.size * 0.35;
		for (size_t i = 0; i < k; i++)
			svg_text_line(out, "lg", x0 + pad, base + (double)i * line_h, matched[i].s, matched[i].len,
				      matched[i].cut, NULL);
		for (size_t i = 0; i < n; i++)
			svg_text_line(out, "lg", x0 + pad, base + (double)(i + k) * line_h, lines[i].s, lines[i].len,
				      lines[i].cut, NULL);
	}
	strbuf_release(&text);
	strbuf_release(&only);
	return h;
}

/* The other map's emotion at COL into *E; false when it has none there. */
static bool compare_other_emotion(const cjm_svg *svg, const svg_column *col, int *e)
{
	if (col->flat == SVG_NONE)
		return false;
	const cjm_compare_row *row = cjm_compare_row_of(svg->cmp, col->flat);
	if (!row || !row->there || !row->there->has_emotion)
		return false;
	*e = row->there->emotion;
	return true;
}

void svg_compare_curve(cjm_svg *svg, const svg_row *row, double top, strbuf *out)
{
	const svg_metrics *m = &svg->m;
	strbuf path = { 0 };
	bool have = false;
	for (size_t i = 0; i < row->count; i++) {
		int e;
		if (!compare_other_emotion(svg, &svg->cols[row->first + i], &e))
			continue;
		strbuf_putc(&path, have ? 'L' : 'M');
		svg_num(&path, svg_col_x(svg, i) + m->card_w / 2);
		strbuf_putc(&path, ' ');
		svg_num(&path, svg_emotion_y(svg, top, e));
		have = true;
	}
	if (path.len) {
		strbuf_puts(out, "<path d=\"");
		strbuf_add(out, path.data, path.len);
		strbuf_puts(out, "\" class=\"co\"/>\n");
	}
	strbuf_release(&path);
}

void svg_compare_points(cjm_svg *svg, const svg_row *row, double top, strbuf *out)
{
	const svg_metrics *m = &svg->m;
	for (size_t i = 0; i < row->count; i++) {
		int e;
		if (!compare_other_emotion(svg, &svg->cols[row->first + i], &e))
			continue;
		strbuf_puts(out, "<circle cx=\"");
		svg_num(out, svg_col_x(svg, i) + m->card_w / 2);
		strbuf_puts(out, "\" cy=\"");
		svg_num(out, svg_emotion_y(svg, top, e));
		strbuf_puts(out, "\" r=\"");
		svg_num(out, 2.1 * m->scale);
		strbuf_puts(out, "\" class=\"mo\"/>\n");
	}
}

double svg_compare_card_line(cjm_svg *svg, const svg_column *col, double x, double y, strbuf *out)
{
	const svg_metrics *m = &svg->m;
	double s = m->scale;
	if (col->flat == SVG_NONE)
		return 0;
	const cjm_compare_row *row = cjm_compare_row_of(svg->cmp, col->flat);
	const char *lang = svg->map->language;
	if (out) {
		strbuf text = { 0 };
		const char *cls = "cm dz";
		if (row->side == CJM_COMPARE_ONLY_HERE) {
			/* TRANSLATORS: on a card of the SVG with --compare: the touchpoint is not in the other map. */
			strbuf_puts(&text, LC_(lang, "export", "only in this map"));
		} else if (row->has_delta) {
			strbuf_puts(&text, "\xCE\x94 ");
			svg_put_emotion(&text, row->delta);
			cls = row->delta > 0 ? "cm du" : row->delta < 0 ? "cm dd" : "cm dz";
		} else {
			strbuf_puts(&text, "\xCE\x94 \xE2\x80\x93 ");
			strbuf_puts(&text, LC_(lang, "export", "not scored"));
		}
		svg_line line;
		if (svg_text_wrap(text.data, m->card_w - 2 * m->pad, m->meta, 1, &line))
			svg_text_line(out, cls, x + m->pad, svg_base(svg, y + 0.6 * s, m->meta), line.s, line.len,
				      line.cut, NULL);
		strbuf_release(&text);
	}
	return 0.6 * s + svg_lh(m, m->meta);
}
