/* A test plugin that writes junk into every descriptor it can find, cjm's answer pipe among them: cjm must take the answer for garbled. */
#include <unistd.h>

#include <cjm/plugin.h>

static void garble_suggest(const cjm_pattern_context *ctx)
{
	for (int fd = 3; fd < 4096; fd++)
		if (write(fd, "junk", 4) < 0)
			continue;
	cjm_suggestion_spec s = { .title = "said after the junk", .priority = 1 };
	ctx->emit(ctx, &s);
}

static const cjm_pattern garble = {
	.abi = CJM_PLUGIN_ABI,
	.id = "garble",
	.summary = "writes junk into cjm's pipe (tests only)",
	.suggest = garble_suggest,
};

static const cjm_pattern *const patterns[] = { &garble, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
