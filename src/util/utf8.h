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
/* What is wrong with the valid non-ASCII character CP in a map's text, as a format
 * for it (one %04X), or NULL: C1 controls, the Unicode line and paragraph
 * separators and the noncharacters U+FFFE, U+FFFF would show or break lines
 * unlike YAML does. The loader and the CSV importer refuse the same ones. */
const char *utf8_forbidden(uint32_t cp);

#endif
