/* The free-text values a map uses (channels, owners): completion from them, and spellings that differ only in case, spaces or hyphens. */
#ifndef CJM_VARIANTS_H
#define CJM_VARIANTS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"
#include "model/field.h"

/* TEXT folded for comparison: lower case (ASCII and Latin-1 letters), without
 * spaces (also no-break spaces and tabs) and hyphens (also U+2010..U+2013).
 * "E-mail", "e mail" and "email" all fold to "email". Returns malloc'd text. */
char *cjm_variant_key(const char *text);

/*
 * Groups VALUES[0..N) (NULL entries are passed over) by their folded key: for
 * each i, FIRST[i] is the index of the first value with the same key (i itself
 * for the first of its kind; (size_t)-1 for a NULL value). Value i is a variant
 * when it differs from VALUES[FIRST[i]] byte for byte. Returns how many
 * variants there are. O(N log N).
 */
size_t cjm_variant_groups(const char *const *values, size_t n, size_t *first);

/*
 * The values the map uses for the touchpoint text field FIELD (channel, owner)
 * that complete PREFIX: their folded key starts with PREFIX's, and they are not
 * PREFIX itself. The most used first, then in the order they first appear.
 * An empty PREFIX completes nothing. *OUT is a malloc'd array of borrowed
 * strings (pointing into the map; free the array only); returns the count.
 */
size_t cjm_values_complete(const cjm_map *map, cjm_field field, const char *prefix, const char ***out);

/* The distinct values the map uses for FIELD, the most used first (as above). */
size_t cjm_values_used(const cjm_map *map, cjm_field field, const char ***out);

#endif
