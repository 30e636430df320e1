/* Unit tests for reading a file's history from git: parsing git log -z --raw (additions, renames, deletions, merges, garbage) and reading blobs through a real git cat-file --batch, and the sparkline's bars. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "io/git_log.h"
#include "render/sparkline.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define ID1 "1111111111111111111111111111111111111111"
#define ID2 "2222222222222222222222222222222222222222"
#define ID3 "3333333333333333222222222222222222222222"
#define B0 "0000000000000000000000000000000000000000"
#define BA "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define BB "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

/* sizeof a literal with NULs in it, without the final NUL the compiler adds */
#define LEN(lit) (sizeof(lit) - 1)

static void test_parse_follows_a_rename(void **state)
{
	(void)state;
	static const char text[] =
		"C" ID3 "\0" "2026-11-03T10:00:00+01:00\0" "Anna\0" "Move it\0"
		"\n:100644 100644 " BA " " BB " R087\0" "map.yaml\0" "maps/journey.yaml\0"
		"C" ID2 "\0" "2026-11-02T10:00:00+01:00\0" "Bram\0" "\0" /* an empty subject */
		"\n:100644 100644 " B0 " " BA " M\0" "map.yaml\0"
		"C" ID1 "\0" "2026-11-01T10:00:00+01:00\0" "Anna\0" "First\0"
		"\n:000000 100644 " B0 " " BA " A\0" "map.yaml\0";
	cjm_git_history h = { 0 };
	assert_true(cjm_git_log_parse(text, LEN(text), &h));
	assert_int_equal(h.count, 3);
	assert_string_equal(h.commits[0].id, ID3);
	assert_string_equal(h.commits[0].date, "2026-11-03T10:00:00+01:00");
	assert_string_equal(h.commits[0].author, "Anna");
	assert_string_equal(h.commits[0].subject, "Move it");
	assert_int_equal(h.commits[0].status, 'R');
	assert_string_equal(h.commits[0].path, "maps/journey.yaml");
	assert_string_equal(h.commits[0].old_path, "map.yaml");
	assert_string_equal(h.commits[0].blob, BB);
	assert_string_equal(h.commits[1].subject, "");
	assert_null(h.commits[1].old_path);
	assert_string_equal(h.commits[1].blob, BA);
	assert_int_equal(h.commits[2].status, 'A');
	cjm_git_history_release(&h);
}

static void test_parse_a_deletion_and_a_merge(void **state)
{
	(void)state;
	/* a deletion has no blob; a commit with two raw lines (a merge shown against
	 * each parent) keeps the change that is not a deletion */
	static const char text[] =
		"C" ID2 "\0" "2026-11-02T10:00:00+01:00\0" "Anna\0" "Remove\0"
		"\n:100644 000000 " BA " " B0 " D\0" "map.yaml\0"
		"C" ID1 "\0" "2026-11-01T10:00:00+01:00\0" "Anna\0" "Merge\0"
		"\n:100644 000000 " BA " " B0 " D\0" "map.yaml\0"
		":100644 100644 " BB " " BA " M\0" "map.yaml\0";
	cjm_git_history h = { 0 };
	assert_true(cjm_git_log_parse(text, LEN(text), &h));
	assert_int_equal(h.count, 2);
	assert_int_equal(h.commits[0].status, 'D');
	assert_null(h.commits[0].blob);
	assert_string_equal(h.commits[0].path, "map.yaml");
	assert_int_equal(h.commits[1].status, 'M');
	assert_string_equal(h.commits[1].blob, BA);
	cjm_git_history_release(&h);
}

static void test_parse_refuses_what_git_log_does_not_write(void **state)
{
	(void)state;
	cjm_git_history h = { 0 };
	assert_true(cjm_git_log_parse("", 0, &h));
	assert_int_equal(h.count, 0);
	static const char not_a_commit[] = "fatal: bad\0";
	assert_false(cjm_git_log_parse(not_a_commit, LEN(not_a_commit), &h));
	static const char cut_short[] = "C" ID1 "\0" "2026-11-01T10:00:00+01:00\0";
	assert_false(cjm_git_log_parse(cut_short, LEN(cut_short), &h));
	static const char no_change[] = "C" ID1 "\0" "2026-11-01\0" "Anna\0" "Nothing\0";
	assert_false(cjm_git_log_parse(no_change, LEN(no_change), &h));
	static const char no_path[] = "C" ID1 "\0" "2026-11-01\0" "Anna\0" "S\0" "\n:100644 100644 " BA " " BB " R100\0" "a\0";
	assert_false(cjm_git_log_parse(no_path, LEN(no_path), &h));
	static const char bad_blob[] = "C" ID1 "\0" "d\0" "a\0" "s\0" "\n:100644 100644 " BA " xyz M\0" "a\0";
	assert_false(cjm_git_log_parse(bad_blob, LEN(bad_blob), &h));
	cjm_git_history_release(&h);
}

/* What the blob reader handed over. */
typedef struct got_blobs {
	strbuf text[3];
	const char *missing[3];
	size_t calls;
} got_blobs;

static void got_blob(void *arg, size_t index, const char *text, size_t len, const char *missing)
{
	got_blobs *got = arg;
	assert_true(index < 3);
	assert_int_equal(index, got->calls);
	got->calls++;
	if (text) {
		assert_int_equal(text[len], '\0');
		strbuf_add(&got->text[index], text, len);
	}
	got->missing[index] = missing;
}

/* Counts the blobs, checking they come in order: "version: 1\n" and "" in turn. */
static void count_blob(void *arg, size_t index, const char *text, size_t len, const char *missing)
{
	size_t *answered = arg;
	assert_int_equal(index, *answered);
	assert_null(missing);
	assert_int_equal(len, index % 2 ? 0 : 11);
	assert_non_null(text);
	(*answered)++;
}

/* Runs COMMAND in DIR without output; its exit status. */
static int quietly(const char *dir, const char *command)
{
	char *line = xasprintf("cd '%s' && %s >/dev/null 2>&1", dir, command);
	int status = system(line);
	free(line);
	return status;
}

static void test_blobs_through_git_cat_file(void **state)
{
	(void)state;
	if (quietly(".", "git --version") != 0)
		skip();
	char dir[] = "/tmp/cjm-git-log.XXXXXX";
	assert_non_null(mkdtemp(dir));
	assert_int_equal(quietly(dir, "GIT_CONFIG_NOSYSTEM=1 HOME=. git init -q ."), 0);
	assert_int_equal(quietly(dir, "printf 'version: 1\\n' >a && printf '' >b && printf 'big big big big\\n' >c && "
				      "git hash-object -w a b c"), 0);
	char *ids_line = NULL;
	{
		char *cmd = xasprintf("cd '%s' && git hash-object a b c", dir);
		FILE *p = popen(cmd, "r");
		free(cmd);
		assert_non_null(p);
		strbuf all = { 0 };
		char buf[256];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, p)) > 0)
			strbuf_add(&all, buf, n);
		assert_int_equal(pclose(p), 0);
		ids_line = all.data;
	}
	char *save = NULL;
	const char *ids[3];
	ids[0] = strtok_r(ids_line, "\n", &save);
	ids[1] = strtok_r(NULL, "\n", &save);
	ids[2] = strtok_r(NULL, "\n", &save);
	assert_non_null(ids[2]);
	got_blobs got = { 0 };
	char *why = NULL;
	/* the third is over the limit of 12 bytes: passed over, and the reader goes on */
	assert_int_equal(cjm_git_read_blobs(dir, ids, 3, 12, got_blob, &got, &why), CJM_GIT_OK);
	assert_null(why);
	assert_int_equal(got.calls, 3);
	assert_string_equal(got.text[0].data, "version: 1\n");
	assert_int_equal(got.text[1].len, 0);
	assert_null(got.missing[1]);
	assert_non_null(got.missing[2]);

	/* many more requests than are written ahead of the answers: each answered, in order */
	const char *many[300];
	for (size_t i = 0; i < 300; i++)
		many[i] = ids[i % 2];
	size_t answered = 0;
	assert_int_equal(cjm_git_read_blobs(dir, many, 300, 12, count_blob, &answered, &why), CJM_GIT_OK);
	assert_int_equal(answered, 300);

	/* an id git does not have */
	got_blobs none = { 0 };
	const char *unknown[1] = { BA };
	assert_int_equal(cjm_git_read_blobs(dir, unknown, 1, 8, got_blob, &none, &why), CJM_GIT_OK);
	assert_int_equal(none.calls, 1);
	assert_non_null(none.missing[0]);

	/* outside a repository: git's own message */
	char outside[] = "/tmp/cjm-no-git.XXXXXX";
	assert_non_null(mkdtemp(outside));
	cjm_git_history h = { 0 };
	assert_int_equal(cjm_git_log_read(outside, "map.yaml", NULL, &h, &why), CJM_GIT_FAILED);
	assert_non_null(strstr(why, "not a git repository"));
	free(why);
	for (int i = 0; i < 3; i++)
		strbuf_release(&got.text[i]);
	free(ids_line);
	char *rm = xasprintf("rm -rf '%s' '%s'", dir, outside);
	assert_int_equal(system(rm), 0);
	free(rm);
}

static void test_sparkline_bars(void **state)
{
	(void)state;
	assert_int_equal(cjm_sparkline_level(-1, -1, 1), 0);
	assert_int_equal(cjm_sparkline_level(-0.76, -1, 1), 0);
	assert_int_equal(cjm_sparkline_level(-0.75, -1, 1), 1);
	assert_int_equal(cjm_sparkline_level(-0.01, -1, 1), 3);
	assert_int_equal(cjm_sparkline_level(0, -1, 1), 4);
	assert_int_equal(cjm_sparkline_level(0.74, -1, 1), 6);
	assert_int_equal(cjm_sparkline_level(1, -1, 1), 7);
	assert_int_equal(cjm_sparkline_level(9, -1, 1), 7);
	assert_int_equal(cjm_sparkline_level(-9, -1, 1), 0);
	assert_int_equal(cjm_sparkline_level(0.5, 0.5, 0.5), 3); /* all the same: the middle */
	const double values[] = { -3, 0, 1.5, 3, 0 };
	const bool has[] = { true, true, true, true, false };
	double lo = 0, hi = 0;
	assert_true(cjm_sparkline_range(values, has, 5, &lo, &hi));
	assert_true(lo == -3 && hi == 3);
	assert_false(cjm_sparkline_range(values, has + 4, 1, &lo, &hi));
	strbuf out = { 0 };
	cjm_sparkline(&out, values, has, 5, lo, hi, true);
	assert_string_equal(out.data, "\u2581\u2585\u2587\u2588 ");
	strbuf_reset(&out);
	cjm_sparkline(&out, values, has, 5, lo, hi, false);
	assert_string_equal(out.data, "_=*# ");
	strbuf_reset(&out);
	/* a small movement still shows: the scale is the values' own */
	const double close[] = { -0.5, -0.4, -0.33 };
	assert_true(cjm_sparkline_range(close, has, 3, &lo, &hi));
	cjm_sparkline(&out, close, has, 3, lo, hi, true);
	assert_string_equal(out.data, "\u2581\u2585\u2588");
	strbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_follows_a_rename),
		cmocka_unit_test(test_parse_a_deletion_and_a_merge),
		cmocka_unit_test(test_parse_refuses_what_git_log_does_not_write),
		cmocka_unit_test(test_blobs_through_git_cat_file),
		cmocka_unit_test(test_sparkline_bars),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
