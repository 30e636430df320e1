/* Export to a GitHub-flavoured Markdown document: figures, the Mermaid diagram, a table per phase, quadrants. */
#include <stdio.h>
#include <string.h>

#include "analysis/figures.h"
#include "analysis/quadrants.h"
#include "export/export.h"
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

/* Appends X with DECIMALS decimals and a sign, none when it shows as zero. */
static void md_signed(strbuf *out, double x, int decimals)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%+.*f", decimals, x);
	const char *digits = buf + 1;
	strbuf_puts(out, digits[strspn(digits, "0.")] ? buf : digits);
}

static void md_number(strbuf *out, double x)
{
	char buf[NUMBER_TEXT_MAX];
	strbuf_add(out, buf, number_format(buf, x));
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
	if (map->persona_name || map->persona_description) {
		strbuf_puts(out, "**Persona:** ");
		if (map->persona_name)
			md_text(out, map->persona_name, false);
		if (map->persona_name && map->persona_description)
			strbuf_puts(out, " — ");
		if (map->persona_description)
			md_text(out, map->persona_description, false);
		strbuf_puts(out, "\n\n");
	}
	if (map->brand_values.len > 0) {
		strbuf_puts(out, "**Brand values:** ");
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
	strbuf_printf(out, "- **Touchpoints:** %zu in %zu phase%s, %zu scored\n", fig->touchpoints, fig->phases,
		      fig->phases == 1 ? "" : "s", fig->scored);
	if (fig->has_peak) {
		strbuf_puts(out, "- **Mean emotion:** ");
		md_signed(out, fig->emotion.mean, 2);
		strbuf_puts(out, "\n- **Peak:** ");
		md_emotion(out, fig->peak);
		strbuf_puts(out, " at ");
		md_where(out, map, fig, fig->peak_at);
		strbuf_puts(out, "\n- **End:** ");
		md_emotion(out, fig->end);
		strbuf_puts(out, " at ");
		md_where(out, map, fig, fig->end_at);
		strbuf_puts(out, "\n- **Peak-end score:** ");
		md_signed(out, fig->peak_end, 1);
		strbuf_putc(out, '\n');
	} else {
		strbuf_puts(out, "- **Emotion:** no touchpoint is scored yet\n");
	}
	strbuf_printf(out, "- **Moments of truth:** %zu\n\n", fig->moments_of_truth);
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
	strbuf_puts(out, "## Journey\n\n");
	strbuf_repeat(out, "`", fence);
	strbuf_puts(out, "mermaid\n");
	strbuf_add(out, diagram.data ? diagram.data : "", diagram.len);
	strbuf_repeat(out, "`", fence);
	strbuf_puts(out, "\n\n");
	strbuf_release(&diagram);
}

/* The marks of TP in words, in italics on a line of their own in its cell. */
static void md_marks(strbuf *out, const cjm_touchpoint *tp)
{
	const char *marks[4];
	size_t n = 0;
	if (tp->moment_of_truth == CJM_TRUE)
		marks[n++] = "moment of truth";
	if (tp->brand_moment == CJM_TRUE)
		marks[n++] = "brand moment";
	if (tp->commitment == CJM_TRUE)
		marks[n++] = "commitment";
	if (tp->visible == CJM_FALSE)
		marks[n++] = "not visible to the customer";
	if (n == 0)
		return;
	strbuf_puts(out, "<br>_");
	for (size_t i = 0; i < n; i++)
		strbuf_printf(out, "%s%s", i ? ", " : "", marks[i]);
	strbuf_putc(out, '_');
}

static void md_phase(strbuf *out, const cjm_phase *phase, size_t number)
{
	strbuf_printf(out, "## Phase %zu: ", number);
	md_text(out, phase->name, false);
	strbuf_puts(out, "\n\n");
	if (phase->description && *phase->description) {
		md_text(out, phase->description, true);
		strbuf_puts(out, "\n\n");
	}
	if (phase->touchpoint_count == 0) {
		strbuf_puts(out, "_No touchpoints yet._\n\n");
		return;
	}
	strbuf_puts(out, "| Touchpoint | Channel | Owner | Emotion | Pains | Ideas |\n"
			 "|---|---|---|--:|---|---|\n");
	for (size_t t = 0; t < phase->touchpoint_count; t++) {
		const cjm_touchpoint *tp = phase->touchpoints[t];
		strbuf_puts(out, "| ");
		md_text(out, tp->name, false);
		md_marks(out, tp);
		strbuf_puts(out, " | ");
		md_text(out, tp->channel, false);
		strbuf_puts(out, " | ");
		md_text(out, tp->owner, false);
		strbuf_puts(out, " | ");
		if (tp->has_emotion)
			md_emotion(out, tp->emotion);
		else
			strbuf_puts(out, "not scored");
		strbuf_puts(out, " | ");
		md_list_cell(out, &tp->pains);
		strbuf_puts(out, " | ");
		md_list_cell(out, &tp->ideas);
		strbuf_puts(out, " |\n");
	}
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
	if (q == CJM_QUADRANT_NONE)
		strbuf_printf(c->out, "| none | %zu | no satisfaction or impact |\n\n", count);
	else
		strbuf_printf(c->out, "| %s | %zu | %s |\n", cjm_quadrant_name(q), count, cjm_quadrant_action(q));
}

static void md_quadrant_touchpoint(void *ctx, cjm_quadrant q, size_t i)
{
	md_quadrant_ctx *c = ctx;
	strbuf *out = c->out;
	if (!c->table_started)
		strbuf_puts(out, "| Touchpoint | Phase | Satisfaction | Impact | Quadrant | Action |\n"
				 "|---|---|--:|--:|---|---|\n");
	c->table_started = true;
	const cjm_touchpoint *tp = c->fig->tps[i].tp;
	strbuf_puts(out, "| ");
	md_text(out, tp->name, false);
	strbuf_puts(out, " | ");
	md_text(out, c->map->phases[c->fig->tps[i].phase]->name, false);
	strbuf_puts(out, " | ");
	md_number(out, tp->satisfaction);
	strbuf_puts(out, " | ");
	md_number(out, tp->impact);
	strbuf_printf(out, " | %s | %s |\n", cjm_quadrant_name(q), cjm_quadrant_action(q));
}

static void md_quadrants(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	strbuf_puts(out, "## Quadrants\n\nSatisfaction × impact on NPS: satisfaction threshold ");
	md_number(out, fig->satisfaction_threshold);
	strbuf_puts(out, ", impact threshold ");
	md_number(out, fig->impact_threshold);
	strbuf_puts(out, "; below is low.\n\n| Quadrant | Touchpoints | Action |\n|---|--:|---|\n");
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
		md_phase(out, map->phases[p], p + 1);
	if (map->phase_count == 0)
		strbuf_puts(out, "_No phases yet._\n\n");
	md_quadrants(out, map, fig);
	cjm_figures_free(fig);
	/* one line break at the end, not two */
	if (out->len >= 2 && out->data[out->len - 1] == '\n' && out->data[out->len - 2] == '\n')
		out->data[--out->len] = '\0';
}
