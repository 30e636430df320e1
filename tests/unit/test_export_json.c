/* The JSON export: exact output for every field, escaping, absent fields left out, and keys in
 * the order cjm fmt writes them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/map.h"
#include "export/export.h"
#include "io/load.h"
#include "io/save.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ---- what a test made, freed by the teardown even when an assertion fails ---- */

static struct {
	cjm_map *maps[8];
	size_t maps_len;
	strbuf bufs[8];
	size_t bufs_len;
	diag_list *diags[8];
	size_t diags_len;
} kept;

static cjm_map *keep_map(cjm_map *map)
{
	assert_true(kept.maps_len < 8);
	return kept.maps[kept.maps_len++] = map;
}

static strbuf *new_buf(void)
{
	assert_true(kept.bufs_len < 8);
	return &kept.bufs[kept.bufs_len++];
}

static int free_kept(void **state)
{
	(void)state;
	for (size_t i = 0; i < kept.maps_len; i++)
		cjm_map_free(kept.maps[i]);
	for (size_t i = 0; i < kept.bufs_len; i++)
		strbuf_release(&kept.bufs[i]);
	for (size_t i = 0; i < kept.diags_len; i++)
		diag_list_free(kept.diags[i]);
	memset(&kept, 0, sizeof kept);
	return 0;
}

/* ---- helpers ---- */

static const cjm_export_options options = { .paper = CJM_PAPER_A3 };

static const char *export_json(const cjm_map *map)
{
	strbuf *out = new_buf();
	cjm_export_json(map, &options, out);
	return out->data ? out->data : "";
}

static cjm_map *load_text(const char *text)
{
	assert_true(kept.diags_len < 8);
	diag_list *diags = kept.diags[kept.diags_len++] = diag_list_new("test.yaml");
	cjm_map *map = cjm_load_buffer(text, strlen(text), diags, NULL);
	if (!map)
		diag_print(diags, stderr);
	assert_non_null(map);
	return keep_map(map);
}

static void expect_text(const char *got, const char *expected)
{
	if (strcmp(got, expected) != 0)
		fprintf(stderr, "--- got:\n%s--- expected:\n%s", got, expected);
	assert_string_equal(got, expected);
}

/* Every key a map file can hold, with values that need escaping and numbers of each form. */
static const char every_field_yaml[] =
	"version: 1\n"
	"title: 'Tricky \"title\" \\ back'\n"
	"persona:\n"
	"  name: Sanne\n"
	"  description: \"Tab\\there, newline\\nthere\"\n"
	"brand_values:\n"
	"- eerlijk\n"
	"- groen ☘\n"
	"thresholds:\n"
	"  satisfaction: 7\n"
	"  impact: 0.25\n"
	"patterns:\n"
	"  soften-negatives:\n"
	"    enabled: true\n"
	"    threshold: -2\n"
	"  redesign:\n"
	"    enabled: false\n"
	"  skip-steps: {}\n"
	"phases:\n"
	"- id: orient\n"
	"  name: Oriëntatie\n"
	"  description: Looking around\n"
	"  touchpoints:\n"
	"  - id: compare\n"
	"    name: Compare prices\n"
	"    channel: web\n"
	"    owner: marketing\n"
	"    emotion: -3\n"
	"    satisfaction: 7.5\n"
	"    impact: 1\n"
	"    moment_of_truth: true\n"
	"    brand_moment: false\n"
	"    commitment: true\n"
	"    visible: false\n"
	"    pillars: [empathy, integrity]\n"
	"    pains:\n"
	"    - Too many tariffs\n"
	"    ideas:\n"
	"    - One tariff\n"
	"    - Two\n"
	"    quotes:\n"
	"    - \"\\\"Pff\\\", zei ze\"\n"
	"    notes: |\n"
	"      Line one\n"
	"      line two\n"
	"  - name: Unscored\n"
	"- id: empty\n"
	"  name: Nothing yet\n"
	"dismissed:\n"
	"- pattern: skip-steps\n"
	"  target: compare\n";

static const char every_field_json[] =
	"{\n"
	"  \"version\": 1,\n"
	"  \"title\": \"Tricky \\\"title\\\" \\\\ back\",\n"
	"  \"persona\": {\n"
	"    \"name\": \"Sanne\",\n"
	"    \"description\": \"Tab\\there, newline\\nthere\"\n"
	"  },\n"
	"  \"brand_values\": [\n"
	"    \"eerlijk\",\n"
	"    \"groen ☘\"\n"
	"  ],\n"
	"  \"thresholds\": {\n"
	"    \"satisfaction\": 7,\n"
	"    \"impact\": 0.25\n"
	"  },\n"
	"  \"patterns\": {\n"
	"    \"soften-negatives\": {\n"
	"      \"enabled\": true,\n"
	"      \"threshold\": -2\n"
	"    },\n"
	"    \"redesign\": {\n"
	"      \"enabled\": false\n"
	"    },\n"
	"    \"skip-steps\": {}\n"
	"  },\n"
	"  \"phases\": [\n"
	"    {\n"
	"      \"id\": \"orient\",\n"
	"      \"name\": \"Oriëntatie\",\n"
	"      \"description\": \"Looking around\",\n"
	"      \"touchpoints\": [\n"
	"        {\n"
	"          \"id\": \"compare\",\n"
	"          \"name\": \"Compare prices\",\n"
	"          \"channel\": \"web\",\n"
	"          \"owner\": \"marketing\",\n"
	"          \"emotion\": -3,\n"
	"          \"satisfaction\": 7.5,\n"
	"          \"impact\": 1,\n"
	"          \"moment_of_truth\": true,\n"
	"          \"brand_moment\": false,\n"
	"          \"commitment\": true,\n"
	"          \"visible\": false,\n"
	"          \"pillars\": [\n"
	"            \"integrity\",\n"
	"            \"empathy\"\n"
	"          ],\n"
	"          \"pains\": [\n"
	"            \"Too many tariffs\"\n"
	"          ],\n"
	"          \"ideas\": [\n"
	"            \"One tariff\",\n"
	"            \"Two\"\n"
	"          ],\n"
	"          \"quotes\": [\n"
	"            \"\\\"Pff\\\", zei ze\"\n"
	"          ],\n"
	"          \"notes\": \"Line one\\nline two\\n\"\n"
	"        },\n"
	"        {\n"
	"          \"id\": \"unscored\",\n"
	"          \"name\": \"Unscored\"\n"
	"        }\n"
	"      ]\n"
	"    },\n"
	"    {\n"
	"      \"id\": \"empty\",\n"
	"      \"name\": \"Nothing yet\"\n"
	"    }\n"
	"  ],\n"
	"  \"dismissed\": [\n"
	"    {\n"
	"      \"pattern\": \"skip-steps\",\n"
	"      \"target\": \"compare\"\n"
	"    }\n"
	"  ]\n"
	"}\n";

/* ---- tests ---- */

static void test_every_field(void **state)
{
	(void)state;
	expect_text(export_json(load_text(every_field_yaml)), every_field_json);
}

static void test_minimal_map(void **state)
{
	(void)state;
	expect_text(export_json(load_text("version: 1\ntitle: T\nphases: []\n")),
		    "{\n  \"version\": 1,\n  \"title\": \"T\",\n  \"phases\": []\n}\n");
	/* made in memory rather than loaded */
	expect_text(export_json(keep_map(cjm_map_new("New"))),
		    "{\n  \"version\": 1,\n  \"title\": \"New\",\n  \"phases\": []\n}\n");
}

static void test_absent_and_empty_left_out(void **state)
{
	(void)state;
	/* null values, empty lists and an empty persona are absent, as cjm fmt leaves them out */
	const char *json = export_json(load_text("version: 1\ntitle: T\npersona: {}\nbrand_values: []\nthresholds: {}\n"
						 "phases:\n- name: A\n  description:\n  touchpoints:\n"
						 "  - name: x\n    emotion:\n    pains: []\n    pillars: []\n"
						 "    visible: true\n    channel: ''\n"));
	expect_text(json, "{\n"
			  "  \"version\": 1,\n"
			  "  \"title\": \"T\",\n"
			  "  \"phases\": [\n"
			  "    {\n"
			  "      \"id\": \"a\",\n"
			  "      \"name\": \"A\",\n"
			  "      \"touchpoints\": [\n"
			  "        {\n"
			  "          \"id\": \"x\",\n"
			  "          \"name\": \"x\",\n"
			  "          \"channel\": \"\",\n"
			  "          \"visible\": true\n"
			  "        }\n"
			  "      ]\n"
			  "    }\n"
			  "  ]\n"
			  "}\n");
}

static void test_numbers_shortest(void **state)
{
	(void)state;
	const char *json = export_json(load_text("version: 1\ntitle: T\nthresholds: {satisfaction: 6.50, impact: 0.1}\n"
						 "patterns: {x: {threshold: 1e3}}\n"
						 "phases:\n- name: A\n  touchpoints:\n"
						 "  - {name: x, emotion: +2, satisfaction: 10.0, impact: 0.3333333333333333}\n"));
	assert_non_null(strstr(json, "\"satisfaction\": 6.5,\n"));
	assert_non_null(strstr(json, "\"impact\": 0.1\n"));
	assert_non_null(strstr(json, "\"threshold\": 1000\n"));
	assert_non_null(strstr(json, "\"emotion\": 2,\n"));
	assert_non_null(strstr(json, "\"satisfaction\": 10,\n"));
	assert_non_null(strstr(json, "\"impact\": 0.3333333333333333\n"));
}

static void test_control_characters_escaped(void **state)
{
	(void)state;
	cjm_map *map = keep_map(cjm_map_new("a\tb\rc\x01" "d\\e/f"));
	expect_text(export_json(map), "{\n  \"version\": 1,\n  \"title\": \"a\\tb\\rc\\u0001d\\\\e/f\",\n  \"phases\": []\n}\n");
}

/* The keys of a text, in order: JSON "key": lines, or YAML key: lines (list items' keys too). */
static void keys_of(const char *text, bool json, strbuf *keys)
{
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		const char *p = line, *stop = line + len;
		while (p < stop && (*p == ' ' || *p == '-'))
			p++;
		if (json && p < stop && *p == '"') {
			const char *close = memchr(p + 1, '"', (size_t)(stop - p - 1));
			if (close && close + 1 < stop && close[1] == ':') {
				strbuf_add(keys, p + 1, (size_t)(close - p - 1));
				strbuf_putc(keys, ' ');
			}
		} else if (!json) {
			const char *colon = memchr(p, ':', (size_t)(stop - p));
			if (colon && colon > p && (colon + 1 == stop || colon[1] == ' ') &&
			    strspn(p, "abcdefghijklmnopqrstuvwxyz_-") == (size_t)(colon - p)) {
				strbuf_add(keys, p, (size_t)(colon - p));
				strbuf_putc(keys, ' ');
			}
		}
		line = end ? end + 1 : stop;
	}
}

static void test_key_order_is_the_files(void **state)
{
	(void)state;
	cjm_map *map = load_text(every_field_yaml);
	strbuf *yaml = new_buf(), *yaml_keys = new_buf(), *json_keys = new_buf();
	cjm_save_to_buffer(map, yaml);
	keys_of(yaml->data, false, yaml_keys);
	keys_of(export_json(map), true, json_keys);
	/* the YAML writes skip-steps: {} on one line, as a key like any other */
	expect_text(json_keys->data, yaml_keys->data);
	assert_non_null(strstr(json_keys->data, "version title persona name description brand_values thresholds"));
}

static void test_example_maps(void **state)
{
	(void)state;
	static const char *const paths[] = {
		"maps/b2b-invoice.yaml",         "maps/car-factory-pickup.yaml", "maps/car-insurance-claim.yaml",
		"maps/energy-switch.yaml",       "maps/glasses-try-at-home.yaml", "maps/telecom-technician.yaml",
		"tests/export/tricky.yaml",
	};
	for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
		diag_list *diags = diag_list_new(paths[i]);
		int err = 0;
		cjm_map *map = cjm_load_file(paths[i], diags, NULL, &err);
		diag_list_free(diags);
		assert_non_null(map);
		strbuf json = { 0 }, again = { 0 }, yaml = { 0 }, yaml_keys = { 0 }, json_keys = { 0 };
		cjm_export_json(map, &options, &json);
		cjm_export_json(map, &options, &again);
		cjm_save_to_buffer(map, &yaml);
		keys_of(yaml.data, false, &yaml_keys);
		keys_of(json.data, true, &json_keys);
		bool same = strcmp(json.data, again.data) == 0 && json.data[json.len - 1] == '\n' &&
			    strcmp(yaml_keys.data, json_keys.data) == 0;
		if (!same)
			fprintf(stderr, "%s: keys differ:\n%s\n%s\n", paths[i], yaml_keys.data, json_keys.data);
		strbuf_release(&json);
		strbuf_release(&again);
		strbuf_release(&yaml);
		strbuf_release(&yaml_keys);
		strbuf_release(&json_keys);
		cjm_map_free(map);
		assert_true(same);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_every_field, free_kept),
		cmocka_unit_test_teardown(test_minimal_map, free_kept),
		cmocka_unit_test_teardown(test_absent_and_empty_left_out, free_kept),
		cmocka_unit_test_teardown(test_numbers_shortest, free_kept),
		cmocka_unit_test_teardown(test_control_characters_escaped, free_kept),
		cmocka_unit_test_teardown(test_key_order_is_the_files, free_kept),
		cmocka_unit_test_teardown(test_example_maps, free_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
