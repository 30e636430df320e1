/* Projector mode: the selected touchpoint's name and emotion large, and the curve as tall as the screen allows. */
#ifndef CJM_PRESENT_H
#define CJM_PRESENT_H

#include "editor/editor.h"

/* Draws the projector view on the whole ROWS x COLS screen (the caller erased it). */
void present_draw(cjm_editor *ed, int rows, int cols);
/* A key in projector mode (the editor's own code, as cjm_editor_key takes): the keys
 * of its table, cjm_present_keys, walk and leave; every other key changes nothing and
 * the hint says that F leaves to edit. */
void present_key(cjm_editor *ed, int key);

#endif
