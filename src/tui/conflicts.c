/* Drawing the conflicts panel under the map: each conflict on two lines, where and what, then both sides' values. */
#include "tui/conflicts.h"

#include <curses.h>
#include <string.h>

#include "editor/conflicts.h"
#include "render/text.h"
#include "render/wrap.h"
#include "tui/screen.h"
#include "util/i18n.h"
#include "util/strbuf.h"

/* Writes S at (Y, X) in exactly WIDTH columns: padded, or cut with an ellipsis. */
static void conflicts_put(int y, int x, const char *s, int width)
{
	if (width <= 0)
		return;
	strbuf cut = { 0 }, padded = { 0 };
	if (!s)
		s = "";
	if (cjm_text_width(s) > (size_t)width) { /* cut with an ellipsis, its leading spaces kept */
		size_t indent = strspn(s, " ");
		if (indent >= (size_t)width)
			indent = 0;
		strbuf_add(&cut, s, indent);
		cjm_wrap_fit(&cut, s + indent, (size_t)width - indent, screen_has_unicode() ? NULL : "...");
	} else {
		strbuf_puts(&cut, s);
	}
	cjm_text_pad(&padded, cut.data ? cut.data : "", cut.len, (size_t)width);
	mvaddstr(y, x, padded.data ? padded.data : "");
	strbuf_release(&cut);
	strbuf_release(&padded);
}

/* The word for what the map holds now, at the end of a conflict's first line. */
static const char *conflicts_state(cjm_editor *ed, size_t k)
{
	if (!cjm_editor_conflict_decided(ed, k))
		return C_("conflict", "undecided");
	switch (cjm_editor_conflict_side(ed, k)) {
	case CJM_SIDE_OURS: return C_("conflict", "ours");
	case CJM_SIDE_THEIRS: return C_("conflict", "theirs");
	case CJM_SIDE_BOTH: return C_("conflict", "both");
	case CJM_SIDE_EDITED: break;
	}
	return C_("conflict", "edited");
}

/* One side of conflict K for its second line: "ours: VALUE", in brackets when the map holds it. */
static void conflicts_side_text(cjm_editor *ed, size_t k, bool theirs, strbuf *out)
{
	cjm_conflict_side side = cjm_editor_conflict_side(ed, k);
	bool taken = side == CJM_SIDE_BOTH || side == (theirs ? CJM_SIDE_THEIRS : CJM_SIDE_OURS);
	strbuf value = { 0 };
	cjm_editor_conflict_value(ed, k, theirs, &value);
	/* TRANSLATORS: one side's value in the conflicts panel: "ours: -3", "theirs: Slow; Costly" */
	strbuf_printf(out, theirs ? _("theirs: %s") : _("ours: %s"), value.data ? value.data : "");
	strbuf_release(&value);
	if (!taken)
		return;
	strbuf framed = { 0 };
	strbuf_printf(&framed, "[%s]", out->data);
	strbuf_reset(out);
	strbuf_puts(out, framed.data);
	strbuf_release(&framed);
}

/* The heading: how many, how many undecided, and the keys, as many as fit. */
static void conflicts_heading(cjm_editor *ed, int cols, int y)
{
	size_t count = ed->conflicts ? ed->conflicts->count : 0, open = cjm_editor_conflicts_undecided(ed);
	strbuf line = { 0 };
	strbuf_printf(&line, P_(" %zu conflict, %zu undecided ", " %zu conflicts, %zu undecided ", count), count, open);
	const char *ours = ed->conflicts ? ed->conflicts->ours_label : NULL,
		   *theirs = ed->conflicts ? ed->conflicts->theirs_label : NULL;
	if (ours && theirs && *ours && *theirs && (strcmp(ours, "ours") != 0 || strcmp(theirs, "theirs") != 0))
		/* TRANSLATORS: the words after git's markers, such as a branch: "(ours: HEAD, theirs: feature) " */
		strbuf_printf(&line, _("(ours: %s, theirs: %s) "), ours, theirs);
	/* TRANSLATORS: the conflicts panel's keys (o, t, b, O, T, Enter, u stay): short, each framed by spaces */
	const char *keys[] = { _(" o ours "), _(" t theirs "), _(" b both "), _(" O/T all "), _(" Enter close "),
			       _(" u undo ") };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (cjm_text_width(line.data) + cjm_text_width(keys[i]) + 2 <= (size_t)cols)
			strbuf_puts(&line, keys[i]);
	for (int x = 0; x < cols; x++)
		mvaddstr(y, x, screen_has_unicode() ? "─" : "-");
	attron(A_BOLD);
	int width = (int)cjm_text_width(line.data);
	conflicts_put(y, 0, line.data, width < cols ? width : cols);
	attroff(A_BOLD);
	strbuf_release(&line);
}

void conflicts_draw(cjm_editor *ed, int cols, int top, int bottom)
{
	conflicts_heading(ed, cols, top);
	size_t count = ed->conflicts ? ed->conflicts->count : 0;
	int rows = bottom - top - 1;
	size_t fit = rows >= 2 ? (size_t)rows / 2 : 1;
	size_t first = ed->conflict >= fit ? ed->conflict - fit + 1 : 0;
	strbuf line = { 0 }, ours = { 0 }, theirs = { 0 }, state = { 0 };
	for (size_t i = 0; i < fit && first + i < count; i++) {
		size_t k = first + i;
		int y = top + 1 + 2 * (int)i;
		bool pointed = k == ed->conflict;
		strbuf_reset(&state);
		strbuf_printf(&state, " %s ", conflicts_state(ed, k));
		int state_width = (int)cjm_text_width(state.data);
		strbuf_reset(&line);
		strbuf_puts(&line, pointed ? (screen_has_unicode() ? " ▶ " : " > ") : "   ");
		cjm_editor_conflict_where(ed, k, &line);
		strbuf_printf(&line, ": %s", cjm_editor_conflict_what(ed, k));
		if (pointed)
			attron(A_REVERSE | A_BOLD);
		conflicts_put(y, 0, line.data, cols - state_width);
		conflicts_put(y, cols - state_width, state.data, state_width);
		attroff(A_REVERSE | A_BOLD);
		if (y + 1 >= bottom)
			break;
		strbuf_reset(&ours);
		strbuf_reset(&theirs);
		conflicts_side_text(ed, k, false, &ours);
		conflicts_side_text(ed, k, true, &theirs);
		int half = (cols - 5) / 2;
		if (pointed)
			attron(A_REVERSE);
		conflicts_put(y + 1, 0, "", 5);
		conflicts_put(y + 1, 5, ours.data, half - 2);
		conflicts_put(y + 1, 3 + half, "", 2);
		conflicts_put(y + 1, 5 + half, theirs.data, cols - 5 - half);
		attroff(A_REVERSE);
	}
	strbuf_release(&line);
	strbuf_release(&ours);
	strbuf_release(&theirs);
	strbuf_release(&state);
}
