/* The fields of the map, its phases and touchpoints as data: key, kind, get and set. */
#include "model/field.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/xalloc.h"

#define OWN_MAP (1u << CJM_REF_MAP)
#define OWN_PHASE (1u << CJM_REF_PHASE)
#define OWN_TP (1u << CJM_REF_TOUCHPOINT)

static const cjm_field_info field_table[CJM_FIELD_COUNT] = {
	[CJM_F_ID] = { "id", "id", CJM_KIND_TEXT, OWN_PHASE | OWN_TP, true, 0, 0 },
	[CJM_F_NAME] = { "name", "name", CJM_KIND_TEXT, OWN_PHASE | OWN_TP, true, 0, 0 },
	[CJM_F_DESCRIPTION] = { "description", "description", CJM_KIND_TEXT, OWN_PHASE, false, 0, 0 },
	[CJM_F_CHANNEL] = { "channel", "channel", CJM_KIND_TEXT, OWN_TP, false, 0, 0 },
	[CJM_F_OWNER] = { "owner", "owner", CJM_KIND_TEXT, OWN_TP, false, 0, 0 },
	[CJM_F_EMOTION] = { "emotion", "emotion", CJM_KIND_EMOTION, OWN_TP, false,
			    CJM_EMOTION_MIN, CJM_EMOTION_MAX },
	[CJM_F_SATISFACTION] = { "satisfaction", "satisfaction", CJM_KIND_NUMBER, OWN_TP, false, 0, 10 },
	[CJM_F_IMPACT] = { "impact", "impact", CJM_KIND_NUMBER, OWN_TP, false, 0, 1 },
	[CJM_F_MOMENT_OF_TRUTH] = { "moment_of_truth", "moment of truth", CJM_KIND_BOOL, OWN_TP, false, 0, 0 },
	[CJM_F_BRAND_MOMENT] = { "brand_moment", "brand moment", CJM_KIND_BOOL, OWN_TP, false, 0, 0 },
	[CJM_F_COMMITMENT] = { "commitment", "commitment", CJM_KIND_BOOL, OWN_TP, false, 0, 0 },
	[CJM_F_VISIBLE] = { "visible", "visible", CJM_KIND_BOOL, OWN_TP, false, 0, 0 },
	[CJM_F_PILLARS] = { "pillars", "pillars", CJM_KIND_PILLARS, OWN_TP, false, 0, 0 },
	[CJM_F_PAINS] = { "pains", "pains", CJM_KIND_LIST, OWN_TP, false, 0, 0 },
	[CJM_F_IDEAS] = { "ideas", "ideas", CJM_KIND_LIST, OWN_TP, false, 0, 0 },
	[CJM_F_QUOTES] = { "quotes", "quotes", CJM_KIND_LIST, OWN_TP, false, 0, 0 },
	[CJM_F_NOTES] = { "notes", "notes", CJM_KIND_TEXT, OWN_TP, false, 0, 0 },
	[CJM_F_TITLE] = { "title", "title", CJM_KIND_TEXT, OWN_MAP, true, 0, 0 },
	[CJM_F_PERSONA_NAME] = { "persona.name", "persona name", CJM_KIND_TEXT, OWN_MAP, false, 0, 0 },
	[CJM_F_PERSONA_DESCRIPTION] = { "persona.description", "persona description", CJM_KIND_TEXT,
					OWN_MAP, false, 0, 0 },
	[CJM_F_BRAND_VALUES] = { "brand_values", "brand values", CJM_KIND_LIST, OWN_MAP, false, 0, 0 },
	[CJM_F_THRESHOLD_SATISFACTION] = { "thresholds.satisfaction", "satisfaction threshold",
					   CJM_KIND_NUMBER, OWN_MAP, false, 0, 10 },
	[CJM_F_THRESHOLD_IMPACT] = { "thresholds.impact", "impact threshold", CJM_KIND_NUMBER, OWN_MAP,
				     false, 0, 1 },
};

static const char *const pillar_names[CJM_PILLAR_COUNT] = {
	"personalisation", "integrity", "expectations", "resolution", "time-and-effort", "empathy",
};

const char *cjm_pillar_name(unsigned bit)
{
	for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
		if (bit == 1u << i)
			return pillar_names[i];
	return NULL;
}

unsigned cjm_pillar_from_name(const char *name)
{
	for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
		if (strcmp(name, pillar_names[i]) == 0)
			return 1u << i;
	return 0;
}

const cjm_field_info *cjm_field_info_of(cjm_field field)
{
	return field < CJM_FIELD_COUNT ? &field_table[field] : NULL;
}

bool cjm_field_applies(cjm_field field, cjm_ref_kind owner)
{
	return field < CJM_FIELD_COUNT && (field_table[field].owners & (1u << owner));
}

cjm_field cjm_field_by_key(const char *key, cjm_ref_kind owner)
{
	for (int f = 0; f < CJM_FIELD_COUNT; f++)
		if (field_table[f].key[0] == key[0] && cjm_field_applies((cjm_field)f, owner) &&
		    strcmp(field_table[f].key, key) == 0)
			return (cjm_field)f;
	return CJM_FIELD_COUNT;
}

/* Pointers to where a field lives in its item; the one that applies is set. */
struct field_slot {
	char **text;
	bool *has;
	int *integer;
	double *number;
	cjm_tristate *tristate;
	unsigned *bits;
	cjm_strlist *list;
};

static struct field_slot field_slot_of(const cjm_map *cmap, cjm_ref ref, cjm_field field)
{
	cjm_map *map = (cjm_map *)cmap;
	struct field_slot s = { 0 };
	if (!cjm_field_applies(field, ref.kind))
		return s;
	if (ref.kind == CJM_REF_MAP) {
		switch (field) {
		case CJM_F_TITLE: s.text = &map->title; break;
		case CJM_F_PERSONA_NAME: s.text = &map->persona_name; break;
		case CJM_F_PERSONA_DESCRIPTION: s.text = &map->persona_description; break;
		case CJM_F_BRAND_VALUES: s.list = &map->brand_values; break;
		case CJM_F_THRESHOLD_SATISFACTION:
			s.has = &map->has_threshold_satisfaction;
			s.number = &map->threshold_satisfaction;
			break;
		case CJM_F_THRESHOLD_IMPACT:
			s.has = &map->has_threshold_impact;
			s.number = &map->threshold_impact;
			break;
		default: break;
		}
		return s;
	}
	if (ref.phase >= map->phase_count)
		return s;
	cjm_phase *phase = map->phases[ref.phase];
	if (ref.kind == CJM_REF_PHASE) {
		switch (field) {
		case CJM_F_ID: s.text = &phase->id; break;
		case CJM_F_NAME: s.text = &phase->name; break;
		case CJM_F_DESCRIPTION: s.text = &phase->description; break;
		default: break;
		}
		return s;
	}
	if (ref.tp >= phase->touchpoint_count)
		return s;
	cjm_touchpoint *tp = phase->touchpoints[ref.tp];
	switch (field) {
	case CJM_F_ID: s.text = &tp->id; break;
	case CJM_F_NAME: s.text = &tp->name; break;
	case CJM_F_CHANNEL: s.text = &tp->channel; break;
	case CJM_F_OWNER: s.text = &tp->owner; break;
	case CJM_F_NOTES: s.text = &tp->notes; break;
	case CJM_F_EMOTION: s.has = &tp->has_emotion; s.integer = &tp->emotion; break;
	case CJM_F_SATISFACTION: s.has = &tp->has_satisfaction; s.number = &tp->satisfaction; break;
	case CJM_F_IMPACT: s.has = &tp->has_impact; s.number = &tp->impact; break;
	case CJM_F_MOMENT_OF_TRUTH: s.tristate = &tp->moment_of_truth; break;
	case CJM_F_BRAND_MOMENT: s.tristate = &tp->brand_moment; break;
	case CJM_F_COMMITMENT: s.tristate = &tp->commitment; break;
	case CJM_F_VISIBLE: s.tristate = &tp->visible; break;
	case CJM_F_PILLARS: s.bits = &tp->pillars; break;
	case CJM_F_PAINS: s.list = &tp->pains; break;
	case CJM_F_IDEAS: s.list = &tp->ideas; break;
	case CJM_F_QUOTES: s.list = &tp->quotes; break;
	default: break;
	}
	return s;
}

cjm_value cjm_field_get(const cjm_map *map, cjm_ref ref, cjm_field field)
{
	cjm_value v = { 0 };
	struct field_slot s = field_slot_of(map, ref, field);
	if (s.text) {
		v.text = *s.text;
		v.present = v.text != NULL;
	} else if (s.integer) {
		v.present = *s.has;
		v.integer = *s.integer;
	} else if (s.number) {
		v.present = *s.has;
		v.number = *s.number;
	} else if (s.tristate) {
		v.present = *s.tristate != CJM_UNSET;
		v.boolean = *s.tristate == CJM_TRUE;
	} else if (s.bits) {
		v.bits = *s.bits;
		v.present = v.bits != 0;
	} else if (s.list) {
		v.list = s.list;
		v.present = s.list->len > 0 || (field == CJM_F_BRAND_VALUES && map->has_brand_values);
	}
	return v;
}

void cjm_field_set(cjm_map *map, cjm_ref ref, cjm_field field, const cjm_value *v)
{
	struct field_slot s = field_slot_of(map, ref, field);
	if (s.text) {
		char *old = *s.text;
		*s.text = v->present ? xstrdup(v->text) : NULL;
		free(old);
	} else if (s.integer) {
		*s.has = v->present;
		*s.integer = v->present ? v->integer : 0;
	} else if (s.number) {
		*s.has = v->present;
		*s.number = v->present ? v->number : 0;
	} else if (s.tristate) {
		*s.tristate = !v->present ? CJM_UNSET : v->boolean ? CJM_TRUE : CJM_FALSE;
	} else if (s.bits) {
		*s.bits = v->present ? v->bits : 0;
	} else if (s.list) {
		if (!v->present || !v->list)
			cjm_strlist_clear(s.list);
		else if (v->list != s.list)
			cjm_strlist_copy(s.list, v->list);
		if (field == CJM_F_BRAND_VALUES)
			map->has_brand_values = v->present;
	}
	if (field == CJM_F_PERSONA_NAME || field == CJM_F_PERSONA_DESCRIPTION)
		map->has_persona = map->persona_name || map->persona_description;
}

cjm_strlist *cjm_field_list(cjm_map *map, cjm_ref ref, cjm_field field)
{
	return field_slot_of(map, ref, field).list;
}

bool cjm_value_equal(cjm_field_kind kind, const cjm_value *a, const cjm_value *b)
{
	if (a->present != b->present)
		return false;
	if (!a->present)
		return kind != CJM_KIND_LIST || ((!a->list || a->list->len == 0) && (!b->list || b->list->len == 0));
	switch (kind) {
	case CJM_KIND_TEXT: return a->text == b->text || (a->text && b->text && strcmp(a->text, b->text) == 0);
	case CJM_KIND_EMOTION: return a->integer == b->integer;
	case CJM_KIND_NUMBER: return a->number == b->number;
	case CJM_KIND_BOOL: return a->boolean == b->boolean;
	case CJM_KIND_PILLARS: return a->bits == b->bits;
	case CJM_KIND_LIST:
		if (!a->list || !b->list)
			return (!a->list || a->list->len == 0) && (!b->list || b->list->len == 0);
		return cjm_strlist_equal(a->list, b->list);
	}
	return false;
}

const char *cjm_field_check(cjm_field field, const cjm_value *v)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	if (!info)
		return "no such field";
	if (!v->present)
		return info->required ? "a value is required" : NULL;
	switch (info->kind) {
	case CJM_KIND_TEXT:
		if (!v->text)
			return "a value is required";
		if (!utf8_valid(v->text))
			return "text must be valid UTF-8";
		if (field == CJM_F_ID && !cjm_id_is_valid(v->text))
			return "an id is lower-case letters, digits and '-', starting with a letter or digit";
		if ((field == CJM_F_NAME || field == CJM_F_TITLE) && cjm_text_is_blank(v->text))
			return "must not be empty";
		return NULL;
	case CJM_KIND_EMOTION:
		return v->integer < info->min || v->integer > info->max ? "must be a whole number from -3 to +3"
									 : NULL;
	case CJM_KIND_NUMBER:
		if (!isfinite(v->number) || v->number < info->min || v->number > info->max)
			return info->max == 10 ? "must be a number from 0 to 10" : "must be a number from 0 to 1";
		return NULL;
	case CJM_KIND_PILLARS:
		return v->bits & ~((1u << CJM_PILLAR_COUNT) - 1) ? "unknown pillar" : NULL;
	case CJM_KIND_LIST:
		for (size_t i = 0; v->list && i < v->list->len; i++) {
			if (!v->list->items[i] || !v->list->items[i][0])
				return "list items must not be empty";
			if (!utf8_valid(v->list->items[i]))
				return "text must be valid UTF-8";
		}
		return NULL;
	case CJM_KIND_BOOL:
		return NULL;
	}
	return NULL;
}
