/* A file's history from git: the commits that changed it (one git log) and their blobs (one git cat-file --batch). */
#include "io/git_log.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

extern char **environ;

/* Requests written to git cat-file before its answers are read: few enough that
 * they always fit in the pipe (so writing never waits on a git that waits on us). */
#define GIT_BLOB_WINDOW 64

/* The options every git command here starts with: no pager, no colour, paths as they are. */
#define GIT_COMMON "git", "--no-pager", "-c", "core.quotepath=off", "-c", "color.ui=never"

/* ---- parsing git log -z --raw ---- */

static bool git_is_hex(const char *s, size_t len)
{
	if (len < 4)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

static bool git_is_null_id(const char *s)
{
	return s[strspn(s, "0")] == '\0';
}

static void git_commit_release(cjm_git_commit *c)
{
	free(c->id);
	free(c->date);
	free(c->author);
	free(c->subject);
	free(c->path);
	free(c->old_path);
	free(c->blob);
	memset(c, 0, sizeof *c);
}

void cjm_git_history_release(cjm_git_history *history)
{
	for (size_t i = 0; i < history->count; i++)
		git_commit_release(&history->commits[i]);
	free(history->commits);
	memset(history, 0, sizeof *history);
}

/* The NUL-terminated pieces of git's output, one at a time. */
typedef struct git_tokens {
	const char *at, *end;
} git_tokens;

/* The next piece, without the line feeds git puts before a record; NULL at the end. */
static const char *git_token(git_tokens *t, size_t *len)
{
	if (t->at >= t->end)
		return NULL;
	const char *nul = memchr(t->at, '\0', (size_t)(t->end - t->at));
	const char *start = t->at;
	const char *stop = nul ? nul : t->end;
	t->at = nul ? nul + 1 : t->end;
	while (start < stop && *start == '\n')
		start++;
	*len = (size_t)(stop - start);
	return start;
}

/* One raw line ":MODE MODE OLD NEW STATUS" and its paths into C, unless C already
 * holds a change that is not a deletion. False when it is not of that form. */
static bool git_parse_raw(git_tokens *t, const char *raw, size_t len, cjm_git_commit *c)
{
	char *line = xstrndup(raw + 1, len - 1);
	char *field[5] = { 0 };
	size_t n = 0;
	for (char *save = NULL, *word = strtok_r(line, " ", &save); word && n < 5; word = strtok_r(NULL, " ", &save))
		field[n++] = word;
	bool ok = n == 5 && git_is_hex(field[3], strlen(field[3])) && field[4][0] != '\0';
	char status = ok ? field[4][0] : '\0';
	bool two_paths = status == 'R' || status == 'C';
	size_t len1 = 0, len2 = 0;
	const char *path1 = ok ? git_token(t, &len1) : NULL;
	const char *path2 = ok && path1 && two_paths ? git_token(t, &len2) : NULL;
	ok = ok && path1 && len1 > 0 && (!two_paths || (path2 && len2 > 0));
	bool keep = ok && (!c->status || (c->status == 'D' && status != 'D'));
	if (keep) {
		free(c->path);
		free(c->old_path);
		free(c->blob);
		c->status = status;
		c->path = two_paths ? xstrndup(path2, len2) : xstrndup(path1, len1);
		c->old_path = two_paths ? xstrndup(path1, len1) : NULL;
		c->blob = status == 'D' || git_is_null_id(field[3]) ? NULL : xstrdup(field[3]);
	}
	free(line);
	return ok;
}

bool cjm_git_log_parse(const char *text, size_t len, cjm_git_history *history)
{
	cjm_git_history_release(history);
	git_tokens t = { text, text + len };
	size_t n;
	const char *tok = git_token(&t, &n);
	while (tok) {
		if (n == 0 && t.at >= t.end)
			return true; /* the end of the last record */
		if (n < 2 || tok[0] != 'C' || !git_is_hex(tok + 1, n - 1))
			return false;
		cjm_git_commit c = { 0 };
		c.id = xstrndup(tok + 1, n - 1);
		char **fields[3] = { &c.date, &c.author, &c.subject };
		for (size_t i = 0; i < 3; i++) {
			const char *f = git_token(&t, &n);
			if (!f) {
				git_commit_release(&c);
				return false;
			}
			*fields[i] = xstrndup(f, n);
		}
		while ((tok = git_token(&t, &n)) && n > 0 && tok[0] == ':')
			if (!git_parse_raw(&t, tok, n, &c)) {
				git_commit_release(&c);
				return false;
			}
		if (!c.status) { /* git lists a commit of the file with no change to it: never */
			git_commit_release(&c);
			return false;
		}
		xgrow((void **)&history->commits, &history->cap, history->count + 1, sizeof *history->commits);
		history->commits[history->count++] = c;
	}
	return true;
}

/* ---- running git ---- */

typedef struct git_process {
	pid_t pid;
	int in, out; /* our ends of its standard input and output; -1 when not piped */
	FILE *errors; /* its standard error */
} git_process;

static void git_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Starts ARGV (argv[0] looked up in PATH, no shell), its standard error into a
 * temporary file, its standard input a pipe when WITH_INPUT (else /dev/null). */
static bool git_start(char *const *argv, bool with_input, git_process *p, char **why)
{
	int out[2] = { -1, -1 }, in[2] = { -1, -1 };
	p->pid = -1;
	p->in = p->out = -1;
	p->errors = tmpfile();
	bool ok = p->errors && pipe(out) == 0 && (!with_input || pipe(in) == 0);
	posix_spawn_file_actions_t actions;
	int err = ok ? posix_spawn_file_actions_init(&actions) : errno;
	if (ok && err == 0) {
		if (with_input)
			posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
		else
			posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
		posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
		posix_spawn_file_actions_adddup2(&actions, fileno(p->errors), STDERR_FILENO);
		int fds[] = { in[0], in[1], out[0], out[1], fileno(p->errors) };
		for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
			if (fds[i] > STDERR_FILENO)
				posix_spawn_file_actions_addclose(&actions, fds[i]);
		err = posix_spawnp(&p->pid, argv[0], &actions, NULL, argv, environ);
		posix_spawn_file_actions_destroy(&actions);
	}
	git_close(&out[1]);
	git_close(&in[0]);
	if (!ok || err != 0) {
		/* TRANSLATORS: %s says why (strerror): "cannot run git: No such file or directory". */
		*why = xasprintf(_("cannot run git: %s"), strerror(err ? err : errno));
		git_close(&out[0]);
		git_close(&in[1]);
		if (p->errors)
			fclose(p->errors);
		p->errors = NULL;
		p->pid = -1;
		return false;
	}
	p->out = out[0];
	p->in = in[1];
	return true;
}

/* Waits for P to end; CJM_GIT_OK when it exited 0, else CJM_GIT_FAILED with what
 * it wrote on standard error (its last line that says anything) in *WHY. */
static cjm_git_failure git_finish(git_process *p, char **why)
{
	git_close(&p->in);
	git_close(&p->out);
	int status = 0;
	while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR)
		;
	strbuf text = { 0 };
	char buf[4096];
	size_t n;
	rewind(p->errors);
	while ((n = fread(buf, 1, sizeof buf, p->errors)) > 0 && text.len < 65536)
		strbuf_add(&text, buf, n);
	fclose(p->errors);
	p->errors = NULL;
	cjm_git_failure result = CJM_GIT_OK;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		result = CJM_GIT_FAILED;
		/* git's message: its first line (fatal: ..., error: ...), without the hints after */
		const char *s = text.data ? text.data : "";
		while (*s == '\n')
			s++;
		size_t len = strcspn(s, "\n");
		if (len)
			*why = xstrndup(s, len);
		else if (WIFEXITED(status))
			/* TRANSLATORS: git ended without saying why; %d is its exit status. */
			*why = xasprintf(_("git exited with status %d"), WEXITSTATUS(status));
		else
			*why = xasprintf(_("git was killed by signal %d"), WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	}
	strbuf_release(&text);
	return result;
}

/* Reads all of FD into OUT; false on a read error. */
static bool git_read_all(int fd, strbuf *out)
{
	char buf[65536];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		if (n == 0)
			return true;
		strbuf_add(out, buf, (size_t)n);
	}
}

cjm_git_failure cjm_git_log_read(const char *dir, const char *path, const char *range, cjm_git_history *history,
				 char **why)
{
	char *argv[32] = { GIT_COMMON, "-c", "log.showSignature=false", "-C", (char *)dir, "log", "--follow",
			   "--no-color", "--no-textconv", "--no-ext-diff", "--encoding=UTF-8", "-z", "--raw", "--no-abbrev",
			   "--diff-merges=first-parent", "--format=C%H%x00%aI%x00%aN%x00%s" };
	size_t n = 0;
	while (argv[n])
		n++;
	if (range)
		argv[n++] = (char *)range;
	argv[n++] = "--";
	argv[n++] = (char *)path;
	git_process p;
	if (!git_start(argv, false, &p, why))
		return CJM_GIT_NO_GIT;
	strbuf out = { 0 };
	bool read_ok = git_read_all(p.out, &out);
	cjm_git_failure result = git_finish(&p, why);
	if (result == CJM_GIT_OK && (!read_ok || !cjm_git_log_parse(out.data ? out.data : "", out.len, history))) {
		*why = xstrdup(_("git log wrote what cjm did not ask for"));
		result = CJM_GIT_GARBLED;
	}
	strbuf_release(&out);
	return result;
}

cjm_git_failure cjm_git_tracks(const char *dir, const char *path, char **why)
{
	char *argv[] = { GIT_COMMON, "-C", (char *)dir, "ls-files", "--error-unmatch", "--", (char *)path, NULL };
	git_process p;
	if (!git_start(argv, false, &p, why))
		return CJM_GIT_NO_GIT;
	strbuf out = { 0 };
	git_read_all(p.out, &out);
	strbuf_release(&out);
	return git_finish(&p, why);
}

/* ---- reading blobs with git cat-file --batch ---- */

/* Buffered reading of git's answers. */
typedef struct git_reader {
	int fd;
	char buf[65536];
	size_t at, len;
	bool eof, failed;
} git_reader;

static bool git_fill(git_reader *r)
{
	if (r->at < r->len)
		return true;
	for (;;) {
		ssize_t n = read(r->fd, r->buf, sizeof r->buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			r->eof = true;
			r->failed = n < 0;
			return false;
		}
		r->at = 0;
		r->len = (size_t)n;
		return true;
	}
}

/* The next line, without its line feed, into LINE; false at the end. */
static bool git_read_line(git_reader *r, strbuf *line)
{
	strbuf_reset(line);
	strbuf_add(line, "", 0);
	while (git_fill(r)) {
		const char *nl = memchr(r->buf + r->at, '\n', r->len - r->at);
		size_t take = nl ? (size_t)(nl - (r->buf + r->at)) : r->len - r->at;
		if (line->len < 4096)
			strbuf_add(line, r->buf + r->at, take);
		r->at += take + (nl ? 1 : 0);
		if (nl)
			return true;
	}
	return false;
}

/* LEN bytes into OUT (or passed over when OUT is NULL); false when git stopped short. */
static bool git_read_bytes(git_reader *r, strbuf *out, size_t len)
{
	while (len > 0 && git_fill(r)) {
		size_t take = r->len - r->at < len ? r->len - r->at : len;
		if (out)
			strbuf_add(out, r->buf + r->at, take);
		r->at += take;
		len -= take;
	}
	return len == 0;
}

static bool git_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* Reads the answer to one request and hands it to FN; false when git's answer is garbled. */
static bool git_read_blob(git_reader *r, strbuf *line, strbuf *blob, size_t index, size_t max,
			  cjm_git_blob_fn *fn, void *arg)
{
	if (!git_read_line(r, line))
		return false;
	const char *type = strchr(line->data, ' ');
	if (type && strcmp(type, " missing") == 0) {
		fn(arg, index, NULL, 0, _("git has no such blob"));
		return true;
	}
	const char *size_text = type ? strchr(type + 1, ' ') : NULL;
	if (!size_text)
		return false;
	char *end;
	errno = 0;
	unsigned long long size = strtoull(size_text + 1, &end, 10);
	if (*end != '\0' || errno != 0 || size > (unsigned long long)SIZE_MAX - 1)
		return false;
	strbuf_reset(blob);
	bool fits = size <= max;
	if (!git_read_bytes(r, fits ? blob : NULL, (size_t)size) || !git_read_bytes(r, NULL, 1))
		return false;
	if (fits) {
		strbuf_add(blob, "", 0); /* NUL-terminated even when empty */
		fn(arg, index, blob->data, blob->len, NULL);
	} else {
		fn(arg, index, NULL, 0, _("file is too large"));
	}
	return true;
}

cjm_git_failure cjm_git_read_blobs(const char *dir, const char *const *ids, size_t count, size_t max,
				   cjm_git_blob_fn *fn, void *arg, char **why)
{
	char *argv[] = { GIT_COMMON, "-C", (char *)dir, "cat-file", "--batch", NULL };
	git_process p;
	if (!git_start(argv, true, &p, why))
		return CJM_GIT_NO_GIT;
	/* a git that dies is an answer cut short, not a signal that ends cjm */
	struct sigaction ignore = { 0 }, was;
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &was);

	git_reader *r = xcalloc(1, sizeof *r);
	r->fd = p.out;
	strbuf line = { 0 }, blob = { 0 }, request = { 0 };
	size_t sent = 0, received = 0;
	bool ok = true;
	while (ok && received < count) {
		strbuf_reset(&request);
		while (sent < count && sent - received < GIT_BLOB_WINDOW) {
			strbuf_puts(&request, ids[sent++]);
			strbuf_putc(&request, '\n');
		}
		if (request.len && !git_write_all(p.in, request.data, request.len))
			ok = false;
		if (sent == count)
			git_close(&p.in);
		/* answer half the window before asking for more */
		while (ok && received < count && (sent == count || sent - received > GIT_BLOB_WINDOW / 2))
			ok = git_read_blob(r, &line, &blob, received++, max, fn, arg);
	}
	strbuf_release(&line);
	strbuf_release(&blob);
	strbuf_release(&request);
	free(r);
	cjm_git_failure result = git_finish(&p, why);
	sigaction(SIGPIPE, &was, NULL);
	if (result == CJM_GIT_OK && !ok) {
		*why = xstrdup(_("git cat-file wrote what cjm did not ask for"));
		result = CJM_GIT_GARBLED;
	}
	return result;
}
