/* The suggestions panel and the markers on the map, without a screen; a plugin that fails is said, never fatal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "editor/editor.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Says on the status line that plugins crashed or hung (now: they are disabled,
 * or before: they stay so): the first of them, and how many more. */
static void panel_tell(cjm_editor *ed, const cjm_plugin_failure *failures, size_t count)
{
	const cjm_plugin_failure *first = NULL;
	size_t more = 0;
	for (size_t i = 0; i < count; i++) {
		if (failures[i].kind == CJM_PLUGIN_NOT_LOADED)
			continue;
		if (first)
			more++;
		else
			first = &failures[i];
	}
	if (!first)
		return;
	char *text = cjm_plugin_failure_text(first, true);
	if (more)
		cjm_editor_say(ed, true, _("%s (and %zu more: see cjm patterns); the other patterns still run"), text,
			       more);
	else
		cjm_editor_say(ed, true, _("%s; the other patterns still run"), text);
	free(text);
}

/* Plugins are loaded (each in a child) the first time the patterns run. */
static void panel_load_patterns(cjm_editor *ed)
{
	if (ed->patterns)
		return;
	ed->patterns = cjm_registry_new(true);
	panel_tell(ed, ed->patterns->failures, ed->patterns->failure_count);
}

/* Runs the patterns over the map (the dismissed ones too, marked, when KEEP_DISMISSED);
 * a plugin that fails in this run is said. */
static cjm_suggestions *panel_suggest(cjm_editor *ed, bool keep_dismissed)
{
	panel_load_patterns(ed);
	cjm_suggestions *all = cjm_suggest(cjm_editor_map(ed), ed->patterns, NULL, 0, keep_dismissed);
	panel_tell(ed, all->failures, all->failure_count);
	return all;
}

/* ---- each suggestion's state and place, its target found through a cjm_place_index ---- */

/* The state and the place of suggestion S on MAP now. */
static cjm_panel_item panel_item_of(const cjm_map *map, const cjm_suggestion *s, cjm_place_index *index)
{
	cjm_panel_item item = { CJM_PANEL_OPEN, false, 0, 0 };
	if (s->dismissed)
		item.state = CJM_PANEL_DISMISSED;
	else if (cjm_suggestion_applied(map, s, cjm_place_index_find, index))
		item.state = CJM_PANEL_ACCEPTED;
	item.placed = cjm_place_index_find(index, s->target, &item.phase, &item.tp);
	return item;
}

static cjm_panel_item *panel_items_of(const cjm_map *map, const cjm_suggestions *all, cjm_place_index *index)
{
	cjm_panel_item *items = xcalloc(all->count ? all->count : 1, sizeof *items);
	for (size_t i = 0; i < all->count; i++)
		items[i] = panel_item_of(map, &all->items[i], index);
	return items;
}

/* Forgets the marker set. */
static void panel_clear_markers(cjm_editor *ed)
{
	strset_free(ed->suggested);
	ed->suggested = NULL;
	for (size_t i = 0; i < ed->suggested_count; i++)
		free(ed->suggested_ids[i]);
	free(ed->suggested_ids);
	ed->suggested_ids = NULL;
	ed->suggested_count = 0;
}

/* The target ids of every open suggestion for the whole map, for the markers:
 * neither a dismissed one nor one the map already holds. */
static void panel_mark(cjm_editor *ed, const cjm_suggestions *all, const cjm_panel_item *items)
{
	panel_clear_markers(ed);
	ed->suggested = strset_new(all->count);
	ed->suggested_ids = xcalloc(all->count ? all->count : 1, sizeof *ed->suggested_ids);
	for (size_t i = 0; i < all->count; i++) {
		if (all->items[i].dismissed || items[i].state != CJM_PANEL_OPEN)
			continue;
		char *id = xstrdup(all->items[i].target);
		if (strset_add(ed->suggested, id))
			ed->suggested_ids[ed->suggested_count++] = id;
		else
			free(id);
	}
	ed->suggested_generation = cjm_edit_generation(ed->edit);
}

void cjm_editor_refresh_markers(cjm_editor *ed)
{
	if (ed->suggested && ed->suggested_generation == cjm_edit_generation(ed->edit))
		return;
	cjm_suggestions *all = panel_suggest(ed, false);
	cjm_place_index index;
	cjm_place_index_build(&index, cjm_editor_map(ed));
	cjm_panel_item *items = panel_items_of(cjm_editor_map(ed), all, &index);
	panel_mark(ed, all, items);
	free(items);
	cjm_place_index_release(&index);
	cjm_suggestions_free(all);
}

bool cjm_editor_has_suggestion(cjm_editor *ed, const char *id)
{
	return ed->suggested && ed->suggested_generation == cjm_edit_generation(ed->edit) &&
	       strset_has(ed->suggested, id);
}

/* ---- the list ---- */

static bool panel_same(const cjm_suggestion *a, const cjm_suggestion *b)
{
	return strcmp(a->pattern, b->pattern) == 0 && strcmp(a->target, b->target) == 0 &&
	       strcmp(a->title, b->title) == 0;
}

/* Whether the panel lists S: for an item, its every suggestion; for the journey, its
 * cards (one per target, a handful per phase, not what the map holds), or everything. */
static bool panel_in_scope(const cjm_editor *ed, const cjm_suggestion *s)
{
	if (!ed->suggestions_all)
		return ed->suggestions_about && strcmp(s->target, ed->suggestions_about) == 0;
	return ed->suggestions_everything || s->card == CJM_CARD;
}

/* Keeps only the suggestions the panel lists in its scope. */
static void panel_keep_in_scope(cjm_editor *ed, cjm_suggestions *s, cjm_panel_item *items)
{
	size_t kept = 0;
	for (size_t i = 0; i < s->count; i++) {
		if (panel_in_scope(ed, &s->items[i])) {
			items[kept] = items[i];
			s->items[kept++] = s->items[i];
			continue;
		}
		cjm_suggestion_release(&s->items[i]);
	}
	s->count = kept;
}

/* Accepted suggestions of the list before that the patterns no longer make (a
 * touchpoint removed as proposed is not proposed again) stay listed, marked, while
 * the map holds what they did: each is taken from OLD into FRESH at its old place. */
static void panel_keep_accepted(cjm_editor *ed, cjm_suggestions *fresh, cjm_panel_item **items,
				cjm_place_index *index)
{
	cjm_suggestions *old = ed->suggestions;
	if (!old)
		return;
	size_t keep = 0;
	for (size_t i = 0; i < old->count; i++) {
		if (ed->suggestion_items[i].state != CJM_PANEL_ACCEPTED)
			continue;
		bool listed = false;
		for (size_t j = 0; j < fresh->count && !listed; j++)
			listed = panel_same(&old->items[i], &fresh->items[j]);
		cjm_panel_item now = panel_item_of(cjm_editor_map(ed), &old->items[i], index);
		if (listed || now.state != CJM_PANEL_ACCEPTED)
			ed->suggestion_items[i].state = CJM_PANEL_OPEN; /* not kept */
		else
			keep++, ed->suggestion_items[i] = now;
	}
	if (!keep)
		return;
	size_t total = fresh->count + keep, from_fresh = 0, from_old = 0;
	cjm_suggestion *merged = xcalloc(total, sizeof *merged);
	cjm_panel_item *merged_items = xcalloc(total, sizeof *merged_items);
	for (size_t o = 0; o < total; o++) {
		while (from_old < old->count && ed->suggestion_items[from_old].state != CJM_PANEL_ACCEPTED)
			from_old++;
		if (from_old < old->count && (from_old <= o || from_fresh == fresh->count)) {
			merged[o] = old->items[from_old];
			merged_items[o] = ed->suggestion_items[from_old];
			old->items[from_old] = (cjm_suggestion){ 0 }; /* moved: the old list no longer frees it */
			ed->suggestion_items[from_old++].state = CJM_PANEL_OPEN;
		} else {
			merged[o] = fresh->items[from_fresh];
			merged_items[o] = (*items)[from_fresh++];
		}
	}
	free(fresh->items);
	free(*items);
	fresh->items = merged;
	fresh->count = fresh->cap = total;
	*items = merged_items;
}

/* Works the list out again (after a change, or a new scope), keeping the pointer on
 * the suggestion it was on, or at its place. */
static void panel_refresh(cjm_editor *ed)
{
	char *was[3] = { NULL, NULL, NULL }; /* pattern, target, title of the one pointed at */
	if (ed->suggestions && ed->suggestion < ed->suggestions->count) {
		const cjm_suggestion *s = &ed->suggestions->items[ed->suggestion];
		was[0] = xstrdup(s->pattern), was[1] = xstrdup(s->target), was[2] = xstrdup(s->title);
	}
	const cjm_map *map = cjm_editor_map(ed);
	cjm_suggestions *all = panel_suggest(ed, true);
	cjm_place_index index;
	cjm_place_index_build(&index, map);
	cjm_panel_item *items = panel_items_of(map, all, &index);
	panel_mark(ed, all, items);
	bool cards = ed->suggestions_all && !ed->suggestions_everything;
	ed->suggestions_rest = cjm_suggestions_arrange(all, map, CJM_CARDS_PER_PHASE, !cards);
	panel_keep_in_scope(ed, all, items);
	panel_keep_accepted(ed, all, &items, &index);
	cjm_place_index_release(&index);
	size_t pointer = ed->suggestion;
	for (size_t i = 0; was[0] && i < all->count; i++) {
		const cjm_suggestion *s = &all->items[i];
		if (strcmp(s->pattern, was[0]) == 0 && strcmp(s->target, was[1]) == 0 && strcmp(s->title, was[2]) == 0) {
			pointer = i;
			break;
		}
	}
	for (size_t k = 0; k < 3; k++)
		free(was[k]);
	cjm_suggestions_free(ed->suggestions);
	free(ed->suggestion_items);
	ed->suggestions = all;
	ed->suggestion_items = items;
	ed->suggestions_generation = cjm_edit_generation(ed->edit);
	ed->suggestion = pointer < all->count ? pointer : all->count ? all->count - 1 : 0;
}

/* Selects the target of the suggestion the panel points at, so the map shows it. */
static void panel_show_target(cjm_editor *ed)
{
	if (!ed->suggestions || ed->suggestion >= ed->suggestions->count)
		return;
	const cjm_panel_item *item = &ed->suggestion_items[ed->suggestion];
	if (!item->placed)
		return; /* the journey as a whole, or a target that is gone */
	ed->phase = item->phase;
	ed->tp = item->tp;
}

/* The id of the selected item, which "this item" means. */
static void panel_about_selection(cjm_editor *ed)
{
	free(ed->suggestions_about);
	ed->suggestions_about = NULL;
	const cjm_map *map = cjm_editor_map(ed);
	if (map->phase_count == 0)
		return;
	const cjm_touchpoint *tp = cjm_editor_selected_touchpoint(ed);
	ed->suggestions_about = xstrdup(tp ? tp->id : map->phases[ed->phase]->id);
}

void cjm_editor_panel_sync(cjm_editor *ed)
{
	if (!ed->suggestions || ed->suggestions_generation == cjm_edit_generation(ed->edit))
		return;
	panel_refresh(ed);
	panel_show_target(ed);
}

int cjm_editor_open_panel(cjm_editor *ed)
{
	ed->presenting = false;
	cjm_suggestions_free(ed->suggestions);
	ed->suggestions = NULL;
	free(ed->suggestion_items);
	ed->suggestion_items = NULL;
	ed->suggestions_all = !cjm_editor_selected_touchpoint(ed);
	ed->suggestions_everything = false;
	panel_about_selection(ed);
	ed->suggestion = 0;
	panel_refresh(ed);
	if (!ed->suggestions_all && ed->suggestions->count == 0) {
		ed->suggestions_all = true; /* nothing about this one: show the journey's */
		panel_refresh(ed);
	}
	ed->overlay = CJM_OVERLAY_SUGGESTIONS;
	if (ed->suggestions->count == 0)
		cjm_editor_say(ed, false, _("no suggestions: the patterns find nothing to improve"));
	else
		panel_show_target(ed);
	return 0;
}

void cjm_editor_panel_move(cjm_editor *ed, int delta)
{
	cjm_editor_panel_sync(ed);
	if (!ed->suggestions || ed->suggestions->count == 0)
		return;
	if (delta < 0 && ed->suggestion > 0)
		ed->suggestion--;
	else if (delta > 0 && ed->suggestion + 1 < ed->suggestions->count)
		ed->suggestion++;
	panel_show_target(ed);
}

/* The suggestion pointed at, when it can be acted on; else NULL with the message set. */
static const cjm_suggestion *panel_current(cjm_editor *ed)
{
	cjm_editor_panel_sync(ed);
	if (!ed->suggestions || ed->suggestion >= ed->suggestions->count) {
		cjm_editor_say(ed, true, _("no suggestion to act on"));
		return NULL;
	}
	const cjm_suggestion *s = &ed->suggestions->items[ed->suggestion];
	cjm_panel_state state = ed->suggestion_items[ed->suggestion].state;
	if (state == CJM_PANEL_ACCEPTED) {
		cjm_editor_say(ed, false, _("already accepted: %s; nothing done (u undoes it)"), s->title);
		return NULL;
	}
	if (state == CJM_PANEL_DISMISSED) {
		cjm_editor_say(ed, false, _("already dismissed: %s; nothing done"), s->title);
		return NULL;
	}
	if (ed->read_only) {
		cjm_editor_say(ed, true, _("read-only: nothing can be changed"));
		return NULL;
	}
	return s;
}

int cjm_editor_panel_accept(cjm_editor *ed)
{
	const cjm_suggestion *s = panel_current(ed);
	if (!s)
		return -1;
	char *title = xstrdup(s->title);
	cjm_edit_group_begin(ed->edit);
	int rc = cjm_suggestion_accept(ed->edit, s);
	cjm_edit_group_end(ed->edit);
	if (rc < 0)
		cjm_editor_say(ed, true, "%s", cjm_edit_error(ed->edit));
	else
		cjm_editor_say(ed, false, _("accepted: %s (u undoes it)"), title);
	free(title);
	if (rc == 0)
		ed->suggestion_items[ed->suggestion].state = CJM_PANEL_ACCEPTED; /* kept listed */
	panel_refresh(ed);
	panel_show_target(ed);
	return rc;
}

int cjm_editor_panel_dismiss(cjm_editor *ed)
{
	const cjm_suggestion *s = panel_current(ed);
	if (!s)
		return -1;
	char *title = xstrdup(s->title);
	int rc = cjm_suggestion_dismiss(ed->edit, s);
	if (rc < 0)
		cjm_editor_say(ed, true, "%s", cjm_edit_error(ed->edit));
	else
		cjm_editor_say(ed, false, _("dismissed for everyone: %s (u undoes it)"), title);
	free(title);
	panel_refresh(ed);
	panel_show_target(ed);
	return rc;
}

/* a: this item, then the journey's cards, then the journey's every suggestion, then this item again. */
void cjm_editor_panel_scope(cjm_editor *ed)
{
	cjm_editor_panel_sync(ed);
	if (!ed->suggestions_all) {
		ed->suggestions_all = true;
		ed->suggestions_everything = false;
	} else if (!ed->suggestions_everything) {
		ed->suggestions_everything = true;
	} else {
		ed->suggestions_all = ed->suggestions_everything = false;
		panel_about_selection(ed);
	}
	ed->suggestion = 0;
	cjm_suggestions_free(ed->suggestions); /* a new list: nothing of the old one is kept */
	ed->suggestions = NULL;
	free(ed->suggestion_items);
	ed->suggestion_items = NULL;
	panel_refresh(ed);
	panel_show_target(ed);
}

void cjm_editor_close_panel(cjm_editor *ed)
{
	cjm_suggestions_free(ed->suggestions);
	ed->suggestions = NULL;
	free(ed->suggestion_items);
	ed->suggestion_items = NULL;
	free(ed->suggestions_about);
	ed->suggestions_about = NULL;
	ed->overlay = CJM_OVERLAY_NONE;
}

void cjm_editor_panel_free(cjm_editor *ed)
{
	cjm_editor_close_panel(ed);
	panel_clear_markers(ed);
	cjm_registry_free(ed->patterns);
}
