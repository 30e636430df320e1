/* What a file held when it was read, so that a save can tell it changed on disk since. */
#ifndef CJM_STAMP_H
#define CJM_STAMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

/* A file as it was read: whether it existed, its size, times and identity, and a
 * hash of its bytes. The times and identity only let a check skip reading the
 * file again; whether the content changed is decided by the size and the hash. */
typedef struct cjm_file_stamp {
	bool exists;          /* false: there was no file (ENOENT) */
	bool stat_trusted;    /* the identity below stands for the content (see _check) */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	struct timespec ctime;
	size_t len;           /* the bytes hashed */
	uint64_t hash;        /* cjm_hash_bytes of them */
} cjm_file_stamp;

/* How a file compares with its stamp. */
typedef enum cjm_disk_change {
	CJM_DISK_SAME,        /* the same bytes (perhaps touched, or rewritten alike) */
	CJM_DISK_CHANGED,     /* other bytes */
	CJM_DISK_GONE,        /* it existed and has been removed */
	CJM_DISK_APPEARED,    /* it did not exist and now does */
	CJM_DISK_UNREADABLE,  /* it exists but cannot be read now: nobody can say */
} cjm_disk_change;

/* A 64-bit FNV-1a hash of LEN bytes of DATA. */
uint64_t cjm_hash_bytes(const void *data, size_t len);

/* The stamp of no file at all. */
void cjm_file_stamp_none(cjm_file_stamp *s);
/* Reads all of PATH, as cjm_read_file does, and stamps what was read. NULL with *ERR
 * set when it cannot be read; ENOENT also gives *S the stamp of no file. */
char *cjm_file_read_stamped(const char *path, size_t *len, int *err, cjm_file_stamp *s);
/* The stamp of the LEN bytes of TEXT just written to PATH: the next check reads the
 * file again, since nothing but the bytes says it is still ours. */
void cjm_file_stamp_written(cjm_file_stamp *s, const char *path, const char *text, size_t len);
/* Compares PATH now with S. The file is read again unless S->stat_trusted and its
 * identity, size and times are those of S; the identity is trusted only when the file
 * had not changed for a second before it was read (timestamps are coarse: a change
 * within the same tick leaves them as they were). On CJM_DISK_SAME, S is brought up to
 * date, so a file that was only touched is cheap to check again. *ERR (may be NULL)
 * gets the errno for CJM_DISK_UNREADABLE. */
cjm_disk_change cjm_file_stamp_check(const char *path, cjm_file_stamp *s, int *err);
/* Words for CHANGE ("changed on disk"), for messages. */
const char *cjm_disk_change_words(cjm_disk_change change);

#endif
