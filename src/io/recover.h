/* Recovery and lock files beside a map, so an editor crash or a second editor loses nothing. */
#ifndef CJM_RECOVER_H
#define CJM_RECOVER_H

#include <stdbool.h>
#include <time.h>

#include "model/map.h"
#include "util/diag.h"

/*
 * For a map at DIR/NAME the editor keeps two hidden files in the same folder,
 * so they live on the same disk and survive whatever the map survives:
 *
 *   DIR/.NAME.cjm-recover  the unsaved map, as a normal (canonical) map file,
 *                          mode 0600; `cjm validate` and `cjm fmt` read it.
 *   DIR/.NAME.cjm-live     a hosted live session's state (cjm-live(7)): the
 *                          open vote with its answers and the inbox of notes,
 *                          as live/host.h writes it, mode 0600.
 *   DIR/.NAME.cjm-lock     "PID HOST USER SINCE\n" (SINCE in seconds since
 *                          the epoch), mode 0644 so other users see who holds it.
 *
 * Paths are taken as given: a map path that is a symbolic link gets its
 * files beside the link, under the link's name (not beside its target).
 * The recovery path itself is never followed as a link (see _write).
 */
typedef struct cjm_recovery cjm_recovery; /* one per open map */

/* Computes the paths; touches nothing. NULL when MAP_PATH is NULL, empty or ends in '/'.
 * (Not meant for "-", standard input: that has no folder to keep files in.) */
cjm_recovery *cjm_recovery_new(const char *map_path);
/* Releases the lock if this process holds it, then frees R. NULL is fine. */
void cjm_recovery_free(cjm_recovery *r);
const char *cjm_recovery_path(const cjm_recovery *r);      /* e.g. "dir/.map.yaml.cjm-recover" */
const char *cjm_recovery_lock_path(const cjm_recovery *r); /* e.g. "dir/.map.yaml.cjm-lock" */
const char *cjm_recovery_map_path(const cjm_recovery *r);  /* MAP_PATH as given */

/* Writes MAP's canonical YAML to the recovery file atomically (cjm_write_file_atomic:
 * temporary file, fsync, rename), with mode 0600. Returns 0 or an errno, with the
 * previous recovery file untouched and no temporary file left on failure:
 * ENOENT/ENOTDIR the folder is gone, EACCES/EROFS it is read-only, ENOSPC/EDQUOT
 * the disk is full, ELOOP the recovery path is a symbolic link (never followed,
 * so a planted link cannot make the editor overwrite another file).
 * When the text is the same as the last write and the file is still the one
 * written, the disk is not touched, so calling it on every tick costs nothing.
 * Sets the umask briefly: call it from the editor's one thread, not a signal handler. */
int cjm_recovery_write(cjm_recovery *r, const cjm_map *map);
/* The session's state file: written atomically with mode 0600 (0 or an errno, ELOOP
 * for a link, as _write), read back (NULL with *ERR: ENOENT when there is none), and
 * removed once the session has nothing to keep. */
const char *cjm_recovery_live_path(const cjm_recovery *r); /* e.g. "dir/.map.yaml.cjm-live" */
int cjm_recovery_write_live(cjm_recovery *r, const char *text, size_t len);
char *cjm_recovery_read_live(const cjm_recovery *r, size_t *len, int *err);
void cjm_recovery_discard_live(cjm_recovery *r);
/* Moves the recovery file aside, to the first free numbered name beside it
 * (DIR/.NAME.cjm-recover.1, .2, ...), never over an existing file, so that what it holds
 * is kept while the editor writes its own. *WHERE (malloc'd) gets the new name.
 * Returns 0, ENOENT when there is none, or an errno (the file is then where it was). */
int cjm_recovery_move_aside(cjm_recovery *r, char **where);
/* Removes the recovery file (after a clean save or quit); ENOENT is not an error. */
void cjm_recovery_discard(cjm_recovery *r);
/* Is there a recovery file (a regular file, not a link)? If so, *MTIME (may be NULL) gets its time. */
bool cjm_recovery_exists(const cjm_recovery *r, time_t *mtime);
/* Loads the recovery file: NULL with at least one error in DIAGS when it cannot be
 * read or is not a valid map (the caller says so and keeps the file). */
cjm_map *cjm_recovery_load(const cjm_recovery *r, diag_list *diags);
/* Whether the recovery file holds something other than SAVED (the map as on disk;
 * NULL when the map file does not exist): false when there is no recovery file or
 * its map is cjm_map_equal to SAVED (the editor may then discard it silently);
 * true otherwise, including when it is unreadable or invalid (ask, then load to say why). */
bool cjm_recovery_differs(const cjm_recovery *r, const cjm_map *saved);

/* Who holds (or held) a lock. */
typedef struct cjm_lock_owner {
	long pid;       /* 0 when unknown (an unreadable or garbled lock file) */
	char host[256];
	char user[64];
	time_t since;   /* when the lock was taken */
	bool stale;     /* its process is dead (same host only), or the file is garbled */
	bool replaced;  /* cjm_lock_take returned 0 by replacing this lock (stale, or FORCE) */
} cjm_lock_owner;

/* Takes the lock, creating the file with O_CREAT|O_EXCL so that of two editors racing
 * exactly one wins. Returns:
 *   0       taken. *OWNER is zeroed, or, when an existing lock was replaced,
 *           describes it with owner->replaced set and owner->stale telling whether
 *           its holder was dead (mention it) or FORCE pushed a live one aside.
 *   EEXIST  another live cjm holds it (*OWNER says who). A lock from another host
 *           always counts as live, since its pid cannot be checked from here; so does
 *           a lock file that cannot be read (pid 0, empty host and user).
 *   other   an errno: EACCES/EROFS read-only folder, ENOENT/ENOTDIR no folder...
 *           The editor then opens without a lock and says so.
 * A lock is stale when its host is this host and its pid is dead, or (on Linux)
 * the process now bearing that pid started after the lock was taken (pid reused
 * after a reboot); a file that does not parse as a lock counts as stale too.
 * FORCE takes the lock even from a live owner. Taking a lock R already holds returns 0.
 * OWNER may be NULL. */
int cjm_lock_take(cjm_recovery *r, bool force, cjm_lock_owner *owner);
/* Releases the lock if this process holds it through R and the lock file is still the one
 * it wrote (a lock someone else rewrote or replaced is left alone). Idempotent; a forked
 * child never removes its parent's lock. Uses only async-signal-safe calls and no
 * allocation, so atexit and signal handlers may call it. */
void cjm_lock_release(cjm_recovery *r);
/* Whether R holds the lock (cjm_lock_take returned 0 and it was not released). */
bool cjm_lock_held(const cjm_recovery *r);
/* Fills *ME with what this process writes in a lock: pid, host, user, now. */
void cjm_lock_identity(cjm_lock_owner *me);

#endif
