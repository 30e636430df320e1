/* `cjm export --to html`: one self-contained page: the map picture, the figures of cjm stats, every detail. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis/figures.h"
#include "analysis/quadrants.h"
#include "analysis/vote_summary.h"
#include "export/escape.h"
#include "export/export.h"
#include "export/svg.h"
#include "export/words.h"
#include "render/text.h"
#include "util/lang.h"
#include "util/number.h"

/*
 * The page, top to bottom:
 *   header    title, persona, brand values, links to the three sections
 *   #map      the SVG picture (svg.c), one inline <svg> per page of paper,
 *             each scaled to the width of the window but never narrower than
 *             a readable minimum, so a phone scrolls it sideways
 *   #compare  with --compare only: the figures of both maps side by side and
 *             a row per touchpoint of either, with both emotions and the
 *             difference (the other's minus this one's) in a column "Δ"
 *   #figures  what `cjm stats` prints: counts; mean, peak, end and peak-end
 *             score; the quadrant table with its actions and the touchpoints
 *             in each quadrant; emotion per owner and per channel
 *   #touchpoints  per phase, a card per touchpoint with every field, its
 *             pains, ideas, quotes and notes
 *
 * Self-contained: one <style>, no script, no image, font or style sheet from
 * elsewhere, no namespace declarations (inline SVG in HTML needs none), so the
 * page holds no "http:" at all. It is also well-formed XML (every element
 * closed, attributes quoted, only the XML entities), so xmllint reads it in
 * either mode. Printing (@media print, @page at the chosen paper, landscape)
 * puts each page of the picture on its own sheet, then the figures and the
 * touchpoints, never splitting a touchpoint's card.
 */

/* Appends TEXT escaped by cjm_escape_xml, or as it is when that would change nothing (quicker). */
static void html_text(strbuf *out, const char *text)
{
	if (!text)
		return;
	static const char special[] = "&<>\"'\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\r\x0e\x0f\x10\x11\x12"
				      "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"
				      "\x7f\xc2\xd8\xe2\xef"; /* DEL, and the lead bytes of visible_escaped's others */
	size_t plain = strcspn(text, special);
	if (text[plain] == '\0')
		strbuf_add(out, text, plain);
	else
		cjm_escape_xml(out, text);
}

/* Appends an emotion as a coloured badge: "+2", "0", "−3" (the class sets the colour). */
static void html_emotion(strbuf *out, int e)
{
	static const char *const badge[7] = {
		"<span class=\"emo e0\">\xE2\x88\x92" "3</span>", "<span class=\"emo e1\">\xE2\x88\x92" "2</span>",
		"<span class=\"emo e2\">\xE2\x88\x92" "1</span>", "<span class=\"emo e3\">0</span>",
		"<span class=\"emo e4\">+1</span>",              "<span class=\"emo e5\">+2</span>",
		"<span class=\"emo e6\">+3</span>",
	};
	strbuf_puts(out, badge[e < -3 ? 0 : e > 3 ? 6 : e + 3]);
}

/* Appends "NAME (PHASE/ID)" of touchpoint FLAT, linked to its card. */
static void html_tp_ref(strbuf *out, const cjm_map *map, const cjm_figures *fig, size_t flat)
{
	const cjm_tp_at *at = &fig->tps[flat];
	strbuf_puts(out, "<a href=\"#t-");
	html_text(out, at->tp->id);
	strbuf_puts(out, "\">");
	html_text(out, at->tp->name);
	strbuf_puts(out, "</a> <span class=\"id\">(");
	html_text(out, map->phases[at->phase]->id);
	strbuf_putc(out, '/');
	html_text(out, at->tp->id);
	strbuf_puts(out, ")</span>");
}

/* ---- the style ---- */

static void html_style(strbuf *out, const cjm_svg *svg, const char *paper)
{
	double w = cjm_svg_paper_width(svg), h = cjm_svg_paper_height(svg);
	/* printed: the picture fits the sheet inside 10 mm margins */
	double fit = (w - 20) / w < (h - 20) / h ? (w - 20) / w : (h - 20) / h;
	strbuf_puts(out,
		    "<style>\n"
		    ":root{color-scheme:light}\n"
		    "*{box-sizing:border-box}\n"
		    "body{margin:0;background:#f4f6f8;color:#1f2933;"
		    "font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}\n"
		    "header.doc,main>section{max-width:90rem;margin:0 auto;padding:1rem 1.25rem}\n"
		    "h1{font-size:2rem;line-height:1.2;margin:.25rem 0 .75rem}\n"
		    "h2{font-size:1.4rem;margin:1.5rem 0 .75rem;padding-bottom:.3rem;border-bottom:2px solid #d5dbe2}\n"
		    "h3{font-size:1.15rem;margin:1.25rem 0 .5rem}\n"
		    "h4{font-size:1rem;margin:0 0 .4rem;line-height:1.3}\n"
		    "a{color:#1f4f82}\n"
		    ".kicker{margin:0;color:#616e7c;font-size:.8rem;letter-spacing:.08em;text-transform:uppercase}\n"
		    ".persona,.brand{margin:.2rem 0;max-width:50rem}\n"
		    ".label{color:#616e7c;font-weight:600}\n"
		    "nav{margin-top:.75rem;display:flex;gap:1rem;flex-wrap:wrap}\n"
		    ".hint{color:#616e7c;font-size:.9rem;margin:.25rem 0 .75rem}\n"
		    ".pages{overflow-x:auto;-webkit-overflow-scrolling:touch}\n"
		    ".page{background:#fff;margin:0 0 1rem;border:1px solid #d5dbe2;border-radius:4px;min-width:");
	/* never so narrow that the picture's smallest text drops below about 6 px;
	 * a --paper fit picture, as long as the journey, at about 2.6 px a millimetre */
	if (w > 600)
		strbuf_printf(out, "%.0fpx}\n", w * 2.6);
	else
		strbuf_puts(out, w < 400 ? "900px}\n" : w > 500 ? "1300px}\n" : "1100px}\n");
	strbuf_puts(out,
		    ".page svg{display:block;width:100%;height:auto}\n"
		    ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem;"
		    "align-items:start}\n"
		    ".figs{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem 2rem}\n"
		    ".scroll{overflow-x:auto}\n"
		    "table{border-collapse:collapse;width:100%;background:#fff;margin:0 0 1rem}\n"
		    "caption{text-align:left;font-weight:700;padding:.3rem 0}\n"
		    "th,td{text-align:left;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid #e4e7eb}\n"
		    "thead th{border-bottom:2px solid #c3cad3;font-size:.85rem;color:#3e4c59}\n"
		    "tbody th{font-weight:600;color:#3e4c59;white-space:nowrap}\n"
		    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
		    ".quad ul{margin:.25rem 0 1rem;padding-left:1.25rem}\n"
		    ".phase-desc{color:#3e4c59;margin:0 0 .75rem;max-width:50rem}\n"
		    "article.tp{background:#fff;border:1px solid #d5dbe2;border-top:4px solid #d5dae0;"
		    "border-radius:6px;padding:.75rem 1rem}\n"
		    "article.tp.hidden{border-style:dashed;background:#f8f9fa}\n"
		    "dl{display:grid;grid-template-columns:auto 1fr;gap:.15rem .75rem;margin:.5rem 0;font-size:.9rem}\n"
		    "dt{color:#616e7c}dd{margin:0;overflow-wrap:anywhere}\n"
		    ".id{color:#7b8794;font-size:.8rem;font-family:ui-monospace,Menlo,Consolas,monospace;"
		    "overflow-wrap:anywhere}\n"
		    ".emo{display:inline-block;min-width:2.2em;text-align:center;border-radius:1em;padding:0 .4em;"
		    "font-weight:700;font-size:.85rem;color:#fff}\n"
		    ".flags{margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.3rem}\n"
		    ".flag{font-size:.75rem;font-weight:700;border:1px solid;border-radius:1em;padding:0 .55em}\n"
		    ".flag.m{color:#8a5a12;background:#fef3e2;border-color:#b7791f}"
		    ".flag.b{color:#5b3fa0;background:#f1ecfb;border-color:#7c5cc4}"
		    ".flag.c{color:#1f4f82;background:#e8f1fb;border-color:#2f6fb0}"
		    ".flag.v{color:#4b5563;background:#f2f3f5;border-color:#8a94a0;border-style:dashed}\n"
		    ".list h5{margin:.6rem 0 .2rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;"
		    "color:#616e7c}\n"
		    ".list ul{margin:0;padding-left:1.1rem;font-size:.92rem}\n"
		    ".pains li::marker{color:#c4432b}.ideas li::marker{color:#c99a06}\n"
		    "blockquote{margin:.3rem 0;padding:.1rem .75rem;border-left:3px solid #c3cad3;color:#3e4c59;"
		    "font-style:italic;font-size:.92rem}\n"
		    ".notes{white-space:pre-wrap;font-size:.92rem;margin:.3rem 0 0;color:#3e4c59}\n"
		    /* a line break inside an item, a quote or a description is one here too */
		    ".list li,blockquote,.phase-desc,.persona{white-space:pre-line}\n"
		    ".none{color:#7b8794}\n"
		    "footer{max-width:90rem;margin:0 auto;padding:1rem 1.25rem 2rem;color:#7b8794;font-size:.85rem}\n"
		    "@media (max-width:40rem){body{font-size:15px}h1{font-size:1.5rem}"
		    "header.doc,main>section{padding:.75rem}th,td{padding:.3rem .4rem}}\n");
	/* the emotion colours of the picture: a card's top edge and the badges,
	 * white text on the dark ones (-3, -2, +3), dark text on the others, for a
	 * contrast of 4.5:1 or more */
	for (int e = -3; e <= 3; e++)
		strbuf_printf(out, "article.tp.s%d{border-top-color:%s}.emo.e%d{background:%s%s}\n", e + 3,
			      cjm_svg_emotion_colour(e), e + 3, cjm_svg_emotion_colour(e),
			      e >= -1 && e <= 2 ? ";color:#1f2933" : "");
	if (strcmp(paper, "fit") == 0) /* one sheet of the picture's own size */
		strbuf_printf(out, "@page{size:%.0fmm %.0fmm;margin:10mm}\n", w + 20, h + 20);
	else
		strbuf_printf(out, "@page{size:%s landscape;margin:10mm}\n", paper);
	strbuf_puts(out, "@media print{body{background:#fff;font-size:10pt}nav,.hint{display:none}"
			 "header.doc,main>section,footer{max-width:none;padding:0}"
			 ".pages{overflow:visible}"
			 ".page{min-width:0;border:0;margin:0;break-inside:avoid;break-after:page;page-break-after:always}"
			 ".page svg{width:");
	char num[32];
	snprintf(num, sizeof num, "%.1fmm", w * fit);
	strbuf_puts(out, num);
	strbuf_puts(out, "}"
			 "section.figures{break-before:page}"
			 "article.tp,table,.quad li{break-inside:avoid}"
			 "h2,h3,h4,caption,.phase-desc{break-after:avoid}"
			 ".cards{grid-template-columns:repeat(auto-fill,minmax(22rem,1fr))}"
			 "a{color:inherit;text-decoration:none}}\n");
	cjm_svg_write_css(svg, out);
	strbuf_puts(out, "</style>\n");
}

/* ---- the sections ---- */

static void html_header(strbuf *out, const cjm_map *map)
{
	const char *lang = map->language;
	strbuf_printf(out, "<header class=\"doc\">\n<p class=\"kicker\">%s</p>\n<h1>",
		      LC_(lang, "export", "Customer journey map"));
	html_text(out, map->title);
	strbuf_puts(out, "</h1>\n");
	if (map->persona_name || map->persona_description) {
		strbuf_printf(out, "<p class=\"persona\"><span class=\"label\">%s</span> ", LC_(lang, "export", "Persona:"));
		if (map->persona_name) {
			strbuf_puts(out, "<strong>");
			html_text(out, map->persona_name);
			strbuf_puts(out, "</strong>");
			if (map->persona_description)
				strbuf_puts(out, " \xE2\x80\x94 ");
		}
		html_text(out, map->persona_description);
		strbuf_puts(out, "</p>\n");
	}
	if (map->brand_values.len) {
		strbuf_printf(out, "<p class=\"brand\"><span class=\"label\">%s</span> ",
			      LC_(lang, "export", "Brand values:"));
		for (size_t i = 0; i < map->brand_values.len; i++) {
			if (i)
				strbuf_puts(out, " \xC2\xB7 ");
			html_text(out, map->brand_values.items[i]);
		}
		strbuf_puts(out, "</p>\n");
	}
	strbuf_printf(out, "<nav><a href=\"#map\">%s</a> <a href=\"#figures\">%s</a> "
			   "<a href=\"#touchpoints\">%s</a></nav>\n</header>\n",
		      LC_(lang, "export", "Map"), LC_(lang, "export", "Figures"), LC_(lang, "export", "Touchpoints"));
}

static void html_map(strbuf *out, cjm_svg *svg, const char *paper, const char *lang)
{
	size_t pages = cjm_svg_page_count(svg);
	strbuf_printf(out, "<section class=\"map\" id=\"map\">\n<h2>%s</h2>\n<p class=\"hint\">",
		      LC_(lang, "export", "The map"));
	if (strcmp(paper, "fit") == 0)
		strbuf_puts(out, LC_(lang, "export", "One sheet as long as the journey: scroll the map sideways."));
	else
		/* TRANSLATORS: %zu is the number of sheets, %s the paper (A3). */
		strbuf_printf(out,
			      LN_(lang, "%zu page of %s landscape when printed. On a small screen, scroll the map sideways.",
				  "%zu pages of %s landscape when printed. On a small screen, scroll the map sideways.",
				  pages),
			      pages, paper);
	strbuf_puts(out, "</p>\n<div class=\"pages\">\n");
	for (size_t p = 0; p < pages; p++) {
		strbuf_puts(out, "<div class=\"page\">\n");
		cjm_svg_write_page(svg, p, out);
		strbuf_puts(out, "</div>\n");
	}
	strbuf_puts(out, "</div>\n</section>\n");
}

static void html_count(strbuf *out, const char *label, size_t n)
{
	strbuf_puts(out, "<tr><th scope=\"row\">");
	strbuf_puts(out, label);
	strbuf_printf(out, "</th><td class=\"n\">%zu</td></tr>\n", n);
}

static void html_figure_point(strbuf *out, const cjm_map *map, const cjm_figures *fig, const char *label, int e,
			      size_t flat)
{
	strbuf_puts(out, "<tr><th scope=\"row\">");
	strbuf_puts(out, label);
	strbuf_puts(out, "</th><td class=\"n\">");
	html_emotion(out, e);
	/* TRANSLATORS: before a touchpoint's name: the peak is +3 "at" Checkout. */
	strbuf_printf(out, "</td><td>%s ", LC_(map->language, "export", "at"));
	html_tp_ref(out, map, fig, flat);
	strbuf_puts(out, "</td></tr>\n");
}

/* The table of emotion per owner or channel: its CAPTION, the TITLE of its first
 * column, and what a group without a key is called (NONE). */
static void html_groups(strbuf *out, const char *caption, const char *title, const char *none,
			const cjm_group_figures *groups, size_t count, const char *lang)
{
	strbuf_printf(out, "<div class=\"scroll\"><table class=\"groups\">\n<caption>%s</caption>\n", caption);
	strbuf_printf(out, "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"n\">%s</th>"
			   "<th scope=\"col\" class=\"n\">%s</th><th scope=\"col\" class=\"n\">%s</th></tr></thead>\n"
			   "<tbody>\n",
		      title, LC_(lang, "export", "Touchpoints"), LC_(lang, "export", "Scored"), LC_(lang, "export", "Mean"));
	if (count == 0)
		strbuf_printf(out, "<tr><td colspan=\"4\" class=\"none\">%s</td></tr>\n",
			      LC_(lang, "export", "(no touchpoints)"));
	for (size_t i = 0; i < count; i++) {
		const cjm_emotion_summary *e = &groups[i].emotion;
		strbuf_puts(out, "<tr><td>");
		if (groups[i].key)
			html_text(out, groups[i].key);
		else
			strbuf_printf(out, "<span class=\"none\">%s</span>", none);
		strbuf_printf(out, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">", e->count,
			      e->scored);
		if (e->scored)
			cjm_export_signed(out, e->mean, 2, lang);
		else
			strbuf_puts(out, "\xE2\x80\x93");
		strbuf_puts(out, "</td></tr>\n");
	}
	strbuf_puts(out, "</tbody>\n</table></div>\n");
}

/* What the parts of the quadrant listing write to. */
typedef struct html_quadrant_ctx {
	strbuf *out;
	const cjm_map *map;
	const cjm_figures *fig;
} html_quadrant_ctx;

/* A row of the counts; the row of the unplaced ones ends the table and opens the lists. */
static void html_quadrant_count(void *ctx, cjm_quadrant q, size_t count)
{
	html_quadrant_ctx *c = ctx;
	const char *lang = c->map->language;
	if (q == CJM_QUADRANT_NONE)
		strbuf_printf(c->out, "<tr><td>%s</td><td class=\"n\">%zu</td><td class=\"none\">%s</td></tr>\n"
				      "</tbody>\n</table></div>\n<div class=\"quad\">\n",
			      cjm_export_quadrant_name(q, lang), count,
			      LC_(lang, "export", "(no satisfaction or impact)"));
	else
		strbuf_printf(c->out, "<tr><td>%s</td><td class=\"n\">%zu</td><td>%s</td></tr>\n",
			      cjm_export_quadrant_name(q, lang), count, cjm_export_quadrant_action(q, lang));
}

static void html_quadrant_group(void *ctx, cjm_quadrant q, bool start)
{
	html_quadrant_ctx *c = ctx;
	if (start)
		strbuf_printf(c->out, "<h3>%s: %s</h3>\n<ul>\n", cjm_export_quadrant_name(q, c->map->language),
			      cjm_export_quadrant_action(q, c->map->language));
	else
		strbuf_puts(c->out, "</ul>\n");
}

static void html_quadrant_touchpoint(void *ctx, cjm_quadrant q, size_t i)
{
	(void)q;
	html_quadrant_ctx *c = ctx;
	const cjm_touchpoint *tp = c->fig->tps[i].tp;
	strbuf_puts(c->out, "<li>");
	html_tp_ref(c->out, c->map, c->fig, i);
	const char *lang = c->map->language;
	char sat[NUMBER_TEXT_MAX], imp[NUMBER_TEXT_MAX];
	/* TRANSLATORS: after a touchpoint's name in a quadrant's list; %s are numbers. */
	strbuf_puts(c->out, " \xE2\x80\x94 ");
	strbuf_printf(c->out, LC_(lang, "export", "satisfaction %s, impact %s"),
		      lang_number(sat, tp->satisfaction, lang), lang_number(imp, tp->impact, lang));
	strbuf_puts(c->out, "</li>\n");
}

static void html_figures(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	const char *lang = map->language;
	strbuf_printf(out, "<section class=\"figures\" id=\"figures\">\n<h2>%s</h2>\n<div class=\"figs\">\n",
		      LC_(lang, "export", "Figures"));
	strbuf_printf(out, "<table class=\"counts\">\n<caption>%s</caption>\n<tbody>\n", LC_(lang, "export", "Counts"));
	/* TRANSLATORS: the rows of the table of counts in the HTML export. */
	html_count(out, LC_(lang, "export count", "phases"), fig->phases);
	html_count(out, LC_(lang, "export count", "touchpoints"), fig->touchpoints);
	html_count(out, LC_(lang, "export count", "scored"), fig->scored);
	html_count(out, LC_(lang, "export count", "unscored"), fig->unscored);
	html_count(out, LC_(lang, "export count", "moments of truth"), fig->moments_of_truth);
	html_count(out, LC_(lang, "export count", "brand moments"), fig->brand_moments);
	html_count(out, LC_(lang, "export count", "commitments"), fig->commitments);
	html_count(out, LC_(lang, "export count", "invisible"), fig->invisible);
	strbuf_puts(out, "</tbody>\n</table>\n");
	strbuf_printf(out, "<table class=\"emotion\">\n<caption>%s</caption>\n<tbody>\n",
		      LC_(lang, "export", "Emotion (scored touchpoints only)"));
	if (!fig->has_peak) {
		strbuf_printf(out, "<tr><td class=\"none\">%s</td></tr>\n",
			      LC_(lang, "export",
				  "No touchpoint is scored: mean, peak, end and peak-end score need an emotion."));
	} else {
		strbuf_printf(out, "<tr><th scope=\"row\">%s</th><td class=\"n\">", LC_(lang, "export count", "mean"));
		cjm_export_signed(out, fig->emotion.mean, 2, lang);
		strbuf_puts(out, "</td><td></td></tr>\n");
		html_figure_point(out, map, fig, LC_(lang, "export count", "peak"), fig->peak, fig->peak_at);
		html_figure_point(out, map, fig, LC_(lang, "export count", "end"), fig->end, fig->end_at);
		strbuf_printf(out, "<tr><th scope=\"row\">%s</th><td class=\"n\">",
			      LC_(lang, "export count", "peak-end score"));
		cjm_export_signed(out, fig->peak_end, 1, lang);
		strbuf_printf(out, "</td><td>%s</td></tr>\n", LC_(lang, "export", "(peak + end) / 2"));
	}
	strbuf_puts(out, "</tbody>\n</table>\n</div>\n");

	/* quadrants */
	char sat[NUMBER_TEXT_MAX], imp[NUMBER_TEXT_MAX];
	strbuf_puts(out, "<div class=\"scroll\"><table class=\"quadrants\">\n<caption>");
	/* TRANSLATORS: %s are the two thresholds (numbers). */
	strbuf_printf(out, LC_(lang, "export", "Quadrants (satisfaction threshold %s, impact threshold %s; below is low)"),
		      lang_number(sat, fig->satisfaction_threshold, lang), lang_number(imp, fig->impact_threshold, lang));
	strbuf_printf(out, "</caption>\n<thead><tr><th scope=\"col\">%s</th>"
			   "<th scope=\"col\" class=\"n\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
			   "<tbody>\n",
		      LC_(lang, "export", "Quadrant"), LC_(lang, "export", "Touchpoints"), LC_(lang, "export", "Action"));
	static const cjm_quadrant_lister lister = { html_quadrant_count, html_quadrant_group,
						    html_quadrant_touchpoint };
	html_quadrant_ctx ctx = { out, map, fig };
	cjm_quadrants_list(fig, &lister, &ctx);
	strbuf_puts(out, "</div>\n<div class=\"figs\">\n");
	html_groups(out, LC_(lang, "export", "Emotion per owner"), LC_(lang, "export", "Owner"),
		    LC_(lang, "export", "(no owner)"), fig->owners, fig->owner_count, lang);
	html_groups(out, LC_(lang, "export", "Emotion per channel"), LC_(lang, "export", "Channel"),
		    LC_(lang, "export", "(no channel)"), fig->channels, fig->channel_count, lang);
	strbuf_puts(out, "</div>\n</section>\n");
}

/* ---- the comparison (--compare) ---- */

/* A cell of an emotion figure: E with DECIMALS decimals (-1: an emotion badge), or "–". */
static void html_compare_value(strbuf *out, bool has, double e, int decimals, const char *lang)
{
	strbuf_puts(out, "<td class=\"n\">");
	if (!has)
		strbuf_puts(out, "\xE2\x80\x93");
	else if (decimals < 0)
		html_emotion(out, (int)e);
	else
		cjm_export_signed(out, e, decimals, lang);
	strbuf_puts(out, "</td>");
}

/* A row of the figures table: LABEL, this map's and the other's value and the difference. */
static void html_compare_figure(strbuf *out, const char *label, bool has_here, double here, bool has_there,
				double there, int decimals, const char *lang)
{
	strbuf_printf(out, "<tr><th scope=\"row\">%s</th>", label);
	html_compare_value(out, has_here, here, decimals, lang);
	html_compare_value(out, has_there, there, decimals, lang);
	strbuf_puts(out, "<td class=\"n\">");
	if (has_here && has_there)
		cjm_export_signed(out, there - here, decimals < 0 ? 0 : decimals, lang);
	else
		strbuf_puts(out, "\xE2\x80\x93");
	strbuf_puts(out, "</td></tr>\n");
}

static void html_compare_count(strbuf *out, const char *label, size_t here, size_t there)
{
	long long d = (long long)there - (long long)here;
	strbuf_printf(out, d ? "<tr><th scope=\"row\">%s</th><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
			       "<td class=\"n\">%+lld</td></tr>\n"
			     : "<tr><th scope=\"row\">%s</th><td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
			       "<td class=\"n\">%lld</td></tr>\n",
		      label, here, there, d);
}

/* The touchpoint of one side of ROW: its name, phase and id, or "only in NAME". */
static void html_compare_side(strbuf *out, const cjm_map *map, const cjm_figures *fig, size_t at)
{
	const cjm_tp_at *tp = &fig->tps[at];
	html_text(out, tp->tp->name);
	strbuf_puts(out, " <span class=\"id\">(");
	html_text(out, map->phases[tp->phase]->id);
	strbuf_putc(out, '/');
	html_text(out, tp->tp->id);
	strbuf_puts(out, ")</span>");
}

static void html_compare(strbuf *out, const cjm_map *map, const cjm_export_options *o)
{
	const cjm_compare *cmp = o->compare;
	const cjm_figures *hf = cjm_compare_here_figures(cmp), *tf = cjm_compare_there_figures(cmp);
	const char *lang = map->language;
	strbuf here = { 0 }, there = { 0 };
	html_text(&here, o->here_name ? o->here_name : "");
	html_text(&there, o->there_name ? o->there_name : "");
	const char *h = here.data ? here.data : "", *t = there.data ? there.data : "";
	strbuf_printf(out, "<section class=\"compare\" id=\"compare\">\n<h2>%s</h2>\n<p class=\"hint\">",
		      LC_(lang, "export", "Comparison"));
	/* TRANSLATORS: under the heading of the comparison in the HTML export; the first %s is the other
	 * map's file name, the second this map's. */
	strbuf_printf(out, LC_(lang, "export", "Touchpoints are matched by id; \xCE\x94 is the emotion in %s minus the emotion in %s."),
		      t, h);
	strbuf_puts(out, "</p>\n<div class=\"scroll\"><table class=\"compare-figures\">\n<caption>");
	strbuf_puts(out, LC_(lang, "export", "Figures"));
	strbuf_printf(out, "</caption>\n<thead><tr><th scope=\"col\"></th><th scope=\"col\" class=\"n\">%s</th>"
			   "<th scope=\"col\" class=\"n\">%s</th><th scope=\"col\" class=\"n\">\xCE\x94</th></tr></thead>\n<tbody>\n",
		      h, t);
	html_compare_count(out, LC_(lang, "export count", "touchpoints"), hf->touchpoints, tf->touchpoints);
	html_compare_count(out, LC_(lang, "export count", "scored"), hf->scored, tf->scored);
	html_compare_figure(out, LC_(lang, "export count", "mean"), hf->has_peak, hf->emotion.mean, tf->has_peak,
			    tf->emotion.mean, 2, lang);
	html_compare_figure(out, LC_(lang, "export count", "peak"), hf->has_peak, hf->peak, tf->has_peak, tf->peak, -1,
			    lang);
	html_compare_figure(out, LC_(lang, "export count", "end"), hf->has_peak, hf->end, tf->has_peak, tf->end, -1,
			    lang);
	html_compare_figure(out, LC_(lang, "export count", "peak-end score"), hf->has_peak, hf->peak_end, tf->has_peak,
			    tf->peak_end, 1, lang);
	strbuf_puts(out, "</tbody>\n</table></div>\n");

	strbuf_puts(out, "<div class=\"scroll\"><table class=\"compare-touchpoints\">\n<caption>");
	/* TRANSLATORS: the caption of the table of touchpoints in the comparison of the HTML export. */
	strbuf_printf(out, LC_(lang, "export", "%zu matched by id, %zu with another emotion; %zu only here, %zu only in %s"),
		      cmp->matched, cmp->changed, cmp->only_here, cmp->only_there, t);
	const char *emotion = LC_(lang, "export", "Emotion");
	strbuf_printf(out, "</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"n\">%s</th>"
			   "<th scope=\"col\">%s</th><th scope=\"col\" class=\"n\">%s</th>"
			   "<th scope=\"col\" class=\"n\">\xCE\x94</th></tr></thead>\n<tbody>\n",
		      h, emotion, t, emotion);
	for (size_t i = 0; i < cmp->row_count; i++) {
		const cjm_compare_row *row = &cmp->rows[i];
		strbuf_printf(out, "<tr class=\"%s\"><td>", row->side == CJM_COMPARE_BOTH ? "both"
							    : row->side == CJM_COMPARE_ONLY_HERE ? "only-here" : "only-there");
		if (row->here)
			html_compare_side(out, map, hf, row->here_at);
		else
			strbuf_printf(out, "<span class=\"none\">%s</span>", LC_(lang, "export", "only there"));
		strbuf_puts(out, "</td>");
		html_compare_value(out, row->here && row->here->has_emotion, row->here ? row->here->emotion : 0, -1, lang);
		strbuf_puts(out, "<td>");
		if (row->there)
			html_compare_side(out, cmp->other->map, tf, row->there_at);
		else
			strbuf_printf(out, "<span class=\"none\">%s</span>", LC_(lang, "export", "only here"));
		strbuf_puts(out, "</td>");
		html_compare_value(out, row->there && row->there->has_emotion, row->there ? row->there->emotion : 0, -1,
				   lang);
		strbuf_puts(out, "<td class=\"n\">");
		if (row->has_delta)
			cjm_export_signed(out, row->delta, 0, lang);
		else
			strbuf_puts(out, "\xE2\x80\x93");
		strbuf_puts(out, "</td></tr>\n");
	}
	strbuf_puts(out, "</tbody>\n</table></div>\n</section>\n");
	strbuf_release(&here);
	strbuf_release(&there);
}

/* A field of a touchpoint's <dl>: LABEL, and VALUE escaped. */
static void html_field(strbuf *out, const char *label, const char *value)
{
	strbuf_puts(out, "<dt>");
	strbuf_puts(out, label);
	strbuf_puts(out, "</dt><dd>");
	html_text(out, value);
	strbuf_puts(out, "</dd>\n");
}

static void html_list(strbuf *out, const char *cls, const char *title, const cjm_strlist *list)
{
	if (list->len == 0)
		return;
	strbuf_printf(out, "<div class=\"list %s\"><h5>%s</h5><ul>\n", cls, title);
	for (size_t i = 0; i < list->len; i++) {
		strbuf_puts(out, "<li>");
		html_text(out, list->items[i]);
		strbuf_puts(out, "</li>\n");
	}
	strbuf_puts(out, "</ul></div>\n");
}

static void html_touchpoint(strbuf *out, const cjm_map *map, const cjm_figures *fig, size_t flat)
{
	const cjm_touchpoint *tp = fig->tps[flat].tp;
	const char *lang = map->language;
	bool visible = cjm_touchpoint_is_visible(tp);
	strbuf_puts(out, "<article class=\"tp");
	if (tp->has_emotion)
		strbuf_printf(out, " s%d", tp->emotion + 3);
	if (!visible)
		strbuf_puts(out, " hidden");
	strbuf_puts(out, "\" id=\"t-");
	html_text(out, tp->id);
	strbuf_puts(out, "\">\n<h4>");
	html_text(out, tp->name);
	strbuf_puts(out, "</h4>\n");
	bool flags = tp->moment_of_truth == CJM_TRUE || tp->brand_moment == CJM_TRUE || tp->commitment == CJM_TRUE ||
		     !visible;
	if (flags) {
		strbuf_puts(out, "<p class=\"flags\">");
		if (tp->moment_of_truth == CJM_TRUE)
			strbuf_printf(out, "<span class=\"flag m\">%s</span>", LC_(lang, "export", "Moment of truth"));
		if (tp->brand_moment == CJM_TRUE)
			strbuf_printf(out, "<span class=\"flag b\">%s</span>", LC_(lang, "export", "Brand moment"));
		if (tp->commitment == CJM_TRUE)
			strbuf_printf(out, "<span class=\"flag c\">%s</span>", LC_(lang, "export", "Commitment"));
		if (!visible)
			strbuf_printf(out, "<span class=\"flag v\">%s</span>", LC_(lang, "export", "Not visible"));
		strbuf_puts(out, "</p>\n");
	}
	strbuf_printf(out, "<dl>\n<dt>%s</dt><dd>", LC_(lang, "export", "Emotion"));
	if (tp->has_emotion)
		html_emotion(out, tp->emotion);
	else
		strbuf_printf(out, "<span class=\"none\">%s</span>", LC_(lang, "export", "not scored"));
	strbuf_puts(out, "</dd>\n");
	if (tp->channel)
		html_field(out, LC_(lang, "export", "Channel"), tp->channel);
	if (tp->owner)
		html_field(out, LC_(lang, "export", "Owner"), tp->owner);
	if (tp->has_satisfaction) {
		strbuf_printf(out, "<dt>%s</dt><dd>", LC_(lang, "export", "Satisfaction"));
		cjm_export_number(out, tp->satisfaction, lang);
		strbuf_puts(out, " <span class=\"none\">/ 10</span></dd>\n");
	}
	if (tp->has_impact) {
		strbuf_printf(out, "<dt>%s</dt><dd>", LC_(lang, "export", "Impact"));
		cjm_export_number(out, tp->impact, lang);
		strbuf_puts(out, " <span class=\"none\">/ 1</span></dd>\n");
	}
	cjm_quadrant q = fig->quadrant[flat];
	if (q != CJM_QUADRANT_NONE)
		strbuf_printf(out, "<dt>%s</dt><dd>%s: %s</dd>\n", LC_(lang, "export", "Quadrant"),
			      cjm_export_quadrant_name(q, lang), cjm_export_quadrant_action(q, lang));
	if (tp->pillars) {
		strbuf_printf(out, "<dt>%s</dt><dd>", LC_(lang, "export", "Pillars"));
		bool first = true;
		for (unsigned bit = 1; bit < (1u << CJM_PILLAR_COUNT); bit <<= 1) {
			if (!(tp->pillars & bit))
				continue;
			if (!first)
				strbuf_puts(out, ", ");
			strbuf_puts(out, cjm_pillar_name(bit));
			first = false;
		}
		strbuf_puts(out, "</dd>\n");
	}
	strbuf_printf(out, "<dt>%s</dt><dd class=\"id\">", LC_(lang, "export", "Id"));
	html_text(out, map->phases[fig->tps[flat].phase]->id);
	strbuf_putc(out, '/');
	html_text(out, tp->id);
	strbuf_puts(out, "</dd>\n</dl>\n");
	strbuf sentence = { 0 };
	if (cjm_vote_sentence_of(tp, lang, &sentence)) {
		strbuf_puts(out, "<p class=\"vote\">");
		html_text(out, sentence.data);
		strbuf_puts(out, "</p>\n");
	}
	strbuf_release(&sentence);
	html_list(out, "pains", LC_(lang, "export", "Pains"), &tp->pains);
	html_list(out, "ideas", LC_(lang, "export", "Ideas"), &tp->ideas);
	if (tp->quotes.len) {
		strbuf_printf(out, "<div class=\"list quotes\"><h5>%s</h5>\n", LC_(lang, "export", "Quotes"));
		for (size_t i = 0; i < tp->quotes.len; i++) {
			strbuf_puts(out, "<blockquote>");
			html_text(out, tp->quotes.items[i]);
			strbuf_puts(out, "</blockquote>\n");
		}
		strbuf_puts(out, "</div>\n");
	}
	if (tp->notes) {
		strbuf_printf(out, "<div class=\"list\"><h5>%s</h5><p class=\"notes\">", LC_(lang, "export", "Notes"));
		html_text(out, tp->notes);
		strbuf_puts(out, "</p></div>\n");
	}
	strbuf_puts(out, "</article>\n");
}

static void html_touchpoints(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	const char *lang = map->language;
	strbuf_printf(out, "<section class=\"touchpoints\" id=\"touchpoints\">\n<h2>%s</h2>\n",
		      LC_(lang, "export", "Touchpoints"));
	if (map->phase_count == 0)
		strbuf_printf(out, "<p class=\"none\">%s</p>\n", LC_(lang, "export", "This map has no phases yet."));
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *ph = map->phases[p];
		strbuf_puts(out, "<section class=\"phase\" id=\"p-");
		html_text(out, ph->id);
		strbuf_printf(out, "\">\n<h3>%zu. ", p + 1);
		html_text(out, ph->name);
		strbuf_puts(out, "</h3>\n");
		if (ph->description) {
			strbuf_puts(out, "<p class=\"phase-desc\">");
			html_text(out, ph->description);
			strbuf_puts(out, "</p>\n");
		}
		if (ph->touchpoint_count == 0) {
			strbuf_printf(out, "<p class=\"none\">%s</p>\n</section>\n", LC_(lang, "export", "No touchpoints yet."));
			continue;
		}
		strbuf_puts(out, "<div class=\"cards\">\n");
		for (size_t i = fig->phase_first[p]; i < fig->phase_first[p + 1]; i++)
			html_touchpoint(out, map, fig, i);
		strbuf_puts(out, "</div>\n</section>\n");
	}
	strbuf_puts(out, "</section>\n");
}

void cjm_export_html(const cjm_map *map, const cjm_export_options *options, strbuf *out)
{
	cjm_paper paper = options ? options->paper : CJM_PAPER_A3;
	const char *paper_name = cjm_paper_name(paper);
	cjm_figures *fig = cjm_figures_new(map);
	const cjm_compare *cmp = options ? options->compare : NULL;
	cjm_svg *svg = cjm_svg_new_compare(map, fig, paper, cmp, cmp ? options->here_name : NULL,
					   cmp ? options->there_name : NULL);
	strbuf_reserve(out, 3072 * fig->touchpoints);
	const char *lang = map->language;
	strbuf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	html_text(out, lang && *lang ? lang : "en");
	strbuf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
			 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
			 "<meta name=\"generator\" content=\"cjm\"/>\n<title>");
	html_text(out, map->title);
	strbuf_printf(out, " \xE2\x80\x94 %s</title>\n", LC_(lang, "export", "customer journey map"));
	html_style(out, svg, paper_name);
	strbuf_puts(out, "</head>\n<body>\n");
	html_header(out, map);
	strbuf_puts(out, "<main>\n");
	html_map(out, svg, paper_name, lang);
	if (cmp)
		html_compare(out, map, options);
	html_figures(out, map, fig);
	html_touchpoints(out, map, fig);
	strbuf_printf(out, "</main>\n<footer>%s</footer>\n</body>\n</html>\n",
		      LC_(lang, "export",
			  "Exported by cjm from the map file; the figures are those of <code>cjm stats</code>."));
	cjm_svg_free(svg);
	cjm_figures_free(fig);
}
