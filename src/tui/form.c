/* The form that edits every field of the map itself, or of the selected phase or touchpoint. */
#include "tui/form.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/variants.h"
#include "edit/fieldtext.h"
#include "render/text.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define FORM_KEY_COLUMNS 4 /* " n  " before the label: the jump key */
#define FORM_ALT_WAIT_MS 60 /* how long after Escape a letter still makes it Alt+letter */

/* The jump keys are Alt+letter (a terminal sends Escape, then the letter): the field
 * table gives each field one, a letter of its label, so the label shows it underlined. */
char form_jump_key(cjm_field field)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	return info ? info->jump : 0;
}

/* Which of the form's lists of values in use completes FIELD: the table's completing
 * touchpoint fields in order, as many as the form has room for; -1 for none. */
static int form_completion_slot(const tui_form *form, cjm_field field)
{
	size_t n;
	const cjm_field *fields = cjm_fields_of(CJM_REF_TOUCHPOINT, &n);
	int slot = 0;
	for (size_t i = 0; i < n && slot < (int)(sizeof form->used / sizeof *form->used); i++) {
		if (!(cjm_field_info_of(fields[i])->flags & CJM_FIELD_COMPLETES))
			continue;
		if (fields[i] == field)
			return slot;
		slot++;
	}
	return -1;
}

/* True for the fields whose text Tab completes from the values the map uses. */
static bool form_completes(const tui_form *form, cjm_field field)
{
	return form->ref.kind == CJM_REF_TOUCHPOINT && form_completion_slot(form, field) >= 0;
}

static form_row *form_insert_row(tui_form *form, size_t at, cjm_field field, bool is_item, const char *text)
{
	xgrow((void **)&form->rows, &form->cap, form->count + 1, sizeof *form->rows);
	memmove(form->rows + at + 1, form->rows + at, (form->count - at) * sizeof *form->rows);
	form->count++;
	form_row *row = &form->rows[at];
	*row = (form_row){ .field = field, .is_item = is_item };
	cjm_line_set(&row->line, text);
	return row;
}

/* Ends a Tab completion: the text stays as it is now. */
static void form_end_completion(tui_form *form)
{
	free(form->matches);
	form->matches = NULL;
	form->match_count = form->match_index = 0;
	free(form->typed);
	form->typed = NULL;
}

/* Makes row AT the current one: its text selected (when it has any), the cursor at its end. */
static void form_go(tui_form *form, size_t at)
{
	form_end_completion(form);
	form->current = at;
	cjm_line *line = &form->rows[at].line;
	cjm_line_end(line);
	form->selected = line->len > 0;
}

/* A number field's TEXT with its decimal point swapped: FROM becomes TO ("7.5" shows as
 * "7,5" under a Dutch locale, and what is typed there goes back as "7.5"). */
static void form_swap_decimal(char *text, char from, char to)
{
	for (char *c = text; c && *c; c++)
		if (*c == from)
			*c = to;
}

/* The interface's decimal separator when it is one character other than '.', else 0. */
static char form_decimal(void)
{
	const char *point = i18n_decimal_point();
	return point && point[0] && !point[1] && point[0] != '.' ? point[0] : 0;
}

void form_open(tui_form *form, cjm_editor *ed)
{
	const cjm_map *map = cjm_editor_map(ed);
	*form = (tui_form){ .ref = ed->form_of_map ? (cjm_ref){ CJM_REF_MAP, 0, 0 } : cjm_editor_selected_ref(ed),
			    .map = map };
	cjm_field fields[CJM_FIELD_COUNT];
	size_t all = cjm_fieldtext_fields(form->ref.kind, fields), n = 0;
	for (size_t i = 0; i < all; i++) /* the fields cjm writes itself stay out of the form */
		if (!(cjm_field_info_of(fields[i])->flags & CJM_FIELD_NO_FORM))
			fields[n++] = fields[i];
	for (size_t i = 0; i < n; i++) {
		int slot = form_completion_slot(form, fields[i]);
		if (form->ref.kind == CJM_REF_TOUCHPOINT && slot >= 0)
			form->used_count[slot] = cjm_values_used(map, fields[i], &form->used[slot]);
	}
	for (size_t i = 0; i < n; i++) {
		char *text = cjm_fieldtext_format(map, form->ref, fields[i]);
		if (cjm_field_info_of(fields[i])->kind == CJM_KIND_NUMBER && form_decimal())
			form_swap_decimal(text, '.', form_decimal());
		if (cjm_field_info_of(fields[i])->kind == CJM_KIND_LIST) {
			for (char *item = text; item && *item;) {
				char *nl = strchr(item, '\n');
				if (nl)
					*nl = '\0';
				form_insert_row(form, form->count, fields[i], true, item);
				item = nl ? nl + 1 : NULL;
			}
			form_insert_row(form, form->count, fields[i], true, ""); /* typing here adds an item */
		} else {
			form_insert_row(form, form->count, fields[i], false, text);
		}
		free(text);
	}
	/* the name, not the id; the title of the map */
	form_go(form, form->ref.kind != CJM_REF_MAP && n > 1 ? 1 : 0);
}

void form_close(tui_form *form)
{
	for (size_t i = 0; i < form->count; i++)
		cjm_line_release(&form->rows[i].line);
	free(form->rows);
	free(form->problem);
	for (size_t i = 0; i < sizeof form->used / sizeof *form->used; i++)
		free(form->used[i]);
	form_end_completion(form);
	*form = (tui_form){ 0 };
}

/* Keeps one empty line at the end of every list, so there is always room for a new item. */
static void form_keep_empty_item(tui_form *form)
{
	form_row *row = &form->rows[form->current];
	if (!row->is_item || row->line.len == 0)
		return;
	size_t next = form->current + 1;
	if (next >= form->count || form->rows[next].field != row->field)
		form_insert_row(form, next, row->field, true, "");
}

static void form_set_problem(tui_form *form, const char *problem)
{
	free(form->problem);
	form->problem = problem ? xstrdup(problem) : NULL;
}

/* Applies the form through the edit layer as one undo step; false (message set) on a bad value. */
static bool form_apply(tui_form *form, cjm_editor *ed)
{
	cjm_field fields[CJM_FIELD_COUNT] = { 0 };
	char *texts[CJM_FIELD_COUNT] = { 0 };
	size_t count = 0;
	for (size_t i = 0; i < form->count; i++) {
		const form_row *row = &form->rows[i];
		if (count == 0 || fields[count - 1] != row->field) {
			fields[count] = row->field;
			texts[count++] = xstrdup("");
		}
		if (row->is_item && row->line.len == 0)
			continue;
		char *joined = xasprintf("%s%s%s", texts[count - 1], *texts[count - 1] ? "\n" : "",
					 row->line.text ? row->line.text : "");
		free(texts[count - 1]);
		texts[count - 1] = joined;
	}
	for (size_t i = 0; i < count; i++)
		if (cjm_field_info_of(fields[i])->kind == CJM_KIND_NUMBER && form_decimal())
			form_swap_decimal(texts[i], form_decimal(), '.');
	size_t bad = 0;
	const char *error = cjm_fieldtext_apply(ed->edit, form->ref, fields, texts, count, &bad);
	for (size_t i = 0; i < count; i++)
		free(texts[i]);
	if (!error)
		return true;
	const char *label = bad < count ? _(cjm_field_info_of(fields[bad])->label) : _("form");
	cjm_editor_say(ed, true, "%s: %s", label, error);
	char *said = xasprintf("%s: %s", label, error);
	form_set_problem(form, said);
	free(said);
	for (size_t i = 0; bad < count && i < form->count; i++) {
		if (form->rows[i].field == fields[bad]) {
			form_go(form, i);
			break;
		}
	}
	return false;
}

/* The values the map uses for the current row's field, or NULL for a field that does not complete. */
static const char **form_used(const tui_form *form, size_t *count)
{
	cjm_field field = form->rows[form->current].field;
	int which = form_completes(form, field) ? form_completion_slot(form, field) : -1;
	*count = which < 0 ? 0 : form->used_count[which];
	return which < 0 ? NULL : form->used[which];
}

static void form_set_text(tui_form *form, const char *text)
{
	cjm_line_set(&form->rows[form->current].line, text);
	form->selected = false;
}

/* Tab in channel or owner: completes typed text that begins one or more values the
 * map uses (and is none of them), then each further Tab shows the next of them and
 * at last the typed text again. True when it did so; false: Tab moves on. */
static bool form_complete(tui_form *form)
{
	if (form->matches) {
		form->match_index = (form->match_index + 1) % (form->match_count + 1);
		form_set_text(form, form->match_index < form->match_count ? form->matches[form->match_index]
									  : form->typed);
		return true;
	}
	if (!form_completes(form, form->rows[form->current].field))
		return false;
	const cjm_line *line = &form->rows[form->current].line;
	if (!line->text || line->len == 0)
		return false;
	const char **matches = NULL;
	size_t n = cjm_values_complete(form->map, form->rows[form->current].field, line->text, &matches);
	if (n == 0) {
		free(matches);
		return false;
	}
	form->typed = xstrdup(line->text);
	form->matches = matches;
	form->match_count = n;
	form->match_index = 0;
	form_set_text(form, matches[0]);
	return true;
}

/* The row that begins the field with jump key C, or (size_t)-1. */
static size_t form_jump_row(const tui_form *form, int c)
{
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	for (size_t i = 0; i < form->count; i++)
		if (form_jump_key(form->rows[i].field) == c)
			return i;
	return (size_t)-1;
}

/* Escape: alone it cancels the form; followed at once by a letter (Alt+letter, as
 * terminals send it) it jumps to that letter's field. True when the form is done. */
static bool form_escape(tui_form *form, cjm_editor *ed)
{
	int delay = wgetdelay(stdscr);
	timeout(FORM_ALT_WAIT_MS);
	wint_t ch;
	int got = get_wch(&ch);
	timeout(delay);
	if (got == OK && ch < 128 && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) {
		size_t row = form_jump_row(form, (int)ch);
		if (row == (size_t)-1)
			cjm_editor_say(ed, true, _("no field has Alt+%c here"), (char)ch);
		else
			form_go(form, row);
		return false;
	}
	if (got == KEY_CODE_YES)
		ungetch((int)ch); /* the key after a lone Escape is the map's */
	else if (got == OK)
		unget_wch(ch);
	cjm_editor_say(ed, false, _("form closed without changes"));
	return true;
}

/* Moves to row AT, keeping an empty line after a list item that was typed into. */
static void form_move(tui_form *form, size_t at)
{
	form_keep_empty_item(form);
	if (at < form->count)
		form_go(form, at);
}

/* A key that edits the current line (WHAT: its command in the form's key table, or
 * NULL for a character CODE): with the text selected, typing replaces it, Delete
 * clears it, and moving or Backspace first drops the selection. */
static void form_edit_key(tui_form *form, const char *what, int code)
{
	cjm_line *line = &form->rows[form->current].line;
	bool was_selected = form->selected;
	form->selected = false;
	if (what && strcmp(what, "delete") == 0 && was_selected) {
		cjm_line_set(line, "");
	} else if (what && cjm_line_command(line, what)) {
		/* moved or deleted */
	} else if (!what && CJM_KEY_TYPES(code)) {
		if (was_selected)
			cjm_line_set(line, "");
		cjm_line_insert(line, (uint32_t)code);
		form_keep_empty_item(form);
	} else {
		form->selected = was_selected;
	}
}

bool form_key(tui_form *form, cjm_editor *ed, int code)
{
	const char *what = cjm_mode_key_command(cjm_form_keys, code);
	bool complete = what && strcmp(what, "complete") == 0;
	if (!complete)
		form_end_completion(form);
	if (what && strcmp(what, "cancel") == 0)
		return form_escape(form, ed);
	if (what && strcmp(what, "previous") == 0) {
		if (form->current > 0)
			form_move(form, form->current - 1);
		return false;
	}
	if (complete && form_complete(form))
		return false;
	if (complete || (what && strcmp(what, "next") == 0)) {
		form_move(form, form->current + 1);
		return false;
	}
	if (!what || strcmp(what, "save") != 0) {
		form_edit_key(form, what, code);
		return false;
	}
	if (!form_apply(form, ed))
		return false;
	const char *cleaned = cjm_fieldtext_notice();
	/* TRANSLATORS: %s%s is empty, or "; " and a notice of what the saving cleaned up */
	cjm_editor_say(ed, false, _("saved the form (u undoes it)%s%s"), cleaned ? "; " : "", cleaned ? cleaned : "");
	return true;
}

/* ---- drawing ---- */

/* The widest label of the form, for the label column. */
static size_t form_label_width(const tui_form *form)
{
	size_t width = 8;
	for (size_t i = 0; i < form->count; i++) {
		size_t w = cjm_text_width(_(cjm_field_info_of(form->rows[i].field)->label));
		if (w > width)
			width = w;
	}
	return width + 2;
}

/* The label of FIELD at (Y, X), its jump key underlined. */
static void form_draw_label(int y, int x, cjm_field field, size_t width)
{
	const char *label = _(cjm_field_info_of(field)->label);
	char key = form_jump_key(field);
	attron(A_BOLD);
	mvaddch(y, 1, key ? (chtype)key : ' ');
	attroff(A_BOLD);
	const char *at = key ? strchr(label, key) : NULL;
	size_t len = cjm_text_width(label);
	mvaddnstr(y, x, label, at ? (int)(at - label) : (int)strlen(label));
	if (at) {
		attron(A_UNDERLINE | A_BOLD);
		addch((chtype)*at);
		attroff(A_UNDERLINE | A_BOLD);
		addstr(at + 1);
	}
	for (size_t i = len; i < width; i++)
		addch(' ');
}

/* The line under the fields: what is wrong, the completions, or the values in use. */
static void form_draw_hint(const tui_form *form, int y, int cols)
{
	strbuf hint = { 0 };
	attr_t a = 0;
	size_t used_count = 0;
	const char **used = form_used(form, &used_count);
	if (form->problem) {
		strbuf_printf(&hint, " ! %s", form->problem);
		a = A_BOLD | A_REVERSE;
	} else if (form->matches) {
		strbuf_printf(&hint, _(" Tab: %zu of %zu:"), form->match_index < form->match_count ? form->match_index + 1 : 0,
			      form->match_count);
		for (size_t i = 0; i < form->match_count; i++)
			strbuf_printf(&hint, i == form->match_index ? "  [%s]" : "  %s", form->matches[i]);
		strbuf_printf(&hint, form->match_index == form->match_count ? "  [%s]" : "  %s", form->typed);
	} else if (used && used_count) {
		strbuf_puts(&hint, _(" in use (type a beginning, Tab completes):"));
		for (size_t i = 0; i < used_count && hint.len < (size_t)cols; i++)
			strbuf_printf(&hint, "%s %s", i ? "," : "", used[i]);
	}
	strbuf line = { 0 };
	cjm_text_pad(&line, hint.data ? hint.data : "", hint.len, cols > 0 ? (size_t)cols : 0);
	attron(a);
	mvaddstr(y, 0, line.data ? line.data : "");
	attroff(a);
	strbuf_release(&line);
	strbuf_release(&hint);
}

void form_draw(tui_form *form, const cjm_editor *ed, int rows, int cols)
{
	(void)ed;
	erase();
	/* TRANSLATORS: the form's heading; the keys (Ctrl-S, Esc, Tab, Up, Down, Alt) stay */
	const char *head_text = form->ref.kind == CJM_REF_MAP
					? _(" Edit the map   Ctrl-S save  Esc cancel  Tab/Up/Down move  Alt+letter jump")
				: form->ref.kind == CJM_REF_PHASE
					? _(" Edit phase   Ctrl-S save  Esc cancel  Tab/Up/Down move  Alt+letter jump")
					: _(" Edit touchpoint   Ctrl-S save  Esc cancel  Tab/Up/Down move  Alt+letter jump");
	strbuf head = { 0 };
	strbuf_puts(&head, head_text);
	attron(A_REVERSE);
	strbuf buf = { 0 };
	cjm_text_pad(&buf, head.data, head.len, (size_t)cols);
	mvaddstr(0, 0, buf.data);
	attroff(A_REVERSE);
	strbuf_release(&head);
	size_t label_width = form_label_width(form);
	int text_x = FORM_KEY_COLUMNS + (int)label_width;
	int height = rows - 3;
	if (height < 1)
		height = 1;
	if (form->current < form->top)
		form->top = form->current;
	if (form->current >= form->top + (size_t)height)
		form->top = form->current - (size_t)height + 1;
	int cursor_y = -1, cursor_x = 0;
	for (size_t i = form->top; i < form->count && (int)(i - form->top) < height; i++) {
		const form_row *row = &form->rows[i];
		int y = 1 + (int)(i - form->top);
		bool first = i == 0 || form->rows[i - 1].field != row->field;
		if (first)
			form_draw_label(y, FORM_KEY_COLUMNS, row->field, label_width);
		int width = cols - text_x - 2;
		const char *text = row->line.text ? row->line.text : "";
		if (row->is_item)
			mvaddstr(y, text_x - 2, "- ");
		strbuf_reset(&buf);
		bool current = i == form->current;
		size_t shown = cjm_text_put(&buf, text, strlen(text), width > 0 ? (size_t)width : 0);
		if (current)
			attron(form->selected ? A_REVERSE : (A_UNDERLINE | A_BOLD));
		mvaddstr(y, text_x, buf.data ? buf.data : "");
		if (current && !form->selected) {
			for (size_t k = shown; (int)k < width; k++)
				addch(' ');
		}
		if (current) {
			attroff(A_REVERSE | A_UNDERLINE | A_BOLD);
			cursor_y = y;
			cursor_x = text_x + (int)cjm_text_width_n(text, row->line.cursor);
		}
	}
	strbuf_release(&buf);
	form_draw_hint(form, rows - 2, cols);
	if (cursor_y >= 0) {
		move(cursor_y, cursor_x < cols ? cursor_x : cols - 1);
		curs_set(1);
	}
}
