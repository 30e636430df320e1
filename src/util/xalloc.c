/* Allocation that aborts on out-of-memory, so callers never check for NULL. */
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

_Noreturn static void xalloc_die(size_t size)
{
	/* gettext gives back the message itself when it cannot allocate: safe here */
	fprintf(stderr, _("cjm: out of memory (%zu bytes)\n"), size);
	abort();
}

/* Like xalloc_die, for a size too big for size_t: COUNT items of SIZE bytes. */
_Noreturn static void xalloc_die_overflow(size_t count, size_t size)
{
	fprintf(stderr, _("cjm: out of memory (%zu items of %zu bytes overflow size_t)\n"), count, size);
	abort();
}

bool size_add_fits(size_t a, size_t b, size_t *sum)
{
	if (a > SIZE_MAX - b)
		return false;
	*sum = a + b;
	return true;
}

bool size_mul_fits(size_t count, size_t size, size_t *product)
{
	if (size != 0 && count > SIZE_MAX / size)
		return false;
	*product = count * size;
	return true;
}

bool grow_capacity_fits(size_t cap, size_t need, size_t item_size, size_t *new_cap)
{
	size_t most = item_size ? SIZE_MAX / item_size : SIZE_MAX; /* items whose size fits */
	if (need > most)
		return false;
	if (need <= cap) {
		*new_cap = cap;
		return true;
	}
	size_t n = cap ? cap : 4;
	if (n > most) /* even the first 4 do not fit */
		n = need;
	while (n < need) {
		if (n > most / 2) { /* doubling would not fit: grow to what is needed */
			n = need;
			break;
		}
		n *= 2;
	}
	*new_cap = n;
	return true;
}

_Noreturn void xsize_add_die(size_t a, size_t b)
{
	fprintf(stderr, _("cjm: out of memory (%zu + %zu bytes overflow size_t)\n"), a, b);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		xalloc_die(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	size_t total;
	if (!size_mul_fits(count, size, &total))
		xalloc_die_overflow(count, size);
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		xalloc_die(total);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		xalloc_die(size);
	return p;
}

void xgrow(void **items, size_t *cap, size_t need, size_t item_size)
{
	if (need <= *cap)
		return;
	size_t n;
	if (!grow_capacity_fits(*cap, need, item_size, &n))
		xalloc_die_overflow(need, item_size);
	*items = xrealloc(*items, n * item_size);
	*cap = n;
}

char *xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(xsize_add(n, 1));
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		xalloc_die(0);
	char *p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
