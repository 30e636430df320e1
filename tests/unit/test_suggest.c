/* Unit tests for running the patterns: order, settings, dismissals, accepting and undoing, and the cards. */
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

/* ---- cards: folding, repeated ideas, the limits, what is done, and why ---- */

/* A map of two phases for the card tests: 'low' is the worst moment, 'last' ends the journey. */
static const char *const cards_map =
	"version: 1\ntitle: Cards\nphases:\n"
	"- id: buy\n  name: Buy\n  touchpoints:\n"
	"  - {id: low, name: First invoice, emotion: -3, impact: 0.9, moment_of_truth: true}\n"
	"  - {id: form, name: Fill in the form, ideas: [Send a note]}\n"
	"  - {id: t3, name: Three}\n  - {id: t4, name: Four}\n  - {id: t5, name: Five}\n"
	"- id: use\n  name: Use\n  touchpoints:\n"
	"  - {id: last, name: Last call, emotion: -1}\n";

/* Appends a suggestion of PATTERN on TARGET (an idea TEXT, or a question when NULL), as cjm_suggest
 * would hand it on: its strings in one block owned by .pattern, no place (found by id). */
static void card_add(cjm_suggestions *list, const char *pattern, const char *target, int priority, const char *text)
{
	size_t lp = strlen(pattern) + 1, lt = strlen(target) + 1, lx = text ? strlen(text) + 1 : 0;
	char *block = malloc(lp + lt + 1 + 1 + lx);
	memcpy(block, pattern, lp);
	memcpy(block + lp, target, lt);
	block[lp + lt] = block[lp + lt + 1] = '\0';
	if (text)
		memcpy(block + lp + lt + 2, text, lx);
	if (list->count == list->cap) {
		list->cap = list->cap ? 2 * list->cap : 8;
		list->items = realloc(list->items, list->cap * sizeof *list->items);
	}
	list->items[list->count++] = (cjm_suggestion){
		.pattern = block, .target = block + lp, .title = block + lp + lt, .rationale = block + lp + lt + 1,
		.priority = priority, .kind = text ? CJM_PROPOSE_IDEA : CJM_PROPOSE_NOTHING,
		.text = text ? block + lp + lt + 2 : NULL,
	};
}

static void test_cards_fold_one_per_target(void **state)
{
	(void)state;
	cjm_map *map = load_text(cards_map);
	cjm_suggestions *list = calloc(1, sizeof *list);
	card_add(list, "soften-negatives", "low", 1, "Explain the amount");
	card_add(list, "moments-of-truth", "low", 2, "Call before it arrives");
	card_add(list, "skip-steps", "t3", 2, NULL);
	card_add(list, "strong-start", "low", 3, NULL);
	card_add(list, "moments-of-truth", "low", 3, NULL); /* a pattern named once in also: */
	assert_int_equal(cjm_suggestions_arrange(list, map, CJM_CARDS_PER_PHASE, false), 0);
	assert_int_equal(list->items[0].card, CJM_CARD);
	assert_string_equal(list->items[0].also, "moments-of-truth, strong-start");
	assert_int_equal(list->items[1].card, CJM_FOLDED);
	assert_int_equal(list->items[1].lead, 0);
	assert_false(list->items[1].same_idea);
	assert_int_equal(list->items[2].card, CJM_CARD); /* another target: a card of its own */
	assert_null(list->items[2].also);
	assert_int_equal(list->items[3].card, CJM_FOLDED);
	assert_int_equal(list->items[4].card, CJM_FOLDED);
	/* the folded ones get their why only when asked for all */
	assert_null(list->items[1].why);
	cjm_suggestions_arrange(list, map, CJM_CARDS_PER_PHASE, true);
	assert_non_null(list->items[1].why);
	cjm_suggestions_free(list);
	cjm_map_free(map);
}

static void test_cards_idea_key(void **state)
{
	(void)state;
	char *a = cjm_idea_key("Pre-fill what you already know");
	char *b = cjm_idea_key("Fill in what you ALREADY know!");
	char *c = cjm_idea_key("Vul in wat je al weet");
	char *d = cjm_idea_key("Call the customer");
	char *e = cjm_idea_key("Email the customer");
	assert_string_equal(a, "fill know");
	assert_string_equal(a, b);
	assert_string_equal(c, "vul weet"); /* Dutch stop words too */
	assert_string_not_equal(d, e);
	free(a), free(b), free(c), free(d), free(e);
	a = cjm_idea_key("Send invoices, invoice and INVOICE");
	assert_string_equal(a, "invoice send"); /* each word once, a plural as its singular */
	free(a);
}

static void test_cards_same_idea(void **state)
{
	(void)state;
	cjm_map *map = load_text(cards_map);
	cjm_suggestions *list = calloc(1, sizeof *list);
	card_add(list, "soften-negatives", "low", 1, "Pre-fill what you already know, so the customer only checks it");
	card_add(list, "moments-of-truth", "t3", 2, "Fill in what you already know, so the customer only confirms it");
	card_add(list, "skip-steps", "t3", 2, "Drop the second form");
	card_add(list, "amplify-peaks", "t4", 3, "Call the customer");
	card_add(list, "amplify-peaks", "t5", 3, "Email the customer");
	cjm_suggestions_arrange(list, map, 5, false); /* no limit in the way */
	assert_int_equal(list->items[1].card, CJM_FOLDED); /* the same idea, on another touchpoint */
	assert_true(list->items[1].same_idea);
	assert_int_equal(list->items[1].lead, 0);
	assert_string_equal(list->items[0].also, "moments-of-truth on t3");
	assert_int_equal(list->items[2].card, CJM_CARD); /* t3's next idea is its card */
	assert_int_equal(list->items[3].card, CJM_CARD); /* different ideas stay apart */
	assert_int_equal(list->items[4].card, CJM_CARD);
	cjm_suggestions_free(list);
	cjm_map_free(map);
}

static void test_cards_limits(void **state)
{
	(void)state;
	cjm_map *map = load_text(cards_map);
	cjm_suggestions *list = calloc(1, sizeof *list);
	const char *buy[] = { "low", "form", "t3", "t4", "t5" };
	for (size_t i = 0; i < 5; i++)
		card_add(list, "skip-steps", buy[i], 4, NULL);
	card_add(list, "end-with-smile", "last", 4, NULL);
	assert_int_equal(cjm_suggestions_arrange(list, map, 3, false), 2);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(list->items[i].card, CJM_CARD);
	assert_int_equal(list->items[3].card, CJM_BEYOND);
	assert_int_equal(list->items[4].card, CJM_BEYOND);
	assert_null(list->items[3].why);
	assert_int_equal(list->items[5].card, CJM_CARD); /* another phase counts apart */
	/* within the limit nothing is held back */
	assert_int_equal(cjm_suggestions_arrange(list, map, 5, false), 0);
	assert_int_equal(list->items[4].card, CJM_CARD);
	cjm_suggestions_free(list);
	cjm_map_free(map);
}

static void test_cards_done_and_dismissed(void **state)
{
	(void)state;
	cjm_map *map = load_text(cards_map);
	cjm_suggestions *list = calloc(1, sizeof *list);
	card_add(list, "intelligent-experience", "form", 2, "Send a note"); /* on the map already */
	card_add(list, "skip-steps", "form", 3, "Drop the form");
	card_add(list, "soften-negatives", "low", 1, "Send a note to explain");
	card_add(list, "strong-start", "t3", 2, NULL);
	list->items[3].dismissed = true;
	cjm_suggestions_arrange(list, map, CJM_CARDS_PER_PHASE, false);
	assert_int_equal(list->items[0].card, CJM_DONE);
	assert_int_equal(list->items[1].card, CJM_CARD); /* the next one on 'form' */
	assert_null(list->items[1].also);
	assert_int_equal(list->items[2].card, CJM_CARD); /* another idea, not on the map */
	assert_true(list->items[3].dismissed);
	assert_int_equal(list->items[3].card, CJM_CARD); /* a dismissed one is left for the caller to list apart */
	cjm_suggestions_free(list);
	cjm_map_free(map);
}

static void test_cards_why(void **state)
{
	(void)state;
	cjm_map *map = load_text(cards_map);
	cjm_suggestions *list = calloc(1, sizeof *list);
	card_add(list, "soften-negatives", "low", 1, NULL);
	card_add(list, "redesign", "journey", 2, NULL);
	card_add(list, "extend-journey", "use", 3, NULL);
	card_add(list, "skip-steps", "t3", 3, NULL);
	card_add(list, "end-with-smile", "last", 2, NULL);
	card_add(list, "rough", "gone", 5, NULL);
	cjm_suggestions_arrange(list, map, CJM_CARDS_PER_PHASE, false);
	assert_string_equal(list->items[0].why, "priority 1, act first: emotion -3 at a moment of truth, high impact 0.9");
	assert_string_equal(list->items[1].why, "priority 2: about the whole journey");
	assert_string_equal(list->items[2].why, "priority 3: about the whole phase 'Use'");
	assert_string_equal(list->items[3].why, "priority 3, in journey order");
	assert_string_equal(list->items[4].why, "priority 2: emotion -1, at the end of the journey");
	assert_string_equal(list->items[5].why, "priority 5: about an item no longer on the map");
	cjm_suggestions_free(list);
	cjm_map_free(map);
}

/* On a real run the targets are found by the places cjm_suggest gave them; found by id
 * instead, the cards come out the same, one per target. */
static void test_cards_real_run(void **state)
{
	(void)state;
	cjm_registry *reg = cjm_registry_new(false);
	cjm_map *map = load_text(journey);
	cjm_suggestions *a = cjm_suggest(map, reg, NULL, 0, false), *b = cjm_suggest(map, reg, NULL, 0, false);
	assert_int_equal(a->count, b->count);
	for (size_t i = 0; i < b->count; i++)
		b->items[i].place = 0;
	cjm_suggestions_arrange(a, map, CJM_CARDS_PER_PHASE, true);
	cjm_suggestions_arrange(b, map, CJM_CARDS_PER_PHASE, true);
	size_t cards = 0;
	for (size_t i = 0; i < a->count; i++) {
		assert_int_equal(a->items[i].card, b->items[i].card);
		assert_string_equal(a->items[i].why, b->items[i].why);
		if (a->items[i].card == CJM_FOLDED) {
			assert_true(a->items[i].lead < i);
			assert_int_equal(a->items[a->items[i].lead].card == CJM_FOLDED, false);
			if (!a->items[i].same_idea)
				assert_string_equal(a->items[a->items[i].lead].target, a->items[i].target);
			continue;
		}
		if (a->items[i].card != CJM_CARD)
			continue;
		cards++;
		for (size_t j = 0; j < i; j++)
			if (a->items[j].card == CJM_CARD)
				assert_string_not_equal(a->items[j].target, a->items[i].target);
	}
	assert_true(cards > 1 && cards < a->count); /* the journey's invoice has several: folded */
	cjm_suggestions_free(a);
	cjm_suggestions_free(b);
	cjm_map_free(map);
	cjm_registry_free(reg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_and_settings),
		cmocka_unit_test(test_dismissed),
		cmocka_unit_test(test_accept_all_and_undo),
		cmocka_unit_test(test_accept_kinds),
		cmocka_unit_test(test_check_map),
		cmocka_unit_test(test_cards_fold_one_per_target),
		cmocka_unit_test(test_cards_idea_key),
		cmocka_unit_test(test_cards_same_idea),
		cmocka_unit_test(test_cards_limits),
		cmocka_unit_test(test_cards_done_and_dismissed),
		cmocka_unit_test(test_cards_why),
		cmocka_unit_test(test_cards_real_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
