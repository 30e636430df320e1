/* Tip 5, end with a smile: the last scored touchpoint, when it falls below the journey's mean (peak-end rule). */
#include <stdbool.h>
#include <stddef.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/i18n.h"
#include "util/lang.h"
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

/* Writes into OUT an idea that makes the end of the journey memorable at TP, in LANG (the
 * map's language); PEAK is the journey's peak (TP itself when the end is the peak). */
static void end_idea(strbuf *out, const cjm_api *api, const cjm_map *map, const cjm_touchpoint *tp,
		     const cjm_touchpoint *peak, const char *lang)
{
	if (cjm_pu_map_mentions(api, map, end_story_words)) {
		/* the map's own story: speak of its own touchpoints, not of Audi */
		strbuf quote = {0}, quote2 = {0};
		cjm_pu_quoted(&quote, api->tp_name(tp), CJM_PU_QUOTE_MAX);
		if (peak != tp && cjm_pu_emotion_of(api, peak) > 0)
			/* TRANSLATORS: an idea written into the map: the journey's last touchpoint and
			 * its peak, both quoted. */
			strbuf_printf(out, L_(lang, "Make %s a moment the customer will not forget, as good as %s"),
				      quote.data, cjm_pu_quoted(&quote2, api->tp_name(peak), CJM_PU_QUOTE_MAX));
		else
			/* TRANSLATORS: an idea written into the map; %s is the journey's last touchpoint, quoted. */
			strbuf_printf(out, L_(lang, "Make %s a moment the customer will not forget: a personal thank-you "
						    "and a look back at what was achieved"),
				      quote.data);
		strbuf_release(&quote);
		strbuf_release(&quote2);
	} else if (cjm_pu_mentions(api->tp_name(tp), end_handover_words))
		strbuf_puts(out, L_(lang, "Make the handover an event the customer will not forget, as Audi does by "
					  "letting customers pick up their new car at the factory"));
	else
		strbuf_puts(out, L_(lang, "End on a high: close the journey with a memorable moment (a personal thank-you, "
					  "a look back at what was achieved), as Audi does with the factory pickup"));
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

	char gap_text[40];
	strbuf quote = {0};
	cjm_pu_title_fmt(title, _("End with a smile at %s"), api->tp_name(last));
	cjm_pu_quoted(&quote, api->tp_name(last), CJM_PU_QUOTE_MAX);
	cjm_pu_emotion(emo, end_emotion);
	cjm_pu_ui_mean(mean_text, mean);
	double gap = mean - (double)end_emotion;
	/* TRANSLATORS: the rationales below: the journey's last touchpoint (quoted), its emotion
	 * such as "-1", (how far below or above), the mean emotion such as "+0.8" and how many
	 * touchpoints have an emotion. */
	if (gap >= 0.05)
		strbuf_printf(&why,
			      P_("The journey ends at %s with emotion %s, %s below the journey's mean of %s over %zu "
				 "scored touchpoints",
				 "The journey ends at %s with emotion %s, %s below the journey's mean of %s over %zu "
				 "scored touchpoints",
				 scored),
			      quote.data, emo, cjm_pu_ui_fixed1(gap_text, gap), mean_text, scored);
	else if (gap > 0)
		strbuf_printf(&why,
			      P_("The journey ends at %s with emotion %s, just below the journey's mean of %s over %zu "
				 "scored touchpoints",
				 "The journey ends at %s with emotion %s, just below the journey's mean of %s over %zu "
				 "scored touchpoints",
				 scored),
			      quote.data, emo, mean_text, scored);
	else if (gap <= -0.05) /* a negative threshold flags an end a little above the mean too */
		strbuf_printf(&why,
			      P_("The journey ends at %s with emotion %s, only %s above the journey's mean of %s over "
				 "%zu scored touchpoints",
				 "The journey ends at %s with emotion %s, only %s above the journey's mean of %s over "
				 "%zu scored touchpoints",
				 scored),
			      quote.data, emo, cjm_pu_ui_fixed1(gap_text, -gap), mean_text, scored);
	else if (gap < 0)
		strbuf_printf(&why,
			      P_("The journey ends at %s with emotion %s, just above the journey's mean of %s over %zu "
				 "scored touchpoints",
				 "The journey ends at %s with emotion %s, just above the journey's mean of %s over %zu "
				 "scored touchpoints",
				 scored),
			      quote.data, emo, mean_text, scored);
	else
		strbuf_printf(&why,
			      P_("The journey ends at %s with emotion %s, at the journey's mean of %s over %zu scored "
				 "touchpoints",
				 "The journey ends at %s with emotion %s, at the journey's mean of %s over %zu scored "
				 "touchpoints",
				 scored),
			      quote.data, emo, mean_text, scored);
	if (ctx->threshold > 0)
		/* TRANSLATORS: a clause of a rationale; %s is the pattern's threshold. */
		strbuf_printf(&why, _(" (the margin is %s)"), cjm_pu_ui_number(num, ctx->threshold));
	if (peak != last)
		/* TRANSLATORS: a clause of a rationale: the peak's emotion such as "+3" and its touchpoint, quoted. */
		strbuf_printf(&why, _("; the peak is %s at %s"), cjm_pu_emotion(emo, cjm_pu_emotion_of(api, peak)),
			      cjm_pu_quoted(&quote, api->tp_name(peak), CJM_PU_QUOTE_MAX));
	strbuf_puts(&why, _(". Customers remember the peak and the end: finish stronger."));
	strbuf_release(&quote);
	end_idea(&idea, api, ctx->map, last, peak, cjm_pu_lang(api, ctx->map));

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
	.summary = N_("Tip 5: end with a smile, when the last moment is below the journey's mean"),
	.default_threshold = END_DEFAULT_THRESHOLD,
	.threshold_means = N_("end below the mean by more than"),
	.suggest = end_suggest,
};
