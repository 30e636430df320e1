/* What a file held when it was read, so that a save can tell it changed on disk since. */
#include "io/stamp.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "io/load.h"
#include "util/i18n.h"

/* The identity of a file is trusted only when it had not changed for this long when it was read. */
#define STAMP_SETTLED_NS 1000000000LL

uint64_t cjm_hash_bytes(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a, 64 bits */
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void cjm_file_stamp_none(cjm_file_stamp *s)
{
	memset(s, 0, sizeof *s);
}

static long long stamp_ns(const struct timespec *t)
{
	return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

/* Fills S from ST (taken at TAKEN, before the read) and the bytes read. */
static void stamp_set(cjm_file_stamp *s, const struct stat *st, const struct timespec *taken, const char *text,
		      size_t len)
{
	memset(s, 0, sizeof *s);
	s->exists = true;
	s->len = len;
	s->hash = cjm_hash_bytes(text, len);
	if (!st)
		return;
	s->dev = st->st_dev;
	s->ino = st->st_ino;
	s->size = st->st_size;
	s->mtime = st->st_mtim;
	s->ctime = st->st_ctim;
	long long newest = stamp_ns(&st->st_mtim) > stamp_ns(&st->st_ctim) ? stamp_ns(&st->st_mtim)
									    : stamp_ns(&st->st_ctim);
	s->stat_trusted = S_ISREG(st->st_mode) && (off_t)len == st->st_size && taken &&
			  stamp_ns(taken) - newest >= STAMP_SETTLED_NS;
}

static bool stamp_same_stat(const cjm_file_stamp *s, const struct stat *st)
{
	return s->dev == st->st_dev && s->ino == st->st_ino && s->size == st->st_size &&
	       stamp_ns(&s->mtime) == stamp_ns(&st->st_mtim) && stamp_ns(&s->ctime) == stamp_ns(&st->st_ctim);
}

char *cjm_file_read_stamped(const char *path, size_t *len, int *err, cjm_file_stamp *s)
{
	struct timespec taken;
	struct stat st;
	clock_gettime(CLOCK_REALTIME, &taken);
	cjm_file_stamp_none(s);
	bool have_stat = stat(path, &st) == 0;
	if (!have_stat && errno == ENOENT) {
		*err = ENOENT;
		return NULL;
	}
	char *text = cjm_read_file(path, len, err);
	if (text)
		stamp_set(s, have_stat ? &st : NULL, &taken, text, *len);
	return text;
}

void cjm_file_stamp_written(cjm_file_stamp *s, const char *path, const char *text, size_t len)
{
	struct stat st;
	bool have_stat = stat(path, &st) == 0;
	stamp_set(s, have_stat ? &st : NULL, NULL, text, len); /* NULL: never trusted */
}

cjm_disk_change cjm_file_stamp_check(const char *path, cjm_file_stamp *s, int *err)
{
	int scratch;
	if (!err)
		err = &scratch;
	*err = 0;
	struct timespec taken;
	struct stat st;
	clock_gettime(CLOCK_REALTIME, &taken);
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			return s->exists ? CJM_DISK_GONE : CJM_DISK_SAME;
		*err = errno;
		return CJM_DISK_UNREADABLE;
	}
	if (!s->exists)
		return CJM_DISK_APPEARED;
	if (!S_ISREG(st.st_mode))
		return CJM_DISK_CHANGED; /* a folder, a pipe...: not what was read (and never read one) */
	if (s->stat_trusted && stamp_same_stat(s, &st))
		return CJM_DISK_SAME;
	if ((uint64_t)st.st_size != (uint64_t)s->len)
		return CJM_DISK_CHANGED;
	size_t len = 0;
	char *text = cjm_read_file(path, &len, err);
	if (!text)
		return *err == ENOENT ? CJM_DISK_GONE : CJM_DISK_UNREADABLE;
	cjm_disk_change change = len == s->len && cjm_hash_bytes(text, len) == s->hash ? CJM_DISK_SAME
										    : CJM_DISK_CHANGED;
	if (change == CJM_DISK_SAME)
		stamp_set(s, &st, &taken, text, len);
	free(text);
	return change;
}

const char *cjm_disk_change_words(cjm_disk_change change)
{
	switch (change) {
	/* TRANSLATORS: these follow a file's name: "map.yaml changed on disk since it was read". */
	case CJM_DISK_SAME: return _("is as it was read");
	case CJM_DISK_CHANGED: return _("changed on disk since it was read");
	case CJM_DISK_GONE: return _("was deleted since it was read");
	case CJM_DISK_APPEARED: return _("was created by someone else since it was opened");
	case CJM_DISK_UNREADABLE: return _("cannot be read to check it");
	}
	return _("changed");
}
