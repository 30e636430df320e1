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
#include "layout.inc"
	{ NULL, 0, 0 },
};

/* Where each member of the ABI sits for this plugin: name, offset and size, up to a NULL name. */
const abi2_member *cjm_abi2_layout(void);

const abi2_member *cjm_abi2_layout(void)
{
	return layout;
}
