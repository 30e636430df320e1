/* Unit tests for running the patterns: order, settings, dismissals, accepting and undoing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glob.h>
#include <cmocka.h>

#include "io/load.h"
#include "io/save.h"
#include "patterns/builtin.h"
#include "patterns/check.h"
#include "patterns/suggest.h"

static cjm_map *load_text_n(const char *text, size_t len)
{
	diag_list *diags = diag_list_new("test");
	cjm_map *map = cjm_load_buffer(text, len, diags, NULL);
	if (!map)
		diag_print(diags, stderr);
	diag_list_free(diags);
	assert_non_null(map);
	return map;
}

static cjm_map *load_text(const char *text)
{
	return load_text_n(text, strlen(text));
}

#define JOURNEY_HEAD "version: 1\ntitle: Invoice before delivery\n"
#define JOURNEY_PHASES                                                                          \
	"phases:\n"                                                                             \
	"- id: buy\n"                                                                           \
	"  name: Buy\n"                                                                         \
	"  touchpoints:\n"                                                                      \
	"  - {id: sign, name: Sign the contract, emotion: 1, commitment: true}\n"               \
	"  - {id: invoice, name: First invoice, emotion: -3, impact: 0.9, moment_of_truth: true}\n" \
	"  - {id: wait, name: Waiting for delivery, emotion: -2}\n"                             \
	"- id: use\n"                                                                           \
	"  name: Use\n"                                                                         \
	"  touchpoints:\n"                                                                      \
	"  - {id: install, name: Installation, emotion: 2}\n"                                   \
	"  - {id: bill, name: Second invoice, emotion: -1}\n"

static const char *const journey = JOURNEY_HEAD JOURNEY_PHASES;
static const char *const journey_with_settings =
	JOURNEY_HEAD "patterns:\n  soften-negatives: {threshold: -3}\n  redesign: {enabled: false}\n" JOURNEY_PHASES;

static bool has(const cjm_suggestions *s, const char *pattern, const char *target)
{
	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->items[i].pattern, pattern) == 0 && strcmp(s->items[i].target, target) == 0)
			return true;
	return false;
}

static void test_order_and_settings(void **state)
{
	(void)state;
	cjm_registry *reg = cjm_registry_new(false);
	cjm_map *map = load_text(journey);
	cjm_suggestions *s = cjm_suggest(map, reg, NULL, 0, false);
	assert_true(s->count > 0);
	assert_true(has(s, "soften-negatives", "invoice"));
	for (size_t i = 1; i < s->count; i++)
		assert_true(s->items[i - 1].priority <= s->items[i].priority);
	cjm_suggestions_free(s);

	/* only one pattern */
	const char *only[] = { "soften-negatives" };
	s = cjm_suggest(map, reg, only, 1, false);
	for (size_t i = 0; i < s->count; i++)
		assert_string_equal(s->items[i].pattern, "soften-negatives");
	assert_true(has(s, "soften-negatives", "invoice"));
	assert_true(has(s, "soften-negatives", "wait"));
	cjm_suggestions_free(s);
	cjm_map_free(map);

	/* a threshold and enabled: false from the map */
	map = load_text(journey_with_settings);
	s = cjm_suggest(map, reg, NULL, 0, false);
	assert_true(has(s, "soften-negatives", "invoice"));
	assert_false(has(s, "soften-negatives", "wait")); /* -2 is above the map's -3 */
	for (size_t i = 0; i < s->count; i++)
		assert_string_not_equal(s->items[i].pattern, "redesign");
	cjm_suggestions_free(s);
	cjm_map_free(map);
	cjm_registry_free(reg);
}

static void test_dismissed(void **state)
{
	(void)state;
	cjm_registry *reg = cjm_registry_new(false);
	cjm_map *map = load_text(journey);
	cjm_edit *edit = cjm_edit_new(map);
	cjm_suggestions *s = cjm_suggest(map, reg, NULL, 0, false);
	size_t before = s->count;
	const cjm_suggestion *first = &s->items[0];
	assert_int_equal(cjm_suggestion_dismiss(edit, first), 0);
	cjm_suggestions *after = cjm_suggest(map, reg, NULL, 0, false);
	assert_int_equal(after->count, before - 1);
	assert_false(has(after, first->pattern, first->target));
	cjm_suggestions *all = cjm_suggest(map, reg, NULL, 0, true);
	assert_int_equal(all->count, before);
	bool marked = false;
	for (size_t i = 0; i < all->count; i++)
		marked |= all->items[i].dismissed;
	assert_true(marked);
	/* the dismissal is in the file for everyone */
	strbuf text = { 0 };
	cjm_save_to_buffer(map, &text);
	assert_non_null(strstr(text.data, "dismissed:\n- pattern: "));
	strbuf_release(&text);
	cjm_suggestions_free(all);
	cjm_suggestions_free(after);
	cjm_suggestions_free(s);
	cjm_edit_free(edit);
	cjm_registry_free(reg);
}

/* Accepting every suggestion, then undoing everything, gives the file back byte for byte. */
static void accept_all_then_undo(const char *text_in, size_t len, const char *name)
{
	cjm_registry *reg = cjm_registry_new(false);
	cjm_map *map = load_text_n(text_in, len);
	strbuf before = { 0 }, after = { 0 };
	cjm_save_to_buffer(map, &before);
	cjm_edit *edit = cjm_edit_new(map);
	cjm_suggestions *s = cjm_suggest(map, reg, NULL, 0, false);
	size_t accepted = 0;
	for (size_t i = 0; i < s->count; i++) {
		cjm_edit_group_begin(edit);
		if (cjm_suggestion_accept(edit, &s->items[i]) == 0)
			accepted++;
		cjm_edit_group_end(edit);
	}
	while (cjm_edit_undo(edit) == 0)
		;
	cjm_save_to_buffer(cjm_edit_map(edit), &after);
	if (before.len != after.len || memcmp(before.data, after.data, before.len) != 0)
		fail_msg("%s: undoing %zu accepted suggestions did not restore the file", name, accepted);
	strbuf_release(&before);
	strbuf_release(&after);
	cjm_suggestions_free(s);
	cjm_edit_free(edit);
	cjm_registry_free(reg);
}

static void test_accept_all_and_undo(void **state)
{
	(void)state;
	accept_all_then_undo(journey, strlen(journey), "fixture");
	glob_t g;
	if (glob("maps/*.yaml", 0, NULL, &g) != 0)
		return;
	for (size_t i = 0; i < g.gl_pathc; i++) {
		size_t len = 0;
		int err = 0;
		char *text = cjm_read_file(g.gl_pathv[i], &len, &err);
		assert_non_null(text);
		accept_all_then_undo(text, len, g.gl_pathv[i]);
		free(text);
	}
	globfree(&g);
}

static void test_accept_kinds(void **state)
{
	(void)state;
	cjm_map *map = load_text(journey);
	cjm_edit *edit = cjm_edit_new(map);
	cjm_suggestion idea = { .pattern = "x", .target = "invoice", .kind = CJM_PROPOSE_IDEA, .text = "Send a video" };
	assert_int_equal(cjm_suggestion_accept(edit, &idea), 0);
	assert_int_equal(cjm_suggestion_accept(edit, &idea), 0); /* twice: still one idea */
	assert_int_equal(map->phases[0]->touchpoints[1]->ideas.len, 1);
	cjm_suggestion add = { .pattern = "x", .target = "use", .kind = CJM_PROPOSE_TOUCHPOINT,
			       .text = "What happens after?", .phase = "use", .position = (size_t)-1 };
	assert_int_equal(cjm_suggestion_accept(edit, &add), 0);
	assert_int_equal(map->phases[1]->touchpoint_count, 3);
	assert_string_equal(map->phases[1]->touchpoints[2]->name, "What happens after?");
	cjm_suggestion move = { .pattern = "x", .target = "sign", .kind = CJM_PROPOSE_MOVE, .phase = "use", .position = 1 };
	assert_int_equal(cjm_suggestion_accept(edit, &move), 0);
	assert_string_equal(map->phases[1]->touchpoints[1]->id, "sign");
	cjm_suggestion remove = { .pattern = "x", .target = "wait", .kind = CJM_PROPOSE_REMOVE };
	assert_int_equal(cjm_suggestion_accept(edit, &remove), 0);
	assert_int_equal(cjm_suggestion_accept(edit, &remove), -1); /* gone now */
	assert_non_null(strstr(cjm_edit_error(edit), "no longer on the map"));
	cjm_suggestion question = { .pattern = "redesign", .target = "journey", .kind = CJM_PROPOSE_NOTHING };
	assert_int_equal(cjm_suggestion_accept(edit, &question), -1);
	cjm_edit_free(edit);
}

/* The map's pattern ids and dismissal targets are checked against what exists. */
static void test_check_map(void **state)
{
	(void)state;
	cjm_map *map = load_text(JOURNEY_HEAD "patterns:\n"
					     "  soften-negative: {threshold: -1}\n"     /* one letter short */
					     "  amplfy-peaks: {enabled: false}\n"       /* one letter out */
					     "  no-such-pattern-at-all: {enabled: false}\n"
					     "  redesign: {enabled: false}\n" JOURNEY_PHASES
					     "dismissed:\n"
					     "- {pattern: skip-steps, target: buy}\n"
					     "- {pattern: redesign, target: journey}\n"
					     "- {pattern: strong-start, target: gone}\n"
					     "- {pattern: end-with-smil, target: invoice}\n");
	cjm_registry *reg = cjm_registry_new(false);
	diag_list *diags = diag_list_new("m.yaml");
	cjm_patterns_check_map(map, reg, diags);
	assert_int_equal(diags->count, 5);
	assert_int_equal(diags->errors, 0);
	const char *want[] = {
		"no pattern 'soften-negative' (did you mean 'soften-negatives'?); its settings are not used",
		"no pattern 'amplfy-peaks' (did you mean 'amplify-peaks'?); its settings are not used",
		("no pattern 'no-such-pattern-at-all' is built in or installed here (see 'cjm patterns'); its "
		 "settings are not used"),
		"dismissed target 'gone' is no phase or touchpoint of the map; this dismissal hides nothing",
		"no pattern 'end-with-smil' (did you mean 'end-with-smile'?); this dismissal hides nothing",
	};
	for (size_t i = 0; i < 5; i++) {
		assert_true(diags->items[i].warning);
		assert_string_equal(diags->items[i].message, want[i]);
	}
	assert_int_equal(diags->items[0].line, 4);
	assert_int_equal(diags->items[0].col, 3);
	diag_list_free(diags);
	cjm_registry_free(reg);
	cjm_map_free(map);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_and_settings),
		cmocka_unit_test(test_dismissed),
		cmocka_unit_test(test_accept_all_and_undo),
		cmocka_unit_test(test_accept_kinds),
		cmocka_unit_test(test_check_map),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
