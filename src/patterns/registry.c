/* The pattern registry: the ten built-in patterns, then the plugins found on the plugin path, each probed in a child. */
#include "patterns/registry.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patterns/builtin.h"
#include "patterns/disabled.h"
#include "patterns/sandbox.h"
#include "util/exe_dir.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The built-ins, in tip order. */
static const cjm_pattern *const registry_builtins[] = {
	&cjm_pattern_soften_negatives,
	&cjm_pattern_amplify_peaks,
	&cjm_pattern_moments_of_truth,
	&cjm_pattern_strong_start,
	&cjm_pattern_end_with_smile,
	&cjm_pattern_extend_journey,
	&cjm_pattern_skip_steps,
	&cjm_pattern_reorder_steps,
	&cjm_pattern_intelligent_experience,
	&cjm_pattern_redesign,
};

static void registry_add(cjm_registry *reg, const cjm_pattern *pattern, const char *origin, cjm_plugin *plugin)
{
	xgrow((void **)&reg->entries, &reg->cap, reg->count + 1, sizeof *reg->entries);
	reg->entries[reg->count].pattern = pattern;
	reg->entries[reg->count].origin = xstrdup(origin);
	reg->entries[reg->count].plugin = plugin;
	reg->count++;
}

static void registry_fail_kind(cjm_registry *reg, const char *path, char *why, cjm_plugin_failure_kind kind)
{
	xgrow((void **)&reg->failures, &reg->failure_cap, reg->failure_count + 1, sizeof *reg->failures);
	reg->failures[reg->failure_count].path = xstrdup(path);
	reg->failures[reg->failure_count].why = why;
	reg->failures[reg->failure_count].kind = kind;
	reg->failure_count++;
}

static void registry_fail(cjm_registry *reg, const char *path, char *why)
{
	registry_fail_kind(reg, path, why, CJM_PLUGIN_NOT_LOADED);
}

const cjm_pattern_entry *cjm_registry_find(const cjm_registry *registry, const char *id)
{
	if (!registry || !id)
		return NULL;
	for (size_t i = 0; i < registry->count; i++)
		if (strcmp(registry->entries[i].pattern->id, id) == 0)
			return &registry->entries[i];
	return NULL;
}

/* Why the probed pattern P cannot be registered, or NULL. */
static char *registry_pattern_problem(const cjm_registry *reg, const cjm_sandbox_pattern *p, size_t index)
{
	if (!p->id)
		return xasprintf(_("pattern %zu has no id"), index + 1);
	if (!cjm_id_is_valid(p->id))
		return xasprintf(_("pattern %zu: '%.80s' is not a valid id ([a-z0-9][a-z0-9-]*)"), index + 1, p->id);
	if (!p->summary)
		return xasprintf(_("pattern '%s' has no summary"), p->id);
	if (!p->has_suggest)
		return xasprintf(_("pattern '%s' has no suggest function"), p->id);
	const cjm_pattern_entry *taken = cjm_registry_find(reg, p->id);
	if (taken)
		return strcmp(taken->origin, "built in") == 0
			       ? xasprintf(_("pattern id '%s' clashes with the built-in pattern; refused"), p->id)
			       /* TRANSLATORS: %1$s is a pattern id, %2$s the path of the plugin that has it. */
			       : xasprintf(_("pattern id '%s' clashes with the plugin %s; refused"), p->id, taken->origin);
	return NULL;
}

/* Why PATH (a plugin or a plugin folder, ST its stat) may not be loaded from, or
 * NULL: as ssh with its keys, only what no one else can change. */
static char *registry_loose(const char *path, const struct stat *st)
{
	uid_t me = geteuid();
	if (me == 0 && st->st_uid != 0)
		/* TRANSLATORS: why a plugin or folder is refused; %1$lu is a user id, %2$s the path.
		 * It follows "plugin folder" or "links to a file in ..., which is". */
		return xasprintf(_("owned by uid %lu, not by root: root loads only plugins that root owns; refused "
				   "(fix: chown root %s)"),
				 (unsigned long)st->st_uid, path);
	if (st->st_uid != me && st->st_uid != 0)
		/* TRANSLATORS: why a plugin or folder is refused; the owner's uid, yours, yours, the path. */
		return xasprintf(_("owned by uid %lu, neither you (uid %lu) nor root; refused (fix: chown %lu %s)"),
				 (unsigned long)st->st_uid, (unsigned long)me, (unsigned long)me, path);
	if (st->st_mode & (S_IWGRP | S_IWOTH))
		/* TRANSLATORS: why a plugin or folder is refused; %s is its path. */
		return xasprintf((st->st_mode & S_IWGRP) && (st->st_mode & S_IWOTH)
					 ? _("writable by group and others; refused (fix: chmod go-w %s)")
				 : st->st_mode & S_IWGRP ? _("writable by group; refused (fix: chmod go-w %s)")
							 : _("writable by others; refused (fix: chmod go-w %s)"),
				 path);
	return NULL;
}

/* For a plugin that is a symbolic link: why the folder of the file it names is
 * too loose, or NULL. */
static char *registry_loose_target(const char *path)
{
	struct stat lst;
	if (lstat(path, &lst) != 0 || !S_ISLNK(lst.st_mode))
		return NULL;
	char *real = realpath(path, NULL);
	if (!real)
		return NULL; /* stat found it: a race, and the child will say */
	char *slash = strrchr(real, '/');
	if (slash == real)
		slash[1] = '\0';
	else
		*slash = '\0';
	struct stat st;
	char *why = NULL;
	if (stat(real, &st) == 0) {
		char *loose = registry_loose(real, &st);
		if (loose)
			/* TRANSLATORS: %1$s is a folder, %2$s why it is refused ("owned by uid 5, ..."). */
			why = xasprintf(_("links to a file in %s, which is %s"), real, loose);
		free(loose);
	}
	free(real);
	return why;
}

char *cjm_registry_disable(cjm_plugin *plugin, const char *why)
{
	plugin->disabled = true;
	return cjm_disabled_record(plugin->path, &plugin->st, why);
}

/* Appends TEXT with control characters and invalid UTF-8 as '?'. */
static void registry_put_clean(strbuf *out, const char *text)
{
	size_t n = strlen(text);
	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t len = utf8_decode((const unsigned char *)text + i, n - i, &cp);
		if (len == 0) {
			strbuf_putc(out, '?');
			i++;
			continue;
		}
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029)
			strbuf_putc(out, '?');
		else
			strbuf_add(out, text + i, len);
		i += len;
	}
}

char *cjm_plugin_failure_text(const cjm_plugin_failure *f, bool brief)
{
	strbuf out = { 0 };
	const char *slash = strrchr(f->path, '/');
	strbuf name = { 0 }, why = { 0 };
	registry_put_clean(&name, brief && slash && slash[1] ? slash + 1 : f->path);
	registry_put_clean(&why, f->why);
	const char *n = name.data ? name.data : "", *w = why.data ? why.data : "";
	/* TRANSLATORS: %1$s is a plugin's file, %2$s why it was not loaded, what it did or why it
	 * was disabled ("crashed with SIGSEGV (...) while suggesting"). */
	switch (f->kind) {
	case CJM_PLUGIN_NOT_LOADED:
		strbuf_printf(&out, brief ? _("plugin %s not loaded: %s") : _("warning: plugin %s not loaded: %s"), n, w);
		break;
	case CJM_PLUGIN_CRASHED:
		strbuf_printf(&out, brief ? _("plugin %s %s; disabled until it is reinstalled")
					  : _("warning: plugin %s %s; it is disabled until it is reinstalled (see cjm patterns)"),
			      n, w);
		break;
	case CJM_PLUGIN_DISABLED:
		strbuf_printf(&out, brief ? _("plugin %s is disabled: it %s; reinstall it to try it again")
					  : _("warning: plugin %s is disabled: it %s; reinstall it to try it again (see cjm "
					      "patterns)"),
			      n, w);
		break;
	}
	strbuf_release(&name);
	strbuf_release(&why);
	return out.data;
}

static void registry_plugin_free(cjm_plugin *plugin)
{
	for (size_t i = 0; i < plugin->pattern_count; i++) {
		free((char *)plugin->patterns[i].id);
		free((char *)plugin->patterns[i].summary);
		free((char *)plugin->patterns[i].threshold_means);
	}
	free(plugin->patterns);
	free(plugin->path);
	free(plugin);
}

/* Loads the shared object PATH in a child, and registers its valid patterns. */
static void registry_load_plugin(cjm_registry *reg, const char *path, const cjm_disabled_list *disabled)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		registry_fail(reg, path, xasprintf(_("cannot read: %s"), strerror(errno)));
		return;
	}
	if (!S_ISREG(st.st_mode)) {
		registry_fail(reg, path, xstrdup(_("not a regular file")));
		return;
	}
	char *loose = registry_loose(path, &st);
	if (!loose)
		loose = registry_loose_target(path);
	if (loose) {
		registry_fail(reg, path, loose);
		return;
	}
	const char *reason = cjm_disabled_find(disabled, path, &st);
	if (reason) {
		registry_fail_kind(reg, path, xstrdup(reason), CJM_PLUGIN_DISABLED);
		return;
	}
	cjm_sandbox_probe probe;
	char *why = NULL;
	cjm_sandbox_status status = cjm_sandbox_probe_plugin(path, reg->timeout, &probe, &why);
	if (status == CJM_SANDBOX_REFUSED) {
		registry_fail(reg, path, why);
		return;
	}
	cjm_plugin *plugin = xcalloc(1, sizeof *plugin);
	plugin->path = xstrdup(path);
	plugin->st = st;
	if (status == CJM_SANDBOX_FAILED) {
		char *unrecorded = cjm_registry_disable(plugin, why);
		if (unrecorded) {
			/* TRANSLATORS: %1$s is what the plugin did, %2$s why cjm cannot record it. */
			char *both = xasprintf(_("%s (and cannot be kept disabled: %s)"), why, unrecorded);
			free(why);
			free(unrecorded);
			why = both;
		}
		registry_fail_kind(reg, path, why, CJM_PLUGIN_CRASHED);
		registry_plugin_free(plugin);
		return;
	}
	plugin->patterns = xcalloc(probe.count, sizeof *plugin->patterns);
	for (size_t i = 0; i < probe.count; i++) {
		cjm_sandbox_pattern *p = &probe.patterns[i];
		char *problem = registry_pattern_problem(reg, p, i);
		if (problem) {
			registry_fail(reg, path, problem);
			continue;
		}
		cjm_pattern *copy = &plugin->patterns[plugin->pattern_count++];
		*copy = (cjm_pattern){ .abi = p->abi, .id = p->id, .summary = p->summary,
				       .default_threshold = p->default_threshold,
				       .threshold_means = p->threshold_means };
		p->id = p->summary = p->threshold_means = NULL; /* the copy owns them now */
		registry_add(reg, copy, path, plugin);
	}
	cjm_sandbox_probe_release(&probe);
	if (plugin->pattern_count == 0) {
		registry_plugin_free(plugin);
		return;
	}
	xgrow((void **)&reg->plugins, &reg->plugin_cap, reg->plugin_count + 1, sizeof *reg->plugins);
	reg->plugins[reg->plugin_count++] = plugin;
}

static int registry_cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool registry_is_plugin_name(const char *name)
{
	size_t len = strlen(name);
	return len > 3 && name[0] != '.' && strcmp(name + len - 3, ".so") == 0;
}

/* Loads every *.so in DIR, by name. A folder that is not there is skipped
 * silently; one that others could change is refused whole. */
static void registry_load_folder(cjm_registry *reg, const char *dir, const cjm_disabled_list *disabled)
{
	DIR *d = opendir(dir);
	if (!d) {
		if (errno != ENOENT && errno != ENOTDIR)
			registry_fail(reg, dir, xasprintf(_("cannot read the folder: %s"), strerror(errno)));
		return;
	}
	struct stat st;
	char *loose = fstat(dirfd(d), &st) == 0 ? registry_loose(dir, &st)
						: xasprintf(_("cannot read the folder: %s"), strerror(errno));
	if (loose) {
		/* TRANSLATORS: %s is why the folder is refused ("writable by others; ..."). */
		char *why = xasprintf(_("plugin folder %s"), loose);
		free(loose);
		registry_fail(reg, dir, why);
		closedir(d);
		return;
	}
	char **names = NULL;
	size_t count = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (!registry_is_plugin_name(de->d_name))
			continue;
		xgrow((void **)&names, &cap, count + 1, sizeof *names);
		names[count++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (count)
		qsort(names, count, sizeof *names, registry_cmp_names);
	size_t dlen = strlen(dir);
	for (size_t i = 0; i < count; i++) {
		char *path = dlen && dir[dlen - 1] == '/' ? xasprintf("%s%s", dir, names[i])
							  : xasprintf("%s/%s", dir, names[i]);
		registry_load_plugin(reg, path, disabled);
		free(path);
		free(names[i]);
	}
	free(names);
}

/* The folders to search, in order; absolute paths only, each folder once. */
typedef struct folder_list {
	char **items;
	char **real; /* realpath of each, or NULL when it does not resolve */
	size_t count, cap, real_cap;
} folder_list;

static void folders_add(folder_list *fl, const char *dir)
{
	char *real = realpath(dir, NULL);
	for (size_t i = 0; i < fl->count; i++) {
		if (strcmp(fl->items[i], dir) == 0 || (real && fl->real[i] && strcmp(fl->real[i], real) == 0)) {
			free(real);
			return;
		}
	}
	xgrow((void **)&fl->items, &fl->cap, fl->count + 1, sizeof *fl->items);
	xgrow((void **)&fl->real, &fl->real_cap, fl->count + 1, sizeof *fl->real);
	fl->items[fl->count] = xstrdup(dir);
	fl->real[fl->count] = real;
	fl->count++;
}

static void folders_free(folder_list *fl)
{
	for (size_t i = 0; i < fl->count; i++) {
		free(fl->items[i]);
		free(fl->real[i]);
	}
	free(fl->items);
	free(fl->real);
}

const char *cjm_registry_getenv(const char *name)
{
	if (getuid() != geteuid() || getgid() != getegid())
		return NULL;
	const char *value = getenv(name);
	return value && *value ? value : NULL;
}

static void registry_collect_folders(cjm_registry *reg, folder_list *fl)
{
	const char *path = cjm_registry_getenv("CJM_PLUGIN_PATH");
	if (path) {
		const char *p = path;
		for (;;) {
			size_t len = strcspn(p, ":");
			if (len > 0) { /* an empty entry would mean "." to a shell: never */
				char *dir = xstrndup(p, len);
				if (dir[0] == '/')
					folders_add(fl, dir);
				else
					registry_fail(reg, dir,
						      xstrdup(_("relative folder in CJM_PLUGIN_PATH refused: "
								"plugin folders must be absolute paths")));
				free(dir);
			}
			if (p[len] == '\0')
				break;
			p += len + 1;
		}
	}
	/* XDG: a relative XDG_DATA_HOME is invalid and ignored, as the spec says. */
	const char *xdg = cjm_registry_getenv("XDG_DATA_HOME");
	const char *home = cjm_registry_getenv("HOME");
	char *user_dir = NULL;
	if (xdg && xdg[0] == '/')
		user_dir = xasprintf("%s/cjm/plugins", xdg);
	else if (home && home[0] == '/')
		user_dir = xasprintf("%s/.local/share/cjm/plugins", home);
	if (user_dir) {
		folders_add(fl, user_dir);
		free(user_dir);
	}
	/* The installed PLUGINDIR, relative to the binary (BINDIR/../lib/cjm/plugins by
	 * default): so a cjm installed under any PREFIX, or staged under DESTDIR, loads
	 * the plugins installed with it. exe_dir() is absolute, and so is the folder. */
	char *installed = exe_installed_dir(EXE_PLUGINDIR);
	if (installed && installed[0] == '/')
		folders_add(fl, installed);
	free(installed);
}

cjm_registry *cjm_registry_new(bool load_plugins)
{
	cjm_registry *reg = xcalloc(1, sizeof *reg);
	for (size_t i = 0; i < sizeof registry_builtins / sizeof *registry_builtins; i++)
		registry_add(reg, registry_builtins[i], "built in", NULL);
	if (!load_plugins)
		return reg;
	reg->timeout = cjm_sandbox_timeout();
	cjm_disabled_list *disabled = cjm_disabled_load();
	folder_list fl = { 0 };
	registry_collect_folders(reg, &fl);
	for (size_t i = 0; i < fl.count; i++)
		registry_load_folder(reg, fl.items[i], disabled);
	folders_free(&fl);
	cjm_disabled_free(disabled);
	return reg;
}

const char *cjm_pattern_entry_summary(const cjm_pattern_entry *entry)
{
	const char *summary = entry->pattern->summary;
	if (!summary || entry->plugin)
		return summary;
	return summary[0] ? _(summary) : summary;
}

const char *cjm_pattern_entry_threshold_means(const cjm_pattern_entry *entry)
{
	const char *means = entry->pattern->threshold_means;
	if (!means || entry->plugin)
		return means;
	return means[0] ? _(means) : means;
}

const char *cjm_pattern_entry_origin(const cjm_pattern_entry *entry)
{
	return entry->plugin ? entry->origin : _("built in");
}

void cjm_registry_free(cjm_registry *registry)
{
	if (!registry)
		return;
	for (size_t i = 0; i < registry->count; i++)
		free(registry->entries[i].origin);
	free(registry->entries);
	for (size_t i = 0; i < registry->failure_count; i++) {
		free(registry->failures[i].path);
		free(registry->failures[i].why);
	}
	free(registry->failures);
	for (size_t i = 0; i < registry->plugin_count; i++)
		registry_plugin_free(registry->plugins[i]);
	free(registry->plugins);
	free(registry);
}
