/* Unit tests for the conflicts panel without a screen: the side the map holds after each key, undo and redo, hand edits, a restored map, the counts and messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "editor/conflicts.h"
#include "editor/editor.h"
#include "io/load.h"

/* A textual merge: a pattern's threshold, an emotion, a pain list, and a
 * touchpoint edited on our side and deleted on theirs. */
static const char marked[] = "version: 1\n"
			     "title: Unit\n"
			     "patterns:\n"
			     "  soften-negatives:\n"
			     "<<<<<<< ours\n"
			     "    threshold: -2\n"
			     "=======\n"
			     "    threshold: -1\n"
			     ">>>>>>> theirs\n"
			     "phases:\n"
			     "- id: orient\n"
			     "  name: Orient\n"
			     "  touchpoints:\n"
			     "  - id: compare\n"
			     "    name: Compare prices\n"
			     "<<<<<<< ours\n"
			     "    emotion: -3\n"
			     "=======\n"
			     "    emotion: -1\n"
			     ">>>>>>> theirs\n"
			     "  - id: call\n"
			     "    name: Call\n"
			     "    pains:\n"
			     "    - Long wait\n"
			     "<<<<<<< ours\n"
			     "    - Hidden fees\n"
			     "=======\n"
			     "    - Slow website\n"
			     ">>>>>>> theirs\n"
			     "- id: switch\n"
			     "  name: Switch\n"
			     "  touchpoints:\n"
			     "  - id: sign\n"
			     "    name: Sign\n"
			     "<<<<<<< ours\n"
			     "  - id: welcome\n"
			     "    name: Welcome pack\n"
			     "    channel: mail\n"
			     "=======\n"
			     ">>>>>>> theirs\n";

static cjm_conflicts *fixture_conflicts(void)
{
	diag_list *diags = diag_list_new("marked.yaml");
	cjm_conflicts *conflicts = cjm_conflicts_new(marked, strlen(marked), diags);
	diag_list_free(diags);
	assert_non_null(conflicts);
	return conflicts;
}

/* The editor as cjm edit opens the marked file: a copy of OURS, unsaved, the panel open. */
static cjm_editor *fixture(void)
{
	setenv("HOME", "/nonexistent-cjm-home", 1);
	unsetenv("CJM_PLUGIN_PATH");
	cjm_conflicts *conflicts = fixture_conflicts();
	cjm_editor *ed = cjm_editor_new(cjm_map_clone(conflicts->ours), NULL, false);
	cjm_edit_mark_unsaved(ed->edit);
	cjm_editor_conflicts_start(ed, conflicts);
	return ed;
}

/* The index of the conflict about FIELD (CJM_FIELD_COUNT: an item or a pattern) of item ID. */
static size_t find(const cjm_editor *ed, cjm_conflict_what what, const char *id, cjm_field field)
{
	for (size_t k = 0; k < ed->conflicts->count; k++) {
		const cjm_conflict *c = &ed->conflicts->at[k];
		if (c->what == what && c->id && strcmp(c->id, id) == 0 && (what != CJM_CONFLICT_FIELD || c->field == field))
			return k;
	}
	fail_msg("no conflict of %s", id);
	return 0;
}

static void point(cjm_editor *ed, size_t k)
{
	while (ed->conflict > k)
		cjm_editor_conflicts_key(ed, 'k');
	while (ed->conflict < k)
		cjm_editor_conflicts_key(ed, 'j');
	assert_int_equal(ed->conflict, k);
}

static const cjm_touchpoint *tp_of(const cjm_editor *ed, const char *id)
{
	size_t p, t;
	const cjm_map *map = cjm_editor_map(ed);
	if (!cjm_map_find(map, id, &p, &t) || t == (size_t)-1)
		return NULL;
	return map->phases[p]->touchpoints[t];
}

static void test_opens_on_ours_all_undecided(void **state)
{
	(void)state;
	cjm_editor *ed = fixture();
	assert_int_equal(ed->overlay, CJM_OVERLAY_CONFLICTS);
	assert_int_equal(ed->conflicts->count, 4);
	assert_int_equal(cjm_editor_conflicts_undecided(ed), 4);
	for (size_t k = 0; k < ed->conflicts->count; k++)
		assert_int_equal(cjm_editor_conflict_side(ed, k), CJM_SIDE_OURS);
	assert_true(cjm_edit_dirty(ed->edit));
	cjm_editor_conflicts_remind(ed);
	assert_string_equal(ed->message, "4 conflicts: o ours, t theirs, b both");
	cjm_editor_free(ed);
}

static void test_take_theirs_undo_redo(void **state)
{
	(void)state;
	cjm_editor *ed = fixture();
	size_t k = find(ed, CJM_CONFLICT_FIELD, "compare", CJM_F_EMOTION);
	point(ed, k);
	assert_string_equal(cjm_editor_selected_touchpoint(ed)->id, "compare"); /* the map selects it */
	cjm_editor_conflicts_key(ed, 't');
	assert_int_equal(tp_of(ed, "compare")->emotion, -1);
	assert_int_equal(cjm_editor_conflict_side(ed, k), CJM_SIDE_THEIRS);
	assert_true(cjm_editor_conflict_decided(ed, k));
	assert_int_equal(cjm_editor_conflicts_undecided(ed), 3);
	assert_non_null(strstr(ed->message, "theirs taken for emotion"));
	cjm_editor_conflicts_key(ed, 'u');
	assert_int_equal(tp_of(ed, "compare")->emotion, -3);
	assert_int_equal(cjm_editor_conflict_side(ed, k), CJM_SIDE_OURS);
	assert_false(cjm_editor_conflict_decided(ed, k)); /* undecided again */
	cjm_editor_conflicts_key(ed, CJM_KEY_CTRL_R);
	assert_int_equal(cjm_editor_conflict_side(ed, k), CJM_SIDE_THEIRS);
	assert_int_equal(cjm_editor_conflicts_undecided(ed), 3);
	cjm_editor_free(ed);
}

static void test_both_only_for_a_list(void **state)
{
	(void)state;
	cjm_editor *ed = fixture();
	size_t pains = find(ed, CJM_CONFLICT_FIELD, "call", CJM_F_PAINS);
	size_t emotion = find(ed, CJM_CONFLICT_FIELD, "compare", CJM_F_EMOTION);
	assert_true(ed->conflicts->at[pains].can_both);
	strbuf value = { 0 };
	cjm_editor_conflict_value(ed, pains, true, &value);
	assert_string_equal(value.data, "Long wait; Slow website");
	strbuf_release(&value);
	point(ed, pains);
	cjm_editor_conflicts_key(ed, 'b');
	assert_int_equal(cjm_editor_conflict_side(ed, pains), CJM_SIDE_BOTH);
	assert_int_equal(tp_of(ed, "call")->pains.len, 3);
	point(ed, emotion);
	unsigned long before = cjm_edit_generation(ed->edit);
	cjm_editor_conflicts_key(ed, 'b');
	assert_true(ed->message_is_error);
	assert_non_null(strstr(ed->message, "b keeps both only in a list"));
	assert_int_equal(cjm_edit_generation(ed->edit), before); /* nothing changed */
	assert_int_equal(cjm_editor_conflict_side(ed, emotion), CJM_SIDE_OURS);
	cjm_editor_free(ed);
}

static void test_ours_on_purpose_and_the_item(void **state)
{
	(void)state;
	cjm_editor *ed = fixture();
	size_t item = find(ed, CJM_CONFLICT_ITEM, "welcome", CJM_FIELD_COUNT);
	strbuf value = { 0 };
	cjm_editor_conflict_value(ed, item, true, &value);
	assert_string_equal(value.data, "(deleted)");
	strbuf_release(&value);
	assert_string_equal(cjm_editor_conflict_what(ed, item), "deleted on their side");
	point(ed, item);
	cjm_editor_conflicts_key(ed, 'o');
	assert_true(cjm_editor_conflict_decided(ed, item)); /* kept on purpose, though the map is as it was */
	assert_int_equal(cjm_editor_conflicts_undecided(ed), 3);
	cjm_editor_conflicts_key(ed, 't');
	assert_null(tp_of(ed, "welcome"));
	assert_int_equal(cjm_editor_conflict_side(ed, item), CJM_SIDE_THEIRS);
	cjm_editor_conflicts_key(ed, 'u');
	assert_non_null(tp_of(ed, "welcome"));
	assert_int_equal(cjm_editor_conflict_side(ed, item), CJM_SIDE_OURS);
	assert_true(cjm_editor_conflict_decided(ed, item)); /* o was pressed for it */
	cjm_editor_free(ed);
}

static void test_all_theirs_then_all_ours(void **state)
{
	(void)state;
	cjm_editor *ed = fixture();
	cjm_editor_conflicts_key(ed, 'T');
	for (size_t k = 0; k < ed->conflicts->count; k++)
		assert_int_equal(cjm_editor_conflict_side(ed, k), CJM_SIDE_THEIRS);
	assert_int_equal(cjm_editor_conflicts_undecided(ed), 0);
	assert_null(tp_of(ed, "welcome"));
	assert_true(cjm_editor_map(ed)->patterns[0].threshold == -1.0);
	cjm_editor_conflicts_key(ed, 'O');
	for (size_t k = 0; k < ed->conflicts->count; k++)
		assert_int_equal(cjm_editor_conflict_side(ed, k), CJM_SIDE_OURS);
	assert_int_equal(cjm_editor_conflicts_undecided(ed), 0); /* all taken on purpose */
	assert_non_null(tp_of(ed, "welcome"));
	assert_true(cjm_editor_map(ed)->patterns[0].threshold == -2.0);
	cjm_editor_conflicts_key(ed, 'u'); /* one step: back to all theirs */
	for (size_t k = 0; k < ed->conflicts->count; k++)
		assert_int_equal(cjm_editor_conflict_side(ed, k), CJM_SIDE_THEIRS);
	cjm_editor_free(ed);
}

static void test_hand_edit_and_restored_map(void **state)
{
	(void)state;
	cjm_editor *ed = fixture();
	size_t k = find(ed, CJM_CONFLICT_FIELD, "compare", CJM_F_EMOTION);
	cjm_editor_conflicts_key(ed, CJM_KEY_ENTER);
	assert_int_equal(ed->overlay, CJM_OVERLAY_NONE);
	assert_int_equal(cjm_editor_run(ed, "emotion 2"), 0); /* the selection is compare */
	assert_int_equal(cjm_editor_conflict_side(ed, k), CJM_SIDE_EDITED);
	assert_true(cjm_editor_conflict_decided(ed, k));
	cjm_editor_clear_message(ed);
	cjm_editor_conflicts_remind(ed);
	assert_string_equal(ed->message, "3 conflicts undecided: :conflicts lists them");
	assert_int_equal(cjm_editor_run(ed, "conflicts"), 0);
	assert_int_equal(ed->overlay, CJM_OVERLAY_CONFLICTS);
	cjm_editor_free(ed);

	/* a map restored from recovery, with theirs' emotion: the mark is right at once */
	cjm_conflicts *conflicts = fixture_conflicts();
	cjm_map *restored = cjm_map_clone(conflicts->ours);
	restored->phases[0]->touchpoints[0]->emotion = -1;
	ed = cjm_editor_new(restored, NULL, false);
	cjm_editor_conflicts_start(ed, conflicts);
	k = find(ed, CJM_CONFLICT_FIELD, "compare", CJM_F_EMOTION);
	assert_int_equal(cjm_editor_conflict_side(ed, k), CJM_SIDE_THEIRS);
	assert_int_equal(cjm_editor_conflicts_undecided(ed), 3);
	cjm_editor_free(ed);
}

static void test_without_conflicts_and_read_only(void **state)
{
	(void)state;
	cjm_conflicts *conflicts = fixture_conflicts();
	cjm_editor *ed = cjm_editor_new(cjm_map_clone(conflicts->ours), NULL, false);
	assert_int_equal(cjm_editor_run(ed, "conflicts"), -1);
	assert_true(ed->message_is_error);
	assert_int_equal(ed->overlay, CJM_OVERLAY_NONE);
	cjm_editor_free(ed);

	ed = cjm_editor_new(cjm_map_clone(conflicts->ours), NULL, true);
	cjm_editor_conflicts_start(ed, conflicts);
	unsigned long before = cjm_edit_generation(ed->edit);
	cjm_editor_conflicts_key(ed, 'T');
	assert_true(ed->message_is_error);
	assert_int_equal(cjm_edit_generation(ed->edit), before);
	cjm_editor_conflicts_key(ed, 'q');
	assert_int_equal(ed->overlay, CJM_OVERLAY_NONE);
	cjm_editor_free(ed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opens_on_ours_all_undecided),
		cmocka_unit_test(test_take_theirs_undo_redo),
		cmocka_unit_test(test_both_only_for_a_list),
		cmocka_unit_test(test_ours_on_purpose_and_the_item),
		cmocka_unit_test(test_all_theirs_then_all_ours),
		cmocka_unit_test(test_hand_edit_and_restored_map),
		cmocka_unit_test(test_without_conflicts_and_read_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
