/* A test plugin that aborts in its constructor, the moment it is loaded: cjm must survive loading it, and disable it. */
#include <stdlib.h>

#include <cjm/plugin.h>

__attribute__((constructor)) static void crash_load_loaded(void)
{
	abort();
}

static void crash_load_suggest(const cjm_pattern_context *ctx)
{
	(void)ctx;
}

static const cjm_pattern crash_load = {
	.abi = CJM_PLUGIN_ABI,
	.id = "crash-load",
	.summary = "aborts when loaded (tests only)",
	.suggest = crash_load_suggest,
};

static const cjm_pattern *const patterns[] = { &crash_load, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
