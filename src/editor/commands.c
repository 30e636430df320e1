/* Every command the editor understands, and the table of keys bound to them. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "analysis/figures.h"
#include "editor/conflicts.h"
#include "editor/editor.h"
#include "editor/compare.h"
#include "editor/live.h"
#include "editor/marks.h"
#include "render/show.h"
#include "render/stats.h"
#include "util/i18n.h"
#include "util/utf8.h"
#include "util/value.h"
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
		cjm_editor_say(ed, true, _("read-only: nothing can be changed (:w FILE saves a copy)"));
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
		cjm_editor_say(ed, true, _("add a phase first (P)"));
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
	cjm_editor_say(ed, false, _("added '%s'"), args);
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
	cjm_editor_say(ed, false, _("added phase '%s'"), args);
	return 0;
}

/* Deletes the selected phase with its touchpoints, and says how many went. */
static int cmd_delete_phase_now(cjm_editor *ed)
{
	const cjm_phase *phase = cmd_map(ed)->phases[ed->phase];
	char *name = xstrdup(phase->name);
	size_t count = phase->touchpoint_count;
	int rc = cjm_edit_delete_phase(ed->edit, ed->phase);
	if (rc == 0 && count)
		cjm_editor_say(ed, false,
			       P_("deleted phase '%s' and its %zu touchpoint (u undoes)",
				  "deleted phase '%s' and its %zu touchpoints (u undoes)", count),
			       name, count);
	else if (rc == 0)
		cjm_editor_say(ed, false, _("deleted phase '%s' (u undoes)"), name);
	free(name);
	if (rc < 0)
		return cmd_edit_failed(ed);
	cmd_clamp_selection(ed);
	return 0;
}

/* A touchpoint goes at once (u brings it back); a phase with touchpoints asks first. */
static int cmd_delete(cjm_editor *ed, const char *args)
{
	(void)args;
	if (!cmd_writable(ed) || cmd_map(ed)->phase_count == 0)
		return -1;
	if (ed->tp == CJM_PHASE_ITSELF) {
		const cjm_phase *phase = cmd_map(ed)->phases[ed->phase];
		if (phase->touchpoint_count == 0)
			return cmd_delete_phase_now(ed);
		free(ed->question);
		/* TRANSLATORS: the answer keys y and n stay y and n in every language */
		ed->question = xasprintf(P_("delete phase '%s' and its %zu touchpoint? y/n ",
					    "delete phase '%s' and its %zu touchpoints? y/n ", phase->touchpoint_count),
					 phase->name, phase->touchpoint_count);
		ed->ask = CJM_ASK_DELETE_PHASE;
		return 0;
	}
	char *name = xstrdup(cmd_map(ed)->phases[ed->phase]->touchpoints[ed->tp]->name);
	int rc = cjm_edit_delete_touchpoint(ed->edit, ed->phase, ed->tp);
	if (rc == 0)
		cjm_editor_say(ed, false, _("deleted '%s' (u undoes)"), name);
	free(name);
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

/* Sets the selected touchpoint's emotion, and says old -> new. */
static int cmd_set_emotion(cjm_editor *ed, bool present, int emotion)
{
	if (!cmd_writable(ed))
		return -1;
	const cjm_touchpoint *tp = cjm_editor_selected_touchpoint(ed);
	if (!tp) {
		cjm_editor_say(ed, true, _("select a touchpoint to score its emotion"));
		return -1;
	}
	char was[16], now[16];
	cjm_editor_emotion_words(tp->has_emotion, tp->emotion, was);
	cjm_editor_emotion_words(present, emotion, now);
	if (tp->has_emotion == present && (!present || tp->emotion == emotion)) {
		cjm_editor_say(ed, false, _("emotion %s (unchanged)"), now);
		return 0;
	}
	cjm_ref ref = cjm_editor_selected_ref(ed);
	if (cjm_edit_set_emotion(ed->edit, ref, present, emotion) < 0)
		return cmd_edit_failed(ed);
	/* TRANSLATORS: the emotion before, an arrow, the emotion after: "emotion -1 (poor) -> +1 (fine)" */
	cjm_editor_say(ed, false, _("emotion %s %s %s"), was, cjm_editor_unicode() ? "\u2192" : "->", now);
	return 0;
}

/* One step up or down; remembers the emotion before it, so that a digit typed
 * right after makes a signed value instead (cjm_editor_key). */
static int cmd_emotion_step(cjm_editor *ed, int step)
{
	const cjm_touchpoint *tp = cjm_editor_selected_touchpoint(ed);
	if (!tp)
		return cmd_set_emotion(ed, true, 0); /* says what to select */
	ed->sign_had_emotion = tp->has_emotion;
	ed->sign_emotion = tp->emotion;
	ed->sign_generation = 0;
	int e = tp->has_emotion ? tp->emotion + step : step;
	if (e < CJM_EMOTION_MIN || e > CJM_EMOTION_MAX) {
		char now[16];
		cjm_editor_say(ed, false, step > 0 ? _("emotion %s: already the highest") : _("emotion %s: already the lowest"),
			       cjm_editor_emotion_words(true, tp->emotion, now));
		return cmd_writable(ed) ? 0 : -1;
	}
	int rc = cmd_set_emotion(ed, true, e);
	if (rc == 0)
		ed->sign_generation = cjm_edit_generation(ed->edit);
	return rc;
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

/* A digit right after + or -: the signed value, as one change from the emotion
 * before the sign (its step is taken back first, so one undo undoes both keys). */
static int cmd_signed_emotion(cjm_editor *ed, int sign, int digit)
{
	if (digit > CJM_EMOTION_MAX) {
		char why[VALUE_WHY_MAX];
		cjm_editor_say(ed, true, "%s", value_must_be_whole(why, "emotion", CJM_EMOTION_MIN, CJM_EMOTION_MAX));
		return -1;
	}
	if (ed->sign_generation && ed->sign_generation == cjm_edit_generation(ed->edit) &&
	    cjm_edit_undo(ed->edit) < 0)
		return cmd_edit_failed(ed);
	ed->sign_generation = 0;
	cjm_editor_clear_message(ed);
	return cmd_set_emotion(ed, true, sign * digit);
}

static int cmd_emotion(cjm_editor *ed, const char *args)
{
	if (!args || !*args || strcmp(args, "none") == 0)
		return cmd_set_emotion(ed, false, 0);
	long e = 0;
	char why[VALUE_WHY_MAX];
	if (value_read_whole(args, VALUE_TYPED, "emotion", CJM_EMOTION_MIN, CJM_EMOTION_MAX, &e, why)) {
		/* TRANSLATORS: %s says what an emotion must be; none is typed as it is */
		cjm_editor_say(ed, true, _("%s, or 'none'"), why);
		return -1;
	}
	return cmd_set_emotion(ed, true, (int)e);
}

static int cmd_rename(cjm_editor *ed, const char *args)
{
	if (!cmd_writable(ed))
		return -1;
	if (!args || !*args) {
		cjm_editor_say(ed, true, _("usage: :rename NAME"));
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
		cjm_editor_say(ed, false, _("nothing to undo"));
		return 0;
	}
	cmd_select_changed(ed);
	cjm_editor_say(ed, false, _("undone"));
	return 0;
}

static int cmd_redo(cjm_editor *ed, const char *args)
{
	(void)args;
	if (cjm_edit_redo(ed->edit) < 0) {
		cjm_editor_say(ed, false, _("nothing to redo"));
		return 0;
	}
	cmd_select_changed(ed);
	cjm_editor_say(ed, false, _("redone"));
	return 0;
}

static int cmd_form(cjm_editor *ed, const char *args)
{
	(void)args;
	if (!cmd_writable(ed))
		return -1;
	if (cmd_map(ed)->phase_count == 0) {
		cjm_editor_say(ed, true, _("nothing to edit yet: add a phase (P)"));
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
		cjm_editor_say(ed, false, _("title '%s' -> '%s' (u undoes)"), old, cmd_map(ed)->title);
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
		cjm_editor_say(ed, true, _("no search yet: / searches"));
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
			cjm_editor_say(ed, false, _("/%s"), ed->search);
			return 0;
		}
	}
	cjm_editor_say(ed, true, _("'%s' is not on the map"), ed->search);
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
	if (cjm_editor_live_joined(ed)) {
		cjm_editor_live_help(ed);
		return 0;
	}
	strbuf *out = &ed->overlay_text;
	strbuf_reset(out);
	cjm_marks_legend(out, cjm_editor_unicode());
	strbuf_printf(out, "\n%s\n\n", _("Keys on the map (- or + then a digit: that signed emotion, - 2 is -2)"));
	for (const cjm_key_binding *k = cjm_key_bindings; k->key; k++) {
		const char *name = k->command;
		size_t len = strcspn(name, " ");
		const cjm_editor_command *c = cjm_editor_commands;
		while (c->name && (strlen(c->name) != len || strncmp(c->name, name, len) != 0))
			c++;
		strbuf_printf(out, "  %-10s %s\n", k->key_name, c->name ? _(c->help) : name);
	}
	for (const cjm_key_table *t = cjm_key_tables; t->name; t++) {
		strbuf_printf(out, "\n%s\n\n", _(t->title));
		for (const cjm_mode_key *k = t->keys; k->key; k++)
			strbuf_printf(out, "  %-10s %s\n", k->key_name, _(k->help));
	}
	strbuf_printf(out, "\n%s\n\n", _("Commands (type : then the command)"));
	for (const cjm_editor_command *c = cjm_editor_commands; c->name; c++) {
		char usage[64];
		snprintf(usage, sizeof usage, ":%s%s%s", c->name, c->args ? " " : "", c->args ? c->args : "");
		strbuf_printf(out, "  %-22s %s\n", usage, _(c->help));
	}
	strbuf_printf(out, "\n%s\n", _("q or Escape closes this help. See cjm(1)."));
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

/* Projector mode on and off; it shows a touchpoint, so a phase header gives way to its first. */
static int cmd_present(cjm_editor *ed, const char *args)
{
	(void)args;
	ed->presenting = !ed->presenting;
	if (!ed->presenting)
		return 0;
	if (ed->overlay == CJM_OVERLAY_SUGGESTIONS)
		cjm_editor_close_panel(ed);
	ed->overlay = CJM_OVERLAY_NONE;
	cmd_down(ed, NULL);
	return 0;
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
		cjm_editor_say(ed, true, _("unsaved changes: :w saves, :q! quits without saving"));
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

/* Ctrl-C on the map: the terminal is in raw mode, so it is a key, and it does not quit. */
static int cmd_interrupt(cjm_editor *ed, const char *args)
{
	(void)args;
	cjm_editor_say(ed, false, _(":q quits (:q! without saving)"));
	return 0;
}

const cjm_editor_command cjm_editor_commands[] = {
	{ "left", NULL, N_("select the touchpoint (or phase) to the left"), cmd_left },
	{ "right", NULL, N_("select the touchpoint (or phase) to the right"), cmd_right },
	{ "up", NULL, N_("select the phase of the touchpoint"), cmd_up },
	{ "down", NULL, N_("select the first touchpoint of the phase"), cmd_down },
	{ "first", NULL, N_("select the first touchpoint of the journey"), cmd_first },
	{ "last", NULL, N_("select the last touchpoint of the journey"), cmd_last },
	{ "prev-phase", NULL, N_("jump to the previous phase"), cmd_prev_phase },
	{ "next-phase", NULL, N_("jump to the next phase"), cmd_next_phase },
	{ "scroll-up", NULL, N_("scroll the lanes up"), cmd_scroll_up },
	{ "scroll-down", NULL, N_("scroll the lanes down"), cmd_scroll_down },
	{ "add-touchpoint", "[NAME]", N_("add a touchpoint after the selection (asks its name)"), cmd_add_touchpoint },
	{ "add-phase", "[NAME]", N_("add a phase after the current one (asks its name)"), cmd_add_phase },
	{ "edit", NULL, N_("edit every field of the selected item in a form"), cmd_form },
	{ "edit-map", NULL, N_("edit the map's own fields: title, persona, brand values, thresholds"), cmd_map_form },
	{ "title", "[TEXT]", N_("set the map's title (without TEXT: the map's form)"), cmd_title },
	{ "details", NULL, N_("everything about the selected touchpoint, in full"), cmd_details },
	{ "rename", "NAME", N_("rename the selected item"), cmd_rename },
	{ "emotion-up", NULL, N_("emotion one step up (an unscored touchpoint gets +1)"), cmd_emotion_up },
	{ "emotion-down", NULL, N_("emotion one step down (an unscored touchpoint gets -1)"), cmd_emotion_down },
	{ "emotion", "N|none", N_("set the emotion (-3..+3) or clear it"), cmd_emotion },
	{ "delete", NULL, N_("delete the selected touchpoint or phase"), cmd_delete },
	{ "move-left", NULL, N_("move the selected touchpoint or phase left"), cmd_move_left },
	{ "move-right", NULL, N_("move the selected touchpoint or phase right"), cmd_move_right },
	{ "undo", NULL, N_("undo the last change"), cmd_undo },
	{ "redo", NULL, N_("redo what was undone"), cmd_redo },
	{ "search", "[TEXT]", N_("find a touchpoint by any of its words"), cmd_search },
	{ "search-next", NULL, N_("find the next match"), cmd_search_next },
	{ "suggest", NULL, N_("the suggestions panel: Enter accepts, x dismisses, a all/selected"), cmd_suggest },
	{ "conflicts", NULL, N_("the conflicts panel of a map opened with conflict markers: o ours, t theirs, b both"),
	  cjm_editor_open_conflicts },
	{ "present", NULL, N_("projector mode on or off: the selection large, arrows walk the journey"), cmd_present },
	{ "help", NULL, N_("show every key and command"), cmd_help },
	{ "stats", NULL, N_("show the figures of cjm stats"), cmd_stats },
	{ "show", NULL, N_("show the map as cjm show --plain does"), cmd_show },
	{ "compare", "[FILE]", N_("draw FILE's emotion curve beside the map's (matched by id); alone: stop"),
	  cjm_editor_compare_command },
	{ "vote", "[phase|stop]",
	  N_("live session: open a blind vote on the selected touchpoint; phase: on each of the phase's in turn; "
	     "stop: end it without a result"),
	  cjm_editor_live_vote },
	{ "reveal", NULL, N_("live session: close the vote and show its result on every screen"), cjm_editor_live_reveal },
	{ "take", "median|mean|-3..3", N_("live session: take the revealed vote's median, mean or a value as the emotion"),
	  cjm_editor_live_take },
	{ "inbox", NULL, N_("live session: the notes the room proposed: Enter accepts, x drops"), cjm_editor_live_inbox },
	{ "follow", NULL, N_("live session, a participant: follow the facilitator's selection again"), cjm_editor_live_follow },
	{ "answer", "-3..3|skip", N_("live session, a participant: answer the open vote"), cjm_editor_live_answer },
	{ "note", NULL, N_("live session, a participant: propose a pain, idea or quote on the selected touchpoint"),
	  cjm_editor_live_note },
	{ "close", NULL, N_("close help, stats, show or the details"), cmd_close },
	{ "w", "[FILE]", N_("save (to FILE: a copy); asks first when the file changed on disk"), cmd_write },
	{ "w!", "[FILE]", N_("save, even over a file that changed on disk since it was read"), cmd_write_anyway },
	{ "q", NULL, N_("quit (refused with unsaved changes)"), cmd_quit },
	{ "q!", NULL, N_("quit without saving"), cmd_quit_anyway },
	{ "wq", "[FILE]", N_("save and quit"), cmd_write_quit },
	{ "x", NULL, N_("save if changed, and quit"), cmd_write_quit },
	{ "command", "[LINE]", N_("type a command"), cmd_command_line },
	{ "redraw", NULL, N_("clear the message and redraw"), cmd_redraw },
	{ "interrupt", NULL, N_("say how to quit (Ctrl-C does not quit)"), cmd_interrupt },
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
	{ 'F', "F", "present" },
	{ 'V', "V", "vote" },
	{ 'R', "R", "reveal" },
	{ 'I', "I", "inbox" },
	{ '?', "?", "help" },
	{ ':', ":", "command" },
	{ CJM_KEY_CTRL_L, "Ctrl-L", "redraw" },
	{ CJM_KEY_CTRL_C, "Ctrl-C", "interrupt" },
	{ 0, NULL, NULL },
};

/* ---- the keys of the other modes ---- */

/* Projector mode: walking the journey and leaving; every other key does nothing there.
 * Each runs the editor command line it names (present_key). */
const cjm_mode_key cjm_present_keys[] = {
	{ 'h', "h", "left", N_("the previous touchpoint") },
	{ CJM_KEY_LEFT, "Left", "left", N_("the previous touchpoint") },
	{ CJM_KEY_PAGE_UP, "PageUp", "left", N_("the previous touchpoint") },
	{ 'l', "l", "right", N_("the next touchpoint, into the next phase at the end of one") },
	{ CJM_KEY_RIGHT, "Right", "right", N_("the next touchpoint, into the next phase at the end of one") },
	{ ' ', "Space", "right", N_("the next touchpoint, into the next phase at the end of one") },
	{ CJM_KEY_PAGE_DOWN, "PageDown", "right", N_("the next touchpoint, into the next phase at the end of one") },
	{ CJM_KEY_HOME, "Home", "first", N_("the first touchpoint of the journey") },
	{ CJM_KEY_END, "End", "last", N_("the last touchpoint of the journey") },
	{ '[', "[", "prev-phase", N_("the first touchpoint of the previous phase") },
	{ 'k', "k", "prev-phase", N_("the first touchpoint of the previous phase") },
	{ CJM_KEY_UP, "Up", "prev-phase", N_("the first touchpoint of the previous phase") },
	{ ']', "]", "next-phase", N_("the first touchpoint of the next phase") },
	{ 'j', "j", "next-phase", N_("the first touchpoint of the next phase") },
	{ CJM_KEY_DOWN, "Down", "next-phase", N_("the first touchpoint of the next phase") },
	{ 'F', "F", "present", N_("leave projector mode; the selection stays") },
	{ 'q', "q", "present", N_("leave projector mode; the selection stays") },
	{ CJM_KEY_ESCAPE, "Escape", "present", N_("leave projector mode; the selection stays") },
	{ '?', "?", "help", N_("show every key and command") },
	{ ':', ":", "command", N_("type a command") },
	{ CJM_KEY_CTRL_L, "Ctrl-L", "redraw", N_("redraw the screen") },
	{ 0, NULL, NULL, NULL },
};

/* The suggestions panel (cjm_editor_panel_key runs them). */
const cjm_mode_key cjm_panel_keys[] = {
	{ 'j', "j", "next", N_("point at the next suggestion") },
	{ CJM_KEY_DOWN, "Down", "next", N_("point at the next suggestion") },
	{ 'k', "k", "previous", N_("point at the previous suggestion") },
	{ CJM_KEY_UP, "Up", "previous", N_("point at the previous suggestion") },
	{ CJM_KEY_ENTER, "Enter", "accept", N_("accept it: its edit is one step that u undoes") },
	{ 'x', "x", "dismiss", N_("dismiss it, for everyone who reads the map") },
	{ 'a', "a", "scope", N_("switch: the selected item, the journey's cards, every suggestion of the journey") },
	{ 'u', "u", "undo", N_("undo the last change; the list follows") },
	{ CJM_KEY_CTRL_R, "Ctrl-R", "redo", N_("redo what was undone; the list follows") },
	{ ':', ":", "command", N_("close the panel and type a command") },
	{ 'q', "q", "close", N_("close the panel") },
	{ CJM_KEY_ESCAPE, "Escape", "close", N_("close the panel") },
	{ 's', "s", "close", N_("close the panel") },
	{ 0, NULL, NULL, NULL },
};

/* The prompt line: a name, a search or a command (the screen edits the line; other keys type). */
const cjm_mode_key cjm_prompt_keys[] = {
	{ CJM_KEY_ENTER, "Enter", "accept", N_("accept what was typed (an empty line does nothing)") },
	{ CJM_KEY_ESCAPE, "Escape", "cancel", N_("cancel") },
	{ CJM_KEY_CTRL_C, "Ctrl-C", "cancel", N_("cancel") },
	{ CJM_KEY_LEFT, "Left", "left", N_("the cursor a character left") },
	{ CJM_KEY_RIGHT, "Right", "right", N_("the cursor a character right") },
	{ CJM_KEY_HOME, "Home", "home", N_("the cursor to the start of the line") },
	{ CJM_KEY_END, "End", "end", N_("the cursor to the end of the line") },
	{ CJM_KEY_BACKSPACE, "Backspace", "backspace", N_("delete the character before the cursor") },
	{ CJM_KEY_DELETE, "Delete", "delete", N_("delete the character under the cursor") },
	{ CJM_KEY_CTRL_U, "Ctrl-U", "kill-before", N_("delete everything before the cursor") },
	{ 0, NULL, NULL, NULL },
};

/* "delete phase 'NAME' and its N touchpoints? y/n" */
const cjm_mode_key cjm_delete_phase_keys[] = {
	{ 'y', "y", "yes", N_("delete the phase and its touchpoints (u undoes)") },
	{ 'n', "n", "no", N_("keep them") },
	{ CJM_KEY_ESCAPE, "Escape", "no", N_("keep them") },
	{ CJM_KEY_CTRL_C, "Ctrl-C", "no", N_("keep them") },
	{ 0, NULL, NULL, NULL },
};

/* "FILE changed on disk since it was read: ..." (cjm_editor_answer_disk_changed runs them). */
const cjm_mode_key cjm_disk_changed_keys[] = {
	{ 'k', "k", "keep-mine", N_("keep mine: write it over the file anyway") },
	{ 'o', "o", "write-mine-to", N_("write mine to another file (asks its name)") },
	{ 'r', "r", "reload-theirs", N_("reload theirs; mine is kept in a numbered recovery file") },
	{ CJM_KEY_ESCAPE, "Escape", "cancel", N_("save nothing") },
	{ CJM_KEY_CTRL_C, "Ctrl-C", "cancel", N_("save nothing") },
	{ 0, NULL, NULL, NULL },
};

/* Help, stats and show (cjm_editor_text_key runs them). */
const cjm_mode_key cjm_text_keys[] = {
	{ 'j', "j", "line-down", N_("scroll a line down") },
	{ CJM_KEY_DOWN, "Down", "line-down", N_("scroll a line down") },
	{ 'k', "k", "line-up", N_("scroll a line up") },
	{ CJM_KEY_UP, "Up", "line-up", N_("scroll a line up") },
	{ CJM_KEY_PAGE_DOWN, "PageDown", "page-down", N_("scroll ten lines down") },
	{ CJM_KEY_PAGE_UP, "PageUp", "page-up", N_("scroll ten lines up") },
	{ ':', ":", "command", N_("close the text and type a command") },
	{ 'q', "q", "close", N_("close the text") },
	{ CJM_KEY_ESCAPE, "Escape", "close", N_("close the text") },
	{ '?', "?", "close", N_("close the text") },
	{ CJM_KEY_ENTER, "Enter", "close", N_("close the text") },
	{ 0, NULL, NULL, NULL },
};

/* The details view (cjm_editor_details_key runs them). */
const cjm_mode_key cjm_details_keys[] = {
	{ 'j', "j", "line-down", N_("scroll a line down") },
	{ CJM_KEY_DOWN, "Down", "line-down", N_("scroll a line down") },
	{ 'k', "k", "line-up", N_("scroll a line up") },
	{ CJM_KEY_UP, "Up", "line-up", N_("scroll a line up") },
	{ CJM_KEY_PAGE_DOWN, "PageDown", "page-down", N_("scroll ten lines down") },
	{ CJM_KEY_PAGE_UP, "PageUp", "page-up", N_("scroll ten lines up") },
	{ ':', ":", "command", N_("close the view and type a command") },
	{ 'i', "i", "close", N_("close the view") },
	{ 'q', "q", "close", N_("close the view") },
	{ CJM_KEY_ESCAPE, "Escape", "close", N_("close the view") },
	{ 0, NULL, NULL, NULL },
};

/* The form (the screen runs them; other characters type, replacing a selected value).
 * Escape followed at once by a letter is Alt and that letter: the field of that jump key. */
const cjm_mode_key cjm_form_keys[] = {
	{ CJM_KEY_DOWN, "Down", "next", N_("the next line") },
	{ CJM_KEY_ENTER, "Enter", "next", N_("the next line (after a list item: keeps an empty line for the next)") },
	{ CJM_KEY_TAB, "Tab", "complete", N_("complete the channel or owner, else the next line") },
	{ CJM_KEY_UP, "Up", "previous", N_("the previous line") },
	{ CJM_KEY_SHIFT_TAB, "Shift-Tab", "previous", N_("the previous line") },
	{ CJM_KEY_LEFT, "Left", "left", N_("the cursor a character left") },
	{ CJM_KEY_RIGHT, "Right", "right", N_("the cursor a character right") },
	{ CJM_KEY_HOME, "Home", "home", N_("the cursor to the start of the line") },
	{ CJM_KEY_CTRL_A, "Ctrl-A", "home", N_("the cursor to the start of the line") },
	{ CJM_KEY_END, "End", "end", N_("the cursor to the end of the line") },
	{ CJM_KEY_CTRL_E, "Ctrl-E", "end", N_("the cursor to the end of the line") },
	{ CJM_KEY_BACKSPACE, "Backspace", "backspace", N_("delete the character before the cursor") },
	{ CJM_KEY_DELETE, "Delete", "delete", N_("delete the character under the cursor, or the selected value") },
	{ CJM_KEY_CTRL_U, "Ctrl-U", "kill-before", N_("delete everything before the cursor") },
	{ CJM_KEY_CTRL_S, "Ctrl-S", "save", N_("save the form: one step that u undoes") },
	{ CJM_KEY_F2, "F2", "save", N_("save the form: one step that u undoes") },
	{ CJM_KEY_CTRL_X, "Ctrl-X", "save", N_("save the form: one step that u undoes") },
	{ CJM_KEY_ESCAPE, "Escape", "cancel", N_("close the form without changes (Escape and a letter: Alt+letter jumps)") },
	{ 0, NULL, NULL, NULL },
};

/* Asked before the editor opens, when a recovery file holds unsaved edits (cjm edit runs them). */
const cjm_mode_key cjm_recovery_keys[] = {
	{ 'r', "r", "restore", N_("restore them (the map shows them, not yet saved)") },
	{ 'd', "d", "discard", N_("discard them") },
	{ 'o', "o", "read-only", N_("open the saved file read-only and keep them for later") },
	{ 0, NULL, NULL, NULL },
};

/* Asked before the editor opens, when another cjm holds the map's lock (cjm edit runs them). */
const cjm_mode_key cjm_locked_keys[] = {
	{ 'r', "r", "read-only", N_("open it read-only") },
	{ 'e', "e", "edit-anyway", N_("edit it anyway") },
	{ 'q', "q", "quit", N_("quit") },
	{ 0, NULL, NULL, NULL },
};

const cjm_key_table cjm_key_tables[] = {
	{ "panel", N_("In the suggestions panel (s)"), N_("The suggestions panel"), cjm_panel_keys },
	{ "conflicts", N_("In the conflicts panel (a map opened with conflict markers, :conflicts)"),
	  N_("The conflicts panel"), cjm_conflict_keys },
	{ "prompt", N_("On the prompt line (a, P, /, :); other keys type"), N_("The prompt line"), cjm_prompt_keys },
	{ "delete-phase", N_("Asked before a phase with touchpoints is deleted (x)"), N_("Deleting a phase"),
	  cjm_delete_phase_keys },
	{ "disk-changed", N_("Asked when the file changed on disk (:w)"), N_("When the file changed on disk"),
	  cjm_disk_changed_keys },
	{ "text", N_("In help, stats and show (this text)"), N_("Help, stats and show"), cjm_text_keys },
	{ "details", N_("In the details view (i)"), N_("The details view"), cjm_details_keys },
	{ "present", N_("In projector mode (F); other keys do nothing there"), N_("Projector mode"), cjm_present_keys },
	{ "recovery", N_("Asked on opening a map whose recovery file holds unsaved edits"), N_("Recovery"),
	  cjm_recovery_keys },
	{ "locked", N_("Asked on opening a map that another cjm has open"), N_("Locking"), cjm_locked_keys },
	{ "form", N_("In the form (e, Enter, T); other keys type, Alt+letter jumps to a field"), N_("The field form"),
	  cjm_form_keys },
	{ "reveal", N_("In a live session's reveal panel (R)"), N_("The reveal panel"), cjm_reveal_keys },
	{ "inbox", N_("In a live session's inbox (I)"), N_("The inbox"), cjm_inbox_keys },
	{ "join", N_("On a participant's screen (cjm join)"), N_("A participant's screen"), cjm_join_keys },
	{ "note-kind", N_("Asked after n on a participant's screen"), N_("Proposing a note"), cjm_note_kind_keys },
	{ NULL, NULL, NULL, NULL },
};

const char *cjm_mode_key_command(const cjm_mode_key *keys, int key)
{
	for (const cjm_mode_key *k = keys; k->key; k++)
		if (k->key == key)
			return k->command;
	return NULL;
}

void cjm_editor_panel_key(cjm_editor *ed, int key)
{
	const char *what = cjm_mode_key_command(cjm_panel_keys, key);
	if (!what)
		return;
	if (strcmp(what, "next") == 0)
		cjm_editor_panel_move(ed, +1);
	else if (strcmp(what, "previous") == 0)
		cjm_editor_panel_move(ed, -1);
	else if (strcmp(what, "accept") == 0)
		cjm_editor_panel_accept(ed);
	else if (strcmp(what, "dismiss") == 0)
		cjm_editor_panel_dismiss(ed);
	else if (strcmp(what, "scope") == 0)
		cjm_editor_panel_scope(ed);
	else if (strcmp(what, "undo") == 0)
		cjm_editor_run(ed, "undo");
	else if (strcmp(what, "redo") == 0)
		cjm_editor_run(ed, "redo");
	else if (strcmp(what, "close") == 0)
		cjm_editor_close_panel(ed);
	else if (strcmp(what, "command") == 0) {
		cjm_editor_close_panel(ed);
		cjm_editor_run(ed, "command");
	}
}

/* Runs a command of the text's or the details view's keys: they scroll alike. */
static void cmd_scrolled_key(cjm_editor *ed, const char *what)
{
	if (!what)
		return;
	if (strcmp(what, "line-down") == 0)
		ed->overlay_scroll++;
	else if (strcmp(what, "page-down") == 0)
		ed->overlay_scroll += 10;
	else if (strcmp(what, "line-up") == 0 || strcmp(what, "page-up") == 0) {
		size_t by = what[0] == 'l' ? 1 : 10;
		ed->overlay_scroll = ed->overlay_scroll > by ? ed->overlay_scroll - by : 0;
	} else if (strcmp(what, "close") == 0) {
		ed->overlay = CJM_OVERLAY_NONE;
	} else if (strcmp(what, "command") == 0) {
		ed->overlay = CJM_OVERLAY_NONE;
		cjm_editor_run(ed, "command");
	}
}

void cjm_editor_text_key(cjm_editor *ed, int key)
{
	cmd_scrolled_key(ed, cjm_mode_key_command(cjm_text_keys, key));
}

void cjm_editor_details_key(cjm_editor *ed, int key)
{
	cmd_scrolled_key(ed, cjm_mode_key_command(cjm_details_keys, key));
}

/* The table that answers the pending one-key question, or NULL. */
static const cjm_mode_key *cmd_question_keys(const cjm_editor *ed)
{
	switch (ed->ask) {
	case CJM_ASK_DELETE_PHASE: return cjm_delete_phase_keys;
	case CJM_ASK_DISK_CHANGED: return cjm_disk_changed_keys;
	case CJM_ASK_NOTE_KIND: return cjm_note_kind_keys;
	default: return NULL;
	}
}

bool cjm_editor_question_is_key(const cjm_editor *ed)
{
	return cmd_question_keys(ed) != NULL;
}

void cjm_editor_answer_key(cjm_editor *ed, int key)
{
	const cjm_mode_key *keys = cmd_question_keys(ed);
	const char *what = keys ? cjm_mode_key_command(keys, key == '\r' ? CJM_KEY_ENTER : key) : NULL;
	if (!what)
		return; /* no answer: the question stays */
	if (ed->ask == CJM_ASK_DISK_CHANGED) {
		cjm_editor_answer_disk_changed(ed, what);
		return;
	}
	if (ed->ask == CJM_ASK_NOTE_KIND) {
		cjm_editor_live_note_kind(ed, what);
		return;
	}
	ed->ask = CJM_ASK_NOTHING;
	free(ed->question);
	ed->question = NULL;
	if (strcmp(what, "yes") == 0)
		cmd_delete_phase_now(ed);
	else
		cjm_editor_say(ed, false, _("nothing deleted"));
}

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
	if (!cjm_editor_live_may_run(ed, command_line, len))
		return -1;
	for (const cjm_editor_command *c = cjm_editor_commands; c->name; c++) {
		if (strlen(c->name) == len && strncmp(c->name, command_line, len) == 0) {
			int rc = c->run(ed, args);
			cmd_clamp_selection(ed);
			return rc;
		}
	}
	cjm_editor_say(ed, true, _("not a command: %.*s (? lists them)"), (int)len, command_line);
	return -1;
}

/* Monotonic milliseconds, for the sign prefix. */
static long long cmd_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int cjm_editor_key(cjm_editor *ed, int key)
{
	int sign = ed->sign;
	ed->sign = 0; /* any key ends the prefix */
	if (sign && key >= '0' && key <= '9' && cmd_now_ms() <= ed->sign_until)
		return cmd_signed_emotion(ed, sign, key - '0');
	for (const cjm_key_binding *k = cjm_key_bindings; k->key; k++) {
		if (k->key != key)
			continue;
		int rc = cjm_editor_run(ed, k->command);
		bool up = strcmp(k->command, "emotion-up") == 0, down = strcmp(k->command, "emotion-down") == 0;
		if (rc == 0 && (up || down)) {
			ed->sign = up ? +1 : -1;
			ed->sign_until = cmd_now_ms() + CJM_SIGN_PREFIX_MS;
		}
		return rc;
	}
	return 1;
}

const char *cjm_editor_question(const cjm_editor *ed)
{
	switch (ed->ask) {
	case CJM_ASK_TOUCHPOINT_NAME: return _("Touchpoint name: ");
	case CJM_ASK_PHASE_NAME: return _("Phase name: ");
	case CJM_ASK_SEARCH: return "/";
	case CJM_ASK_COMMAND: return ":";
	case CJM_ASK_DISK_CHANGED: return ed->question ? ed->question : _("Changed on disk: k, o, r or Esc ");
	case CJM_ASK_WRITE_MINE_TO: return _("Write mine to: ");
	case CJM_ASK_DELETE_PHASE: return ed->question ? ed->question : _("delete the phase? y/n ");
	case CJM_ASK_NOTE_KIND: return _("Propose a note: p pain, i idea, q quote, Esc nothing ");
	case CJM_ASK_NOTE_TEXT: return ed->question ? ed->question : _("Note: ");
	case CJM_ASK_NOTHING: break;
	}
	return NULL;
}

void cjm_editor_answer(cjm_editor *ed, const char *text)
{
	cjm_ask ask = ed->ask;
	if (cjm_editor_question_is_key(ed))
		return; /* one key: cjm_editor_answer_key */
	ed->ask = CJM_ASK_NOTHING;
	if ((!text || !*text) && ask == CJM_ASK_WRITE_MINE_TO)
		cjm_editor_say(ed, true, _("not saved: %s %s (:w! writes mine over it)"), ed->path,
			       cjm_disk_change_words(ed->disk_change));
	if (!text || !*text)
		return; /* cancelled, or nothing typed */
	/* a pasted line break or control character must not cost the words around it */
	utf8_cleaned cleaned = { 0 };
	char *line = utf8_clean(text, UTF8_CLEAN_TABS, &cleaned);
	cjm_editor_clear_message(ed);
	switch (ask) {
	case CJM_ASK_TOUCHPOINT_NAME: cmd_add_touchpoint(ed, line); break;
	case CJM_ASK_PHASE_NAME: cmd_add_phase(ed, line); break;
	case CJM_ASK_SEARCH: cmd_search(ed, line); break;
	case CJM_ASK_COMMAND: cjm_editor_run(ed, line); break;
	case CJM_ASK_WRITE_MINE_TO: cjm_editor_write_mine_to(ed, line); break;
	case CJM_ASK_NOTE_TEXT: cjm_editor_live_note_text(ed, line); break;
	case CJM_ASK_DISK_CHANGED: case CJM_ASK_DELETE_PHASE: case CJM_ASK_NOTE_KIND: case CJM_ASK_NOTHING: break;
	}
	free(line);
	if (cleaned.breaks + cleaned.tabs + cleaned.dropped && !ed->message_is_error)
		cjm_editor_say(ed, false, _("pasted text: %zu line break(s) and %zu tab(s) became spaces, %zu control character(s) left out"),
			       cleaned.breaks, cleaned.tabs, cleaned.dropped);
	cmd_clamp_selection(ed);
}
