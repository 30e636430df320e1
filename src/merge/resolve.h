/* Settling the conflicts a merge left in a map: the two variants its markers hold, what differs between them, and a choice per conflict. */
#ifndef CJM_RESOLVE_H
#define CJM_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>

#include "edit/edit.h"
#include "io/load.h"
#include "model/field.h"
#include "model/map.h"
#include "util/diag.h"

/*
 * A file with git-style conflict markers ("<<<<<<< ours", an optional
 * "||||||| base" section, "=======", ">>>>>>> theirs") holds two maps: OURS,
 * every hunk's first side, and THEIRS, every hunk's second side (the base
 * section is dropped). cjm merge writes whole blocks between the markers, but
 * any marked file whose two sides each load as a map will do, so a textual
 * merge by git works too.
 *
 * The conflicts are what differs between the two variants, one per field of an
 * item (a touchpoint's emotion, a phase's name, the map's title), one per item
 * that only one side has (edited on one side, deleted on the other), and one
 * per pattern whose settings differ. Moves are not conflicts: the place is
 * OURS'.
 */

typedef enum cjm_take { CJM_TAKE_OURS, CJM_TAKE_THEIRS, CJM_TAKE_BOTH } cjm_take;

typedef enum cjm_conflict_what {
	CJM_CONFLICT_FIELD,   /* one field of an item both sides have, with different values */
	CJM_CONFLICT_ITEM,    /* a phase or touchpoint only one side has */
	CJM_CONFLICT_PATTERN, /* the settings of one pattern under `patterns:` */
} cjm_conflict_what;

typedef struct cjm_conflict {
	cjm_conflict_what what;
	cjm_ref_kind owner;        /* FIELD and ITEM: the map, a phase or a touchpoint */
	const char *id;            /* the phase, touchpoint or pattern id; NULL for the map */
	const char *name;          /* a phase's or touchpoint's name (OURS' where it has it) */
	const char *phase_name;    /* a touchpoint's phase, by name */
	cjm_field field;           /* FIELD: the field; otherwise CJM_FIELD_COUNT */
	bool in_ours, in_theirs;   /* which side has it (the item, the pattern's setting) */
	char *ours_text;           /* the value on each side as people read it (a list one */
	char *theirs_text;         /* item per line); NULL when absent */
	bool can_both;             /* a list field: both sides' items can be kept */
	cjm_take take;             /* the choice made; CJM_TAKE_OURS until one is made */
} cjm_conflict;

typedef struct cjm_conflicts {
	cjm_map *ours, *theirs;          /* the two variants (owned) */
	char *ours_label, *theirs_label; /* the words after "<<<<<<<" and ">>>>>>>" */
	cjm_comments comments;           /* YAML comments outside and on both sides (at the file's
					  * lines), which saving the map drops */
	cjm_conflict *at;
	size_t count;
	struct cjm_resolve_lookup *lookup; /* resolve.c's own: the maps indexed by id */
} cjm_conflicts;

/* True when TEXT has a conflict marker ("<<<<<<<" followed by a space or the end
 * of the line) at the start of a line. */
bool cjm_has_conflict_markers(const char *text, size_t len);

/* Splits TEXT into its variants and loads both. NULL when TEXT has no markers
 * (DIAGS untouched: it is then a map, or not, as it loads), when they do not pair
 * up, or when a variant does not load; then DIAGS says why, at the file's own lines. */
cjm_conflicts *cjm_conflicts_new(const char *text, size_t len, diag_list *diags);
void cjm_conflicts_free(cjm_conflicts *conflicts);

/* Makes the map EDIT holds (a copy of OURS to begin with) take TAKE for conflict
 * K, through the edit layer, as one undo step; records the choice. TAKE_BOTH only
 * where can_both. An item comes in at its place on that side (after the nearest
 * item before it there that the map holds); a phase goes with its touchpoints,
 * except those that side has in another phase, which move there. 0, or -1 with
 * cjm_edit_error saying why (nothing changed then, unless called inside a group
 * of the caller's: the half-done take is undone only when it is a step of its own). */
int cjm_conflict_take(cjm_conflicts *conflicts, cjm_edit *edit, size_t k, cjm_take take);
/* The same for every conflict, as one undo step; TAKE_BOTH takes both where
 * can_both and OURS elsewhere. */
int cjm_conflicts_take_all(cjm_conflicts *conflicts, cjm_edit *edit, cjm_take take);

/* Where conflict K stands in MAP (the touchpoint, the phase, or the map itself),
 * so the editor can select it; false when MAP does not hold it (now). */
bool cjm_conflict_place(const cjm_conflicts *conflicts, size_t k, const cjm_map *map, cjm_ref *where);

#endif
