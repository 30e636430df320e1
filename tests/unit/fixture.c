/* Building maps in unit tests: a phase or a touchpoint added at the end, in one call. */
#include "fixture.h"

cjm_phase *add_phase(cjm_map *map, const char *id, const char *name)
{
	cjm_phase *phase = cjm_phase_new(id, name);
	cjm_map_insert_phase(map, map->phase_count, phase);
	return phase;
}

cjm_touchpoint *add_tp(cjm_phase *phase, const char *id, const char *name, int emotion)
{
	cjm_touchpoint *tp = cjm_touchpoint_new(id, name);
	if (emotion != NO_EMOTION) {
		tp->has_emotion = true;
		tp->emotion = emotion;
	}
	cjm_phase_insert_touchpoint(phase, phase->touchpoint_count, tp);
	return tp;
}
