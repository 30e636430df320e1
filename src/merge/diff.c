/* The semantic difference of two maps by id, as a list of changes (no printing here). */
#include "merge/diff.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/figures.h"
#include "merge/index.h"
#include "util/number.h"
#include "util/strset.h"
#include "util/xalloc.h"

/* What the walk over both maps needs at hand. */
struct diff_ctx {
	cjm_diff *diff;
	const cjm_map *old_map, *new_map;
	cjm_map_index *old_index, *new_index;
	cjm_map *empty;   /* a map with one empty phase holding one empty touchpoint: the other
			   * side of an item that is added or removed */
	size_t *scratch;  /* scratch for the LIS: 2 per item */
	size_t scratch_cap;
};

static cjm_change *diff_push(struct diff_ctx *ctx, cjm_change_kind kind, cjm_change_target target,
			     const char *id)
{
	cjm_diff *d = ctx->diff;
	xgrow((void **)&d->changes, &d->cap, d->count + 1, sizeof *d->changes);
	cjm_change *c = &d->changes[d->count++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->target = target;
	c->id = id;
	c->field = CJM_FIELD_COUNT;
	c->style = CJM_VALUE_TEXT;
	return c;
}

/* ---- values ---- */

/* VALUE of a one-valued field as text (malloc'd), NULL when absent. */
static char *diff_value_text(cjm_field_kind kind, const cjm_value *v)
{
	char buf[NUMBER_TEXT_MAX];
	if (!v->present)
		return NULL;
	switch (kind) {
	case CJM_KIND_TEXT: return xstrdup(v->text);
	case CJM_KIND_EMOTION: return xasprintf("%d", v->integer);
	case CJM_KIND_NUMBER: number_format(buf, v->number); return xstrdup(buf);
	case CJM_KIND_BOOL: return xstrdup(v->boolean ? "true" : "false");
	case CJM_KIND_PILLARS:
	case CJM_KIND_LIST: break;
	}
	return NULL;
}

/* A change of every item of TEMPLATE's item: copies the item's id, name and place. */
static cjm_change *diff_push_like(struct diff_ctx *ctx, const cjm_change *like, cjm_change_kind kind)
{
	cjm_change copy = *like;
	cjm_change *c = diff_push(ctx, kind, copy.target, copy.id);
	c->name = copy.name;
	c->at = copy.at;
	return c;
}

/* The items of list A not matched by an equal item of B, as changes of KIND (multiset difference,
 * linear: B's items are counted in a hash map, then A's are matched against the counts). */
static void diff_list_side(struct diff_ctx *ctx, const cjm_change *like, cjm_field field, const cjm_strlist *a,
			   const cjm_strlist *b, cjm_change_kind kind, size_t *found)
{
	strset *counts = strset_new(b->len);
	for (size_t i = 0; i < b->len; i++) {
		void **slot = strset_slot(counts, b->items[i], &(bool){ false });
		*slot = (void *)((uintptr_t)*slot + 1);
	}
	for (size_t i = 0; i < a->len; i++) {
		void **slot = strset_slot(counts, a->items[i], &(bool){ false });
		if ((uintptr_t)*slot > 0) {
			*slot = (void *)((uintptr_t)*slot - 1);
			continue;
		}
		cjm_change *c = diff_push_like(ctx, like, kind);
		c->field = field;
		c->key = cjm_field_info_of(field)->key;
		if (kind == CJM_CHANGE_ITEM_ADDED)
			c->new_text = xstrdup(a->items[i]);
		else
			c->old_text = xstrdup(a->items[i]);
		(*found)++;
	}
	strset_free(counts);
}

static const cjm_strlist diff_no_list = { 0 };

/* The changes of field FIELD from OLD_REF in OLD_MAP to NEW_REF in NEW_MAP. LIKE says whose
 * field it is. */
static void diff_field(struct diff_ctx *ctx, const cjm_change *like, const cjm_map *old_map, cjm_ref old_ref,
		       const cjm_map *new_map, cjm_ref new_ref, cjm_field field)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	cjm_value a = cjm_field_get(old_map, old_ref, field);
	cjm_value b = cjm_field_get(new_map, new_ref, field);
	if (cjm_value_equal(info->kind, &a, &b))
		return;
	if (info->kind == CJM_KIND_LIST) {
		const cjm_strlist *la = a.present && a.list ? a.list : &diff_no_list;
		const cjm_strlist *lb = b.present && b.list ? b.list : &diff_no_list;
		size_t found = 0;
		diff_list_side(ctx, like, field, la, lb, CJM_CHANGE_ITEM_REMOVED, &found);
		diff_list_side(ctx, like, field, lb, la, CJM_CHANGE_ITEM_ADDED, &found);
		if (!found) {
			cjm_change *c = diff_push_like(ctx, like, CJM_CHANGE_REORDERED);
			c->field = field;
			c->key = info->key;
		}
		return;
	}
	if (info->kind == CJM_KIND_PILLARS) {
		unsigned was = a.present ? a.bits : 0, is = b.present ? b.bits : 0;
		for (int pass = 0; pass < 2; pass++) {
			unsigned bits = pass == 0 ? was & ~is : is & ~was;
			for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++) {
				if (!(bits & (1u << i)))
					continue;
				cjm_change *c = diff_push_like(
					ctx, like, pass == 0 ? CJM_CHANGE_ITEM_REMOVED : CJM_CHANGE_ITEM_ADDED);
				c->field = field;
				c->key = info->key;
				c->style = CJM_VALUE_WORD;
				*(pass == 0 ? &c->old_text : &c->new_text) = xstrdup(cjm_pillar_name(1u << i));
			}
		}
		return;
	}
	cjm_change *c = diff_push_like(ctx, like, CJM_CHANGE_FIELD);
	c->field = field;
	c->key = info->key;
	c->style = info->kind == CJM_KIND_TEXT ? CJM_VALUE_TEXT : CJM_VALUE_WORD;
	c->old_text = diff_value_text(info->kind, &a);
	c->new_text = diff_value_text(info->kind, &b);
}

/* Every field but the id and name of the item at OLD_REF in OLD_MAP and NEW_REF in NEW_MAP
 * (refs of the same kind). */
static void diff_fields(struct diff_ctx *ctx, const cjm_change *like, const cjm_map *old_map, cjm_ref old_ref,
			const cjm_map *new_map, cjm_ref new_ref)
{
	size_t n;
	const cjm_field *fields = cjm_fields_of(new_ref.kind, &n);
	for (size_t i = 0; i < n; i++)
		if (fields[i] != CJM_F_ID && fields[i] != CJM_F_NAME) /* the item's identity and its rename */
			diff_field(ctx, like, old_map, old_ref, new_map, new_ref, fields[i]);
}

/* The fields an added item has (from nothing), or a removed item had (to nothing). */
static void diff_fields_from_empty(struct diff_ctx *ctx, const cjm_change *like, const cjm_map *map, cjm_ref ref,
				   bool added)
{
	cjm_ref empty = { ref.kind, 0, 0 };
	if (added)
		diff_fields(ctx, like, ctx->empty, empty, map, ref);
	else
		diff_fields(ctx, like, map, ref, ctx->empty, empty);
}

/* ---- moves: the longest increasing subsequence ---- */

/*
 * SEQ holds N positions in the old order, listed in the new order. Marks in
 * STAYS the items of one longest increasing subsequence: the largest set of
 * items whose order did not change. The others moved. O(n log n).
 */
static void diff_lis(struct diff_ctx *ctx, const size_t *seq, size_t n, bool *stays)
{
	if (n == 0)
		return; /* nothing stays, nothing moved; and no scratch yet (NULL + 0 is undefined) */
	if (ctx->scratch_cap < n) {
		free(ctx->scratch);
		ctx->scratch_cap = n;
		ctx->scratch = xmalloc(2 * n * sizeof *ctx->scratch);
	}
	size_t *tail = ctx->scratch;        /* tail[k]: index into seq ending an increasing run of length k+1 */
	size_t *prev = ctx->scratch + n;    /* prev[i]: the item before i in its run */
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (seq[tail[mid]] < seq[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tail[lo - 1] : SIZE_MAX;
		tail[lo] = i;
		if (lo == len)
			len++;
		stays[i] = false;
	}
	for (size_t i = len ? tail[len - 1] : SIZE_MAX; i != SIZE_MAX; i = prev[i])
		stays[i] = true;
}

/* ---- phases and touchpoints ---- */

static cjm_diff_place diff_tp_place(const cjm_phase *phase, size_t index)
{
	return (cjm_diff_place){ true, phase->id, phase->name, index };
}

static cjm_diff_place diff_phase_place(size_t index)
{
	return (cjm_diff_place){ true, NULL, NULL, index };
}

/* Touchpoint T of new phase P, which stood at OP/OT in the old map; MOVED says whether it moved. */
static void diff_touchpoint(struct diff_ctx *ctx, size_t p, size_t t, bool in_old, size_t op, size_t ot, bool moved)
{
	const cjm_phase *phase = ctx->new_map->phases[p];
	const cjm_touchpoint *tp = phase->touchpoints[t];
	cjm_change like = { .target = CJM_TARGET_TOUCHPOINT, .id = tp->id, .name = tp->name,
			    .at = diff_tp_place(phase, t) };
	if (!in_old) {
		cjm_change *c = diff_push_like(ctx, &like, CJM_CHANGE_ADDED);
		c->new_at = like.at;
		diff_fields_from_empty(ctx, &like, ctx->new_map, (cjm_ref){ CJM_REF_TOUCHPOINT, p, t }, true);
		return;
	}
	const cjm_phase *old_phase = ctx->old_map->phases[op];
	const cjm_touchpoint *old_tp = old_phase->touchpoints[ot];
	if (strcmp(old_tp->name ? old_tp->name : "", tp->name ? tp->name : "") != 0) {
		cjm_change *c = diff_push_like(ctx, &like, CJM_CHANGE_RENAMED);
		c->field = CJM_F_NAME;
		c->old_text = xstrdup(old_tp->name);
		c->new_text = xstrdup(tp->name);
	}
	if (moved) {
		cjm_change *c = diff_push_like(ctx, &like, CJM_CHANGE_MOVED);
		c->old_at = diff_tp_place(old_phase, ot);
		c->new_at = like.at;
	}
	diff_fields(ctx, &like, ctx->old_map, (cjm_ref){ CJM_REF_TOUCHPOINT, op, ot }, ctx->new_map,
		    (cjm_ref){ CJM_REF_TOUCHPOINT, p, t });
}

/* The touchpoints of old phase OP that are in no phase of the new map. */
static void diff_removed_touchpoints(struct diff_ctx *ctx, size_t op)
{
	const cjm_phase *phase = ctx->old_map->phases[op];
	size_t np, nt;
	for (size_t t = 0; t < phase->touchpoint_count; t++) {
		const cjm_touchpoint *tp = phase->touchpoints[t];
		if (cjm_map_index_touchpoint(ctx->new_index, tp->id, &np, &nt))
			continue;
		cjm_change *c = diff_push(ctx, CJM_CHANGE_REMOVED, CJM_TARGET_TOUCHPOINT, tp->id);
		c->name = tp->name;
		c->at = c->old_at = diff_tp_place(phase, t);
		cjm_change like = *c;
		diff_fields_from_empty(ctx, &like, ctx->old_map, (cjm_ref){ CJM_REF_TOUCHPOINT, op, t }, false);
	}
}

/* New phase P (which stood at OP in the old map, or CJM_INDEX_NONE) and its touchpoints. */
static void diff_phase(struct diff_ctx *ctx, size_t p, size_t op, bool moved)
{
	const cjm_phase *phase = ctx->new_map->phases[p];
	cjm_change like = { .target = CJM_TARGET_PHASE, .id = phase->id, .name = phase->name,
			    .at = diff_phase_place(p) };
	if (op == CJM_INDEX_NONE) {
		cjm_change *c = diff_push_like(ctx, &like, CJM_CHANGE_ADDED);
		c->new_at = like.at;
		diff_fields_from_empty(ctx, &like, ctx->new_map, (cjm_ref){ CJM_REF_PHASE, p, 0 }, true);
	} else {
		const cjm_phase *old_phase = ctx->old_map->phases[op];
		if (strcmp(old_phase->name ? old_phase->name : "", phase->name ? phase->name : "") != 0) {
			cjm_change *c = diff_push_like(ctx, &like, CJM_CHANGE_RENAMED);
			c->field = CJM_F_NAME;
			c->old_text = xstrdup(old_phase->name);
			c->new_text = xstrdup(phase->name);
		}
		if (moved) {
			cjm_change *c = diff_push_like(ctx, &like, CJM_CHANGE_MOVED);
			c->old_at = diff_phase_place(op);
			c->new_at = like.at;
		}
		diff_fields(ctx, &like, ctx->old_map, (cjm_ref){ CJM_REF_PHASE, op, 0 }, ctx->new_map,
			    (cjm_ref){ CJM_REF_PHASE, p, 0 });
	}

	/* Which of the touchpoints that stayed in this phase kept their order. */
	size_t n = phase->touchpoint_count;
	size_t *seq = xmalloc((n ? n : 1) * sizeof *seq);
	bool *stays = xmalloc((n ? n : 1) * sizeof *stays);
	size_t *where = xmalloc((n ? n : 1) * 2 * sizeof *where); /* old phase and index per touchpoint */
	size_t m = 0;
	for (size_t t = 0; t < n; t++) {
		size_t tp_op = CJM_INDEX_NONE, tp_ot = 0;
		if (!cjm_map_index_touchpoint(ctx->old_index, phase->touchpoints[t]->id, &tp_op, &tp_ot))
			tp_op = CJM_INDEX_NONE;
		where[2 * t] = tp_op;
		where[2 * t + 1] = tp_ot;
		if (op != CJM_INDEX_NONE && tp_op == op)
			seq[m++] = tp_ot;
	}
	diff_lis(ctx, seq, m, stays);
	size_t k = 0;
	for (size_t t = 0; t < n; t++) {
		size_t tp_op = where[2 * t], tp_ot = where[2 * t + 1];
		bool in_old = tp_op != CJM_INDEX_NONE;
		bool moved_tp = in_old && (tp_op != op || !stays[k]);
		if (in_old && tp_op == op)
			k++;
		diff_touchpoint(ctx, p, t, in_old, tp_op, tp_ot, moved_tp);
	}
	free(seq);
	free(stays);
	free(where);
	if (op != CJM_INDEX_NONE)
		diff_removed_touchpoints(ctx, op);
}

static void diff_phases(struct diff_ctx *ctx)
{
	const cjm_map *nm = ctx->new_map, *om = ctx->old_map;
	size_t n = nm->phase_count;
	size_t *old_of = xmalloc((n ? n : 1) * sizeof *old_of);
	size_t *seq = xmalloc((n ? n : 1) * sizeof *seq);
	bool *stays = xmalloc((n ? n : 1) * sizeof *stays);
	size_t m = 0;
	for (size_t p = 0; p < n; p++) {
		old_of[p] = cjm_map_index_phase(ctx->old_index, nm->phases[p]->id);
		if (old_of[p] != CJM_INDEX_NONE)
			seq[m++] = old_of[p];
	}
	diff_lis(ctx, seq, m, stays);
	size_t k = 0;
	for (size_t p = 0; p < n; p++) {
		bool moved = old_of[p] != CJM_INDEX_NONE && !stays[k];
		if (old_of[p] != CJM_INDEX_NONE)
			k++;
		diff_phase(ctx, p, old_of[p], moved);
	}
	for (size_t op = 0; op < om->phase_count; op++) {
		const cjm_phase *phase = om->phases[op];
		if (cjm_map_index_phase(ctx->new_index, phase->id) != CJM_INDEX_NONE)
			continue;
		cjm_change *c = diff_push(ctx, CJM_CHANGE_REMOVED, CJM_TARGET_PHASE, phase->id);
		c->name = phase->name;
		c->at = c->old_at = diff_phase_place(op);
		cjm_change like = *c;
		diff_fields_from_empty(ctx, &like, om, (cjm_ref){ CJM_REF_PHASE, op, 0 }, false);
		diff_removed_touchpoints(ctx, op);
	}
	free(old_of);
	free(seq);
	free(stays);
}

/* ---- pattern settings and dismissals ---- */

static char *diff_tristate_text(cjm_tristate t)
{
	return t == CJM_UNSET ? NULL : xstrdup(t == CJM_TRUE ? "true" : "false");
}

static char *diff_threshold_text(const cjm_pattern_setting *ps)
{
	char buf[NUMBER_TEXT_MAX];
	if (!ps || !ps->has_threshold)
		return NULL;
	number_format(buf, ps->threshold);
	return xstrdup(buf);
}

/* One pattern's settings: A in the old map, B in the new (either may be NULL). */
static void diff_pattern(struct diff_ctx *ctx, const cjm_pattern_setting *a, const cjm_pattern_setting *b)
{
	const char *id = b ? b->id : a->id;
	if (!a || !b)
		diff_push(ctx, a ? CJM_CHANGE_REMOVED : CJM_CHANGE_ADDED, CJM_TARGET_PATTERN, id);
	char *was = diff_tristate_text(a ? a->enabled : CJM_UNSET);
	char *is = diff_tristate_text(b ? b->enabled : CJM_UNSET);
	for (int key = 0; key < 2; key++) {
		if (key == 1) {
			was = diff_threshold_text(a);
			is = diff_threshold_text(b);
		}
		if ((!was && !is) || (was && is && strcmp(was, is) == 0)) {
			free(was);
			free(is);
			continue;
		}
		cjm_change *c = diff_push(ctx, CJM_CHANGE_FIELD, CJM_TARGET_PATTERN, id);
		c->key = key == 0 ? "enabled" : "threshold";
		c->style = CJM_VALUE_WORD;
		c->old_text = was;
		c->new_text = is;
	}
}

static void diff_patterns(struct diff_ctx *ctx)
{
	const cjm_map *om = ctx->old_map, *nm = ctx->new_map;
	strset *old_ids = strset_new(om->pattern_count), *new_ids = strset_new(nm->pattern_count);
	for (size_t i = 0; i < om->pattern_count; i++)
		if (om->patterns[i].id && !strset_get(old_ids, om->patterns[i].id))
			strset_put(old_ids, om->patterns[i].id, &om->patterns[i]);
	for (size_t i = 0; i < nm->pattern_count; i++) {
		const cjm_pattern_setting *b = &nm->patterns[i];
		if (!b->id || !strset_add(new_ids, b->id))
			continue;
		diff_pattern(ctx, strset_get(old_ids, b->id), b);
	}
	for (size_t i = 0; i < om->pattern_count; i++) {
		const cjm_pattern_setting *a = &om->patterns[i];
		if (a->id && strset_get(old_ids, a->id) == a && !strset_has(new_ids, a->id))
			diff_pattern(ctx, a, NULL);
	}
	strset_free(old_ids);
	strset_free(new_ids);
}

/* Dismissals as a multiset of (pattern, target): those of A not in B become changes of KIND. */
static void diff_dismissals_side(struct diff_ctx *ctx, const cjm_map *a, const cjm_map *b, cjm_change_kind kind)
{
	char **keys = xcalloc(b->dismissed_count + 1, sizeof *keys);
	strset *counts = strset_new(b->dismissed_count);
	for (size_t i = 0; i < b->dismissed_count; i++) {
		const cjm_dismissal *d = &b->dismissed[i];
		keys[i] = xasprintf("%s%c%s", d->pattern ? d->pattern : "", '\x1f', d->target ? d->target : "");
		void **slot = strset_slot(counts, keys[i], &(bool){ false });
		*slot = (void *)((uintptr_t)*slot + 1);
	}
	for (size_t i = 0; i < a->dismissed_count; i++) {
		const cjm_dismissal *d = &a->dismissed[i];
		char *key = xasprintf("%s%c%s", d->pattern ? d->pattern : "", '\x1f', d->target ? d->target : "");
		void **slot = strset_get(counts, key) ? strset_slot(counts, key, &(bool){ false }) : NULL;
		if (slot && (uintptr_t)*slot > 0) {
			*slot = (void *)((uintptr_t)*slot - 1);
		} else {
			cjm_change *c = diff_push(ctx, kind, CJM_TARGET_DISMISSAL, d->pattern);
			*(kind == CJM_CHANGE_ADDED ? &c->new_text : &c->old_text) = xstrdup(d->target);
		}
		free(key);
	}
	strset_free(counts);
	for (size_t i = 0; i < b->dismissed_count; i++)
		free(keys[i]);
	free(keys);
}

/* ---- the whole ---- */

static void diff_figures_of(const cjm_map *map, cjm_diff_figures *out)
{
	cjm_figures *f = cjm_figures_new(map);
	out->scored = f->has_peak ? f->scored : 0;
	out->mean = f->emotion.mean;
	out->peak = f->peak;
	out->end = f->end;
	out->peak_end = f->peak_end;
	if (!out->scored)
		out->mean = out->peak_end = 0, out->peak = out->end = 0;
	cjm_figures_free(f);
}

bool cjm_diff_figures_equal(const cjm_diff_figures *a, const cjm_diff_figures *b)
{
	if (!a->scored || !b->scored)
		return !a->scored == !b->scored;
	return a->mean == b->mean && a->peak == b->peak && a->end == b->end && a->peak_end == b->peak_end;
}

cjm_diff *cjm_diff_new(const cjm_map *old_map, const cjm_map *new_map)
{
	cjm_diff *diff = xcalloc(1, sizeof *diff);
	struct diff_ctx ctx = { .diff = diff, .old_map = old_map, .new_map = new_map };
	ctx.old_index = cjm_map_index_new(old_map);
	ctx.new_index = cjm_map_index_new(new_map);
	ctx.empty = cjm_map_new(NULL);
	cjm_phase *empty_phase = cjm_phase_new("empty", "");
	cjm_phase_insert_touchpoint(empty_phase, 0, cjm_touchpoint_new("empty", ""));
	cjm_map_insert_phase(ctx.empty, 0, empty_phase);

	cjm_change like = { .target = CJM_TARGET_MAP };
	cjm_ref ref = { CJM_REF_MAP, 0, 0 };
	size_t n;
	const cjm_field *fields = cjm_fields_of(CJM_REF_MAP, &n);
	for (size_t i = 0; i < n; i++)
		diff_field(&ctx, &like, old_map, ref, new_map, ref, fields[i]);
	diff_patterns(&ctx);
	diff_phases(&ctx);
	diff_dismissals_side(&ctx, old_map, new_map, CJM_CHANGE_REMOVED);
	diff_dismissals_side(&ctx, new_map, old_map, CJM_CHANGE_ADDED);

	diff_figures_of(old_map, &diff->before);
	diff_figures_of(new_map, &diff->after);
	cjm_map_index_free(ctx.old_index);
	cjm_map_index_free(ctx.new_index);
	cjm_map_free(ctx.empty);
	free(ctx.scratch);
	return diff;
}

void cjm_diff_free(cjm_diff *diff)
{
	if (!diff)
		return;
	for (size_t i = 0; i < diff->count; i++) {
		free(diff->changes[i].old_text);
		free(diff->changes[i].new_text);
	}
	free(diff->changes);
	free(diff);
}

const char *cjm_change_kind_name(cjm_change_kind kind)
{
	switch (kind) {
	case CJM_CHANGE_ADDED: return "added";
	case CJM_CHANGE_REMOVED: return "removed";
	case CJM_CHANGE_RENAMED: return "renamed";
	case CJM_CHANGE_MOVED: return "moved";
	case CJM_CHANGE_FIELD: return "field";
	case CJM_CHANGE_ITEM_ADDED: return "item-added";
	case CJM_CHANGE_ITEM_REMOVED: return "item-removed";
	case CJM_CHANGE_REORDERED: return "reordered";
	}
	return "?";
}

const char *cjm_change_target_name(cjm_change_target target)
{
	switch (target) {
	case CJM_TARGET_MAP: return "map";
	case CJM_TARGET_PATTERN: return "pattern";
	case CJM_TARGET_PHASE: return "phase";
	case CJM_TARGET_TOUCHPOINT: return "touchpoint";
	case CJM_TARGET_DISMISSAL: return "dismissal";
	}
	return "?";
}
