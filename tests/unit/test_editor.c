/* Unit tests for the editor without a screen: selection, columns, commands, keys, the line editor. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "editor/editor.h"
#include "editor/line.h"
#include "io/load.h"

/* Phases A (a1, a2, a3), B (empty), C (c1). */
static cjm_editor *editor_fixture(void)
{
	cjm_map *map = cjm_map_new("Test journey");
	const char *phases[] = { "A", "B", "C" };
	for (size_t p = 0; p < 3; p++) {
		char id[8];
		snprintf(id, sizeof id, "%c", 'a' + (int)p + 'A' - 'A');
		id[0] = (char)('a' + p);
		id[1] = 0;
		cjm_map_insert_phase(map, p, cjm_phase_new(id, phases[p]));
	}
	const char *tps[][2] = { { "a1", "First" }, { "a2", "Second" }, { "a3", "Third" } };
	for (size_t t = 0; t < 3; t++)
		cjm_phase_insert_touchpoint(map->phases[0], t, cjm_touchpoint_new(tps[t][0], tps[t][1]));
	cjm_phase_insert_touchpoint(map->phases[2], 0, cjm_touchpoint_new("c1", "Last one"));
	return cjm_editor_new(map, NULL, false);
}

static void test_columns(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	assert_int_equal(cjm_editor_column_count(ed), 5); /* 3 + the empty phase + 1 */
	size_t p, t;
	cjm_editor_column_item(ed, 3, &p, &t);
	assert_int_equal(p, 1);
	assert_int_equal(t, CJM_PHASE_ITSELF);
	cjm_editor_column_item(ed, 4, &p, &t);
	assert_int_equal(p, 2);
	assert_int_equal(t, 0);
	cjm_editor_column_item(ed, 2, &p, &t);
	assert_int_equal(p, 0);
	assert_int_equal(t, 2);
	assert_int_equal(cjm_editor_phase_column(ed, 2), 4);
	/* the layout follows changes */
	assert_int_equal(cjm_editor_run(ed, "add-touchpoint Fourth"), 0);
	assert_int_equal(cjm_editor_column_count(ed), 6);
	assert_int_equal(cjm_editor_phase_column(ed, 2), 5);
	cjm_editor_free(ed);
}

static void test_moving_the_selection(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	assert_int_equal(ed->phase, 0);
	assert_int_equal(ed->tp, 0);
	cjm_editor_key(ed, 'l');
	cjm_editor_key(ed, CJM_KEY_RIGHT);
	cjm_editor_key(ed, 'l');
	assert_int_equal(ed->phase, 1); /* the empty phase's column */
	assert_int_equal(ed->tp, CJM_PHASE_ITSELF);
	cjm_editor_key(ed, 'l');
	assert_int_equal(ed->phase, 2);
	assert_int_equal(ed->tp, 0);
	cjm_editor_key(ed, 'l'); /* at the end: stays */
	assert_int_equal(ed->phase, 2);
	cjm_editor_key(ed, CJM_KEY_HOME);
	assert_int_equal(ed->phase, 0);
	assert_int_equal(ed->tp, 0);
	cjm_editor_key(ed, CJM_KEY_END);
	assert_int_equal(ed->phase, 2);
	cjm_editor_key(ed, '[');
	assert_int_equal(ed->phase, 1);
	cjm_editor_key(ed, '[');
	assert_int_equal(ed->phase, 0);
	assert_int_equal(ed->tp, 0);
	cjm_editor_key(ed, 'k'); /* up to the phase */
	assert_int_equal(ed->tp, CJM_PHASE_ITSELF);
	cjm_editor_key(ed, 'l'); /* phase to phase */
	assert_int_equal(ed->phase, 1);
	cjm_editor_key(ed, 'h'); /* from an empty phase's column to the column before */
	assert_int_equal(ed->phase, 0);
	assert_int_equal(ed->tp, 2);
	cjm_editor_key(ed, 'k');
	cjm_editor_key(ed, 'j'); /* down from a phase: its first touchpoint */
	assert_int_equal(ed->phase, 0);
	assert_int_equal(ed->tp, 0);
	assert_int_equal(cjm_editor_key(ed, 0x1234), 1); /* not bound */
	cjm_editor_free(ed);
}

static void test_scrolling(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	cjm_editor_key(ed, CJM_KEY_END);
	cjm_editor_scroll_to_selection(ed, 2);
	assert_int_equal(ed->scroll_col, 3);
	cjm_editor_key(ed, CJM_KEY_HOME);
	cjm_editor_scroll_to_selection(ed, 2);
	assert_int_equal(ed->scroll_col, 0);
	assert_true(cjm_editor_select_column(ed, 2));
	assert_int_equal(ed->tp, 2);
	assert_false(cjm_editor_select_column(ed, 99));
	cjm_editor_free(ed);
}

static void test_add_asks_a_name(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	cjm_editor_key(ed, 'a');
	assert_string_equal(cjm_editor_question(ed), "Touchpoint name: ");
	cjm_editor_answer(ed, "Oriëntatie & keuze");
	assert_null(cjm_editor_question(ed));
	const cjm_map *map = cjm_editor_map(ed);
	assert_int_equal(map->phases[0]->touchpoint_count, 4);
	assert_string_equal(map->phases[0]->touchpoints[1]->name, "Oriëntatie & keuze");
	assert_string_equal(map->phases[0]->touchpoints[1]->id, "orientatie-keuze");
	assert_int_equal(ed->tp, 1); /* the new touchpoint is selected */
	/* a cancelled question changes nothing */
	cjm_editor_key(ed, 'a');
	cjm_editor_answer(ed, NULL);
	assert_int_equal(map->phases[0]->touchpoint_count, 4);
	/* on an empty phase, at its end */
	cjm_editor_run(ed, "next-phase");
	cjm_editor_run(ed, "add-touchpoint Only");
	assert_int_equal(map->phases[1]->touchpoint_count, 1);
	assert_int_equal(ed->phase, 1);
	assert_int_equal(ed->tp, 0);
	/* a phase after the current one, selected */
	cjm_editor_key(ed, 'P');
	assert_string_equal(cjm_editor_question(ed), "Phase name: ");
	cjm_editor_answer(ed, "Nazorg");
	assert_int_equal(map->phase_count, 4);
	assert_string_equal(map->phases[2]->name, "Nazorg");
	assert_int_equal(ed->phase, 2);
	assert_int_equal(ed->tp, CJM_PHASE_ITSELF);
	cjm_editor_free(ed);
}

static void test_emotion_keys(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	const cjm_touchpoint *tp = cjm_editor_map(ed)->phases[0]->touchpoints[0];
	cjm_editor_key(ed, '+');
	assert_true(tp->has_emotion);
	assert_int_equal(tp->emotion, 1);
	for (int i = 0; i < 5; i++)
		cjm_editor_key(ed, '+');
	assert_int_equal(tp->emotion, 3); /* stops at +3 */
	cjm_editor_key(ed, '0');
	assert_int_equal(tp->emotion, 0);
	for (int i = 0; i < 5; i++)
		cjm_editor_key(ed, '-');
	assert_int_equal(tp->emotion, -3);
	assert_int_equal(cjm_editor_run(ed, "emotion -2"), 0);
	assert_int_equal(tp->emotion, -2);
	assert_int_equal(cjm_editor_run(ed, "emotion 7"), -1);
	assert_non_null(strstr(ed->message, "-3 to +3"));
	assert_int_equal(cjm_editor_run(ed, "emotion none"), 0);
	assert_false(tp->has_emotion);
	/* undo walks back through every step */
	cjm_editor_key(ed, 'u');
	assert_int_equal(tp->emotion, -2);
	cjm_editor_key(ed, CJM_KEY_CTRL_R);
	assert_false(tp->has_emotion);
	/* a phase has no emotion */
	cjm_editor_key(ed, 'k');
	assert_int_equal(cjm_editor_key(ed, '+'), -1);
	assert_non_null(strstr(ed->message, "select a touchpoint"));
	cjm_editor_free(ed);
}

static void test_delete_move_undo(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	const cjm_map *map = cjm_editor_map(ed);
	cjm_editor_key(ed, 'L'); /* First moves right */
	assert_string_equal(map->phases[0]->touchpoints[1]->id, "a1");
	assert_int_equal(ed->tp, 1);
	cjm_editor_key(ed, 'L');
	cjm_editor_key(ed, 'L'); /* over the edge into the next phase */
	assert_int_equal(ed->phase, 1);
	assert_string_equal(map->phases[1]->touchpoints[0]->id, "a1");
	cjm_editor_key(ed, 'x');
	assert_int_equal(map->phases[1]->touchpoint_count, 0);
	assert_int_equal(ed->tp, CJM_PHASE_ITSELF); /* the selection stays on something real */
	cjm_editor_key(ed, 'u');
	cjm_editor_key(ed, 'u');
	cjm_editor_key(ed, 'u');
	cjm_editor_key(ed, 'u');
	assert_string_equal(map->phases[0]->touchpoints[0]->id, "a1");
	assert_false(cjm_edit_dirty(ed->edit));
	/* deleting a phase, and H on a phase */
	cjm_editor_run(ed, "last");
	cjm_editor_key(ed, 'k');
	cjm_editor_key(ed, 'H');
	assert_string_equal(map->phases[1]->id, "c");
	cjm_editor_key(ed, 'x'); /* a phase with a touchpoint: asks first */
	assert_int_equal(map->phase_count, 3);
	assert_true(cjm_editor_question_is_key(ed));
	cjm_editor_answer_key(ed, 'y');
	assert_int_equal(map->phase_count, 2);
	cjm_editor_key(ed, 'u');
	assert_int_equal(map->phase_count, 3);
	assert_string_equal(map->phases[1]->touchpoints[0]->id, "c1");
	cjm_editor_free(ed);
}

static void test_search(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	cjm_editor_key(ed, '/');
	assert_string_equal(cjm_editor_question(ed), "/");
	cjm_editor_answer(ed, "last");
	assert_int_equal(ed->phase, 2);
	assert_int_equal(ed->tp, 0);
	cjm_editor_run(ed, "search-next"); /* wraps round to the same one */
	assert_int_equal(ed->phase, 2);
	assert_int_equal(cjm_editor_run(ed, "search nowhere"), -1);
	assert_non_null(strstr(ed->message, "not on the map"));
	cjm_editor_free(ed);
}

static void test_quit_and_save(void **state)
{
	(void)state;
	char dir[] = "/tmp/cjm-editor-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/m.yaml", dir);
	cjm_editor *ed = editor_fixture();
	assert_int_equal(cjm_editor_run(ed, "q"), 0);
	assert_true(ed->quit); /* nothing changed: quits */
	ed->quit = false;
	cjm_editor_key(ed, '+');
	assert_int_equal(cjm_editor_run(ed, "q"), -1);
	assert_false(ed->quit);
	assert_non_null(strstr(ed->message, "unsaved changes"));
	assert_int_equal(cjm_editor_run(ed, "w"), -1); /* no file name yet */
	assert_int_equal(cjm_editor_run(ed, "wq"), -1);
	assert_false(ed->quit);
	char line[160];
	snprintf(line, sizeof line, "w %s", path);
	assert_int_equal(cjm_editor_run(ed, line), 0);
	assert_false(cjm_edit_dirty(ed->edit));
	assert_int_equal(access(path, F_OK), 0);
	cjm_editor_run(ed, "q");
	assert_true(ed->quit);
	cjm_editor_free(ed);

	/* comments: the first :w warns, the second saves */
	diag_list *diags = diag_list_new(path);
	int err;
	cjm_map *map = cjm_load_file(path, diags, NULL, &err);
	assert_non_null(map);
	diag_list_free(diags);
	ed = cjm_editor_new(map, path, false);
	ed->comment_count = 2;
	cjm_editor_key(ed, '-');
	assert_int_equal(cjm_editor_run(ed, "w"), -1);
	assert_non_null(strstr(ed->message, "comment"));
	assert_int_equal(cjm_editor_run(ed, "w"), 0);
	assert_non_null(strstr(ed->message, ".orig"));
	char backup[160];
	snprintf(backup, sizeof backup, "%s.orig", path);
	assert_int_equal(access(backup, F_OK), 0); /* the commented original, kept */
	unlink(backup);
	cjm_editor_free(ed);

	/* read-only: nothing changes, :w refuses, q! quits */
	map = cjm_map_new("R");
	ed = cjm_editor_new(map, path, true);
	assert_int_equal(cjm_editor_key(ed, 'P'), -1);
	assert_non_null(strstr(ed->message, "read-only"));
	assert_int_equal(cjm_editor_run(ed, "w"), -1);
	cjm_editor_run(ed, "q!");
	assert_true(ed->quit);
	cjm_editor_free(ed);
	unlink(path);
	rmdir(dir);
}

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static bool file_has(const char *path, const char *needle)
{
	static char buf[8192];
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return strstr(buf, needle) != NULL;
}

/* Theirs: the map on disk rewritten by someone else. */
static const char theirs_text[] = "version: 1\ntitle: Theirs\nphases:\n- id: x\n  name: X\n";

/* A save never overwrites a file that changed on disk since it was read: it asks. */
static void test_save_changed_on_disk(void **state)
{
	(void)state;
	char dir[] = "/tmp/cjm-editor-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[128], other[160];
	snprintf(path, sizeof path, "%s/m.yaml", dir);
	snprintf(other, sizeof other, "%s/mine.yaml", dir);
	cjm_editor *ed = editor_fixture();
	char line[200];
	snprintf(line, sizeof line, "w %s", path);
	assert_int_equal(cjm_editor_run(ed, line), 0); /* the editor's file from now on */
	assert_string_equal(ed->path, path);

	/* touched, same bytes: no question */
	struct timespec times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	cjm_editor_key(ed, '+');
	assert_int_equal(cjm_editor_run(ed, "w"), 0);
	assert_int_equal(ed->ask, CJM_ASK_NOTHING);

	/* other bytes: nothing written, a one-key question */
	put_file(path, theirs_text);
	cjm_editor_key(ed, '+');
	assert_int_equal(cjm_editor_run(ed, "w"), -1);
	assert_int_equal(ed->ask, CJM_ASK_DISK_CHANGED);
	assert_true(cjm_editor_question_is_key(ed));
	assert_non_null(strstr(cjm_editor_question(ed), "m.yaml changed on disk since it was read"));
	assert_non_null(strstr(cjm_editor_question(ed), "k keep mine"));
	assert_non_null(strstr(cjm_editor_question(ed), "r reload theirs"));
	assert_true(file_has(path, "Theirs"));
	cjm_editor_answer_key(ed, 'z'); /* no answer: still asking */
	assert_int_equal(ed->ask, CJM_ASK_DISK_CHANGED);
	cjm_editor_answer(ed, "k"); /* a line is no answer to a key question */
	assert_int_equal(ed->ask, CJM_ASK_DISK_CHANGED);
	cjm_editor_answer_key(ed, 27);
	assert_int_equal(ed->ask, CJM_ASK_NOTHING);
	assert_non_null(strstr(ed->message, "not saved"));
	assert_true(file_has(path, "Theirs"));
	assert_true(cjm_edit_dirty(ed->edit));

	/* k: mine over theirs */
	assert_int_equal(cjm_editor_run(ed, "w"), -1);
	cjm_editor_answer_key(ed, 'k');
	assert_int_equal(ed->ask, CJM_ASK_NOTHING);
	assert_false(cjm_edit_dirty(ed->edit));
	assert_true(file_has(path, "Test journey"));
	assert_true(file_has(path, "emotion: 2"));
	assert_null(ed->question);

	/* o: mine to another file, theirs untouched, still unsaved here */
	put_file(path, theirs_text);
	cjm_editor_key(ed, '+');
	assert_int_equal(cjm_editor_run(ed, "w"), -1);
	cjm_editor_answer_key(ed, 'o');
	assert_int_equal(ed->ask, CJM_ASK_WRITE_MINE_TO);
	assert_false(cjm_editor_question_is_key(ed));
	cjm_editor_answer(ed, other);
	assert_non_null(strstr(ed->message, "wrote mine to"));
	assert_true(file_has(other, "emotion: 3"));
	assert_true(file_has(path, "Theirs"));
	assert_true(cjm_edit_dirty(ed->edit));
	assert_int_equal(cjm_editor_run(ed, "w"), -1);
	cjm_editor_answer_key(ed, 'o');
	cjm_editor_answer(ed, other); /* exists: refused */
	assert_non_null(strstr(ed->message, "exists: not written"));

	/* r: the main loop is asked to keep mine, then the map is theirs */
	assert_int_equal(cjm_editor_run(ed, "w"), -1);
	cjm_editor_answer_key(ed, 'r');
	assert_true(ed->reload_wanted);
	ed->reload_wanted = false;
	cjm_file_stamp stamp;
	size_t comments = 9;
	cjm_map *theirs = cjm_editor_read_disk(ed, &stamp, &comments);
	assert_non_null(theirs);
	assert_int_equal(comments, 0);
	cjm_editor_replace_map(ed, theirs, &stamp, comments, "/kept/here");
	assert_string_equal(cjm_editor_map(ed)->title, "Theirs");
	assert_false(cjm_edit_dirty(ed->edit));
	assert_non_null(strstr(ed->message, "kept in /kept/here"));
	assert_int_equal(cjm_editor_column_count(ed), 1); /* the layout is theirs too */
	assert_int_equal(cjm_editor_run(ed, "w"), 0);  /* theirs, as read: no question */

	/* a file that is no valid map cannot be reloaded */
	put_file(path, "title: [unclosed\n");
	assert_null(cjm_editor_read_disk(ed, &stamp, &comments));
	assert_non_null(strstr(ed->message, "cannot reload"));

	/* :w! writes without asking */
	cjm_editor_run(ed, "rename Mine");
	assert_int_equal(cjm_editor_run(ed, "w!"), 0);
	assert_true(file_has(path, "name: Mine"));

	/* gone: k writes it again, r is no answer */
	unlink(path);
	cjm_editor_run(ed, "rename Again");
	assert_int_equal(cjm_editor_run(ed, "w"), -1);
	assert_non_null(strstr(cjm_editor_question(ed), "was deleted"));
	cjm_editor_answer_key(ed, 'r');
	assert_int_equal(ed->ask, CJM_ASK_DISK_CHANGED);
	assert_false(ed->reload_wanted);
	cjm_editor_answer_key(ed, 'k');
	assert_true(file_has(path, "name: Again"));

	/* :wq asks, and k saves and quits */
	put_file(path, theirs_text);
	cjm_editor_run(ed, "rename Last");
	assert_int_equal(cjm_editor_run(ed, "wq"), -1);
	assert_false(ed->quit);
	cjm_editor_answer_key(ed, 'k');
	assert_true(ed->quit);
	assert_true(file_has(path, "name: Last"));
	cjm_editor_free(ed);

	/* a map that did not exist when opened, created since */
	unlink(path);
	ed = cjm_editor_new(cjm_map_new("Nieuw"), path, false);
	put_file(path, theirs_text);
	assert_int_equal(cjm_editor_run(ed, "w"), -1);
	assert_non_null(strstr(cjm_editor_question(ed), "was created"));
	cjm_editor_answer_key(ed, 3); /* Ctrl-C cancels too */
	assert_int_equal(ed->ask, CJM_ASK_NOTHING);
	assert_true(file_has(path, "Theirs"));
	cjm_editor_free(ed);
	unlink(path);
	unlink(other);
	rmdir(dir);
}

/* Every key in the table runs a real command, and help lists every key. */
static void test_key_table(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	for (const cjm_key_binding *k = cjm_key_bindings; k->key; k++) {
		size_t len = strcspn(k->command, " ");
		const cjm_editor_command *c = cjm_editor_commands;
		while (c->name && (strlen(c->name) != len || strncmp(c->name, k->command, len) != 0))
			c++;
		if (!c->name)
			fail_msg("key %s runs '%s', which is not a command", k->key_name, k->command);
		for (const cjm_key_binding *other = k + 1; other->key; other++)
			if (other->key == k->key)
				fail_msg("key %s is bound twice", k->key_name);
	}
	cjm_editor_run(ed, "help");
	assert_int_equal(ed->overlay, CJM_OVERLAY_TEXT);
	for (const cjm_key_binding *k = cjm_key_bindings; k->key; k++) {
		char needle[32];
		snprintf(needle, sizeof needle, "  %s ", k->key_name);
		if (!strstr(ed->overlay_text.data, needle))
			fail_msg("help does not list key %s", k->key_name);
	}
	assert_int_equal(cjm_editor_run(ed, "frobnicate"), -1);
	assert_non_null(strstr(ed->message, "not a command"));
	cjm_editor_run(ed, "stats");
	assert_non_null(strstr(ed->overlay_text.data, "touchpoints"));
	cjm_editor_free(ed);
}

static void test_empty_map(void **state)
{
	(void)state;
	cjm_editor *ed = cjm_editor_new(cjm_map_new("Empty"), NULL, false);
	assert_int_equal(cjm_editor_column_count(ed), 0);
	cjm_editor_key(ed, 'l');
	cjm_editor_key(ed, 'x');
	cjm_editor_key(ed, 'H');
	cjm_editor_key(ed, CJM_KEY_END);
	assert_int_equal(cjm_editor_run(ed, "add-touchpoint X"), -1);
	assert_non_null(strstr(ed->message, "add a phase first"));
	assert_int_equal(cjm_editor_run(ed, "add-phase Start"), 0);
	assert_int_equal(cjm_editor_run(ed, "add-touchpoint X"), 0);
	assert_int_equal(cjm_editor_map(ed)->phases[0]->touchpoint_count, 1);
	assert_int_equal(ed->tp, 0);
	cjm_editor_free(ed);
}

/* The keys of the other modes do what their tables name: projector mode's run editor
 * commands, the prompt's and the form's line editing is cjm_line_command's, and the
 * details view scrolls and closes by its own table. */
static void test_mode_key_commands(void **state)
{
	(void)state;
	for (const cjm_mode_key *k = cjm_present_keys; k->key; k++) {
		const cjm_editor_command *c = cjm_editor_commands;
		while (c->name && strcmp(c->name, k->command) != 0)
			c++;
		if (!c->name)
			fail_msg("projector key %s runs '%s', which is not a command", k->key_name, k->command);
	}
	static const char *const own[] = { "accept", "cancel", "next", "previous", "complete", "save" };
	const cjm_mode_key *const line_tables[] = { cjm_prompt_keys, cjm_form_keys };
	for (size_t t = 0; t < 2; t++)
		for (const cjm_mode_key *k = line_tables[t]; k->key; k++) {
			bool mode_own = false;
			for (size_t i = 0; i < sizeof own / sizeof *own; i++)
				mode_own |= strcmp(k->command, own[i]) == 0;
			cjm_line line = { 0 };
			cjm_line_set(&line, "ab");
			if (!mode_own && !cjm_line_command(&line, k->command))
				fail_msg("key %s runs '%s', which the line editor does not know", k->key_name, k->command);
			cjm_line_release(&line);
		}
	cjm_line line = { 0 };
	cjm_line_set(&line, "abc");
	assert_true(cjm_line_command(&line, cjm_mode_key_command(cjm_form_keys, CJM_KEY_CTRL_A)));
	assert_int_equal(line.cursor, 0);
	assert_true(cjm_line_command(&line, cjm_mode_key_command(cjm_form_keys, CJM_KEY_CTRL_E)));
	assert_int_equal(line.cursor, 3);
	assert_true(cjm_line_command(&line, cjm_mode_key_command(cjm_prompt_keys, CJM_KEY_BACKSPACE)));
	assert_string_equal(line.text, "ab");
	assert_false(cjm_line_command(&line, "frobnicate"));
	cjm_line_release(&line);
	assert_string_equal(cjm_mode_key_command(cjm_form_keys, CJM_KEY_SHIFT_TAB), "previous");
	assert_string_equal(cjm_mode_key_command(cjm_form_keys, CJM_KEY_F2), "save");
	assert_null(cjm_mode_key_command(cjm_form_keys, 'x')); /* a letter types */

	cjm_editor *ed = editor_fixture();
	assert_int_equal(cjm_editor_run(ed, "details"), 0);
	assert_int_equal(ed->overlay, CJM_OVERLAY_DETAILS);
	cjm_editor_details_key(ed, CJM_KEY_PAGE_DOWN);
	cjm_editor_details_key(ed, 'j');
	assert_int_equal(ed->overlay_scroll, 11);
	cjm_editor_details_key(ed, 'k');
	assert_int_equal(ed->overlay_scroll, 10);
	cjm_editor_details_key(ed, '?'); /* closes help, not the details */
	assert_int_equal(ed->overlay, CJM_OVERLAY_DETAILS);
	cjm_editor_details_key(ed, 'i');
	assert_int_equal(ed->overlay, CJM_OVERLAY_NONE);
	cjm_editor_clear_message(ed);
	assert_int_equal(cjm_editor_key(ed, CJM_KEY_CTRL_C), 0);
	assert_non_null(ed->message);
	assert_non_null(strstr(ed->message, ":q quits"));
	assert_false(ed->quit);
	cjm_editor_free(ed);
}

static void test_line_editor(void **state)
{
	(void)state;
	cjm_line line = { 0 };
	cjm_line_set(&line, "Orintatie");
	cjm_line_home(&line);
	cjm_line_right(&line);
	cjm_line_right(&line);
	cjm_line_right(&line);
	cjm_line_insert(&line, 0xEB); /* ë */
	assert_string_equal(line.text, "Oriëntatie");
	cjm_line_left(&line); /* over the two-byte ë as one character */
	assert_int_equal(line.cursor, 3);
	cjm_line_delete(&line);
	assert_string_equal(line.text, "Orintatie");
	cjm_line_end(&line);
	cjm_line_insert(&line, 0x1F389); /* 🎉 */
	cjm_line_backspace(&line);
	assert_string_equal(line.text, "Orintatie");
	cjm_line_insert(&line, 0xD800); /* a lone surrogate is refused */
	assert_string_equal(line.text, "Orintatie");
	cjm_line_left(&line);
	cjm_line_kill_before(&line);
	assert_string_equal(line.text, "e");
	cjm_line_release(&line);
}

/* - or + then a digit: that signed value, as one change from the value before the sign. */
static void test_sign_then_digit(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	const cjm_touchpoint *tp = cjm_editor_map(ed)->phases[0]->touchpoints[0];
	cjm_editor_key(ed, '1');
	assert_int_equal(tp->emotion, 1);
	assert_string_equal(ed->message, "emotion not scored -> +1");
	cjm_editor_key(ed, '-');
	assert_int_equal(tp->emotion, 0); /* - steps at once */
	assert_string_equal(ed->message, "emotion +1 -> 0");
	cjm_editor_key(ed, '2');
	assert_int_equal(tp->emotion, -2); /* "min twee", not +2 */
	assert_string_equal(ed->message, "emotion +1 -> -2");
	cjm_editor_key(ed, 'u'); /* one change: back to the value before the - */
	assert_int_equal(tp->emotion, 1);
	cjm_editor_key(ed, 'u');
	assert_false(tp->has_emotion);
	/* + then a digit; from unscored */
	cjm_editor_key(ed, '+');
	cjm_editor_key(ed, '3');
	assert_int_equal(tp->emotion, 3);
	cjm_editor_key(ed, 'u');
	assert_false(tp->has_emotion);
	/* - at the bottom changes nothing, and the digit still makes its signed value */
	assert_int_equal(cjm_editor_run(ed, "emotion -3"), 0);
	cjm_editor_key(ed, '-');
	assert_int_equal(tp->emotion, -3);
	cjm_editor_key(ed, '1');
	assert_int_equal(tp->emotion, -1);
	cjm_editor_key(ed, 'u');
	assert_int_equal(tp->emotion, -3);
	/* the moment has passed: the digit alone */
	cjm_editor_key(ed, '+');
	assert_int_equal(tp->emotion, -2);
	ed->sign_until = 0;
	cjm_editor_key(ed, '2');
	assert_int_equal(tp->emotion, 2);
	/* another key in between ends the prefix */
	cjm_editor_key(ed, '-');
	cjm_editor_key(ed, 'l');
	cjm_editor_key(ed, 'h');
	cjm_editor_key(ed, '2');
	assert_int_equal(tp->emotion, 2);
	/* a digit beyond 3 after a sign is refused, and the step stays */
	cjm_editor_key(ed, '-');
	assert_int_equal(cjm_editor_key(ed, '5'), -1);
	assert_int_equal(tp->emotion, 1);
	cjm_editor_free(ed);
}

/* The status line's words for an emotion: a real minus sign where the locale has UTF-8. */
static void test_emotion_words(void **state)
{
	(void)state;
	char buf[16];
	assert_string_equal(cjm_editor_emotion_words(false, 0, buf), "not scored");
	assert_string_equal(cjm_editor_emotion_words(true, 0, buf), "0");
	assert_string_equal(cjm_editor_emotion_words(true, 2, buf), "+2");
	assert_string_equal(cjm_editor_emotion_words(true, -2, buf), "-2"); /* the C locale: ASCII */
	if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "en_US.UTF-8")) {
		assert_string_equal(cjm_editor_emotion_words(true, -2, buf), "\u22122");
		setlocale(LC_CTYPE, "C");
	}
}

/* x on a phase with touchpoints asks; an empty phase goes at once. */
static void test_delete_phase_asks(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	const cjm_map *map = cjm_editor_map(ed);
	cjm_editor_key(ed, 'k'); /* phase A, with 3 touchpoints */
	assert_int_equal(cjm_editor_key(ed, 'x'), 0);
	assert_string_equal(cjm_editor_question(ed), "delete phase 'A' and its 3 touchpoints? y/n ");
	assert_true(cjm_editor_question_is_key(ed));
	cjm_editor_answer_key(ed, 'q'); /* no answer: still asking */
	assert_int_equal(ed->ask, CJM_ASK_DELETE_PHASE);
	cjm_editor_answer_key(ed, 'n');
	assert_int_equal(ed->ask, CJM_ASK_NOTHING);
	assert_int_equal(map->phase_count, 3);
	assert_string_equal(ed->message, "nothing deleted");
	cjm_editor_key(ed, 'x');
	cjm_editor_answer_key(ed, CJM_KEY_ESCAPE);
	assert_int_equal(map->phase_count, 3);
	assert_false(cjm_edit_dirty(ed->edit));
	cjm_editor_key(ed, 'x');
	cjm_editor_answer_key(ed, 'y');
	assert_int_equal(map->phase_count, 2);
	assert_string_equal(ed->message, "deleted phase 'A' and its 3 touchpoints (u undoes)");
	assert_null(cjm_editor_question(ed));
	cjm_editor_key(ed, 'u');
	assert_int_equal(map->phase_count, 3);
	assert_int_equal(map->phases[0]->touchpoint_count, 3);
	/* the empty phase B: no question */
	cjm_editor_run(ed, "first");
	cjm_editor_key(ed, ']');
	assert_int_equal(ed->phase, 1);
	cjm_editor_key(ed, 'x');
	assert_null(cjm_editor_question(ed));
	assert_int_equal(map->phase_count, 2);
	assert_string_equal(ed->message, "deleted phase 'B' (u undoes)");
	/* a touchpoint goes at once */
	cjm_editor_run(ed, "first");
	cjm_editor_key(ed, 'x');
	assert_null(cjm_editor_question(ed));
	assert_int_equal(map->phases[0]->touchpoint_count, 2);
	cjm_editor_free(ed);
}

/* Every mode's table: no key twice, every key on the help screen under its title,
 * and the panel and help keys do what they say. */
static void test_mode_key_tables(void **state)
{
	(void)state;
	cjm_editor *ed = editor_fixture();
	cjm_editor_run(ed, "help");
	const char *text = ed->overlay_text.data;
	for (const cjm_key_table *t = cjm_key_tables; t->name; t++) {
		const char *at = strstr(text, t->title);
		if (!at)
			fail_msg("help has no heading for the %s keys", t->name);
		for (const cjm_mode_key *k = t->keys; k->key; k++) {
			char needle[64];
			snprintf(needle, sizeof needle, "  %-10s %s\n", k->key_name, k->help);
			if (!strstr(at, needle))
				fail_msg("help does not list %s key %s", t->name, k->key_name);
			for (const cjm_mode_key *other = k + 1; other->key; other++)
				if (other->key == k->key)
					fail_msg("%s key %s is bound twice", t->name, k->key_name);
		}
	}
	cjm_editor_text_key(ed, 'j');
	cjm_editor_text_key(ed, CJM_KEY_PAGE_DOWN);
	assert_int_equal(ed->overlay_scroll, 11);
	cjm_editor_text_key(ed, CJM_KEY_PAGE_UP);
	cjm_editor_text_key(ed, 'k');
	cjm_editor_text_key(ed, 'k');
	assert_int_equal(ed->overlay_scroll, 0);
	cjm_editor_text_key(ed, 'z'); /* not a key here: nothing */
	assert_int_equal(ed->overlay, CJM_OVERLAY_TEXT);
	cjm_editor_text_key(ed, 'q');
	assert_int_equal(ed->overlay, CJM_OVERLAY_NONE);
	assert_string_equal(cjm_mode_key_command(cjm_prompt_keys, CJM_KEY_CTRL_U), "kill-before");
	assert_null(cjm_mode_key_command(cjm_prompt_keys, 'a'));
	cjm_editor_free(ed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns),       cmocka_unit_test(test_moving_the_selection),
		cmocka_unit_test(test_scrolling),     cmocka_unit_test(test_add_asks_a_name),
		cmocka_unit_test(test_emotion_keys),  cmocka_unit_test(test_delete_move_undo),
		cmocka_unit_test(test_search),        cmocka_unit_test(test_quit_and_save),
		cmocka_unit_test(test_key_table),     cmocka_unit_test(test_empty_map),
		cmocka_unit_test(test_line_editor),   cmocka_unit_test(test_save_changed_on_disk),
		cmocka_unit_test(test_sign_then_digit), cmocka_unit_test(test_emotion_words),
		cmocka_unit_test(test_delete_phase_asks), cmocka_unit_test(test_mode_key_tables),
		cmocka_unit_test(test_mode_key_commands),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
