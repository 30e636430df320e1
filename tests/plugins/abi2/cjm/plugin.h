/* The pattern plugin ABI: what a pattern (built in or a shared object) gives cjm, and the functions it reads the map through. */
#ifndef CJM_PLUGIN_H
#define CJM_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Version 2. A plugin built against another version is refused with a
 * message, never loaded.
 *
 * The compatibility rule. A plugin sees the map only through the functions of
 * the table cjm_api; the map, its phases and touchpoints are opaque. So:
 *
 * - The ABI number does NOT change when the map gets a new field, when cjm's
 *   own structures are reordered or grow, or when functions are added at the
 *   end of cjm_api or members at the end of cjm_pattern_context or
 *   cjm_emotion_figures. A plugin built against an older header of the same
 *   version keeps working unchanged: it never looks past the end it knows.
 *   A new field is read with the by-key getters (tp_text, tp_number, ...)
 *   until it has a getter of its own.
 * - The ABI number DOES change when a function of cjm_api is removed, or its
 *   arguments, result or meaning change; when a member of cjm_api,
 *   cjm_pattern_context or cjm_emotion_figures is removed or moved; and when
 *   anything changes in what the plugin fills or hands cjm: cjm_pattern,
 *   cjm_suggestion_spec, cjm_proposal, cjm_proposal_kind, the entry point.
 *
 * A plugin built against a newer header of the same version may meet an
 * older cjm: before it calls a function added later, it checks that the
 * table has it with CJM_API_HAS(api, member).
 */
#define CJM_PLUGIN_ABI 2

/* The symbol a plugin's shared object exports: a function returning its patterns. */
#define CJM_PLUGIN_ENTRY "cjm_plugin_patterns"

/* The map and its items, opaque: read them with the functions of cjm_api. */
typedef struct cjm_map cjm_map;
typedef struct cjm_phase cjm_phase;
typedef struct cjm_touchpoint cjm_touchpoint;

/* A yes/no field of the map file (moment_of_truth, commitment, ...): absent, no or yes. */
enum { CJM_YESNO_UNSET = -1, CJM_YESNO_NO = 0, CJM_YESNO_YES = 1 };

/* Emotions run from CJM_API_EMOTION_MIN to CJM_API_EMOTION_MAX. */
#define CJM_API_EMOTION_MIN (-3)
#define CJM_API_EMOTION_MAX 3

/* Satisfaction x impact quadrants ("low" is below the map's threshold), as cjm stats shows them. */
enum {
	CJM_API_QUADRANT_NONE = -1, /* lacks satisfaction or impact */
	CJM_API_QUADRANT_LOW_LOW,   /* low satisfaction, low impact: fix cheaply */
	CJM_API_QUADRANT_HIGH_LOW,  /* high satisfaction, low impact: doing too well, save cost */
	CJM_API_QUADRANT_LOW_HIGH,  /* low satisfaction, high impact: raise satisfaction first */
	CJM_API_QUADRANT_HIGH_HIGH, /* high satisfaction, high impact: let more customers have it */
};

/* Emotion over a set of touchpoints (the journey or a phase); only scored ones (with an emotion) count. */
typedef struct cjm_emotion_figures {
	size_t size;        /* the caller sets it: sizeof (cjm_emotion_figures); cjm fills what fits */
	size_t touchpoints; /* in the set */
	size_t scored;      /* of which have an emotion; the members below need scored > 0 */
	long sum;           /* of the scored emotions */
	double mean;        /* sum / scored; 0 when nothing is scored */
	int min, max;       /* the lowest and highest emotion */
	const cjm_touchpoint *lowest, *highest; /* the earliest with min, with max */
	size_t negative, neutral, positive;     /* scored touchpoints below, at and above 0 */
	const cjm_touchpoint *peak; /* the largest |emotion|, earliest on a tie */
	const cjm_touchpoint *end;  /* the last scored touchpoint */
	double peak_end;            /* (peak's emotion + end's emotion) / 2 */
} cjm_emotion_figures;

/*
 * The functions a pattern reads the map with, handed in cjm_pattern_context.
 * Every pointer a function returns stays valid while suggest runs, never
 * after; all text is valid UTF-8; text that is absent is NULL. An index out
 * of range gives NULL, a key that names no such field NULL, false, 0 or
 * CJM_YESNO_UNSET. Keys are those of cjm-map(5); the map's own nested keys
 * are written with a dot ("persona.name", "thresholds.impact").
 */
typedef struct cjm_api {
	size_t size; /* sizeof (cjm_api) as cjm was built: a function past it is not there */

	/* Walking the journey: phases in order, the touchpoints of each in order. */
	size_t (*phase_count)(const cjm_map *map);
	const cjm_phase *(*phase_at)(const cjm_map *map, size_t index);
	size_t (*touchpoint_count)(const cjm_phase *phase);
	const cjm_touchpoint *(*touchpoint_at)(const cjm_phase *phase, size_t index);
	size_t (*map_touchpoint_count)(const cjm_map *map); /* over all phases */
	/* Finding an item by id, or the first in journey order by name; *PHASE (when not
	 * NULL) is set to the touchpoint's phase. */
	const cjm_phase *(*phase_by_id)(const cjm_map *map, const char *id);
	const cjm_phase *(*phase_by_name)(const cjm_map *map, const char *name);
	const cjm_touchpoint *(*touchpoint_by_id)(const cjm_map *map, const char *id, const cjm_phase **phase);
	const cjm_touchpoint *(*touchpoint_by_name)(const cjm_map *map, const char *name, const cjm_phase **phase);

	/* The map's own fields, by key: "title", "persona.name", "persona.description"
	 * (text), "thresholds.satisfaction", "thresholds.impact" (numbers, as written),
	 * "brand_values" (a list). */
	const char *(*map_text)(const cjm_map *map, const char *key);
	bool (*map_number)(const cjm_map *map, const char *key, double *value);
	size_t (*map_list_count)(const cjm_map *map, const char *key);
	const char *(*map_list_item)(const cjm_map *map, const char *key, size_t index);
	/* The thresholds in force: the map's, else the defaults (7 and 0.3). */
	double (*satisfaction_threshold)(const cjm_map *map);
	double (*impact_threshold)(const cjm_map *map);
	/* The map's `patterns:` entry of pattern ID: its threshold when it sets one
	 * (true), and whether it is enabled (CJM_YESNO_UNSET without the key). */
	bool (*pattern_threshold)(const cjm_map *map, const char *id, double *threshold);
	int (*pattern_enabled)(const cjm_map *map, const char *id);
	/* The map's `dismissed:` entries, in order: a pattern id and a target each. */
	size_t (*dismissed_count)(const cjm_map *map);
	const char *(*dismissed_pattern)(const cjm_map *map, size_t index);
	const char *(*dismissed_target)(const cjm_map *map, size_t index);

	/* A phase's fields: its id and name (never NULL), and any field by key ("description"). */
	const char *(*phase_id)(const cjm_phase *phase);
	const char *(*phase_name)(const cjm_phase *phase);
	const char *(*phase_text)(const cjm_phase *phase, const char *key);

	/* A touchpoint's fields of format 1, each with a function of its own.
	 * Id and name are never NULL. A number is set in *VALUE and true returned
	 * when the touchpoint has it. Yes/no fields are CJM_YESNO_*; tp_visible
	 * answers with the default (visible) for an unset one. Pillars are bits:
	 * see pillar_name. */
	const char *(*tp_id)(const cjm_touchpoint *tp);
	const char *(*tp_name)(const cjm_touchpoint *tp);
	const char *(*tp_channel)(const cjm_touchpoint *tp);
	const char *(*tp_owner)(const cjm_touchpoint *tp);
	const char *(*tp_notes)(const cjm_touchpoint *tp);
	bool (*tp_emotion)(const cjm_touchpoint *tp, int *emotion);
	bool (*tp_satisfaction)(const cjm_touchpoint *tp, double *value);
	bool (*tp_impact)(const cjm_touchpoint *tp, double *value);
	int (*tp_moment_of_truth)(const cjm_touchpoint *tp);
	int (*tp_brand_moment)(const cjm_touchpoint *tp);
	int (*tp_commitment)(const cjm_touchpoint *tp);
	bool (*tp_visible)(const cjm_touchpoint *tp);
	unsigned (*tp_pillars)(const cjm_touchpoint *tp);
	size_t (*tp_pain_count)(const cjm_touchpoint *tp);
	const char *(*tp_pain)(const cjm_touchpoint *tp, size_t index);
	size_t (*tp_idea_count)(const cjm_touchpoint *tp);
	const char *(*tp_idea)(const cjm_touchpoint *tp, size_t index);
	size_t (*tp_quote_count)(const cjm_touchpoint *tp);
	const char *(*tp_quote)(const cjm_touchpoint *tp, size_t index);

	/* Any touchpoint field by its key, through cjm's field table: also the fields
	 * added after this header was written. tp_number reads numbers and emotions. */
	const char *(*tp_text)(const cjm_touchpoint *tp, const char *key);
	bool (*tp_number)(const cjm_touchpoint *tp, const char *key, double *value);
	int (*tp_yesno)(const cjm_touchpoint *tp, const char *key);
	size_t (*tp_list_count)(const cjm_touchpoint *tp, const char *key);
	const char *(*tp_list_item)(const cjm_touchpoint *tp, const char *key, size_t index);

	/* The pillars: the bit of a name ("personalisation", "time-and-effort"; 0 when
	 * unknown), the name of a bit (NULL when none). */
	unsigned (*pillar_bit)(const char *name);
	const char *(*pillar_name)(unsigned bit);

	/* Figures, as cjm stats computes them. The emotion figures fill *OUT (set
	 * out->size first) and return whether anything is scored. */
	bool (*journey_emotion)(const cjm_map *map, cjm_emotion_figures *out);
	bool (*phase_emotion)(const cjm_phase *phase, cjm_emotion_figures *out);
	int (*tp_quadrant)(const cjm_map *map, const cjm_touchpoint *tp); /* CJM_API_QUADRANT_* */
} cjm_api;

/* True when the table API has the function MEMBER (one added after it was built has not). */
#define CJM_API_HAS(api, member) \
	((api)->size >= offsetof(cjm_api, member) + sizeof((cjm_api *)0)->member)

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

/* What a pattern's suggest function is given. Members are only ever added at the end. */
typedef struct cjm_pattern_context {
	size_t size;            /* sizeof (cjm_pattern_context) as cjm was built */
	const cjm_api *api;     /* the functions to read the map with */
	const cjm_map *map;     /* read only, through api */
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
