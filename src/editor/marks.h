/* The marks the editor draws after a touchpoint's name and on its curve point, and the legend that explains them. */
#ifndef CJM_EDITOR_MARKS_H
#define CJM_EDITOR_MARKS_H

#include <stdbool.h>

#include "editor/editor.h"
#include "util/strbuf.h"

/* One mark: its glyph (in a UTF-8 locale and without), what it means, and
 * whether the curve shows it too. */
typedef struct cjm_mark {
	const char *glyph;
	const char *ascii;
	const char *meaning;
	bool on_curve;
} cjm_mark;

/* Every mark, in the order they are drawn; ends with a NULL glyph. */
extern const cjm_mark cjm_marks[];

/* Appends the glyphs of the marks touchpoint T has (none: nothing), ASCII
 * ones unless UNICODE; only those the curve shows when CURVE. */
void cjm_marks_of(strbuf *out, cjm_editor *ed, const cjm_touchpoint *t, bool unicode, bool curve);

/* Appends the legend of the screen: the marks, the selection and the curve,
 * a line each, for the help overlay. */
void cjm_marks_legend(strbuf *out, bool unicode);

#endif
