/* Drawing the editor's :compare on the curve lane: the other map's line, its markers and a legend naming it. */
#ifndef CJM_TUI_COMPARE_H
#define CJM_TUI_COMPARE_H

#include <stdbool.h>

#include "editor/editor.h"

/* Where the other map's line stands so far, across the columns from left to right. */
typedef struct screen_compare_pen {
	bool have;
	int x, row;
} screen_compare_pen;

/* The other map's line up to its point in the column of touchpoint T (NULL: an
 * empty phase), whose marker goes at X, on a curve whose +3 row is TOP; LEFT is
 * the column's left edge, where a step goes up or down. Drawn before this map's
 * line, which stays on top. */
void screen_compare_step(cjm_editor *ed, screen_compare_pen *pen, int top, const cjm_touchpoint *t, int x,
			 int left);
/* The other map's marker in the column of T at X, before this map's markers. */
void screen_compare_point(cjm_editor *ed, int top, const cjm_touchpoint *t, int x);
/* The legend at row Y from column X, at most WIDTH columns: both markers, the
 * other's name and both maps' mean emotion. */
void screen_compare_legend(cjm_editor *ed, int y, int x, int width);
/* This map's marker while comparing (another than the usual one in ASCII). */
const char *screen_compare_marker(void);

#endif
