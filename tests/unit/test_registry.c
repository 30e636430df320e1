/* Unit tests for the pattern registry: the built-ins in order, finding, the plugin path from the environment, failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "patterns/builtin.h"
#include "patterns/registry.h"
#include "patterns/suggest.h"
#include "util/xalloc.h"

static const char *const builtin_ids[] = {
	"soften-negatives", "amplify-peaks", "moments-of-truth", "strong-start", "end-with-smile",
	"extend-journey", "skip-steps", "reorder-steps", "intelligent-experience", "redesign",
};
#define BUILTIN_COUNT (sizeof builtin_ids / sizeof *builtin_ids)

/* The test plugins' folder (the build's plugins/, beside tests/), absolute. */
static char *plugin_dir;
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
static int reset_env(void **state)
{
	(void)state;
	unsetenv("CJM_PLUGIN_PATH");
	unsetenv("XDG_DATA_HOME");
	unsetenv("CJM_TEST_MARKER");
	setenv("HOME", scratch, 1);
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
	assert_int_equal(reg->handle_count, 0);
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
	assert_int_equal(reg->handle_count, 4); /* example, marker, mixed, rough; the others closed */
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

static void cleanup(void)
{
	for (size_t i = made_count; i-- > 0;) {
		if (remove(made[i]) != 0)
			fprintf(stderr, "cannot remove %s\n", made[i]);
		free(made[i]);
	}
	rmdir(scratch);
	free(plugin_dir);
}

int main(int argc, char **argv)
{
	(void)argc;
	/* BUILD/tests/test_registry finds the plugins in BUILD/plugins. */
	char *self = xstrdup(argv[0]);
	char *slash = strrchr(self, '/');
	char *rel = slash ? (*slash = '\0', xasprintf("%s/../plugins", self)) : xstrdup("../plugins");
	free(self);
	plugin_dir = realpath(rel, NULL);
	if (!plugin_dir || access(plugin_dir, R_OK) != 0) {
		fprintf(stderr, "test_registry: the test plugins are not in %s; make builds them\n", rel);
		free(rel);
		return 1;
	}
	free(rel);
	char *probe = xasprintf("%s/example.so", plugin_dir);
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
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	if (chdir(cwd) != 0)
		perror("chdir");
	cleanup();
	return failed;
}
