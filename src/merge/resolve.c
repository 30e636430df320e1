/* Settling the conflicts a merge left in a map: the two variants its markers hold, what differs between them, and a choice per conflict.
 *
 * The marked text is cut into the two variants line by line (each variant keeps,
 * for every one of its lines, the file's line it came from, so a variant that does
 * not load is reported at the file's own lines). The conflicts are the changes
 * cjm_diff_new finds from THEIRS to OURS, grouped: every change of one field of one
 * item is one conflict (the items added and removed of a list too), an item only
 * one side has is one conflict (with the touchpoints of a phase only one side has),
 * and so are the settings of one pattern. Moves are no conflict, and the dismissals
 * of both sides are kept (each variant gets the other's), so neither is one.
 * Taking a side changes the edited map through the edit layer only. */
#include "merge/resolve.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edit/fieldtext.h"
#include "io/load.h"
#include "merge/diff.h"
#include "merge/index.h"
#include "util/i18n.h"
#include "util/number.h"
#include "util/strbuf.h"
#include "util/strset.h"
#include "util/xalloc.h"

/* ---- the two variants ---- */

/* The lines of one side, and the file's line number of each. */
typedef struct side_lines {
	strbuf text;
	int *lines;
	size_t count, cap;
} side_lines;

static void variant_add(side_lines *v, const char *line, size_t len, int file_line)
{
	strbuf_add(&v->text, line, len);
	xgrow((void **)&v->lines, &v->cap, v->count + 1, sizeof *v->lines);
	v->lines[v->count++] = file_line;
}

static void variant_release(side_lines *v)
{
	strbuf_release(&v->text);
	free(v->lines);
}

/* The file's line of the variant's line LINE; past the variant's end, the file's last line. */
static int variant_file_line(const side_lines *v, int line, int last_line)
{
	if (line <= 0)
		return line;
	if ((size_t)line <= v->count)
		return v->lines[line - 1];
	return last_line;
}

bool cjm_has_conflict_markers(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	while (p && p < end) {
		if (*p == '<' && cjm_is_conflict_marker(p, end, "<<<<<<<", true))
			return true;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : NULL;
	}
	return false;
}

/* The label after a marker line's seven characters and a space, without the line break. */
static char *marker_label(const char *line, const char *eol)
{
	const char *from = line + 7 < eol ? line + 8 : eol;
	const char *to = eol;
	if (to > from && to[-1] == '\r')
		to--;
	return xstrndup(from, (size_t)(to - from));
}

enum split_side { SPLIT_OUTSIDE, SPLIT_OURS, SPLIT_BASE, SPLIT_THEIRS };

static const char *const misplaced_msg =
	N_("conflict marker '%s' out of place: a conflict is '<<<<<<<', one side, '=======', the other side, "
	   "'>>>>>>>'");

/* Cuts TEXT into OURS and THEIRS; false with an error in DIAGS when the markers do not
 * pair up. *LAST_LINE: the number of the file's last line. */
static bool split(const char *text, size_t len, side_lines *ours, side_lines *theirs, cjm_conflicts *c, int *last_line,
		  diag_list *diags)
{
	const char *p = text, *end = text + len;
	int line = 1, open_line = 0;
	enum split_side side = SPLIT_OUTSIDE;
	for (; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end, *next = nl ? nl + 1 : end;
		const char *mark = NULL;
		bool in_place = false;
		enum split_side after = side;
		if (cjm_is_conflict_marker(p, end, "<<<<<<<", true)) {
			mark = "<<<<<<<";
			in_place = side == SPLIT_OUTSIDE;
			after = SPLIT_OURS;
			open_line = line;
			if (in_place && !c->ours_label)
				c->ours_label = marker_label(p, eol);
		} else if (cjm_is_conflict_marker(p, end, "|||||||", true)) {
			mark = "|||||||";
			in_place = side == SPLIT_OURS;
			after = SPLIT_BASE;
		} else if (cjm_is_conflict_marker(p, end, "=======", false)) {
			mark = "=======";
			in_place = side == SPLIT_OURS || side == SPLIT_BASE;
			after = SPLIT_THEIRS;
		} else if (cjm_is_conflict_marker(p, end, ">>>>>>>", true)) {
			mark = ">>>>>>>";
			in_place = side == SPLIT_THEIRS;
			after = SPLIT_OUTSIDE;
			if (in_place && !c->theirs_label)
				c->theirs_label = marker_label(p, eol);
		}
		if (mark && !in_place) {
			diag_error(diags, line, 1, _(misplaced_msg), mark);
			return false;
		}
		if (mark) {
			side = after;
		} else {
			if (side == SPLIT_OUTSIDE || side == SPLIT_OURS)
				variant_add(ours, p, (size_t)(next - p), line);
			if (side == SPLIT_OUTSIDE || side == SPLIT_THEIRS)
				variant_add(theirs, p, (size_t)(next - p), line);
		}
		p = next;
	}
	*last_line = line > 1 ? line - 1 : 1;
	if (side != SPLIT_OUTSIDE) {
		diag_error(diags, open_line, 1, "%s", _("this conflict has no '>>>>>>>' line after it"));
		return false;
	}
	return true;
}

/* True when DIAGS already holds an error or warning at LINE:COL saying MESSAGE. */
static bool diag_known(const diag_list *diags, int line, int col, const char *message)
{
	for (size_t i = 0; i < diags->count; i++)
		if (diags->items[i].line == line && diags->items[i].col == col &&
		    strcmp(diags->items[i].message, message) == 0)
			return true;
	return false;
}

/* Loads variant V; its diagnostics go to DIAGS at the file's lines (once each: the text
 * outside the conflicts is in both variants). */
static cjm_map *variant_load(const side_lines *v, int last_line, diag_list *diags, cjm_comments *comments)
{
	diag_list *own = diag_list_new(diags->file);
	cjm_comments mine = { 0 };
	cjm_map *map = cjm_load_buffer(v->text.data ? v->text.data : "", v->text.len, own, &mine);
	if (mine.count) {
		int first = variant_file_line(v, mine.first_line, last_line);
		if (!comments->count || first < comments->first_line) {
			comments->first_line = first;
			comments->first_col = mine.first_col;
		}
		/* those outside the conflicts are in both variants: count them once */
		comments->count = mine.count > comments->count ? mine.count : comments->count;
	}
	for (size_t i = 0; i < own->count; i++) {
		const diag *d = &own->items[i];
		int line = variant_file_line(v, d->line, last_line);
		if (diag_known(diags, line, d->col, d->message))
			continue;
		if (d->warning)
			diag_warning(diags, line, d->col, "%s", d->message);
		else
			diag_error(diags, line, d->col, "%s", d->message);
	}
	diag_list_free(own);
	return map;
}

/* A dismissal as one string (malloc'd): its pattern, a separator no id holds, its target. */
static char *dismissal_key(const cjm_dismissal *d)
{
	return xasprintf("%s\x1f%s", d->pattern ? d->pattern : "", d->target ? d->target : "");
}

/* Gives TO the dismissals of FROM it lacks, then FROM the same list as TO: dismissals
 * are a union, never a conflict. */
static void dismissals_union(cjm_map *to, cjm_map *from)
{
	strset *have = strset_new(to->dismissed_count + from->dismissed_count);
	char **keys = xcalloc(to->dismissed_count + from->dismissed_count + 1, sizeof *keys);
	size_t nkeys = 0;
	for (size_t i = 0; i < to->dismissed_count; i++) {
		keys[nkeys] = dismissal_key(&to->dismissed[i]);
		strset_add(have, keys[nkeys++]);
	}
	for (size_t i = 0; i < from->dismissed_count; i++) {
		const cjm_dismissal *d = &from->dismissed[i];
		keys[nkeys] = dismissal_key(d);
		if (!strset_add(have, keys[nkeys++]))
			continue;
		to->dismissed = xrealloc(to->dismissed, (to->dismissed_count + 1) * sizeof *to->dismissed);
		to->dismissed[to->dismissed_count++] = (cjm_dismissal){ xstrdup(d->pattern), xstrdup(d->target), { 0, 0 } };
	}
	strset_free(have);
	for (size_t i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);
	for (size_t i = 0; i < from->dismissed_count; i++) {
		free(from->dismissed[i].pattern);
		free(from->dismissed[i].target);
	}
	from->dismissed = xrealloc(from->dismissed, (to->dismissed_count + 1) * sizeof *from->dismissed);
	for (size_t i = 0; i < to->dismissed_count; i++)
		from->dismissed[i] = (cjm_dismissal){ xstrdup(to->dismissed[i].pattern), xstrdup(to->dismissed[i].target),
						      to->dismissed[i].pos };
	from->dismissed_count = to->dismissed_count;
}

/* ---- finding items ---- */

/* Where the phase or touchpoint ID (of kind OWNER) is in MAP; the map itself for CJM_REF_MAP. */
/* The maps indexed by id, so that no lookup walks a map: the variants' indexes are
 * made once; the edited map's while a take runs (LOOKUP->edit), made again when its
 * shape or an id changed (cjm_edit_shape_generation). */
struct cjm_resolve_lookup {
	cjm_map_index *ours, *theirs, *edited;
	const cjm_edit *edit;
	unsigned long edited_shape;
};

static void lookup_forget_edited(struct cjm_resolve_lookup *l)
{
	cjm_map_index_free(l->edited);
	l->edited = NULL;
	l->edit = NULL;
}

/* The index of MAP, or NULL when MAP is neither a variant nor the map a take edits. */
static const cjm_map_index *lookup_index(const cjm_conflicts *c, const cjm_map *map)
{
	struct cjm_resolve_lookup *l = c ? c->lookup : NULL;
	if (!l)
		return NULL;
	if (map == c->ours)
		return l->ours ? l->ours : (l->ours = cjm_map_index_new(map));
	if (map == c->theirs)
		return l->theirs ? l->theirs : (l->theirs = cjm_map_index_new(map));
	if (!l->edit || map != cjm_edit_map(l->edit))
		return NULL;
	if (!l->edited || l->edited_shape != cjm_edit_shape_generation(l->edit)) {
		cjm_map_index_free(l->edited);
		l->edited = cjm_map_index_new(map);
		l->edited_shape = cjm_edit_shape_generation(l->edit);
	}
	return l->edited;
}

/* Where the phase or touchpoint ID of kind OWNER (or the map itself) is in MAP. */
static bool find_ref(const cjm_conflicts *c, const cjm_map *map, cjm_ref_kind owner, const char *id, cjm_ref *ref)
{
	size_t p, t;
	if (owner == CJM_REF_MAP) {
		*ref = (cjm_ref){ CJM_REF_MAP, 0, 0 };
		return true;
	}
	if (!id)
		return false;
	const cjm_map_index *index = lookup_index(c, map);
	if (index) {
		const cjm_index_entry *e = cjm_map_index_get(index, id);
		if (!e)
			return false;
		p = e->phase;
		t = e->tp == CJM_INDEX_NONE ? (size_t)-1 : e->tp;
	} else if (!cjm_map_find(map, id, &p, &t)) {
		return false;
	}
	bool is_phase = t == (size_t)-1;
	if (is_phase != (owner == CJM_REF_PHASE))
		return false;
	*ref = (cjm_ref){ owner, p, is_phase ? 0 : t };
	return true;
}

static size_t phase_index(const cjm_conflicts *c, const cjm_map *map, const char *id)
{
	cjm_ref ref;
	return find_ref(c, map, CJM_REF_PHASE, id, &ref) ? ref.phase : SIZE_MAX;
}

/* The first setting of pattern ID in MAP, or NULL. */
static const cjm_pattern_setting *find_setting(const cjm_map *map, const char *id, size_t *at)
{
	for (size_t i = 0; i < map->pattern_count; i++)
		if (strcmp(map->patterns[i].id, id) == 0) {
			if (at)
				*at = i;
			return &map->patterns[i];
		}
	return NULL;
}

/* ---- the texts people read ---- */

/* A field's text on one side; NULL when absent (or when the side lacks the item). */
static char *field_text(const cjm_conflicts *c, const cjm_map *map, cjm_ref_kind owner, const char *id, cjm_field field)
{
	cjm_ref ref;
	if (!find_ref(c, map, owner, id, &ref))
		return NULL;
	char *text = cjm_fieldtext_format(map, ref, field);
	if (!text[0]) {
		free(text);
		return NULL;
	}
	return text;
}

/* A whole phase or touchpoint, one field a line ("emotion: -2"), a list's items
 * joined by "; "; a phase ends with its touchpoints' names. */
static char *item_text(const cjm_conflicts *c, const cjm_map *map, cjm_ref_kind owner, const char *id)
{
	cjm_ref ref;
	if (!find_ref(c, map, owner, id, &ref))
		return NULL;
	strbuf out = { 0 };
	cjm_field fields[CJM_FIELD_COUNT];
	size_t n = cjm_fieldtext_fields(owner, fields);
	for (size_t i = 0; i < n; i++) {
		if (fields[i] == CJM_F_ID)
			continue;
		char *value = cjm_fieldtext_format(map, ref, fields[i]);
		if (value[0]) {
			if (out.len)
				strbuf_putc(&out, '\n');
			strbuf_printf(&out, "%s: ", _(cjm_field_info_of(fields[i])->label));
			for (const char *v = value; *v; v++)
				if (*v == '\n')
					strbuf_puts(&out, "; ");
				else
					strbuf_putc(&out, *v);
		}
		free(value);
	}
	if (owner == CJM_REF_PHASE && map->phases[ref.phase]->touchpoint_count) {
		const cjm_phase *phase = map->phases[ref.phase];
		/* TRANSLATORS: before the names of a phase's touchpoints, as in "emotion: -2". */
		strbuf_printf(&out, "\n%s", _("touchpoints: "));
		for (size_t t = 0; t < phase->touchpoint_count; t++)
			strbuf_printf(&out, "%s%s", t ? "; " : "", phase->touchpoints[t]->name);
	}
	return out.data ? out.data : xstrdup("");
}

/* A pattern's setting: "enabled: yes", "threshold: -2", one a line; NULL when none. */
static char *setting_text(const cjm_pattern_setting *s)
{
	if (!s)
		return NULL;
	strbuf out = { 0 };
	if (s->enabled != CJM_UNSET)
		strbuf_printf(&out, "enabled: %s", s->enabled == CJM_TRUE ? "yes" : "no");
	if (s->has_threshold) {
		char buf[NUMBER_TEXT_MAX];
		number_format(buf, s->threshold);
		strbuf_printf(&out, "%sthreshold: %s", out.len ? "\n" : "", buf);
	}
	return out.data ? out.data : xstrdup("");
}

/* ---- the conflicts ---- */

typedef struct builder {
	cjm_conflicts *c;
	size_t cap;
	strset *whole_phases; /* phases only one side has: their touchpoints are in their conflict */
} builder;

static cjm_conflict *conflict_push(builder *b, cjm_conflict_what what, cjm_ref_kind owner, const char *id,
				   cjm_field field)
{
	cjm_conflicts *c = b->c;
	xgrow((void **)&c->at, &b->cap, c->count + 1, sizeof *c->at);
	cjm_conflict *k = &c->at[c->count++];
	memset(k, 0, sizeof *k);
	k->what = what;
	k->owner = owner;
	k->id = id;
	k->field = field;
	k->take = CJM_TAKE_OURS;
	return k;
}

static bool same_id(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* True when the last conflict is about FIELD of the item ID (of kind OWNER). */
static bool is_last(const builder *b, cjm_conflict_what what, cjm_ref_kind owner, const char *id, cjm_field field)
{
	if (!b->c->count)
		return false;
	const cjm_conflict *k = &b->c->at[b->c->count - 1];
	return k->what == what && k->owner == owner && k->field == field && same_id(k->id, id);
}

static cjm_ref_kind owner_of(cjm_change_target target)
{
	return target == CJM_TARGET_PHASE ? CJM_REF_PHASE : target == CJM_TARGET_TOUCHPOINT ? CJM_REF_TOUCHPOINT
											     : CJM_REF_MAP;
}

/* The conflicts of the changes from THEIRS to OURS. */
static void conflicts_find(builder *b)
{
	cjm_conflicts *c = b->c;
	cjm_diff *diff = cjm_diff_new(c->theirs, c->ours);
	const char *whole_id = NULL; /* the item of the last ITEM conflict: its fields are in it */
	cjm_change_target whole_target = CJM_TARGET_MAP;
	for (size_t i = 0; i < diff->count; i++) {
		const cjm_change *ch = &diff->changes[i];
		cjm_ref_kind owner = owner_of(ch->target);
		switch (ch->target) {
		case CJM_TARGET_DISMISSAL: break;
		case CJM_TARGET_PATTERN:
			if (!is_last(b, CJM_CONFLICT_PATTERN, CJM_REF_MAP, ch->id, CJM_FIELD_COUNT))
				conflict_push(b, CJM_CONFLICT_PATTERN, CJM_REF_MAP, ch->id, CJM_FIELD_COUNT);
			break;
		case CJM_TARGET_MAP:
			if (!is_last(b, CJM_CONFLICT_FIELD, CJM_REF_MAP, NULL, ch->field))
				conflict_push(b, CJM_CONFLICT_FIELD, CJM_REF_MAP, NULL, ch->field);
			break;
		case CJM_TARGET_PHASE:
		case CJM_TARGET_TOUCHPOINT:
			if (whole_id && whole_target == ch->target && strcmp(whole_id, ch->id) == 0)
				break;
			whole_id = NULL;
			if (ch->kind == CJM_CHANGE_ADDED || ch->kind == CJM_CHANGE_REMOVED) {
				whole_id = ch->id;
				whole_target = ch->target;
				if (ch->target == CJM_TARGET_TOUCHPOINT && ch->at.phase_id &&
				    strset_has(b->whole_phases, ch->at.phase_id))
					break;
				cjm_conflict *k = conflict_push(b, CJM_CONFLICT_ITEM, owner, ch->id, CJM_FIELD_COUNT);
				k->in_ours = ch->kind == CJM_CHANGE_ADDED;
				k->in_theirs = ch->kind == CJM_CHANGE_REMOVED;
				if (ch->target == CJM_TARGET_PHASE)
					strset_add(b->whole_phases, ch->id);
				break;
			}
			if (ch->kind != CJM_CHANGE_MOVED && !is_last(b, CJM_CONFLICT_FIELD, owner, ch->id, ch->field))
				conflict_push(b, CJM_CONFLICT_FIELD, owner, ch->id, ch->field);
			break;
		}
	}
	cjm_diff_free(diff);
}

/* Names, texts and whether both can be kept, for every conflict. */
static void conflicts_describe(cjm_conflicts *c)
{
	for (size_t i = 0; i < c->count; i++) {
		cjm_conflict *k = &c->at[i];
		if (k->what == CJM_CONFLICT_PATTERN) {
			const cjm_pattern_setting *ours = find_setting(c->ours, k->id, NULL);
			const cjm_pattern_setting *theirs = find_setting(c->theirs, k->id, NULL);
			k->in_ours = ours != NULL;
			k->in_theirs = theirs != NULL;
			k->ours_text = setting_text(ours);
			k->theirs_text = setting_text(theirs);
			continue;
		}
		k->in_ours = k->in_ours || k->what == CJM_CONFLICT_FIELD;
		k->in_theirs = k->in_theirs || k->what == CJM_CONFLICT_FIELD;
		if (k->owner != CJM_REF_MAP) {
			const cjm_map *side = k->in_ours ? c->ours : c->theirs;
			cjm_ref ref;
			if (find_ref(c, side, k->owner, k->id, &ref)) {
				const cjm_phase *phase = side->phases[ref.phase];
				k->name = k->owner == CJM_REF_PHASE ? phase->name : phase->touchpoints[ref.tp]->name;
				k->phase_name = k->owner == CJM_REF_TOUCHPOINT ? phase->name : NULL;
			}
		}
		if (k->what == CJM_CONFLICT_ITEM) {
			k->ours_text = k->in_ours ? item_text(c, c->ours, k->owner, k->id) : NULL;
			k->theirs_text = k->in_theirs ? item_text(c, c->theirs, k->owner, k->id) : NULL;
			continue;
		}
		k->ours_text = field_text(c, c->ours, k->owner, k->id, k->field);
		k->theirs_text = field_text(c, c->theirs, k->owner, k->id, k->field);
		cjm_field_kind kind = cjm_field_info_of(k->field)->kind;
		k->can_both = kind == CJM_KIND_LIST || kind == CJM_KIND_PILLARS;
	}
}

cjm_conflicts *cjm_conflicts_new(const char *text, size_t len, diag_list *diags)
{
	if (!cjm_has_conflict_markers(text, len))
		return NULL;
	cjm_conflicts *c = xcalloc(1, sizeof *c);
	c->lookup = xcalloc(1, sizeof *c->lookup);
	side_lines ours = { 0 }, theirs = { 0 };
	int last_line = 1;
	bool ok = split(text, len, &ours, &theirs, c, &last_line, diags);
	if (ok) {
		c->ours = variant_load(&ours, last_line, diags, &c->comments);
		c->theirs = variant_load(&theirs, last_line, diags, &c->comments);
		ok = c->ours && c->theirs;
	}
	variant_release(&ours);
	variant_release(&theirs);
	if (!ok) {
		cjm_conflicts_free(c);
		return NULL;
	}
	if (!c->ours_label)
		c->ours_label = xstrdup("");
	if (!c->theirs_label)
		c->theirs_label = xstrdup("");
	dismissals_union(c->ours, c->theirs);
	builder b = { .c = c, .whole_phases = strset_new(8) };
	conflicts_find(&b);
	strset_free(b.whole_phases);
	conflicts_describe(c);
	return c;
}

void cjm_conflicts_free(cjm_conflicts *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->count; i++) {
		free(c->at[i].ours_text);
		free(c->at[i].theirs_text);
	}
	free(c->at);
	if (c->lookup) {
		lookup_forget_edited(c->lookup);
		cjm_map_index_free(c->lookup->ours);
		cjm_map_index_free(c->lookup->theirs);
		free(c->lookup);
	}
	cjm_map_free(c->ours);
	cjm_map_free(c->theirs);
	free(c->ours_label);
	free(c->theirs_label);
	free(c);
}

/* ---- taking a side ---- */

/* How a conflict's item is named in a message: its name, or its id. */
static const char *conflict_label(const cjm_conflict *k)
{
	return k->name ? k->name : k->id ? k->id : "";
}

static int fail_gone(cjm_edit *edit, const cjm_conflict *k)
{
	/* TRANSLATORS: %s is the name of a phase or touchpoint. */
	return cjm_edit_fail(edit, _("'%s' is no longer in the map"), conflict_label(k));
}

/* FIELD: the value SIDE has, or for BOTH, OURS' list items then THEIRS' others. */
static int take_field(const cjm_conflicts *c, cjm_edit *edit, const cjm_conflict *k, cjm_take take)
{
	cjm_ref at, in_ours, in_theirs;
	if (!find_ref(c, cjm_edit_map(edit), k->owner, k->id, &at))
		return fail_gone(edit, k);
	if (!find_ref(c, c->ours, k->owner, k->id, &in_ours) || !find_ref(c, c->theirs, k->owner, k->id, &in_theirs))
		return fail_gone(edit, k);
	cjm_value ours = cjm_field_get(c->ours, in_ours, k->field);
	cjm_value theirs = cjm_field_get(c->theirs, in_theirs, k->field);
	if (take != CJM_TAKE_BOTH)
		return cjm_edit_set(edit, at, k->field, take == CJM_TAKE_OURS ? &ours : &theirs);
	cjm_value both = ours;
	cjm_strlist list = { 0 };
	if (cjm_field_info_of(k->field)->kind == CJM_KIND_PILLARS) {
		both.bits = (ours.present ? ours.bits : 0) | (theirs.present ? theirs.bits : 0);
		both.present = both.bits != 0;
	} else {
		strset *seen = strset_new(8);
		for (int side = 0; side < 2; side++) {
			const cjm_value *v = side == 0 ? &ours : &theirs;
			for (size_t i = 0; v->present && v->list && i < v->list->len; i++)
				if (strset_add(seen, v->list->items[i]))
					cjm_strlist_push(&list, v->list->items[i]);
		}
		strset_free(seen);
		both.present = list.len > 0 || ours.present || theirs.present;
		both.list = &list;
	}
	int rc = cjm_edit_set(edit, at, k->field, &both);
	cjm_strlist_clear(&list);
	return rc;
}

/* Where in phase P of MAP touchpoint VT of VPHASE (a phase of a variant) goes: after the
 * nearest touchpoint before it in VPHASE that MAP holds in P; at the start when none. */
static size_t place_after(const cjm_conflicts *c, const cjm_map *map, const cjm_phase *vphase, size_t vt, size_t p)
{
	cjm_ref here;
	for (size_t t = vt; t-- > 0;)
		if (find_ref(c, map, CJM_REF_TOUCHPOINT, vphase->touchpoints[t]->id, &here) && here.phase == p)
			return here.tp + 1;
	return 0;
}

/* Before phase P of the edited map goes: moves the touchpoints in it that VARIANT has in
 * another phase (one the map holds) to their place there, so that none of them is lost. */
static int keep_moved_touchpoints(const cjm_conflicts *c, cjm_edit *edit, const cjm_map *variant, size_t p)
{
	const cjm_map *map = cjm_edit_map(edit);
	const cjm_phase *phase = map->phases[p];
	for (size_t t = 0; t < phase->touchpoint_count;) {
		cjm_ref there;
		size_t dest = SIZE_MAX;
		if (find_ref(c, variant, CJM_REF_TOUCHPOINT, phase->touchpoints[t]->id, &there))
			dest = phase_index(c, map, variant->phases[there.phase]->id);
		if (dest == SIZE_MAX || dest == p) {
			t++;
			continue;
		}
		size_t at = place_after(c, map, variant->phases[there.phase], there.tp, dest);
		if (cjm_edit_move_touchpoint(edit, p, t, dest, at) < 0)
			return -1;
	}
	return 0;
}

/* Inserts touchpoint ID of VARIANT after the nearest touchpoint before it there that
 * the edited map holds in the phase of the same id (at the start when none). */
static int insert_touchpoint(const cjm_conflicts *c, cjm_edit *edit, const cjm_map *variant, const cjm_conflict *k)
{
	const cjm_map *map = cjm_edit_map(edit);
	cjm_ref in_variant, here;
	if (find_ref(c, map, CJM_REF_TOUCHPOINT, k->id, &here))
		return 0; /* already there */
	if (!find_ref(c, variant, CJM_REF_TOUCHPOINT, k->id, &in_variant))
		return fail_gone(edit, k);
	const cjm_phase *phase = variant->phases[in_variant.phase];
	size_t p = phase_index(c, map, phase->id);
	if (p == SIZE_MAX)
		/* TRANSLATORS: %s is the name of a phase. */
		return cjm_edit_fail(edit, _("phase '%s' is not in the map; take it first"), phase->name);
	return cjm_edit_insert_touchpoint(edit, p, place_after(c, map, phase, in_variant.tp, p),
					  phase->touchpoints[in_variant.tp]);
}

/* Inserts phase ID of VARIANT, with its fields and the touchpoints the edited map does not
 * hold, after the nearest phase before it there that the edited map holds. */
static int insert_phase(const cjm_conflicts *c, cjm_edit *edit, const cjm_map *variant, const cjm_conflict *k)
{
	const cjm_map *map = cjm_edit_map(edit);
	size_t vp = phase_index(c, variant, k->id);
	if (phase_index(c, map, k->id) != SIZE_MAX)
		return 0;
	if (vp == SIZE_MAX)
		return fail_gone(edit, k);
	size_t at = 0;
	for (size_t p = vp; p-- > 0;) {
		size_t here = phase_index(c, map, variant->phases[p]->id);
		if (here != SIZE_MAX) {
			at = here + 1;
			break;
		}
	}
	const cjm_phase *phase = variant->phases[vp];
	if (cjm_edit_add_phase(edit, at, phase->name, phase->id) < 0)
		return -1;
	size_t n;
	const cjm_field *fields = cjm_fields_of(CJM_REF_PHASE, &n);
	for (size_t i = 0; i < n; i++) {
		if (fields[i] == CJM_F_ID || fields[i] == CJM_F_NAME)
			continue;
		cjm_value v = cjm_field_get(variant, (cjm_ref){ CJM_REF_PHASE, vp, 0 }, fields[i]);
		if (cjm_edit_set(edit, (cjm_ref){ CJM_REF_PHASE, at, 0 }, fields[i], &v) < 0)
			return -1;
	}
	size_t placed = 0;
	for (size_t t = 0; t < phase->touchpoint_count; t++) {
		cjm_ref here;
		if (find_ref(c, map, CJM_REF_TOUCHPOINT, phase->touchpoints[t]->id, &here))
			continue; /* the map has it elsewhere: it stays there */
		if (cjm_edit_insert_touchpoint(edit, at, placed++, phase->touchpoints[t]) < 0)
			return -1;
	}
	return 0;
}

/* ITEM: the side that has it puts it in, the side that lacks it takes it out. */
static int take_item(const cjm_conflicts *c, cjm_edit *edit, const cjm_conflict *k, cjm_take take)
{
	bool has = take == CJM_TAKE_OURS ? k->in_ours : k->in_theirs;
	const cjm_map *variant = take == CJM_TAKE_OURS ? c->ours : c->theirs;
	if (has)
		return k->owner == CJM_REF_PHASE ? insert_phase(c, edit, variant, k) : insert_touchpoint(c, edit, variant, k);
	cjm_ref here;
	if (!find_ref(c, cjm_edit_map(edit), k->owner, k->id, &here))
		return 0; /* already gone */
	if (k->owner == CJM_REF_PHASE) {
		if (keep_moved_touchpoints(c, edit, variant, here.phase) < 0)
			return -1;
		return cjm_edit_delete_phase(edit, here.phase);
	}
	return cjm_edit_delete_touchpoint(edit, here.phase, here.tp);
}

/* PATTERN: the side's setting in place of the map's (none: the map's taken out); a new
 * one after the nearest setting before it on that side that the map holds. */
static int take_pattern(const cjm_conflicts *c, cjm_edit *edit, const cjm_conflict *k, cjm_take take)
{
	const cjm_map *variant = take == CJM_TAKE_OURS ? c->ours : c->theirs;
	const cjm_map *map = cjm_edit_map(edit);
	size_t vi = 0, at = 0, here = 0;
	const cjm_pattern_setting *setting = find_setting(variant, k->id, &vi);
	for (size_t i = setting ? vi : 0; i-- > 0;)
		if (find_setting(map, variant->patterns[i].id, &here)) {
			at = here + 1;
			break;
		}
	return cjm_edit_set_pattern(edit, k->id, setting, at);
}

static int take_one(const cjm_conflicts *c, cjm_edit *edit, const cjm_conflict *k, cjm_take take)
{
	switch (k->what) {
	case CJM_CONFLICT_FIELD: return take_field(c, edit, k, take);
	case CJM_CONFLICT_ITEM: return take_item(c, edit, k, take);
	case CJM_CONFLICT_PATTERN: return take_pattern(c, edit, k, take);
	}
	return cjm_edit_fail(edit, _("no such conflict"));
}

/* After a failed group that began at generation GEN: undoes what it did, keeping the error. */
static int roll_back(cjm_edit *edit, unsigned long gen)
{
	if (cjm_edit_generation(edit) != gen && cjm_edit_can_undo(edit)) {
		char *why = xstrdup(cjm_edit_error(edit));
		cjm_edit_undo(edit);
		cjm_edit_fail(edit, "%s", why);
		free(why);
	}
	return -1;
}

int cjm_conflict_take(cjm_conflicts *c, cjm_edit *edit, size_t k, cjm_take take)
{
	if (k >= c->count)
		return cjm_edit_fail(edit, _("no conflict %zu (there are %zu)"), k, c->count);
	if (take == CJM_TAKE_BOTH && !c->at[k].can_both)
		return cjm_edit_fail(edit, _("only a list can keep both sides"));
	unsigned long gen = cjm_edit_generation(edit);
	c->lookup->edit = edit;
	cjm_edit_group_begin(edit);
	int rc = take_one(c, edit, &c->at[k], take);
	cjm_edit_group_end(edit);
	lookup_forget_edited(c->lookup);
	if (rc < 0)
		return roll_back(edit, gen);
	c->at[k].take = take;
	return 0;
}

int cjm_conflicts_take_all(cjm_conflicts *c, cjm_edit *edit, cjm_take take)
{
	unsigned long gen = cjm_edit_generation(edit);
	int rc = 0;
	c->lookup->edit = edit;
	cjm_edit_group_begin(edit);
	for (size_t i = 0; i < c->count && rc == 0; i++) {
		cjm_take each = take == CJM_TAKE_BOTH && !c->at[i].can_both ? CJM_TAKE_OURS : take;
		rc = take_one(c, edit, &c->at[i], each);
	}
	cjm_edit_group_end(edit);
	lookup_forget_edited(c->lookup);
	if (rc < 0)
		return roll_back(edit, gen);
	for (size_t i = 0; i < c->count; i++)
		c->at[i].take = take == CJM_TAKE_BOTH && !c->at[i].can_both ? CJM_TAKE_OURS : take;
	return 0;
}

bool cjm_conflict_place(const cjm_conflicts *c, size_t k, const cjm_map *map, cjm_ref *where)
{
	if (k >= c->count)
		return false;
	const cjm_conflict *conflict = &c->at[k];
	if (conflict->what == CJM_CONFLICT_PATTERN) {
		*where = (cjm_ref){ CJM_REF_MAP, 0, 0 };
		return true;
	}
	return find_ref(c, map, conflict->owner, conflict->id, where);
}
