/* The fields of the map, its phases and touchpoints as data: key, kind, get and set. */
#ifndef CJM_FIELD_H
#define CJM_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"

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
	CJM_F_VOTE,
	CJM_F_NOTES,
	/* map fields */
	CJM_F_TITLE,
	CJM_F_LANGUAGE,
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

/* An item of kind KIND as a message names it, in the interface language: "the map",
 * "a phase", "a touchpoint". */
const char *cjm_ref_kind_noun(cjm_ref_kind kind);

/* A place in a map: the map itself, phase PHASE, or touchpoint TP of phase PHASE. */
typedef struct cjm_ref {
	cjm_ref_kind kind;
	size_t phase;
	size_t tp;
} cjm_ref;

/* What a field row says beyond its kind (cjm_field_info.flags). */
enum cjm_field_flag {
	CJM_FIELD_CSV = 1u << 0,       /* a column of the CSV export and import */
	CJM_FIELD_MULTILINE = 1u << 1, /* text that may hold line breaks */
	CJM_FIELD_COMPLETES = 1u << 2, /* the form completes it from the values the map uses */
	CJM_FIELD_NO_FORM = 1u << 3,   /* cjm writes it (a live vote's record): not in the form, edited in the file */
};

/* Says that a field has no presence flag of its own (cjm_field_info.has_at): offset 0 of
 * every item is its first member (a map's version, an item's id), never a flag. */
#define CJM_FIELD_NO_FLAG 0

/* One row of the field table: everything cjm knows about a field. */
typedef struct cjm_field_info {
	const char *key;      /* as in the file ("moment_of_truth"); map fields use their path */
	const char *label;    /* as people read it ("moment of truth") */
	cjm_field_kind kind;
	unsigned owners;      /* bit (1 << cjm_ref_kind) per kind of item that has it */
	bool required;
	double min, max;      /* the range of numbers and emotions */
	double fallback;      /* what an absent NUMBER means, or an absent BOOL (0 or 1) */
	/* where the value lives: offsetof in cjm_map, cjm_phase, cjm_touchpoint (by cjm_ref_kind) */
	size_t at[3];
	size_t has_at[3];     /* offsetof its presence flag, or CJM_FIELD_NO_FLAG */
	unsigned flags;       /* enum cjm_field_flag bits */
	char jump;            /* the form's Alt+letter: a letter of the label, unique per kind of
			       * form; 0 when none of its letters is free */
	const char *mark;     /* BOOL: the name lane's symbol when the value is mark_when, or NULL */
	bool mark_when;
	const char *mark_meaning; /* the legend's words for the mark */
	const char *help;     /* one line, as the form shows it */
	/* TEXT: a check of its own beyond UTF-8 (a grammar), or NULL: NULL when TEXT is
	 * fine, else a message and *AT the byte of TEXT where it went wrong; when fine and
	 * CANONICAL is not NULL, *CANONICAL is TEXT as cjm writes it (malloc'd). */
	const char *(*check)(const char *text, size_t *at, char **canonical);
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
/* The fields an item of kind OWNER has, in the table's (the file's) order; *COUNT set. */
const cjm_field *cjm_fields_of(cjm_ref_kind owner, size_t *count);
/* A map field's key "persona.name" is the key "name" inside the mapping "persona": the
 * length of that group's name ("persona"), or 0 for a key at the top of its item. */
size_t cjm_field_group_len(cjm_field field);
/* Where the run of fields of the group FIELDS[AT] is in ends (AT + 1 for a field of none). */
size_t cjm_field_group_end(const cjm_field *fields, size_t count, size_t at);
/* How cjm_item_fields_walk hands an item's fields to a writer. */
typedef struct cjm_field_visitor {
	/* FIELD, under KEY: its own key, or in a group the part after "group." */
	void (*field)(void *ctx, cjm_ref ref, cjm_field field, const char *key);
	/* a group's mapping begins (NAME: "persona") or ends (NAME: NULL) */
	void (*group)(void *ctx, const char *name);
} cjm_field_visitor;
/* Every field of the item REF names in file order (the table's order); a run of
 * map fields of one group ("persona.name", "persona.description") comes as one
 * group, and only when any of them is there: how the saver and JSON write an item. */
void cjm_item_fields_walk(const cjm_map *map, cjm_ref ref, const cjm_field_visitor *visit, void *ctx);
/* The field of an item of kind OWNER whose file key is KEY, or CJM_FIELD_COUNT. */
cjm_field cjm_field_by_key(const char *key, cjm_ref_kind owner);
bool cjm_field_applies(cjm_field field, cjm_ref_kind owner);

/* Get and set one field of the item REF names; set copies strings and lists. */
cjm_value cjm_field_get(const cjm_map *map, cjm_ref ref, cjm_field field);
void cjm_field_set(cjm_map *map, cjm_ref ref, cjm_field field, const cjm_value *value);
bool cjm_value_equal(cjm_field_kind kind, const cjm_value *a, const cjm_value *b);
/* Checks a value against the field's kind and range, and a TEXT field's own check; NULL
 * when fine, else a message (a field's own check adds where in the text it went
 * wrong: "unknown score '+4' (...), at character 6"). */
const char *cjm_field_check(cjm_field field, const cjm_value *value);
/* True when PROBLEM, a message of cjm_field_check, reads after the field's label
 * ("must be a number from 0 to 10": "satisfaction must be ..."), false when it stands
 * after "LABEL: ". Whatever the language: it knows the messages, not their words. */
bool cjm_field_check_is_must(const char *problem);

/* The same on an item itself: ITEM is the cjm_map, cjm_phase or cjm_touchpoint OWNER says. */
cjm_value cjm_item_field_get(const void *item, cjm_ref_kind owner, cjm_field field);
void cjm_item_field_set(void *item, cjm_ref_kind owner, cjm_field field, const cjm_value *value);
/* Whether ITEM shows FIELD's mark: a yes/no field with a mark, set to its mark_when. */
bool cjm_item_field_marked(const void *item, cjm_ref_kind owner, cjm_field field);
/* Where the value of FIELD lives in ITEM (char *, int, double, cjm_tristate, unsigned or
 * cjm_strlist, by kind), and its presence flag; NULL when it has none. */
void *cjm_item_field_slot(const void *item, cjm_ref_kind owner, cjm_field field);
bool *cjm_item_field_flag(const void *item, cjm_ref_kind owner, cjm_field field);
/* The item REF names, or NULL when it is not in MAP. */
void *cjm_ref_item(const cjm_map *map, cjm_ref ref);

/* Makes every field of the zeroed ITEM absent (its booleans unset). */
void cjm_item_fields_init(void *item, cjm_ref_kind owner);
/* Frees the texts and lists of ITEM, leaving them absent. */
void cjm_item_fields_release(void *item, cjm_ref_kind owner);
/* After ITEM was copied member by member from another: its own copy of every text and list. */
void cjm_item_fields_own(void *item, cjm_ref_kind owner);
/* True when every field of A and B is the same. */
bool cjm_item_fields_equal(const void *a, const void *b, cjm_ref_kind owner);

/* The list behind a LIST field (pains, ideas, quotes, brand_values). */
cjm_strlist *cjm_field_list(cjm_map *map, cjm_ref ref, cjm_field field);

#endif
