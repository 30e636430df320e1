/* Text as a terminal should show it: every character it would act on, or that hides or reorders text, as an escape. */
#ifndef CJM_VISIBLE_H
#define CJM_VISIBLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/strbuf.h"

/*
 * The characters cjm never prints as they are: the C0 controls (ESC, BEL, CR,
 * ...), DEL, the C1 controls (U+0080 to U+009F: CSI U+009B, NEL U+0085, ...),
 * the line and paragraph separators U+2028 and U+2029, the bidirectional
 * controls that can make a terminal show text in another order than it is
 * (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069: "Trojan
 * Source"), the byte-order mark U+FEFF and the noncharacters U+FFFE, U+FFFF.
 * They are written as \xHH (below U+0080; also every byte that is not
 * UTF-8) or \uHHHH, and tab, line feed and CR as \t, \n and \r.
 */
bool visible_escaped(uint32_t cp);

#define VISIBLE_KEEP_NEWLINE 1u /* '\n' passes as it is (multi-line output) */
#define VISIBLE_KEEP_TAB 2u     /* '\t' passes as it is */
#define VISIBLE_BACKSLASH 4u    /* '\\' is doubled, so the text reads back exactly */

/* Appends LEN bytes of TEXT with every character of visible_escaped escaped. */
void visible_append(strbuf *out, const char *text, size_t len, unsigned flags);
/* The same for a NUL-terminated TEXT (NULL is ""). */
void visible_puts(strbuf *out, const char *text, unsigned flags);
/* Writes TEXT to F escaped; returns what fputs returns. */
int visible_fputs(const char *text, unsigned flags, FILE *f);
/* The escaped form of CP (or of the lone byte CP when NOT_UTF8) in BUF (at least 11 bytes);
 * returns its length. */
size_t visible_escape_char(char *buf, uint32_t cp, bool not_utf8);

/* True when LEN bytes of S hold a character of visible_escaped beyond ASCII (a
 * bidirectional control, U+FEFF, a C1 control, U+2028, ...): what a YAML writer
 * must write as an escape, since libyaml writes those it thinks printable as
 * they are. Quick for ASCII text. */
bool visible_has_escaped_unicode(const char *s, size_t len);
/* Rewrites every character of visible_has_escaped_unicode in OUT from byte FROM on
 * as \uHHHH. Only for YAML in which every scalar holding one is double-quoted,
 * where that escape reads back as the character. */
void visible_escape_yaml_quoted(strbuf *out, size_t from);

#endif
