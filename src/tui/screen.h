/* Drawing the editor on the terminal with ncurses: the map, the status line, overlays. */
#ifndef CJM_SCREEN_H
#define CJM_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "editor/editor.h"
#include "editor/line.h"
#include "tui/form.h"

#define SCREEN_MIN_COLS 40
#define SCREEN_MIN_ROWS 10
#define SCREEN_LABEL_WIDTH 9      /* the label column at least (8 columns and a separator) */
#define SCREEN_LABEL_WIDTH_MAX 12 /* at most, for longer translated labels */
#define SCREEN_MAP_ROWS 18  /* the map down to the line under its curve, with every lane */
#define SCREEN_PANEL_ROWS 9 /* the fewest rows the suggestions panel takes (its top line is the map's last) */
#define SCREEN_LIVE_ROWS 13 /* the fewest a live session's panel takes: a reveal's figures and histogram */

/* Where things are on screen, for drawing and for mouse clicks. */
typedef struct screen_geometry {
	int rows, cols;
	int col_width;       /* one touchpoint column, its separator included */
	size_t visible;      /* touchpoint columns that fit */
	int map_top;         /* the first row of the name lane */
	int name_lines;      /* rows of the name lane */
	bool brief;          /* only the names and the curve (the map above the suggestions panel) */
} screen_geometry;

/* Starts curses (colours unless NO_COLOR is set); false when there is no terminal. */
bool screen_start(void);
/* The same on other streams (the benchmark draws to /dev/null). */
bool screen_start_on(FILE *out, FILE *in);
/* The descriptor the screen reads keys from (for poll). */
int screen_input_fd(void);
/* Ends curses and leaves the terminal as it was; safe to call twice. */
void screen_stop(void);
screen_geometry screen_measure(void);
/* Draws everything: the map, or the too-small notice, the overlay (FORM when the
 * form is open), the status or prompt line (PROMPT is the text being typed, or NULL). */
void screen_draw(cjm_editor *ed, const cjm_line *prompt, tui_form *form);
/* The column a click at screen column X falls on, or (size_t)-1. */
size_t screen_column_at(const cjm_editor *ed, int x);
/* True below SCREEN_MIN_COLS x SCREEN_MIN_ROWS: only the notice is drawn, keys wait. */
bool screen_too_small(void);
/* The colour pair of EMOTION (-3..+3), or 0 without colour (NO_COLOR). */
int screen_emotion_pair(int emotion);
/* Whether the terminal takes UTF-8 (box and block characters), or ASCII only. */
bool screen_has_unicode(void);
/* A step of the emotion curve from (X1, Y1) to (X2, Y2), X1 < X2: across, up or
 * down at column XM (X1 < XM < X2) with rounded corners, across. */
void screen_draw_step(int x1, int y1, int x2, int y2, int xm);
/* A question with one-letter answers, its lines as written; returns the key pressed. */
int screen_ask(const char *question, const char *answers);

#endif
