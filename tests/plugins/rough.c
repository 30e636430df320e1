/* A test plugin that hands cjm rough text: control characters, invalid UTF-8, odd priorities and edits. */
#include <cjm/plugin.h>

static void rough_suggest(const cjm_pattern_context *ctx)
{
	cjm_suggestion_spec odd = {
		.target = "anything",
		.title = "\033[31mRed alert\377",
		.rationale = "line one\nline two\007",
		.priority = 9,
		.proposal = { .kind = (cjm_proposal_kind)42, .text = "never shown" },
	};
	ctx->emit(ctx, &odd);
	cjm_suggestion_spec no_text = {
		.target = "anything",
		.title = "No text",
		.rationale = "an idea without its text",
		.priority = -3,
		.proposal = { .kind = CJM_PROPOSE_IDEA },
	};
	ctx->emit(ctx, &no_text);
}

static const cjm_pattern rough = {
	.abi = CJM_PLUGIN_ABI,
	.id = "rough-edges",
	.summary = "rough\ttext \033[2J from a plugin",
	.default_threshold = 0.25,
	.suggest = rough_suggest,
};

static const cjm_pattern *const patterns[] = { &rough, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}
