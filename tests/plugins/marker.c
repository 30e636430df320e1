/* A test plugin that leaves a trace the moment it is loaded: it appends its name to $CJM_TEST_MARKER. */
#include <stdio.h>
#include <stdlib.h>

#include <cjm/plugin.h>

static void marker_write(const char *what)
{
	const char *path = getenv("CJM_TEST_MARKER");
	if (!path || !*path)
		return;
	FILE *f = fopen(path, "a");
	if (f) {
		fprintf(f, "%s\n", what);
		fclose(f);
	}
}

/* Runs when the shared object is loaded, before cjm looks at it. */
__attribute__((constructor)) static void marker_loaded(void)
{
	marker_write("loaded");
}

static void marker_suggest(const cjm_pattern_context *ctx)
{
	(void)ctx;
	marker_write("suggest ran");
}

static const cjm_pattern marker = {
	.abi = CJM_PLUGIN_ABI,
	.id = "marker",
	.summary = "leaves a trace when loaded (tests only)",
	.suggest = marker_suggest,
};

static const cjm_pattern *const patterns[] = { &marker, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
