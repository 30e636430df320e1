/* Running the patterns over a map: suggestions, their order, dismissals, and accepting one. */
#ifndef CJM_SUGGEST_H
#define CJM_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "cjm/plugin.h"
#include "edit/edit.h"
#include "patterns/registry.h"

typedef struct cjm_suggestion {
	char *pattern;
	char *target;     /* a phase or touchpoint id, or CJM_JOURNEY_TARGET */
	char *title;
	char *rationale;
	int priority;     /* 1 (act first) .. 5 */
	cjm_proposal_kind kind;
	char *text;       /* the proposal's strings; NULL when its kind has none */
	char *phase;      /* all the strings are copies in one block, freed through .pattern */
	size_t position;
	bool dismissed;   /* listed under dismissed: in the map */
} cjm_suggestion;

typedef struct cjm_suggestions {
	cjm_suggestion *items; /* by priority, then journey order, then pattern order */
	size_t count, cap;
	cjm_plugin_failure *failures; /* plugins that failed in this run (kind CJM_PLUGIN_CRASHED): disabled now */
	size_t failure_count, failure_cap;
} cjm_suggestions;

/* Whether PATTERN runs on MAP (its `enabled:` setting, default true), and its threshold. */
bool cjm_pattern_enabled(const cjm_map *map, const cjm_pattern *pattern);
double cjm_pattern_threshold(const cjm_map *map, const cjm_pattern *pattern);

/* Runs every enabled pattern of REGISTRY (or only those whose ids are in ONLY,
 * ONLY_COUNT > 0) over MAP. Dismissed suggestions are left out unless
 * KEEP_DISMISSED (then they are marked). The built-ins run here; each plugin
 * runs in a child of its own (one per plugin per call), within the registry's
 * time limit. A plugin that crashes or hangs gives nothing, is listed in the
 * result's failures and is disabled (in REGISTRY, and on disk until its file
 * changes). */
cjm_suggestions *cjm_suggest(const cjm_map *map, const cjm_registry *registry, const char *const *only,
			     size_t only_count, bool keep_dismissed);
void cjm_suggestions_free(cjm_suggestions *suggestions);
/* Frees one suggestion's strings, for a caller that drops some items of a list. */
void cjm_suggestion_release(cjm_suggestion *s);

/* Applies S's proposal through the edit layer as one undo step (an idea is added
 * to the target's ideas, unless it is there already). Returns 0, or -1 when the
 * map changed so that it no longer applies (cjm_edit_error says why), or when
 * S proposes nothing. */
int cjm_suggestion_accept(cjm_edit *edit, const cjm_suggestion *s);
/* Where id ID is on the map (TP (size_t)-1: a phase); false when it is not. */
typedef bool (*cjm_place_lookup)(void *ctx, const char *id, size_t *phase, size_t *tp);
/* Whether MAP already holds what S proposes: its idea among the target's ideas, its
 * touchpoint in its phase, its target gone (a removal) or in the proposed phase (a
 * move). A question for the room is never applied. FIND (NULL: cjm_map_find, which
 * walks the map) finds the ids. */
bool cjm_suggestion_applied(const cjm_map *map, const cjm_suggestion *s, cjm_place_lookup find, void *ctx);
/* Records S under dismissed: (one undo step). */
int cjm_suggestion_dismiss(cjm_edit *edit, const cjm_suggestion *s);

#endif
