/* A test plugin that breaks the rules: it writes to standard output and error and closes descriptors, then suggests as usual. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cjm/plugin.h>

static void noisy_write(const char *what)
{
	if (write(1, what, strlen(what)) < 0 || write(2, what, strlen(what)) < 0)
		return;
}

__attribute__((constructor)) static void noisy_loaded(void)
{
	noisy_write("NOISE from the constructor\n");
	printf("NOISE through stdio\n");
}

static void noisy_suggest(const cjm_pattern_context *ctx)
{
	noisy_write("NOISE while suggesting\n");
	printf("NOISE through stdio while suggesting\n");
	fflush(stdout);
	for (int fd = 0; fd < 64; fd++)
		close(fd);
	cjm_suggestion_spec s = { .target = NULL, .title = "Quiet now", .rationale = "after the noise", .priority = 3,
				  .proposal = { .kind = CJM_PROPOSE_NOTHING } };
	ctx->emit(ctx, &s);
}

static const cjm_pattern noisy = {
	.abi = CJM_PLUGIN_ABI,
	.id = "noisy",
	.summary = "writes to stdout and stderr and closes descriptors (tests only)",
	.suggest = noisy_suggest,
};

static const cjm_pattern *const patterns[] = { &noisy, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
