/* Wrapping text into lines of terminal cells: at spaces and after hyphens, long words broken between syllables with a visible hyphen, text that does not fit ended with an ellipsis. */
#ifndef CJM_RENDER_WRAP_H
#define CJM_RENDER_WRAP_H

#include <stddef.h>

#include "util/strbuf.h"

/* How to wrap. */
typedef struct cjm_wrap_spec {
	size_t width;         /* cells in a line (0 counts as 1) */
	size_t max_lines;     /* the most lines to write; 0 for as many as the text needs */
	size_t tail;          /* cells to keep free at the end of the last line (for marks) */
	const char *ellipsis; /* ends a last line that had to be cut; NULL for "…" */
} cjm_wrap_spec;

/*
 * Wraps S into lines of at most SPEC->width cells, appended to OUT each
 * ending in '\n'; "\n" in S is a hard break, runs of spaces are one space.
 * Lines break at spaces and after a hyphen inside a word ("kick-|off"); a
 * word wider than a line is broken with a hyphen at the end of each broken
 * line (not in a line of one cell): between syllables, by rules of thumb for
 * Dutch, where a syllable fits ("Bevestigings-" / "mail"), else between
 * characters. A combining mark stays with its character; widths are terminal cells
 * (cjm_char_width: wide characters take two). The last line written keeps
 * SPEC->tail cells free: when the text's last line has no room for them, an
 * empty line follows for them. When the text needs more than SPEC->max_lines
 * lines, the last line shown is cut and ends with the ellipsis. Lines hold
 * printable text only (see cjm_text_put). Returns the number of lines written
 * (at least 1, even for "").
 */
size_t cjm_wrap(strbuf *out, const char *s, const cjm_wrap_spec *spec);

/* The text of S on one line of WIDTH cells, ended with ELLIPSIS (NULL: "…")
 * when it is cut, padded with spaces to exactly WIDTH cells. */
void cjm_wrap_fit(strbuf *out, const char *s, size_t width, const char *ellipsis);

#endif
