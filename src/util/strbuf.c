/* A growable byte buffer for building output text; a length that would overflow
 * size_t aborts as out-of-memory does, before anything is written. */
#include "util/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>

#include "util/xalloc.h"

void strbuf_add(strbuf *buf, const char *bytes, size_t len)
{
	xgrow((void **)&buf->data, &buf->cap, xsize_add(buf->len, xsize_add(len, 1)), 1);
	memcpy(buf->data + buf->len, bytes, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void strbuf_puts(strbuf *buf, const char *s)
{
	strbuf_add(buf, s, strlen(s));
}

void strbuf_putc(strbuf *buf, char c)
{
	strbuf_add(buf, &c, 1);
}

void strbuf_printf(strbuf *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	xgrow((void **)&buf->data, &buf->cap, xsize_add(buf->len, (size_t)n + 1), 1);
	va_start(ap, fmt);
	vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf->len += (size_t)n;
}

void strbuf_reserve(strbuf *buf, size_t more)
{
	const size_t huge = 2u << 20;
	xgrow((void **)&buf->data, &buf->cap, xsize_add(buf->len, xsize_add(more, 1)), 1);
	if (more < 4 * huge)
		return;
#ifdef MADV_HUGEPAGE
	uintptr_t start = ((uintptr_t)buf->data + buf->len + huge - 1) & ~(uintptr_t)(huge - 1);
	uintptr_t end = ((uintptr_t)buf->data + buf->cap) & ~(uintptr_t)(huge - 1);
	if (end > start)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE); /* advice: failure changes nothing */
#endif
}

void strbuf_repeat(strbuf *buf, const char *s, size_t count)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < count; i++)
		strbuf_add(buf, s, n);
}

void strbuf_reset(strbuf *buf)
{
	buf->len = 0;
	if (buf->data)
		buf->data[0] = '\0';
}

void strbuf_release(strbuf *buf)
{
	free(buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
}

void strbuf_put_field(strbuf *buf, const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p == '\\')
			strbuf_puts(buf, "\\\\");
		else if (*p == '\t')
			strbuf_puts(buf, "\\t");
		else if (*p == '\n')
			strbuf_puts(buf, "\\n");
		else
			strbuf_putc(buf, *p);
	}
}
