/* Unit tests for file stamps: the hash, and telling a file that changed on disk from one only touched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "io/stamp.h"

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* A folder with map.yaml in it; PATH gets the map's path. */
static char *temp_map(char *path, size_t cap, const char *text)
{
	char tmpl[] = "/tmp/cjm-stamp-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	snprintf(path, cap, "%s/map.yaml", dir);
	if (text)
		write_text(path, text);
	return strdup(dir);
}

static void remove_map(char *dir, const char *path)
{
	unlink(path);
	rmdir(dir);
	free(dir);
}

static cjm_file_stamp stamp_of(const char *path)
{
	cjm_file_stamp s;
	size_t len = 0;
	int err = 0;
	char *text = cjm_file_read_stamped(path, &len, &err, &s);
	assert_non_null(text);
	free(text);
	return s;
}

static void test_hash(void **state)
{
	(void)state;
	/* the published FNV-1a 64 test vectors */
	assert_true(cjm_hash_bytes("", 0) == 0xcbf29ce484222325ULL);
	assert_true(cjm_hash_bytes("a", 1) == 0xaf63dc4c8601ec8cULL);
	assert_true(cjm_hash_bytes("foobar", 6) == 0x85944171f73967e8ULL);
	assert_true(cjm_hash_bytes("title: A\n", 9) != cjm_hash_bytes("title: B\n", 9));
}

static void test_read_stamped(void **state)
{
	(void)state;
	char path[256];
	char *dir = temp_map(path, sizeof path, "version: 1\n");
	cjm_file_stamp s;
	size_t len = 0;
	int err = 0;
	char *text = cjm_file_read_stamped(path, &len, &err, &s);
	assert_non_null(text);
	assert_int_equal(len, 11);
	assert_memory_equal(text, "version: 1\n", 11); /* not NUL-terminated */
	free(text);
	assert_true(s.exists);
	assert_int_equal(s.len, 11);
	assert_true(s.hash == cjm_hash_bytes("version: 1\n", 11));
	assert_false(s.stat_trusted); /* just written: its times say nothing yet */
	remove_map(dir, path);

	/* no file: NULL, ENOENT, the stamp of no file */
	assert_null(cjm_file_read_stamped(path, &len, &err, &s));
	assert_int_equal(err, ENOENT);
	assert_false(s.exists);
}

static void test_same_bytes_are_no_change(void **state)
{
	(void)state;
	char path[256], other[300];
	char *dir = temp_map(path, sizeof path, "title: Reis\n");
	cjm_file_stamp s = stamp_of(path);
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_SAME);

	/* touched: new times, same bytes */
	struct timespec times[2] = { { 981173106, 0 }, { 981173106, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_SAME);
	assert_int_equal(s.mtime.tv_sec, 981173106); /* the touch is remembered */

	/* the same bytes in a new file renamed over it */
	snprintf(other, sizeof other, "%s.new", path);
	write_text(other, "title: Reis\n");
	assert_int_equal(rename(other, path), 0);
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_SAME);
	remove_map(dir, path);
}

static void test_other_bytes_are_a_change(void **state)
{
	(void)state;
	char path[256];
	char *dir = temp_map(path, sizeof path, "title: Reis\n");
	cjm_file_stamp s = stamp_of(path);
	write_text(path, "title: Ries\n"); /* the same size, in place */
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_CHANGED);
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_CHANGED); /* it stays changed */
	write_text(path, "title: Reis\n"); /* back as it was read: no change after all */
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_SAME);
	write_text(path, "title: Reis, langer\n");
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_CHANGED);

	/* gone, then a folder in its place */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_GONE);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_CHANGED);
	assert_int_equal(rmdir(path), 0);
	remove_map(dir, path);
}

static void test_no_file_then_one(void **state)
{
	(void)state;
	char path[256];
	char *dir = temp_map(path, sizeof path, NULL);
	cjm_file_stamp s;
	cjm_file_stamp_none(&s);
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_SAME); /* still none */
	write_text(path, "title: Nieuw\n");
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_APPEARED);
	remove_map(dir, path);
}

static void test_written(void **state)
{
	(void)state;
	char path[256];
	char *dir = temp_map(path, sizeof path, "title: Mijn\n");
	cjm_file_stamp s;
	cjm_file_stamp_written(&s, path, "title: Mijn\n", 12);
	assert_false(s.stat_trusted);
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_SAME);
	write_text(path, "title: Hun!\n");
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_CHANGED);
	remove_map(dir, path);
}

/* A file that had settled when read is trusted by its times; a change still shows. */
static void test_settled_file(void **state)
{
	(void)state;
	char path[256];
	char *dir = temp_map(path, sizeof path, "title: Oud\n");
	struct timespec pause = { 1, 200000000 };
	nanosleep(&pause, NULL);
	cjm_file_stamp s = stamp_of(path);
	assert_true(s.stat_trusted);
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_SAME);
	write_text(path, "title: Neu\n"); /* same size, in place: the times move on */
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_CHANGED);
	remove_map(dir, path);
}

static void test_unreadable(void **state)
{
	(void)state;
	char path[256];
	char *dir = temp_map(path, sizeof path, "title: Geheim\n");
	cjm_file_stamp s = stamp_of(path);
	if (geteuid() != 0) { /* root reads it anyway */
		assert_int_equal(chmod(path, 0), 0);
		int err = 0;
		assert_int_equal(cjm_file_stamp_check(path, &s, &err), CJM_DISK_UNREADABLE);
		assert_int_equal(err, EACCES);
		chmod(path, 0600);
	}
	assert_int_equal(cjm_file_stamp_check(path, &s, NULL), CJM_DISK_SAME);
	assert_non_null(strstr(cjm_disk_change_words(CJM_DISK_CHANGED), "changed on disk"));
	remove_map(dir, path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_read_stamped),
		cmocka_unit_test(test_same_bytes_are_no_change),
		cmocka_unit_test(test_other_bytes_are_a_change),
		cmocka_unit_test(test_no_file_then_one),
		cmocka_unit_test(test_written),
		cmocka_unit_test(test_settled_file),
		cmocka_unit_test(test_unreadable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
