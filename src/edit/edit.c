/* The edit layer: every change to a map is a record that can be undone and redone exactly. */
#include "edit/edit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The map's presence flags, which cjm_field_set recomputes as a side effect. */
struct map_flags {
	bool has_persona;
	bool has_brand_values;
};

/* A field value owned by a record: strings and lists are copies. */
struct held_value {
	bool present;
	char *text;
	int integer;
	double number;
	bool boolean;
	unsigned bits;
	cjm_strlist list;
};

enum record_kind {
	REC_PHASE,           /* a phase inserted or removed */
	REC_TOUCHPOINT,      /* a touchpoint inserted or removed */
	REC_MOVE_PHASE,
	REC_MOVE_TOUCHPOINT,
	REC_SET,             /* one field set */
	REC_LIST_ITEM,       /* one list item inserted or removed */
	REC_LIST_REPLACE,    /* one list item replaced */
	REC_DISMISSAL,       /* one dismissal added or removed */
	REC_PATTERN,         /* one pattern setting added, removed or replaced */
};

/*
 * One primitive change. Every record is its own inverse: applying it swaps
 * what it holds with what the map has (an object in or out, a value, a
 * position), so undo and redo both just apply it again. What a record holds
 * while it is out of the map is owned by the record.
 */
struct record {
	enum record_kind kind;
	struct map_flags flags; /* the flags to restore when next applied */
	bool flags_known;       /* false until first applied */
	union {
		struct { size_t at; cjm_phase *held; } phase;
		struct { size_t phase, at; cjm_touchpoint *held; } tp;
		struct { size_t from_phase, from, to_phase, to; } move;
		struct { cjm_ref ref; cjm_field field; struct held_value held; } set;
		struct { cjm_ref ref; cjm_field field; size_t at; char *held; } item;
		struct { size_t at; cjm_dismissal held; bool holding; } dismissal;
		/* IN_MAP: the map holds this record's setting at AT; HOLDING: HELD is a setting */
		struct { size_t at; cjm_pattern_setting held; bool holding, in_map; } pattern;
	} u;
};

/* One undo step: the records of one change or one group, in the order applied. */
struct step {
	struct record *records;
	size_t count;
	size_t cap;
};

struct cjm_edit {
	cjm_map *map;
	struct step *steps; /* steps[0..done) can be undone, steps[done..step_count) redone */
	size_t step_count;
	size_t step_cap;
	size_t done;
	struct step open;   /* the records of the change or group under way */
	unsigned depth;     /* group nesting */
	unsigned long generation;
	unsigned long shape_generation; /* changes only when phases or touchpoints come, go, move or change id */
	bool has_place;     /* PLACE holds where the last undo or redo changed the map */
	cjm_ref place;
	bool saved_known;   /* false once the saved state can no longer be reached */
	size_t saved_done;  /* the saved state: DONE steps plus SAVED_OPEN records of OPEN */
	size_t saved_open;
	char error[256];
};

/* ---- errors ---- */

int cjm_edit_fail(cjm_edit *edit, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(edit->error, sizeof edit->error, fmt, ap);
	va_end(ap);
	return -1;
}

static int edit_ok(cjm_edit *edit)
{
	edit->error[0] = '\0';
	return 0;
}

/* ---- held values ---- */

static struct held_value held_from_value(const cjm_value *v)
{
	struct held_value h = { 0 };
	h.present = v->present;
	h.text = xstrdup(v->text);
	h.integer = v->integer;
	h.number = v->number;
	h.boolean = v->boolean;
	h.bits = v->bits;
	if (v->list)
		cjm_strlist_copy(&h.list, v->list);
	return h;
}

static cjm_value held_view(const struct held_value *h)
{
	cjm_value v = { 0 };
	v.present = h->present;
	v.text = h->text;
	v.integer = h->integer;
	v.number = h->number;
	v.boolean = h->boolean;
	v.bits = h->bits;
	v.list = &h->list;
	return v;
}

static void held_free(struct held_value *h)
{
	free(h->text);
	cjm_strlist_clear(&h->list);
}

/* ---- dismissals (the model has no helpers for them) ---- */

static void dismissal_insert(cjm_map *map, size_t at, cjm_dismissal d)
{
	map->dismissed = xrealloc(map->dismissed, (map->dismissed_count + 1) * sizeof *map->dismissed);
	memmove(map->dismissed + at + 1, map->dismissed + at,
		(map->dismissed_count - at) * sizeof *map->dismissed);
	map->dismissed[at] = d;
	map->dismissed_count++;
}

static cjm_dismissal dismissal_remove(cjm_map *map, size_t at)
{
	cjm_dismissal d = map->dismissed[at];
	memmove(map->dismissed + at, map->dismissed + at + 1,
		(map->dismissed_count - at - 1) * sizeof *map->dismissed);
	map->dismissed_count--;
	return d;
}

/* ---- pattern settings ---- */

static void setting_insert(cjm_map *map, size_t at, cjm_pattern_setting s)
{
	map->patterns = xrealloc(map->patterns, (map->pattern_count + 1) * sizeof *map->patterns);
	memmove(map->patterns + at + 1, map->patterns + at, (map->pattern_count - at) * sizeof *map->patterns);
	map->patterns[at] = s;
	map->pattern_count++;
}

static cjm_pattern_setting setting_remove(cjm_map *map, size_t at)
{
	cjm_pattern_setting s = map->patterns[at];
	memmove(map->patterns + at, map->patterns + at + 1, (map->pattern_count - at - 1) * sizeof *map->patterns);
	map->pattern_count--;
	return s;
}

static bool same_text(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The index of the dismissal of PATTERN on TARGET, or dismissed_count. */
static size_t dismissal_find(const cjm_map *map, const char *pattern, const char *target)
{
	for (size_t i = 0; i < map->dismissed_count; i++)
		if (same_text(map->dismissed[i].pattern, pattern) &&
		    same_text(map->dismissed[i].target, target))
			return i;
	return map->dismissed_count;
}

/* ---- records ---- */

static void swap_size(size_t *a, size_t *b)
{
	size_t t = *a;
	*a = *b;
	*b = t;
}

static void apply_phase(cjm_map *map, struct record *r)
{
	if (r->u.phase.held) {
		cjm_map_insert_phase(map, r->u.phase.at, r->u.phase.held);
		r->u.phase.held = NULL;
	} else {
		r->u.phase.held = cjm_map_remove_phase(map, r->u.phase.at);
	}
}

static void apply_touchpoint(cjm_map *map, struct record *r)
{
	cjm_phase *phase = map->phases[r->u.tp.phase];
	if (r->u.tp.held) {
		cjm_phase_insert_touchpoint(phase, r->u.tp.at, r->u.tp.held);
		r->u.tp.held = NULL;
	} else {
		r->u.tp.held = cjm_phase_remove_touchpoint(phase, r->u.tp.at);
	}
}

/* Moves, then swaps the ends: positions are counted after removal, so the
 * move back is the same move with FROM and TO exchanged. */
static void apply_move(cjm_map *map, struct record *r)
{
	if (r->kind == REC_MOVE_PHASE) {
		cjm_map_insert_phase(map, r->u.move.to, cjm_map_remove_phase(map, r->u.move.from));
	} else {
		cjm_touchpoint *tp = cjm_phase_remove_touchpoint(map->phases[r->u.move.from_phase],
								 r->u.move.from);
		cjm_phase_insert_touchpoint(map->phases[r->u.move.to_phase], r->u.move.to, tp);
	}
	swap_size(&r->u.move.from_phase, &r->u.move.to_phase);
	swap_size(&r->u.move.from, &r->u.move.to);
}

static void apply_set(cjm_map *map, struct record *r)
{
	cjm_value current = cjm_field_get(map, r->u.set.ref, r->u.set.field);
	struct held_value was = held_from_value(&current);
	cjm_value next = held_view(&r->u.set.held);
	cjm_field_set(map, r->u.set.ref, r->u.set.field, &next);
	held_free(&r->u.set.held);
	r->u.set.held = was;
}

static void apply_item(cjm_map *map, struct record *r)
{
	cjm_strlist *list = cjm_field_list(map, r->u.item.ref, r->u.item.field);
	if (r->kind == REC_LIST_REPLACE) {
		char *was = list->items[r->u.item.at];
		list->items[r->u.item.at] = r->u.item.held;
		r->u.item.held = was;
	} else if (r->u.item.held) {
		cjm_strlist_insert(list, r->u.item.at, r->u.item.held);
		free(r->u.item.held);
		r->u.item.held = NULL;
	} else {
		r->u.item.held = cjm_strlist_take(list, r->u.item.at);
	}
}

static void apply_dismissal(cjm_map *map, struct record *r)
{
	if (r->u.dismissal.holding)
		dismissal_insert(map, r->u.dismissal.at, r->u.dismissal.held);
	else
		r->u.dismissal.held = dismissal_remove(map, r->u.dismissal.at);
	r->u.dismissal.holding = !r->u.dismissal.holding;
}

/* Swaps the setting the record holds with the map's at AT: in, out, or in place of it. */
static void apply_pattern(cjm_map *map, struct record *r)
{
	if (r->u.pattern.in_map && r->u.pattern.holding) {
		cjm_pattern_setting was = map->patterns[r->u.pattern.at];
		map->patterns[r->u.pattern.at] = r->u.pattern.held;
		r->u.pattern.held = was;
	} else if (r->u.pattern.in_map) {
		r->u.pattern.held = setting_remove(map, r->u.pattern.at);
		r->u.pattern.holding = true;
		r->u.pattern.in_map = false;
	} else {
		setting_insert(map, r->u.pattern.at, r->u.pattern.held);
		r->u.pattern.holding = false;
		r->u.pattern.in_map = true;
	}
}

/* Applies R to MAP and keeps what it replaced, so applying R again reverts it. */
static void record_apply(cjm_map *map, struct record *r)
{
	struct map_flags before = { map->has_persona, map->has_brand_values };
	switch (r->kind) {
	case REC_PHASE: apply_phase(map, r); break;
	case REC_TOUCHPOINT: apply_touchpoint(map, r); break;
	case REC_MOVE_PHASE:
	case REC_MOVE_TOUCHPOINT: apply_move(map, r); break;
	case REC_SET: apply_set(map, r); break;
	case REC_LIST_ITEM:
	case REC_LIST_REPLACE: apply_item(map, r); break;
	case REC_DISMISSAL: apply_dismissal(map, r); break;
	case REC_PATTERN: apply_pattern(map, r); break;
	}
	if (r->flags_known) {
		map->has_persona = r->flags.has_persona;
		map->has_brand_values = r->flags.has_brand_values;
	}
	r->flags = before;
	r->flags_known = true;
}

/* Applies R through the session, noting when it changes the map's shape. */
static void edit_apply(cjm_edit *edit, struct record *r)
{
	record_apply(edit->map, r);
	if (r->kind == REC_PHASE || r->kind == REC_TOUCHPOINT || r->kind == REC_MOVE_PHASE ||
	    r->kind == REC_MOVE_TOUCHPOINT || (r->kind == REC_SET && r->u.set.field == CJM_F_ID))
		edit->shape_generation++;
}

static void record_free(struct record *r)
{
	switch (r->kind) {
	case REC_PHASE: cjm_phase_free(r->u.phase.held); break;
	case REC_TOUCHPOINT: cjm_touchpoint_free(r->u.tp.held); break;
	case REC_MOVE_PHASE:
	case REC_MOVE_TOUCHPOINT: break;
	case REC_SET: held_free(&r->u.set.held); break;
	case REC_LIST_ITEM:
	case REC_LIST_REPLACE: free(r->u.item.held); break;
	case REC_DISMISSAL:
		if (r->u.dismissal.holding) {
			free(r->u.dismissal.held.pattern);
			free(r->u.dismissal.held.target);
		}
		break;
	case REC_PATTERN:
		if (r->u.pattern.holding)
			free(r->u.pattern.held.id);
		break;
	}
}

/* ---- steps and history ---- */

static void step_free(struct step *step)
{
	for (size_t i = 0; i < step->count; i++)
		record_free(&step->records[i]);
	free(step->records);
	memset(step, 0, sizeof *step);
}

/* Forgets the steps that could be redone; a saved state among them is lost. */
static void history_drop_redo(cjm_edit *edit)
{
	for (size_t i = edit->done; i < edit->step_count; i++)
		step_free(&edit->steps[i]);
	edit->step_count = edit->done;
	if (edit->saved_done > edit->done)
		edit->saved_known = false;
}

/* Makes the open records one step (nothing when there are none). */
static void history_close_step(cjm_edit *edit)
{
	if (edit->open.count == 0)
		return;
	if (edit->saved_known && edit->saved_done == edit->done && edit->saved_open > 0) {
		/* saved inside this group: a state that is a step only if nothing followed */
		edit->saved_known = edit->saved_open == edit->open.count;
		edit->saved_done = edit->done + 1;
		edit->saved_open = 0;
	}
	xgrow((void **)&edit->steps, &edit->step_cap, edit->done + 1, sizeof *edit->steps);
	edit->steps[edit->done++] = edit->open;
	edit->step_count = edit->done;
	memset(&edit->open, 0, sizeof edit->open);
}

/* Applies REC to the map as part of the open step, which closes unless in a group. */
static int edit_change(cjm_edit *edit, struct record rec)
{
	if (edit->open.count == 0)
		history_drop_redo(edit);
	xgrow((void **)&edit->open.records, &edit->open.cap, edit->open.count + 1,
	      sizeof *edit->open.records);
	struct record *r = &edit->open.records[edit->open.count++];
	*r = rec;
	edit_apply(edit, r);
	edit->generation++;
	if (edit->depth == 0)
		history_close_step(edit);
	return edit_ok(edit);
}

/* ---- the session ---- */

cjm_edit *cjm_edit_new(cjm_map *map)
{
	cjm_edit *edit = xcalloc(1, sizeof *edit);
	edit->map = map;
	edit->saved_known = true;
	return edit;
}

void cjm_edit_free(cjm_edit *edit)
{
	if (!edit)
		return;
	for (size_t i = 0; i < edit->step_count; i++)
		step_free(&edit->steps[i]);
	free(edit->steps);
	step_free(&edit->open);
	cjm_map_free(edit->map);
	free(edit);
}

cjm_map *cjm_edit_map(const cjm_edit *edit)
{
	return edit->map;
}

const char *cjm_edit_error(const cjm_edit *edit)
{
	return edit->error;
}

/* ---- validation ---- */

static int check_phase(cjm_edit *edit, size_t phase)
{
	if (phase >= edit->map->phase_count)
		return cjm_edit_fail(edit, _("no phase %zu (the map has %zu)"), phase, edit->map->phase_count);
	return 0;
}

static int check_touchpoint(cjm_edit *edit, size_t phase, size_t tp)
{
	if (check_phase(edit, phase) < 0)
		return -1;
	const cjm_phase *p = edit->map->phases[phase];
	if (tp >= p->touchpoint_count)
		return cjm_edit_fail(edit, _("no touchpoint %zu in phase '%s'"), tp, p->name);
	return 0;
}

static int check_ref(cjm_edit *edit, cjm_ref ref)
{
	switch (ref.kind) {
	case CJM_REF_MAP: return 0;
	case CJM_REF_PHASE: return check_phase(edit, ref.phase);
	case CJM_REF_TOUCHPOINT: return check_touchpoint(edit, ref.phase, ref.tp);
	}
	return cjm_edit_fail(edit, _("no such item"));
}

/* TEXT (of WHAT, for the message) holds only characters a map may hold (utf8_forbidden):
 * what the saver writes must load again. */
static int check_chars(cjm_edit *edit, const char *what, const char *text)
{
	uint32_t cp;
	const char *bad = text ? utf8_find_forbidden(text, strlen(text), NULL, &cp) : NULL;
	if (!bad)
		return 0;
	char why[96];
	snprintf(why, sizeof why, bad, (unsigned)cp);
	return cjm_edit_fail(edit, _("%s: %s in a map"), what, why);
}

static int check_name(cjm_edit *edit, const char *name, const char *what)
{
	if (cjm_text_is_blank(name))
		return cjm_edit_fail(edit, _("a %s needs a name"), what);
	if (!utf8_valid(name))
		return cjm_edit_fail(edit, _("the name of a %s must be valid UTF-8"), what);
	char label[64];
	snprintf(label, sizeof label, _("the name of a %s"), what);
	return check_chars(edit, label, name);
}

static int check_id_syntax(cjm_edit *edit, const char *id)
{
	if (!cjm_id_is_valid(id))
		return cjm_edit_fail(edit, _("'%s' is not a valid id: use lower-case letters, digits and '-'"),
				 id ? id : "");
	return 0;
}

/* A new id must be well formed and unused by every phase and touchpoint. */
static int check_new_id(cjm_edit *edit, const char *id)
{
	size_t p, t;
	if (check_id_syntax(edit, id) < 0)
		return -1;
	if (cjm_map_find(edit->map, id, &p, &t))
		return cjm_edit_fail(edit, _("id '%s' is already used"), id);
	return 0;
}

/* Reports a message of cjm_field_check about FIELD. */
static int check_value(cjm_edit *edit, cjm_field field, const cjm_value *value)
{
	const char *problem = cjm_field_check(field, value);
	if (!problem) {
		const cjm_field_info *info = cjm_field_info_of(field);
		if (info->kind == CJM_KIND_TEXT && value->present)
			return check_chars(edit, _(info->label), value->text);
		for (size_t i = 0; info->kind == CJM_KIND_LIST && value->list && i < value->list->len; i++)
			if (check_chars(edit, _(info->label), value->list->items[i]) < 0)
				return -1;
		return 0;
	}
	if (field == CJM_F_ID && value->present && value->text)
		return check_id_syntax(edit, value->text);
	const char *label = _(cjm_field_info_of(field)->label);
	if (cjm_field_check_is_must(problem)) /* "satisfaction must be a number from 0 to 10" */
		return cjm_edit_fail(edit, "%s %s", label, problem);
	return cjm_edit_fail(edit, "%s: %s", label, problem);
}

static int check_field(cjm_edit *edit, cjm_ref ref, cjm_field field)
{
	if (check_ref(edit, ref) < 0)
		return -1;
	const cjm_field_info *info = cjm_field_info_of(field);
	if (!info)
		return cjm_edit_fail(edit, _("no such field"));
	if (!cjm_field_applies(field, ref.kind))
		return cjm_edit_fail(edit, _("%s has no %s"), cjm_ref_kind_noun(ref.kind), _(info->label));
	return 0;
}

/* Every field of TP within range, checked as cjm_edit_set would check it. */
static int check_touchpoint_fields(cjm_edit *edit, const cjm_touchpoint *tp)
{
	size_t n;
	const cjm_field *fields = cjm_fields_of(CJM_REF_TOUCHPOINT, &n);
	for (size_t i = 0; i < n; i++) {
		if (fields[i] == CJM_F_ID) /* checked against the map's other ids */
			continue;
		cjm_value v = cjm_item_field_get(tp, CJM_REF_TOUCHPOINT, fields[i]);
		if (check_value(edit, fields[i], &v) < 0)
			return -1;
	}
	return 0;
}

/* ---- phases and touchpoints ---- */

int cjm_edit_add_phase(cjm_edit *edit, size_t at, const char *name, const char *id)
{
	if (at > edit->map->phase_count)
		return cjm_edit_fail(edit, _("cannot add a phase at position %zu: the map has %zu phases"),
				 at, edit->map->phase_count);
	if (check_name(edit, name, _("phase")) < 0 || (id && check_new_id(edit, id) < 0))
		return -1;
	char *made = id ? NULL : cjm_map_unique_id(edit->map, name);
	struct record rec = { .kind = REC_PHASE };
	rec.u.phase.at = at;
	rec.u.phase.held = cjm_phase_new(id ? id : made, name);
	free(made);
	return edit_change(edit, rec);
}

int cjm_edit_delete_phase(cjm_edit *edit, size_t phase)
{
	if (check_phase(edit, phase) < 0)
		return -1;
	struct record rec = { .kind = REC_PHASE };
	rec.u.phase.at = phase;
	return edit_change(edit, rec);
}

int cjm_edit_move_phase(cjm_edit *edit, size_t from, size_t to)
{
	if (check_phase(edit, from) < 0)
		return -1;
	if (to >= edit->map->phase_count)
		return cjm_edit_fail(edit, _("cannot move phase '%s' to position %zu: the map has %zu phases"),
				 edit->map->phases[from]->name, to, edit->map->phase_count);
	if (from == to)
		return edit_ok(edit);
	struct record rec = { .kind = REC_MOVE_PHASE };
	rec.u.move.from = from;
	rec.u.move.to = to;
	return edit_change(edit, rec);
}

/* Inserts TP, a new touchpoint the record then owns, at a checked position. */
static int edit_insert_owned(cjm_edit *edit, size_t phase, size_t at, cjm_touchpoint *tp)
{
	struct record rec = { .kind = REC_TOUCHPOINT };
	rec.u.tp.phase = phase;
	rec.u.tp.at = at;
	rec.u.tp.held = tp;
	return edit_change(edit, rec);
}

static int check_insert_position(cjm_edit *edit, size_t phase, size_t at)
{
	if (check_phase(edit, phase) < 0)
		return -1;
	const cjm_phase *p = edit->map->phases[phase];
	if (at > p->touchpoint_count)
		return cjm_edit_fail(edit, _("cannot add a touchpoint at position %zu of phase '%s': it has %zu touchpoints"),
				 at, p->name, p->touchpoint_count);
	return 0;
}

int cjm_edit_add_touchpoint(cjm_edit *edit, size_t phase, size_t at, const char *name, const char *id)
{
	if (check_insert_position(edit, phase, at) < 0 || check_name(edit, name, _("touchpoint")) < 0 ||
	    (id && check_new_id(edit, id) < 0))
		return -1;
	char *made = id ? NULL : cjm_map_unique_id(edit->map, name);
	cjm_touchpoint *tp = cjm_touchpoint_new(id ? id : made, name);
	free(made);
	return edit_insert_owned(edit, phase, at, tp);
}

int cjm_edit_insert_touchpoint(cjm_edit *edit, size_t phase, size_t at, const cjm_touchpoint *tp)
{
	if (check_insert_position(edit, phase, at) < 0)
		return -1;
	if (!tp)
		return cjm_edit_fail(edit, _("no touchpoint to insert"));
	if (check_new_id(edit, tp->id) < 0 || check_name(edit, tp->name, _("touchpoint")) < 0 ||
	    check_touchpoint_fields(edit, tp) < 0)
		return -1;
	return edit_insert_owned(edit, phase, at, cjm_touchpoint_clone(tp));
}

int cjm_edit_delete_touchpoint(cjm_edit *edit, size_t phase, size_t at)
{
	if (check_touchpoint(edit, phase, at) < 0)
		return -1;
	struct record rec = { .kind = REC_TOUCHPOINT };
	rec.u.tp.phase = phase;
	rec.u.tp.at = at;
	return edit_change(edit, rec);
}

int cjm_edit_move_touchpoint(cjm_edit *edit, size_t from_phase, size_t from, size_t to_phase, size_t to)
{
	if (check_touchpoint(edit, from_phase, from) < 0 || check_phase(edit, to_phase) < 0)
		return -1;
	const cjm_phase *dest = edit->map->phases[to_phase];
	size_t last = dest->touchpoint_count - (from_phase == to_phase ? 1 : 0);
	if (to > last)
		return cjm_edit_fail(edit, _("cannot move a touchpoint to position %zu of phase '%s': the last is %zu"),
				 to, dest->name, last);
	if (from_phase == to_phase && from == to)
		return edit_ok(edit);
	struct record rec = { .kind = REC_MOVE_TOUCHPOINT };
	rec.u.move.from_phase = from_phase;
	rec.u.move.from = from;
	rec.u.move.to_phase = to_phase;
	rec.u.move.to = to;
	return edit_change(edit, rec);
}

/* ---- fields ---- */

/* VALUE as cjm_field_get would read it back after cjm_field_set, so that
 * "equal to the current value" means "would change nothing". */
static cjm_value value_normalize(cjm_ref_kind owner, cjm_field field, const cjm_value *value)
{
	static const cjm_strlist empty;
	const cjm_field_info *info = cjm_field_info_of(field);
	bool has_flag = info->has_at[owner] != CJM_FIELD_NO_FLAG;
	cjm_value v = *value;
	switch (info->kind) {
	case CJM_KIND_PILLARS:
		v.present = v.present && v.bits != 0;
		break;
	case CJM_KIND_LIST:
		if (v.present && !v.list)
			v.list = &empty;
		if (v.present && !has_flag && v.list->len == 0)
			v.present = false; /* an empty list without a presence flag is an absent one */
		if (!v.present)
			v.list = NULL;
		break;
	default:
		break;
	}
	return v;
}

/* A new id for the item REF names, unused by every other phase and touchpoint. */
static int check_id_change(cjm_edit *edit, cjm_ref ref, const char *id)
{
	size_t p, t;
	if (!cjm_map_find(edit->map, id, &p, &t))
		return 0;
	bool self = p == ref.phase && (ref.kind == CJM_REF_PHASE ? t == (size_t)-1 : t == ref.tp);
	return self ? 0 : cjm_edit_fail(edit, _("id '%s' is already used"), id);
}

int cjm_edit_set(cjm_edit *edit, cjm_ref ref, cjm_field field, const cjm_value *value)
{
	if (check_field(edit, ref, field) < 0)
		return -1;
	if (!value)
		return cjm_edit_fail(edit, _("no value for %s"), _(cjm_field_info_of(field)->label));
	if (check_value(edit, field, value) < 0)
		return -1;
	cjm_value next = value_normalize(ref.kind, field, value);
	cjm_value current = cjm_field_get(edit->map, ref, field);
	if (cjm_value_equal(cjm_field_info_of(field)->kind, &current, &next))
		return edit_ok(edit);
	if (field == CJM_F_ID && check_id_change(edit, ref, next.text) < 0)
		return -1;
	struct record rec = { .kind = REC_SET };
	rec.u.set.ref = ref;
	rec.u.set.field = field;
	rec.u.set.held = held_from_value(&next);
	return edit_change(edit, rec);
}

int cjm_edit_set_text(cjm_edit *edit, cjm_ref ref, cjm_field field, const char *text)
{
	if (check_field(edit, ref, field) < 0)
		return -1;
	const cjm_field_info *info = cjm_field_info_of(field);
	if (info->kind != CJM_KIND_TEXT)
		return cjm_edit_fail(edit, _("%s is not text"), _(info->label));
	cjm_value value = { .present = text != NULL, .text = text };
	return cjm_edit_set(edit, ref, field, &value);
}

int cjm_edit_set_emotion(cjm_edit *edit, cjm_ref ref, bool present, int emotion)
{
	cjm_value value = { .present = present, .integer = present ? emotion : 0 };
	return cjm_edit_set(edit, ref, CJM_F_EMOTION, &value);
}

/* ---- list items ---- */

/* The list field FIELD of REF, checked; NULL (error set) when there is none. */
static cjm_strlist *edit_list(cjm_edit *edit, cjm_ref ref, cjm_field field)
{
	if (check_field(edit, ref, field) < 0)
		return NULL;
	const cjm_field_info *info = cjm_field_info_of(field);
	if (info->kind != CJM_KIND_LIST) {
		cjm_edit_fail(edit, _("%s is not a list"), _(info->label));
		return NULL;
	}
	return cjm_field_list(edit->map, ref, field);
}

static int check_item_text(cjm_edit *edit, cjm_field field, const char *text)
{
	if (!text || !text[0])
		return cjm_edit_fail(edit, _("an item of %s must not be empty"), _(cjm_field_info_of(field)->label));
	if (!utf8_valid(text))
		return cjm_edit_fail(edit, _("an item of %s must be valid UTF-8"), _(cjm_field_info_of(field)->label));
	return check_chars(edit, _(cjm_field_info_of(field)->label), text);
}

static int check_item_index(cjm_edit *edit, const cjm_strlist *list, cjm_field field, size_t at)
{
	if (at >= list->len)
		return cjm_edit_fail(edit, _("no item %zu in %s (there are %zu)"), at,
				 _(cjm_field_info_of(field)->label), list->len);
	return 0;
}

static struct record item_record(enum record_kind kind, cjm_ref ref, cjm_field field, size_t at)
{
	struct record rec = { .kind = kind };
	rec.u.item.ref = ref;
	rec.u.item.field = field;
	rec.u.item.at = at;
	return rec;
}

int cjm_edit_list_insert(cjm_edit *edit, cjm_ref ref, cjm_field field, size_t at, const char *text)
{
	cjm_strlist *list = edit_list(edit, ref, field);
	if (!list || check_item_text(edit, field, text) < 0)
		return -1;
	if (at > list->len)
		return cjm_edit_fail(edit, _("cannot add an item at position %zu of %s: there are %zu"), at,
				 _(cjm_field_info_of(field)->label), list->len);
	struct record rec = item_record(REC_LIST_ITEM, ref, field, at);
	rec.u.item.held = xstrdup(text);
	return edit_change(edit, rec);
}

int cjm_edit_list_remove(cjm_edit *edit, cjm_ref ref, cjm_field field, size_t at)
{
	cjm_strlist *list = edit_list(edit, ref, field);
	if (!list || check_item_index(edit, list, field, at) < 0)
		return -1;
	return edit_change(edit, item_record(REC_LIST_ITEM, ref, field, at));
}

int cjm_edit_list_replace(cjm_edit *edit, cjm_ref ref, cjm_field field, size_t at, const char *text)
{
	cjm_strlist *list = edit_list(edit, ref, field);
	if (!list || check_item_index(edit, list, field, at) < 0 || check_item_text(edit, field, text) < 0)
		return -1;
	if (strcmp(list->items[at], text) == 0)
		return edit_ok(edit);
	struct record rec = item_record(REC_LIST_REPLACE, ref, field, at);
	rec.u.item.held = xstrdup(text);
	return edit_change(edit, rec);
}

/* ---- dismissed suggestions ---- */

static int check_dismissal(cjm_edit *edit, const char *pattern, const char *target)
{
	if (!cjm_id_is_valid(pattern) || !cjm_id_is_valid(target))
		return cjm_edit_fail(edit, _("a dismissal needs a pattern id and a target id"));
	return 0;
}

int cjm_edit_dismiss(cjm_edit *edit, const char *pattern, const char *target)
{
	if (check_dismissal(edit, pattern, target) < 0)
		return -1;
	size_t at = edit->map->dismissed_count;
	if (dismissal_find(edit->map, pattern, target) < at)
		return edit_ok(edit); /* already dismissed: nothing changes */
	struct record rec = { .kind = REC_DISMISSAL };
	rec.u.dismissal.at = at;
	rec.u.dismissal.held.pattern = xstrdup(pattern);
	rec.u.dismissal.held.target = xstrdup(target);
	rec.u.dismissal.holding = true;
	return edit_change(edit, rec);
}

int cjm_edit_undismiss(cjm_edit *edit, const char *pattern, const char *target)
{
	if (check_dismissal(edit, pattern, target) < 0)
		return -1;
	size_t at = dismissal_find(edit->map, pattern, target);
	if (at == edit->map->dismissed_count)
		return cjm_edit_fail(edit, _("%s on '%s' is not dismissed"), pattern, target);
	struct record rec = { .kind = REC_DISMISSAL };
	rec.u.dismissal.at = at;
	return edit_change(edit, rec);
}

/* ---- pattern settings ---- */

/* The index of the setting of pattern ID, or pattern_count. */
static size_t setting_find(const cjm_map *map, const char *id)
{
	for (size_t i = 0; i < map->pattern_count; i++)
		if (same_text(map->patterns[i].id, id))
			return i;
	return map->pattern_count;
}

static bool setting_same(const cjm_pattern_setting *a, const cjm_pattern_setting *b)
{
	return a->enabled == b->enabled && a->has_threshold == b->has_threshold &&
	       (!a->has_threshold || a->threshold == b->threshold);
}

int cjm_edit_set_pattern(cjm_edit *edit, const char *id, const cjm_pattern_setting *setting, size_t at)
{
	if (!cjm_id_is_valid(id))
		return cjm_edit_fail(edit, _("'%s' is not a valid pattern id"), id ? id : "");
	size_t found = setting_find(edit->map, id);
	bool has = found < edit->map->pattern_count;
	if (!has && !setting)
		return edit_ok(edit); /* no setting, and none wanted */
	if (has && setting && setting_same(&edit->map->patterns[found], setting))
		return edit_ok(edit);
	if (!has && at > edit->map->pattern_count)
		return cjm_edit_fail(edit, _("cannot add a pattern setting at position %zu: the map has %zu"), at,
				 edit->map->pattern_count);
	struct record rec = { .kind = REC_PATTERN };
	rec.u.pattern.at = has ? found : at;
	rec.u.pattern.in_map = has;
	rec.u.pattern.holding = setting != NULL;
	if (setting) {
		rec.u.pattern.held = *setting;
		rec.u.pattern.held.id = xstrdup(id);
		rec.u.pattern.held.pos = (cjm_pos){ 0, 0 };
	}
	return edit_change(edit, rec);
}

/* ---- groups, undo and redo ---- */

void cjm_edit_group_begin(cjm_edit *edit)
{
	edit->depth++;
}

void cjm_edit_group_end(cjm_edit *edit)
{
	if (edit->depth == 0)
		return;
	if (--edit->depth == 0)
		history_close_step(edit);
}

bool cjm_edit_can_undo(const cjm_edit *edit)
{
	return edit->depth == 0 && edit->done > 0;
}

bool cjm_edit_can_redo(const cjm_edit *edit)
{
	return edit->depth == 0 && edit->done < edit->step_count;
}

/* Where R, just applied, left its item: what the editor selects after an undo or redo.
 * False for a change that has no place on the map (a dismissal). */
static bool record_place(const struct record *r, cjm_ref *where)
{
	switch (r->kind) {
	case REC_PHASE: *where = (cjm_ref){ CJM_REF_PHASE, r->u.phase.at, 0 }; return true;
	case REC_TOUCHPOINT: *where = (cjm_ref){ CJM_REF_TOUCHPOINT, r->u.tp.phase, r->u.tp.at }; return true;
	/* a move has swapped its ends: FROM is where the item is now */
	case REC_MOVE_PHASE: *where = (cjm_ref){ CJM_REF_PHASE, r->u.move.from, 0 }; return true;
	case REC_MOVE_TOUCHPOINT:
		*where = (cjm_ref){ CJM_REF_TOUCHPOINT, r->u.move.from_phase, r->u.move.from };
		return true;
	case REC_SET: *where = r->u.set.ref; return true;
	case REC_LIST_ITEM:
	case REC_LIST_REPLACE: *where = r->u.item.ref; return true;
	case REC_DISMISSAL:
	case REC_PATTERN: break;
	}
	return false;
}

bool cjm_edit_changed_place(const cjm_edit *edit, cjm_ref *where)
{
	if (edit->has_place)
		*where = edit->place;
	return edit->has_place;
}

int cjm_edit_undo(cjm_edit *edit)
{
	if (edit->depth > 0)
		return cjm_edit_fail(edit, _("cannot undo in the middle of a change"));
	if (edit->done == 0)
		return cjm_edit_fail(edit, _("nothing to undo"));
	struct step *step = &edit->steps[--edit->done];
	for (size_t i = step->count; i-- > 0;)
		edit_apply(edit, &step->records[i]);
	edit->has_place = step->count > 0 && record_place(&step->records[0], &edit->place);
	edit->generation++;
	return edit_ok(edit);
}

int cjm_edit_redo(cjm_edit *edit)
{
	if (edit->depth > 0)
		return cjm_edit_fail(edit, _("cannot redo in the middle of a change"));
	if (edit->done == edit->step_count)
		return cjm_edit_fail(edit, _("nothing to redo"));
	struct step *step = &edit->steps[edit->done++];
	for (size_t i = 0; i < step->count; i++)
		edit_apply(edit, &step->records[i]);
	edit->has_place = step->count > 0 && record_place(&step->records[step->count - 1], &edit->place);
	edit->generation++;
	return edit_ok(edit);
}

unsigned long cjm_edit_generation(const cjm_edit *edit)
{
	return edit->generation;
}

unsigned long cjm_edit_shape_generation(const cjm_edit *edit)
{
	return edit->shape_generation;
}

void cjm_edit_mark_saved(cjm_edit *edit)
{
	edit->saved_known = true;
	edit->saved_done = edit->done;
	edit->saved_open = edit->open.count;
}

void cjm_edit_mark_unsaved(cjm_edit *edit)
{
	edit->saved_known = false;
}

bool cjm_edit_dirty(const cjm_edit *edit)
{
	return !edit->saved_known || edit->saved_done != edit->done ||
	       edit->saved_open != edit->open.count;
}
