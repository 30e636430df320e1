/* Tip 10, redesign: a journey that is negative as a whole asks whether we would build it this way today. */
#include <stdbool.h>
#include <stddef.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/strbuf.h"

#define REDESIGN_MIN_SCORED 3 /* fewer scored touchpoints say too little about the whole */
#define REDESIGN_QUESTION "Would we build this journey this way today?"

/* Words of a map about the Bitcoin story itself, where it is no outside example. */
static const char *const redesign_story_words[] = {"bitcoin", "crypto", NULL};

static void redesign_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	if (!map)
		return;
	/* The emotion of the journey as a whole, as cjm-stats(1) defines it (DESIGN, Figures). */
	cjm_emotion_figures w = { .size = sizeof w };
	api->journey_emotion(map, &w);
	if (w.scored < REDESIGN_MIN_SCORED)
		return;
	int end_emotion = cjm_pu_emotion_of(api, w.end), peak_emotion = cjm_pu_emotion_of(api, w.peak);
	double mean_emotion = w.mean;
	bool low_mean = mean_emotion < ctx->threshold;
	bool mostly_negative = w.negative * 2 > w.scored;
	bool negative_ends = end_emotion < 0 && peak_emotion < 0;
	int holding = (int)low_mean + (int)mostly_negative + (int)negative_ends;
	if (holding == 0)
		return;

	char mean[16], limit[40], end[8], peak[8];
	cjm_pu_mean(mean, mean_emotion);
	cjm_pu_number(limit, ctx->threshold);
	cjm_pu_emotion(end, end_emotion);
	cjm_pu_emotion(peak, peak_emotion);
	strbuf why = { 0 };
	strbuf_printf(&why, "The journey is negative as a whole: mean emotion %s over %zu scored touchpoints", mean,
		      w.scored);
	if (low_mean)
		strbuf_printf(&why, " (below %s)", limit);
	if (mostly_negative)
		strbuf_printf(&why, "; %zu of the %zu are negative", w.negative, w.scored);
	if (negative_ends) {
		strbuf_printf(&why, "; the end is %s (", end);
		cjm_pu_quote(&why, api->tp_name(w.end), CJM_PU_QUOTE_MAX);
		strbuf_printf(&why, ") and the peak %s (", peak);
		cjm_pu_quote(&why, api->tp_name(w.peak), CJM_PU_QUOTE_MAX);
		strbuf_putc(&why, ')');
	}
	strbuf_puts(&why, ". Fixing single steps may not be enough: ask the room whether we would build this "
			  "journey this way today, starting from what the customer wants");
	strbuf_puts(&why, cjm_pu_map_mentions(api, ctx->map, redesign_story_words)
				  ? "."
				  : " (as Bitcoin redesigned paying without a bank).");
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
