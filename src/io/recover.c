/* Recovery and lock files beside a map, so an editor crash or a second editor loses nothing. */
#include "io/recover.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "io/load.h"
#include "io/save.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define RECOVER_MODE 0600
#define LOCK_MODE 0644
/* The longest lock text: pid, host (255), user (63), time, three spaces, newline, NUL. */
#define LOCK_TEXT_MAX 512
/* How much of a lock file is read; anything longer is not a lock this code wrote. */
#define LOCK_READ_MAX 1024
/* Rounds of create / examine / replace before giving up on a lock that keeps changing. */
#define LOCK_ATTEMPTS 16
/* A lock file with no complete line yet, younger than this, is still being written: wait. */
#define LOCK_SETTLE_SECONDS 2
#define LOCK_SETTLE_STEP_NS 10000000L
/* A process that started this long after a lock was taken cannot be the lock's holder. */
#define LOCK_PID_REUSE_SLACK 60
/* lock_create: the new file was removed (as stale) before it could be checked; try again. */
#define LOCK_RETRY (-1)

struct cjm_recovery {
	char *map_path;
	char *path;
	char *lock_path;
	char *live_path;
	/* The text being written, and the last one written with the file it went to. */
	strbuf text;
	strbuf last;
	bool have_last;
	struct stat last_st;
	/* The lock this process wrote, when it holds one. */
	bool held;
	pid_t holder;
	char lock_text[LOCK_TEXT_MAX];
	size_t lock_len;
	int lock_fd; /* kept open while held, so no other file can get the same inode */
	dev_t lock_dev;
	ino_t lock_ino;
	unsigned aside_count;
};

/* ---- paths ---- */

cjm_recovery *cjm_recovery_new(const char *map_path)
{
	if (!map_path || !*map_path)
		return NULL;
	const char *slash = strrchr(map_path, '/');
	const char *base = slash ? slash + 1 : map_path;
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return NULL;
	int dir_len = (int)(base - map_path); /* the folder part, with its trailing '/' */
	cjm_recovery *r = xcalloc(1, sizeof *r);
	r->lock_fd = -1;
	r->map_path = xstrdup(map_path);
	r->path = xasprintf("%.*s.%s.cjm-recover", dir_len, map_path, base);
	r->lock_path = xasprintf("%.*s.%s.cjm-lock", dir_len, map_path, base);
	r->live_path = xasprintf("%.*s.%s.cjm-live", dir_len, map_path, base);
	return r;
}

void cjm_recovery_free(cjm_recovery *r)
{
	if (!r)
		return;
	cjm_lock_release(r);
	strbuf_release(&r->text);
	strbuf_release(&r->last);
	free(r->map_path);
	free(r->path);
	free(r->lock_path);
	free(r->live_path);
	free(r);
}

const char *cjm_recovery_path(const cjm_recovery *r)
{
	return r->path;
}

const char *cjm_recovery_live_path(const cjm_recovery *r)
{
	return r->live_path;
}

const char *cjm_recovery_lock_path(const cjm_recovery *r)
{
	return r->lock_path;
}

const char *cjm_recovery_map_path(const cjm_recovery *r)
{
	return r->map_path;
}

/* ---- the recovery file ---- */

static bool recover_same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

int cjm_recovery_write(cjm_recovery *r, const cjm_map *map)
{
	strbuf_reset(&r->text);
	cjm_save_to_buffer(map, &r->text);
	struct stat st;
	bool there = lstat(r->path, &st) == 0;
	if (there && S_ISLNK(st.st_mode))
		return ELOOP; /* cjm_write_file_atomic would replace the link's target */
	if (there && r->have_last && recover_same_file(&st, &r->last_st) && r->last.len == r->text.len &&
	    memcmp(r->last.data, r->text.data, r->text.len) == 0)
		return 0;
	/* cjm_write_file_atomic keeps an existing file's mode and gives a new one 0666 minus
	 * the umask: make the old one 0600 (best effort: it may be someone else's) and mask
	 * the new one down to 0600, so the text is never readable by others, not even briefly. */
	if (there && S_ISREG(st.st_mode) && (st.st_mode & 07777) != RECOVER_MODE)
		chmod(r->path, RECOVER_MODE);
	mode_t old_mask = umask(077);
	const char *stage = NULL;
	int err = cjm_write_file_atomic(r->path, r->text.data, r->text.len, &stage);
	umask(old_mask);
	r->have_last = false;
	if (err)
		return err;
	if (lstat(r->path, &st) == 0) {
		if ((st.st_mode & 07777) != RECOVER_MODE && chmod(r->path, RECOVER_MODE) == 0)
			lstat(r->path, &st);
		r->last_st = st;
		strbuf swap = r->last;
		r->last = r->text;
		r->text = swap;
		r->have_last = true;
	}
	return 0;
}

int cjm_recovery_write_live(cjm_recovery *r, const char *text, size_t len)
{
	struct stat st;
	bool there = lstat(r->live_path, &st) == 0;
	if (there && S_ISLNK(st.st_mode))
		return ELOOP; /* never through a planted link */
	if (there && S_ISREG(st.st_mode) && (st.st_mode & 07777) != RECOVER_MODE)
		chmod(r->live_path, RECOVER_MODE);
	mode_t old_mask = umask(077);
	const char *stage = NULL;
	int err = cjm_write_file_atomic(r->live_path, text, len, &stage);
	umask(old_mask);
	return err;
}

char *cjm_recovery_read_live(const cjm_recovery *r, size_t *len, int *err)
{
	struct stat st;
	if (lstat(r->live_path, &st) != 0) {
		*err = errno;
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = ELOOP;
		return NULL;
	}
	return cjm_read_file(r->live_path, len, err);
}

void cjm_recovery_discard_live(cjm_recovery *r)
{
	unlink(r->live_path); /* ENOENT: nothing to discard */
}

/* The most numbered names tried before giving up (a folder full of them is a mistake). */
#define RECOVER_ASIDE_MAX 10000

int cjm_recovery_move_aside(cjm_recovery *r, char **where)
{
	*where = NULL;
	struct stat st;
	if (lstat(r->path, &st) != 0)
		return errno;
	for (unsigned n = 1; n <= RECOVER_ASIDE_MAX; n++) {
		char *aside = xasprintf("%s.%u", r->path, n);
		/* link() never replaces what is there: of two names it picks a free one exactly */
		int err = link(r->path, aside) == 0 ? 0 : errno;
		if (err == 0) {
			if (unlink(r->path) != 0 && errno != ENOENT) {
				err = errno;
				unlink(aside); /* still where it was, under its own name */
				free(aside);
				return err;
			}
		} else if (err != EEXIST) {
			/* No hard links here (or not allowed for another's file): rename onto a free name. */
			struct stat there;
			if (lstat(aside, &there) == 0)
				err = EEXIST;
			else
				err = rename(r->path, aside) == 0 ? 0 : errno;
		}
		if (err == 0) {
			r->have_last = false;
			*where = aside;
			return 0;
		}
		free(aside);
		if (err != EEXIST)
			return err;
	}
	return EEXIST;
}

void cjm_recovery_discard(cjm_recovery *r)
{
	unlink(r->path); /* ENOENT: nothing to discard */
	r->have_last = false;
}

bool cjm_recovery_exists(const cjm_recovery *r, time_t *mtime)
{
	struct stat st;
	if (lstat(r->path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	if (mtime)
		*mtime = st.st_mtime;
	return true;
}

cjm_map *cjm_recovery_load(const cjm_recovery *r, diag_list *diags)
{
	struct stat st;
	if (lstat(r->path, &st) != 0) {
		diag_error(diags, 0, 0, _("cannot read the recovery file: %s"), strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_error(diags, 0, 0, _("the recovery file is not a regular file"));
		return NULL;
	}
	int err = 0;
	cjm_map *map = cjm_load_file(r->path, diags, NULL, &err);
	if (!map && err)
		diag_error(diags, 0, 0, _("cannot read the recovery file: %s"), strerror(err));
	else if (!map && diags->errors == 0)
		diag_error(diags, 0, 0, _("the recovery file is not a valid map"));
	return map;
}

bool cjm_recovery_differs(const cjm_recovery *r, const cjm_map *saved)
{
	if (!cjm_recovery_exists(r, NULL))
		return false;
	diag_list *diags = diag_list_new(r->path);
	cjm_map *map = cjm_recovery_load(r, diags);
	bool differs = !map || !saved || !cjm_map_equal(map, saved);
	cjm_map_free(map);
	diag_list_free(diags);
	return differs;
}

/* ---- the lock: who we are ---- */

/* Copies SRC into DST (CAP bytes) as one word: blanks and control characters become '_'. */
static void lock_word(char *dst, size_t cap, const char *src)
{
	size_t n = 0;
	for (; src[n] && n + 1 < cap; n++) {
		unsigned char c = (unsigned char)src[n];
		dst[n] = c <= ' ' || c == 0x7f ? '_' : (char)c;
	}
	dst[n] = '\0';
	if (n == 0 && cap > 1)
		dst[n++] = '?', dst[n] = '\0';
}

void cjm_lock_identity(cjm_lock_owner *me)
{
	memset(me, 0, sizeof *me);
	me->pid = (long)getpid();
	char host[256];
	if (gethostname(host, sizeof host) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	lock_word(me->host, sizeof me->host, host[0] ? host : "localhost");
	const struct passwd *pw = getpwuid(geteuid());
	const char *user = pw && pw->pw_name && pw->pw_name[0] ? pw->pw_name : getenv("LOGNAME");
	if (!user || !*user)
		user = getenv("USER");
	char uid[32];
	if (!user || !*user) {
		snprintf(uid, sizeof uid, "uid%lu", (unsigned long)geteuid());
		user = uid;
	}
	lock_word(me->user, sizeof me->user, user);
	me->since = time(NULL);
}

/* ---- the lock: reading one ---- */

/* Reads up to CAP - 1 bytes of FD into BUF (NUL-terminated); -1 on a read error. */
static ssize_t lock_read_fd(int fd, char *buf, size_t cap)
{
	size_t len = 0;
	while (len + 1 < cap) {
		ssize_t n = read(fd, buf + len, cap - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	return (ssize_t)len;
}

/* Parses a decimal number of digits only, at most MAX; false otherwise. */
static bool lock_number(const char *s, size_t len, long long max, long long *out)
{
	if (len == 0 || len > 19)
		return false;
	long long n = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		n = n * 10 + (s[i] - '0');
	}
	if (n > max)
		return false;
	*out = n;
	return true;
}

/* Parses "PID HOST USER SINCE\n": four words separated by one space, one line. */
static bool lock_parse(const char *text, size_t len, cjm_lock_owner *owner)
{
	if (len == 0 || text[len - 1] != '\n' || memchr(text, '\0', len))
		return false;
	const char *word[4];
	size_t word_len[4];
	size_t count = 0;
	const char *p = text, *end = text + len - 1;
	while (count < 4 && p <= end) {
		const char *stop = p;
		while (stop < end && *stop != ' ')
			stop++;
		word[count] = p;
		word_len[count++] = (size_t)(stop - p);
		p = stop + 1;
	}
	if (count != 4 || p <= end)
		return false; /* fewer or more than four words */
	for (size_t i = 0; i < 4; i++)
		for (size_t j = 0; j < word_len[i]; j++)
			if ((unsigned char)word[i][j] <= ' ' || word[i][j] == 0x7f)
				return false;
	long long pid, since;
	if (!lock_number(word[0], word_len[0], INT_MAX, &pid) || pid <= 0 ||
	    !lock_number(word[3], word_len[3], LLONG_MAX, &since) || word_len[1] == 0 ||
	    word_len[1] >= sizeof owner->host || word_len[2] == 0 || word_len[2] >= sizeof owner->user)
		return false;
	owner->pid = (long)pid;
	memcpy(owner->host, word[1], word_len[1]);
	owner->host[word_len[1]] = '\0';
	memcpy(owner->user, word[2], word_len[2]);
	owner->user[word_len[2]] = '\0';
	owner->since = (time_t)since;
	return true;
}

#ifdef __linux__
/* Linux: whether PID is a zombie, or a process that started well after SINCE (so not the
 * one that took the lock: the pid came back after a reboot). False when /proc cannot say. */
static bool lock_proc_says_gone(long pid, time_t since)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = lock_read_fd(fd, buf, sizeof buf);
	close(fd);
	const char *p = n > 0 ? strrchr(buf, ')') : NULL; /* the command name may hold anything */
	if (!p)
		return false;
	/* After the name: field 3 is the state, field 22 the start time in clock ticks after boot. */
	char state = 0;
	unsigned long long start_ticks = 0;
	int field = 2;
	for (p++; *p && field < 22;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		field++;
		if (field == 3)
			state = *p;
		else if (field == 22)
			start_ticks = strtoull(p, NULL, 10);
		while (*p && *p != ' ')
			p++;
	}
	if (state == 'Z' || state == 'X')
		return true;
	if (field != 22)
		return false;
	long ticks = sysconf(_SC_CLK_TCK);
	FILE *f = fopen("/proc/stat", "re");
	if (!f || ticks <= 0) {
		if (f)
			fclose(f);
		return false;
	}
	char *line = NULL;
	size_t cap = 0;
	long long boot = -1;
	while (boot < 0 && getline(&line, &cap, f) > 0)
		if (strncmp(line, "btime ", 6) == 0)
			boot = strtoll(line + 6, NULL, 10);
	free(line);
	fclose(f);
	if (boot < 0)
		return false;
	long long started = boot + (long long)(start_ticks / (unsigned long long)ticks);
	return started > (long long)since + LOCK_PID_REUSE_SLACK;
}
#else
static bool lock_proc_says_gone(long pid, time_t since)
{
	(void)pid;
	(void)since;
	return false;
}
#endif

/* Whether the holder of a lock taken at SINCE by PID on this host is gone. */
static bool lock_holder_gone(long pid, time_t since)
{
	if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
		return true;
	return lock_proc_says_gone(pid, since); /* EPERM: alive, another user's */
}

/* What a look at the lock file found. */
typedef struct lock_seen {
	bool readable;  /* a regular file whose text was read */
	dev_t dev;
	ino_t ino;
	char text[LOCK_READ_MAX];
	size_t len;
	cjm_lock_owner owner; /* owner.stale: it may be replaced */
} lock_seen;

/* Looks at the existing lock file. Returns 0, ENOENT when it vanished meanwhile, or
 * EISDIR when a folder stands in its place. */
static int lock_examine(const cjm_recovery *r, lock_seen *seen)
{
	struct timespec step = { 0, LOCK_SETTLE_STEP_NS };
	time_t deadline = time(NULL) + LOCK_SETTLE_SECONDS;
	for (;;) {
		memset(seen, 0, sizeof *seen);
		struct stat st;
		int fd = open(r->lock_path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0) {
			if (errno == ENOENT || lstat(r->lock_path, &st) != 0)
				return ENOENT;
		} else if (fstat(fd, &st) != 0) {
			close(fd);
			return ENOENT;
		}
		if (S_ISDIR(st.st_mode)) {
			if (fd >= 0)
				close(fd);
			return EISDIR;
		}
		seen->dev = st.st_dev;
		seen->ino = st.st_ino;
		seen->owner.since = st.st_mtime;
		if (fd < 0 || !S_ISREG(st.st_mode)) {
			/* Unreadable, a link, a pipe...: nobody can say who holds it, so it is live. */
			if (fd >= 0)
				close(fd);
			return 0;
		}
		ssize_t n = lock_read_fd(fd, seen->text, sizeof seen->text);
		close(fd);
		if (n < 0)
			return 0; /* unreadable: live, as above */
		seen->readable = true;
		seen->len = (size_t)n;
		bool partial = seen->len < sizeof seen->text - 1 &&
			       (seen->len == 0 || seen->text[seen->len - 1] != '\n');
		time_t now = time(NULL);
		if (partial && now - st.st_mtime < LOCK_SETTLE_SECONDS && now < deadline) {
			nanosleep(&step, NULL); /* its writer is between create and write */
			continue;
		}
		if (!lock_parse(seen->text, seen->len, &seen->owner)) {
			/* Garbage (or a write cut short by a crash): no live cjm wrote this, so it is
			 * stale, and it is safe to take over. */
			seen->owner.stale = true;
			return 0;
		}
		cjm_lock_owner me;
		cjm_lock_identity(&me);
		seen->owner.stale = strcmp(seen->owner.host, me.host) == 0 &&
				    lock_holder_gone(seen->owner.pid, seen->owner.since);
		return 0;
	}
}

/* ---- the lock: taking and releasing ---- */

/* Creates the lock file holding R->lock_text, and keeps it open. Returns 0, an errno
 * (EEXIST: it exists), or LOCK_RETRY when the new file was taken for stale and removed
 * before we checked it. */
static int lock_create(cjm_recovery *r)
{
	int fd = open(r->lock_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, LOCK_MODE);
	if (fd < 0)
		return errno;
	struct stat mine, now;
	int err = cjm_write_all(fd, r->lock_text, r->lock_len);
	if (!err && fstat(fd, &mine) != 0)
		err = errno;
	if (err) {
		close(fd);
		unlink(r->lock_path);
		return err;
	}
	/* The file written must still be the lock: a racing editor might have found it
	 * empty for LOCK_SETTLE_SECONDS (a very slow write) and replaced it. */
	if (lstat(r->lock_path, &now) != 0 || now.st_dev != mine.st_dev || now.st_ino != mine.st_ino) {
		close(fd);
		return LOCK_RETRY;
	}
	r->lock_fd = fd;
	r->lock_dev = mine.st_dev;
	r->lock_ino = mine.st_ino;
	return 0;
}

/* Whether the file at PATH is the one SEEN described: same inode, same text. */
static bool lock_still_seen(const char *path, const lock_seen *seen)
{
	struct stat st;
	if (lstat(path, &st) != 0 || st.st_dev != seen->dev || st.st_ino != seen->ino)
		return false;
	if (!seen->readable)
		return true;
	char text[LOCK_READ_MAX];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = lock_read_fd(fd, text, sizeof text);
	close(fd);
	return n >= 0 && (size_t)n == seen->len && memcmp(text, seen->text, seen->len) == 0;
}

/* Removes the lock file SEEN described. Renaming it aside first makes this exact: of
 * several editors replacing the same stale lock only one moves it, and one that moved a
 * newer lock by mistake (it changed after the look) puts it back. Returns 0, LOCK_RETRY
 * when the lock changed or vanished, or an errno (a read-only folder). */
static int lock_remove_seen(cjm_recovery *r, const lock_seen *seen)
{
	char *aside = xasprintf("%s.%ld-%u.gone", r->lock_path, (long)getpid(), r->aside_count++);
	int err = 0;
	if (rename(r->lock_path, aside) != 0) {
		err = errno == ENOENT ? LOCK_RETRY : errno;
	} else if (lock_still_seen(aside, seen)) {
		unlink(aside);
	} else {
		/* A newer lock: put it back, unless yet another one took its place. */
		if (link(aside, r->lock_path) == 0 || errno == EEXIST)
			unlink(aside);
		else
			rename(aside, r->lock_path); /* no hard links on this file system */
		err = LOCK_RETRY;
	}
	free(aside);
	return err;
}

/* Whether the lock file is the one this R wrote. Async-signal-safe, no allocation. */
static bool lock_is_ours(const cjm_recovery *r)
{
	int fd = open(r->lock_path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	char text[LOCK_READ_MAX];
	bool ours = fstat(fd, &st) == 0 && st.st_dev == r->lock_dev && st.st_ino == r->lock_ino &&
		    S_ISREG(st.st_mode) && (size_t)st.st_size == r->lock_len;
	if (ours) {
		ssize_t n = lock_read_fd(fd, text, sizeof text);
		ours = n >= 0 && (size_t)n == r->lock_len && memcmp(text, r->lock_text, r->lock_len) == 0;
	}
	close(fd);
	return ours;
}

int cjm_lock_take(cjm_recovery *r, bool force, cjm_lock_owner *owner)
{
	cjm_lock_owner scratch;
	if (!owner)
		owner = &scratch;
	memset(owner, 0, sizeof *owner);
	if (r->held && r->holder == getpid() && lock_is_ours(r))
		return 0;
	if (r->lock_fd >= 0 && r->holder == getpid())
		close(r->lock_fd); /* held once, but the file was replaced since */
	r->lock_fd = -1;
	r->held = false;

	cjm_lock_owner me;
	cjm_lock_identity(&me);
	int n = snprintf(r->lock_text, sizeof r->lock_text, "%ld %s %s %lld\n", me.pid, me.host, me.user,
			 (long long)me.since);
	r->lock_len = n > 0 && (size_t)n < sizeof r->lock_text ? (size_t)n : 0;

	cjm_lock_owner replaced = { 0 };
	lock_seen *seen = xmalloc(sizeof *seen);
	int err = EEXIST;
	for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
		err = lock_create(r);
		if (err == 0) {
			r->held = true;
			r->holder = getpid();
			*owner = replaced;
			break;
		}
		if (err == LOCK_RETRY) {
			err = EEXIST;
			continue;
		}
		if (err != EEXIST)
			break;
		err = lock_examine(r, seen);
		if (err == ENOENT) {
			err = EEXIST;
			continue; /* released meanwhile: create again */
		}
		if (err)
			break;
		*owner = seen->owner;
		if (!seen->owner.stale && !force) {
			err = EEXIST;
			break;
		}
		err = lock_remove_seen(r, seen);
		if (err == LOCK_RETRY) {
			err = EEXIST;
			continue;
		}
		if (err)
			break;
		replaced = seen->owner;
		replaced.replaced = true;
	}
	free(seen);
	if (err == 0 && !r->held)
		err = EEXIST; /* out of attempts: it kept changing under us, someone else is taking it */
	return err;
}

void cjm_lock_release(cjm_recovery *r)
{
	if (!r || !r->held || r->holder != getpid())
		return; /* not held, or a forked child: the lock is its parent's */
	int saved = errno;
	r->held = false;
	if (lock_is_ours(r))
		unlink(r->lock_path);
	close(r->lock_fd);
	r->lock_fd = -1;
	errno = saved;
}

bool cjm_lock_held(const cjm_recovery *r)
{
	return r && r->held && r->holder == getpid();
}
