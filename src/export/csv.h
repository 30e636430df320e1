/* The columns of cjm's CSV, shared by the exporter (csv.c) and the importer (csv_import.c). */
#ifndef CJM_EXPORT_CSV_H
#define CJM_EXPORT_CSV_H

#include <stddef.h>

#include "model/field.h"
#include "util/strbuf.h"

/* The three phase columns come first. The touchpoint columns follow: one per
 * touchpoint field of the field table (model/field.h), in its order, each named
 * by the field's key in the map file. */
enum cjm_csv_phase_column {
	CJM_CSV_PHASE_ID,
	CJM_CSV_PHASE_NAME,
	CJM_CSV_PHASE_DESCRIPTION,
	CJM_CSV_PHASE_COLUMNS
};

/* "phase_id", "phase_name", "phase_description". */
extern const char *const cjm_csv_phase_columns[CJM_CSV_PHASE_COLUMNS];

/* The touchpoint columns: the touchpoint fields the field table marks CJM_FIELD_CSV,
 * in its order; *COUNT set. */
const cjm_field *cjm_csv_fields(size_t *count);

/* Every column's name, in order, with SEP between them. */
void cjm_csv_column_names(strbuf *out, const char *sep);

/* The name of the column KEY (a phase column's name or a touchpoint field's key) in
 * a CSV of language LANG: KEY itself in English (NULL), else its translation in
 * the context "csv column" (Dutch: "fase", "naam", "tevredenheid"). */
const char *cjm_csv_column_in(const char *lang, const char *key);

/* The languages besides English whose column names the importer knows ("nl"),
 * NULL-terminated. */
extern const char *const cjm_csv_languages[];

/* What separates the items of a list (pains, ideas, quotes, pillars) in one cell. */
#define CJM_CSV_ITEM_SEPARATOR '\n'

#endif
