/* Tip 10, redesign: a journey that is negative as a whole asks whether we would build it this way today. */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include "cjm/map.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/strbuf.h"

#define REDESIGN_MIN_SCORED 3 /* fewer scored touchpoints say too little about the whole */
#define REDESIGN_QUESTION "Would we build this journey this way today?"

/* The emotion of the journey as a whole, as cjm-stats(1) defines it (DESIGN, Figures):
 * one walk, since the patterns run on every idle moment of the editor. */
typedef struct redesign_whole {
	size_t scored, negative;
	long sum;
	const cjm_touchpoint *peak; /* the largest absolute emotion, the earliest on a tie */
	const cjm_touchpoint *end;  /* the last scored */
} redesign_whole;

static redesign_whole redesign_measure(const cjm_map *map)
{
	redesign_whole w = { 0 };
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		for (size_t t = 0; t < phase->touchpoint_count; t++) {
			const cjm_touchpoint *tp = phase->touchpoints[t];
			if (!tp->has_emotion)
				continue;
			w.scored++;
			w.sum += tp->emotion;
			w.negative += tp->emotion < 0;
			if (!w.peak || abs(tp->emotion) > abs(w.peak->emotion))
				w.peak = tp;
			w.end = tp;
		}
	}
	return w;
}

static void redesign_suggest(const cjm_pattern_context *ctx)
{
	const cjm_map *map = ctx->map;
	if (!map)
		return;
	redesign_whole w = redesign_measure(map);
	if (w.scored < REDESIGN_MIN_SCORED)
		return;
	double mean_emotion = (double)w.sum / (double)w.scored;
	bool low_mean = mean_emotion < ctx->threshold;
	bool mostly_negative = w.negative * 2 > w.scored;
	bool negative_ends = w.end->emotion < 0 && w.peak->emotion < 0;
	int holding = (int)low_mean + (int)mostly_negative + (int)negative_ends;
	if (holding == 0)
		return;

	char mean[16], limit[40], end[8], peak[8];
	cjm_pu_mean(mean, mean_emotion);
	cjm_pu_number(limit, ctx->threshold);
	cjm_pu_emotion(end, w.end->emotion);
	cjm_pu_emotion(peak, w.peak->emotion);
	strbuf why = { 0 };
	strbuf_printf(&why, "The journey is negative as a whole: mean emotion %s over %zu scored touchpoints", mean,
		      w.scored);
	if (low_mean)
		strbuf_printf(&why, " (below %s)", limit);
	if (mostly_negative)
		strbuf_printf(&why, "; %zu of the %zu are negative", w.negative, w.scored);
	if (negative_ends) {
		strbuf_printf(&why, "; the end is %s (", end);
		cjm_pu_quote(&why, w.end->name, CJM_PU_QUOTE_MAX);
		strbuf_printf(&why, ") and the peak %s (", peak);
		cjm_pu_quote(&why, w.peak->name, CJM_PU_QUOTE_MAX);
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
}

const cjm_pattern cjm_pattern_redesign = {
	.abi = CJM_PLUGIN_ABI,
	.id = "redesign",
	.summary = "Tip 10: a journey negative as a whole: would we build it this way today?",
	.default_threshold = 0,
	.threshold_means = "mean emotion below",
	.suggest = redesign_suggest,
};
