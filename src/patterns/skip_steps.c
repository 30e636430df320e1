/* Tip 7, skip steps: touchpoints customers do not notice, negative low-impact ones, and ones done too well. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "cjm/map.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/strbuf.h"

#define SKIP_ID "skip-steps"

/*
 * The impact below which a step counts as low impact: the pattern's own
 * threshold when the map sets one under `patterns:` (or a host passes a value
 * other than the default), else the map's `thresholds.impact` (default 0.3),
 * so this pattern agrees with the quadrants of `cjm stats`.
 */
static double skip_impact_limit(const cjm_pattern_context *ctx)
{
	const cjm_map *map = ctx->map;
	for (size_t i = 0; i < map->pattern_count; i++)
		if (strcmp(map->patterns[i].id, SKIP_ID) == 0 && map->patterns[i].has_threshold)
			return ctx->threshold;
	if (ctx->threshold != CJM_DEFAULT_IMPACT_THRESHOLD)
		return ctx->threshold;
	return cjm_map_impact_threshold(map);
}

static void skip_emit(const cjm_pattern_context *ctx, const cjm_touchpoint *tp, const char *title, const char *why,
		      int priority, cjm_proposal_kind kind, const char *idea)
{
	cjm_suggestion_spec spec = {
		.target = tp->id,
		.title = title,
		.rationale = why,
		.priority = priority,
		.proposal = { .kind = kind, .text = idea },
	};
	ctx->emit(ctx, &spec);
}

static void skip_touchpoint(const cjm_pattern_context *ctx, const cjm_touchpoint *tp, double limit,
			    double satisfaction_limit)
{
	char title[CJM_PU_TITLE_MAX + 1];
	char impact[40], lim[40], sat[40], sat_lim[40], emo[8];
	cjm_pu_number(lim, limit);
	cjm_pu_number(impact, tp->has_impact ? tp->impact : 0);
	bool low_impact = tp->has_impact && tp->impact < limit;
	strbuf why = { 0 };

	if (tp->visible == CJM_FALSE) {
		cjm_pu_quote(&why, tp->name, CJM_PU_QUOTE_MAX);
		strbuf_puts(&why, " is not noticed by customers (visible: false)");
		if (tp->has_impact)
			strbuf_printf(&why, ", impact %s", impact);
		strbuf_puts(&why, ". Remove it only if it does nothing for the customer; otherwise make it noticed, "
				  "or spend its budget where customers do notice us.");
		cjm_pu_title(title, "Skip ", tp->name, "? Customers do not notice it");
		skip_emit(ctx, tp, title, why.data, 2, CJM_PROPOSE_REMOVE, NULL);
	} else if (tp->has_emotion && tp->emotion < 0 && low_impact) {
		cjm_pu_quote(&why, tp->name, CJM_PU_QUOTE_MAX);
		strbuf_printf(&why, " is negative (emotion %s) and weighs little on loyalty (impact %s, below %s). "
				    "Could it happen in the background, or not at all? Remove it only if it does "
				    "nothing for the customer.",
			      cjm_pu_emotion(emo, tp->emotion), impact, lim);
		cjm_pu_title(title, "Skip ", tp->name, "? Negative and low impact");
		skip_emit(ctx, tp, title, why.data, 3, CJM_PROPOSE_REMOVE, NULL);
	} else if (tp->has_satisfaction && tp->satisfaction >= satisfaction_limit && low_impact) {
		cjm_pu_number(sat, tp->satisfaction);
		cjm_pu_number(sat_lim, satisfaction_limit);
		cjm_pu_quote(&why, tp->name, CJM_PU_QUOTE_MAX);
		strbuf_printf(&why, " scores satisfaction %s (at least %s) but impact %s (below %s): doing too well, "
				    "save cost. Spend less here and more where it moves loyalty.",
			      sat, sat_lim, impact, lim);
		strbuf idea = { 0 };
		strbuf_printf(&idea, "Spend less here (doing too well: save cost): satisfaction %s, impact %s", sat, impact);
		cjm_pu_title(title, "Spend less on ", tp->name, ": doing too well");
		skip_emit(ctx, tp, title, why.data, 4, CJM_PROPOSE_IDEA, idea.data);
		strbuf_release(&idea);
	}
	strbuf_release(&why);
}

static void skip_suggest(const cjm_pattern_context *ctx)
{
	const cjm_map *map = ctx->map;
	if (!map)
		return;
	double limit = skip_impact_limit(ctx);
	double satisfaction_limit = cjm_map_satisfaction_threshold(map);
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		for (size_t t = 0; t < phase->touchpoint_count; t++)
			skip_touchpoint(ctx, phase->touchpoints[t], limit, satisfaction_limit);
	}
}

const cjm_pattern cjm_pattern_skip_steps = {
	.abi = CJM_PLUGIN_ABI,
	.id = SKIP_ID,
	.summary = "Tip 7: skip steps customers do not notice, negative low-impact ones, and ones done too well",
	.default_threshold = CJM_DEFAULT_IMPACT_THRESHOLD,
	.threshold_means = "impact below (default: the map's thresholds.impact)",
	.suggest = skip_suggest,
};
