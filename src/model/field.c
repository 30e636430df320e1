/* The fields of the map, its phases and touchpoints as data: key, kind, get and set. */
#include "model/field.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/vote_record.h"
#include "util/i18n.h"
#include "util/lang.h"
#include "util/number.h"
#include "util/utf8.h"
#include "util/value.h"
#include "util/xalloc.h"

#define OWN_MAP (1u << CJM_REF_MAP)
#define OWN_PHASE (1u << CJM_REF_PHASE)
#define OWN_TP (1u << CJM_REF_TOUCHPOINT)

/* Where a field lives in each kind of item that has it. */
#define IN_MAP(member) .at[CJM_REF_MAP] = offsetof(cjm_map, member)
#define IN_PHASE(member) .at[CJM_REF_PHASE] = offsetof(cjm_phase, member)
#define IN_TP(member) .at[CJM_REF_TOUCHPOINT] = offsetof(cjm_touchpoint, member)
#define FLAG_IN_MAP(member) .has_at[CJM_REF_MAP] = offsetof(cjm_map, member)
#define FLAG_IN_TP(member) .has_at[CJM_REF_TOUCHPOINT] = offsetof(cjm_touchpoint, member)

_Static_assert(offsetof(cjm_map, version) == CJM_FIELD_NO_FLAG &&
		       offsetof(cjm_phase, id) == CJM_FIELD_NO_FLAG &&
		       offsetof(cjm_touchpoint, id) == CJM_FIELD_NO_FLAG,
	       "offset 0 of an item holds no presence flag");

/* The one description of every field, in the order the file writes them. Adding a
 * field is a row here (and its enum name, member and man-page text). */
static const cjm_field_info field_table[CJM_FIELD_COUNT] = {
	[CJM_F_ID] = { .key = "id", .label = N_("id"), .kind = CJM_KIND_TEXT, .owners = OWN_PHASE | OWN_TP,
		       .required = true, IN_PHASE(id), IN_TP(id), .flags = CJM_FIELD_CSV, .jump = 'i',
		       .help = N_("the id that names it for good: lower-case letters, digits and '-'") },
	[CJM_F_NAME] = { .key = "name", .label = N_("name"), .kind = CJM_KIND_TEXT, .owners = OWN_PHASE | OWN_TP,
			 .required = true, IN_PHASE(name), IN_TP(name), .flags = CJM_FIELD_CSV, .jump = 'n',
			 .help = N_("what it is called, for example \"Compare prices online\"") },
	[CJM_F_DESCRIPTION] = { .key = "description", .label = N_("description"), .kind = CJM_KIND_TEXT,
				.owners = OWN_PHASE, IN_PHASE(description), .flags = CJM_FIELD_CSV | CJM_FIELD_MULTILINE,
				.jump = 'd', .help = N_("what happens in this phase") },
	[CJM_F_CHANNEL] = { .key = "channel", .label = N_("channel"), .kind = CJM_KIND_TEXT, .owners = OWN_TP,
			    IN_TP(channel), .flags = CJM_FIELD_CSV | CJM_FIELD_COMPLETES, .jump = 'c',
			    .help = N_("how the contact happens: web, app, email, phone, store, ...") },
	[CJM_F_OWNER] = { .key = "owner", .label = N_("owner"), .kind = CJM_KIND_TEXT, .owners = OWN_TP,
			  IN_TP(owner), .flags = CJM_FIELD_CSV | CJM_FIELD_COMPLETES, .jump = 'o',
			  .help = N_("the department that owns it: sales, service, marketing, ...") },
	[CJM_F_EMOTION] = { .key = "emotion", .label = N_("emotion"), .kind = CJM_KIND_EMOTION, .owners = OWN_TP,
			    .min = CJM_EMOTION_MIN, .max = CJM_EMOTION_MAX, IN_TP(emotion),
			    FLAG_IN_TP(has_emotion), .flags = CJM_FIELD_CSV, .jump = 'e',
			    .help = N_("how the customer feels here, from -3 to +3; empty when not scored yet") },
	[CJM_F_SATISFACTION] = { .key = "satisfaction", .label = N_("satisfaction"), .kind = CJM_KIND_NUMBER,
				 .owners = OWN_TP, .min = 0, .max = 10, IN_TP(satisfaction),
				 FLAG_IN_TP(has_satisfaction), .flags = CJM_FIELD_CSV, .jump = 's',
				 .help = N_("the satisfaction (CSAT) score of this moment, from 0 to 10") },
	[CJM_F_IMPACT] = { .key = "impact", .label = N_("impact"), .kind = CJM_KIND_NUMBER, .owners = OWN_TP,
			   .min = 0, .max = 1, IN_TP(impact), FLAG_IN_TP(has_impact), .flags = CJM_FIELD_CSV,
			   .jump = 'p', .help = N_("the weight of this moment on NPS and loyalty, from 0 to 1") },
	[CJM_F_MOMENT_OF_TRUTH] = { .key = "moment_of_truth", .label = N_("moment of truth"), .kind = CJM_KIND_BOOL,
				    .owners = OWN_TP, IN_TP(moment_of_truth), .flags = CJM_FIELD_CSV,
				    .jump = 'r', .mark = "!", .mark_when = true, .mark_meaning = N_("moment of truth"),
				    .help = N_("where the customer forms a lasting opinion of the company") },
	[CJM_F_BRAND_MOMENT] = { .key = "brand_moment", .label = N_("brand moment"), .kind = CJM_KIND_BOOL,
				 .owners = OWN_TP, IN_TP(brand_moment), .flags = CJM_FIELD_CSV, .jump = 'b',
				 .mark = "*", .mark_when = true, .mark_meaning = N_("brand moment"),
				 .help = N_("where the brand values should show") },
	[CJM_F_COMMITMENT] = { .key = "commitment", .label = N_("commitment"), .kind = CJM_KIND_BOOL,
			       .owners = OWN_TP, IN_TP(commitment), .flags = CJM_FIELD_CSV, .jump = 'm',
			       .mark = "$", .mark_when = true, .mark_meaning = N_("commitment"),
			       .help = N_("the customer commits here, for example by signing or paying") },
	[CJM_F_VISIBLE] = { .key = "visible", .label = N_("visible"), .kind = CJM_KIND_BOOL, .owners = OWN_TP,
			    .fallback = 1, IN_TP(visible), .flags = CJM_FIELD_CSV, .jump = 'v', .mark = "~",
			    .mark_when = false, .mark_meaning = N_("not visible to the customer"),
			    .help = N_("whether the customer notices this contact (default yes)") },
	[CJM_F_PILLARS] = { .key = "pillars", .label = N_("pillars"), .kind = CJM_KIND_PILLARS, .owners = OWN_TP,
			    IN_TP(pillars), .flags = CJM_FIELD_CSV, .jump = 'l',
			    .help = N_("the pillars of experience it touches: personalisation, integrity, ...") },
	[CJM_F_PAINS] = { .key = "pains", .label = N_("pains"), .kind = CJM_KIND_LIST, .owners = OWN_TP,
			  IN_TP(pains), .flags = CJM_FIELD_CSV, .jump = 'a',
			  .help = N_("what goes wrong for the customer here, one per line") },
	[CJM_F_IDEAS] = { .key = "ideas", .label = N_("ideas"), .kind = CJM_KIND_LIST, .owners = OWN_TP,
			  IN_TP(ideas), .flags = CJM_FIELD_CSV, .jump = 'd',
			  .help = N_("ideas to improve this moment, one per line") },
	[CJM_F_QUOTES] = { .key = "quotes", .label = N_("quotes"), .kind = CJM_KIND_LIST, .owners = OWN_TP,
			   IN_TP(quotes), .flags = CJM_FIELD_CSV, .jump = 'q',
			   .help = N_("the customers' own words, one per line") },
	[CJM_F_VOTE] = { .key = "vote", .label = N_("vote"), .kind = CJM_KIND_TEXT, .owners = OWN_TP, IN_TP(vote),
			 .check = cjm_vote_record_check, .flags = CJM_FIELD_NO_FORM,
			 .help = N_("the room's vote: counts per score, then per team, as a live session writes them") },
	[CJM_F_NOTES] = { .key = "notes", .label = N_("notes"), .kind = CJM_KIND_TEXT, .owners = OWN_TP,
			  IN_TP(notes), .flags = CJM_FIELD_CSV | CJM_FIELD_MULTILINE, .jump = 't',
			  .help = N_("anything else") },
	[CJM_F_TITLE] = { .key = "title", .label = N_("title"), .kind = CJM_KIND_TEXT, .owners = OWN_MAP,
			  .required = true, IN_MAP(title), .jump = 't',
			  .help = N_("what the journey is, for example \"Switching energy supplier\"") },
	[CJM_F_LANGUAGE] = { .key = "language", .label = N_("language"), .kind = CJM_KIND_TEXT, .owners = OWN_MAP,
			     IN_MAP(language), .jump = 'l',
			     .help = N_("the language the map is written in, as a tag: nl, en, nl-BE, ...") },
	[CJM_F_PERSONA_NAME] = { .key = "persona.name", .label = N_("persona name"), .kind = CJM_KIND_TEXT,
				 .owners = OWN_MAP, IN_MAP(persona_name), .jump = 'p',
				 .help = N_("the name of the customer whose journey this is") },
	[CJM_F_PERSONA_DESCRIPTION] = { .key = "persona.description", .label = N_("persona description"),
					.kind = CJM_KIND_TEXT, .owners = OWN_MAP, IN_MAP(persona_description),
					.flags = CJM_FIELD_MULTILINE, .jump = 'd',
					.help = N_("who the persona is") },
	[CJM_F_BRAND_VALUES] = { .key = "brand_values", .label = N_("brand values"), .kind = CJM_KIND_LIST,
				 .owners = OWN_MAP, IN_MAP(brand_values), FLAG_IN_MAP(has_brand_values),
				 .jump = 'b', .help = N_("the values the brand wants customers to feel, one per line") },
	[CJM_F_THRESHOLD_SATISFACTION] = { .key = "thresholds.satisfaction", .label = N_("satisfaction threshold"),
					   .kind = CJM_KIND_NUMBER, .owners = OWN_MAP, .min = 0, .max = 10,
					   .fallback = CJM_DEFAULT_SATISFACTION_THRESHOLD,
					   IN_MAP(threshold_satisfaction), FLAG_IN_MAP(has_threshold_satisfaction),
					   .jump = 's', .help = N_("where low satisfaction ends, from 0 to 10 (default 7)") },
	[CJM_F_THRESHOLD_IMPACT] = { .key = "thresholds.impact", .label = N_("impact threshold"),
				     .kind = CJM_KIND_NUMBER, .owners = OWN_MAP, .min = 0, .max = 1,
				     .fallback = CJM_DEFAULT_IMPACT_THRESHOLD, IN_MAP(threshold_impact),
				     FLAG_IN_MAP(has_threshold_impact), .jump = 'i',
				     .help = N_("where low impact ends, from 0 to 1 (default 0.3)") },
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

const char *cjm_ref_kind_noun(cjm_ref_kind kind)
{
	return kind == CJM_REF_MAP ? _("the map") : kind == CJM_REF_PHASE ? _("a phase") : _("a touchpoint");
}

const cjm_field_info *cjm_field_info_of(cjm_field field)
{
	return field < CJM_FIELD_COUNT ? &field_table[field] : NULL;
}

bool cjm_field_applies(cjm_field field, cjm_ref_kind owner)
{
	return field < CJM_FIELD_COUNT && (field_table[field].owners & (1u << owner));
}

/* What the table says about each kind of item, made from it on first use: its fields in
 * table order, and where its texts, lists and booleans are (for making, copying and freeing). */
struct owner_index {
	cjm_field fields[CJM_FIELD_COUNT];
	size_t count;
	size_t texts[CJM_FIELD_COUNT], lists[CJM_FIELD_COUNT], bools[CJM_FIELD_COUNT];
	size_t text_count, list_count, bool_count;
};

static struct owner_index owner_index[3];
static bool owner_index_made;

static const struct owner_index *index_of(cjm_ref_kind owner)
{
	if (!owner_index_made) {
		for (int o = 0; o < 3; o++) {
			struct owner_index *ix = &owner_index[o];
			for (int f = 0; f < CJM_FIELD_COUNT; f++) {
				const cjm_field_info *info = &field_table[f];
				if (!(info->owners & (1u << o)))
					continue;
				ix->fields[ix->count++] = (cjm_field)f;
				if (info->kind == CJM_KIND_TEXT)
					ix->texts[ix->text_count++] = info->at[o];
				else if (info->kind == CJM_KIND_LIST)
					ix->lists[ix->list_count++] = info->at[o];
				else if (info->kind == CJM_KIND_BOOL)
					ix->bools[ix->bool_count++] = info->at[o];
			}
		}
		owner_index_made = true;
	}
	return &owner_index[owner];
}

const cjm_field *cjm_fields_of(cjm_ref_kind owner, size_t *count)
{
	const struct owner_index *ix = index_of(owner);
	*count = ix->count;
	return ix->fields;
}

size_t cjm_field_group_len(cjm_field field)
{
	const char *dot = field < CJM_FIELD_COUNT ? strchr(field_table[field].key, '.') : NULL;
	return dot ? (size_t)(dot - field_table[field].key) : 0;
}

size_t cjm_field_group_end(const cjm_field *fields, size_t count, size_t at)
{
	size_t len = cjm_field_group_len(fields[at]), end = at + 1;
	if (!len)
		return end;
	while (end < count && cjm_field_group_len(fields[end]) == len &&
	       strncmp(field_table[fields[end]].key, field_table[fields[at]].key, len) == 0)
		end++;
	return end;
}

void cjm_item_fields_walk(const cjm_map *map, cjm_ref ref, const cjm_field_visitor *visit, void *ctx)
{
	size_t n;
	const cjm_field *fields = cjm_fields_of(ref.kind, &n);
	for (size_t i = 0; i < n;) {
		size_t len = cjm_field_group_len(fields[i]);
		if (!len) {
			visit->field(ctx, ref, fields[i], field_table[fields[i]].key);
			i++;
			continue;
		}
		size_t end = cjm_field_group_end(fields, n, i);
		bool any = false;
		for (size_t j = i; j < end && !any; j++)
			any = cjm_field_get(map, ref, fields[j]).present;
		if (any) {
			char name[64];
			snprintf(name, sizeof name, "%.*s", (int)len, field_table[fields[i]].key);
			visit->group(ctx, name);
			for (size_t j = i; j < end; j++)
				visit->field(ctx, ref, fields[j], field_table[fields[j]].key + len + 1);
			visit->group(ctx, NULL);
		}
		i = end;
	}
}

cjm_field cjm_field_by_key(const char *key, cjm_ref_kind owner)
{
	for (int f = 0; f < CJM_FIELD_COUNT; f++)
		if (field_table[f].key[0] == key[0] && cjm_field_applies((cjm_field)f, owner) &&
		    strcmp(field_table[f].key, key) == 0)
			return (cjm_field)f;
	return CJM_FIELD_COUNT;
}

/* ---- where a value lives ---- */

void *cjm_item_field_slot(const void *item, cjm_ref_kind owner, cjm_field field)
{
	if (!item || !cjm_field_applies(field, owner))
		return NULL;
	return (char *)item + field_table[field].at[owner];
}

bool *cjm_item_field_flag(const void *item, cjm_ref_kind owner, cjm_field field)
{
	if (!item || !cjm_field_applies(field, owner) || field_table[field].has_at[owner] == CJM_FIELD_NO_FLAG)
		return NULL;
	return (bool *)((char *)item + field_table[field].has_at[owner]);
}

void *cjm_ref_item(const cjm_map *map, cjm_ref ref)
{
	if (ref.kind == CJM_REF_MAP)
		return (void *)map;
	if (ref.phase >= map->phase_count)
		return NULL;
	cjm_phase *phase = map->phases[ref.phase];
	if (ref.kind == CJM_REF_PHASE)
		return phase;
	return ref.tp < phase->touchpoint_count ? phase->touchpoints[ref.tp] : NULL;
}

cjm_value cjm_item_field_get(const void *item, cjm_ref_kind owner, cjm_field field)
{
	cjm_value v = { 0 };
	void *slot = cjm_item_field_slot(item, owner, field);
	if (!slot)
		return v;
	bool *has = cjm_item_field_flag(item, owner, field);
	switch (field_table[field].kind) {
	case CJM_KIND_TEXT:
		v.text = *(char **)slot;
		v.present = v.text != NULL;
		break;
	case CJM_KIND_EMOTION:
		v.present = has && *has;
		v.integer = *(int *)slot;
		break;
	case CJM_KIND_NUMBER:
		v.present = has && *has;
		v.number = *(double *)slot;
		break;
	case CJM_KIND_BOOL:
		v.present = *(cjm_tristate *)slot != CJM_UNSET;
		v.boolean = *(cjm_tristate *)slot == CJM_TRUE;
		break;
	case CJM_KIND_PILLARS:
		v.bits = *(unsigned *)slot;
		v.present = v.bits != 0;
		break;
	case CJM_KIND_LIST:
		v.list = slot;
		v.present = v.list->len > 0 || (has && *has);
		break;
	}
	return v;
}

bool cjm_item_field_marked(const void *item, cjm_ref_kind owner, cjm_field field)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	if (!info || info->kind != CJM_KIND_BOOL || !info->mark)
		return false;
	cjm_value v = cjm_item_field_get(item, owner, field);
	return v.present && v.boolean == info->mark_when;
}

void cjm_item_field_set(void *item, cjm_ref_kind owner, cjm_field field, const cjm_value *v)
{
	void *slot = cjm_item_field_slot(item, owner, field);
	if (!slot)
		return;
	bool *has = cjm_item_field_flag(item, owner, field);
	if (has)
		*has = v->present;
	switch (field_table[field].kind) {
	case CJM_KIND_TEXT: {
		char **text = slot, *old = *text;
		*text = v->present ? xstrdup(v->text) : NULL;
		free(old);
		break;
	}
	case CJM_KIND_EMOTION: *(int *)slot = v->present ? v->integer : 0; break;
	case CJM_KIND_NUMBER: *(double *)slot = v->present ? v->number : 0; break;
	case CJM_KIND_BOOL:
		*(cjm_tristate *)slot = !v->present ? CJM_UNSET : v->boolean ? CJM_TRUE : CJM_FALSE;
		break;
	case CJM_KIND_PILLARS: *(unsigned *)slot = v->present ? v->bits : 0; break;
	case CJM_KIND_LIST:
		if (!v->present || !v->list)
			cjm_strlist_clear(slot);
		else if (v->list != slot)
			cjm_strlist_copy(slot, v->list);
		break;
	}
	if (owner == CJM_REF_MAP) { /* the persona is written when either of its texts is */
		cjm_map *map = item;
		map->has_persona = map->persona_name || map->persona_description;
	}
}

cjm_value cjm_field_get(const cjm_map *map, cjm_ref ref, cjm_field field)
{
	return cjm_item_field_get(cjm_ref_item(map, ref), ref.kind, field);
}

void cjm_field_set(cjm_map *map, cjm_ref ref, cjm_field field, const cjm_value *v)
{
	cjm_item_field_set(cjm_ref_item(map, ref), ref.kind, field, v);
}

cjm_strlist *cjm_field_list(cjm_map *map, cjm_ref ref, cjm_field field)
{
	if (!cjm_field_applies(field, ref.kind) || field_table[field].kind != CJM_KIND_LIST)
		return NULL;
	return cjm_item_field_slot(cjm_ref_item(map, ref), ref.kind, field);
}

/* ---- whole items ---- */

void cjm_item_fields_init(void *item, cjm_ref_kind owner)
{
	const struct owner_index *ix = index_of(owner);
	for (size_t i = 0; i < ix->bool_count; i++)
		*(cjm_tristate *)((char *)item + ix->bools[i]) = CJM_UNSET;
}

void cjm_item_fields_release(void *item, cjm_ref_kind owner)
{
	const struct owner_index *ix = index_of(owner);
	for (size_t i = 0; i < ix->text_count; i++) {
		char **text = (char **)((char *)item + ix->texts[i]);
		free(*text);
		*text = NULL;
	}
	for (size_t i = 0; i < ix->list_count; i++)
		cjm_strlist_clear((cjm_strlist *)((char *)item + ix->lists[i]));
}

void cjm_item_fields_own(void *item, cjm_ref_kind owner)
{
	const struct owner_index *ix = index_of(owner);
	for (size_t i = 0; i < ix->text_count; i++) {
		char **text = (char **)((char *)item + ix->texts[i]);
		*text = xstrdup(*text);
	}
	for (size_t i = 0; i < ix->list_count; i++) {
		cjm_strlist *list = (cjm_strlist *)((char *)item + ix->lists[i]);
		cjm_strlist shared = *list;
		*list = (cjm_strlist){ 0 };
		cjm_strlist_copy(list, &shared);
	}
}

bool cjm_item_fields_equal(const void *a, const void *b, cjm_ref_kind owner)
{
	size_t n;
	const cjm_field *fields = cjm_fields_of(owner, &n);
	for (size_t i = 0; i < n; i++) {
		cjm_value va = cjm_item_field_get(a, owner, fields[i]);
		cjm_value vb = cjm_item_field_get(b, owner, fields[i]);
		if (!cjm_value_equal(field_table[fields[i]].kind, &va, &vb))
			return false;
	}
	return true;
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

/* ---- checks ---- */

/* "must be a number from MIN to MAX" for each numeric field, made from its range in the interface language. */
static char range_messages[CJM_FIELD_COUNT][VALUE_WHY_MAX + 8];

static const char *range_message(cjm_field field)
{
	const cjm_field_info *info = &field_table[field];
	char *message = range_messages[field];
	{
		char expect[VALUE_WHY_MAX];
		const char *plus = info->min < 0 && info->max > 0 ? "+" : "";
		if (info->kind == CJM_KIND_EMOTION) {
			/* TRANSLATORS: a range: "a whole number from -3 to +3" (the second %s is "+" or empty). */
			snprintf(expect, sizeof expect, _("a whole number from %ld to %s%ld"), (long)info->min, plus,
				 (long)info->max);
		} else {
			char lo[NUMBER_TEXT_MAX], hi[NUMBER_TEXT_MAX];
			number_format(lo, info->min);
			number_format(hi, info->max);
			/* TRANSLATORS: a range: "a number from 0 to 10" (the second %s is "+" or empty). */
			snprintf(expect, sizeof expect, _("a number from %s to %s%s"), lo, plus, hi);
		}
		/* TRANSLATORS: %s is the range, for example "a number from 0 to 10". */
		snprintf(message, sizeof range_messages[field], _("must be %s"), expect);
	}
	return message;
}

/* A TEXT field's own check of TEXT, with where in it the problem is, in characters
 * from 1 as the form shows them; NULL when fine. */
static const char *own_check_message(const cjm_field_info *info, const char *text)
{
	static char message[VALUE_WHY_MAX + 400];
	size_t at = 0;
	const char *problem = info->check(text, &at, NULL);
	if (!problem)
		return NULL;
	size_t chars = 1;
	for (size_t i = 0; i < at && text[i]; i++)
		chars += ((unsigned char)text[i] & 0xC0) != 0x80;
	/* TRANSLATORS: a problem in a field's text and where it is: "unknown score '+4'
	 * (...), at character 6". */
	snprintf(message, sizeof message, _("%s, at character %zu"), problem, chars);
	return message;
}

const char *cjm_field_check(cjm_field field, const cjm_value *v)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	if (!info)
		return _("no such field");
	if (!v->present)
		return info->required ? _("a value is required") : NULL;
	switch (info->kind) {
	case CJM_KIND_TEXT:
		if (!v->text)
			return _("a value is required");
		if (!utf8_valid(v->text))
			return _("text must be valid UTF-8");
		if (field == CJM_F_LANGUAGE && !lang_tag_valid(v->text))
			return _("a language is a tag such as nl, en or nl-BE");
		if (field == CJM_F_ID && !cjm_id_is_valid(v->text))
			return _("an id is lower-case letters, digits and '-', starting with a letter or digit");
		if (info->required && cjm_text_is_blank(v->text))
			return _("must not be empty");
		if (info->check)
			return own_check_message(info, v->text);
		return NULL;
	case CJM_KIND_EMOTION:
		return v->integer < info->min || v->integer > info->max ? range_message(field) : NULL;
	case CJM_KIND_NUMBER:
		if (!isfinite(v->number) || v->number < info->min || v->number > info->max)
			return range_message(field);
		return NULL;
	case CJM_KIND_PILLARS:
		return v->bits & ~((1u << CJM_PILLAR_COUNT) - 1) ? _("unknown pillar") : NULL;
	case CJM_KIND_LIST:
		for (size_t i = 0; v->list && i < v->list->len; i++) {
			if (!v->list->items[i] || !v->list->items[i][0])
				return _("list items must not be empty");
			if (!utf8_valid(v->list->items[i]))
				return _("text must be valid UTF-8");
		}
		return NULL;
	case CJM_KIND_BOOL:
		return NULL;
	}
	return NULL;
}

bool cjm_field_check_is_must(const char *problem)
{
	if (!problem)
		return false;
	for (size_t f = 0; f < CJM_FIELD_COUNT; f++)
		if (problem == range_messages[f])
			return true;
	return strcmp(problem, _("must not be empty")) == 0;
}
