/* The three-way merge by id: clean merges of changes to different things (with the
 * order rules), every kind of conflict, the marked text, and that resolving a
 * conflict by deleting one side leaves a valid map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/map.h"
#include "io/load.h"
#include "io/save.h"
#include "merge/merge.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* ---- what a test made, freed by the teardown even when an assertion fails ---- */

static struct {
	cjm_map *maps[16];
	size_t maps_len;
	char *texts[16];
	size_t texts_len;
	cjm_merge_result *result;
} kept;

static int free_kept(void **state)
{
	(void)state;
	for (size_t i = 0; i < kept.maps_len; i++)
		cjm_map_free(kept.maps[i]);
	for (size_t i = 0; i < kept.texts_len; i++)
		free(kept.texts[i]);
	cjm_merge_result_free(kept.result);
	memset(&kept, 0, sizeof kept);
	return 0;
}

static char *keep_text(char *text)
{
	assert_true(kept.texts_len < 16);
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

/* The canonical text of TEXT, which must be a valid map. */
static char *canonical(const char *text)
{
	strbuf out = { 0 };
	cjm_save_to_buffer(load(text), &out);
	return keep_text(out.data);
}

/* Merges the three texts; the written text, with *CONFLICTS the number of conflicts. */
static char *merge(const char *base, const char *ours, const char *theirs, size_t *conflicts)
{
	cjm_merge_result_free(kept.result);
	kept.result = cjm_merge(load(base), load(ours), load(theirs));
	assert_null(kept.result->error);
	strbuf out = { 0 };
	size_t hunks = cjm_merge_write(kept.result, "ours", "theirs", &out);
	*conflicts = kept.result->conflict_count;
	assert_int_equal(hunks > 0, *conflicts > 0);
	return keep_text(out.data);
}

/* Merges cleanly into what is canonical and valid, and equals the canonical form of EXPECTED. */
static void expect_clean(const char *base, const char *ours, const char *theirs, const char *expected)
{
	size_t conflicts = 99;
	char *text = merge(base, ours, theirs, &conflicts);
	if (conflicts)
		fprintf(stderr, "unexpected conflicts:\n%s", text);
	assert_int_equal(conflicts, 0);
	assert_string_equal(text, canonical(text)); /* canonical, hence valid */
	assert_string_equal(text, canonical(expected));
}

/* TEXT with each conflict resolved by keeping OURS (or THEIRS): the marker lines and
 * the other side's lines deleted, as a facilitator would. */
static char *resolve(const char *text, bool keep_ours)
{
	strbuf out = { 0 };
	int state = 0; /* 0 outside, 1 in ours, 2 in theirs */
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
		if (strncmp(p, "<<<<<<< ", 8) == 0)
			state = 1;
		else if (strncmp(p, "=======", 7) == 0)
			state = 2;
		else if (strncmp(p, ">>>>>>> ", 8) == 0)
			state = 0;
		else if (state == 0 || (state == 1) == keep_ours)
			strbuf_add(&out, p, len);
		p += len;
	}
	return keep_text(out.data ? out.data : xstrdup(""));
}

/* Both ways of resolving TEXT give a valid map. */
static void expect_resolvable(const char *text)
{
	load(resolve(text, true));
	load(resolve(text, false));
}

/* ---- fixtures ---- */

static const char BASE[] = "version: 1\n"
			   "title: Energy\n"
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

/* BASE with FROM replaced by TO (once; FROM must be there). */
static char *edit(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	assert_non_null(at);
	return keep_text(xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from)));
}

/* ---- clean merges ---- */

static void test_adds_in_same_phase(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "  - id: call\n", "  - id: mine\n    name: Mine\n  - id: call\n");
	const char *theirs = edit(BASE, "  - id: call\n", "  - id: yours\n    name: Yours\n  - id: call\n");
	/* both kept after the touchpoint before them, ours first */
	expect_clean(BASE, ours, theirs,
		     edit(BASE, "  - id: call\n",
			  "  - id: mine\n    name: Mine\n  - id: yours\n    name: Yours\n  - id: call\n"));
}

static void test_adds_at_end_and_start(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "    name: Sign\n", "    name: Sign\n  - id: mine\n    name: Mine\n");
	const char *theirs = edit(BASE, "  touchpoints:\n  - id: sign\n",
				  "  touchpoints:\n  - id: yours\n    name: Yours\n  - id: sign\n");
	expect_clean(BASE, ours, theirs,
		     edit(ours, "  touchpoints:\n  - id: sign\n", "  touchpoints:\n  - id: yours\n    name: Yours\n  - id: sign\n"));
}

static void test_adds_in_different_phases(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "    name: Call\n", "    name: Call\n  - id: mine\n    name: Mine\n");
	const char *theirs = edit(BASE, "    name: Sign\n", "    name: Sign\n  - id: yours\n    name: Yours\n");
	expect_clean(BASE, ours, theirs, edit(ours, "    name: Sign\n", "    name: Sign\n  - id: yours\n    name: Yours\n"));
}

static void test_edits_on_different_touchpoints(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "    emotion: 1\n", "    emotion: -2\n");
	const char *theirs = edit(BASE, "    name: Sign\n", "    name: Sign\n    channel: web\n");
	expect_clean(BASE, ours, theirs, edit(ours, "    name: Sign\n", "    name: Sign\n    channel: web\n"));
}

static void test_different_fields_of_one_touchpoint(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "    emotion: 1\n", "    emotion: -2\n");
	const char *theirs = edit(BASE, "    name: Compare prices\n", "    name: Compare prices online\n");
	expect_clean(BASE, ours, theirs, edit(ours, "    name: Compare prices\n", "    name: Compare prices online\n"));
}

static void test_move_on_one_side_edit_on_other(void **state)
{
	(void)state;
	/* ours moves 'call' into the next phase; theirs scores it */
	const char *ours = edit(edit(BASE, "  - id: call\n    name: Call\n", ""), "    name: Sign\n",
				"    name: Sign\n  - id: call\n    name: Call\n");
	const char *theirs = edit(BASE, "    name: Call\n", "    name: Call\n    emotion: -1\n");
	expect_clean(BASE, ours, theirs, edit(ours, "    name: Call\n", "    name: Call\n    emotion: -1\n"));
	/* and the other way round: theirs moves, ours edits */
	expect_clean(BASE, theirs, ours, edit(ours, "    name: Call\n", "    name: Call\n    emotion: -1\n"));
}

static void test_list_union(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "    - one\n", "    - one\n    - two\n");
	const char *theirs = edit(BASE, "    - one\n", "    - three\n");
	/* ours' addition kept, theirs' addition kept after it, theirs' removal applied */
	expect_clean(BASE, ours, theirs, edit(BASE, "    - one\n", "    - two\n    - three\n"));
}

static void test_delete_untouched(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "  - id: call\n    name: Call\n", "");
	const char *theirs = edit(BASE, "    emotion: 1\n", "    emotion: 3\n");
	expect_clean(BASE, ours, theirs, edit(ours, "    emotion: 1\n", "    emotion: 3\n"));
	/* a whole phase deleted on one side, untouched on the other */
	const char *no_switch = edit(BASE, "- id: switch\n  name: Switch\n  touchpoints:\n  - id: sign\n    name: Sign\n", "");
	expect_clean(BASE, theirs, no_switch, edit(no_switch, "    emotion: 1\n", "    emotion: 3\n"));
}

static void test_phase_added_on_both_sides(void **state)
{
	(void)state;
	const char *ours = keep_text(xasprintf("%s- id: pay\n  name: Pay\n", BASE));
	const char *theirs = keep_text(xasprintf("%s- id: use\n  name: Use\n", BASE));
	expect_clean(BASE, ours, theirs, keep_text(xasprintf("%s- id: pay\n  name: Pay\n- id: use\n  name: Use\n", BASE)));
}

static void test_top_level_field_on_one_side(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "title: Energy\n", "title: Energy switch\n");
	const char *theirs = edit(BASE, "title: Energy\n", "title: Energy\nbrand_values:\n- easy\n");
	expect_clean(BASE, ours, theirs, edit(ours, "title: Energy switch\n", "title: Energy switch\nbrand_values:\n- easy\n"));
}

static void test_same_change_on_both_sides(void **state)
{
	(void)state;
	const char *both = edit(BASE, "    emotion: 1\n", "    emotion: 2\n");
	expect_clean(BASE, both, both, both);
}

/* ---- conflicts ---- */

static void test_conflict_touchpoint_field(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "    emotion: 1\n", "    emotion: -1\n");
	const char *theirs = edit(BASE, "    emotion: 1\n", "    emotion: -2\n");
	size_t conflicts = 0;
	char *text = merge(BASE, ours, theirs, &conflicts);
	assert_int_equal(conflicts, 1);
	assert_int_equal(kept.result->conflicts[0].owner, CJM_REF_TOUCHPOINT);
	assert_string_equal(kept.result->conflicts[0].id, "compare");
	assert_string_equal(kept.result->conflicts[0].key, "emotion");
	assert_string_equal(text, "version: 1\n"
				  "title: Energy\n"
				  "phases:\n"
				  "- id: orient\n"
				  "  name: Orient\n"
				  "  touchpoints:\n"
				  "<<<<<<< ours\n"
				  "  - id: compare\n"
				  "    name: Compare prices\n"
				  "    emotion: -1\n"
				  "    ideas:\n"
				  "    - one\n"
				  "=======\n"
				  "  - id: compare\n"
				  "    name: Compare prices\n"
				  "    emotion: -2\n"
				  "    ideas:\n"
				  "    - one\n"
				  ">>>>>>> theirs\n"
				  "  - id: call\n"
				  "    name: Call\n"
				  "- id: switch\n"
				  "  name: Switch\n"
				  "  touchpoints:\n"
				  "  - id: sign\n"
				  "    name: Sign\n");
	assert_string_equal(resolve(text, true), canonical(ours));
	assert_string_equal(resolve(text, false), canonical(theirs));
	/* the loader refuses the marked text */
	diag_list *diags = diag_list_new("m.yaml");
	assert_null(cjm_load_buffer(text, strlen(text), diags, NULL));
	assert_int_equal(diags->errors, 1);
	assert_int_equal(diags->items[0].line, 7);
	assert_non_null(strstr(diags->items[0].message, "unresolved merge conflict"));
	diag_list_free(diags);
}

static void test_conflict_keeps_other_changes(void **state)
{
	(void)state;
	/* a conflict on one field; the other fields of both sides are merged on both sides of it */
	const char *ours = edit(edit(BASE, "    emotion: 1\n", "    emotion: -1\n"), "    - one\n", "    - one\n    - two\n");
	const char *theirs = edit(edit(BASE, "    emotion: 1\n", "    emotion: 2\n"), "    name: Compare prices\n",
				  "    name: Compare\n");
	size_t conflicts = 0;
	char *text = merge(BASE, ours, theirs, &conflicts);
	assert_int_equal(conflicts, 1);
	char *mine = resolve(text, true);
	assert_non_null(strstr(mine, "    name: Compare\n    emotion: -1\n    ideas:\n    - one\n    - two\n"));
	char *yours = resolve(text, false);
	assert_non_null(strstr(yours, "    name: Compare\n    emotion: 2\n    ideas:\n    - one\n    - two\n"));
	expect_resolvable(text);
}

static void test_conflict_phase_field(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "  name: Orient\n", "  name: Orientation\n");
	const char *theirs = edit(BASE, "  name: Orient\n", "  name: Look around\n");
	size_t conflicts = 0;
	char *text = merge(BASE, ours, theirs, &conflicts);
	assert_int_equal(conflicts, 1);
	assert_int_equal(kept.result->conflicts[0].owner, CJM_REF_PHASE);
	assert_non_null(strstr(text, "phases:\n<<<<<<< ours\n- id: orient\n  name: Orientation\n  touchpoints:\n=======\n"
				     "- id: orient\n  name: Look around\n  touchpoints:\n>>>>>>> theirs\n  - id: compare\n"));
	expect_resolvable(text);
}

static void test_conflict_title(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "title: Energy\n", "title: Power\n");
	const char *theirs = edit(BASE, "title: Energy\n", "title: Gas\n");
	size_t conflicts = 0;
	char *text = merge(BASE, ours, theirs, &conflicts);
	assert_int_equal(conflicts, 1);
	assert_int_equal(kept.result->conflicts[0].owner, CJM_REF_MAP);
	assert_null(kept.result->conflicts[0].id);
	assert_non_null(strstr(text, "version: 1\n<<<<<<< ours\ntitle: Power\n=======\ntitle: Gas\n>>>>>>> theirs\nphases:\n"));
	expect_resolvable(text);
}

static void test_conflict_edit_vs_delete(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "    name: Call\n", "    name: Call\n    emotion: -3\n");
	const char *theirs = edit(BASE, "  - id: call\n    name: Call\n", "");
	size_t conflicts = 0;
	char *text = merge(BASE, ours, theirs, &conflicts);
	assert_int_equal(conflicts, 1);
	assert_int_equal(kept.result->conflicts[0].deleted_by, CJM_MERGE_THEIRS);
	assert_non_null(strstr(text, "<<<<<<< ours\n  - id: call\n    name: Call\n    emotion: -3\n=======\n>>>>>>> theirs\n"));
	assert_string_equal(resolve(text, true), canonical(ours));
	assert_string_equal(resolve(text, false), canonical(theirs));
	/* the other way round */
	text = merge(BASE, theirs, ours, &conflicts);
	assert_int_equal(conflicts, 1);
	assert_int_equal(kept.result->conflicts[0].deleted_by, CJM_MERGE_OURS);
	assert_non_null(strstr(text, "<<<<<<< ours\n=======\n  - id: call\n    name: Call\n    emotion: -3\n>>>>>>> theirs\n"));
	expect_resolvable(text);
}

static void test_conflict_phase_deleted_with_touchpoint_edited(void **state)
{
	(void)state;
	const char *ours = edit(BASE, "- id: switch\n  name: Switch\n  touchpoints:\n  - id: sign\n    name: Sign\n", "");
	const char *theirs = edit(BASE, "    name: Sign\n", "    name: Sign\n    emotion: 2\n");
	size_t conflicts = 0;
	char *text = merge(BASE, ours, theirs, &conflicts);
	assert_int_equal(conflicts, 2); /* the touchpoint, and the phase that holds it */
	assert_string_equal(resolve(text, true), canonical(ours));
	assert_string_equal(resolve(text, false), canonical(theirs));
}

static void test_id_kind_clash(void **state)
{
	(void)state;
	const char *ours = keep_text(xasprintf("%s- id: pay\n  name: Pay\n", BASE));
	const char *theirs = edit(BASE, "    name: Sign\n", "    name: Sign\n  - id: pay\n    name: Pay\n");
	cjm_merge_result *res = cjm_merge(load(BASE), load(ours), load(theirs));
	assert_non_null(res->error);
	assert_null(res->ours);
	cjm_merge_result_free(res);
}

/* ---- an empty base (git's add/add), settings, and many of everything ---- */

static void test_empty_base_keeps_both_sides(void **state)
{
	(void)state;
	cjm_map *empty = cjm_map_new(NULL);
	kept.maps[kept.maps_len++] = empty;
	const char *theirs = edit(BASE, "    emotion: 1\n", "    emotion: -2\n");
	kept.result = cjm_merge(empty, load(BASE), load(theirs));
	assert_null(kept.result->error);
	assert_int_equal(kept.result->conflict_count, 1); /* the emotion, added both ways */
	assert_string_equal(kept.result->conflicts[0].key, "emotion");
	assert_int_equal(cjm_map_touchpoint_count(kept.result->ours), 3);
	assert_int_equal(cjm_map_touchpoint_count(kept.result->theirs), 3);
	cjm_merge_result_free(kept.result);
	/* the same map added on both sides merges to itself */
	kept.result = cjm_merge(empty, load(BASE), load(BASE));
	assert_int_equal(kept.result->conflict_count, 0);
	strbuf out = { 0 };
	cjm_merge_write(kept.result, "ours", "theirs", &out);
	assert_string_equal(keep_text(out.data), canonical(BASE));
}

static void test_setting_edit_vs_delete_is_named(void **state)
{
	(void)state;
	const char *base = edit(BASE, "title: Energy\n", "title: Energy\npatterns:\n  soften-negatives:\n    enabled: true\n");
	const char *ours = edit(base, "    enabled: true\n", "    enabled: false\n");
	size_t conflicts = 0;
	merge(base, ours, BASE, &conflicts);
	assert_int_equal(conflicts, 1);
	char *line = keep_text(cjm_merge_conflict_describe(&kept.result->conflicts[0]));
	assert_string_equal(line, "the map: patterns.soften-negatives edited on one side (ours) and deleted on the other (theirs)");
}

/* The merge of dismissals by the rule, computed the slow way: OURS' without those
 * THEIRS removed, then THEIRS' new ones. */
static bool has_dismissal(const cjm_map *map, const cjm_dismissal *d)
{
	for (size_t i = 0; i < map->dismissed_count; i++)
		if (!strcmp(map->dismissed[i].pattern, d->pattern) && !strcmp(map->dismissed[i].target, d->target))
			return true;
	return false;
}

/* Many dismissals, pattern settings and ideas (with repeats), each merged as the
 * rule says, in order. */
static void test_many_settings_dismissals_and_ideas(void **state)
{
	(void)state;
	enum { N = 3000 };
	strbuf texts[3] = { { 0 }, { 0 }, { 0 } };
	for (int s = 0; s < 3; s++) {
		strbuf *t = &texts[s];
		strbuf_puts(t, "version: 1\ntitle: Many\npatterns:\n");
		for (int i = 0; i < N; i++)
			if (!(s == 1 && i % 3 == 0) && !(s == 2 && i % 5 == 0))
				strbuf_printf(t, "  p-%d:\n    enabled: %s\n", i, s == 2 && i % 7 == 0 && i % 3 != 0 ? "false" : "true");
		strbuf_puts(t, "phases:\n- id: orient\n  name: Orient\n  touchpoints:\n  - id: a\n    name: A\n    ideas:\n");
		for (int i = 0; i < N; i++)
			if (!(s == 1 && i % 3 == 0) && !(s == 2 && i % 5 == 0))
				strbuf_printf(t, "    - idea %d\n", i % (N / 2)); /* every idea twice */
		if (s > 0)
			for (int i = 0; i < N / 10; i++)
				strbuf_printf(t, "    - new %d %d\n", s, i % 50);
		strbuf_puts(t, "dismissed:\n");
		for (int i = 0; i < N; i++)
			if (!(s == 1 && i % 3 == 0) && !(s == 2 && i % 5 == 0))
				strbuf_printf(t, "- pattern: skip-steps\n  target: t-%d\n", i % (N / 2));
		if (s > 0)
			for (int i = 0; i < N / 10; i++)
				strbuf_printf(t, "- pattern: strong-start\n  target: s%d-%d\n", s, i % 50);
	}
	const cjm_map *b = load(keep_text(texts[0].data)), *o = load(keep_text(texts[1].data)),
		      *t = load(keep_text(texts[2].data));
	kept.result = cjm_merge(b, o, t);
	const cjm_map *m = kept.result->ours;
	assert_int_equal(kept.result->conflict_count, 0);
	/* dismissals */
	size_t k = 0;
	for (size_t i = 0; i < o->dismissed_count; i++) {
		if (has_dismissal(b, &o->dismissed[i]) && !has_dismissal(t, &o->dismissed[i]))
			continue;
		assert_true(k < m->dismissed_count);
		assert_string_equal(m->dismissed[k].pattern, o->dismissed[i].pattern);
		assert_string_equal(m->dismissed[k++].target, o->dismissed[i].target);
	}
	for (size_t i = 0; i < t->dismissed_count; i++) {
		if (has_dismissal(b, &t->dismissed[i]) || has_dismissal(o, &t->dismissed[i]))
			continue;
		assert_true(k < m->dismissed_count);
		assert_string_equal(m->dismissed[k].pattern, t->dismissed[i].pattern);
		assert_string_equal(m->dismissed[k++].target, t->dismissed[i].target);
	}
	assert_int_equal(k, m->dismissed_count);
	/* pattern settings: ours' order, theirs' edits, deletions on either side */
	k = 0;
	for (int i = 0; i < N; i++) {
		if (i % 3 == 0 || i % 5 == 0)
			continue;
		char id[16];
		snprintf(id, sizeof id, "p-%d", i);
		assert_true(k < m->pattern_count);
		assert_string_equal(m->patterns[k].id, id);
		assert_int_equal(m->patterns[k++].enabled, i % 7 == 0 ? CJM_FALSE : CJM_TRUE);
	}
	assert_int_equal(k, m->pattern_count);
	/* ideas: the same rule as a set keeping order */
	const cjm_strlist *bi = &b->phases[0]->touchpoints[0]->ideas, *oi = &o->phases[0]->touchpoints[0]->ideas,
			  *ti = &t->phases[0]->touchpoints[0]->ideas, *mi = &m->phases[0]->touchpoints[0]->ideas;
	k = 0;
	for (size_t i = 0; i < oi->len; i++) {
		bool in_b = false, in_t = false;
		for (size_t j = 0; j < bi->len; j++)
			in_b = in_b || !strcmp(bi->items[j], oi->items[i]);
		for (size_t j = 0; j < ti->len; j++)
			in_t = in_t || !strcmp(ti->items[j], oi->items[i]);
		if (in_b && !in_t)
			continue;
		assert_true(k < mi->len);
		assert_string_equal(mi->items[k++], oi->items[i]);
	}
	for (size_t i = 0; i < ti->len; i++) {
		bool seen = false;
		for (size_t j = 0; j < bi->len; j++)
			seen = seen || !strcmp(bi->items[j], ti->items[i]);
		for (size_t j = 0; j < oi->len; j++)
			seen = seen || !strcmp(oi->items[j], ti->items[i]);
		if (seen)
			continue;
		assert_true(k < mi->len);
		assert_string_equal(mi->items[k++], ti->items[i]);
	}
	assert_int_equal(k, mi->len);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_adds_in_same_phase, free_kept),
		cmocka_unit_test_teardown(test_adds_at_end_and_start, free_kept),
		cmocka_unit_test_teardown(test_adds_in_different_phases, free_kept),
		cmocka_unit_test_teardown(test_edits_on_different_touchpoints, free_kept),
		cmocka_unit_test_teardown(test_different_fields_of_one_touchpoint, free_kept),
		cmocka_unit_test_teardown(test_move_on_one_side_edit_on_other, free_kept),
		cmocka_unit_test_teardown(test_list_union, free_kept),
		cmocka_unit_test_teardown(test_delete_untouched, free_kept),
		cmocka_unit_test_teardown(test_phase_added_on_both_sides, free_kept),
		cmocka_unit_test_teardown(test_top_level_field_on_one_side, free_kept),
		cmocka_unit_test_teardown(test_same_change_on_both_sides, free_kept),
		cmocka_unit_test_teardown(test_conflict_touchpoint_field, free_kept),
		cmocka_unit_test_teardown(test_conflict_keeps_other_changes, free_kept),
		cmocka_unit_test_teardown(test_conflict_phase_field, free_kept),
		cmocka_unit_test_teardown(test_conflict_title, free_kept),
		cmocka_unit_test_teardown(test_conflict_edit_vs_delete, free_kept),
		cmocka_unit_test_teardown(test_conflict_phase_deleted_with_touchpoint_edited, free_kept),
		cmocka_unit_test_teardown(test_id_kind_clash, free_kept),
		cmocka_unit_test_teardown(test_empty_base_keeps_both_sides, free_kept),
		cmocka_unit_test_teardown(test_setting_edit_vs_delete_is_named, free_kept),
		cmocka_unit_test_teardown(test_many_settings_dismissals_and_ideas, free_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
