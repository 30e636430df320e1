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
void strbuf_printf(strbuf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends COUNT copies of the UTF-8 string S. */
void strbuf_repeat(strbuf *buf, const char *s, size_t count);
void strbuf_reset(strbuf *buf);
void strbuf_release(strbuf *buf);

#endif
