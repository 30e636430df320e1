/* Unit tests for the suggestions panel without a screen: marks for accepted and dismissed suggestions, undo and redo, the journey's cards. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "editor/editor.h"
#include "io/load.h"

static const char panel_yaml[] = "version: 1\n"
				 "title: Panel\n"
				 "phases:\n"
				 "- id: buy\n"
				 "  name: Buy\n"
				 "  touchpoints:\n"
				 "  - id: sign\n"
				 "    name: Sign\n"
				 "    emotion: 1\n"
				 "  - id: invoice\n"
				 "    name: First invoice\n"
				 "    emotion: -3\n"
				 "    impact: 0.9\n"
				 "    commitment: true\n"
				 "  - id: install\n"
				 "    name: Installation\n"
				 "    emotion: 2\n";

/* The map above with the first invoice selected; no plugins (an empty home). */
static cjm_editor *panel_fixture(void)
{
	setenv("HOME", "/nonexistent-cjm-home", 1);
	unsetenv("XDG_DATA_HOME");
	unsetenv("CJM_PLUGIN_PATH");
	diag_list *diags = diag_list_new("panel.yaml");
	cjm_map *map = cjm_load_buffer(panel_yaml, strlen(panel_yaml), diags, NULL);
	diag_list_free(diags);
	assert_non_null(map);
	cjm_editor *ed = cjm_editor_new(map, NULL, false);
	assert_int_equal(cjm_editor_run(ed, "right"), 0);
	return ed;
}

/* The index of the suggestion of PATTERN in the panel, or -1. */
static int panel_find(const cjm_editor *ed, const char *pattern)
{
	for (size_t i = 0; i < ed->suggestions->count; i++)
		if (strcmp(ed->suggestions->items[i].pattern, pattern) == 0)
			return (int)i;
	return -1;
}

static void panel_point_at(cjm_editor *ed, const char *pattern)
{
	int at = panel_find(ed, pattern);
	assert_true(at >= 0);
	ed->suggestion = (size_t)at;
}

static void test_accept_marks_and_undo_reopens(void **state)
{
	(void)state;
	cjm_editor *ed = panel_fixture();
	assert_int_equal(cjm_editor_open_panel(ed), 0);
	assert_false(ed->suggestions_all); /* the invoice has suggestions of its own */
	panel_point_at(ed, "soften-negatives");
	assert_int_equal(ed->suggestion_items[ed->suggestion].state, CJM_PANEL_OPEN);
	assert_int_equal(cjm_editor_panel_accept(ed), 0);
	assert_int_equal(panel_find(ed, "soften-negatives"), (int)ed->suggestion); /* the pointer stays */
	assert_int_equal(ed->suggestion_items[ed->suggestion].state, CJM_PANEL_ACCEPTED);
	unsigned long generation = cjm_edit_generation(ed->edit);
	assert_int_equal(cjm_editor_panel_accept(ed), -1); /* a second Enter does nothing */
	assert_non_null(strstr(ed->message, "already accepted"));
	assert_int_equal(cjm_edit_generation(ed->edit), generation);
	assert_int_equal(cjm_editor_run(ed, "undo"), 0);
	cjm_editor_panel_sync(ed);
	assert_int_equal(ed->suggestion_items[panel_find(ed, "soften-negatives")].state, CJM_PANEL_OPEN);
	assert_int_equal(cjm_editor_map(ed)->phases[0]->touchpoints[1]->ideas.len, 0);
	assert_int_equal(cjm_editor_run(ed, "redo"), 0);
	cjm_editor_panel_sync(ed);
	assert_int_equal(ed->suggestion_items[panel_find(ed, "soften-negatives")].state, CJM_PANEL_ACCEPTED);
	cjm_editor_free(ed);
}

static void test_dismiss_marks_and_stays_listed(void **state)
{
	(void)state;
	cjm_editor *ed = panel_fixture();
	cjm_editor_open_panel(ed);
	panel_point_at(ed, "soften-negatives");
	size_t count = ed->suggestions->count;
	assert_int_equal(cjm_editor_panel_dismiss(ed), 0);
	assert_int_equal(ed->suggestions->count, count); /* listed still, marked */
	assert_int_equal(ed->suggestion_items[panel_find(ed, "soften-negatives")].state, CJM_PANEL_DISMISSED);
	assert_int_equal(cjm_editor_panel_dismiss(ed), -1);
	assert_non_null(strstr(ed->message, "already dismissed"));
	cjm_editor_run(ed, "undo");
	cjm_editor_panel_sync(ed);
	assert_int_equal(ed->suggestion_items[panel_find(ed, "soften-negatives")].state, CJM_PANEL_OPEN);
	cjm_editor_free(ed);
}

/* An accepted move stays listed, marked accepted, and is open again after an undo. */
static void test_accepted_move_stays_listed(void **state)
{
	(void)state;
	cjm_editor *ed = panel_fixture();
	cjm_editor_open_panel(ed);
	int at = panel_find(ed, "reorder-steps");
	if (at < 0) { /* the fixture's map gives no move: nothing to check here */
		cjm_editor_free(ed);
		skip();
	}
	ed->suggestion = (size_t)at;
	assert_int_equal(cjm_editor_panel_accept(ed), 0);
	at = panel_find(ed, "reorder-steps");
	assert_true(at >= 0);
	assert_int_equal(ed->suggestion_items[at].state, CJM_PANEL_ACCEPTED);
	cjm_editor_run(ed, "undo");
	cjm_editor_panel_sync(ed);
	at = panel_find(ed, "reorder-steps");
	assert_true(at >= 0);
	assert_int_equal(ed->suggestion_items[at].state, CJM_PANEL_OPEN);
	cjm_editor_free(ed);
}

static void test_present_toggles(void **state)
{
	(void)state;
	cjm_editor *ed = panel_fixture();
	cjm_editor_run(ed, "up"); /* the phase itself: projector mode shows its first touchpoint */
	assert_int_equal(cjm_editor_key(ed, 'F'), 0);
	assert_true(ed->presenting);
	assert_int_equal(ed->tp, 0);
	assert_int_equal(cjm_editor_run(ed, "present"), 0);
	assert_false(ed->presenting);
	cjm_editor_open_panel(ed);
	cjm_editor_run(ed, "present");
	assert_true(ed->presenting);
	assert_int_equal(ed->overlay, CJM_OVERLAY_NONE); /* the panel made way */
	cjm_editor_free(ed);
}

/* The journey's cards: one per target, the others folded under it; a reaches them all,
 * then the selected item again. */
static void test_journey_cards_and_all(void **state)
{
	(void)state;
	cjm_editor *ed = panel_fixture();
	cjm_editor_open_panel(ed);
	assert_false(ed->suggestions_all);
	size_t about_invoice = ed->suggestions->count;
	assert_true(about_invoice >= 2); /* several patterns fire on the invoice */
	cjm_editor_panel_scope(ed);
	assert_true(ed->suggestions_all);
	assert_false(ed->suggestions_everything);
	const cjm_suggestions *cards = ed->suggestions;
	size_t on_invoice = 0, folded = 0;
	for (size_t i = 0; i < cards->count; i++) {
		assert_int_equal(cards->items[i].card, CJM_CARD);
		assert_non_null(cards->items[i].why);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(cards->items[j].target, cards->items[i].target);
		if (strcmp(cards->items[i].target, "invoice") == 0) {
			on_invoice++;
			assert_non_null(cards->items[i].also);
		}
		folded += cards->items[i].also != NULL;
	}
	assert_int_equal(on_invoice, 1);
	size_t card_count = cards->count;
	cjm_editor_panel_scope(ed);
	assert_true(ed->suggestions_everything);
	assert_true(ed->suggestions->count >= card_count + folded);
	on_invoice = 0;
	for (size_t i = 0; i < ed->suggestions->count; i++)
		on_invoice += strcmp(ed->suggestions->items[i].target, "invoice") == 0;
	assert_int_equal(on_invoice, about_invoice);
	cjm_editor_panel_scope(ed);
	assert_false(ed->suggestions_all);
	assert_int_equal(ed->suggestions->count, about_invoice);
	cjm_editor_free(ed);
}

/* A card accepted stays listed, marked; the next one on its target is its card now, and
 * a panel opened afterwards does not propose the accepted idea again. */
static void test_accepted_card_is_done(void **state)
{
	(void)state;
	cjm_editor *ed = panel_fixture();
	cjm_editor_open_panel(ed);
	cjm_editor_panel_scope(ed); /* the journey's cards */
	int at = -1;
	for (size_t i = 0; i < ed->suggestions->count && at < 0; i++)
		if (strcmp(ed->suggestions->items[i].target, "invoice") == 0)
			at = (int)i;
	assert_true(at >= 0);
	char *pattern = strdup(ed->suggestions->items[at].pattern);
	assert_int_equal(ed->suggestions->items[at].kind, CJM_PROPOSE_IDEA);
	ed->suggestion = (size_t)at;
	assert_int_equal(cjm_editor_panel_accept(ed), 0);
	size_t accepted = 0, open = 0;
	for (size_t i = 0; i < ed->suggestions->count; i++) {
		if (strcmp(ed->suggestions->items[i].target, "invoice") != 0)
			continue;
		if (ed->suggestion_items[i].state == CJM_PANEL_ACCEPTED) {
			accepted++;
			assert_string_equal(ed->suggestions->items[i].pattern, pattern);
		} else {
			open++;
		}
	}
	assert_int_equal(accepted, 1);
	assert_int_equal(open, 1);
	cjm_editor_close_panel(ed);
	cjm_editor_open_panel(ed);
	if (!ed->suggestions_all)
		cjm_editor_panel_scope(ed);
	for (size_t i = 0; i < ed->suggestions->count; i++)
		if (strcmp(ed->suggestions->items[i].target, "invoice") == 0) {
			assert_string_not_equal(ed->suggestions->items[i].pattern, pattern);
			assert_int_equal(ed->suggestion_items[i].state, CJM_PANEL_OPEN);
		}
	free(pattern);
	cjm_editor_free(ed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accept_marks_and_undo_reopens),
		cmocka_unit_test(test_dismiss_marks_and_stays_listed),
		cmocka_unit_test(test_accepted_move_stays_listed),
		cmocka_unit_test(test_present_toggles),
		cmocka_unit_test(test_journey_cards_and_all),
		cmocka_unit_test(test_accepted_card_is_done),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
