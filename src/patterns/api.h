/* The host's side of the plugin ABI: the one table of map-reading functions every pattern is handed. */
#ifndef CJM_PATTERNS_API_H
#define CJM_PATTERNS_API_H

#include "cjm/plugin.h"

/* The table of this build (cjm_api.size is its sizeof). */
const cjm_api *cjm_api_host(void);

/* A context for running a pattern over MAP with THRESHOLD, its size and table set. */
cjm_pattern_context cjm_api_context(const cjm_map *map, double threshold,
				    void (*emit)(const cjm_pattern_context *ctx, const cjm_suggestion_spec *s),
				    void *host);

#endif
