/* Tip 5, end with a smile: the last scored touchpoint, when it falls below the journey's mean (peak-end rule). */
#include <stdbool.h>
#include <stddef.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/strbuf.h"

#define END_DEFAULT_THRESHOLD 0.0
#define END_PRIORITY 2

/*
 * Customers remember a journey by its peak and its end (Kahneman's peak-end
 * rule). The end is the last scored touchpoint; it is flagged when its emotion
 * is below the mean of all scored emotions by more than the threshold
 * (default 0: any amount below the mean).
 */

static const char *const end_handover_words[] = {"deliver", "levering", "aflever", "overdracht", "handover",
						   "pickup", "pick-up", "ophalen", "afhalen", "returned", "oplever",
						   NULL};

/* Words of a map about the Audi story or its sector (cars), where Audi is no outside example. */
static const char *const end_story_words[] = {"audi", "auto", " car", "car ", "dealer", "fabriek", "factory",
					       NULL};

/* Writes into OUT an idea that makes the end of the journey memorable at TP; PEAK is the
 * journey's peak (TP itself when the end is the peak). */
static void end_idea(strbuf *out, const cjm_api *api, const cjm_map *map, const cjm_touchpoint *tp,
		     const cjm_touchpoint *peak)
{
	if (cjm_pu_map_mentions(api, map, end_story_words)) {
		/* the map's own story: speak of its own touchpoints, not of Audi */
		strbuf_puts(out, "Make ");
		cjm_pu_quote(out, api->tp_name(tp), CJM_PU_QUOTE_MAX);
		if (peak != tp && cjm_pu_emotion_of(api, peak) > 0) {
			strbuf_puts(out, " a moment the customer will not forget, as good as ");
			cjm_pu_quote(out, api->tp_name(peak), CJM_PU_QUOTE_MAX);
		} else {
			strbuf_puts(out, " a moment the customer will not forget: a personal thank-you and a look "
					 "back at what was achieved");
		}
	} else if (cjm_pu_mentions(api->tp_name(tp), end_handover_words))
		strbuf_puts(out, "Make the handover an event the customer will not forget, as Audi does by "
				 "letting customers pick up their new car at the factory");
	else
		strbuf_puts(out, "End on a high: close the journey with a memorable moment (a personal thank-you, "
				 "a look back at what was achieved), as Audi does with the factory pickup");
}

static void end_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	/* the end is the last scored touchpoint, the peak the largest |emotion|, earliest on a tie */
	cjm_emotion_figures journey = { .size = sizeof journey };
	if (!api->journey_emotion(ctx->map, &journey))
		return;
	const cjm_touchpoint *last = journey.end, *peak = journey.peak;
	int end_emotion = cjm_pu_emotion_of(api, last);
	double mean = journey.mean;
	size_t scored = journey.scored;
	if (!(mean - (double)end_emotion > ctx->threshold))
		return;
	/* Not an event the company does not run, nor a contact the customer does not notice. */
	if (!api->tp_visible(last) || cjm_pu_not_ours(api, last, cjm_pu_map_names_owners(api, ctx->map)))
		return;

	char title[CJM_PU_TITLE_MAX + 1];
	char emo[8];
	char mean_text[16];
	char num[40];
	strbuf why = {0};
	strbuf idea = {0};

	cjm_pu_title(title, "End with a smile at ", api->tp_name(last), "");
	strbuf_puts(&why, "The journey ends at ");
	cjm_pu_quote(&why, api->tp_name(last), CJM_PU_QUOTE_MAX);
	double gap = mean - (double)end_emotion;
	strbuf_printf(&why, " with emotion %s, ", cjm_pu_emotion(emo, end_emotion));
	if (gap >= 0.05)
		strbuf_printf(&why, "%.1f below", gap);
	else if (gap > 0)
		strbuf_puts(&why, "just below");
	else if (gap <= -0.05) /* a negative threshold flags an end a little above the mean too */
		strbuf_printf(&why, "only %.1f above", -gap);
	else
		strbuf_puts(&why, gap < 0 ? "just above" : "at");
	strbuf_printf(&why, " the journey's mean of %s over %zu scored touchpoints", cjm_pu_mean(mean_text, mean),
		      scored);
	if (ctx->threshold > 0)
		strbuf_printf(&why, " (the margin is %s)", cjm_pu_number(num, ctx->threshold));
	if (peak != last) {
		strbuf_printf(&why, "; the peak is %s at ", cjm_pu_emotion(emo, cjm_pu_emotion_of(api, peak)));
		cjm_pu_quote(&why, api->tp_name(peak), CJM_PU_QUOTE_MAX);
	}
	strbuf_puts(&why, ". Customers remember the peak and the end: finish stronger.");
	end_idea(&idea, api, ctx->map, last, peak);

	cjm_suggestion_spec spec = {
		.target = api->tp_id(last),
		.title = title,
		.rationale = why.data,
		.priority = END_PRIORITY,
		.proposal = {.kind = CJM_PROPOSE_IDEA, .text = idea.data},
	};
	ctx->emit(ctx, &spec);
	strbuf_release(&why);
	strbuf_release(&idea);
}

const cjm_pattern cjm_pattern_end_with_smile = {
	.abi = CJM_PLUGIN_ABI,
	.id = "end-with-smile",
	.summary = "Tip 5: end with a smile, when the last moment is below the journey's mean",
	.default_threshold = END_DEFAULT_THRESHOLD,
	.threshold_means = "end below the mean by more than",
	.suggest = end_suggest,
};
