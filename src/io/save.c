/* Writing a map as canonical YAML with libyaml's emitter, and saving files atomically. */
#include "io/save.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "io/yaml_out.h"
#include "model/field.h"
#include "util/i18n.h"
#include "util/number.h"
#include "util/utf8.h"
#include "util/visible.h"
#include "util/xalloc.h"

/* ---- emitting ---- */

typedef struct saver {
	yaml_emitter_t emitter;
	strbuf *out;
	const cjm_map *map;
	bool hidden; /* a text holds a character visible_escaped names: written double-quoted, escaped at the end */
} saver;

static int save_write_handler(void *data, unsigned char *buffer, size_t size)
{
	strbuf_add(data, (const char *)buffer, size);
	return 1;
}

/* Emits EV; a failure here is a bug in the event sequence, never bad user data. */
static void save_emit(saver *sv, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(&sv->emitter, ev)) {
		fprintf(stderr, "cjm: internal error: YAML emitter: %s\n",
			sv->emitter.problem ? sv->emitter.problem : "unknown");
		abort();
	}
}

/* Like yaml_scalar_event_initialize, without its UTF-8 check: the model only
 * ever holds valid UTF-8 (the loader and the edit layer both check), and the
 * check is a fair share of the time a save takes. The emitter frees the copy. */
static void save_scalar_styled(saver *sv, const char *text, yaml_scalar_style_t style)
{
	size_t len = strlen(text);
	yaml_event_t ev = { .type = YAML_SCALAR_EVENT };
	ev.data.scalar.value = (yaml_char_t *)xstrndup(text, len);
	ev.data.scalar.length = len;
	ev.data.scalar.plain_implicit = 1;
	ev.data.scalar.quoted_implicit = 1;
	ev.data.scalar.style = style;
	save_emit(sv, &ev);
}

/* TEXT made into text a map may hold (utf8_forbidden), or NULL when it is that
 * already. Whatever the saver writes loads again: the loader, the edit layer and
 * the importers keep such characters out of a map, so this only ever guards
 * against a path that forgot to; the emitter would write U+2028 as it is, and
 * an escape such as \e or \L would be refused when the file is read back. */
static char *save_clean(const char *text)
{
	uint32_t cp;
	if (!utf8_find_forbidden(text, strlen(text), NULL, &cp))
		return NULL;
	return utf8_clean(text, UTF8_CLEAN_MULTILINE, NULL);
}

/* True (and noted) when TEXT holds a bidirectional control or another character
 * that a terminal would act on (visible_escaped; the others a map may not hold):
 * it is written double-quoted, and the emitter's raw character is then made an
 * escape (\u202E), so no saved map, nor cjm fmt's output, shows text in another
 * order than it is. */
static bool save_hidden(saver *sv, const char *text)
{
	if (!visible_has_escaped_unicode(text, strlen(text)))
		return false;
	sv->hidden = true;
	return true;
}

/* Text: plain where YAML allows it and it reads back as text, a literal block
 * for several lines, single quotes otherwise (libyaml picks quotes when plain
 * is not allowed); double quotes, with escapes, for text holding a character a
 * terminal would act on (save_hidden). */
static void save_text(saver *sv, const char *text)
{
	char *cleaned = save_clean(text);
	if (cleaned)
		text = cleaned;
	yaml_scalar_style_t style = YAML_PLAIN_SCALAR_STYLE;
	if (save_hidden(sv, text))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	else if (strchr(text, '\n'))
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (cjm_yaml_needs_quotes(text))
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	save_scalar_styled(sv, text, style);
	free(cleaned);
}

static void save_key(saver *sv, const char *key)
{
	char *cleaned = save_clean(key);
	if (cleaned)
		key = cleaned;
	save_scalar_styled(sv, key, save_hidden(sv, key) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE);
	free(cleaned);
}

/* The shortest decimal that reads back as exactly X. */
static void save_number(saver *sv, double x)
{
	char buf[NUMBER_TEXT_MAX];
	number_format(buf, x);
	save_scalar_styled(sv, buf, YAML_PLAIN_SCALAR_STYLE);
}

static void save_int(saver *sv, long n)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%ld", n);
	save_scalar_styled(sv, buf, YAML_PLAIN_SCALAR_STYLE);
}

static void save_mapping_start(saver *sv)
{
	yaml_event_t ev;
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	save_emit(sv, &ev);
}

static void save_mapping_end(saver *sv)
{
	yaml_event_t ev;
	yaml_mapping_end_event_initialize(&ev);
	save_emit(sv, &ev);
}

static void save_sequence_start(saver *sv)
{
	yaml_event_t ev;
	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
	save_emit(sv, &ev);
}

static void save_sequence_end(saver *sv)
{
	yaml_event_t ev;
	yaml_sequence_end_event_initialize(&ev);
	save_emit(sv, &ev);
}

static void save_text_field(saver *sv, const char *key, const char *text)
{
	if (!text)
		return;
	save_key(sv, key);
	save_text(sv, text);
}

static void save_list(saver *sv, const char *key, const cjm_strlist *list)
{
	if (list->len == 0)
		return;
	save_key(sv, key);
	save_sequence_start(sv);
	for (size_t i = 0; i < list->len; i++)
		save_text(sv, list->items[i]);
	save_sequence_end(sv);
}

/* One field of the map, a phase or a touchpoint under KEY, by the field table; absent
 * fields are not written, except the map's required text (as ""). */
static void save_field(saver *sv, cjm_ref ref, cjm_field field, const char *key)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	cjm_value v = cjm_field_get(sv->map, ref, field);
	if (!v.present && info->required && info->kind == CJM_KIND_TEXT && ref.kind == CJM_REF_MAP)
		v = (cjm_value){ .present = true, .text = "" };
	if (!v.present)
		return;
	switch (info->kind) {
	case CJM_KIND_TEXT:
		save_text_field(sv, key, v.text);
		return;
	case CJM_KIND_LIST:
		save_list(sv, key, v.list);
		return;
	default:
		break;
	}
	save_key(sv, key);
	switch (info->kind) {
	case CJM_KIND_EMOTION: save_int(sv, v.integer); break;
	case CJM_KIND_NUMBER: save_number(sv, v.number); break;
	case CJM_KIND_BOOL: save_scalar_styled(sv, v.boolean ? "true" : "false", YAML_PLAIN_SCALAR_STYLE); break;
	case CJM_KIND_PILLARS:
		save_sequence_start(sv);
		for (unsigned i = 0; i < CJM_PILLAR_COUNT; i++)
			if (v.bits & (1u << i))
				save_scalar_styled(sv, cjm_pillar_name(1u << i), YAML_PLAIN_SCALAR_STYLE);
		save_sequence_end(sv);
		break;
	default: break;
	}
}

static void save_visit_field(void *ctx, cjm_ref ref, cjm_field field, const char *key)
{
	save_field(ctx, ref, field, key);
}

static void save_visit_group(void *ctx, const char *name)
{
	if (name) {
		save_key(ctx, name);
		save_mapping_start(ctx);
	} else {
		save_mapping_end(ctx);
	}
}

/* The fields of an item in file order, a group ("persona") as one mapping. */
static void save_item_fields(saver *sv, cjm_ref ref)
{
	static const cjm_field_visitor visit = { save_visit_field, save_visit_group };
	cjm_item_fields_walk(sv->map, ref, &visit, sv);
}

static void save_phase(saver *sv, size_t p)
{
	const cjm_phase *phase = sv->map->phases[p];
	save_mapping_start(sv);
	save_item_fields(sv, (cjm_ref){ CJM_REF_PHASE, p, 0 });
	if (phase->touchpoint_count) {
		save_key(sv, "touchpoints");
		save_sequence_start(sv);
		for (size_t t = 0; t < phase->touchpoint_count; t++) {
			save_mapping_start(sv);
			save_item_fields(sv, (cjm_ref){ CJM_REF_TOUCHPOINT, p, t });
			save_mapping_end(sv);
		}
		save_sequence_end(sv);
	}
	save_mapping_end(sv);
}

static void save_settings(saver *sv, const cjm_map *map)
{
	if (map->pattern_count) {
		save_key(sv, "patterns");
		save_mapping_start(sv);
		for (size_t i = 0; i < map->pattern_count; i++) {
			const cjm_pattern_setting *setting = &map->patterns[i];
			save_key(sv, setting->id);
			save_mapping_start(sv);
			if (setting->enabled != CJM_UNSET) {
				save_key(sv, "enabled");
				save_scalar_styled(sv, setting->enabled == CJM_TRUE ? "true" : "false",
						   YAML_PLAIN_SCALAR_STYLE);
			}
			if (setting->has_threshold) {
				save_key(sv, "threshold");
				save_number(sv, setting->threshold);
			}
			save_mapping_end(sv);
		}
		save_mapping_end(sv);
	}
}

static void save_dismissed(saver *sv, const cjm_map *map)
{
	if (!map->dismissed_count)
		return;
	save_key(sv, "dismissed");
	save_sequence_start(sv);
	for (size_t i = 0; i < map->dismissed_count; i++) {
		save_mapping_start(sv);
		save_text_field(sv, "pattern", map->dismissed[i].pattern);
		save_text_field(sv, "target", map->dismissed[i].target);
		save_mapping_end(sv);
	}
	save_sequence_end(sv);
}

void cjm_save_to_buffer(const cjm_map *map, strbuf *out)
{
	saver sv = { .out = out, .map = map };
	size_t start = out->len;
	yaml_event_t ev;
	yaml_emitter_initialize(&sv.emitter);
	yaml_emitter_set_output(&sv.emitter, save_write_handler, out);
	yaml_emitter_set_unicode(&sv.emitter, 1);
	yaml_emitter_set_width(&sv.emitter, -1); /* never fold long text: one idea, one line */
	yaml_emitter_set_indent(&sv.emitter, 2);
	yaml_emitter_set_break(&sv.emitter, YAML_LN_BREAK);

	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	save_emit(&sv, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	save_emit(&sv, &ev);
	save_mapping_start(&sv);
	save_key(&sv, "version");
	save_int(&sv, map->version);
	save_item_fields(&sv, (cjm_ref){ CJM_REF_MAP, 0, 0 });
	save_settings(&sv, map);
	save_key(&sv, "phases");
	save_sequence_start(&sv);
	for (size_t p = 0; p < map->phase_count; p++)
		save_phase(&sv, p);
	save_sequence_end(&sv);
	save_dismissed(&sv, map);
	save_mapping_end(&sv);
	yaml_document_end_event_initialize(&ev, 1);
	save_emit(&sv, &ev);
	yaml_stream_end_event_initialize(&ev);
	save_emit(&sv, &ev);
	yaml_emitter_flush(&sv.emitter);
	yaml_emitter_delete(&sv.emitter);
	if (sv.hidden)
		visible_escape_yaml_quoted(out, start); /* every text holding one is double-quoted */
}

/* ---- atomic files ---- */

/* The stage of a save refused before anything was written, to keep what PATH is. */
static const char save_stage_check[] = "check";

/* The file a write to PATH should replace: the target when PATH is a symbolic link.
 * A link that leads nowhere (dangling, or a loop) is refused: ENOENT or ELOOP. */
static int save_resolve_target(const char *path, char **target)
{
	struct stat st;
	*target = NULL;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		char *real = realpath(path, NULL);
		if (!real)
			return errno == ENOENT || errno == ELOOP ? errno : ENOENT;
		*target = real;
		return 0;
	}
	*target = xstrdup(path);
	return 0;
}

/* True when the existing file ST at PATH must not be written by us: no write
 * permission (the owner's write bit for root, who ignores permissions). */
static bool save_read_only(const char *path, const struct stat *st)
{
	if (geteuid() == 0)
		return (st->st_mode & S_IWUSR) == 0;
	return faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0 && errno == EACCES;
}

/* The checks before replacing the existing regular file ST at TARGET: refused
 * when it is read-only (EACCES) or has other names that a rename would leave on
 * the old text (EMLINK). */
static int save_check_replaceable(const char *target, const struct stat *st)
{
	if (save_read_only(target, st))
		return EACCES;
	if (st->st_nlink > 1)
		return EMLINK;
	return 0;
}

/* True when NAME is one of our temporary files for the file BASE: exactly
 * ".BASE.tmp-" and the six characters mkstemp puts in. */
static bool save_is_temp_name(const char *name, const char *base)
{
	size_t base_len = strlen(base);
	if (name[0] != '.' || strncmp(name + 1, base, base_len) != 0 ||
	    strncmp(name + 1 + base_len, ".tmp-", 5) != 0)
		return false;
	const char *tail = name + 1 + base_len + 5;
	if (strlen(tail) != 6)
		return false;
	for (const char *p = tail; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return false;
	return true;
}

/* Removes the temporary files that interrupted saves of BASE left in DIR: ours,
 * regular, and not locked by a save still writing one (a writer holds an flock
 * on its temporary file until the rename). Best effort: what cannot be checked
 * is left alone. */
static void save_remove_stale(const char *dir, const char *base)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	int dfd = dirfd(d);
	struct dirent *ent;
	while ((ent = readdir(d)) != NULL) {
		if (!save_is_temp_name(ent->d_name, base))
			continue;
		int fd = openat(dfd, ent->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
		if (fd < 0)
			continue;
		struct stat st, now;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
		    flock(fd, LOCK_EX | LOCK_NB) == 0 &&
		    fstatat(dfd, ent->d_name, &now, AT_SYMLINK_NOFOLLOW) == 0 && now.st_dev == st.st_dev &&
		    now.st_ino == st.st_ino)
			unlinkat(dfd, ent->d_name, 0);
		close(fd); /* and with it the lock */
	}
	closedir(d);
}

/* Creates the temporary file TMP (a mkstemp template, restored from TEMPLATE on
 * a retry) and locks it, so that another save's clean-up leaves it alone.
 * Returns the descriptor, or -1 with errno set. */
static int save_create_temp(char *tmp, const char *template)
{
	for (int tries = 0; tries < 5; tries++) {
		strcpy(tmp, template);
		int fd = mkstemp(tmp);
		if (fd < 0)
			return -1;
		if (flock(fd, LOCK_EX) != 0)
			return fd; /* no locks here (some network file systems): no clean-up takes it either */
		struct stat st;
		if (fstat(fd, &st) == 0 && st.st_nlink > 0)
			return fd;
		close(fd); /* removed as stale between mkstemp and flock: make another */
	}
	errno = EEXIST;
	return -1;
}

int cjm_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		if (n == 0)
			return EIO;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static void save_sync_folder(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd); /* best effort: some file systems refuse */
		close(fd);
	}
}

/* Gives the temporary file FD what the file it replaces has: its owner and group
 * as far as we may set them (a user who is not root keeps at least a group it is
 * in), then its mode (after chown, which may clear set-id bits). */
static int save_copy_attributes(int fd, const struct stat *existing, bool exists)
{
	if (exists && (existing->st_uid != geteuid() || existing->st_gid != getegid())) {
		if (fchown(fd, existing->st_uid, existing->st_gid) != 0 && fchown(fd, (uid_t)-1, existing->st_gid) != 0) {
			/* neither: the file becomes ours, as any editor's save would make it */
		}
	}
	mode_t mode;
	if (exists) {
		mode = existing->st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	return fchmod(fd, mode) == 0 ? 0 : errno;
}

struct cjm_atomic_file {
	int fd;
	char *target; /* the file replaced: PATH, or the target of the link PATH */
	char *dir;    /* its folder */
	char *tmp;    /* the temporary file; NULL when TARGET is written in place */
};

static void save_atomic_free(cjm_atomic_file *file)
{
	free(file->tmp);
	free(file->dir);
	free(file->target);
	free(file);
}

int cjm_atomic_begin(const char *path, cjm_atomic_file **file, const char **stage)
{
	char *target = NULL;
	*file = NULL;
	*stage = save_stage_check;
	int err = save_resolve_target(path, &target);
	if (err)
		return err;
	struct stat existing = { 0 };
	bool exists = stat(target, &existing) == 0;
	if (exists && S_ISDIR(existing.st_mode)) {
		*stage = "create";
		free(target);
		return EISDIR;
	}
	cjm_atomic_file *f = xcalloc(1, sizeof *f);
	f->target = target;
	f->fd = -1;
	if (exists && !S_ISREG(existing.st_mode)) {
		/* A terminal, a pipe, /dev/stdout: written in place; it cannot be
		 * replaced by a rename, and must not be. */
		*stage = "create";
		f->fd = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC);
		if (f->fd < 0) {
			err = errno;
			save_atomic_free(f);
			return err;
		}
		*stage = "write";
		*file = f;
		return 0;
	}
	if (exists && (err = save_check_replaceable(target, &existing)) != 0) {
		save_atomic_free(f);
		return err;
	}
	const char *slash = strrchr(target, '/');
	const char *base = slash ? slash + 1 : target;
	f->dir = slash ? xstrndup(target, slash == target ? 1 : (size_t)(slash - target)) : xstrdup(".");
	char *template = xasprintf("%s/.%s.tmp-XXXXXX", f->dir, base);
	f->tmp = xstrdup(template);
	save_remove_stale(f->dir, base);
	*stage = "create";
	f->fd = save_create_temp(f->tmp, template);
	free(template);
	if (f->fd < 0) {
		err = errno;
		save_atomic_free(f);
		return err;
	}
	*stage = "write";
	if ((err = save_copy_attributes(f->fd, &existing, exists)) != 0) {
		cjm_atomic_abort(f);
		return err;
	}
	*file = f;
	return 0;
}

int cjm_atomic_fd(const cjm_atomic_file *file)
{
	return file->fd;
}

int cjm_atomic_commit(cjm_atomic_file *file, const char **stage)
{
	int err = 0;
	if (!file->tmp) {
		*stage = "write";
		if (close(file->fd) != 0)
			err = errno;
	} else {
		*stage = "sync";
		if (fsync(file->fd) != 0) {
			err = errno;
		} else {
			/* Renamed while the lock is held, so no other save's clean-up can
			 * take it first; the descriptor is closed after (the data is on
			 * disk: fsync). */
			*stage = "rename";
			if (rename(file->tmp, file->target) != 0)
				err = errno;
		}
		if (err)
			unlink(file->tmp);
		close(file->fd);
		if (!err)
			save_sync_folder(file->dir);
	}
	if (!err)
		*stage = NULL;
	save_atomic_free(file);
	return err;
}

void cjm_atomic_abort(cjm_atomic_file *file)
{
	if (file->tmp)
		unlink(file->tmp);
	close(file->fd);
	save_atomic_free(file);
}

int cjm_write_file_atomic(const char *path, const char *data, size_t len, const char **stage)
{
	cjm_atomic_file *file;
	int err = cjm_atomic_begin(path, &file, stage);
	if (err)
		return err;
	if ((err = cjm_write_all(cjm_atomic_fd(file), data, len)) != 0) {
		cjm_atomic_abort(file);
		return err;
	}
	return cjm_atomic_commit(file, stage);
}

char *cjm_save_failure(const char *path, int err, const char *stage)
{
	if (!stage || strcmp(stage, save_stage_check) != 0)
		/* TRANSLATORS: the step of saving that failed (write, rename, ...), then why. */
		return xasprintf(_("%s failed: %s"), stage ? stage : "save", strerror(err));
	if (err == EACCES)
		return xstrdup(_("read-only: make it writable, or save under another name"));
	if (err == EMLINK) {
		struct stat st;
		unsigned long links = stat(path, &st) == 0 ? (unsigned long)st.st_nlink : 2;
		return xasprintf(P_("it has %lu hard link, and replacing it would split them: save under "
				    "another name, or copy it to break the link",
				    "it has %lu hard links, and replacing it would split them: save under "
				    "another name, or copy it to break the link",
				    links),
				 links);
	}
	char link[PATH_MAX];
	ssize_t n = readlink(path, link, sizeof link - 1);
	if (n < 0)
		return xasprintf(_("a symbolic link that leads to no file: %s"), strerror(err));
	link[n] = '\0';
	if (err == ELOOP)
		return xasprintf(_("a symbolic link to %s, which goes round in a loop"), link);
	return xasprintf(_("a symbolic link to %s, which does not exist: create that file, or save under "
			   "another name"),
			 link);
}

int cjm_save_file(const cjm_map *map, const char *path, const char **stage)
{
	strbuf text = { 0 };
	cjm_save_to_buffer(map, &text);
	int err = cjm_write_file_atomic(path, text.data, text.len, stage);
	strbuf_release(&text);
	return err;
}

int cjm_keep_backup(const char *path, const char *text, size_t len, char **backup)
{
	*backup = xasprintf("%s.orig", path);
	int fd = -1;
	for (unsigned n = 1;; n++) {
		fd = open(*backup, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST || n > CJM_BACKUP_MAX)
			break;
		free(*backup);
		*backup = xasprintf("%s.orig.%u", path, n);
	}
	if (fd < 0)
		return errno;
	int err = cjm_write_all(fd, text, len);
	if (!err && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err) /* closed on every path, also when the write failed */
		err = errno;
	if (err)
		unlink(*backup);
	return err;
}
