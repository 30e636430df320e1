/* Building maps in unit tests: a phase or a touchpoint added at the end, in one call. */
#ifndef CJM_TEST_FIXTURE_H
#define CJM_TEST_FIXTURE_H

#include "model/map.h"

/* The emotion of a touchpoint that is not scored. */
#define NO_EMOTION 99

/* Adds phase ID named NAME after the last phase of MAP; returns it. */
cjm_phase *add_phase(cjm_map *map, const char *id, const char *name);
/* Adds touchpoint ID named NAME after the last of PHASE, with EMOTION (NO_EMOTION: unscored). */
cjm_touchpoint *add_tp(cjm_phase *phase, const char *id, const char *name, int emotion);

#endif
