/* Running the patterns over a map: suggestions, their order, dismissals, and accepting one. */
#ifndef CJM_SUGGEST_H
#define CJM_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "cjm/plugin.h"
#include "edit/edit.h"
#include "patterns/registry.h"
#include "util/strset.h"

/* Where cjm_suggestions_arrange puts a suggestion: the default list shows the cards. */
typedef enum cjm_card {
	CJM_CARD,    /* listed: the most urgent of its target (the default before arranging) */
	CJM_FOLDED,  /* folded under the card .lead: the same target, or the same idea */
	CJM_DONE,    /* the map already holds what it proposes: not proposed again */
	CJM_BEYOND,  /* a card past the limits of the default list: only under --all */
} cjm_card;

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
	size_t place;     /* the target's journey position as cjm_suggest found it on the map (0: the journey, or not on it) */
	/* set by cjm_suggestions_arrange (each string its own allocation, NULL when none) */
	cjm_card card;
	size_t lead;      /* CJM_FOLDED: the index of the card it folds under */
	bool same_idea;   /* CJM_FOLDED: its idea repeats the card's (not only its target) */
	char *also;       /* a card: the patterns folded under it, "moments-of-truth, strong-start" */
	char *why;        /* why it ranks where it does: "priority 1: emotion -3 at a moment of truth" */
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

/* The limits of the default list: the cards a room can take in. */
#define CJM_CARDS_PER_PHASE 3 /* per phase (the journey's own suggestions count as one more phase) */

/* Arranges LIST (as cjm_suggest made it from MAP, sorted) into cards: for each target, its first
 * suggestion not dismissed and not already on MAP is its card and the later ones fold
 * under it; a first one whose idea repeats an earlier card's (the same words, but for
 * case, punctuation and stop words) folds under that card instead; then at most PER_PHASE cards
 * per phase stay listed, the rest are CJM_BEYOND. The cards get their .why; every
 * suggestion does when EXPLAIN_ALL.
 * Dismissed suggestions are left as cards (a caller lists them apart). Returns the
 * number of CJM_BEYOND cards. */
size_t cjm_suggestions_arrange(cjm_suggestions *list, const cjm_map *map, size_t per_phase, bool explain_all);
/* The idea of TEXT as it is compared: its words lowercased, without stop words, sorted
 * and each once ("fill know" for "Pre-fill what you already know"). Free it. */
char *cjm_idea_key(const char *text);

/* Applies S's proposal through the edit layer as one undo step (an idea is added
 * to the target's ideas, unless it is there already). Returns 0, or -1 when the
 * map changed so that it no longer applies (cjm_edit_error says why), or when
 * S proposes nothing. */
int cjm_suggestion_accept(cjm_edit *edit, const cjm_suggestion *s);
/* Where id ID is on the map (TP (size_t)-1: a phase); false when it is not. */
typedef bool (*cjm_place_lookup)(void *ctx, const char *id, size_t *phase, size_t *tp);
/* Where every phase and touchpoint id of a map is, found in one pass so that
 * nothing walks the map per suggestion. */
typedef struct cjm_place_index {
	strset *ids;     /* id -> its pair in PLACES, plus one */
	size_t *places;  /* phase, tp pairs (tp (size_t)-1: the phase itself) */
} cjm_place_index;
void cjm_place_index_build(cjm_place_index *index, const cjm_map *map);
void cjm_place_index_release(cjm_place_index *index);
/* A cjm_place_lookup over the cjm_place_index CTX. */
bool cjm_place_index_find(void *ctx, const char *id, size_t *phase, size_t *tp);

/* Whether MAP already holds what S proposes: its idea among the target's ideas, its
 * touchpoint in its phase, its target gone (a removal) or in the proposed phase (a
 * move). A question for the room is never applied. FIND (NULL: cjm_map_find, which
 * walks the map) finds the ids. */
bool cjm_suggestion_applied(const cjm_map *map, const cjm_suggestion *s, cjm_place_lookup find, void *ctx);
/* Records S under dismissed: (one undo step). */
int cjm_suggestion_dismiss(cjm_edit *edit, const cjm_suggestion *s);

#endif
