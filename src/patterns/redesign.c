/* Tip 10, redesign: a journey that is negative as a whole asks whether we would build it this way today. */
#include <stdbool.h>
#include <stddef.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/i18n.h"
#include "util/strbuf.h"

#define REDESIGN_MIN_SCORED 3 /* fewer scored touchpoints say too little about the whole */

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
	cjm_pu_ui_mean(mean, mean_emotion);
	cjm_pu_ui_number(limit, ctx->threshold);
	cjm_pu_emotion(end, end_emotion);
	cjm_pu_emotion(peak, peak_emotion);
	strbuf why = { 0 }, q = { 0 };
	if (low_mean)
		/* TRANSLATORS: %1$s is the mean emotion, %2$zu the number of scored touchpoints,
		 * %3$s the pattern's threshold. */
		strbuf_printf(&why, P_("The journey is negative as a whole: mean emotion %s over %zu scored touchpoint (below %s)",
				       "The journey is negative as a whole: mean emotion %s over %zu scored touchpoints (below %s)",
				       w.scored),
			      mean, w.scored, limit);
	else
		/* TRANSLATORS: %1$s is the mean emotion, %2$zu the number of scored touchpoints. */
		strbuf_printf(&why, P_("The journey is negative as a whole: mean emotion %s over %zu scored touchpoint",
				       "The journey is negative as a whole: mean emotion %s over %zu scored touchpoints",
				       w.scored),
			      mean, w.scored);
	if (mostly_negative)
		/* TRANSLATORS: a clause of the rationale; %1$zu negative of %2$zu scored touchpoints. */
		strbuf_printf(&why, _("; %zu of the %zu are negative"), w.negative, w.scored);
	if (negative_ends) {
		strbuf q2 = { 0 };
		cjm_pu_quote(&q, api->tp_name(w.end), CJM_PU_QUOTE_MAX);
		cjm_pu_quote(&q2, api->tp_name(w.peak), CJM_PU_QUOTE_MAX);
		/* TRANSLATORS: a clause of the rationale; %1$s is the end's emotion, %2$s the quoted
		 * end touchpoint, %3$s the peak's emotion, %4$s the quoted peak touchpoint. */
		strbuf_printf(&why, _("; the end is %s (%s) and the peak %s (%s)"), end, q.data, peak, q2.data);
		strbuf_release(&q2);
	}
	strbuf_puts(&why, ". ");
	strbuf_puts(&why, cjm_pu_map_mentions(api, ctx->map, redesign_story_words)
				  ? _("Fixing single steps may not be enough: ask the room whether we would build this "
				      "journey this way today, starting from what the customer wants.")
				  : _("Fixing single steps may not be enough: ask the room whether we would build this "
				      "journey this way today, starting from what the customer wants (as Bitcoin "
				      "redesigned paying without a bank)."));
	strbuf_release(&q);
	cjm_suggestion_spec spec = {
		.target = NULL,
		.title = _("Would we build this journey this way today?"),
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
	.summary = N_("Tip 10: a journey negative as a whole: would we build it this way today?"),
	.default_threshold = 0,
	.threshold_means = N_("mean emotion below"),
	.suggest = redesign_suggest,
};
