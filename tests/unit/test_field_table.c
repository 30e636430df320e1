/* Every field of the field table in turn survives save, load, diff, merge, CSV, JSON, the form and show. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/map.h"
#include "edit/fieldtext.h"
#include "export/export.h"
#include "io/load.h"
#include "io/save.h"
#include "merge/diff.h"
#include "merge/merge.h"
#include "model/field.h"
#include "render/show.h"
#include "util/diag.h"
#include "util/number.h"
#include "util/strbuf.h"

static const char *const owner_names[] = { "the map", "a phase", "a touchpoint" };

/* The problems found so far; each names the field and what broke. */
static size_t problems;

static void problem(cjm_field field, cjm_ref_kind owner, const char *what)
{
	print_error("field '%s' of %s: %s\n", cjm_field_info_of(field)->key, owner_names[owner], what);
	problems++;
}

/* A small map: two phases of one touchpoint each, nothing but ids and names. */
static cjm_map *small_map(void)
{
	cjm_map *map = cjm_map_new("Journey");
	cjm_phase *orient = cjm_phase_new("orient", "Orient");
	cjm_phase_insert_touchpoint(orient, 0, cjm_touchpoint_new("compare", "Compare prices"));
	cjm_map_insert_phase(map, 0, orient);
	cjm_phase *act = cjm_phase_new("act", "Act");
	cjm_phase_insert_touchpoint(act, 0, cjm_touchpoint_new("sign", "Sign the contract"));
	cjm_map_insert_phase(map, 1, act);
	return map;
}

/* The item a field of OWNER is changed on: the map, the first phase, its touchpoint. */
static cjm_ref ref_of(cjm_ref_kind owner)
{
	return (cjm_ref){ owner, 0, 0 };
}

/* A value FIELD does not have in the small map, within its range; LIST holds its texts. */
static cjm_value changed_value(cjm_field field, cjm_strlist *list)
{
	const cjm_field_info *info = cjm_field_info_of(field);
	cjm_value v = { .present = true };
	cjm_strlist_clear(list);
	switch (info->kind) {
	case CJM_KIND_TEXT:
		cjm_strlist_push(list, field == CJM_F_ID         ? "changed-id"
				       : field == CJM_F_LANGUAGE ? "nl-BE"
				       : field == CJM_F_VOTE     ? "-1:1 +2:2 skip:1 | finance: +2:1"
								 : "Changed text");
		v.text = list->items[0];
		break;
	case CJM_KIND_EMOTION: v.integer = (int)info->max; break;
	case CJM_KIND_NUMBER:
		v.number = info->min + (info->max - info->min) / 4;
		if (v.number == info->fallback)
			v.number = info->min + (info->max - info->min) / 8;
		break;
	case CJM_KIND_BOOL: v.boolean = info->fallback == 0; break;
	case CJM_KIND_PILLARS: v.bits = CJM_PILLAR_PERSONALISATION | CJM_PILLAR_EMPATHY; break;
	case CJM_KIND_LIST:
		cjm_strlist_push(list, "first item");
		cjm_strlist_push(list, "second item");
		v.list = list;
		break;
	}
	return v;
}

static cjm_map *load_text(const char *text)
{
	diag_list *diags = diag_list_new("test.yaml");
	cjm_map *map = cjm_load_buffer(text, strlen(text), diags, NULL);
	bool clean = diags->errors == 0;
	diag_list_free(diags);
	if (!clean) {
		cjm_map_free(map);
		return NULL;
	}
	return map;
}

static void check_save_load(cjm_field f, cjm_ref_kind owner, const cjm_map *changed)
{
	strbuf text = { 0 };
	cjm_save_to_buffer(changed, &text);
	cjm_map *loaded = load_text(text.data);
	if (!loaded)
		problem(f, owner, "the saved map does not load");
	else if (!cjm_map_equal(loaded, changed))
		problem(f, owner, "save then load changes the map");
	cjm_map_free(loaded);
	strbuf_release(&text);
}

/* The diff names that field only; a changed id is a different item: removed and added. */
static void check_diff(cjm_field f, cjm_ref_kind owner, const cjm_map *base, const cjm_map *changed)
{
	cjm_diff *diff = cjm_diff_new(base, changed);
	if (diff->count == 0)
		problem(f, owner, "the diff is empty");
	bool added = false, removed = false;
	for (size_t i = 0; i < diff->count; i++) {
		const cjm_change *c = &diff->changes[i];
		added = added || c->kind == CJM_CHANGE_ADDED;
		removed = removed || c->kind == CJM_CHANGE_REMOVED;
		if (f != CJM_F_ID && c->field != f) {
			problem(f, owner, "the diff names another field, or none");
			break;
		}
	}
	if (f == CJM_F_ID && !(added && removed))
		problem(f, owner, "a changed id is not an item removed and one added");
	cjm_diff_free(diff);
}

/* Ours changes the field, theirs adds a touchpoint to the other phase: both are kept. */
static void check_merge(cjm_field f, cjm_ref_kind owner, const cjm_map *base, const cjm_map *changed)
{
	cjm_map *theirs = cjm_map_clone(base);
	cjm_map *expected = cjm_map_clone(changed);
	cjm_phase_insert_touchpoint(theirs->phases[1], 1, cjm_touchpoint_new("extra", "Extra"));
	cjm_phase_insert_touchpoint(expected->phases[1], 1, cjm_touchpoint_new("extra", "Extra"));
	cjm_merge_result *result = cjm_merge(base, changed, theirs);
	if (result->error || !result->ours)
		problem(f, owner, "the merge fails");
	else if (result->conflict_count)
		problem(f, owner, "the merge has a conflict");
	else if (!cjm_map_equal(result->ours, expected))
		problem(f, owner, "the merge loses the change or the other side's");
	cjm_merge_result_free(result);
	cjm_map_free(theirs);
	cjm_map_free(expected);
}

static void check_csv(cjm_field f, cjm_ref_kind owner, const cjm_map *changed)
{
	bool carried = cjm_field_info_of(f)->flags & CJM_FIELD_CSV;
	if (owner == CJM_REF_MAP) {
		if (carried)
			problem(f, owner, "the CSV is the touchpoints' table: it carries no field of the map");
		return;
	}
	if (!carried)
		return;
	strbuf csv = { 0 };
	cjm_export_csv(changed, NULL, &csv);
	diag_list *diags = diag_list_new("test.csv");
	cjm_map *back = cjm_import_csv(csv.data, csv.len, "Journey", diags);
	cjm_ref ref = ref_of(owner);
	if (!back)
		problem(f, owner, "the exported CSV does not import");
	else if (!cjm_item_fields_equal(cjm_ref_item(back, ref), cjm_ref_item(changed, ref), owner))
		problem(f, owner, "CSV export then import changes the item");
	cjm_map_free(back);
	diag_list_free(diags);
	strbuf_release(&csv);
}

/* The JSON holds "KEY": and the value's beginning (a map field in a group by its key there). */
static void check_json(cjm_field f, cjm_ref_kind owner, const cjm_map *changed, const cjm_value *v)
{
	const cjm_field_info *info = cjm_field_info_of(f);
	size_t group = cjm_field_group_len(f);
	strbuf json = { 0 }, want = { 0 };
	cjm_export_json(changed, NULL, &json);
	strbuf_printf(&want, "\"%s\": ", info->key + (group ? group + 1 : 0));
	char number[NUMBER_TEXT_MAX];
	switch (info->kind) {
	case CJM_KIND_TEXT: strbuf_printf(&want, "\"%s\"", v->text); break;
	case CJM_KIND_EMOTION: strbuf_printf(&want, "%d", v->integer); break;
	case CJM_KIND_NUMBER:
		number_format(number, v->number);
		strbuf_puts(&want, number);
		break;
	case CJM_KIND_BOOL: strbuf_puts(&want, v->boolean ? "true" : "false"); break;
	case CJM_KIND_PILLARS:
	case CJM_KIND_LIST: strbuf_puts(&want, "["); break;
	}
	if (!strstr(json.data, want.data))
		problem(f, owner, "the JSON export does not hold it");
	strbuf_release(&json);
	strbuf_release(&want);
}

/* The form lists the field, shows the value, and reads what it shows back as the value. */
static void check_form(cjm_field f, cjm_ref_kind owner, const cjm_map *changed, const cjm_value *v)
{
	cjm_field fields[CJM_FIELD_COUNT];
	size_t n = cjm_fieldtext_fields(owner, fields);
	bool listed = false;
	for (size_t i = 0; i < n; i++)
		listed = listed || fields[i] == f;
	if (!listed)
		problem(f, owner, "the form does not list it");
	char *text = cjm_fieldtext_format(changed, ref_of(owner), f);
	cjm_value back;
	cjm_strlist list = { 0 };
	if (!*text)
		problem(f, owner, "the form shows no value");
	else if (cjm_fieldtext_parse(f, text, &back, &list) ||
		 !cjm_value_equal(cjm_field_info_of(f)->kind, &back, v))
		problem(f, owner, "the form does not read back what it shows");
	cjm_strlist_clear(&list);
	free(text);
}

static void check_show(cjm_field f, cjm_ref_kind owner, const cjm_map *base, const cjm_map *changed)
{
	strbuf a = { 0 }, b = { 0 };
	cjm_show_plain(&a, base);
	cjm_show_plain(&b, changed);
	if (a.len == b.len && memcmp(a.data, b.data, a.len) == 0)
		problem(f, owner, "show --plain does not show it");
	strbuf_release(&a);
	strbuf_release(&b);
}

/* For every field of the table and every kind of item that has it: set a value, then
 * check each place that must keep it. */
static void test_every_field(void **state)
{
	(void)state;
	problems = 0;
	cjm_map *base = small_map();
	size_t checked = 0;
	for (int f = 0; f < CJM_FIELD_COUNT; f++) {
		for (int o = CJM_REF_MAP; o <= CJM_REF_TOUCHPOINT; o++) {
			cjm_field field = (cjm_field)f;
			cjm_ref_kind owner = (cjm_ref_kind)o;
			if (!cjm_field_applies(field, owner))
				continue;
			cjm_strlist texts = { 0 };
			cjm_value v = changed_value(field, &texts);
			cjm_map *changed = cjm_map_clone(base);
			cjm_field_set(changed, ref_of(owner), field, &v);
			cjm_value got = cjm_field_get(changed, ref_of(owner), field);
			if (!cjm_value_equal(cjm_field_info_of(field)->kind, &got, &v))
				problem(field, owner, "get does not give what set set");
			if (cjm_field_check(field, &v))
				problem(field, owner, "the test's value is out of the field's range");
			if (cjm_map_equal(changed, base))
				problem(field, owner, "the changed map equals the unchanged one");
			cjm_map *copy = cjm_map_clone(changed);
			if (!cjm_map_equal(copy, changed))
				problem(field, owner, "a clone differs");
			cjm_map_free(copy);
			check_save_load(field, owner, changed);
			check_diff(field, owner, base, changed);
			check_merge(field, owner, base, changed);
			check_csv(field, owner, changed);
			check_json(field, owner, changed, &v);
			check_form(field, owner, changed, &v);
			check_show(field, owner, base, changed);
			cjm_map_free(changed);
			cjm_strlist_clear(&texts);
			checked++;
		}
	}
	cjm_map_free(base);
	assert_true(checked >= CJM_FIELD_COUNT);
	assert_int_equal(problems, 0);
}

/* The rows themselves: what every consumer relies on. */
static void test_rows(void **state)
{
	(void)state;
	problems = 0;
	for (int o = CJM_REF_MAP; o <= CJM_REF_TOUCHPOINT; o++) {
		cjm_ref_kind owner = (cjm_ref_kind)o;
		size_t n;
		const cjm_field *fields = cjm_fields_of(owner, &n);
		assert_true(n > 0);
		unsigned jumps[128] = { 0 };
		for (size_t i = 0; i < n; i++) {
			cjm_field f = fields[i];
			const cjm_field_info *info = cjm_field_info_of(f);
			if (i > 0 && fields[i - 1] >= f)
				problem(f, owner, "not in table order");
			if (!cjm_field_applies(f, owner))
				problem(f, owner, "listed for an item it does not apply to");
			if (cjm_field_by_key(info->key, owner) != f)
				problem(f, owner, "its key does not find it");
			if (!info->label || !*info->label || !info->help || !*info->help)
				problem(f, owner, "no label or no help");
			if (!info->jump)
				; /* no letter of its label was free: the form has no jump to it */
			else if (!islower((unsigned char)info->jump) || !strchr(info->label, info->jump))
				problem(f, owner, "its jump key is not a letter of its label");
			else if (jumps[(unsigned char)info->jump]++)
				problem(f, owner, "its jump key is another field's too");
			bool numeric = info->kind == CJM_KIND_NUMBER || info->kind == CJM_KIND_EMOTION;
			if (numeric && info->has_at[owner] == CJM_FIELD_NO_FLAG)
				problem(f, owner, "a number without a presence flag");
			if (numeric && info->min >= info->max)
				problem(f, owner, "an empty range");
			if (info->kind == CJM_KIND_NUMBER && info->fallback &&
			    (info->fallback < info->min || info->fallback > info->max))
				problem(f, owner, "its default is out of its range");
			if (info->mark && info->kind != CJM_KIND_BOOL)
				problem(f, owner, "a mark on a field that is not a boolean");
		}
	}
	assert_int_equal(problems, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_every_field),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
