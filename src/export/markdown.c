/* Export to a GitHub-flavoured Markdown document: figures, the Mermaid diagram, a table per phase, quadrants. */
#include <stdio.h>
#include <string.h>

#include "analysis/figures.h"
#include "analysis/quadrants.h"
#include "analysis/vote_summary.h"
#include "export/export.h"
#include "export/words.h"
#include "util/lang.h"
#include "util/number.h"
#include "util/utf8.h"
#include "util/visible.h"

/*
 * The document, in this order: the title as the heading; the persona and
 * brand values; the figures (touchpoints, mean, peak, end, peak-end score,
 * moments of truth) as a list; the journey as a ```mermaid block, which
 * GitHub and GitLab draw; one section per phase with its description and a
 * table (touchpoint, channel, owner, emotion, pains, ideas), marks such as
 * "moment of truth" in italics under the touchpoint's name; the quadrant
 * counts and a table of the placed touchpoints, quadrant by quadrant.
 *
 * Text from the map is shown literally: every character Markdown could take
 * as markup (\ ` * _ [ ] < > & # | ~ $) gets a backslash, which CommonMark
 * removes; a line break becomes <br>. Where text starts a line, a leading
 * - + = or "1." is escaped too (no list, quote or heading) and leading white
 * space is dropped. A character a terminal would act on (visible_escaped: a
 * control, U+2028, a bidirectional control) is written as &#xHHHH;, which a
 * viewer shows as it is while the file holds no raw one. GitHub still turns ":word:" into an emoji (it does so after
 * Markdown, where no escape reaches).
 */

/* Appends TEXT for Markdown, shown literally; AT_LINE_START when it starts a line. */
static void md_text(strbuf *out, const char *text, bool at_line_start)
{
	const char *s = text ? text : "";
	if (at_line_start) {
		s += strspn(s, " \t");
		size_t digits = strspn(s, "0123456789");
		if (*s == '-' || *s == '+' || *s == '=') {
			strbuf_putc(out, '\\');
		} else if (digits > 0 && (s[digits] == '.' || s[digits] == ')')) {
			strbuf_add(out, s, digits);
			strbuf_putc(out, '\\');
			s += digits;
		}
	}
	for (; *s; s++) {
		char c = *s;
		switch (c) {
		case '\r':
			if (s[1] != '\n')
				strbuf_puts(out, "<br>");
			break;
		case '\n':
			strbuf_puts(out, "<br>");
			break;
		case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
		case '&': case '#': case '|': case '~': case '$':
			strbuf_putc(out, '\\');
			strbuf_putc(out, c);
			break;
		default: {
			uint32_t cp = (unsigned char)c;
			size_t n = (unsigned char)c < 0x80 ? 1 : utf8_decode((const unsigned char *)s, strlen(s), &cp);
			if (n > 0 && c != '\t' && visible_escaped(cp)) {
				strbuf_printf(out, "&#x%04X;", (unsigned)cp); /* a viewer shows it; no raw one in the file */
				s += n - 1;
			} else {
				strbuf_putc(out, c);
			}
		}
		}
	}
}

/* Appends the emotion E with its sign when positive ("+2", "0", "-3"). */
static void md_emotion(strbuf *out, int e)
{
	strbuf_printf(out, e > 0 ? "+%d" : "%d", e);
}

/* Appends X with DECIMALS decimals and a sign, none when it shows as zero, with LANG's decimal separator. */
static void md_signed(strbuf *out, double x, int decimals, const char *lang)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%+.*f", decimals, x);
	const char *digits = buf + 1;
	cjm_export_decimal(out, digits[strspn(digits, "0.")] ? buf : digits, lang);
}

/* Appends the items of LIST in one table cell, one per line, each after a bullet. */
static void md_list_cell(strbuf *out, const cjm_strlist *list)
{
	for (size_t i = 0; i < list->len; i++) {
		strbuf_puts(out, i ? "<br>• " : "• ");
		md_text(out, list->items[i], false);
	}
}

/* "NAME (PHASE)" of touchpoint FLAT. */
static void md_where(strbuf *out, const cjm_map *map, const cjm_figures *fig, size_t flat)
{
	md_text(out, fig->tps[flat].tp->name, false);
	strbuf_puts(out, " (");
	md_text(out, map->phases[fig->tps[flat].phase]->name, false);
	strbuf_putc(out, ')');
}

static void md_header(strbuf *out, const cjm_map *map)
{
	strbuf_puts(out, "# ");
	md_text(out, map->title, false);
	strbuf_puts(out, "\n\n");
	const char *lang = map->language;
	if (map->persona_name || map->persona_description) {
		strbuf_printf(out, "**%s** ", LC_(lang, "export", "Persona:"));
		if (map->persona_name)
			md_text(out, map->persona_name, false);
		if (map->persona_name && map->persona_description)
			strbuf_puts(out, " — ");
		if (map->persona_description)
			md_text(out, map->persona_description, false);
		strbuf_puts(out, "\n\n");
	}
	if (map->brand_values.len > 0) {
		strbuf_printf(out, "**%s** ", LC_(lang, "export", "Brand values:"));
		for (size_t i = 0; i < map->brand_values.len; i++) {
			if (i)
				strbuf_puts(out, ", ");
			md_text(out, map->brand_values.items[i], false);
		}
		strbuf_puts(out, "\n\n");
	}
}

static void md_figures(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	const char *lang = map->language;
	strbuf_printf(out, "- **%s** ", LC_(lang, "export", "Touchpoints:"));
	/* TRANSLATORS: the touchpoints, in how many phases, how many of them scored. */
	strbuf_printf(out, LN_(lang, "%zu in %zu phase, %zu scored", "%zu in %zu phases, %zu scored", fig->phases),
		      fig->touchpoints, fig->phases, fig->scored);
	strbuf_putc(out, '\n');
	if (fig->has_peak) {
		/* TRANSLATORS: before a touchpoint's name: the peak is +3 "at" Checkout. */
		const char *at = LC_(lang, "export", "at");
		strbuf_printf(out, "- **%s** ", LC_(lang, "export", "Mean emotion:"));
		md_signed(out, fig->emotion.mean, 2, lang);
		strbuf_printf(out, "\n- **%s** ", LC_(lang, "export", "Peak:"));
		md_emotion(out, fig->peak);
		strbuf_printf(out, " %s ", at);
		md_where(out, map, fig, fig->peak_at);
		strbuf_printf(out, "\n- **%s** ", LC_(lang, "export", "End:"));
		md_emotion(out, fig->end);
		strbuf_printf(out, " %s ", at);
		md_where(out, map, fig, fig->end_at);
		strbuf_printf(out, "\n- **%s** ", LC_(lang, "export", "Peak-end score:"));
		md_signed(out, fig->peak_end, 1, lang);
		strbuf_putc(out, '\n');
	} else {
		strbuf_printf(out, "- **%s** %s\n", LC_(lang, "export", "Emotion:"),
			      LC_(lang, "export", "no touchpoint is scored yet"));
	}
	strbuf_printf(out, "- **%s** %zu\n\n", LC_(lang, "export", "Moments of truth:"), fig->moments_of_truth);
}

/* The journey as a fenced mermaid block, the fence longer than any run of backticks in it. */
static void md_diagram(strbuf *out, const cjm_map *map)
{
	strbuf diagram = { 0 };
	cjm_export_mermaid(map, NULL, &diagram);
	size_t fence = 3, run = 0;
	for (size_t i = 0; i < diagram.len; i++) {
		run = diagram.data[i] == '`' ? run + 1 : 0;
		if (run >= fence)
			fence = run + 1;
	}
	strbuf_printf(out, "## %s\n\n", LC_(map->language, "export", "Journey"));
	strbuf_repeat(out, "`", fence);
	strbuf_puts(out, "mermaid\n");
	strbuf_add(out, diagram.data ? diagram.data : "", diagram.len);
	strbuf_repeat(out, "`", fence);
	strbuf_puts(out, "\n\n");
	strbuf_release(&diagram);
}

/* The marks of TP in words, in italics on a line of their own in its cell. */
static void md_marks(strbuf *out, const cjm_touchpoint *tp, const char *lang)
{
	const char *marks[4];
	size_t n = 0;
	/* TRANSLATORS: the marks under a touchpoint's name in the Markdown export, lower case. */
	if (tp->moment_of_truth == CJM_TRUE)
		marks[n++] = LC_(lang, "export mark", "moment of truth");
	if (tp->brand_moment == CJM_TRUE)
		marks[n++] = LC_(lang, "export mark", "brand moment");
	if (tp->commitment == CJM_TRUE)
		marks[n++] = LC_(lang, "export mark", "commitment");
	if (tp->visible == CJM_FALSE)
		marks[n++] = LC_(lang, "export mark", "not visible to the customer");
	if (n == 0)
		return;
	strbuf_puts(out, "<br>_");
	for (size_t i = 0; i < n; i++)
		strbuf_printf(out, "%s%s", i ? ", " : "", marks[i]);
	strbuf_putc(out, '_');
}

static void md_phase(strbuf *out, const cjm_phase *phase, size_t number, const char *lang)
{
	strbuf_puts(out, "## ");
	/* TRANSLATORS: a heading; the phase's name follows. */
	strbuf_printf(out, LC_(lang, "export", "Phase %zu: "), number);
	md_text(out, phase->name, false);
	strbuf_puts(out, "\n\n");
	if (phase->description && *phase->description) {
		md_text(out, phase->description, true);
		strbuf_puts(out, "\n\n");
	}
	if (phase->touchpoint_count == 0) {
		strbuf_printf(out, "_%s_\n\n", LC_(lang, "export", "No touchpoints yet."));
		return;
	}
	strbuf_printf(out, "| %s | %s | %s | %s | %s | %s |\n|---|---|---|--:|---|---|\n",
		      LC_(lang, "export", "Touchpoint"), LC_(lang, "export", "Channel"), LC_(lang, "export", "Owner"),
		      LC_(lang, "export", "Emotion"), LC_(lang, "export", "Pains"), LC_(lang, "export", "Ideas"));
	for (size_t t = 0; t < phase->touchpoint_count; t++) {
		const cjm_touchpoint *tp = phase->touchpoints[t];
		strbuf_puts(out, "| ");
		md_text(out, tp->name, false);
		md_marks(out, tp, lang);
		strbuf_puts(out, " | ");
		md_text(out, tp->channel, false);
		strbuf_puts(out, " | ");
		md_text(out, tp->owner, false);
		strbuf_puts(out, " | ");
		if (tp->has_emotion)
			md_emotion(out, tp->emotion);
		else
			strbuf_puts(out, LC_(lang, "export", "not scored"));
		strbuf_puts(out, " | ");
		md_list_cell(out, &tp->pains);
		strbuf_puts(out, " | ");
		md_list_cell(out, &tp->ideas);
		strbuf_puts(out, " |\n");
	}
	strbuf_putc(out, '\n');
	/* the votes under the table, a line per touchpoint the room voted on */
	bool any = false;
	strbuf sentence = { 0 };
	for (size_t t = 0; t < phase->touchpoint_count; t++) {
		const cjm_touchpoint *tp = phase->touchpoints[t];
		strbuf_reset(&sentence);
		if (!cjm_vote_sentence_of(tp, lang, &sentence))
			continue;
		strbuf_puts(out, "- **");
		md_text(out, tp->name, false);
		strbuf_puts(out, "**: ");
		md_text(out, sentence.data, false);
		strbuf_putc(out, '\n');
		any = true;
	}
	strbuf_release(&sentence);
	if (any)
		strbuf_putc(out, '\n');
}

/* What the parts of the quadrant listing write to. */
typedef struct md_quadrant_ctx {
	strbuf *out;
	const cjm_map *map;
	const cjm_figures *fig;
	bool table_started; /* the table of placed touchpoints has its header */
} md_quadrant_ctx;

static void md_quadrant_count(void *ctx, cjm_quadrant q, size_t count)
{
	md_quadrant_ctx *c = ctx;
	const char *lang = c->map->language;
	if (q == CJM_QUADRANT_NONE)
		strbuf_printf(c->out, "| %s | %zu | %s |\n\n", cjm_export_quadrant_name(q, lang), count,
			      LC_(lang, "export", "no satisfaction or impact"));
	else
		strbuf_printf(c->out, "| %s | %zu | %s |\n", cjm_export_quadrant_name(q, lang), count,
			      cjm_export_quadrant_action(q, lang));
}

static void md_quadrant_touchpoint(void *ctx, cjm_quadrant q, size_t i)
{
	md_quadrant_ctx *c = ctx;
	strbuf *out = c->out;
	const char *lang = c->map->language;
	if (!c->table_started)
		strbuf_printf(out, "| %s | %s | %s | %s | %s | %s |\n|---|---|--:|--:|---|---|\n",
			      LC_(lang, "export", "Touchpoint"), LC_(lang, "export", "Phase"),
			      LC_(lang, "export", "Satisfaction"), LC_(lang, "export", "Impact"),
			      LC_(lang, "export", "Quadrant"), LC_(lang, "export", "Action"));
	c->table_started = true;
	const cjm_touchpoint *tp = c->fig->tps[i].tp;
	strbuf_puts(out, "| ");
	md_text(out, tp->name, false);
	strbuf_puts(out, " | ");
	md_text(out, c->map->phases[c->fig->tps[i].phase]->name, false);
	strbuf_puts(out, " | ");
	cjm_export_number(out, tp->satisfaction, lang);
	strbuf_puts(out, " | ");
	cjm_export_number(out, tp->impact, lang);
	strbuf_printf(out, " | %s | %s |\n", cjm_export_quadrant_name(q, lang), cjm_export_quadrant_action(q, lang));
}

static void md_quadrants(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	const char *lang = map->language;
	char sat[NUMBER_TEXT_MAX], imp[NUMBER_TEXT_MAX];
	strbuf_printf(out, "## %s\n\n", LC_(lang, "export", "Quadrants"));
	/* TRANSLATORS: %s are the two thresholds (numbers). */
	strbuf_printf(out, LC_(lang, "export", "Satisfaction × impact on NPS: satisfaction threshold %s, impact threshold %s; below is low."),
		      lang_number(sat, fig->satisfaction_threshold, lang), lang_number(imp, fig->impact_threshold, lang));
	strbuf_printf(out, "\n\n| %s | %s | %s |\n|---|--:|---|\n", LC_(lang, "export", "Quadrant"),
		      LC_(lang, "export", "Touchpoints"), LC_(lang, "export", "Action"));
	static const cjm_quadrant_lister lister = { md_quadrant_count, NULL, md_quadrant_touchpoint };
	md_quadrant_ctx ctx = { out, map, fig, false };
	cjm_quadrants_list(fig, &lister, &ctx);
	if (ctx.table_started)
		strbuf_putc(out, '\n');
}

void cjm_export_markdown(const cjm_map *map, const cjm_export_options *options, strbuf *out)
{
	(void)options;
	cjm_figures *fig = cjm_figures_new(map);
	md_header(out, map);
	md_figures(out, map, fig);
	md_diagram(out, map);
	for (size_t p = 0; p < map->phase_count; p++)
		md_phase(out, map->phases[p], p + 1, map->language);
	if (map->phase_count == 0)
		strbuf_printf(out, "_%s_\n\n", LC_(map->language, "export", "No phases yet."));
	md_quadrants(out, map, fig);
	cjm_figures_free(fig);
	/* one line break at the end, not two */
	if (out->len >= 2 && out->data[out->len - 1] == '\n' && out->data[out->len - 2] == '\n')
		out->data[--out->len] = '\0';
}
