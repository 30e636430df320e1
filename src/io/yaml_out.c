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

/* ---- when text needs quotes ---- */

/* The words a YAML reader takes for null or a boolean (YAML 1.2's core schema,
 * and YAML 1.1's yes/no/on/off/y/n, which many readers still follow), and
 * for infinity or not-a-number. */
static const char *const yaml_out_typed_words[] = {
	"~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
	"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
	"y", "Y", "n", "N", ".inf", ".Inf", ".INF", "-.inf", "+.inf", "-.Inf", "+.Inf",
	"-.INF", "+.INF", ".nan", ".NaN", ".NAN",
};

/* True when TEXT (LEN bytes, LEN > 0) would read as a number or a date: YAML 1.2's
 * ints and floats ("-12", "1e3", ".5", "0x1F", "0o17"), or YAML 1.1's ("007" octal,
 * "1_000", "0b101", "1:20" base 60, "2024-03-01" a timestamp). A generous rule:
 * after an optional sign, a 0x, 0o or 0b prefix and hex digits, or a digit or a
 * '.' first and then only digits and ". e E _ : + -", with at least one digit. */
static bool yaml_out_looks_numeric(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	if (*p == '+' || *p == '-')
		p++;
	if (end - p >= 3 && p[0] == '0' && strchr("xXoObB", p[1])) {
		const char *q = p + 2;
		while (q < end && (strchr("0123456789abcdefABCDEF_", *q)))
			q++;
		if (q == end)
			return true;
	}
	if (p == end || !strchr(".0123456789", *p))
		return false;
	bool digits = false;
	for (; p < end; p++) {
		if (*p >= '0' && *p <= '9')
			digits = true;
		else if (!strchr(".eE_:+-", *p))
			return false;
	}
	return digits;
}

/* True when TEXT (LEN bytes) cannot be a plain scalar in a block mapping by
 * YAML's syntax, as libyaml's emitter decides it: surrounding spaces, an
 * indicator at the start ("#", "@", "`", "&", "[", "- x", "? x", ": x", ...),
 * ": " or a ':' at the end, " #" (a comment), or a start like a document
 * marker ("---", "..."). */
static bool yaml_out_breaks_plain(const char *text, size_t len)
{
	if (text[0] == ' ' || text[len - 1] == ' ' || text[len - 1] == ':')
		return true;
	if (strchr("#,[]{}&*!|>'\"%@`", text[0]))
		return true;
	if (strchr("-?:", text[0]) && (len == 1 || text[1] == ' '))
		return true;
	if (!strncmp(text, "---", 3) || !strncmp(text, "...", 3))
		return true; /* like a document marker: libyaml quotes any such start */
	for (const char *p = strpbrk(text, ":#"); p; p = strpbrk(p + 1, ":#"))
		if ((*p == ':' && p[1] == ' ') || (*p == '#' && p > text && p[-1] == ' '))
			return true;
	return false;
}

bool cjm_yaml_needs_quotes(const char *text)
{
	size_t len = strlen(text);
	if (len == 0)
		return true; /* plain, it reads as null */
	if (len <= 5) /* no longer than the longest word, "false" or "-.inf" */
		for (size_t i = 0; i < sizeof yaml_out_typed_words / sizeof *yaml_out_typed_words; i++)
			if (strcmp(text, yaml_out_typed_words[i]) == 0)
				return true;
	return yaml_out_looks_numeric(text, len) || yaml_out_breaks_plain(text, len);
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
	else if (is_text && cjm_yaml_needs_quotes(text))
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
