/* A test plugin with one good pattern and three bad ones: cjm must keep the good one and refuse each bad one. */
#include <cjm/plugin.h>

/* A question about the whole journey, and on a map with a touchpoint every kind of edit. */
static void mixed_suggest(const cjm_pattern_context *ctx)
{
	cjm_suggestion_spec s = { .title = "A journey-wide question", .rationale = "from the mixed plugin",
				  .priority = 5 };
	ctx->emit(ctx, &s);
	const cjm_map *map = ctx->map;
	if (map->phase_count == 0 || map->phases[0]->touchpoint_count == 0)
		return;
	const cjm_phase *first = map->phases[0], *last = map->phases[map->phase_count - 1];
	const char *tp = first->touchpoints[0]->id;
	cjm_suggestion_spec edits[] = {
		{ .target = first->id, .title = "Add a step", .rationale = "r1", .priority = 5,
		  .proposal = { .kind = CJM_PROPOSE_TOUCHPOINT, .text = "Ask a friend", .phase = first->id,
				.position = (size_t)-1 } },
		{ .target = first->id, .title = "Add a second step", .rationale = "r2", .priority = 5,
		  .proposal = { .kind = CJM_PROPOSE_TOUCHPOINT, .text = "Read the small print",
				.phase = first->id, .position = 1 } },
		{ .target = tp, .title = "Move it", .rationale = "r3", .priority = 5,
		  .proposal = { .kind = CJM_PROPOSE_MOVE, .phase = last->id, .position = 0 } },
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
