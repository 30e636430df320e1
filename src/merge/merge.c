/* The three-way merge of maps by id: which items survive, where they go, and their fields.
 *
 * Every phase and touchpoint of the three maps is one item, found by id in a hash
 * set, so the merge is linear in the size of the maps. Then:
 *   - fate: an item on both sides stays; an item added on either side stays; an item
 *     deleted on one side goes, unless the other side edited it (a conflict: it stays
 *     in that side's variant only);
 *   - place: an item takes its place from OURS, unless only THEIRS moved it (into
 *     another phase, or behind another item); THEIRS' items placed this way go after
 *     the nearest item before them in THEIRS that is in the merge (after OURS' own
 *     additions there), so both sides' additions are kept, ours first;
 *   - fields: a field changed on one side takes that side's value; changed on both to
 *     the same value, that value; else a conflict. Lists are merged as sets keeping
 *     order (additions of both, ours first; removals of both); pillars bit by bit.
 * The result is built twice when there are conflicts: once taking OURS for each
 * conflicted item, once taking THEIRS (conflict_text.c writes the difference).
 * Pattern settings, dismissals and list items are looked up in hash sets too, so
 * no part of the merge is quadratic in the number of anything. */
#include "merge/merge.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strset.h"
#include "util/xalloc.h"

#define NONE SIZE_MAX

typedef struct item {
	const char *id;
	bool is_phase;
	bool has[3];      /* present on each side */
	size_t pi[3];     /* phase index on each side */
	size_t ti[3];     /* touchpoint index on each side */
	size_t cont[3];   /* touchpoints: the item of the phase holding it on each side */
	size_t pred[3];   /* the item before it on each side, among those on all three sides */
	bool changed[3];  /* own fields differ from BASE on side 1 / 2 */
	bool keep[3];     /* in the OURS (1) / THEIRS (2) variant of the result */
	bool holds;       /* phases: a touchpoint of the merge is placed in it */
	int ref;          /* the side whose place it takes */
	size_t next;      /* the next item in its container in the merge */
	size_t head, tail; /* phases: their touchpoints in the merge */
} item;

typedef struct order {
	size_t *at;
	size_t len, cap;
} order;

typedef struct merger {
	const cjm_map *m[3];
	item *items;
	size_t count, cap;
	strset *ids;
	order tps[3];    /* touchpoint items in each side's order */
	order phases[3]; /* phase items in each side's order */
	size_t phead, ptail;
	strset *settings[3]; /* pattern id -> its first setting, on each side */
	strset *dismissals[3]; /* dismissal_key -> itself, on each side */
	char **dismissal_keys[3];
	size_t conflict_cap;
	cjm_merge_result *res;
} merger;

/* ---- conflicts ---- */

static void add_conflict(merger *mg, cjm_ref_kind owner, const char *id, char *key, int deleted_by)
{
	cjm_merge_result *res = mg->res;
	xgrow((void **)&res->conflicts, &mg->conflict_cap, res->conflict_count + 1, sizeof *res->conflicts);
	res->conflicts[res->conflict_count++] = (cjm_merge_conflict){ owner, xstrdup(id), key, deleted_by };
}

char *cjm_merge_conflict_describe(const cjm_merge_conflict *c)
{
	char *where;
	if (c->owner == CJM_REF_MAP)
		where = xstrdup(_("the map"));
	else if (c->owner == CJM_REF_PHASE)
		/* TRANSLATORS: %s is a phase's id. */
		where = xasprintf(_("phase '%s'"), c->id ? c->id : "");
	else
		/* TRANSLATORS: %s is a touchpoint's id. */
		where = xasprintf(_("touchpoint '%s'"), c->id ? c->id : "");
	/* the sides as git names them: the words stay, they are git's */
	const char *edited_by = c->deleted_by == CJM_MERGE_OURS ? "theirs" : "ours";
	const char *deleted_by = c->deleted_by == CJM_MERGE_OURS ? "ours" : "theirs";
	char *text;
	if (c->deleted_by && c->key)
		/* TRANSLATORS: touchpoint 'ID': KEY edited on one side (ours) and deleted on the
		 * other (theirs); "ours" and "theirs" are git's names of the sides. */
		text = xasprintf(_("%s: %s edited on one side (%s) and deleted on the other (%s)"), where, c->key,
				 edited_by, deleted_by);
	else if (c->deleted_by)
		/* TRANSLATORS: touchpoint 'ID': edited on one side (ours) and deleted on the other (theirs). */
		text = xasprintf(_("%s: edited on one side (%s) and deleted on the other (%s)"), where, edited_by,
				 deleted_by);
	else
		/* TRANSLATORS: touchpoint 'ID': KEY changed to different values on both sides. */
		text = xasprintf(_("%s: %s changed to different values on both sides"), where, c->key);
	free(where);
	return text;
}

/* ---- indexing by id ---- */

static size_t merger_item(merger *mg, const char *id, bool is_phase)
{
	bool added = false;
	void **slot = strset_slot(mg->ids, id, &added);
	if (!added) {
		size_t i = (size_t)(uintptr_t)*slot - 1;
		if (mg->items[i].is_phase != is_phase) {
			if (!mg->res->error)
				mg->res->error = xasprintf(_("id '%s' is a phase on one side and a touchpoint on "
							     "another; rename one of them and merge again"),
							   id);
			return NONE;
		}
		return i;
	}
	xgrow((void **)&mg->items, &mg->cap, mg->count + 1, sizeof *mg->items);
	item *it = &mg->items[mg->count];
	memset(it, 0, sizeof *it);
	it->id = id;
	it->is_phase = is_phase;
	for (int s = 0; s < 3; s++)
		it->pi[s] = it->ti[s] = it->cont[s] = it->pred[s] = NONE;
	it->next = it->head = it->tail = NONE;
	*slot = (void *)(uintptr_t)(mg->count + 1);
	return mg->count++;
}

static void order_push(order *o, size_t i)
{
	xgrow((void **)&o->at, &o->cap, o->len + 1, sizeof *o->at);
	o->at[o->len++] = i;
}

static void merger_index(merger *mg, int s)
{
	const cjm_map *map = mg->m[s];
	for (size_t p = 0; p < map->phase_count; p++) {
		const cjm_phase *phase = map->phases[p];
		size_t pe = merger_item(mg, phase->id, true);
		if (pe != NONE) {
			mg->items[pe].has[s] = true;
			mg->items[pe].pi[s] = p;
			order_push(&mg->phases[s], pe);
		}
		for (size_t t = 0; t < phase->touchpoint_count; t++) {
			size_t te = merger_item(mg, phase->touchpoints[t]->id, false);
			if (te == NONE)
				continue;
			item *it = &mg->items[te];
			it->has[s] = true;
			it->pi[s] = p;
			it->ti[s] = t;
			it->cont[s] = pe;
			order_push(&mg->tps[s], te);
		}
	}
}

/* ---- fields ---- */

static cjm_ref item_ref(const item *it, int s)
{
	if (it->is_phase)
		return (cjm_ref){ CJM_REF_PHASE, it->pi[s], 0 };
	return (cjm_ref){ CJM_REF_TOUCHPOINT, it->pi[s], it->ti[s] };
}

static bool item_equal(const merger *mg, const item *it, int a, int b)
{
	cjm_ref_kind kind = it->is_phase ? CJM_REF_PHASE : CJM_REF_TOUCHPOINT;
	cjm_ref ra = item_ref(it, a), rb = item_ref(it, b);
	size_t n;
	const cjm_field *fields = cjm_fields_of(kind, &n);
	for (size_t i = 0; i < n; i++) {
		if (fields[i] == CJM_F_ID) /* the item's identity: the same on every side */
			continue;
		cjm_value va = cjm_field_get(mg->m[a], ra, fields[i]);
		cjm_value vb = cjm_field_get(mg->m[b], rb, fields[i]);
		if (!cjm_value_equal(cjm_field_info_of(fields[i])->kind, &va, &vb))
			return false;
	}
	return true;
}

/* The items of LIST as a set (NULL for no list): borrowed strings. */
static strset *list_set(const cjm_strlist *list)
{
	strset *set = strset_new(list ? list->len : 0);
	for (size_t i = 0; list && i < list->len; i++)
		strset_add(set, list->items[i]);
	return set;
}

/* Three-way set merge keeping order: OURS without what THEIRS removed, then what
 * THEIRS added. Linear: membership is looked up in hash sets. */
static void list_merge(const cjm_strlist *b, const cjm_strlist *o, const cjm_strlist *t, cjm_strlist *out)
{
	strset *bs = list_set(b), *os = list_set(o), *ts = list_set(t);
	for (size_t i = 0; o && i < o->len; i++)
		if (!(strset_has(bs, o->items[i]) && !strset_has(ts, o->items[i])))
			cjm_strlist_push(out, o->items[i]);
	for (size_t i = 0; t && i < t->len; i++)
		if (!strset_has(bs, t->items[i]) && !strset_has(os, t->items[i]))
			cjm_strlist_push(out, t->items[i]);
	strset_free(bs);
	strset_free(os);
	strset_free(ts);
}

/* Merges one value; false on a conflict, with *OUT the side PREF's value. */
static bool merge_value(cjm_field_kind kind, const cjm_value *b, const cjm_value *o, const cjm_value *t,
			int pref, cjm_value *out, cjm_strlist *scratch)
{
	if (cjm_value_equal(kind, o, b) || cjm_value_equal(kind, o, t)) {
		*out = cjm_value_equal(kind, o, b) ? *t : *o;
		return true;
	}
	if (cjm_value_equal(kind, t, b)) {
		*out = *o;
		return true;
	}
	if (kind == CJM_KIND_PILLARS) {
		unsigned d = o->bits ^ b->bits;
		*out = *o;
		out->bits = (o->bits & d) | (t->bits & ~d);
		out->present = out->bits != 0;
		return true;
	}
	if (kind == CJM_KIND_LIST) {
		list_merge(b->present ? b->list : NULL, o->present ? o->list : NULL, t->present ? t->list : NULL,
			   scratch);
		*out = *o;
		out->present = scratch->len > 0;
		out->list = scratch;
		return true;
	}
	*out = pref == CJM_MERGE_THEIRS ? *t : *o;
	return false;
}

/* Merges the fields of item IT (or of the map when IT is NULL) into RREF of MAP; an
 * item's id is what matched it, so it is not merged. */
static void merge_fields(merger *mg, cjm_map *map, cjm_ref rref, const item *it, int pref, bool record)
{
	cjm_ref_kind kind = it ? (it->is_phase ? CJM_REF_PHASE : CJM_REF_TOUCHPOINT) : CJM_REF_MAP;
	cjm_ref refs[3];
	for (int s = 0; s < 3; s++)
		refs[s] = it ? item_ref(it, s) : (cjm_ref){ CJM_REF_MAP, 0, 0 };
	size_t n;
	const cjm_field *fields = cjm_fields_of(kind, &n);
	for (size_t i = 0; i < n; i++) {
		cjm_field f = fields[i];
		if (f == CJM_F_ID)
			continue;
		const cjm_field_info *info = cjm_field_info_of(f);
		cjm_value v[3] = { { 0 } };
		for (int s = 0; s < 3; s++)
			if (!it || it->has[s])
				v[s] = cjm_field_get(mg->m[s], refs[s], f);
		cjm_strlist scratch = { 0 };
		cjm_value out;
		if (!merge_value(info->kind, &v[0], &v[1], &v[2], pref, &out, &scratch) && record)
			add_conflict(mg, kind, it ? it->id : NULL, xstrdup(info->key), 0);
		cjm_value cur = cjm_field_get(map, rref, f);
		if (!cjm_value_equal(info->kind, &cur, &out))
			cjm_field_set(map, rref, f, &out);
		cjm_strlist_clear(&scratch);
	}
}

/* ---- fate and place ---- */

static void decide_fate(merger *mg, item *it, bool holds)
{
	if (!it->has[0] || (it->has[1] && it->has[2])) {
		it->keep[1] = it->keep[2] = it->has[1] || it->has[2];
		return;
	}
	if (!it->has[1] && !it->has[2])
		return;
	int y = it->has[1] ? CJM_MERGE_OURS : CJM_MERGE_THEIRS;
	if (it->changed[y] || holds) {
		it->keep[y] = true;
		add_conflict(mg, it->is_phase ? CJM_REF_PHASE : CJM_REF_TOUCHPOINT, it->id, NULL, 3 - y);
	}
}

static void compute_preds(merger *mg, const order *o, int s)
{
	size_t last = NONE, cont = NONE;
	for (size_t k = 0; k < o->len; k++) {
		item *it = &mg->items[o->at[k]];
		if (it->cont[s] != cont) {
			cont = it->cont[s];
			last = NONE;
		}
		it->pred[s] = last;
		if (it->has[0] && it->has[1] && it->has[2])
			last = o->at[k];
	}
}

static bool moved(const item *it, int s)
{
	return it->cont[s] != it->cont[0] || it->pred[s] != it->pred[0];
}

static void decide_ref(item *it)
{
	bool only_theirs_moved = it->has[0] && it->has[2] && moved(it, 2) && !moved(it, 1);
	it->ref = it->has[1] && !only_theirs_moved ? CJM_MERGE_OURS : CJM_MERGE_THEIRS;
}

static bool kept(const item *it)
{
	return it->keep[1] || it->keep[2];
}

static void container_of(merger *mg, size_t cont, size_t **head, size_t **tail)
{
	if (cont == NONE) {
		*head = &mg->phead;
		*tail = &mg->ptail;
	} else {
		*head = &mg->items[cont].head;
		*tail = &mg->items[cont].tail;
	}
}

static void list_append(merger *mg, size_t cont, size_t i)
{
	size_t *head, *tail;
	container_of(mg, cont, &head, &tail);
	mg->items[i].next = NONE;
	if (*tail == NONE)
		*head = i;
	else
		mg->items[*tail].next = i;
	*tail = i;
}

/* Puts I after ANCHOR (NONE: at the start) and after OURS' additions that follow it. */
static void list_insert_after(merger *mg, size_t cont, size_t anchor, size_t i)
{
	size_t *head, *tail;
	container_of(mg, cont, &head, &tail);
	size_t prev = anchor, cur = anchor == NONE ? *head : mg->items[anchor].next;
	while (cur != NONE && !mg->items[cur].has[0] && !mg->items[cur].has[2]) {
		prev = cur;
		cur = mg->items[cur].next;
	}
	mg->items[i].next = cur;
	if (prev == NONE)
		*head = i;
	else
		mg->items[prev].next = i;
	if (cur == NONE)
		*tail = i;
}

static void place(merger *mg, const order *orders)
{
	const order *o = &orders[CJM_MERGE_OURS], *t = &orders[CJM_MERGE_THEIRS];
	for (size_t k = 0; k < o->len; k++) {
		item *it = &mg->items[o->at[k]];
		if (kept(it) && it->ref == CJM_MERGE_OURS)
			list_append(mg, it->cont[1], o->at[k]);
	}
	size_t anchor = NONE, cont = NONE;
	for (size_t k = 0; k < t->len; k++) {
		size_t i = t->at[k];
		item *it = &mg->items[i];
		if (it->cont[2] != cont) {
			cont = it->cont[2];
			anchor = NONE;
		}
		if (!kept(it))
			continue;
		if (it->ref == CJM_MERGE_THEIRS) {
			list_insert_after(mg, cont, anchor, i);
			anchor = i;
		} else if (it->cont[1] == cont) {
			anchor = i;
		}
	}
}

/* ---- the map-level settings ---- */

/* The first setting of pattern ID on side S, or NULL (a hash lookup). */
static const cjm_pattern_setting *find_setting(const merger *mg, int s, const char *id)
{
	return strset_get(mg->settings[s], id);
}

static bool setting_equal(const cjm_pattern_setting *a, const cjm_pattern_setting *b)
{
	return a->enabled == b->enabled && a->has_threshold == b->has_threshold &&
	       (!a->has_threshold || a->threshold == b->threshold);
}

/* Appends S to MAP's settings (room for them all is made by merge_patterns). */
static void push_setting(cjm_map *map, const cjm_pattern_setting *s)
{
	map->patterns[map->pattern_count] = *s;
	map->patterns[map->pattern_count++].id = xstrdup(s->id);
}

/* One setting of side SIDE (the other side OTHER may not have it). */
static void merge_setting(merger *mg, cjm_map *map, const cjm_pattern_setting *mine, int side, int pref,
			  bool record)
{
	const cjm_pattern_setting *b = find_setting(mg, CJM_MERGE_BASE, mine->id);
	const cjm_pattern_setting *other = find_setting(mg, 3 - side, mine->id);
	if (!other) {
		if (!b) {
			push_setting(map, mine); /* added on one side */
		} else if (!setting_equal(mine, b)) { /* edited here, deleted there */
			if (record)
				add_conflict(mg, CJM_REF_MAP, NULL, xasprintf("patterns.%s", mine->id), 3 - side);
			if (pref == side)
				push_setting(map, mine);
		}
		return;
	}
	const cjm_pattern_setting none = { .enabled = CJM_UNSET };
	const cjm_pattern_setting *o = side == CJM_MERGE_OURS ? mine : other;
	const cjm_pattern_setting *t = side == CJM_MERGE_OURS ? other : mine;
	if (!b)
		b = &none;
	cjm_pattern_setting r = *o;
	bool conflict = false;
	if (o->enabled == b->enabled)
		r.enabled = t->enabled;
	else if (t->enabled != b->enabled && t->enabled != o->enabled) {
		conflict = true;
		r.enabled = pref == CJM_MERGE_THEIRS ? t->enabled : o->enabled;
	}
	bool ob = o->has_threshold == b->has_threshold && (!o->has_threshold || o->threshold == b->threshold);
	bool tb = t->has_threshold == b->has_threshold && (!t->has_threshold || t->threshold == b->threshold);
	bool ot = o->has_threshold == t->has_threshold && (!o->has_threshold || o->threshold == t->threshold);
	const cjm_pattern_setting *th = ob ? t : o;
	if (!ob && !tb && !ot) {
		conflict = true;
		th = pref == CJM_MERGE_THEIRS ? t : o;
	}
	r.has_threshold = th->has_threshold;
	r.threshold = th->threshold;
	if (conflict && record)
		add_conflict(mg, CJM_REF_MAP, NULL, xasprintf("patterns.%s", o->id), 0);
	push_setting(map, &r);
}

static void merge_patterns(merger *mg, cjm_map *map, int pref, bool record)
{
	size_t room = mg->m[1]->pattern_count + mg->m[2]->pattern_count;
	if (!room)
		return;
	map->patterns = xcalloc(room, sizeof *map->patterns);
	for (size_t i = 0; i < mg->m[1]->pattern_count; i++)
		merge_setting(mg, map, &mg->m[1]->patterns[i], CJM_MERGE_OURS, pref, record);
	for (size_t i = 0; i < mg->m[2]->pattern_count; i++)
		if (!find_setting(mg, CJM_MERGE_OURS, mg->m[2]->patterns[i].id))
			merge_setting(mg, map, &mg->m[2]->patterns[i], CJM_MERGE_THEIRS, pref, record);
}

/* A dismissal as one string, unambiguous whatever its pattern and target hold. (malloc'd) */
static char *dismissal_key(const cjm_dismissal *d)
{
	const char *pattern = d->pattern ? d->pattern : "", *target = d->target ? d->target : "";
	return xasprintf("%zu:%s%s", strlen(pattern), pattern, target);
}

static void push_dismissal(cjm_map *map, const cjm_dismissal *d)
{
	map->dismissed[map->dismissed_count++] = (cjm_dismissal){ xstrdup(d->pattern), xstrdup(d->target), d->pos };
}

/* A set: kept when added on either side, gone when removed on either side. */
static void merge_dismissed(merger *mg, cjm_map *map)
{
	const cjm_map *o = mg->m[1], *t = mg->m[2];
	strset *const *in = mg->dismissals;
	char **const *key = mg->dismissal_keys;
	if (o->dismissed_count + t->dismissed_count == 0)
		return;
	map->dismissed = xcalloc(o->dismissed_count + t->dismissed_count, sizeof *map->dismissed);
	for (size_t i = 0; i < o->dismissed_count; i++)
		if (!(strset_has(in[0], key[1][i]) && !strset_has(in[2], key[1][i])))
			push_dismissal(map, &o->dismissed[i]);
	for (size_t i = 0; i < t->dismissed_count; i++)
		if (!strset_has(in[0], key[2][i]) && !strset_has(in[1], key[2][i]))
			push_dismissal(map, &t->dismissed[i]);
}

/* The pattern settings and dismissals of each side, in hash sets. */
static void merger_index_settings(merger *mg)
{
	for (int s = 0; s < 3; s++) {
		const cjm_map *map = mg->m[s];
		mg->settings[s] = strset_new(map->pattern_count);
		for (size_t i = 0; i < map->pattern_count; i++) {
			bool added = false;
			void **slot = strset_slot(mg->settings[s], map->patterns[i].id, &added);
			if (added) /* the first setting of an id counts, as a scan would find it */
				*slot = &map->patterns[i];
		}
		mg->dismissals[s] = strset_new(map->dismissed_count);
		mg->dismissal_keys[s] = xcalloc(map->dismissed_count + 1, sizeof *mg->dismissal_keys[s]);
		for (size_t i = 0; i < map->dismissed_count; i++) {
			mg->dismissal_keys[s][i] = dismissal_key(&map->dismissed[i]);
			strset_add(mg->dismissals[s], mg->dismissal_keys[s][i]);
		}
	}
}

static void merger_free_settings(merger *mg)
{
	for (int s = 0; s < 3; s++) {
		strset_free(mg->settings[s]);
		strset_free(mg->dismissals[s]);
		for (size_t i = 0; mg->dismissal_keys[s] && i < mg->m[s]->dismissed_count; i++)
			free(mg->dismissal_keys[s][i]);
		free(mg->dismissal_keys[s]);
	}
}

/* ---- building a variant ---- */

/* The side to copy item IT from in variant V, and whether its fields need merging. */
static int item_source(const item *it, int v, bool *merge)
{
	*merge = false;
	if (!it->has[1] || !it->has[2])
		return it->has[1] ? CJM_MERGE_OURS : CJM_MERGE_THEIRS;
	if (it->has[0] && !it->changed[1])
		return CJM_MERGE_THEIRS;
	if (it->has[0] && !it->changed[2])
		return CJM_MERGE_OURS;
	*merge = true;
	(void)v;
	return CJM_MERGE_OURS;
}

static cjm_map *build(merger *mg, int v, bool record)
{
	cjm_map *map = cjm_map_new(NULL);
	merge_fields(mg, map, (cjm_ref){ CJM_REF_MAP, 0, 0 }, NULL, v, record);
	if (!map->title)
		map->title = xstrdup("");
	merge_patterns(mg, map, v, record);
	merge_dismissed(mg, map);
	for (size_t p = mg->phead; p != NONE; p = mg->items[p].next) {
		const item *ph = &mg->items[p];
		if (!ph->keep[v])
			continue;
		bool need_merge;
		int s = item_source(ph, v, &need_merge);
		const cjm_phase *src = mg->m[s]->phases[ph->pi[s]];
		cjm_phase *np = cjm_phase_new(NULL, NULL);
		size_t fields_count;
		const cjm_field *fields = cjm_fields_of(CJM_REF_PHASE, &fields_count);
		for (size_t i = 0; i < fields_count; i++) {
			cjm_value value = cjm_item_field_get(src, CJM_REF_PHASE, fields[i]);
			cjm_item_field_set(np, CJM_REF_PHASE, fields[i], &value);
		}
		size_t rp = map->phase_count;
		cjm_map_insert_phase(map, rp, np);
		if (need_merge)
			merge_fields(mg, map, (cjm_ref){ CJM_REF_PHASE, rp, 0 }, ph, v, record);
		for (size_t t = ph->head; t != NONE; t = mg->items[t].next) {
			const item *it = &mg->items[t];
			if (!it->keep[v])
				continue;
			s = item_source(it, v, &need_merge);
			size_t rt = np->touchpoint_count;
			cjm_phase_insert_touchpoint(np, rt,
						    cjm_touchpoint_clone(mg->m[s]->phases[it->pi[s]]->touchpoints[it->ti[s]]));
			if (need_merge)
				merge_fields(mg, map, (cjm_ref){ CJM_REF_TOUCHPOINT, rp, rt }, it, v, record);
		}
	}
	return map;
}

/* ---- the merge ---- */

cjm_merge_result *cjm_merge(const cjm_map *base, const cjm_map *ours, const cjm_map *theirs)
{
	cjm_merge_result *res = xcalloc(1, sizeof *res);
	merger mg = { .m = { base, ours, theirs }, .res = res, .phead = NONE, .ptail = NONE };
	size_t expected = cjm_map_touchpoint_count(base) + base->phase_count + 16;
	mg.ids = strset_new(expected + expected / 8);
	for (int s = 0; s < 3; s++)
		merger_index(&mg, s);
	if (!res->error) {
		for (size_t i = 0; i < mg.count; i++) {
			item *it = &mg.items[i];
			for (int s = 1; s < 3; s++)
				it->changed[s] = it->has[0] && it->has[s] && !item_equal(&mg, it, 0, s);
		}
		for (int s = 0; s < 3; s++) {
			compute_preds(&mg, &mg.tps[s], s);
			compute_preds(&mg, &mg.phases[s], s);
		}
		/* touchpoints first: where they go decides whether a deleted phase is still needed */
		for (size_t i = 0; i < mg.count; i++) {
			item *it = &mg.items[i];
			if (it->is_phase)
				continue;
			decide_fate(&mg, it, false);
			decide_ref(it);
			if (kept(it))
				mg.items[it->cont[it->ref]].holds = true;
		}
		for (size_t i = 0; i < mg.count; i++) {
			item *it = &mg.items[i];
			if (!it->is_phase)
				continue;
			decide_fate(&mg, it, it->holds);
			decide_ref(it);
		}
		place(&mg, mg.phases);
		place(&mg, mg.tps);
		merger_index_settings(&mg);
		res->ours = build(&mg, CJM_MERGE_OURS, true);
		if (res->conflict_count)
			res->theirs = build(&mg, CJM_MERGE_THEIRS, false);
	}
	for (int s = 0; s < 3; s++) {
		free(mg.tps[s].at);
		free(mg.phases[s].at);
	}
	merger_free_settings(&mg);
	free(mg.items);
	strset_free(mg.ids);
	return res;
}

void cjm_merge_result_free(cjm_merge_result *res)
{
	if (!res)
		return;
	cjm_map_free(res->ours);
	cjm_map_free(res->theirs);
	for (size_t i = 0; i < res->conflict_count; i++) {
		free(res->conflicts[i].id);
		free(res->conflicts[i].key);
	}
	free(res->conflicts);
	free(res->error);
	free(res);
}
