/* The details view (i): everything about the selected touchpoint or phase, in full and wrapped. */
#ifndef CJM_DETAILS_H
#define CJM_DETAILS_H

#include <stdbool.h>

#include "editor/editor.h"

/* Draws the view over rows 0..ROWS-2 (the status line stays); scrolls with ED->overlay_scroll. */
void details_draw(cjm_editor *ed, int rows, int cols);

#endif
