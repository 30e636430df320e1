/* A test plugin whose pattern never returns: cjm must stop it at the time limit, and disable it. */
#include <cjm/plugin.h>

static void hang_suggest(const cjm_pattern_context *ctx)
{
	(void)ctx;
	for (volatile unsigned long spin = 0;; spin++)
		;
}

static const cjm_pattern hang = {
	.abi = CJM_PLUGIN_ABI,
	.id = "hang",
	.summary = "never finishes suggesting (tests only)",
	.suggest = hang_suggest,
};

static const cjm_pattern *const patterns[] = { &hang, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
