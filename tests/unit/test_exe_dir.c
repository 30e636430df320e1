/* Unit tests for the installed folders found from the binary's own: joining a relative path to a folder, and the folders of this test binary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/exe_dir.h"
#include "util/xalloc.h"

/* exe_dir_join(DIR, REL) is EXPECTED. */
static void expect_join(const char *dir, const char *rel, const char *expected)
{
	char *joined = exe_dir_join(dir, rel);
	assert_string_equal(joined, expected);
	free(joined);
}

static void test_join_goes_up_and_down(void **state)
{
	(void)state;
	expect_join("/usr/bin", "../share/man", "/usr/share/man");
	expect_join("/usr/local/bin", "../lib/cjm/plugins", "/usr/local/lib/cjm/plugins");
	expect_join("/tmp/stage/usr/bin", "../share/locale", "/tmp/stage/usr/share/locale");
	expect_join("/opt/cjm/bin", "../../../usr/share/man", "/usr/share/man");
	expect_join("/usr/bin", "share", "/usr/bin/share");
}

static void test_join_drops_dots_and_empty_parts(void **state)
{
	(void)state;
	expect_join("/usr/bin", ".", "/usr/bin");
	expect_join("/usr/bin", "", "/usr/bin");
	expect_join("/usr//bin/", "./..//share/./man/", "/usr/share/man");
	expect_join("/usr/bin", "../..//share/man", "/share/man"); /* PREFIX=/ */
}

static void test_join_stops_at_the_root(void **state)
{
	(void)state;
	expect_join("/usr/bin", "../..", "/");
	expect_join("/usr/bin", "../../../../share", "/share");
	expect_join("/", "..", "/");
	expect_join("/", "", "/");
}

static void test_join_takes_an_absolute_path_as_it_is(void **state)
{
	(void)state;
	expect_join("/usr/bin", "/opt/man", "/opt/man");
	expect_join("/usr/bin", "/opt/./x/../man", "/opt/man");
}

/* The folders of this binary (build/tests/test_exe_dir): its folder's parent,
 * then the relative path the Makefile gave. */
static void test_installed_folders_are_beside_the_binary(void **state)
{
	(void)state;
	const char *exe = exe_dir();
	assert_non_null(exe);
	assert_true(exe[0] == '/');
	assert_non_null(strstr(exe, "/tests"));
	static const exe_installed kinds[] = { EXE_MANDIR, EXE_PLUGINDIR, EXE_LOCALEDIR, EXE_SCHEMADIR };
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		const char *rel = exe_installed_relative(kinds[i]);
		assert_non_null(rel);
		assert_true(rel[0] != '\0');
		char *dir = exe_installed_dir(kinds[i]);
		char *expected = exe_dir_join(exe, rel);
		assert_string_equal(dir, expected);
		assert_true(dir[0] == '/');
		assert_null(strstr(dir, "/../"));
		free(expected);
		free(dir);
	}
	/* the Makefile's default folders: the ones each PREFIX shares */
	char *man = exe_installed_dir(EXE_MANDIR);
	char *parent = exe_dir_join(exe, "..");
	if (strcmp(exe_installed_relative(EXE_MANDIR), "../share/man") == 0) {
		char *expected = xasprintf("%s/share/man", parent);
		assert_string_equal(man, expected);
		free(expected);
	}
	free(parent);
	free(man);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join_goes_up_and_down),
		cmocka_unit_test(test_join_drops_dots_and_empty_parts),
		cmocka_unit_test(test_join_stops_at_the_root),
		cmocka_unit_test(test_join_takes_an_absolute_path_as_it_is),
		cmocka_unit_test(test_installed_folders_are_beside_the_binary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
