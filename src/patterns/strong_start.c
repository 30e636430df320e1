/* Tip 4, a strong start: the journey's first scored touchpoint, and the first one after each commitment, when not positive. */
#include <stdbool.h>
#include <stddef.h>

#include "cjm/map.h"
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
 * as the one after the commitment.
 */

static const char *const start_invoice_words[] = {"factuur", "invoice", "bill", "rekening", "deductible",
						   "payment", NULL};
static const char *const start_form_words[] = {"formulier", "contactform", "aanvra", "request", "sign up",
						"signup", "aanmeld", "registr", NULL};

/* Writes into OUT an idea that confirms the choice at TP (AFTER_COMMITMENT: right after committing). */
static void start_idea(strbuf *out, const cjm_touchpoint *tp, bool after_commitment)
{
	if (after_commitment && cjm_pu_mentions(tp->name, start_invoice_words)) {
		strbuf_puts(out, "Before this arrives, confirm the choice: a personal message from the account "
				 "manager, a testimonial from a customer like them, and the next steps with dates");
	} else if (after_commitment) {
		strbuf_puts(out, "Confirm the choice here: a personal message, a testimonial from a customer "
				 "like them, and what happens next, with dates");
	} else if (cjm_pu_mentions(tp->name, start_form_words)) {
		strbuf_puts(out, "Make the thank-you page and the confirmation mail a 'wow': a personal message, "
				 "a testimonial and the next steps");
	} else if (tp->emotion < 0) {
		strbuf_puts(out, "Be there from the first moment: a personal first contact that says what "
				 "happens next, step by step");
	} else {
		strbuf_puts(out, "Open warmly: a personal welcome, a testimonial from a customer like them, and "
				 "what happens next, step by step");
	}
}

/* Emits the suggestion for TP, the first scored touchpoint after COMMITMENT (NULL: of the journey). */
static void start_emit(const cjm_pattern_context *ctx, const cjm_touchpoint *tp, const cjm_touchpoint *commitment)
{
	char title[CJM_PU_TITLE_MAX + 1];
	char num[40];
	char emo[8];
	strbuf why = {0};
	strbuf idea = {0};

	cjm_pu_title(title, commitment ? "Confirm the choice at " : "Start strong at ", tp->name, "");
	if (commitment) {
		strbuf_puts(&why, "Right after committing at ");
		cjm_pu_quote(&why, commitment->name, CJM_PU_QUOTE_MAX);
		strbuf_puts(&why, ", the customer meets ");
		cjm_pu_quote(&why, tp->name, CJM_PU_QUOTE_MAX);
		strbuf_printf(&why, " at emotion %s", cjm_pu_emotion(emo, tp->emotion));
	} else {
		strbuf_puts(&why, "The journey opens at ");
		cjm_pu_quote(&why, tp->name, CJM_PU_QUOTE_MAX);
		strbuf_printf(&why, " with emotion %s", cjm_pu_emotion(emo, tp->emotion));
	}
	strbuf_printf(&why, " (below %s)", cjm_pu_number(num, ctx->threshold));
	if (tp->pains.len > 0) {
		strbuf_puts(&why, "; pain: ");
		cjm_pu_quote(&why, tp->pains.items[0], CJM_PU_QUOTE_MAX);
	}
	strbuf_puts(&why, commitment ? ". This is when doubt sets in (did I choose well?): confirm the choice."
				     : ". A weak start colours everything after it.");
	start_idea(&idea, tp, commitment != NULL);

	cjm_suggestion_spec spec = {
		.target = tp->id,
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
	const cjm_map *map = ctx->map;
	bool seen_scored = false;
	const cjm_touchpoint *commitment = NULL; /* waiting for the first scored touchpoint after it */

	for (size_t p = 0; p < map->phase_count; p++) {
		for (size_t i = 0; i < map->phases[p]->touchpoint_count; i++) {
			const cjm_touchpoint *tp = map->phases[p]->touchpoints[i];
			if (tp->has_emotion) {
				if ((commitment || !seen_scored) && tp->emotion < ctx->threshold)
					start_emit(ctx, tp, commitment);
				seen_scored = true;
				commitment = NULL;
			}
			if (tp->commitment == CJM_TRUE)
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
