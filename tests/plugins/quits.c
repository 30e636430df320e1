/* A test plugin whose pattern ends the process with status 7: cjm must take that for a failure, not for "no suggestions". */
#include <unistd.h>

#include <cjm/plugin.h>

static void quits_suggest(const cjm_pattern_context *ctx)
{
	(void)ctx;
	_exit(7);
}

static const cjm_pattern quits = {
	.abi = CJM_PLUGIN_ABI,
	.id = "quits",
	.summary = "exits while suggesting (tests only)",
	.suggest = quits_suggest,
};

static const cjm_pattern *const patterns[] = { &quits, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
