/* Third-party plugins run in a forked child: loading one and running its patterns, with the answer sent back over a pipe. */
#include "patterns/sandbox.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "patterns/api.h"
#include "patterns/registry.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define SANDBOX_DEFAULT_TIMEOUT 2.0
/* An answer bigger than this is taken for a runaway plugin. */
#define SANDBOX_MAX_ANSWER ((size_t)64 << 20)
/* More patterns than this in one plugin is taken for a list without its NULL end. */
#define SANDBOX_MAX_PATTERNS 1024
/* The child sends what it has once it holds this much. */
#define SANDBOX_FLUSH_AT 65536
/* The answer's pipe is moved up to here, out of the way of the descriptors a plugin may use or close. */
#define SANDBOX_FD_FLOOR 64
/* The child's exit status when it cannot write its answer. */
#define SANDBOX_EXIT_WRITE 125

/* The records of an answer: E why | P patterns | S suggestion ..., then Z. */
enum { SANDBOX_TAG_ERROR = 'E', SANDBOX_TAG_PATTERNS = 'P', SANDBOX_TAG_SUGGESTION = 'S', SANDBOX_TAG_END = 'Z' };

double cjm_sandbox_timeout(void)
{
	const char *text = cjm_registry_getenv("CJM_PLUGIN_TIMEOUT");
	if (!text)
		return SANDBOX_DEFAULT_TIMEOUT;
	char *end = NULL;
	double seconds = strtod(text, &end);
	if (end == text || *end != '\0' || !(seconds > 0) || seconds > 3600)
		return SANDBOX_DEFAULT_TIMEOUT;
	return seconds;
}

/* ---- the child's side: writing the answer ---- */

typedef struct sandbox_writer {
	int fd;
	strbuf buf;
} sandbox_writer;

static void writer_flush(sandbox_writer *w)
{
	size_t at = 0;
	while (at < w->buf.len) {
		ssize_t n = write(w->fd, w->buf.data + at, w->buf.len - at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(SANDBOX_EXIT_WRITE);
		at += (size_t)n;
	}
	strbuf_reset(&w->buf);
}

static void put_u8(sandbox_writer *w, unsigned char byte)
{
	strbuf_putc(&w->buf, (char)byte);
}

static void put_u64(sandbox_writer *w, uint64_t value)
{
	char bytes[8];
	for (int i = 0; i < 8; i++)
		bytes[i] = (char)(value >> (8 * i) & 0xff);
	strbuf_add(&w->buf, bytes, sizeof bytes);
}

static void put_double(sandbox_writer *w, double value)
{
	uint64_t bits;
	memcpy(&bits, &value, sizeof bits);
	put_u64(w, bits);
}

/* A string, or its absence (NULL). */
static void put_str(sandbox_writer *w, const char *s)
{
	if (!s) {
		put_u8(w, 0);
		return;
	}
	size_t len = strlen(s);
	put_u8(w, 1);
	put_u64(w, len);
	strbuf_add(&w->buf, s, len);
	if (w->buf.len >= SANDBOX_FLUSH_AT)
		writer_flush(w);
}

static void put_error(sandbox_writer *w, char *why)
{
	put_u8(w, SANDBOX_TAG_ERROR);
	put_str(w, why);
	free(why);
}

/* The child starts clean: default signal handling (a crash is a crash, not
 * the parent's handler), nothing of the terminal, no descriptor but the pipe. */
static void sandbox_child_setup(int *fd)
{
	static const int sigs[] = { SIGHUP,  SIGINT,  SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGWINCH, SIGTSTP, SIGTTIN,
				    SIGTTOU, SIGALRM, SIGSEGV, SIGBUS,  SIGFPE,  SIGILL,  SIGABRT,  SIGTRAP, SIGSYS };
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], &sa, NULL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	setpgid(0, 0); /* its own group: what it leaves behind is stopped with it */
	int high = fcntl(*fd, F_DUPFD, SANDBOX_FD_FLOOR);
	if (high >= 0) {
		close(*fd);
		*fd = high;
	}
	int null = open("/dev/null", O_RDWR);
	for (int i = 0; i < 3; i++) {
		if (null >= 0)
			dup2(null, i);
		else
			close(i);
	}
	if (null > 2)
		close(null);
	long max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 4096)
		max = 4096;
	for (int i = 3; i < max; i++)
		if (i != *fd)
			close(i);
}

/* dlerror's text without the path it often starts with ("PATH: why"). */
static char *sandbox_dlerror(const char *path)
{
	const char *err = dlerror();
	if (!err)
		return xstrdup(_("unknown dlopen error"));
	size_t n = strlen(path);
	if (strncmp(err, path, n) == 0 && err[n] == ':' && err[n + 1] == ' ')
		err += n + 2;
	return xstrdup(err);
}

/* Loads PATH and finds its list of patterns, with the ABI of each checked; NULL
 * after sending the reason. *COUNT: how many. */
static const cjm_pattern *const *sandbox_open(sandbox_writer *w, const char *path, size_t *count)
{
	dlerror();
	void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		char *err = sandbox_dlerror(path);
		put_error(w, xasprintf(_("not a loadable shared object: %s"), err));
		free(err);
		return NULL;
	}
	dlerror();
	void *sym = dlsym(handle, CJM_PLUGIN_ENTRY);
	if (!sym) {
		/* TRANSLATORS: %s is the name of the function a plugin must define. */
		put_error(w, xasprintf(_("no entry point %s()"), CJM_PLUGIN_ENTRY));
		return NULL;
	}
	cjm_plugin_entry_fn entry;
	/* POSIX lets a data pointer from dlsym name a function; copy the bits. */
	memcpy(&entry, &sym, sizeof entry);
	const cjm_pattern *const *list = entry();
	size_t n = 0;
	while (list && list[n] && n <= SANDBOX_MAX_PATTERNS)
		n++;
	if (n == 0) {
		put_error(w, xstrdup(CJM_PLUGIN_ENTRY "() returned no patterns"));
		return NULL;
	}
	if (n > SANDBOX_MAX_PATTERNS) {
		put_error(w, xasprintf(_("more than %d patterns (is the list NULL-terminated?)"), SANDBOX_MAX_PATTERNS));
		return NULL;
	}
	/* The ABI number comes first in every version: check it before reading anything else. */
	for (size_t i = 0; i < n; i++) {
		if (list[i]->abi != CJM_PLUGIN_ABI) {
			put_error(w, xasprintf(_("built for plugin ABI %d; this cjm needs ABI %d"), list[i]->abi,
					       CJM_PLUGIN_ABI));
			return NULL;
		}
	}
	*count = n;
	return list;
}

static void sandbox_probe_child(sandbox_writer *w, const void *arg)
{
	size_t n = 0;
	const cjm_pattern *const *list = sandbox_open(w, arg, &n);
	if (!list)
		return;
	put_u8(w, SANDBOX_TAG_PATTERNS);
	put_u64(w, n);
	for (size_t i = 0; i < n; i++) {
		const cjm_pattern *p = list[i];
		put_u64(w, (uint64_t)(int64_t)p->abi);
		put_str(w, p->id);
		put_str(w, p->summary);
		put_double(w, p->default_threshold);
		put_str(w, p->threshold_means);
		put_u8(w, p->suggest != NULL);
	}
}

typedef struct sandbox_run_args {
	const char *path;
	const char *const *ids;
	const double *thresholds;
	size_t count;
	const cjm_map *map;
} sandbox_run_args;

typedef struct sandbox_run_host {
	sandbox_writer *w;
	size_t pattern;
} sandbox_run_host;

/* The emit callback in the child: every field of the suggestion down the pipe.
 * Only the fields its kind uses are read: the others may hold anything. */
static void sandbox_emit(const cjm_pattern_context *ctx, const cjm_suggestion_spec *s)
{
	sandbox_run_host *host = ctx->host;
	if (!s)
		return;
	sandbox_writer *w = host->w;
	int kind = (int)s->proposal.kind;
	put_u8(w, SANDBOX_TAG_SUGGESTION);
	put_u64(w, host->pattern);
	put_str(w, s->target);
	put_str(w, s->title);
	put_str(w, s->rationale);
	put_u64(w, (uint64_t)(int64_t)s->priority);
	put_u64(w, (uint64_t)(int64_t)kind);
	put_str(w, kind == CJM_PROPOSE_IDEA || kind == CJM_PROPOSE_TOUCHPOINT ? s->proposal.text : NULL);
	put_str(w, kind == CJM_PROPOSE_TOUCHPOINT || kind == CJM_PROPOSE_MOVE ? s->proposal.phase : NULL);
	put_u64(w, s->proposal.position);
}

static void sandbox_run_child(sandbox_writer *w, const void *arg)
{
	const sandbox_run_args *args = arg;
	size_t n = 0;
	const cjm_pattern *const *list = sandbox_open(w, args->path, &n);
	if (!list)
		return;
	const cjm_pattern **mine = xcalloc(args->count ? args->count : 1, sizeof *mine);
	for (size_t i = 0; i < args->count; i++) {
		for (size_t j = 0; j < n && !mine[i]; j++)
			if (list[j]->id && list[j]->suggest && strcmp(list[j]->id, args->ids[i]) == 0)
				mine[i] = list[j];
		if (!mine[i]) {
			put_error(w, xasprintf(_("pattern '%s' is no longer in the plugin (it changed since cjm loaded it)"),
					       args->ids[i]));
			free(mine);
			return;
		}
	}
	sandbox_run_host host = { .w = w };
	for (size_t i = 0; i < args->count; i++) {
		host.pattern = i;
		cjm_pattern_context ctx = cjm_api_context(args->map, args->thresholds[i], sandbox_emit, &host);
		mine[i]->suggest(&ctx);
	}
	free(mine);
}

/* ---- the parent's side: the child, its time limit, its answer ---- */

static double sandbox_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads what is there; true at the end of the stream (or on an error). */
static bool sandbox_drain(int fd, strbuf *answer, bool *too_much)
{
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno != EAGAIN && errno != EWOULDBLOCK;
		if (n == 0)
			return true;
		if (answer->len + (size_t)n > SANDBOX_MAX_ANSWER) {
			*too_much = true;
			return true;
		}
		strbuf_add(answer, chunk, (size_t)n);
	}
}

static const char *sandbox_signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV: return "SIGSEGV";
	case SIGBUS: return "SIGBUS";
	case SIGABRT: return "SIGABRT";
	case SIGFPE: return "SIGFPE";
	case SIGILL: return "SIGILL";
	case SIGKILL: return "SIGKILL";
	case SIGTERM: return "SIGTERM";
	case SIGTRAP: return "SIGTRAP";
	case SIGSYS: return "SIGSYS";
	case SIGPIPE: return "SIGPIPE";
	case SIGHUP: return "SIGHUP";
	case SIGINT: return "SIGINT";
	case SIGQUIT: return "SIGQUIT";
	case SIGXCPU: return "SIGXCPU";
	case SIGXFSZ: return "SIGXFSZ";
	default: return NULL;
	}
}

/* Waits for PID until DEADLINE; true when it ended (*STATUS). */
static bool sandbox_reap(pid_t pid, double deadline, int *status)
{
	for (;;) {
		pid_t got = waitpid(pid, status, WNOHANG);
		if (got == pid)
			return true;
		if (got < 0 && errno != EINTR)
			return true; /* not ours to wait for any more */
		if (sandbox_now() >= deadline)
			return false;
		struct timespec nap = { 0, 1000000 };
		nanosleep(&nap, NULL);
	}
}

typedef void (*sandbox_child_fn)(sandbox_writer *w, const void *arg);

/* Runs FN(ARG) in a child and collects its answer in ANSWER. CJM_SANDBOX_OK
 * when the child ended well within TIMEOUT seconds; else *WHY, saying what
 * happened while it was being loaded (LOADING) or suggesting. */
static cjm_sandbox_status sandbox_call(sandbox_child_fn fn, const void *arg, double timeout, bool loading,
				       strbuf *answer, char **why)
{
	int fds[2];
	if (pipe(fds) != 0) {
		*why = xasprintf(_("cannot be run: %s"), strerror(errno));
		return CJM_SANDBOX_REFUSED;
	}
	pid_t pid = fork();
	if (pid < 0) {
		*why = xasprintf(_("cannot be run: %s"), strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return CJM_SANDBOX_REFUSED;
	}
	if (pid == 0) {
		close(fds[0]);
		sandbox_writer w = { .fd = fds[1] };
		sandbox_child_setup(&w.fd);
		fn(&w, arg);
		put_u8(&w, SANDBOX_TAG_END);
		writer_flush(&w);
		_exit(0);
	}
	setpgid(pid, pid); /* as the child does itself: whichever comes first */
	close(fds[1]);
	fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
	double deadline = sandbox_now() + timeout;
	int status = 0;
	bool ended = false, at_end = false, too_much = false;
	while (!at_end && !too_much) {
		double left = deadline - sandbox_now();
		if (left <= 0)
			break;
		struct pollfd p = { .fd = fds[0], .events = POLLIN };
		int r = poll(&p, 1, left > 0.05 ? 50 : (int)(left * 1000) + 1);
		if (r > 0) {
			at_end = sandbox_drain(fds[0], answer, &too_much);
			continue;
		}
		if (r < 0 && errno != EINTR)
			break;
		/* Nothing came: the child may have ended while something it started holds the pipe. */
		if (waitpid(pid, &status, WNOHANG) == pid) {
			ended = true;
			sandbox_drain(fds[0], answer, &too_much);
			break;
		}
	}
	close(fds[0]);
	if (!ended && !too_much)
		ended = sandbox_reap(pid, deadline, &status);
	if (!ended) {
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	kill(-pid, SIGKILL); /* anything it left behind */
	if (too_much) {
		/* TRANSLATORS: what a plugin did; %zu is a size in MiB. */
		*why = xasprintf(loading ? _("sent more than %zu MiB while being loaded") : _("sent more than %zu MiB while suggesting"),
				 (size_t)(SANDBOX_MAX_ANSWER >> 20));
		return CJM_SANDBOX_FAILED;
	}
	if (!ended) {
		/* TRANSLATORS: what a plugin did; %g is a time in seconds. */
		*why = xasprintf(loading ? _("did not finish within %g s while being loaded (stopped)")
					 : _("did not finish within %g s while suggesting (stopped)"),
				 timeout);
		return CJM_SANDBOX_FAILED;
	}
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		const char *name = sandbox_signal_name(sig);
		const char *what = strsignal(sig);
		if (name)
			/* TRANSLATORS: what a plugin did; %1$s is a signal's name (SIGSEGV), %2$s what it means. */
			*why = xasprintf(loading ? _("crashed with %s (%s) while being loaded") : _("crashed with %s (%s) while suggesting"),
					 name, what ? what : "?");
		else
			/* TRANSLATORS: what a plugin did; %1$d is a signal's number, %2$s what it means. */
			*why = xasprintf(loading ? _("crashed with signal %d (%s) while being loaded")
						 : _("crashed with signal %d (%s) while suggesting"),
					 sig, what ? what : "?");
		return CJM_SANDBOX_FAILED;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* TRANSLATORS: what a plugin did; %d is its exit status. */
		*why = xasprintf(loading ? _("exited with status %d while being loaded") : _("exited with status %d while suggesting"),
				 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return CJM_SANDBOX_FAILED;
	}
	return CJM_SANDBOX_OK;
}

/* ---- reading an answer ---- */

typedef struct sandbox_reader {
	const unsigned char *at, *end;
	bool bad;
} sandbox_reader;

static unsigned get_u8(sandbox_reader *r)
{
	if (r->bad || r->at >= r->end) {
		r->bad = true;
		return 0;
	}
	return *r->at++;
}

static uint64_t get_u64(sandbox_reader *r)
{
	if (r->bad || r->end - r->at < 8) {
		r->bad = true;
		return 0;
	}
	uint64_t value = 0;
	for (int i = 0; i < 8; i++)
		value |= (uint64_t)r->at[i] << (8 * i);
	r->at += 8;
	return value;
}

static double get_double(sandbox_reader *r)
{
	uint64_t bits = get_u64(r);
	double value;
	memcpy(&value, &bits, sizeof value);
	return value;
}

static int get_int(sandbox_reader *r)
{
	int64_t value = (int64_t)get_u64(r);
	return value < INT_MIN ? INT_MIN : value > INT_MAX ? INT_MAX : (int)value;
}

/* A copy of the string, or NULL when absent (or on a garbled stream). */
static char *get_str(sandbox_reader *r)
{
	unsigned present = get_u8(r);
	if (present == 0 || r->bad)
		return NULL;
	if (present != 1) {
		r->bad = true;
		return NULL;
	}
	uint64_t len = get_u64(r);
	if (r->bad || len > (uint64_t)(r->end - r->at) || memchr(r->at, '\0', (size_t)len)) {
		r->bad = true;
		return NULL;
	}
	char *s = xstrndup((const char *)r->at, (size_t)len);
	r->at += len;
	return s;
}

/* After a whole answer: only the end mark is left. */
static bool reader_at_end(sandbox_reader *r)
{
	return get_u8(r) == SANDBOX_TAG_END && !r->bad && r->at == r->end;
}

static char *sandbox_garbled(bool loading)
{
	return xstrdup(loading ? _("sent a garbled answer while being loaded") : _("sent a garbled answer while suggesting"));
}

void cjm_sandbox_probe_release(cjm_sandbox_probe *probe)
{
	for (size_t i = 0; i < probe->count; i++) {
		free(probe->patterns[i].id);
		free(probe->patterns[i].summary);
		free(probe->patterns[i].threshold_means);
	}
	free(probe->patterns);
	*probe = (cjm_sandbox_probe){ 0 };
}

cjm_sandbox_status cjm_sandbox_probe_plugin(const char *path, double timeout, cjm_sandbox_probe *out, char **why)
{
	const bool doing = true; /* being loaded */
	*out = (cjm_sandbox_probe){ 0 };
	strbuf answer = { 0 };
	cjm_sandbox_status status = sandbox_call(sandbox_probe_child, path, timeout, doing, &answer, why);
	if (status != CJM_SANDBOX_OK) {
		strbuf_release(&answer);
		return status;
	}
	sandbox_reader r = { (const unsigned char *)answer.data, (const unsigned char *)answer.data + answer.len,
			     false };
	unsigned tag = get_u8(&r);
	if (tag == SANDBOX_TAG_ERROR) {
		char *text = get_str(&r);
		if (text && reader_at_end(&r)) {
			*why = text;
			status = CJM_SANDBOX_REFUSED;
		} else {
			free(text);
			*why = sandbox_garbled(doing);
			status = CJM_SANDBOX_FAILED;
		}
		strbuf_release(&answer);
		return status;
	}
	uint64_t n = tag == SANDBOX_TAG_PATTERNS ? get_u64(&r) : 0;
	if (tag != SANDBOX_TAG_PATTERNS || n == 0 || n > SANDBOX_MAX_PATTERNS)
		r.bad = true;
	if (!r.bad)
		out->patterns = xcalloc((size_t)n, sizeof *out->patterns);
	for (uint64_t i = 0; i < n && !r.bad; i++) {
		cjm_sandbox_pattern *p = &out->patterns[out->count++];
		p->abi = get_int(&r);
		p->id = get_str(&r);
		p->summary = get_str(&r);
		p->default_threshold = get_double(&r);
		p->threshold_means = get_str(&r);
		p->has_suggest = get_u8(&r) != 0;
	}
	if (r.bad || !reader_at_end(&r)) {
		cjm_sandbox_probe_release(out);
		*why = sandbox_garbled(doing);
		status = CJM_SANDBOX_FAILED;
	}
	strbuf_release(&answer);
	return status;
}

static void sandbox_suggestion_release(cjm_sandbox_suggestion *s)
{
	free((char *)s->spec.target);
	free((char *)s->spec.title);
	free((char *)s->spec.rationale);
	free((char *)s->spec.proposal.text);
	free((char *)s->spec.proposal.phase);
}

void cjm_sandbox_reply_release(cjm_sandbox_reply *reply)
{
	for (size_t i = 0; i < reply->count; i++)
		sandbox_suggestion_release(&reply->items[i]);
	free(reply->items);
	*reply = (cjm_sandbox_reply){ 0 };
}

cjm_sandbox_status cjm_sandbox_run(const char *path, const char *const *ids, const double *thresholds, size_t count,
				   const cjm_map *map, double timeout, cjm_sandbox_reply *out, char **why)
{
	const bool doing = false; /* suggesting */
	*out = (cjm_sandbox_reply){ 0 };
	sandbox_run_args args = { path, ids, thresholds, count, map };
	strbuf answer = { 0 };
	cjm_sandbox_status status = sandbox_call(sandbox_run_child, &args, timeout, doing, &answer, why);
	if (status != CJM_SANDBOX_OK) {
		strbuf_release(&answer);
		return status;
	}
	sandbox_reader r = { (const unsigned char *)answer.data, (const unsigned char *)answer.data + answer.len,
			     false };
	for (;;) {
		if (r.at < r.end && *r.at == SANDBOX_TAG_END)
			break;
		unsigned tag = get_u8(&r);
		if (tag == SANDBOX_TAG_ERROR && out->count == 0) {
			char *text = get_str(&r);
			if (text && reader_at_end(&r)) {
				*why = text;
				strbuf_release(&answer);
				return CJM_SANDBOX_REFUSED;
			}
			free(text);
			r.bad = true;
		}
		if (tag != SANDBOX_TAG_SUGGESTION || r.bad) {
			r.bad = true;
			break;
		}
		xgrow((void **)&out->items, &out->cap, out->count + 1, sizeof *out->items);
		cjm_sandbox_suggestion *s = &out->items[out->count++];
		*s = (cjm_sandbox_suggestion){ 0 };
		uint64_t pattern = get_u64(&r);
		s->spec.target = get_str(&r);
		s->spec.title = get_str(&r);
		s->spec.rationale = get_str(&r);
		s->spec.priority = get_int(&r);
		int kind = get_int(&r);
		/* An unknown kind stays unknown (the host makes it propose nothing). */
		s->spec.proposal.kind = kind < 0 || kind > CJM_PROPOSE_MOVE ? (cjm_proposal_kind)(CJM_PROPOSE_MOVE + 1)
									   : (cjm_proposal_kind)kind;
		s->spec.proposal.text = get_str(&r);
		s->spec.proposal.phase = get_str(&r);
		s->spec.proposal.position = (size_t)get_u64(&r);
		if (pattern >= count)
			r.bad = true;
		s->pattern = (size_t)pattern;
		if (r.bad)
			break;
	}
	if (r.bad || !reader_at_end(&r)) {
		cjm_sandbox_reply_release(out);
		*why = sandbox_garbled(doing);
		status = CJM_SANDBOX_FAILED;
	}
	strbuf_release(&answer);
	return status;
}
