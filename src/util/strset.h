/* A hash set of strings (borrowed, not copied), for id uniqueness in linear time. */
#ifndef CJM_STRSET_H
#define CJM_STRSET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strset strset;

strset *strset_new(size_t expected);
void strset_free(strset *set);
/* Adds KEY (the set keeps the pointer); false when it was already there. */
bool strset_add(strset *set, const char *key);
bool strset_has(const strset *set, const char *key);
/* The value stored with KEY by strset_put, or NULL. */
void *strset_get(const strset *set, const char *key);
/* The value slot of KEY, adding KEY (with a NULL value) when absent; *ADDED says which.
 * One probe where strset_get then strset_put would take two. */
void **strset_slot(strset *set, const char *key, bool *added);
/* Adds or replaces KEY with VALUE. */
void strset_put(strset *set, const char *key, void *value);
size_t strset_count(const strset *set);
size_t strset_hash(const char *key);

#endif
