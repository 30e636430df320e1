/* The figures of a map as readable aligned text, for `cjm stats` and the editor. */
#include "render/stats.h"

#include <stdio.h>
#include <string.h>

#include "analysis/quadrants.h"
#include "render/text.h"

#define STATS_LABEL 18   /* width of the labels of counts and emotion figures */
#define STATS_KEY_MAX 32 /* widest owner or channel column before rows overflow */

/* Appends X with DECIMALS decimals and a sign ("+0.50", "-1.00"), none when it
 * shows as zero ("0.00", also for -0.003). X is an emotion figure, -3..3. */
static void stats_signed(strbuf *out, double x, int decimals)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%+.*f", decimals, x);
	const char *digits = buf + 1;
	strbuf_puts(out, digits[strspn(digits, "0.")] ? buf : digits);
}

/* Appends TEXT padded (or, when wider, followed by one space) to WIDTH columns. */
static void stats_pad(strbuf *out, const char *text, size_t width)
{
	size_t w = cjm_text_width(text);
	cjm_text_put(out, text, strlen(text), w);
	cjm_text_spaces(out, w < width ? width - w : 1);
}

static void stats_count(strbuf *out, const char *label, size_t n)
{
	strbuf_puts(out, "  ");
	stats_pad(out, label, STATS_LABEL);
	strbuf_printf(out, "%6zu\n", n);
}

/* Appends "NAME (PHASE/ID)" of touchpoint FLAT. */
static void stats_touchpoint(strbuf *out, const cjm_map *map, const cjm_figures *fig, size_t flat)
{
	const cjm_tp_at *at = &fig->tps[flat];
	strbuf tmp = { 0 };
	const char *pid = map->phases[at->phase]->id;
	strbuf_printf(&tmp, "%s (%s/%s)", at->tp->name ? at->tp->name : "", pid ? pid : "?",
		      at->tp->id ? at->tp->id : "?");
	cjm_text_put(out, tmp.data, tmp.len, cjm_text_width(tmp.data));
	strbuf_release(&tmp);
}

/* A figure line: LABEL, the emotion E (right-aligned), and where it stands. */
static void stats_point(strbuf *out, const cjm_map *map, const cjm_figures *fig, const char *label, int e,
			size_t flat)
{
	strbuf num = { 0 };
	cjm_text_emotion(&num, e);
	strbuf_puts(out, "  ");
	stats_pad(out, label, STATS_LABEL);
	strbuf_printf(out, "%6s  at ", num.data);
	stats_touchpoint(out, map, fig, flat);
	strbuf_putc(out, '\n');
	strbuf_release(&num);
}

static void stats_emotion_section(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	strbuf_puts(out, "Emotion (scored touchpoints only)\n");
	if (!fig->has_peak) {
		strbuf_puts(out, "  no touchpoint is scored: mean, peak, end and peak-end score need an emotion\n");
		return;
	}
	strbuf num = { 0 };
	stats_signed(&num, fig->emotion.mean, 2);
	strbuf_puts(out, "  ");
	stats_pad(out, "mean", STATS_LABEL);
	strbuf_printf(out, "%6s\n", num.data);
	stats_point(out, map, fig, "peak", fig->peak, fig->peak_at);
	stats_point(out, map, fig, "end", fig->end, fig->end_at);
	strbuf_reset(&num);
	stats_signed(&num, fig->peak_end, 1);
	strbuf_puts(out, "  ");
	stats_pad(out, "peak-end score", STATS_LABEL);
	strbuf_printf(out, "%6s\n", num.data);
	strbuf_release(&num);
}

/* What the parts of the quadrant listing write to. */
typedef struct stats_quadrant_ctx {
	strbuf *out;
	const cjm_map *map;
	const cjm_figures *fig;
} stats_quadrant_ctx;

static void stats_quadrant_count(void *ctx, cjm_quadrant q, size_t count)
{
	stats_quadrant_ctx *c = ctx;
	if (q == CJM_QUADRANT_NONE)
		strbuf_printf(c->out, "  %-10s  %11zu  %s\n", "none", count, "(no satisfaction or impact)");
	else
		strbuf_printf(c->out, "  %-10s  %11zu  %s\n", cjm_quadrant_name(q), count, cjm_quadrant_action(q));
}

static void stats_quadrant_group(void *ctx, cjm_quadrant q, bool start)
{
	stats_quadrant_ctx *c = ctx;
	if (start)
		strbuf_printf(c->out, "\n  %s: %s\n", cjm_quadrant_name(q), cjm_quadrant_action(q));
}

static void stats_quadrant_touchpoint(void *ctx, cjm_quadrant q, size_t i)
{
	(void)q;
	stats_quadrant_ctx *c = ctx;
	const cjm_touchpoint *tp = c->fig->tps[i].tp;
	strbuf_puts(c->out, "    ");
	stats_touchpoint(c->out, c->map, c->fig, i);
	strbuf_puts(c->out, "  satisfaction ");
	cjm_text_number(c->out, tp->satisfaction);
	strbuf_puts(c->out, ", impact ");
	cjm_text_number(c->out, tp->impact);
	strbuf_putc(c->out, '\n');
}

static void stats_quadrant_section(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	strbuf_puts(out, "Quadrants (satisfaction threshold ");
	cjm_text_number(out, fig->satisfaction_threshold);
	strbuf_puts(out, ", impact threshold ");
	cjm_text_number(out, fig->impact_threshold);
	strbuf_puts(out, "; below is low)\n");
	strbuf_puts(out, "  quadrant    touchpoints  action\n");
	static const cjm_quadrant_lister lister = { stats_quadrant_count, stats_quadrant_group,
						    stats_quadrant_touchpoint };
	stats_quadrant_ctx ctx = { out, map, fig };
	cjm_quadrants_list(fig, &lister, &ctx);
}

/* The table of emotion per owner or channel (WHAT). */
static void stats_group_section(strbuf *out, const char *what, const cjm_group_figures *groups, size_t count)
{
	strbuf_printf(out, "Emotion per %s\n", what);
	if (count == 0) {
		strbuf_puts(out, "  (no touchpoints)\n");
		return;
	}
	char none[32];
	snprintf(none, sizeof none, "(no %s)", what);
	size_t keyw = strlen(what);
	for (size_t i = 0; i < count; i++) {
		size_t w = cjm_text_width(groups[i].key ? groups[i].key : none);
		if (w > keyw)
			keyw = w < STATS_KEY_MAX ? w : STATS_KEY_MAX;
	}
	strbuf_puts(out, "  ");
	stats_pad(out, what, keyw + 2);
	strbuf_puts(out, "touchpoints  scored   mean\n");
	strbuf num = { 0 };
	for (size_t i = 0; i < count; i++) {
		const cjm_emotion_summary *e = &groups[i].emotion;
		strbuf_reset(&num);
		if (e->scored)
			stats_signed(&num, e->mean, 2);
		else
			strbuf_puts(&num, "-");
		strbuf_puts(out, "  ");
		stats_pad(out, groups[i].key ? groups[i].key : none, keyw + 2);
		strbuf_printf(out, "%11zu  %6zu  %5s\n", e->count, e->scored, num.data);
	}
	strbuf_release(&num);
}

void cjm_stats_render(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	const char *title = map->title ? map->title : "";
	cjm_text_put(out, title, strlen(title), cjm_text_width(title));
	strbuf_puts(out, "\n\nCounts\n");
	stats_count(out, "phases", fig->phases);
	stats_count(out, "touchpoints", fig->touchpoints);
	stats_count(out, "scored", fig->scored);
	stats_count(out, "unscored", fig->unscored);
	stats_count(out, "moments of truth", fig->moments_of_truth);
	stats_count(out, "brand moments", fig->brand_moments);
	stats_count(out, "commitments", fig->commitments);
	stats_count(out, "invisible", fig->invisible);
	strbuf_putc(out, '\n');
	stats_emotion_section(out, map, fig);
	strbuf_putc(out, '\n');
	stats_quadrant_section(out, map, fig);
	strbuf_putc(out, '\n');
	stats_group_section(out, "owner", fig->owners, fig->owner_count);
	strbuf_putc(out, '\n');
	stats_group_section(out, "channel", fig->channels, fig->channel_count);
}
