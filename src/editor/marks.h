/* The marks the editor draws after a touchpoint's name and on its curve point, and the legend that explains them. */
#ifndef CJM_EDITOR_MARKS_H
#define CJM_EDITOR_MARKS_H

#include <stdbool.h>

#include "editor/editor.h"
#include "util/strbuf.h"

/*
 * The marks are those of the field table (a yes/no field's mark, shown when
 * its value is the row's mark_when: "!" for a moment of truth, "~" for a
 * touchpoint the customer does not see), then the editor's own: a diamond
 * when the patterns have a suggestion for the touchpoint. The curve shows the
 * marks of what is true (moment of truth, brand moment, commitment).
 */

/* Appends the glyphs of the marks touchpoint T has (none: nothing), ASCII
 * ones unless UNICODE; only those the curve shows when CURVE. */
void cjm_marks_of(strbuf *out, cjm_editor *ed, const cjm_touchpoint *t, bool unicode, bool curve);

/* Appends the legend of the screen: the marks, the selection and the curve,
 * a line each, for the help overlay. */
void cjm_marks_legend(strbuf *out, bool unicode);

#endif
