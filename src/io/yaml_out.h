/* Writing YAML for scripts (cjm suggest and cjm diff --format yaml) with libyaml's emitter into a strbuf. */
#ifndef CJM_YAML_OUT_H
#define CJM_YAML_OUT_H

#include <stdbool.h>

#include "util/strbuf.h"

/* A document being written; libyaml's emitter stays inside io. */
typedef struct cjm_yaml_out cjm_yaml_out;

/* Starts a document written to OUT: UTF-8 as it is, no line folding, indent 2. */
cjm_yaml_out *cjm_yaml_out_begin(strbuf *out);
/* Ends the document and frees the emitter. */
void cjm_yaml_out_end(cjm_yaml_out *em);

/* A scalar. TEXT that would read back as another type (null, a boolean, a number)
 * is single-quoted and text with a line break is a literal block, when IS_TEXT;
 * otherwise (keys, numbers, words) it is written plain. Text holding a character
 * a terminal would act on (visible_escaped) is double-quoted with it escaped. */
void cjm_yaml_scalar(cjm_yaml_out *em, const char *text, bool is_text);
/* Starts (START) or ends a block mapping or sequence. */
void cjm_yaml_mapping(cjm_yaml_out *em, bool start);
void cjm_yaml_sequence(cjm_yaml_out *em, bool start);

#endif
