/* The suggestions panel and the markers on the map, without a screen; a plugin that fails is said, never fatal. */
#include <stdlib.h>
#include <string.h>

#include "editor/editor.h"
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
		cjm_editor_say(ed, true, "%s (and %zu more: see cjm patterns); the other patterns still run", text,
			       more);
	else
		cjm_editor_say(ed, true, "%s; the other patterns still run", text);
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

/* Runs the patterns over the map; a plugin that fails in this run is said. */
static cjm_suggestions *panel_suggest(cjm_editor *ed)
{
	panel_load_patterns(ed);
	cjm_suggestions *all = cjm_suggest(cjm_editor_map(ed), ed->patterns, NULL, 0, false);
	panel_tell(ed, all->failures, all->failure_count);
	return all;
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

/* The target ids of every suggestion for the whole map, for the markers. */
static void panel_mark(cjm_editor *ed, const cjm_suggestions *all)
{
	panel_clear_markers(ed);
	ed->suggested = strset_new(all->count);
	ed->suggested_ids = xcalloc(all->count ? all->count : 1, sizeof *ed->suggested_ids);
	for (size_t i = 0; i < all->count; i++) {
		if (all->items[i].dismissed)
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
	cjm_suggestions *all = panel_suggest(ed);
	panel_mark(ed, all);
	cjm_suggestions_free(all);
}

bool cjm_editor_has_suggestion(cjm_editor *ed, const char *id)
{
	return ed->suggested && ed->suggested_generation == cjm_edit_generation(ed->edit) &&
	       strset_has(ed->suggested, id);
}

/* Keeps only the suggestions about the selected item (its touchpoint or phase). */
static void panel_keep_selected(cjm_editor *ed, cjm_suggestions *s)
{
	const cjm_map *map = cjm_editor_map(ed);
	if (map->phase_count == 0)
		return;
	const cjm_touchpoint *tp = cjm_editor_selected_touchpoint(ed);
	const char *id = tp ? tp->id : map->phases[ed->phase]->id;
	size_t kept = 0;
	for (size_t i = 0; i < s->count; i++) {
		cjm_suggestion *item = &s->items[i];
		if (strcmp(item->target, id) == 0) {
			s->items[kept++] = *item;
			continue;
		}
		cjm_suggestion_release(item);
	}
	s->count = kept;
}

/* Selects the target of the suggestion the panel points at, so the map shows it. */
static void panel_show_target(cjm_editor *ed)
{
	if (!ed->suggestions || ed->suggestion >= ed->suggestions->count)
		return;
	size_t p, t;
	if (!cjm_map_find(cjm_editor_map(ed), ed->suggestions->items[ed->suggestion].target, &p, &t))
		return; /* the journey as a whole */
	ed->phase = p;
	ed->tp = t == (size_t)-1 ? CJM_PHASE_ITSELF : t;
}

/* Works the list out again (after a change, or a new scope), keeping the pointer's place. */
static void panel_refresh(cjm_editor *ed)
{
	cjm_suggestions *all = panel_suggest(ed);
	panel_mark(ed, all);
	if (!ed->suggestions_all)
		panel_keep_selected(ed, all);
	cjm_suggestions_free(ed->suggestions);
	ed->suggestions = all;
	if (ed->suggestion >= all->count)
		ed->suggestion = all->count ? all->count - 1 : 0;
}

int cjm_editor_open_panel(cjm_editor *ed)
{
	ed->suggestions_all = !cjm_editor_selected_touchpoint(ed);
	ed->suggestion = 0;
	panel_refresh(ed);
	if (!ed->suggestions_all && ed->suggestions->count == 0) {
		ed->suggestions_all = true; /* nothing about this one: show the journey's */
		panel_refresh(ed);
	}
	ed->overlay = CJM_OVERLAY_SUGGESTIONS;
	if (ed->suggestions->count == 0)
		cjm_editor_say(ed, false, "no suggestions: the patterns find nothing to improve");
	else
		panel_show_target(ed);
	return 0;
}

void cjm_editor_panel_move(cjm_editor *ed, int delta)
{
	if (!ed->suggestions || ed->suggestions->count == 0)
		return;
	if (delta < 0 && ed->suggestion > 0)
		ed->suggestion--;
	else if (delta > 0 && ed->suggestion + 1 < ed->suggestions->count)
		ed->suggestion++;
	panel_show_target(ed);
}

static const cjm_suggestion *panel_current(cjm_editor *ed)
{
	if (!ed->suggestions || ed->suggestion >= ed->suggestions->count) {
		cjm_editor_say(ed, true, "no suggestion to act on");
		return NULL;
	}
	if (ed->read_only) {
		cjm_editor_say(ed, true, "read-only: nothing can be changed");
		return NULL;
	}
	return &ed->suggestions->items[ed->suggestion];
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
		cjm_editor_say(ed, false, "accepted: %s (u undoes it)", title);
	free(title);
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
		cjm_editor_say(ed, false, "dismissed for everyone: %s (u undoes it)", title);
	free(title);
	panel_refresh(ed);
	panel_show_target(ed);
	return rc;
}

void cjm_editor_panel_scope(cjm_editor *ed)
{
	ed->suggestions_all = !ed->suggestions_all;
	ed->suggestion = 0;
	panel_refresh(ed);
	panel_show_target(ed);
}

void cjm_editor_close_panel(cjm_editor *ed)
{
	cjm_suggestions_free(ed->suggestions);
	ed->suggestions = NULL;
	ed->overlay = CJM_OVERLAY_NONE;
}

void cjm_editor_panel_free(cjm_editor *ed)
{
	cjm_suggestions_free(ed->suggestions);
	panel_clear_markers(ed);
	cjm_registry_free(ed->patterns);
}
