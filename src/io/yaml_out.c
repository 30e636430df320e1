/* Writing YAML for scripts with libyaml's emitter: scalars quoted only where they must be. */
#include "io/yaml_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util/visible.h"
#include "util/xalloc.h"

struct cjm_yaml_out {
	yaml_emitter_t emitter;
};

static int yaml_out_write(void *data, unsigned char *buffer, size_t size)
{
	strbuf_add(data, (const char *)buffer, size);
	return 1;
}

/* Emits EV; the events are made here, so a refusal is a bug in cjm. */
static void yaml_out_emit(yaml_emitter_t *em, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(em, ev)) {
		fprintf(stderr, "cjm: internal error: YAML emitter: %s\n", em->problem ? em->problem : "unknown");
		abort();
	}
}

/* True when TEXT written plain would read back as something other than text
 * (null, a boolean, a number: YAML 1.2 core schema and YAML 1.1's yes/no/on/off). */
static bool yaml_out_looks_typed(const char *text)
{
	static const char *const words[] = { "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false",
					     "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On",
					     "ON", "off", "Off", "OFF", "y", "Y", "n", "N" };
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(text, words[i]) == 0)
			return true;
	const char *p = text;
	if (*p == '+' || *p == '-')
		p++;
	if (*p == '.') /* .inf, .nan and .5 alike */
		return true;
	bool digits = false;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits = true;
		else if (!strchr(".eEoxXabcdefABCDEF_+-:", *p))
			return false;
	}
	return digits;
}

cjm_yaml_out *cjm_yaml_out_begin(strbuf *out)
{
	cjm_yaml_out *doc = xcalloc(1, sizeof *doc);
	yaml_emitter_t *em = &doc->emitter;
	yaml_event_t ev;
	yaml_emitter_initialize(em);
	yaml_emitter_set_output(em, yaml_out_write, out);
	yaml_emitter_set_unicode(em, 1);
	yaml_emitter_set_width(em, -1);
	yaml_emitter_set_indent(em, 2);
	yaml_emitter_set_break(em, YAML_LN_BREAK);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	yaml_out_emit(em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	yaml_out_emit(em, &ev);
	return doc;
}

void cjm_yaml_out_end(cjm_yaml_out *doc)
{
	yaml_emitter_t *em = &doc->emitter;
	yaml_event_t ev;
	yaml_document_end_event_initialize(&ev, 1);
	yaml_out_emit(em, &ev);
	yaml_stream_end_event_initialize(&ev);
	yaml_out_emit(em, &ev);
	yaml_emitter_flush(em);
	/* text holding a bidirectional control or the like is double-quoted (cjm_yaml_scalar):
	 * make the emitter's raw character an escape there, as the saver does */
	visible_escape_yaml_quoted(em->write_handler_data, 0);
	yaml_emitter_delete(em);
	free(doc);
}

void cjm_yaml_scalar(cjm_yaml_out *doc, const char *text, bool is_text)
{
	yaml_emitter_t *em = &doc->emitter;
	yaml_scalar_style_t style = YAML_PLAIN_SCALAR_STYLE;
	if (visible_has_escaped_unicode(text, strlen(text)))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE; /* escaped in cjm_yaml_out_end */
	else if (is_text && strchr(text, '\n'))
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (is_text && yaml_out_looks_typed(text))
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	yaml_event_t ev;
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)text, (int)strlen(text), 1, 1, style)) {
		fprintf(stderr, "cjm: internal error: YAML scalar\n");
		abort();
	}
	yaml_out_emit(em, &ev);
}

void cjm_yaml_mapping(cjm_yaml_out *doc, bool start)
{
	yaml_emitter_t *em = &doc->emitter;
	yaml_event_t ev;
	if (start)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_mapping_end_event_initialize(&ev);
	yaml_out_emit(em, &ev);
}

void cjm_yaml_sequence(cjm_yaml_out *doc, bool start)
{
	yaml_emitter_t *em = &doc->emitter;
	yaml_event_t ev;
	if (start)
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
	else
		yaml_sequence_end_event_initialize(&ev);
	yaml_out_emit(em, &ev);
}
