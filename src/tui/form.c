/* The form that edits every field of the selected phase or touchpoint. */
#include "tui/form.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "edit/fieldtext.h"
#include "render/text.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define FORM_LABEL_WIDTH 18
#define FORM_CTRL(c) ((c) & 0x1f)

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

void form_open(tui_form *form, cjm_editor *ed)
{
	*form = (tui_form){ .ref = cjm_editor_selected_ref(ed) };
	const cjm_map *map = cjm_editor_map(ed);
	cjm_field fields[CJM_FIELD_COUNT];
	size_t n = cjm_fieldtext_fields(form->ref.kind, fields);
	for (size_t i = 0; i < n; i++) {
		char *text = cjm_fieldtext_format(map, form->ref, fields[i]);
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
	form->current = n > 1 ? 1 : 0; /* the name, not the id */
}

void form_close(tui_form *form)
{
	for (size_t i = 0; i < form->count; i++)
		cjm_line_release(&form->rows[i].line);
	free(form->rows);
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
	size_t bad = 0;
	const char *error = cjm_fieldtext_apply(ed->edit, form->ref, fields, texts, count, &bad);
	for (size_t i = 0; i < count; i++)
		free(texts[i]);
	if (!error)
		return true;
	cjm_editor_say(ed, true, "%s: %s", cjm_field_info_of(fields[bad])->label, error);
	for (size_t i = 0; i < form->count; i++) {
		if (form->rows[i].field == fields[bad]) {
			form->current = i;
			break;
		}
	}
	return false;
}

bool form_key(tui_form *form, cjm_editor *ed, int key, bool is_code)
{
	cjm_line *line = &form->rows[form->current].line;
	if (is_code) {
		switch (key) {
		case KEY_UP: case KEY_BTAB: if (form->current > 0) form->current--; return false;
		case KEY_DOWN: if (form->current + 1 < form->count) form->current++; return false;
		case KEY_LEFT: cjm_line_left(line); return false;
		case KEY_RIGHT: cjm_line_right(line); return false;
		case KEY_HOME: cjm_line_home(line); return false;
		case KEY_END: cjm_line_end(line); return false;
		case KEY_BACKSPACE: cjm_line_backspace(line); return false;
		case KEY_DC: cjm_line_delete(line); return false;
		case KEY_F(2): break; /* save, below */
		default: return false;
		}
	} else if (key == 27) {
		cjm_editor_say(ed, false, "form closed without changes");
		return true;
	} else if (key == '\t' || key == '\r' || key == '\n') {
		form_keep_empty_item(form);
		if (form->current + 1 < form->count)
			form->current++;
		return false;
	} else if (key == 127 || key == FORM_CTRL('H')) {
		cjm_line_backspace(line);
		return false;
	} else if (key == FORM_CTRL('U')) {
		cjm_line_kill_before(line);
		return false;
	} else if (key == FORM_CTRL('A')) {
		cjm_line_home(line);
		return false;
	} else if (key == FORM_CTRL('E')) {
		cjm_line_end(line);
		return false;
	} else if (key != FORM_CTRL('S') && key != FORM_CTRL('X')) {
		if (key >= 0x20)
			cjm_line_insert(line, (uint32_t)key);
		form_keep_empty_item(form);
		return false;
	}
	if (!form_apply(form, ed))
		return false;
	const char *cleaned = cjm_fieldtext_notice();
	cjm_editor_say(ed, false, "saved the form (u undoes it)%s%s", cleaned ? "; " : "", cleaned ? cleaned : "");
	return true;
}

void form_draw(tui_form *form, const cjm_editor *ed, int rows, int cols)
{
	(void)ed;
	erase();
	const char *what = form->ref.kind == CJM_REF_PHASE ? "phase" : "touchpoint";
	strbuf head = { 0 };
	strbuf_printf(&head, " Edit %s   Ctrl-S save   Esc cancel   Up/Down/Tab move", what);
	attron(A_REVERSE);
	strbuf buf = { 0 };
	cjm_text_pad(&buf, head.data, head.len, (size_t)cols);
	mvaddstr(0, 0, buf.data);
	attroff(A_REVERSE);
	strbuf_release(&head);
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
		strbuf_reset(&buf);
		cjm_text_pad(&buf, first ? cjm_field_info_of(row->field)->label : "", first ? strlen(cjm_field_info_of(row->field)->label) : 0,
			     FORM_LABEL_WIDTH);
		mvaddstr(y, 0, buf.data);
		strbuf_reset(&buf);
		int width = cols - FORM_LABEL_WIDTH - 2;
		const char *text = row->line.text ? row->line.text : "";
		if (row->is_item)
			mvaddstr(y, FORM_LABEL_WIDTH, "- ");
		cjm_text_pad(&buf, text, strlen(text), width > 0 ? (size_t)width : 0);
		if (i == form->current)
			attron(A_UNDERLINE | A_BOLD);
		mvaddstr(y, FORM_LABEL_WIDTH + 2, buf.data);
		if (i == form->current) {
			attroff(A_UNDERLINE | A_BOLD);
			cursor_y = y;
			cursor_x = FORM_LABEL_WIDTH + 2 + (int)cjm_text_width_n(text, row->line.cursor);
		}
	}
	strbuf_release(&buf);
	if (cursor_y >= 0) {
		move(cursor_y, cursor_x < cols ? cursor_x : cols - 1);
		curs_set(1);
	}
}
