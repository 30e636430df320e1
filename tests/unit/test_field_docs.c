/* Checks the field table against the JSON Schema (maps/cjm-map.schema.json) and the field lists of cjm-map(5), both ways. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/field.h"
#include "util/strbuf.h"

#define SCHEMA_PATH "maps/cjm-map.schema.json"
#define MAN_PATH "man/cjm-map.5"

static char *read_whole(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (run the tests from the top of the tree)", path);
	strbuf buf = { 0 };
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_add(&buf, chunk, n);
	fclose(f);
	return buf.data;
}

/* ---- just enough JSON to walk the schema: objects, arrays, strings, scalars ---- */

static const char *json_space(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

/* Past the value at P. */
static const char *json_skip(const char *p)
{
	p = json_space(p);
	if (*p == '"') {
		for (p++; *p && *p != '"'; p++)
			if (*p == '\\' && p[1])
				p++;
		return *p ? p + 1 : p;
	}
	if (*p == '{' || *p == '[') {
		int depth = 0;
		do {
			if (*p == '"') {
				p = json_skip(p);
				continue;
			}
			if (*p == '{' || *p == '[')
				depth++;
			else if (*p == '}' || *p == ']')
				depth--;
			p++;
		} while (*p && depth > 0);
		return p;
	}
	while (*p && *p != ',' && *p != '}' && *p != ']')
		p++;
	return p;
}

/* Calls EACH for every member of the object at OBJ (its key, its value); stops when EACH returns non-NULL. */
static const char *json_members(const char *obj, const char *(*each)(const char *key, size_t len, const char *value,
								  void *arg),
				void *arg)
{
	const char *p = json_space(obj);
	assert_int_equal(*p, '{');
	p = json_space(p + 1);
	while (*p == '"') {
		const char *key = p + 1, *end = json_skip(p);
		size_t len = (size_t)(end - 1 - key);
		p = json_space(end);
		assert_int_equal(*p, ':');
		const char *value = json_space(p + 1);
		const char *hit = each(key, len, value, arg);
		if (hit)
			return hit;
		p = json_space(json_skip(value));
		if (*p == ',')
			p = json_space(p + 1);
	}
	return NULL;
}

static const char *json_match(const char *key, size_t len, const char *value, void *arg)
{
	const char *want = arg;
	return strlen(want) == len && strncmp(key, want, len) == 0 ? value : NULL;
}

/* The value at the dotted PATH under the object OBJ, or NULL. */
static const char *json_at(const char *obj, const char *path)
{
	char part[64];
	while (obj && *path) {
		size_t len = strcspn(path, ".");
		assert_true(len < sizeof part);
		memcpy(part, path, len);
		part[len] = '\0';
		obj = json_members(obj, json_match, part);
		path += len + (path[len] == '.');
	}
	return obj;
}

/* Whether the value at V (a string or an array of strings) holds the string "WORD". */
static bool json_has_word(const char *v, const char *word)
{
	const char *end = json_skip(v);
	size_t n = strlen(word);
	for (const char *p = v; p + n + 2 <= end; p++)
		if (p[0] == '"' && strncmp(p + 1, word, n) == 0 && p[n + 1] == '"')
			return true;
	return false;
}

/* ---- the table ---- */

/* Where a field of OWNER is described in the schema: its properties object. */
static const char *schema_properties_of(const char *schema, cjm_ref_kind owner)
{
	switch (owner) {
	case CJM_REF_MAP: return json_at(schema, "properties");
	case CJM_REF_PHASE: return json_at(schema, "definitions.phase.properties");
	case CJM_REF_TOUCHPOINT: return json_at(schema, "definitions.touchpoint.properties");
	}
	return NULL;
}

static const char *const kind_types[] = {
	[CJM_KIND_TEXT] = "string",   [CJM_KIND_EMOTION] = "integer", [CJM_KIND_NUMBER] = "number",
	[CJM_KIND_BOOL] = "boolean",  [CJM_KIND_PILLARS] = "array",   [CJM_KIND_LIST] = "array",
};

/* Every field of the table is in the schema, with its JSON type and its range. */
static void test_table_fields_are_in_the_schema(void **state)
{
	(void)state;
	char *schema = read_whole(SCHEMA_PATH);
	for (int f = 0; f < CJM_FIELD_COUNT; f++) {
		const cjm_field_info *info = cjm_field_info_of((cjm_field)f);
		for (int owner = CJM_REF_MAP; owner <= CJM_REF_TOUCHPOINT; owner++) {
			if (!cjm_field_applies((cjm_field)f, (cjm_ref_kind)owner))
				continue;
			strbuf path = { 0 };
			/* a map field's path "persona.name" is nested: persona.properties.name */
			for (const char *k = info->key; *k; k++) {
				if (*k == '.')
					strbuf_puts(&path, ".properties.");
				else
					strbuf_putc(&path, *k);
			}
			const char *v = json_at(schema_properties_of(schema, (cjm_ref_kind)owner), path.data);
			if (!v)
				fail_msg("field '%s' is not in %s", info->key, SCHEMA_PATH);
			const char *type = json_at(v, "type");
			if (!type || !json_has_word(type, kind_types[info->kind]))
				fail_msg("field '%s': the schema's type is not %s", info->key, kind_types[info->kind]);
			if (info->kind == CJM_KIND_EMOTION || info->kind == CJM_KIND_NUMBER) {
				const char *min = json_at(v, "minimum"), *max = json_at(v, "maximum");
				if (!min || !max || strtod(min, NULL) != info->min || strtod(max, NULL) != info->max)
					fail_msg("field '%s': the schema's range is not %g..%g", info->key, info->min,
						 info->max);
			}
			strbuf_release(&path);
		}
	}
	free(schema);
}

/* Keys of the schema and the man page that are structure, not fields of the table. */
static const char *const structural_keys[] = {
	"version", "patterns", "phases", "dismissed", "touchpoints", "persona", "thresholds", NULL,
};

static bool is_structural(const char *key, size_t len)
{
	for (const char *const *k = structural_keys; *k; k++)
		if (strlen(*k) == len && strncmp(*k, key, len) == 0)
			return true;
	return false;
}

/* Whether the table has a field of OWNER whose key (or, when DOTTED, the last part of it) is KEY. */
static bool table_has(cjm_ref_kind owner, const char *key, size_t len, bool dotted)
{
	for (int f = 0; f < CJM_FIELD_COUNT; f++) {
		const char *k = cjm_field_info_of((cjm_field)f)->key;
		const char *last = dotted && strrchr(k, '.') ? strrchr(k, '.') + 1 : k;
		if (cjm_field_applies((cjm_field)f, owner) && strlen(last) == len && strncmp(last, key, len) == 0)
			return true;
	}
	return false;
}

struct owner_arg {
	cjm_ref_kind owner;
	bool nested; /* the members of persona or thresholds: the last part of a dotted key */
};

static const char *schema_key_in_table(const char *key, size_t len, const char *value, void *arg)
{
	(void)value;
	const struct owner_arg *o = arg;
	if (!is_structural(key, len) && !table_has(o->owner, key, len, o->nested))
		fail_msg("%s has '%.*s', which the field table does not", SCHEMA_PATH, (int)len, key);
	return NULL;
}

/* Every property of the schema's touchpoint, phase and map is a field of the table (or structure). */
static void test_schema_properties_are_in_the_table(void **state)
{
	(void)state;
	char *schema = read_whole(SCHEMA_PATH);
	for (int owner = CJM_REF_MAP; owner <= CJM_REF_TOUCHPOINT; owner++) {
		struct owner_arg o = { (cjm_ref_kind)owner, false };
		json_members(schema_properties_of(schema, (cjm_ref_kind)owner), schema_key_in_table, &o);
	}
	/* the nested map fields */
	struct owner_arg map = { CJM_REF_MAP, true };
	const char *persona = json_at(schema, "properties.persona.properties");
	const char *thresholds = json_at(schema, "properties.thresholds.properties");
	assert_non_null(persona);
	assert_non_null(thresholds);
	json_members(persona, schema_key_in_table, &map);
	json_members(thresholds, schema_key_in_table, &map);
	free(schema);
}

/* The section of the man page from ".Ss TITLE" to the next section, as a copy. */
static char *man_section(const char *man, const char *title)
{
	strbuf head = { 0 };
	strbuf_printf(&head, "\n.Ss %s\n", title);
	const char *start = strstr(man, head.data);
	if (!start)
		fail_msg("%s has no section '%s'", MAN_PATH, title);
	start += head.len;
	strbuf_release(&head);
	const char *end = start;
	while (*end && strncmp(end, "\n.Ss ", 5) != 0 && strncmp(end, "\n.Sh ", 5) != 0)
		end++;
	char *copy = calloc(1, (size_t)(end - start) + 2);
	memcpy(copy, start - 1, (size_t)(end - start) + 1);
	return copy;
}

/* Whether SECTION has ".It Ic KEY" (KEY: LEN bytes). */
static bool man_has_item(const char *section, const char *key, size_t len)
{
	for (const char *p = strstr(section, "\n.It Ic "); p; p = strstr(p + 1, "\n.It Ic ")) {
		const char *k = p + 8;
		if (strncmp(k, key, len) == 0 && (k[len] == '\n' || k[len] == ' '))
			return true;
	}
	return false;
}

static const char *const man_sections[] = {
	[CJM_REF_MAP] = "The map", [CJM_REF_PHASE] = "Phases", [CJM_REF_TOUCHPOINT] = "Touchpoints",
};

/* cjm-map(5) lists every field of the table in its owner's section, and nothing else there. */
static void test_man_page_lists_the_table(void **state)
{
	(void)state;
	char *man = read_whole(MAN_PATH);
	for (int owner = CJM_REF_MAP; owner <= CJM_REF_TOUCHPOINT; owner++) {
		char *section = man_section(man, man_sections[owner]);
		for (int f = 0; f < CJM_FIELD_COUNT; f++) {
			if (!cjm_field_applies((cjm_field)f, (cjm_ref_kind)owner))
				continue;
			const char *key = cjm_field_info_of((cjm_field)f)->key;
			for (const char *part = key; *part;) { /* "persona.name": persona, then name */
				size_t len = strcspn(part, ".");
				if (!man_has_item(section, part, len))
					fail_msg("%s, section '%s', has no '.It Ic %.*s' for field '%s'", MAN_PATH,
						 man_sections[owner], (int)len, part, key);
				part += len + (part[len] == '.');
			}
		}
		/* the other way: every item of the section is a field or structure */
		if (owner != CJM_REF_MAP) { /* the map's section also explains patterns and dismissed */
			for (const char *p = strstr(section, "\n.It Ic "); p; p = strstr(p + 1, "\n.It Ic ")) {
				const char *k = p + 8;
				size_t len = strcspn(k, " \n");
				if (!is_structural(k, len) && !table_has((cjm_ref_kind)owner, k, len, true))
					fail_msg("%s, section '%s', lists '%.*s', which the field table does not", MAN_PATH,
						 man_sections[owner], (int)len, k);
			}
		}
		free(section);
	}
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_fields_are_in_the_schema),
		cmocka_unit_test(test_schema_properties_are_in_the_table),
		cmocka_unit_test(test_man_page_lists_the_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
