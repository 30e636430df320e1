/* Settling a merge's conflicts: the conflicts found in text written by the real merge
 * (and in git's textual kind), taking each side, both, all at once, undo, and bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit/edit.h"
#include "io/load.h"
#include "io/save.h"
#include "merge/merge.h"
#include "merge/resolve.h"
#include "model/map.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ---- what a test made, freed by the teardown even when an assertion fails ---- */

static struct {
	cjm_map *maps[16];
	size_t maps_len;
	char *texts[32];
	size_t texts_len;
	cjm_merge_result *result;
	cjm_conflicts *conflicts;
	cjm_edit *edits[4];
	size_t edits_len;
	diag_list *diags;
} kept;

static int free_kept(void **state)
{
	(void)state;
	for (size_t i = 0; i < kept.maps_len; i++)
		cjm_map_free(kept.maps[i]);
	for (size_t i = 0; i < kept.texts_len; i++)
		free(kept.texts[i]);
	for (size_t i = 0; i < kept.edits_len; i++)
		cjm_edit_free(kept.edits[i]);
	cjm_merge_result_free(kept.result);
	cjm_conflicts_free(kept.conflicts);
	diag_list_free(kept.diags);
	memset(&kept, 0, sizeof kept);
	return 0;
}

static char *keep_text(char *text)
{
	assert_true(kept.texts_len < 32);
	kept.texts[kept.texts_len++] = text;
	return text;
}

/* Loads TEXT, which must be a valid map. */
static cjm_map *load(const char *text)
{
	diag_list *diags = diag_list_new("test.yaml");
	cjm_map *map = cjm_load_buffer(text, strlen(text), diags, NULL);
	if (!map) {
		fprintf(stderr, "--- expected this to load:\n%s--- but:\n", text);
		diag_print(diags, stderr);
	}
	diag_list_free(diags);
	assert_non_null(map);
	assert_true(kept.maps_len < 16);
	kept.maps[kept.maps_len++] = map;
	return map;
}

/* The canonical text of MAP. */
static char *saved(const cjm_map *map)
{
	strbuf out = { 0 };
	cjm_save_to_buffer(map, &out);
	return keep_text(out.data);
}

/* TEXT with FROM replaced by TO (once; FROM must be there). */
static char *edit(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	assert_non_null(at);
	return keep_text(xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from)));
}

/* The conflicts in TEXT, which must have some and split into two maps. */
static cjm_conflicts *conflicts_of(const char *text)
{
	cjm_conflicts_free(kept.conflicts);
	diag_list *diags = diag_list_new("m.yaml");
	kept.conflicts = cjm_conflicts_new(text, strlen(text), diags);
	if (!kept.conflicts) {
		fprintf(stderr, "--- expected conflicts in:\n%s--- but:\n", text);
		diag_print(diags, stderr);
	}
	diag_list_free(diags);
	assert_non_null(kept.conflicts);
	return kept.conflicts;
}

/* Merges the three texts with cjm merge; the marked text it writes, and its conflicts. */
static cjm_conflicts *merged(const char *base, const char *ours, const char *theirs)
{
	cjm_merge_result_free(kept.result);
	kept.result = cjm_merge(load(base), load(ours), load(theirs));
	assert_null(kept.result->error);
	assert_true(kept.result->conflict_count > 0);
	strbuf out = { 0 };
	assert_true(cjm_merge_write(kept.result, "ours", "theirs", &out) > 0);
	return conflicts_of(keep_text(out.data));
}

/* An edit session on a copy of OURS, as the editor and cjm resolve begin. */
static cjm_edit *session(const cjm_conflicts *c)
{
	assert_true(kept.edits_len < 4);
	cjm_edit *e = cjm_edit_new(cjm_map_clone(c->ours));
	kept.edits[kept.edits_len++] = e;
	return e;
}

static const char *map_text(const cjm_edit *e)
{
	return saved(cjm_edit_map(e));
}

/* Taking every conflict's OURS gives the merge's OURS variant; THEIRS its THEIRS variant. */
static void expect_take_all_is_merge(cjm_conflicts *c)
{
	cjm_edit *e = session(c);
	assert_int_equal(cjm_conflicts_take_all(c, e, CJM_TAKE_THEIRS), 0);
	assert_string_equal(map_text(e), saved(kept.result->theirs));
	assert_int_equal(cjm_edit_undo(e), 0); /* one step for all */
	assert_false(cjm_edit_can_undo(e));
	assert_string_equal(map_text(e), saved(kept.result->ours));
	assert_int_equal(cjm_conflicts_take_all(c, e, CJM_TAKE_THEIRS), 0);
	assert_int_equal(cjm_conflicts_take_all(c, e, CJM_TAKE_OURS), 0);
	assert_string_equal(map_text(e), saved(kept.result->ours));
	for (size_t i = 0; i < c->count; i++)
		assert_int_equal(c->at[i].take, CJM_TAKE_OURS);
}

static void expect_text(const char *actual, const char *expected)
{
	if (!expected) {
		assert_null(actual);
		return;
	}
	assert_non_null(actual);
	assert_string_equal(actual, expected);
}

static void expect_conflict(const cjm_conflict *k, cjm_conflict_what what, cjm_ref_kind owner, const char *id,
			    const char *name, const char *phase_name, cjm_field field, const char *ours,
			    const char *theirs, bool can_both)
{
	assert_int_equal(k->what, what);
	assert_int_equal(k->owner, owner);
	expect_text(k->id, id);
	expect_text(k->name, name);
	expect_text(k->phase_name, phase_name);
	assert_int_equal(k->field, field);
	expect_text(k->ours_text, ours);
	expect_text(k->theirs_text, theirs);
	assert_int_equal(k->can_both, can_both);
	assert_int_equal(k->take, CJM_TAKE_OURS);
}

/* ---- fixtures ---- */

static const char BASE[] = "version: 1\n"
			   "title: Energy\n"
			   "patterns:\n"
			   "  soften-negatives:\n"
			   "    enabled: true\n"
			   "    threshold: -2\n"
			   "  redesign:\n"
			   "    enabled: false\n"
			   "phases:\n"
			   "- id: orient\n"
			   "  name: Orient\n"
			   "  touchpoints:\n"
			   "  - id: compare\n"
			   "    name: Compare prices\n"
			   "    emotion: 1\n"
			   "    ideas:\n"
			   "    - one\n"
			   "  - id: call\n"
			   "    name: Call\n"
			   "- id: switch\n"
			   "  name: Switch\n"
			   "  touchpoints:\n"
			   "  - id: sign\n"
			   "    name: Sign\n";

/* ---- fields ---- */

static void test_field_conflicts(void **state)
{
	(void)state;
	const char *ours = edit(edit(edit(edit(BASE, "title: Energy\n", "title: Power\n"), "  name: Orient\n",
					  "  name: Orientation\n"),
				     "    emotion: 1\n", "    channel: web\n    emotion: -1\n"),
				"    name: Sign\n", "    name: Sign\n    notes: signed\n");
	const char *theirs = edit(edit(edit(BASE, "title: Energy\n", "title: Gas\n"), "  name: Orient\n",
				       "  name: Look around\n"),
				  "    emotion: 1\n", "    channel: phone\n    emotion: -2\n");
	cjm_conflicts *c = merged(BASE, ours, theirs);
	assert_string_equal(c->ours_label, "ours");
	assert_string_equal(c->theirs_label, "theirs");
	/* the map's fields, then the phases and their touchpoints in OURS' order, fields in file order */
	assert_int_equal(c->count, 4);
	expect_conflict(&c->at[0], CJM_CONFLICT_FIELD, CJM_REF_MAP, NULL, NULL, NULL, CJM_F_TITLE, "Power", "Gas", false);
	expect_conflict(&c->at[1], CJM_CONFLICT_FIELD, CJM_REF_PHASE, "orient", "Orientation", NULL, CJM_F_NAME,
			"Orientation", "Look around", false);
	expect_conflict(&c->at[2], CJM_CONFLICT_FIELD, CJM_REF_TOUCHPOINT, "compare", "Compare prices", "Orientation",
			CJM_F_CHANNEL, "web", "phone", false);
	expect_conflict(&c->at[3], CJM_CONFLICT_FIELD, CJM_REF_TOUCHPOINT, "compare", "Compare prices", "Orientation",
			CJM_F_EMOTION, "-1", "-2", false);
	/* what merged cleanly is on both sides */
	assert_string_equal(c->theirs->phases[1]->touchpoints[0]->notes, "signed");

	cjm_edit *e = session(c);
	const cjm_map *map = cjm_edit_map(e);
	assert_int_equal(cjm_conflict_take(c, e, 3, CJM_TAKE_THEIRS), 0);
	assert_int_equal(map->phases[0]->touchpoints[0]->emotion, -2);
	assert_int_equal(c->at[3].take, CJM_TAKE_THEIRS);
	assert_int_equal(cjm_conflict_take(c, e, 0, CJM_TAKE_THEIRS), 0);
	assert_string_equal(map->title, "Gas");
	assert_int_equal(cjm_conflict_take(c, e, 1, CJM_TAKE_THEIRS), 0);
	assert_string_equal(map->phases[0]->name, "Look around");
	assert_int_equal(cjm_conflict_take(c, e, 2, CJM_TAKE_THEIRS), 0);
	assert_string_equal(map->phases[0]->touchpoints[0]->channel, "phone");
	assert_string_equal(map_text(e), saved(kept.result->theirs));
	/* a change of mind brings OURS back */
	assert_int_equal(cjm_conflict_take(c, e, 3, CJM_TAKE_OURS), 0);
	assert_int_equal(map->phases[0]->touchpoints[0]->emotion, -1);
	assert_int_equal(c->at[3].take, CJM_TAKE_OURS);
	/* each take was one step */
	assert_int_equal(cjm_edit_undo(e), 0);
	assert_int_equal(map->phases[0]->touchpoints[0]->emotion, -2);
	assert_int_equal(cjm_edit_undo(e), 0);
	assert_string_equal(map->phases[0]->touchpoints[0]->channel, "web");
	assert_string_equal(map->phases[0]->name, "Look around");
	/* both is for lists only, and untouched when refused */
	assert_int_equal(cjm_conflict_take(c, e, 0, CJM_TAKE_BOTH), -1);
	assert_non_null(strstr(cjm_edit_error(e), "only a list"));
	assert_string_equal(map->title, "Gas");
	assert_int_equal(cjm_conflict_take(c, e, 4, CJM_TAKE_OURS), -1);
	assert_non_null(strstr(cjm_edit_error(e), "no conflict 4"));

	/* where each conflict is, in the map being edited */
	cjm_ref where;
	assert_true(cjm_conflict_place(c, 0, map, &where));
	assert_int_equal(where.kind, CJM_REF_MAP);
	assert_true(cjm_conflict_place(c, 1, map, &where));
	assert_int_equal(where.kind, CJM_REF_PHASE);
	assert_int_equal(where.phase, 0);
	assert_int_equal(cjm_edit_move_touchpoint(e, 0, 0, 1, 1), 0);
	assert_true(cjm_conflict_place(c, 2, map, &where));
	assert_int_equal(where.kind, CJM_REF_TOUCHPOINT);
	assert_int_equal(where.phase, 1);
	assert_int_equal(where.tp, 1);
	assert_false(cjm_conflict_place(c, 4, map, &where));
	/* an item deleted meanwhile: it has no place, and no side can be taken */
	assert_int_equal(cjm_edit_delete_touchpoint(e, 1, 1), 0);
	assert_false(cjm_conflict_place(c, 2, map, &where));
	assert_int_equal(cjm_conflict_take(c, e, 2, CJM_TAKE_OURS), -1);
	assert_non_null(strstr(cjm_edit_error(e), "'Compare prices' is no longer in the map"));

	expect_take_all_is_merge(c);
}

/* ---- items on one side only ---- */

static void test_touchpoint_edited_and_deleted(void **state)
{
	(void)state;
	const char *edited = edit(BASE, "    name: Call\n", "    name: Call\n    emotion: -3\n");
	const char *deleted = edit(BASE, "  - id: call\n    name: Call\n", "");
	for (int way = 0; way < 2; way++) {
		cjm_conflicts *c = way == 0 ? merged(BASE, edited, deleted) : merged(BASE, deleted, edited);
		assert_int_equal(c->count, 1);
		const char *text = "name: Call\nemotion: -3";
		expect_conflict(&c->at[0], CJM_CONFLICT_ITEM, CJM_REF_TOUCHPOINT, "call", "Call", "Orient",
				CJM_FIELD_COUNT, way == 0 ? text : NULL, way == 0 ? NULL : text, false);
		assert_int_equal(c->at[0].in_ours, way == 0);
		assert_int_equal(c->at[0].in_theirs, way == 1);
		cjm_edit *e = session(c);
		const cjm_map *map = cjm_edit_map(e);
		/* to the side that lacks it, and back: in its place again */
		cjm_take lacks = way == 0 ? CJM_TAKE_THEIRS : CJM_TAKE_OURS;
		cjm_take has = way == 0 ? CJM_TAKE_OURS : CJM_TAKE_THEIRS;
		assert_int_equal(cjm_conflict_take(c, e, 0, lacks), 0);
		assert_int_equal(map->phases[0]->touchpoint_count, 1);
		assert_int_equal(cjm_conflict_take(c, e, 0, has), 0);
		assert_int_equal(map->phases[0]->touchpoint_count, 2);
		assert_string_equal(map->phases[0]->touchpoints[1]->id, "call");
		assert_int_equal(map->phases[0]->touchpoints[1]->emotion, -3);
		/* taking the side it is on again changes nothing */
		unsigned long gen = cjm_edit_generation(e);
		assert_int_equal(cjm_conflict_take(c, e, 0, has), 0);
		assert_int_equal(cjm_edit_generation(e), gen);
		assert_int_equal(cjm_conflict_take(c, e, 0, CJM_TAKE_BOTH), -1);
		expect_take_all_is_merge(c);
	}
}

static void test_phase_deleted_and_edited(void **state)
{
	(void)state;
	const char *deleted = edit(BASE, "- id: switch\n  name: Switch\n  touchpoints:\n  - id: sign\n    name: Sign\n", "");
	const char *edited = edit(edit(BASE, "    name: Sign\n", "    name: Sign\n    emotion: 2\n  - id: pay\n    name: Pay\n"),
				  "  name: Switch\n", "  name: Switch\n  description: The move\n");
	for (int way = 0; way < 2; way++) {
		cjm_conflicts *c = way == 0 ? merged(BASE, deleted, edited) : merged(BASE, edited, deleted);
		/* one conflict: the phase with its touchpoints */
		assert_int_equal(c->count, 1);
		const char *text = "name: Switch\ndescription: The move\ntouchpoints: Sign; Pay";
		expect_conflict(&c->at[0], CJM_CONFLICT_ITEM, CJM_REF_PHASE, "switch", "Switch", NULL, CJM_FIELD_COUNT,
				way == 0 ? NULL : text, way == 0 ? text : NULL, false);
		cjm_edit *e = session(c);
		const cjm_map *map = cjm_edit_map(e);
		cjm_take has = way == 0 ? CJM_TAKE_THEIRS : CJM_TAKE_OURS;
		cjm_take lacks = way == 0 ? CJM_TAKE_OURS : CJM_TAKE_THEIRS;
		assert_int_equal(cjm_conflict_take(c, e, 0, lacks), 0);
		assert_int_equal(map->phase_count, 1);
		assert_int_equal(cjm_conflict_take(c, e, 0, has), 0);
		assert_int_equal(map->phase_count, 2);
		assert_string_equal(map->phases[1]->description, "The move");
		assert_int_equal(map->phases[1]->touchpoint_count, 2);
		assert_int_equal(map->phases[1]->touchpoints[0]->emotion, 2);
		assert_string_equal(map->phases[1]->touchpoints[1]->id, "pay");
		/* the whole phase came in as one step */
		assert_int_equal(cjm_edit_undo(e), 0);
		assert_int_equal(map->phase_count, 1);
		/* a take that fails half-way changes nothing: here a phase took the id 'pay' */
		assert_int_equal(cjm_edit_add_phase(e, 1, "Pay", "pay"), 0);
		char *before = saved(map);
		unsigned long gen = cjm_edit_generation(e);
		c->at[0].take = lacks;
		assert_int_equal(cjm_conflict_take(c, e, 0, has), -1);
		assert_non_null(strstr(cjm_edit_error(e), "id 'pay' is already used"));
		assert_string_equal(saved(map), before);
		assert_int_equal(c->at[0].take, lacks);
		assert_int_equal(cjm_conflicts_take_all(c, e, has), -1);
		assert_string_equal(saved(map), before);
		assert_int_equal(c->at[0].take, lacks);
		assert_int_equal(cjm_edit_undo(e), 0); /* the added phase: the failed takes left no step */
		assert_int_equal(map->phase_count, 1);
		assert_true(gen != cjm_edit_generation(e));
		expect_take_all_is_merge(c);
	}
}

static void test_phase_deleted_with_a_touchpoint_moved_out(void **state)
{
	(void)state;
	/* their side moved 'a' into 'q' and deleted 'p': taking theirs keeps 'a' */
	const char *text = "version: 1\n"
			   "title: T\n"
			   "phases:\n"
			   "<<<<<<< ours\n"
			   "- id: p\n"
			   "  name: P\n"
			   "  touchpoints:\n"
			   "  - id: a\n"
			   "    name: A\n"
			   "=======\n"
			   ">>>>>>> theirs\n"
			   "- id: q\n"
			   "  name: Q\n"
			   "  touchpoints:\n"
			   "  - id: c\n"
			   "    name: C\n"
			   "<<<<<<< ours\n"
			   "=======\n"
			   "  - id: a\n"
			   "    name: A\n"
			   ">>>>>>> theirs\n"
			   "  - id: b\n"
			   "    name: B\n";
	cjm_conflicts *c = conflicts_of(text);
	assert_int_equal(c->count, 1); /* the phase; the move is none */
	expect_conflict(&c->at[0], CJM_CONFLICT_ITEM, CJM_REF_PHASE, "p", "P", NULL, CJM_FIELD_COUNT,
			"name: P\ntouchpoints: A", NULL, false);
	cjm_edit *e = session(c);
	assert_int_equal(cjm_conflict_take(c, e, 0, CJM_TAKE_THEIRS), 0);
	assert_string_equal(map_text(e), saved(c->theirs));
	assert_int_equal(cjm_edit_undo(e), 0);
	assert_string_equal(map_text(e), saved(c->ours));
}

/* ---- pattern settings ---- */

static void test_pattern_settings(void **state)
{
	(void)state;
	const char *ours = edit(edit(BASE, "    threshold: -2\n", "    threshold: -1\n"), "  redesign:\n    enabled: false\n", "");
	const char *theirs = edit(edit(BASE, "    threshold: -2\n", "    threshold: -3\n"), "  redesign:\n    enabled: false\n",
				  "  redesign:\n    enabled: true\n");
	cjm_conflicts *c = merged(BASE, ours, theirs);
	assert_int_equal(c->count, 2);
	expect_conflict(&c->at[0], CJM_CONFLICT_PATTERN, CJM_REF_MAP, "soften-negatives", NULL, NULL, CJM_FIELD_COUNT,
			"enabled: yes\nthreshold: -1", "enabled: yes\nthreshold: -3", false);
	expect_conflict(&c->at[1], CJM_CONFLICT_PATTERN, CJM_REF_MAP, "redesign", NULL, NULL, CJM_FIELD_COUNT, NULL,
			"enabled: yes", false);
	assert_false(c->at[1].in_ours);
	assert_true(c->at[1].in_theirs);
	cjm_edit *e = session(c);
	const cjm_map *map = cjm_edit_map(e);
	assert_int_equal(cjm_conflict_take(c, e, 0, CJM_TAKE_THEIRS), 0);
	assert_true(map->patterns[0].threshold == -3);
	assert_int_equal(cjm_conflict_take(c, e, 1, CJM_TAKE_THEIRS), 0);
	assert_int_equal(map->pattern_count, 2);
	assert_string_equal(map->patterns[1].id, "redesign");
	assert_int_equal(map->patterns[1].enabled, CJM_TRUE);
	assert_int_equal(cjm_conflict_take(c, e, 1, CJM_TAKE_OURS), 0);
	assert_int_equal(map->pattern_count, 1);
	assert_int_equal(cjm_edit_undo(e), 0);
	assert_int_equal(map->pattern_count, 2);
	cjm_ref where;
	assert_true(cjm_conflict_place(c, 1, map, &where));
	assert_int_equal(where.kind, CJM_REF_MAP);
	expect_take_all_is_merge(c);
}

/* ---- git's textual conflicts ---- */

static const char TEXTUAL[] = "version: 1\n"                /* 1 */
			      "title: T\n"                  /* 2 */
			      "phases:\n"                   /* 3 */
			      "- id: p\n"                   /* 4 */
			      "  name: P\n"                 /* 5 */
			      "  touchpoints:\n"            /* 6 */
			      "  - id: a\n"                 /* 7 */
			      "    name: A\n"               /* 8 */
			      "<<<<<<< HEAD\n"              /* 9 */
			      "    pillars: [empathy]\n"    /* 10 */
			      "    ideas:\n"                /* 11 */
			      "    - one\n"                 /* 12 */
			      "    - two\n"                 /* 13 */
			      "||||||| merged common ancestors\n" /* 14 */
			      "    ideas:\n"                /* 15 */
			      "    - one\n"                 /* 16 */
			      "=======\n"                   /* 17 */
			      "    pillars: [integrity]\n"  /* 18 */
			      "    ideas:\n"                /* 19 */
			      "    - three\n"               /* 20 */
			      "    - one\n"                 /* 21 */
			      ">>>>>>> feature/x\n"         /* 22 */
			      "dismissed:\n"                /* 23 */
			      "<<<<<<< HEAD\n"              /* 24 */
			      "- {pattern: skip-steps, target: a}\n"
			      "=======\n"
			      "- {pattern: redesign, target: p}\n"
			      ">>>>>>> feature/x\n";

static void test_textual_conflict_and_both(void **state)
{
	(void)state;
	assert_true(cjm_has_conflict_markers(TEXTUAL, strlen(TEXTUAL)));
	cjm_conflicts *c = conflicts_of(TEXTUAL);
	assert_string_equal(c->ours_label, "HEAD");
	assert_string_equal(c->theirs_label, "feature/x");
	/* the base section is dropped; dismissals are kept from both sides, no conflict */
	assert_int_equal(c->count, 2);
	expect_conflict(&c->at[0], CJM_CONFLICT_FIELD, CJM_REF_TOUCHPOINT, "a", "A", "P", CJM_F_PILLARS, "empathy",
			"integrity", true);
	expect_conflict(&c->at[1], CJM_CONFLICT_FIELD, CJM_REF_TOUCHPOINT, "a", "A", "P", CJM_F_IDEAS, "one\ntwo",
			"three\none", true);
	assert_int_equal(c->ours->dismissed_count, 2);
	assert_int_equal(c->theirs->dismissed_count, 2);
	cjm_edit *e = session(c);
	const cjm_map *map = cjm_edit_map(e);
	const cjm_touchpoint *a = map->phases[0]->touchpoints[0];
	assert_int_equal(cjm_conflict_take(c, e, 1, CJM_TAKE_BOTH), 0);
	a = map->phases[0]->touchpoints[0];
	assert_int_equal(a->ideas.len, 3);
	assert_string_equal(a->ideas.items[0], "one");
	assert_string_equal(a->ideas.items[1], "two");
	assert_string_equal(a->ideas.items[2], "three");
	assert_int_equal(c->at[1].take, CJM_TAKE_BOTH);
	assert_int_equal(cjm_conflict_take(c, e, 1, CJM_TAKE_THEIRS), 0);
	assert_int_equal(a->ideas.len, 2);
	assert_string_equal(a->ideas.items[0], "three");
	assert_int_equal(cjm_conflict_take(c, e, 0, CJM_TAKE_BOTH), 0);
	assert_int_equal(a->pillars, CJM_PILLAR_EMPATHY | CJM_PILLAR_INTEGRITY);
	/* undo, one take at a time */
	assert_int_equal(cjm_edit_undo(e), 0);
	assert_int_equal(a->pillars, CJM_PILLAR_EMPATHY);
	assert_int_equal(cjm_edit_undo(e), 0);
	assert_int_equal(a->ideas.len, 3);
	assert_int_equal(cjm_edit_undo(e), 0);
	assert_string_equal(map_text(e), saved(c->ours));
	/* all at once: both where a list, ours elsewhere */
	assert_int_equal(cjm_conflicts_take_all(c, e, CJM_TAKE_BOTH), 0);
	assert_int_equal(a->ideas.len, 3);
	assert_int_equal(a->pillars, CJM_PILLAR_EMPATHY | CJM_PILLAR_INTEGRITY);
	assert_int_equal(c->at[0].take, CJM_TAKE_BOTH);
	assert_int_equal(cjm_conflicts_take_all(c, e, CJM_TAKE_THEIRS), 0);
	assert_string_equal(map_text(e), saved(c->theirs));
	/* CRLF line ends, as on Windows */
	strbuf crlf = { 0 };
	for (const char *p = TEXTUAL; *p; p++)
		strbuf_puts(&crlf, *p == '\n' ? "\r\n" : (char[]){ *p, 0 });
	keep_text(crlf.data);
	c = conflicts_of(crlf.data);
	assert_string_equal(c->ours_label, "HEAD");
	assert_string_equal(c->theirs_label, "feature/x");
	assert_int_equal(c->count, 2);
	assert_int_equal(c->comments.count, 0);
	/* comments, which a save drops, are counted, at the file's lines */
	c = conflicts_of(edit(TEXTUAL, "    - three\n", "    - three # new\n"));
	assert_int_equal(c->comments.count, 1);
	assert_int_equal(c->comments.first_line, 20);
	assert_int_equal(c->comments.first_col, 13);
	c = conflicts_of(edit(edit(TEXTUAL, "    - three\n", "    - three # new\n"), "title: T\n", "title: T # the journey\n"));
	assert_int_equal(c->comments.count, 2);
	assert_int_equal(c->comments.first_line, 2);
}

/* ---- bad input ---- */

/* TEXT does not split into two maps; DIAGS has one error at LINE:COL saying FRAGMENT. */
static void expect_refused(const char *text, int line, int col, const char *fragment)
{
	diag_list_free(kept.diags);
	kept.diags = diag_list_new("m.yaml");
	assert_null(cjm_conflicts_new(text, strlen(text), kept.diags));
	if (kept.diags->errors != 1) {
		fprintf(stderr, "expected one error saying '%s', but:\n", fragment);
		diag_print(kept.diags, stderr);
	}
	assert_int_equal(kept.diags->errors, 1);
	assert_int_equal(kept.diags->items[0].line, line);
	assert_int_equal(kept.diags->items[0].col, col);
	if (!strstr(kept.diags->items[0].message, fragment))
		fprintf(stderr, "message: %s\n", kept.diags->items[0].message);
	assert_non_null(strstr(kept.diags->items[0].message, fragment));
}

static void test_bad_input(void **state)
{
	(void)state;
	/* no markers: no conflicts, and nothing said (it is a map, or not, as it loads) */
	diag_list *diags = diag_list_new("m.yaml");
	assert_false(cjm_has_conflict_markers(BASE, strlen(BASE)));
	assert_null(cjm_conflicts_new(BASE, strlen(BASE), diags));
	assert_int_equal(diags->count, 0);
	/* a marker needs the start of a line and a space or the line's end after it */
	const char *not_markers = "a <<<<<<< b\n<<<<<<<<x\n";
	assert_false(cjm_has_conflict_markers(not_markers, strlen(not_markers)));
	assert_true(cjm_has_conflict_markers("<<<<<<<", 7));
	diag_list_free(diags);

	/* markers that do not pair up */
	expect_refused(edit(TEXTUAL, ">>>>>>> feature/x\ndismissed:\n", "dismissed:\n"), 23, 1, "'<<<<<<<' out of place");
	expect_refused(edit(TEXTUAL, "=======\n    pillars", "    pillars"), 21, 1, "'>>>>>>>' out of place");
	expect_refused(edit(TEXTUAL, "<<<<<<< HEAD\n    pillars", "    pillars"), 13, 1, "'|||||||' out of place");
	expect_refused(keep_text(xasprintf("%s<<<<<<< a\n=======\n>>>>>>> b\n=======\n", BASE)), 28, 1,
		       "'=======' out of place");
	expect_refused(keep_text(xasprintf("%s<<<<<<< a\n  - id: x\n=======\n", BASE)), 25, 1, "no '>>>>>>>' line");
	/* a side that does not load: at the file's own line */
	expect_refused(edit(TEXTUAL, "    pillars: [integrity]\n", "    pillars: [integrity]\n    emotoin: 2\n"), 19, 5,
		       "emotoin");
	expect_refused(edit(TEXTUAL, "    - two\n", "    - two\n    emotion: 9\n"), 14, 14, "emotion");
	/* a problem outside the conflicts is in both sides, and said once */
	expect_refused(edit(TEXTUAL, "  name: P\n", "  name: P\n  colour: red\n"), 6, 3, "colour");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_field_conflicts, free_kept),
		cmocka_unit_test_teardown(test_touchpoint_edited_and_deleted, free_kept),
		cmocka_unit_test_teardown(test_phase_deleted_and_edited, free_kept),
		cmocka_unit_test_teardown(test_phase_deleted_with_a_touchpoint_moved_out, free_kept),
		cmocka_unit_test_teardown(test_pattern_settings, free_kept),
		cmocka_unit_test_teardown(test_textual_conflict_and_both, free_kept),
		cmocka_unit_test_teardown(test_bad_input, free_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
