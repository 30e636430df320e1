/* The folders live sessions' sockets live in: made and checked so only the permitted users reach them, and searched for the sessions a user can join. */
#include "live/place.h"

#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/xalloc.h"

/* The prefix of a group's folder in /tmp. */
#define GROUP_DIR_PREFIX "cjm-live-"

bool cjm_live_session_name_ok(const char *name)
{
	size_t len = name ? strlen(name) : 0;
	if (len == 0 || len > CJM_LIVE_SESSION_MAX || name[0] == '-')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') || name[i] == '-'))
			return false;
	return true;
}

char *cjm_live_session_name_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t len = strlen(base);
	for (const char *ext = ".yaml", *ext2 = ".yml"; ext; ext = ext2, ext2 = NULL) {
		size_t n = strlen(ext);
		if (len > n && strcasecmp(base + len - n, ext) == 0) {
			len -= n;
			break;
		}
	}
	char *name = xmalloc(CJM_LIVE_SESSION_MAX + 1);
	size_t out = 0;
	bool dash = false;
	for (size_t i = 0; i < len && out < CJM_LIVE_SESSION_MAX; i++) {
		char c = base[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && out > 0 && out < CJM_LIVE_SESSION_MAX)
				name[out++] = '-';
			dash = false;
			if (out < CJM_LIVE_SESSION_MAX)
				name[out++] = c;
		} else {
			dash = true;
		}
	}
	while (out > 0 && name[out - 1] == '-')
		out--;
	name[out] = '\0';
	if (out == 0)
		strcpy(name, "session");
	return name;
}

/* True when the user running cjm is in group GID (its primary group or one of its others). */
static bool user_in_group(gid_t gid)
{
	if (getegid() == gid || getgid() == gid)
		return true;
	int n = getgroups(0, NULL);
	if (n <= 0)
		return false;
	gid_t *groups = xcalloc((size_t)n, sizeof *groups);
	n = getgroups(n, groups);
	bool found = false;
	for (int i = 0; i < n && !found; i++)
		found = groups[i] == gid;
	free(groups);
	return found;
}

/*
 * Checks the folder PATH as found: a folder (not a symbolic link), owned by the
 * user, writable by nobody else; with GID not (gid_t)-1 also of that group. MODE_MASK:
 * the permission bits that must be clear. NULL when it may hold a session's
 * socket, else why not (malloc'd, translated).
 */
static char *dir_refused(const char *path, gid_t gid, mode_t mode_mask)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return xasprintf(_("cannot use the folder %s: %s"), path, strerror(errno));
	if (S_ISLNK(st.st_mode))
		return xasprintf(_("the folder %s is a symbolic link: someone may have planted it; remove it"), path);
	if (!S_ISDIR(st.st_mode))
		return xasprintf(_("%s is not a folder"), path);
	if (st.st_uid != geteuid()) {
		struct passwd *pw = getpwuid(st.st_uid);
		return xasprintf(_("the folder %s is owned by %s (uid %lu), not by you: someone may have planted it"),
				 path, pw ? pw->pw_name : "?", (unsigned long)st.st_uid);
	}
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return xasprintf(_("the folder %s may be written by others (mode %04o): someone may have planted a socket in it"),
				 path, (unsigned)(st.st_mode & 07777));
	if (st.st_mode & mode_mask)
		return xasprintf(_("the folder %s lets others in (mode %04o; it must be %04o)"), path,
				 (unsigned)(st.st_mode & 07777), (unsigned)(0777 & ~mode_mask));
	if (gid != (gid_t)-1 && st.st_gid != gid) {
		struct group *gr = getgrgid(st.st_gid);
		return xasprintf(_("the folder %s belongs to the group %s, not to the session's group"), path,
				 gr ? gr->gr_name : "?");
	}
	return NULL;
}

/* Makes the folder PATH with MODE when it is missing (whatever the umask), of group
 * GID when not (gid_t)-1, then checks it. NULL, or why not (malloc'd). */
static char *dir_make(const char *path, mode_t mode, gid_t gid)
{
	if (mkdir(path, 0700) == 0) {
		/* made 0700 first: nobody else can get in before it has its group and mode */
		if (gid != (gid_t)-1 && chown(path, (uid_t)-1, gid) != 0) {
			char *why = xasprintf(_("cannot give the folder %s its group: %s"), path, strerror(errno));
			rmdir(path);
			return why;
		}
		if (chmod(path, mode) != 0) {
			char *why = xasprintf(_("cannot set the mode of the folder %s: %s"), path, strerror(errno));
			rmdir(path);
			return why;
		}
	} else if (errno != EEXIST) {
		return xasprintf(_("cannot make the folder %s: %s"), path, strerror(errno));
	}
	return dir_refused(path, gid, 0777 & ~mode);
}

/* The user's own folder's path (not made), malloc'd. */
static char *own_dir_path(void)
{
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/cjm", xdg);
	return xasprintf("/tmp/cjm-%lu", (unsigned long)geteuid());
}

char *cjm_live_dir_prepare(const cjm_live_place *place, gid_t *gid, char **why)
{
	*gid = (gid_t)-1;
	*why = NULL;
	if (place->dir) {
		*why = dir_refused(place->dir, (gid_t)-1, 0);
		if (*why)
			return NULL;
		struct stat st;
		if (stat(place->dir, &st) == 0 && (st.st_mode & 0070) && user_in_group(st.st_gid))
			*gid = st.st_gid; /* a folder the group may enter: the socket is for the group too */
		return xstrdup(place->dir);
	}
	if (place->group) {
		struct group *gr = getgrnam(place->group);
		if (!gr) {
			*why = xasprintf(_("there is no group named %s"), place->group);
			return NULL;
		}
		gid_t g = gr->gr_gid;
		if (!user_in_group(g)) {
			*why = xasprintf(_("you are not a member of the group %s; a session for the group is hosted by one of its members"),
					 place->group);
			return NULL;
		}
		char *path = xasprintf("/tmp/" GROUP_DIR_PREFIX "%s", place->group);
		*why = dir_make(path, 0750, g);
		if (*why) {
			free(path);
			return NULL;
		}
		*gid = g;
		return path;
	}
	char *path = own_dir_path();
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	if (xdg && xdg[0] == '/') {
		struct stat st;
		if (stat(xdg, &st) != 0 || !S_ISDIR(st.st_mode)) {
			*why = xasprintf(_("XDG_RUNTIME_DIR names %s, which is not a folder"), xdg);
			free(path);
			return NULL;
		}
	}
	*why = dir_make(path, 0700, (gid_t)-1);
	if (*why) {
		free(path);
		return NULL;
	}
	return path;
}

char *cjm_live_socket_path(const char *dir, const char *name, char **why)
{
	char *path = xasprintf("%s/%s.sock", dir, name);
	struct sockaddr_un sun;
	if (strlen(path) >= sizeof sun.sun_path) {
		if (why)
			*why = xasprintf(_("the socket's path %s is too long for a socket (at most %zu bytes); use a shorter --dir or session name"),
					 path, sizeof sun.sun_path - 1);
		free(path);
		return NULL;
	}
	return path;
}

/* True when someone listens on the socket PATH (connecting to it works). */
static bool socket_listened(const char *path)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	if (strlen(path) >= sizeof sun.sun_path)
		return false;
	strcpy(sun.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return false;
	bool ok = connect(fd, (struct sockaddr *)&sun, sizeof sun) == 0;
	close(fd);
	return ok;
}

typedef struct found_list {
	cjm_live_found *items;
	size_t count, cap;
} found_list;

/* Adds every listened-on NAME.sock in DIR. */
static void found_in_dir(found_list *list, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len <= 5 || strcmp(e->d_name + len - 5, ".sock") != 0)
			continue;
		char *name = xstrndup(e->d_name, len - 5);
		char *path = cjm_live_session_name_ok(name) ? cjm_live_socket_path(dir, name, NULL) : NULL;
		struct stat st;
		if (path && lstat(path, &st) == 0 && S_ISSOCK(st.st_mode) && socket_listened(path)) {
			xgrow((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items);
			list->items[list->count++] = (cjm_live_found){ name, path };
		} else {
			free(name);
			free(path);
		}
	}
	closedir(d);
}

static int found_order(const void *a, const void *b)
{
	const cjm_live_found *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : strcmp(x->socket, y->socket);
}

cjm_live_found *cjm_live_sessions_find(const char *dir, size_t *count)
{
	found_list list = { 0 };
	if (dir) {
		found_in_dir(&list, dir);
	} else {
		char *own = own_dir_path();
		found_in_dir(&list, own);
		free(own);
		DIR *tmp = opendir("/tmp");
		struct dirent *e;
		while (tmp && (e = readdir(tmp))) {
			if (strncmp(e->d_name, GROUP_DIR_PREFIX, strlen(GROUP_DIR_PREFIX)) != 0)
				continue;
			char *path = xasprintf("/tmp/%s", e->d_name);
			struct stat st;
			if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
			    (user_in_group(st.st_gid) || access(path, R_OK | X_OK) == 0))
				found_in_dir(&list, path);
			free(path);
		}
		if (tmp)
			closedir(tmp);
	}
	if (list.count > 1)
		qsort(list.items, list.count, sizeof *list.items, found_order);
	*count = list.count;
	return list.items;
}

void cjm_live_found_free(cjm_live_found *found, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(found[i].name);
		free(found[i].socket);
	}
	free(found);
}
