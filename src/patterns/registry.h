/* The patterns cjm knows: the ten built in, then the plugins found on the plugin path. */
#ifndef CJM_REGISTRY_H
#define CJM_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "cjm/plugin.h"

typedef struct cjm_pattern_entry {
	const cjm_pattern *pattern;
	char *origin; /* "built in", or the shared object's path */
} cjm_pattern_entry;

/* A plugin that was found but not loaded, and why. */
typedef struct cjm_plugin_failure {
	char *path;
	char *why;
} cjm_plugin_failure;

typedef struct cjm_registry {
	cjm_pattern_entry *entries; /* built-ins first, in tip order */
	size_t count, cap;
	cjm_plugin_failure *failures;
	size_t failure_count, failure_cap;
	void **handles; /* dlopen handles, closed by cjm_registry_free */
	size_t handle_count, handle_cap;
} cjm_registry;

/* The built-in patterns, and with LOAD_PLUGINS those in the plugin folders:
 * CJM_PLUGIN_PATH (':'-separated), $XDG_DATA_HOME/cjm/plugins (default
 * ~/.local/share/cjm/plugins), then the installed CJM_PLUGINDIR. Never the
 * current folder or a map's. */
cjm_registry *cjm_registry_new(bool load_plugins);
void cjm_registry_free(cjm_registry *registry);
const cjm_pattern_entry *cjm_registry_find(const cjm_registry *registry, const char *id);

#endif
