/* A test plugin with one good pattern and three bad ones: cjm must keep the good one and refuse each bad one. */
#include <cjm/plugin.h>

/* A question about the whole journey, and on a map with a touchpoint every kind of edit. */
static void mixed_suggest(const cjm_pattern_context *ctx)
{
	cjm_suggestion_spec s = { .title = "A journey-wide question", .rationale = "from the mixed plugin",
				  .priority = 5 };
	ctx->emit(ctx, &s);
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	size_t phases = api->phase_count(map);
	if (phases == 0 || api->touchpoint_count(api->phase_at(map, 0)) == 0)
		return;
	const cjm_phase *first = api->phase_at(map, 0), *last = api->phase_at(map, phases - 1);
	const char *tp = api->tp_id(api->touchpoint_at(first, 0));
	const char *first_id = api->phase_id(first), *last_id = api->phase_id(last);
	cjm_suggestion_spec edits[] = {
		{ .target = first_id, .title = "Add a step", .rationale = "r1", .priority = 5,
		  .proposal = { .kind = CJM_PROPOSE_TOUCHPOINT, .text = "Ask a friend", .phase = first_id,
				.position = (size_t)-1 } },
		{ .target = first_id, .title = "Add a second step", .rationale = "r2", .priority = 5,
		  .proposal = { .kind = CJM_PROPOSE_TOUCHPOINT, .text = "Read the small print",
				.phase = first_id, .position = 1 } },
		{ .target = tp, .title = "Move it", .rationale = "r3", .priority = 5,
		  .proposal = { .kind = CJM_PROPOSE_MOVE, .phase = last_id, .position = 0 } },
		{ .target = tp, .title = "Drop it", .rationale = "r4", .priority = 5,
		  .proposal = { .kind = CJM_PROPOSE_REMOVE } },
	};
	for (size_t i = 0; i < sizeof edits / sizeof *edits; i++)
		ctx->emit(ctx, &edits[i]);
}

static const cjm_pattern good = {
	.abi = CJM_PLUGIN_ABI,
	.id = "mixed-good",
	.summary = "the good pattern of a mixed plugin",
	.suggest = mixed_suggest,
};

static const cjm_pattern bad_id = {
	.abi = CJM_PLUGIN_ABI,
	.id = "Bad_Id",
	.summary = "an id cjm does not accept",
	.suggest = mixed_suggest,
};

static const cjm_pattern no_suggest = {
	.abi = CJM_PLUGIN_ABI,
	.id = "mixed-no-suggest",
	.summary = "a pattern without a suggest function",
};

static const cjm_pattern no_summary = {
	.abi = CJM_PLUGIN_ABI,
	.id = "mixed-no-summary",
	.suggest = mixed_suggest,
};

static const cjm_pattern *const patterns[] = { &good, &bad_id, &no_suggest, &no_summary, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
