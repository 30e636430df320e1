/* The marks the editor draws after a touchpoint's name and on its curve point, and the legend that explains them. */
#include "editor/marks.h"

#include <stddef.h>
#include <string.h>

#include "render/text.h"

/* Indexes into cjm_marks, for cjm_marks_of. */
enum { MARK_TRUTH, MARK_BRAND, MARK_COMMITMENT, MARK_HIDDEN, MARK_SUGGESTION };

const cjm_mark cjm_marks[] = {
	[MARK_TRUTH] = { "!", "!", "moment of truth", true },
	[MARK_BRAND] = { "*", "*", "brand moment", true },
	[MARK_COMMITMENT] = { "$", "$", "commitment", true },
	[MARK_HIDDEN] = { "~", "~", "not visible to the customer", false },
	[MARK_SUGGESTION] = { "\u25c6", "@", "the patterns have a suggestion (s shows it)", false },
	{ NULL, NULL, NULL, false },
};

static bool marks_has(cjm_editor *ed, const cjm_touchpoint *t, int mark)
{
	switch (mark) {
	case MARK_TRUTH: return t->moment_of_truth == CJM_TRUE;
	case MARK_BRAND: return t->brand_moment == CJM_TRUE;
	case MARK_COMMITMENT: return t->commitment == CJM_TRUE;
	case MARK_HIDDEN: return !cjm_touchpoint_is_visible(t);
	case MARK_SUGGESTION: return cjm_editor_has_suggestion(ed, t->id);
	}
	return false;
}

void cjm_marks_of(strbuf *out, cjm_editor *ed, const cjm_touchpoint *t, bool unicode, bool curve)
{
	for (int m = 0; cjm_marks[m].glyph; m++)
		if ((!curve || cjm_marks[m].on_curve) && marks_has(ed, t, m))
			strbuf_puts(out, unicode ? cjm_marks[m].glyph : cjm_marks[m].ascii);
}

/* One legend line: SYMBOL padded to its column, then WHAT. */
static void marks_line(strbuf *out, const char *symbol, const char *what)
{
	strbuf_puts(out, "  ");
	cjm_text_pad(out, symbol, strlen(symbol), 11);
	strbuf_puts(out, what);
	strbuf_putc(out, '\n');
}

void cjm_marks_legend(strbuf *out, bool unicode)
{
	strbuf_puts(out, "Legend\n\n");
	strbuf what = { 0 };
	for (const cjm_mark *m = cjm_marks; m->glyph; m++) {
		strbuf_reset(&what);
		strbuf_printf(&what, "%s, after the name%s", m->meaning, m->on_curve ? " and on the curve" : "");
		marks_line(out, unicode ? m->glyph : m->ascii, what.data);
	}
	strbuf_release(&what);
	marks_line(out, unicode ? "\u25cf+2" : "o+2", "a touchpoint's emotion on the curve");
	marks_line(out, unicode ? "[\u25cf+2]" : "[o+2]", unicode ? "the selected touchpoint on the curve, its column edged \u2503 \u2503"
						 : "the selected touchpoint on the curve, its column edged # #");
	marks_line(out, unicode ? "\u00b7\u00b7\u00b7" : "...", "the zero line of the curve");
	marks_line(out, "selected", "its whole column black on yellow (reverse video without colour)");
	marks_line(out, "colours", "emotion -3 and -2 red, -1 yellow, +1 cyan, +2 and +3 green");
	marks_line(out, unicode ? "\u2026" : "...", "ends a cut line: i shows the text in full");
}
