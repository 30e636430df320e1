/* Unit tests for the pattern registry: the built-ins in order, finding, the plugin path, failures, isolation, permissions. */
#include <dlfcn.h>
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "io/load.h"
#include "model/field.h"
#include "patterns/api.h"
#include "patterns/builtin.h"
#include "patterns/disabled.h"
#include "patterns/registry.h"
#include "patterns/suggest.h"
#include "util/xalloc.h"

static const char *const builtin_ids[] = {
	"soften-negatives", "amplify-peaks", "moments-of-truth", "strong-start", "end-with-smile",
	"extend-journey", "skip-steps", "reorder-steps", "intelligent-experience", "redesign",
};
#define BUILTIN_COUNT (sizeof builtin_ids / sizeof *builtin_ids)

/* The build's test plugins (plugins/, beside tests/), absolute. */
static char *built_dir;
/* The usual test plugins, copied into a folder only the user can change (the
 * build's own folder may be group-writable under some umask, and is refused then). */
static char *plugin_dir;
static const char *const usual_plugins[] = { "bad-abi", "clash", "example", "marker", "mixed", "no-entry", "rough" };
/* A scratch folder for this run, and what was made in it (removed at the end). */
static char scratch[] = "/tmp/cjm-registry.XXXXXX";
static char *made[64];
static size_t made_count;

static void remember(char *path)
{
	assert_true(made_count < sizeof made / sizeof *made);
	made[made_count++] = path;
}

/* Makes SCRATCH/REL; the path returned stays owned by made[]. */
static const char *scratch_dir(const char *rel)
{
	char *path = xasprintf("%s/%s", scratch, rel);
	assert_int_equal(mkdir(path, 0700), 0);
	remember(path);
	return path;
}

/* Copies the built test plugin NAME.so into DIR, mode 0755. */
static void copy_plugin(const char *dir, const char *name)
{
	char *from = xasprintf("%s/%s.so", built_dir, name);
	char *to = xasprintf("%s/%s.so", dir, name);
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	assert_non_null(in);
	assert_non_null(out);
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
		assert_int_equal(fwrite(chunk, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
	assert_int_equal(chmod(to, 0755), 0);
	free(from);
	free(to);
}

/* Links the test plugin NAME.so into DIR. */
static void link_plugin(const char *dir, const char *name)
{
	char *from = xasprintf("%s/%s.so", plugin_dir, name);
	char *to = xasprintf("%s/%s.so", dir, name);
	assert_int_equal(symlink(from, to), 0);
	free(from);
	remember(to);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	remember(path);
}

/* A clean environment: no plugin path, and a HOME with no plugins. */
static int reset_env(void **unused)
{
	(void)unused;
	unsetenv("CJM_PLUGIN_PATH");
	unsetenv("XDG_DATA_HOME");
	unsetenv("CJM_TEST_MARKER");
	unsetenv("CJM_PLUGIN_TIMEOUT");
	setenv("HOME", scratch, 1);
	char *state = xasprintf("%s/state", scratch);
	setenv("XDG_STATE_HOME", state, 1);
	free(state);
	char *file = cjm_disabled_file();
	unlink(file); /* each test starts with no plugin disabled */
	free(file);
	return 0;
}

static size_t failures_matching(const cjm_registry *reg, const char *path_end, const char *why_part)
{
	size_t n = 0;
	size_t plen = strlen(path_end);
	for (size_t i = 0; i < reg->failure_count; i++) {
		const char *path = reg->failures[i].path;
		size_t len = strlen(path);
		if (len >= plen && strcmp(path + len - plen, path_end) == 0 && strstr(reg->failures[i].why, why_part))
			n++;
	}
	return n;
}

static void test_builtins_in_tip_order(void **state)
{
	(void)state;
	cjm_registry *reg = cjm_registry_new(false);
	assert_int_equal(reg->count, BUILTIN_COUNT);
	for (size_t i = 0; i < BUILTIN_COUNT; i++) {
		assert_string_equal(reg->entries[i].pattern->id, builtin_ids[i]);
		assert_string_equal(reg->entries[i].origin, "built in");
	}
	assert_int_equal(reg->failure_count, 0);
	assert_int_equal(reg->plugin_count, 0);
	cjm_registry_free(reg);
}

static void test_builtins_keep_the_abi(void **state)
{
	(void)state;
	cjm_registry *reg = cjm_registry_new(false);
	for (size_t i = 0; i < reg->count; i++) {
		const cjm_pattern *p = reg->entries[i].pattern;
		assert_int_equal(p->abi, CJM_PLUGIN_ABI);
		assert_true(cjm_id_is_valid(p->id));
		assert_non_null(p->summary);
		assert_non_null(p->threshold_means);
		assert_non_null(p->suggest);
	}
	cjm_registry_free(reg);
}

static void test_find(void **state)
{
	(void)state;
	cjm_registry *reg = cjm_registry_new(false);
	const cjm_pattern_entry *e = cjm_registry_find(reg, "skip-steps");
	assert_non_null(e);
	assert_ptr_equal(e, &reg->entries[6]);
	assert_ptr_equal(e->pattern, &cjm_pattern_skip_steps);
	assert_ptr_equal(cjm_registry_find(reg, "soften-negatives")->pattern, &cjm_pattern_soften_negatives);
	assert_null(cjm_registry_find(reg, "no-such-pattern"));
	assert_null(cjm_registry_find(reg, "Skip-Steps"));
	assert_null(cjm_registry_find(reg, ""));
	assert_null(cjm_registry_find(reg, NULL));
	assert_null(cjm_registry_find(NULL, "skip-steps"));
	cjm_registry_free(reg);
	cjm_registry_free(NULL);
}

/* Without LOAD_PLUGINS the plugin path is not even read. */
static void test_no_plugins_unless_asked(void **state)
{
	(void)state;
	setenv("CJM_PLUGIN_PATH", plugin_dir, 1);
	cjm_registry *reg = cjm_registry_new(false);
	assert_int_equal(reg->count, BUILTIN_COUNT);
	assert_int_equal(reg->failure_count, 0);
	cjm_registry_free(reg);
}

static void test_plugin_path(void **state)
{
	(void)state;
	setenv("CJM_PLUGIN_PATH", plugin_dir, 1);
	cjm_registry *reg = cjm_registry_new(true);
	assert_true(reg->count > BUILTIN_COUNT);
	for (size_t i = 0; i < BUILTIN_COUNT; i++)
		assert_string_equal(reg->entries[i].pattern->id, builtin_ids[i]);
	/* plugins by file name: example, marker, mixed, rough */
	const char *const want[] = { "owner-gaps", "marker", "mixed-good", "rough-edges" };
	assert_int_equal(reg->count, BUILTIN_COUNT + 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(reg->entries[BUILTIN_COUNT + i].pattern->id, want[i]);
	const cjm_pattern_entry *e = cjm_registry_find(reg, "owner-gaps");
	assert_non_null(e);
	char *origin = xasprintf("%s/example.so", plugin_dir);
	assert_string_equal(e->origin, origin);
	free(origin);
	assert_int_equal(e->pattern->abi, CJM_PLUGIN_ABI);
	assert_true(e->pattern->default_threshold == 3);
	/* the built-in keeps its id; the impostor is refused */
	assert_string_equal(cjm_registry_find(reg, "soften-negatives")->origin, "built in");
	assert_int_equal(failures_matching(reg, "/clash.so", "clashes with the built-in"), 1);
	assert_int_equal(failures_matching(reg, "/bad-abi.so", "ABI 99"), 1);
	assert_int_equal(failures_matching(reg, "/no-entry.so", "no entry point"), 1);
	assert_int_equal(failures_matching(reg, "/mixed.so", "not a valid id"), 1);
	assert_int_equal(failures_matching(reg, "/mixed.so", "no suggest function"), 1);
	assert_int_equal(failures_matching(reg, "/mixed.so", "no summary"), 1);
	assert_int_equal(reg->failure_count, 6);
	assert_int_equal(reg->plugin_count, 4); /* example, marker, mixed, rough; the others have no pattern */
	for (size_t i = 0; i < reg->failure_count; i++)
		assert_int_equal(reg->failures[i].kind, CJM_PLUGIN_NOT_LOADED);
	cjm_registry_free(reg);
}

static void test_relative_and_missing_folders(void **state)
{
	(void)state;
	char *path = xasprintf("plugins::.:%s/nowhere:%s", scratch, plugin_dir);
	setenv("CJM_PLUGIN_PATH", path, 1);
	free(path);
	cjm_registry *reg = cjm_registry_new(true);
	assert_int_equal(failures_matching(reg, "plugins", "relative folder"), 1);
	assert_int_equal(failures_matching(reg, ".", "relative folder"), 1);
	assert_int_equal(failures_matching(reg, "nowhere", ""), 0); /* not there: skipped silently */
	assert_non_null(cjm_registry_find(reg, "owner-gaps"));
	cjm_registry_free(reg);
}

/* The same folder twice (once with a trailing '/') is searched once: no clash with itself. */
static void test_folder_once(void **state)
{
	(void)state;
	char *path = xasprintf("%s:%s/", plugin_dir, plugin_dir);
	setenv("CJM_PLUGIN_PATH", path, 1);
	free(path);
	cjm_registry *reg = cjm_registry_new(true);
	assert_int_equal(failures_matching(reg, "", "clashes with the plugin"), 0);
	assert_int_equal(reg->count, BUILTIN_COUNT + 4);
	cjm_registry_free(reg);
}

static void test_not_a_shared_object(void **state)
{
	(void)state;
	const char *dir = scratch_dir("odd");
	write_file(dir, "not-elf.so", "this is text\n");
	write_file(dir, "README", "not considered\n");
	write_file(dir, ".hidden.so", "not considered\n");
	link_plugin(dir, "example");
	setenv("CJM_PLUGIN_PATH", dir, 1);
	cjm_registry *reg = cjm_registry_new(true);
	assert_int_equal(reg->failure_count, 1);
	assert_int_equal(failures_matching(reg, "/odd/not-elf.so", "not a loadable shared object"), 1);
	assert_non_null(cjm_registry_find(reg, "owner-gaps")); /* a symbolic link to a plugin loads */
	cjm_registry_free(reg);
}

static void test_xdg_and_home(void **state)
{
	(void)state;
	const char *xdg = scratch_dir("xdg");
	scratch_dir("xdg/cjm");
	const char *xdg_plugins = scratch_dir("xdg/cjm/plugins");
	link_plugin(xdg_plugins, "example");
	setenv("XDG_DATA_HOME", xdg, 1);
	cjm_registry *reg = cjm_registry_new(true);
	const cjm_pattern_entry *e = cjm_registry_find(reg, "owner-gaps");
	assert_non_null(e);
	char *want = xasprintf("%s/example.so", xdg_plugins);
	assert_string_equal(e->origin, want);
	free(want);
	cjm_registry_free(reg);

	/* a relative XDG_DATA_HOME is ignored (HOME is used) */
	setenv("XDG_DATA_HOME", "xdg", 1);
	assert_int_equal(chdir(scratch), 0);
	reg = cjm_registry_new(true);
	assert_null(cjm_registry_find(reg, "owner-gaps"));
	cjm_registry_free(reg);

	/* without XDG_DATA_HOME: HOME/.local/share/cjm/plugins */
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", xdg, 1); /* HOME/.local/share/cjm/plugins does not exist: nothing, silently */
	reg = cjm_registry_new(true);
	assert_null(cjm_registry_find(reg, "owner-gaps"));
	assert_int_equal(reg->failure_count, 0);
	cjm_registry_free(reg);
}

static void test_home_fallback(void **state)
{
	(void)state;
	const char *const parts[] = { "home", "home/.local", "home/.local/share", "home/.local/share/cjm",
				      "home/.local/share/cjm/plugins" };
	const char *home = NULL, *dir = NULL;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		dir = scratch_dir(parts[i]);
		if (!home)
			home = dir;
	}
	link_plugin(dir, "example");
	setenv("HOME", home, 1);
	cjm_registry *reg = cjm_registry_new(true);
	const cjm_pattern_entry *e = cjm_registry_find(reg, "owner-gaps");
	assert_non_null(e);
	char *want = xasprintf("%s/example.so", dir);
	assert_string_equal(e->origin, want);
	free(want);
	cjm_registry_free(reg);

	/* CJM_PLUGIN_PATH comes first: the user's copy is then a clash */
	setenv("CJM_PLUGIN_PATH", plugin_dir, 1);
	reg = cjm_registry_new(true);
	want = xasprintf("%s/example.so", plugin_dir);
	assert_string_equal(cjm_registry_find(reg, "owner-gaps")->origin, want);
	free(want);
	assert_int_equal(failures_matching(reg, "/.local/share/cjm/plugins/example.so", "clashes with the plugin"), 1);
	cjm_registry_free(reg);
}

/* A plugin's pattern runs like a built-in one, and its strings outlive nothing they should not. */
static void test_plugin_suggests(void **state)
{
	(void)state;
	setenv("CJM_PLUGIN_PATH", plugin_dir, 1);
	cjm_registry *reg = cjm_registry_new(true);
	cjm_map *map = cjm_map_new("Owners");
	cjm_phase *phase = cjm_phase_new("buy", "Buy");
	cjm_map_insert_phase(map, 0, phase);
	cjm_touchpoint *owned = cjm_touchpoint_new("owned", "Owned");
	owned->owner = xstrdup("sales");
	cjm_phase_insert_touchpoint(phase, 0, owned);
	cjm_touchpoint *orphan = cjm_touchpoint_new("orphan", "Orphan");
	orphan->has_emotion = true;
	orphan->emotion = -1;
	cjm_phase_insert_touchpoint(phase, 1, orphan);
	const char *only[] = { "owner-gaps" };
	cjm_suggestions *list = cjm_suggest(map, reg, only, 1, false);
	cjm_registry_free(reg); /* the suggestions are copies: they outlive the plugin */
	assert_int_equal(list->count, 1);
	assert_string_equal(list->items[0].pattern, "owner-gaps");
	assert_string_equal(list->items[0].target, "orphan");
	assert_string_equal(list->items[0].title, "Who owns 'Orphan'?");
	assert_int_equal(list->items[0].priority, 2);
	assert_int_equal(list->items[0].kind, CJM_PROPOSE_IDEA);
	assert_string_equal(list->items[0].text, "Agree which department owns it");
	cjm_suggestions_free(list);
	cjm_map_free(map);
}

/* Whether this process has the shared object PATH loaded. */
static bool loaded_here(const char *path)
{
	void *h = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
	if (h)
		dlclose(h);
	return h != NULL;
}

static const cjm_plugin_failure *failure_of(const cjm_plugin_failure *f, size_t n, const char *path_end)
{
	size_t plen = strlen(path_end);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(f[i].path);
		if (len >= plen && strcmp(f[i].path + len - plen, path_end) == 0)
			return &f[i];
	}
	return NULL;
}

static bool state_file_names(const char *path_end)
{
	char *file = cjm_disabled_file();
	FILE *f = fopen(file, "r");
	free(file);
	if (!f)
		return false;
	char line[4096];
	bool found = false;
	while (fgets(line, sizeof line, f))
		if (strstr(line, path_end))
			found = true;
	fclose(f);
	return found;
}

static cjm_map *one_touchpoint_map(void)
{
	cjm_map *map = cjm_map_new("Crashes");
	cjm_phase *phase = cjm_phase_new("buy", "Buy");
	cjm_map_insert_phase(map, 0, phase);
	cjm_touchpoint *tp = cjm_touchpoint_new("pay", "Pay");
	tp->has_emotion = true;
	tp->emotion = -3;
	cjm_phase_insert_touchpoint(phase, 0, tp);
	return map;
}

/* This process never loads a plugin: a child does, and hands over copies. */
static void test_parent_never_loads(void **state)
{
	(void)state;
	setenv("CJM_PLUGIN_PATH", plugin_dir, 1);
	cjm_registry *reg = cjm_registry_new(true);
	const cjm_pattern_entry *e = cjm_registry_find(reg, "owner-gaps");
	assert_non_null(e);
	assert_non_null(e->plugin);
	assert_null(e->pattern->suggest); /* a copy of the descriptor, not the plugin's */
	assert_string_equal(e->pattern->summary, "touchpoints that no department owns");
	assert_null(cjm_registry_find(reg, "soften-negatives")->plugin);
	cjm_map *map = one_touchpoint_map();
	cjm_suggestions *list = cjm_suggest(map, reg, NULL, 0, false);
	assert_int_equal(list->failure_count, 0);
	char *path = xasprintf("%s/example.so", plugin_dir);
	assert_false(loaded_here(path));
	free(path);
	path = xasprintf("%s/marker.so", plugin_dir);
	assert_false(loaded_here(path));
	assert_true(loaded_here("libc.so.6")); /* the check itself works */
	free(path);
	cjm_suggestions_free(list);
	cjm_map_free(map);
	cjm_registry_free(reg);
}

/* A plugin whose constructor aborts: reported with the signal, disabled, and the rest load. */
static void test_crash_while_loading(void **state)
{
	(void)state;
	const char *dir = scratch_dir("crash-load");
	copy_plugin(dir, "crash-load");
	copy_plugin(dir, "example");
	setenv("CJM_PLUGIN_PATH", dir, 1);
	cjm_registry *reg = cjm_registry_new(true);
	const cjm_plugin_failure *f = failure_of(reg->failures, reg->failure_count, "/crash-load.so");
	assert_non_null(f);
	assert_int_equal(f->kind, CJM_PLUGIN_CRASHED);
	assert_non_null(strstr(f->why, "crashed with SIGABRT"));
	assert_non_null(strstr(f->why, "while being loaded"));
	assert_null(cjm_registry_find(reg, "crash-load"));
	assert_non_null(cjm_registry_find(reg, "owner-gaps"));
	assert_true(state_file_names("/crash-load/crash-load.so"));
	char *text = cjm_plugin_failure_text(f, false);
	assert_non_null(strstr(text, "warning: plugin "));
	assert_non_null(strstr(text, "/crash-load.so crashed with SIGABRT"));
	free(text);
	cjm_registry_free(reg);

	/* the next time: disabled, not loaded at all */
	reg = cjm_registry_new(true);
	f = failure_of(reg->failures, reg->failure_count, "/crash-load.so");
	assert_non_null(f);
	assert_int_equal(f->kind, CJM_PLUGIN_DISABLED);
	assert_non_null(strstr(f->why, "SIGABRT"));
	cjm_registry_free(reg);

	/* changed (touched): tried again */
	char *path = xasprintf("%s/crash-load.so", dir);
	struct timespec times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	free(path);
	reg = cjm_registry_new(true);
	f = failure_of(reg->failures, reg->failure_count, "/crash-load.so");
	assert_non_null(f);
	assert_int_equal(f->kind, CJM_PLUGIN_CRASHED);
	cjm_registry_free(reg);
	remember(xasprintf("%s/crash-load.so", dir));
	remember(xasprintf("%s/example.so", dir));
}

/* A plugin that crashes while suggesting gives nothing, is disabled, and the others' suggestions come. */
static void test_crash_while_suggesting(void **state)
{
	(void)state;
	const char *dir = scratch_dir("crash-run");
	copy_plugin(dir, "crash-run");
	copy_plugin(dir, "example");
	remember(xasprintf("%s/crash-run.so", dir));
	remember(xasprintf("%s/example.so", dir));
	setenv("CJM_PLUGIN_PATH", dir, 1);
	cjm_registry *reg = cjm_registry_new(true);
	const cjm_pattern_entry *e = cjm_registry_find(reg, "crash-run");
	assert_non_null(e);
	cjm_map *map = one_touchpoint_map();
	cjm_suggestions *list = cjm_suggest(map, reg, NULL, 0, false);
	assert_int_equal(list->failure_count, 1);
	assert_int_equal(list->failures[0].kind, CJM_PLUGIN_CRASHED);
	assert_non_null(strstr(list->failures[0].path, "/crash-run.so"));
	assert_non_null(strstr(list->failures[0].why, "crashed with SIGSEGV"));
	assert_non_null(strstr(list->failures[0].why, "while suggesting"));
	assert_true(e->plugin->disabled);
	bool builtin = false, plugin = false;
	for (size_t i = 0; i < list->count; i++) {
		assert_string_not_equal(list->items[i].title, "said before the crash");
		builtin |= strcmp(list->items[i].pattern, "soften-negatives") == 0;
		plugin |= strcmp(list->items[i].pattern, "owner-gaps") == 0;
	}
	assert_true(builtin);
	assert_true(plugin);
	assert_true(state_file_names("/crash-run/crash-run.so"));
	cjm_suggestions_free(list);
	/* disabled in this registry: not run again */
	list = cjm_suggest(map, reg, NULL, 0, false);
	assert_int_equal(list->failure_count, 0);
	cjm_suggestions_free(list);
	cjm_map_free(map);
	cjm_registry_free(reg);
}

/* A plugin that never returns is stopped at the time limit. */
static void test_hang_is_stopped(void **state)
{
	(void)state;
	const char *dir = scratch_dir("hang");
	copy_plugin(dir, "hang");
	remember(xasprintf("%s/hang.so", dir));
	setenv("CJM_PLUGIN_PATH", dir, 1);
	setenv("CJM_PLUGIN_TIMEOUT", "0.3", 1);
	cjm_registry *reg = cjm_registry_new(true);
	assert_true(reg->timeout == 0.3);
	cjm_map *map = one_touchpoint_map();
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cjm_suggestions *list = cjm_suggest(map, reg, NULL, 0, false);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double took = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_true(took >= 0.25 && took < 2.0);
	assert_int_equal(list->failure_count, 1);
	assert_non_null(strstr(list->failures[0].why, "did not finish within 0.3 s while suggesting"));
	assert_true(list->count > 0); /* the built-ins' suggestions */
	cjm_suggestions_free(list);
	cjm_map_free(map);
	cjm_registry_free(reg);
	/* a time limit that is not a number is the default */
	setenv("CJM_PLUGIN_TIMEOUT", "soon", 1);
	reg = cjm_registry_new(false);
	cjm_registry_free(reg);
	setenv("CJM_PLUGIN_PATH", "/nonexistent", 1);
	reg = cjm_registry_new(true);
	assert_true(reg->timeout == 2.0);
	cjm_registry_free(reg);
}

/* Every field of every kind of edit crosses the pipe as the plugin gave it. */
static void test_every_field_crosses(void **state)
{
	(void)state;
	setenv("CJM_PLUGIN_PATH", plugin_dir, 1);
	cjm_registry *reg = cjm_registry_new(true);
	cjm_map *map = cjm_map_new("Edits");
	cjm_phase *first = cjm_phase_new("orient", "Orient"), *last = cjm_phase_new("use", "Use");
	cjm_map_insert_phase(map, 0, first);
	cjm_map_insert_phase(map, 1, last);
	cjm_phase_insert_touchpoint(first, 0, cjm_touchpoint_new("compare", "Compare"));
	const char *only[] = { "mixed-good" };
	cjm_suggestions *list = cjm_suggest(map, reg, only, 1, false);
	assert_int_equal(list->failure_count, 0);
	assert_int_equal(list->count, 5);
	const cjm_suggestion *s = list->items;
	assert_string_equal(s[0].target, CJM_JOURNEY_TARGET);
	assert_string_equal(s[0].rationale, "from the mixed plugin");
	assert_int_equal(s[0].kind, CJM_PROPOSE_NOTHING);
	assert_int_equal(s[0].priority, 5);
	assert_int_equal(s[1].kind, CJM_PROPOSE_TOUCHPOINT);
	assert_string_equal(s[1].text, "Ask a friend");
	assert_string_equal(s[1].phase, "orient");
	assert_true(s[1].position == (size_t)-1);
	assert_int_equal(s[2].position, 1);
	assert_int_equal(s[3].kind, CJM_PROPOSE_MOVE);
	assert_string_equal(s[3].target, "compare");
	assert_string_equal(s[3].phase, "use");
	assert_int_equal(s[3].position, 0);
	assert_null(s[3].text);
	assert_int_equal(s[4].kind, CJM_PROPOSE_REMOVE);
	assert_string_equal(s[4].title, "Drop it");
	cjm_suggestions_free(list);
	cjm_map_free(map);
	cjm_registry_free(reg);
}

/* As ssh with its keys: what someone else could change is refused. */
static void test_loose_permissions(void **state)
{
	(void)state;
	const char *dir = scratch_dir("loose");
	copy_plugin(dir, "example");
	char *file = xasprintf("%s/example.so", dir);
	remember(xstrdup(file));
	setenv("CJM_PLUGIN_PATH", dir, 1);
	assert_int_equal(chmod(file, 0775), 0);
	cjm_registry *reg = cjm_registry_new(true);
	assert_null(cjm_registry_find(reg, "owner-gaps"));
	assert_int_equal(failures_matching(reg, "/loose/example.so", "writable by group; refused (fix: chmod go-w "), 1);
	cjm_registry_free(reg);
	assert_int_equal(chmod(file, 0755), 0);
	assert_int_equal(chmod(dir, 0707), 0);
	reg = cjm_registry_new(true);
	assert_null(cjm_registry_find(reg, "owner-gaps"));
	assert_int_equal(failures_matching(reg, "/loose", "plugin folder writable by others; refused"), 1);
	cjm_registry_free(reg);
	assert_int_equal(chmod(dir, 0700), 0);
	if (geteuid() == 0) {
		assert_int_equal(chown(file, 65534, (gid_t)-1), 0);
		reg = cjm_registry_new(true);
		assert_null(cjm_registry_find(reg, "owner-gaps"));
		assert_int_equal(failures_matching(reg, "/loose/example.so", "owned by uid 65534, not by root"), 1);
		cjm_registry_free(reg);
		assert_int_equal(chown(file, 0, (gid_t)-1), 0);
	}
	reg = cjm_registry_new(true);
	assert_non_null(cjm_registry_find(reg, "owner-gaps"));
	cjm_registry_free(reg);
	free(file);
}

/* The state file: one line per plugin, found only while the file is the same. */
static void test_disabled_file(void **state)
{
	(void)state;
	struct stat st;
	char *path = xasprintf("%s/example.so", plugin_dir);
	assert_int_equal(stat(path, &st), 0);
	char *odd = xstrdup("/tmp/a\\tab\there\nand a line.so");
	assert_null(cjm_disabled_record(odd, &st, "crashed with SIGSEGV\tthen\nmore"));
	assert_null(cjm_disabled_record(path, &st, "first reason"));
	assert_null(cjm_disabled_record(path, &st, "second reason"));
	cjm_disabled_list *list = cjm_disabled_load();
	assert_int_equal(list->count, 2);
	assert_string_equal(cjm_disabled_find(list, odd, &st), "crashed with SIGSEGV then more");
	assert_string_equal(cjm_disabled_find(list, path, &st), "second reason");
	struct stat changed = st;
	changed.st_size++;
	assert_null(cjm_disabled_find(list, path, &changed));
	changed = st;
	changed.st_mtim.tv_nsec = (changed.st_mtim.tv_nsec + 1) % 1000000000;
	assert_null(cjm_disabled_find(list, path, &changed));
	changed = st;
	changed.st_ino++;
	assert_null(cjm_disabled_find(list, path, &changed));
	assert_null(cjm_disabled_find(list, "/elsewhere/example.so", &st));
	cjm_disabled_free(list);
	/* a line that is not one of ours is skipped */
	char *file = cjm_disabled_file();
	FILE *f = fopen(file, "a");
	assert_non_null(f);
	fputs("garbage without tabs\n\t\t\t\t\t\n", f);
	fclose(f);
	list = cjm_disabled_load();
	assert_int_equal(list->count, 2);
	cjm_disabled_free(list);
	free(file);
	free(odd);
	free(path);
}

/* Removes PATH and, when it is a folder, everything in it. */
static void rm_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *de;
		while (d && (de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			char *sub = xasprintf("%s/%s", path, de->d_name);
			rm_tree(sub);
			free(sub);
		}
		if (d)
			closedir(d);
	}
	if (remove(path) != 0)
		fprintf(stderr, "cannot remove %s\n", path);
}

static void cleanup(void)
{
	for (size_t i = made_count; i-- > 0;)
		free(made[i]);
	rm_tree(scratch);
	free(plugin_dir);
	free(built_dir);
}

/* A plugin built for ABI 1 (the map's structures as the ABI) is refused, with both numbers. */
static void test_old_abi_refused(void **state)
{
	(void)state;
	const char *dir = scratch_dir("old-abi");
	copy_plugin(dir, "old-abi");
	copy_plugin(dir, "example");
	setenv("CJM_PLUGIN_PATH", dir, 1);
	cjm_registry *reg = cjm_registry_new(true);
	assert_int_equal(failures_matching(reg, "/old-abi.so", "built for plugin ABI 1; this cjm needs ABI 2"), 1);
	assert_int_equal(reg->failure_count, 1);
	assert_null(cjm_registry_find(reg, "old-abi"));
	assert_non_null(cjm_registry_find(reg, "owner-gaps"));
	cjm_registry_free(reg);
}

/* A map with every field, for the reader built against the frozen ABI-2 header. */
static const char reader_map_text[] =
	"version: 1\n"
	"title: Reading\n"
	"persona:\n"
	"  name: Ann\n"
	"brand_values:\n"
	"- honest\n"
	"- quick\n"
	"thresholds:\n"
	"  impact: 0.5\n"
	"patterns:\n"
	"  abi2-reader:\n"
	"    threshold: 2.5\n"
	"  strong-start:\n"
	"    enabled: false\n"
	"phases:\n"
	"- id: buy\n"
	"  name: Buy\n"
	"  description: Choosing\n"
	"  touchpoints:\n"
	"  - id: look\n"
	"    name: Look around\n"
	"    channel: web\n"
	"    owner: marketing\n"
	"    emotion: 2\n"
	"    satisfaction: 8\n"
	"    impact: 0.6\n"
	"    moment_of_truth: true\n"
	"    brand_moment: false\n"
	"    pillars:\n"
	"    - personalisation\n"
	"    - empathy\n"
	"    pains:\n"
	"    - Too many choices\n"
	"    - Prices unclear\n"
	"    ideas:\n"
	"    - Compare two\n"
	"    quotes:\n"
	"    - Where do I start?\n"
	"    notes: seen in the lab\n"
	"  - id: pay\n"
	"    name: Pay the bill\n"
	"    emotion: -3\n"
	"    commitment: true\n"
	"    visible: false\n"
	"- id: use\n"
	"  name: Use\n"
	"  touchpoints:\n"
	"  - id: unbox\n"
	"    name: Unbox\n"
	"    emotion: 1\n"
	"    satisfaction: 5\n"
	"    impact: 0.2\n"
	"  - id: wait\n"
	"    name: Wait\n"
	"dismissed:\n"
	"- pattern: abi2-reader\n"
	"  target: journey\n"
	"- pattern: skip-steps\n"
	"  target: pay\n";

/* What the reader reads of it, every function of the table once at least. */
static const char reader_expected[] =
	"map 'Reading' persona=Ann/- thresholds.satisfaction=- thresholds.impact=0.5 in force 7/0.5\n"
	"brand value honest\n"
	"brand value quick\n"
	" my threshold=2.5 enabled=-1, strong-start enabled=0\n"
	"dismissed abi2-reader journey\n"
	"dismissed skip-steps pay\n"
	"pillar bit of empathy 32, of nothing 0\n"
	"journey: 4 touchpoints, 3 scored, sum 0, mean 0.00, min -3 at pay, max 2 at look, 1/0/2, peak pay, "
	"end unbox, peak-end -1.0\n"
	"2 phases, 4 touchpoints\n"
	"phase buy 'Buy' description=Choosing\n"
	"  emotion: 2 touchpoints, 2 scored, sum -1, mean -0.50, min -3 at pay, max 2 at look, 1/0/1, peak pay, "
	"end pay, peak-end -3.0\n"
	"  tp look 'Look around' channel=web owner=marketing notes=seen in the lab emotion=2 satisfaction=8 "
	"impact=0.6 mot=1 brand=0 commit=-1 visible=1 pillars=personalisation,empathy, quadrant=3\n"
	"    pain Too many choices\n"
	"    pain Prices unclear\n"
	"    idea Compare two\n"
	"    quote Where do I start?\n"
	"    by key: channel=web emotion=2 impact=0.6 commitment=-1 visible=-1 pains=2 first=Too many choices "
	"nonsense=-/-1/0\n"
	"  tp pay 'Pay the bill' channel=- owner=- notes=- emotion=-3 satisfaction=- impact=- mot=-1 brand=-1 "
	"commit=1 visible=0 pillars= quadrant=-1\n"
	"    by key: channel=- emotion=-3 impact=- commitment=1 visible=0 pains=0 first=- nonsense=-/-1/0\n"
	"phase use 'Use' description=-\n"
	"  emotion: 2 touchpoints, 1 scored, sum 1, mean 1.00, min 1 at unbox, max 1 at unbox, 0/0/1, peak unbox, "
	"end unbox, peak-end 1.0\n"
	"  tp unbox 'Unbox' channel=- owner=- notes=- emotion=1 satisfaction=5 impact=0.2 mot=-1 brand=-1 "
	"commit=-1 visible=1 pillars= quadrant=0\n"
	"    by key: channel=- emotion=1 impact=0.2 commitment=-1 visible=-1 pains=0 first=- nonsense=-/-1/0\n"
	"  tp wait 'Wait' channel=- owner=- notes=- emotion=- satisfaction=- impact=- mot=-1 brand=-1 commit=-1 "
	"visible=1 pillars= quadrant=-1\n"
	"    by key: channel=- emotion=- impact=- commitment=-1 visible=-1 pains=0 first=- nonsense=-/-1/0\n"
	"find: pay in buy, 'Pay the bill' is pay in buy, buy is 'Buy', 'Use' is use, nothing is -\n";

/* A plugin built against the frozen ABI-2 header (tests/plugins/abi2/) is loaded
 * and run by this cjm, and reads every field right: it never saw the model's
 * structures, so however they grow or move it keeps working. */
static void test_abi2_plugin_runs(void **state)
{
	(void)state;
	const char *dir = scratch_dir("abi2");
	copy_plugin(dir, "abi2-reader");
	setenv("CJM_PLUGIN_PATH", dir, 1);
	cjm_registry *reg = cjm_registry_new(true);
	assert_int_equal(reg->failure_count, 0);
	assert_non_null(cjm_registry_find(reg, "abi2-reader"));
	diag_list *diags = diag_list_new("reader.yaml");
	cjm_map *map = cjm_load_buffer(reader_map_text, strlen(reader_map_text), diags, NULL);
	assert_non_null(map);
	diag_list_free(diags);
	const char *only[] = { "abi2-reader" };
	cjm_suggestions *list = cjm_suggest(map, reg, only, 1, true);
	assert_int_equal(list->failure_count, 0);
	assert_int_equal(list->count, 1);
	assert_string_equal(list->items[0].title, "What the ABI-2 reader read");
	assert_true(list->items[0].dismissed);
	assert_string_equal(list->items[0].rationale, reader_expected);
	cjm_suggestions_free(list);
	cjm_map_free(map);
	cjm_registry_free(reg);
}

/* Where a member of the ABI sits: name, offset, size (as the frozen plugin tells it). */
typedef struct abi_member {
	const char *name;
	size_t offset, size;
} abi_member;

#define MEMBER(type, member) { #type "." #member, offsetof(type, member), sizeof(((type *)0)->member) }
#define WHOLE(type) { #type, 0, sizeof(type) }

/* The members of ABI 2 as the current header lays them out. */
static const abi_member current_layout[] = {
#include "../plugins/abi2/layout.inc"
};

/* Every member the frozen ABI-2 header has sits at the same offset with the same
 * size in the current one; a whole struct may only have grown (members added at
 * the end), and the table cjm hands out is at least as large as the frozen one. */
static void test_abi2_layout_kept(void **state)
{
	(void)state;
	char *path = xasprintf("%s/abi2-reader.so", built_dir);
	void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	assert_non_null(handle);
	void *sym = dlsym(handle, "cjm_abi2_layout");
	assert_non_null(sym);
	const abi_member *(*layout_of)(void);
	memcpy(&layout_of, &sym, sizeof layout_of);
	const abi_member *frozen = layout_of();
	size_t checked = 0;
	for (size_t i = 0; frozen[i].name; i++) {
		const abi_member *now = NULL;
		for (size_t j = 0; j < sizeof current_layout / sizeof *current_layout && !now; j++)
			if (strcmp(current_layout[j].name, frozen[i].name) == 0)
				now = &current_layout[j];
		if (!now)
			fail_msg("%s of the ABI-2 header is gone", frozen[i].name);
		bool whole = !strchr(frozen[i].name, '.') && frozen[i].offset == 0 && frozen[i].size > 0;
		if (whole ? now->size < frozen[i].size
			  : now->offset != frozen[i].offset || now->size != frozen[i].size)
			fail_msg("%s moved: offset %zu size %zu in the ABI-2 header, %zu and %zu now", frozen[i].name,
				 frozen[i].offset, frozen[i].size, now->offset, now->size);
		checked++;
	}
	assert_int_equal(checked, sizeof current_layout / sizeof *current_layout);
	dlclose(handle);
	free(path);
}

/* A plugin built with a shorter cjm_emotion_figures (an older header) gets only the
 * members it knows: cjm writes nothing past the size it was handed. */
static void test_api_fills_what_fits(void **state)
{
	(void)state;
	const cjm_api *api = cjm_api_host();
	assert_int_equal(api->size, sizeof(cjm_api));
	cjm_map *map = cjm_map_new("Fit");
	cjm_phase *phase = cjm_phase_new("p", "P");
	cjm_map_insert_phase(map, 0, phase);
	cjm_touchpoint *tp = cjm_touchpoint_new("t", "T");
	tp->has_emotion = true;
	tp->emotion = -2;
	cjm_phase_insert_touchpoint(phase, 0, tp);

	cjm_emotion_figures f;
	memset(&f, 0x5a, sizeof f);
	f.size = offsetof(cjm_emotion_figures, lowest); /* as a header that ended at max would have it */
	assert_true(api->journey_emotion(map, &f));
	assert_int_equal(f.size, offsetof(cjm_emotion_figures, lowest));
	assert_int_equal(f.touchpoints, 1);
	assert_int_equal(f.scored, 1);
	assert_int_equal(f.min, -2);
	assert_int_equal(f.max, -2);
	unsigned char untouched[sizeof f - offsetof(cjm_emotion_figures, lowest)];
	memset(untouched, 0x5a, sizeof untouched);
	assert_memory_equal((unsigned char *)&f + offsetof(cjm_emotion_figures, lowest), untouched, sizeof untouched);

	f.size = sizeof f;
	assert_true(api->phase_emotion(api->phase_at(map, 0), &f));
	assert_ptr_equal(f.peak, tp);
	assert_ptr_equal(f.end, tp);
	assert_true(f.peak_end == -2.0);
	f.size = 0; /* nothing fits: nothing written, the answer still given */
	f.scored = 99;
	assert_true(api->journey_emotion(map, &f));
	assert_int_equal(f.scored, 99);
	cjm_map_free(map);
}

/* CJM_API_HAS tells a function of the table from one an older cjm's table lacks. */
static void test_api_has(void **state)
{
	(void)state;
	const cjm_api *api = cjm_api_host();
	assert_true(CJM_API_HAS(api, tp_quadrant));
	assert_true(CJM_API_HAS(api, phase_count));
	cjm_api older = *api;
	older.size = offsetof(cjm_api, tp_quadrant); /* a table from before tp_quadrant */
	assert_false(CJM_API_HAS(&older, tp_quadrant));
	assert_true(CJM_API_HAS(&older, phase_emotion));
	/* every function of the table is there */
	const char *first = (const char *)&api->phase_count, *end = (const char *)api + api->size;
	for (const char *at = first; at < end; at += sizeof(void (*)(void))) {
		void (*fn)(void);
		memcpy(&fn, at, sizeof fn);
		assert_non_null(fn);
	}
	cjm_pattern_context ctx = cjm_api_context(NULL, 1.5, NULL, NULL);
	assert_int_equal(ctx.size, sizeof ctx);
	assert_ptr_equal(ctx.api, api);
	assert_true(ctx.threshold == 1.5);
}

/* A value of KIND for FIELD that the by-key getters can tell from absence. */
static cjm_value sample_value(cjm_field field, cjm_strlist *list)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	cjm_value v = { .present = true, .text = info->key, .integer = (int)info->max, .number = info->max,
			.boolean = true, .list = list };
	return v;
}

/* What the by-key getters of the API read of field F of the item REF names, as a
 * value: the plugin's view of it. */
static cjm_value api_value_of(const cjm_api *api, const cjm_map *map, cjm_ref ref, cjm_field f)
{
	const cjm_field_info *info = cjm_field_info_of(f);
	const cjm_phase *phase = ref.kind == CJM_REF_MAP ? NULL : api->phase_at(map, ref.phase);
	const cjm_touchpoint *tp = ref.kind == CJM_REF_TOUCHPOINT ? api->touchpoint_at(phase, ref.tp) : NULL;
	cjm_value v = { 0 };
	double number = 0;
	switch (info->kind) {
	case CJM_KIND_TEXT:
		v.text = tp ? api->tp_text(tp, info->key)
			 : phase ? api->phase_text(phase, info->key) : api->map_text(map, info->key);
		v.present = v.text != NULL;
		break;
	case CJM_KIND_EMOTION:
	case CJM_KIND_NUMBER:
		v.present = tp ? api->tp_number(tp, info->key, &number) : api->map_number(map, info->key, &number);
		v.number = number;
		v.integer = (int)number;
		break;
	case CJM_KIND_BOOL: {
		int yesno = tp ? api->tp_yesno(tp, info->key) : CJM_YESNO_UNSET;
		v.present = yesno != CJM_YESNO_UNSET;
		v.boolean = yesno == CJM_YESNO_YES;
		break;
	}
	case CJM_KIND_LIST: {
		size_t n = tp ? api->tp_list_count(tp, info->key) : api->map_list_count(map, info->key);
		v.present = n > 0;
		const char *first = tp ? api->tp_list_item(tp, info->key, 0) : api->map_list_item(map, info->key, 0);
		v.text = first;
		break;
	}
	case CJM_KIND_PILLARS:
		break;
	}
	return v;
}

/* Every field of the field table, of the map, a phase and a touchpoint, reads through
 * the by-key getters a plugin has: absent before it is set, the value after. So a
 * field added to the table is in every plugin's reach the moment it is added. */
static void test_api_reads_every_field_by_key(void **state)
{
	(void)state;
	const cjm_api *api = cjm_api_host();
	cjm_strlist list = { 0 };
	cjm_strlist_push(&list, "first item");
	const cjm_ref_kind kinds[] = { CJM_REF_MAP, CJM_REF_PHASE, CJM_REF_TOUCHPOINT };
	size_t checked = 0;
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		for (int f = 0; f < CJM_FIELD_COUNT; f++) {
			cjm_field field = (cjm_field)f;
			const cjm_field_info *info = cjm_field_info_of(field);
			if (!cjm_field_applies(field, kinds[k]) || info->kind == CJM_KIND_PILLARS)
				continue; /* pillars have tp_pillars, not a by-key getter */
			cjm_map *map = cjm_map_new("Every field");
			cjm_phase *phase = cjm_phase_new("p", "P");
			cjm_map_insert_phase(map, 0, phase);
			cjm_phase_insert_touchpoint(phase, 0, cjm_touchpoint_new("t", "T"));
			cjm_ref ref = { kinds[k], 0, 0 };
			cjm_value before = api_value_of(api, map, ref, field);
			if (!info->required && before.present)
				fail_msg("%s reads as set before it is", info->key);
			cjm_value want = sample_value(field, &list);
			cjm_field_set(map, ref, field, &want);
			cjm_value got = api_value_of(api, map, ref, field);
			if (!got.present)
				fail_msg("%s (%s) does not read through the API", info->key,
					 kinds[k] == CJM_REF_MAP ? "map" : kinds[k] == CJM_REF_PHASE ? "phase" : "touchpoint");
			switch (info->kind) {
			case CJM_KIND_TEXT: assert_string_equal(got.text, info->key); break;
			case CJM_KIND_EMOTION: assert_int_equal(got.integer, (int)info->max); break;
			case CJM_KIND_NUMBER: assert_true(got.number == info->max); break;
			case CJM_KIND_BOOL: assert_true(got.boolean); break;
			case CJM_KIND_LIST: assert_string_equal(got.text, "first item"); break;
			case CJM_KIND_PILLARS: break;
			}
			checked++;
			cjm_map_free(map);
		}
	}
	assert_true(checked >= 20); /* the table's fields, less pillars; more as it grows */
	cjm_strlist_clear(&list);
}

int main(int argc, char **argv)
{
	(void)argc;
	umask(022); /* the files made here must pass the plugin permission check under any umask */
	/* BUILD/tests/test_registry finds the plugins in BUILD/plugins. */
	char *self = xstrdup(argv[0]);
	char *slash = strrchr(self, '/');
	char *rel = slash ? (*slash = '\0', xasprintf("%s/../plugins", self)) : xstrdup("../plugins");
	free(self);
	built_dir = realpath(rel, NULL);
	if (!built_dir || access(built_dir, R_OK) != 0) {
		fprintf(stderr, "test_registry: the test plugins are not in %s; make builds them\n", rel);
		free(rel);
		return 1;
	}
	free(rel);
	char *probe = xasprintf("%s/example.so", built_dir);
	if (access(probe, R_OK) != 0) {
		fprintf(stderr, "test_registry: %s is missing; make builds it\n", probe);
		free(probe);
		return 1;
	}
	free(probe);
	if (!mkdtemp(scratch)) {
		perror("mkdtemp");
		return 1;
	}
	plugin_dir = xasprintf("%s/plugins", scratch);
	if (mkdir(plugin_dir, 0755) != 0) {
		perror(plugin_dir);
		return 1;
	}
	for (size_t i = 0; i < sizeof usual_plugins / sizeof *usual_plugins; i++)
		copy_plugin(plugin_dir, usual_plugins[i]);
	char cwd[4096];
	if (!getcwd(cwd, sizeof cwd))
		return 1;

	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_builtins_in_tip_order, reset_env),
		cmocka_unit_test_setup(test_builtins_keep_the_abi, reset_env),
		cmocka_unit_test_setup(test_find, reset_env),
		cmocka_unit_test_setup(test_no_plugins_unless_asked, reset_env),
		cmocka_unit_test_setup(test_plugin_path, reset_env),
		cmocka_unit_test_setup(test_relative_and_missing_folders, reset_env),
		cmocka_unit_test_setup(test_folder_once, reset_env),
		cmocka_unit_test_setup(test_not_a_shared_object, reset_env),
		cmocka_unit_test_setup(test_xdg_and_home, reset_env),
		cmocka_unit_test_setup(test_home_fallback, reset_env),
		cmocka_unit_test_setup(test_plugin_suggests, reset_env),
		cmocka_unit_test_setup(test_parent_never_loads, reset_env),
		cmocka_unit_test_setup(test_crash_while_loading, reset_env),
		cmocka_unit_test_setup(test_crash_while_suggesting, reset_env),
		cmocka_unit_test_setup(test_hang_is_stopped, reset_env),
		cmocka_unit_test_setup(test_every_field_crosses, reset_env),
		cmocka_unit_test_setup(test_loose_permissions, reset_env),
		cmocka_unit_test_setup(test_disabled_file, reset_env),
		cmocka_unit_test_setup(test_old_abi_refused, reset_env),
		cmocka_unit_test_setup(test_abi2_plugin_runs, reset_env),
		cmocka_unit_test_setup(test_abi2_layout_kept, reset_env),
		cmocka_unit_test_setup(test_api_fills_what_fits, reset_env),
		cmocka_unit_test_setup(test_api_has, reset_env),
		cmocka_unit_test_setup(test_api_reads_every_field_by_key, reset_env),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	if (chdir(cwd) != 0)
		perror("chdir");
	cleanup();
	return failed;
}
