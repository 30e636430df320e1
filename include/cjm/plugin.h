/* The pattern plugin ABI: what a pattern (built in or a shared object) gives cjm and gets from it. */
#ifndef CJM_PLUGIN_H
#define CJM_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>

#include "cjm/map.h"

/*
 * Version 1. A plugin built against another version is refused with a
 * message, never loaded. The map structures in cjm/map.h are part of the ABI:
 * they change only with a new version.
 */
#define CJM_PLUGIN_ABI 1

/* The symbol a plugin's shared object exports: a function returning its patterns. */
#define CJM_PLUGIN_ENTRY "cjm_plugin_patterns"

/* What a suggestion proposes to change, if anything. Ids name existing items. */
typedef enum cjm_proposal_kind {
	CJM_PROPOSE_NOTHING,        /* a question for the room, no edit */
	CJM_PROPOSE_IDEA,           /* add TEXT to the ideas of the target touchpoint */
	CJM_PROPOSE_TOUCHPOINT,     /* add a touchpoint named TEXT to phase PHASE at POSITION
				       (POSITION = (size_t)-1: at the end) */
	CJM_PROPOSE_REMOVE,         /* remove the target touchpoint */
	CJM_PROPOSE_MOVE,           /* move the target touchpoint to phase PHASE, POSITION */
} cjm_proposal_kind;

typedef struct cjm_proposal {
	cjm_proposal_kind kind;
	const char *text;   /* IDEA, TOUCHPOINT */
	const char *phase;  /* TOUCHPOINT, MOVE: a phase id */
	size_t position;    /* TOUCHPOINT, MOVE */
} cjm_proposal;

/* One suggestion, as a pattern hands it to cjm (which copies every string). */
typedef struct cjm_suggestion_spec {
	const char *target;     /* a phase or touchpoint id; NULL: the journey as a whole */
	const char *title;      /* one line, for a workshop room */
	const char *rationale;  /* the data behind it, quoted ("emotion -3 at 'First invoice' ...") */
	int priority;           /* 1 (act first) .. 5 (worth a look) */
	cjm_proposal proposal;
} cjm_suggestion_spec;

/* What a pattern's suggest function is given. */
typedef struct cjm_pattern_context {
	const cjm_map *map;     /* read only */
	double threshold;       /* the map's setting for this pattern, else the pattern's default */
	/* Hands one suggestion to cjm. */
	void (*emit)(const struct cjm_pattern_context *ctx, const cjm_suggestion_spec *suggestion);
	void *host;             /* cjm's own; not for plugins */
} cjm_pattern_context;

typedef struct cjm_pattern {
	int abi;                     /* CJM_PLUGIN_ABI */
	const char *id;              /* [a-z0-9][a-z0-9-]*, unique */
	const char *summary;         /* one line for `cjm patterns` */
	double default_threshold;
	const char *threshold_means; /* what the threshold is, for `cjm patterns` ("emotion at or below") */
	void (*suggest)(const cjm_pattern_context *ctx);
} cjm_pattern;

/* A plugin exports `const cjm_pattern *const *cjm_plugin_patterns(void)`: a
 * NULL-terminated list of its patterns. */
typedef const cjm_pattern *const *(*cjm_plugin_entry_fn)(void);

#endif
