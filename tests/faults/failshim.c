/* An LD_PRELOAD shim that fails write, fsync, rename or mkstemp on demand, for the fault-injection tests. */
/*
 * CJM_FAIL        what fails: write, fsync, rename or mkstemp (several: comma-separated)
 * CJM_FAIL_AFTER  write: the bytes written to files before writes fail (a short write
 *                 reaches the limit exactly); the others: the calls that succeed first.
 *                 Default 0.
 * CJM_FAIL_ERRNO  the error: ENOSPC, EIO, EDQUOT, EACCES, EROFS, EPERM, EXDEV, EMFILE,
 *                 or a number. Default ENOSPC for write, EIO for the others.
 * CJM_SLOW_WRITE  microseconds to pause after each 64 KiB written to a file, which
 *                 cuts a write into pieces: it widens the moment a kill can fall in
 *                 the middle of a save without changing what is written.
 * Only writes to regular files other than standard input, output and error fail
 * or slow down, so messages still reach the terminal or the test's log.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* True when CJM_FAIL names WHAT. */
static bool shim_fails(const char *what)
{
	const char *list = getenv("CJM_FAIL");
	size_t n = strlen(what);
	for (const char *p = list; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, what, n) == 0)
			return true;
		p = comma ? comma + 1 : p + len;
	}
	return false;
}

static unsigned long long shim_after(void)
{
	const char *text = getenv("CJM_FAIL_AFTER");
	return text && *text ? strtoull(text, NULL, 10) : 0;
}

static int shim_errno(int fallback)
{
	static const struct {
		const char *name;
		int value;
	} names[] = { { "ENOSPC", ENOSPC }, { "EIO", EIO },	  { "EDQUOT", EDQUOT }, { "EACCES", EACCES },
		      { "EROFS", EROFS },   { "EPERM", EPERM }, { "EXDEV", EXDEV },	{ "EMFILE", EMFILE } };
	const char *text = getenv("CJM_FAIL_ERRNO");
	if (!text || !*text)
		return fallback;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(text, names[i].name) == 0)
			return names[i].value;
	int value = atoi(text);
	return value > 0 ? value : fallback;
}

/* True when the next call of WHAT (counted in CALLS) is to fail. */
static bool shim_call_fails(const char *what, unsigned long long *calls)
{
	if (!shim_fails(what))
		return false;
	return (*calls)++ >= shim_after();
}

static void *shim_next(const char *name)
{
	void *fn = dlsym(RTLD_NEXT, name);
	if (!fn)
		abort(); /* not a C library this shim knows */
	return fn;
}

ssize_t write(int fd, const void *buf, size_t count)
{
	static ssize_t (*next)(int, const void *, size_t);
	static unsigned long long written;
	if (!next)
		next = (ssize_t (*)(int, const void *, size_t))shim_next("write");
	struct stat st;
	const char *slow = getenv("CJM_SLOW_WRITE");
	bool fails = shim_fails("write");
	if (fd <= 2 || (!fails && !slow) || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return next(fd, buf, count);
	if (!fails) {
		ssize_t n = next(fd, buf, count < 65536 ? count : 65536);
		usleep((useconds_t)strtoul(slow, NULL, 10));
		return n;
	}
	unsigned long long limit = shim_after();
	if (written >= limit) {
		errno = shim_errno(ENOSPC);
		return -1;
	}
	if (count > limit - written)
		count = (size_t)(limit - written); /* a short write up to the limit, as a filling disk gives */
	ssize_t n = next(fd, buf, count);
	if (n > 0)
		written += (unsigned long long)n;
	return n;
}

int fsync(int fd)
{
	static int (*next)(int);
	static unsigned long long calls;
	if (!next)
		next = (int (*)(int))shim_next("fsync");
	if (shim_call_fails("fsync", &calls)) {
		errno = shim_errno(EIO);
		return -1;
	}
	return next(fd);
}

int fdatasync(int fd)
{
	static int (*next)(int);
	static unsigned long long calls;
	if (!next)
		next = (int (*)(int))shim_next("fdatasync");
	if (shim_call_fails("fsync", &calls)) {
		errno = shim_errno(EIO);
		return -1;
	}
	return next(fd);
}

int rename(const char *from, const char *to)
{
	static int (*next)(const char *, const char *);
	static unsigned long long calls;
	if (!next)
		next = (int (*)(const char *, const char *))shim_next("rename");
	if (shim_call_fails("rename", &calls)) {
		errno = shim_errno(EIO);
		return -1;
	}
	return next(from, to);
}

/* mkstemp and its relatives: the temporary file is never made. */
static bool shim_mkstemp_fails(void)
{
	static unsigned long long calls;
	if (!shim_call_fails("mkstemp", &calls))
		return false;
	errno = shim_errno(EIO);
	return true;
}

int mkstemp(char *template)
{
	static int (*next)(char *);
	if (!next)
		next = (int (*)(char *))shim_next("mkstemp");
	return shim_mkstemp_fails() ? -1 : next(template);
}

int mkstemp64(char *template)
{
	static int (*next)(char *);
	if (!next)
		next = (int (*)(char *))shim_next("mkstemp64");
	return shim_mkstemp_fails() ? -1 : next(template);
}

int mkostemp(char *template, int flags)
{
	static int (*next)(char *, int);
	if (!next)
		next = (int (*)(char *, int))shim_next("mkostemp");
	return shim_mkstemp_fails() ? -1 : next(template, flags);
}
