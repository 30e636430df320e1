/* Drawing a live session's panels under the map: the reveal of a vote and the facilitator's inbox of notes. */
#ifndef CJM_TUI_LIVE_H
#define CJM_TUI_LIVE_H

#include "editor/editor.h"

/* Draws the panel ED's live session shows (the reveal or the inbox) from row TOP
 * (its heading) to the row before BOTTOM, COLS wide. */
void live_draw(cjm_editor *ed, int cols, int top, int bottom);

#endif
