/* The marks the editor draws after a touchpoint's name and on its curve point, and the legend that explains them. */
#include "editor/marks.h"

#include <stddef.h>
#include <string.h>

#include "model/field.h"
#include "render/text.h"
#include "util/i18n.h"

/* The suggestion mark, the editor's own. */
#define MARKS_SUGGESTION "\u25c6"
#define MARKS_SUGGESTION_ASCII "@"

/* Whether the table's field F is a mark, and shown on the curve too. */
static bool marks_is_mark(cjm_field f, bool curve)
{
	const cjm_field_info *info = cjm_field_info_of(f);
	return info->kind == CJM_KIND_BOOL && info->mark && (!curve || info->mark_when);
}

void cjm_marks_of(strbuf *out, cjm_editor *ed, const cjm_touchpoint *t, bool unicode, bool curve)
{
	size_t count;
	const cjm_field *fields = cjm_fields_of(CJM_REF_TOUCHPOINT, &count);
	for (size_t i = 0; i < count; i++) {
		if (marks_is_mark(fields[i], curve) && cjm_item_field_marked(t, CJM_REF_TOUCHPOINT, fields[i]))
			strbuf_puts(out, cjm_field_info_of(fields[i])->mark);
	}
	if (!curve && cjm_editor_has_suggestion(ed, t->id))
		strbuf_puts(out, unicode ? MARKS_SUGGESTION : MARKS_SUGGESTION_ASCII);
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
	strbuf_printf(out, "%s\n\n", _("Legend"));
	strbuf what = { 0 };
	size_t count;
	const cjm_field *fields = cjm_fields_of(CJM_REF_TOUCHPOINT, &count);
	for (size_t i = 0; i < count; i++) {
		if (!marks_is_mark(fields[i], false))
			continue;
		const cjm_field_info *info = cjm_field_info_of(fields[i]);
		strbuf_reset(&what);
		/* TRANSLATORS: %s is what a mark means ("moment of truth") */
		strbuf_printf(&what, info->mark_when ? _("%s, after the name and on the curve") : _("%s, after the name"),
			      _(info->mark_meaning));
		marks_line(out, info->mark, what.data);
	}
	strbuf_release(&what);
	marks_line(out, unicode ? MARKS_SUGGESTION : MARKS_SUGGESTION_ASCII,
		   _("the patterns have a suggestion (s shows it), after the name"));
	marks_line(out, unicode ? "\u25cf+2" : "o+2", _("a touchpoint's emotion on the curve"));
	marks_line(out, unicode ? "[\u25cf+2]" : "[o+2]", unicode ? _("the selected touchpoint on the curve, its column edged \u2503 \u2503")
						 : _("the selected touchpoint on the curve, its column edged # #"));
	marks_line(out, unicode ? "\u00b7\u00b7\u00b7" : "...", _("the zero line of the curve"));
	marks_line(out, _("selected"), _("its whole column black on yellow (reverse video without colour)"));
	marks_line(out, _("colours"), _("emotion -3 and -2 red, -1 yellow, +1 cyan, +2 and +3 green"));
	marks_line(out, unicode ? "\u2026" : "...", _("ends a cut line: i shows the text in full"));
}
