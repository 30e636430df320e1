/* Unit tests for REV:PATH: what reads as a revision rather than a file, and reading one through a stand-in git. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "io/load.h"
#include "io/revision.h"

/* The folder each test runs in (its current directory), and the PATH it had. */
static char test_dir[64];
static char *saved_path;

static void write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, mode), 0);
}

/* A git that does what SCRIPT says (after recording its arguments in ./git-args),
 * first on PATH. */
static void fake_git(const char *script)
{
	mkdir("bin", 0755);
	char text[512];
	snprintf(text, sizeof text, "#!/bin/sh\nprintf '%%s\\n' \"$@\" >\"%s/git-args\"\n%s\n", test_dir, script);
	write_file("bin/git", text, 0755);
	char path[4096];
	snprintf(path, sizeof path, "%s/bin:%s", test_dir, saved_path);
	setenv("PATH", path, 1);
}

/* What the stand-in git was called with, one argument a line; "" when it never ran. */
static char *git_args(char *buf, size_t cap)
{
	buf[0] = '\0';
	FILE *f = fopen("git-args", "r");
	if (!f)
		return buf;
	size_t n = fread(buf, 1, cap - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int setup(void **state)
{
	(void)state;
	snprintf(test_dir, sizeof test_dir, "/tmp/cjm-revision-XXXXXX");
	if (!mkdtemp(test_dir) || chdir(test_dir) != 0)
		return -1;
	const char *path = getenv("PATH");
	saved_path = strdup(path ? path : "/usr/bin:/bin");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	setenv("PATH", saved_path, 1);
	free(saved_path);
	char command[128];
	snprintf(command, sizeof command, "rm -rf -- '%s'", test_dir);
	if (chdir("/") != 0)
		return -1;
	return system(command) == 0 ? 0 : -1;
}

static void test_is_revision(void **state)
{
	(void)state;
	assert_true(cjm_is_revision("main:x.yaml"));
	assert_true(cjm_is_revision("HEAD~1:maps/x.yaml"));
	assert_true(cjm_is_revision("origin/main:maps/energy switch.yaml"));
	assert_true(cjm_is_revision(":x.yaml"));    /* the index */
	assert_true(cjm_is_revision(":2:x.yaml"));  /* ours, during a merge */
	assert_false(cjm_is_revision("x.yaml"));    /* no ':' */
	assert_false(cjm_is_revision(":"));
	assert_false(cjm_is_revision("C:"));        /* nothing after the ':' */
	assert_false(cjm_is_revision("main:"));
	assert_false(cjm_is_revision("-x:y"));      /* git would take it for an option */
	assert_false(cjm_is_revision("--output=/tmp/o:x"));
	assert_false(cjm_is_revision("-"));
	assert_false(cjm_is_revision("/tmp/a:b.yaml")); /* plainly paths */
	assert_false(cjm_is_revision("./a:b.yaml"));
	assert_false(cjm_is_revision("../a:b.yaml"));
	assert_false(cjm_is_revision(NULL));
}

static void test_file_with_colon_is_a_file(void **state)
{
	(void)state;
	assert_true(cjm_is_revision("a:b.yaml"));
	write_file("a:b.yaml", "version: 1\n", 0644);
	assert_false(cjm_is_revision("a:b.yaml"));
	assert_int_equal(mkdir("dir:1", 0755), 0);
	assert_false(cjm_is_revision("dir:1")); /* a folder of that name too */
	assert_int_equal(symlink("nowhere", "link:x.yaml"), 0);
	assert_false(cjm_is_revision("link:x.yaml")); /* a name that is there, even dangling */
}

static void test_read_revision(void **state)
{
	(void)state;
	fake_git("printf 'version: 1\\ntitle: From git\\n'");
	size_t len = 99;
	char *why = NULL;
	char *text = cjm_read_revision("main:maps/x.yaml", &len, &why);
	assert_non_null(text);
	assert_null(why);
	assert_string_equal(text, "version: 1\ntitle: From git\n");
	assert_int_equal(len, strlen(text));
	char args[256];
	assert_string_equal(git_args(args, sizeof args), "cat-file\nblob\nmain:maps/x.yaml\n");
	free(text);
}

static void test_read_empty_blob(void **state)
{
	(void)state;
	fake_git("exit 0");
	size_t len = 99;
	char *why = NULL;
	char *text = cjm_read_revision("main:empty.yaml", &len, &why);
	assert_non_null(text);
	assert_string_equal(text, "");
	assert_int_equal(len, 0);
	free(text);
}

static void test_git_message(void **state)
{
	(void)state;
	fake_git("echo 'warning: something first' >&2; echo \"fatal: path 'x.yaml' does not exist in 'main'\" >&2; "
		 "echo partial; exit 128");
	size_t len = 99;
	char *why = NULL;
	assert_null(cjm_read_revision("main:x.yaml", &len, &why));
	assert_string_equal(why, "fatal: path 'x.yaml' does not exist in 'main'"); /* its last line */
	assert_int_equal(len, 0);
	free(why);
}

static void test_git_silent_failure(void **state)
{
	(void)state;
	fake_git("exit 3");
	size_t len = 0;
	char *why = NULL;
	assert_null(cjm_read_revision("main:x.yaml", &len, &why));
	assert_string_equal(why, "git cat-file failed (exit 3)");
	free(why);
	fake_git("kill -KILL $$");
	assert_null(cjm_read_revision("main:x.yaml", &len, &why));
	assert_string_equal(why, "git was stopped by signal 9");
	free(why);
}

static void test_no_git(void **state)
{
	(void)state;
	setenv("PATH", test_dir, 1); /* an empty folder: no git on PATH */
	size_t len = 0;
	char *why = NULL;
	assert_null(cjm_read_revision("main:x.yaml", &len, &why));
	assert_string_equal(why, "cannot run git: No such file or directory");
	free(why);
}

static void test_option_never_reaches_git(void **state)
{
	(void)state;
	fake_git("echo ran");
	size_t len = 0;
	char *why = NULL;
	assert_null(cjm_read_revision("--output=x:y", &len, &why));
	assert_non_null(why);
	assert_int_equal(errno, EINVAL);
	free(why);
	char args[256];
	assert_string_equal(git_args(args, sizeof args), ""); /* git never ran */
}

static void test_too_large(void **state)
{
	(void)state;
	char script[128];
	snprintf(script, sizeof script, "head -c %llu /dev/zero", (unsigned long long)CJM_MAX_FILE_SIZE + 1);
	fake_git(script);
	size_t len = 0;
	char *why = NULL;
	assert_null(cjm_read_revision("main:big.yaml", &len, &why));
	assert_int_equal(errno, EFBIG);
	assert_string_equal(why, "file is too large (the limit is 256 MiB)");
	free(why);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_is_revision, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_with_colon_is_a_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_revision, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_empty_blob, setup, teardown),
		cmocka_unit_test_setup_teardown(test_git_message, setup, teardown),
		cmocka_unit_test_setup_teardown(test_git_silent_failure, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_git, setup, teardown),
		cmocka_unit_test_setup_teardown(test_option_never_reaches_git, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_large, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
