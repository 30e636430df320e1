/* Drawing the editor's :compare on the curve lane: the other map's line, its markers and a legend naming it. */
#include "tui/compare.h"

#include <curses.h>
#include <string.h>

#include "editor/compare.h"
#include "render/compare_text.h"
#include "render/text.h"
#include "tui/screen.h"
#include "util/i18n.h"
#include "util/strbuf.h"

/* The other map's emotion in the column of T into *E; false when it has none there. */
static bool compare_emotion(const cjm_editor *ed, const cjm_touchpoint *t, int *e)
{
	const cjm_touchpoint *there = t ? cjm_editor_compare_find(ed, t->id) : NULL;
	if (!there || !there->has_emotion)
		return false;
	*e = there->emotion;
	return true;
}

void screen_compare_step(cjm_editor *ed, screen_compare_pen *pen, int top, const cjm_touchpoint *t, int x,
			 int left)
{
	int e;
	if (!compare_emotion(ed, t, &e))
		return;
	int row = top + (CJM_EMOTION_MAX - e);
	bool unicode = screen_has_unicode();
	const char *h = unicode ? "┄" : "~", *v = unicode ? "┆" : ":";
	if (pen->have) {
		attron(A_DIM);
		int xm = left > pen->x ? left : pen->x + 1;
		for (int xx = pen->x + 1; xx < x; xx++)
			mvaddstr(xx < xm ? pen->row : row, xx, h);
		if (row != pen->row) {
			int lo = row < pen->row ? row : pen->row, hi = row < pen->row ? pen->row : row;
			for (int y = lo; y <= hi; y++)
				mvaddstr(y, xm, v);
		}
		attroff(A_DIM);
	}
	pen->have = true;
	pen->x = x;
	pen->row = row;
}

void screen_compare_point(cjm_editor *ed, int top, const cjm_touchpoint *t, int x)
{
	int e;
	if (!compare_emotion(ed, t, &e))
		return;
	attron(A_BOLD);
	mvaddstr(top + (CJM_EMOTION_MAX - e), x, screen_has_unicode() ? "○" : "o");
	attroff(A_BOLD);
}

const char *screen_compare_marker(void)
{
	return screen_has_unicode() ? "●" : "*";
}

void screen_compare_legend(cjm_editor *ed, int y, int x, int width)
{
	const cjm_compare *cmp = cjm_editor_comparison(ed);
	if (!cmp || width <= 2)
		return;
	const cjm_figures *hf = cjm_compare_here_figures(cmp), *tf = cjm_compare_there_figures(cmp);
	strbuf here = { 0 }, there = { 0 }, line = { 0 };
	if (hf->has_peak)
		cjm_compare_text_signed(&here, hf->emotion.mean, 2);
	else
		strbuf_puts(&here, "-");
	if (tf->has_peak)
		cjm_compare_text_signed(&there, tf->emotion.mean, 2);
	else
		strbuf_puts(&there, "-");
	/* TRANSLATORS: the legend over the editor's curve with :compare: this map's marker, then the other's
	 * marker and file name; the two numbers are their mean emotions. */
	strbuf_printf(&line, _(" %s this map  %s %s  mean %s / %s "), screen_compare_marker(),
		      screen_has_unicode() ? "○" : "o", cjm_editor_compare_name(ed), here.data, there.data);
	strbuf fitted = { 0 };
	cjm_text_put(&fitted, line.data, line.len, (size_t)width);
	attron(A_BOLD);
	mvaddstr(y, x, fitted.data ? fitted.data : "");
	attroff(A_BOLD);
	strbuf_release(&fitted);
	strbuf_release(&line);
	strbuf_release(&here);
	strbuf_release(&there);
}
