/* Allocation that aborts on out-of-memory, so callers never check for NULL. */
#ifndef CJM_XALLOC_H
#define CJM_XALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows *items (of ITEM_SIZE each) so that at least NEED fit; doubles capacity.
 * A NEED whose size does not fit in size_t aborts as out-of-memory does. */
void xgrow(void **items, size_t *cap, size_t need, size_t item_size);
/* Aborts as out-of-memory does: A + B bytes do not fit in size_t. */
_Noreturn void xsize_add_die(size_t a, size_t b);
/* A + B, or an abort as out-of-memory does when the sum does not fit in size_t
 * (inline: it sits on the strbuf's every append). */
static inline size_t xsize_add(size_t a, size_t b)
{
	if (a > SIZE_MAX - b)
		xsize_add_die(a, b);
	return a + b;
}

char *xstrdup(const char *s);         /* xstrdup(NULL) is NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The arithmetic behind them, without allocating: each stores its result and
 * returns true, or returns false (storing nothing) when it would overflow. */
bool size_add_fits(size_t a, size_t b, size_t *sum);
bool size_mul_fits(size_t count, size_t size, size_t *product);
/* The capacity xgrow gives when CAP items are there and NEED must fit: CAP
 * itself when NEED fits, else 4 (from nothing) doubled until NEED fits; when
 * doubling would pass the largest count of ITEM_SIZE bytes that fits in size_t,
 * exactly NEED. False when NEED items of ITEM_SIZE do not fit in size_t. */
bool grow_capacity_fits(size_t cap, size_t need, size_t item_size, size_t *new_cap);

#endif
