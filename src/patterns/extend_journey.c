/* Tip 6, extend the journey: ask what the customer does just before the decision and just after delivery. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/i18n.h"
#include "util/lang.h"
#include "util/strbuf.h"

#define EXTEND_PRIORITY 4

/* Words of a map about the Twitter story itself, where it is no outside example. */
static const char *const extend_story_words[] = {"twitter", NULL};

/* Words in a touchpoint's name that make it read as the delivery (matched anywhere, any case). */
static const char *const extend_delivery_words[] = {
	"deliver", "levering", "geleverd", "aflever", "bezorg", "overdracht",
	"handover", "hand-over", "pickup", "pick-up", "pick up", "ophalen", "afhalen", NULL,
};

static void extend_emit(const cjm_pattern_context *ctx, const cjm_phase *phase, const char *title,
			const char *rationale, const char *text, size_t position)
{
	const char *id = ctx->api->phase_id(phase);
	cjm_suggestion_spec spec = {
		.target = id,
		.title = title,
		.rationale = rationale,
		.priority = EXTEND_PRIORITY,
		.proposal = { .kind = CJM_PROPOSE_TOUCHPOINT, .text = text, .phase = id, .position = position },
	};
	ctx->emit(ctx, &spec);
}

/* The start: nothing before the first commitment, or (without one) a thin first phase. */
static void extend_start(const cjm_pattern_context *ctx, const cjm_touchpoint *first_commitment, bool commitment_first)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	const cjm_phase *phase = api->phase_at(map, 0);
	strbuf why = { 0 }, q = { 0 };
	if (first_commitment) {
		if (!commitment_first)
			return;
		/* TRANSLATORS: %s is the quoted name of the journey's first touchpoint. */
		strbuf_printf(&why, _("The journey starts at the decision: %s (commitment: true) is its first "
				      "touchpoint, so nothing on the map happens before the customer commits."),
			      cjm_pu_quoted(&q, api->tp_name(first_commitment), CJM_PU_QUOTE_MAX));
	} else {
		size_t n = api->touchpoint_count(phase);
		if ((double)n > ctx->threshold)
			return;
		/* TRANSLATORS: %1$s is the quoted name of the first phase, %2$zu its number of
		 * touchpoints, %3$g the pattern's threshold. */
		strbuf_printf(&why, P_("The first phase %s has %zu touchpoint (at most %g) and no touchpoint is a "
				       "commitment, so the journey may start too late.",
				       "The first phase %s has %zu touchpoints (at most %g) and no touchpoint is a "
				       "commitment, so the journey may start too late.", n),
			      cjm_pu_quoted(&q, api->phase_name(phase), CJM_PU_QUOTE_MAX), n, ctx->threshold);
	}
	strbuf_putc(&why, ' ');
	strbuf_puts(&why, cjm_pu_map_mentions(api, map, extend_story_words)
				  ? _("Ask customers what they do just before; a step added there can set up the rest.")
				  : _("Ask customers what they do just before; a step added there can set up the rest "
				      "(Twitter added one sign-up step asking for interests)."));
	char title[CJM_PU_TITLE_MAX + 1];
	/* TRANSLATORS: a title; %s is the quoted name of the first phase. */
	cjm_pu_title_fmt(title, _("Extend the start: what happens before %s?"), api->phase_name(phase));
	extend_emit(ctx, phase, title, why.data,
		    L_(cjm_pu_lang(api, map), "What does the customer do just before? (ask them)"), 0);
	strbuf_release(&q);
	strbuf_release(&why);
}

/* The end: a thin last phase, or a journey that stops at the commitment or the delivery. */
static void extend_end(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	const cjm_phase *phase = api->phase_at(map, api->phase_count(map) - 1);
	size_t n = api->touchpoint_count(phase);
	const cjm_touchpoint *last = n ? api->touchpoint_at(phase, n - 1) : NULL;
	strbuf why = { 0 }, q = { 0 };
	if ((double)n <= ctx->threshold) {
		/* TRANSLATORS: %1$s is the quoted name of the last phase, %2$zu its number of
		 * touchpoints, %3$g the pattern's threshold. */
		strbuf_printf(&why, P_("The last phase %s has %zu touchpoint (at most %g), so the journey may stop too soon.",
				       "The last phase %s has %zu touchpoints (at most %g), so the journey may stop too soon.",
				       n),
			      cjm_pu_quoted(&q, api->phase_name(phase), CJM_PU_QUOTE_MAX), n, ctx->threshold);
	} else if (!last) {
		return; /* an empty last phase and a threshold below 0: nothing to go on */
	} else if (api->tp_commitment(last) == CJM_YESNO_YES) {
		/* TRANSLATORS: %s is the quoted name of the journey's last touchpoint. */
		strbuf_printf(&why, _("The journey ends at the decision: %s (commitment: true) is its last touchpoint."),
			      cjm_pu_quoted(&q, api->tp_name(last), CJM_PU_QUOTE_MAX));
	} else if (cjm_pu_mentions(api->tp_name(last), extend_delivery_words)) {
		/* TRANSLATORS: %s is the quoted name of the journey's last touchpoint. */
		strbuf_printf(&why, _("The journey ends at the delivery: %s is its last touchpoint."),
			      cjm_pu_quoted(&q, api->tp_name(last), CJM_PU_QUOTE_MAX));
	} else {
		strbuf_release(&why);
		return;
	}
	strbuf_putc(&why, ' ');
	strbuf_puts(&why, _("Ask customers what happens just after; the experience goes on after we stop counting."));
	char title[CJM_PU_TITLE_MAX + 1];
	/* TRANSLATORS: a title; %s is the quoted name of the last phase. */
	cjm_pu_title_fmt(title, _("Extend the end: what happens after %s?"), api->phase_name(phase));
	extend_emit(ctx, phase, title, why.data, L_(cjm_pu_lang(api, map), "What happens just after?"), (size_t)-1);
	strbuf_release(&q);
	strbuf_release(&why);
}

static void extend_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	if (!map || api->phase_count(map) == 0)
		return;
	/* One pass: the first commitment, whether it is the first touchpoint, and whether there is any. */
	const cjm_touchpoint *commitment = NULL;
	size_t seen = 0;
	bool commitment_first = false;
	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases && !commitment; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t t = 0; t < count; t++, seen++) {
			const cjm_touchpoint *tp = api->touchpoint_at(phase, t);
			if (api->tp_commitment(tp) == CJM_YESNO_YES) {
				commitment = tp;
				commitment_first = seen == 0;
				break;
			}
		}
	}
	if (!commitment && api->map_touchpoint_count(map) == 0)
		return; /* a blank map: nothing to extend yet */
	extend_start(ctx, commitment, commitment_first);
	extend_end(ctx);
}

const cjm_pattern cjm_pattern_extend_journey = {
	.abi = CJM_PLUGIN_ABI,
	.id = "extend-journey",
	.summary = N_("Tip 6: extend the journey: ask what customers do just before the decision and just after delivery"),
	.default_threshold = 1,
	.threshold_means = N_("touchpoints in the first or last phase, at most"),
	.suggest = extend_suggest,
};
