/* A test plugin whose pattern emits one suggestion and then dereferences NULL: cjm must survive, use none of it, and disable it. */
#include <stddef.h>

#include <cjm/plugin.h>

static void crash_run_suggest(const cjm_pattern_context *ctx)
{
	cjm_suggestion_spec s = { .title = "said before the crash", .priority = 1 };
	ctx->emit(ctx, &s);
	*(volatile int *)NULL = 1;
}

static const cjm_pattern crash_run = {
	.abi = CJM_PLUGIN_ABI,
	.id = "crash-run",
	.summary = "crashes while suggesting (tests only)",
	.suggest = crash_run_suggest,
};

static const cjm_pattern *const patterns[] = { &crash_run, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
