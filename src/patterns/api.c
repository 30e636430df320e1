/* The functions of the plugin ABI's table (cjm_api): read-only access to a map, its phases, touchpoints and figures. */
#include "patterns/api.h"

#include <stdint.h>
#include <string.h>

#include "analysis/figures.h"
#include "model/map.h"
#include "model/field.h"

/* The public constants are the model's. */
_Static_assert(CJM_YESNO_UNSET == (int)CJM_UNSET && CJM_YESNO_NO == (int)CJM_FALSE &&
		       CJM_YESNO_YES == (int)CJM_TRUE,
	       "yes/no values");
_Static_assert(CJM_API_EMOTION_MIN == CJM_EMOTION_MIN && CJM_API_EMOTION_MAX == CJM_EMOTION_MAX, "emotion range");
_Static_assert(CJM_API_QUADRANT_NONE == (int)CJM_QUADRANT_NONE &&
		       CJM_API_QUADRANT_LOW_LOW == (int)CJM_QUADRANT_LOW_LOW &&
		       CJM_API_QUADRANT_HIGH_LOW == (int)CJM_QUADRANT_HIGH_LOW &&
		       CJM_API_QUADRANT_LOW_HIGH == (int)CJM_QUADRANT_LOW_HIGH &&
		       CJM_API_QUADRANT_HIGH_HIGH == (int)CJM_QUADRANT_HIGH_HIGH,
	       "quadrants");

/* ---- walking the journey ---- */

static size_t api_phase_count(const cjm_map *map)
{
	return map->phase_count;
}

static const cjm_phase *api_phase_at(const cjm_map *map, size_t index)
{
	return index < map->phase_count ? map->phases[index] : NULL;
}

static size_t api_touchpoint_count(const cjm_phase *phase)
{
	return phase->touchpoint_count;
}

static const cjm_touchpoint *api_touchpoint_at(const cjm_phase *phase, size_t index)
{
	return index < phase->touchpoint_count ? phase->touchpoints[index] : NULL;
}

static size_t api_map_touchpoint_count(const cjm_map *map)
{
	return cjm_map_touchpoint_count(map);
}

/* The first phase whose id (BY_ID) or name is TEXT. */
static const cjm_phase *api_phase_find(const cjm_map *map, const char *text, bool by_id)
{
	if (!text)
		return NULL;
	for (size_t p = 0; p < map->phase_count; p++)
		if (strcmp(by_id ? map->phases[p]->id : map->phases[p]->name, text) == 0)
			return map->phases[p];
	return NULL;
}

static const cjm_phase *api_phase_by_id(const cjm_map *map, const char *id)
{
	return api_phase_find(map, id, true);
}

static const cjm_phase *api_phase_by_name(const cjm_map *map, const char *name)
{
	return api_phase_find(map, name, false);
}

/* The first touchpoint whose id (BY_ID) or name is TEXT, and its phase. */
static const cjm_touchpoint *api_touchpoint_find(const cjm_map *map, const char *text, bool by_id,
						 const cjm_phase **phase)
{
	if (phase)
		*phase = NULL;
	if (!text)
		return NULL;
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *ph = map->phases[p];
		for (size_t t = 0; t < ph->touchpoint_count; t++) {
			const cjm_touchpoint *tp = ph->touchpoints[t];
			if (strcmp(by_id ? tp->id : tp->name, text) == 0) {
				if (phase)
					*phase = ph;
				return tp;
			}
		}
	}
	return NULL;
}

static const cjm_touchpoint *api_touchpoint_by_id(const cjm_map *map, const char *id, const cjm_phase **phase)
{
	return api_touchpoint_find(map, id, true, phase);
}

static const cjm_touchpoint *api_touchpoint_by_name(const cjm_map *map, const char *name, const cjm_phase **phase)
{
	return api_touchpoint_find(map, name, false, phase);
}

/* ---- any field by key, through the field table ---- */

/* The value of the field KEY of ITEM (a cjm_map, cjm_phase or cjm_touchpoint, as
 * REF_KIND says). KIND: the field's kind, or -1 when KEY names no field of it. */
static cjm_value api_value(const void *item, cjm_ref_kind ref_kind, const char *key, int *kind)
{
	*kind = -1;
	cjm_value none = { 0 };
	cjm_field field = key ? cjm_field_by_key(key, ref_kind) : CJM_FIELD_COUNT;
	if (field == CJM_FIELD_COUNT || !item)
		return none;
	*kind = (int)cjm_field_info_of(field)->kind;
	return cjm_item_field_get(item, ref_kind, field);
}

static const char *api_text_of(cjm_value v, int kind)
{
	return kind == CJM_KIND_TEXT && v.present ? v.text : NULL;
}

static bool api_number_of(cjm_value v, int kind, double *value)
{
	if (!v.present || (kind != CJM_KIND_NUMBER && kind != CJM_KIND_EMOTION))
		return false;
	if (value)
		*value = kind == CJM_KIND_EMOTION ? (double)v.integer : v.number;
	return true;
}

static size_t api_list_count_of(cjm_value v, int kind)
{
	return kind == CJM_KIND_LIST && v.list ? v.list->len : 0;
}

static const char *api_list_item_of(cjm_value v, int kind, size_t index)
{
	return kind == CJM_KIND_LIST && v.list && index < v.list->len ? v.list->items[index] : NULL;
}

static const char *api_tp_text(const cjm_touchpoint *tp, const char *key)
{
	int kind;
	cjm_value v = api_value(tp, CJM_REF_TOUCHPOINT, key, &kind);
	return api_text_of(v, kind);
}

static bool api_tp_number(const cjm_touchpoint *tp, const char *key, double *value)
{
	int kind;
	cjm_value v = api_value(tp, CJM_REF_TOUCHPOINT, key, &kind);
	return api_number_of(v, kind, value);
}

static int api_tp_yesno(const cjm_touchpoint *tp, const char *key)
{
	int kind;
	cjm_value v = api_value(tp, CJM_REF_TOUCHPOINT, key, &kind);
	if (kind != CJM_KIND_BOOL || !v.present)
		return CJM_YESNO_UNSET;
	return v.boolean ? CJM_YESNO_YES : CJM_YESNO_NO;
}

static size_t api_tp_list_count(const cjm_touchpoint *tp, const char *key)
{
	int kind;
	cjm_value v = api_value(tp, CJM_REF_TOUCHPOINT, key, &kind);
	return api_list_count_of(v, kind);
}

static const char *api_tp_list_item(const cjm_touchpoint *tp, const char *key, size_t index)
{
	int kind;
	cjm_value v = api_value(tp, CJM_REF_TOUCHPOINT, key, &kind);
	return api_list_item_of(v, kind, index);
}

static const char *api_phase_text(const cjm_phase *phase, const char *key)
{
	int kind;
	cjm_value v = api_value(phase, CJM_REF_PHASE, key, &kind);
	return api_text_of(v, kind);
}

static const char *api_map_text(const cjm_map *map, const char *key)
{
	int kind;
	cjm_value v = api_value(map, CJM_REF_MAP, key, &kind);
	return api_text_of(v, kind);
}

static bool api_map_number(const cjm_map *map, const char *key, double *value)
{
	int kind;
	cjm_value v = api_value(map, CJM_REF_MAP, key, &kind);
	return api_number_of(v, kind, value);
}

static size_t api_map_list_count(const cjm_map *map, const char *key)
{
	int kind;
	cjm_value v = api_value(map, CJM_REF_MAP, key, &kind);
	return api_list_count_of(v, kind);
}

static const char *api_map_list_item(const cjm_map *map, const char *key, size_t index)
{
	int kind;
	cjm_value v = api_value(map, CJM_REF_MAP, key, &kind);
	return api_list_item_of(v, kind, index);
}

/* ---- the map's settings ---- */

static double api_satisfaction_threshold(const cjm_map *map)
{
	return cjm_map_satisfaction_threshold(map);
}

static double api_impact_threshold(const cjm_map *map)
{
	return cjm_map_impact_threshold(map);
}

static const cjm_pattern_setting *api_setting(const cjm_map *map, const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < map->pattern_count; i++)
		if (strcmp(map->patterns[i].id, id) == 0)
			return &map->patterns[i];
	return NULL;
}

static bool api_pattern_threshold(const cjm_map *map, const char *id, double *threshold)
{
	const cjm_pattern_setting *s = api_setting(map, id);
	if (!s || !s->has_threshold)
		return false;
	if (threshold)
		*threshold = s->threshold;
	return true;
}

static int api_pattern_enabled(const cjm_map *map, const char *id)
{
	const cjm_pattern_setting *s = api_setting(map, id);
	return s ? (int)s->enabled : CJM_YESNO_UNSET;
}

static size_t api_dismissed_count(const cjm_map *map)
{
	return map->dismissed_count;
}

static const char *api_dismissed_pattern(const cjm_map *map, size_t index)
{
	return index < map->dismissed_count ? map->dismissed[index].pattern : NULL;
}

static const char *api_dismissed_target(const cjm_map *map, size_t index)
{
	return index < map->dismissed_count ? map->dismissed[index].target : NULL;
}

/* ---- phases and touchpoints ---- */

static const char *api_phase_id(const cjm_phase *phase)
{
	return phase->id;
}

static const char *api_phase_name(const cjm_phase *phase)
{
	return phase->name;
}

static const char *api_tp_id(const cjm_touchpoint *tp)
{
	return tp->id;
}

static const char *api_tp_name(const cjm_touchpoint *tp)
{
	return tp->name;
}

static const char *api_tp_channel(const cjm_touchpoint *tp)
{
	return tp->channel;
}

static const char *api_tp_owner(const cjm_touchpoint *tp)
{
	return tp->owner;
}

static const char *api_tp_notes(const cjm_touchpoint *tp)
{
	return tp->notes;
}

static bool api_tp_emotion(const cjm_touchpoint *tp, int *emotion)
{
	if (tp->has_emotion && emotion)
		*emotion = tp->emotion;
	return tp->has_emotion;
}

static bool api_tp_satisfaction(const cjm_touchpoint *tp, double *value)
{
	if (tp->has_satisfaction && value)
		*value = tp->satisfaction;
	return tp->has_satisfaction;
}

static bool api_tp_impact(const cjm_touchpoint *tp, double *value)
{
	if (tp->has_impact && value)
		*value = tp->impact;
	return tp->has_impact;
}

static int api_tp_moment_of_truth(const cjm_touchpoint *tp)
{
	return (int)tp->moment_of_truth;
}

static int api_tp_brand_moment(const cjm_touchpoint *tp)
{
	return (int)tp->brand_moment;
}

static int api_tp_commitment(const cjm_touchpoint *tp)
{
	return (int)tp->commitment;
}

static bool api_tp_visible(const cjm_touchpoint *tp)
{
	return cjm_touchpoint_is_visible(tp);
}

static unsigned api_tp_pillars(const cjm_touchpoint *tp)
{
	return tp->pillars;
}

static const char *api_item(const cjm_strlist *list, size_t index)
{
	return index < list->len ? list->items[index] : NULL;
}

static size_t api_tp_pain_count(const cjm_touchpoint *tp)
{
	return tp->pains.len;
}

static const char *api_tp_pain(const cjm_touchpoint *tp, size_t index)
{
	return api_item(&tp->pains, index);
}

static size_t api_tp_idea_count(const cjm_touchpoint *tp)
{
	return tp->ideas.len;
}

static const char *api_tp_idea(const cjm_touchpoint *tp, size_t index)
{
	return api_item(&tp->ideas, index);
}

static size_t api_tp_quote_count(const cjm_touchpoint *tp)
{
	return tp->quotes.len;
}

static const char *api_tp_quote(const cjm_touchpoint *tp, size_t index)
{
	return api_item(&tp->quotes, index);
}

static unsigned api_pillar_bit(const char *name)
{
	return name ? cjm_pillar_from_name(name) : 0;
}

static const char *api_pillar_name(unsigned bit)
{
	return cjm_pillar_name(bit);
}

/* ---- figures ---- */

static int api_abs(int x)
{
	return x < 0 ? -x : x;
}

/* Counts TP into F (the way figures.c counts a summary), with the peak and the end. */
static void api_emotion_add(cjm_emotion_figures *f, const cjm_touchpoint *tp)
{
	f->touchpoints++;
	if (!tp->has_emotion)
		return;
	int e = tp->emotion;
	if (f->scored == 0 || e < f->min) {
		f->min = e;
		f->lowest = tp;
	}
	if (f->scored == 0 || e > f->max) {
		f->max = e;
		f->highest = tp;
	}
	if (f->scored == 0 || api_abs(e) > api_abs(f->peak->emotion))
		f->peak = tp;
	f->end = tp;
	f->scored++;
	f->sum += e;
	if (e < 0)
		f->negative++;
	else if (e > 0)
		f->positive++;
	else
		f->neutral++;
}

/* Finishes F and copies what fits into OUT (out->size bytes, its size kept). */
static bool api_emotion_finish(cjm_emotion_figures *f, cjm_emotion_figures *out)
{
	if (f->scored) {
		f->mean = (double)f->sum / (double)f->scored;
		f->peak_end = (double)(f->peak->emotion + f->end->emotion) / 2.0;
	}
	if (out && out->size >= sizeof out->size) {
		size_t n = out->size < sizeof *f ? out->size : sizeof *f;
		size_t size = out->size;
		memcpy(out, f, n);
		out->size = size;
	}
	return f->scored > 0;
}

static bool api_phase_emotion(const cjm_phase *phase, cjm_emotion_figures *out)
{
	cjm_emotion_figures f = { .size = sizeof f };
	for (size_t t = 0; t < phase->touchpoint_count; t++)
		api_emotion_add(&f, phase->touchpoints[t]);
	return api_emotion_finish(&f, out);
}

static bool api_journey_emotion(const cjm_map *map, cjm_emotion_figures *out)
{
	cjm_emotion_figures f = { .size = sizeof f };
	for (size_t p = 0; p < map->phase_count; p++)
		for (size_t t = 0; t < map->phases[p]->touchpoint_count; t++)
			api_emotion_add(&f, map->phases[p]->touchpoints[t]);
	return api_emotion_finish(&f, out);
}

static int api_tp_quadrant(const cjm_map *map, const cjm_touchpoint *tp)
{
	return (int)cjm_touchpoint_quadrant(map, tp);
}

/* ---- the table ---- */

static const cjm_api api_table = {
	.size = sizeof(cjm_api),
	.phase_count = api_phase_count,
	.phase_at = api_phase_at,
	.touchpoint_count = api_touchpoint_count,
	.touchpoint_at = api_touchpoint_at,
	.map_touchpoint_count = api_map_touchpoint_count,
	.phase_by_id = api_phase_by_id,
	.phase_by_name = api_phase_by_name,
	.touchpoint_by_id = api_touchpoint_by_id,
	.touchpoint_by_name = api_touchpoint_by_name,
	.map_text = api_map_text,
	.map_number = api_map_number,
	.map_list_count = api_map_list_count,
	.map_list_item = api_map_list_item,
	.satisfaction_threshold = api_satisfaction_threshold,
	.impact_threshold = api_impact_threshold,
	.pattern_threshold = api_pattern_threshold,
	.pattern_enabled = api_pattern_enabled,
	.dismissed_count = api_dismissed_count,
	.dismissed_pattern = api_dismissed_pattern,
	.dismissed_target = api_dismissed_target,
	.phase_id = api_phase_id,
	.phase_name = api_phase_name,
	.phase_text = api_phase_text,
	.tp_id = api_tp_id,
	.tp_name = api_tp_name,
	.tp_channel = api_tp_channel,
	.tp_owner = api_tp_owner,
	.tp_notes = api_tp_notes,
	.tp_emotion = api_tp_emotion,
	.tp_satisfaction = api_tp_satisfaction,
	.tp_impact = api_tp_impact,
	.tp_moment_of_truth = api_tp_moment_of_truth,
	.tp_brand_moment = api_tp_brand_moment,
	.tp_commitment = api_tp_commitment,
	.tp_visible = api_tp_visible,
	.tp_pillars = api_tp_pillars,
	.tp_pain_count = api_tp_pain_count,
	.tp_pain = api_tp_pain,
	.tp_idea_count = api_tp_idea_count,
	.tp_idea = api_tp_idea,
	.tp_quote_count = api_tp_quote_count,
	.tp_quote = api_tp_quote,
	.tp_text = api_tp_text,
	.tp_number = api_tp_number,
	.tp_yesno = api_tp_yesno,
	.tp_list_count = api_tp_list_count,
	.tp_list_item = api_tp_list_item,
	.pillar_bit = api_pillar_bit,
	.pillar_name = api_pillar_name,
	.journey_emotion = api_journey_emotion,
	.phase_emotion = api_phase_emotion,
	.tp_quadrant = api_tp_quadrant,
};

const cjm_api *cjm_api_host(void)
{
	return &api_table;
}

cjm_pattern_context cjm_api_context(const cjm_map *map, double threshold,
				    void (*emit)(const cjm_pattern_context *ctx, const cjm_suggestion_spec *s),
				    void *host)
{
	return (cjm_pattern_context){ .size = sizeof(cjm_pattern_context), .api = &api_table, .map = map,
				      .threshold = threshold, .emit = emit, .host = host };
}
