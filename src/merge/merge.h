/* The three-way merge of maps by id (cjm merge): a merged model plus the conflicts, no text. */
#ifndef CJM_MERGE_H
#define CJM_MERGE_H

#include <stddef.h>

#include "model/map.h"
#include "model/field.h"
#include "util/strbuf.h"

/* The sides of a merge. */
enum { CJM_MERGE_BASE = 0, CJM_MERGE_OURS = 1, CJM_MERGE_THEIRS = 2 };

/* One true conflict. */
typedef struct cjm_merge_conflict {
	cjm_ref_kind owner; /* the map, a phase or a touchpoint */
	char *id;           /* the phase or touchpoint id; NULL for the map */
	char *key;          /* the field ("emotion", "title", "patterns.ID"); NULL for an edit/delete */
	int deleted_by;     /* CJM_MERGE_OURS or _THEIRS for an edit/delete conflict, else 0 */
} cjm_merge_conflict;

typedef struct cjm_merge_result {
	/* The merge, taking OURS for every conflicted item (the whole map when there is no
	 * conflict); NULL when the maps cannot be merged at all (see ERROR). */
	cjm_map *ours;
	/* The same merge taking THEIRS for every conflicted item; NULL without conflicts. */
	cjm_map *theirs;
	cjm_merge_conflict *conflicts;
	size_t conflict_count;
	char *error; /* why the maps cannot be merged (an id that is a phase on one side and
		      * a touchpoint on another); NULL otherwise */
} cjm_merge_result;

/* Merges OURS and THEIRS, both descended from BASE, by id. Never NULL. */
cjm_merge_result *cjm_merge(const cjm_map *base, const cjm_map *ours, const cjm_map *theirs);
void cjm_merge_result_free(cjm_merge_result *result);

/* A conflict as one line for people: "touchpoint 'x': emotion changed on both sides". (malloc'd) */
char *cjm_merge_conflict_describe(const cjm_merge_conflict *conflict);

/* Appends the merged text to OUT: the canonical form of RESULT->ours without conflicts;
 * otherwise the blocks (a top-level key, a pattern setting, a phase's own lines, a whole
 * touchpoint) in which the two variants differ, between git-style markers
 * "<<<<<<< OURS_LABEL", "=======", ">>>>>>> THEIRS_LABEL". Returns the number of
 * marked hunks. */
size_t cjm_merge_write(const cjm_merge_result *result, const char *ours_label,
		       const char *theirs_label, strbuf *out);

#endif
