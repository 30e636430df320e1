/* The patterns cjm knows: the ten built in, then the plugins found on the plugin path. */
#ifndef CJM_REGISTRY_H
#define CJM_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "model/map.h"
#include "cjm/plugin.h"

/* A third-party plugin. This process never loads it: a child does, for each
 * use (see patterns/sandbox.h); these are copies of what the plugin said. */
typedef struct cjm_plugin {
	char *path;
	struct stat st;        /* the file when it was found */
	cjm_pattern *patterns; /* the accepted ones; their suggest is NULL, their strings owned */
	size_t pattern_count;
	bool disabled;         /* it crashed or hung in this process: not run again */
} cjm_plugin;

typedef struct cjm_pattern_entry {
	const cjm_pattern *pattern;
	char *origin;       /* "built in", or the shared object's path */
	cjm_plugin *plugin; /* NULL for a built-in */
} cjm_pattern_entry;

typedef enum cjm_plugin_failure_kind {
	CJM_PLUGIN_NOT_LOADED, /* refused: not a plugin, another ABI, loose permissions, a bad pattern */
	CJM_PLUGIN_CRASHED,    /* crashed, hung or garbled its answer just now: disabled from now on */
	CJM_PLUGIN_DISABLED,   /* crashed or hung before (see patterns/disabled.h): not loaded until it changes */
} cjm_plugin_failure_kind;

/* A plugin (or a folder) that was found but not used, and why. */
typedef struct cjm_plugin_failure {
	char *path;
	char *why;
	cjm_plugin_failure_kind kind;
} cjm_plugin_failure;

typedef struct cjm_registry {
	cjm_pattern_entry *entries; /* built-ins first, in tip order */
	size_t count, cap;
	cjm_plugin_failure *failures;
	size_t failure_count, failure_cap;
	cjm_plugin **plugins;       /* the plugins with at least one pattern, in the order found */
	size_t plugin_count, plugin_cap;
	double timeout;             /* seconds a plugin's child may take (CJM_PLUGIN_TIMEOUT) */
	cjm_pattern *builtins;      /* the built-ins' entries point here: copies whose summary and
				     * threshold_means are in the interface language */
} cjm_registry;

/* The built-in patterns, and with LOAD_PLUGINS those in the plugin folders:
 * CJM_PLUGIN_PATH (':'-separated), $XDG_DATA_HOME/cjm/plugins (default
 * ~/.local/share/cjm/plugins), then the installed PLUGINDIR, found relative to
 * the binary (exe_installed_dir: BINDIR/../lib/cjm/plugins). Never the
 * current folder or a map's. A folder or file that others could change is
 * refused; each plugin is loaded in a child first, so that one that crashes
 * while loading is reported (and disabled), not fatal. */
cjm_registry *cjm_registry_new(bool load_plugins);
/* What to show of ENTRY's pattern: its summary and the meaning of its threshold, a
 * built-in's in the interface language (they are marked with N_()), a plugin's as it
 * said them; and where it comes from ("built in", translated, or the plugin's path). */
const char *cjm_pattern_entry_summary(const cjm_pattern_entry *entry);
const char *cjm_pattern_entry_threshold_means(const cjm_pattern_entry *entry);
const char *cjm_pattern_entry_origin(const cjm_pattern_entry *entry);
void cjm_registry_free(cjm_registry *registry);
const cjm_pattern_entry *cjm_registry_find(const cjm_registry *registry, const char *id);

/* Marks PLUGIN as failed (WHY: what happened) so it is not run again, and
 * records it as disabled until its file changes. Returns NULL, or why it could
 * not be recorded. */
char *cjm_registry_disable(cjm_plugin *plugin, const char *why);

/* The one line that tells the user about F, without "cjm: " in front, with
 * control characters and invalid UTF-8 as '?': "warning: plugin PATH ...", or
 * BRIEF, for a status line, "plugin NAME ..." (the file's name only). */
char *cjm_plugin_failure_text(const cjm_plugin_failure *f, bool brief);

/* An environment variable (NULL when unset or empty), unless cjm runs with
 * other rights than its user's (set-user-ID or set-group-ID): then NULL. */
const char *cjm_registry_getenv(const char *name);

#endif
