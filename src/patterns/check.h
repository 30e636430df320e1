/* Warnings about what a map says of patterns: settings and dismissals that name no pattern known here, and dismissals whose target is gone. */
#ifndef CJM_PATTERNS_CHECK_H
#define CJM_PATTERNS_CHECK_H

#include "model/map.h"
#include "patterns/registry.h"
#include "util/diag.h"

/* Adds to DIAGS a warning for each setting under `patterns:` and each entry under
 * `dismissed:` whose pattern is not in REGISTRY (with the nearest id when one is a
 * likely typo), and for each dismissal whose target is neither the journey nor a
 * phase or touchpoint of MAP. Warnings only: the map stays valid, since a plugin
 * one facilitator has installed may be missing on another's machine. */
void cjm_patterns_check_map(const cjm_map *map, const cjm_registry *registry, diag_list *diags);

#endif
