/* Drawing the conflicts panel under the map: each conflict on two lines, where and what, then both sides' values. */
#ifndef CJM_TUI_CONFLICTS_H
#define CJM_TUI_CONFLICTS_H

#include "editor/editor.h"

/* Draws the panel in rows TOP..BOTTOM-1 of a screen COLS wide: its heading on
 * row TOP (the map's last line), then as many conflicts as fit, scrolled so the
 * one pointed at shows. */
void conflicts_draw(cjm_editor *ed, int cols, int top, int bottom);

#endif
