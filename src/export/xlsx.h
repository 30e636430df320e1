/* The xlsx export beyond its cjm_export_fn: the export that says when it failed, and Excel's sheet names. */
#ifndef CJM_EXPORT_XLSX_H
#define CJM_EXPORT_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "export/export.h"
#include "util/strbuf.h"

/*
 * Appends MAP as an xlsx workbook (a zip) to OUT and returns true. libxlsxwriter
 * writes only to a file: the workbook is made in a private temporary file in
 * $TMPDIR (else /tmp), read back and removed. When that fails (no temporary
 * folder, a full disk, more rows than a sheet has) it returns false with OUT as
 * it was and the reason, for people, in ERROR. cjm_export_xlsx, the format
 * table's function, calls it and says the reason on standard error.
 */
bool cjm_export_xlsx_checked(const cjm_map *map, const cjm_export_options *options, strbuf *out, strbuf *error);

/* The longest sheet name Excel takes, in characters. */
#define CJM_XLSX_SHEET_NAME_MAX 31

/*
 * Appends to OUT a sheet name Excel takes made from WANTED: at most 31 characters,
 * none of []:*?/\ (each becomes '-'), not starting or ending with an apostrophe,
 * not Excel's reserved "History", and different, ignoring ASCII case, from each of
 * the COUNT names TAKEN (a number is added: "Touchpoints (2)"). WANTED is UTF-8.
 */
void cjm_xlsx_sheet_name(strbuf *out, const char *wanted, const char *const *taken, size_t count);

#endif
