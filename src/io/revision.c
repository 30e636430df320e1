/* Reading a map as it was in a git revision: runs `git cat-file blob REV:PATH` without a shell and keeps its output. */
#include "io/revision.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/load.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

extern char **environ;

/* Git's message is kept up to this many bytes; the rest is read and dropped. */
#define REVISION_MESSAGE_MAX 4096

bool cjm_is_revision(const char *spec)
{
	if (!spec || spec[0] == '-' || spec[0] == '/' || strncmp(spec, "./", 2) == 0 || strncmp(spec, "../", 3) == 0)
		return false; /* an option to git, standard input, or plainly a path */
	const char *colon = strchr(spec, ':');
	if (!colon || colon[1] == '\0')
		return false; /* no path after REV: ("C:", "main:") */
	struct stat st;
	if (lstat(spec, &st) == 0)
		return false; /* a file with ':' in its name is still a file */
	return errno == ENOENT || errno == ENOTDIR;
}

/* The pipes git writes to: its standard output (the blob) and its standard error. */
typedef struct revision_child {
	pid_t pid;
	int out, err;
} revision_child;

static void revision_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* A pipe whose ends close on exec (the child gets its copies by dup2); 0, or an errno. */
static int revision_pipe(int fds[2])
{
	if (pipe(fds) != 0)
		return errno;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Starts git cat-file blob SPEC with its standard input /dev/null; 0, or an errno. */
static int revision_spawn(const char *spec, revision_child *child)
{
	int out[2], err[2];
	int e = revision_pipe(out);
	if (e != 0)
		return e;
	if ((e = revision_pipe(err)) != 0) {
		close(out[0]);
		close(out[1]);
		return e;
	}
	posix_spawn_file_actions_t actions;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
	char *argv[] = { "git", "cat-file", "blob", (char *)spec, NULL };
	e = posix_spawnp(&child->pid, "git", &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	close(out[1]);
	close(err[1]);
	if (e != 0) {
		close(out[0]);
		close(err[0]);
		return e;
	}
	child->out = out[0];
	child->err = err[0];
	return 0;
}

/* Reads what FD has now into BUF, up to LIMIT bytes (the rest is dropped when DROP,
 * else *OVER is set). False at the end of the stream. */
static bool revision_drain(int fd, strbuf *buf, size_t limit, bool drop, bool *over)
{
	char chunk[65536];
	ssize_t got = read(fd, chunk, sizeof chunk);
	if (got < 0)
		return errno == EINTR || errno == EAGAIN;
	if (got == 0)
		return false;
	size_t n = (size_t)got;
	if (buf->len + n > limit) {
		if (!drop) {
			*over = true;
			return false;
		}
		n = limit > buf->len ? limit - buf->len : 0;
	}
	strbuf_add(buf, chunk, n);
	return true;
}

/* Reads both of CHILD's streams until they end, or the blob passes the size limit. */
static void revision_collect(revision_child *child, strbuf *blob, strbuf *message, bool *too_large)
{
	while (child->out >= 0 || child->err >= 0) {
		struct pollfd fds[2] = { { child->out, POLLIN, 0 }, { child->err, POLLIN, 0 } };
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (fds[0].revents && !revision_drain(child->out, blob, CJM_MAX_FILE_SIZE, false, too_large))
			revision_close(&child->out);
		if (*too_large)
			break;
		if (fds[1].revents && !revision_drain(child->err, message, REVISION_MESSAGE_MAX, true, NULL))
			revision_close(&child->err);
	}
	if (*too_large)
		kill(child->pid, SIGTERM); /* the rest of the blob is not wanted */
	revision_close(&child->out);
	revision_close(&child->err);
}

/* The last line of git's message (its "fatal: ..."), malloc'd; NULL when it said nothing. */
static char *revision_last_line(strbuf *message)
{
	size_t end = message->len;
	while (end > 0 && (message->data[end - 1] == '\n' || message->data[end - 1] == '\r'))
		end--;
	size_t start = end;
	while (start > 0 && message->data[start - 1] != '\n')
		start--;
	return end > start ? xstrndup(message->data + start, end - start) : NULL;
}

/* Why git did not give the blob, from how it ended and what it said. */
static char *revision_failure(int status, strbuf *message)
{
	char *said = revision_last_line(message);
	if (said)
		return said;
	if (WIFSIGNALED(status))
		/* TRANSLATORS: %d is a signal number. */
		return xasprintf(_("git was stopped by signal %d"), WTERMSIG(status));
	/* TRANSLATORS: %d is git's exit status. */
	return xasprintf(_("git cat-file failed (exit %d)"), WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

char *cjm_read_revision(const char *spec, size_t *len, char **why)
{
	*len = 0;
	*why = NULL;
	if (!spec || spec[0] == '-' || !strchr(spec, ':')) {
		*why = xstrdup(_("not a revision (REV:PATH)"));
		errno = EINVAL;
		return NULL;
	}
	revision_child child = { -1, -1, -1 };
	int e = revision_spawn(spec, &child);
	if (e != 0) {
		/* TRANSLATORS: %s is the system's reason, such as "No such file or directory". */
		*why = xasprintf(_("cannot run git: %s"), strerror(e));
		errno = e;
		return NULL;
	}
	strbuf blob = { 0 }, message = { 0 };
	bool too_large = false;
	revision_collect(&child, &blob, &message, &too_large);
	int status = 0;
	while (waitpid(child.pid, &status, 0) < 0 && errno == EINTR)
		;
	char *text = NULL;
	int failure = 0;
	if (too_large) {
		*why = xasprintf(_("file is too large (the limit is %u MiB)"), CJM_MAX_FILE_SIZE >> 20);
		failure = EFBIG;
	} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*why = revision_failure(status, &message);
		failure = ENOENT;
	} else {
		*len = blob.len;
		text = blob.data ? blob.data : xstrdup("");
		blob.data = NULL;
	}
	strbuf_release(&blob);
	strbuf_release(&message);
	if (failure)
		errno = failure; /* last, so that nothing above changes it */
	return text;
}
