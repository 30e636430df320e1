/* Unit tests for saving: canonical text, round trips, awkward strings, atomic files that keep what they replace. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "model/map.h"
#include "io/load.h"
#include "io/save.h"

/* Texts that YAML would otherwise read as something else, or that need quoting or blocks. */
static const char *const awkward[] = {
	"true", "False", "null", "~", "", "yes", "No", "ON", "off", "123", "-3", "0x1F", "1e3", ".inf", "3.14",
	"a: b", "- dash", "#hash", "key #not a comment", "'single'", "\"double\"", "[flow]", "{map}",
	"&anchor", "*alias", "!tag", "%percent", "@at", "`tick`", "| pipe", "> fold", "? question",
	"trailing space ", " leading space", "Oriëntatie & Keuze", "emoji 🎉 ok", "tab\there",
	"line one\nline two", "ends with newline\n", "\nstarts with newline", /* CR is not map text: see the characters below */
	"back\\slash", ("a very long idea that a facilitator typed during a workshop while the room "
			"talked about the first invoice which arrives before the goods and that nobody understands"),
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

/* ---- saves keep what they replace ---- */

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* True when PATH holds exactly TEXT. */
static bool holds(const char *path, const char *text)
{
	char buf[256];
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return strcmp(buf, text) == 0;
}

/* Removes DIR with the files, links and empty folders in it. */
static void remove_dir(char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d));) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (unlinkat(dirfd(d), e->d_name, 0) != 0)
			assert_int_equal(unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR), 0);
	}
	closedir(d);
	assert_int_equal(rmdir(dir), 0);
	free(dir);
}

/* As root (who may give files away), a file owned by someone else keeps its owner
 * and group; as anyone else the check is skipped (a user cannot make such a file). */
static void test_atomic_write_keeps_owner_and_group(void **state)
{
	(void)state;
	if (geteuid() != 0) {
		skip();
		return;
	}
	char *dir = temp_dir();
	char path[512];
	snprintf(path, sizeof path, "%s/m.yaml", dir);
	write_text(path, "old\n");
	assert_int_equal(chown(path, 12345, 23456), 0);
	assert_int_equal(chmod(path, 02664), 0); /* chown clears set-group-id: set after it */
	const char *stage = NULL;
	assert_int_equal(cjm_write_file_atomic(path, "new\n", 4, &stage), 0);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_uid, 12345);
	assert_int_equal(st.st_gid, 23456);
	assert_int_equal(st.st_mode & 07777, 02664);
	assert_true(holds(path, "new\n"));
	assert_int_equal(count_entries(dir), 1);
	remove_dir(dir);
}

/* A file with other names is refused, not split from them; both names keep the old text. */
static void test_atomic_write_refuses_hard_links(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char path[512], other[512];
	snprintf(path, sizeof path, "%s/m.yaml", dir);
	snprintf(other, sizeof other, "%s/other.yaml", dir);
	write_text(path, "old\n");
	assert_int_equal(link(path, other), 0);
	const char *stage = NULL;
	assert_int_equal(cjm_write_file_atomic(path, "new\n", 4, &stage), EMLINK);
	assert_string_equal(stage, "check");
	assert_true(holds(path, "old\n"));
	assert_true(holds(other, "old\n"));
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_nlink, 2);
	assert_int_equal(count_entries(dir), 2);
	char *why = cjm_save_failure(path, EMLINK, stage);
	assert_non_null(strstr(why, "it has 2 hard links"));
	free(why);
	/* once the other name is gone, the save goes ahead */
	assert_int_equal(unlink(other), 0);
	assert_int_equal(cjm_write_file_atomic(path, "new\n", 4, &stage), 0);
	assert_true(holds(path, "new\n"));
	remove_dir(dir);
}

/* A read-only file (no write bit for its owner: judged by the bits, also for root) is refused. */
static void test_atomic_write_refuses_read_only(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char path[512], link[512];
	snprintf(path, sizeof path, "%s/m.yaml", dir);
	snprintf(link, sizeof link, "%s/link.yaml", dir);
	write_text(path, "old\n");
	assert_int_equal(chmod(path, 0444), 0);
	assert_int_equal(symlink("m.yaml", link), 0);
	const char *paths[] = { path, link }; /* also through a link to it */
	for (size_t i = 0; i < 2; i++) {
		const char *stage = NULL;
		assert_int_equal(cjm_write_file_atomic(paths[i], "new\n", 4, &stage), EACCES);
		assert_string_equal(stage, "check");
		assert_true(holds(path, "old\n"));
		struct stat st;
		assert_int_equal(stat(path, &st), 0);
		assert_int_equal(st.st_mode & 07777, 0444);
		assert_int_equal(count_entries(dir), 2);
		char *why = cjm_save_failure(paths[i], EACCES, stage);
		assert_non_null(strstr(why, "read-only"));
		free(why);
	}
	/* writable by the owner: saved, and the mode kept */
	assert_int_equal(chmod(path, 0644), 0);
	const char *stage = NULL;
	assert_int_equal(cjm_write_file_atomic(path, "new\n", 4, &stage), 0);
	assert_true(holds(path, "new\n"));
	remove_dir(dir);
}

/* A symbolic link to nothing (or a loop) is refused: never replaced by a regular
 * file, and no target is made up. */
static void test_atomic_write_refuses_dangling_links(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char link[512], target[512], a[512], b[512];
	snprintf(link, sizeof link, "%s/m.yaml", dir);
	snprintf(target, sizeof target, "%s/gone.yaml", dir);
	snprintf(a, sizeof a, "%s/a.yaml", dir);
	snprintf(b, sizeof b, "%s/b.yaml", dir);
	assert_int_equal(symlink("gone.yaml", link), 0);
	const char *stage = NULL;
	assert_int_equal(cjm_write_file_atomic(link, "new\n", 4, &stage), ENOENT);
	assert_string_equal(stage, "check");
	struct stat st;
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(target, &st), -1);
	assert_int_equal(count_entries(dir), 1);
	char *why = cjm_save_failure(link, ENOENT, stage);
	assert_string_equal(why, "a symbolic link to gone.yaml, which does not exist: create that file, or save "
				 "under another name");
	free(why);
	assert_int_equal(symlink("b.yaml", a), 0);
	assert_int_equal(symlink("a.yaml", b), 0);
	assert_int_equal(cjm_write_file_atomic(a, "new\n", 4, &stage), ELOOP);
	assert_string_equal(stage, "check");
	assert_int_equal(lstat(a, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(count_entries(dir), 3);
	/* once the target is there, the link is written through */
	write_text(target, "old\n");
	assert_int_equal(cjm_write_file_atomic(link, "new\n", 4, &stage), 0);
	assert_true(holds(target, "new\n"));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	remove_dir(dir);
}

/* The next save removes the temporary files interrupted saves of that file left,
 * and nothing else: not another file's, not a look-alike name, not a link, not
 * one a live save holds locked, not someone else's. */
static void test_atomic_write_removes_stale_temporary_files(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char path[512], name[600];
	snprintf(path, sizeof path, "%s/m.yaml", dir);
	write_text(path, "old\n");
	const char *stale[] = { ".m.yaml.tmp-Ab3dE9", ".m.yaml.tmp-zzzzzz" };
	const char *kept[] = { ".m.yaml.tmp-Ab3dE", ".m.yaml.tmp-Ab3dE9x", ".n.yaml.tmp-Ab3dE9",
			       "m.yaml.tmp-Ab3dE9", ".m.yaml.tmp-Ab3-E9", ".m.yaml.orig" };
	for (size_t i = 0; i < sizeof stale / sizeof *stale; i++) {
		snprintf(name, sizeof name, "%s/%s", dir, stale[i]);
		write_text(name, "half a save");
	}
	for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
		snprintf(name, sizeof name, "%s/%s", dir, kept[i]);
		write_text(name, "keep me");
	}
	snprintf(name, sizeof name, "%s/.m.yaml.tmp-LINK00", dir);
	assert_int_equal(symlink("m.yaml", name), 0);
	snprintf(name, sizeof name, "%s/.m.yaml.tmp-DIR000", dir);
	assert_int_equal(mkdir(name, 0700), 0);
	snprintf(name, sizeof name, "%s/.m.yaml.tmp-LOCKED", dir);
	write_text(name, "being written");
	int locked = open(name, O_RDONLY);
	assert_true(locked >= 0);
	assert_int_equal(flock(locked, LOCK_EX), 0);
	char theirs[600];
	snprintf(theirs, sizeof theirs, "%s/.m.yaml.tmp-THEIRS", dir);
	write_text(theirs, "someone else's");
	if (geteuid() == 0)
		assert_int_equal(chown(theirs, 12345, 12345), 0);
	else
		assert_int_equal(unlink(theirs), 0); /* a user cannot give a file away */
	size_t before = count_entries(dir);
	const char *stage = NULL;
	assert_int_equal(cjm_write_file_atomic(path, "new\n", 4, &stage), 0);
	assert_true(holds(path, "new\n"));
	assert_int_equal(count_entries(dir), before - 2);
	for (size_t i = 0; i < sizeof stale / sizeof *stale; i++) {
		struct stat st;
		snprintf(name, sizeof name, "%s/%s", dir, stale[i]);
		assert_int_equal(lstat(name, &st), -1);
	}
	for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
		snprintf(name, sizeof name, "%s/%s", dir, kept[i]);
		assert_true(holds(name, "keep me"));
	}
	snprintf(name, sizeof name, "%s/.m.yaml.tmp-LOCKED", dir);
	assert_true(holds(name, "being written"));
	/* the lock released (the writer died), the next save removes it */
	close(locked);
	assert_int_equal(cjm_write_file_atomic(path, "newer\n", 6, &stage), 0);
	assert_int_equal(count_entries(dir), before - 3);
	assert_int_equal(access(name, F_OK), -1);
	if (geteuid() == 0)
		assert_true(holds(theirs, "someone else's"));
	remove_dir(dir);
}

/* The messages say which rule refused a save, or which step failed. */
static void test_save_failure_texts(void **state)
{
	(void)state;
	char *why = cjm_save_failure("m.yaml", ENOSPC, "write");
	assert_string_equal(why, "write failed: No space left on device");
	free(why);
	why = cjm_save_failure("m.yaml", EACCES, "create");
	assert_string_equal(why, "create failed: Permission denied");
	free(why);
	why = cjm_save_failure("m.yaml", EACCES, "check");
	assert_string_equal(why, "read-only: make it writable, or save under another name");
	free(why);
}

/* ---- backups (cjm_keep_backup): numbered, never over an earlier one ---- */

/* The whole of PATH as a string (malloc'd), or NULL. */
static char *backup_read(const char *path)
{
	size_t len = 0;
	int err = 0;
	char *data = cjm_read_file(path, &len, &err);
	char *text = data ? strndup(data, len) : NULL;
	free(data);
	return text;
}

static void test_backup_numbers_and_keeps_earlier_ones(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char path[512], name[600];
	snprintf(path, sizeof path, "%s/m.yaml", dir);
	char *backup = NULL;
	assert_int_equal(cjm_keep_backup(path, "# first\n", 8, &backup), 0);
	snprintf(name, sizeof name, "%s.orig", path);
	assert_string_equal(backup, name);
	free(backup);
	assert_int_equal(cjm_keep_backup(path, "# second\n", 9, &backup), 0);
	snprintf(name, sizeof name, "%s.orig.1", path);
	assert_string_equal(backup, name);
	free(backup);
	/* then the next number */
	assert_int_equal(cjm_keep_backup(path, "# third\n", 8, &backup), 0);
	snprintf(name, sizeof name, "%s.orig.2", path);
	assert_string_equal(backup, name);
	free(backup);
	snprintf(name, sizeof name, "%s.orig", path);
	char *text = backup_read(name);
	assert_string_equal(text, "# first\n");
	free(text);
	snprintf(name, sizeof name, "%s.orig.1", path);
	text = backup_read(name);
	assert_string_equal(text, "# second\n");
	free(text);
	snprintf(name, sizeof name, "%s.orig.2", path);
	text = backup_read(name);
	assert_string_equal(text, "# third\n");
	free(text);
	/* a dangling symbolic link takes a name too, and is not written through */
	snprintf(name, sizeof name, "%s.orig.3", path);
	assert_int_equal(symlink("nowhere", name), 0);
	assert_int_equal(cjm_keep_backup(path, "x", 1, &backup), 0);
	snprintf(name, sizeof name, "%s.orig.4", path);
	assert_string_equal(backup, name);
	free(backup);
	snprintf(name, sizeof name, "%s/nowhere", dir);
	assert_int_equal(access(name, F_OK), -1);
	assert_int_equal(count_entries(dir), 5);
	for (int n = 0; n <= 4; n++) {
		if (n == 0)
			snprintf(name, sizeof name, "%s.orig", path);
		else
			snprintf(name, sizeof name, "%s.orig.%d", path, n);
		assert_int_equal(unlink(name), 0);
	}
	rmdir(dir);
	free(dir);
}

static void test_backup_all_names_taken(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char path[512], name[600];
	snprintf(path, sizeof path, "%s/m.yaml", dir);
	snprintf(name, sizeof name, "%s.orig", path);
	assert_int_equal(mkdir(name, 0755), 0);
	for (int n = 1; n <= CJM_BACKUP_MAX; n++) {
		snprintf(name, sizeof name, "%s.orig.%d", path, n);
		assert_int_equal(mkdir(name, 0755), 0);
	}
	char *backup = NULL;
	assert_int_equal(cjm_keep_backup(path, "x", 1, &backup), EEXIST);
	snprintf(name, sizeof name, "%s.orig.%d", path, CJM_BACKUP_MAX);
	assert_string_equal(backup, name);
	free(backup);
	assert_int_equal(count_entries(dir), CJM_BACKUP_MAX + 1); /* nothing new */
	for (int n = 0; n <= CJM_BACKUP_MAX; n++) {
		if (n == 0)
			snprintf(name, sizeof name, "%s.orig", path);
		else
			snprintf(name, sizeof name, "%s.orig.%d", path, n);
		assert_int_equal(rmdir(name), 0);
	}
	/* a folder that is not there: the errno, and nothing made */
	snprintf(path, sizeof path, "%s/no-such/m.yaml", dir);
	assert_int_equal(cjm_keep_backup(path, "x", 1, &backup), ENOENT);
	free(backup);
	assert_int_equal(count_entries(dir), 0);
	rmdir(dir);
	free(dir);
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
		cmocka_unit_test(test_atomic_write_keeps_owner_and_group),
		cmocka_unit_test(test_atomic_write_refuses_hard_links),
		cmocka_unit_test(test_atomic_write_refuses_read_only),
		cmocka_unit_test(test_atomic_write_refuses_dangling_links),
		cmocka_unit_test(test_atomic_write_removes_stale_temporary_files),
		cmocka_unit_test(test_save_failure_texts),
		/* backups */
		cmocka_unit_test(test_backup_numbers_and_keeps_earlier_ones),
		cmocka_unit_test(test_backup_all_names_taken),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
