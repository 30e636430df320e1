/* Drawing a live session's panels under the map: the reveal of a vote and the facilitator's inbox of notes. */
#include "tui/live.h"

#include <curses.h>
#include <string.h>

#include "editor/live.h"
#include "render/text.h"
#include "render/wrap.h"
#include "tui/screen.h"
#include "util/i18n.h"
#include "util/strbuf.h"

/* Writes S at (Y, X) in exactly WIDTH columns: padded, or cut with an ellipsis. */
static void live_put(int y, int x, const char *s, int width)
{
	if (width <= 0)
		return;
	strbuf cut = { 0 }, padded = { 0 };
	if (cjm_text_width(s) > (size_t)width)
		cjm_wrap_fit(&cut, s, (size_t)width, screen_has_unicode() ? NULL : "...");
	else
		strbuf_puts(&cut, s);
	cjm_text_pad(&padded, cut.data ? cut.data : "", cut.len, (size_t)width);
	mvaddstr(y, x, padded.data ? padded.data : "");
	strbuf_release(&cut);
	strbuf_release(&padded);
}

/* The panel's heading on a rule across the screen. */
static void live_heading(const char *text, int cols, int y)
{
	for (int x = 0; x < cols; x++)
		mvaddstr(y, x, screen_has_unicode() ? "\u2500" : "-");
	attron(A_BOLD);
	int width = (int)cjm_text_width(text);
	live_put(y, 0, text, width < cols ? width : cols);
	attroff(A_BOLD);
}

static void live_draw_reveal(cjm_editor *ed, int cols, int top, int bottom)
{
	strbuf text = { 0 };
	/* its lines are drawn from column 1: that is the width they have */
	if (!cjm_editor_live_reveal_text(ed, cols > 1 ? (size_t)cols - 1 : 1, &text)) {
		live_heading(_(" no vote revealed "), cols, top);
		strbuf_release(&text);
		return;
	}
	int y = top;
	bool first = true;
	for (char *line = text.data; line && *line && y < bottom;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (first) {
			strbuf heading = { 0 };
			strbuf_printf(&heading, " %s ", line);
			live_heading(heading.data, cols, y++);
			strbuf_release(&heading);
			first = false;
		} else {
			live_put(y++, 1, line, cols - 1);
		}
		line = nl ? nl + 1 : NULL;
	}
	strbuf_release(&text);
}

static void live_draw_inbox(cjm_editor *ed, int cols, int top, int bottom)
{
	const cjm_live_note *notes = NULL;
	size_t count = cjm_live_host_inbox(cjm_editor_live_host_of(ed), &notes);
	strbuf line = { 0 };
	strbuf_printf(&line, P_(" inbox: %zu note from the room ", " inbox: %zu notes from the room ", count), count);
	/* TRANSLATORS: the inbox's keys (Enter, x, q stay): short, each framed by spaces */
	const char *keys[] = { _(" Enter accept "), _(" x drop "), _(" q close "), _(" u undo ") };
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
		if (cjm_text_width(line.data) + cjm_text_width(keys[k]) + 2 <= (size_t)cols)
			strbuf_puts(&line, keys[k]);
	live_heading(line.data, cols, top);
	int rows = bottom - top - 1;
	size_t at = cjm_editor_live_inbox_at(ed);
	/* the selected note in full below the list, so it is read before it is accepted */
	strbuf full = { 0 };
	int full_rows = 0;
	if (at < count && rows > 4 && cols > 8) {
		cjm_wrap_spec spec = { .width = (size_t)cols - 4, .max_lines = (size_t)rows / 2 };
		full_rows = (int)cjm_wrap(&full, notes[at].text, &spec);
		rows -= full_rows + 1;
	}
	size_t first = rows > 0 && at >= (size_t)rows ? at - (size_t)rows + 1 : 0;
	for (int r = 0; r < rows; r++) {
		size_t i = first + (size_t)r;
		strbuf_reset(&line);
		if (i < count) {
			strbuf_puts(&line, i == at ? (screen_has_unicode() ? " \u25b6 " : " > ") : "   ");
			cjm_editor_live_inbox_line(ed, i, &line);
		} else if (i == 0) {
			strbuf_puts(&line, _("   nothing yet: participants propose notes with n"));
		}
		if (i == at && i < count)
			attron(A_REVERSE | A_BOLD);
		live_put(top + 1 + r, 0, line.data ? line.data : "", cols);
		attroff(A_REVERSE | A_BOLD);
	}
	int y = top + 1 + rows + 1;
	for (char *s = full.data, *end; full_rows > 0 && s && *s; s = end + 1, y++) {
		end = strchr(s, '\n');
		if (!end)
			break;
		*end = '\0';
		strbuf_reset(&line);
		strbuf_printf(&line, "    %s", s);
		live_put(y, 0, line.data, cols);
	}
	strbuf_release(&full);
	strbuf_release(&line);
}

void live_draw(cjm_editor *ed, int cols, int top, int bottom)
{
	if (cjm_editor_live_panel(ed) == CJM_LIVE_PANEL_INBOX)
		live_draw_inbox(ed, cols, top, bottom);
	else
		live_draw_reveal(ed, cols, top, bottom);
}
