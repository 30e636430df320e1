/* A growable byte buffer for building output text. */
#ifndef CJM_STRBUF_H
#define CJM_STRBUF_H

#include <stddef.h>

typedef struct strbuf {
	char *data; /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
} strbuf;

void strbuf_add(strbuf *buf, const char *bytes, size_t len);
void strbuf_puts(strbuf *buf, const char *s);
void strbuf_putc(strbuf *buf, char c);
/* Appends S as one field of a tab-separated line: backslash, tab and line feed as
 * \\, \t and \n, everything else as it is. */
void strbuf_put_field(strbuf *buf, const char *s);
void strbuf_printf(strbuf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends COUNT copies of the UTF-8 string S. */
void strbuf_repeat(strbuf *buf, const char *s, size_t count);
void strbuf_reset(strbuf *buf);
/* Makes room for MORE bytes past the end at once. For a big output (several MiB)
 * it also asks the kernel for huge pages: first touching fresh 4 KiB pages costs
 * more than writing the text into them on some machines (advice only). */
void strbuf_reserve(strbuf *buf, size_t more);
void strbuf_release(strbuf *buf);

#endif
