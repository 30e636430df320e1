/* Escaping text for the formats that need it: XML (SVG, HTML), JSON strings and CSV fields. */
#ifndef CJM_ESCAPE_H
#define CJM_ESCAPE_H

#include "util/strbuf.h"

/* Appends TEXT with &, <, >, " and ' as entities: safe in XML and HTML text and in
 * attribute values of either quote. Control characters other than tab and newline,
 * which XML 1.0 forbids, become U+FFFD. */
void cjm_escape_xml(strbuf *out, const char *text);

/* Appends TEXT as a JSON string, quotes included: ", \ and control characters
 * escaped, everything else (UTF-8) as it is. */
void cjm_escape_json(strbuf *out, const char *text);

/* Appends TEXT as one CSV field (RFC 4180): quoted, with quotes doubled, when it
 * holds a comma, a quote, a CR or LF, or starts or ends with a space; else as it is.
 * A field that a spreadsheet would run as a formula (starting with =, +, -, @)
 * is written as it is: the CSV stays the data; see cjm-export(1). */
void cjm_escape_csv(strbuf *out, const char *text);

#endif
