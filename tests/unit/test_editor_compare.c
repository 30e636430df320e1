/* Unit tests for the editor's :compare: reading the other map, following edits, ending, and refusing bad files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "editor/compare.h"
#include "editor/editor.h"

#include "fixture.h"

static char dir[] = "/tmp/cjm-editor-compare-XXXXXX";
static char other_path[64], bad_path[64];

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(other_path, sizeof other_path, "%s/other.yaml", dir);
	snprintf(bad_path, sizeof bad_path, "%s/bad.yaml", dir);
	write_file(other_path, "version: 1\ntitle: To be\nphases:\n  - id: p\n    name: P\n    touchpoints:\n"
			       "      - id: a\n        name: A renamed\n        emotion: 3\n"
			       "      - id: z\n        name: Z\n        emotion: 1\n");
	write_file(bad_path, "version: 1\ntitle: Bad\nphases:\n  - nme: Oops\n");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(other_path);
	unlink(bad_path);
	rmdir(dir);
	return 0;
}

/* This map: a (+1), b (-2). */
static cjm_editor *editor_fixture(void)
{
	cjm_map *map = cjm_map_new("As is");
	cjm_phase *p = add_phase(map, "p", "P");
	add_tp(p, "a", "A", 1);
	add_tp(p, "b", "B", -2);
	return cjm_editor_new(map, NULL, false);
}

static void test_compare_follows_edits(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	assert_false(cjm_editor_comparing(ed));
	assert_null(cjm_editor_comparison(ed));
	char line[128];
	snprintf(line, sizeof line, "compare %s", other_path);
	assert_int_equal(cjm_editor_run(ed, line), 0);
	assert_true(cjm_editor_comparing(ed));
	assert_string_equal(cjm_editor_compare_name(ed), other_path);
	assert_non_null(strstr(ed->message, "1 matched by id, 1 only here, 1 only there"));
	const cjm_compare *cmp = cjm_editor_comparison(ed);
	assert_int_equal(cjm_compare_row_of(cmp, 0)->delta, 2);
	assert_true(cjm_compare_here_figures(cmp)->emotion.mean == -0.5);
	/* an edit: this map's side changes, the other's stays */
	assert_int_equal(cjm_editor_run(ed, "emotion 3"), 0);
	cmp = cjm_editor_comparison(ed);
	assert_int_equal(cjm_compare_row_of(cmp, 0)->delta, 0);
	assert_true(cjm_compare_here_figures(cmp)->emotion.mean == 0.5);
	assert_int_equal(cjm_compare_there_figures(cmp)->peak, 3);
	assert_int_equal(cjm_editor_compare_find(ed, "a")->emotion, 3);
	assert_null(cjm_editor_compare_find(ed, "b"));
	/* undo is seen too */
	assert_int_equal(cjm_editor_run(ed, "undo"), 0);
	assert_int_equal(cjm_compare_row_of(cjm_editor_comparison(ed), 0)->delta, 2);
	/* :compare alone ends it */
	assert_int_equal(cjm_editor_run(ed, "compare"), 0);
	assert_false(cjm_editor_comparing(ed));
	assert_null(cjm_editor_compare_find(ed, "a"));
	assert_string_equal(ed->message, "comparison ended");
	assert_int_equal(cjm_editor_run(ed, "compare"), 0);
	assert_non_null(strstr(ed->message, "no comparison to end"));
	cjm_editor_free(ed);
}

static void test_compare_refuses_bad_files(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	char line[128];
	snprintf(line, sizeof line, "compare %s", other_path);
	assert_int_equal(cjm_editor_run(ed, line), 0);
	/* a bad file leaves the comparison as it was */
	snprintf(line, sizeof line, "compare %s", bad_path);
	assert_int_equal(cjm_editor_run(ed, line), -1);
	assert_true(ed->message_is_error);
	char expect[128];
	snprintf(expect, sizeof expect, "%s:4:5: error: ", bad_path);
	assert_memory_equal(ed->message, expect, strlen(expect));
	assert_string_equal(cjm_editor_compare_name(ed), other_path);
	snprintf(line, sizeof line, "compare %s/missing.yaml", dir);
	assert_int_equal(cjm_editor_run(ed, line), -1);
	assert_non_null(strstr(ed->message, "missing.yaml: No such file or directory"));
	assert_string_equal(cjm_editor_compare_name(ed), other_path);
	cjm_editor_free(ed); /* frees the comparison too (the sanitizer build checks) */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compare_follows_edits),
		cmocka_unit_test(test_compare_refuses_bad_files),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
