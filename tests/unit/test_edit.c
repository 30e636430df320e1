/* Unit tests of the edit layer: each change, its undo and redo, validation, groups and dirtiness. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "edit/edit.h"
#include "model/ids.h"
#include "util/strset.h"
#include "util/xalloc.h"

/* ---- fixtures and helpers ---- */

static cjm_touchpoint *fixture_touchpoint(cjm_phase *phase, const char *id, const char *name)
{
	cjm_touchpoint *tp = cjm_touchpoint_new(id, name);
	cjm_phase_insert_touchpoint(phase, phase->touchpoint_count, tp);
	return tp;
}

/* Orient (compare-prices, ask-friends, read-reviews), Decide (sign-up), Use (empty). */
static cjm_map *fixture_map(void)
{
	cjm_map *map = cjm_map_new("Switching energy supplier");
	map->persona_name = xstrdup("Sanne");
	map->has_persona = true;
	cjm_strlist_push(&map->brand_values, "easy");
	cjm_strlist_push(&map->brand_values, "personal");
	map->has_brand_values = true;

	cjm_phase *orient = cjm_phase_new("orient", "Orient");
	orient->description = xstrdup("Looking around");
	cjm_touchpoint *tp = fixture_touchpoint(orient, "compare-prices", "Compare prices");
	tp->channel = xstrdup("web");
	tp->has_emotion = true;
	tp->emotion = 1;
	tp->has_satisfaction = true;
	tp->satisfaction = 7.5;
	cjm_strlist_push(&tp->pains, "slow");
	cjm_strlist_push(&tp->pains, "confusing");
	cjm_strlist_push(&tp->ideas, "calculator");
	fixture_touchpoint(orient, "ask-friends", "Ask friends");
	tp = fixture_touchpoint(orient, "read-reviews", "Read reviews");
	tp->visible = CJM_FALSE;
	cjm_map_insert_phase(map, 0, orient);

	cjm_phase *decide = cjm_phase_new("decide", "Decide");
	tp = fixture_touchpoint(decide, "sign-up", "Sign up");
	tp->commitment = CJM_TRUE;
	tp->has_emotion = true;
	tp->emotion = -2;
	cjm_strlist_push(&tp->quotes, "Too many forms");
	cjm_map_insert_phase(map, 1, decide);

	cjm_map_insert_phase(map, 2, cjm_phase_new("use", "Use"));

	map->dismissed = xmalloc(2 * sizeof *map->dismissed);
	map->dismissed[0] = (cjm_dismissal){ xstrdup("skip-steps"), xstrdup("read-reviews"), { 0, 0 } };
	map->dismissed[1] = (cjm_dismissal){ xstrdup("redesign"), xstrdup("decide"), { 0, 0 } };
	map->dismissed_count = 2;
	return map;
}

static cjm_edit *fixture_edit(void)
{
	return cjm_edit_new(fixture_map());
}

static cjm_map *snapshot(const cjm_edit *edit)
{
	return cjm_map_clone(cjm_edit_map(edit));
}

static bool map_is(const cjm_edit *edit, const cjm_map *expected)
{
	return cjm_map_equal(cjm_edit_map(edit), expected);
}

static cjm_ref ref_map(void)
{
	return (cjm_ref){ CJM_REF_MAP, 0, 0 };
}

static cjm_ref ref_phase(size_t phase)
{
	return (cjm_ref){ CJM_REF_PHASE, phase, 0 };
}

static cjm_ref ref_tp(size_t phase, size_t tp)
{
	return (cjm_ref){ CJM_REF_TOUCHPOINT, phase, tp };
}

static cjm_touchpoint *tp_at(const cjm_edit *edit, size_t phase, size_t tp)
{
	return cjm_edit_map(edit)->phases[phase]->touchpoints[tp];
}

/* The ids of the phases ("orient,decide,use") or of one phase's touchpoints. */
static const char *phase_ids(const cjm_edit *edit)
{
	static char buf[512];
	const cjm_map *map = cjm_edit_map(edit);
	buf[0] = '\0';
	for (size_t i = 0; i < map->phase_count; i++) {
		if (i)
			strcat(buf, ",");
		strcat(buf, map->phases[i]->id);
	}
	return buf;
}

static const char *tp_ids(const cjm_edit *edit, size_t phase)
{
	static char buf[512];
	const cjm_phase *p = cjm_edit_map(edit)->phases[phase];
	buf[0] = '\0';
	for (size_t i = 0; i < p->touchpoint_count; i++) {
		if (i)
			strcat(buf, ",");
		strcat(buf, p->touchpoints[i]->id);
	}
	return buf;
}

/* After a successful change: the map differs from BEFORE, undo gives BEFORE
 * back and redo the changed map again. */
static void check_undo_redo(cjm_edit *edit, const cjm_map *before)
{
	cjm_map *after = snapshot(edit);
	assert_false(cjm_map_equal(before, after));
	assert_true(cjm_edit_can_undo(edit));
	assert_false(cjm_edit_can_redo(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(map_is(edit, before));
	assert_true(cjm_edit_can_redo(edit));
	assert_int_equal(cjm_edit_redo(edit), 0);
	assert_true(map_is(edit, after));
	assert_false(cjm_edit_can_redo(edit));
	cjm_map_free(after);
}

/* CALL succeeds, changes the map, and undoes and redoes exactly. */
#define assert_undoable(edit, call)                                       \
	do {                                                              \
		cjm_map *before_ = snapshot(edit);                        \
		assert_int_equal((call), 0);                              \
		assert_string_equal(cjm_edit_error(edit), "");           \
		check_undo_redo((edit), before_);                         \
		cjm_map_free(before_);                                    \
	} while (0)

/* CALL succeeds but changes nothing and records nothing. */
#define assert_no_change(edit, call)                                      \
	do {                                                              \
		cjm_map *before_ = snapshot(edit);                        \
		unsigned long gen_ = cjm_edit_generation(edit);           \
		bool undo_ = cjm_edit_can_undo(edit);                     \
		assert_int_equal((call), 0);                              \
		assert_true(map_is((edit), before_));                     \
		assert_int_equal(cjm_edit_generation(edit), gen_);        \
		assert_int_equal(cjm_edit_can_undo(edit), undo_);         \
		cjm_map_free(before_);                                    \
	} while (0)

/* CALL fails with an error containing FRAGMENT and touches nothing, not even
 * the history. */
#define assert_rejected(edit, call, fragment)                             \
	do {                                                              \
		cjm_map *before_ = snapshot(edit);                        \
		unsigned long gen_ = cjm_edit_generation(edit);           \
		bool undo_ = cjm_edit_can_undo(edit);                     \
		bool redo_ = cjm_edit_can_redo(edit);                     \
		bool dirty_ = cjm_edit_dirty(edit);                       \
		assert_int_equal((call), -1);                             \
		assert_true(map_is((edit), before_));                     \
		assert_int_equal(cjm_edit_generation(edit), gen_);        \
		assert_int_equal(cjm_edit_can_undo(edit), undo_);         \
		assert_int_equal(cjm_edit_can_redo(edit), redo_);         \
		assert_int_equal(cjm_edit_dirty(edit), dirty_);           \
		assert_non_null(strstr(cjm_edit_error(edit), (fragment)));\
		cjm_map_free(before_);                                    \
	} while (0)

/* Undoes everything; returns how many steps there were. */
static int undo_all(cjm_edit *edit)
{
	int n = 0;
	while (cjm_edit_can_undo(edit)) {
		assert_int_equal(cjm_edit_undo(edit), 0);
		n++;
	}
	return n;
}

/* ---- the session ---- */

/* The shape generation: what an index by id or a layout may keep while it holds. */
static void test_shape_generation(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	unsigned long shape = cjm_edit_shape_generation(edit);
	cjm_ref tp = { CJM_REF_TOUCHPOINT, 0, 0 };
	assert_int_equal(cjm_edit_set_emotion(edit, tp, true, -1), 0);
	assert_int_equal(cjm_edit_set_text(edit, tp, CJM_F_NAME, "Compare"), 0);
	assert_true(cjm_edit_shape_generation(edit) == shape); /* fields: the same shape */
	assert_int_equal(cjm_edit_set_text(edit, tp, CJM_F_ID, "compare"), 0);
	assert_true(cjm_edit_shape_generation(edit) != shape); /* an id: an index by id is stale */
	shape = cjm_edit_shape_generation(edit);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_edit_shape_generation(edit) != shape); /* and so is its undo */
	shape = cjm_edit_shape_generation(edit);
	assert_int_equal(cjm_edit_move_touchpoint(edit, 0, 0, 1, 0), 0);
	assert_true(cjm_edit_shape_generation(edit) != shape);
	cjm_edit_free(edit);
}

static void test_new_session(void **state)
{
	(void)state;
	cjm_map *map = fixture_map();
	cjm_edit *edit = cjm_edit_new(map);
	assert_ptr_equal(cjm_edit_map(edit), map);
	assert_false(cjm_edit_can_undo(edit));
	assert_false(cjm_edit_can_redo(edit));
	assert_false(cjm_edit_dirty(edit));
	assert_string_equal(cjm_edit_error(edit), "");
	assert_int_equal(cjm_edit_undo(edit), -1);
	assert_string_equal(cjm_edit_error(edit), "nothing to undo");
	assert_int_equal(cjm_edit_redo(edit), -1);
	assert_string_equal(cjm_edit_error(edit), "nothing to redo");
	assert_int_equal(cjm_edit_generation(edit), 0);
	cjm_edit_free(edit);
	cjm_edit_free(NULL);
}

static void test_error_cleared_on_success(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_int_equal(cjm_edit_delete_phase(edit, 9), -1);
	assert_string_not_equal(cjm_edit_error(edit), "");
	assert_int_equal(cjm_edit_add_phase(edit, 0, "Before", NULL), 0);
	assert_string_equal(cjm_edit_error(edit), "");
	cjm_edit_free(edit);
}

/* ---- phases ---- */

static void test_add_phase(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_undoable(edit, cjm_edit_add_phase(edit, 0, "Become aware", NULL));
	assert_string_equal(phase_ids(edit), "become-aware,orient,decide,use");
	assert_undoable(edit, cjm_edit_add_phase(edit, 4, "Leave", "churn"));
	assert_string_equal(phase_ids(edit), "become-aware,orient,decide,use,churn");
	assert_undoable(edit, cjm_edit_add_phase(edit, 2, "Compare", NULL));
	assert_string_equal(phase_ids(edit), "become-aware,orient,compare,decide,use,churn");

	const cjm_phase *added = cjm_edit_map(edit)->phases[2];
	assert_string_equal(added->name, "Compare");
	assert_null(added->description);
	assert_int_equal(added->touchpoint_count, 0);
	assert_int_equal(undo_all(edit), 3);
	cjm_map *original = fixture_map();
	assert_true(map_is(edit, original));
	cjm_map_free(original);
	cjm_edit_free(edit);
}

static void test_add_phase_unique_ids(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_int_equal(cjm_edit_add_phase(edit, 3, "Orient", NULL), 0);
	assert_int_equal(cjm_edit_add_phase(edit, 4, "Orient", NULL), 0);
	/* a touchpoint's id counts too: phases and touchpoints share one namespace */
	assert_int_equal(cjm_edit_add_phase(edit, 5, "Sign up", NULL), 0);
	assert_int_equal(cjm_edit_add_phase(edit, 6, "Oriëntatie & Keuze", NULL), 0);
	assert_int_equal(cjm_edit_add_phase(edit, 7, "!!!", NULL), 0);
	assert_string_equal(phase_ids(edit),
			    "orient,decide,use,orient-2,orient-3,sign-up-2,orientatie-keuze,item");
	cjm_edit_free(edit);
}

static void test_add_phase_rejected(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_rejected(edit, cjm_edit_add_phase(edit, 4, "Late", NULL), "position 4");
	assert_rejected(edit, cjm_edit_add_phase(edit, (size_t)-1, "Late", NULL), "cannot add a phase");
	assert_rejected(edit, cjm_edit_add_phase(edit, 0, NULL, NULL), "needs a name");
	assert_rejected(edit, cjm_edit_add_phase(edit, 0, "", NULL), "needs a name");
	assert_rejected(edit, cjm_edit_add_phase(edit, 0, "X", "Bad Id"), "not a valid id");
	assert_rejected(edit, cjm_edit_add_phase(edit, 0, "X", ""), "not a valid id");
	assert_rejected(edit, cjm_edit_add_phase(edit, 0, "X", "-x"), "not a valid id");
	assert_rejected(edit, cjm_edit_add_phase(edit, 0, "X", "orient"), "id 'orient' is already used");
	assert_rejected(edit, cjm_edit_add_phase(edit, 0, "X", "sign-up"), "id 'sign-up' is already used");
	cjm_edit_free(edit);
}

static void test_delete_phase(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_phase *orient = cjm_edit_map(edit)->phases[0];
	assert_undoable(edit, cjm_edit_delete_phase(edit, 0));
	assert_string_equal(phase_ids(edit), "decide,use");
	assert_int_equal(cjm_edit_undo(edit), 0);
	/* undo puts back the very same phase, touchpoints and all */
	assert_ptr_equal(cjm_edit_map(edit)->phases[0], orient);
	assert_int_equal(orient->touchpoint_count, 3);
	assert_int_equal(cjm_edit_redo(edit), 0);
	assert_undoable(edit, cjm_edit_delete_phase(edit, 1));
	assert_undoable(edit, cjm_edit_delete_phase(edit, 0));
	assert_int_equal(cjm_edit_map(edit)->phase_count, 0);
	assert_rejected(edit, cjm_edit_delete_phase(edit, 0), "no phase 0");
	assert_int_equal(undo_all(edit), 3);
	assert_string_equal(phase_ids(edit), "orient,decide,use");
	assert_rejected(edit, cjm_edit_delete_phase(edit, 3), "no phase 3");
	cjm_edit_free(edit);
}

static void test_move_phase(void **state)
{
	(void)state;
	/* TO counts positions after removal, so every (from, to) is a rotation */
	static const char *const expected[3][3] = {
		{ "orient,decide,use", "decide,orient,use", "decide,use,orient" },
		{ "decide,orient,use", "orient,decide,use", "orient,use,decide" },
		{ "use,orient,decide", "orient,use,decide", "orient,decide,use" },
	};
	for (size_t from = 0; from < 3; from++) {
		for (size_t to = 0; to < 3; to++) {
			cjm_edit *edit = fixture_edit();
			if (from == to)
				assert_no_change(edit, cjm_edit_move_phase(edit, from, to));
			else
				assert_undoable(edit, cjm_edit_move_phase(edit, from, to));
			assert_string_equal(phase_ids(edit), expected[from][to]);
			cjm_edit_free(edit);
		}
	}
	cjm_edit *edit = fixture_edit();
	assert_rejected(edit, cjm_edit_move_phase(edit, 3, 0), "no phase 3");
	assert_rejected(edit, cjm_edit_move_phase(edit, 0, 3), "cannot move phase 'Orient' to position 3");
	cjm_edit_free(edit);
}

/* ---- touchpoints ---- */

static void test_add_touchpoint(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_undoable(edit, cjm_edit_add_touchpoint(edit, 0, 0, "See an ad", NULL));
	assert_undoable(edit, cjm_edit_add_touchpoint(edit, 0, 4, "Compare prices", NULL));
	assert_undoable(edit, cjm_edit_add_touchpoint(edit, 0, 2, "Call", "call-us"));
	assert_undoable(edit, cjm_edit_add_touchpoint(edit, 2, 0, "Use", NULL));
	assert_string_equal(tp_ids(edit, 0),
			    "see-an-ad,compare-prices,call-us,ask-friends,read-reviews,compare-prices-2");
	assert_string_equal(tp_ids(edit, 2), "use-2");
	const cjm_touchpoint *tp = tp_at(edit, 0, 2);
	assert_string_equal(tp->name, "Call");
	assert_false(tp->has_emotion);
	assert_int_equal(tp->visible, CJM_UNSET);
	assert_int_equal(undo_all(edit), 4);
	assert_string_equal(tp_ids(edit, 0), "compare-prices,ask-friends,read-reviews");
	cjm_edit_free(edit);
}

static void test_add_touchpoint_rejected(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_rejected(edit, cjm_edit_add_touchpoint(edit, 3, 0, "X", NULL), "no phase 3");
	assert_rejected(edit, cjm_edit_add_touchpoint(edit, 1, 2, "X", NULL),
			"position 2 of phase 'Decide'");
	assert_rejected(edit, cjm_edit_add_touchpoint(edit, 0, 0, NULL, NULL), "needs a name");
	assert_rejected(edit, cjm_edit_add_touchpoint(edit, 0, 0, "", NULL), "needs a name");
	assert_rejected(edit, cjm_edit_add_touchpoint(edit, 0, 0, "X", "X"), "not a valid id");
	assert_rejected(edit, cjm_edit_add_touchpoint(edit, 0, 0, "X", "a_b"), "not a valid id");
	assert_rejected(edit, cjm_edit_add_touchpoint(edit, 0, 0, "X", "ask-friends"),
			"id 'ask-friends' is already used");
	assert_rejected(edit, cjm_edit_add_touchpoint(edit, 0, 0, "X", "use"), "id 'use' is already used");
	cjm_edit_free(edit);
}

static void test_insert_touchpoint(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_touchpoint *copy = cjm_touchpoint_clone(tp_at(edit, 0, 0));
	free(copy->id);
	copy->id = xstrdup("compare-again");
	assert_undoable(edit, cjm_edit_insert_touchpoint(edit, 1, 1, copy));
	const cjm_touchpoint *inserted = tp_at(edit, 1, 1);
	assert_ptr_not_equal(inserted, copy); /* a copy, the caller keeps its own */
	assert_string_equal(inserted->id, "compare-again");
	assert_string_equal(inserted->channel, "web");
	assert_int_equal(inserted->pains.len, 2);
	assert_ptr_not_equal(inserted->pains.items, copy->pains.items);
	assert_string_equal(tp_ids(edit, 1), "sign-up,compare-again");

	/* the same id again is now taken */
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 0, copy), "id 'compare-again' is already used");
	cjm_edit_free(edit);
	/* the session's copy was freed with it; ours is still ours */
	assert_string_equal(copy->name, "Compare prices");
	cjm_touchpoint_free(copy);
}

static void test_insert_touchpoint_rejected(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_touchpoint *tp = cjm_touchpoint_new("fresh", "Fresh");
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 0, NULL), "no touchpoint to insert");
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 5, 0, tp), "no phase 5");
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 4, tp), "position 4 of phase 'Orient'");

	free(tp->id);
	tp->id = NULL;
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 0, tp), "not a valid id");
	tp->id = xstrdup("Fresh");
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 0, tp), "not a valid id");
	free(tp->id);
	tp->id = xstrdup("decide");
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 0, tp), "id 'decide' is already used");
	free(tp->id);
	tp->id = xstrdup("fresh");

	free(tp->name);
	tp->name = xstrdup("");
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 0, tp), "needs a name");
	free(tp->name);
	tp->name = xstrdup("Fresh");

	tp->has_emotion = true;
	tp->emotion = 4;
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 0, tp), "emotion must be");
	tp->emotion = -3;
	tp->has_satisfaction = true;
	tp->satisfaction = 10.5;
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 0, tp), "satisfaction must be");
	tp->satisfaction = 10;
	tp->has_impact = true;
	tp->impact = NAN;
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 0, tp), "impact must be");
	tp->impact = 0;
	tp->pillars = 1u << CJM_PILLAR_COUNT;
	assert_rejected(edit, cjm_edit_insert_touchpoint(edit, 0, 0, tp), "unknown pillar");
	tp->pillars = CJM_PILLAR_EMPATHY;
	/* every value at the edge of its range is fine */
	assert_undoable(edit, cjm_edit_insert_touchpoint(edit, 0, 3, tp));
	assert_string_equal(tp_ids(edit, 0), "compare-prices,ask-friends,read-reviews,fresh");
	cjm_touchpoint_free(tp);
	cjm_edit_free(edit);
}

static void test_delete_touchpoint(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_touchpoint *first = tp_at(edit, 0, 0);
	assert_undoable(edit, cjm_edit_delete_touchpoint(edit, 0, 0));
	assert_string_equal(tp_ids(edit, 0), "ask-friends,read-reviews");
	assert_undoable(edit, cjm_edit_delete_touchpoint(edit, 0, 1));
	assert_string_equal(tp_ids(edit, 0), "ask-friends");
	assert_undoable(edit, cjm_edit_delete_touchpoint(edit, 1, 0));
	assert_int_equal(cjm_edit_map(edit)->phases[1]->touchpoint_count, 0);
	assert_rejected(edit, cjm_edit_delete_touchpoint(edit, 0, 7), "no touchpoint 7 in phase 'Orient'");
	assert_rejected(edit, cjm_edit_delete_touchpoint(edit, 1, 0), "no touchpoint 0 in phase 'Decide'");
	assert_rejected(edit, cjm_edit_delete_touchpoint(edit, 3, 0), "no phase 3");
	assert_int_equal(undo_all(edit), 3);
	assert_ptr_equal(tp_at(edit, 0, 0), first); /* the very same object */
	assert_string_equal(tp_ids(edit, 0), "compare-prices,ask-friends,read-reviews");
	cjm_edit_free(edit);
}

static void test_move_touchpoint_within_phase(void **state)
{
	(void)state;
	static const char *const expected[3][3] = {
		{ "compare-prices,ask-friends,read-reviews", "ask-friends,compare-prices,read-reviews",
		  "ask-friends,read-reviews,compare-prices" },
		{ "ask-friends,compare-prices,read-reviews", "compare-prices,ask-friends,read-reviews",
		  "compare-prices,read-reviews,ask-friends" },
		{ "read-reviews,compare-prices,ask-friends", "compare-prices,read-reviews,ask-friends",
		  "compare-prices,ask-friends,read-reviews" },
	};
	for (size_t from = 0; from < 3; from++) {
		for (size_t to = 0; to < 3; to++) {
			cjm_edit *edit = fixture_edit();
			if (from == to)
				assert_no_change(edit, cjm_edit_move_touchpoint(edit, 0, from, 0, to));
			else
				assert_undoable(edit, cjm_edit_move_touchpoint(edit, 0, from, 0, to));
			assert_string_equal(tp_ids(edit, 0), expected[from][to]);
			cjm_edit_free(edit);
		}
	}
}

static void test_move_touchpoint_across_phases(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_touchpoint *moved = tp_at(edit, 0, 1);
	assert_undoable(edit, cjm_edit_move_touchpoint(edit, 0, 1, 1, 1));
	assert_string_equal(tp_ids(edit, 0), "compare-prices,read-reviews");
	assert_string_equal(tp_ids(edit, 1), "sign-up,ask-friends");
	assert_ptr_equal(tp_at(edit, 1, 1), moved);
	assert_undoable(edit, cjm_edit_move_touchpoint(edit, 1, 0, 2, 0));
	assert_string_equal(tp_ids(edit, 2), "sign-up");
	assert_undoable(edit, cjm_edit_move_touchpoint(edit, 2, 0, 0, 0));
	assert_string_equal(tp_ids(edit, 0), "sign-up,compare-prices,read-reviews");
	assert_int_equal(undo_all(edit), 3);
	assert_string_equal(tp_ids(edit, 0), "compare-prices,ask-friends,read-reviews");
	assert_string_equal(tp_ids(edit, 1), "sign-up");
	cjm_edit_free(edit);
}

static void test_move_touchpoint_rejected(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_rejected(edit, cjm_edit_move_touchpoint(edit, 3, 0, 0, 0), "no phase 3");
	assert_rejected(edit, cjm_edit_move_touchpoint(edit, 2, 0, 0, 0), "no touchpoint 0 in phase 'Use'");
	assert_rejected(edit, cjm_edit_move_touchpoint(edit, 0, 3, 0, 0), "no touchpoint 3 in phase 'Orient'");
	assert_rejected(edit, cjm_edit_move_touchpoint(edit, 0, 0, 3, 0), "no phase 3");
	/* within a phase the last position is count - 1; into another, count */
	assert_rejected(edit, cjm_edit_move_touchpoint(edit, 0, 0, 0, 3), "position 3 of phase 'Orient'");
	assert_rejected(edit, cjm_edit_move_touchpoint(edit, 0, 0, 1, 2), "position 2 of phase 'Decide'");
	assert_rejected(edit, cjm_edit_move_touchpoint(edit, 0, 0, 2, 1), "position 1 of phase 'Use'");
	assert_int_equal(cjm_edit_move_touchpoint(edit, 0, 0, 1, 1), 0);
	cjm_edit_free(edit);
}

/* ---- fields ---- */

static void test_set_touchpoint_fields(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_ref r = ref_tp(0, 1);
	const cjm_touchpoint *tp = tp_at(edit, 0, 1);
	assert_undoable(edit, cjm_edit_set_text(edit, r, CJM_F_NAME, "Ask family"));
	assert_string_equal(tp->name, "Ask family");
	assert_undoable(edit, cjm_edit_set_text(edit, r, CJM_F_ID, "ask-family"));
	assert_string_equal(tp->id, "ask-family");
	assert_undoable(edit, cjm_edit_set_text(edit, r, CJM_F_CHANNEL, "phone"));
	assert_undoable(edit, cjm_edit_set_text(edit, r, CJM_F_OWNER, "sales"));
	assert_undoable(edit, cjm_edit_set_text(edit, r, CJM_F_NOTES, "Mostly by phone"));
	assert_undoable(edit, cjm_edit_set_text(edit, r, CJM_F_CHANNEL, NULL));
	assert_null(tp->channel);
	assert_undoable(edit, cjm_edit_set_emotion(edit, r, true, -3));
	assert_true(tp->has_emotion);
	assert_int_equal(tp->emotion, -3);
	assert_undoable(edit, cjm_edit_set_emotion(edit, r, true, 0));
	assert_undoable(edit, cjm_edit_set_emotion(edit, r, false, 0));
	assert_false(tp->has_emotion);

	cjm_value v = { .present = true, .number = 6.5 };
	assert_undoable(edit, cjm_edit_set(edit, r, CJM_F_SATISFACTION, &v));
	assert_true(tp->has_satisfaction);
	assert_true(tp->satisfaction == 6.5);
	v.number = 0.25;
	assert_undoable(edit, cjm_edit_set(edit, r, CJM_F_IMPACT, &v));
	assert_true(tp->impact == 0.25);
	v = (cjm_value){ .present = true, .boolean = true };
	assert_undoable(edit, cjm_edit_set(edit, r, CJM_F_MOMENT_OF_TRUTH, &v));
	assert_int_equal(tp->moment_of_truth, CJM_TRUE);
	v.boolean = false;
	assert_undoable(edit, cjm_edit_set(edit, r, CJM_F_BRAND_MOMENT, &v));
	assert_int_equal(tp->brand_moment, CJM_FALSE);
	assert_undoable(edit, cjm_edit_set(edit, r, CJM_F_VISIBLE, &v));
	v.present = false;
	assert_undoable(edit, cjm_edit_set(edit, ref_tp(1, 0), CJM_F_COMMITMENT, &v));
	assert_int_equal(tp_at(edit, 1, 0)->commitment, CJM_UNSET);
	v = (cjm_value){ .present = true, .bits = CJM_PILLAR_EMPATHY | CJM_PILLAR_INTEGRITY };
	assert_undoable(edit, cjm_edit_set(edit, r, CJM_F_PILLARS, &v));
	assert_int_equal(tp->pillars, CJM_PILLAR_EMPATHY | CJM_PILLAR_INTEGRITY);

	cjm_strlist list = { 0 };
	cjm_strlist_push(&list, "no time");
	v = (cjm_value){ .present = true, .list = &list };
	assert_undoable(edit, cjm_edit_set(edit, r, CJM_F_PAINS, &v));
	assert_undoable(edit, cjm_edit_set(edit, r, CJM_F_IDEAS, &v));
	assert_undoable(edit, cjm_edit_set(edit, r, CJM_F_QUOTES, &v));
	assert_true(cjm_strlist_equal(&tp->quotes, &list));
	assert_ptr_not_equal(tp->quotes.items, list.items);
	v.present = false;
	assert_undoable(edit, cjm_edit_set(edit, ref_tp(0, 0), CJM_F_PAINS, &v));
	assert_int_equal(tp_at(edit, 0, 0)->pains.len, 0);
	cjm_strlist_clear(&list);

	assert_int_equal(undo_all(edit), 20);
	cjm_map *original = fixture_map();
	assert_true(map_is(edit, original));
	cjm_map_free(original);
	cjm_edit_free(edit);
}

static void test_set_phase_fields(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	const cjm_phase *phase = cjm_edit_map(edit)->phases[1];
	assert_undoable(edit, cjm_edit_set_text(edit, ref_phase(1), CJM_F_NAME, "Choose"));
	assert_string_equal(phase->name, "Choose");
	assert_undoable(edit, cjm_edit_set_text(edit, ref_phase(1), CJM_F_ID, "choose"));
	assert_string_equal(phase->id, "choose");
	assert_undoable(edit, cjm_edit_set_text(edit, ref_phase(1), CJM_F_DESCRIPTION, "Signing"));
	assert_string_equal(phase->description, "Signing");
	assert_undoable(edit, cjm_edit_set_text(edit, ref_phase(0), CJM_F_DESCRIPTION, NULL));
	assert_null(cjm_edit_map(edit)->phases[0]->description);
	/* the old id is free again once changed */
	assert_undoable(edit, cjm_edit_add_phase(edit, 0, "Decide", NULL));
	assert_string_equal(cjm_edit_map(edit)->phases[0]->id, "decide");
	assert_int_equal(undo_all(edit), 5);
	assert_string_equal(phase_ids(edit), "orient,decide,use");
	cjm_edit_free(edit);
}

static void test_set_map_fields(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	const cjm_map *map = cjm_edit_map(edit);
	assert_undoable(edit, cjm_edit_set_text(edit, ref_map(), CJM_F_TITLE, "Moving house"));
	assert_string_equal(map->title, "Moving house");
	assert_undoable(edit, cjm_edit_set_text(edit, ref_map(), CJM_F_PERSONA_DESCRIPTION, "Compares"));
	assert_undoable(edit, cjm_edit_set_text(edit, ref_map(), CJM_F_PERSONA_NAME, NULL));
	assert_true(map->has_persona);
	assert_undoable(edit, cjm_edit_set_text(edit, ref_map(), CJM_F_PERSONA_DESCRIPTION, NULL));
	assert_false(map->has_persona);
	cjm_value v = { .present = true, .number = 8 };
	assert_undoable(edit, cjm_edit_set(edit, ref_map(), CJM_F_THRESHOLD_SATISFACTION, &v));
	assert_true(map->has_threshold_satisfaction);
	assert_true(cjm_map_satisfaction_threshold(map) == 8);
	v.number = 1;
	assert_undoable(edit, cjm_edit_set(edit, ref_map(), CJM_F_THRESHOLD_IMPACT, &v));
	assert_true(cjm_map_impact_threshold(map) == 1);
	v.present = false;
	assert_undoable(edit, cjm_edit_set(edit, ref_map(), CJM_F_THRESHOLD_IMPACT, &v));
	assert_false(map->has_threshold_impact);

	cjm_strlist list = { 0 };
	cjm_strlist_push(&list, "honest");
	v = (cjm_value){ .present = true, .list = &list };
	assert_undoable(edit, cjm_edit_set(edit, ref_map(), CJM_F_BRAND_VALUES, &v));
	assert_true(cjm_strlist_equal(&map->brand_values, &list));
	cjm_strlist_clear(&list);
	/* an empty list written in the file is kept apart from an absent one */
	v.list = &list;
	assert_undoable(edit, cjm_edit_set(edit, ref_map(), CJM_F_BRAND_VALUES, &v));
	assert_true(map->has_brand_values);
	assert_int_equal(map->brand_values.len, 0);
	v.present = false;
	assert_undoable(edit, cjm_edit_set(edit, ref_map(), CJM_F_BRAND_VALUES, &v));
	assert_false(map->has_brand_values);
	assert_int_equal(undo_all(edit), 10);
	cjm_map *original = fixture_map();
	assert_true(map_is(edit, original));
	cjm_map_free(original);
	cjm_edit_free(edit);
}

/* `persona:` written empty: setting a name and undoing must bring back the
 * empty persona, although cjm_field_set recomputes has_persona. */
static void test_set_restores_persona_flag(void **state)
{
	(void)state;
	cjm_map *map = cjm_map_new("T");
	map->has_persona = true;
	cjm_edit *edit = cjm_edit_new(map);
	assert_undoable(edit, cjm_edit_set_text(edit, ref_map(), CJM_F_PERSONA_NAME, "Sanne"));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(map->has_persona);
	assert_null(map->persona_name);
	assert_int_equal(cjm_edit_redo(edit), 0);
	assert_undoable(edit, cjm_edit_set_text(edit, ref_map(), CJM_F_PERSONA_NAME, NULL));
	assert_false(map->has_persona);
	assert_int_equal(undo_all(edit), 2);
	assert_true(map->has_persona);
	cjm_edit_free(edit);
}

static void test_set_equal_records_nothing(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_ref r = ref_tp(0, 0);
	assert_no_change(edit, cjm_edit_set_text(edit, r, CJM_F_NAME, "Compare prices"));
	assert_no_change(edit, cjm_edit_set_text(edit, r, CJM_F_ID, "compare-prices"));
	assert_no_change(edit, cjm_edit_set_text(edit, r, CJM_F_OWNER, NULL));
	assert_no_change(edit, cjm_edit_set_text(edit, ref_phase(2), CJM_F_DESCRIPTION, NULL));
	assert_no_change(edit, cjm_edit_set_emotion(edit, r, true, 1));
	assert_no_change(edit, cjm_edit_set_emotion(edit, ref_tp(0, 1), false, 2));
	cjm_value v = { .present = true, .number = 7.5 };
	assert_no_change(edit, cjm_edit_set(edit, r, CJM_F_SATISFACTION, &v));
	v = (cjm_value){ .present = false, .number = 3 };
	assert_no_change(edit, cjm_edit_set(edit, r, CJM_F_IMPACT, &v));
	v = (cjm_value){ .present = true, .boolean = false };
	assert_no_change(edit, cjm_edit_set(edit, ref_tp(0, 2), CJM_F_VISIBLE, &v));
	/* pillars present with no bits is no pillars */
	v = (cjm_value){ .present = true, .bits = 0 };
	assert_no_change(edit, cjm_edit_set(edit, r, CJM_F_PILLARS, &v));
	/* a touchpoint's empty list is an absent one */
	cjm_strlist empty = { 0 };
	v = (cjm_value){ .present = true, .list = &empty };
	assert_no_change(edit, cjm_edit_set(edit, r, CJM_F_QUOTES, &v));
	v = (cjm_value){ .present = true, .list = NULL };
	assert_no_change(edit, cjm_edit_set(edit, r, CJM_F_QUOTES, &v));
	v = (cjm_value){ .present = true, .list = &tp_at(edit, 0, 0)->pains };
	assert_no_change(edit, cjm_edit_set(edit, r, CJM_F_PAINS, &v));
	v = (cjm_value){ .present = true, .list = &cjm_edit_map(edit)->brand_values };
	assert_no_change(edit, cjm_edit_set(edit, ref_map(), CJM_F_BRAND_VALUES, &v));
	assert_false(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_generation(edit), 0);
	cjm_edit_free(edit);
}

static void test_set_rejected(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_value v = { .present = true, .number = 11 };
	assert_rejected(edit, cjm_edit_set(edit, ref_tp(0, 0), CJM_F_SATISFACTION, &v),
			"satisfaction must be a number from 0 to 10");
	v.number = -0.5;
	assert_rejected(edit, cjm_edit_set(edit, ref_tp(0, 0), CJM_F_IMPACT, &v), "impact must be");
	v.number = INFINITY;
	assert_rejected(edit, cjm_edit_set(edit, ref_map(), CJM_F_THRESHOLD_SATISFACTION, &v), "must be");
	v.number = NAN;
	assert_rejected(edit, cjm_edit_set(edit, ref_map(), CJM_F_THRESHOLD_IMPACT, &v), "must be");
	assert_rejected(edit, cjm_edit_set_emotion(edit, ref_tp(0, 0), true, 4), "emotion must be");
	assert_rejected(edit, cjm_edit_set_emotion(edit, ref_tp(0, 0), true, -4), "emotion must be");
	v = (cjm_value){ .present = true, .bits = 1u << 6 };
	assert_rejected(edit, cjm_edit_set(edit, ref_tp(0, 0), CJM_F_PILLARS, &v), "unknown pillar");
	assert_rejected(edit, cjm_edit_set(edit, ref_tp(0, 0), CJM_F_PILLARS, NULL), "no value");

	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(0, 0), CJM_F_NAME, ""), "must not be empty");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(0, 0), CJM_F_NAME, NULL), "required");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_phase(0), CJM_F_NAME, ""), "must not be empty");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_map(), CJM_F_TITLE, ""), "must not be empty");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_map(), CJM_F_TITLE, NULL), "required");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(0, 0), CJM_F_ID, NULL), "required");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(0, 0), CJM_F_ID, "Nope"), "'Nope' is not a valid id");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(0, 0), CJM_F_ID, "ask-friends"),
			"id 'ask-friends' is already used");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(0, 0), CJM_F_ID, "orient"),
			"id 'orient' is already used");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_phase(0), CJM_F_ID, "decide"),
			"id 'decide' is already used");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_phase(0), CJM_F_ID, "sign-up"),
			"id 'sign-up' is already used");

	/* where, and which field */
	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(0, 7), CJM_F_NAME, "X"),
			"no touchpoint 7 in phase 'Orient'");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(3, 0), CJM_F_NAME, "X"), "no phase 3");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_phase(3), CJM_F_NAME, "X"), "no phase 3");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(0, 0), CJM_F_DESCRIPTION, "X"),
			"a touchpoint has no description");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_phase(0), CJM_F_CHANNEL, "X"),
			"a phase has no channel");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_map(), CJM_F_NAME, "X"), "the map has no name");
	assert_rejected(edit, cjm_edit_set_emotion(edit, ref_phase(0), true, 1), "a phase has no emotion");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(0, 0), CJM_F_PAINS, "X"), "pains is not text");
	assert_rejected(edit, cjm_edit_set_text(edit, ref_tp(0, 0), CJM_FIELD_COUNT, "X"), "no such field");
	cjm_ref bad = { (cjm_ref_kind)7, 0, 0 };
	assert_rejected(edit, cjm_edit_set_text(edit, bad, CJM_F_NAME, "X"), "no such item");
	cjm_edit_free(edit);
}

/* ---- list items ---- */

/* Inserts, replaces and removes items of FIELD of REF, down to none and back. */
static void check_list_ops(cjm_edit *edit, cjm_ref ref, cjm_field field)
{
	cjm_strlist *list = cjm_field_list(cjm_edit_map(edit), ref, field);
	size_t len = list->len;
	cjm_map *original = snapshot(edit);
	assert_undoable(edit, cjm_edit_list_insert(edit, ref, field, 0, "first"));
	assert_undoable(edit, cjm_edit_list_insert(edit, ref, field, len + 1, "last"));
	assert_undoable(edit, cjm_edit_list_insert(edit, ref, field, 1, "second"));
	assert_int_equal(list->len, len + 3);
	assert_string_equal(list->items[0], "first");
	assert_string_equal(list->items[1], "second");
	assert_string_equal(list->items[len + 2], "last");
	assert_undoable(edit, cjm_edit_list_replace(edit, ref, field, 1, "2nd"));
	assert_string_equal(list->items[1], "2nd");
	assert_no_change(edit, cjm_edit_list_replace(edit, ref, field, 1, "2nd"));
	assert_undoable(edit, cjm_edit_list_remove(edit, ref, field, 0));
	assert_string_equal(list->items[0], "2nd");
	assert_undoable(edit, cjm_edit_list_remove(edit, ref, field, list->len - 1));
	assert_int_equal(list->len, len + 1);
	while (list->len > 0)
		assert_undoable(edit, cjm_edit_list_remove(edit, ref, field, 0));

	assert_rejected(edit, cjm_edit_list_remove(edit, ref, field, 0), "no item 0");
	assert_rejected(edit, cjm_edit_list_replace(edit, ref, field, 0, "x"), "no item 0");
	assert_rejected(edit, cjm_edit_list_insert(edit, ref, field, 1, "x"), "position 1");
	assert_rejected(edit, cjm_edit_list_insert(edit, ref, field, 0, ""), "must not be empty");
	assert_rejected(edit, cjm_edit_list_insert(edit, ref, field, 0, NULL), "must not be empty");
	assert_int_equal(cjm_edit_list_insert(edit, ref, field, 0, "x"), 0);
	assert_rejected(edit, cjm_edit_list_replace(edit, ref, field, 0, ""), "must not be empty");
	assert_rejected(edit, cjm_edit_list_replace(edit, ref, field, 0, NULL), "must not be empty");
	assert_rejected(edit, cjm_edit_list_replace(edit, ref, field, 1, "y"), "no item 1");
	undo_all(edit);
	assert_true(map_is(edit, original));
	cjm_map_free(original);
}

static void test_list_ops(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	check_list_ops(edit, ref_tp(0, 0), CJM_F_PAINS);   /* two items */
	check_list_ops(edit, ref_tp(0, 0), CJM_F_IDEAS);   /* one item */
	check_list_ops(edit, ref_tp(1, 0), CJM_F_QUOTES);  /* one item */
	check_list_ops(edit, ref_tp(0, 1), CJM_F_QUOTES);  /* none */
	check_list_ops(edit, ref_map(), CJM_F_BRAND_VALUES);
	cjm_edit_free(edit);
}

static void test_list_brand_values_flag(void **state)
{
	(void)state;
	cjm_edit *edit = cjm_edit_new(cjm_map_new("T"));
	cjm_map *map = cjm_edit_map(edit);
	assert_undoable(edit, cjm_edit_list_insert(edit, ref_map(), CJM_F_BRAND_VALUES, 0, "easy"));
	assert_undoable(edit, cjm_edit_list_remove(edit, ref_map(), CJM_F_BRAND_VALUES, 0));
	assert_false(map->has_brand_values); /* nothing added, nothing written */
	cjm_edit_free(edit);
}

static void test_list_rejected(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_rejected(edit, cjm_edit_list_insert(edit, ref_tp(0, 0), CJM_F_NAME, 0, "x"), "name is not a list");
	assert_rejected(edit, cjm_edit_list_remove(edit, ref_tp(0, 0), CJM_F_NOTES, 0), "notes is not a list");
	assert_rejected(edit, cjm_edit_list_replace(edit, ref_tp(0, 0), CJM_F_EMOTION, 0, "x"), "not a list");
	assert_rejected(edit, cjm_edit_list_insert(edit, ref_phase(0), CJM_F_PAINS, 0, "x"), "a phase has no pains");
	assert_rejected(edit, cjm_edit_list_insert(edit, ref_map(), CJM_F_IDEAS, 0, "x"), "the map has no ideas");
	assert_rejected(edit, cjm_edit_list_insert(edit, ref_tp(0, 0), CJM_F_BRAND_VALUES, 0, "x"),
			"a touchpoint has no brand values");
	assert_rejected(edit, cjm_edit_list_insert(edit, ref_tp(0, 9), CJM_F_PAINS, 0, "x"),
			"no touchpoint 9 in phase 'Orient'");
	assert_rejected(edit, cjm_edit_list_remove(edit, ref_tp(0, 0), CJM_F_PAINS, 2), "no item 2 in pains");
	cjm_edit_free(edit);
}

/* ---- dismissed suggestions ---- */

static void test_dismiss(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	const cjm_map *map = cjm_edit_map(edit);
	assert_undoable(edit, cjm_edit_dismiss(edit, "soften-negatives", "sign-up"));
	assert_int_equal(map->dismissed_count, 3);
	assert_string_equal(map->dismissed[2].pattern, "soften-negatives");
	assert_string_equal(map->dismissed[2].target, "sign-up");
	assert_no_change(edit, cjm_edit_dismiss(edit, "skip-steps", "read-reviews"));
	/* undismissing from the middle comes back in the middle */
	assert_undoable(edit, cjm_edit_undismiss(edit, "skip-steps", "read-reviews"));
	assert_int_equal(map->dismissed_count, 2);
	assert_string_equal(map->dismissed[0].pattern, "redesign");
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_string_equal(map->dismissed[0].pattern, "skip-steps");
	assert_string_equal(map->dismissed[1].pattern, "redesign");

	assert_rejected(edit, cjm_edit_undismiss(edit, "skip-steps", "sign-up"), "not dismissed");
	assert_rejected(edit, cjm_edit_undismiss(edit, "redesign", "orient"), "not dismissed");
	assert_rejected(edit, cjm_edit_dismiss(edit, NULL, "x"), "needs a pattern id and a target id");
	assert_rejected(edit, cjm_edit_dismiss(edit, "", "x"), "needs a pattern id and a target id");
	assert_rejected(edit, cjm_edit_dismiss(edit, "x", NULL), "needs a pattern id and a target id");
	assert_rejected(edit, cjm_edit_undismiss(edit, "x", ""), "needs a pattern id and a target id");
	assert_rejected(edit, cjm_edit_dismiss(edit, "Skip Steps", "x"), "needs a pattern id and a target id");
	/* the redo of the undismiss survived every failure above */
	assert_int_equal(cjm_edit_redo(edit), 0);
	assert_int_equal(map->dismissed_count, 2);
	undo_all(edit);
	cjm_map *original = fixture_map();
	assert_true(map_is(edit, original));
	cjm_map_free(original);
	/* to and from none at all */
	while (map->dismissed_count)
		assert_int_equal(cjm_edit_undismiss(edit, map->dismissed[0].pattern, map->dismissed[0].target), 0);
	assert_undoable(edit, cjm_edit_dismiss(edit, "redesign", "map"));
	cjm_edit_free(edit);
}

/* ---- pattern settings ---- */

static void test_set_pattern(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	const cjm_map *map = cjm_edit_map(edit);
	cjm_pattern_setting on = { .enabled = CJM_TRUE, .has_threshold = true, .threshold = -2 };
	cjm_pattern_setting off = { .enabled = CJM_FALSE };
	/* in where there is none, at the place asked for */
	assert_undoable(edit, cjm_edit_set_pattern(edit, "soften-negatives", &on, 0));
	assert_undoable(edit, cjm_edit_set_pattern(edit, "redesign", &off, 0));
	assert_int_equal(map->pattern_count, 2);
	assert_string_equal(map->patterns[0].id, "redesign");
	assert_string_equal(map->patterns[1].id, "soften-negatives");
	assert_int_equal(map->patterns[1].enabled, CJM_TRUE);
	assert_true(map->patterns[1].has_threshold);
	assert_true(map->patterns[1].threshold == -2);
	/* in place of the setting the map has (AT is not read then) */
	assert_undoable(edit, cjm_edit_set_pattern(edit, "soften-negatives", &off, 0));
	assert_string_equal(map->patterns[1].id, "soften-negatives");
	assert_int_equal(map->patterns[1].enabled, CJM_FALSE);
	assert_false(map->patterns[1].has_threshold);
	/* out of the middle, and back in the middle on undo */
	assert_undoable(edit, cjm_edit_set_pattern(edit, "redesign", NULL, 0));
	assert_int_equal(map->pattern_count, 1);
	assert_string_equal(map->patterns[0].id, "soften-negatives");
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_int_equal(map->pattern_count, 2);
	assert_string_equal(map->patterns[0].id, "redesign");
	/* the same setting, or nothing to remove: nothing recorded */
	assert_no_change(edit, cjm_edit_set_pattern(edit, "redesign", &off, 0));
	assert_no_change(edit, cjm_edit_set_pattern(edit, "skip-steps", NULL, 0));
	assert_rejected(edit, cjm_edit_set_pattern(edit, "Skip Steps", &on, 0), "not a valid pattern id");
	assert_rejected(edit, cjm_edit_set_pattern(edit, NULL, &on, 0), "not a valid pattern id");
	assert_rejected(edit, cjm_edit_set_pattern(edit, "skip-steps", &on, 3), "position 3");
	/* undone to the map it began as, and redone to the end */
	undo_all(edit);
	cjm_map *original = fixture_map();
	assert_true(map_is(edit, original));
	cjm_map_free(original);
	while (cjm_edit_can_redo(edit))
		assert_int_equal(cjm_edit_redo(edit), 0);
	assert_int_equal(map->pattern_count, 1); /* the removal was undone, but not forgotten */
	assert_string_equal(map->patterns[0].id, "soften-negatives");
	assert_int_equal(map->patterns[0].enabled, CJM_FALSE);
	cjm_edit_free(edit);
}

/* ---- groups ---- */

static void test_group_is_one_step(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_map *before = snapshot(edit);
	cjm_edit_group_begin(edit);
	assert_int_equal(cjm_edit_add_touchpoint(edit, 2, 0, "Move in", NULL), 0);
	assert_int_equal(cjm_edit_set_emotion(edit, ref_tp(2, 0), true, 2), 0);
	cjm_edit_group_begin(edit);
	assert_int_equal(cjm_edit_list_insert(edit, ref_tp(2, 0), CJM_F_IDEAS, 0, "welcome call"), 0);
	assert_int_equal(cjm_edit_dismiss(edit, "amplify-peaks", "move-in"), 0);
	cjm_edit_group_end(edit);
	/* inside a group there is no undo, and a failure leaves the rest standing */
	assert_false(cjm_edit_can_undo(edit));
	assert_int_equal(cjm_edit_undo(edit), -1);
	assert_string_equal(cjm_edit_error(edit), "cannot undo in the middle of a change");
	assert_int_equal(cjm_edit_redo(edit), -1);
	assert_int_equal(cjm_edit_delete_phase(edit, 9), -1);
	assert_int_equal(cjm_edit_delete_phase(edit, 0), 0);
	cjm_edit_group_end(edit);
	assert_string_equal(phase_ids(edit), "decide,use");
	assert_string_equal(tp_at(edit, 1, 0)->ideas.items[0], "welcome call");
	check_undo_redo(edit, before);
	assert_int_equal(undo_all(edit), 1);
	assert_true(map_is(edit, before));
	cjm_edit_group_end(edit); /* one end too many is ignored */
	assert_int_equal(cjm_edit_redo(edit), 0);
	assert_int_equal(undo_all(edit), 1);
	cjm_map_free(before);
	cjm_edit_free(edit);
}

static void test_empty_group_records_nothing(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_int_equal(cjm_edit_add_phase(edit, 0, "A", NULL), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	unsigned long gen = cjm_edit_generation(edit);
	cjm_edit_group_begin(edit);
	cjm_edit_group_begin(edit);
	cjm_edit_group_end(edit);
	assert_int_equal(cjm_edit_set_text(edit, ref_map(), CJM_F_TITLE, "Switching energy supplier"), 0);
	assert_int_equal(cjm_edit_delete_phase(edit, 7), -1);
	cjm_edit_group_end(edit);
	assert_int_equal(cjm_edit_generation(edit), gen);
	assert_false(cjm_edit_can_undo(edit));
	assert_true(cjm_edit_can_redo(edit)); /* nothing changed, so the redo history stays */
	assert_false(cjm_edit_dirty(edit));
	cjm_edit_free(edit);
}

static void test_free_mid_group(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_edit_group_begin(edit);
	assert_int_equal(cjm_edit_delete_phase(edit, 0), 0);
	assert_int_equal(cjm_edit_add_phase(edit, 0, "New", NULL), 0);
	cjm_edit_free(edit); /* LeakSanitizer checks the held phase is freed */
}

/* ---- history ---- */

static void test_new_edit_clears_redo(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_int_equal(cjm_edit_delete_phase(edit, 0), 0);
	assert_int_equal(cjm_edit_delete_touchpoint(edit, 0, 0), 0);
	assert_int_equal(cjm_edit_add_phase(edit, 0, "A", NULL), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_edit_can_redo(edit));
	assert_int_equal(cjm_edit_set_text(edit, ref_map(), CJM_F_TITLE, "New"), 0);
	assert_false(cjm_edit_can_redo(edit));
	assert_int_equal(cjm_edit_redo(edit), -1);
	assert_int_equal(undo_all(edit), 2);
	cjm_map *original = fixture_map();
	assert_true(map_is(edit, original));
	cjm_map_free(original);
	cjm_edit_free(edit); /* the discarded steps held a touchpoint and a phase */
}

static void test_generation(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	unsigned long g0 = cjm_edit_generation(edit);
	assert_int_equal(cjm_edit_add_phase(edit, 0, "A", NULL), 0);
	unsigned long g1 = cjm_edit_generation(edit);
	assert_true(g1 != g0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	unsigned long g2 = cjm_edit_generation(edit);
	assert_true(g2 != g1 && g2 != g0);
	assert_int_equal(cjm_edit_redo(edit), 0);
	unsigned long g3 = cjm_edit_generation(edit);
	assert_true(g3 != g2 && g3 != g1);
	cjm_edit_group_begin(edit);
	assert_int_equal(cjm_edit_add_phase(edit, 0, "B", NULL), 0);
	unsigned long g4 = cjm_edit_generation(edit);
	assert_true(g4 != g3); /* every change shows, even inside a group */
	cjm_edit_group_end(edit);
	assert_int_equal(cjm_edit_generation(edit), g4); /* closing the group changes nothing */
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_edit_generation(edit) != g4);
	/* failures, marking saved and changes to the same value leave it alone */
	unsigned long g5 = cjm_edit_generation(edit);
	assert_int_equal(cjm_edit_delete_phase(edit, 99), -1);
	cjm_edit_mark_saved(edit);
	assert_int_equal(cjm_edit_set_text(edit, ref_map(), CJM_F_TITLE, cjm_edit_map(edit)->title), 0);
	assert_int_equal(cjm_edit_generation(edit), g5);
	cjm_edit_free(edit);
}

static void test_dirty(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	assert_false(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_add_phase(edit, 0, "A", NULL), 0);
	assert_true(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_false(cjm_edit_dirty(edit)); /* back at the saved state */
	assert_int_equal(cjm_edit_redo(edit), 0);
	assert_true(cjm_edit_dirty(edit));
	cjm_edit_mark_saved(edit);
	assert_false(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_edit_dirty(edit)); /* undone past the save */
	assert_int_equal(cjm_edit_redo(edit), 0);
	assert_false(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_int_equal(cjm_edit_add_phase(edit, 0, "B", NULL), 0);
	assert_true(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_edit_dirty(edit)); /* the saved state is gone for good */
	assert_int_equal(cjm_edit_undo(edit), -1);
	assert_true(cjm_edit_dirty(edit));
	cjm_edit_mark_saved(edit);
	assert_false(cjm_edit_dirty(edit));
	/* a failed change and a change to the same value leave it clean */
	assert_int_equal(cjm_edit_delete_phase(edit, 5), -1);
	assert_int_equal(cjm_edit_set_text(edit, ref_phase(0), CJM_F_NAME, "Orient"), 0);
	assert_false(cjm_edit_dirty(edit));
	/* a change and its opposite differ as far as the history can tell */
	assert_int_equal(cjm_edit_set_text(edit, ref_phase(0), CJM_F_NAME, "X"), 0);
	assert_int_equal(cjm_edit_set_text(edit, ref_phase(0), CJM_F_NAME, "Orient"), 0);
	assert_true(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_false(cjm_edit_dirty(edit));
	cjm_edit_free(edit);
}

static void test_dirty_with_groups(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_edit_group_begin(edit);
	assert_int_equal(cjm_edit_add_phase(edit, 0, "A", NULL), 0);
	assert_true(cjm_edit_dirty(edit));
	cjm_edit_group_end(edit);
	assert_true(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_false(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_redo(edit), 0);

	/* saved part-way through a group, then the group goes on: that state is never a step */
	cjm_edit_group_begin(edit);
	assert_int_equal(cjm_edit_add_phase(edit, 0, "B", NULL), 0);
	cjm_edit_mark_saved(edit);
	assert_false(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_add_phase(edit, 0, "C", NULL), 0);
	assert_true(cjm_edit_dirty(edit));
	cjm_edit_group_end(edit);
	assert_true(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_edit_dirty(edit));

	/* saved at the end of a group's changes: the state after the group */
	cjm_edit_group_begin(edit);
	assert_int_equal(cjm_edit_add_phase(edit, 0, "D", NULL), 0);
	cjm_edit_mark_saved(edit);
	cjm_edit_group_end(edit);
	assert_false(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_true(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_redo(edit), 0);
	assert_false(cjm_edit_dirty(edit));

	/* saved at the start of a group: the state before it */
	cjm_edit_group_begin(edit);
	cjm_edit_mark_saved(edit);
	assert_int_equal(cjm_edit_add_phase(edit, 0, "E", NULL), 0);
	cjm_edit_group_end(edit);
	assert_true(cjm_edit_dirty(edit));
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_false(cjm_edit_dirty(edit));
	cjm_edit_free(edit);
}

/* ---- randomized ---- */

/* xorshift64*: the same sequence on every machine. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static unsigned rnd(unsigned n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 2685821657736338717ull) >> 33) % n;
}

static const char *const random_names[] = {
	"Orient", "Sign up", "Oriëntatie", "Pay the first invoice", "Call", "A", "!!", "Compare prices",
};
static const char *const random_ids[] = { "orient", "call", "x-1", "Bad", "", "sign-up", "a", "new-id" };
static const char *const random_texts[] = { "web", "sales", "slow", "Te veel formulieren", "é", "" };

#define PICK(array) (array)[rnd(sizeof(array) / sizeof(array)[0])]

/* An index that is usually valid for COUNT things, now and then one past or far off. */
static size_t random_index(size_t count)
{
	unsigned roll = rnd(40);
	if (roll == 0)
		return count + rnd(3);
	if (roll == 1)
		return (size_t)-1;
	return count ? rnd((unsigned)count) : 0;
}

/* A phase, most often one with touchpoints when any has. */
static size_t random_phase(const cjm_map *map)
{
	size_t p = random_index(map->phase_count);
	for (unsigned tries = 8; tries > 0 && p < map->phase_count; tries--) {
		if (map->phases[p]->touchpoint_count > 0)
			break;
		p = rnd((unsigned)map->phase_count);
	}
	return p;
}

static size_t touchpoints_in(const cjm_map *map, size_t phase)
{
	return phase < map->phase_count ? map->phases[phase]->touchpoint_count : 0;
}

static cjm_ref random_ref(const cjm_map *map)
{
	cjm_ref ref = { (cjm_ref_kind)rnd(3), 0, 0 };
	if (ref.kind == CJM_REF_MAP)
		return ref;
	ref.phase = random_phase(map);
	if (ref.kind == CJM_REF_TOUCHPOINT)
		ref.tp = random_index(touchpoints_in(map, ref.phase));
	return ref;
}

/* A field that applies to REF's kind (or, rarely, one that does not). */
static cjm_field random_field(cjm_ref ref, bool lists_only)
{
	for (;;) {
		cjm_field f = (cjm_field)rnd(CJM_FIELD_COUNT);
		if (rnd(30) == 0)
			return f;
		if (!cjm_field_applies(f, ref.kind))
			continue;
		if (!lists_only || cjm_field_info_of(f)->kind == CJM_KIND_LIST)
			return f;
		if (ref.kind == CJM_REF_PHASE)
			return f; /* phases have no lists */
	}
}

static int random_set(cjm_edit *edit, cjm_ref ref)
{
	cjm_field field = random_field(ref, false);
	cjm_strlist list = { 0 };
	for (unsigned i = rnd(3); i > 0; i--)
		cjm_strlist_push(&list, PICK(random_texts));
	cjm_value v = { 0 };
	v.present = rnd(5) != 0;
	v.text = field == CJM_F_ID ? PICK(random_ids)
				  : field == CJM_F_NAME ? PICK(random_names) : PICK(random_texts);
	v.integer = (int)rnd(9) - 4;
	v.number = (double)rnd(25) / 2 - 1;
	if (rnd(3) == 0)
		v.number /= 10;
	v.boolean = rnd(2);
	v.bits = rnd(80);
	v.list = &list;
	int rc = cjm_edit_set(edit, ref, field, &v);
	cjm_strlist_clear(&list);
	return rc;
}

static int random_list_op(cjm_edit *edit, cjm_ref ref)
{
	cjm_field field = random_field(ref, true);
	const cjm_strlist *list = cjm_field_list(cjm_edit_map(edit), ref, field);
	size_t at = random_index(list ? list->len + 1 : 1);
	switch (rnd(3)) {
	case 0: return cjm_edit_list_insert(edit, ref, field, at, PICK(random_texts));
	case 1: return cjm_edit_list_remove(edit, ref, field, at);
	default: return cjm_edit_list_replace(edit, ref, field, at, PICK(random_texts));
	}
}

static int random_touchpoint_op(cjm_edit *edit, unsigned kind)
{
	const cjm_map *map = cjm_edit_map(edit);
	size_t p = random_phase(map);
	size_t count = touchpoints_in(map, p);
	switch (kind) {
	case 0:
		p = random_index(map->phase_count); /* empty phases get touchpoints too */
		return cjm_edit_add_touchpoint(edit, p, random_index(touchpoints_in(map, p) + 1),
					       PICK(random_names), rnd(4) ? NULL : PICK(random_ids));
	case 1: {
		if (count == 0)
			return cjm_edit_delete_touchpoint(edit, p, 0);
		cjm_touchpoint *copy = cjm_touchpoint_clone(map->phases[p]->touchpoints[rnd((unsigned)count)]);
		free(copy->id);
		copy->id = rnd(4) ? cjm_map_unique_id(map, copy->name) : xstrdup(PICK(random_ids));
		size_t q = random_index(map->phase_count);
		int rc = cjm_edit_insert_touchpoint(edit, q, random_index(touchpoints_in(map, q) + 1), copy);
		cjm_touchpoint_free(copy);
		return rc;
	}
	case 2:
		return cjm_edit_delete_touchpoint(edit, p, random_index(count));
	default: {
		size_t q = random_index(map->phase_count);
		size_t last = touchpoints_in(map, q) - (p == q && count > 0 ? 1 : 0);
		return cjm_edit_move_touchpoint(edit, p, random_index(count), q, random_index(last + 1));
	}
	}
}

static int random_op(cjm_edit *edit)
{
	const cjm_map *map = cjm_edit_map(edit);
	/* weights: touchpoints are added more often than removed, so the map grows */
	static const unsigned tp_kinds[] = { 0, 0, 0, 1, 2, 3, 3 };
	unsigned kind = rnd(18);
	switch (kind) {
	case 0:
		return cjm_edit_add_phase(edit, random_index(map->phase_count + 1), PICK(random_names),
					  rnd(4) ? NULL : PICK(random_ids));
	case 1:
		if (map->phase_count <= 4 || rnd(2))
			return cjm_edit_move_phase(edit, random_index(map->phase_count), 0);
		return cjm_edit_delete_phase(edit, random_index(map->phase_count));
	case 2:
		return cjm_edit_move_phase(edit, random_index(map->phase_count), random_index(map->phase_count));
	case 3: case 4: case 5: case 6: case 7: case 8: case 9:
		return random_touchpoint_op(edit, tp_kinds[kind - 3]);
	case 10: case 11: case 12:
		return random_set(edit, random_ref(map));
	case 13: case 14: case 15:
		return random_list_op(edit, random_ref(map));
	case 16:
		return cjm_edit_dismiss(edit, PICK(random_ids), PICK(random_ids));
	default:
		if (map->dismissed_count && rnd(2)) {
			const cjm_dismissal *d = &map->dismissed[rnd((unsigned)map->dismissed_count)];
			return cjm_edit_undismiss(edit, d->pattern, d->target);
		}
		return cjm_edit_undismiss(edit, PICK(random_ids), PICK(random_ids));
	}
}

/* Ids stay unique across phases and touchpoints, whatever happens. */
static void check_ids_unique(const cjm_map *map)
{
	strset *ids = cjm_map_id_set(map);
	assert_int_equal(strset_count(ids), map->phase_count + cjm_map_touchpoint_count(map));
	strset_free(ids);
}

/* The states the history can reach: states[0..top], the current one states[cur]. */
struct history_model {
	cjm_map **states;
	size_t cur, top;
	long saved;     /* -1 once unreachable */
	size_t changes; /* steps recorded in all */
};

static void model_push(struct history_model *h, cjm_edit *edit)
{
	for (size_t i = h->cur + 1; i <= h->top; i++)
		cjm_map_free(h->states[i]);
	if (h->saved > (long)h->cur)
		h->saved = -1;
	h->states[++h->cur] = snapshot(edit);
	h->top = h->cur;
	h->changes++;
}

/* One random change (or a group of them); checks failures leave no trace. */
static void random_step(cjm_edit *edit, struct history_model *h)
{
	unsigned long gen = cjm_edit_generation(edit);
	bool group = rnd(10) == 0;
	if (group)
		cjm_edit_group_begin(edit);
	for (unsigned n = group ? rnd(4) : 1; n > 0; n--) {
		cjm_map *before = snapshot(edit);
		unsigned long g = cjm_edit_generation(edit);
		if (random_op(edit) < 0) {
			assert_true(map_is(edit, before));
			assert_int_equal(cjm_edit_generation(edit), g);
			assert_string_not_equal(cjm_edit_error(edit), "");
		} else if (cjm_edit_generation(edit) == g) {
			assert_true(map_is(edit, before));
		}
		cjm_map_free(before);
	}
	if (group)
		cjm_edit_group_end(edit);
	check_ids_unique(cjm_edit_map(edit));
	if (cjm_edit_generation(edit) != gen)
		model_push(h, edit);
	else
		assert_true(map_is(edit, h->states[h->cur]));
}

/* Now and then: undo or redo a few steps, or mark the state saved. */
static void random_history(cjm_edit *edit, struct history_model *h)
{
	switch (rnd(12)) {
	case 0:
		for (unsigned n = rnd(4); n > 0 && h->cur > 0; n--) {
			assert_int_equal(cjm_edit_undo(edit), 0);
			assert_true(map_is(edit, h->states[--h->cur]));
		}
		break;
	case 1:
		for (unsigned n = rnd(4); n > 0 && h->cur < h->top; n--) {
			assert_int_equal(cjm_edit_redo(edit), 0);
			assert_true(map_is(edit, h->states[++h->cur]));
		}
		break;
	case 2:
		cjm_edit_mark_saved(edit);
		h->saved = (long)h->cur;
		break;
	default:
		break;
	}
	assert_int_equal(cjm_edit_can_undo(edit), h->cur > 0);
	assert_int_equal(cjm_edit_can_redo(edit), h->cur < h->top);
	assert_int_equal(cjm_edit_dirty(edit), h->saved != (long)h->cur);
}

/* ASSERT_PLACE: cjm_edit_changed_place names KIND, PHASE, TP. */
#define ASSERT_PLACE(edit, k, p, t)                                       \
	do {                                                              \
		cjm_ref where_;                                           \
		assert_true(cjm_edit_changed_place((edit), &where_));      \
		assert_int_equal(where_.kind, (k));                       \
		assert_int_equal(where_.phase, (p));                      \
		if ((k) == CJM_REF_TOUCHPOINT)                            \
			assert_int_equal(where_.tp, (t));                 \
	} while (0)

/* Undo and redo say where they changed the map, so the editor can select it. */
static void test_changed_place(void **state)
{
	(void)state;
	cjm_edit *edit = fixture_edit();
	cjm_ref where;
	assert_false(cjm_edit_changed_place(edit, &where)); /* nothing undone yet */

	/* a field: the touchpoint whose field it was */
	assert_int_equal(cjm_edit_set_emotion(edit, (cjm_ref){ CJM_REF_TOUCHPOINT, 0, 2 }, true, -3), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	ASSERT_PLACE(edit, CJM_REF_TOUCHPOINT, 0, 2);
	assert_int_equal(cjm_edit_redo(edit), 0);
	ASSERT_PLACE(edit, CJM_REF_TOUCHPOINT, 0, 2);

	/* a move: where the touchpoint is after the undo, and after the redo */
	assert_int_equal(cjm_edit_move_touchpoint(edit, 0, 1, 1, 1), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	ASSERT_PLACE(edit, CJM_REF_TOUCHPOINT, 0, 1);
	assert_int_equal(cjm_edit_redo(edit), 0);
	ASSERT_PLACE(edit, CJM_REF_TOUCHPOINT, 1, 1);

	/* a deleted phase comes back where it was */
	assert_int_equal(cjm_edit_delete_phase(edit, 1), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	ASSERT_PLACE(edit, CJM_REF_PHASE, 1, 0);

	/* a group: the first record's place on undo, the last one's on redo */
	cjm_edit_group_begin(edit);
	assert_int_equal(cjm_edit_set_text(edit, (cjm_ref){ CJM_REF_TOUCHPOINT, 0, 0 }, CJM_F_NAME, "First"), 0);
	assert_int_equal(cjm_edit_set_text(edit, (cjm_ref){ CJM_REF_PHASE, 2, 0 }, CJM_F_NAME, "Last"), 0);
	cjm_edit_group_end(edit);
	assert_int_equal(cjm_edit_undo(edit), 0);
	ASSERT_PLACE(edit, CJM_REF_TOUCHPOINT, 0, 0);
	assert_int_equal(cjm_edit_redo(edit), 0);
	ASSERT_PLACE(edit, CJM_REF_PHASE, 2, 0);

	/* a dismissal has no place on the map */
	assert_int_equal(cjm_edit_dismiss(edit, "skip-steps", "sign-up"), 0);
	assert_int_equal(cjm_edit_undo(edit), 0);
	assert_false(cjm_edit_changed_place(edit, &where));
	cjm_edit_free(edit);
}

static void test_randomized(void **state)
{
	(void)state;
	enum { OPS = 2000 };
	struct history_model h = { xcalloc(OPS + 1, sizeof(cjm_map *)), 0, 0, 0, 0 };
	cjm_edit *edit = fixture_edit();
	h.states[0] = snapshot(edit);
	for (int i = 0; i < OPS; i++) {
		random_step(edit, &h);
		random_history(edit, &h);
	}
	assert_true(h.changes > OPS / 2); /* most operations did something */
	assert_true(h.top > 50);
	while (h.cur > 0) {
		assert_int_equal(cjm_edit_undo(edit), 0);
		assert_true(map_is(edit, h.states[--h.cur]));
		assert_int_equal(cjm_edit_dirty(edit), h.saved != (long)h.cur);
	}
	assert_int_equal(cjm_edit_undo(edit), -1);
	while (h.cur < h.top) {
		assert_int_equal(cjm_edit_redo(edit), 0);
		assert_true(map_is(edit, h.states[++h.cur]));
		assert_int_equal(cjm_edit_dirty(edit), h.saved != (long)h.cur);
	}
	assert_int_equal(cjm_edit_redo(edit), -1);
	for (size_t i = 0; i <= h.top; i++)
		cjm_map_free(h.states[i]);
	free(h.states);
	cjm_edit_free(edit);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_session),
		cmocka_unit_test(test_shape_generation),
		cmocka_unit_test(test_changed_place),
		cmocka_unit_test(test_error_cleared_on_success),
		cmocka_unit_test(test_add_phase),
		cmocka_unit_test(test_add_phase_unique_ids),
		cmocka_unit_test(test_add_phase_rejected),
		cmocka_unit_test(test_delete_phase),
		cmocka_unit_test(test_move_phase),
		cmocka_unit_test(test_add_touchpoint),
		cmocka_unit_test(test_add_touchpoint_rejected),
		cmocka_unit_test(test_insert_touchpoint),
		cmocka_unit_test(test_insert_touchpoint_rejected),
		cmocka_unit_test(test_delete_touchpoint),
		cmocka_unit_test(test_move_touchpoint_within_phase),
		cmocka_unit_test(test_move_touchpoint_across_phases),
		cmocka_unit_test(test_move_touchpoint_rejected),
		cmocka_unit_test(test_set_touchpoint_fields),
		cmocka_unit_test(test_set_phase_fields),
		cmocka_unit_test(test_set_map_fields),
		cmocka_unit_test(test_set_restores_persona_flag),
		cmocka_unit_test(test_set_equal_records_nothing),
		cmocka_unit_test(test_set_rejected),
		cmocka_unit_test(test_list_ops),
		cmocka_unit_test(test_list_brand_values_flag),
		cmocka_unit_test(test_list_rejected),
		cmocka_unit_test(test_dismiss),
		cmocka_unit_test(test_set_pattern),
		cmocka_unit_test(test_group_is_one_step),
		cmocka_unit_test(test_empty_group_records_nothing),
		cmocka_unit_test(test_free_mid_group),
		cmocka_unit_test(test_new_edit_clears_redo),
		cmocka_unit_test(test_generation),
		cmocka_unit_test(test_dirty),
		cmocka_unit_test(test_dirty_with_groups),
		cmocka_unit_test(test_randomized),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
