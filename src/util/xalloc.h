/* Allocation that aborts on out-of-memory, so callers never check for NULL. */
#ifndef CJM_XALLOC_H
#define CJM_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows *items (of ITEM_SIZE each) so that at least NEED fit; doubles capacity. */
void xgrow(void **items, size_t *cap, size_t need, size_t item_size);
char *xstrdup(const char *s);         /* xstrdup(NULL) is NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
