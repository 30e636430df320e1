/* The xlsx export: a zip appended to the buffer, no temporary file left behind, a failure
 * said and not written, and sheet names Excel takes. tests/cli/test_export_xlsx.sh reads
 * the workbooks back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/export.h"
#include "export/xlsx.h"
#include "model/map.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "fixture.h"

static const cjm_export_options options = { .paper = CJM_PAPER_A3 };

/* A private TMPDIR for each test, removed (it must be empty by then) afterwards. */
static char tmpdir[64];
static char *saved_tmpdir;

static int make_tmpdir(void **state)
{
	(void)state;
	const char *old = getenv("TMPDIR");
	saved_tmpdir = old ? xstrdup(old) : NULL;
	snprintf(tmpdir, sizeof tmpdir, "%s/cjm-xlsx-test.XXXXXX", old && *old ? old : "/tmp");
	if (!mkdtemp(tmpdir))
		return -1;
	setenv("TMPDIR", tmpdir, 1);
	return 0;
}

static int remove_tmpdir(void **state)
{
	(void)state;
	if (saved_tmpdir)
		setenv("TMPDIR", saved_tmpdir, 1);
	else
		unsetenv("TMPDIR");
	free(saved_tmpdir);
	saved_tmpdir = NULL;
	return rmdir(tmpdir) == 0 ? 0 : -1; /* fails when a file was left in it */
}

/* The files in DIR besides . and .. */
static size_t files_in(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d));)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* A map with every kind of touchpoint field, an empty phase and a name that reads as a formula. */
static cjm_map *journey(void)
{
	cjm_map *map = cjm_map_new("Claim");
	cjm_phase *report = add_phase(map, "report", "Report");
	cjm_touchpoint *tp = add_tp(report, "call", "=HYPERLINK(\"http://example.com\",\"x\")", -2);
	tp->channel = xstrdup("phone");
	tp->owner = xstrdup("+31 service");
	tp->has_satisfaction = true;
	tp->satisfaction = 7.5;
	tp->has_impact = true;
	tp->impact = 0.3;
	tp->moment_of_truth = CJM_TRUE;
	tp->visible = CJM_FALSE;
	tp->pillars = 3;
	cjm_strlist_push(&tp->pains, "@waiting");
	cjm_strlist_push(&tp->pains, "-no news");
	tp->notes = xstrdup("line one\nline two");
	add_tp(report, "form", "Form", NO_EMOTION);
	add_phase(map, "empty", "Nothing yet");
	return map;
}

static void test_zip_appended_and_no_file_left(void **state)
{
	(void)state;
	cjm_map *map = journey();
	strbuf out = { 0 };
	strbuf_puts(&out, "before");
	strbuf error = { 0 };
	assert_true(cjm_export_xlsx_checked(map, &options, &out, &error));
	assert_null(error.data);
	assert_true(out.len > 1000);
	assert_memory_equal(out.data, "before", 6);
	assert_memory_equal(out.data + 6, "PK\x03\x04", 4); /* a zip's first local header */
	/* and its end: the end-of-central-directory record, 22 bytes without a comment */
	assert_memory_equal(out.data + out.len - 22, "PK\x05\x06", 4);
	assert_int_equal(files_in(tmpdir), 0);

	/* the format table's function writes the same kind of file */
	strbuf plain = { 0 };
	const cjm_format *xlsx = cjm_format_find("xlsx");
	assert_non_null(xlsx);
	xlsx->export_map(map, &options, &plain);
	assert_true(plain.len > 1000);
	assert_memory_equal(plain.data, "PK\x03\x04", 4);
	assert_int_equal(files_in(tmpdir), 0);
	strbuf_release(&plain);
	strbuf_release(&out);
	cjm_map_free(map);
}

static void test_empty_map(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("Nothing");
	strbuf out = { 0 }, error = { 0 };
	assert_true(cjm_export_xlsx_checked(map, &options, &out, &error));
	assert_memory_equal(out.data, "PK\x03\x04", 4);
	assert_int_equal(files_in(tmpdir), 0);
	strbuf_release(&out);
	cjm_map_free(map);
}

/* A cell holds 32,767 characters: a longer text is cut (with '…'), not an error. */
static void test_long_text(void **state)
{
	(void)state;
	cjm_map *map = journey();
	cjm_touchpoint *tp = map->phases[0]->touchpoints[1];
	size_t len = 40000;
	tp->notes = xmalloc(len + 1);
	memset(tp->notes, 'n', len);
	tp->notes[len] = '\0';
	strbuf out = { 0 }, error = { 0 };
	assert_true(cjm_export_xlsx_checked(map, &options, &out, &error));
	assert_null(error.data);
	strbuf_release(&out);
	cjm_map_free(map);
}

/* No temporary folder: false, the reason, nothing appended, nothing left. */
static void test_failure_said(void **state)
{
	(void)state;
	cjm_map *map = journey();
	char missing[128];
	snprintf(missing, sizeof missing, "%s/not-there", tmpdir);
	setenv("TMPDIR", missing, 1);
	strbuf out = { 0 }, error = { 0 };
	strbuf_puts(&out, "kept");
	assert_false(cjm_export_xlsx_checked(map, &options, &out, &error));
	assert_string_equal(out.data, "kept");
	assert_non_null(error.data);
	assert_non_null(strstr(error.data, "cannot make a temporary file in "));
	assert_non_null(strstr(error.data, "not-there: No such file or directory"));

	/* the format table's function appends nothing (and says why on standard error) */
	strbuf plain = { 0 };
	cjm_export_xlsx(map, &options, &plain);
	assert_int_equal(plain.len, 0);
	setenv("TMPDIR", tmpdir, 1);
	assert_int_equal(files_in(tmpdir), 0);
	strbuf_release(&error);
	strbuf_release(&out);
	cjm_map_free(map);
}

static void expect_name(const char *wanted, const char *const *taken, size_t count, const char *expected)
{
	strbuf out = { 0 };
	cjm_xlsx_sheet_name(&out, wanted, taken, count);
	assert_string_equal(out.data, expected);
	strbuf_release(&out);
}

static void test_sheet_names(void **state)
{
	(void)state;
	expect_name("Touchpoints", NULL, 0, "Touchpoints");
	expect_name("a[b]c:d*e?f/g\\h", NULL, 0, "a-b-c-d-e-f-g-h");
	expect_name("'quoted''", NULL, 0, "quoted");
	expect_name("''", NULL, 0, "-");
	expect_name("", NULL, 0, "-");
	expect_name("tab\there", NULL, 0, "tab-here");
	expect_name("History", NULL, 0, "History (2)");
	expect_name("An overly long name for a sheet, past 31", NULL, 0, "An overly long name for a sheet");
	const char *taken[] = { "Touchpoints", "Touchpoints (2)", "An overly long name for a sheet" };
	expect_name("touchpoints", taken, 3, "touchpoints (3)");
	expect_name("An overly long name for a sheet, past 31", taken, 3, "An overly long name for a s (2)");
	/* 31 characters, not bytes: "é" is two bytes */
	strbuf accents = { 0 }, expected = { 0 };
	strbuf_repeat(&accents, "\xC3\xA9", 40);
	strbuf_repeat(&expected, "\xC3\xA9", 31);
	expect_name(accents.data, NULL, 0, expected.data);
	strbuf_release(&accents);
	strbuf_release(&expected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_zip_appended_and_no_file_left, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_empty_map, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_long_text, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_failure_said, make_tmpdir, remove_tmpdir),
		cmocka_unit_test(test_sheet_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
