/* The fields of the map, its phases and touchpoints as data: key, kind, get and set. */
#ifndef CJM_FIELD_H
#define CJM_FIELD_H

#include <stdbool.h>

#include "cjm/map.h"

typedef enum cjm_field {
	/* touchpoint fields, in the order the file writes them */
	CJM_F_ID,
	CJM_F_NAME,
	CJM_F_DESCRIPTION, /* phases only */
	CJM_F_CHANNEL,
	CJM_F_OWNER,
	CJM_F_EMOTION,
	CJM_F_SATISFACTION,
	CJM_F_IMPACT,
	CJM_F_MOMENT_OF_TRUTH,
	CJM_F_BRAND_MOMENT,
	CJM_F_COMMITMENT,
	CJM_F_VISIBLE,
	CJM_F_PILLARS,
	CJM_F_PAINS,
	CJM_F_IDEAS,
	CJM_F_QUOTES,
	CJM_F_NOTES,
	/* map fields */
	CJM_F_TITLE,
	CJM_F_PERSONA_NAME,
	CJM_F_PERSONA_DESCRIPTION,
	CJM_F_BRAND_VALUES,
	CJM_F_THRESHOLD_SATISFACTION,
	CJM_F_THRESHOLD_IMPACT,
	CJM_FIELD_COUNT
} cjm_field;

typedef enum cjm_field_kind {
	CJM_KIND_TEXT,    /* char *, NULL when absent */
	CJM_KIND_EMOTION, /* int -3..3 with a presence flag */
	CJM_KIND_NUMBER,  /* double with a presence flag and a range */
	CJM_KIND_BOOL,    /* cjm_tristate */
	CJM_KIND_PILLARS, /* unsigned bit set, 0 when absent */
	CJM_KIND_LIST     /* cjm_strlist, empty when absent */
} cjm_field_kind;

/* What a field belongs to. */
typedef enum cjm_ref_kind { CJM_REF_MAP, CJM_REF_PHASE, CJM_REF_TOUCHPOINT } cjm_ref_kind;

/* A place in a map: the map itself, phase PHASE, or touchpoint TP of phase PHASE. */
typedef struct cjm_ref {
	cjm_ref_kind kind;
	size_t phase;
	size_t tp;
} cjm_ref;

typedef struct cjm_field_info {
	const char *key;      /* as in the file ("moment_of_truth"); map fields use their path */
	const char *label;    /* as people read it ("moment of truth") */
	cjm_field_kind kind;
	unsigned owners;      /* bit (1 << cjm_ref_kind) per kind of item that has it */
	bool required;
	double min, max;      /* the range of numbers and emotions */
} cjm_field_info;

/* A field's value, detached from the item. TEXT and LIST point into the item. */
typedef struct cjm_value {
	bool present;
	const char *text;
	int integer;
	double number;
	bool boolean;
	unsigned bits;
	const cjm_strlist *list;
} cjm_value;

const cjm_field_info *cjm_field_info_of(cjm_field field);
/* The touchpoint field whose file key is KEY, or CJM_FIELD_COUNT. */
cjm_field cjm_field_by_key(const char *key, cjm_ref_kind owner);
bool cjm_field_applies(cjm_field field, cjm_ref_kind owner);

/* Get and set one field of the item REF names; set copies strings and lists. */
cjm_value cjm_field_get(const cjm_map *map, cjm_ref ref, cjm_field field);
void cjm_field_set(cjm_map *map, cjm_ref ref, cjm_field field, const cjm_value *value);
bool cjm_value_equal(cjm_field_kind kind, const cjm_value *a, const cjm_value *b);
/* Checks a value against the field's kind and range; NULL when fine, else a message. */
const char *cjm_field_check(cjm_field field, const cjm_value *value);

/* The list behind a LIST field (pains, ideas, quotes, brand_values). */
cjm_strlist *cjm_field_list(cjm_map *map, cjm_ref ref, cjm_field field);

#endif
