/* The conflicts panel without a screen: which side the map holds for each conflict, and the keys that settle them. */
#include "editor/conflicts.h"

#include <stdlib.h>
#include <string.h>

#include "patterns/suggest.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* ---- which side the map holds ---- */

/* Where the ids of the map and of both variants are, when many conflicts are looked
 * up at once (a count); without it each lookup walks its map. */
typedef struct conflicts_lookup {
	cjm_place_index now, ours, theirs;
} conflicts_lookup;

/* The index of MAP in LOOKUP (NULL: none). */
static cjm_place_index *conflicts_index(const cjm_conflicts *all, const cjm_map *map, conflicts_lookup *lookup)
{
	if (!lookup)
		return NULL;
	return map == all->ours ? &lookup->ours : map == all->theirs ? &lookup->theirs : &lookup->now;
}

/* The item conflict C is about in MAP (the map itself, a phase, a touchpoint), or NULL;
 * INDEX (may be NULL) finds its id. */
static const void *conflicts_item(const cjm_map *map, const cjm_conflict *c, cjm_place_index *index)
{
	if (c->owner == CJM_REF_MAP)
		return map;
	size_t p, t;
	if (!c->id || !(index ? cjm_place_index_find(index, c->id, &p, &t) : cjm_map_find(map, c->id, &p, &t)))
		return NULL;
	if (c->owner == CJM_REF_PHASE)
		return t == (size_t)-1 ? map->phases[p] : NULL;
	return t == (size_t)-1 ? NULL : map->phases[p]->touchpoints[t];
}

static const cjm_pattern_setting *conflicts_pattern(const cjm_map *map, const char *id)
{
	for (size_t i = 0; id && i < map->pattern_count; i++)
		if (strcmp(map->patterns[i].id, id) == 0)
			return &map->patterns[i];
	return NULL;
}

static bool conflicts_same_pattern(const cjm_pattern_setting *a, const cjm_pattern_setting *b)
{
	if (!a || !b)
		return a == b;
	return a->enabled == b->enabled && a->has_threshold == b->has_threshold &&
	       (!a->has_threshold || a->threshold == b->threshold);
}

/* Whether every item of PART is in WHOLE. */
static bool conflicts_holds_all(const cjm_strlist *whole, const cjm_strlist *part)
{
	for (size_t i = 0; part && i < part->len; i++) {
		bool found = false;
		for (size_t j = 0; whole && j < whole->len && !found; j++)
			found = strcmp(whole->items[j], part->items[i]) == 0;
		if (!found)
			return false;
	}
	return true;
}

/* A field both sides have: the side whose value the map holds. */
static cjm_conflict_side conflicts_field_side(const cjm_conflicts *all, const cjm_conflict *c, const cjm_map *map,
					       conflicts_lookup *lookup)
{
	const void *now = conflicts_item(map, c, conflicts_index(all, map, lookup)),
		   *ours = conflicts_item(all->ours, c, conflicts_index(all, all->ours, lookup)),
		   *theirs = conflicts_item(all->theirs, c, conflicts_index(all, all->theirs, lookup));
	if (!now || c->field >= CJM_FIELD_COUNT)
		return CJM_SIDE_EDITED;
	cjm_field_kind kind = cjm_field_info_of(c->field)->kind;
	cjm_value v = cjm_item_field_get(now, c->owner, c->field);
	cjm_value vo = ours ? cjm_item_field_get(ours, c->owner, c->field) : (cjm_value){ 0 };
	cjm_value vt = theirs ? cjm_item_field_get(theirs, c->owner, c->field) : (cjm_value){ 0 };
	bool is_ours = ours && cjm_value_equal(kind, &v, &vo), is_theirs = theirs && cjm_value_equal(kind, &v, &vt);
	if (is_ours)
		return CJM_SIDE_OURS;
	if (is_theirs)
		return CJM_SIDE_THEIRS;
	if (kind == CJM_KIND_LIST && c->can_both && conflicts_holds_all(v.list, vo.list) &&
	    conflicts_holds_all(v.list, vt.list))
		return CJM_SIDE_BOTH;
	return CJM_SIDE_EDITED;
}

/* The side the map holds for conflict K; LOOKUP (may be NULL) finds the ids. */
static cjm_conflict_side conflicts_side(const cjm_editor *ed, size_t k, conflicts_lookup *lookup)
{
	const cjm_conflicts *all = ed->conflicts;
	if (!all || k >= all->count)
		return CJM_SIDE_OURS;
	const cjm_conflict *c = &all->at[k];
	const cjm_map *map = cjm_editor_map(ed);
	switch (c->what) {
	case CJM_CONFLICT_ITEM:
		return (conflicts_item(map, c, conflicts_index(all, map, lookup)) != NULL) == c->in_ours ? CJM_SIDE_OURS
													  : CJM_SIDE_THEIRS;
	case CJM_CONFLICT_PATTERN: {
		const cjm_pattern_setting *now = conflicts_pattern(map, c->id);
		if (conflicts_same_pattern(now, conflicts_pattern(all->ours, c->id)))
			return CJM_SIDE_OURS;
		if (conflicts_same_pattern(now, conflicts_pattern(all->theirs, c->id)))
			return CJM_SIDE_THEIRS;
		return CJM_SIDE_EDITED;
	}
	case CJM_CONFLICT_FIELD: break;
	}
	return conflicts_field_side(all, c, map, lookup);
}

cjm_conflict_side cjm_editor_conflict_side(const cjm_editor *ed, size_t k)
{
	return conflicts_side(ed, k, NULL);
}

static bool conflicts_decided(const cjm_editor *ed, size_t k, conflicts_lookup *lookup)
{
	return (ed->conflict_kept && ed->conflict_kept[k]) || conflicts_side(ed, k, lookup) != CJM_SIDE_OURS;
}

bool cjm_editor_conflict_decided(const cjm_editor *ed, size_t k)
{
	return conflicts_decided(ed, k, NULL);
}

size_t cjm_editor_conflicts_undecided(const cjm_editor *ed)
{
	if (!ed->conflicts)
		return 0;
	conflicts_lookup lookup; /* one pass over each map, not one per conflict */
	cjm_place_index_build(&lookup.now, cjm_editor_map(ed));
	cjm_place_index_build(&lookup.ours, ed->conflicts->ours);
	cjm_place_index_build(&lookup.theirs, ed->conflicts->theirs);
	size_t n = 0;
	for (size_t k = 0; k < ed->conflicts->count; k++)
		n += !conflicts_decided(ed, k, &lookup);
	cjm_place_index_release(&lookup.now);
	cjm_place_index_release(&lookup.ours);
	cjm_place_index_release(&lookup.theirs);
	return n;
}

/* ---- words ---- */

void cjm_editor_conflict_where(const cjm_editor *ed, size_t k, strbuf *out)
{
	const cjm_conflict *c = &ed->conflicts->at[k];
	if (c->what == CJM_CONFLICT_PATTERN)
		/* TRANSLATORS: a pattern id, not translated: "pattern soften-negatives" */
		strbuf_printf(out, _("pattern %s"), c->id ? c->id : "");
	else if (c->owner == CJM_REF_TOUCHPOINT)
		strbuf_printf(out, _("touchpoint '%s' in phase '%s'"), c->name ? c->name : c->id ? c->id : "",
			      c->phase_name ? c->phase_name : "");
	else if (c->owner == CJM_REF_PHASE)
		strbuf_printf(out, _("phase '%s'"), c->name ? c->name : c->id ? c->id : "");
	else
		strbuf_puts(out, _("the map"));
}

const char *cjm_editor_conflict_what(const cjm_editor *ed, size_t k)
{
	const cjm_conflict *c = &ed->conflicts->at[k];
	switch (c->what) {
	case CJM_CONFLICT_ITEM: return c->in_ours ? _("deleted on their side") : _("deleted on our side");
	case CJM_CONFLICT_PATTERN: return _("its settings");
	case CJM_CONFLICT_FIELD: break;
	}
	return c->field < CJM_FIELD_COUNT ? _(cjm_field_info_of(c->field)->label) : "";
}

void cjm_editor_conflict_value(const cjm_editor *ed, size_t k, bool theirs, strbuf *out)
{
	const cjm_conflict *c = &ed->conflicts->at[k];
	const char *text = theirs ? c->theirs_text : c->ours_text;
	if (c->what == CJM_CONFLICT_ITEM && !(theirs ? c->in_theirs : c->in_ours)) {
		strbuf_puts(out, _("(deleted)"));
		return;
	}
	if (!text || !*text) {
		strbuf_puts(out, c->what == CJM_CONFLICT_ITEM ? _("(kept)") : _("(none)"));
		return;
	}
	size_t len = strlen(text);
	while (len && text[len - 1] == '\n')
		len--;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\n')
			strbuf_puts(out, "; ");
		else
			strbuf_putc(out, text[i]);
	}
}

/* ---- the panel ---- */

/* Selects the item of the conflict the panel points at, so the map shows it. */
static void conflicts_show(cjm_editor *ed)
{
	cjm_ref where;
	if (!ed->conflicts || ed->conflict >= ed->conflicts->count ||
	    !cjm_conflict_place(ed->conflicts, ed->conflict, cjm_editor_map(ed), &where) || where.kind == CJM_REF_MAP)
		return;
	ed->phase = where.phase;
	ed->tp = where.kind == CJM_REF_PHASE ? CJM_PHASE_ITSELF : where.tp;
}

static bool conflicts_same_place(cjm_ref a, cjm_ref b)
{
	return a.kind == b.kind && (a.kind == CJM_REF_MAP || a.phase == b.phase) &&
	       (a.kind != CJM_REF_TOUCHPOINT || a.tp == b.tp);
}

/* After an undo or a redo: points at a conflict of the item it changed, so the panel
 * shows what changed, unless the one pointed at is of that item already. */
static void conflicts_follow(cjm_editor *ed)
{
	cjm_ref changed, at;
	if (!cjm_edit_changed_place(ed->edit, &changed))
		return;
	const cjm_map *map = cjm_editor_map(ed);
	if (cjm_conflict_place(ed->conflicts, ed->conflict, map, &at) && conflicts_same_place(at, changed))
		return;
	for (size_t k = 0; k < ed->conflicts->count; k++)
		if (cjm_conflict_place(ed->conflicts, k, map, &at) && conflicts_same_place(at, changed)) {
			ed->conflict = k;
			return;
		}
}

void cjm_editor_conflicts_start(cjm_editor *ed, cjm_conflicts *conflicts)
{
	cjm_editor_conflicts_free(ed);
	ed->conflicts = conflicts;
	ed->conflict = 0;
	ed->conflict_kept = xcalloc(conflicts->count ? conflicts->count : 1, sizeof *ed->conflict_kept);
	cjm_editor_open_conflicts(ed, NULL);
}

void cjm_editor_conflicts_free(cjm_editor *ed)
{
	if (ed->overlay == CJM_OVERLAY_CONFLICTS)
		ed->overlay = CJM_OVERLAY_NONE;
	cjm_conflicts_free(ed->conflicts);
	ed->conflicts = NULL;
	free(ed->conflict_kept);
	ed->conflict_kept = NULL;
	ed->conflict = 0;
}

int cjm_editor_open_conflicts(cjm_editor *ed, const char *args)
{
	(void)args;
	if (!ed->conflicts) {
		cjm_editor_say(ed, true, _("no conflicts: the map was not opened with conflict markers"));
		return -1;
	}
	if (ed->overlay == CJM_OVERLAY_SUGGESTIONS)
		cjm_editor_close_panel(ed);
	ed->presenting = false;
	ed->overlay = CJM_OVERLAY_CONFLICTS;
	if (ed->conflict >= ed->conflicts->count)
		ed->conflict = 0;
	conflicts_show(ed);
	return 0;
}

/* What is left after a take, for its message. (malloc'd) */
static char *conflicts_left(const cjm_editor *ed)
{
	size_t n = cjm_editor_conflicts_undecided(ed);
	if (n == 0)
		return xstrdup(_("every conflict decided: :w saves (u undoes)"));
	return xasprintf(P_("%zu conflict undecided (u undoes)", "%zu conflicts undecided (u undoes)", n), n);
}

/* o, t or b: the conflict pointed at takes TAKE, as one step. */
static void conflicts_take(cjm_editor *ed, cjm_take take)
{
	if (ed->read_only) {
		cjm_editor_say(ed, true, _("read-only: nothing can be changed"));
		return;
	}
	size_t k = ed->conflict;
	const cjm_conflict *c = &ed->conflicts->at[k];
	strbuf what = { 0 }; /* a field by its label (the panel shows where), else the item */
	if (c->what == CJM_CONFLICT_FIELD)
		strbuf_puts(&what, cjm_editor_conflict_what(ed, k));
	else
		cjm_editor_conflict_where(ed, k, &what);
	if (take == CJM_TAKE_BOTH && !c->can_both) {
		/* TRANSLATORS: %s is a field ("emotion") or an item ("touchpoint 'Call' in phase 'Orient'") */
		cjm_editor_say(ed, true, _("b keeps both only in a list (pains, ideas, quotes): o or t for %s"), what.data);
		strbuf_release(&what);
		return;
	}
	if (cjm_conflict_take(ed->conflicts, ed->edit, k, take) < 0) {
		cjm_editor_say(ed, true, "%s", cjm_edit_error(ed->edit));
		strbuf_release(&what);
		return;
	}
	if (take == CJM_TAKE_OURS)
		ed->conflict_kept[k] = true;
	conflicts_show(ed);
	char *left = conflicts_left(ed);
	/* TRANSLATORS: a field ("emotion") or an item ("touchpoint 'Call' in phase 'Orient'"), then what is left */
	const char *fmt = take == CJM_TAKE_OURS ? _("ours taken for %s; %s")
			  : take == CJM_TAKE_THEIRS ? _("theirs taken for %s; %s")
						    : _("both kept for %s; %s");
	cjm_editor_say(ed, false, fmt, what.data, left);
	free(left);
	strbuf_release(&what);
}

/* O or T: every conflict takes TAKE, as one step. */
static void conflicts_take_all(cjm_editor *ed, cjm_take take)
{
	if (ed->read_only) {
		cjm_editor_say(ed, true, _("read-only: nothing can be changed"));
		return;
	}
	if (cjm_conflicts_take_all(ed->conflicts, ed->edit, take) < 0) {
		cjm_editor_say(ed, true, "%s", cjm_edit_error(ed->edit));
		return;
	}
	for (size_t k = 0; take == CJM_TAKE_OURS && k < ed->conflicts->count; k++)
		ed->conflict_kept[k] = true;
	conflicts_show(ed);
	char *left = conflicts_left(ed);
	cjm_editor_say(ed, false, take == CJM_TAKE_OURS ? _("ours taken for every conflict; %s")
							: _("theirs taken for every conflict; %s"),
		       left);
	free(left);
}

void cjm_editor_conflicts_key(cjm_editor *ed, int key)
{
	const char *what = cjm_mode_key_command(cjm_conflict_keys, key);
	if (!what || !ed->conflicts)
		return;
	size_t count = ed->conflicts->count;
	if (strcmp(what, "next") == 0 || strcmp(what, "previous") == 0) {
		if (what[0] == 'n' && ed->conflict + 1 < count)
			ed->conflict++;
		else if (what[0] == 'p' && ed->conflict > 0)
			ed->conflict--;
		conflicts_show(ed);
	} else if (count && strcmp(what, "ours") == 0) {
		conflicts_take(ed, CJM_TAKE_OURS);
	} else if (count && strcmp(what, "theirs") == 0) {
		conflicts_take(ed, CJM_TAKE_THEIRS);
	} else if (count && strcmp(what, "both") == 0) {
		conflicts_take(ed, CJM_TAKE_BOTH);
	} else if (count && strcmp(what, "all-ours") == 0) {
		conflicts_take_all(ed, CJM_TAKE_OURS);
	} else if (count && strcmp(what, "all-theirs") == 0) {
		conflicts_take_all(ed, CJM_TAKE_THEIRS);
	} else if (strcmp(what, "undo") == 0 || strcmp(what, "redo") == 0) {
		if (cjm_editor_run(ed, what) == 0)
			conflicts_follow(ed);
	} else if (strcmp(what, "close") == 0) {
		ed->overlay = CJM_OVERLAY_NONE;
	} else if (strcmp(what, "command") == 0) {
		ed->overlay = CJM_OVERLAY_NONE;
		cjm_editor_run(ed, "command");
	}
}

void cjm_editor_conflicts_remind(cjm_editor *ed)
{
	if (ed->message || !ed->conflicts || cjm_editor_question(ed) || ed->presenting ||
	    (ed->overlay != CJM_OVERLAY_NONE && ed->overlay != CJM_OVERLAY_CONFLICTS))
		return;
	size_t n = cjm_editor_conflicts_undecided(ed);
	bool open = ed->overlay == CJM_OVERLAY_CONFLICTS;
	if (open && n)
		cjm_editor_say(ed, false, P_("%zu conflict: o ours, t theirs, b both", "%zu conflicts: o ours, t theirs, b both", n),
			       n);
	else if (open)
		cjm_editor_say(ed, false, _("every conflict decided: Enter closes the panel, :w saves"));
	else if (n)
		cjm_editor_say(ed, false, P_("%zu conflict undecided: :conflicts lists it",
					     "%zu conflicts undecided: :conflicts lists them", n),
			       n);
}

/* The conflicts panel (cjm_editor_conflicts_key runs them). */
const cjm_mode_key cjm_conflict_keys[] = {
	{ 'j', "j", "next", N_("point at the next conflict; the map selects its item") },
	{ CJM_KEY_DOWN, "Down", "next", N_("point at the next conflict; the map selects its item") },
	{ 'k', "k", "previous", N_("point at the previous conflict; the map selects its item") },
	{ CJM_KEY_UP, "Up", "previous", N_("point at the previous conflict; the map selects its item") },
	{ 'o', "o", "ours", N_("take ours for it") },
	{ 't', "t", "theirs", N_("take theirs for it") },
	{ 'b', "b", "both", N_("keep the items of both sides (a list only: pains, ideas, quotes, brand values)") },
	{ 'O', "O", "all-ours", N_("take ours for every conflict") },
	{ 'T', "T", "all-theirs", N_("take theirs for every conflict") },
	{ 'u', "u", "undo", N_("undo the last change; the marks follow") },
	{ CJM_KEY_CTRL_R, "Ctrl-R", "redo", N_("redo what was undone; the marks follow") },
	{ ':', ":", "command", N_("close the panel and type a command") },
	{ CJM_KEY_ENTER, "Enter", "close", N_("close the panel and edit the map (:conflicts opens it again)") },
	{ CJM_KEY_ESCAPE, "Escape", "close", N_("close the panel and edit the map (:conflicts opens it again)") },
	{ 'q', "q", "close", N_("close the panel and edit the map (:conflicts opens it again)") },
	{ 0, NULL, NULL, NULL },
};
