/* UTF-8 text for fixed-width output: display width, padding, word wrapping, numbers. */
#ifndef CJM_RENDER_TEXT_H
#define CJM_RENDER_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

/*
 * Widths come from a small table of our own (combining marks 0, East Asian
 * wide and emoji 2, everything else 1), not from wcwidth(3), so the output
 * is the same whatever the locale is.
 */

/* Decodes one UTF-8 character of S (LEN > 0 bytes left) into *CP and returns
 * its length; an invalid or truncated sequence is one byte with *CP = 0xFFFD. */
size_t cjm_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Columns the character CP takes: 0 (combining, zero-width), 1 or 2. Tab and
 * line feed count 1 (the renderers show them as one space); every other
 * character a terminal would act on (visible_escaped) is shown as its escape
 * (\x1B, \u202E) and counts the escape's 4 or 6 columns. */
int cjm_char_width(uint32_t cp);
/* Columns LEN bytes of S take (S need not be NUL-terminated). */
size_t cjm_text_width_n(const char *s, size_t len);
size_t cjm_text_width(const char *s);

/* Appends S as printable text: tab and line feed become spaces, the other
 * control characters, U+2028, U+2029, the bidirectional controls and U+FEFF
 * their escapes (visible_escaped), invalid UTF-8 becomes '?'. At most WIDTH columns are taken (the rest is cut); returns
 * the columns written. */
size_t cjm_text_put(strbuf *out, const char *s, size_t len, size_t width);
/* Like cjm_text_put, then spaces up to exactly WIDTH columns. */
void cjm_text_pad(strbuf *out, const char *s, size_t len, size_t width);
/* Appends WIDTH spaces. */
void cjm_text_spaces(strbuf *out, size_t width);

/*
 * Word-wraps S into lines of at most WIDTH (>= 1) columns, appended to OUT
 * each ending in '\n'; "\n" in S is a hard break. Lines break at spaces and
 * after hyphens; a word longer than WIDTH is broken with a visible hyphen
 * (cjm_wrap, which also limits lines and reserves room for marks). Lines hold
 * printable text only (see cjm_text_put). Returns the number of lines (at
 * least 1, even for "").
 */
size_t cjm_text_wrap(strbuf *out, const char *s, size_t width);

/* Appends the shortest decimal form of X that reads back as the same double
 * ("7", "7.5", "0.3"). */
void cjm_text_number(strbuf *out, double x);
/* Appends the emotion E with its sign when positive ("+2", "0", "-3"). */
void cjm_text_emotion(strbuf *out, int e);

#endif
