/* A test plugin built against the frozen ABI-2 header: it reads the map through every function of the table and hands back what it read, and tells the layout it was built with. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cjm/plugin.h>

/* What the plugin read, as text, in a buffer of its own. */
typedef struct reader_out {
	char text[16384];
	size_t len;
} reader_out;

static void out_printf(reader_out *out, const char *format, ...)
{
	if (out->len >= sizeof out->text)
		return;
	va_list ap;
	va_start(ap, format);
	int n = vsnprintf(out->text + out->len, sizeof out->text - out->len, format, ap);
	va_end(ap);
	if (n > 0)
		out->len += (size_t)n < sizeof out->text - out->len ? (size_t)n : sizeof out->text - out->len - 1;
}

static const char *or_dash(const char *text)
{
	return text ? text : "-";
}

static void put_number(reader_out *out, const char *what, bool has, double value)
{
	if (has)
		out_printf(out, " %s=%g", what, value);
	else
		out_printf(out, " %s=-", what);
}

static void put_emotion_figures(reader_out *out, const cjm_api *api, const char *what, bool scored,
				const cjm_emotion_figures *f)
{
	out_printf(out, "%s: %zu touchpoints, %zu scored", what, f->touchpoints, f->scored);
	if (scored)
		out_printf(out, ", sum %ld, mean %.2f, min %d at %s, max %d at %s, %zu/%zu/%zu, peak %s, end %s, "
				"peak-end %.1f",
			   f->sum, f->mean, f->min, api->tp_id(f->lowest), f->max, api->tp_id(f->highest), f->negative,
			   f->neutral, f->positive, api->tp_id(f->peak), api->tp_id(f->end), f->peak_end);
	out_printf(out, "\n");
}

static void reader_touchpoint(reader_out *out, const cjm_api *api, const cjm_map *map, const cjm_touchpoint *tp)
{
	int emotion = 0;
	double sat = 0, impact = 0, n = 0;
	bool has_emotion = api->tp_emotion(tp, &emotion);
	bool has_sat = api->tp_satisfaction(tp, &sat);
	bool has_impact = api->tp_impact(tp, &impact);
	out_printf(out, "  tp %s '%s' channel=%s owner=%s notes=%s", api->tp_id(tp), api->tp_name(tp),
		   or_dash(api->tp_channel(tp)), or_dash(api->tp_owner(tp)), or_dash(api->tp_notes(tp)));
	if (has_emotion)
		out_printf(out, " emotion=%d", emotion);
	else
		out_printf(out, " emotion=-");
	put_number(out, "satisfaction", has_sat, sat);
	put_number(out, "impact", has_impact, impact);
	out_printf(out, " mot=%d brand=%d commit=%d visible=%d pillars=", api->tp_moment_of_truth(tp),
		   api->tp_brand_moment(tp), api->tp_commitment(tp), api->tp_visible(tp));
	unsigned bits = api->tp_pillars(tp);
	for (unsigned b = 1; b; b <<= 1)
		if (bits & b)
			out_printf(out, "%s,", or_dash(api->pillar_name(b)));
	out_printf(out, " quadrant=%d\n", api->tp_quadrant(map, tp));
	for (size_t i = 0; i < api->tp_pain_count(tp); i++)
		out_printf(out, "    pain %s\n", api->tp_pain(tp, i));
	for (size_t i = 0; i < api->tp_idea_count(tp); i++)
		out_printf(out, "    idea %s\n", api->tp_idea(tp, i));
	for (size_t i = 0; i < api->tp_quote_count(tp); i++)
		out_printf(out, "    quote %s\n", api->tp_quote(tp, i));
	/* the same through the field table, by key */
	out_printf(out, "    by key: channel=%s", or_dash(api->tp_text(tp, "channel")));
	bool has = api->tp_number(tp, "emotion", &n);
	put_number(out, "emotion", has, n);
	has = api->tp_number(tp, "impact", &n);
	put_number(out, "impact", has, n);
	out_printf(out, " commitment=%d visible=%d pains=%zu first=%s nonsense=%s/%d/%zu\n",
		   api->tp_yesno(tp, "commitment"), api->tp_yesno(tp, "visible"), api->tp_list_count(tp, "pains"),
		   or_dash(api->tp_list_item(tp, "pains", 0)), or_dash(api->tp_text(tp, "no-such-key")),
		   api->tp_yesno(tp, "name"), api->tp_list_count(tp, "name"));
}

static void reader_map(reader_out *out, const cjm_api *api, const cjm_map *map)
{
	double n = 0;
	out_printf(out, "map '%s' persona=%s/%s", api->map_text(map, "title"), or_dash(api->map_text(map, "persona.name")),
		   or_dash(api->map_text(map, "persona.description")));
	bool has = api->map_number(map, "thresholds.satisfaction", &n);
	put_number(out, "thresholds.satisfaction", has, n);
	has = api->map_number(map, "thresholds.impact", &n);
	put_number(out, "thresholds.impact", has, n);
	out_printf(out, " in force %g/%g\n", api->satisfaction_threshold(map), api->impact_threshold(map));
	for (size_t i = 0; i < api->map_list_count(map, "brand_values"); i++)
		out_printf(out, "brand value %s\n", api->map_list_item(map, "brand_values", i));
	has = api->pattern_threshold(map, "abi2-reader", &n);
	put_number(out, "my threshold", has, n);
	out_printf(out, " enabled=%d, strong-start enabled=%d\n", api->pattern_enabled(map, "abi2-reader"),
		   api->pattern_enabled(map, "strong-start"));
	for (size_t i = 0; i < api->dismissed_count(map); i++)
		out_printf(out, "dismissed %s %s\n", api->dismissed_pattern(map, i), api->dismissed_target(map, i));
	out_printf(out, "pillar bit of empathy %u, of nothing %u\n", api->pillar_bit("empathy"),
		   api->pillar_bit("nothing"));
	cjm_emotion_figures f = { .size = sizeof f };
	bool scored = api->journey_emotion(map, &f);
	put_emotion_figures(out, api, "journey", scored, &f);
	out_printf(out, "%zu phases, %zu touchpoints\n", api->phase_count(map), api->map_touchpoint_count(map));
	for (size_t p = 0; p < api->phase_count(map); p++) {
		const cjm_phase *phase = api->phase_at(map, p);
		out_printf(out, "phase %s '%s' description=%s\n", api->phase_id(phase), api->phase_name(phase),
			   or_dash(api->phase_text(phase, "description")));
		cjm_emotion_figures pf = { .size = sizeof pf };
		bool phase_scored = api->phase_emotion(phase, &pf);
		put_emotion_figures(out, api, "  emotion", phase_scored, &pf);
		for (size_t t = 0; t < api->touchpoint_count(phase); t++)
			reader_touchpoint(out, api, map, api->touchpoint_at(phase, t));
		if (api->touchpoint_at(phase, api->touchpoint_count(phase)))
			out_printf(out, "  a touchpoint past the end!\n");
	}
	if (api->phase_at(map, api->phase_count(map)))
		out_printf(out, "a phase past the end!\n");
	const cjm_phase *in = NULL;
	const cjm_touchpoint *last = api->touchpoint_by_id(map, "pay", &in);
	out_printf(out, "find: pay in %s, ", last ? api->phase_id(in) : "-");
	last = api->touchpoint_by_name(map, "Pay the bill", &in);
	out_printf(out, "'Pay the bill' is %s in %s, ", last ? api->tp_id(last) : "-", in ? api->phase_id(in) : "-");
	const cjm_phase *ph = api->phase_by_id(map, "buy");
	out_printf(out, "buy is '%s', ", ph ? api->phase_name(ph) : "-");
	ph = api->phase_by_name(map, "Use");
	out_printf(out, "'Use' is %s, ", ph ? api->phase_id(ph) : "-");
	out_printf(out, "nothing is %s\n", api->touchpoint_by_id(map, "nothing", NULL) ? "found" : "-");
}

static void reader_suggest(const cjm_pattern_context *ctx)
{
	/* The context of ABI 2 as this header has it; a newer cjm may hand a longer one. */
	if (ctx->size < sizeof *ctx || ctx->api->size < sizeof *ctx->api)
		return;
	static reader_out out;
	out.len = 0;
	out.text[0] = '\0';
	reader_map(&out, ctx->api, ctx->map);
	cjm_suggestion_spec s = { .title = "What the ABI-2 reader read", .rationale = out.text, .priority = 5 };
	ctx->emit(ctx, &s);
}

static const cjm_pattern reader = {
	.abi = CJM_PLUGIN_ABI,
	.id = "abi2-reader",
	.summary = "reads the map through every function of plugin ABI 2 (tests only)",
	.default_threshold = 1,
	.threshold_means = "nothing",
	.suggest = reader_suggest,
};

static const cjm_pattern *const patterns[] = { &reader, NULL };

const cjm_pattern *const *cjm_plugin_patterns(void);

const cjm_pattern *const *cjm_plugin_patterns(void)
{
	return patterns;
}

/* ---- the layout this plugin was built with ---- */

typedef struct abi2_member {
	const char *name;
	size_t offset, size;
} abi2_member;

#define MEMBER(type, member) { #type "." #member, offsetof(type, member), sizeof(((type *)0)->member) }
#define WHOLE(type) { #type, 0, sizeof(type) }

static const abi2_member layout[] = {
	WHOLE(cjm_api),
	MEMBER(cjm_api, size),
	MEMBER(cjm_api, phase_count),
	MEMBER(cjm_api, phase_at),
	MEMBER(cjm_api, touchpoint_count),
	MEMBER(cjm_api, touchpoint_at),
	MEMBER(cjm_api, map_touchpoint_count),
	MEMBER(cjm_api, phase_by_id),
	MEMBER(cjm_api, phase_by_name),
	MEMBER(cjm_api, touchpoint_by_id),
	MEMBER(cjm_api, touchpoint_by_name),
	MEMBER(cjm_api, map_text),
	MEMBER(cjm_api, map_number),
	MEMBER(cjm_api, map_list_count),
	MEMBER(cjm_api, map_list_item),
	MEMBER(cjm_api, satisfaction_threshold),
	MEMBER(cjm_api, impact_threshold),
	MEMBER(cjm_api, pattern_threshold),
	MEMBER(cjm_api, pattern_enabled),
	MEMBER(cjm_api, dismissed_count),
	MEMBER(cjm_api, dismissed_pattern),
	MEMBER(cjm_api, dismissed_target),
	MEMBER(cjm_api, phase_id),
	MEMBER(cjm_api, phase_name),
	MEMBER(cjm_api, phase_text),
	MEMBER(cjm_api, tp_id),
	MEMBER(cjm_api, tp_name),
	MEMBER(cjm_api, tp_channel),
	MEMBER(cjm_api, tp_owner),
	MEMBER(cjm_api, tp_notes),
	MEMBER(cjm_api, tp_emotion),
	MEMBER(cjm_api, tp_satisfaction),
	MEMBER(cjm_api, tp_impact),
	MEMBER(cjm_api, tp_moment_of_truth),
	MEMBER(cjm_api, tp_brand_moment),
	MEMBER(cjm_api, tp_commitment),
	MEMBER(cjm_api, tp_visible),
	MEMBER(cjm_api, tp_pillars),
	MEMBER(cjm_api, tp_pain_count),
	MEMBER(cjm_api, tp_pain),
	MEMBER(cjm_api, tp_idea_count),
	MEMBER(cjm_api, tp_idea),
	MEMBER(cjm_api, tp_quote_count),
	MEMBER(cjm_api, tp_quote),
	MEMBER(cjm_api, tp_text),
	MEMBER(cjm_api, tp_number),
	MEMBER(cjm_api, tp_yesno),
	MEMBER(cjm_api, tp_list_count),
	MEMBER(cjm_api, tp_list_item),
	MEMBER(cjm_api, pillar_bit),
	MEMBER(cjm_api, pillar_name),
	MEMBER(cjm_api, journey_emotion),
	MEMBER(cjm_api, phase_emotion),
	MEMBER(cjm_api, tp_quadrant),
	WHOLE(cjm_emotion_figures),
	MEMBER(cjm_emotion_figures, size),
	MEMBER(cjm_emotion_figures, touchpoints),
	MEMBER(cjm_emotion_figures, scored),
	MEMBER(cjm_emotion_figures, sum),
	MEMBER(cjm_emotion_figures, mean),
	MEMBER(cjm_emotion_figures, min),
	MEMBER(cjm_emotion_figures, max),
	MEMBER(cjm_emotion_figures, lowest),
	MEMBER(cjm_emotion_figures, highest),
	MEMBER(cjm_emotion_figures, negative),
	MEMBER(cjm_emotion_figures, neutral),
	MEMBER(cjm_emotion_figures, positive),
	MEMBER(cjm_emotion_figures, peak),
	MEMBER(cjm_emotion_figures, end),
	MEMBER(cjm_emotion_figures, peak_end),
	WHOLE(cjm_pattern_context),
	MEMBER(cjm_pattern_context, size),
	MEMBER(cjm_pattern_context, api),
	MEMBER(cjm_pattern_context, map),
	MEMBER(cjm_pattern_context, threshold),
	MEMBER(cjm_pattern_context, emit),
	MEMBER(cjm_pattern_context, host),
	WHOLE(cjm_pattern),
	MEMBER(cjm_pattern, abi),
	MEMBER(cjm_pattern, id),
	MEMBER(cjm_pattern, summary),
	MEMBER(cjm_pattern, default_threshold),
	MEMBER(cjm_pattern, threshold_means),
	MEMBER(cjm_pattern, suggest),
	WHOLE(cjm_suggestion_spec),
	MEMBER(cjm_suggestion_spec, target),
	MEMBER(cjm_suggestion_spec, title),
	MEMBER(cjm_suggestion_spec, rationale),
	MEMBER(cjm_suggestion_spec, priority),
	MEMBER(cjm_suggestion_spec, proposal),
	WHOLE(cjm_proposal),
	MEMBER(cjm_proposal, kind),
	MEMBER(cjm_proposal, text),
	MEMBER(cjm_proposal, phase),
	MEMBER(cjm_proposal, position),
	{ "CJM_PLUGIN_ABI", CJM_PLUGIN_ABI, 0 },
	{ "CJM_YESNO_YES", CJM_YESNO_YES, 0 },
	{ "CJM_API_QUADRANT_HIGH_HIGH", CJM_API_QUADRANT_HIGH_HIGH, 0 },
	{ "CJM_PROPOSE_MOVE", CJM_PROPOSE_MOVE, 0 },
	{ NULL, 0, 0 },
};

/* Where each member of the ABI sits for this plugin: name, offset and size, up to a NULL name. */
const abi2_member *cjm_abi2_layout(void);

const abi2_member *cjm_abi2_layout(void)
{
	return layout;
}
