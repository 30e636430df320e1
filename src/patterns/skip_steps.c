/* Tip 7, skip steps: touchpoints customers do not notice, well-rated ones customers would rather do without, negative low-impact ones, and ones done too well. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/i18n.h"
#include "util/lang.h"
#include "util/number.h"
#include "util/strbuf.h"

#define SKIP_ID "skip-steps"
#define SKIP_DEFAULT_THRESHOLD 0.3 /* the default of the map's thresholds.impact */

/*
 * The impact below which a step counts as low impact: the pattern's own
 * threshold when the map sets one under `patterns:` (or a host passes a value
 * other than the default), else the map's `thresholds.impact` (default 0.3),
 * so this pattern agrees with the quadrants of `cjm stats`. The same limit
 * splits high impact (at or above it) from low: a visible step with
 * satisfaction at or above the map's satisfaction threshold, a negative
 * emotion and a high impact is one customers would rather do without (seed
 * 000: the technician visit scored 8, yet hurt NPS, because customers wanted
 * to install it themselves), so self-service is proposed, priority 1.
 */
static double skip_impact_limit(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	if (api->pattern_threshold(map, SKIP_ID, NULL))
		return ctx->threshold;
	if (ctx->threshold != SKIP_DEFAULT_THRESHOLD)
		return ctx->threshold;
	return api->impact_threshold(map);
}

static void skip_emit(const cjm_pattern_context *ctx, const cjm_touchpoint *tp, const char *title, const char *why,
		      int priority, cjm_proposal_kind kind, const char *idea)
{
	cjm_suggestion_spec spec = {
		.target = ctx->api->tp_id(tp),
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
	const cjm_api *api = ctx->api;
	const char *name = api->tp_name(tp);
	char title[CJM_PU_TITLE_MAX + 1];
	char impact[40], lim[40], sat[40], sat_lim[40], emo[8];
	double impact_value = 0, satisfaction = 0;
	int emotion = 0;
	bool has_impact = api->tp_impact(tp, &impact_value);
	cjm_pu_ui_number(lim, limit);
	cjm_pu_ui_number(impact, has_impact ? impact_value : 0);
	bool low_impact = has_impact && impact_value < limit;
	const char *lang = cjm_pu_lang(api, ctx->map);
	strbuf why = { 0 }, q = { 0 }, q2 = { 0 };

	if (!api->tp_visible(tp)) {
		if (has_impact)
			/* TRANSLATORS: %1$s is the quoted touchpoint name, %2$s its impact. */
			strbuf_printf(&why, _("%s is not noticed by customers (visible: false), impact %s. Remove it only "
					      "if it does nothing for the customer; otherwise make it noticed, or spend "
					      "its budget where customers do notice us."),
				      cjm_pu_quoted(&q, name, CJM_PU_QUOTE_MAX), impact);
		else
			/* TRANSLATORS: %s is the quoted touchpoint name. */
			strbuf_printf(&why, _("%s is not noticed by customers (visible: false). Remove it only if it does "
					      "nothing for the customer; otherwise make it noticed, or spend its budget "
					      "where customers do notice us."),
				      cjm_pu_quoted(&q, name, CJM_PU_QUOTE_MAX));
		/* TRANSLATORS: a title; %s is the quoted touchpoint name. */
		cjm_pu_title_fmt(title, _("Skip %s? Customers do not notice it"), name);
		skip_emit(ctx, tp, title, why.data, 2, CJM_PROPOSE_REMOVE, NULL);
	} else if (api->tp_emotion(tp, &emotion) && emotion < 0 && has_impact && !low_impact &&
		   api->tp_satisfaction(tp, &satisfaction) && satisfaction >= satisfaction_limit) {
		/* Seed 000's telecom technician visit: satisfaction 8, yet bad for loyalty, because
		 * customers wanted to do it themselves. The moment itself is unwanted. */
		cjm_pu_ui_number(sat, satisfaction);
		cjm_pu_ui_number(sat_lim, satisfaction_limit);
		/* TRANSLATORS: %1$s is the quoted touchpoint name, %2$s its satisfaction, %3$s the
		 * satisfaction threshold, %4$s its emotion, %5$s its impact, %6$s the impact threshold. */
		strbuf_printf(&why, _("%s scores satisfaction %s (at least %s), yet feels negative (emotion %s) and "
				      "weighs on loyalty (impact %s, at least %s): customers rate it well but would "
				      "rather not need it at all."),
			      cjm_pu_quoted(&q, name, CJM_PU_QUOTE_MAX), sat, sat_lim, cjm_pu_emotion(emo, emotion), impact, lim);
		if (api->tp_pain_count(tp) > 0) {
			strbuf_putc(&why, ' ');
			/* TRANSLATORS: %s is a quoted pain of the touchpoint. */
			strbuf_printf(&why, _("Pain: %s."), cjm_pu_quoted(&q2, api->tp_pain(tp, 0), CJM_PU_QUOTE_MAX));
		} else if (api->tp_quote_count(tp) > 0) {
			strbuf_putc(&why, ' ');
			/* TRANSLATORS: %s is a quoted customer quote of the touchpoint. */
			strbuf_printf(&why, _("Customer: %s."), cjm_pu_quoted(&q2, api->tp_quote(tp, 0), CJM_PU_QUOTE_MAX));
		}
		strbuf_putc(&why, ' ');
		strbuf_puts(&why, _("Do not polish it: let customers do it themselves, or do without it."));
		strbuf idea = { 0 };
		/* TRANSLATORS: an idea written into the map; %s is the quoted touchpoint name. */
		strbuf_printf(&idea, L_(lang, "Let customers do without %s: a self-service way to do it themselves, "
					      "with this step only for those who ask for it"),
			      cjm_pu_quoted(&q, name, CJM_PU_QUOTE_MAX));
		/* TRANSLATORS: a title; %s is the quoted touchpoint name. */
		cjm_pu_title_fmt(title, _("Let customers do %s themselves?"), name);
		skip_emit(ctx, tp, title, why.data, 1, CJM_PROPOSE_IDEA, idea.data);
		strbuf_release(&idea);
	} else if (api->tp_emotion(tp, &emotion) && emotion < 0 && low_impact) {
		/* TRANSLATORS: %1$s is the quoted touchpoint name, %2$s its emotion, %3$s its impact,
		 * %4$s the impact threshold. */
		strbuf_printf(&why, _("%s is negative (emotion %s) and weighs little on loyalty (impact %s, below %s). "
				      "Could it happen in the background, or not at all? Remove it only if it does "
				      "nothing for the customer."),
			      cjm_pu_quoted(&q, name, CJM_PU_QUOTE_MAX), cjm_pu_emotion(emo, emotion), impact, lim);
		/* TRANSLATORS: a title; %s is the quoted touchpoint name. */
		cjm_pu_title_fmt(title, _("Skip %s? Negative and low impact"), name);
		skip_emit(ctx, tp, title, why.data, 3, CJM_PROPOSE_REMOVE, NULL);
	} else if (api->tp_satisfaction(tp, &satisfaction) && satisfaction >= satisfaction_limit && low_impact) {
		cjm_pu_ui_number(sat, satisfaction);
		cjm_pu_ui_number(sat_lim, satisfaction_limit);
		/* TRANSLATORS: %1$s is the quoted touchpoint name, %2$s its satisfaction, %3$s the
		 * satisfaction threshold, %4$s its impact, %5$s the impact threshold. */
		strbuf_printf(&why, _("%s scores satisfaction %s (at least %s) but impact %s (below %s): doing too well, "
				      "save cost. Spend less here and more where it moves loyalty."),
			      cjm_pu_quoted(&q, name, CJM_PU_QUOTE_MAX), sat, sat_lim, impact, lim);
		strbuf idea = { 0 };
		char map_sat[NUMBER_TEXT_MAX], map_impact[NUMBER_TEXT_MAX]; /* "0,1" in a Dutch map */
		/* TRANSLATORS: an idea written into the map; %1$s is the satisfaction, %2$s the impact. */
		strbuf_printf(&idea, L_(lang, "Spend less here (doing too well: save cost): satisfaction %s, impact %s"),
			      lang_number(map_sat, satisfaction, lang), lang_number(map_impact, impact_value, lang));
		/* TRANSLATORS: a title; %s is the quoted touchpoint name. */
		cjm_pu_title_fmt(title, _("Spend less on %s: doing too well"), name);
		skip_emit(ctx, tp, title, why.data, 4, CJM_PROPOSE_IDEA, idea.data);
		strbuf_release(&idea);
	}
	strbuf_release(&q);
	strbuf_release(&q2);
	strbuf_release(&why);
}

static void skip_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	if (!map)
		return;
	double limit = skip_impact_limit(ctx);
	double satisfaction_limit = api->satisfaction_threshold(map);
	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t t = 0; t < count; t++)
			skip_touchpoint(ctx, api->touchpoint_at(phase, t), limit, satisfaction_limit);
	}
}

const cjm_pattern cjm_pattern_skip_steps = {
	.abi = CJM_PLUGIN_ABI,
	.id = SKIP_ID,
	.summary = N_("Tip 7: skip steps customers do not notice or would rather do themselves, and ones done too well"),
	.default_threshold = SKIP_DEFAULT_THRESHOLD,
	.threshold_means = N_("impact below (default: the map's thresholds.impact)"),
	.suggest = skip_suggest,
};
