/* A test plugin built for another plugin ABI (99): cjm must refuse it without calling it. */
#include <cjm/plugin.h>

static void bad_abi_suggest(const cjm_pattern_context *ctx)
{
	(void)ctx;
}

static const cjm_pattern bad_abi = {
	.abi = 99,
	.id = "bad-abi",
	.summary = "a pattern from the future",
	.suggest = bad_abi_suggest,
};

static const cjm_pattern *const patterns[] = { &bad_abi, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
