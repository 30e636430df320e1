/* The editor without a screen: selection, scrolling arithmetic, and the state every command shares. */
#include "editor/editor.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "editor/compare.h"
#include "editor/conflicts.h"
#include "editor/live.h"
#include "io/load.h"
#include "io/save.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

cjm_editor *cjm_editor_new(cjm_map *map, const char *path, bool read_only)
{
	cjm_file_stamp disk;
	cjm_file_stamp_none(&disk);
	if (path) {
		size_t len = 0;
		int err = 0;
		free(cjm_file_read_stamped(path, &len, &err, &disk));
	}
	return cjm_editor_new_read(map, path, read_only, &disk);
}

cjm_editor *cjm_editor_new_read(cjm_map *map, const char *path, bool read_only, const cjm_file_stamp *as_read)
{
	cjm_editor *ed = xcalloc(1, sizeof *ed);
	ed->disk = *as_read;
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
	cjm_editor_live_free(ed);
	cjm_editor_panel_free(ed);
	cjm_editor_compare_free(ed);
	cjm_editor_conflicts_free(ed);
	cjm_edit_free(ed->edit);
	free(ed->path);
	free(ed->message);
	free(ed->search);
	free(ed->question);
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

bool cjm_editor_unicode(void)
{
	const char *codeset = nl_langinfo(CODESET);
	return codeset && strcmp(codeset, "UTF-8") == 0;
}

const char *cjm_editor_emotion_words(bool has_emotion, int emotion, char buf[16])
{
	if (!has_emotion) {
		snprintf(buf, 16, "%s", _("not scored"));
		return buf;
	}
	bool unicode = cjm_editor_unicode();
	if (emotion < 0)
		snprintf(buf, 16, "%s%d", unicode ? "\u2212" : "-", -emotion);
	else
		snprintf(buf, 16, emotion > 0 ? "+%d" : "%d", emotion);
	return buf;
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

/* Before a save drops the comments of TARGET: keeps its text in a new backup
 * (TARGET.orig, or TARGET.orig.N when that exists). Returns the words for the status
 * line (malloc'd), or NULL when no backup could be kept (message set): then nothing
 * may be saved. */
static char *editor_keep_commented(cjm_editor *ed, const char *target)
{
	size_t len = 0;
	int err = 0;
	char *text = cjm_read_file(target, &len, &err);
	if (!text)
		return xasprintf(_("(%s could not be read for a backup: %s)"), target, strerror(err));
	char *backup = NULL;
	err = cjm_keep_backup(target, text, len, &backup);
	free(text);
	char *note = NULL;
	if (err == 0)
		note = xasprintf(_("its comments are kept in %s"), backup);
	else if (err == EEXIST)
		cjm_editor_say(ed, true, _("cannot keep the comments: %s.orig up to %s exist; move them away (nothing was saved)"),
			       target, backup);
	else
		cjm_editor_say(ed, true, _("cannot keep a backup %s (%s); nothing was saved"), backup, strerror(err));
	free(backup);
	return note;
}

/* The last part of PATH, for a question that must fit on the status line. */
static const char *editor_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}

/* Whether PATH (as given to :w) is the editor's own file. */
static bool editor_is_own(const cjm_editor *ed, const char *path)
{
	return !path || !*path || (ed->path && strcmp(path, ed->path) == 0);
}

/* The editor's file changed on disk: nothing is written, the one-key question is asked. */
static int editor_ask_disk_changed(cjm_editor *ed, cjm_disk_change change, int err)
{
	const char *name = editor_base_name(ed->path);
	free(ed->question);
	if (change == CJM_DISK_UNREADABLE)
		/* TRANSLATORS: the keys k, o and Esc stay */
		ed->question = xasprintf(_("%s cannot be read to check it (%s): k write mine anyway, "
					   "o write mine to another file, Esc cancel "),
					 name, strerror(err));
	else if (change == CJM_DISK_GONE)
		/* TRANSLATORS: the file name, what happened to it ("was deleted"); the keys k, o and Esc stay */
		ed->question = xasprintf(_("%s %s: k write mine anyway, o write mine to another file, Esc cancel "),
					 name, cjm_disk_change_words(change));
	else
		/* TRANSLATORS: the file name, what happened to it; the keys k, o, r and Esc stay */
		ed->question = xasprintf(_("%s %s: k keep mine (write it), o write mine to another file, "
					   "r reload theirs, Esc cancel "),
					 name, cjm_disk_change_words(change));
	ed->disk_change = change;
	ed->ask = CJM_ASK_DISK_CHANGED;
	cjm_editor_say(ed, true, _("not saved: %s %s"), ed->path, cjm_disk_change_words(change));
	return -1;
}

static int editor_save(cjm_editor *ed, const char *path, bool force)
{
	const char *target = path && *path ? path : ed->path;
	if (!target) {
		cjm_editor_say(ed, true, _("no file name: use :w FILE"));
		return -1;
	}
	bool own = editor_is_own(ed, path);
	if (ed->read_only && own) {
		cjm_editor_say(ed, true, _("opened read-only: use :w FILE to save a copy"));
		return -1;
	}
	/* checked as late as can be: only the text, the backup and the write itself come after */
	if (own && ed->path && !force) {
		int err = 0;
		cjm_disk_change change = cjm_file_stamp_check(target, &ed->disk, &err);
		if (change != CJM_DISK_SAME)
			return editor_ask_disk_changed(ed, change, err);
	}
	if (ed->comment_count && !ed->comments_warned && own) {
		ed->comments_warned = true;
		cjm_editor_say(ed, true,
			       _(":w again to save: %zu YAML comment(s) in %s are lost (the file as it is now is kept in %s.orig, or the next free %s.orig.N)"),
			       ed->comment_count, target, target, target);
		return -1;
	}
	char *note = NULL;
	if (ed->comment_count && own) {
		note = editor_keep_commented(ed, target);
		if (!note)
			return -1;
	}
	strbuf text = { 0 };
	cjm_save_to_buffer(cjm_editor_map(ed), &text);
	const char *stage = NULL;
	int err = cjm_write_file_atomic(target, text.data ? text.data : "", text.len, &stage);
	if (err) {
		char *why = cjm_save_failure(target, err, stage);
		cjm_editor_say(ed, true, _("cannot save %s (%s); your changes are still here"), target, why);
		free(why);
		free(note);
		strbuf_release(&text);
		return -1;
	}
	if (own || !ed->path) { /* a map without a file yet makes TARGET its file */
		cjm_edit_mark_saved(ed->edit);
		ed->comment_count = 0;
		if (!ed->path)
			ed->path = xstrdup(target);
		cjm_file_stamp_written(&ed->disk, target, text.data ? text.data : "", text.len);
	}
	strbuf_release(&text);
	if (note)
		cjm_editor_say(ed, false, _("saved %s; %s"), target, note);
	else
		cjm_editor_say(ed, false, _("saved %s"), target);
	free(note);
	return 0;
}

int cjm_editor_save(cjm_editor *ed, const char *path)
{
	return editor_save(ed, path, false);
}

int cjm_editor_save_anyway(cjm_editor *ed, const char *path)
{
	return editor_save(ed, path, true);
}

/* ---- the file changed on disk: the answers ---- */

/* o: writes mine to NAME, a file that does not exist yet; the editor's own file stays theirs. */
void cjm_editor_write_mine_to(cjm_editor *ed, const char *name)
{
	struct stat st;
	if (lstat(name, &st) == 0) {
		cjm_editor_say(ed, true, _("%s exists: not written (o again picks another name, :w! overwrites %s)"),
			       name, ed->path);
		return;
	}
	if (editor_save(ed, name, false) == 0)
		cjm_editor_say(ed, false, _("wrote mine to %s; %s is theirs, untouched; here the edits are still unsaved"),
			       name, ed->path);
}

void cjm_editor_answer_disk_changed(cjm_editor *ed, const char *what)
{
	if (ed->ask != CJM_ASK_DISK_CHANGED)
		return;
	bool can_reload = ed->disk_change == CJM_DISK_CHANGED || ed->disk_change == CJM_DISK_APPEARED;
	bool quit = ed->quit_when_saved;
	if (strcmp(what, "keep-mine") == 0) {
		ed->ask = CJM_ASK_NOTHING;
		ed->quit_when_saved = false;
		if (editor_save(ed, NULL, true) == 0 && quit)
			ed->quit = true;
	} else if (strcmp(what, "write-mine-to") == 0) {
		ed->ask = CJM_ASK_WRITE_MINE_TO;
		ed->quit_when_saved = false;
	} else if (strcmp(what, "reload-theirs") == 0 && can_reload) {
		ed->ask = CJM_ASK_NOTHING;
		ed->quit_when_saved = false;
		ed->reload_wanted = true;
	} else if (strcmp(what, "cancel") == 0) {
		ed->ask = CJM_ASK_NOTHING;
		ed->quit_when_saved = false;
		cjm_editor_say(ed, true, _("not saved: %s %s (:w! writes mine over it)"), ed->path,
			       cjm_disk_change_words(ed->disk_change));
	}
	if (ed->ask != CJM_ASK_DISK_CHANGED) {
		free(ed->question);
		ed->question = NULL;
	}
}

cjm_map *cjm_editor_read_disk(cjm_editor *ed, cjm_file_stamp *stamp, size_t *comments)
{
	size_t len = 0;
	int err = 0;
	*comments = 0;
	char *text = ed->path ? cjm_file_read_stamped(ed->path, &len, &err, stamp) : NULL;
	if (!text) {
		cjm_editor_say(ed, true, _("cannot reload %s: %s; nothing changed here"), ed->path ? ed->path : "",
			       strerror(err ? err : ENOENT));
		return NULL;
	}
	diag_list *diags = diag_list_new(ed->path);
	cjm_comments found = { 0 };
	cjm_map *map = cjm_load_buffer(text, len, diags, &found);
	free(text);
	if (!map) {
		const diag *first = diag_first_error(diags);
		cjm_editor_say(ed, true, _("cannot reload %s: %d:%d: %s; nothing changed here (k keeps mine)"), ed->path,
			       first ? first->line : 0, first ? first->col : 0,
			       first ? first->message : _("not a valid map"));
	}
	diag_list_free(diags);
	*comments = map ? found.count : 0;
	return map;
}

void cjm_editor_take_map(cjm_editor *ed, cjm_map *map)
{
	if (ed->overlay == CJM_OVERLAY_SUGGESTIONS)
		cjm_editor_close_panel(ed);
	cjm_edit_free(ed->edit);
	ed->edit = cjm_edit_new(map);
	ed->layout_valid = false;
	ed->suggested_generation = ULONG_MAX; /* the markers were for the map before */
	ed->saved_to_recovery = cjm_edit_generation(ed->edit);
	if (ed->phase >= map->phase_count)
		ed->phase = map->phase_count ? map->phase_count - 1 : 0;
	if (map->phase_count == 0 || ed->tp == CJM_PHASE_ITSELF ||
	    ed->tp >= map->phases[ed->phase]->touchpoint_count)
		ed->tp = map->phase_count && map->phases[ed->phase]->touchpoint_count ? 0 : CJM_PHASE_ITSELF;
}

void cjm_editor_replace_map(cjm_editor *ed, cjm_map *map, const cjm_file_stamp *stamp, size_t comments,
			    const char *kept)
{
	cjm_editor_conflicts_free(ed); /* theirs has no markers: it loaded */
	cjm_editor_take_map(ed, map);
	ed->disk = *stamp;
	ed->comment_count = comments;
	ed->comments_warned = false;
	if (kept)
		cjm_editor_say(ed, false, _("reloaded %s (theirs); your unsaved edits are kept in %s"), ed->path, kept);
	else
		cjm_editor_say(ed, false, _("reloaded %s (theirs)"), ed->path);
}
