/* The editor without a screen: selection, scrolling arithmetic, and the state every command shares. */
#include "editor/editor.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/load.h"
#include "io/save.h"
#include "util/xalloc.h"

cjm_editor *cjm_editor_new(cjm_map *map, const char *path, bool read_only)
{
	cjm_editor *ed = xcalloc(1, sizeof *ed);
	ed->edit = cjm_edit_new(map);
	ed->path = xstrdup(path);
	ed->read_only = read_only;
	ed->tp = map->phase_count && map->phases[0]->touchpoint_count ? 0 : CJM_PHASE_ITSELF;
	ed->saved_to_recovery = cjm_edit_generation(ed->edit);
	return ed;
}

void cjm_editor_free(cjm_editor *ed)
{
	if (!ed)
		return;
	cjm_editor_panel_free(ed);
	cjm_edit_free(ed->edit);
	free(ed->path);
	free(ed->message);
	free(ed->search);
	free(ed->phase_first_col);
	strbuf_release(&ed->overlay_text);
	free(ed);
}

const cjm_map *cjm_editor_map(const cjm_editor *ed)
{
	return cjm_edit_map(ed->edit);
}

void cjm_editor_say(cjm_editor *ed, bool is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	free(ed->message);
	ed->message = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(ed->message, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	ed->message_is_error = is_error;
}

void cjm_editor_clear_message(cjm_editor *ed)
{
	free(ed->message);
	ed->message = NULL;
	ed->message_is_error = false;
}

/* ---- layout: columns ---- */

/* Rebuilds the first column of every phase when phases or touchpoints came, went or moved. */
static void editor_layout(cjm_editor *ed)
{
	unsigned long generation = cjm_edit_shape_generation(ed->edit);
	if (ed->layout_valid && ed->layout_generation == generation)
		return;
	const cjm_map *map = cjm_editor_map(ed);
	ed->phase_first_col = xrealloc(ed->phase_first_col, (map->phase_count + 1) * sizeof *ed->phase_first_col);
	size_t col = 0;
	for (size_t p = 0; p < map->phase_count; p++) {
		ed->phase_first_col[p] = col;
		size_t n = map->phases[p]->touchpoint_count;
		col += n ? n : 1;
	}
	ed->phase_first_col[map->phase_count] = col;
	ed->column_count = col;
	ed->layout_generation = generation;
	ed->layout_valid = true;
}

size_t cjm_editor_column_count(cjm_editor *ed)
{
	editor_layout(ed);
	return ed->column_count;
}

size_t cjm_editor_phase_column(cjm_editor *ed, size_t phase)
{
	editor_layout(ed);
	size_t count = cjm_editor_map(ed)->phase_count;
	return ed->phase_first_col[phase < count ? phase : count];
}

size_t cjm_editor_selected_column(cjm_editor *ed)
{
	if (cjm_editor_map(ed)->phase_count == 0)
		return 0;
	return cjm_editor_phase_column(ed, ed->phase) + (ed->tp == CJM_PHASE_ITSELF ? 0 : ed->tp);
}

void cjm_editor_column_item(cjm_editor *ed, size_t column, size_t *phase, size_t *tp)
{
	editor_layout(ed);
	const cjm_map *map = cjm_editor_map(ed);
	size_t lo = 0, hi = map->phase_count; /* the last phase whose first column <= COLUMN */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (ed->phase_first_col[mid] <= column)
			lo = mid;
		else
			hi = mid;
	}
	*phase = lo;
	*tp = lo < map->phase_count && map->phases[lo]->touchpoint_count
		      ? column - ed->phase_first_col[lo]
		      : CJM_PHASE_ITSELF;
}

void cjm_editor_scroll_to_selection(cjm_editor *ed, size_t visible)
{
	size_t col = cjm_editor_selected_column(ed);
	if (visible == 0)
		visible = 1;
	if (col < ed->scroll_col)
		ed->scroll_col = col;
	else if (col >= ed->scroll_col + visible)
		ed->scroll_col = col - visible + 1;
}

bool cjm_editor_select_column(cjm_editor *ed, size_t column)
{
	if (column >= cjm_editor_column_count(ed))
		return false;
	cjm_editor_column_item(ed, column, &ed->phase, &ed->tp);
	return true;
}

const cjm_touchpoint *cjm_editor_selected_touchpoint(const cjm_editor *ed)
{
	const cjm_map *map = cjm_editor_map(ed);
	if (ed->phase >= map->phase_count || ed->tp == CJM_PHASE_ITSELF ||
	    ed->tp >= map->phases[ed->phase]->touchpoint_count)
		return NULL;
	return map->phases[ed->phase]->touchpoints[ed->tp];
}

cjm_ref cjm_editor_selected_ref(const cjm_editor *ed)
{
	const cjm_map *map = cjm_editor_map(ed);
	if (ed->phase >= map->phase_count)
		return (cjm_ref){ CJM_REF_MAP, 0, 0 };
	if (!cjm_editor_selected_touchpoint(ed))
		return (cjm_ref){ CJM_REF_PHASE, ed->phase, 0 };
	return (cjm_ref){ CJM_REF_TOUCHPOINT, ed->phase, ed->tp };
}

/* ---- saving ---- */

/* Before a save drops the comments of TARGET: keeps its text in TARGET.orig. Returns
 * the words for the status line (malloc'd), or NULL when the backup failed (message set). */
static char *editor_keep_commented(cjm_editor *ed, const char *target)
{
	size_t len = 0;
	int err = 0;
	char *text = cjm_read_file(target, &len, &err);
	if (!text)
		return xasprintf("(%s could not be read for a backup: %s)", target, strerror(err));
	char *backup = NULL;
	err = cjm_keep_backup(target, text, len, &backup);
	free(text);
	char *note = NULL;
	if (err == 0)
		note = xasprintf("its comments are kept in %s", backup);
	else if (err == EEXIST)
		note = xasprintf("an earlier %s keeps the comments", backup);
	else
		cjm_editor_say(ed, true, "cannot keep a backup %s (%s); nothing was saved", backup, strerror(err));
	free(backup);
	return note;
}

int cjm_editor_save(cjm_editor *ed, const char *path)
{
	const char *target = path && *path ? path : ed->path;
	if (!target) {
		cjm_editor_say(ed, true, "no file name: use :w FILE");
		return -1;
	}
	if (ed->read_only && (!path || !*path)) {
		cjm_editor_say(ed, true, "opened read-only: use :w FILE to save a copy");
		return -1;
	}
	if (ed->comment_count && !ed->comments_warned && (!path || !*path || strcmp(path, ed->path) == 0)) {
		ed->comments_warned = true;
		cjm_editor_say(ed, true,
			       ":w again to save: %zu YAML comment(s) in %s are lost (a copy is kept in %s.orig)",
			       ed->comment_count, target, target);
		return -1;
	}
	char *note = NULL;
	if (ed->comment_count && (!path || !*path || strcmp(path, ed->path) == 0)) {
		note = editor_keep_commented(ed, target);
		if (!note)
			return -1;
	}
	const char *stage = NULL;
	int err = cjm_save_file(cjm_editor_map(ed), target, &stage);
	if (err) {
		char *why = cjm_save_failure(target, err, stage);
		cjm_editor_say(ed, true, "cannot save %s (%s); your changes are still here", target, why);
		free(why);
		free(note);
		return -1;
	}
	if (!path || !*path || strcmp(target, ed->path ? ed->path : "") == 0) {
		cjm_edit_mark_saved(ed->edit);
		ed->comment_count = 0;
	}
	if (!ed->path) {
		ed->path = xstrdup(target);
		cjm_edit_mark_saved(ed->edit);
	}
	if (note)
		cjm_editor_say(ed, false, "saved %s; %s", target, note);
	else
		cjm_editor_say(ed, false, "saved %s", target);
	free(note);
	return 0;
}
