/* Where live sessions' sockets are: the folders, their permissions, and finding the sessions a user can join. */
#ifndef CJM_LIVE_PLACE_H
#define CJM_LIVE_PLACE_H

/*
 * A session is a Unix domain socket NAME.sock in a folder only the permitted
 * users can reach (cjm-live(7), ACCESS):
 *
 *   own     $XDG_RUNTIME_DIR/cjm/, mode 0700, owned by the facilitator: only
 *           the facilitator's own terminals (and SSH logins to that account).
 *           Without XDG_RUNTIME_DIR: /tmp/cjm-UID/, same rules.
 *   group   /tmp/cjm-live-GROUP/, mode 0750, owned by the facilitator and the
 *           group GROUP, the socket 0660: the members of GROUP on a shared
 *           workshop machine.
 *   dir     a folder given with --dir: as found, checked like the above
 *           (owned by the user, not writable by group or others).
 *
 * A folder that exists but is owned by someone else, is a symbolic link, or is
 * writable by others is refused with the reason: someone may have planted it.
 * A session's NAME is 1..64 characters of [a-z0-9-], starting with a letter or
 * digit, so it is safe as a file name and in a forced SSH command.
 */

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define CJM_LIVE_SESSION_MAX 64

/* True when NAME is a valid session name (above). */
bool cjm_live_session_name_ok(const char *name);
/* A session name made from a map's path: its base name without .yaml/.yml, lower
 * case, every run of other characters one '-', cut to the limit ("Energy switch.yaml"
 * gives "energy-switch"); "session" when nothing is left. Malloc'd. */
char *cjm_live_session_name_from_path(const char *path);

/* How the facilitator's folder is chosen. */
typedef struct cjm_live_place {
	const char *dir;   /* --dir, or NULL */
	const char *group; /* --group, or NULL */
} cjm_live_place;

/* The folder for PLACE, created when missing and checked (above); malloc'd, or
 * NULL with *WHY (malloc'd, translated) saying what is wrong. *GID gets the group
 * the socket is to be made for, or (gid_t)-1 for none. */
char *cjm_live_dir_prepare(const cjm_live_place *place, gid_t *gid, char **why);
/* DIR/NAME.sock, malloc'd; NULL when it would not fit a socket address (*WHY says so). */
char *cjm_live_socket_path(const char *dir, const char *name, char **why);

/* A session found by cjm_live_sessions_find. */
typedef struct cjm_live_found {
	char *name;   /* the session's name */
	char *socket; /* its socket's path */
} cjm_live_found;

/* Every session socket this user may reach: in its own folder, the group folders of
 * groups it is in, and DIR when not NULL (then only there). Sockets nobody listens
 * on are left out. Sorted by name; free with cjm_live_found_free. */
cjm_live_found *cjm_live_sessions_find(const char *dir, size_t *count);
void cjm_live_found_free(cjm_live_found *found, size_t count);

#endif
