/* The conflicts panel without a screen: a map opened from a file with conflict markers, each conflict settled by a key. */
#ifndef CJM_EDITOR_CONFLICTS_H
#define CJM_EDITOR_CONFLICTS_H

#include <stdbool.h>
#include <stddef.h>

#include "editor/editor.h"
#include "merge/resolve.h"
#include "util/strbuf.h"

/*
 * The editor holds a copy of the file's OURS variant; each conflict is settled
 * through the edit layer (cjm_conflict_take), so a take is one step that u
 * undoes and the recovery file keeps it. What the panel marks is worked out
 * from the map as it is now, compared with both variants: after an undo, a
 * redo, a hand edit or a restored recovery file the marks are right without
 * any history of their own. A conflict is undecided while the map holds OURS'
 * value and ours was not taken on purpose (o, O).
 */

/* Which side's value the map holds now for a conflict. */
typedef enum cjm_conflict_side {
	CJM_SIDE_OURS,
	CJM_SIDE_THEIRS,
	CJM_SIDE_BOTH,   /* a list holding every item of both sides */
	CJM_SIDE_EDITED, /* neither: changed by hand since */
} cjm_conflict_side;

/* Gives the editor CONFLICTS (owned from now on), made from the file it opened,
 * whose OURS (or a map restored from recovery) it holds; opens the panel. */
void cjm_editor_conflicts_start(cjm_editor *ed, cjm_conflicts *conflicts);
/* Forgets the conflicts (cjm_editor_free, and a reload of the file from disk). */
void cjm_editor_conflicts_free(cjm_editor *ed);
/* :conflicts: opens the panel again (a message when the map has no conflicts). */
int cjm_editor_open_conflicts(cjm_editor *ed, const char *args);
/* A key while the panel is open (cjm_conflict_keys). */
void cjm_editor_conflicts_key(cjm_editor *ed, int key);
/* When nothing else is said: the status line tells how many conflicts are undecided. */
void cjm_editor_conflicts_remind(cjm_editor *ed);

cjm_conflict_side cjm_editor_conflict_side(const cjm_editor *ed, size_t k);
bool cjm_editor_conflict_decided(const cjm_editor *ed, size_t k);
size_t cjm_editor_conflicts_undecided(const cjm_editor *ed);
/* Appends where conflict K is ("touchpoint 'Call' in phase 'Orient'", "the map",
 * "pattern soften-negatives") and what ("emotion", "deleted on their side"). */
void cjm_editor_conflict_where(const cjm_editor *ed, size_t k, strbuf *out);
const char *cjm_editor_conflict_what(const cjm_editor *ed, size_t k);
/* Appends one side's value of conflict K on one line (a list's items joined with
 * "; "), or what stands for none ("(deleted)", "(none)"). */
void cjm_editor_conflict_value(const cjm_editor *ed, size_t k, bool theirs, strbuf *out);

extern const cjm_mode_key cjm_conflict_keys[]; /* the conflicts panel */

#endif
