/* Decoding and checking UTF-8, the only text encoding a map may hold. */
#ifndef CJM_UTF8_H
#define CJM_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the sequence at S (N bytes available) into *CP; returns its length,
 * or 0 when it is not valid UTF-8 (overlong, surrogate, past U+10FFFF, cut short). */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* True when the NUL-terminated S is valid UTF-8. */
bool utf8_valid(const char *s);
/*
 * The characters a map may hold: any Unicode scalar value except the control
 * characters U+0000 to U+001F other than tab and line feed, U+007F to U+009F
 * (DEL and the C1 controls, NEL U+0085 among them), the line and paragraph
 * separators U+2028 and U+2029, and the noncharacters U+FFFE and U+FFFF
 * (cjm-map(5), CHARACTERS). The same rule holds for text written raw in a file
 * and for text written as a YAML escape, and in the editor, the importers and
 * the saver alike.
 *
 * What is wrong with the character CP in a map's text, as a format for it (one
 * %04X), or NULL. A CR in a file is a line end (CRLF and CR read as LF), so it
 * is never a character of the text; the file's readers pass it before asking.
 */
const char *utf8_forbidden(uint32_t cp);
/* The first character in S (LEN bytes) that a map may not hold: its message (as
 * utf8_forbidden), its byte offset in *AT (AT may be NULL) and itself in *CP; or
 * NULL. Bytes that are not UTF-8 are passed over (utf8_valid tells about them). */
const char *utf8_find_forbidden(const char *s, size_t len, size_t *at, uint32_t *cp);

/* What utf8_clean changed. */
typedef struct utf8_cleaned {
	size_t breaks;  /* CR, CRLF, NEL, U+2028, U+2029 turned into a line break or a space */
	size_t tabs;    /* tabs turned into spaces (UTF8_CLEAN_TABS) */
	size_t dropped; /* other characters a map may not hold, left out */
} utf8_cleaned;

#define UTF8_CLEAN_MULTILINE 1u /* the text may hold line breaks: other breaks become '\n' (else ' ') */
#define UTF8_CLEAN_TABS 2u      /* tabs become spaces too */

/* S made into text a map may hold, as pasted text is: every kind of line
 * break a LF (or a space), every other forbidden character left out. Adds
 * what it changed to *COUNT (may be NULL). Returns malloc'd text;
 * bytes that are not UTF-8 are kept as they are. */
char *utf8_clean(const char *s, unsigned flags, utf8_cleaned *count);

#endif
