/* Tip 10, redesign: a journey that is negative as a whole asks whether we would build it this way today. */
#include <stdbool.h>
#include <stddef.h>

#include "analysis/figures.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/strbuf.h"

#define REDESIGN_MIN_SCORED 3 /* fewer scored touchpoints say too little about the whole */
#define REDESIGN_QUESTION "Would we build this journey this way today?"

static void redesign_suggest(const cjm_pattern_context *ctx)
{
	const cjm_map *map = ctx->map;
	if (!map)
		return;
	cjm_figures *f = cjm_figures_new(map);
	if (f->scored < REDESIGN_MIN_SCORED || !f->has_peak) {
		cjm_figures_free(f);
		return;
	}
	bool low_mean = f->emotion.mean < ctx->threshold;
	bool mostly_negative = f->emotion.negative * 2 > f->scored;
	bool negative_ends = f->end < 0 && f->peak < 0;
	int holding = (int)low_mean + (int)mostly_negative + (int)negative_ends;
	if (holding == 0) {
		cjm_figures_free(f);
		return;
	}

	char mean[16], limit[40], end[8], peak[8];
	cjm_pu_mean(mean, f->emotion.mean);
	cjm_pu_number(limit, ctx->threshold);
	cjm_pu_emotion(end, f->end);
	cjm_pu_emotion(peak, f->peak);
	strbuf why = { 0 };
	strbuf_printf(&why, "The journey is negative as a whole: mean emotion %s over %zu scored touchpoints", mean,
		      f->scored);
	if (low_mean)
		strbuf_printf(&why, " (below %s)", limit);
	if (mostly_negative)
		strbuf_printf(&why, "; %zu of the %zu are negative", f->emotion.negative, f->scored);
	if (negative_ends) {
		strbuf_printf(&why, "; the end is %s (", end);
		cjm_pu_quote(&why, f->tps[f->end_at].tp->name, CJM_PU_QUOTE_MAX);
		strbuf_printf(&why, ") and the peak %s (", peak);
		cjm_pu_quote(&why, f->tps[f->peak_at].tp->name, CJM_PU_QUOTE_MAX);
		strbuf_putc(&why, ')');
	}
	strbuf_puts(&why, ". Fixing single steps may not be enough: ask the room whether we would build this "
			  "journey this way today, starting from what the customer wants (as Bitcoin redesigned "
			  "paying without a bank).");
	cjm_suggestion_spec spec = {
		.target = NULL,
		.title = REDESIGN_QUESTION,
		.rationale = why.data,
		.priority = holding >= 2 ? 1 : 2,
		.proposal = { .kind = CJM_PROPOSE_NOTHING },
	};
	ctx->emit(ctx, &spec);
	strbuf_release(&why);
	cjm_figures_free(f);
}

const cjm_pattern cjm_pattern_redesign = {
	.abi = CJM_PLUGIN_ABI,
	.id = "redesign",
	.summary = "Tip 10: a journey negative as a whole: would we build it this way today?",
	.default_threshold = 0,
	.threshold_means = "mean emotion below",
	.suggest = redesign_suggest,
};
