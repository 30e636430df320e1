/* A test plugin built for plugin ABI 1, when the map's structures were the ABI: cjm must refuse it without calling it. */
#include <cjm/plugin.h>

static void old_abi_suggest(const cjm_pattern_context *ctx)
{
	(void)ctx;
}

/* ABI 1's cjm_pattern began the same way: the version first. */
static const cjm_pattern old_abi = {
	.abi = 1,
	.id = "old-abi",
	.summary = "a pattern that reads the map's structures",
	.suggest = old_abi_suggest,
};

static const cjm_pattern *const patterns[] = { &old_abi, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
