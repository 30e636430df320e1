/* Unit tests for recovery and lock files: paths, atomic 0600 writes, moving aside, loading, staleness, races, release. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "model/map.h"
#include "io/recover.h"
#include "io/save.h"

/* ---- helpers ---- */

static char *temp_dir(void)
{
	char tmpl[] = "/tmp/cjm-recover-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	return strdup(dir);
}

static size_t count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d));)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* Removes DIR and the files in it (one level: the tests make no deeper folders). */
static void remove_dir(char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		for (struct dirent *e; (e = readdir(d));) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char path[1024];
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			unlink(path);
		}
		closedir(d);
	}
	chmod(dir, 0700);
	rmdir(dir);
	free(dir);
}

static cjm_recovery *recovery_in(const char *dir)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/map.yaml", dir);
	cjm_recovery *r = cjm_recovery_new(path);
	assert_non_null(r);
	return r;
}

static cjm_map *sample_map(const char *title)
{
	cjm_map *map = cjm_map_new(title);
	cjm_phase *phase = cjm_phase_new("orient", "Oriëntatie");
	cjm_map_insert_phase(map, 0, phase);
	cjm_touchpoint *tp = cjm_touchpoint_new("compare", "Compare prices");
	tp->has_emotion = true;
	tp->emotion = -2;
	cjm_strlist_push(&tp->pains, "true");
	cjm_strlist_push(&tp->ideas, "line one\nline two");
	cjm_phase_insert_touchpoint(phase, 0, tp);
	return map;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	static char buf[4096];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* A pid that surely belongs to no process: a child that has exited and been reaped. */
static pid_t dead_pid(void)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return pid;
}

/* Writes a lock file for R by hand: PID on HOST (NULL: this host) taken at SINCE. */
static void write_lock(const cjm_recovery *r, long pid, const char *host, long long since)
{
	cjm_lock_owner me;
	cjm_lock_identity(&me);
	char text[512];
	snprintf(text, sizeof text, "%ld %s %s %lld\n", pid, host ? host : me.host, me.user, since);
	write_text(cjm_recovery_lock_path(r), text);
}

/* ---- paths ---- */

static void test_paths(void **state)
{
	(void)state;
	static const struct {
		const char *map, *recover, *lock;
	} cases[] = {
		{ "map.yaml", ".map.yaml.cjm-recover", ".map.yaml.cjm-lock" },
		{ "dir/map.yaml", "dir/.map.yaml.cjm-recover", "dir/.map.yaml.cjm-lock" },
		{ "/abs/dir/map.yaml", "/abs/dir/.map.yaml.cjm-recover", "/abs/dir/.map.yaml.cjm-lock" },
		{ "/map.yaml", "/.map.yaml.cjm-recover", "/.map.yaml.cjm-lock" },
		{ "./a b/Reis ë.yaml", "./a b/.Reis ë.yaml.cjm-recover", "./a b/.Reis ë.yaml.cjm-lock" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		cjm_recovery *r = cjm_recovery_new(cases[i].map);
		assert_non_null(r);
		assert_string_equal(cjm_recovery_path(r), cases[i].recover);
		assert_string_equal(cjm_recovery_lock_path(r), cases[i].lock);
		assert_string_equal(cjm_recovery_map_path(r), cases[i].map);
		cjm_recovery_free(r);
	}
	assert_null(cjm_recovery_new(NULL));
	assert_null(cjm_recovery_new(""));
	assert_null(cjm_recovery_new("dir/"));
	assert_null(cjm_recovery_new("dir/.."));
	cjm_recovery_free(NULL);
}

/* Making one, asking about it and freeing it create nothing on disk. */
static void test_new_touches_nothing(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	assert_false(cjm_recovery_exists(r, NULL));
	assert_false(cjm_recovery_differs(r, NULL));
	assert_false(cjm_lock_held(r));
	cjm_lock_release(r);
	cjm_recovery_discard(r); /* ENOENT is fine */
	cjm_recovery_free(r);
	assert_int_equal(count_entries(dir), 0);
	remove_dir(dir);
}

/* ---- the recovery file ---- */

static void test_round_trip(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	cjm_map *map = sample_map("Overstappen");
	mode_t old_mask = umask(0); /* the file is 0600 whatever the umask */
	time_t before = time(NULL);
	assert_int_equal(cjm_recovery_write(r, map), 0);
	umask(old_mask);

	time_t mtime = 0;
	assert_true(cjm_recovery_exists(r, &mtime));
	assert_true(mtime >= before - 1 && mtime <= time(NULL) + 1);
	assert_true(cjm_recovery_exists(r, NULL));
	struct stat st;
	assert_int_equal(lstat(cjm_recovery_path(r), &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(count_entries(dir), 1); /* no temporary file left */

	/* The content is a normal map file: the canonical text of the map. */
	strbuf canonical = { 0 };
	cjm_save_to_buffer(map, &canonical);
	assert_string_equal(read_text(cjm_recovery_path(r)), canonical.data);
	strbuf_release(&canonical);

	diag_list *diags = diag_list_new(cjm_recovery_path(r));
	cjm_map *back = cjm_recovery_load(r, diags);
	assert_non_null(back);
	assert_int_equal(diags->errors, 0);
	assert_true(cjm_map_equal(map, back));
	cjm_map_free(back);
	diag_list_free(diags);

	/* A newer version replaces it. */
	free(map->title);
	map->title = strdup("Overstappen, tweede versie");
	assert_int_equal(cjm_recovery_write(r, map), 0);
	diags = diag_list_new(cjm_recovery_path(r));
	back = cjm_recovery_load(r, diags);
	assert_non_null(back);
	assert_string_equal(back->title, "Overstappen, tweede versie");
	cjm_map_free(back);
	diag_list_free(diags);
	assert_int_equal(count_entries(dir), 1);

	cjm_recovery_discard(r);
	assert_false(cjm_recovery_exists(r, NULL));
	cjm_recovery_discard(r); /* twice: ENOENT is not an error */
	assert_int_equal(count_entries(dir), 0);
	cjm_map_free(map);
	cjm_recovery_free(r);
	remove_dir(dir);
}

/* An existing recovery file with a wider mode (someone chmod-ed it) becomes 0600 again. */
static void test_mode_tightened(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	write_text(cjm_recovery_path(r), "old\n");
	assert_int_equal(chmod(cjm_recovery_path(r), 0644), 0);
	cjm_map *map = sample_map("Mode");
	assert_int_equal(cjm_recovery_write(r, map), 0);
	struct stat st;
	assert_int_equal(stat(cjm_recovery_path(r), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(count_entries(dir), 1);
	cjm_map_free(map);
	cjm_recovery_free(r);
	remove_dir(dir);
}

/* Writing the same text again does not touch the disk, unless the file was removed or changed. */
static void test_unchanged_write_skipped(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	cjm_map *map = sample_map("Same");
	struct stat a, b;
	assert_int_equal(cjm_recovery_write(r, map), 0);
	assert_int_equal(stat(cjm_recovery_path(r), &a), 0);
	assert_int_equal(cjm_recovery_write(r, map), 0);
	assert_int_equal(stat(cjm_recovery_path(r), &b), 0);
	assert_true(a.st_ino == b.st_ino); /* an atomic write would have made a new file */

	/* Someone else replaced it: written again. */
	write_text(cjm_recovery_path(r), "not a map: [\n");
	assert_int_equal(cjm_recovery_write(r, map), 0);
	assert_false(cjm_recovery_differs(r, map));

	/* Removed behind our back, or discarded: written again. */
	unlink(cjm_recovery_path(r));
	assert_int_equal(cjm_recovery_write(r, map), 0);
	assert_true(cjm_recovery_exists(r, NULL));
	cjm_recovery_discard(r);
	assert_int_equal(cjm_recovery_write(r, map), 0);
	assert_true(cjm_recovery_exists(r, NULL));

	/* A change is written. */
	map->phases[0]->touchpoints[0]->emotion = 3;
	assert_int_equal(cjm_recovery_write(r, map), 0);
	assert_false(cjm_recovery_differs(r, map));
	cjm_map_free(map);
	cjm_recovery_free(r);
	remove_dir(dir);
}

static void test_write_fails_cleanly(void **state)
{
	(void)state;
	cjm_map *map = sample_map("Nowhere");
	char *dir = temp_dir();
	char path[1024];

	/* A missing folder. */
	snprintf(path, sizeof path, "%s/gone/map.yaml", dir);
	cjm_recovery *r = cjm_recovery_new(path);
	assert_int_equal(cjm_recovery_write(r, map), ENOENT);
	assert_false(cjm_recovery_exists(r, NULL));
	cjm_recovery_free(r);

	/* A "folder" that is a file. */
	snprintf(path, sizeof path, "%s/file", dir);
	write_text(path, "x");
	snprintf(path, sizeof path, "%s/file/map.yaml", dir);
	r = cjm_recovery_new(path);
	assert_int_equal(cjm_recovery_write(r, map), ENOTDIR);
	cjm_recovery_free(r);
	remove_dir(dir);

	/* A read-only folder (permissions do not stop root, so only as another user). */
	if (geteuid() != 0) {
		dir = temp_dir();
		r = recovery_in(dir);
		assert_int_equal(chmod(dir, 0555), 0);
		assert_int_equal(cjm_recovery_write(r, map), EACCES);
		assert_false(cjm_recovery_exists(r, NULL));
		assert_int_equal(count_entries(dir), 0);
		cjm_recovery_free(r);
		remove_dir(dir);
	}

	/* A folder that takes no new files even from root. */
	r = cjm_recovery_new("/proc/map.yaml");
	int err = cjm_recovery_write(r, map);
	assert_true(err != 0);
	assert_false(cjm_recovery_exists(r, NULL));
	cjm_recovery_free(r);
	cjm_map_free(map);
}

/* A link at the recovery path is never followed, so it cannot be used to overwrite another file. */
static void test_write_refuses_link(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	char victim[1024];
	snprintf(victim, sizeof victim, "%s/victim", dir);
	write_text(victim, "precious\n");
	assert_int_equal(symlink(victim, cjm_recovery_path(r)), 0);
	cjm_map *map = sample_map("Link");
	assert_int_equal(cjm_recovery_write(r, map), ELOOP);
	assert_string_equal(read_text(victim), "precious\n");
	assert_false(cjm_recovery_exists(r, NULL));
	assert_int_equal(count_entries(dir), 2);
	cjm_map_free(map);
	cjm_recovery_free(r);
	remove_dir(dir);
}

static void test_load_bad(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);

	/* Missing: NULL with a message. */
	diag_list *diags = diag_list_new(cjm_recovery_path(r));
	assert_null(cjm_recovery_load(r, diags));
	assert_true(diags->errors > 0);
	diag_list_free(diags);

	/* Invalid: NULL with diagnostics, and the file is kept. */
	write_text(cjm_recovery_path(r), "version: 1\ntitle: [unclosed\n");
	diags = diag_list_new(cjm_recovery_path(r));
	assert_null(cjm_recovery_load(r, diags));
	assert_true(diags->errors > 0);
	diag_list_free(diags);
	assert_true(cjm_recovery_exists(r, NULL));

	/* Not a regular file. */
	unlink(cjm_recovery_path(r));
	assert_int_equal(mkfifo(cjm_recovery_path(r), 0600), 0);
	assert_false(cjm_recovery_exists(r, NULL));
	diags = diag_list_new(cjm_recovery_path(r));
	assert_null(cjm_recovery_load(r, diags));
	assert_true(diags->errors > 0);
	diag_list_free(diags);

	cjm_recovery_free(r);
	remove_dir(dir);
}

static void test_differs(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	cjm_map *saved = sample_map("Saved");
	cjm_map *edited = cjm_map_clone(saved);

	assert_false(cjm_recovery_differs(r, saved)); /* no recovery file */

	assert_int_equal(cjm_recovery_write(r, edited), 0);
	assert_false(cjm_recovery_differs(r, saved)); /* same content: may be discarded silently */

	cjm_strlist_push(&edited->phases[0]->touchpoints[0]->ideas, "typed in the workshop");
	assert_int_equal(cjm_recovery_write(r, edited), 0);
	assert_true(cjm_recovery_differs(r, saved));
	assert_false(cjm_recovery_differs(r, edited));
	assert_true(cjm_recovery_differs(r, NULL)); /* the map file does not exist (any more) */

	write_text(cjm_recovery_path(r), "phases: [\n");
	assert_true(cjm_recovery_differs(r, saved)); /* unreadable: ask */

	cjm_map_free(edited);
	cjm_map_free(saved);
	cjm_recovery_free(r);
	remove_dir(dir);
}

/* ---- the lock ---- */

static void test_lock_take_and_conflict(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *a = recovery_in(dir), *b = recovery_in(dir);
	cjm_lock_owner me, owner;
	cjm_lock_identity(&me);

	assert_int_equal(cjm_lock_take(a, false, &owner), 0);
	assert_false(owner.replaced);
	assert_false(owner.stale);
	assert_int_equal(owner.pid, 0);
	assert_true(cjm_lock_held(a));
	/* The file: "pid host user since". */
	char expect[512];
	long long since = 0;
	char *text = read_text(cjm_recovery_lock_path(a));
	assert_non_null(text);
	snprintf(expect, sizeof expect, "%ld %s %s ", me.pid, me.host, me.user);
	assert_memory_equal(text, expect, strlen(expect));
	since = strtoll(text + strlen(expect), NULL, 10);
	assert_true(since >= (long long)me.since - 1 && since <= (long long)time(NULL) + 1);
	assert_int_equal(count_entries(dir), 1);

	/* Taking it again through the same object is fine. */
	assert_int_equal(cjm_lock_take(a, false, NULL), 0);

	/* A second editor (here: another object, same live process) is refused and told who. */
	assert_int_equal(cjm_lock_take(b, false, &owner), EEXIST);
	assert_int_equal(owner.pid, (long)getpid());
	assert_string_equal(owner.host, me.host);
	assert_string_equal(owner.user, me.user);
	assert_int_equal((long long)owner.since, since);
	assert_false(owner.stale);
	assert_false(cjm_lock_held(b));
	assert_int_equal(count_entries(dir), 1);

	/* Force takes it from the live owner; the first no longer holds it. */
	assert_int_equal(cjm_lock_take(b, true, &owner), 0);
	assert_true(owner.replaced);
	assert_false(owner.stale);
	assert_int_equal(owner.pid, (long)getpid());
	assert_true(cjm_lock_held(b));
	assert_int_equal(count_entries(dir), 1); /* nothing left aside */

	/* The first's release leaves the second's lock alone. */
	cjm_lock_release(a);
	assert_false(cjm_lock_held(a));
	assert_int_equal(access(cjm_recovery_lock_path(a), F_OK), 0);
	cjm_lock_release(b);
	assert_int_equal(access(cjm_recovery_lock_path(a), F_OK), -1);
	cjm_recovery_free(a);
	cjm_recovery_free(b);
	remove_dir(dir);
}

/* Same process, same second: the texts are equal, yet a release only removes its own file. */
static void test_lock_force_same_second(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *a = recovery_in(dir), *b = recovery_in(dir);
	assert_int_equal(cjm_lock_take(a, false, NULL), 0);
	assert_int_equal(cjm_lock_take(b, true, NULL), 0);
	cjm_lock_release(a);
	assert_int_equal(access(cjm_recovery_lock_path(a), F_OK), 0);
	cjm_recovery_free(b); /* freeing releases */
	assert_int_equal(access(cjm_recovery_lock_path(a), F_OK), -1);
	cjm_recovery_free(a);
	remove_dir(dir);
}

static void test_lock_stale_dead_pid(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	pid_t dead = dead_pid();
	write_lock(r, (long)dead, NULL, (long long)time(NULL));
	cjm_lock_owner owner;
	assert_int_equal(cjm_lock_take(r, false, &owner), 0);
	assert_true(owner.stale);
	assert_true(owner.replaced);
	assert_int_equal(owner.pid, (long)dead);
	assert_true(cjm_lock_held(r));
	char expect[64];
	snprintf(expect, sizeof expect, "%ld ", (long)getpid());
	assert_memory_equal(read_text(cjm_recovery_lock_path(r)), expect, strlen(expect));
	assert_int_equal(count_entries(dir), 1);
	cjm_recovery_free(r);
	assert_int_equal(count_entries(dir), 0);
	remove_dir(dir);
}

/* A dead pid on another host proves nothing: that host's pids cannot be checked from here. */
static void test_lock_other_host_is_live(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	write_lock(r, (long)dead_pid(), "some-other-host.example", (long long)time(NULL));
	cjm_lock_owner owner;
	assert_int_equal(cjm_lock_take(r, false, &owner), EEXIST);
	assert_false(owner.stale);
	assert_string_equal(owner.host, "some-other-host.example");
	assert_false(cjm_lock_held(r));
	assert_int_equal(cjm_lock_take(r, true, &owner), 0);
	assert_true(owner.replaced);
	assert_false(owner.stale);
	cjm_recovery_free(r);
	remove_dir(dir);
}

/* Garbage in the lock file counts as stale: no live cjm writes anything but "pid host user since\n",
 * so whatever wrote this (a crash mid-write, a hand edit) holds nothing. */
static void test_lock_garbage_is_stale(void **state)
{
	(void)state;
	static const char *const garbage[] = {
		"garbage\n", "\n", "12 host user\n", "12 host user 5 extra\n", "-4 host user 5\n",
		"0 host user 5\n", "abc host user 5\n", "12 host  user 5\n", "99999999999999999999 h u 5\n",
		"12 host user 5x\n",
	};
	char *dir = temp_dir();
	for (size_t i = 0; i < sizeof garbage / sizeof *garbage; i++) {
		cjm_recovery *r = recovery_in(dir);
		write_text(cjm_recovery_lock_path(r), garbage[i]);
		cjm_lock_owner owner;
		int err = cjm_lock_take(r, false, &owner);
		if (err != 0 || !owner.stale || !owner.replaced)
			fail_msg("garbage %zu [%s]: err %d stale %d", i, garbage[i], err, owner.stale);
		assert_int_equal(owner.pid, 0);
		cjm_recovery_free(r);
		assert_int_equal(count_entries(dir), 0);
	}
	remove_dir(dir);
}

/* A lock with no complete line is waited for while young (its writer may be mid-write); an old
 * one is garbage, hence stale. */
static void test_lock_incomplete(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	write_text(cjm_recovery_lock_path(r), "");
	struct timespec old[2] = { { time(NULL) - 3600, 0 }, { time(NULL) - 3600, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, cjm_recovery_lock_path(r), old, 0), 0);
	time_t start = time(NULL);
	cjm_lock_owner owner;
	assert_int_equal(cjm_lock_take(r, false, &owner), 0);
	assert_true(owner.stale);
	assert_true(time(NULL) - start <= 1); /* no waiting for an old one */
	cjm_lock_release(r);

	/* A young empty one is waited for; a child completes it meanwhile, and it is live. */
	write_text(cjm_recovery_lock_path(r), "");
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		struct timespec pause = { 0, 200000000L };
		nanosleep(&pause, NULL);
		FILE *f = fopen(cjm_recovery_lock_path(r), "w");
		if (f) {
			fprintf(f, "%ld other-host someone %lld\n", (long)getppid(), (long long)time(NULL));
			fclose(f);
		}
		_exit(0);
	}
	assert_int_equal(cjm_lock_take(r, false, &owner), EEXIST);
	assert_string_equal(owner.host, "other-host");
	assert_string_equal(owner.user, "someone");
	int status;
	waitpid(child, &status, 0);
	cjm_recovery_free(r);
	remove_dir(dir);
}

/* Linux: a live pid whose process started long after the lock was taken is not the lock's
 * holder (the pid came back, say after a reboot): the lock is stale. */
static void test_lock_reused_pid_is_stale(void **state)
{
	(void)state;
	if (access("/proc/self/stat", R_OK) != 0)
		skip();
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	write_lock(r, (long)getpid(), NULL, 1000); /* taken in 1970 by "this" pid */
	cjm_lock_owner owner;
	assert_int_equal(cjm_lock_take(r, false, &owner), 0);
	assert_true(owner.stale);
	assert_int_equal(owner.since, 1000);
	cjm_lock_release(r);

	write_lock(r, (long)getpid(), NULL, (long long)time(NULL)); /* taken now: really live */
	assert_int_equal(cjm_lock_take(r, false, &owner), EEXIST);
	assert_false(owner.stale);
	cjm_recovery_free(r);
	remove_dir(dir);
}

static void test_lock_release(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);

	/* Idempotent, and harmless before any take (atexit may run it at any point). */
	cjm_lock_release(r);
	assert_int_equal(cjm_lock_take(r, false, NULL), 0);
	cjm_lock_release(r);
	assert_false(cjm_lock_held(r));
	assert_int_equal(access(cjm_recovery_lock_path(r), F_OK), -1);
	cjm_lock_release(r);
	cjm_lock_release(r);

	/* Rewritten in place by someone else: left alone. */
	assert_int_equal(cjm_lock_take(r, false, NULL), 0);
	write_text(cjm_recovery_lock_path(r), "4242 elsewhere bob 5\n");
	cjm_lock_release(r);
	assert_string_equal(read_text(cjm_recovery_lock_path(r)), "4242 elsewhere bob 5\n");
	unlink(cjm_recovery_lock_path(r));

	/* Replaced by another file, even with our very text: left alone. */
	assert_int_equal(cjm_lock_take(r, false, NULL), 0);
	char ours[4096], other[1024];
	snprintf(ours, sizeof ours, "%s", read_text(cjm_recovery_lock_path(r)));
	snprintf(other, sizeof other, "%s/other", dir);
	write_text(other, ours);
	assert_int_equal(rename(other, cjm_recovery_lock_path(r)), 0);
	cjm_lock_release(r);
	assert_string_equal(read_text(cjm_recovery_lock_path(r)), ours);
	unlink(cjm_recovery_lock_path(r));

	/* Removed by someone else: nothing to do. */
	assert_int_equal(cjm_lock_take(r, false, NULL), 0);
	unlink(cjm_recovery_lock_path(r));
	cjm_lock_release(r);
	assert_int_equal(count_entries(dir), 0);

	cjm_recovery_free(r);
	remove_dir(dir);
}

/* A forked child (a shell-out, a plugin) that exits through atexit keeps its parent's lock. */
static void test_lock_release_in_child(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	assert_int_equal(cjm_lock_take(r, false, NULL), 0);
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		cjm_lock_release(r);
		_exit(cjm_lock_held(r) ? 1 : 0);
	}
	int status;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(access(cjm_recovery_lock_path(r), F_OK), 0);
	assert_true(cjm_lock_held(r));
	cjm_recovery_free(r);
	assert_int_equal(count_entries(dir), 0);
	remove_dir(dir);
}

/* Editors started together: exactly one wins, whatever the timing. */
static void test_lock_race(void **state)
{
	(void)state;
	enum { EDITORS = 8, ROUNDS = 5 };
	char *dir = temp_dir();
	char path[1024];
	snprintf(path, sizeof path, "%s/map.yaml", dir);
	for (int round = 0; round < ROUNDS; round++) {
		int go[2], results[2], done[2];
		assert_int_equal(pipe(go), 0);
		assert_int_equal(pipe(results), 0);
		assert_int_equal(pipe(done), 0);
		pid_t kids[EDITORS];
		for (int i = 0; i < EDITORS; i++) {
			kids[i] = fork();
			assert_true(kids[i] >= 0);
			if (kids[i] == 0) {
				close(go[1]);
				close(results[0]);
				close(done[1]);
				char c;
				while (read(go[0], &c, 1) < 0 && errno == EINTR) {} /* EOF: go */
				cjm_recovery *r = cjm_recovery_new(path);
				int err = cjm_lock_take(r, false, NULL);
				unsigned char result = err == 0 ? 0 : err == EEXIST ? 1 : 2;
				if (write(results[1], &result, 1) != 1)
					_exit(3);
				while (read(done[0], &c, 1) < 0 && errno == EINTR) {} /* hold until all have tried */
				cjm_recovery_free(r);
				_exit(0);
			}
		}
		close(go[0]);
		close(results[1]);
		close(done[0]);
		close(go[1]); /* start */
		int winners = 0, refused = 0;
		for (int i = 0; i < EDITORS; i++) {
			unsigned char result;
			assert_int_equal(read(results[0], &result, 1), 1);
			winners += result == 0;
			refused += result == 1;
		}
		close(done[1]);
		for (int i = 0; i < EDITORS; i++) {
			int status;
			assert_int_equal(waitpid(kids[i], &status, 0), kids[i]);
			assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		}
		close(results[0]);
		assert_int_equal(winners, 1);
		assert_int_equal(refused, EDITORS - 1);
		assert_int_equal(count_entries(dir), 0); /* the winner released it; nothing aside */
	}
	remove_dir(dir);
}

/* Moving aside keeps the bytes under the first free number, never over another file. */
static void test_move_aside(void **state)
{
	(void)state;
	char *dir = temp_dir();
	cjm_recovery *r = recovery_in(dir);
	char *where = (char *)"untouched";
	assert_int_equal(cjm_recovery_move_aside(r, &where), ENOENT); /* nothing to move */
	assert_null(where);

	const char *planted = "title: [unclosed\n\001 garbage\n";
	write_text(cjm_recovery_path(r), planted);
	assert_int_equal(cjm_recovery_move_aside(r, &where), 0);
	char expect[1024];
	snprintf(expect, sizeof expect, "%s.1", cjm_recovery_path(r));
	assert_string_equal(where, expect);
	free(where);
	assert_false(cjm_recovery_exists(r, NULL));
	assert_string_equal(read_text(expect), planted);

	/* .1 is taken: the next goes to .2, and .1 keeps its bytes */
	write_text(cjm_recovery_path(r), "second\n");
	assert_int_equal(cjm_recovery_move_aside(r, &where), 0);
	snprintf(expect, sizeof expect, "%s.2", cjm_recovery_path(r));
	assert_string_equal(where, expect);
	free(where);
	assert_string_equal(read_text(expect), "second\n");
	snprintf(expect, sizeof expect, "%s.1", cjm_recovery_path(r));
	assert_string_equal(read_text(expect), planted);

	/* a free number below a taken one is found first; a link there counts as taken */
	snprintf(expect, sizeof expect, "%s.1", cjm_recovery_path(r));
	assert_int_equal(unlink(expect), 0);
	assert_int_equal(symlink("/nonexistent", expect), 0);
	write_text(cjm_recovery_path(r), "third\n");
	assert_int_equal(cjm_recovery_move_aside(r, &where), 0);
	snprintf(expect, sizeof expect, "%s.3", cjm_recovery_path(r));
	assert_string_equal(where, expect);
	free(where);
	assert_string_equal(read_text(expect), "third\n");

	/* the editor's own write then goes to the usual name, beside the kept ones */
	cjm_map *map = sample_map("Na de crash");
	assert_int_equal(cjm_recovery_write(r, map), 0);
	assert_true(cjm_recovery_exists(r, NULL));
	assert_int_equal(count_entries(dir), 4);
	cjm_map_free(map);

	/* a folder gone: an errno, nothing moved */
	cjm_recovery_free(r);
	char path[1024];
	snprintf(path, sizeof path, "%s/gone/map.yaml", dir);
	r = cjm_recovery_new(path);
	assert_int_equal(cjm_recovery_move_aside(r, &where), ENOENT);
	assert_null(where);
	cjm_recovery_free(r);
	remove_dir(dir);
}

static void test_lock_fails_cleanly(void **state)
{
	(void)state;
	char *dir = temp_dir();
	char path[1024];
	snprintf(path, sizeof path, "%s/gone/map.yaml", dir);
	cjm_recovery *r = cjm_recovery_new(path);
	cjm_lock_owner owner;
	assert_int_equal(cjm_lock_take(r, false, &owner), ENOENT);
	assert_false(cjm_lock_held(r));
	cjm_lock_release(r);
	cjm_recovery_free(r);

	if (geteuid() != 0) {
		r = recovery_in(dir);
		assert_int_equal(chmod(dir, 0555), 0);
		assert_int_equal(cjm_lock_take(r, false, &owner), EACCES);
		assert_false(cjm_lock_held(r));
		assert_int_equal(count_entries(dir), 0);
		cjm_recovery_free(r);
		assert_int_equal(chmod(dir, 0700), 0);
	}

	/* A folder in the lock's place is not a lock anyone can take over. */
	r = recovery_in(dir);
	assert_int_equal(mkdir(cjm_recovery_lock_path(r), 0700), 0);
	assert_int_equal(cjm_lock_take(r, true, &owner), EISDIR);
	assert_int_equal(rmdir(cjm_recovery_lock_path(r)), 0);
	cjm_recovery_free(r);

	r = cjm_recovery_new("/proc/map.yaml");
	assert_true(cjm_lock_take(r, false, &owner) != 0);
	assert_false(cjm_lock_held(r));
	cjm_recovery_free(r);
	remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_new_touches_nothing),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_mode_tightened),
		cmocka_unit_test(test_unchanged_write_skipped),
		cmocka_unit_test(test_write_fails_cleanly),
		cmocka_unit_test(test_write_refuses_link),
		cmocka_unit_test(test_move_aside),
		cmocka_unit_test(test_load_bad),
		cmocka_unit_test(test_differs),
		cmocka_unit_test(test_lock_take_and_conflict),
		cmocka_unit_test(test_lock_force_same_second),
		cmocka_unit_test(test_lock_stale_dead_pid),
		cmocka_unit_test(test_lock_other_host_is_live),
		cmocka_unit_test(test_lock_garbage_is_stale),
		cmocka_unit_test(test_lock_incomplete),
		cmocka_unit_test(test_lock_reused_pid_is_stale),
		cmocka_unit_test(test_lock_release),
		cmocka_unit_test(test_lock_release_in_child),
		cmocka_unit_test(test_lock_race),
		cmocka_unit_test(test_lock_fails_cleanly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
