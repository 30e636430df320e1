/* `cjm export --to svg`: the printable journey map as one SVG document, and its pages for the HTML export. */
#include "export/svg.h"

#include "export/escape.h"
#include "export/svg_internal.h"

/*
 * The document is the paper's width and a whole number of paper heights tall
 * (see svg_layout.c); the viewBox is in millimetres, so width="420mm" with
 * viewBox="0 0 420 ..." prints at true size. Styles are CSS classes in one
 * <style> (scoped under the class "cjm", so the same rules can sit in an HTML
 * page), text uses a font-family list that ends in the generic sans-serif,
 * and nothing outside the file is referred to.
 *
 * Colours: emotion from red (-3) through a neutral grey (0) to green (+3),
 * with the sign also given by the marker's shape (triangle up, circle,
 * triangle down) and the value written beside it; muted phase bands; pale
 * red cells for pains and pale yellow for ideas; pills for the flags.
 */

/* The fills of emotion -3..+3 (index e + 3). */
static const char *const svg_emotion_fills[7] = { "#b42318", "#cf4a2a", "#f29b45", "#98a2ad",
						  "#93c05a", "#46a35a", "#1d7a46" };

const char *cjm_svg_emotion_colour(int e)
{
	if (e < -3)
		e = -3;
	if (e > 3)
		e = 3;
	return svg_emotion_fills[e + 3];
}

/* ".cjm .CLS{font-size:Npx;...EXTRA}"; no size is under SVG_MIN_TEXT (7 pt). */
static void css_font(strbuf *out, const char *cls, svg_font font, const char *extra)
{
	strbuf_puts(out, ".cjm .");
	strbuf_puts(out, cls);
	strbuf_puts(out, "{font-size:");
	svg_num(out, font.size);
	strbuf_puts(out, "px");
	if (font.bold)
		strbuf_puts(out, ";font-weight:700");
	if (extra && *extra) {
		strbuf_putc(out, ';');
		strbuf_puts(out, extra);
	}
	strbuf_puts(out, "}\n");
}

void cjm_svg_write_css(const cjm_svg *svg, strbuf *out)
{
	const svg_metrics *m = &svg->m;
	/* DejaVu Sans first: svg_text.c measures with its widths (the fonts after it
	 * are narrower), it covers most scripts, and Debian and most Linux systems
	 * have it, so librsvg, and the PDF and PNG made with it, draw what was measured */
	strbuf_puts(out, ".cjm{font-family:'DejaVu Sans','Liberation Sans',Arial,Helvetica,sans-serif}\n"
			 ".cjm text{fill:#1f2933}\n"
			 ".cjm .bg{fill:#fff}\n");
	css_font(out, "tt", m->title, "");
	css_font(out, "hl", m->label, "fill:#616e7c");
	css_font(out, "ps", m->persona, "");
	css_font(out, "pb", m->persona_b, "");
	css_font(out, "fk", m->chip_label, "fill:#52606d");
	css_font(out, "fv", m->chip, "");
	css_font(out, "fs", m->chip_label, "fill:#7b8794");
	css_font(out, "lg", m->legend, "fill:#3e4c59");
	css_font(out, "bn", m->band, "");
	css_font(out, "bd", m->band_desc, "fill:#3e4c59");
	css_font(out, "cn", m->name, "");
	css_font(out, "cm", m->meta, "fill:#52606d");
	css_font(out, "fl", m->flag, "");
	css_font(out, "li", m->item, "");
	css_font(out, "lm", m->more, "fill:#616e7c;font-style:italic");
	css_font(out, "qt", m->quote, "fill:#3e4c59;font-style:italic");
	css_font(out, "qa", m->action, "fill:#1f4f82");
	css_font(out, "cc", m->cont, "fill:#52606d");
	css_font(out, "ll", m->label, "fill:#616e7c");
	css_font(out, "ev", m->value, "paint-order:stroke;stroke:#f6f7f9;stroke-width:0.8px;stroke-linejoin:round");
	css_font(out, "es", m->scale_f, "fill:#7b8794");
	css_font(out, "ft", m->footer_f, "fill:#7b8794");
	strbuf_puts(out, ".cjm .lg.b{font-weight:700}\n"
			 ".cjm .gx{fill:#9aa5b1}\n"
			 ".cjm .ch{fill:#f4f6f8}\n"
			 ".cjm .lb{fill:#f8f9fb;stroke:#e4e7eb;stroke-width:0.25}\n"
			 ".cjm .b0{fill:#dde6f1}\n.cjm .b1{fill:#dcece4}\n.cjm .b2{fill:#f3e8d6}\n"
			 ".cjm .b3{fill:#e8e2f2}\n.cjm .b4{fill:#f2e0e0}\n.cjm .b5{fill:#d9edef}\n"
			 ".cjm .cd{fill:#fff;stroke:#c3cad3;stroke-width:0.3}\n"
			 ".cjm .cx{fill:#f2f3f5;stroke:#8a94a0;stroke-width:0.3;stroke-dasharray:1.2 0.8}\n"
			 ".cjm .ce{fill:none;stroke:#c3cad3;stroke-width:0.3;stroke-dasharray:1.2 0.8}\n"
			 ".cjm .cp{fill:#fdeeed}\n.cjm .ci{fill:#fff4d1}\n"
			 ".cjm .dp{stroke:#c4432b}\n.cjm .di{stroke:#c99a06}\n"
			 ".cjm .m{text-anchor:middle}\n.cjm .r{text-anchor:end}\n"
			 ".cjm .el{fill:#f6f7f9}\n"
			 ".cjm .eg{stroke:#e1e5ea;stroke-width:0.2;fill:none}\n"
			 ".cjm .ez{stroke:#8f99a5;stroke-width:0.3;stroke-dasharray:1 0.8;fill:none}\n"
			 ".cjm .sp{stroke:#d5dbe2;stroke-width:0.3;fill:none}\n"
			 ".cjm .cv{fill:none;stroke:#3e4c59;stroke-width:0.5;stroke-linejoin:round;stroke-linecap:round}\n"
			 ".cjm .cg{fill:none;stroke:#7b8794;stroke-width:0.4;stroke-dasharray:1.2 1}\n"
			 ".cjm .ca{fill:#7b8794}\n"
			 ".cjm .mk{stroke:#1f2933;stroke-width:0.25}\n"
			 ".cjm .mu{fill:#fff;stroke:#7b8794;stroke-width:0.3;stroke-dasharray:0.8 0.6}\n"
			 ".cjm .eu{fill:#d5dae0}\n"
			 ".cjm .qm{fill:#fef3e2;stroke:#b7791f;stroke-width:0.25}\n"
			 ".cjm .qb{fill:#f1ecfb;stroke:#7c5cc4;stroke-width:0.25}\n"
			 ".cjm .qc{fill:#e8f1fb;stroke:#2f6fb0;stroke-width:0.25}\n"
			 ".cjm .qv{fill:#f2f3f5;stroke:#8a94a0;stroke-width:0.25;stroke-dasharray:0.8 0.5}\n"
			 ".cjm .tm{fill:#8a5a12}\n.cjm .tb{fill:#5b3fa0}\n.cjm .tc{fill:#1f4f82}\n.cjm .tv{fill:#4b5563}\n");
	for (int e = -3; e <= 3; e++)
		strbuf_printf(out, ".cjm .e%d{fill:%s}\n", e + 3, cjm_svg_emotion_colour(e));
	/* the bullets are dots: zero-length segments with round caps */
	strbuf_puts(out, ".cjm .dp,.cjm .di{fill:none;stroke-linecap:round;stroke-width:");
	svg_num(out, 1.1 * m->scale);
	strbuf_puts(out, "}\n");
	if (svg->votes) /* the votes' spread marks: grey, the divided ones darker and dashed, for greyscale print */
		strbuf_puts(out, ".cjm .vs{fill:none;stroke:#9aa5b1;stroke-width:0.6;stroke-linecap:butt}\n"
				 ".cjm .vs.vd{stroke:#3e4c59;stroke-width:0.7;stroke-dasharray:1 0.6}\n");
	if (svg->cmp)
		svg_compare_css(svg, out);
}

/* Draws ROW: its phase bands, lanes, cards and cells. */
static void svg_draw_row(cjm_svg *svg, const svg_row *row, strbuf *out)
{
	for (size_t i = 0; i < row->count;) {
		size_t c = row->first + i, span = 1, phase = svg->cols[c].phase;
		while (i + span < row->count && svg->cols[c + span].phase == phase)
			span++;
		bool continued = c > 0 && svg->cols[c - 1].phase == phase;
		svg_part_band(svg, phase, i, span, continued, row->y, row->band_h, out);
		i += span;
	}
	svg_part_row_frame(svg, row, out);
	double card_y = svg_row_card_y(svg, row), pains_y = svg_row_pains_y(svg, row);
	double ideas_y = svg_row_ideas_y(svg, row);
	for (size_t i = 0; i < row->count; i++) {
		const svg_column *col = &svg->cols[row->first + i];
		double x = svg_col_x(svg, i);
		svg_part_card(svg, col, x, card_y, row->card_h, out);
		if (col->flat == SVG_NONE)
			continue;
		const cjm_touchpoint *tp = svg->fig->tps[col->flat].tp;
		svg_part_cell(svg, &tp->pains, true, x, pains_y, row->pains_h, out);
		svg_part_cell(svg, &tp->ideas, false, x, ideas_y, row->ideas_h, out);
	}
}

/* Draws page PAGE: the header on the first, its rows, the footer when FOOTER. */
static void svg_draw_page(cjm_svg *svg, size_t page, bool footer, strbuf *out)
{
	if (page == 0) {
		svg_part_header(svg, out);
		if (svg->col_count == 0) {
			strbuf_puts(out, "<text x=\"");
			svg_num(out, svg->m.margin);
			strbuf_puts(out, "\" y=\"");
			svg_num(out, svg->m.margin + svg->header_h + 4 * svg->m.scale);
			strbuf_puts(out, "\" class=\"bn\">This map has no phases yet.</text>\n");
		}
	}
	svg->caps = &svg_levels[svg->page_level[page]];
	svg->m.card_w = svg->page_card_w[page];
	for (size_t r = svg->page_rows[page]; r < svg->page_rows[page + 1]; r++)
		svg_draw_row(svg, &svg->rows[r], out);
	if (footer)
		svg_part_footer(svg, page, out);
}

void cjm_svg_write_page(cjm_svg *svg, size_t page, strbuf *out)
{
	/* the page down to its content, without the footer: no blank paper on a screen */
	double top = (double)page * svg->m.height;
	double height = svg_page_content_bottom(svg, page) + svg->m.margin - top;
	if (height > svg->m.height)
		height = svg->m.height;
	strbuf_puts(out, "<svg class=\"cjm\" viewBox=\"0 ");
	svg_num(out, top);
	strbuf_putc(out, ' ');
	svg_num(out, svg->m.width);
	strbuf_putc(out, ' ');
	svg_num(out, height);
	strbuf_puts(out, "\" role=\"img\" aria-label=\"");
	cjm_escape_xml(out, svg->map->title);
	strbuf_puts(out, ", ");
	strbuf_printf(out, LC_(svg->map->language, "export", "page %zu of %zu"), page + 1, svg->pages);
	strbuf_puts(out, "\">\n");
	strbuf_puts(out, "<rect x=\"0\" y=\"");
	svg_num(out, top);
	strbuf_puts(out, "\" width=\"");
	svg_num(out, svg->m.width);
	strbuf_puts(out, "\" height=\"");
	svg_num(out, height);
	strbuf_puts(out, "\" class=\"bg\"/>\n");
	svg_draw_page(svg, page, false, out);
	strbuf_puts(out, "</svg>\n");
}

/* Appends a standalone document showing the picture from TOP, PAGES pages tall:
 * XML declaration, namespace, size in mm, title, description, style and background. */
static void svg_document_open(cjm_svg *svg, double top, size_t pages, strbuf *out)
{
	double w = svg->m.width, h = svg->m.height * (double)pages;
	strbuf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			 "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cjm\" width=\"");
	svg_num(out, w);
	strbuf_puts(out, "mm\" height=\"");
	svg_num(out, h);
	strbuf_puts(out, "mm\" viewBox=\"0 ");
	svg_num(out, top);
	strbuf_putc(out, ' ');
	svg_num(out, w);
	strbuf_putc(out, ' ');
	svg_num(out, h);
	strbuf_puts(out, "\">\n<title>");
	cjm_escape_xml(out, svg->map->title);
	const char *lang = svg->map->language;
	strbuf_printf(out, "</title>\n<desc>%s: ", LC_(lang, "export", "Customer journey map"));
	strbuf_printf(out, LN_(lang, "%zu phase", "%zu phases", svg->fig->phases), svg->fig->phases);
	strbuf_puts(out, ", ");
	strbuf_printf(out, LN_(lang, "%zu touchpoint", "%zu touchpoints", svg->fig->touchpoints), svg->fig->touchpoints);
	strbuf_puts(out, "; ");
	if (svg->m.fit)
		strbuf_puts(out, LC_(lang, "export", "One sheet as long as the journey. Exported by cjm."));
	else
		/* TRANSLATORS: %zu is the number of sheets, %s the paper (A3). */
		strbuf_printf(out, LN_(lang, "%zu page of %s landscape. Exported by cjm.",
				       "%zu pages of %s landscape. Exported by cjm.", svg->pages),
			      svg->pages, svg->paper_name);
	strbuf_puts(out, "</desc>\n<style>\n");
	cjm_svg_write_css(svg, out);
	strbuf_puts(out, "</style>\n<rect ");
	if (top > 0) {
		strbuf_puts(out, "y=\"");
		svg_num(out, top);
		strbuf_puts(out, "\" ");
	}
	strbuf_puts(out, "width=\"");
	svg_num(out, w);
	strbuf_puts(out, "\" height=\"");
	svg_num(out, h);
	strbuf_puts(out, "\" class=\"bg\"/>\n");
}

void cjm_svg_write_document(cjm_svg *svg, strbuf *out)
{
	svg_document_open(svg, 0, svg->pages, out);
	for (size_t p = 0; p < svg->pages; p++)
		svg_draw_page(svg, p, true, out);
	strbuf_puts(out, "</svg>\n");
}

void cjm_svg_write_sheet(cjm_svg *svg, size_t page, strbuf *out)
{
	svg_document_open(svg, (double)page * svg->m.height, 1, out);
	svg_draw_page(svg, page, true, out);
	strbuf_puts(out, "</svg>\n");
}

void cjm_export_svg(const cjm_map *map, const cjm_export_options *options, strbuf *out)
{
	cjm_figures *fig = cjm_figures_new(map);
	cjm_svg *svg = cjm_svg_new_compare(map, fig, options ? options->paper : CJM_PAPER_A3,
					   options ? options->compare : NULL, options ? options->here_name : NULL,
					   options ? options->there_name : NULL);
	strbuf_reserve(out, 2048 * fig->touchpoints);
	cjm_svg_write_document(svg, out);
	cjm_svg_free(svg);
	cjm_figures_free(fig);
}
