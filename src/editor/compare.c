/* The editor's :compare OTHER: another map held beside the one being edited, its curve drawn with this one's. */
#include "editor/compare.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "io/load.h"
#include "io/revision.h"
#include "util/diag.h"
#include "util/i18n.h"
#include "util/xalloc.h"

struct cjm_editor_compare {
	char *name;                 /* OTHER as given */
	cjm_map *map;               /* OTHER, fixed */
	cjm_compare_other *other;   /* OTHER indexed by id */
	cjm_compare *current;       /* the editor's map against it, or NULL until asked */
	unsigned long generation;   /* the map CURRENT was made for */
};

static void compare_release(struct cjm_editor_compare *c)
{
	if (!c)
		return;
	cjm_compare_free(c->current);
	cjm_compare_other_free(c->other);
	cjm_map_free(c->map);
	free(c->name);
	free(c);
}

void cjm_editor_compare_free(cjm_editor *ed)
{
	compare_release(ed->compare);
	ed->compare = NULL;
}

/* Reads PATH as a map; NULL with the message set when it cannot be read or is not valid. */
static cjm_map *compare_read(cjm_editor *ed, const char *path)
{
	size_t len = 0;
	int err = 0;
	char *text;
	if (cjm_is_revision(path)) {
		char *why = NULL;
		text = cjm_read_revision(path, &len, &why);
		if (!text) {
			cjm_editor_say(ed, true, _("cannot compare with %s: %s"), path, why);
			free(why);
			return NULL;
		}
	} else {
		text = cjm_read_file(path, &len, &err);
	}
	if (!text) {
		/* TRANSLATORS: %s are the file and why it cannot be read. */
		cjm_editor_say(ed, true, _("cannot compare with %s: %s"), path,
			       err == EFBIG ? _("file is too large") : strerror(err ? err : ENOENT));
		return NULL;
	}
	diag_list *diags = diag_list_new(path);
	cjm_map *map = cjm_load_buffer(text, len, diags, NULL);
	free(text);
	if (!map) {
		const diag *first = diag_first_error(diags);
		/* TRANSLATORS: FILE:LINE:COL: error: the first problem of the file :compare was given. */
		cjm_editor_say(ed, true, _("%s:%d:%d: error: %s (not compared)"), path, first ? first->line : 0,
			       first ? first->col : 0, first ? first->message : _("not a valid map"));
	}
	diag_list_free(diags);
	return map;
}

int cjm_editor_compare_command(cjm_editor *ed, const char *args)
{
	while (args && (*args == ' ' || *args == '\t'))
		args++;
	if (!args || !*args) {
		if (!ed->compare) {
			cjm_editor_say(ed, false, _("no comparison to end: :compare FILE draws another map's curve"));
			return 0;
		}
		cjm_editor_compare_free(ed);
		cjm_editor_say(ed, false, _("comparison ended"));
		return 0;
	}
	cjm_map *map = compare_read(ed, args);
	if (!map)
		return -1;
	cjm_editor_compare_free(ed);
	struct cjm_editor_compare *c = xcalloc(1, sizeof *c);
	c->name = xstrdup(args);
	c->map = map;
	c->other = cjm_compare_other_new(map);
	c->generation = ULONG_MAX;
	ed->compare = c;
	const cjm_compare *cmp = cjm_editor_comparison(ed);
	/* TRANSLATORS: the status line after :compare FILE; the last %s is FILE. */
	cjm_editor_say(ed, false, _("comparing with %s: %zu matched by id, %zu only here, %zu only there"), c->name,
		       cmp->matched, cmp->only_here, cmp->only_there);
	return 0;
}

bool cjm_editor_comparing(const cjm_editor *ed)
{
	return ed->compare != NULL;
}

const char *cjm_editor_compare_name(const cjm_editor *ed)
{
	return ed->compare ? ed->compare->name : NULL;
}

const cjm_touchpoint *cjm_editor_compare_find(const cjm_editor *ed, const char *id)
{
	return ed->compare ? cjm_compare_other_find(ed->compare->other, id, NULL) : NULL;
}

const cjm_compare *cjm_editor_comparison(cjm_editor *ed)
{
	struct cjm_editor_compare *c = ed->compare;
	if (!c)
		return NULL;
	unsigned long now = cjm_edit_generation(ed->edit);
	if (!c->current || c->generation != now) {
		cjm_compare_free(c->current);
		c->current = cjm_compare_new_with(cjm_editor_map(ed), c->other);
		c->generation = now;
	}
	return c->current;
}
