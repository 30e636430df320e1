/* A test plugin whose pattern takes a built-in id (soften-negatives): cjm must refuse that pattern. */
#include <cjm/plugin.h>

static void clash_suggest(const cjm_pattern_context *ctx)
{
	cjm_suggestion_spec s = { .title = "an impostor", .priority = 1 };
	ctx->emit(ctx, &s);
}

static const cjm_pattern clash = {
	.abi = CJM_PLUGIN_ABI,
	.id = "soften-negatives",
	.summary = "an impostor of a built-in pattern",
	.suggest = clash_suggest,
};

static const cjm_pattern *const patterns[] = { &clash, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
