/* Drawing the editor on the terminal with ncurses: the map, the status line, overlays. */
#include "tui/screen.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/figures.h"
#include "editor/marks.h"
#include "patterns/builtin.h"
#include "render/text.h"
#include "render/wrap.h"
#include "editor/compare.h"
#include "editor/live.h"
#include "tui/compare.h"
#include "tui/conflicts.h"
#include "tui/details.h"
#include "tui/live.h"
#include "tui/present.h"
#include "util/i18n.h"
#include "util/strbuf.h"

enum { PAIR_EMOTION = 1, PAIR_SELECTED = 8, PAIR_STATUS = 9, PAIR_ERROR = 10, PAIR_PHASE = 11 };

#define CURVE_ROWS 7 /* +3 .. -3 */

static bool screen_running;
static bool screen_colour;
static bool screen_unicode;

/* The lanes' labels, as the screen shows them (translated where drawn). */
static const char *const screen_lane_labels[] = { N_("phase"), N_("name"), N_("channel"), N_("owner"),
						  N_("quadrant"), N_("emotion"), N_("pains"), N_("ideas") };

/* The label column, its separator included: SCREEN_LABEL_WIDTH, or wider for the
 * widest translated lane label, up to SCREEN_LABEL_WIDTH_MAX (longer ones are cut). */
static int screen_label_width(void)
{
	int width = SCREEN_LABEL_WIDTH;
	for (size_t i = 0; i < sizeof screen_lane_labels / sizeof *screen_lane_labels; i++) {
		int w = (int)cjm_text_width(_(screen_lane_labels[i])) + 1;
		if (w > width)
			width = w;
	}
	return width < SCREEN_LABEL_WIDTH_MAX ? width : SCREEN_LABEL_WIDTH_MAX;
}
#define LABEL_WIDTH screen_label_width()

/* A text from another part's table (marked N_() there), translated; "" stays "". */
static const char *screen_tr(const char *s)
{
	return s && *s ? _(s) : "";
}

bool screen_start(void)
{
	return screen_start_on(stdout, stdin);
}

/* The terminal's input, for the main loop's poll. */
static int screen_in_fd = 0;

int screen_input_fd(void)
{
	return screen_in_fd;
}

bool screen_start_on(FILE *out, FILE *in)
{
	screen_in_fd = fileno(in);
	setlocale(LC_CTYPE, ""); /* only characters: numbers stay "7.5" whatever the locale */
	const char *codeset = nl_langinfo(CODESET);
	screen_unicode = codeset && strcmp(codeset, "UTF-8") == 0;
	if (!newterm(NULL, out, in))
		return false;
	screen_running = true;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	mouseinterval(0);
	set_escdelay(25);
	const char *no_color = getenv("NO_COLOR");
	screen_colour = has_colors() && !(no_color && *no_color);
	if (screen_colour) {
		start_color();
		use_default_colors();
		static const short emotion_colour[7] = { COLOR_RED, COLOR_RED, COLOR_YELLOW, -1,
							 COLOR_CYAN, COLOR_GREEN, COLOR_GREEN };
		for (short e = 0; e < 7; e++)
			init_pair((short)(PAIR_EMOTION + e), emotion_colour[e], -1);
		init_pair(PAIR_SELECTED, COLOR_BLACK, COLOR_YELLOW);
		init_pair(PAIR_STATUS, COLOR_BLACK, COLOR_CYAN);
		init_pair(PAIR_ERROR, COLOR_WHITE, COLOR_RED);
		init_pair(PAIR_PHASE, COLOR_BLUE, -1);
	}
	curs_set(0);
	return true;
}

void screen_stop(void)
{
	if (!screen_running)
		return;
	screen_running = false;
	curs_set(1);
	endwin();
}

screen_geometry screen_measure(void)
{
	screen_geometry g;
	getmaxyx(stdscr, g.rows, g.cols);
	g.col_width = g.cols >= 140 ? 20 : g.cols >= 100 ? 16 : 14;
	int room = g.cols - LABEL_WIDTH, base_room = g.cols - SCREEN_LABEL_WIDTH;
	/* a wider (translated) label column narrows the columns a little rather than losing one */
	if (room > 0 && base_room / g.col_width > room / g.col_width && room / (base_room / g.col_width) >= 12)
		g.col_width = room / (base_room / g.col_width);
	g.visible = room > 0 ? (size_t)(room / g.col_width) : 0;
	if (g.visible == 0)
		g.visible = 1;
	g.map_top = 3;
	g.brief = false;
	g.name_lines = g.rows >= 30 ? 3 : 2; /* a third line for long (Dutch) names when the rows allow */
	return g;
}

/* ---- small drawing helpers ---- */

static attr_t screen_pair(int pair)
{
	return screen_colour ? COLOR_PAIR(pair) : 0;
}

/* Writes S at (Y, X), cut or padded to exactly WIDTH columns. */
static void screen_put(int y, int x, const char *s, int width)
{
	if (width <= 0)
		return;
	strbuf buf = { 0 };
	cjm_text_pad(&buf, s ? s : "", s ? strlen(s) : 0, (size_t)width);
	mvaddstr(y, x, buf.data ? buf.data : "");
	strbuf_release(&buf);
}

/* Writes S at (Y, X) in exactly WIDTH columns, ended with an ellipsis when cut. */
static void screen_fit(int y, int x, const char *s, int width)
{
	if (width <= 0)
		return;
	strbuf buf = { 0 };
	cjm_wrap_fit(&buf, s ? s : "", (size_t)width, screen_unicode ? NULL : "...");
	mvaddstr(y, x, buf.data ? buf.data : "");
	strbuf_release(&buf);
}

static void screen_hline(int y, int x, int width)
{
	for (int i = 0; i < width; i++)
		mvaddstr(y, x + i, screen_unicode ? "─" : "-");
}

static void screen_vbar(int y, int x)
{
	mvaddstr(y, x, screen_unicode ? "│" : "|");
}

/* ---- the map ---- */

typedef struct screen_column {
	size_t phase, tp;
	const cjm_phase *p;
	const cjm_touchpoint *t; /* NULL for an empty phase's column */
	int x;
	bool selected;
} screen_column;

static size_t screen_columns(cjm_editor *ed, const screen_geometry *g, screen_column *cols)
{
	const cjm_map *map = cjm_editor_map(ed);
	size_t total = cjm_editor_column_count(ed), n = 0;
	size_t sel = cjm_editor_selected_column(ed);
	for (size_t c = ed->scroll_col; c < total && n < g->visible; c++, n++) {
		screen_column *col = &cols[n];
		cjm_editor_column_item(ed, c, &col->phase, &col->tp);
		col->p = map->phases[col->phase];
		col->t = col->tp == CJM_PHASE_ITSELF ? NULL : col->p->touchpoints[col->tp];
		col->x = LABEL_WIDTH + (int)n * g->col_width;
		col->selected = c == sel && (ed->tp != CJM_PHASE_ITSELF || !col->t);
	}
	return n;
}

static void screen_draw_phases(cjm_editor *ed, const screen_geometry *g, const screen_column *cols, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const screen_column *col = &cols[i];
		bool starts = i == 0 || cols[i - 1].phase != col->phase;
		if (!starts)
			continue;
		int width = 0;
		for (size_t j = i; j < n && cols[j].phase == col->phase; j++)
			width += g->col_width;
		bool phase_selected = ed->phase == col->phase && ed->tp == CJM_PHASE_ITSELF;
		attr_t a = phase_selected ? (A_REVERSE | A_BOLD) : (A_BOLD | screen_pair(PAIR_PHASE));
		screen_vbar(1, col->x - 1 >= LABEL_WIDTH - 1 ? col->x - 1 : col->x);
		attron(a);
		screen_fit(1, col->x, col->p->name, width - 1);
		attroff(a);
		screen_hline(2, col->x - 1, width);
	}
	screen_put(1, 0, _("phase"), LABEL_WIDTH - 1);
}

static void screen_draw_text_lane(int y, const char *label, const screen_geometry *g, const screen_column *cols,
				  size_t n, int which)
{
	screen_put(y, 0, label, LABEL_WIDTH - 1);
	for (size_t i = 0; i < n; i++) {
		const screen_column *col = &cols[i];
		const char *text = !col->t ? NULL : which == 0 ? col->t->channel : col->t->owner;
		screen_vbar(y, col->x - 1);
		screen_fit(y, col->x, text, g->col_width - 1);
	}
}

/* The quadrant lane: what the satisfaction x impact quadrant of each touchpoint
 * calls for, coloured like the emotion it resembles (raise first in red, spread it
 * in green) and bold where it asks for work. */
static void screen_draw_quadrant_lane(const cjm_map *map, int y, const screen_geometry *g,
				      const screen_column *cols, size_t n)
{
	screen_put(y, 0, _("quadrant"), LABEL_WIDTH - 1);
	for (size_t i = 0; i < n; i++) {
		const screen_column *col = &cols[i];
		screen_vbar(y, col->x - 1);
		if (!col->t)
			continue;
		cjm_quadrant q = cjm_touchpoint_quadrant(map, col->t);
		attr_t a = 0;
		if (q == CJM_QUADRANT_LOW_HIGH)
			a = screen_pair(PAIR_EMOTION + 1) | A_BOLD; /* the colour of emotion -2 */
		else if (q == CJM_QUADRANT_LOW_LOW)
			a = screen_pair(PAIR_EMOTION + 2); /* the colour of emotion -1 */
		else if (q == CJM_QUADRANT_HIGH_HIGH)
			a = screen_pair(PAIR_EMOTION + 5); /* the colour of emotion +2 */
		attron(a);
		screen_put(y, col->x, screen_tr(cjm_quadrant_brief(q)), g->col_width - 1);
		attroff(a);
	}
}

/* The name lane: G->name_lines wrapped lines, cut with an ellipsis when the name
 * needs more, and the marks (moment of truth, suggestion...) always at the end. */
static void screen_draw_names(cjm_editor *ed, int y, const screen_geometry *g, const screen_column *cols, size_t n)
{
	screen_put(y, 0, _("name"), LABEL_WIDTH - 1);
	int width = g->col_width - 1;
	for (size_t i = 0; i < n; i++) {
		const screen_column *col = &cols[i];
		strbuf marks = { 0 }, lines = { 0 }, last = { 0 };
		if (col->t)
			cjm_marks_of(&marks, ed, col->t, screen_unicode, false);
		size_t marks_width = marks.len ? cjm_text_width(marks.data) : 0;
		cjm_wrap_spec spec = { .width = (size_t)width,
				       .max_lines = (size_t)g->name_lines,
				       .tail = marks_width ? marks_width + 1 : 0,
				       .ellipsis = screen_unicode ? NULL : "..." };
		size_t count = cjm_wrap(&lines, col->t ? col->t->name : _("(no touchpoints)"), &spec);
		char *line = lines.data;
		attron(A_BOLD);
		for (int r = 0; r < g->name_lines; r++) {
			char *nl = line ? strchr(line, '\n') : NULL;
			if (nl)
				*nl = '\0';
			const char *text = line ? line : "";
			if ((size_t)r + 1 == count && marks_width) { /* the marks after the last line */
				strbuf_printf(&last, "%s%s%s", text, *text ? " " : "", marks.data);
				text = last.data;
			}
			screen_vbar(y + r, col->x - 1);
			screen_put(y + r, col->x, text, width);
			line = nl ? nl + 1 : NULL;
		}
		attroff(A_BOLD);
		strbuf_release(&marks);
		strbuf_release(&lines);
		strbuf_release(&last);
	}
}

/* Where COL's emotion marker goes on a curve whose +3 row is TOP; false when unscored. */
static bool screen_curve_point(const screen_column *col, int top, const screen_geometry *g, int *row, int *x)
{
	if (!col->t || !col->t->has_emotion)
		return false;
	*row = top + (CJM_EMOTION_MAX - col->t->emotion);
	*x = col->x + (g->col_width - 1) / 2;
	return true;
}

void screen_draw_step(int x1, int y1, int x2, int y2, int xm)
{
	const char *h = screen_unicode ? "─" : "-";
	if (y1 == y2) {
		for (int x = x1 + 1; x < x2; x++)
			mvaddstr(y1, x, h);
		return;
	}
	for (int x = x1 + 1; x < xm; x++)
		mvaddstr(y1, x, h);
	for (int x = xm + 1; x < x2; x++)
		mvaddstr(y2, x, h);
	int lo = y1 < y2 ? y1 : y2, hi = y1 < y2 ? y2 : y1;
	for (int y = lo + 1; y < hi; y++)
		mvaddstr(y, xm, screen_unicode ? "│" : "|");
	bool up = y2 < y1;
	mvaddstr(y1, xm, screen_unicode ? (up ? "╯" : "╮") : (up ? "'" : "."));
	mvaddstr(y2, xm, screen_unicode ? (up ? "╭" : "╰") : (up ? "." : "'"));
}

/* The emotion curve: a marker per scored touchpoint (the selected one framed, the
 * marks a room should see before it), joined by steps that stand on the column
 * separator before each marker, so a step and a separator are one line. */
static void screen_draw_curve(cjm_editor *ed, int top, const screen_geometry *g, const screen_column *cols, size_t n)
{
	static const char *const labels[CURVE_ROWS] = { "+3", "+2", "+1", " 0", "-1", "-2", "-3" };
	mvaddstr(top - 1, 0, _("emotion"));
	for (int r = 0; r < CURVE_ROWS; r++) {
		screen_put(top + r, 0, "", LABEL_WIDTH - 4);
		mvaddstr(top + r, LABEL_WIDTH - 3, labels[r]);
		for (size_t i = 0; i < n; i++) {
			screen_vbar(top + r, cols[i].x - 1);
			if (r == 3)
				for (int x = 0; x < g->col_width - 1; x++)
					mvaddstr(top + r, cols[i].x + x, screen_unicode ? "·" : ".");
		}
	}
	for (size_t i = 0; i < n; i++) /* the selected column edged, so the selection runs through the curve */
		if (cols[i].selected)
			for (int r = 0; r < CURVE_ROWS; r++) {
				attron(A_BOLD);
				mvaddstr(top + r, cols[i].x - 1, screen_unicode ? "┃" : "#");
				if (cols[i].x + g->col_width - 1 < g->cols)
					mvaddstr(top + r, cols[i].x + g->col_width - 1, screen_unicode ? "┃" : "#");
				attroff(A_BOLD);
			}
	bool comparing = cjm_editor_comparing(ed); /* :compare, drawn by tui/compare.c */
	if (comparing) {
		screen_compare_legend(ed, top - 1, LABEL_WIDTH, g->cols - LABEL_WIDTH);
		screen_compare_pen pen = { 0 };
		for (size_t i = 0; i < n; i++)
			screen_compare_step(ed, &pen, top, cols[i].t, cols[i].x + (g->col_width - 1) / 2, cols[i].x - 1);
	}
	/* first the steps between markers, then the markers and values over them */
	int prev_row = -1, prev_x = -1, row, x;
	for (size_t i = 0; i < n; i++) {
		if (!screen_curve_point(&cols[i], top, g, &row, &x))
			continue;
		if (prev_row >= 0) {
			attr_t colour = screen_pair(PAIR_EMOTION + cols[i].t->emotion + 3);
			attron(colour);
			screen_draw_step(prev_x, prev_row, x, row, cols[i].x - 1);
			attroff(colour);
		}
		prev_row = row;
		prev_x = x;
	}
	for (size_t i = 0; comparing && i < n; i++)
		screen_compare_point(ed, top, cols[i].t, cols[i].x + (g->col_width - 1) / 2);
	strbuf marks = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (!screen_curve_point(&cols[i], top, g, &row, &x))
			continue;
		int emotion = cols[i].t->emotion;
		attr_t a = screen_pair(PAIR_EMOTION + emotion + 3) | A_BOLD;
		bool selected = cols[i].selected;
		char value[8];
		snprintf(value, sizeof value, emotion ? "%+d" : "%d", emotion);
		strbuf_reset(&marks);
		cjm_marks_of(&marks, ed, cols[i].t, screen_unicode, true);
		int left = selected ? x - 1 : x, marks_x = left - (int)cjm_text_width(marks.data ? marks.data : "");
		bool value_fits = x + 1 + (int)strlen(value) + selected <= cols[i].x + g->col_width - 1;
		attron(a);
		if (marks.len && marks_x >= cols[i].x)
			mvaddstr(row, marks_x, marks.data);
		if (selected) /* framed and reversed with its value: "[●+2]" */
			attron(A_REVERSE);
		if (selected)
			mvaddstr(row, left, "[");
		mvaddstr(row, x, comparing ? screen_compare_marker() : screen_unicode ? "●" : "o");
		if (value_fits)
			mvaddstr(row, x + 1, value);
		if (selected)
			addstr("]");
		attroff(A_REVERSE);
		attroff(a);
	}
	strbuf_release(&marks);
}

/* The selected column, rows FROM..TO-1: black on yellow, or reverse video
 * without colour, over whatever is drawn there. */
static void screen_highlight_column(const screen_geometry *g, const screen_column *cols, size_t n, int from, int to)
{
	for (size_t i = 0; i < n; i++) {
		if (!cols[i].selected)
			continue;
		for (int y = from; y < to; y++)
			if (screen_colour)
				mvchgat(y, cols[i].x, g->col_width - 1, A_BOLD, PAIR_SELECTED, NULL);
			else
				mvchgat(y, cols[i].x, g->col_width - 1, A_REVERSE | A_BOLD, 0, NULL);
	}
}

/* Pains, then ideas, as bulleted wrapped lines; scrolls with scroll_row. */
static void screen_draw_lists(cjm_editor *ed, int top, int bottom, const screen_geometry *g,
			      const screen_column *cols, size_t n)
{
	int row = top - (int)ed->scroll_row;
	static const char *const labels[2] = { N_("pains"), N_("ideas") }; /* as in screen_lane_labels */
	for (int l = 0; l < 2; l++) {
		int tallest = 1;
		for (size_t i = 0; i < n; i++) {
			int y = row;
			if (cols[i].t) {
				const cjm_strlist *list = l == 0 ? &cols[i].t->pains : &cols[i].t->ideas;
				for (size_t k = 0; k < list->len; k++) {
					strbuf lines = { 0 };
					cjm_text_wrap(&lines, list->items[k], (size_t)g->col_width - 3);
					char *line = lines.data;
					for (bool first = true; line && *line; first = false) {
						char *nl = strchr(line, '\n');
						if (nl)
							*nl = '\0';
						if (y >= top && y < bottom) {
							mvaddstr(y, cols[i].x, first ? (screen_unicode ? "• " : "- ") : "  ");
							screen_put(y, cols[i].x + 2, line, g->col_width - 3);
						}
						y++;
						line = nl ? nl + 1 : NULL;
					}
					strbuf_release(&lines);
				}
			}
			if (y - row > tallest)
				tallest = y - row;
		}
		for (int y = row; y < row + tallest; y++) {
			if (y < top || y >= bottom)
				continue;
			screen_put(y, 0, y == row ? _(labels[l]) : "", LABEL_WIDTH - 1);
			for (size_t i = 0; i < n; i++)
				screen_vbar(y, cols[i].x - 1);
		}
		row += tallest;
		if (row >= top && row < bottom)
			screen_hline(row, 0, g->cols);
		row++;
	}
}

static void screen_draw_map(cjm_editor *ed, const screen_geometry *g)
{
	const cjm_map *map = cjm_editor_map(ed);
	attron(A_BOLD);
	mvaddstr(0, 0, " ");
	screen_fit(0, 1, map->title, g->cols - 1);
	attroff(A_BOLD);
	if (map->phase_count == 0 && cjm_editor_live_joined(ed)) {
		/* the facilitator's map is on its way, or it has nothing yet: a participant adds nothing */
		mvaddstr(3, 2, _("The facilitator's map shows here once it has a phase (the status line says how the session is)."));
		return;
	}
	if (map->phase_count == 0) {
		mvaddstr(3, 2, _("This map has no phases yet. Press P to add the first phase,"));
		mvaddstr(4, 2, _("then a to add touchpoints, + and - to score emotions. ? shows every key."));
		return;
	}
	cjm_editor_scroll_to_selection(ed, g->visible);
	screen_column *cols = calloc(g->visible, sizeof *cols);
	if (!cols)
		return;
	size_t n = screen_columns(ed, g, cols);
	screen_draw_phases(ed, g, cols, n);
	int y = g->map_top;
	screen_draw_names(ed, y, g, cols, n);
	y += g->name_lines;
	if (!g->brief) {
		screen_draw_text_lane(y++, _("channel"), g, cols, n, 0);
		screen_draw_text_lane(y++, _("owner"), g, cols, n, 1);
		screen_draw_quadrant_lane(cjm_editor_map(ed), y++, g, cols, n);
	}
	screen_hline(y++, 0, g->cols);
	screen_highlight_column(g, cols, n, g->map_top, y - 1);
	if (y + CURVE_ROWS < g->rows - 1) {
		screen_draw_curve(ed, y, g, cols, n);
		y += CURVE_ROWS;
		screen_hline(y++, 0, g->cols);
	}
	if (y < g->rows - 1) {
		screen_draw_lists(ed, y, g->rows - 1, g, cols, n);
		screen_highlight_column(g, cols, n, y, g->rows - 1);
	}
	free(cols);
}

/* ---- status line, overlays ---- */

static void screen_draw_status(cjm_editor *ed, const screen_geometry *g, const cjm_line *prompt)
{
	int y = g->rows - 1;
	const char *question = cjm_editor_question(ed);
	if (question && prompt) {
		strbuf line = { 0 };
		strbuf_printf(&line, "%s%s", question, prompt->text ? prompt->text : "");
		screen_put(y, 0, line.data, g->cols);
		strbuf_release(&line);
		size_t before = cjm_text_width(question) + cjm_text_width_n(prompt->text ? prompt->text : "",
									  prompt->cursor);
		move(y, before < (size_t)g->cols ? (int)before : g->cols - 1);
		curs_set(1);
		return;
	}
	curs_set(0);
	const cjm_map *map = cjm_editor_map(ed);
	strbuf line = { 0 };
	/* the message, the file and its state, then the selection with its emotion; a long
	 * name gives way first (the map shows the selection too), then a long message (not
	 * an error), so that the emotion shows */
	strbuf file = { 0 };
	const char *base = ed->path ? strrchr(ed->path, '/') : NULL;
	/* a participant's screen has no file: the live status says the session, and the
	 * top line the map's title */
	if (!cjm_editor_live_joined(ed))
		strbuf_printf(&file, " %s%s%s%s", ed->path ? (base ? base + 1 : ed->path) : _("[new map]"),
			      cjm_edit_dirty(ed->edit) ? " [+]" : "", ed->read_only ? _(" [read-only]") : "",
			      ed->recovery_error ? _(" [recovery not written]") : ""); /* until a write succeeds */
	cjm_editor_live_status(ed, &file); /* who is in the session: before the selection, which the map shows */
	const cjm_touchpoint *t = map->phase_count ? cjm_editor_selected_touchpoint(ed) : NULL;
	strbuf emotion = { 0 };
	char words[16];
	if (t)
		/* TRANSLATORS: the status line's emotion of the selected touchpoint, e.g. " | emotion -2 (bad)" */
		strbuf_printf(&emotion, _(" | emotion %s"), cjm_editor_emotion_words(t->has_emotion, t->emotion, words));
	if (ed->message) {
		/* room for the message: what the file and the emotion leave */
		int room = g->cols - (int)cjm_text_width(file.data ? file.data : "") -
			   (int)cjm_text_width(emotion.data ? emotion.data : "") - 5 - 3;
		/* an error is read in full (it says what was not saved and where the edits are) */
		if (map->phase_count && !ed->message_is_error && (int)cjm_text_width(ed->message) > room && room >= 12) {
			strbuf cut = { 0 };
			cjm_wrap_fit(&cut, ed->message, (size_t)room, screen_unicode ? NULL : "...");
			while (cut.len && cut.data[cut.len - 1] == ' ')
				cut.data[--cut.len] = '\0';
			strbuf_printf(&line, " %s |", cut.data);
			strbuf_release(&cut);
		} else {
			strbuf_printf(&line, " %s |", ed->message);
		}
	}
	strbuf_puts(&line, file.data ? file.data : ""); /* a participant reconnecting: the message alone */
	strbuf_release(&file);
	if (map->phase_count) {
		const cjm_phase *p = map->phases[ed->phase];
		strbuf selection = { 0 };
		strbuf_printf(&selection, "%s%s%s", p->name, t ? " > " : "", t ? t->name : "");
		int room = g->cols - (int)cjm_text_width(line.data) - (int)cjm_text_width(emotion.data ? emotion.data : "") - 5;
		if (room < 8 && ed->message) {
			/* no room for a name beside the message: the emotion alone */
		} else if ((int)cjm_text_width(selection.data) > room) {
			strbuf_puts(&line, " | ");
			strbuf cut = { 0 };
			cjm_wrap_fit(&cut, selection.data, (size_t)(room > 12 ? room : 12), screen_unicode ? NULL : "...");
			while (cut.len && cut.data[cut.len - 1] == ' ')
				cut.data[--cut.len] = '\0';
			strbuf_puts(&line, cut.data);
			strbuf_release(&cut);
		} else {
			strbuf_puts(&line, " | ");
			strbuf_puts(&line, selection.data);
		}
		if (emotion.data)
			strbuf_puts(&line, emotion.data);
		strbuf_release(&selection);
		cjm_quadrant q = t ? cjm_touchpoint_quadrant(map, t) : CJM_QUADRANT_NONE;
		if (q != CJM_QUADRANT_NONE)
			strbuf_printf(&line, " | %s: %s", screen_tr(cjm_quadrant_name(q)), screen_tr(cjm_quadrant_action(q)));
	}
	strbuf_release(&emotion);
	strbuf_puts(&line, " |"); /* the selection always ends in " |" */
	if (!ed->message && cjm_editor_live_joined(ed))
		strbuf_puts(&line, _(" ? help  -3..3 vote  x skip  n note  f follow  q leave"));
	else if (!ed->message)
		strbuf_puts(&line, _(" ? help  a add  + - emotion  e edit  :w save  :q quit"));
	attr_t a = ed->message && ed->message_is_error ? (screen_pair(PAIR_ERROR) | A_BOLD)
						       : (screen_pair(PAIR_STATUS) | A_REVERSE);
	if (screen_colour && !(ed->message && ed->message_is_error))
		a = screen_pair(PAIR_STATUS);
	attron(a);
	screen_put(y, 0, line.data, g->cols);
	attroff(a);
	strbuf_release(&line);
}

static const char *screen_proposal_words(const cjm_suggestion *s)
{
	switch (s->kind) {
	case CJM_PROPOSE_IDEA: return _("adds the idea");
	case CJM_PROPOSE_TOUCHPOINT: return _("adds the touchpoint");
	case CJM_PROPOSE_REMOVE: return _("removes this touchpoint");
	case CJM_PROPOSE_MOVE: return _("moves this touchpoint");
	case CJM_PROPOSE_NOTHING: break;
	}
	return _("a question for the room");
}

/* What the panel says of a suggestion's state: "" while it is open. */
static const char *screen_panel_mark(cjm_panel_state state)
{
	switch (state) {
	case CJM_PANEL_ACCEPTED: return screen_unicode ? _("✓ accepted") : _("[accepted]");
	case CJM_PANEL_DISMISSED: return screen_unicode ? _("✗ dismissed") : _("[dismissed]");
	case CJM_PANEL_OPEN: break;
	}
	return "";
}

/* Whether the panel lists the journey's cards (the others folded under them, or held back). */
static bool screen_panel_cards(const cjm_editor *ed)
{
	return ed->suggestions_all && !ed->suggestions_everything;
}

/* Ends the last of LINES with a newline, when it has none yet. */
static void screen_end_line(strbuf *lines)
{
	if (lines->len && lines->data[lines->len - 1] != '\n')
		strbuf_putc(lines, '\n');
}

/* The details of suggestion CUR, wrapped to WIDTH, one line each into LINES (a strbuf
 * of '\n'-separated lines): what it is about, its whole rationale, what Enter does. */
static size_t screen_panel_details(cjm_editor *ed, const cjm_suggestion *cur, const cjm_panel_item *item,
				   size_t width, strbuf *lines)
{
	const cjm_map *map = cjm_editor_map(ed);
	strbuf text = { 0 };
	bool placed = item->placed && item->phase < map->phase_count &&
		      (item->tp == CJM_PHASE_ITSELF || item->tp < map->phases[item->phase]->touchpoint_count);
	if (placed && item->tp != CJM_PHASE_ITSELF)
		/* TRANSLATORS: the suggestion is about touchpoint '%s' in phase (%s) */
		strbuf_printf(&text, _("About '%s' (%s)"), map->phases[item->phase]->touchpoints[item->tp]->name,
			      map->phases[item->phase]->name);
	else if (placed)
		strbuf_printf(&text, _("About the phase '%s'"), map->phases[item->phase]->name);
	else if (strcmp(cur->target, CJM_JOURNEY_TARGET) == 0)
		strbuf_puts(&text, _("About the whole journey"));
	else
		strbuf_printf(&text, _("About '%s' (no longer on the map)"), cur->target);
	/* TRANSLATORS: after "About ...": the pattern id (not translated) and the priority */
	strbuf_printf(&text, _(" - %s, priority %d"), cur->pattern, cur->priority);
	size_t n = cjm_text_wrap(lines, text.data, width);
	screen_end_line(lines);
	strbuf_reset(&text);
	if (cur->why) {
		strbuf_printf(&text, _("Why here: %s"), cur->why);
		n += cjm_text_wrap(lines, text.data, width);
		screen_end_line(lines);
		strbuf_reset(&text);
	}
	if (cur->also && screen_panel_cards(ed)) {
		strbuf_printf(&text, _("Also: %s (a shows them all)"), cur->also);
		n += cjm_text_wrap(lines, text.data, width);
		screen_end_line(lines);
		strbuf_reset(&text);
	}
	n += cjm_text_wrap(lines, cur->rationale && *cur->rationale ? cur->rationale : _("(no rationale given)"), width);
	screen_end_line(lines);
	strbuf_reset(&text);
	if (item->state == CJM_PANEL_ACCEPTED)
		/* TRANSLATORS: %s is "✓ accepted" */
		strbuf_printf(&text, _("%s: the map holds it; u undoes it"), screen_panel_mark(item->state));
	else if (item->state == CJM_PANEL_DISMISSED)
		/* TRANSLATORS: %s is "✗ dismissed" */
		strbuf_printf(&text, _("%s for everyone (under dismissed: in the map)"), screen_panel_mark(item->state));
	else
		/* TRANSLATORS: Enter is the key; %s is what accepting does ("adds the idea"), then the text quoted */
		strbuf_printf(&text, _("Enter %s%s%s%s"), screen_proposal_words(cur), cur->text ? " \"" : "",
			      cur->text ? cur->text : "", cur->text ? "\"" : "");
	n += cjm_text_wrap(lines, text.data, width);
	strbuf_release(&text);
	return n;
}

/* The suggestions panel in rows TOP..BOTTOM-1: a heading with its keys (and, for the
 * journey's cards, how many more there are), one line per suggestion (the one pointed
 * at in reverse video, accepted and dismissed ones marked, a card followed by what is
 * folded under it), then what the one pointed at is about, why it ranks there, its
 * whole rationale wrapped, and what accepting it does. The list gives way to the rationale when rows are short. */
static void screen_draw_panel(cjm_editor *ed, const screen_geometry *g, int top, int bottom)
{
	const cjm_suggestions *s = ed->suggestions;
	size_t count = s ? s->count : 0;
	strbuf line = { 0 }, details = { 0 };
	if (!ed->suggestions_all)
		strbuf_printf(&line, P_(" %zu suggestion(s) for this item", " %zu suggestion(s) for this item", count), count);
	else if (screen_panel_cards(ed))
		strbuf_printf(&line, P_(" %zu suggestion(s) for the journey", " %zu suggestion(s) for the journey", count),
			      count);
	else
		strbuf_printf(&line, P_(" %zu suggestion(s) for the journey, all", " %zu suggestion(s) for the journey, all",
					count), count);
	if (screen_panel_cards(ed) && ed->suggestions_rest)
		strbuf_printf(&line, _(", and %zu more"), ed->suggestions_rest);
	strbuf_putc(&line, ' ');
	/* TRANSLATORS: the panel's keys (Enter, x, a, q, u stay): short, each framed by spaces */
	const char *keys[] = { _(" Enter accept "), _(" x dismiss "),
			       !ed->suggestions_all ? _(" a journey ") : screen_panel_cards(ed) ? _(" a all ") : _(" a this item "),
			       _(" q close "), _(" u undo ") };
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) /* as many as fit */
		if (cjm_text_width(line.data) + cjm_text_width(keys[k]) + 2 <= (size_t)g->cols)
			strbuf_puts(&line, keys[k]);
	screen_hline(top, 0, g->cols);
	attron(A_BOLD);
	screen_put(top, 0, line.data, (int)cjm_text_width(line.data) + 1 < g->cols ? (int)cjm_text_width(line.data) + 1
											 : g->cols);
	attroff(A_BOLD);
	int room = bottom - top - 1, width = g->cols - 4;
	size_t detail_lines = 0;
	if (ed->suggestion < count)
		detail_lines = screen_panel_details(ed, &s->items[ed->suggestion], &ed->suggestion_items[ed->suggestion],
						    (size_t)(width > 1 ? width : 1), &details);
	int list_rows = room - (int)detail_lines;
	if (list_rows < 1)
		list_rows = 1;
	if ((size_t)list_rows > count)
		list_rows = count ? (int)count : 1;
	size_t first = ed->suggestion >= (size_t)list_rows ? ed->suggestion - (size_t)list_rows + 1 : 0;
	bool wide = g->cols >= 100;
	for (int r = 0; r < list_rows; r++) {
		size_t i = first + (size_t)r;
		strbuf_reset(&line);
		bool pointed = i == ed->suggestion && i < count;
		if (i < count) {
			const char *mark = screen_panel_mark(ed->suggestion_items[i].state);
			strbuf_printf(&line, "%s%d  ", pointed ? (screen_unicode ? " ▶ " : " > ") : "   ", s->items[i].priority);
			if (wide)
				strbuf_printf(&line, "%-22s ", s->items[i].pattern);
			strbuf_printf(&line, "%s%s%s", s->items[i].title, *mark ? "   " : "", mark);
			if (s->items[i].also && screen_panel_cards(ed))
				strbuf_printf(&line, _("   (also: %s)"), s->items[i].also);
		}
		if (pointed)
			attron(A_REVERSE | A_BOLD);
		screen_put(top + 1 + r, 0, line.data, g->cols);
		attroff(A_REVERSE | A_BOLD);
	}
	int y = top + 1 + list_rows;
	for (char *l = details.data; l && *l && y < bottom;) {
		char *nl = strchr(l, '\n');
		if (nl)
			*nl = '\0';
		screen_put(y, 0, "", 3);
		if (l == details.data)
			attron(A_BOLD); /* what it is about */
		screen_put(y++, 3, l, g->cols - 3);
		attroff(A_BOLD);
		l = nl ? nl + 1 : NULL;
	}
	strbuf_release(&line);
	strbuf_release(&details);
}

static void screen_draw_overlay_text(cjm_editor *ed, const screen_geometry *g)
{
	const char *text = ed->overlay_text.data ? ed->overlay_text.data : "";
	size_t skip = ed->overlay_scroll;
	for (int y = 0; y < g->rows - 1; y++)
		move(y, 0), clrtoeol();
	int y = 0;
	for (const char *line = text; *line && y < g->rows - 1;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		if (skip > 0) {
			skip--;
		} else {
			strbuf buf = { 0 };
			cjm_text_pad(&buf, line, len, (size_t)g->cols);
			mvaddstr(y++, 0, buf.data ? buf.data : "");
			strbuf_release(&buf);
		}
		line = nl ? nl + 1 : line + len;
	}
}

void screen_draw(cjm_editor *ed, const cjm_line *prompt, tui_form *form)
{
	screen_geometry g = screen_measure();
	erase();
	if (screen_too_small()) {
		strbuf msg = { 0 }, lines = { 0 };
		strbuf_printf(&msg, _("Terminal too small (%dx%d): cjm needs %dx%d. Make the window bigger."), g.cols,
			      g.rows, SCREEN_MIN_COLS, SCREEN_MIN_ROWS);
		cjm_text_wrap(&lines, msg.data, (size_t)(g.cols > 0 ? g.cols : 1));
		int y = 0;
		for (char *line = lines.data; line && *line && y < g.rows;) {
			char *nl = strchr(line, '\n');
			if (nl)
				*nl = '\0';
			mvaddnstr(y++, 0, line, g.cols);
			line = nl ? nl + 1 : NULL;
		}
		strbuf_release(&msg);
		strbuf_release(&lines);
		refresh();
		return;
	}
	if (ed->overlay == CJM_OVERLAY_FORM && form) {
		form_draw(form, ed, g.rows, g.cols);
		int cy, cx;
		getyx(stdscr, cy, cx);
		if (ed->message || ed->recovery_error)
			screen_draw_status(ed, &g, NULL);
		curs_set(1);
		move(cy, cx);
		refresh();
		return;
	}
	if (ed->overlay == CJM_OVERLAY_TEXT) {
		screen_draw_overlay_text(ed, &g);
	} else if (ed->overlay == CJM_OVERLAY_DETAILS) {
		details_draw(ed, g.rows, g.cols);
	} else if (ed->presenting) {
		present_draw(ed, g.rows, g.cols);
		if (cjm_editor_question(ed))
			screen_draw_status(ed, &g, prompt);
		refresh();
		return;
	} else if (ed->overlay == CJM_OVERLAY_SUGGESTIONS || ed->overlay == CJM_OVERLAY_CONFLICTS ||
		   ed->overlay == CJM_OVERLAY_LIVE) {
		/* the map above with the curve always in sight, the panel below; a reveal
		 * needs its histogram's seven rows and the figures around them */
		screen_geometry top = g;
		int least = ed->overlay == CJM_OVERLAY_LIVE ? SCREEN_LIVE_ROWS : SCREEN_PANEL_ROWS;
		int panel = g.rows / 3 > least ? g.rows / 3 : least;
		top.rows = g.rows - panel;
		top.brief = top.rows < SCREEN_MAP_ROWS; /* only the names and the curve */
		top.name_lines = 2;
		screen_draw_map(ed, &top);
		if (ed->overlay == CJM_OVERLAY_CONFLICTS)
			conflicts_draw(ed, g.cols, top.rows - 1, g.rows - 1);
		else if (ed->overlay == CJM_OVERLAY_LIVE)
			live_draw(ed, g.cols, top.rows - 1, g.rows - 1);
		else
			screen_draw_panel(ed, &g, top.rows - 1, g.rows - 1);
	} else {
		screen_draw_map(ed, &g);
	}
	screen_draw_status(ed, &g, prompt);
	refresh();
}

size_t screen_column_at(const cjm_editor *ed, int x)
{
	screen_geometry g = screen_measure();
	if (x < LABEL_WIDTH)
		return (size_t)-1;
	size_t offset = (size_t)((x - LABEL_WIDTH) / g.col_width);
	if (offset >= g.visible)
		return (size_t)-1;
	return ed->scroll_col + offset;
}

int screen_ask(const char *question, const char *answers)
{
	for (;;) {
		screen_geometry g = screen_measure();
		erase();
		int y = g.rows / 4;
		for (const char *line = question; *line && y < g.rows;) {
			size_t len = strcspn(line, "\n"), indent = strspn(line, " ");
			if (indent > len)
				indent = len;
			/* each line wrapped on its own, keeping its indent (the options line up) */
			strbuf text = { 0 }, wrapped = { 0 };
			strbuf_add(&text, line + indent, len - indent);
			int width = g.cols - 4 - (int)indent;
			cjm_text_wrap(&wrapped, text.data ? text.data : "", (size_t)(width > 1 ? width : 1));
			for (char *w = wrapped.data; w && *w && y < g.rows;) {
				char *nl = strchr(w, '\n');
				if (nl)
					*nl = '\0';
				mvaddstr(y++, 2 + (int)indent, w);
				w = nl ? nl + 1 : NULL;
			}
			strbuf_release(&text);
			strbuf_release(&wrapped);
			line += len + (line[len] == '\n');
		}
		refresh();
		int key = getch();
		if (key != ERR && key > 0 && key < 128 && strchr(answers, key))
			return key;
	}
}

bool screen_too_small(void)
{
	screen_geometry g = screen_measure();
	return g.rows < SCREEN_MIN_ROWS || g.cols < SCREEN_MIN_COLS;
}

int screen_emotion_pair(int emotion)
{
	if (!screen_colour || emotion < CJM_EMOTION_MIN || emotion > CJM_EMOTION_MAX)
		return 0;
	return PAIR_EMOTION + emotion - CJM_EMOTION_MIN;
}

bool screen_has_unicode(void)
{
	return screen_unicode;
}
