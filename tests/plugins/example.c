/* owner-gaps.c: a cjm plugin; asks who owns an unowned touchpoint. */
#include <stdio.h>

#include <cjm/plugin.h>

/* Suggests an owner for TP, in PHASE, when it has none. */
static void check(const cjm_pattern_context *ctx,
		  const cjm_phase *phase, const cjm_touchpoint *tp)
{
	if (tp->owner && tp->owner[0])
		return;
	/* the threshold: emotion at or below; unscored ones count */
	if (tp->has_emotion && tp->emotion > ctx->threshold)
		return;
	char title[256], why[512], feel[32] = "";
	if (tp->has_emotion)
		snprintf(feel, sizeof feel, ", at emotion %+d",
			 tp->emotion);
	snprintf(title, sizeof title, "Who owns '%s'?", tp->name);
	snprintf(why, sizeof why, "'%s' in phase '%s' has no owner"
		 "%s: no department answers for it", tp->name,
		 phase->name, feel);
	/* cjm copies the strings: buffers on the stack will do */
	cjm_suggestion_spec s = {
		.target = tp->id,
		.title = title,
		.rationale = why,
		.priority = tp->has_emotion && tp->emotion < 0 ? 2 : 4,
		.proposal = {
			.kind = CJM_PROPOSE_IDEA,
			.text = "Agree which department owns it",
		},
	};
	ctx->emit(ctx, &s);
}

static void owner_gaps(const cjm_pattern_context *ctx)
{
	const cjm_map *map = ctx->map;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		for (size_t t = 0; t < phase->touchpoint_count; t++)
			check(ctx, phase, phase->touchpoints[t]);
	}
}

static const cjm_pattern pattern = {
	.abi = CJM_PLUGIN_ABI,
	.id = "owner-gaps",
	.summary = "touchpoints that no department owns",
	.default_threshold = 3,
	.threshold_means = "emotion at or below which an unowned "
			   "touchpoint is reported (unscored always are)",
	.suggest = owner_gaps,
};

static const cjm_pattern *const patterns[] = { &pattern, NULL };

/* The entry point: the plugin's patterns, NULL-terminated. */
const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
