/* The semantic difference of two maps by id, as a list of changes (no printing here). */
#ifndef CJM_DIFF_H
#define CJM_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"
#include "model/field.h"
#include "util/strbuf.h"

/*
 * cjm_diff_new compares OLD and NEW by id in time linear in their size (n log n
 * for moves). The diff borrows both maps' strings: keep them until it is freed.
 *
 * Changes come grouped by what they are about, in this order: the map's own
 * fields (field-table order), the pattern settings (by pattern id, in NEW's
 * order, then the removed ones), the phases in NEW's order, each followed by
 * its touchpoints in NEW's order and then the touchpoints removed from it,
 * then the phases removed (each followed by its touchpoints that are gone),
 * then the dismissals removed and added. Every change of one item is
 * consecutive: structure first (added, removed, renamed, moved), then fields
 * in field-table order.
 */

typedef enum cjm_change_kind {
	CJM_CHANGE_ADDED,        /* the item is new: new_at */
	CJM_CHANGE_REMOVED,      /* the item is gone: old_at */
	CJM_CHANGE_RENAMED,      /* a phase or touchpoint's name: old_text -> new_text */
	CJM_CHANGE_MOVED,        /* a phase or touchpoint: old_at -> new_at */
	CJM_CHANGE_FIELD,        /* a field with one value: old_text -> new_text (NULL: absent) */
	CJM_CHANGE_ITEM_ADDED,   /* a list or pillars item: new_text */
	CJM_CHANGE_ITEM_REMOVED, /* a list or pillars item: old_text */
	CJM_CHANGE_REORDERED,    /* a list with the same items in another order */
} cjm_change_kind;

/* What a change is about. */
typedef enum cjm_change_target {
	CJM_TARGET_MAP,        /* the map's own fields: title, persona, brand values, thresholds */
	CJM_TARGET_PATTERN,    /* the settings of pattern ID under `patterns:` */
	CJM_TARGET_PHASE,
	CJM_TARGET_TOUCHPOINT,
	CJM_TARGET_DISMISSAL,  /* a dismissal: ID is its pattern, old_text/new_text its target */
} cjm_change_target;

/* How a value reads: as text (quoted when shown) or as a word (number, boolean). */
typedef enum cjm_value_style { CJM_VALUE_TEXT, CJM_VALUE_WORD } cjm_value_style;

/* Where a phase (its position in the map) or a touchpoint (its phase, its position there) stands. */
typedef struct cjm_diff_place {
	bool set;
	const char *phase_id;   /* touchpoints only */
	const char *phase_name; /* touchpoints only */
	size_t index;           /* from 0 */
} cjm_diff_place;

typedef struct cjm_change {
	cjm_change_kind kind;
	cjm_change_target target;
	const char *id;         /* phase, touchpoint or pattern id; NULL for the map */
	const char *name;       /* phase or touchpoint: its name in NEW (in OLD when removed) */
	cjm_diff_place at;      /* phase or touchpoint: where it is in NEW (in OLD when removed) */
	const char *key;        /* the field's key ("emotion", "persona.name", "enabled"); NULL for structure */
	cjm_field field;        /* the field, or CJM_FIELD_COUNT (structure, pattern settings, dismissals) */
	cjm_value_style style;  /* of old_text and new_text */
	cjm_diff_place old_at, new_at; /* ADDED: new_at; REMOVED: old_at; MOVED: both */
	char *old_text, *new_text;     /* owned; NULL when absent */
} cjm_change;

/* The journey's emotion figures (DESIGN.md "Figures") on one side. */
typedef struct cjm_diff_figures {
	size_t scored;   /* touchpoints with an emotion; the rest needs scored > 0 */
	double mean;
	int peak;
	int end;
	double peak_end;
} cjm_diff_figures;

typedef struct cjm_diff {
	cjm_change *changes;
	size_t count;
	size_t cap;
	cjm_diff_figures before, after;
} cjm_diff;

cjm_diff *cjm_diff_new(const cjm_map *old_map, const cjm_map *new_map);
void cjm_diff_free(cjm_diff *diff);

/* True when the figures on both sides are the same. */
bool cjm_diff_figures_equal(const cjm_diff_figures *a, const cjm_diff_figures *b);

/* "added", "removed", "renamed", "moved", "field", "item-added", "item-removed", "reordered". */
const char *cjm_change_kind_name(cjm_change_kind kind);
/* "map", "pattern", "phase", "touchpoint", "dismissal". */
const char *cjm_change_target_name(cjm_change_target target);

/* ---- rendering (diff_render.c) ---- */

typedef struct cjm_diff_render_options {
	bool color; /* ANSI colours: removed red, added green, headers bold */
} cjm_diff_render_options;

/* The diff as a reviewer reads it: one block per item, then a "journey:" line
 * with the figures before and after; nothing when there is no change. */
void cjm_diff_render_text(strbuf *out, const cjm_diff *diff, const cjm_diff_render_options *options);
/* The diff as one YAML document: {changes: [...], summary: {before: ..., after: ...}}. */
void cjm_diff_render_yaml(strbuf *out, const cjm_diff *diff);

#endif
