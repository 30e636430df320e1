/* The form that edits every field of the map itself, or of the selected phase or touchpoint. */
#ifndef CJM_FORM_H
#define CJM_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "editor/editor.h"
#include "editor/line.h"
#include "model/field.h"

/* One line of the form: a field, or one item of a list field. */
typedef struct form_row {
	cjm_field field;
	bool is_item; /* a list item (or the empty line that adds one) */
	cjm_line line;
} form_row;

typedef struct tui_form {
	cjm_ref ref;
	form_row *rows;
	size_t count, cap;
	size_t current;
	size_t top;           /* the first row on screen */
	bool selected;        /* the current line's text is selected: typing replaces it */
	char *problem;        /* what is wrong with the value last saved, shown in the form; or NULL */
	/* completion of channel and owner from the values the map uses */
	const cjm_map *map;   /* the map the form was filled from (borrowed; unchanged while it is open) */
	const char **used[2]; /* the channels [0] and owners [1] the map uses, most used first */
	size_t used_count[2];
	const char **matches; /* while Tab completes: the candidates, after the typed text */
	size_t match_count, match_index;
	char *typed;          /* what was typed before the first Tab */
} tui_form;

/* Fills the form from the map itself when ED->form_of_map, else from the selected item. */
void form_open(tui_form *form, cjm_editor *ed);
void form_close(tui_form *form);
/* Handles one key, CODE as the key tables name keys (cjm_form_keys; a character
 * that is none of them types). Returns true when the form is done (saved or cancelled). */
bool form_key(tui_form *form, cjm_editor *ed, int code);
void form_draw(tui_form *form, const cjm_editor *ed, int rows, int cols);
/* The key that jumps to FIELD (with Alt, or Escape before it), as a lower-case letter. */
char form_jump_key(cjm_field field);

#endif
