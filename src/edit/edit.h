/* The one way a map changes: every edit records its inverse, for undo and redo. */
#ifndef CJM_EDIT_H
#define CJM_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/map.h"
#include "model/field.h"

/*
 * An edit session owns its map. Every function that changes the map returns 0
 * on success, or -1 and leaves the map untouched when the change is invalid
 * (an index out of range, a value out of range, a duplicate id); then
 * cjm_edit_error() says why, in words for a status line.
 *
 * Each successful change is one undo step, unless it happens between
 * cjm_edit_group_begin() and cjm_edit_group_end(): then the whole group is one
 * step (an accepted suggestion, a merge, a form saved with many fields).
 * A new change clears the redo history.
 */
typedef struct cjm_edit cjm_edit;

cjm_edit *cjm_edit_new(cjm_map *map);      /* takes ownership of MAP */
void cjm_edit_free(cjm_edit *edit);          /* frees the map too */
cjm_map *cjm_edit_map(const cjm_edit *edit); /* borrowed */
const char *cjm_edit_error(const cjm_edit *edit);
/* Sets the error a caller built on the edit layer reports (as cjm_edit_error says it); returns -1. */
int cjm_edit_fail(cjm_edit *edit, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Phases. ID NULL makes one from NAME (unique). AT may equal phase_count (append). */
int cjm_edit_add_phase(cjm_edit *edit, size_t at, const char *name, const char *id);
int cjm_edit_delete_phase(cjm_edit *edit, size_t phase);
int cjm_edit_move_phase(cjm_edit *edit, size_t from, size_t to);

/* Touchpoints. */
int cjm_edit_add_touchpoint(cjm_edit *edit, size_t phase, size_t at, const char *name, const char *id);
/* Inserts a copy of TP (its id must be unused) — for paste, merges and suggestions. */
int cjm_edit_insert_touchpoint(cjm_edit *edit, size_t phase, size_t at, const cjm_touchpoint *tp);
int cjm_edit_delete_touchpoint(cjm_edit *edit, size_t phase, size_t at);
/* Moves a touchpoint to position TO of phase TO_PHASE (positions counted after removal). */
int cjm_edit_move_touchpoint(cjm_edit *edit, size_t from_phase, size_t from, size_t to_phase, size_t to);

/* Any field of the map, a phase or a touchpoint (see model/field.h). Setting an
 * id checks its syntax and uniqueness; setting a value equal to the current one
 * records nothing. */
int cjm_edit_set(cjm_edit *edit, cjm_ref ref, cjm_field field, const cjm_value *value);
/* Convenience setters over cjm_edit_set. TEXT NULL clears an optional field. */
int cjm_edit_set_text(cjm_edit *edit, cjm_ref ref, cjm_field field, const char *text);
int cjm_edit_set_emotion(cjm_edit *edit, cjm_ref ref, bool present, int emotion);

/* Items of a list field (pains, ideas, quotes, brand values). */
int cjm_edit_list_insert(cjm_edit *edit, cjm_ref ref, cjm_field field, size_t at, const char *text);
int cjm_edit_list_remove(cjm_edit *edit, cjm_ref ref, cjm_field field, size_t at);
int cjm_edit_list_replace(cjm_edit *edit, cjm_ref ref, cjm_field field, size_t at, const char *text);

/* Dismissed suggestions. */
int cjm_edit_dismiss(cjm_edit *edit, const char *pattern, const char *target);
int cjm_edit_undismiss(cjm_edit *edit, const char *pattern, const char *target);

/* The setting of pattern ID under `patterns:`: SETTING (copied; its own id is not
 * read) takes the place of the map's setting of ID, or is inserted at position AT
 * when the map has none; SETTING NULL removes the map's setting of ID. Equal to
 * what the map has, or nothing to remove, records nothing. */
int cjm_edit_set_pattern(cjm_edit *edit, const char *id, const cjm_pattern_setting *setting, size_t at);

/* Grouping: nested begin/end pairs make one step; an empty group records nothing. */
void cjm_edit_group_begin(cjm_edit *edit);
void cjm_edit_group_end(cjm_edit *edit);

bool cjm_edit_can_undo(const cjm_edit *edit);
bool cjm_edit_can_redo(const cjm_edit *edit);
int cjm_edit_undo(cjm_edit *edit); /* -1 when there is nothing to undo */
int cjm_edit_redo(cjm_edit *edit);
/* Where the last undo or redo changed the map: the item it put back, took away
 * (its old place, which may now be past the end) or moved, or whose field it
 * changed. False when that change has no place (a dismissal). */
bool cjm_edit_changed_place(const cjm_edit *edit, cjm_ref *where);

/* A number that changes with every change, undo and redo (for autosave and redraw). */
unsigned long cjm_edit_generation(const cjm_edit *edit);
/* A number that changes only when phases or touchpoints are added, removed or
 * moved, or an id changes (a layout or an index by id built on the map's shape
 * stays valid while it holds). */
unsigned long cjm_edit_shape_generation(const cjm_edit *edit);
/* Marks the current state as saved; cjm_edit_dirty() is true when it differs. */
void cjm_edit_mark_saved(cjm_edit *edit);
bool cjm_edit_dirty(const cjm_edit *edit);
/* Marks the current state as not saved anywhere (a map restored from a recovery file). */
void cjm_edit_mark_unsaved(cjm_edit *edit);

#endif
