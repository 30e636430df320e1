/* Every command the editor understands, and the table of keys bound to them. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis/figures.h"
#include "editor/editor.h"
#include "render/show.h"
#include "render/stats.h"
#include "util/xalloc.h"

static const cjm_map *cmd_map(const cjm_editor *ed)
{
	return cjm_editor_map(ed);
}

static size_t cmd_tp_count(const cjm_editor *ed, size_t phase)
{
	return cmd_map(ed)->phases[phase]->touchpoint_count;
}

/* Commands that change the map refuse in a read-only editor. */
static bool cmd_writable(cjm_editor *ed)
{
	if (ed->read_only)
		cjm_editor_say(ed, true, "read-only: nothing can be changed (:w FILE saves a copy)");
	return !ed->read_only;
}

static int cmd_edit_failed(cjm_editor *ed)
{
	cjm_editor_say(ed, true, "%s", cjm_edit_error(ed->edit));
	return -1;
}

/* Keeps the selection on an item that exists after a change or an undo. */
static void cmd_clamp_selection(cjm_editor *ed)
{
	const cjm_map *map = cmd_map(ed);
	if (map->phase_count == 0) {
		ed->phase = 0;
		ed->tp = CJM_PHASE_ITSELF;
		return;
	}
	if (ed->phase >= map->phase_count)
		ed->phase = map->phase_count - 1;
	size_t n = cmd_tp_count(ed, ed->phase);
	if (ed->tp != CJM_PHASE_ITSELF && ed->tp >= n)
		ed->tp = n ? n - 1 : CJM_PHASE_ITSELF;
}

/* ---- moving the selection ---- */

/* A phase header is selected (not the one column of an empty phase): left and
 * right then go from phase to phase. */
static bool cmd_on_phase_header(const cjm_editor *ed)
{
	return ed->tp == CJM_PHASE_ITSELF && cmd_map(ed)->phase_count && cmd_tp_count(ed, ed->phase);
}

static int cmd_left(cjm_editor *ed, const char *args)
{
	(void)args;
	if (cmd_on_phase_header(ed)) {
		if (ed->phase > 0)
			ed->phase--;
		return 0;
	}
	size_t col = cjm_editor_selected_column(ed);
	if (col > 0)
		cjm_editor_select_column(ed, col - 1);
	return 0;
}

static int cmd_right(cjm_editor *ed, const char *args)
{
	(void)args;
	if (cmd_on_phase_header(ed)) {
		if (ed->phase + 1 < cmd_map(ed)->phase_count)
			ed->phase++;
		return 0;
	}
	cjm_editor_select_column(ed, cjm_editor_selected_column(ed) + 1);
	return 0;
}

static int cmd_up(cjm_editor *ed, const char *args)
{
	(void)args;
	ed->tp = CJM_PHASE_ITSELF; /* from a touchpoint up to its phase */
	return 0;
}

static int cmd_down(cjm_editor *ed, const char *args)
{
	(void)args;
	if (ed->tp == CJM_PHASE_ITSELF && cmd_map(ed)->phase_count && cmd_tp_count(ed, ed->phase))
		ed->tp = 0;
	return 0;
}

static int cmd_first(cjm_editor *ed, const char *args)
{
	(void)args;
	cjm_editor_select_column(ed, 0);
	return 0;
}

static int cmd_last(cjm_editor *ed, const char *args)
{
	(void)args;
	size_t n = cjm_editor_column_count(ed);
	if (n)
		cjm_editor_select_column(ed, n - 1);
	return 0;
}

static int cmd_next_phase(cjm_editor *ed, const char *args)
{
	(void)args;
	if (ed->phase + 1 < cmd_map(ed)->phase_count)
		cjm_editor_select_column(ed, cjm_editor_phase_column(ed, ed->phase + 1));
	return 0;
}

static int cmd_prev_phase(cjm_editor *ed, const char *args)
{
	(void)args;
	if (ed->phase > 0)
		cjm_editor_select_column(ed, cjm_editor_phase_column(ed, ed->phase - 1));
	return 0;
}

static int cmd_scroll_down(cjm_editor *ed, const char *args)
{
	(void)args;
	ed->scroll_row += 5;
	return 0;
}

static int cmd_scroll_up(cjm_editor *ed, const char *args)
{
	(void)args;
	ed->scroll_row = ed->scroll_row > 5 ? ed->scroll_row - 5 : 0;
	return 0;
}

/* ---- adding, deleting, moving ---- */

static int cmd_add_touchpoint(cjm_editor *ed, const char *args)
{
	if (!cmd_writable(ed))
		return -1;
	if (cmd_map(ed)->phase_count == 0) {
		cjm_editor_say(ed, true, "add a phase first (P)");
		return -1;
	}
	if (!args || !*args) {
		ed->ask = CJM_ASK_TOUCHPOINT_NAME;
		return 0;
	}
	size_t at = ed->tp == CJM_PHASE_ITSELF ? cmd_tp_count(ed, ed->phase) : ed->tp + 1;
	if (cjm_edit_add_touchpoint(ed->edit, ed->phase, at, args, NULL) < 0)
		return cmd_edit_failed(ed);
	ed->tp = at;
	cjm_editor_say(ed, false, "added '%s'", args);
	return 0;
}

static int cmd_add_phase(cjm_editor *ed, const char *args)
{
	if (!cmd_writable(ed))
		return -1;
	if (!args || !*args) {
		ed->ask = CJM_ASK_PHASE_NAME;
		return 0;
	}
	size_t at = cmd_map(ed)->phase_count ? ed->phase + 1 : 0;
	if (cjm_edit_add_phase(ed->edit, at, args, NULL) < 0)
		return cmd_edit_failed(ed);
	ed->phase = at;
	ed->tp = CJM_PHASE_ITSELF;
	cjm_editor_say(ed, false, "added phase '%s'", args);
	return 0;
}

static int cmd_delete(cjm_editor *ed, const char *args)
{
	(void)args;
	if (!cmd_writable(ed) || cmd_map(ed)->phase_count == 0)
		return -1;
	int rc;
	if (ed->tp == CJM_PHASE_ITSELF) {
		char *name = xstrdup(cmd_map(ed)->phases[ed->phase]->name);
		rc = cjm_edit_delete_phase(ed->edit, ed->phase);
		if (rc == 0)
			cjm_editor_say(ed, false, "deleted phase '%s' (u undoes)", name);
		free(name);
	} else {
		char *name = xstrdup(cmd_map(ed)->phases[ed->phase]->touchpoints[ed->tp]->name);
		rc = cjm_edit_delete_touchpoint(ed->edit, ed->phase, ed->tp);
		if (rc == 0)
			cjm_editor_say(ed, false, "deleted '%s' (u undoes)", name);
		free(name);
	}
	if (rc < 0)
		return cmd_edit_failed(ed);
	cmd_clamp_selection(ed);
	return 0;
}

/* Moves the selected touchpoint one place (DIR -1 or +1), into the next phase at an edge. */
static int cmd_move_touchpoint(cjm_editor *ed, int dir)
{
	size_t p = ed->phase, t = ed->tp, n = cmd_tp_count(ed, p);
	size_t to_phase = p, to = t;
	if (dir < 0 && t > 0) {
		to = t - 1;
	} else if (dir > 0 && t + 1 < n) {
		to = t + 1;
	} else if (dir < 0 && p > 0) {
		to_phase = p - 1;
		to = cmd_tp_count(ed, p - 1);
	} else if (dir > 0 && p + 1 < cmd_map(ed)->phase_count) {
		to_phase = p + 1;
		to = 0;
	} else {
		return 0; /* already at the end of the journey */
	}
	if (cjm_edit_move_touchpoint(ed->edit, p, t, to_phase, to) < 0)
		return cmd_edit_failed(ed);
	ed->phase = to_phase;
	ed->tp = to;
	return 0;
}

static int cmd_move(cjm_editor *ed, int dir)
{
	if (!cmd_writable(ed) || cmd_map(ed)->phase_count == 0)
		return -1;
	if (ed->tp != CJM_PHASE_ITSELF)
		return cmd_move_touchpoint(ed, dir);
	size_t to = dir < 0 ? ed->phase - 1 : ed->phase + 1;
	if ((dir < 0 && ed->phase == 0) || to >= cmd_map(ed)->phase_count)
		return 0;
	if (cjm_edit_move_phase(ed->edit, ed->phase, to) < 0)
		return cmd_edit_failed(ed);
	ed->phase = to;
	return 0;
}

static int cmd_move_left(cjm_editor *ed, const char *args)
{
	(void)args;
	return cmd_move(ed, -1);
}

static int cmd_move_right(cjm_editor *ed, const char *args)
{
	(void)args;
	return cmd_move(ed, +1);
}

/* ---- emotion and names ---- */

static int cmd_set_emotion(cjm_editor *ed, bool present, int emotion)
{
	if (!cmd_writable(ed))
		return -1;
	if (!cjm_editor_selected_touchpoint(ed)) {
		cjm_editor_say(ed, true, "select a touchpoint to score its emotion");
		return -1;
	}
	cjm_ref ref = cjm_editor_selected_ref(ed);
	if (cjm_edit_set_emotion(ed->edit, ref, present, emotion) < 0)
		return cmd_edit_failed(ed);
	return 0;
}

static int cmd_emotion_step(cjm_editor *ed, int step)
{
	const cjm_touchpoint *tp = cjm_editor_selected_touchpoint(ed);
	if (!tp)
		return cmd_set_emotion(ed, true, 0); /* says what to select */
	int e = tp->has_emotion ? tp->emotion + step : step;
	if (e < CJM_EMOTION_MIN || e > CJM_EMOTION_MAX)
		return 0;
	return cmd_set_emotion(ed, true, e);
}

static int cmd_emotion_up(cjm_editor *ed, const char *args)
{
	(void)args;
	return cmd_emotion_step(ed, +1);
}

static int cmd_emotion_down(cjm_editor *ed, const char *args)
{
	(void)args;
	return cmd_emotion_step(ed, -1);
}

static int cmd_emotion(cjm_editor *ed, const char *args)
{
	if (!args || !*args || strcmp(args, "none") == 0)
		return cmd_set_emotion(ed, false, 0);
	char *end;
	long e = strtol(args, &end, 10);
	if (*end || e < CJM_EMOTION_MIN || e > CJM_EMOTION_MAX) {
		cjm_editor_say(ed, true, "emotion is a whole number from -3 to +3, or 'none'");
		return -1;
	}
	return cmd_set_emotion(ed, true, (int)e);
}

static int cmd_rename(cjm_editor *ed, const char *args)
{
	if (!cmd_writable(ed))
		return -1;
	if (!args || !*args) {
		cjm_editor_say(ed, true, "usage: :rename NAME");
		return -1;
	}
	if (cjm_edit_set_text(ed->edit, cjm_editor_selected_ref(ed), CJM_F_NAME, args) < 0)
		return cmd_edit_failed(ed);
	return 0;
}

/* After an undo or redo: selects what it changed, so the room sees it. */
static void cmd_select_changed(cjm_editor *ed)
{
	cjm_ref where;
	if (cjm_edit_changed_place(ed->edit, &where) && where.kind != CJM_REF_MAP) {
		ed->phase = where.phase;
		ed->tp = where.kind == CJM_REF_PHASE ? CJM_PHASE_ITSELF : where.tp;
	}
	cmd_clamp_selection(ed);
}

static int cmd_undo(cjm_editor *ed, const char *args)
{
	(void)args;
	if (cjm_edit_undo(ed->edit) < 0) {
		cjm_editor_say(ed, false, "nothing to undo");
		return 0;
	}
	cmd_select_changed(ed);
	cjm_editor_say(ed, false, "undone");
	return 0;
}

static int cmd_redo(cjm_editor *ed, const char *args)
{
	(void)args;
	if (cjm_edit_redo(ed->edit) < 0) {
		cjm_editor_say(ed, false, "nothing to redo");
		return 0;
	}
	cmd_select_changed(ed);
	cjm_editor_say(ed, false, "redone");
	return 0;
}

static int cmd_form(cjm_editor *ed, const char *args)
{
	(void)args;
	if (!cmd_writable(ed))
		return -1;
	if (cmd_map(ed)->phase_count == 0) {
		cjm_editor_say(ed, true, "nothing to edit yet: add a phase (P)");
		return -1;
	}
	ed->form_of_map = false;
	ed->overlay = CJM_OVERLAY_FORM;
	return 0;
}

static int cmd_map_form(cjm_editor *ed, const char *args)
{
	(void)args;
	if (!cmd_writable(ed))
		return -1;
	ed->form_of_map = true;
	ed->overlay = CJM_OVERLAY_FORM;
	return 0;
}

static int cmd_title(cjm_editor *ed, const char *args)
{
	if (!args || !*args)
		return cmd_map_form(ed, NULL);
	if (!cmd_writable(ed))
		return -1;
	char *old = xstrdup(cmd_map(ed)->title ? cmd_map(ed)->title : "");
	int rc = cjm_edit_set_text(ed->edit, (cjm_ref){ CJM_REF_MAP, 0, 0 }, CJM_F_TITLE, args);
	if (rc == 0)
		cjm_editor_say(ed, false, "title '%s' -> '%s' (u undoes)", old, cmd_map(ed)->title);
	free(old);
	return rc < 0 ? cmd_edit_failed(ed) : 0;
}

static int cmd_details(cjm_editor *ed, const char *args)
{
	(void)args;
	ed->overlay = CJM_OVERLAY_DETAILS;
	ed->overlay_scroll = 0;
	return 0;
}

/* ---- search ---- */

static bool cmd_contains(const char *text, const char *needle)
{
	if (!text)
		return false;
	size_t n = strlen(needle);
	for (const char *p = text; *p; p++)
		if (strncasecmp(p, needle, n) == 0)
			return true;
	return false;
}

static bool cmd_touchpoint_matches(const cjm_touchpoint *tp, const char *needle)
{
	if (cmd_contains(tp->name, needle) || cmd_contains(tp->id, needle) || cmd_contains(tp->channel, needle) ||
	    cmd_contains(tp->owner, needle) || cmd_contains(tp->notes, needle))
		return true;
	const cjm_strlist *lists[] = { &tp->pains, &tp->ideas, &tp->quotes };
	for (size_t l = 0; l < 3; l++)
		for (size_t i = 0; i < lists[l]->len; i++)
			if (cmd_contains(lists[l]->items[i], needle))
				return true;
	return false;
}

/* Selects the next column after the selection whose item mentions the search, wrapping. */
static int cmd_search_next(cjm_editor *ed, const char *args)
{
	(void)args;
	if (!ed->search || !*ed->search) {
		cjm_editor_say(ed, true, "no search yet: / searches");
		return -1;
	}
	size_t n = cjm_editor_column_count(ed), start = cjm_editor_selected_column(ed);
	for (size_t step = 1; step <= n; step++) {
		size_t col = (start + step) % n, p, t;
		cjm_editor_column_item(ed, col, &p, &t);
		const cjm_phase *phase = cmd_map(ed)->phases[p];
		bool hit = t == CJM_PHASE_ITSELF ? cmd_contains(phase->name, ed->search)
						 : cmd_touchpoint_matches(phase->touchpoints[t], ed->search) ||
							   (t == 0 && cmd_contains(phase->name, ed->search));
		if (hit) {
			cjm_editor_select_column(ed, col);
			cjm_editor_say(ed, false, "/%s", ed->search);
			return 0;
		}
	}
	cjm_editor_say(ed, true, "'%s' is not on the map", ed->search);
	return -1;
}

static int cmd_search(cjm_editor *ed, const char *args)
{
	if (!args || !*args) {
		ed->ask = CJM_ASK_SEARCH;
		return 0;
	}
	free(ed->search);
	ed->search = xstrdup(args);
	return cmd_search_next(ed, NULL);
}

/* ---- overlays: help, stats, show ---- */

static int cmd_help(cjm_editor *ed, const char *args)
{
	(void)args;
	strbuf *out = &ed->overlay_text;
	strbuf_reset(out);
	strbuf_puts(out, "Keys\n\n");
	for (const cjm_key_binding *k = cjm_key_bindings; k->key; k++) {
		const char *name = k->command;
		size_t len = strcspn(name, " ");
		const cjm_editor_command *c = cjm_editor_commands;
		while (c->name && (strlen(c->name) != len || strncmp(c->name, name, len) != 0))
			c++;
		strbuf_printf(out, "  %-10s %s\n", k->key_name, c->name ? c->help : name);
	}
	strbuf_puts(out, "\nCommands (type : then the command)\n\n");
	for (const cjm_editor_command *c = cjm_editor_commands; c->name; c++) {
		char usage[64];
		snprintf(usage, sizeof usage, ":%s%s%s", c->name, c->args ? " " : "", c->args ? c->args : "");
		strbuf_printf(out, "  %-22s %s\n", usage, c->help);
	}
	strbuf_puts(out, "\nq or Escape closes this help. See cjm(1).\n");
	ed->overlay = CJM_OVERLAY_TEXT;
	ed->overlay_scroll = 0;
	return 0;
}

static int cmd_stats(cjm_editor *ed, const char *args)
{
	(void)args;
	cjm_figures *figures = cjm_figures_new(cmd_map(ed));
	strbuf_reset(&ed->overlay_text);
	cjm_stats_render(&ed->overlay_text, cmd_map(ed), figures);
	cjm_figures_free(figures);
	ed->overlay = CJM_OVERLAY_TEXT;
	ed->overlay_scroll = 0;
	return 0;
}

static int cmd_show(cjm_editor *ed, const char *args)
{
	(void)args;
	strbuf_reset(&ed->overlay_text);
	cjm_show_plain(&ed->overlay_text, cmd_map(ed));
	ed->overlay = CJM_OVERLAY_TEXT;
	ed->overlay_scroll = 0;
	return 0;
}

static int cmd_close(cjm_editor *ed, const char *args)
{
	(void)args;
	if (ed->overlay == CJM_OVERLAY_SUGGESTIONS)
		cjm_editor_close_panel(ed);
	ed->overlay = CJM_OVERLAY_NONE;
	return 0;
}

static int cmd_suggest(cjm_editor *ed, const char *args)
{
	(void)args;
	return cjm_editor_open_panel(ed);
}

/* ---- files and quitting ---- */

static int cmd_write(cjm_editor *ed, const char *args)
{
	return cjm_editor_save(ed, args);
}

static int cmd_write_anyway(cjm_editor *ed, const char *args)
{
	return cjm_editor_save_anyway(ed, args);
}

static int cmd_quit(cjm_editor *ed, const char *args)
{
	(void)args;
	if (cjm_edit_dirty(ed->edit)) {
		cjm_editor_say(ed, true, "unsaved changes: :w saves, :q! quits without saving");
		return -1;
	}
	ed->quit = true;
	return 0;
}

static int cmd_quit_anyway(cjm_editor *ed, const char *args)
{
	(void)args;
	ed->quit = true;
	return 0;
}

static int cmd_write_quit(cjm_editor *ed, const char *args)
{
	if (cjm_edit_dirty(ed->edit) || (args && *args)) {
		if (cjm_editor_save(ed, args) < 0) {
			if (ed->ask == CJM_ASK_DISK_CHANGED)
				ed->quit_when_saved = true; /* k saves, then quits */
			return -1;
		}
	}
	ed->quit = true;
	return 0;
}

static int cmd_command_line(cjm_editor *ed, const char *args)
{
	if (args && *args)
		return cjm_editor_run(ed, args);
	ed->ask = CJM_ASK_COMMAND;
	return 0;
}

static int cmd_redraw(cjm_editor *ed, const char *args)
{
	(void)args;
	cjm_editor_clear_message(ed);
	return 0;
}

const cjm_editor_command cjm_editor_commands[] = {
	{ "left", NULL, "select the touchpoint (or phase) to the left", cmd_left },
	{ "right", NULL, "select the touchpoint (or phase) to the right", cmd_right },
	{ "up", NULL, "select the phase of the touchpoint", cmd_up },
	{ "down", NULL, "select the first touchpoint of the phase", cmd_down },
	{ "first", NULL, "select the first touchpoint of the journey", cmd_first },
	{ "last", NULL, "select the last touchpoint of the journey", cmd_last },
	{ "prev-phase", NULL, "jump to the previous phase", cmd_prev_phase },
	{ "next-phase", NULL, "jump to the next phase", cmd_next_phase },
	{ "scroll-up", NULL, "scroll the lanes up", cmd_scroll_up },
	{ "scroll-down", NULL, "scroll the lanes down", cmd_scroll_down },
	{ "add-touchpoint", "[NAME]", "add a touchpoint after the selection (asks its name)", cmd_add_touchpoint },
	{ "add-phase", "[NAME]", "add a phase after the current one (asks its name)", cmd_add_phase },
	{ "edit", NULL, "edit every field of the selected item in a form", cmd_form },
	{ "edit-map", NULL, "edit the map's own fields: title, persona, brand values, thresholds", cmd_map_form },
	{ "title", "[TEXT]", "set the map's title (without TEXT: the map's form)", cmd_title },
	{ "details", NULL, "everything about the selected touchpoint, in full", cmd_details },
	{ "rename", "NAME", "rename the selected item", cmd_rename },
	{ "emotion-up", NULL, "emotion one step up (an unscored touchpoint gets +1)", cmd_emotion_up },
	{ "emotion-down", NULL, "emotion one step down (an unscored touchpoint gets -1)", cmd_emotion_down },
	{ "emotion", "N|none", "set the emotion (-3..+3) or clear it", cmd_emotion },
	{ "delete", NULL, "delete the selected touchpoint or phase", cmd_delete },
	{ "move-left", NULL, "move the selected touchpoint or phase left", cmd_move_left },
	{ "move-right", NULL, "move the selected touchpoint or phase right", cmd_move_right },
	{ "undo", NULL, "undo the last change", cmd_undo },
	{ "redo", NULL, "redo what was undone", cmd_redo },
	{ "search", "[TEXT]", "find a touchpoint by any of its words", cmd_search },
	{ "search-next", NULL, "find the next match", cmd_search_next },
	{ "suggest", NULL, "the suggestions panel: Enter accepts, x dismisses, a all/selected", cmd_suggest },
	{ "help", NULL, "show every key and command", cmd_help },
	{ "stats", NULL, "show the figures of cjm stats", cmd_stats },
	{ "show", NULL, "show the map as cjm show --plain does", cmd_show },
	{ "close", NULL, "close help, stats, show or the details", cmd_close },
	{ "w", "[FILE]", "save (to FILE: a copy); asks first when the file changed on disk", cmd_write },
	{ "w!", "[FILE]", "save, even over a file that changed on disk since it was read", cmd_write_anyway },
	{ "q", NULL, "quit (refused with unsaved changes)", cmd_quit },
	{ "q!", NULL, "quit without saving", cmd_quit_anyway },
	{ "wq", "[FILE]", "save and quit", cmd_write_quit },
	{ "x", NULL, "save if changed, and quit", cmd_write_quit },
	{ "command", "[LINE]", "type a command", cmd_command_line },
	{ "redraw", NULL, "clear the message and redraw", cmd_redraw },
	{ NULL, NULL, NULL, NULL },
};

const cjm_key_binding cjm_key_bindings[] = {
	{ 'h', "h", "left" },
	{ CJM_KEY_LEFT, "Left", "left" },
	{ 'l', "l", "right" },
	{ CJM_KEY_RIGHT, "Right", "right" },
	{ 'k', "k", "up" },
	{ CJM_KEY_UP, "Up", "up" },
	{ 'j', "j", "down" },
	{ CJM_KEY_DOWN, "Down", "down" },
	{ CJM_KEY_HOME, "Home", "first" },
	{ CJM_KEY_END, "End", "last" },
	{ '[', "[", "prev-phase" },
	{ ']', "]", "next-phase" },
	{ CJM_KEY_PAGE_UP, "PageUp", "scroll-up" },
	{ CJM_KEY_PAGE_DOWN, "PageDown", "scroll-down" },
	{ 'a', "a", "add-touchpoint" },
	{ 'P', "P", "add-phase" },
	{ 'e', "e", "edit" },
	{ CJM_KEY_ENTER, "Enter", "edit" },
	{ 'T', "T", "edit-map" },
	{ 'i', "i", "details" },
	{ '+', "+", "emotion-up" },
	{ '=', "=", "emotion-up" },
	{ '-', "-", "emotion-down" },
	{ '0', "0", "emotion 0" },
	{ '1', "1", "emotion 1" },
	{ '2', "2", "emotion 2" },
	{ '3', "3", "emotion 3" },
	{ 'x', "x", "delete" },
	{ CJM_KEY_DELETE, "Delete", "delete" },
	{ 'H', "H", "move-left" },
	{ 'L', "L", "move-right" },
	{ 'u', "u", "undo" },
	{ CJM_KEY_CTRL_R, "Ctrl-R", "redo" },
	{ '/', "/", "search" },
	{ 'n', "n", "search-next" },
	{ 's', "s", "suggest" },
	{ '?', "?", "help" },
	{ ':', ":", "command" },
	{ CJM_KEY_CTRL_L, "Ctrl-L", "redraw" },
	{ 0, NULL, NULL },
};

/* ---- running commands ---- */

int cjm_editor_run(cjm_editor *ed, const char *command_line)
{
	while (isspace((unsigned char)*command_line))
		command_line++;
	size_t len = strcspn(command_line, " \t");
	const char *args = command_line + len;
	while (isspace((unsigned char)*args))
		args++;
	if (len == 0)
		return 0;
	for (const cjm_editor_command *c = cjm_editor_commands; c->name; c++) {
		if (strlen(c->name) == len && strncmp(c->name, command_line, len) == 0) {
			int rc = c->run(ed, args);
			cmd_clamp_selection(ed);
			return rc;
		}
	}
	cjm_editor_say(ed, true, "not a command: %.*s (? lists them)", (int)len, command_line);
	return -1;
}

int cjm_editor_key(cjm_editor *ed, int key)
{
	for (const cjm_key_binding *k = cjm_key_bindings; k->key; k++)
		if (k->key == key)
			return cjm_editor_run(ed, k->command);
	return 1;
}

const char *cjm_editor_question(const cjm_editor *ed)
{
	switch (ed->ask) {
	case CJM_ASK_TOUCHPOINT_NAME: return "Touchpoint name: ";
	case CJM_ASK_PHASE_NAME: return "Phase name: ";
	case CJM_ASK_SEARCH: return "/";
	case CJM_ASK_COMMAND: return ":";
	case CJM_ASK_DISK_CHANGED: return ed->question ? ed->question : "Changed on disk: k, o, r or Esc ";
	case CJM_ASK_WRITE_MINE_TO: return "Write mine to: ";
	case CJM_ASK_NOTHING: break;
	}
	return NULL;
}

bool cjm_editor_question_is_key(const cjm_editor *ed)
{
	return ed->ask == CJM_ASK_DISK_CHANGED;
}

void cjm_editor_answer(cjm_editor *ed, const char *text)
{
	cjm_ask ask = ed->ask;
	if (ask == CJM_ASK_DISK_CHANGED)
		return; /* one key: cjm_editor_answer_key */
	ed->ask = CJM_ASK_NOTHING;
	if ((!text || !*text) && ask == CJM_ASK_WRITE_MINE_TO)
		cjm_editor_say(ed, true, "not saved: %s %s (:w! writes mine over it)", ed->path,
			       cjm_disk_change_words(ed->disk_change));
	if (!text || !*text)
		return; /* cancelled, or nothing typed */
	switch (ask) {
	case CJM_ASK_TOUCHPOINT_NAME: cmd_add_touchpoint(ed, text); break;
	case CJM_ASK_PHASE_NAME: cmd_add_phase(ed, text); break;
	case CJM_ASK_SEARCH: cmd_search(ed, text); break;
	case CJM_ASK_COMMAND: cjm_editor_run(ed, text); break;
	case CJM_ASK_WRITE_MINE_TO: cjm_editor_write_mine_to(ed, text); break;
	case CJM_ASK_DISK_CHANGED: case CJM_ASK_NOTHING: break;
	}
	cmd_clamp_selection(ed);
}
