/* Unit tests for the characters a map may hold: every class of code point in every kind of text, raw and escaped, through load, save, the form and the terminal escaper. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/map.h"
#include "edit/edit.h"
#include "edit/fieldtext.h"
#include "export/escape.h"
#include "export/export.h"
#include "io/load.h"
#include "io/save.h"
#include "render/show.h"
#include "util/utf8.h"
#include "util/visible.h"
#include "util/xalloc.h"

/* One class of code point: a representative, and whether a map may hold it. */
struct char_class {
	const char *name;
	uint32_t cp;
	bool allowed;
};

static const struct char_class classes[] = {
	{ "NUL", 0x0000, false },
	{ "C0 SOH", 0x0001, false },
	{ "C0 BEL", 0x0007, false },
	{ "C0 BS", 0x0008, false },
	{ "tab", 0x0009, true },
	{ "LF", 0x000A, true },
	{ "C0 VT", 0x000B, false },
	{ "CR", 0x000D, false },
	{ "C0 ESC", 0x001B, false },
	{ "C0 US", 0x001F, false },
	{ "DEL", 0x007F, false },
	{ "C1 PAD", 0x0080, false },
	{ "NEL", 0x0085, false },
	{ "C1 CSI", 0x009B, false },
	{ "C1 APC", 0x009F, false },
	{ "no-break space", 0x00A0, true },
	{ "e acute", 0x00E9, true },
	{ "combining acute", 0x0301, true },
	{ "arabic letter mark", 0x061C, true },
	{ "right-to-left mark", 0x200F, true },
	{ "line separator", 0x2028, false },
	{ "paragraph separator", 0x2029, false },
	{ "right-to-left override", 0x202E, true },
	{ "pop directional isolate", 0x2069, true },
	{ "BOM in the middle", 0xFEFF, true },
	{ "replacement character", 0xFFFD, true },
	{ "noncharacter FFFE", 0xFFFE, false },
	{ "noncharacter FFFF", 0xFFFF, false },
	{ "surrogate D800", 0xD800, false },
	{ "surrogate DFFF", 0xDFFF, false },
	{ "private use E000", 0xE000, true },
	{ "private use F8FF", 0xF8FF, true },
	{ "emoji", 0x1F600, true },
	{ "astral noncharacter 1FFFE", 0x1FFFE, true },
	{ "plane 16 private use", 0x10FFFD, true },
};

#define CLASS_COUNT (sizeof classes / sizeof *classes)

/* Where a text stands in a map file: the line holds "%s" for the value. */
struct text_place {
	const char *name;
	const char *file; /* a map with one %s; the value stands on line LINE */
	int line;
	bool is_id;  /* an id or a key: no character beyond [a-z0-9-] loads */
	bool is_key;
};

static const struct text_place places[] = {
	{ "title", "version: 1\ntitle: %s\nphases: []\n", 2, false, false },
	{ "persona description", "version: 1\ntitle: T\npersona:\n  description: %s\nphases: []\n", 4, false, false },
	{ "brand value", "version: 1\ntitle: T\nbrand_values:\n- %s\nphases: []\n", 4, false, false },
	{ "phase name", "version: 1\ntitle: T\nphases:\n- id: p\n  name: %s\n", 5, false, false },
	{ "touchpoint name",
	  "version: 1\ntitle: T\nphases:\n- id: p\n  name: P\n  touchpoints:\n  - id: t\n    name: %s\n", 8, false, false },
	{ "pain",
	  "version: 1\ntitle: T\nphases:\n- id: p\n  name: P\n  touchpoints:\n  - id: t\n    name: N\n    pains:\n    - %s\n",
	  10, false, false },
	{ "notes",
	  "version: 1\ntitle: T\nphases:\n- id: p\n  name: P\n  touchpoints:\n  - id: t\n    name: N\n    notes: %s\n", 9,
	  false, false },
	{ "phase id", "version: 1\ntitle: T\nphases:\n- id: %s\n  name: P\n", 4, true, false },
	{ "key", "version: 1\ntitle: T\n%s: 1\nphases: []\n", 3, true, true },
	{ "pattern key", "version: 1\ntitle: T\npatterns:\n  %s:\n    enabled: false\nphases: []\n", 4, true, true },
};

#define PLACE_COUNT (sizeof places / sizeof *places)

/* CP as UTF-8 into BUF (room for 5); surrogates as the three bytes UTF-8 forbids. */
static size_t put_utf8(char *buf, uint32_t cp)
{
	size_t n;
	if (cp < 0x80) {
		buf[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xC0 | cp >> 6), buf[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | cp >> 12), buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	} else {
		buf[0] = (char)(0xF0 | cp >> 18), buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), buf[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	}
	buf[n] = '\0';
	return n;
}

/* The value as the file writes it: "a", the character, "b". ESCAPED writes it as a
 * YAML escape in a double-quoted scalar; raw, a line feed stands in a literal block
 * (in quotes it would fold to a space) and everything else in double quotes. */
static char *value_text(uint32_t cp, bool escaped, int indent)
{
	char ch[8];
	if (escaped) {
		if (cp > 0xFFFF)
			return xasprintf("\"a\\U%08X b\"", (unsigned)cp);
		return xasprintf("\"a\\u%04X b\"", (unsigned)cp);
	}
	put_utf8(ch, cp);
	if (cp == '\n' || cp == '\r') /* a raw CR is a line end, as a raw LF is */
		return xasprintf("|-\n%*sa%c%*s b", indent + 2, "", (char)cp, indent + 2, "");
	if (cp == '"')
		return xstrdup("\"a\\\" b\"");
	return xasprintf("\"a%s b\"", ch);
}

/* The text the value stands for: "a", the character, " b" (a raw CR in a file is a line end). */
static char *value_expected(uint32_t cp, bool escaped)
{
	char ch[8];
	put_utf8(ch, !escaped && cp == '\r' ? '\n' : cp);
	return xasprintf("a%s b", ch);
}

/* The indentation of the "%s" line in a place's file. */
static int place_indent(const struct text_place *place)
{
	const char *at = strstr(place->file, "%s");
	const char *line = at;
	while (line > place->file && line[-1] != '\n')
		line--;
	int indent = 0;
	while (line[indent] == ' ' || line[indent] == '-')
		indent++;
	return indent;
}

static char *place_file(const struct text_place *place, const char *value)
{
	strbuf out = { 0 };
	const char *at = strstr(place->file, "%s");
	strbuf_add(&out, place->file, (size_t)(at - place->file));
	strbuf_puts(&out, value);
	strbuf_puts(&out, at + 2);
	return out.data;
}

/* The text at PLACE in MAP, or NULL. */
static const char *place_value(const cjm_map *map, const struct text_place *place)
{
	if (!strcmp(place->name, "title"))
		return map->title;
	if (!strcmp(place->name, "persona description"))
		return map->persona_description;
	if (!strcmp(place->name, "brand value"))
		return map->brand_values.len ? map->brand_values.items[0] : NULL;
	if (map->phase_count == 0)
		return NULL;
	const cjm_phase *p = map->phases[0];
	if (!strcmp(place->name, "phase name"))
		return p->name;
	if (p->touchpoint_count == 0)
		return NULL;
	const cjm_touchpoint *t = p->touchpoints[0];
	if (!strcmp(place->name, "touchpoint name"))
		return t->name;
	if (!strcmp(place->name, "pain"))
		return t->pains.len ? t->pains.items[0] : NULL;
	if (!strcmp(place->name, "notes"))
		return t->notes;
	return NULL;
}

/* True when LEN bytes of S hold a byte a terminal acts on, but '\n'. */
static bool has_raw_control(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (n == 0)
			return true;
		if (cp != '\n' && visible_escaped(cp))
			return true;
		i += n;
	}
	return false;
}

/* The diagnostics of DIAGS as diag_print writes them, and checked to hold no raw control character. */
static char *printed(const diag_list *diags)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	diag_print(diags, f);
	fclose(f);
	if (has_raw_control(text, len))
		fail_msg("a diagnostic printed a raw control character:\n%s", text);
	return text;
}

/* Loads TEXT; returns the map or NULL, and the printed diagnostics in *MESSAGES. */
static cjm_map *load_text(const char *text, char **messages)
{
	diag_list *diags = diag_list_new("m.yaml");
	cjm_map *map = cjm_load_buffer(text, strlen(text), diags, NULL);
	*messages = printed(diags);
	diag_list_free(diags);
	return map;
}

/* What the loader should name: "U+001B" for a character the rule refuses. */
static void expect_named(const char *messages, uint32_t cp, const char *what)
{
	char name[16];
	snprintf(name, sizeof name, "U+%04X", (unsigned)cp);
	if (!strstr(messages, name))
		fail_msg("%s: the error does not name %s:\n%s", what, name, messages);
}

/* Saves MAP, loads the text back: it must load, to the same map, and save to the same text. */
static void expect_round_trip(const cjm_map *map, const char *what)
{
	strbuf first = { 0 }, second = { 0 };
	cjm_save_to_buffer(map, &first);
	if (has_raw_control(first.data, first.len))
		fail_msg("%s: the saved text holds a raw control or bidirectional character:\n%s", what, first.data);
	char *messages = NULL;
	cjm_map *back = load_text(first.data, &messages);
	if (!back)
		fail_msg("%s: the saved text does not load:\n%s\n%s", what, first.data, messages);
	if (!cjm_map_equal(map, back))
		fail_msg("%s: the saved text loads to another map:\n%s", what, first.data);
	cjm_save_to_buffer(back, &second);
	if (first.len != second.len || memcmp(first.data, second.data, first.len) != 0)
		fail_msg("%s: saving again gives other text:\n%s\n---\n%s", what, first.data, second.data);
	strbuf_release(&first);
	strbuf_release(&second);
	free(messages);
	cjm_map_free(back);
}

/* Every class in every place, raw and escaped: it loads to the character and
 * round-trips, or it is refused, raw and escaped alike, naming the character. */
static void test_every_class_in_every_place(void **state)
{
	(void)state;
	for (size_t c = 0; c < CLASS_COUNT; c++) {
		const struct char_class *k = &classes[c];
		for (size_t p = 0; p < PLACE_COUNT; p++) {
			const struct text_place *place = &places[p];
			bool refused[2];
			for (int escaped = 0; escaped < 2; escaped++) {
				if (!escaped && k->cp >= 0xD800 && k->cp <= 0xDFFF)
					continue; /* a surrogate has no UTF-8 form: see test_raw_surrogate */
				if (!escaped && k->cp == 0)
					continue; /* a raw NUL: tests/bad/nul-byte.yaml */
				if (!escaped && place->is_key && (k->cp == '\n' || k->cp == '\r'))
					continue; /* a block scalar is no key */
				char what[160];
				snprintf(what, sizeof what, "%s as %s, %s", k->name, place->name, escaped ? "escaped" : "raw");
				char *value = value_text(k->cp, escaped, place_indent(place));
				char *file = place_file(place, value);
				char *messages = NULL;
				cjm_map *map = load_text(file, &messages);
				bool only_id_chars = place->is_id; /* an id or key is [a-z0-9-]: nothing else loads */
				bool allowed = k->allowed || (k->cp == '\r' && !escaped); /* a line end, read as LF */
				refused[escaped] = map == NULL;
				if (allowed && !only_id_chars) {
					if (!map)
						fail_msg("%s: refused:\n%s\n%s", what, file, messages);
					char *want = value_expected(k->cp, escaped);
					const char *got = place_value(map, place);
					if (!got || strcmp(got, want) != 0)
						fail_msg("%s: loads as [%s], not [%s]", what, got ? got : "(none)", want);
					free(want);
					expect_round_trip(map, what);
				} else {
					if (map)
						fail_msg("%s: loads, but a map may not hold it:\n%s", what, file);
					if (!k->allowed && k->cp != 0 && !(k->cp >= 0xD800 && k->cp <= 0xDFFF) &&
					    !(k->cp == '\r' && !escaped))
						expect_named(messages, k->cp, what);
					char line[16];
					snprintf(line, sizeof line, "m.yaml:%d:", place->line);
					if (!strstr(messages, line) && !(k->cp == '\n' || k->cp == '\r'))
						fail_msg("%s: no error on line %d:\n%s", what, place->line, messages);
				}
				free(messages);
				cjm_map_free(map);
				free(file);
				free(value);
			}
			if (k->cp != 0 && !(k->cp >= 0xD800 && k->cp <= 0xDFFF) && !(place->is_key && (k->cp == '\n' || k->cp == '\r')) &&
			    k->cp != '\r' && refused[0] != refused[1])
				fail_msg("%s as %s: raw and escaped disagree (%s raw, %s escaped)", k->name, place->name,
					 refused[0] ? "refused" : "loaded", refused[1] ? "refused" : "loaded");
		}
	}
}

/* A raw CR is a line end, never a character: CRLF and CR files read as LF. */
static void test_raw_cr_is_a_line_end(void **state)
{
	(void)state;
	char *messages = NULL;
	cjm_map *map = load_text("version: 1\r\ntitle: |-\r\n  a\r\n  b\rphases: []\r", &messages);
	if (!map)
		fail_msg("%s", messages);
	assert_string_equal(map->title, "a\nb");
	expect_round_trip(map, "CR line ends");
	free(messages);
	cjm_map_free(map);
}

/* The same refusal, raw and escaped: the message is word for word the same. */
static void test_raw_and_escaped_say_the_same(void **state)
{
	(void)state;
	static const uint32_t refused[] = { 0x07, 0x1B, 0x7F, 0x85, 0x9B, 0x2028, 0x2029, 0xFFFE, 0xFFFF };
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		char *raw_value = value_text(refused[i], false, 0), *esc_value = value_text(refused[i], true, 0);
		char *raw = place_file(&places[0], raw_value), *esc = place_file(&places[0], esc_value);
		char *raw_said = NULL, *esc_said = NULL;
		assert_null(load_text(raw, &raw_said));
		assert_null(load_text(esc, &esc_said));
		const char *a = strstr(raw_said, ": error: "), *b = strstr(esc_said, ": error: ");
		assert_non_null(a);
		assert_non_null(b);
		if (strcmp(a, b) != 0)
			fail_msg("U+%04X: raw says [%s], escaped says [%s]", (unsigned)refused[i], raw_said, esc_said);
		free(raw_said);
		free(esc_said);
		free(raw);
		free(esc);
		free(raw_value);
		free(esc_value);
	}
}

/* A surrogate cannot be written raw (it is not UTF-8): refused as such. */
static void test_raw_surrogate(void **state)
{
	(void)state;
	char *messages = NULL;
	assert_null(load_text("version: 1\ntitle: \"a\xED\xA0\x80 b\"\nphases: []\n", &messages));
	assert_non_null(strstr(messages, "m.yaml:2:10: error: invalid UTF-8"));
	free(messages);
	assert_null(load_text("version: 1\ntitle: \"a\\uD800 b\"\nphases: []\n", &messages));
	assert_non_null(strstr(messages, "m.yaml:2:"));
	free(messages);
}

/* The texts of a map made in memory, whatever they hold: what the saver writes always loads. */
static void test_save_output_always_loads(void **state)
{
	(void)state;
	for (size_t c = 0; c < CLASS_COUNT; c++) {
		uint32_t cp = classes[c].cp;
		if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
			continue; /* not in a C string of UTF-8 */
		char ch[8], text[32];
		put_utf8(ch, cp);
		snprintf(text, sizeof text, "a%s b", ch);
		cjm_map *map = cjm_map_new(text);
		map->persona_description = xstrdup(text);
		map->has_persona = true;
		cjm_strlist_push(&map->brand_values, text);
		map->has_brand_values = true;
		cjm_phase *phase = cjm_phase_new("p", text);
		cjm_map_insert_phase(map, 0, phase);
		cjm_touchpoint *tp = cjm_touchpoint_new("t", text);
		tp->notes = xstrdup(text);
		tp->channel = xstrdup(text);
		cjm_strlist_push(&tp->pains, text);
		cjm_strlist_push(&tp->quotes, text);
		cjm_phase_insert_touchpoint(phase, 0, tp);
		strbuf out = { 0 };
		cjm_save_to_buffer(map, &out);
		char *messages = NULL;
		cjm_map *back = load_text(out.data, &messages);
		if (!back)
			fail_msg("%s: the saver wrote text that does not load:\n%s\n%s", classes[c].name, out.data, messages);
		if (classes[c].allowed && !cjm_map_equal(map, back))
			fail_msg("%s: the saver changed text a map may hold:\n%s", classes[c].name, out.data);
		if (!classes[c].allowed)
			assert_null(utf8_find_forbidden(back->title, strlen(back->title), NULL, &cp));
		free(messages);
		strbuf_release(&out);
		cjm_map_free(back);
		cjm_map_free(map);
	}
}

/* Pasted into the form, every class becomes text a map may hold, and the form says what changed. */
static void test_form_cleans_pasted_text(void **state)
{
	(void)state;
	static const cjm_field fields[] = { CJM_F_NAME, CJM_F_NOTES, CJM_F_PAINS, CJM_F_CHANNEL };
	for (size_t c = 0; c < CLASS_COUNT; c++) {
		uint32_t cp = classes[c].cp;
		if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
			continue;
		char ch[8], text[32];
		put_utf8(ch, cp);
		snprintf(text, sizeof text, "a%s b", ch);
		for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
			cjm_value value;
			cjm_strlist list = { 0 };
			const char *problem = cjm_fieldtext_parse(fields[f], text, &value, &list);
			if (problem)
				fail_msg("%s in %s: refused (%s): a paste must not lose words", classes[c].name,
					 cjm_field_info_of(fields[f])->label, problem);
			for (size_t i = 0; i < list.len; i++) {
				uint32_t bad;
				if (utf8_find_forbidden(list.items[i], strlen(list.items[i]), NULL, &bad))
					fail_msg("%s in %s: U+%04X kept", classes[c].name, cjm_field_info_of(fields[f])->label,
						 (unsigned)bad);
			}
			assert_true(list.len >= 1);
			assert_int_equal(list.items[0][0], 'a');
			bool changes = !classes[c].allowed || cp == '\t' || (cp == '\n' && fields[f] != CJM_F_NOTES &&
									   fields[f] != CJM_F_PAINS);
			if (cp == '\n')
				changes = false; /* a line break is the form's own: kept (a list splits on it) */
			if (changes && !cjm_fieldtext_notice())
				fail_msg("%s in %s: cleaned without a word", classes[c].name, cjm_field_info_of(fields[f])->label);
			if (!changes && cjm_fieldtext_notice())
				fail_msg("%s in %s: a notice for nothing: %s", classes[c].name,
					 cjm_field_info_of(fields[f])->label, cjm_fieldtext_notice());
			cjm_strlist_clear(&list);
		}
	}
	/* a line separator in notes is a line break; in a name a space; in a list a new item */
	cjm_value value;
	cjm_strlist list = { 0 };
	assert_null(cjm_fieldtext_parse(CJM_F_NOTES, "one\xE2\x80\xA8two", &value, &list));
	assert_string_equal(value.text, "one\ntwo");
	assert_non_null(strstr(cjm_fieldtext_notice(), "1 line break"));
	assert_null(cjm_fieldtext_parse(CJM_F_NAME, "one\xE2\x80\xA9two\tthree\x1b", &value, &list));
	assert_string_equal(value.text, "one two three");
	assert_string_equal(cjm_fieldtext_notice(), "the pasted text was cleaned: 1 line break of another kind made "
						    "plain, 1 tab made a space, 1 control character left out");
	assert_null(cjm_fieldtext_parse(CJM_F_PAINS, "one\xC2\x85two\r\nthree", &value, &list));
	assert_int_equal(list.len, 3);
	cjm_strlist_clear(&list);
}

/* The edit layer refuses what a map may not hold, for every text it takes. */
static void test_edit_refuses(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("T");
	cjm_map_insert_phase(map, 0, cjm_phase_new("p", "P"));
	cjm_edit *edit = cjm_edit_new(map);
	cjm_ref phase = { CJM_REF_PHASE, 0, 0 }, top = { CJM_REF_MAP, 0, 0 };
	assert_int_equal(cjm_edit_set_text(edit, top, CJM_F_TITLE, "a\xE2\x80\xA8" "b"), -1);
	assert_non_null(strstr(cjm_edit_error(edit), "U+2028"));
	assert_int_equal(cjm_edit_set_text(edit, phase, CJM_F_DESCRIPTION, "a\x1b[2J"), -1);
	assert_non_null(strstr(cjm_edit_error(edit), "description: control character U+001B"));
	assert_int_equal(cjm_edit_add_phase(edit, 1, "x\xC2\x9B" "y", NULL), -1);
	assert_int_equal(cjm_edit_add_touchpoint(edit, 0, 0, "ok\x07", NULL), -1);
	assert_int_equal(cjm_edit_add_touchpoint(edit, 0, 0, "ok\t\xE2\x80\xAE ok", NULL), 0);
	cjm_ref tp = { CJM_REF_TOUCHPOINT, 0, 0 };
	assert_int_equal(cjm_edit_list_insert(edit, tp, CJM_F_PAINS, 0, "x\r"), -1);
	assert_int_equal(cjm_edit_list_insert(edit, tp, CJM_F_PAINS, 0, "x\xEF\xBF\xBF"), -1);
	assert_int_equal(cjm_edit_list_insert(edit, tp, CJM_F_PAINS, 0, "x\xF0\x9F\x98\x80"), 0);
	expect_round_trip(map, "after edits");
	cjm_edit_free(edit); /* and the map */
}

/* The terminal escaper: every class it names is escaped, nothing else changes. */
static void test_visible(void **state)
{
	(void)state;
	strbuf out = { 0 };
	visible_puts(&out, "a\x1b]0;x\x07 \xC2\x9B \xE2\x80\xAE \xE2\x81\xA6 \xEF\xBB\xBF \xE2\x80\xA8 \xff\ttab\nnl\\", 0);
	assert_string_equal(out.data, "a\\x1B]0;x\\x07 \\u009B \\u202E \\u2066 \\uFEFF \\u2028 \\xFF\\ttab\\nnl\\");
	strbuf_reset(&out);
	visible_puts(&out, "x\ty\nz\\ Oriëntatie 🎉 e\xCC\x81", VISIBLE_KEEP_NEWLINE | VISIBLE_KEEP_TAB | VISIBLE_BACKSLASH);
	assert_string_equal(out.data, "x\ty\nz\\\\ Oriëntatie 🎉 e\xCC\x81");
	strbuf_release(&out);
	for (uint32_t cp = 0; cp < 0x110000; cp++) {
		bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
		if (control && !visible_escaped(cp))
			fail_msg("U+%04X is not escaped", (unsigned)cp);
		if (utf8_forbidden(cp) && cp != '\t' && cp != '\n' && !visible_escaped(cp))
			fail_msg("U+%04X: a map may not hold it, but it would be printed raw", (unsigned)cp);
	}
}

/* show --plain of a map with every class a map may hold prints no raw control character. */
static void test_show_plain_escapes(void **state)
{
	(void)state;
	strbuf all = { 0 };
	for (size_t c = 0; c < CLASS_COUNT; c++) {
		if (!classes[c].allowed)
			continue;
		char ch[8];
		put_utf8(ch, classes[c].cp);
		strbuf_puts(&all, ch);
	}
	cjm_map *map = cjm_map_new(all.data);
	cjm_phase *phase = cjm_phase_new("p", all.data);
	cjm_map_insert_phase(map, 0, phase);
	strbuf out = { 0 };
	cjm_show_plain(&out, map);
	if (has_raw_control(out.data, out.len))
		fail_msg("show --plain printed a raw control character:\n%s", out.data);
	assert_non_null(strstr(out.data, "title: \\t\\n"));
	strbuf_reset(&out);
	cjm_show_options options = { .width = 200 };
	cjm_show_grid(&out, map, &options);
	if (has_raw_control(out.data, out.len))
		fail_msg("show printed a raw control character:\n%s", out.data);
	strbuf_release(&out);
	strbuf_release(&all);
	cjm_map_free(map);
}

/* A map whose every text holds every class, allowed or not (forced into the model). */
static cjm_map *map_of_every_class(bool allowed_only)
{
	strbuf all = { 0 };
	strbuf_puts(&all, "x");
	for (size_t c = 0; c < CLASS_COUNT; c++) {
		uint32_t cp = classes[c].cp;
		if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || (allowed_only && !classes[c].allowed))
			continue;
		char ch[8];
		put_utf8(ch, cp);
		strbuf_puts(&all, ch);
	}
	strbuf_puts(&all, "y");
	cjm_map *map = cjm_map_new(all.data);
	cjm_phase *phase = cjm_phase_new("p", all.data);
	phase->description = xstrdup(all.data);
	cjm_map_insert_phase(map, 0, phase);
	cjm_touchpoint *tp = cjm_touchpoint_new("t", all.data);
	tp->channel = xstrdup(all.data);
	tp->owner = xstrdup(all.data);
	tp->notes = xstrdup(all.data);
	tp->has_emotion = true;
	tp->emotion = -1;
	cjm_strlist_push(&tp->pains, all.data);
	cjm_strlist_push(&tp->ideas, all.data);
	cjm_phase_insert_touchpoint(phase, 0, tp);
	strbuf_release(&all);
	return map;
}

/* Every export: no raw control character in any format (CSV's CRLF line ends and a
 * cell's line breaks aside), and no raw bidirectional control where a person reads it. */
static void test_exports_escape(void **state)
{
	(void)state;
	for (int allowed_only = 0; allowed_only < 2; allowed_only++) {
		cjm_map *map = map_of_every_class(allowed_only);
		size_t count;
		const cjm_format *formats = cjm_formats(&count);
		for (size_t f = 0; f < count; f++) {
			if (formats[f].binary)
				continue; /* binary: test_export_raster.c and test_export_xlsx.sh read them back */
			strbuf out = { 0 };
			cjm_export_options options = { .paper = CJM_PAPER_A3 };
			formats[f].export_map(map, &options, &out);
			bool csv = strcmp(formats[f].name, "csv") == 0;
			for (size_t i = 0; i < out.len;) {
				uint32_t cp;
				size_t n = utf8_decode((const unsigned char *)out.data + i, out.len - i, &cp);
				if (n == 0)
					fail_msg("%s: invalid UTF-8 at byte %zu", formats[f].name, i);
				bool control = (cp < 0x20 && cp != '\n' && cp != '\t' && !(csv && cp == '\r')) ||
					       (cp >= 0x7F && cp <= 0x9F);
				if (control || (!csv && cp != '\n' && cp != '\t' && visible_escaped(cp)))
					fail_msg("%s: raw U+%04X at byte %zu:\n%.300s", formats[f].name, (unsigned)cp, i,
						 out.data + (i > 100 ? i - 100 : 0));
				i += n;
			}
			strbuf_release(&out);
		}
		cjm_map_free(map);
	}
	strbuf out = { 0 };
	cjm_escape_json(&out, "a\x1b\xC2\x9B\xE2\x80\xAE\x7f\t");
	assert_string_equal(out.data, "\"a\\u001b\\u009b\\u202e\\u007f\\t\"");
	strbuf_reset(&out);
	cjm_escape_xml(&out, "a\x1b\xC2\x9B\xE2\x80\xAE\t<");
	assert_string_equal(out.data, "a\xEF\xBF\xBD\xEF\xBF\xBD&#x202E;\t&lt;");
	strbuf_reset(&out);
	cjm_escape_csv(&out, "a\x1b\xC2\x9B" "b");
	assert_string_equal(out.data, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
	strbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_class_in_every_place),
		cmocka_unit_test(test_raw_cr_is_a_line_end),
		cmocka_unit_test(test_raw_and_escaped_say_the_same),
		cmocka_unit_test(test_raw_surrogate),
		cmocka_unit_test(test_save_output_always_loads),
		cmocka_unit_test(test_form_cleans_pasted_text),
		cmocka_unit_test(test_edit_refuses),
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_show_plain_escapes),
		cmocka_unit_test(test_exports_escape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
