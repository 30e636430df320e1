/* Tip 4, a strong start: the journey's first scored touchpoint, and the first one after each commitment, when not positive. */
#include <stdbool.h>
#include <stddef.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/i18n.h"
#include "util/lang.h"
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

/* Writes into OUT an idea that confirms the choice at TP (AFTER_COMMITMENT: right after
 * committing), in LANG (the map's language). */
static void start_idea(strbuf *out, const cjm_api *api, const cjm_touchpoint *tp, int emotion,
		       bool after_commitment, const char *lang)
{
	if (after_commitment && cjm_pu_mentions(api->tp_name(tp), start_invoice_words)) {
		strbuf_puts(out, L_(lang, "Before this arrives, confirm the choice: a personal message from the account "
					  "manager, a testimonial from a customer like them, and the next steps with dates"));
	} else if (after_commitment) {
		strbuf_puts(out, L_(lang, "Confirm the choice here: a personal message, a testimonial from a customer "
					  "like them, and what happens next, with dates"));
	} else if (cjm_pu_mentions(api->tp_name(tp), start_form_words)) {
		strbuf_puts(out, L_(lang, "Make the thank-you page and the confirmation mail a 'wow': a personal message, "
					  "a testimonial and the next steps"));
	} else if (emotion < 0) {
		strbuf_puts(out, L_(lang, "Be there from the first moment: a personal first contact that says what "
					  "happens next, step by step"));
	} else {
		strbuf_puts(out, L_(lang, "Open warmly: a personal welcome, a testimonial from a customer like them, and "
					  "what happens next, step by step"));
	}
}

/* What one run keeps from one suggestion to the next: the buffers, the map's language and
 * the interface's texts, looked up once. */
typedef struct start_run {
	strbuf why, idea, quote, quote2;
	const char *lang;
	const char *title_confirm, *title_start, *after, *opens, *pain, *doubt, *weak;
} start_run;

static void start_run_init(start_run *run, const cjm_api *api, const cjm_map *map)
{
	*run = (start_run){0};
	run->lang = cjm_pu_lang(api, map);
	run->title_confirm = _("Confirm the choice at %s");
	run->title_start = _("Start strong at %s");
	/* TRANSLATORS: a rationale: the touchpoint where the customer committed (quoted), the
	 * touchpoint right after it (quoted), its emotion such as "-1" and the threshold. */
	run->after = _("Right after committing at %s, the customer meets %s at emotion %s (below %s)");
	/* TRANSLATORS: a rationale: the journey's first touchpoint (quoted), its emotion such as
	 * "-1" and the threshold. */
	run->opens = _("The journey opens at %s with emotion %s (below %s)");
	/* TRANSLATORS: a clause of a rationale; %s is the touchpoint's pain, quoted. */
	run->pain = _("; pain: %s");
	run->doubt = _(". This is when doubt sets in (did I choose well?): confirm the choice.");
	run->weak = _(". A weak start colours everything after it.");
}

static void start_run_release(start_run *run)
{
	strbuf_release(&run->why);
	strbuf_release(&run->idea);
	strbuf_release(&run->quote);
	strbuf_release(&run->quote2);
}

/* Emits the suggestion for TP, at EMOTION, the first scored touchpoint after COMMITMENT (NULL:
 * of the journey). */
static void start_emit(const cjm_pattern_context *ctx, start_run *run, const cjm_touchpoint *tp, int emotion,
		       const cjm_touchpoint *commitment)
{
	const cjm_api *api = ctx->api;
	char title[CJM_PU_TITLE_MAX + 1];
	char num[40];
	char emo[8];
	strbuf *why = &run->why;
	strbuf *idea = &run->idea;
	strbuf_reset(why);
	strbuf_reset(idea);

	cjm_pu_title_fmt(title, commitment ? run->title_confirm : run->title_start, api->tp_name(tp));
	const char *name = cjm_pu_quoted(&run->quote, api->tp_name(tp), CJM_PU_QUOTE_MAX);
	cjm_pu_emotion(emo, emotion);
	cjm_pu_ui_number(num, ctx->threshold);
	if (commitment) {
		const char *args[] = {cjm_pu_quoted(&run->quote2, api->tp_name(commitment), CJM_PU_QUOTE_MAX), name,
				      emo, num};
		cjm_pu_format(why, run->after, 4, args);
	} else {
		const char *args[] = {name, emo, num};
		cjm_pu_format(why, run->opens, 3, args);
	}
	if (api->tp_pain_count(tp) > 0) {
		const char *pain = cjm_pu_quoted(&run->quote, api->tp_pain(tp, 0), CJM_PU_QUOTE_MAX);
		cjm_pu_format(why, run->pain, 1, &pain);
	}
	strbuf_puts(why, commitment ? run->doubt : run->weak);
	start_idea(idea, api, tp, emotion, commitment != NULL, run->lang);

	cjm_suggestion_spec spec = {
		.target = api->tp_id(tp),
		.title = title,
		.rationale = why->data,
		.priority = START_PRIORITY,
		.proposal = {.kind = CJM_PROPOSE_IDEA, .text = idea->data},
	};
	ctx->emit(ctx, &spec);
}

static void start_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	bool seen_scored = false;
	const cjm_touchpoint *commitment = NULL; /* waiting for the first scored touchpoint after it */
	bool owners = cjm_pu_map_names_owners(api, map);
	start_run run;
	start_run_init(&run, api, map);

	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t i = 0; i < count; i++) {
			const cjm_touchpoint *tp = api->touchpoint_at(phase, i);
			int emotion;
			if (api->tp_emotion(tp, &emotion) && !cjm_pu_not_ours(api, tp, owners) && api->tp_visible(tp)) {
				if ((commitment || !seen_scored) && emotion < ctx->threshold)
					start_emit(ctx, &run, tp, emotion, commitment);
				seen_scored = true;
				commitment = NULL;
			}
			if (api->tp_commitment(tp) == CJM_YESNO_YES)
				commitment = tp;
		}
	}
	start_run_release(&run);
}

const cjm_pattern cjm_pattern_strong_start = {
	.abi = CJM_PLUGIN_ABI,
	.id = "strong-start",
	.summary = N_("Tip 4: a strong start, at the first touchpoint and right after a commitment"),
	.default_threshold = START_DEFAULT_THRESHOLD,
	.threshold_means = N_("emotion below (at the start)"),
	.suggest = start_suggest,
};
