/* The editor's :compare OTHER: another map held beside the one being edited, its curve drawn with this one's. */
#ifndef CJM_EDITOR_COMPARE_H
#define CJM_EDITOR_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "analysis/compare.h"
#include "editor/editor.h"

/*
 * :compare OTHER reads the map file OTHER once and keeps it fixed; the editor's
 * own map goes on changing, and every look at the comparison sees it as it is
 * now (worked out again when the map has changed since). :compare alone ends
 * it, and so does a second :compare with another file (which replaces it).
 */

/* The command: ARGS is OTHER's path, or empty to stop comparing. Returns 0, or
 * -1 with the message set (OTHER missing or not a valid map: nothing changes). */
int cjm_editor_compare_command(cjm_editor *ed, const char *args);
/* What the editor holds for it, for cjm_editor_free. */
void cjm_editor_compare_free(cjm_editor *ed);

/* Whether a comparison is on. */
bool cjm_editor_comparing(const cjm_editor *ed);
/* OTHER's name as given, or NULL when no comparison is on. */
const char *cjm_editor_compare_name(const cjm_editor *ed);
/* OTHER's touchpoint with ID, or NULL (none, or no comparison). */
const cjm_touchpoint *cjm_editor_compare_find(const cjm_editor *ed, const char *id);
/* The comparison of the map as it is now with OTHER, or NULL when none is on. */
const cjm_compare *cjm_editor_comparison(cjm_editor *ed);

#endif
