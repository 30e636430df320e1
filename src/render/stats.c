/* The figures of a map as readable aligned text, for `cjm stats` and the editor. */
#include "render/stats.h"

#include <stdio.h>
#include <string.h>

#include "analysis/quadrants.h"
#include "analysis/votes.h"
#include "render/text.h"
#include "util/i18n.h"
#include "util/lang.h"
#include "util/number.h"

#define STATS_LABEL 18   /* width of the labels of counts and emotion figures */
#define STATS_KEY_MAX 32 /* widest owner or channel column before rows overflow */

/* Appends X with DECIMALS decimals and a sign ("+0.50", "-1.00"), none when it
 * shows as zero ("0.00", also for -0.003). X is an emotion figure, -3..3. */
static void stats_signed(strbuf *out, double x, int decimals)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%+.*f", decimals, x);
	const char *digits = buf + 1;
	const char *shown = digits[strspn(digits, "0.")] ? buf : digits;
	const char *dot = strchr(shown, '.');
	if (dot) { /* the interface's decimal separator: "+0,50" under Dutch */
		strbuf_add(out, shown, (size_t)(dot - shown));
		strbuf_puts(out, i18n_decimal_point());
		strbuf_puts(out, dot + 1);
	} else {
		strbuf_puts(out, shown);
	}
}

void cjm_stats_signed(strbuf *out, double x, int decimals)
{
	stats_signed(out, x, decimals);
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
	/* TRANSLATORS: a figure line of cjm stats: "peak    +2  at Name (phase/id)"; the
	 * label and the number come first, this is what follows them. */
	strbuf_printf(out, _("%6s  at "), num.data);
	stats_touchpoint(out, map, fig, flat);
	strbuf_putc(out, '\n');
	strbuf_release(&num);
}

static void stats_emotion_section(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	strbuf_puts(out, _("Emotion (scored touchpoints only)\n"));
	if (!fig->has_peak) {
		strbuf_puts(out, _("  no touchpoint is scored: mean, peak, end and peak-end score need an emotion\n"));
		return;
	}
	strbuf num = { 0 };
	stats_signed(&num, fig->emotion.mean, 2);
	strbuf_puts(out, "  ");
	stats_pad(out, _("mean"), STATS_LABEL);
	strbuf_printf(out, "%6s\n", num.data);
	stats_point(out, map, fig, _("peak"), fig->peak, fig->peak_at);
	stats_point(out, map, fig, _("end"), fig->end, fig->end_at);
	strbuf_reset(&num);
	stats_signed(&num, fig->peak_end, 1);
	strbuf_puts(out, "  ");
	stats_pad(out, _("peak-end score"), STATS_LABEL);
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
		/* TRANSLATORS: the quadrant column of cjm stats for touchpoints in no quadrant. */
		strbuf_printf(c->out, "  %-10s  %11zu  %s\n", _("none"), count, _("(no satisfaction or impact)"));
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
	char sat[NUMBER_TEXT_MAX], imp[NUMBER_TEXT_MAX];
	/* TRANSLATORS: after a touchpoint in cjm stats' quadrant list: satisfaction 4, impact 0,8. */
	strbuf_printf(c->out, _("  satisfaction %s, impact %s\n"), i18n_number(sat, tp->satisfaction),
		      i18n_number(imp, tp->impact));
}

static void stats_quadrant_section(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	char sat[NUMBER_TEXT_MAX], imp[NUMBER_TEXT_MAX];
	strbuf_printf(out, _("Quadrants (satisfaction threshold %s, impact threshold %s; below is low)\n"),
		      i18n_number(sat, fig->satisfaction_threshold), i18n_number(imp, fig->impact_threshold));
	/* TRANSLATORS: the column heads of the quadrant table; the columns below start
	 * under "quadrant" (10 wide), end under "touchpoints" and start under "action". */
	strbuf_puts(out, _("  quadrant    touchpoints  action\n"));
	static const cjm_quadrant_lister lister = { stats_quadrant_count, stats_quadrant_group,
						    stats_quadrant_touchpoint };
	stats_quadrant_ctx ctx = { out, map, fig };
	cjm_quadrants_list(fig, &lister, &ctx);
}

/* The table of emotion per owner or channel: its HEADING, the head WHAT of its first
 * column, and NONE for the touchpoints without one. */
static void stats_group_section(strbuf *out, const char *heading, const char *what, const char *none,
				const cjm_group_figures *groups, size_t count)
{
	strbuf_puts(out, heading);
	strbuf_putc(out, '\n');
	if (count == 0) {
		strbuf_puts(out, _("  (no touchpoints)\n"));
		return;
	}
	size_t keyw = cjm_text_width(what);
	for (size_t i = 0; i < count; i++) {
		size_t w = cjm_text_width(groups[i].key ? groups[i].key : none);
		if (w > keyw)
			keyw = w < STATS_KEY_MAX ? w : STATS_KEY_MAX;
	}
	strbuf_puts(out, "  ");
	stats_pad(out, what, keyw + 2);
	/* TRANSLATORS: the column heads of cjm stats' emotion per owner and per channel: the
	 * numbers below end under "touchpoints" (11 wide), "scored" (6) and "mean" (5). */
	strbuf_puts(out, _("touchpoints  scored   mean\n"));
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

/* The touchpoints whose room disagreed most in its votes: each with the room's figures,
 * and the two teams furthest apart with their means. Only for a map with a vote. */
static void stats_vote_section(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	cjm_vote_disagreements list;
	cjm_vote_disagreements_find(fig, &list);
	if (!list.recorded)
		return;
	strbuf_putc(out, '\n');
	/* TRANSLATORS: the heading of cjm stats' list of the touchpoints whose vote (in a
	 * live session) showed the room disagreeing most. */
	strbuf_puts(out, _("Votes: where the room disagreed most\n"));
	const char *lang = i18n_language();
	if (list.count == 0)
		strbuf_printf(out, list.voted ? _("  the room gave one score in every vote\n")
					      : _("  nobody gave a score in any vote\n"));
	for (size_t i = 0; i < list.count; i++) {
		const cjm_vote_disagreement *d = &list.items[i];
		strbuf_puts(out, "  ");
		stats_touchpoint(out, map, fig, d->flat);
		strbuf_puts(out, "\n    ");
		cjm_vote_record_summary(out, &d->record, lang);
		if (d->teams_apart) {
			strbuf high = { 0 }, low = { 0 };
			cjm_vote_put_tenths(&high, d->high_figures.mean_tenths, lang);
			cjm_vote_put_tenths(&low, d->low_figures.mean_tenths, lang);
			strbuf_puts(out, " \xC2\xB7 ");
			/* TRANSLATORS: the two teams of a vote whose means are furthest apart, each
			 * with its mean score: "finance +1.5 vs service −1.0". */
			strbuf_printf(out, LC_(lang, "vote", "%s %s vs %s %s"), d->record.teams[d->high].name, high.data,
				      d->record.teams[d->low].name, low.data);
			strbuf_release(&high);
			strbuf_release(&low);
		}
		strbuf_putc(out, '\n');
	}
	cjm_vote_disagreements_release(&list);
}

void cjm_stats_render(strbuf *out, const cjm_map *map, const cjm_figures *fig)
{
	const char *title = map->title ? map->title : "";
	cjm_text_put(out, title, strlen(title), cjm_text_width(title));
	strbuf_puts(out, "\n\n");
	strbuf_puts(out, _("Counts\n"));
	/* TRANSLATORS: the labels of cjm stats' counts, padded to 18 columns. */
	stats_count(out, _("phases"), fig->phases);
	stats_count(out, _("touchpoints"), fig->touchpoints);
	stats_count(out, _("scored"), fig->scored);
	stats_count(out, _("unscored"), fig->unscored);
	stats_count(out, _("moments of truth"), fig->moments_of_truth);
	stats_count(out, _("brand moments"), fig->brand_moments);
	stats_count(out, _("commitments"), fig->commitments);
	stats_count(out, _("invisible"), fig->invisible);
	strbuf_putc(out, '\n');
	stats_emotion_section(out, map, fig);
	strbuf_putc(out, '\n');
	stats_quadrant_section(out, map, fig);
	strbuf_putc(out, '\n');
	stats_group_section(out, _("Emotion per owner"), _("owner"), _("(no owner)"), fig->owners, fig->owner_count);
	strbuf_putc(out, '\n');
	stats_group_section(out, _("Emotion per channel"), _("channel"), _("(no channel)"), fig->channels,
			    fig->channel_count);
	stats_vote_section(out, map, fig);
}
