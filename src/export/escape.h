/* Escaping text for the formats that need it: XML (SVG, HTML), JSON strings and CSV fields. */
#ifndef CJM_ESCAPE_H
#define CJM_ESCAPE_H

#include "util/strbuf.h"

/* Appends TEXT with &, <, >, " and ' as entities: safe in XML and HTML text and in
 * attribute values of either quote. Control characters other than tab and newline,
 * which XML 1.0 forbids or discourages (C0, CR, DEL, C1), become U+FFFD; the other
 * characters a terminal would act on (visible_escaped: U+2028, the bidirectional
 * controls, U+FEFF) are written as &#xHHHH;, which a viewer shows as they are
 * while the file holds no raw one. */
void cjm_escape_xml(strbuf *out, const char *text);

/* Appends TEXT as a JSON string, quotes included: ", \ and control characters
 * escaped, and as \uHHHH every other character visible_escaped names (C1, U+2028,
 * U+2029, bidirectional controls, U+FEFF); everything else (UTF-8) as it is. */
void cjm_escape_json(strbuf *out, const char *text);

/* Appends TEXT as one CSV field (RFC 4180): quoted, with quotes doubled, when it
 * holds a comma, a quote, a CR or LF, or starts or ends with a space; else as it is.
 * A field that a spreadsheet would run as a formula (starting with =, +, -, @)
 * is written as it is: the CSV stays the data; see cjm-export(1). A control
 * character other than tab, CR and LF (which a map never holds) becomes U+FFFD,
 * so no cell carries ESC. */
void cjm_escape_csv(strbuf *out, const char *text);
/* The same for a CSV whose cells are separated by SEP (',' or ';'): quoted also
 * when TEXT holds SEP. */
void cjm_escape_csv_sep(strbuf *out, const char *text, char sep);

#endif
