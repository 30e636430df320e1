/* The plugins that crashed or hung, kept in $XDG_STATE_HOME/cjm/disabled-plugins until the file changes. */
#include "patterns/disabled.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "patterns/registry.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The state folder, $XDG_STATE_HOME/cjm or ~/.local/state/cjm; NULL without either. */
static char *disabled_folder(void)
{
	const char *xdg = cjm_registry_getenv("XDG_STATE_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/cjm", xdg);
	const char *home = cjm_registry_getenv("HOME");
	if (home && home[0] == '/')
		return xasprintf("%s/.local/state/cjm", home);
	return NULL;
}

char *cjm_disabled_file(void)
{
	char *dir = disabled_folder();
	if (!dir)
		return NULL;
	char *file = xasprintf("%s/disabled-plugins", dir);
	free(dir);
	return file;
}

static char *disabled_unescape(const char *field)
{
	char *out = xmalloc(strlen(field) + 1), *o = out;
	for (const char *p = field; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			*o++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

/* Parses one line (without its line feed) into E; false when it is not one of ours. */
static bool disabled_parse(char *line, cjm_disabled_entry *e)
{
	char *field[6];
	size_t n = 0;
	for (char *p = line; n < 6; n++) {
		field[n] = p;
		char *tab = n < 5 ? strchr(p, '\t') : NULL;
		if (n < 5 && !tab)
			return false;
		if (tab) {
			*tab = '\0';
			p = tab + 1;
		}
	}
	char *end;
	errno = 0;
	e->dev = strtoull(field[1], &end, 10);
	if (*end || errno)
		return false;
	e->ino = strtoull(field[2], &end, 10);
	if (*end || errno)
		return false;
	e->size = strtoull(field[3], &end, 10);
	if (*end || errno)
		return false;
	e->mtime_sec = strtoll(field[4], &end, 10);
	if (*end != '.' || errno)
		return false;
	e->mtime_nsec = strtol(end + 1, &end, 10);
	if (*end || errno)
		return false;
	e->path = disabled_unescape(field[0]);
	e->reason = xstrdup(field[5]);
	return true;
}

/* The file's text, or NULL when it cannot be read. */
static char *disabled_read(const char *file)
{
	FILE *f = fopen(file, "r");
	if (!f)
		return NULL;
	strbuf text = { 0 };
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_add(&text, chunk, n);
	fclose(f);
	if (!text.data)
		strbuf_puts(&text, "");
	return text.data;
}

cjm_disabled_list *cjm_disabled_load(void)
{
	cjm_disabled_list *list = xcalloc(1, sizeof *list);
	char *file = cjm_disabled_file();
	char *text = file ? disabled_read(file) : NULL;
	free(file);
	for (char *line = text; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		cjm_disabled_entry e = { 0 };
		if (disabled_parse(line, &e)) {
			xgrow((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items);
			list->items[list->count++] = e;
		}
		line = nl ? nl + 1 : line + strlen(line);
	}
	free(text);
	return list;
}

void cjm_disabled_free(cjm_disabled_list *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].path);
		free(list->items[i].reason);
	}
	free(list->items);
	free(list);
}

static bool disabled_same_file(const cjm_disabled_entry *e, const struct stat *st)
{
	return e->dev == (unsigned long long)st->st_dev && e->ino == (unsigned long long)st->st_ino &&
	       e->size == (unsigned long long)st->st_size && e->mtime_sec == (long long)st->st_mtim.tv_sec &&
	       e->mtime_nsec == (long)st->st_mtim.tv_nsec;
}

const char *cjm_disabled_find(const cjm_disabled_list *list, const char *path, const struct stat *st)
{
	for (size_t i = 0; list && i < list->count; i++)
		if (strcmp(list->items[i].path, path) == 0 && disabled_same_file(&list->items[i], st))
			return list->items[i].reason;
	return NULL;
}

/* Makes DIR and the folders above it that are missing, for the user alone (0700). */
static int disabled_mkdirs(const char *dir)
{
	char *path = xstrdup(dir);
	int rc = 0;
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char was = *p;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*p = was;
		if (was == '\0')
			break;
	}
	free(path);
	return rc;
}

char *cjm_disabled_record(const char *path, const struct stat *st, const char *reason)
{
	char *dir = disabled_folder();
	if (!dir)
		return xstrdup(_("no HOME or XDG_STATE_HOME to keep it in"));
	char *why = NULL;
	if (disabled_mkdirs(dir) != 0) {
		/* TRANSLATORS: %1$s is a folder, %2$s the system's reason. */
		why = xasprintf(_("cannot make %s: %s"), dir, strerror(errno));
		free(dir);
		return why;
	}
	char *file = xasprintf("%s/disabled-plugins", dir);
	free(dir);
	/* The other lines as they are, this plugin's older line left out. */
	strbuf out = { 0 };
	cjm_disabled_list *old = cjm_disabled_load();
	for (size_t i = 0; i < old->count; i++) {
		const cjm_disabled_entry *e = &old->items[i];
		if (strcmp(e->path, path) == 0)
			continue;
		strbuf_put_field(&out, e->path);
		strbuf_printf(&out, "\t%llu\t%llu\t%llu\t%lld.%09ld\t%s\n", e->dev, e->ino, e->size, e->mtime_sec,
			      e->mtime_nsec, e->reason);
	}
	cjm_disabled_free(old);
	strbuf_put_field(&out, path);
	strbuf_printf(&out, "\t%llu\t%llu\t%llu\t%lld.%09ld\t", (unsigned long long)st->st_dev,
		      (unsigned long long)st->st_ino, (unsigned long long)st->st_size,
		      (long long)st->st_mtim.tv_sec, (long)st->st_mtim.tv_nsec);
	for (const char *p = reason; *p; p++)
		strbuf_putc(&out, *p == '\t' || *p == '\n' ? ' ' : *p);
	strbuf_putc(&out, '\n');
	char *tmp = xasprintf("%s.tmp-%ld", file, (long)getpid());
	FILE *f = fopen(tmp, "w");
	if (!f || fwrite(out.data, 1, out.len, f) != out.len || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		why = xasprintf(_("cannot write %s: %s"), tmp, strerror(errno));
		if (f)
			fclose(f);
		unlink(tmp);
	} else if (fclose(f) != 0 || rename(tmp, file) != 0) {
		why = xasprintf(_("cannot write %s: %s"), file, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	free(file);
	strbuf_release(&out);
	return why;
}
