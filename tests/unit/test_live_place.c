/* Unit tests for where live sessions' sockets are: session names, the folders made and refused, the socket path's limit, and finding the sessions listened on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <cmocka.h>

#include "live/place.h"
#include "util/xalloc.h"

static char tmp[64];

static int setup(void **state)
{
	(void)state;
	strcpy(tmp, "/tmp/cjm-place-test.XXXXXX");
	return mkdtemp(tmp) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_session_names(void **state)
{
	(void)state;
	assert_true(cjm_live_session_name_ok("energy-switch"));
	assert_true(cjm_live_session_name_ok("7"));
	assert_false(cjm_live_session_name_ok(""));
	assert_false(cjm_live_session_name_ok("-x"));
	assert_false(cjm_live_session_name_ok("Energy"));
	assert_false(cjm_live_session_name_ok("a/b"));
	assert_false(cjm_live_session_name_ok("a.sock"));
	char longest[CJM_LIVE_SESSION_MAX + 2];
	memset(longest, 'a', sizeof longest - 1);
	longest[sizeof longest - 1] = '\0';
	assert_false(cjm_live_session_name_ok(longest));
	longest[CJM_LIVE_SESSION_MAX] = '\0';
	assert_true(cjm_live_session_name_ok(longest));

	const struct {
		const char *path, *name;
	} cases[] = {
		{ "maps/Energy switch.yaml", "energy-switch" },
		{ "/a/b/klantreis--2026.YML", "klantreis-2026" },
		{ "Überstappen!.yaml", "berstappen" },
		{ "....yaml", "session" },
		{ "plain", "plain" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *name = cjm_live_session_name_from_path(cases[i].path);
		assert_string_equal(name, cases[i].name);
		assert_true(cjm_live_session_name_ok(name));
		free(name);
	}
	char *path = xasprintf("%0200d.yaml", 7);
	char *name = cjm_live_session_name_from_path(path);
	assert_int_equal(strlen(name), CJM_LIVE_SESSION_MAX);
	assert_true(cjm_live_session_name_ok(name));
	free(name);
	free(path);
}

/* cjm_live_dir_prepare for --dir DIR: NULL and the reason, or the folder. */
static char *prepare_dir(const char *dir, char **why)
{
	cjm_live_place place = { .dir = dir };
	gid_t gid;
	return cjm_live_dir_prepare(&place, &gid, why);
}

static void expect_refused(const char *dir, const char *reason)
{
	char *why = NULL;
	char *got = prepare_dir(dir, &why);
	assert_null(got);
	assert_non_null(why);
	if (!strstr(why, reason))
		fail_msg("\"%s\" does not say \"%s\"", why, reason);
	free(why);
}

static void test_dir_checks(void **state)
{
	(void)state;
	char *good = xasprintf("%s/good", tmp);
	assert_int_equal(mkdir(good, 0700), 0);
	char *why = NULL;
	char *got = prepare_dir(good, &why);
	assert_non_null(got);
	assert_null(why);
	assert_string_equal(got, good);
	free(got);

	char *link = xasprintf("%s/link", tmp);
	assert_int_equal(symlink(good, link), 0);
	expect_refused(link, "is a symbolic link: someone may have planted it");

	char *open = xasprintf("%s/open", tmp);
	assert_int_equal(mkdir(open, 0700), 0);
	assert_int_equal(chmod(open, 0777), 0);
	expect_refused(open, "may be written by others (mode 0777)");
	assert_int_equal(chmod(open, 0770), 0);
	expect_refused(open, "may be written by others (mode 0770)");

	char *missing = xasprintf("%s/missing", tmp);
	expect_refused(missing, "cannot use the folder");

	if (geteuid() == 0) {
		/* only root can give a folder to someone else */
		char *theirs = xasprintf("%s/theirs", tmp);
		assert_int_equal(mkdir(theirs, 0700), 0);
		assert_int_equal(chown(theirs, 65534, 65534), 0);
		expect_refused(theirs, "(uid 65534), not by you: someone may have planted it");
		free(theirs);
	}
	free(missing);
	free(open);
	free(link);
	free(good);
}

static void test_own_dir(void **state)
{
	(void)state;
	char *old = xstrdup(getenv("XDG_RUNTIME_DIR"));
	setenv("XDG_RUNTIME_DIR", tmp, 1);
	mode_t mask = umask(0); /* a careless umask: the folder is 0700 all the same */
	cjm_live_place place = { 0 };
	gid_t gid = 0;
	char *why = NULL;
	char *dir = cjm_live_dir_prepare(&place, &gid, &why);
	umask(mask);
	assert_non_null(dir);
	char *want = xasprintf("%s/cjm", tmp);
	assert_string_equal(dir, want);
	assert_int_equal(gid, (gid_t)-1);
	struct stat st;
	assert_int_equal(lstat(dir, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0700);
	free(dir);
	/* found again as made: fine; opened up by someone: refused */
	dir = cjm_live_dir_prepare(&place, &gid, &why);
	assert_non_null(dir);
	free(dir);
	assert_int_equal(chmod(want, 0755), 0);
	dir = cjm_live_dir_prepare(&place, &gid, &why);
	assert_null(dir);
	assert_non_null(strstr(why, "lets others in (mode 0755; it must be 0700)"));
	free(why);
	free(want);
	if (old)
		setenv("XDG_RUNTIME_DIR", old, 1);
	else
		unsetenv("XDG_RUNTIME_DIR");
	free(old);
}

static void test_group_not_member(void **state)
{
	(void)state;
	cjm_live_place place = { .group = "no-such-group-cjm" };
	gid_t gid;
	char *why = NULL;
	assert_null(cjm_live_dir_prepare(&place, &gid, &why));
	assert_string_equal(why, "there is no group named no-such-group-cjm");
	free(why);
	if (getegid() != 65534) {
		place.group = "nogroup";
		why = NULL;
		char *dir = cjm_live_dir_prepare(&place, &gid, &why);
		if (!dir) { /* a system without that group says so instead */
			assert_true(strstr(why, "you are not a member of the group nogroup") ||
				    strstr(why, "there is no group named nogroup"));
		}
		free(dir);
		free(why);
	}
}

static void test_socket_path_limit(void **state)
{
	(void)state;
	char *why = NULL;
	char *path = cjm_live_socket_path("/run/user/1000/cjm", "energy-switch", &why);
	assert_string_equal(path, "/run/user/1000/cjm/energy-switch.sock");
	free(path);
	char dir[120];
	memset(dir, 'd', sizeof dir - 1);
	dir[0] = '/';
	dir[sizeof dir - 1] = '\0';
	assert_null(cjm_live_socket_path(dir, "energy-switch", &why));
	assert_non_null(strstr(why, "is too long for a socket (at most 107 bytes)"));
	free(why);
}

/* A socket at DIR/NAME.sock: listening (the descriptor returned) or left behind (-1). */
static int make_socket(const char *dir, const char *name, bool listening)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	snprintf(sun.sun_path, sizeof sun.sun_path, "%s/%s.sock", dir, name);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&sun, sizeof sun), 0);
	if (!listening) {
		close(fd);
		return -1;
	}
	assert_int_equal(listen(fd, 4), 0);
	return fd;
}

static void test_sessions_find(void **state)
{
	(void)state;
	char *dir = xasprintf("%s/find", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	int b = make_socket(dir, "werkplaats", true);
	int a = make_socket(dir, "energy-switch", true);
	make_socket(dir, "crashed", false);
	int bad = make_socket(dir, "Not-A-Name", true);
	size_t count = 99;
	cjm_live_found *found = cjm_live_sessions_find(dir, &count);
	assert_int_equal(count, 2);
	assert_string_equal(found[0].name, "energy-switch");
	char *want = xasprintf("%s/energy-switch.sock", dir);
	assert_string_equal(found[0].socket, want);
	assert_string_equal(found[1].name, "werkplaats");
	cjm_live_found_free(found, count);
	free(want);
	close(a);
	close(b);
	close(bad);
	found = cjm_live_sessions_find(dir, &count);
	assert_int_equal(count, 0);
	cjm_live_found_free(found, count);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session_names),
		cmocka_unit_test(test_dir_checks),
		cmocka_unit_test(test_own_dir),
		cmocka_unit_test(test_group_not_member),
		cmocka_unit_test(test_socket_path_limit),
		cmocka_unit_test(test_sessions_find),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
