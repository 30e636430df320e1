/* Writing YAML for scripts (cjm suggest and cjm diff --format yaml) with libyaml's emitter into a strbuf. */
#ifndef CJM_YAML_OUT_H
#define CJM_YAML_OUT_H

#include <stdbool.h>

#include "util/strbuf.h"

/*
 * True when the one-line TEXT must be quoted to read back as that text: it is
 * empty, or plain it would read as another type (null, "~", a boolean such as
 * "true" or YAML 1.1's "yes", "No", "on", "OFF", "y"; a number such as "12",
 * "1e3", ".5", "0x1F", "007", "1:20", ".inf"), or YAML's syntax allows it no
 * plain form (surrounding spaces, an indicator such as "#", "@", "`", "-" or
 * "&" at the start, ": " or " #" inside, a ':' at the end). The one rule for
 * both the saver and the YAML written for scripts; libyaml's emitter quotes
 * on its own what it cannot write plain either way. Text that is only a
 * word of another language ("nee", "ja") stays plain: it is text to YAML.
 */
bool cjm_yaml_needs_quotes(const char *text);

/* A document being written; libyaml's emitter stays inside io. */
typedef struct cjm_yaml_out cjm_yaml_out;

/* Starts a document written to OUT: UTF-8 as it is, no line folding, indent 2. */
cjm_yaml_out *cjm_yaml_out_begin(strbuf *out);
/* Ends the document and frees the emitter. */
void cjm_yaml_out_end(cjm_yaml_out *em);

/* A scalar. TEXT that needs quotes (cjm_yaml_needs_quotes) is single-quoted
 * and text with a line break is a literal block, when IS_TEXT;
 * otherwise (keys, numbers, words) it is written plain. Text holding a character
 * a terminal would act on (visible_escaped) is double-quoted with it escaped. */
void cjm_yaml_scalar(cjm_yaml_out *em, const char *text, bool is_text);
/* Starts (START) or ends a block mapping or sequence. */
void cjm_yaml_mapping(cjm_yaml_out *em, bool start);
void cjm_yaml_sequence(cjm_yaml_out *em, bool start);

#endif
