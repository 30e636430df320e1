/* Wrapping text into lines of terminal cells: at spaces and after hyphens, long words broken with a visible hyphen, text that does not fit ended with an ellipsis. */
#include "render/wrap.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/hyphen.h"
#include "render/text.h"
#include "util/xalloc.h"

/* One character with the combining marks after it: what a line never splits. */
struct wrap_cluster {
	size_t len;   /* bytes */
	size_t width; /* cells */
	uint32_t cp;  /* the first character */
};

static bool wrap_is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* The cluster at S (LEN > 0 bytes left). A character wider than LIMIT cells
 * (an escape in a narrow line) is shown as '?' and counts one cell. */
static struct wrap_cluster wrap_next(const char *s, size_t len, size_t limit)
{
	struct wrap_cluster c;
	c.len = cjm_utf8_decode(s, len, &c.cp);
	c.width = (size_t)cjm_char_width(c.cp);
	if (c.cp == '\n' || wrap_is_blank(c.cp))
		return c;
	if (c.width > limit)
		c.width = 1;
	while (c.len < len) {
		uint32_t next;
		size_t n = cjm_utf8_decode(s + c.len, len - c.len, &next);
		if (next == '\n' || wrap_is_blank(next) || cjm_char_width(next) != 0)
			break;
		c.len += n;
	}
	return c;
}

/* Appends the cluster C at S as printable text. */
static void wrap_emit(strbuf *out, const char *s, const struct wrap_cluster *c, size_t limit)
{
	if ((size_t)cjm_char_width(c->cp) > limit)
		strbuf_putc(out, '?');
	else
		cjm_text_put(out, s, c->len, (size_t)-1);
}

/* The greedy wrap of the whole text, before lines are counted against the limit. */
struct wrap_state {
	const char *src;
	strbuf body;      /* the lines, each ending in '\n' */
	size_t width;
	size_t used;      /* cells of the current line */
	size_t lines;     /* lines ended so far */
	size_t *body_at;  /* [line] where it starts in body */
	size_t *src_at;   /* [line] where its text starts in src (SIZE_MAX until known) */
	size_t cap;
};

static void wrap_open_line(struct wrap_state *w)
{
	if (w->lines == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 8;
		w->body_at = xrealloc(w->body_at, w->cap * sizeof *w->body_at);
		w->src_at = xrealloc(w->src_at, w->cap * sizeof *w->src_at);
	}
	w->body_at[w->lines] = w->body.len;
	w->src_at[w->lines] = SIZE_MAX;
}

/* Ends the current line; AT is where the text stands in the source. */
static void wrap_break(struct wrap_state *w, size_t at)
{
	if (w->src_at[w->lines] == SIZE_MAX)
		w->src_at[w->lines] = at;
	strbuf_putc(&w->body, '\n');
	w->lines++;
	w->used = 0;
	wrap_open_line(w);
}

static void wrap_mark_start(struct wrap_state *w, size_t at)
{
	if (w->src_at[w->lines] == SIZE_MAX)
		w->src_at[w->lines] = at;
}

/* Places the piece [AT, AT+LEN) of WIDTH cells, after a space when SPACED. A
 * piece wider than a line breaks, with a hyphen, between syllables where a
 * syllable fits and between characters where one does not. */
static void wrap_piece(struct wrap_state *w, size_t at, size_t len, size_t width, bool spaced)
{
	const char *s = w->src;
	size_t gap = spaced ? 1 : 0, line = w->width;
	if (w->used > 0 && w->used + gap + width <= line) {
		if (spaced)
			strbuf_putc(&w->body, ' ');
		w->used += gap;
	} else if (w->used > 0) {
		wrap_break(w, at);
	}
	size_t hyphen = line >= 2 ? 1 : 0, rest = width;
	size_t *next = width > line && hyphen ? cjm_hyphen_points(s + at, len) : NULL;
	bool at_break = false; /* the cluster at i begins a syllable */
	for (size_t i = at; i < at + len;) {
		struct wrap_cluster c = wrap_next(s + i, at + len - i, line);
		if (at_break && w->used > 0) { /* does the syllable from here fit, with its hyphen? */
			size_t end = next[i - at], cells = cjm_text_width_n(s + i, end - (i - at));
			if (w->used + cells + (end < len ? hyphen : 0) > line) {
				strbuf_putc(&w->body, '-');
				wrap_break(w, i);
			}
		}
		if (w->used + rest > line && w->used > 0 && w->used + c.width + hyphen > line) {
			if (hyphen && w->used + 1 <= line)
				strbuf_putc(&w->body, '-');
			wrap_break(w, i);
		}
		wrap_mark_start(w, i);
		wrap_emit(&w->body, s + i, &c, line);
		w->used += c.width;
		rest -= c.width;
		i += c.len;
		at_break = next && i < at + len && next[i - at - 1] == i - at;
	}
	free(next);
}

/* Wraps the first LEN bytes of the source into W->body. */
static void wrap_all(struct wrap_state *w, size_t len)
{
	const char *s = w->src;
	wrap_open_line(w);
	size_t i = 0;
	while (i < len) {
		struct wrap_cluster c = wrap_next(s + i, len - i, w->width);
		if (c.cp == '\n') {
			wrap_break(w, i);
			i += c.len;
			continue;
		}
		if (wrap_is_blank(c.cp)) {
			i += c.len;
			continue;
		}
		/* a word, in pieces that end after a hyphen ("time-and-effort") */
		bool spaced = true, letters = false;
		size_t start = i, ww = 0;
		while (i < len) {
			c = wrap_next(s + i, len - i, w->width);
			if (c.cp == '\n' || wrap_is_blank(c.cp))
				break;
			ww += c.width;
			i += c.len;
			if (c.cp != '-') {
				letters = true;
			} else if (letters && i < len && s[i] != '-' && s[i] != '\n' && s[i] != ' ' && s[i] != '\t') {
				wrap_piece(w, start, i - start, ww, spaced);
				spaced = letters = false;
				start = i;
				ww = 0;
			}
		}
		wrap_piece(w, start, i - start, ww, spaced);
	}
	wrap_break(w, len);
}

/* The source from AT to LEN on one line of AVAIL cells, blanks and breaks
 * as single spaces; cut and ended with ELLIPSIS (EW cells) when it does not fit. */
static void wrap_cut_line(strbuf *out, const char *s, size_t at, size_t len, size_t avail, size_t limit,
			  const char *ellipsis, size_t ew)
{
	size_t whole = 0;
	bool gap = false, started = false;
	for (size_t i = at; i < len;) { /* does all of it fit? */
		struct wrap_cluster c = wrap_next(s + i, len - i, limit);
		i += c.len;
		if (c.cp == '\n' || wrap_is_blank(c.cp)) {
			gap = started;
			continue;
		}
		whole += c.width + (gap ? 1 : 0);
		gap = false;
		started = true;
	}
	size_t budget = whole <= avail ? avail : avail >= ew ? avail - ew : 0;
	size_t used = 0;
	gap = started = false;
	for (size_t i = at; i < len;) {
		struct wrap_cluster c = wrap_next(s + i, len - i, limit);
		if (c.cp == '\n' || wrap_is_blank(c.cp)) {
			gap = started;
			i += c.len;
			continue;
		}
		size_t need = c.width + (gap ? 1 : 0);
		if (used + need > budget)
			break;
		if (gap)
			strbuf_putc(out, ' ');
		wrap_emit(out, s + i, &c, limit);
		used += need;
		gap = false;
		started = true;
		i += c.len;
	}
	if (whole > avail && ew <= avail)
		strbuf_puts(out, ellipsis);
	strbuf_putc(out, '\n');
}

size_t cjm_wrap(strbuf *out, const char *s, const cjm_wrap_spec *spec)
{
	const char *ellipsis = spec->ellipsis ? spec->ellipsis : "…";
	size_t width = spec->width ? spec->width : 1;
	size_t len = strlen(s);
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--; /* a trailing line break is not an empty last line */
	struct wrap_state w = { .src = s, .width = width };
	wrap_all(&w, len);
	size_t last_used = 0; /* cells of the text's last line */
	if (w.lines > 0) {
		size_t from = w.body_at[w.lines - 1];
		last_used = cjm_text_width_n(w.body.data + from, w.body.len - from - 1);
	}
	bool extra = spec->tail > 0 && last_used > 0 && last_used + spec->tail > width;
	size_t total = w.lines + (extra ? 1 : 0);
	if (spec->max_lines == 0 || total <= spec->max_lines) {
		strbuf_add(out, w.body.data, w.body.len);
		if (extra)
			strbuf_putc(out, '\n');
	} else {
		size_t keep = spec->max_lines - 1;
		strbuf_add(out, w.body.data, w.body_at[keep]);
		size_t at = w.src_at[keep] == SIZE_MAX ? len : w.src_at[keep];
		size_t avail = width > spec->tail ? width - spec->tail : 0;
		wrap_cut_line(out, s, at, len, avail, width, ellipsis, cjm_text_width(ellipsis));
		total = spec->max_lines;
	}
	strbuf_release(&w.body);
	free(w.body_at);
	free(w.src_at);
	return total;
}

void cjm_wrap_fit(strbuf *out, const char *s, size_t width, const char *ellipsis)
{
	if (width == 0)
		return;
	strbuf line = { 0 };
	cjm_wrap_spec spec = { .width = width, .max_lines = 1, .ellipsis = ellipsis };
	cjm_wrap(&line, s ? s : "", &spec);
	size_t n = line.len > 0 ? line.len - 1 : 0; /* without its '\n' */
	size_t used = cjm_text_width_n(line.data ? line.data : "", n);
	strbuf_add(out, line.data ? line.data : "", n);
	cjm_text_spaces(out, used < width ? width - used : 0);
	strbuf_release(&line);
}
