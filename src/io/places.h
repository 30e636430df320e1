/* Where each touchpoint's channel and owner stand in a map's text (for cjm validate's warnings). */
#ifndef CJM_IO_PLACES_H
#define CJM_IO_PLACES_H

#include <stddef.h>

#include "model/map.h"

/* The model keeps only where a touchpoint starts (its structures are part of the
 * plugin ABI), so the values' own places are read again from the file's text. */
typedef struct cjm_value_places {
	cjm_pos *channel, *owner; /* per touchpoint, in journey order; line 0 when absent */
	size_t count, cap;
} cjm_value_places;

/* Reads the places of every touchpoint's channel and owner from TEXT, a map that loaded. */
void cjm_value_places_scan(cjm_value_places *vp, const char *text, size_t len);
void cjm_value_places_release(cjm_value_places *vp);

#endif
