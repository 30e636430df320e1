/* Unit tests for saving: canonical text, round trips of every field and awkward strings, atomic files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "cjm/map.h"
#include "io/load.h"
#include "io/save.h"

/* Texts that YAML would otherwise read as something else, or that need quoting or blocks. */
static const char *const awkward[] = {
	"true", "False", "null", "~", "", "yes", "No", "ON", "off", "123", "-3", "0x1F", "1e3", ".inf", "3.14",
	"a: b", "- dash", "#hash", "key #not a comment", "'single'", "\"double\"", "[flow]", "{map}",
	"&anchor", "*alias", "!tag", "%percent", "@at", "`tick`", "| pipe", "> fold", "? question",
	"trailing space ", " leading space", "Oriëntatie & Keuze", "emoji 🎉 ok", "tab\there",
	"line one\nline two", "ends with newline\n", "\nstarts with newline", /* CR is not map text: see the characters below */
	"back\\slash", "a very long idea that a facilitator typed during a workshop while the room "
	"talked about the first invoice which arrives before the goods and that nobody understands",
};

static cjm_map *full_map(void)
{
	cjm_map *map = cjm_map_new("Overstappen van energieleverancier");
	map->persona_name = strdup("Sanne");
	map->persona_description = strdup("Compares prices: online");
	map->has_persona = true;
	cjm_strlist_push(&map->brand_values, "easy");
	map->has_brand_values = true;
	map->has_threshold_satisfaction = true;
	map->threshold_satisfaction = 6.5;
	map->has_threshold_impact = true;
	map->threshold_impact = 0.1 + 0.2; /* needs all 17 digits to read back exactly */
	map->patterns = calloc(1, sizeof *map->patterns);
	map->patterns[0] = (cjm_pattern_setting){ strdup("soften-negatives"), CJM_FALSE, true, -2, { 0, 0 } };
	map->pattern_count = 1;
	cjm_phase *phase = cjm_phase_new("orient", "Oriëntatie");
	phase->description = strdup("Looking around\nand comparing");
	cjm_map_insert_phase(map, 0, phase);
	cjm_touchpoint *tp = cjm_touchpoint_new("compare", "Compare prices");
	tp->channel = strdup("web");
	tp->owner = strdup("marketing");
	tp->has_emotion = true;
	tp->emotion = -3;
	tp->has_satisfaction = true;
	tp->satisfaction = 7.25;
	tp->has_impact = true;
	tp->impact = 1;
	tp->moment_of_truth = CJM_TRUE;
	tp->brand_moment = CJM_FALSE;
	tp->commitment = CJM_TRUE;
	tp->visible = CJM_FALSE;
	tp->pillars = CJM_PILLAR_EMPATHY | CJM_PILLAR_INTEGRITY;
	tp->notes = strdup("notes");
	for (size_t i = 0; i < sizeof awkward / sizeof *awkward; i++) {
		cjm_strlist_push(&tp->pains, awkward[i]);
		cjm_strlist_push(&tp->quotes, awkward[i]);
	}
	cjm_strlist_push(&tp->ideas, "Self-install kit");
	cjm_phase_insert_touchpoint(phase, 0, tp);
	cjm_map_insert_phase(map, 1, cjm_phase_new("empty", "Empty phase"));
	map->dismissed = calloc(1, sizeof *map->dismissed);
	map->dismissed[0] = (cjm_dismissal){ strdup("skip-steps"), strdup("compare"), { 0, 0 } };
	map->dismissed_count = 1;
	return map;
}

static cjm_map *reload(const strbuf *text)
{
	diag_list *diags = diag_list_new("mem");
	cjm_map *map = cjm_load_buffer(text->data, text->len, diags, NULL);
	if (!map)
		diag_print(diags, stderr);
	diag_list_free(diags);
	return map;
}

static void test_round_trip_every_field(void **state)
{
	(void)state;
	cjm_map *map = full_map();
	strbuf first = { 0 }, second = { 0 };
	cjm_save_to_buffer(map, &first);
	cjm_map *back = reload(&first);
	assert_non_null(back);
	assert_true(cjm_map_equal(map, back));
	cjm_save_to_buffer(back, &second);
	assert_int_equal(first.len, second.len);
	assert_memory_equal(first.data, second.data, first.len);
	strbuf_release(&first);
	strbuf_release(&second);
	cjm_map_free(back);
	cjm_map_free(map);
}

/* Every awkward text survives as a title, a name and a list item, one at a time. */
static void test_awkward_texts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof awkward / sizeof *awkward; i++) {
		if (!awkward[i][0])
			continue; /* titles and names must not be empty */
		cjm_map *map = cjm_map_new(awkward[i]);
		cjm_phase *phase = cjm_phase_new("p", awkward[i]);
		cjm_map_insert_phase(map, 0, phase);
		strbuf text = { 0 };
		cjm_save_to_buffer(map, &text);
		cjm_map *back = reload(&text);
		if (!back || !cjm_map_equal(map, back))
			fail_msg("text %zu did not survive: [%s]\n%s", i, awkward[i], text.data);
		strbuf_release(&text);
		cjm_map_free(back);
		cjm_map_free(map);
	}
}

static void test_canonical_layout(void **state)
{
	(void)state;
	cjm_map *map = full_map();
	strbuf text = { 0 };
	cjm_save_to_buffer(map, &text);
	/* key order as in DESIGN, and lists one item per line */
	const char *order[] = { "version: 1\n", "title: ", "persona:\n", "brand_values:\n", "thresholds:\n",
				"patterns:\n", "phases:\n", "dismissed:\n" };
	const char *at = text.data;
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		const char *found = strstr(at, order[i]);
		if (!found)
			fail_msg("'%s' missing or out of order in:\n%s", order[i], text.data);
		at = found;
	}
	assert_non_null(strstr(text.data, "    pillars:\n    - integrity\n    - empathy\n"));
	assert_non_null(strstr(text.data, "    - 'true'\n"));
	/* YAML 1.1 booleans are quoted too, as cjm-map(5) says: other readers take them as such */
	assert_non_null(strstr(text.data, "    - 'yes'\n"));
	assert_non_null(strstr(text.data, "    - 'off'\n"));
	assert_non_null(strstr(text.data, "    - '123'\n"));
	assert_non_null(strstr(text.data, "  impact: 0.30000000000000004\n"));
	assert_non_null(strstr(text.data, "    satisfaction: 7.25\n"));
	assert_non_null(strstr(text.data, "    visible: false\n"));
	assert_non_null(strstr(text.data, "  description: |-\n    Looking around\n    and comparing\n"));
	/* long text is never folded over several lines */
	assert_non_null(strstr(text.data, "- a very long idea that a facilitator typed during a workshop while"));
	assert_null(strstr(text.data, "\n---"));
	strbuf_release(&text);
	cjm_map_free(map);
}

static void test_deterministic(void **state)
{
	(void)state;
	cjm_map *a = full_map(), *b = full_map();
	strbuf x = { 0 }, y = { 0 };
	cjm_save_to_buffer(a, &x);
	cjm_save_to_buffer(b, &y);
	assert_int_equal(x.len, y.len);
	assert_memory_equal(x.data, y.data, x.len);
	strbuf_release(&x);
	strbuf_release(&y);
	cjm_map_free(a);
	cjm_map_free(b);
}

static char *temp_dir(void)
{
	char tmpl[] = "/tmp/cjm-save-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	return strdup(dir);
}

static size_t count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d));)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void test_atomic_write_keeps_mode_and_leaves_nothing(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char path[512], link[512];
	snprintf(path, sizeof path, "%s/map.yaml", dir);
	snprintf(link, sizeof link, "%s/link.yaml", dir);
	const char *stage = NULL;
	assert_int_equal(cjm_write_file_atomic(path, "one\n", 4, &stage), 0);
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(cjm_write_file_atomic(path, "two\n", 4, &stage), 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_int_equal(st.st_size, 4);
	/* through a symbolic link the target is replaced and the link kept */
	assert_int_equal(symlink("map.yaml", link), 0);
	assert_int_equal(cjm_write_file_atomic(link, "three\n", 6, &stage), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 6);
	assert_int_equal(count_entries(dir), 2); /* no temporary file left */
	unlink(link);
	unlink(path);
	rmdir(dir);
	free(dir);
}

static void test_atomic_write_failure_reports_stage(void **state)
{
	(void)state;
	const char *stage = NULL;
	int err = cjm_write_file_atomic("/nonexistent-cjm-dir/map.yaml", "x", 1, &stage);
	assert_int_equal(err, ENOENT);
	assert_string_equal(stage, "create");
	/* a folder in the way: refused before a temporary file is made */
	char *dir = temp_dir();
	char sub[512];
	snprintf(sub, sizeof sub, "%s/taken", dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	char inner[600];
	snprintf(inner, sizeof inner, "%s/x", sub);
	FILE *f = fopen(inner, "w");
	fclose(f);
	err = cjm_write_file_atomic(sub, "x", 1, &stage);
	assert_int_equal(err, EISDIR);
	assert_string_equal(stage, "create");
	assert_int_equal(count_entries(dir), 1);
	unlink(inner);
	rmdir(sub);
	rmdir(dir);
	free(dir);
}

static void test_save_file(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char path[512];
	snprintf(path, sizeof path, "%s/m.yaml", dir);
	cjm_map *map = full_map();
	const char *stage = NULL;
	assert_int_equal(cjm_save_file(map, path, &stage), 0);
	diag_list *diags = diag_list_new(path);
	int err = 0;
	cjm_map *back = cjm_load_file(path, diags, NULL, &err);
	assert_non_null(back);
	assert_true(cjm_map_equal(map, back));
	diag_list_free(diags);
	cjm_map_free(back);
	cjm_map_free(map);
	unlink(path);
	rmdir(dir);
	free(dir);
}

/* A device or a folder is never replaced by the rename of an atomic write. */
static void test_atomic_write_special_files(void **state)
{
	(void)state;
	const char *stage = NULL;
	struct stat st;
	assert_int_equal(cjm_write_file_atomic("/dev/null", "x\n", 2, &stage), 0);
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	if (stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode)) {
		assert_int_equal(cjm_write_file_atomic("/dev/full", "x\n", 2, &stage), ENOSPC);
		assert_string_equal(stage, "write");
		assert_int_equal(stat("/dev/full", &st), 0);
		assert_true(S_ISCHR(st.st_mode)); /* still the device, not a file */
	}
	char dir[] = "/tmp/cjm-special-XXXXXX";
	assert_non_null(mkdtemp(dir));
	assert_int_equal(cjm_write_file_atomic(dir, "x\n", 2, &stage), EISDIR);
	assert_string_equal(stage, "create");
	assert_int_equal(rmdir(dir), 0); /* empty: nothing was left inside */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_every_field),
		cmocka_unit_test(test_awkward_texts),
		cmocka_unit_test(test_canonical_layout),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_atomic_write_keeps_mode_and_leaves_nothing),
		cmocka_unit_test(test_atomic_write_failure_reports_stage),
		cmocka_unit_test(test_save_file),
		cmocka_unit_test(test_atomic_write_special_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
