/* The journey-map model: phases, touchpoints and their fields (format version 1). */
#ifndef CJM_MAP_H
#define CJM_MAP_H

#include <stdbool.h>
#include <stddef.h>

#define CJM_FORMAT_VERSION 1
#define CJM_EMOTION_MIN (-3)
#define CJM_EMOTION_MAX 3
#define CJM_DEFAULT_SATISFACTION_THRESHOLD 7.0
#define CJM_DEFAULT_IMPACT_THRESHOLD 0.3

/* An optional boolean: absent from the file, or written false / true. */
typedef enum { CJM_UNSET = -1, CJM_FALSE = 0, CJM_TRUE = 1 } cjm_tristate;

/* The six pillars of experience (KPMG), as a bit set. */
enum cjm_pillar {
	CJM_PILLAR_PERSONALISATION = 1u << 0,
	CJM_PILLAR_INTEGRITY = 1u << 1,
	CJM_PILLAR_EXPECTATIONS = 1u << 2,
	CJM_PILLAR_RESOLUTION = 1u << 3,
	CJM_PILLAR_TIME_AND_EFFORT = 1u << 4,
	CJM_PILLAR_EMPATHY = 1u << 5,
};
#define CJM_PILLAR_COUNT 6

/* A growable list of owned UTF-8 strings. */
typedef struct cjm_strlist {
	char **items;
	size_t len;
	size_t cap;
} cjm_strlist;

/* Where a node stood in its source file (1-based; 0 when made in memory). */
typedef struct cjm_pos {
	int line;
	int col;
} cjm_pos;

typedef struct cjm_touchpoint {
	char *id;           /* never NULL once loaded or added */
	char *name;         /* never NULL */
	char *channel;      /* NULL when absent */
	char *owner;        /* NULL when absent */
	bool has_emotion;
	int emotion;        /* CJM_EMOTION_MIN..CJM_EMOTION_MAX when has_emotion */
	bool has_satisfaction;
	double satisfaction; /* 0..10 */
	bool has_impact;
	double impact;      /* 0..1 */
	cjm_tristate moment_of_truth;
	cjm_tristate brand_moment;
	cjm_tristate commitment;
	cjm_tristate visible; /* CJM_UNSET means the default, true */
	unsigned pillars;   /* enum cjm_pillar bits */
	cjm_strlist pains;
	cjm_strlist ideas;
	cjm_strlist quotes;
	char *vote;         /* a vote record (model/vote_record.h), NULL when absent */
	char *notes;        /* NULL when absent */
	cjm_pos pos;
} cjm_touchpoint;

typedef struct cjm_phase {
	char *id;
	char *name;
	char *description;  /* NULL when absent */
	cjm_touchpoint **touchpoints;
	size_t touchpoint_count;
	size_t touchpoint_cap;
	cjm_pos pos;
} cjm_phase;

/* Per-pattern settings under `patterns:`. */
typedef struct cjm_pattern_setting {
	char *id;
	cjm_tristate enabled;
	bool has_threshold;
	double threshold;
	cjm_pos pos;
} cjm_pattern_setting;

/* A suggestion the team decided against. */
typedef struct cjm_dismissal {
	char *pattern;
	char *target;
	cjm_pos pos;
} cjm_dismissal;

typedef struct cjm_map {
	int version;
	char *title;
	char *language;            /* a BCP 47 tag ("nl"), NULL when absent */
	char *persona_name;        /* NULL when absent */
	char *persona_description; /* NULL when absent */
	bool has_persona;          /* persona_name or persona_description is set (never saved empty) */
	cjm_strlist brand_values;
	bool has_brand_values;
	bool has_threshold_satisfaction;
	double threshold_satisfaction;
	bool has_threshold_impact;
	double threshold_impact;
	cjm_pattern_setting *patterns;
	size_t pattern_count;
	cjm_phase **phases;
	size_t phase_count;
	size_t phase_cap;
	cjm_dismissal *dismissed;
	size_t dismissed_count;
} cjm_map;

/* Allocation and ownership. Every _new has its _free; free(NULL) is a no-op. */
cjm_map *cjm_map_new(const char *title);
void cjm_map_free(cjm_map *map);
cjm_phase *cjm_phase_new(const char *id, const char *name);
void cjm_phase_free(cjm_phase *phase);
cjm_touchpoint *cjm_touchpoint_new(const char *id, const char *name);
void cjm_touchpoint_free(cjm_touchpoint *tp);
cjm_touchpoint *cjm_touchpoint_clone(const cjm_touchpoint *tp);
cjm_phase *cjm_phase_clone(const cjm_phase *phase);
cjm_map *cjm_map_clone(const cjm_map *map);

/* Structural edits without undo (the edit layer builds on these). */
void cjm_map_insert_phase(cjm_map *map, size_t at, cjm_phase *phase);
cjm_phase *cjm_map_remove_phase(cjm_map *map, size_t at);
void cjm_phase_insert_touchpoint(cjm_phase *phase, size_t at, cjm_touchpoint *tp);
cjm_touchpoint *cjm_phase_remove_touchpoint(cjm_phase *phase, size_t at);

/* List helpers. */
void cjm_strlist_push(cjm_strlist *list, const char *text);
void cjm_strlist_insert(cjm_strlist *list, size_t at, const char *text);
char *cjm_strlist_take(cjm_strlist *list, size_t at); /* removes; caller frees */
void cjm_strlist_clear(cjm_strlist *list);
void cjm_strlist_copy(cjm_strlist *dst, const cjm_strlist *src);
bool cjm_strlist_equal(const cjm_strlist *a, const cjm_strlist *b);

/* Queries. */
size_t cjm_map_touchpoint_count(const cjm_map *map);
/* Finds a phase (*tp_index set to (size_t)-1) or a touchpoint by id. */
bool cjm_map_find(const cjm_map *map, const char *id, size_t *phase_index, size_t *tp_index);
bool cjm_touchpoint_is_visible(const cjm_touchpoint *tp);
double cjm_map_satisfaction_threshold(const cjm_map *map);
double cjm_map_impact_threshold(const cjm_map *map);
/* Deep equality of two maps (every field, in order; source positions ignored). */
bool cjm_map_equal(const cjm_map *a, const cjm_map *b);

/* True when TEXT is NULL or holds only spaces, tabs and line breaks (an unusable name or title). */
bool cjm_text_is_blank(const char *text);

/* Ids. */
bool cjm_id_is_valid(const char *id);
/* Makes an id from a name: lower-cased, accents folded, other runs to '-'.
 * Returns a malloc'd string; never empty ("item" when nothing is left). */
char *cjm_id_from_name(const char *name);
/* Makes an id from NAME unique in MAP (numeric suffix -2, -3, ... on collision). */
char *cjm_map_unique_id(const cjm_map *map, const char *name);

/* Pillars. */
const char *cjm_pillar_name(unsigned bit);
unsigned cjm_pillar_from_name(const char *name); /* 0 when unknown */

#endif
