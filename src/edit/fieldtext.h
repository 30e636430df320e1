/* Turning field values into the text a person edits in the form, and that text back into values. */
#ifndef CJM_FIELDTEXT_H
#define CJM_FIELDTEXT_H

#include <stddef.h>

#include "model/map.h"
#include "edit/edit.h"
#include "model/field.h"

/*
 * The messages these functions return are plain words for a status line
 * ("emotion must be a whole number from -3 to +3", util/value.h). They live in a buffer of this
 * module (or of EDIT) and stay valid until the next call of a cjm_fieldtext_
 * function; copy one to keep it longer.
 *
 * Numbers are written and read with '.' and assume the "C" LC_NUMERIC locale,
 * as the loader and saver do: set only LC_CTYPE from the environment.
 */

/*
 * The text for FIELD of REF as the form shows it: "" when absent (and for a
 * field REF does not have); emotion "-2", "+1", "0"; numbers in shortest form
 * ("7.5", "0.3"); booleans "yes"/"no"; pillars "time-and-effort, empathy" in
 * file order; lists one item per line joined with '\n' (no final '\n').
 * Returns malloc'd text, never NULL.
 */
char *cjm_fieldtext_format(const cjm_map *map, cjm_ref ref, cjm_field field);

/*
 * Parses TEXT typed for FIELD into *VALUE, which is overwritten. Text and
 * list values are stored in *LIST (emptied first, then owned by the caller:
 * free it with cjm_strlist_clear) and VALUE->text or VALUE->list point into
 * it, so LIST must not be NULL for text and list fields and must stay alive
 * while VALUE is used; other fields ignore it (it may be NULL).
 *
 * Accepts what people type: surrounding spaces and line breaks trimmed; ""
 * is absent (an error for id, name and title); ids are checked for syntax
 * (not uniqueness, which needs the map: see cjm_fieldtext_apply); emotion
 * "-2", "+2", "2", "−2" (U+2212, or an en dash); numbers "7,5" as well as
 * "7.5"; booleans yes/no/y/n/true/false/ja/nee/waar/onwaar/x/1/0 in any
 * case (the grammar of util/value.h, VALUE_TYPED, as cjm import's); pillars
 * separated by commas, semicolons, '|', line breaks or spaces, in any case,
 * '_' or ' ' for '-', unique prefixes ("time" is time-and-effort),
 * "surprise"/"verrassing" mapped to resolution (value_read_names); list items one per line, each trimmed, blank lines dropped.
 * A list item cannot hold a line break: one that did comes back as two.
 *
 * Text is first made into text a map may hold (cjm-map(5), CHARACTERS), as
 * text pasted from a word processor or a web page needs: the line separators
 * U+2028 and U+2029, NEL and CR become line breaks where the field may hold
 * them (notes, descriptions; in a list a break starts a new item) and spaces
 * elsewhere, tabs become spaces, and other control characters are left out.
 * cjm_fieldtext_notice then says what changed.
 *
 * Returns NULL on success, or a message (see above). *VALUE is then absent.
 */
const char *cjm_fieldtext_parse(cjm_field field, const char *text, cjm_value *value, cjm_strlist *list);

/*
 * What the last cjm_fieldtext_parse or cjm_fieldtext_apply changed in the text
 * to make it text a map may hold, in words for the status line ("the pasted
 * text was cleaned: 1 tab made a space"), or NULL when nothing changed.
 */
const char *cjm_fieldtext_notice(void);

/*
 * The fields the form shows for an item of kind KIND, in file order (id first
 * for phases and touchpoints; title first for the map). Returns the count;
 * the fields go in OUT, which has room for CJM_FIELD_COUNT.
 */
size_t cjm_fieldtext_fields(cjm_ref_kind kind, cjm_field *out);

/*
 * Applies the texts of a whole form (TEXTS[i] typed for FIELDS[i]) to REF as
 * one undo step. A text equal to what cjm_fieldtext_format gives for the
 * current value, and a NULL text, leave that field as it is (so a value the
 * form cannot show exactly, such as notes ending in a line break, survives
 * untouched); a text that parses to the current value records nothing either.
 *
 * Every text is parsed and checked first (including that a changed id is
 * unused); on the first problem nothing changes at all, *BAD_FIELD (may be
 * NULL) is its index in FIELDS, or COUNT when REF itself is wrong, and the
 * message is returned. Otherwise the changes are made inside one
 * cjm_edit_group_begin/end and NULL is returned (*BAD_FIELD = COUNT). Nothing
 * changed records no step.
 */
const char *cjm_fieldtext_apply(cjm_edit *edit, cjm_ref ref, const cjm_field *fields, char *const *texts, size_t count,
				size_t *bad_field);

#endif
