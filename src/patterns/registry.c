/* The pattern registry: the ten built-in patterns, then plugins loaded with dlopen from the plugin path only. */
#include "patterns/registry.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "patterns/builtin.h"
#include "util/xalloc.h"

#ifndef CJM_PLUGINDIR
#define CJM_PLUGINDIR "/usr/local/lib/cjm/plugins"
#endif

/* More patterns than this in one plugin is taken for a list without its NULL end. */
#define REGISTRY_MAX_PATTERNS_PER_PLUGIN 1024

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

static void registry_add(cjm_registry *reg, const cjm_pattern *pattern, const char *origin)
{
	xgrow((void **)&reg->entries, &reg->cap, reg->count + 1, sizeof *reg->entries);
	reg->entries[reg->count].pattern = pattern;
	reg->entries[reg->count].origin = xstrdup(origin);
	reg->count++;
}

static void registry_fail(cjm_registry *reg, const char *path, char *why)
{
	xgrow((void **)&reg->failures, &reg->failure_cap, reg->failure_count + 1, sizeof *reg->failures);
	reg->failures[reg->failure_count].path = xstrdup(path);
	reg->failures[reg->failure_count].why = why;
	reg->failure_count++;
}

static void registry_keep_handle(cjm_registry *reg, void *handle)
{
	xgrow((void **)&reg->handles, &reg->handle_cap, reg->handle_count + 1, sizeof *reg->handles);
	reg->handles[reg->handle_count++] = handle;
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

/* Why pattern P (whose abi is already checked) cannot be registered, or NULL. */
static char *registry_pattern_problem(const cjm_registry *reg, const cjm_pattern *p, size_t index)
{
	if (!p->id)
		return xasprintf("pattern %zu has no id", index + 1);
	if (!cjm_id_is_valid(p->id))
		return xasprintf("pattern %zu: '%.80s' is not a valid id ([a-z0-9][a-z0-9-]*)", index + 1, p->id);
	if (!p->summary)
		return xasprintf("pattern '%s' has no summary", p->id);
	if (!p->suggest)
		return xasprintf("pattern '%s' has no suggest function", p->id);
	const cjm_pattern_entry *taken = cjm_registry_find(reg, p->id);
	if (taken)
		return strcmp(taken->origin, "built in") == 0
			       ? xasprintf("pattern id '%s' clashes with the built-in pattern; refused", p->id)
			       : xasprintf("pattern id '%s' clashes with the plugin %s; refused", p->id, taken->origin);
	return NULL;
}

/* dlerror's text without the path it often starts with ("PATH: why"). */
static char *registry_dlerror(const char *path)
{
	const char *err = dlerror();
	if (!err)
		return xstrdup("unknown dlopen error");
	size_t n = strlen(path);
	if (strncmp(err, path, n) == 0 && err[n] == ':' && err[n + 1] == ' ')
		err += n + 2;
	return xstrdup(err);
}

/* Loads the shared object PATH and registers its valid patterns. */
static void registry_load_plugin(cjm_registry *reg, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		registry_fail(reg, path, xasprintf("cannot read: %s", strerror(errno)));
		return;
	}
	if (!S_ISREG(st.st_mode)) {
		registry_fail(reg, path, xstrdup("not a regular file"));
		return;
	}
	dlerror();
	void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		char *err = registry_dlerror(path);
		registry_fail(reg, path, xasprintf("not a loadable shared object: %s", err));
		free(err);
		return;
	}
	dlerror();
	void *sym = dlsym(handle, CJM_PLUGIN_ENTRY);
	if (!sym) {
		registry_fail(reg, path, xstrdup("no entry point " CJM_PLUGIN_ENTRY "()"));
		dlclose(handle);
		return;
	}
	cjm_plugin_entry_fn entry;
	/* POSIX lets a data pointer from dlsym name a function; copy the bits. */
	memcpy(&entry, &sym, sizeof entry);
	const cjm_pattern *const *list = entry();
	size_t n = 0;
	while (list && list[n] && n <= REGISTRY_MAX_PATTERNS_PER_PLUGIN)
		n++;
	if (n == 0) {
		registry_fail(reg, path, xstrdup(CJM_PLUGIN_ENTRY "() returned no patterns"));
		dlclose(handle);
		return;
	}
	if (n > REGISTRY_MAX_PATTERNS_PER_PLUGIN) {
		registry_fail(reg, path, xasprintf("more than %d patterns (is the list NULL-terminated?)",
						   REGISTRY_MAX_PATTERNS_PER_PLUGIN));
		dlclose(handle);
		return;
	}
	/* The ABI number comes first in every version: check it before reading anything else. */
	for (size_t i = 0; i < n; i++) {
		if (list[i]->abi != CJM_PLUGIN_ABI) {
			registry_fail(reg, path, xasprintf("built for plugin ABI %d; this cjm needs ABI %d",
							   list[i]->abi, CJM_PLUGIN_ABI));
			dlclose(handle);
			return;
		}
	}
	size_t added = 0;
	for (size_t i = 0; i < n; i++) {
		char *why = registry_pattern_problem(reg, list[i], i);
		if (why) {
			registry_fail(reg, path, why);
			continue;
		}
		registry_add(reg, list[i], path);
		added++;
	}
	if (added)
		registry_keep_handle(reg, handle);
	else
		dlclose(handle);
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

/* Loads every *.so in DIR, by name. A folder that is not there is skipped silently. */
static void registry_load_folder(cjm_registry *reg, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		if (errno != ENOENT && errno != ENOTDIR)
			registry_fail(reg, dir, xasprintf("cannot read the folder: %s", strerror(errno)));
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
		registry_load_plugin(reg, path);
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

/* An environment variable, unless cjm runs with other privileges than its user's. */
static const char *registry_getenv(const char *name)
{
	if (getuid() != geteuid() || getgid() != getegid())
		return NULL;
	const char *value = getenv(name);
	return value && *value ? value : NULL;
}

static void registry_collect_folders(cjm_registry *reg, folder_list *fl)
{
	const char *path = registry_getenv("CJM_PLUGIN_PATH");
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
						      xstrdup("relative folder in CJM_PLUGIN_PATH refused: "
							      "plugin folders must be absolute paths"));
				free(dir);
			}
			if (p[len] == '\0')
				break;
			p += len + 1;
		}
	}
	/* XDG: a relative XDG_DATA_HOME is invalid and ignored, as the spec says. */
	const char *xdg = registry_getenv("XDG_DATA_HOME");
	const char *home = registry_getenv("HOME");
	char *user_dir = NULL;
	if (xdg && xdg[0] == '/')
		user_dir = xasprintf("%s/cjm/plugins", xdg);
	else if (home && home[0] == '/')
		user_dir = xasprintf("%s/.local/share/cjm/plugins", home);
	if (user_dir) {
		folders_add(fl, user_dir);
		free(user_dir);
	}
	if (CJM_PLUGINDIR[0] == '/')
		folders_add(fl, CJM_PLUGINDIR);
}

cjm_registry *cjm_registry_new(bool load_plugins)
{
	cjm_registry *reg = xcalloc(1, sizeof *reg);
	for (size_t i = 0; i < sizeof registry_builtins / sizeof *registry_builtins; i++)
		registry_add(reg, registry_builtins[i], "built in");
	if (!load_plugins)
		return reg;
	folder_list fl = { 0 };
	registry_collect_folders(reg, &fl);
	for (size_t i = 0; i < fl.count; i++)
		registry_load_folder(reg, fl.items[i]);
	folders_free(&fl);
	return reg;
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
	for (size_t i = registry->handle_count; i-- > 0;)
		dlclose(registry->handles[i]);
	free(registry->handles);
	free(registry);
}
