/* Tip 8, reorder steps: a negative step right before a positive one that could come first (try before you buy). */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "cjm/plugin.h"
#include "patterns/builtin.h"
#include "patterns/pattern_util.h"
#include "util/strbuf.h"

#define REORDER_POSITIVE 1 /* the emotion at or above which the next step is positive */

/* "Move 'A' after 'B'" within CJM_PU_TITLE_MAX bytes, sharing the room between the two names. */
static void reorder_title(char out[CJM_PU_TITLE_MAX + 1], const char *a, const char *b)
{
	size_t room = CJM_PU_TITLE_MAX - (sizeof "Move '' after ''" - 1);
	size_t la = strlen(a), lb = strlen(b);
	if (la + lb > room) {
		if (la <= room / 2)
			lb = room - la;
		else if (lb <= room / 2)
			la = room - lb;
		else
			la = lb = room / 2;
	}
	strbuf t = { 0 };
	strbuf_puts(&t, "Move ");
	cjm_pu_quote(&t, a, la);
	strbuf_puts(&t, " after ");
	cjm_pu_quote(&t, b, lb);
	size_t n = t.len < CJM_PU_TITLE_MAX ? t.len : CJM_PU_TITLE_MAX;
	memcpy(out, t.data, n);
	out[n] = '\0';
	strbuf_release(&t);
}

/* A scored touchpoint, its emotion, and where it stands. */
typedef struct reorder_at {
	const cjm_touchpoint *tp;
	int emotion;
	size_t phase;
	size_t index;
} reorder_at;

static void reorder_pair(const cjm_pattern_context *ctx, reorder_at neg, reorder_at pos)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	const cjm_touchpoint *a = neg.tp, *b = pos.tp;
	bool commitment = api->tp_commitment(a) == CJM_YESNO_YES;
	/* Positions count after the moved touchpoint is taken out (as the edit layer does). */
	size_t position = neg.phase == pos.phase ? pos.index : pos.index + 1;
	char ea[8], eb[8];
	strbuf why = { 0 };
	cjm_pu_quote(&why, api->tp_name(a), CJM_PU_QUOTE_MAX);
	strbuf_printf(&why, " (emotion %s%s) comes right before ", cjm_pu_emotion(ea, neg.emotion),
		      commitment ? ", commitment" : "");
	cjm_pu_quote(&why, api->tp_name(b), CJM_PU_QUOTE_MAX);
	strbuf_printf(&why, " (emotion %s)", cjm_pu_emotion(eb, pos.emotion));
	if (neg.phase != pos.phase) {
		strbuf_puts(&why, ", in the next phase ");
		cjm_pu_quote(&why, api->phase_name(api->phase_at(map, pos.phase)), CJM_PU_QUOTE_MAX);
	}
	strbuf_puts(&why, ". Could the good part come first, and the hard part after it? "
			  "Try before you buy: Ace & Tate send glasses home to wear before the customer pays.");
	char title[CJM_PU_TITLE_MAX + 1];
	reorder_title(title, api->tp_name(a), api->tp_name(b));
	cjm_suggestion_spec spec = {
		.target = api->tp_id(a),
		.title = title,
		.rationale = why.data,
		.priority = commitment ? 2 : 3,
		.proposal = { .kind = CJM_PROPOSE_MOVE, .phase = api->phase_id(api->phase_at(map, pos.phase)), .position = position },
	};
	ctx->emit(ctx, &spec);
	strbuf_release(&why);
}

/* True when some touchpoint of MAP names an owner. */
static bool reorder_map_has_owners(const cjm_api *api, const cjm_map *map)
{
	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t t = 0; t < count; t++)
			if (api->tp_owner(api->touchpoint_at(phase, t)))
				return true;
	}
	return false;
}

static void reorder_suggest(const cjm_pattern_context *ctx)
{
	const cjm_api *api = ctx->api;
	const cjm_map *map = ctx->map;
	if (!map)
		return;
	/* In a map that names owners, a step nobody owns is the customer's own (the accident,
	 * the move): the company cannot put it later. */
	bool owners = reorder_map_has_owners(api, map);
	/* A negative step is at or below the threshold, and never positive whatever the threshold. */
	double limit = ctx->threshold < 0 ? ctx->threshold : 0;
	bool have_prev = false;
	reorder_at prev = { 0 };
	size_t phases = api->phase_count(map);
	for (size_t p = 0; p < phases; p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		size_t count = api->touchpoint_count(phase);
		for (size_t t = 0; t < count; t++) {
			const cjm_touchpoint *tp = api->touchpoint_at(phase, t);
			int emotion;
			if (!api->tp_emotion(tp, &emotion))
				continue; /* unscored: look past it to the next scored step */
			reorder_at cur = { tp, emotion, p, t };
			if (have_prev && prev.emotion <= limit && emotion >= REORDER_POSITIVE &&
			    cur.phase - prev.phase <= 1 && (!owners || api->tp_owner(prev.tp)))
				reorder_pair(ctx, prev, cur);
			prev = cur;
			have_prev = true;
		}
	}
}

const cjm_pattern cjm_pattern_reorder_steps = {
	.abi = CJM_PLUGIN_ABI,
	.id = "reorder-steps",
	.summary = "Tip 8: a negative step right before a positive one that could come first (try before you buy)",
	.default_threshold = -1,
	.threshold_means = "emotion at or below, before a step at +1 or more",
	.suggest = reorder_suggest,
};
