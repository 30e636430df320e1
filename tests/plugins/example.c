/* owner-gaps.c: a cjm plugin; asks who owns an unowned touchpoint. */
#include <stdio.h>

#include <cjm/plugin.h>

/* Suggests an owner for TP, in PHASE, when it has none. */
static void check(const cjm_pattern_context *ctx,
		  const cjm_phase *phase, const cjm_touchpoint *tp)
{
	const cjm_api *api = ctx->api;
	const char *owner = api->tp_owner(tp);
	if (owner && owner[0])
		return;
	/* the threshold: emotion at or below; unscored ones count */
	int emotion = 0;
	bool scored = api->tp_emotion(tp, &emotion);
	if (scored && emotion > ctx->threshold)
		return;
	char title[256], why[512], feel[32] = "";
	if (scored)
		snprintf(feel, sizeof feel, ", at emotion %+d", emotion);
	snprintf(title, sizeof title, "Who owns '%s'?",
		 api->tp_name(tp));
	snprintf(why, sizeof why, "'%s' in phase '%s' has no owner"
		 "%s: no department answers for it", api->tp_name(tp),
		 api->phase_name(phase), feel);
	/* cjm copies the strings: buffers on the stack will do */
	cjm_suggestion_spec s = {
		.target = api->tp_id(tp),
		.title = title,
		.rationale = why,
		.priority = scored && emotion < 0 ? 2 : 4,
		.proposal = {
			.kind = CJM_PROPOSE_IDEA,
			.text = "Agree which department owns it",
		},
	};
	ctx->emit(ctx, &s);
}

static void owner_gaps(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	for (size_t p = 0; p < api->phase_count(ctx->map); p++) {
		const cjm_phase *phase = api->phase_at(ctx->map, p);
		for (size_t t = 0; t < api->touchpoint_count(phase); t++)
			check(ctx, phase, api->touchpoint_at(phase, t));
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
