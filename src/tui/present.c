/* Projector mode: the selected touchpoint's name in a banner, its emotion in block digits, the curve as tall as the screen allows. */
#include "tui/present.h"

#include <curses.h>
#include <string.h>

#include "render/text.h"
#include "tui/screen.h"
#include "util/i18n.h"
#include "util/strbuf.h"

#define PRESENT_GLYPH_ROWS 5
#define PRESENT_GLYPH_COLS 5 /* each cell is drawn two columns wide */
#define PRESENT_LABEL 5      /* the curve's "+3" labels on the left */

/* Block digits for the emotion: '#' is a cell. */
static const char *const present_glyphs[][PRESENT_GLYPH_ROWS] = {
	{ " ### ", "#   #", "#   #", "#   #", " ### " }, /* 0 */
	{ "  #  ", " ##  ", "  #  ", "  #  ", " ### " }, /* 1 */
	{ " ### ", "#   #", "  ## ", " #   ", "#####" }, /* 2 */
	{ "#### ", "    #", " ### ", "    #", "#### " }, /* 3 */
	{ "     ", "  #  ", "#####", "  #  ", "     " }, /* + */
	{ "     ", "     ", "#####", "     ", "     " }, /* - */
	{ " ### ", "#   #", "  ## ", "     ", "  #  " }, /* ? */
};
enum { PRESENT_PLUS = 4, PRESENT_MINUS = 5, PRESENT_UNSCORED = 6 };

/* Writes S at (Y, X), cut or padded to WIDTH columns. */
static void present_put(int y, int x, const char *s, int width)
{
	if (width <= 0)
		return;
	strbuf buf = { 0 };
	cjm_text_pad(&buf, s, strlen(s), (size_t)width);
	mvaddstr(y, x, buf.data ? buf.data : "");
	strbuf_release(&buf);
}

/* S centred in a row of WIDTH columns starting at X. */
static void present_centre(int y, int x, const char *s, int width)
{
	int w = (int)cjm_text_width(s);
	int left = w < width ? (width - w) / 2 : 0;
	present_put(y, x, "", left);
	present_put(y, x + left, s, width - left);
}

/* The emotion (or a question mark when unscored) in block digits, centred at row TOP. */
static void present_big_emotion(const cjm_touchpoint *t, int top, int cols)
{
	int glyphs[2], n = 0;
	if (!t->has_emotion) {
		glyphs[n++] = PRESENT_UNSCORED;
	} else {
		if (t->emotion != 0)
			glyphs[n++] = t->emotion < 0 ? PRESENT_MINUS : PRESENT_PLUS;
		glyphs[n++] = t->emotion < 0 ? -t->emotion : t->emotion;
	}
	int width = n * PRESENT_GLYPH_COLS * 2 + (n - 1) * 2;
	int x0 = (cols - width) / 2;
	const char *cell = screen_has_unicode() ? "██" : "##";
	int pair = t->has_emotion ? screen_emotion_pair(t->emotion) : 0;
	attr_t a = A_BOLD | (pair ? COLOR_PAIR(pair) : 0);
	attron(a);
	for (int r = 0; r < PRESENT_GLYPH_ROWS; r++)
		for (int g = 0; g < n; g++)
			for (int c = 0; c < PRESENT_GLYPH_COLS; c++)
				if (present_glyphs[glyphs[g]][r][c] == '#')
					mvaddstr(top + r, x0 + g * (PRESENT_GLYPH_COLS * 2 + 2) + c * 2, cell);
	attroff(a);
	if (!t->has_emotion)
		present_centre(top + PRESENT_GLYPH_ROWS, 0, _("not scored yet"), cols);
}

/* The name (and the marks a room should know), wrapped, in a reverse-video banner
 * from row TOP, at most MAX lines; returns the rows taken. */
static int present_banner(const cjm_map *map, const cjm_editor *ed, const cjm_touchpoint *t, int top, int cols,
			  int max, int spare)
{
	strbuf text = { 0 }, lines = { 0 };
	if (t) {
		strbuf_puts(&text, t->name);
		if (t->moment_of_truth == CJM_TRUE)
			strbuf_puts(&text, _(" - moment of truth"));
		if (t->brand_moment == CJM_TRUE)
			strbuf_puts(&text, _(" - brand moment"));
		if (t->commitment == CJM_TRUE)
			strbuf_puts(&text, _(" - commitment"));
	} else {
		strbuf_printf(&text, _("%s: no touchpoints yet"), map->phases[ed->phase]->name);
	}
	cjm_text_wrap(&lines, text.data, (size_t)(cols > 6 ? cols - 4 : 2));
	int y = top, count = 0;
	for (const char *l = lines.data; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL)
		count++;
	if (count > max)
		count = max;
	bool margins = spare - count >= 2; /* a band, not a line, when the rows allow */
	attron(A_REVERSE | A_BOLD);
	if (margins)
		present_put(y++, 0, "", cols);
	for (char *l = lines.data; l && *l && y < top + (margins ? 1 : 0) + count;) {
		char *nl = strchr(l, '\n');
		if (nl)
			*nl = '\0';
		present_centre(y++, 0, l, cols);
		l = nl ? nl + 1 : NULL;
	}
	if (margins)
		present_put(y++, 0, "", cols);
	attroff(A_REVERSE | A_BOLD);
	strbuf_release(&text);
	strbuf_release(&lines);
	return y - top;
}

/* The curve over rows TOP..BOTTOM-1 (a row per step or more), the selected column
 * centred among as many as fit, phase names on the row above and a line where
 * each phase begins. */
static void present_curve(cjm_editor *ed, int top, int bottom, int cols)
{
	const cjm_map *map = cjm_editor_map(ed);
	int step = (bottom - top - 1) / (CJM_EMOTION_MAX - CJM_EMOTION_MIN);
	if (step < 1)
		return;
	bool uni = screen_has_unicode();
	size_t total = cjm_editor_column_count(ed), sel = cjm_editor_selected_column(ed);
	int room = cols - PRESENT_LABEL;
	int width = total ? room / (int)(total < 1000 ? total : 1000) : room;
	width = width < 4 ? 4 : width > 14 ? 14 : width;
	size_t visible = (size_t)(room / width);
	size_t first = sel >= visible / 2 ? sel - visible / 2 : 0;
	if (first + visible > total)
		first = total > visible ? total - visible : 0;
	int y_of[CJM_EMOTION_MAX - CJM_EMOTION_MIN + 1];
	for (int e = CJM_EMOTION_MAX; e >= CJM_EMOTION_MIN; e--) {
		int y = top + 1 + (CJM_EMOTION_MAX - e) * step;
		y_of[e - CJM_EMOTION_MIN] = y;
		char label[8];
		snprintf(label, sizeof label, e ? "%+d" : " %d", e);
		mvaddstr(y, 1, label);
		if (e == 0)
			for (int x = PRESENT_LABEL; x < cols; x++)
				mvaddstr(y, x, uni ? "·" : ".");
	}
	int bottom_row = y_of[0];
	int prev_x = -1, prev_y = -1;
	size_t prev_phase = (size_t)-1;
	for (size_t i = 0; i < visible && first + i < total; i++) {
		size_t p, t;
		cjm_editor_column_item(ed, first + i, &p, &t);
		int x = PRESENT_LABEL + (int)i * width;
		if (p != prev_phase) { /* a phase begins: its name above the curve */
			size_t end = i + 1;
			for (size_t q, u; end < visible && first + end < total; end++) {
				cjm_editor_column_item(ed, first + end, &q, &u);
				if (q != p)
					break;
			}
			mvaddstr(top, x - 1, uni ? "▏" : "|");
			attron(A_BOLD);
			present_put(top, x, map->phases[p]->name, (int)(end - i) * width - 1);
			attroff(A_BOLD);
			prev_phase = p;
		}
		int cx = x + width / 2;
		bool selected = first + i == sel;
		if (selected)
			for (int y = top + 1; y <= bottom_row; y++)
				mvaddstr(y, cx, uni ? "┆" : ":");
		const cjm_touchpoint *tp = t == CJM_PHASE_ITSELF ? NULL : map->phases[p]->touchpoints[t];
		if (!tp || !tp->has_emotion)
			continue;
		int y = y_of[tp->emotion - CJM_EMOTION_MIN];
		int pair = screen_emotion_pair(tp->emotion);
		attr_t colour = pair ? COLOR_PAIR(pair) : 0;
		if (prev_x >= 0) {
			attron(colour);
			screen_draw_step(prev_x, prev_y, cx, y, (prev_x + cx) / 2);
			attroff(colour);
		}
		prev_x = cx;
		prev_y = y;
	}
	/* the markers over the lines; the selected one framed in reverse video */
	for (size_t i = 0; i < visible && first + i < total; i++) {
		size_t p, t;
		cjm_editor_column_item(ed, first + i, &p, &t);
		const cjm_touchpoint *tp = t == CJM_PHASE_ITSELF ? NULL : map->phases[p]->touchpoints[t];
		if (!tp || !tp->has_emotion)
			continue;
		int cx = PRESENT_LABEL + (int)i * width + width / 2;
		int pair = screen_emotion_pair(tp->emotion);
		bool selected = first + i == sel;
		attr_t a = A_BOLD | (pair ? COLOR_PAIR(pair) : 0) | (selected ? A_REVERSE : 0);
		attron(a);
		if (selected)
			mvaddstr(y_of[tp->emotion - CJM_EMOTION_MIN], cx - 1, uni ? "[●]" : "[@]");
		else
			mvaddstr(y_of[tp->emotion - CJM_EMOTION_MIN], cx, uni ? "●" : "o");
		attroff(a);
	}
}

/* The last line: the message when there is one (as on the status line), else the keys. */
static void present_hint(int y, int cols, const char *message, const char *hint)
{
	strbuf line = { 0 };
	if (message)
		strbuf_printf(&line, " %s", message);
	present_put(y, 0, message ? line.data : hint, cols);
	strbuf_release(&line);
}

void present_draw(cjm_editor *ed, int rows, int cols)
{
	const cjm_map *map = cjm_editor_map(ed);
	/* TRANSLATORS: projector mode's keys (F, the arrows, [ ], :) stay */
	const char *hint = screen_has_unicode() ? _(" F leave   ← → walk   [ ] phases   : command")
						: _(" F leave   <- -> walk   [ ] phases   : command");
	if (map->phase_count == 0) {
		present_centre(rows / 2, 0, map->title ? map->title : "", cols);
		present_centre(rows / 2 + 1, 0, _("(this map has no phases yet)"), cols);
		present_hint(rows - 1, cols, ed->message, hint);
		return;
	}
	const cjm_touchpoint *t = cjm_editor_selected_touchpoint(ed);
	size_t sel = cjm_editor_selected_column(ed), total = cjm_editor_column_count(ed);
	strbuf head = { 0 };
	/* TRANSLATORS: the phase name, then its number and how many phases there are */
	strbuf_printf(&head, _(" %s  (phase %zu of %zu)"), map->phases[ed->phase]->name, ed->phase + 1,
		      map->phase_count);
	char where[48];
	snprintf(where, sizeof where, "%zu / %zu ", sel + 1, total);
	int where_w = (int)strlen(where);
	attron(A_BOLD);
	present_put(0, 0, head.data, cols - where_w);
	attroff(A_BOLD);
	present_put(0, cols - where_w, where, where_w);
	strbuf_release(&head);
	bool big = rows >= 20; /* block digits need their rows; below, the number in words */
	/* head, digits, hint, and a curve of two rows per step (a phase row, 13 rows) */
	int fixed = 1 + (big ? PRESENT_GLYPH_ROWS + (t && !t->has_emotion) : 1) + 1 + 14;
	int spare = rows - fixed;
	int y = 1 + present_banner(map, ed, t, 1, cols, spare > 3 ? (spare > 5 ? 5 : spare) : 3, spare);
	if (t && big) {
		present_big_emotion(t, y, cols);
		y += PRESENT_GLYPH_ROWS + !t->has_emotion;
	} else if (t) {
		char text[96];
		if (t->has_emotion)
			snprintf(text, sizeof text, t->emotion ? _("emotion %+d") : _("emotion %d"), t->emotion);
		else
			snprintf(text, sizeof text, "%s", _("not scored yet"));
		attron(A_BOLD);
		present_centre(y++, 0, text, cols);
		attroff(A_BOLD);
	}
	present_curve(ed, y, rows - 1, cols);
	present_hint(rows - 1, cols, ed->message, hint);
}

void present_key(cjm_editor *ed, int key)
{
	cjm_editor_clear_message(ed);
	const char *command = cjm_mode_key_command(cjm_present_keys, key);
	if (command) {
		cjm_editor_run(ed, command);
		return;
	}
	cjm_editor_say(ed, false, _("projector mode: F leaves it to edit"));
}
