/* Tip 4, a strong start: the journey's first scored touchpoint, and the first one after each commitment, when not positive. */
#include <stdbool.h>
#include <stddef.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/strbuf.h"

#define START_DEFAULT_THRESHOLD 1.0
#define START_PRIORITY 2

/*
 * Right after the customer commits (signs, pays) comes doubt: did I choose
 * well? The first scored touchpoint after each `commitment: true` one (across
 * phases, skipping unscored ones) and the first scored touchpoint of the
 * journey are checked: below the threshold (default +1, so not positive), they
 * get an idea that confirms the choice. A touchpoint that is both is named once,
 * as the one after the commitment. An event the company does not run (no owner
 * in a map that names owners, like the accident itself) and a contact the
 * customer does not notice are passed over: the start is the first one we run
 * and the customer notices.
 */

static const char *const start_invoice_words[] = {"factuur", "invoice", "bill", "rekening", "deductible",
						   "payment", NULL};
static const char *const start_form_words[] = {"formulier", "contactform", "aanvra", "request", "sign up",
						"signup", "aanmeld", "registr", NULL};

/* Writes into OUT an idea that confirms the choice at TP (AFTER_COMMITMENT: right after committing). */
static void start_idea(strbuf *out, const cjm_api *api, const cjm_touchpoint *tp, int emotion,
		       bool after_commitment)
{
	if (after_commitment && cjm_pu_mentions(api->tp_name(tp), start_invoice_words)) {
		strbuf_puts(out, "Before this arrives, confirm the choice: a personal message from the account "
				 "manager, a testimonial from a customer like them, and the next steps with dates");
	} else if (after_commitment) {
		strbuf_puts(out, "Confirm the choice here: a personal message, a testimonial from a customer "
				 "like them, and what happens next, with dates");
	} else if (cjm_pu_mentions(api->tp_name(tp), start_form_words)) {
		strbuf_puts(out, "Make the thank-you page and the confirmation mail a 'wow': a personal message, "
				 "a testimonial and the next steps");
	} else if (emotion < 0) {
		strbuf_puts(out, "Be there from the first moment: a personal first contact that says what "
				 "happens next, step by step");
	} else {
		strbuf_puts(out, "Open warmly: a personal welcome, a testimonial from a customer like them, and "
				 "what happens next, step by step");
	}
}

/* Emits the suggestion for TP, at EMOTION, the first scored touchpoint after COMMITMENT (NULL:
 * of the journey). */
static void start_emit(const cjm_pattern_context *ctx, const cjm_touchpoint *tp, int emotion,
		       const cjm_touchpoint *commitment)
{
	const cjm_api *api = ctx->api;
	char title[CJM_PU_TITLE_MAX + 1];
	char num[40];
	char emo[8];
	strbuf why = {0};
	strbuf idea = {0};

	cjm_pu_title(title, commitment ? "Confirm the choice at " : "Start strong at ", api->tp_name(tp), "");
	if (commitment) {
		strbuf_puts(&why, "Right after committing at ");
		cjm_pu_quote(&why, api->tp_name(commitment), CJM_PU_QUOTE_MAX);
		strbuf_puts(&why, ", the customer meets ");
		cjm_pu_quote(&why, api->tp_name(tp), CJM_PU_QUOTE_MAX);
		strbuf_printf(&why, " at emotion %s", cjm_pu_emotion(emo, emotion));
	} else {
		strbuf_puts(&why, "The journey opens at ");
		cjm_pu_quote(&why, api->tp_name(tp), CJM_PU_QUOTE_MAX);
		strbuf_printf(&why, " with emotion %s", cjm_pu_emotion(emo, emotion));
	}
	strbuf_printf(&why, " (below %s)", cjm_pu_number(num, ctx->threshold));
	if (api->tp_pain_count(tp) > 0) {
		strbuf_puts(&why, "; pain: ");
		cjm_pu_quote(&why, api->tp_pain(tp, 0), CJM_PU_QUOTE_MAX);
	}
	strbuf_puts(&why, commitment ? ". This is when doubt sets in (did I choose well?): confirm the choice."
				     : ". A weak start colours everything after it.");
	start_idea(&idea, api, tp, emotion, commitment != NULL);

	cjm_suggestion_spec spec = {
		.target = api->tp_id(tp),
		.title = title,
		.rationale = why.data,
		.priority = START_PRIORITY,
		.proposal = {.kind = CJM_PROPOSE_IDEA, .text = idea.data},
	};
	ctx->emit(ctx, &spec);
	strbuf_release(&why);
	strbuf_release(&idea);
}

static void start_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	bool seen_scored = false;
	const cjm_touchpoint *commitment = NULL; /* waiting for the first scored touchpoint after it */
	bool owners = cjm_pu_map_names_owners(api, map);

	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t i = 0; i < count; i++) {
			const cjm_touchpoint *tp = api->touchpoint_at(phase, i);
			int emotion;
			if (api->tp_emotion(tp, &emotion) && !cjm_pu_not_ours(api, tp, owners) && api->tp_visible(tp)) {
				if ((commitment || !seen_scored) && emotion < ctx->threshold)
					start_emit(ctx, tp, emotion, commitment);
				seen_scored = true;
				commitment = NULL;
			}
			if (api->tp_commitment(tp) == CJM_YESNO_YES)
				commitment = tp;
		}
	}
}

const cjm_pattern cjm_pattern_strong_start = {
	.abi = CJM_PLUGIN_ABI,
	.id = "strong-start",
	.summary = "Tip 4: a strong start, at the first touchpoint and right after a commitment",
	.default_threshold = START_DEFAULT_THRESHOLD,
	.threshold_means = "emotion below (at the start)",
	.suggest = start_suggest,
};
